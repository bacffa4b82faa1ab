//! The real 2017 programme: its data agrees with the parser and the registry, and the
//! engine's report on it is the committed golden report.

#![expect(clippy::unwrap_used, reason = "test harness: a panic is a failed test")]

use std::path::PathBuf;

use measure_rules::registry::{OrgKind, Registry, Resolution};
use measure_rules::{schedule, CheckOptions, Day, Engine, Lang};
use serde_json::Value;

/// The date the golden reports are judged at: just after the programme's spring 2018
/// progress update, so the status rules speak of the programme as published.
const AS_OF: &str = "2018-06-01";

#[jsonschema::validator(path = "../schemas/organisations.schema.json", draft = Draft202012)]
struct OrganisationsSchema;

#[jsonschema::validator(path = "../schemas/programme.schema.json", draft = Draft202012, resources = {
    "https://measure-rules.github.io/schemas/v1/measure.schema.json" => { path = "../schemas/measure.schema.json" }
})]
struct ProgrammeSchema;

#[jsonschema::validator(path = "../schemas/report.schema.json", draft = Draft202012)]
struct ReportSchema;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap()
}

fn programme() -> Value {
    serde_json::from_str(&read("data/programme-2017.json")).unwrap()
}

#[test]
fn data_files_are_valid_against_their_schemas() {
    let orgs: Value = serde_json::from_str(&read("data/organisations.json")).unwrap();
    let errors: Vec<String> = OrganisationsSchema::iter_errors(&orgs)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let errors: Vec<String> = ProgrammeSchema::iter_errors(&programme())
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn programme_has_all_measures() {
    let p = programme();
    let ids: Vec<&str> = p["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 42, "39 numbered measures, 2.6 in two parts and 4.3 in three");
    let numbered: std::collections::BTreeSet<&str> =
        ids.iter().map(|id| id.trim_end_matches(char::is_alphabetic)).collect();
    assert_eq!(numbered.len(), 39);
    for id in ["2.6a", "2.6b", "4.3a", "4.3b", "4.3c", "8.3"] {
        assert!(ids.contains(&id), "{id}");
    }
}

/// Every schedule's dates in the data are what the parser reads from its text, so the data
/// can be regenerated (`scripts/fill-schedule-dates.py`) and never disagrees with the engine.
#[test]
fn schedule_dates_agree_with_the_parser() {
    let p = programme();
    let mut problems = Vec::new();
    let mut schedules: Vec<(String, &Value)> = Vec::new();
    for m in p["measures"].as_array().unwrap() {
        let id = m["id"].as_str().unwrap();
        if let Some(s) = m.get("schedule") {
            schedules.push((id.to_string(), s));
        }
        for (i, step) in m
            .get("steps")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            if let Some(s) = step.get("schedule") {
                schedules.push((format!("{id} step {}", i + 1), s));
            }
        }
    }
    assert!(schedules.len() > 50, "{}", schedules.len());
    for (where_, s) in schedules {
        let Some(text) = s.get("text").and_then(Value::as_str) else {
            continue;
        };
        let (start, end, continuous) = match schedule::parse(text) {
            Ok(p) => (
                p.start.map(|d| d.to_string()),
                p.end.map(|d| d.to_string()),
                p.continuous,
            ),
            Err(_) => (None, None, false),
        };
        let got = (
            s.get("start").and_then(Value::as_str).map(str::to_string),
            s.get("end").and_then(Value::as_str).map(str::to_string),
            s.get("continuous").and_then(Value::as_bool).unwrap_or(false),
        );
        if got != (start.clone(), end.clone(), continuous) {
            problems.push(format!(
                "{where_} {text:?}: data has {got:?}, parser reads {:?}",
                (start, end, continuous)
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "run scripts/fill-schedule-dates.py:\n{}",
        problems.join("\n")
    );
}

/// The registry's own structure: a parent is an organisation of it, no organisation is its own
/// ancestor, a department belongs to a ministry (DOMAIN.md: `SM/PO`), and the path
/// "PARENT/CODE" names the organisation. The data is edited by hand; nothing else checks this.
#[test]
fn every_parent_in_the_registry_is_an_organisation_of_it() {
    let registry = Registry::builtin().unwrap();
    let mut problems = Vec::new();
    for org in registry.organisations() {
        let Some(parent) = &org.parent else { continue };
        let Some(up) = registry.get(parent) else {
            problems.push(format!("{}: parent {parent} is not in the registry", org.code));
            continue;
        };
        if org.kind == OrgKind::Department && up.kind != OrgKind::Ministry {
            problems.push(format!(
                "{}: a department whose parent {parent} is not a ministry",
                org.code
            ));
        }
        let mut seen = vec![org.code.as_str()];
        let mut at = up;
        while let Some(next) = at.parent.as_deref() {
            if seen.contains(&at.code.as_str()) {
                problems.push(format!("{}: its own ancestor, through {}", org.code, seen.join(" < ")));
                break;
            }
            seen.push(&at.code);
            let Some(found) = registry.get(next) else { break };
            at = found;
        }
        match registry.resolve(&format!("{parent}/{}", org.code)) {
            Resolution::Alias(found) if found.code == org.code => {}
            _ => problems.push(format!("{}: {parent}/{} does not name it", org.code, org.code)),
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_body_named_in_the_seed_resolves() {
    let registry = Registry::builtin().unwrap();
    let bodies: Value = serde_json::from_str(&read("data/organisations-seed-004-bodies.json")).unwrap();
    let unknown: Vec<&str> = bodies
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .filter(|t| matches!(registry.resolve(t), Resolution::Unknown))
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");
    for code in [
        "SM",
        "OM",
        "OKM",
        "STM",
        "TEM",
        "YM",
        "PLM",
        "UM",
        "VNK",
        "TPK",
        "HKO",
        "PO",
        "PEO",
        "MMO",
        "RVL",
        "POHA",
        "KRP",
        "SUPO",
        "MIGRI",
        "HÄKE",
        "Tulli",
        "THL",
        "OPH",
        "AVI",
        "PolAMK",
        "Pelastusopisto",
        "RISE",
        "RMVK",
        "VKSV",
        "TSV",
        "RTN",
        "ETNO",
        "Turvallisuuskomitea",
        "Kuntaliitto",
        "SPEK",
        "kunnat",
        "maakunnat",
        "järjestöt",
        "elinkeinoelämä",
        "viranomaiset",
    ] {
        assert!(registry.get(code).is_some(), "{code} is not a registry code");
    }
}

#[test]
fn reports_match_the_golden_files() {
    let engine = Engine::new().unwrap();
    let text = read("data/programme-2017.json");
    let mut stale = Vec::new();
    for lang in [Lang::Fi, Lang::Sv, Lang::En] {
        let report = engine.check_programme_json(
            &text,
            &CheckOptions {
                lang,
                as_of: Some(Day::parse_iso(AS_OF).unwrap()),
                ..CheckOptions::default()
            },
        );
        assert_eq!(report.measures, 42);
        assert!(
            report.findings.iter().all(|f| f.line.is_some() && f.measure.is_some()),
            "every finding is placed and names its measure"
        );
        let value = serde_json::to_value(&report).unwrap();
        let errors: Vec<String> = ReportSchema::iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path().as_str()))
            .collect();
        assert!(
            errors.is_empty(),
            "report does not match report.schema.json: {errors:#?}"
        );
        let json = report.to_json_pretty() + "\n";
        let path = root().join(format!("tests/golden/programme-2017.{}.json", lang.code()));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &json).unwrap();
        } else if std::fs::read_to_string(&path).unwrap_or_default() != json {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "golden reports differ from the engine's: {stale:?}; review and run with UPDATE_GOLDEN=1"
    );
}

/// A programme's period is read as every other date is: the real one passes, a typo at
/// either end is placed there, and the measures' findings are unchanged.
#[test]
fn the_programme_period_is_checked_as_a_date() {
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        lang: Lang::En,
        as_of: Some(Day::parse_iso(AS_OF).unwrap()),
        ..CheckOptions::default()
    };
    let dates = |report: &measure_rules::Report| -> Vec<(String, String)> {
        report
            .findings
            .iter()
            .filter(|f| f.rule == "schedule.invalid-date")
            .map(|f| (f.path.clone(), f.message.clone()))
            .collect()
    };
    let mut p = programme();
    let before = engine.check_programme(&p, &opts);
    assert!(p["period"]["start"].is_string() && p["period"]["end"].is_string());
    assert_eq!(dates(&before), vec![]);
    p["period"]["start"] = Value::from("2017-13");
    p["period"]["end"] = Value::from("31.12.2020");
    let after = engine.check_programme(&p, &opts);
    assert_eq!(
        dates(&after),
        vec![
            (
                "/period/end".to_string(),
                "31.12.2020 is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.".to_string()
            ),
            (
                "/period/start".to_string(),
                "The date 2017-13 does not exist.".to_string()
            ),
        ]
    );
    assert_eq!(after.findings.len(), before.findings.len() + 2);
}

/// The CLI copies `to_json_nested` bytes into its JSON output as they are: they must be
/// serde_json's pretty text, indented to the depth asked, for reports with every kind of
/// value (explanations with empty and nested objects, fixes, a report without findings).
#[test]
fn nested_json_is_pretty_json_indented_to_its_depth() {
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        lang: Lang::En,
        as_of: Day::parse_iso(AS_OF).ok(),
        explain: true,
    };
    let measures = programme()["measures"].as_array().cloned().unwrap_or_default();
    let clean = measures
        .iter()
        .map(|m| engine.check_measure(m, &opts))
        .find(|r| r.findings.is_empty())
        .unwrap();
    let reports = [
        engine.check_document_json(&read("data/programme-2017.json"), &opts),
        engine.check_document_json("{\"id\": 1.0, \"partners\": [], \"schedule\": {}}", &opts),
        engine.check_document_json("[1, {]", &opts),
        clean,
    ];
    for report in &reports {
        let pretty = serde_json::to_string_pretty(report).unwrap();
        assert_eq!(report.to_json_pretty(), pretty);
        for depth in [1, 3] {
            let nested = String::from_utf8(report.to_json_nested(depth)).unwrap();
            assert_eq!(
                nested,
                pretty.replace('\n', &format!("\n{}", "  ".repeat(depth))),
                "depth {depth}"
            );
        }
    }
    assert!(
        reports.iter().any(|r| r.findings.is_empty()),
        "a report without findings"
    );
    assert!(reports.iter().any(|r| r.findings.iter().any(|f| f.explain.is_some())));
}
