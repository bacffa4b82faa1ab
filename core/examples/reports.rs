//! One compact JSON report per input line (each line a JSON string holding one document's
//! text, so any text, broken or multi-line, passes through unchanged), for the
//! differential test that compares the native engine with the WebAssembly one.
//!
//! `reports --lang en --as-of 2019-06-01 < documents.jsonl > reports.jsonl`

use std::io::{BufRead, Write};

use measure_rules::{CheckOptions, Day, Engine, Lang};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = CheckOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => opts.lang = Lang::from_code(&args.next().unwrap_or_default()).ok_or("--lang fi|sv|en")?,
            "--as-of" => {
                opts.as_of = Some(Day::parse_iso(&args.next().unwrap_or_default()).map_err(|_| "--as-of YYYY-MM-DD")?)
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let engine = Engine::new()?;
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let text: String = serde_json::from_str(&line?)?;
        let report = engine.check_document_json(&text, &opts);
        serde_json::to_writer(&mut out, &report)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
