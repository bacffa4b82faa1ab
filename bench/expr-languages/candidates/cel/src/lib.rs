//! CEL with the `cel` crate (the cel-rust project; its earlier name was `cel-interpreter`):
//! programs compiled once against the standard environment; the measure converted once to a
//! CEL value (`cel::to_value`) and bound as `m`.

use cel::{Context, Env, Program, Value as CelValue};
use common::{expr_str, Candidate};
use serde_json::Value;
use std::sync::Arc;

pub struct Cel;

impl Candidate for Cel {
    const NAME: &'static str = "cel";
    const RULES_SRC: &'static str = include_str!("../../../rules/cel.json");
    type Engine = Arc<Env>;
    type Expr = Program;
    type Prepared<'m> = Context<'static, 'static>;

    fn engine() -> Arc<Env> {
        Arc::new(Env::stdlib())
    }
    fn compile_expr(env: &Arc<Env>, src: &Value) -> Result<Program, String> {
        env.compile(expr_str(src)?).map_err(|e| e.to_string())
    }
    fn prepare(env: &Arc<Env>, m: &Value) -> Result<Context<'static, 'static>, String> {
        let v = cel::to_value(m).map_err(|e| e.to_string())?;
        let mut ctx = Context::with_env(Arc::clone(env));
        ctx.add_variable_from_value("m", v);
        Ok(ctx)
    }
    fn test(_: &Arc<Env>, p: &Program, ctx: &mut Context<'static, 'static>) -> Result<bool, String> {
        match p.execute(ctx) {
            Ok(CelValue::Bool(b)) => Ok(b),
            Ok(other) => Err(format!("not a bool: {other:?}")),
            Err(e) => Err(e.to_string()),
        }
    }
}

common::export_wasm!(Cel);
