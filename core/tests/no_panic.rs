//! No input makes a public function panic: arbitrary strings, arbitrary JSON values, and
//! measures mutated from a valid one, through every entry point.

use measure_rules::{locate, CheckOptions, Day, Engine, Lang, MeasureId};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,20}".prop_map(Value::String),
        prop_oneof![
            Just("SM"),
            Just("2.6. a)"),
            Just("Syksy 2018"),
            Just("2018-02-30"),
            Just("käynnissä"),
            Just("fi"),
            Just("off"),
            Just("partners.required"),
            Just("toimenpiteen 3.1"),
            Just("")
        ]
        .prop_map(|s| Value::String(s.to_string())),
    ];
    let keys = prop_oneof![
        Just("id".to_string()),
        Just("theme".to_string()),
        Just("title".to_string()),
        Just("leadBody".to_string()),
        Just("partners".to_string()),
        Just("schedule".to_string()),
        Just("status".to_string()),
        Just("steps".to_string()),
        Just("progress".to_string()),
        Just("start".to_string()),
        Just("end".to_string()),
        Just("text".to_string()),
        Just("continuous".to_string()),
        Just("measures".to_string()),
        Just("rules".to_string()),
        Just("fi".to_string()),
        Just("organisations".to_string()),
        "\\PC{0,8}",
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn valid_measure() -> Value {
    json!({
        "id": "2.1", "theme": 2, "title": {"fi": "Otsikko"}, "leadBody": "SM", "partners": ["HKO", "POHA"],
        "schedule": {"start": "2018-01", "end": "2020-12", "text": "vuosina 2018 - 2020"}, "status": "in-progress",
        "steps": [{"number": 1, "text": {"fi": "Vaihe"}, "schedule": {"text": "Syksy 2018"}}]
    })
}

fn opts() -> CheckOptions {
    CheckOptions {
        lang: Lang::Sv,
        as_of: Day::parse_iso("2019-06-01").ok(),
        // Explanations exercise more code on the same inputs.
        explain: true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn text_entry_points_never_panic(s in "\\PC{0,200}") {
        let engine = Engine::new().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let r = engine.check_measure_json(&s, &opts());
        prop_assert!(!r.findings.is_empty(), "text that is not a measure must get a finding");
        let _ = engine.check_programme_json(&s, &opts());
        let _ = engine.check_document_json(&s, &opts());
        let _ = engine.parse_schedule(&s, Lang::Fi);
        let _ = Engine::with_ruleset_json(&s);
        let _ = MeasureId::parse(&s);
        let _ = Day::parse_iso(&s);
        let _ = locate(&s, &["", "/a", "/0/1", "/measures/0/id"]);
    }

    #[test]
    fn json_like_text_never_panics(parts in prop::collection::vec(prop_oneof![
        Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just(":"), Just("\"id\""), Just("\"2.1\""), Just("\"measures\""),
        Just("\"partners\""), Just("1e999"), Just("-0"), Just("null"), Just("\"\\u00e4\""), Just("\"\\ud800\""), Just("\u{feff}"),
        Just("\r\n"), Just(" "), Just("\"a\\\"b\""), Just("tru"),
    ], 0..40)) {
        let text: String = parts.concat();
        let engine = Engine::new().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let _ = engine.check_document_json(&text, &opts());
        let _ = engine.check_programme_json(&text, &opts());
        let _ = locate(&text, &["/measures/0/partners/1", "/id"]);
    }

    #[test]
    fn any_json_value_never_panics(v in arb_json()) {
        let engine = Engine::new().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let _ = engine.check_measure(&v, &opts());
        let _ = engine.check_programme(&v, &opts());
        let _ = engine.check_programme(&json!({"measures": [v.clone(), v.clone()]}), &opts());
        let _ = Engine::with_ruleset(&v);
        let _ = Engine::with_ruleset(&json!({"id": "x", "version": "1", "rules": v.clone()}));
        let text = v.to_string();
        let r = engine.check_measure_json(&text, &opts());
        prop_assert_eq!(r.findings.iter().filter(|f| f.rule == "input.syntax").count(), 0);
    }

    #[test]
    fn mutated_measures_never_panic_and_are_deterministic(field in prop_oneof![
        Just("id"), Just("theme"), Just("title"), Just("leadBody"), Just("partners"), Just("schedule"), Just("status"), Just("steps")
    ], value in arb_json()) {
        let engine = Engine::new().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut m = valid_measure();
        if let Some(obj) = m.as_object_mut() {
            obj.insert(field.to_string(), value);
        }
        let a = engine.check_measure(&m, &opts());
        let b = engine.check_measure(&m, &opts());
        prop_assert_eq!(&a, &b);
        let located = engine.check_measure_json(&serde_json::to_string_pretty(&m).unwrap_or_default(), &opts());
        prop_assert_eq!(a.findings.len(), located.findings.len());
        prop_assert!(located.findings.iter().all(|f| f.line.is_some() && f.column.is_some()), "every finding from text is placed");
    }
}
