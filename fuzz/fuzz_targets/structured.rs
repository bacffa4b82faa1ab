//! Real measures from the 2017 programme, mutated by a byte-driven program of edits
//! (`common/mutate.rs`), checked as a measure value and inside the programme, then both
//! again as `Borrowed` documents, which must give the same reports.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use measure_rules::{CheckOptions, Engine, Lang};
use serde_json::Value;

#[path = "../common/mutate.rs"]
mod mutate;
#[path = "../common/targets.rs"]
#[expect(dead_code, reason = "each target calls one of the shared bodies")]
mod targets;

static PROGRAMME: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../data/programme-2017.json")).unwrap_or(Value::Null));
static ENGINE: LazyLock<Option<Engine>> = LazyLock::new(|| Engine::new().ok());

fuzz_target!(|data: &[u8]| {
    let Some(engine) = ENGINE.as_ref() else {
        return;
    };
    let (measure, programme) = mutate::mutate(&PROGRAMME, data);
    let opts = CheckOptions {
        lang: Lang::En,
        as_of: None,
        explain: true,
    };
    let _ = engine.check_measure(&measure, &opts);
    let _ = engine.check_programme(&programme, &opts);
    targets::borrowed_reads_the_same(engine, &measure, &programme);
});
