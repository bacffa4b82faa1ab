//! The rules, one file per family. Each file holds its rules' catalogue entries (id,
//! severity, documentation) beside the code that checks them.

use serde_json::{Map, Value};

use crate::context::{child, item, Cx};

pub mod id;
pub mod input;
pub mod organisations;
pub mod programme;
pub mod schedule;
pub mod status;
pub mod structure;
pub mod title;

/// Implementation steps carry their own lead, partners, schedule and status; the
/// "required" rules apply to the measure only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Measure,
    Step,
}

pub(crate) fn check_measure(cx: &mut Cx<'_>, m: &Map<String, Value>, base: &str) {
    id::check(cx, m, base);
    title::check(cx, m, base);
    organisations::check(cx, m, base, Level::Measure);
    schedule::check(cx, m, base, Level::Measure);
    status::check(cx, m, base, Level::Measure);
    if let Some(steps) = m.get("steps").and_then(Value::as_array) {
        let steps_path = child(base, "steps");
        for (i, step) in steps.iter().enumerate() {
            if let Value::Object(s) = step {
                let b = item(&steps_path, i);
                organisations::check(cx, s, &b, Level::Step);
                schedule::check(cx, s, &b, Level::Step);
                status::check(cx, s, &b, Level::Step);
            }
        }
    }
}
