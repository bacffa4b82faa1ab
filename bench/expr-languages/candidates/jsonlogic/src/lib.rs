//! JsonLogic with the `jsonlogic` crate: `apply(&rule, &data)` on serde_json values; no
//! separate compile step (the rule is parsed on every `apply`).

use common::{jsonlogic_truthy, Candidate};
use serde_json::Value;

pub struct Jsonlogic;

impl Candidate for Jsonlogic {
    const NAME: &'static str = "jsonlogic";
    const RULES_SRC: &'static str = include_str!("../../../rules/jsonlogic.json");
    type Engine = ();
    type Expr = Value;
    type Prepared<'m> = &'m Value;

    fn engine() {}
    fn compile_expr(_: &(), src: &Value) -> Result<Value, String> {
        Ok(src.clone())
    }
    fn prepare<'m>(_: &(), m: &'m Value) -> Result<&'m Value, String> {
        Ok(m)
    }
    fn test(_: &(), x: &Value, m: &mut &Value) -> Result<bool, String> {
        jsonlogic::apply(x, m).map(|v| jsonlogic_truthy(&v))
    }
}

common::export_wasm!(Jsonlogic);
