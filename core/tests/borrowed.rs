//! `Engine::check_measure_doc` and `check_programme_doc` on a `Borrowed` document give the
//! reports `check_measure` and `check_programme` give on the `Value`: over the shared cases in
//! every language, and the real programme and each of its measures (the `structured` fuzz
//! target, and its corpus's replay in `fuzz_corpus.rs`, hold its mutations to the same). The
//! borrowed copies are made as a reader of a walked object might make them, members in another
//! order than the keys' and a repeated key before the one kept, so that `Borrowed::object` must
//! sort and keep the last (`scrambled`, in `fuzz/common/targets.rs`).

use measure_rules::{Borrowed, CheckOptions, Day, Engine, Lang, Report};
use serde_json::Value;

mod common;
use common::{cases, engine_for, measure_of, options, root};

#[path = "../../fuzz/common/targets.rs"]
#[expect(dead_code, reason = "the scrambled copies only")]
mod targets;
use targets::scrambled;

/// `check` gives the report `want` on both borrowed copies of `value`.
fn same_as(value: &Value, want: &Report, check: impl Fn(&Borrowed<'_>) -> Report, what: &str) {
    for (how, doc) in [
        ("Borrowed::from", Borrowed::from(value)),
        ("members out of order", scrambled(value)),
    ] {
        assert_eq!(&check(&doc), want, "{what}: {how}");
    }
}

fn same(engine: &Engine, measure: &Value, opts: &CheckOptions, what: &str) {
    let want = engine.check_measure(measure, opts);
    same_as(measure, &want, |d| engine.check_measure_doc(d, opts), what);
}

fn same_programme(engine: &Engine, programme: &Value, opts: &CheckOptions, what: &str) {
    let want = engine.check_programme(programme, opts);
    same_as(programme, &want, |d| engine.check_programme_doc(d, opts), what);
}

#[test]
fn every_case_reads_the_same_borrowed() {
    let doc = cases();
    let mut checked = 0;
    for case in doc["measures"].as_array().unwrap() {
        let measure = measure_of(&doc, case);
        let engine = engine_for(case);
        for lang in Lang::ALL {
            for explain in [false, true] {
                let opts = CheckOptions {
                    explain,
                    ..options(&doc, case, lang)
                };
                same(&engine, &measure, &opts, case["name"].as_str().unwrap());
                checked += 1;
            }
        }
    }
    // The cases given as text, where they are JSON: repeated keys, numbers, escapes.
    let engine = Engine::new().unwrap();
    for case in doc["texts"].as_array().unwrap() {
        if let Ok(measure) = serde_json::from_str::<Value>(case["text"].as_str().unwrap()) {
            same(
                &engine,
                &measure,
                &CheckOptions::default(),
                case["name"].as_str().unwrap(),
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} checks");
}

#[test]
fn the_programme_and_its_measures_read_the_same_borrowed() {
    let text = std::fs::read_to_string(root().join("data/programme-2017.json")).unwrap();
    let programme: Value = serde_json::from_str(&text).unwrap();
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        lang: Lang::Fi,
        as_of: Some(Day::parse_iso("2018-06-01").unwrap()),
        explain: false,
    };
    let measures = programme["measures"].as_array().unwrap();
    assert_eq!(measures.len(), 42);
    for (i, m) in measures.iter().enumerate() {
        same(&engine, m, &opts, &format!("measure {i}"));
    }
    same_programme(&engine, &programme, &opts, "the programme");
}
