//! CEL with `cel-interpreter` 0.10 (the last release under that name; the project goes on
//! as the `cel` crate): programs compiled once; the measure converted once
//! (`cel_interpreter::to_value`) and bound as `m`.
//!
//! Its rule set differs from `rules/cel.json` in rule c only: 0.10 has no `type()`, and its
//! `in` and `contains` on a string test for a substring, so "leadBody is "SM" or a list
//! holding "SM"" cannot be written exactly (a lead "OSM" or "SM/PO" matches).

use cel_interpreter::{Context, Program, Value as CelValue};
use common::{expr_str, Candidate};
use serde_json::Value;

pub struct CelInterpreter;

impl Candidate for CelInterpreter {
    const NAME: &'static str = "cel-interpreter";
    const RULES_SRC: &'static str = include_str!("../../../rules/cel-interpreter.json");
    type Engine = ();
    type Expr = Program;
    type Prepared<'m> = Context<'static>;

    fn engine() {}
    fn compile_expr(_: &(), src: &Value) -> Result<Program, String> {
        Program::compile(expr_str(src)?).map_err(|e| e.to_string())
    }
    fn prepare(_: &(), m: &Value) -> Result<Context<'static>, String> {
        let v = cel_interpreter::to_value(m).map_err(|e| e.to_string())?;
        let mut ctx = Context::default();
        ctx.add_variable_from_value("m", v);
        Ok(ctx)
    }
    fn test(_: &(), p: &Program, ctx: &mut Context<'static>) -> Result<bool, String> {
        match p.execute(ctx) {
            Ok(CelValue::Bool(b)) => Ok(b),
            Ok(other) => Err(format!("not a bool: {other:?}")),
            Err(e) => Err(e.to_string()),
        }
    }
}

common::export_wasm!(CelInterpreter);
