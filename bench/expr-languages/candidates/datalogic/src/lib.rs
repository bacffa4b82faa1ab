//! JsonLogic with datalogic-rs: rules compiled once to `Logic`; the measure parsed once into
//! a `ParsedData` arena (the crate's zero-copy input); results truthy by the engine's rules.

use common::Candidate;
use datalogic_rs::{bumpalo::Bump, Engine, Logic, ParsedData};
use serde_json::Value;
use std::cell::RefCell;

pub struct Datalogic;

pub struct State {
    pub engine: Engine,
    /// Scratch arena for results, reset before every evaluation.
    arena: RefCell<Bump>,
}

impl Candidate for Datalogic {
    const NAME: &'static str = "datalogic";
    const RULES_SRC: &'static str = include_str!("../../../rules/jsonlogic.json");
    type Engine = State;
    type Expr = Logic;
    type Prepared<'m> = ParsedData;

    fn engine() -> State {
        State { engine: Engine::new(), arena: RefCell::new(Bump::new()) }
    }
    fn compile_expr(s: &State, src: &Value) -> Result<Logic, String> {
        s.engine.compile(src).map_err(|e| e.to_string())
    }
    fn prepare(_: &State, m: &Value) -> Result<ParsedData, String> {
        let text = serde_json::to_string(m).map_err(|e| e.to_string())?;
        ParsedData::from_json(&text).map_err(|e| e.to_string())
    }
    fn test(s: &State, x: &Logic, data: &mut ParsedData) -> Result<bool, String> {
        let mut arena = s.arena.borrow_mut();
        arena.reset();
        let v = s.engine.evaluate(x, &*data, &arena).map_err(|e| e.to_string())?;
        Ok(s.engine.truthy(v))
    }
}

common::export_wasm!(Datalogic);
