//! The typed model (`measure_rules::model`) and the JSON Schemas describe the same documents.

use std::collections::BTreeSet;

use measure_rules::model::{
    LeadBody, LocalizedText, Measure, Programme, ProgressNote, RuleSetDocument, Schedule, Step,
};
use serde_json::Value;

#[jsonschema::validator(path = "../schemas/measure.schema.json", draft = Draft202012)]
struct MeasureSchema;

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn text(s: &str) -> LocalizedText {
    LocalizedText {
        fi: Some(s.into()),
        sv: Some(s.into()),
        en: Some(s.into()),
    }
}

fn maximal() -> Measure {
    let schedule = Schedule {
        start: Some("2018".into()),
        end: Some("2019-12-31".into()),
        continuous: Some(false),
        text: Some("2018-2019".into()),
    };
    let note = ProgressNote {
        date: Some("2018-05".into()),
        text: text("Työ käynnistynyt."),
    };
    Measure {
        schema: Some("../schemas/measure.schema.json".into()),
        id: Some("2.6a".into()),
        theme: Some(2),
        title: Some(text("Otsikko")),
        lead_body: Some(LeadBody::One("SM".into())),
        partners: Some(vec!["PO".into()]),
        schedule: Some(schedule.clone()),
        status: Some("in-progress".into()),
        steps: Some(vec![Step {
            number: Some(1),
            text: text("Vaihe"),
            lead_body: Some(LeadBody::Joint(vec!["SM".into(), "TEM".into()])),
            partners: Some(vec!["OM".into()]),
            schedule: Some(schedule),
            status: Some("planned".into()),
            progress: Some(vec![note.clone()]),
        }]),
        progress: Some(vec![note]),
        updated: Some("2018-06-01".into()),
    }
}

/// Property names used anywhere in a JSON value.
fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                keys(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

/// Property names the schema defines (under any `properties`).
fn schema_properties(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == "properties" {
                    if let Value::Object(props) = x {
                        out.extend(props.keys().cloned());
                    }
                }
                schema_properties(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| schema_properties(x, out)),
        _ => {}
    }
}

#[test]
fn a_maximal_typed_measure_is_valid_and_uses_every_schema_property() {
    let value = serde_json::to_value(maximal()).unwrap();
    let errors: Vec<String> = MeasureSchema::iter_errors(&value).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let mut used = BTreeSet::new();
    keys(&value, &mut used);
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schemas/measure.schema.json")).unwrap()).unwrap();
    let mut defined = BTreeSet::new();
    schema_properties(&schema, &mut defined);
    let missing: Vec<&String> = defined.difference(&used).collect();
    assert!(missing.is_empty(), "the model lacks schema properties {missing:?}");
}

#[test]
fn the_real_programme_reads_into_the_model() {
    let text = std::fs::read_to_string(root().join("data/programme-2017.json")).unwrap();
    let p: Programme = serde_json::from_str(&text).unwrap();
    assert_eq!(p.measures.len(), 42);
    let back = serde_json::to_value(&p).unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back, original, "the model loses nothing of the programme");
}

#[test]
fn example_rule_sets_read_into_the_model() {
    for entry in std::fs::read_dir(root().join("tests/fixtures/rulesets")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: Result<RuleSetDocument, _> = serde_json::from_str(&text);
        assert!(doc.is_ok(), "{}: {:?}", path.display(), doc.err());
        // A set that extends another is built on top of the ministry's example.
        let engine = match doc.as_ref().ok().and_then(|d| d.extends.as_ref()) {
            Some(_) => {
                let base = std::fs::read_to_string(root().join("tests/fixtures/rulesets/ministry.json")).unwrap();
                measure_rules::Engine::with_rulesets_json(&[&base, &text])
            }
            None => measure_rules::Engine::with_ruleset_json(&text),
        };
        assert!(engine.is_ok(), "{}: {:?}", path.display(), engine.err());
    }
}
