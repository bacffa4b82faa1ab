//! Rhai 1.27 (a scripting language; rules compiled with `compile_expression`, which accepts
//! an expression and no statements). The measure is converted once to a Rhai map and bound
//! as the constant `m`. Built with `std` and without `sync`; `--features min` trims it.

use common::{expr_str, Candidate};
use rhai::{Dynamic, Engine, Scope, AST};
use serde_json::Value;

pub struct Rhai;

/// serde_json to Rhai, by hand (the crate's own route needs its `serde` feature).
pub fn to_dynamic(v: &Value) -> Dynamic {
    match v {
        Value::Null => Dynamic::UNIT,
        Value::Bool(b) => Dynamic::from_bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Dynamic::from_int(i),
            None => Dynamic::from_float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Dynamic::from(s.clone()),
        Value::Array(a) => Dynamic::from_array(a.iter().map(to_dynamic).collect()),
        Value::Object(o) => {
            Dynamic::from_map(o.iter().map(|(k, x)| (k.as_str().into(), to_dynamic(x))).collect())
        }
    }
}

/// The engine: the standard one, or a raw one with the core and array packages (`min`).
pub fn new_engine() -> Engine {
    #[cfg(not(feature = "min"))]
    let engine = Engine::new();
    #[cfg(feature = "min")]
    let engine = {
        use rhai::packages::{BasicArrayPackage, CorePackage, Package};
        let mut e = Engine::new_raw();
        e.register_global_module(CorePackage::new().as_shared_module());
        e.register_global_module(BasicArrayPackage::new().as_shared_module());
        e
    };
    engine
}

impl Candidate for Rhai {
    const NAME: &'static str = "rhai";
    const RULES_SRC: &'static str = include_str!("../../../rules/rhai.json");
    type Engine = Engine;
    type Expr = AST;
    type Prepared<'m> = Scope<'static>;

    fn engine() -> Engine {
        new_engine()
    }
    fn compile_expr(e: &Engine, src: &Value) -> Result<AST, String> {
        e.compile_expression(expr_str(src)?).map_err(|x| x.to_string())
    }
    fn prepare(_: &Engine, m: &Value) -> Result<Scope<'static>, String> {
        let mut scope = Scope::new();
        scope.push_constant_dynamic("m", to_dynamic(m));
        Ok(scope)
    }
    fn test(e: &Engine, x: &AST, scope: &mut Scope<'static>) -> Result<bool, String> {
        e.eval_ast_with_scope::<bool>(scope, x).map_err(|x| x.to_string())
    }
}

common::export_wasm!(Rhai);
