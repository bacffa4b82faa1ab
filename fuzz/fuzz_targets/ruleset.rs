//! Arbitrary bytes as rule-set JSON: build an engine from it; when it builds, run the
//! tests the rule set carries and check a small measure with it. The input is also split
//! in two (at the first NUL byte, or else in the middle) and tried as a chain of rule sets,
//! the base first.
#![no_main]

use libfuzzer_sys::fuzz_target;
use measure_rules::{CheckOptions, Engine, Lang};

const MEASURE: &str = r#"{"id": "2.1", "theme": 2, "title": {"fi": "Otsikko", "sv": "Rubrik"},
  "leadBody": "SM", "partners": ["POHA"], "schedule": {"text": "2018-2019"},
  "status": "completed"}"#;

fn exercise(engine: &Engine) {
    let _ = engine.run_tests();
    let _ = engine.custom_rules(Lang::En);
    let opts = CheckOptions {
        lang: Lang::Sv,
        as_of: None,
        explain: true,
    };
    let _ = engine.check_measure_json(MEASURE, &opts);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(engine) = Engine::with_ruleset_json(text) {
        exercise(&engine);
    }
    let (base, refinement) = match text.split_once('\0') {
        Some(halves) => halves,
        None => {
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid += 1;
            }
            text.split_at(mid)
        }
    };
    if let Ok(engine) = Engine::with_rulesets_json(&[base, refinement]) {
        exercise(&engine);
    }
});
