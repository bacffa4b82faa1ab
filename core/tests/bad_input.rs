//! The bad-input suite, natively: every case of `tests/fixtures/bad-input/cases.json` (also
//! run by `tests/node/bad-input.test.mjs` in Node and `tests/browser/bad-input.test.mjs` in
//! Chromium, through `tests/shared/bad-input.mjs`) through the entry points the CLI and the
//! WebAssembly bindings use, compared exactly: `[rule, path, line, column]` of every finding.
//!
//! `BAD_INPUT_DUMP=1` prints what the engine reports for every case and way, to review when a
//! case is added (the expectations are written by hand and checked against the text).

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test harness: a panic is a failed test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use measure_rules::{CheckOptions, Day, Engine, Lang, Report};
use serde_json::{json, Value};

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bad-input")
}

fn manifest() -> Value {
    let text = std::fs::read_to_string(folder().join("cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The case's input as bytes: a committed file, or a recipe's parts put together.
fn input(case: &Value) -> Vec<u8> {
    if let Some(file) = case["file"].as_str() {
        return std::fs::read(folder().join(file)).unwrap();
    }
    let parts = case["generate"]
        .as_array()
        .unwrap_or_else(|| panic!("{}: no input", case["name"]));
    generate(parts).into_bytes()
}

/// The recipe language of the manifest: strings as they are, `{"repeat", "count", "join",
/// "from"}` (with `{i}` counting from `from`), and one `{"pad", "toBytes"}` that fills the
/// text to exactly that many bytes.
fn generate(parts: &[Value]) -> String {
    let mut pieces: Vec<Option<String>> = Vec::new();
    let mut pad: Option<(String, usize)> = None;
    for part in parts {
        if let Some(s) = part.as_str() {
            pieces.push(Some(s.to_string()));
        } else if let Some(unit) = part.get("repeat").and_then(Value::as_str) {
            let count = part["count"].as_u64().unwrap();
            let join = part.get("join").and_then(Value::as_str).unwrap_or("");
            let from = part.get("from").and_then(Value::as_u64).unwrap_or(1);
            let text = if unit.contains("{i}") {
                (from..from + count)
                    .map(|i| unit.replace("{i}", &i.to_string()))
                    .collect::<Vec<_>>()
                    .join(join)
            } else if join.is_empty() {
                unit.repeat(usize::try_from(count).unwrap())
            } else {
                vec![unit; usize::try_from(count).unwrap()].join(join)
            };
            pieces.push(Some(text));
        } else if let Some(unit) = part.get("pad").and_then(Value::as_str) {
            assert!(pad.is_none(), "one pad per recipe");
            pad = Some((
                unit.to_string(),
                usize::try_from(part["toBytes"].as_u64().unwrap()).unwrap(),
            ));
            pieces.push(None);
        } else {
            panic!("recipe part this runtime cannot make: {part}");
        }
    }
    let used: usize = pieces.iter().flatten().map(String::len).sum();
    let mut out = String::with_capacity(used);
    for piece in pieces {
        match piece {
            Some(s) => out.push_str(&s),
            None => {
                let (unit, to) = pad.clone().unwrap();
                assert!(unit.len() == 1 && to >= used, "pad: one byte, to more than the rest");
                out.push_str(&unit.repeat(to - used));
            }
        }
    }
    out
}

fn options(doc: &Value, lang: Lang) -> CheckOptions {
    CheckOptions {
        lang,
        as_of: Some(Day::parse_iso(doc["asOf"].as_str().unwrap()).unwrap()),
        explain: false,
    }
}

/// Runs one way of a case: the entry point the CLI and the bindings use for it.
fn run(engine: &Engine, case: &Value, way: &str, bytes: &[u8], opts: &CheckOptions) -> Report {
    let entry = case["entry"].as_str().unwrap();
    match way {
        "bytes" => engine.check_document_bytes(bytes, opts),
        "text" => {
            let text = std::str::from_utf8(bytes)
                .unwrap_or_else(|_| panic!("{}: the text way needs UTF-8 input", case["name"]));
            match entry {
                "measure" => engine.check_measure_json(text, opts),
                "programme" => engine.check_programme_json(text, opts),
                _ => engine.check_document_json(text, opts),
            }
        }
        "object" => {
            let text = std::str::from_utf8(bytes).unwrap();
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let value: Value = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("{}: the object way needs JSON: {e}", case["name"]));
            let programme = entry == "programme" || (entry == "document" && value.get("measures").is_some());
            if programme {
                engine.check_programme(&value, opts)
            } else {
                engine.check_measure(&value, opts)
            }
        }
        _ => panic!("{}: unknown way {way}", case["name"]),
    }
}

fn placed(report: &Report) -> Vec<Value> {
    let mut v: Vec<Value> = report
        .findings
        .iter()
        .map(|f| json!([f.rule, f.path, f.line, f.column]))
        .collect();
    v.sort_by_key(Value::to_string);
    v
}

fn sorted(list: &Value) -> Vec<Value> {
    let mut v = list.as_array().cloned().unwrap_or_default();
    v.sort_by_key(Value::to_string);
    v
}

/// What a way must report: `expect` as written, or for the object way (which has no text to
/// place findings in) `expectObject` or else `expect` without line and column.
fn expected(case: &Value, way: &str) -> Vec<Value> {
    if way == "object" {
        if let Some(e) = case.get("expectObject") {
            return sorted(e);
        }
        let list: Vec<Value> = case["expect"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| json!([e[0], e[1], null, null]))
            .collect();
        return sorted(&Value::Array(list));
    }
    sorted(&case["expect"])
}

fn native(case: &Value) -> bool {
    case.get("runtimes")
        .and_then(Value::as_array)
        .is_none_or(|r| r.iter().any(|x| x == "native"))
}

fn ways(case: &Value) -> Vec<&str> {
    case["ways"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .filter(|w| *w != "cli")
        .collect()
}

fn langs(case: &Value) -> Vec<Lang> {
    match case.get("langs").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .map(|l| Lang::from_code(l.as_str().unwrap()).unwrap())
            .collect(),
        None => vec![Lang::En],
    }
}

/// Runs a case every way and in every language it names; returns what differs.
fn check_case(engine: &Engine, doc: &Value, case: &Value) -> Vec<String> {
    let name = case["name"].as_str().unwrap();
    let bytes = input(case);
    let dump = std::env::var_os("BAD_INPUT_DUMP").is_some();
    let mut bad = Vec::new();
    for way in ways(case) {
        // Every finding's message in each language, by its place in the sorted list.
        let mut messages: Vec<Vec<String>> = Vec::new();
        for lang in langs(case) {
            let report = run(engine, case, way, &bytes, &options(doc, lang));
            let got = placed(&report);
            if dump {
                println!(
                    "DUMP\t{name}\t{way}\t{}\t{}",
                    lang.code(),
                    serde_json::to_string(&got).unwrap()
                );
            }
            // Said on its own, so a failure names it: the findings of the valid parts.
            for k in case["keep"].as_array().into_iter().flatten() {
                let k = if way == "object" {
                    json!([k[0], k[1], null, null])
                } else {
                    k.clone()
                };
                if !got.contains(&k) {
                    bad.push(format!("{name} [{way}, {}]: {k} of a valid part is lost", lang.code()));
                }
            }
            if let Some(counts) = case.get("expectCounts") {
                // Too many findings to list: how many of each rule, and the summary.
                let mut found: BTreeMap<&str, u64> = BTreeMap::new();
                for f in &report.findings {
                    *found.entry(f.rule.as_str()).or_default() += 1;
                }
                let found = json!(found);
                let summary = json!(report.summary);
                if found != *counts || summary != case["summary"] {
                    bad.push(format!(
                        "{name} [{way}, {}]:\n  expected {counts} and {}\n  found    {found} and {summary}",
                        lang.code(),
                        case["summary"]
                    ));
                    continue;
                }
            } else if got != expected(case, way) {
                let want = expected(case, way);
                bad.push(format!(
                    "{name} [{way}, {}]:\n  expected {}\n  found    {}",
                    lang.code(),
                    serde_json::to_string(&want).unwrap(),
                    serde_json::to_string(&got).unwrap()
                ));
                continue;
            }
            if let Some(n) = case.get("measures").and_then(Value::as_u64) {
                if u64::from(report.measures) != n {
                    bad.push(format!(
                        "{name} [{way}]: {} measures checked, expected {n}",
                        report.measures
                    ));
                }
            }
            for triple in case["params"].as_array().into_iter().flatten() {
                let (path, param, value) = (&triple[0], triple[1].as_str().unwrap(), &triple[2]);
                let found = report
                    .findings
                    .iter()
                    .find(|f| f.path == *path)
                    .and_then(|f| f.params.get(param));
                if found.map(|v| json!(v)).as_ref() != Some(value) {
                    bad.push(format!(
                        "{name} [{way}, {}]: {path} {param} is {found:?}, expected {value}",
                        lang.code()
                    ));
                }
            }
            // What the English message of the finding at a path says, in part.
            for pair in case["says"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|_| lang == Lang::En)
            {
                let (path, text) = (&pair[0], pair[1].as_str().unwrap());
                let found = report.findings.iter().find(|f| f.path == *path);
                if !found.is_some_and(|f| f.message.contains(text)) {
                    bad.push(format!(
                        "{name} [{way}]: the message at {path} does not say {text:?}: {:?}",
                        found.map(|f| &f.message)
                    ));
                }
            }
            let mut findings: Vec<_> = report.findings.iter().collect();
            findings.sort_by_key(|f| json!([f.rule, f.path, f.line, f.column]).to_string());
            for (i, f) in findings.iter().enumerate() {
                if f.message.trim().is_empty() || has_placeholder(&f.message) {
                    bad.push(format!(
                        "{name} [{way}, {}]: message of {} at {:?}: {:?}",
                        lang.code(),
                        f.rule,
                        f.path,
                        f.message
                    ));
                }
                // The parser's English words are a parameter, not the message, unless the
                // engine has no words of its own for the problem.
                let detail = f.params.get("detail").map_or("", String::as_str);
                if !detail.is_empty()
                    && f.message.contains(detail)
                    && f.params.get("problem").map(String::as_str) != Some("syntax")
                {
                    bad.push(format!(
                        "{name} [{way}, {}]: message of {} quotes the parser: {:?}",
                        lang.code(),
                        f.rule,
                        f.message
                    ));
                }
                if messages.len() <= i {
                    messages.push(Vec::new());
                }
                messages[i].push(f.message.clone());
            }
        }
        for (i, m) in messages.iter().enumerate() {
            let distinct: BTreeSet<&String> = m.iter().collect();
            if distinct.len() != m.len() {
                bad.push(format!(
                    "{name} [{way}]: finding {i} has the same message in two languages: {m:?}"
                ));
            }
        }
    }
    bad
}

fn has_placeholder(message: &str) -> bool {
    message.split('{').skip(1).any(|rest| {
        rest.split_once('}')
            .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()))
    })
}

