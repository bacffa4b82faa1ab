//! What more than one of the integration tests needs.

#![expect(clippy::unwrap_used, reason = "test harness: a panic is a failed test")]

use serde_json::{Map, Value};

/// JSON Merge Patch (RFC 7386): how the shared cases (`tests/fixtures/cases.json`) make each
/// case's measure from the base one.
pub fn merge(target: &mut Value, patch: &Value) {
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
