//! Replays the committed cargo-fuzz corpus (`fuzz/corpus/<target>/`) and the minimised
//! crashes kept as regressions (`fuzz/regressions/<target>/`) through the same calls as the
//! fuzz targets in `fuzz/fuzz_targets/`, on stable and without libFuzzer. Every call returns a
//! value; the test passes when none panics (a panic fails the test, naming the file).

#![expect(clippy::unwrap_used, reason = "test harness: a panic is a failed test")]

use std::path::{Path, PathBuf};

use measure_rules::{locate, parse_schedule, CheckOptions, Engine, Lang};
use serde_json::Value;

#[path = "../../fuzz/common/mutate.rs"]
mod mutate;

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every file of `target` under the corpus and the regressions, in a stable order.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        let dir = fuzz_dir().join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && !is_hidden(p))
            .collect();
        paths.sort();
        for p in paths {
            let bytes = std::fs::read(&p).unwrap();
            out.push((p, bytes));
        }
    }
    out
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn lang_of(n: usize) -> Lang {
    match n % 3 {
        0 => Lang::Fi,
        1 => Lang::Sv,
        _ => Lang::En,
    }
}

/// Runs `body` on each input; a panic is reported with the file that caused it.
fn replay(target: &str, body: impl Fn(&[u8])) {
    let all = inputs(target);
    assert!(
        !all.is_empty(),
        "no corpus for {target} under {}",
        fuzz_dir().join("corpus").display()
    );
    for (path, bytes) in &all {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(bytes)));
        assert!(result.is_ok(), "{target}: {} panicked", path.display());
    }
}

#[test]
fn check_document_corpus() {
    let engine = Engine::new().unwrap();
    replay("check_document", |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let opts = CheckOptions {
            lang: lang_of(text.len()),
            as_of: None,
            explain: true,
        };
        let report = engine.check_document_json(text, &opts);
        let _ = engine.check_measure_json(text, &opts);
        let _ = engine.check_programme_json(text, &opts);
        let mut pointers: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
        pointers.extend(["", "/", "/measures/0/id", "/~1/~0", "/a/b/c/d/e/f/g/h"]);
        let _ = locate(text, &pointers);
    });
}

const MEASURE: &str = r#"{"id": "2.1", "theme": 2, "title": {"fi": "Otsikko", "sv": "Rubrik"},
  "leadBody": "SM", "partners": ["POHA"], "schedule": {"text": "2018-2019"},
  "status": "completed"}"#;

fn exercise(engine: &Engine) {
    let _ = engine.run_tests();
    let _ = engine.custom_rules(Lang::En);
    let opts = CheckOptions {
        lang: Lang::Sv,
        as_of: None,
        explain: true,
    };
    let _ = engine.check_measure_json(MEASURE, &opts);
}

#[test]
fn ruleset_corpus() {
    replay("ruleset", |data| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        if let Ok(engine) = Engine::with_ruleset_json(text) {
            exercise(&engine);
        }
        let (base, refinement) = text.split_once('\0').unwrap_or_else(|| {
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid += 1;
            }
            text.split_at(mid)
        });
        if let Ok(engine) = Engine::with_rulesets_json(&[base, refinement]) {
            exercise(&engine);
        }
    });
}

#[test]
fn schedule_corpus() {
    replay("schedule", |data| {
        let Some((&first, rest)) = data.split_first() else {
            return;
        };
        let text = String::from_utf8_lossy(rest);
        let _ = parse_schedule(&text, lang_of(usize::from(first)));
    });
}

#[test]
fn structured_corpus() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let programme: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("data/programme-2017.json")).unwrap()).unwrap();
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        lang: Lang::En,
        as_of: None,
        explain: true,
    };
    replay("structured", |data| {
        let (measure, whole) = mutate::mutate(&programme, data);
        let _ = engine.check_measure(&measure, &opts);
        let _ = engine.check_programme(&whole, &opts);
    });
}