#[test]
fn every_case_reports_exactly_what_it_expects() {
    let doc = manifest();
    let engine = Engine::new().unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in doc["cases"].as_array().unwrap().iter().filter(|c| native(c)) {
        failures.extend(check_case(&engine, &doc, case));
        ran += 1;
    }
    assert!(ran >= 35, "{ran} cases");
    assert!(
        failures.is_empty(),
        "{} mismatch(es):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_manifest_is_consistent() {
    let doc = manifest();
    let mut names = BTreeSet::new();
    let mut files = BTreeSet::new();
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        assert!(names.insert(name), "{name}: two cases of that name");
        assert!(
            case["about"].as_str().is_some_and(|a| !a.is_empty()),
            "{name}: say what the case is about"
        );
        if let Some(f) = case["file"].as_str() {
            files.insert(f.to_string());
        }
        // What the valid parts report must be among what the case expects, in full (an
        // object's case may expect only `expectObject`).
        let expect: Vec<Value> = case["expect"].as_array().cloned().unwrap_or_default();
        let expect_object: Vec<Value> = case["expectObject"].as_array().cloned().unwrap_or_default();
        for k in case["keep"].as_array().into_iter().flatten() {
            assert!(
                expect.contains(k) || expect_object.contains(k),
                "{name}: keep {k} is not expected"
            );
        }
        for e in &expect {
            assert_eq!(
                e.as_array().map(Vec::len),
                Some(4),
                "{name}: {e} is not [rule, path, line, column]"
            );
        }
        let ways = case["ways"].as_array().unwrap();
        assert!(!ways.is_empty(), "{name}: no ways");
        if ways.iter().any(|w| w == "cli") {
            assert!(case["file"].is_string(), "{name}: the CLI reads files");
        }
    }
    // Every file in the folder is a case's input.
    for entry in std::fs::read_dir(folder()).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        if file != "cases.json" {
            assert!(files.contains(&file), "{file} is in no case");
        }
    }
    // Git must keep the files' bytes (BOM, CRLF, invalid UTF-8) as they are.
    let attributes = std::fs::read_to_string(folder().join("../../../.gitattributes")).unwrap();
    assert!(
        attributes
            .lines()
            .any(|l| l.trim() == "tests/fixtures/bad-input/*.json -text -diff"),
        ".gitattributes must mark the bad-input files as bytes"
    );
}

