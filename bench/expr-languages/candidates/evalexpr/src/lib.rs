//! evalexpr 11.3.1 (the last MIT release; 12 and later are AGPL-3.0-only). evalexpr has no
//! map type: the host flattens the measure into variables (`theme`, `partners`,
//! `title.sv`, ...), arrays becoming tuples and objects inside arrays `()`. Its operators
//! evaluate every operand (no short-circuit), so the host also gives absent fields a typed
//! default and always binds `leadBody` as a tuple: the expressions could not guard against
//! them.

use common::{expr_str, Candidate};
use evalexpr::{
    build_operator_tree, ContextWithMutableVariables, HashMapContext, Node, Value as EValue,
};
use serde_json::Value;

pub struct Evalexpr;

fn scalar(v: &Value) -> EValue {
    match v {
        Value::Null | Value::Object(_) => EValue::Empty,
        Value::Bool(b) => EValue::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => EValue::Int(i),
            None => EValue::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => EValue::String(s.clone()),
        Value::Array(a) => EValue::Tuple(a.iter().map(scalar).collect()),
    }
}

fn flatten(prefix: &str, v: &Value, ctx: &mut HashMapContext) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                if prefix.is_empty() && k == "leadBody" {
                    continue; // bound below, always as a tuple
                }
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&name, x, ctx)?;
            }
            Ok(())
        }
        other => ctx.set_value(prefix.to_string(), scalar(other)).map_err(|e| e.to_string()),
    }
}

impl Candidate for Evalexpr {
    const NAME: &'static str = "evalexpr";
    const RULES_SRC: &'static str = include_str!("../../../rules/evalexpr.json");
    type Engine = ();
    type Expr = Node;
    type Prepared<'m> = HashMapContext;

    fn engine() {}
    fn compile_expr(_: &(), src: &Value) -> Result<Node, String> {
        build_operator_tree(expr_str(src)?).map_err(|e| e.to_string())
    }
    fn prepare(_: &(), m: &Value) -> Result<HashMapContext, String> {
        let mut ctx = HashMapContext::new();
        flatten("", m, &mut ctx)?;
        // What the expressions cannot do themselves: defaults for absent fields, and a
        // single lead as a one-element tuple.
        let lead = match m.get("leadBody") {
            Some(Value::Array(a)) => EValue::Tuple(a.iter().map(scalar).collect()),
            Some(other) => EValue::Tuple(vec![scalar(other)]),
            None => EValue::Tuple(vec![]),
        };
        ctx.set_value("leadBody".into(), lead).map_err(|e| e.to_string())?;
        for (name, default) in [
            ("theme", EValue::Empty),
            ("status", EValue::Empty),
            ("partners", EValue::Tuple(vec![])),
            ("progress", EValue::Tuple(vec![])),
            ("title.sv", EValue::String(String::new())),
        ] {
            if evalexpr::Context::get_value(&ctx, name).is_none() {
                ctx.set_value(name.into(), default).map_err(|e| e.to_string())?;
            }
        }
        Ok(ctx)
    }
    fn test(_: &(), x: &Node, ctx: &mut HashMapContext) -> Result<bool, String> {
        x.eval_boolean_with_context(ctx).map_err(|e| e.to_string())
    }
}

common::export_wasm!(Evalexpr);
