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
        // What says a document was not read stays an error.
        (base(json!({"rules": {"input.syntax": "error", "input.too-large": {"severity": "error", "enabled": true}}})), true),
        (base(json!({"rules": {"input.syntax": "off"}})), false),
        (base(json!({"rules": {"input.syntax": "warning"}})), false),
        (base(json!({"rules": {"input.too-large": {"enabled": false}}})), false),
        (base(json!({"rules": {"input.duplicate-key": "off", "input.too-many-findings": "info"}})), true),
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
    .into_iter()
    .chain(custom_corpus())
    .collect()
}

/// Custom rules, versions, extends and tests. The engine is stricter than any schema where it
/// knows more (an organisation code must be in the registry, a combinator takes no `path`);
/// those cases are tested in `custom_rules.rs`, not here.
fn custom_corpus() -> Vec<(Value, bool)> {
    let rule = |extra: Value| {
        let mut r = json!({"id": "t/x", "severity": "error", "require": {"path": "/id", "present": true},
                           "message": {"fi": "a", "sv": "b", "en": "c"}});
        if let (Some(o), Value::Object(e)) = (r.as_object_mut(), extra) {
            o.extend(e);
        }
        json!({"id": "t", "version": "1", "custom": [r]})
    };
    // Unreadable, it is null, which both refuse: the `true` below then fails the test.
    let ministry: Value = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/rulesets/ministry.json"
    ))
    .ok()
    .and_then(|t| serde_json::from_str(&t).ok())
    .unwrap_or(Value::Null);
    vec![
        (ministry, true),
        (rule(json!({})), true),
        (
            rule(
                json!({"when": {"all": [{"path": "/theme", "in": [7, 8]}, {"not": {"path": "/status", "equals": "planned"}}]}}),
            ),
            true,
        ),
        (
            rule(json!({"require": {"path": "/steps", "every": {"path": "/schedule/end", "before": "asOf"}}})),
            true,
        ),
        (
            rule(
                json!({"require": {"path": "/partners", "length": {"min": 2}}, "path": "/partners", "params": {"n": "/theme"},
                     "message": {"fi": "{n}", "sv": "{id}", "en": "{value}"}}),
            ),
            true,
        ),
        (
            rule(json!({"severity": "off", "description": {"fi": "a", "sv": "b", "en": "c"}})),
            true,
        ),
        (
            json!({"id": "t", "version": "1", "engine": "^0.1", "extends": "default"}),
            true,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "n", "measure": {}, "asOf": "2019-01-01", "expect": [{"rule": "id.format", "path": "/id", "severity": "error"}]}]}),
            true,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "n", "measure": {}, "lang": "sv", "expect": [{"rule": "id.format", "path": "/id", "message": "Åtgärdsnumret saknas."}]}]}),
            true,
        ),
        // A message is compared in the test's language, which it must name.
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "n", "measure": {}, "expect": [{"rule": "id.format", "message": "x"}]}]}),
            false,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "n", "measure": {}, "lang": "en", "expect": [{"rule": "id.format", "message": ""}]}]}),
            false,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "n", "measure": {}, "lang": "en", "expect": [{"rule": "id.format", "message": 1}]}]}),
            false,
        ),
        (rule(json!({"id": "X/Upper"})), false),
        (rule(json!({"id": "no-namespace"})), false),
        (rule(json!({"severity": "fatal"})), false),
        (rule(json!({"require": {"path": "/theme", "equal": 7}})), false),
        (rule(json!({"require": {"path": "theme", "equals": 7}})), false),
        (rule(json!({"require": {"path": "/a", "equals": [1]}})), false),
        (rule(json!({"require": {"path": "/a", "in": []}})), false),
        (rule(json!({"require": {"path": "/a", "length": {"least": 1}}})), false),
        (rule(json!({"require": {"path": "/a", "before": "spring"}})), false),
        (
            rule(json!({"require": {"all": {"path": "/a", "present": true}}})),
            false,
        ),
        (rule(json!({"message": {"fi": "a", "sv": "b"}})), false),
        (rule(json!({"params": {"n": "theme"}})), false),
        (rule(json!({"severety": "error"})), false),
        (json!({"id": "t", "version": "1", "custom": {}}), false),
        (json!({"id": "t", "version": "1", "extends": 3}), false),
        (json!({"id": "t", "version": "1", "extends": {"version": "^1"}}), false),
        (json!({"id": "t", "version": "1", "engine": ""}), false),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "expect": []}]}),
            false,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "measure": {}, "expect": [{"path": "/id"}]}]}),
            false,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "measure": {}, "expect": [], "lang": "de"}]}),
            false,
        ),
        // The schema's codes only: "FI" and "sv-AX", which a check's options take, were accepted
        // here and refused by the schema.
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "measure": {}, "expect": [], "lang": "FI"}]}),
            false,
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "measure": {}, "expect": [], "lang": "sv-AX"}]}),
            false,
        ),
        // A description in one language was taken, and explained a finding with "" in the
        // others; the schema asks for all three, as of a message.
        (rule(json!({"description": {"en": "only in English"}})), false),
        (rule(json!({"description": {"fi": "a", "sv": "b"}})), false),
        // A message of spaces says nothing: the engine refused it and the schema took it.
        (rule(json!({"message": {"fi": "a", "sv": " ", "en": "c"}})), false),
        (rule(json!({"description": {"fi": "a", "sv": "b", "en": "\t"}})), false),
        (rule(json!({"message": {"fi": " a", "sv": "b ", "en": "c"}})), true),
        // The engine's ranges are npm's comparators; the schema took any text, and an editor
        // passed "0.1.x", "*", "||" and hyphen ranges that the engine then refused.
        (json!({"id": "t", "version": "1", "engine": ">=0.1.0, <0.2.0"}), true),
        (json!({"id": "t", "version": "1", "engine": "=0.1.0"}), true),
        (json!({"id": "t", "version": "1", "engine": " 0.1 "}), true),
        (json!({"id": "t", "version": "1", "engine": "0.1.x"}), false),
        (json!({"id": "t", "version": "1", "engine": "*"}), false),
        (json!({"id": "t", "version": "1", "engine": "^0.1 || ^1"}), false),
        (json!({"id": "t", "version": "1", "engine": "0.1.0 - 0.2.0"}), false),
        (json!({"id": "t", "version": "1", "engine": "= 0.1.0"}), false),
        (json!({"id": "t", "version": "1", "engine": "0 0 0 0 0 0 0 0 0"}), false),
        // Dates as the engine reads them (a day past its month's end is the engine's alone).
        (rule(json!({"when": {"path": "/a", "before": "2019-12-31"}})), true),
        (rule(json!({"when": {"path": "/a", "after": "asOf"}})), true),
        (rule(json!({"when": {"path": "/a", "before": "2019-00"}})), false),
        (rule(json!({"when": {"path": "/a", "before": "2019-13-01"}})), false),
        (rule(json!({"when": {"path": "/a", "after": "2019-01-32"}})), false),
        (rule(json!({"when": {"path": "/a", "after": "0999"}})), false),
        // A condition is a combinator alone or a path with one test; the schema took any two
        // of its keys, or one.
        (rule(json!({"when": {"not": {"path": "/a", "present": true}}})), true),
        (
            rule(json!({"when": {"any": [{"path": "/a", "equals": 1}, {"all": []}]}})),
            true,
        ),
        (rule(json!({"when": {"equals": 7}})), false),
        (rule(json!({"when": {"path": "/a"}})), false),
        (rule(json!({"when": {"all": [], "any": []}})), false),
        (
            rule(json!({"when": {"not": {"path": "/a", "present": true}, "path": "/a"}})),
            false,
        ),
        (rule(json!({"when": {"all": [], "path": "/a"}})), false),
        (
            rule(json!({"when": {"path": "/a", "every": {"path": "/b", "equals": 1, "in": [1]}}})),
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