#[test]
fn a_byte_order_mark_does_not_move_positions() {
    // The regression of the column bug: line 1 after a BOM is placed as without it.
    let engine = Engine::new().unwrap();
    let opts = options(&manifest(), Lang::En);
    for text in [
        "{\"id\": \"2.6. a)\", \"leadBody\": \"Tuli\"}",
        "{\"id\": \"2.1\", \"theme\": 2,}",
        "{\r\n\"id\": 2, \"theme\": \"2\"}",
    ] {
        let plain = placed(&engine.check_measure_json(text, &opts));
        let with_bom = placed(&engine.check_measure_json(&format!("\u{feff}{text}"), &opts));
        assert_eq!(plain, with_bom, "{text:?}");
        let bytes = placed(&engine.check_document_bytes(format!("\u{feff}{text}").as_bytes(), &opts));
        assert_eq!(plain, bytes, "{text:?}");
    }
}

/// An explanation repeats the value at its finding's place: a lead body of thousands of names
/// in one text gave thousands of findings that each held all of it (a 131 KB measure made a
/// report of 1 GB, found by fuzzing: `fuzz/regressions/structured/oom-explained-lead`). Each
/// now shows at most the first 200 characters, 20 items or members, 4 levels.
#[test]
fn explanations_show_a_bounded_part_of_a_large_value() {
    use measure_rules::doc::{EXPLAINED_DEPTH, EXPLAINED_ITEMS, EXPLAINED_TEXT};
    fn within(v: &Value, depth: usize) -> bool {
        match v {
            Value::String(s) => s.chars().count() <= EXPLAINED_TEXT + 1,
            Value::Array(a) => {
                depth < EXPLAINED_DEPTH && a.len() <= EXPLAINED_ITEMS + 1 && a.iter().all(|i| within(i, depth + 1))
            }
            Value::Object(o) => {
                depth < EXPLAINED_DEPTH && o.len() <= EXPLAINED_ITEMS + 1 && o.values().all(|i| within(i, depth + 1))
            }
            _ => true,
        }
    }
    let mut deep = json!("x");
    for _ in 0..10 {
        deep = json!([deep, deep]);
    }
    let measure = json!({
        "id": "2.1", "theme": 2, "title": {"fi": "ä".repeat(5_000)},
        "leadBody": "XX, ".repeat(3_000),
        "partners": vec!["Tuli"; 100],
        "schedule": {"start": deep, "text": 7},
        "status": {"a": 1},
    });
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        explain: true,
        ..CheckOptions::default()
    };
    for report in [
        engine.check_measure(&measure, &opts),
        engine.check_measure_json(&measure.to_string(), &opts),
    ] {
        assert!(report.findings.len() > 3_000);
        let mut values = 0;
        for f in &report.findings {
            for v in f.explain.as_ref().unwrap().values.values() {
                assert!(within(v, 0), "{}: {v}", f.rule);
                values += 1;
            }
        }
        assert!(values > 3_000);
        let size = serde_json::to_string(&report).unwrap().len();
        assert!(size < 5_000_000, "{size} bytes");
    }
    // A short value is shown whole, and a long text is cut after its 200th character.
    let short = json!({"a": [1, "b", null]});
    assert_eq!(measure_rules::doc::explained(&short), short);
    let cut = measure_rules::doc::explained(&json!("ä".repeat(300)));
    assert_eq!(cut, json!(format!("{}…", "ä".repeat(200))));
}

