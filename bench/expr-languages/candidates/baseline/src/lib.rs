//! The floor: serde_json and the three rules written in Rust. The rule set only names the
//! hand-written predicates, so the wasm holds the same JSON handling as every candidate and
//! no expression language.

use common::{Candidate, expr_str};
use serde_json::Value;

pub struct Baseline;

type Pred = fn(&Value) -> bool;

fn theme_is_7(m: &Value) -> bool {
    m.get("theme").and_then(Value::as_i64) == Some(7)
}
fn partners_has_kuntaliitto(m: &Value) -> bool {
    m.get("partners")
        .and_then(Value::as_array)
        .is_some_and(|a| a.iter().any(|p| p.as_str() == Some("Kuntaliitto")))
}
fn status_is_completed(m: &Value) -> bool {
    m.get("status").and_then(Value::as_str) == Some("completed")
}
fn progress_non_empty(m: &Value) -> bool {
    m.get("progress").and_then(Value::as_array).is_some_and(|a| !a.is_empty())
}
fn lead_is_sm(m: &Value) -> bool {
    match m.get("leadBody") {
        Some(Value::String(s)) => s == "SM",
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str() == Some("SM")),
        _ => false,
    }
}
fn title_sv_non_empty(m: &Value) -> bool {
    m.get("title").and_then(|t| t.get("sv")).and_then(Value::as_str).is_some_and(|s| !s.is_empty())
}

impl Candidate for Baseline {
    const NAME: &'static str = "baseline";
    const RULES_SRC: &'static str = include_str!("../../../rules/baseline.json");
    type Engine = ();
    type Expr = Pred;
    type Prepared<'m> = &'m Value;

    fn engine() {}
    fn compile_expr(_: &(), src: &Value) -> Result<Pred, String> {
        Ok(match expr_str(src)? {
            "theme_is_7" => theme_is_7,
            "partners_has_kuntaliitto" => partners_has_kuntaliitto,
            "status_is_completed" => status_is_completed,
            "progress_non_empty" => progress_non_empty,
            "lead_is_sm" => lead_is_sm,
            "title_sv_non_empty" => title_sv_non_empty,
            other => return Err(format!("unknown predicate {other}")),
        })
    }
    fn prepare<'m>(_: &(), m: &'m Value) -> Result<&'m Value, String> {
        Ok(m)
    }
    fn test(_: &(), p: &Pred, m: &mut &Value) -> Result<bool, String> {
        Ok(p(m))
    }
}

common::export_wasm!(Baseline);
