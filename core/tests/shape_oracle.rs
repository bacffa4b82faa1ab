//! The engine checks a document's shape with a table that `build.rs` compiles from the
//! schemas. This test holds it to the jsonschema crate's compile-time validators of the same
//! schemas: on the fixtures, the real programme and thousands of generated documents, both
//! must find exactly the same violations, at the same places, with the same limits.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test harness: a panic is a failed test"
)]

use std::collections::BTreeSet;

use measure_rules::{CheckOptions, Engine, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

#[jsonschema::validator(path = "../schemas/measure.schema.json", draft = Draft202012)]
struct MeasureSchema;

#[jsonschema::validator(path = "../schemas/programme.schema.json", draft = Draft202012, resources = {
    "https://measure-rules.github.io/schemas/v1/measure.schema.json" => { path = "../schemas/measure.schema.json" }
})]
struct ProgrammeSchema;

type Key = (String, String, Vec<(String, String)>);

/// What the oracle finds, in the engine's terms: rule, pointer, parameters (type names aside).
fn oracle(doc: &Value, programme: bool) -> BTreeSet<Key> {
    use jsonschema::error::ValidationErrorKind as K;
    let errors: Vec<_> = if programme {
        ProgrammeSchema::iter_errors(doc).collect()
    } else {
        MeasureSchema::iter_errors(doc).collect()
    };
    let mut out = BTreeSet::new();
    for e in errors {
        let at = e.instance_path().as_str().to_string();
        let p = |pairs: &[(&str, String)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone()))
                .collect::<Vec<_>>()
        };
        let (rule, path, params) = match e.kind() {
            K::Type { .. } => ("schema.type", at, Vec::new()),
            K::Required { property } => {
                let name = property.as_str().unwrap().to_string();
                let path = format!("{at}/{}", name.replace('~', "~0").replace('/', "~1"));
                ("schema.required", path, p(&[("field", name)]))
            }
            K::AdditionalProperties { unexpected } => {
                for name in unexpected {
                    let path = format!("{at}/{}", name.replace('~', "~0").replace('/', "~1"));
                    out.insert(("schema.unknown-field".into(), path, p(&[("field", name.clone())])));
                }
                continue;
            }
            K::Minimum { limit } | K::Maximum { limit } => ("schema.value", at, p(&[("limit", limit.to_string())])),
            K::MaxLength { limit } => {
                let n = e.instance().as_str().unwrap().chars().count();
                (
                    "schema.value",
                    at,
                    p(&[("count", n.to_string()), ("limit", limit.to_string())]),
                )
            }
            K::MinLength { limit } | K::MinItems { limit } => ("schema.value", at, p(&[("limit", limit.to_string())])),
            K::MaxItems { limit } => {
                let n = e.instance().as_array().unwrap().len();
                (
                    "schema.value",
                    at,
                    p(&[("count", n.to_string()), ("limit", limit.to_string())]),
                )
            }
            other => panic!("the schemas use a keyword the engine's table does not: {other:?}"),
        };
        out.insert((rule.to_string(), path, params));
    }
    out
}

fn engine_shape(engine: &Engine, doc: &Value, programme: bool) -> BTreeSet<Key> {
    let opts = CheckOptions {
        lang: Lang::En,
        ..CheckOptions::default()
    };
    let report = if programme {
        engine.check_programme(doc, &opts)
    } else {
        engine.check_measure(doc, &opts)
    };
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("schema."))
        .map(|f| {
            let params = f
                .params
                .iter()
                .filter(|(k, _)| !matches!(k.as_str(), "expected" | "suggestion"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            (f.rule.clone(), f.path.clone(), params)
        })
        .collect()
}

fn agree(engine: &Engine, doc: &Value, programme: bool) -> Result<(), String> {
    let want = oracle(doc, programme);
    let got = engine_shape(engine, doc, programme);
    if want == got {
        Ok(())
    } else {
        Err(format!(
            "{doc}\nonly the oracle: {:?}\nonly the engine: {:?}",
            want.difference(&got).collect::<Vec<_>>(),
            got.difference(&want).collect::<Vec<_>>()
        ))
    }
}

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn the_real_programme_and_every_fixture_agree() {
    let engine = Engine::new().unwrap();
    let programme: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("data/programme-2017.json")).unwrap()).unwrap();
    agree(&engine, &programme, true).unwrap();
    for m in programme["measures"].as_array().unwrap() {
        agree(&engine, m, false).unwrap();
    }
    // Every JSON document inside the shared cases, whole or as fragments.
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/fixtures/cases.json")).unwrap()).unwrap();
    let mut docs = Vec::new();
    collect_objects(&cases, &mut docs);
    assert!(docs.len() > 100);
    for d in docs {
        agree(&engine, d, false).unwrap();
        agree(&engine, &json!({ "measures": [d] }), true).unwrap();
    }
}

