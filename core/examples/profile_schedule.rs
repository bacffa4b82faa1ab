//! Parses every schedule text of the real programme (each measure's and each step's
//! `schedule.text`) and of the fixture table `tests/fixtures/schedules.json` many times,
//! for profiling the schedule parser natively. Prints ns per text; also the target of
//! callgrind, whose instruction counts do not depend on the machine's load:
//!
//! ```text
//! profile_schedule [rounds] [all|programme]
//!                                  parse every text (or the programme's only) `rounds`
//!                                  times (default 2000, all)
//! profile_schedule dump FILE       print each result of a JSON array of texts, one a line
//! ```
//!
//! `dump` is the differential check: run it before and after a change to the parser and
//! compare the outputs; they must be identical.

use std::time::Instant;

use measure_rules::schedule::parse;
use serde_json::Value;

const PROGRAMME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/programme-2017.json");
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/schedules.json");

fn schedule_text(holder: &Value) -> Option<String> {
    holder
        .get("schedule")
        .and_then(|s| s.get("text"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

fn texts(with_fixtures: bool) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let programme: Value = serde_json::from_str(&std::fs::read_to_string(PROGRAMME)?)?;
    let mut texts = Vec::new();
    for measure in programme
        .get("measures")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        texts.extend(schedule_text(measure));
        for step in measure.get("steps").and_then(Value::as_array).into_iter().flatten() {
            texts.extend(schedule_text(step));
        }
    }
    if !with_fixtures {
        return Ok(texts);
    }
    let fixtures: Value = serde_json::from_str(&std::fs::read_to_string(FIXTURES)?)?;
    for row in fixtures.as_array().into_iter().flatten() {
        texts.extend(row.get("text").and_then(Value::as_str).map(str::to_string));
    }
    Ok(texts)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    if first.as_deref() == Some("dump") {
        let path = args.next().ok_or("dump needs a file: a JSON array of texts")?;
        let texts: Vec<String> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        for text in &texts {
            println!("{text:?} => {:?}", parse(text));
        }
        return Ok(());
    }
    let rounds: usize = first.and_then(|a| a.parse().ok()).unwrap_or(2000);
    let with_fixtures = match args.next().as_deref() {
        None | Some("all") => true,
        Some("programme") => false,
        Some(other) => return Err(format!("unknown set {other}: all or programme").into()),
    };
    let texts = texts(with_fixtures)?;
    let start = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            let _ = std::hint::black_box(parse(std::hint::black_box(text)));
        }
    }
    let calls = rounds * texts.len();
    let per = start.elapsed().as_nanos() as f64 / calls.max(1) as f64;
    println!("{} texts x {rounds} rounds: {per:.0} ns per text", texts.len());
    Ok(())
}
