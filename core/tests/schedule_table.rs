//! Runs the schedule parser over the shared fixture table `tests/fixtures/schedules.json`
//! (also read by the Node tests) and reports every row that disagrees, not just the first.

use measure_rules::schedule::{parse, ScheduleError};
use serde_json::{json, Value};

const FIXTURES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/schedules.json"));

fn error_code(e: &ScheduleError) -> &'static str {
    match e {
        ScheduleError::Unreadable => "unreadable",
        ScheduleError::NonExistentDate(_) => "non-existent-date",
        ScheduleError::Reversed { .. } => "reversed",
    }
}

fn outcome(text: &str) -> Value {
    match parse(text) {
        Ok(parsed) => serde_json::to_value(parsed).unwrap_or(Value::Null),
        Err(e) => json!({ "error": error_code(&e) }),
    }
}

#[test]
fn every_fixture_row_parses_as_expected() -> Result<(), serde_json::Error> {
    let rows: Vec<Value> = serde_json::from_str(FIXTURES)?;
    assert!(rows.len() > 100, "the table has only {} rows", rows.len());
    let mut mismatches = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let (Some(text), Some(expect)) = (row.get("text").and_then(Value::as_str), row.get("expect")) else {
            mismatches.push(format!("row {i}: no text or expect: {row}"));
            continue;
        };
        let source = row.get("source").and_then(Value::as_str).unwrap_or("?");
        if !matches!(row.get("lang").and_then(Value::as_str), Some("fi" | "sv" | "en")) {
            mismatches.push(format!("row {i} ({source}) {text:?}: lang must be fi, sv or en"));
        }
        let got = outcome(text);
        if &got != expect {
            mismatches.push(format!(
                "row {i} ({source}) {text:?}\n    expected {expect}\n    got      {got}"
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} rows disagree:\n{}",
        mismatches.len(),
        rows.len(),
        mismatches.join("\n")
    );
    Ok(())
}

#[test]
fn the_table_covers_every_source() -> Result<(), serde_json::Error> {
    let rows: Vec<Value> = serde_json::from_str(FIXTURES)?;
    let count = |source: &str| {
        rows.iter()
            .filter(|r| r.get("source").and_then(Value::as_str) == Some(source))
            .count()
    };
    assert!(count("seed-004") >= 100, "seed-004: {}", count("seed-004"));
    assert!(count("domain") >= 21, "domain: {}", count("domain"));
    assert!(count("sv") >= 20, "sv: {}", count("sv"));
    assert!(count("en") >= 20, "en: {}", count("en"));
    assert!(count("edge") >= 20, "edge: {}", count("edge"));
    Ok(())
}
