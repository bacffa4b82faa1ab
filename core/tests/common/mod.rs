//! The shared rule cases (`tests/fixtures/cases.json`) as the integration tests read them.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test harness: a panic is a failed test"
)]

use std::path::PathBuf;

use measure_rules::{CheckOptions, Day, Engine, Lang};
use serde_json::{Map, Value};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn cases() -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A case's measure: the cases' base measure with the case's patch applied.
pub fn measure_of(doc: &Value, case: &Value) -> Value {
    let mut measure = doc["base"].clone();
    merge(&mut measure, &case["patch"]);
    measure
}

/// JSON Merge Patch (RFC 7386).
fn merge(target: &mut Value, patch: &Value) {
    if let Value::Object(p) = patch {
        if !target.is_object() {
            *target = Value::Object(Map::new());
        }
        let t = target.as_object_mut().unwrap();
        for (k, v) in p {
            if v.is_null() {
                t.remove(k);
            } else {
                merge(t.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
    } else {
        *target = patch.clone();
    }
}

/// The engine of a case: its own rule set, or the default.
pub fn engine_for(case: &Value) -> Engine {
    match case.get("ruleset") {
        Some(rs) => Engine::with_ruleset(rs).unwrap_or_else(|e| panic!("{}: {e}", case["name"])),
        None => Engine::new().unwrap(),
    }
}

/// A case's options in `lang`: its `asOf`, or the cases' own, and no explanations.
pub fn options(doc: &Value, case: &Value, lang: Lang) -> CheckOptions {
    let as_of = case
        .get("asOf")
        .or_else(|| doc.get("asOf"))
        .and_then(Value::as_str)
        .unwrap();
    CheckOptions {
        lang,
        as_of: Some(Day::parse_iso(as_of).unwrap()),
        ..CheckOptions::default()
    }
}