/// Text written from a value (JavaScript's `JSON.stringify` of an object, which the bindings
/// hand over when serde_json cannot read it) is checked as that value: no finding has a line
/// or column, which would be places in a text no one saw; half a surrogate pair is at the
/// field that holds it, and nesting too deep at the list that goes over, in words that name
/// no file; and a text with neither gives exactly the value's report.
#[test]
fn the_text_of_a_value_is_checked_as_that_value() {
    let engine = Engine::new().unwrap();
    let half = r#"{"id":"2.1","theme":2,"title":{"fi":"Kehitet\ud800n"},"leadBody":"SM","partners":["Tuli"],"schedule":{"continuous":true},"status":"ongoing"}"#;
    let deep = format!(
        r#"{{"id":"2.1","theme":2,"title":{{"fi":"Toimenpide","en":{}{}}}}}"#,
        "[".repeat(126),
        "]".repeat(126)
    );
    let too_deep = format!("/title/en{}", "/0".repeat(125));
    for lang in [Lang::Fi, Lang::Sv, Lang::En] {
        let mut opts = options(&json!({"asOf": "2018-06-01"}), lang);
        opts.explain = true;
        let as_text = engine.check_measure_json(half, &opts);
        let report = engine.check_measure_value_json(half, &opts);
        let found: Vec<(&str, &str)> = report
            .findings
            .iter()
            .map(|f| (f.rule.as_str(), f.path.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("partners.unknown", "/partners/0"),
                ("status.invalid", "/status"),
                ("input.syntax", "/title/fi")
            ],
            "{lang:?}"
        );
        assert!(report.findings.iter().all(|f| f.line.is_none() && f.column.is_none()));
        let (syntax, text_syntax) = (&report.findings[2], &as_text.findings[2]);
        assert_eq!(
            syntax.params,
            BTreeMap::from([("problem".to_string(), "lone-surrogate".to_string())])
        );
        // The text's finding names its line; the value's does not, nor does its help speak of JSON.
        let column = &text_syntax.params["column"];
        assert!(text_syntax.message.contains(column.as_str()), "{}", text_syntax.message);
        assert!(!syntax.message.contains(column.as_str()), "{}", syntax.message);
        assert_ne!(syntax.help, text_syntax.help);
        assert!(syntax.message.contains('\u{fffd}') && !syntax.help.as_deref().unwrap_or("JSON").contains("JSON"));
        // Its explanation is the text's: the condition is the problem, and no value is named.
        assert_eq!(syntax.explain, text_syntax.explain);
        let explained = syntax.explain.as_deref().unwrap();
        assert_eq!(explained.condition.as_deref(), Some("lone-surrogate"));
        assert!(explained.values.is_empty());
        // The other findings are the text's, without their places.
        let unplaced: Vec<_> = as_text.findings[..2]
            .iter()
            .map(|f| measure_rules::Finding {
                line: None,
                column: None,
                ..f.clone()
            })
            .collect();
        assert_eq!(report.findings[..2], unplaced[..]);

        let report = engine.check_measure_value_json(&deep, &opts);
        let as_text = engine.check_measure_json(&deep, &opts);
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        let (f, text_f) = (&report.findings[0], &as_text.findings[0]);
        assert_eq!((text_f.path.as_str(), text_f.line), (too_deep.as_str(), Some(1)));
        let keys: Vec<&str> = f.params.keys().map(String::as_str).collect();
        assert_eq!(keys, ["detail", "limit", "problem"]);
        let column = &text_f.params["column"];
        assert!(text_f.message.contains(column.as_str()), "{}", text_f.message);
        assert!(!f.message.contains(column.as_str()), "{}", f.message);
        assert_eq!(
            (f.rule.as_str(), f.path.as_str(), f.line),
            ("input.syntax", too_deep.as_str(), None)
        );
        assert_eq!(f.params.get("problem").map(String::as_str), Some("depth"));
        assert!(f.message.contains("127"), "{}", f.message);
    }
    // In a programme, the finding belongs to its measure.
    let opts = options(&json!({"asOf": "2018-06-01"}), Lang::En);
    let programme = format!(r#"{{"measures":[{half}]}}"#);
    let report = engine.check_programme_value_json(&programme, &opts);
    let f = report.findings.iter().find(|f| f.rule == "input.syntax").unwrap();
    assert_eq!(
        (f.path.as_str(), f.measure.as_deref(), f.line),
        ("/measures/0/title/fi", Some("2.1"), None)
    );
    // Text serde_json reads is the value, report for report: the real programme.
    let text = std::fs::read_to_string(folder().join("../../../data/programme-2017.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        engine.check_programme_value_json(&text, &opts),
        engine.check_programme(&value, &opts)
    );
}

#[test]
fn a_value_over_the_size_limit_is_told_as_a_value_not_a_file() {
    use measure_rules::{limits::MAX_DOCUMENT_BYTES, Size};
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        lang: Lang::En,
        ..CheckOptions::default()
    };
    let said = |r: Report| -> Vec<(String, Option<u32>, String)> {
        r.findings.into_iter().map(|f| (f.rule, f.line, f.message)).collect()
    };
    let over = MAX_DOCUMENT_BYTES + 1;
    let value = "The document's JSON text is 33554433 bytes; at most 33554432 bytes are accepted.";
    // A value's JSON text, by its size or read in: no file, no line.
    assert_eq!(
        engine.check_value_size(Size::Exactly(over), &opts).map(said),
        Some(vec![("input.too-large".to_string(), None, value.to_string())])
    );
    let text = format!("{{\"id\": \"{}\"}}", "a".repeat(over));
    let read = said(engine.check_measure_value_json(&text, &opts));
    assert_eq!(read.len(), 1);
    assert_eq!((read[0].0.as_str(), read[0].1), ("input.too-large", None));
    assert!(read[0].2.starts_with("The document's JSON text is "), "{read:?}");
    // A bound is a bound either way, and a text or a file keeps its place.
    assert_eq!(
        engine.check_value_size(Size::AtLeast(over), &opts).map(said),
        Some(vec![(
            "input.too-large".to_string(),
            None,
            "The document's JSON text is at least 33554433 bytes; at most 33554432 bytes are accepted.".to_string()
        )])
    );
    assert_eq!(
        engine.check_size(Size::Exactly(over), &opts).map(said),
        Some(vec![(
            "input.too-large".to_string(),
            Some(1),
            "The file is 33554433 bytes; at most 33554432 bytes are accepted.".to_string()
        )])
    );
    assert!(engine
        .check_value_size(Size::Exactly(MAX_DOCUMENT_BYTES), &opts)
        .is_none());
    let fi = CheckOptions { lang: Lang::Fi, ..opts };
    assert!(engine.check_value_size(Size::Exactly(over), &fi).is_some_and(|r| r
        .findings
        .iter()
        .all(|f| f.message.starts_with("Asiakirjan JSON-teksti on 33554433 tavua"))));
}
