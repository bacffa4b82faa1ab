//! Runs the shared rule cases in `tests/fixtures/cases.json` (also read by the Node and
//! browser tests) and compares every report with its golden file.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test harness: a panic is a failed test"
)]

use std::collections::BTreeSet;

use measure_rules::{CheckOptions, Engine, Lang, Report, RULES};
use serde_json::{json, Map, Value};

mod common;
use common::{cases, engine_for, measure_of, options, root};

#[jsonschema::validator(path = "../schemas/report.schema.json", draft = Draft202012)]
struct ReportSchema;

fn found(report: &Report, with_place: bool) -> Vec<Value> {
    let mut v: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            if with_place {
                json!([f.rule, f.path, f.line, f.column])
            } else {
                json!([f.rule, f.path])
            }
        })
        .collect();
    v.sort_by_key(|a| a.to_string());
    v
}

fn expected(case: &Value) -> Vec<Value> {
    let mut v: Vec<Value> = case["expect"].as_array().unwrap().clone();
    v.sort_by_key(|a| a.to_string());
    v
}

/// Runs every case in every language; returns the reports (English) by case name.
fn run_all() -> (Vec<String>, Map<String, Value>) {
    let doc = cases();
    let mut failures = Vec::new();
    let mut golden = Map::new();
    for case in doc["measures"].as_array().unwrap() {
        let measure = measure_of(&doc, case);
        let engine = engine_for(case);
        for lang in Lang::ALL {
            let report = engine.check_measure(&measure, &options(&doc, case, lang));
            if found(&report, false) != expected(case) {
                failures.push(format!(
                    "{} [{}]: expected {:?}, found {:?}",
                    case["name"],
                    lang.code(),
                    expected(case),
                    found(&report, false)
                ));
            }
            if lang == Lang::En {
                golden.insert(
                    case["name"].as_str().unwrap().to_string(),
                    serde_json::to_value(&report).unwrap(),
                );
            }
        }
    }
    for case in doc["texts"].as_array().unwrap() {
        let engine = engine_for(case);
        let report = engine.check_measure_json(case["text"].as_str().unwrap(), &options(&doc, case, Lang::En));
        let with_place = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_array().is_some_and(|a| a.len() == 4));
        let mut got = found(&report, with_place);
        if !with_place {
            got = found(&report, false);
        }
        if got != expected(case) {
            failures.push(format!(
                "{}: expected {:?}, found {:?}",
                case["name"],
                expected(case),
                got
            ));
        }
        golden.insert(
            case["name"].as_str().unwrap().to_string(),
            serde_json::to_value(&report).unwrap(),
        );
    }
    for case in doc["programmes"].as_array().unwrap() {
        let engine = engine_for(case);
        let report = engine.check_programme(&case["programme"], &options(&doc, case, Lang::En));
        if found(&report, false) != expected(case) {
            failures.push(format!(
                "{}: expected {:?}, found {:?}",
                case["name"],
                expected(case),
                found(&report, false)
            ));
        }
        golden.insert(
            case["name"].as_str().unwrap().to_string(),
            serde_json::to_value(&report).unwrap(),
        );
    }
    (failures, golden)
}

#[test]
fn every_case_reports_exactly_what_it_expects() {
    let (failures, _) = run_all();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_failing_and_a_passing_case() {
    let doc = cases();
    let all: Vec<&Value> = ["measures", "texts", "programmes"]
        .iter()
        .flat_map(|k| doc[*k].as_array().unwrap())
        .collect();
    let mut missing = Vec::new();
    for rule in RULES {
        if rule.id == "input.too-large" {
            continue; // a 32 MiB fixture has no place in the repository: see `too_large_input_is_refused`
        }
        if rule.id == "input.too-many-findings" {
            continue; // 50,000 findings of a kind neither: see `rules::input`'s `past_the_limit_findings_are_counted_not_listed`
        }
        let about: Vec<&&Value> = all.iter().filter(|c| c["rule"] == rule.id).collect();
        let fires = |c: &&&Value| c["expect"].as_array().unwrap().iter().any(|e| e[0] == rule.id);
        if !about.iter().any(fires) {
            missing.push(format!("{}: no failing case", rule.id));
        }
        if !about.iter().any(|c| !fires(c)) {
            missing.push(format!("{}: no passing case", rule.id));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn too_large_input_is_refused() {
    let engine = Engine::new().unwrap();
    let text = format!(
        "{{\"id\": \"{}\"}}",
        "x".repeat(measure_rules::limits::MAX_DOCUMENT_BYTES)
    );
    let report = engine.check_measure_json(&text, &CheckOptions::default());
    assert_eq!(report.findings.len(), 1);
    assert_eq!(report.findings[0].rule, "input.too-large");
    let small = engine.check_measure_json("{\"id\": \"2.1\"}", &CheckOptions::default());
    assert!(small.findings.iter().all(|f| f.rule != "input.too-large"));
}

#[test]
fn reports_match_their_golden_file() {
    let (_, golden) = run_all();
    for (name, report) in &golden {
        let errors: Vec<String> = ReportSchema::iter_errors(report)
            .map(|e| format!("{}: {e}", e.instance_path().as_str()))
            .collect();
        assert!(
            errors.is_empty(),
            "{name}: report does not match report.schema.json: {errors:#?}"
        );
    }
    let path = root().join("tests/golden/cases.en.json");
    let text = serde_json::to_string_pretty(&Value::Object(golden)).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "{} differs from the engine's reports; review the change and run with UPDATE_GOLDEN=1",
        path.display()
    );
}

#[test]
fn messages_are_localised_and_filled() {
    let doc = cases();
    let case = doc["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "partner-typo")
        .unwrap();
    let measure = measure_of(&doc, case);
    let engine = Engine::new().unwrap();
    let mut seen = BTreeSet::new();
    for lang in Lang::ALL {
        let r = engine.check_measure(&measure, &options(&doc, case, lang));
        let f = &r.findings[0];
        assert!(
            f.message.contains("Tuli") && f.message.contains("Tulli"),
            "{}",
            f.message
        );
        assert!(!f.message.contains('{'), "unfilled parameter: {}", f.message);
        assert!(f.help.is_some());
        assert_eq!(f.params.get("suggestion").map(String::as_str), Some("Tulli"));
        seen.insert(f.message.clone());
    }
    assert_eq!(seen.len(), 3, "one message per language");
}
