//! JsonLogic with jsonlogic-rs: `apply(&rule, &data)` on serde_json values; the crate has no
//! separate compile step (it parses the rule on every `apply`).

use common::{jsonlogic_truthy, Candidate};
use serde_json::Value;

pub struct JsonlogicRs;

impl Candidate for JsonlogicRs {
    const NAME: &'static str = "jsonlogic-rs";
    const RULES_SRC: &'static str = include_str!("../../../rules/jsonlogic.json");
    type Engine = ();
    type Expr = Value;
    type Prepared<'m> = &'m Value;

    fn engine() {}
    fn compile_expr(_: &(), src: &Value) -> Result<Value, String> {
        // Nothing to compile: the crate exposes no parse step, `apply` parses the rule on
        // every call (so a malformed rule is only found when it is evaluated).
        Ok(src.clone())
    }
    fn prepare<'m>(_: &(), m: &'m Value) -> Result<&'m Value, String> {
        Ok(m)
    }
    fn test(_: &(), x: &Value, m: &mut &Value) -> Result<bool, String> {
        jsonlogic_rs::apply(x, m).map(|v| jsonlogic_truthy(&v)).map_err(|e| e.to_string())
    }
}

common::export_wasm!(JsonlogicRs);
