//! Arbitrary bytes as a JSON document: every text entry point of the engine, with
//! explanations on, then the pointer locator on the same text.
//!
//! The engine is built once (building it, mostly the built-in organisation registry, took
//! half of each run and is the same every time; the `ruleset` target fuzzes building).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use measure_rules::Engine;

#[path = "../common/targets.rs"]
#[expect(dead_code, reason = "each target calls one of the shared bodies")]
mod targets;

static ENGINE: LazyLock<Option<Engine>> = LazyLock::new(|| Engine::new().ok());

fuzz_target!(|data: &[u8]| {
    if let Some(engine) = ENGINE.as_ref() {
        targets::check_document(engine, data);
    }
});
