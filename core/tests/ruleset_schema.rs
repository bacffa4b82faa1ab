//! The engine's rule-set check (hand-written, for size and for messages) and the published
//! `schemas/ruleset.schema.json` reach the same verdict on good and bad rule sets.

use measure_rules::Engine;
use serde_json::{json, Value};

#[jsonschema::validator(path = "../schemas/ruleset.schema.json", draft = Draft202012, resources = {
    "https://measure-rules.github.io/schemas/v1/organisations.schema.json" => { path = "../schemas/organisations.schema.json" }
})]
struct RulesetSchema;

fn corpus() -> Vec<(Value, bool)> {
    let org = json!({"code": "X", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}});
    let base = |extra: Value| {
        let mut v = json!({"id": "t", "version": "1"});
        if let (Some(o), Value::Object(e)) = (v.as_object_mut(), extra) {
            o.extend(e);
        }
        v
    };
    vec![
        (base(json!({})), true),
        (
            base(json!({"$schema": "x", "description": "d", "rules": {}, "organisations": []})),
            true,
        ),
        (
            base(json!({"rules": {"lead-body.joint": "off", "schedule.unparsed": "error", "id.format": "info"}})),
            true,
        ),
        (
            base(json!({"rules": {"partners.required": {"min": 0, "severity": "warning", "enabled": true}}})),
            true,
        ),
        (
            base(json!({"rules": {"title.required": {"languages": ["fi", "sv", "en"]}}})),
            true,
        ),
        (
            base(json!({"rules": {"status.invalid": {"allowed": ["planned"]}}})),
            true,
        ),
        (
            base(
                json!({"organisations": [org.clone(), {"code": "Y", "kind": "group", "parent": "SM", "aliases": ["y"], "name": {"fi": "Y", "sv": "Y", "en": "Y"}}]}),
            ),
            true,
        ),
        (json!({"version": "1"}), false),
        (json!({"id": "t"}), false),
        (json!([]), false),
        (json!("x"), false),
        (base(json!({"id": ""})), false),
        (base(json!({"version": 1})), false),
        (base(json!({"rulez": {}})), false),
        (base(json!({"rules": []})), false),
        (base(json!({"rules": {"no.such-rule": "off"}})), false),
        (base(json!({"rules": {"id.format": "fatal"}})), false),
        (base(json!({"rules": {"id.format": 3}})), false),
        (base(json!({"rules": {"id.format": {"severity": "off"}}})), false),
        (base(json!({"rules": {"id.format": {"enabled": "no"}}})), false),
        (base(json!({"rules": {"id.format": {"colour": "red"}}})), false),
        (base(json!({"rules": {"partners.required": {"min": -1}}})), false),
        (base(json!({"rules": {"partners.required": {"min": 201}}})), false),
        (base(json!({"rules": {"partners.required": {"min": 1.5}}})), false),
        (base(json!({"rules": {"title.required": {"languages": ["de"]}}})), false),
        (
            base(json!({"rules": {"title.required": {"languages": ["fi", "fi"]}}})),
            false,
        ),
        (base(json!({"rules": {"title.required": {"languages": "fi"}}})), false),
        (base(json!({"rules": {"status.invalid": {"allowed": []}}})), false),
        (base(json!({"rules": {"status.invalid": {"allowed": ["done"]}}})), false),
        (base(json!({"organisations": {}})), false),
        (base(json!({"organisations": [{"code": "X"}]})), false),
        (
            base(json!({"organisations": [{"code": "", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}}]})),
            false,
        ),
        (
            base(
                json!({"organisations": [{"code": "X", "kind": "company", "name": {"fi": "X", "sv": "X", "en": "X"}}]}),
            ),
            false,
        ),
        (
            base(json!({"organisations": [{"code": "X", "kind": "agency", "name": {"fi": "X", "sv": "X"}}]})),
            false,
        ),
        (
            base(
                json!({"organisations": [{"code": "X", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X", "de": "X"}}]}),
            ),
            false,
        ),
        (
            base(
                json!({"organisations": [{"code": "X", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}, "aliases": [""]}]}),
            ),
            false,
        ),
        (
            base(
                json!({"organisations": [{"code": "X", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}, "homepage": "x"}]}),
            ),
            false,
        ),
    ]
}

#[test]
fn engine_and_schema_agree_on_every_rule_set() {
    let mut disagreements = Vec::new();
    for (set, valid) in corpus() {
        let by_schema = RulesetSchema::is_valid(&set);
        let by_engine = Engine::with_ruleset(&set).err();
        if by_schema != valid || by_engine.is_none() != valid {
            let said = by_engine.as_ref().map(ToString::to_string);
            disagreements.push(format!(
                "{set}: expected valid={valid}, schema says {by_schema}, engine says {said:?}"
            ));
        }
        if let Some(e) = by_engine {
            assert!(e.problems.iter().all(|p| !p.message.is_empty()), "{e}");
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
