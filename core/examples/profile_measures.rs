//! Checks the real programme many times, for profiling the engine natively: per measure
//! (`check_measure` on each of its 42 measures), or whole (`check_programme` on the parsed
//! value, `check_programme_json` on the text, or the text only parsed, for the share of
//! JSON decoding, or only its findings placed at line and column, `locate`), or a measure
//! whose lead body and partner are misspelt (`typo`, the "did you mean" search a form runs
//! while a name is typed), or each measure as a file's bytes with
//! the report written as JSON text (`documents`, the CLI's `--format json`), or each measure of
//! a file holding a JSON array of them (`file`: bench/form.mjs gives it the form job's inputs,
//! for the native engine's share of a form check; `file-doc`: the same measures read into
//! `Borrowed` documents first, the document the wasm builds check). Prints ns per call; also the
//! target of `perf record` and callgrind.
//!
//! `profile_measures [measures|documents|programme|programme-text|locate|parse|typo] [rounds]`
//! `profile_measures file|file-doc ROUNDS FILE`

use std::time::Instant;

use measure_rules::{CheckOptions, Day, Engine, Lang};
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/programme-2017.json"))?;
    let programme: Value = serde_json::from_str(&text)?;
    let measures = programme
        .get("measures")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let engine = Engine::new()?;
    let opts = CheckOptions {
        lang: Lang::Fi,
        as_of: Day::parse_iso("2018-06-01").ok(),
        explain: false,
    };
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "measures".into());
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    // Read before the clock starts.
    let listed: Vec<Value> = match (mode.as_str(), args.next()) {
        ("file" | "file-doc", Some(path)) => serde_json::from_str(&std::fs::read_to_string(path)?)?,
        ("file" | "file-doc", None) => {
            return Err("file and file-doc need ROUNDS and a FILE holding a JSON array of measures".into())
        }
        _ => Vec::new(),
    };
    // For `file-doc`, the same inputs read into `Borrowed` documents, as the wasm builds read
    // theirs: the rules' own cost without `Value`'s map lookups.
    let texts: Vec<String> = match mode.as_str() {
        "file-doc" => listed.iter().map(Value::to_string).collect(),
        _ => Vec::new(),
    };
    let room = measure_rules::Unescaped::new();
    let docs = texts
        .iter()
        .map(|t| measure_rules::Borrowed::from_json(t, &room))
        .collect::<Result<Vec<_>, _>>()?;
    let start = Instant::now();
    let calls = match mode.as_str() {
        "file" => {
            for _ in 0..rounds {
                for m in &listed {
                    std::hint::black_box(engine.check_measure(m, &opts));
                }
            }
            rounds * listed.len()
        }
        "file-doc" => {
            for _ in 0..rounds {
                for d in &docs {
                    std::hint::black_box(engine.check_measure_doc(d, &opts));
                }
            }
            rounds * docs.len()
        }
        "measures" => {
            for _ in 0..rounds {
                for m in &measures {
                    std::hint::black_box(engine.check_measure(m, &opts));
                }
            }
            rounds * measures.len()
        }
        "programme" => {
            for _ in 0..rounds {
                std::hint::black_box(engine.check_programme(&programme, &opts));
            }
            rounds
        }
        "programme-text" => {
            for _ in 0..rounds {
                std::hint::black_box(engine.check_programme_json(&text, &opts));
            }
            rounds
        }
        "typo" => {
            let mut typo = measures.first().cloned().unwrap_or_default();
            if let Some(m) = typo.as_object_mut() {
                m.insert("leadBody".into(), "Sisäministeriöö".into());
                m.insert("partners".into(), serde_json::json!(["Poliisihalitus", "Tuli"]));
            }
            for _ in 0..rounds {
                std::hint::black_box(engine.check_measure(&typo, &opts));
            }
            rounds
        }
        "documents" => {
            // The CLI's `--format json` per file: a measure file's bytes, the report as text.
            let files: Vec<Vec<u8>> = measures
                .iter()
                .map(|m| serde_json::to_vec_pretty(m).unwrap_or_default())
                .collect();
            for _ in 0..rounds {
                for f in &files {
                    std::hint::black_box(engine.check_document_bytes(f, &opts).to_json_nested(3));
                }
            }
            rounds * files.len()
        }
        "locate" => {
            // Line and column for the programme report's findings, alone.
            let report = engine.check_programme(&programme, &opts);
            let pointers: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
            for _ in 0..rounds {
                std::hint::black_box(measure_rules::locate(&text, &pointers));
            }
            rounds
        }
        "parse" => {
            for _ in 0..rounds {
                std::hint::black_box(serde_json::from_str::<Value>(&text)?);
            }
            rounds
        }
        other => {
            return Err(format!(
                "unknown mode {other}: measures, file, file-doc, documents, programme, programme-text, locate, parse or typo"
            )
            .into())
        }
    };
    let per = start.elapsed().as_nanos() as f64 / calls.max(1) as f64;
    println!("{mode}: {per:.0} ns per call ({calls} calls)");
    Ok(())
}
