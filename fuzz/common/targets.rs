//! The bodies of the fuzz targets, shared by `fuzz_targets/*.rs` and the corpus replay test
//! (`core/tests/fuzz_corpus.rs` includes this file by path), so that a corpus file is
//! replayed through exactly the calls that found it. Each body returns nothing: an input
//! passes when no call panics (and, for `borrowed_reads_the_same`, no assertion fails).
//! (`structured` is a mutation program read by `mutate.rs`.)

use measure_rules::{locate, parse_schedule, Borrowed, CheckOptions, Day, Engine, Lang, Unescaped};
use serde_json::Value;

/// One of the three languages, from any number, so every message table is exercised.
pub fn lang_of(n: usize) -> Lang {
    match n % 3 {
        0 => Lang::Fi,
        1 => Lang::Sv,
        _ => Lang::En,
    }
}

/// Bytes as a JSON document: every text entry point, with explanations on (the language
/// follows the input's length), then the locator with the pointers the engine reported and
/// a few the text does not hold; and the text read as a `Borrowed` reads as the `Value`.
pub fn check_document(engine: &Engine, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    json_reads_the_same(text);
    let opts = CheckOptions {
        lang: lang_of(text.len()),
        as_of: None,
        explain: true,
    };
    let report = engine.check_document_json(text, &opts);
    let measure = engine.check_measure_json(text, &opts);
    let _ = engine.check_programme_json(text, &opts);
    // Read as a value's text, the same findings at the same places, none with a line but a
    // syntax error no value's text has (JSON.stringify writes only half a surrogate pair and
    // nesting too deep that serde_json refuses). The fuzzer's inputs are far below the size
    // limit, whose finding is at 1:1 either way.
    let value = engine.check_measure_value_json(text, &opts);
    let places = |r: &measure_rules::Report| -> Vec<(String, String)> {
        r.findings.iter().map(|f| (f.rule.clone(), f.path.clone())).collect()
    };
    assert_eq!(places(&value), places(&measure));
    let of_a_value = |f: &measure_rules::Finding| {
        f.rule != "input.syntax"
            || matches!(
                f.params.get("problem").map(String::as_str),
                Some("lone-surrogate" | "depth")
            )
    };
    assert!(value
        .findings
        .iter()
        .filter(|f| of_a_value(f))
        .all(|f| f.line.is_none() && f.column.is_none()));
    let _ = engine.check_programme_value_json(text, &opts);
    let mut pointers: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
    pointers.extend(["", "/", "/measures/0/id", "/~1/~0", "/a/b/c/d/e/f/g/h"]);
    let _ = locate(text, &pointers);
}

const MEASURE: &str = r#"{"id": "2.1", "theme": 2, "title": {"fi": "Otsikko", "sv": "Rubrik"},
  "leadBody": "SM", "partners": ["POHA"], "schedule": {"text": "2018-2019"},
  "status": "completed"}"#;

/// What an engine built from a fuzzed rule set is asked: its tests, its custom rules, and a
/// check of a small measure, explained, in Swedish.
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

/// Bytes as rule-set JSON, alone and split in two (at the first NUL byte, or else in the
/// middle) as a chain, the base first.
pub fn ruleset(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(engine) = Engine::with_ruleset_json(text) {
        exercise(&engine);
    }
    let (base, refinement) = text.split_once('\0').unwrap_or_else(|| {
        let mut mid = text.len() / 2;
        while !text.is_char_boundary(mid) {
            mid += 1;
        }
        text.split_at(mid)
    });
    if let Ok(engine) = Engine::with_rulesets_json(&[base, refinement]) {
        exercise(&engine);
    }
}

/// The first byte picks the language of the reading, the rest is the text, read lossily so
/// that every input reaches the parser.
pub fn schedule(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let _ = parse_schedule(&String::from_utf8_lossy(rest), lang_of(usize::from(first)));
}

/// `v` as a `Borrowed`, as the Node package's reader of a walked object might make it: each
/// object's members in reverse order, preceded by a decoy of its first key, which the real
/// member written after it must replace (`Borrowed::object` sorts and keeps the last).
pub fn scrambled(v: &Value) -> Borrowed<'_> {
    match v {
        Value::Array(a) => Borrowed::Array(a.iter().map(scrambled).collect()),
        Value::Object(m) => {
            let mut members: Vec<(&str, Borrowed<'_>)> = Vec::new();
            if let Some((k, _)) = m.iter().next() {
                members.push((k, Borrowed::String("decoy")));
            }
            members.extend(m.iter().rev().map(|(k, v)| (k.as_str(), scrambled(v))));
            Borrowed::object(members)
        }
        other => Borrowed::from(other),
    }
}

/// JSON text read into a `Borrowed` (the bindings' and the text entry points' reader) gives
/// the `Value` serde_json reads from it, or the same error.
pub fn json_reads_the_same(text: &str) {
    assert_eq!(
        Borrowed::from_json(text, &Unescaped::new())
            .map(|d| measure_rules::Doc::to_value(&d))
            .map_err(|e| e.to_string()),
        serde_json::from_str::<Value>(text).map_err(|e| e.to_string()),
        "JSON text read as a Borrowed document"
    );
}

/// The `structured` target's measure and programme through the `Doc` entry points on a
/// scrambled borrowed copy, explained and not: the reports the `Value` gives.
pub fn borrowed_reads_the_same(engine: &Engine, measure: &Value, programme: &Value) {
    for explain in [false, true] {
        let opts = CheckOptions {
            lang: Lang::Fi,
            as_of: Day::parse_iso("2018-06-01").ok(),
            explain,
        };
        assert_eq!(
            engine.check_measure_doc(&scrambled(measure), &opts),
            engine.check_measure(measure, &opts),
            "a measure read as a Borrowed document"
        );
        assert_eq!(
            engine.check_programme_doc(&scrambled(programme), &opts),
            engine.check_programme(programme, &opts),
            "a programme read as a Borrowed document"
        );
    }
}