fn collect_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(o) => {
            out.push(v);
            o.values().for_each(|x| collect_objects(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| collect_objects(x, out)),
        _ => {}
    }
}

/// Values that break the schema in every way it can be broken, and some that do not.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-3i64..120).prop_map(Value::from),
        prop_oneof![Just(2.0), Just(2.5), Just(-0.5), Just(1e300), Just(8.0)].prop_map(Value::from),
        Just(json!(u64::MAX)),
        "[a-zA-Z0-9 .-]{0,12}".prop_map(Value::from),
        (0usize..700).prop_map(|n| Value::from("x".repeat(n))),
        prop_oneof![Just("SM"), Just("2018-12"), Just("planned"), Just("ä")].prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            (0usize..250).prop_map(|n| Value::Array(vec![json!("PO"); n])),
            prop::collection::btree_map(
                prop_oneof![
                    Just("fi".to_string()),
                    Just("sv".to_string()),
                    Just("text".to_string()),
                    Just("start".to_string()),
                    Just("end".to_string()),
                    Just("number".to_string()),
                    Just("date".to_string()),
                    Just("a/b~c".to_string()),
                    "[a-z]{1,6}"
                ],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const FIELDS: [&str; 16] = [
    "id",
    "theme",
    "title",
    "leadBody",
    "partners",
    "schedule",
    "status",
    "steps",
    "progress",
    "updated",
    "$schema",
    "leadbody",
    "title/fi",
    "schedule/start",
    "steps/0",
    "steps/0/text",
];

fn base() -> Value {
    json!({
        "id": "2.1", "theme": 2, "title": {"fi": "x"}, "leadBody": "SM", "partners": ["PO"],
        "schedule": {"start": "2018", "end": "2019", "text": "2018-2019"}, "status": "planned",
        "steps": [{"number": 1, "text": {"fi": "a"}}], "progress": [{"date": "2018", "text": {"fi": "b"}}]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_agree(edits in prop::collection::vec((0usize..FIELDS.len(), any_value()), 1..5), whole in any_value()) {
        let engine = Engine::new().unwrap();
        let mut m = base();
        for (field, value) in edits {
            let path = FIELDS[field];
            let (parent, last) = match path.rsplit_once('/') {
                Some((p, l)) => (format!("/{p}"), l),
                None => (String::new(), path),
            };
            match m.pointer_mut(&parent) {
                Some(Value::Object(o)) => { o.insert(last.to_string(), value); }
                Some(Value::Array(a)) => { if let Some(slot) = a.get_mut(0) { *slot = value; } }
                _ => {}
            }
        }
        prop_assert!(agree(&engine, &m, false).is_ok(), "{}", agree(&engine, &m, false).err().unwrap_or_default());
        let p = json!({"id": "p", "themes": [{"number": 2}], "measures": [m, whole.clone()]});
        prop_assert!(agree(&engine, &p, true).is_ok(), "{}", agree(&engine, &p, true).err().unwrap_or_default());
        prop_assert!(agree(&engine, &whole, false).is_ok(), "{}", agree(&engine, &whole, false).err().unwrap_or_default());
    }
}
