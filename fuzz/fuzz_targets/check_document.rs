//! Arbitrary bytes as a JSON document: every text entry point of the engine, with
//! explanations on, then the pointer locator on the same text.
//!
//! The engine is built once (building it, mostly the built-in organisation registry, took
//! half of each run and is the same every time; the `ruleset` target fuzzes building).
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use measure_rules::{CheckOptions, Engine, Lang};

static ENGINE: LazyLock<Option<Engine>> = LazyLock::new(|| Engine::new().ok());

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(engine) = ENGINE.as_ref() else {
        return;
    };
    // The language follows the input's length so all three message tables are exercised.
    let lang = match text.len() % 3 {
        0 => Lang::Fi,
        1 => Lang::Sv,
        _ => Lang::En,
    };
    let opts = CheckOptions {
        lang,
        as_of: None,
        explain: true,
    };
    let report = engine.check_document_json(text, &opts);
    let _ = engine.check_measure_json(text, &opts);
    let _ = engine.check_programme_json(text, &opts);

    // Locate the pointers the engine reported, plus a few the text does not hold.
    let mut pointers: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
    pointers.extend(["", "/", "/measures/0/id", "/~1/~0", "/a/b/c/d/e/f/g/h"]);
    let _ = measure_rules::locate(text, &pointers);
});
