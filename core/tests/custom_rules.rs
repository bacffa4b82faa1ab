//! Custom rules written as data: each construct of the rule language on measures that pass
//! and fail, malformed and hostile rules, rule-set chains, explanations, and the example rule
//! sets' own tests (`tests/fixtures/rulesets/`).

#![expect(clippy::unwrap_used, reason = "test harness: a panic is a failed test")]

use measure_rules::{CheckOptions, Day, Engine, Lang, Report};
use serde_json::{json, Value};

fn root() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("tests/fixtures/rulesets").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn opts(explain: bool) -> CheckOptions {
    CheckOptions {
        lang: Lang::En,
        as_of: Some(Day::parse_iso("2019-06-01").unwrap()),
        explain,
    }
}

/// A rule set with one custom rule whose `require` is `cond`.
fn with_rule(cond: Value) -> Result<Engine, String> {
    Engine::with_ruleset(&json!({
        "id": "t", "version": "1",
        "custom": [{
            "id": "t/rule", "severity": "error", "require": cond, "path": "",
            "message": {"fi": "ei", "sv": "nej", "en": "no {value}"}
        }]
    }))
    .map_err(|e| e.to_string())
}

fn fires(engine: &Engine, measure: &Value) -> bool {
    engine
        .check_measure(measure, &opts(false))
        .findings
        .iter()
        .any(|f| f.rule == "t/rule")
}

fn measure() -> Value {
    json!({
        "id": "7.2", "theme": 7, "title": {"fi": "Nimi", "sv": "  "},
        "leadBody": "SM", "partners": ["PO", "Suomen Kuntaliitto"],
        "schedule": {"start": "2018-03", "end": "2019"}, "status": "in-progress",
        "steps": [{"text": {"fi": "a"}, "status": "planned"}, {"text": {"fi": "b"}, "status": "completed"}]
    })
}

#[test]
fn every_construct_holds_and_fails() {
    let m = measure();
    // (condition, holds on `measure()`)
    let table = [
        (json!({"path": "/title/fi", "present": true}), true),
        (json!({"path": "/title/sv", "present": true}), false), // blank text is not present
        (json!({"path": "/progress", "present": false}), true),
        (json!({"path": "/theme", "equals": 7}), true),
        (json!({"path": "/theme", "equals": 7.0}), true),
        (json!({"path": "/theme", "equals": "7"}), false),
        (json!({"path": "/status", "in": ["planned", "in-progress"]}), true),
        (json!({"path": "/status", "in": ["completed"]}), false),
        (json!({"path": "/partners", "contains": "PO"}), true),
        (json!({"path": "/partners", "contains": "RAJA"}), false),
        (json!({"path": "/title/fi", "contains": "nim"}), true),
        (json!({"path": "/partners", "organisation": "Kuntaliitto"}), true),
        (json!({"path": "/leadBody", "organisation": "SM"}), true),
        (json!({"path": "/leadBody", "organisation": "PO"}), false),
        (json!({"path": "/partners", "length": {"min": 2, "max": 2}}), true),
        (json!({"path": "/partners", "length": {"min": 3}}), false),
        (json!({"path": "/title/fi", "length": {"max": 3}}), false),
        (json!({"path": "/schedule/start", "before": "2018-04"}), true),
        (json!({"path": "/schedule/start", "before": "2018-03-31"}), false),
        (json!({"path": "/schedule/end", "after": "2018"}), true),
        (json!({"path": "/schedule/end", "before": "asOf"}), false),
        (json!({"path": "/schedule/start", "before": "asOf"}), true),
        (
            json!({"path": "/steps", "every": {"path": "/text/fi", "present": true}}),
            true,
        ),
        (
            json!({"path": "/steps", "every": {"path": "/status", "equals": "planned"}}),
            false,
        ),
        (
            json!({"path": "/steps", "some": {"path": "/status", "equals": "completed"}}),
            true,
        ),
        (
            json!({"path": "/missing", "some": {"path": "", "present": true}}),
            false,
        ),
        (
            json!({"path": "/missing", "every": {"path": "", "present": true}}),
            true,
        ),
        (
            json!({"all": [{"path": "/theme", "equals": 7}, {"path": "/status", "equals": "in-progress"}]}),
            true,
        ),
        (
            json!({"all": [{"path": "/theme", "equals": 7}, {"path": "/status", "equals": "planned"}]}),
            false,
        ),
        (
            json!({"any": [{"path": "/theme", "equals": 1}, {"path": "/status", "equals": "in-progress"}]}),
            true,
        ),
        (json!({"any": []}), false),
        (json!({"all": []}), true),
        (json!({"not": {"path": "/theme", "equals": 7}}), false),
        (json!({"path": "/nothing", "equals": null}), false), // a missing value equals nothing
    ];
    for (cond, holds) in table {
        let engine = with_rule(cond.clone()).unwrap_or_else(|e| panic!("{cond}: {e}"));
        assert_eq!(fires(&engine, &m), !holds, "{cond}");
    }
}

#[test]
fn when_limits_where_a_rule_applies_and_messages_take_parameters() {
    let engine = Engine::with_ruleset(&fixture("ministry.json")).unwrap();
    let chain = Engine::with_rulesets(&[fixture("ministry.json"), fixture("agency-kuntaliitto.json")]).unwrap();
    let mut m = measure();
    m["partners"] = json!(["PO"]);
    m["theme"] = json!(7);
    let report = chain.check_measure(&m, &opts(false));
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "kuntaliitto/theme-7-partner")
        .unwrap();
    assert_eq!(f.path, "/partners");
    assert_eq!(f.message, "Measure 7.2 of theme 7 must name Kuntaliitto as a partner.");
    assert_eq!(f.measure.as_deref(), Some("7.2"));
    // Not in the ministry's set, and not for other themes.
    assert!(!engine
        .check_measure(&m, &opts(false))
        .findings
        .iter()
        .any(|f| f.rule.starts_with("kuntaliitto/")));
    m["id"] = json!("2.2");
    m["theme"] = json!(2);
    assert!(!chain
        .check_measure(&m, &opts(false))
        .findings
        .iter()
        .any(|f| f.rule.starts_with("kuntaliitto/")));
    // The same rule in each language.
    for (lang, text) in [(Lang::Fi, "Teeman"), (Lang::Sv, "inom tema")] {
        let mut m7 = m.clone();
        m7["theme"] = json!(7);
        m7["id"] = json!("7.2");
        let r = chain.check_measure(&m7, &CheckOptions { lang, ..opts(false) });
        let f = r
            .findings
            .iter()
            .find(|f| f.rule == "kuntaliitto/theme-7-partner")
            .unwrap();
        assert!(f.message.contains(text), "{}", f.message);
    }
}

#[test]
fn custom_rules_run_in_programmes_with_their_measures_paths() {
    let engine = Engine::with_ruleset(&fixture("ministry.json")).unwrap();
    let mut bad = measure();
    bad["title"] = json!({"fi": "x"});
    let programme = json!({"measures": [measure(), bad]});
    let report = engine.check_programme(&programme, &opts(false));
    let paths: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "sm/swedish-title")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(paths, ["/measures/0/title/sv", "/measures/1/title/sv"]);
}

#[test]
fn explanations_name_the_rule_the_condition_and_the_values_read() {
    let engine = Engine::with_ruleset(&fixture("ministry.json")).unwrap();
    let report = engine.check_measure(&measure(), &opts(true));
    let f = report.findings.iter().find(|f| f.rule == "sm/swedish-title").unwrap();
    let e = f.explain.as_ref().unwrap();
    assert_eq!(e.rule, "Measures the ministry leads have a Swedish title.");
    assert_eq!(e.when.len(), 1);
    assert_eq!(e.when[0].path, "/leadBody");
    assert_eq!(e.when[0].test, "organisation");
    assert_eq!(e.when[0].actual, Some(json!("SM")));
    assert!(e.when[0].result);
    assert_eq!(e.require[0].path, "/title/sv");
    assert_eq!(e.require[0].actual, Some(json!("  ")));
    assert!(!e.require[0].result);
    assert_eq!(e.values.get("/title/sv"), Some(&json!("  ")));
    // Built-in rules explain too: the case and the value at the finding's place.
    let alias = report.findings.iter().find(|f| f.rule == "organisation.alias").unwrap();
    let e = alias.explain.as_ref().unwrap();
    assert_eq!(e.values.get("/partners/1"), Some(&json!("Suomen Kuntaliitto")));
    // Without the option there is nothing extra.
    assert!(engine
        .check_measure(&measure(), &opts(false))
        .findings
        .iter()
        .all(|f| f.explain.is_none()));
}

fn problems(v: Value) -> Vec<(String, String)> {
    match Engine::with_ruleset(&v) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.into_iter().map(|p| (p.path, p.message)).collect(),
    }
}

fn rule(extra: Value) -> Value {
    let mut r = json!({"id": "t/x", "severity": "error", "require": {"path": "/id", "present": true},
                       "message": {"fi": "a", "sv": "b", "en": "c"}});
    if let (Some(o), Value::Object(e)) = (r.as_object_mut(), extra) {
        o.extend(e);
    }
    json!({"id": "t", "version": "1", "custom": [r]})
}

#[test]
fn malformed_rules_are_refused_with_the_place_and_the_reason() {
    let cases = [
        (rule(json!({"id": "x"})), "/custom/0/id", "namespace"),
        (rule(json!({"id": "lead-body.required"})), "/custom/0/id", "namespace"),
        (rule(json!({"severity": "fatal"})), "/custom/0/severity", "must be"),
        (
            rule(json!({"require": {"path": "/theme", "equal": 7}})),
            "/custom/0/require/equal",
            "did you mean \"equals\"",
        ),
        (
            rule(json!({"require": {"path": "theme", "equals": 7}})),
            "/custom/0/require/path",
            "JSON Pointer",
        ),
        (
            rule(json!({"require": {"equals": 7}})),
            "/custom/0/require",
            "needs a \"path\"",
        ),
        (
            rule(json!({"require": {"path": "/a", "equals": 1, "in": [1]}})),
            "/custom/0/require",
            "exactly one",
        ),
        (
            rule(json!({"require": {"path": "/a", "equals": [1]}})),
            "/custom/0/require/equals",
            "compare with",
        ),
        (
            rule(json!({"require": {"path": "/a", "in": []}})),
            "/custom/0/require/in",
            "list of 1 to",
        ),
        (
            rule(json!({"require": {"path": "/a", "length": {"least": 1}}})),
            "/custom/0/require/length",
            "min",
        ),
        (
            rule(json!({"require": {"path": "/a", "before": "spring"}})),
            "/custom/0/require/before",
            "date",
        ),
        (
            rule(json!({"require": {"all": {"path": "/a", "present": true}}})),
            "/custom/0/require/all",
            "list",
        ),
        (
            rule(json!({"require": {"all": [], "path": "/a"}})),
            "/custom/0/require",
            "takes no \"path\"",
        ),
        (
            rule(json!({"message": {"fi": "a", "sv": "b"}})),
            "/custom/0/message",
            "\"en\"",
        ),
        (
            rule(json!({"message": {"fi": "a", "sv": "b", "en": "{nope}"}})),
            "/custom/0/message/en",
            "not a parameter",
        ),
        (
            rule(json!({"params": {"n": "theme"}})),
            "/custom/0/params/n",
            "JSON Pointer",
        ),
        (
            rule(json!({"severety": "error"})),
            "/custom/0/severety",
            "did you mean \"severity\"",
        ),
        (
            rule(json!({"require": {"path": "/leadBody", "organisation": "NOPE"}})),
            "/custom/0/require/organisation",
            "not an organisation code",
        ),
        (
            rule(
                json!({"when": {"any": [{"path": "/id", "present": true}, {"not": {"path": "/partners", "some": {"path": "", "organisation": "Kuntaliito"}}}]}}),
            ),
            "/custom/0/when/any/1/not/some/organisation",
            "did you mean \"Kuntaliitto\"",
        ),
        (
            rule(json!({"require": {"path": "/leadBody", "organisation": "sisäministeriö"}})),
            "/custom/0/require/organisation",
            "write its code, \"SM\"",
        ),
        (
            rule(json!({"path": format!("/{}", "a".repeat(500))})),
            "/custom/0/path",
            "a JSON Pointer of at most 500 characters",
        ),
        (
            rule(json!({"params": {"p": "title"}})),
            "/custom/0/params/p",
            "a JSON Pointer into the measure",
        ),
        (
            json!({"id": "t", "version": "1", "custom": [{"id": "t/a", "severity": "info", "require": {"path": "", "present": true}, "message": {"fi": "a", "sv": "b", "en": "c"}}, {"id": "t/a", "severity": "info", "require": {"path": "", "present": true}, "message": {"fi": "a", "sv": "b", "en": "c"}}]}),
            "/custom/1/id",
            "defined twice",
        ),
        (
            json!({"id": "t", "version": "1", "organisations": [
                {"code": "XY", "kind": "agency", "name": {"fi": "A", "sv": "A", "en": "A"}, "aliases": ["Ässä"]},
                {"code": "xy", "kind": "agency", "name": {"fi": "B", "sv": "B", "en": "B"}}]}),
            "/organisations/1/code",
            "\"xy\" is defined twice",
        ),
        (
            json!({"id": "t", "version": "1", "rules": {"t/none": "off"}}),
            "/rules/t~1none",
            "unknown custom rule",
        ),
        (
            json!({"id": "t", "version": "1", "engine": ">=9"}),
            "/engine",
            "needs measure-rules >=9",
        ),
        (
            json!({"id": "t", "version": "1", "rules": {"partners.required": {"severity": "off"}}}),
            "/rules/partners.required/severity",
            "or \"enabled\": false",
        ),
        (
            json!({"id": "t", "version": "1", "extend": "default"}),
            "/extend",
            "did you mean \"extends\"",
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "measure": {}, "expect": [{"rule": "id.format", "pth": ""}]}]}),
            "/tests/0/expect/0/pth",
            "did you mean \"path\"",
        ),
        (
            rule(json!({"require": {"path": "/partners", "length": {"min": 5, "max": 1}}})),
            "/custom/0/require/length",
            "no length is within them",
        ),
        (
            json!({"id": "t", "version": "1", "engine": "newest"}),
            "/engine",
            "not a version",
        ),
        (
            json!({"id": "t", "version": "1", "extends": "fi.sm.measures"}),
            "/extends",
            "was not given",
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "expect": []}]}),
            "/tests/0",
            "either \"measure\" or \"programme\"",
        ),
        (
            json!({"id": "t", "version": "1", "tests": [{"name": "x", "measure": {}, "expect": [{"rule": "partners.requird"}]}]}),
            "/tests/0/expect/0/rule",
            "did you mean \"partners.required\"",
        ),
    ];
    for (set, path, needle) in cases {
        let found = problems(set.clone());
        assert!(
            found.iter().any(|(p, m)| p == path && m.contains(needle)),
            "{set}\nwanted {path}: …{needle}…\ngot {found:?}"
        );
    }
}

/// A custom rule refused for a problem of its own is named once: the rule set's setting of it
/// and its tests' expectations of it were each refused as "no rule", which sent its author
/// looking for a rule that is there.
#[test]
fn a_refused_rule_is_one_problem_not_three() {
    // A set whose custom rule t/x is refused for its severity, with a setting of `setting` and
    // a test expecting `expected`.
    let set = |setting: &str, expected: &str| {
        let mut set = rule(json!({"id": "t/x", "severity": "fatal"}));
        set["rules"] = json!({ setting: "warning" });
        set["tests"] = json!([{"name": "n", "measure": {}, "expect": [{"rule": expected, "path": ""}]}]);
        set
    };
    assert_eq!(
        problems(set("t/x", "t/x")),
        [(
            "/custom/0/severity".to_string(),
            "must be \"error\", \"warning\", \"info\" or \"off\"".to_string()
        )]
    );
    // A rule that is not there is still named, with or without a refused one beside it.
    let found: Vec<String> = problems(set("t/y", "t/z")).into_iter().map(|(p, _)| p).collect();
    assert_eq!(found, ["/custom/0/severity", "/rules/t~1y", "/tests/0/expect/0/rule"]);
}

#[test]
fn a_measure_without_a_readable_number_shows_what_it_has_not_a_placeholder() {
    let engine = Engine::with_ruleset(&rule(json!({"require": {"path": "/title/sv", "present": true},
        "message": {"fi": "a", "sv": "b", "en": "Measure {id} led by {lead}"}, "params": {"lead": "/leadBody"}})))
    .unwrap();
    for (id, shown) in [
        (None, "Measure  led by SM"),
        (Some(json!("abc")), "Measure abc led by SM"),
        (Some(json!(7)), "Measure 7 led by SM"),
    ] {
        let mut m = json!({"leadBody": "SM"});
        if let Some(id) = id {
            m["id"] = id;
        }
        let report = engine.check_measure(&m, &opts(false));
        let f = report.findings.iter().find(|f| f.rule == "t/x").unwrap();
        assert_eq!(f.message, shown);
    }
}

#[test]
fn the_organisation_test_reads_a_joint_lead_written_as_one_text() {
    // As the built-in rules read "SM, TEM" (the programme's 5.1), so does a custom rule.
    for (lead, holds) in [("SM, TEM", true), ("TEM, SM", true), ("TEM, OM", false), ("SM", true)] {
        let engine = with_rule(json!({"path": "/leadBody", "organisation": "SM"})).unwrap();
        let mut m = measure();
        m["leadBody"] = json!(lead);
        assert_eq!(fires(&engine, &m), !holds, "{lead}");
    }
}

#[test]
fn a_set_may_name_only_the_organisations_it_and_the_sets_before_it_add() {
    let org = json!({"code": "XY", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}});
    let uses = |extends: Option<&str>| {
        let mut set = rule(json!({"require": {"path": "/partners", "organisation": "XY"}}));
        set["id"] = json!("user");
        if let Some(e) = extends {
            set["extends"] = json!(e);
        }
        set
    };
    let adds = |extends: Option<&str>| {
        let mut set = json!({"id": "adds", "version": "1", "organisations": [org.clone()]});
        if let Some(e) = extends {
            set["extends"] = json!(e);
        }
        set
    };
    assert!(Engine::with_rulesets(&[adds(None), uses(Some("adds"))]).is_ok());
    let mut own = uses(None);
    own["organisations"] = json!([org.clone()]);
    assert!(Engine::with_ruleset(&own).is_ok());
    // Refused alike alone and before the set that adds it.
    for refused in [
        Engine::with_ruleset(&uses(None)).err(),
        Engine::with_rulesets(&[uses(None), adds(Some("user"))]).err(),
    ] {
        let text = refused.map(|e| e.to_string()).unwrap_or_default();
        assert!(
            text.contains("/custom/0/require/organisation") && text.contains("\"XY\""),
            "{text}"
        );
    }
    // A set whose organisations are malformed still has its other codes checked, but not the
    // ones it defines; and a clash of names is told in the set that has it.
    let mut broken = uses(None);
    broken["organisations"] = json!([{"code": "XY"}]);
    broken["custom"][0]["when"] = json!({"path": "/leadBody", "organisation": "NOPE"});
    let found: Vec<String> = Engine::with_ruleset(&broken)
        .err()
        .map(|e| e.problems.into_iter().map(|p| p.path).collect())
        .unwrap_or_default();
    assert!(found.contains(&"/custom/0/when/organisation".to_string()), "{found:?}");
    assert!(
        !found.contains(&"/custom/0/require/organisation".to_string()),
        "{found:?}"
    );
    let mut clashing = adds(Some("user"));
    clashing["organisations"] =
        json!([org.clone(), {"code": "YZ", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}}]);
    let text = Engine::with_rulesets(&[own, clashing])
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        text.contains("rule set 2 (adds)") && text.contains("would name both"),
        "{text}"
    );
}

/// `{id}` and `{value}` are the engine's; a parameter the author declares under either name is
/// the value at its pointer, as the rule language says of every declared name.
#[test]
fn a_declared_parameter_named_id_or_value_is_the_authors() {
    let engine = Engine::with_ruleset(&json!({
        "id": "t", "version": "1",
        "custom": [{"id": "t/p", "severity": "error", "require": {"path": "/partners", "length": {"min": 9}},
                    "path": "/partners", "params": {"id": "/leadBody", "value": "/theme"},
                    "message": {"fi": "a", "sv": "b", "en": "{id} of theme {value}"}}]
    }))
    .unwrap();
    let report = engine.check_measure(&measure(), &opts(false));
    let f = report.findings.iter().find(|f| f.rule == "t/p").unwrap();
    assert_eq!(f.message, "SM of theme 7");
    assert_eq!(f.params.get("id").map(String::as_str), Some("SM"));
    assert_eq!(f.params.get("value").map(String::as_str), Some("7"));
    assert_eq!(f.measure.as_deref(), Some("7.2"));
}

#[test]
fn hostile_rules_are_refused_or_bounded() {
    // Deep nesting is refused at the depth limit, not by a stack overflow.
    let mut deep = json!({"path": "/id", "present": true});
    for _ in 0..100 {
        deep = json!({"not": deep});
    }
    let found = problems(rule(json!({"require": deep})));
    assert!(found.iter().any(|(_, m)| m.contains("nest at most")), "{found:?}");
    // Too many conditions in one rule.
    let wide: Vec<Value> = (0..300).map(|_| json!({"path": "/id", "present": true})).collect();
    let found = problems(rule(json!({"require": {"all": wide}})));
    assert!(
        found.iter().any(|(_, m)| m.contains("at most 200 conditions")),
        "{found:?}"
    );
    // Too many rules.
    let many: Vec<Value> = (0..501)
        .map(|i| json!({"id": format!("t/r{i}"), "severity": "info", "require": {"path": "", "present": true}, "message": {"fi": "a", "sv": "b", "en": "c"}}))
        .collect();
    let found = problems(json!({"id": "t", "version": "1", "custom": many}));
    assert!(
        found.iter().any(|(p, m)| p == "/custom" && m.contains("at most 500")),
        "{found:?}"
    );
    // A huge literal is refused; a huge measure is bounded by the document limits and
    // evaluated in one pass per condition.
    let found = problems(rule(json!({"require": {"path": "/id", "equals": "x".repeat(10_000)}})));
    assert!(
        found.iter().any(|(_, m)| m.contains("at most 500 characters")),
        "{found:?}"
    );
    // Characters, as the schema and the docs count them: 500 of "ä" (1,000 bytes) are taken.
    assert_eq!(
        problems(rule(
            json!({"require": {"path": "/title/fi", "contains": "ä".repeat(500)}})
        )),
        []
    );
    assert_eq!(problems(rule(json!({"path": format!("/{}", "ä".repeat(499))}))), []);
    // The conditions of one rule, its `when` and its `require` together.
    let half: Vec<Value> = (0..150).map(|_| json!({"path": "/id", "present": true})).collect();
    let found = problems(rule(json!({"when": {"all": half.clone()}, "require": {"all": half}})));
    assert!(
        found
            .iter()
            .any(|(p, m)| p == "/custom/0/require" && m.contains("at most 200 conditions")),
        "{found:?}"
    );
    let engine = with_rule(json!({"path": "/steps", "every": {"path": "/text/fi", "contains": "a"}})).unwrap();
    let steps: Vec<Value> = (0..100).map(|_| json!({"text": {"fi": "a".repeat(10_000)}})).collect();
    let mut m = measure();
    m["steps"] = Value::Array(steps);
    assert!(!fires(&engine, &m));
    // Nesting in the rule-set text itself stops at the JSON parser's depth limit.
    let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(Engine::with_ruleset_json(&text).is_err());
}

#[test]
fn chains_extend_refine_and_name_every_rule_set() {
    let chain = Engine::with_rulesets(&[fixture("ministry.json"), fixture("agency-kuntaliitto.json")]).unwrap();
    let report: Report = chain.check_measure(&measure(), &opts(false));
    let names: Vec<(&str, &str)> = report
        .rulesets
        .iter()
        .map(|r| (r.id.as_str(), r.version.as_str()))
        .collect();
    assert_eq!(
        names,
        [("fi.sm.measures", "1.0.0"), ("fi.kuntaliitto.measures", "2.0.0")]
    );
    assert_eq!(report.ruleset.id, "fi.kuntaliitto.measures");
    // The agency turned the ministry's error into a warning and one rule off.
    let f = report.findings.iter().find(|f| f.rule == "sm/swedish-title").unwrap();
    assert_eq!(f.severity.as_str(), "warning");
    let infos = chain.custom_rules(Lang::En);
    assert!(infos
        .iter()
        .any(|r| r.id == "sm/steps-scheduled" && r.severity == "off"));
    // The agency's set alone, or in the wrong order, or with the wrong parent version, is refused.
    // A chain also reads as one JSON list, base first.
    let text = serde_json::to_string(&json!([fixture("ministry.json"), fixture("agency-kuntaliitto.json")])).unwrap();
    assert_eq!(Engine::with_ruleset_json(&text).unwrap().rulesets().len(), 2);
    let alone = Engine::with_ruleset(&fixture("agency-kuntaliitto.json")).err().unwrap();
    assert!(alone.to_string().contains("was not given"), "{alone}");
    let swapped = Engine::with_rulesets(&[fixture("agency-kuntaliitto.json"), fixture("ministry.json")])
        .err()
        .unwrap();
    assert!(
        swapped.to_string().contains("rule set 1 (fi.kuntaliitto.measures)"),
        "{swapped}"
    );
    let mut old = fixture("ministry.json");
    old["version"] = json!("0.9.0");
    let stale = Engine::with_rulesets(&[old, fixture("agency-kuntaliitto.json")])
        .err()
        .unwrap();
    assert!(
        stale
            .to_string()
            .contains("needs \"fi.sm.measures\" ^1.0, but was given version 0.9.0"),
        "{stale}"
    );
    // A version that is no version is accepted alone; a range on it names where it is.
    let mut odd = fixture("ministry.json");
    odd["version"] = json!("banana");
    assert!(Engine::with_ruleset(&odd).is_ok());
    // A range that is itself wrong is told first, whatever the version.
    let mut bad_range = fixture("agency-kuntaliitto.json");
    bad_range["extends"]["version"] = json!("newest");
    let refused = Engine::with_rulesets(&[odd.clone(), bad_range])
        .err()
        .unwrap()
        .to_string();
    assert!(refused.contains("\"newest\" is not a version comparator"), "{refused}");
    let refused = Engine::with_rulesets(&[odd, fixture("agency-kuntaliitto.json")])
        .err()
        .unwrap()
        .to_string();
    assert!(
        refused.contains("\"fi.sm.measures\" is version \"banana\", which ^1.0 cannot be checked against"),
        "{refused}"
    );
}

#[test]
fn the_example_rule_sets_pass_their_own_tests() {
    let chain = Engine::with_rulesets(&[fixture("ministry.json"), fixture("agency-kuntaliitto.json")]).unwrap();
    let report = chain.run_tests();
    assert_eq!(report.failed, 0, "{report:#?}");
    assert_eq!(report.passed, 7);
    assert_eq!(report.results[0].ruleset, "fi.sm.measures");
}

#[test]
fn a_failing_test_says_what_was_missing_and_what_was_unexpected() {
    let mut set = fixture("ministry.json");
    set["tests"] = json!([{
        "name": "wrong expectation",
        "measure": {"id": "2.1", "theme": 2, "title": {"fi": "x"}, "leadBody": "SM", "partners": ["PO"],
                    "schedule": {"start": "2018"}, "status": "planned"},
        "expect": [{"rule": "sm/completed-progress", "path": "/status"}]
    }]);
    let report = Engine::with_ruleset(&set).unwrap().run_tests();
    assert_eq!((report.passed, report.failed), (0, 1));
    let r = &report.results[0];
    assert_eq!(r.missing.len(), 1);
    assert_eq!(r.missing[0].rule, "sm/completed-progress");
    assert_eq!(r.unexpected.len(), 1);
    assert_eq!(r.unexpected[0].rule, "sm/swedish-title");
    assert!(r.unexpected[0]
        .message
        .as_deref()
        .unwrap_or("")
        .contains("Swedish title"));
}

#[test]
fn a_test_may_expect_a_message_word_for_word_in_its_language() {
    let measure = json!({"id": "2.1", "theme": 2, "title": {"fi": "x"}, "leadBody": "SM", "partners": ["PO"],
                         "schedule": {"start": "2018"}, "status": "planned"});
    let run = |tests: Value| {
        let mut set = fixture("ministry.json");
        set["tests"] = tests;
        Engine::with_ruleset(&set).unwrap().run_tests()
    };
    let fi = "Toimenpiteen 2.1 vastuutaho on sisäministeriö, joten sillä on oltava ruotsinkielinen nimi.";
    let report = run(json!([
        {"name": "Finnish", "lang": "fi", "measure": measure,
         "expect": [{"rule": "sm/swedish-title", "path": "/title/sv", "message": fi}]},
        {"name": "a built-in rule, in Swedish", "lang": "sv", "measure": {"id": "2.1"},
         "expect": [{"rule": "lead-body.required", "path": "/leadBody", "message": "Huvudansvarig saknas."}]},
        {"name": "the English message in a Finnish test", "lang": "fi", "measure": measure,
         "expect": [{"rule": "sm/swedish-title", "path": "/title/sv",
                     "message": "Measure 2.1 is led by the Ministry of the Interior, so it needs a Swedish title."}]}
    ]));
    assert_eq!((report.passed, report.failed), (2, 1), "{report:#?}");
    let failed = &report.results[2];
    assert_eq!(failed.name, "the English message in a Finnish test");
    // What was expected, with its message, and what was found instead.
    assert_eq!(failed.missing.len(), 1);
    assert_eq!(
        failed.missing[0].message.as_deref(),
        Some("Measure 2.1 is led by the Ministry of the Interior, so it needs a Swedish title.")
    );
    assert_eq!(failed.unexpected.len(), 1);
    assert_eq!(failed.unexpected[0].message.as_deref(), Some(fi));

    let mut set = fixture("ministry.json");
    set["tests"] = json!([{"name": "x", "lang": "en", "measure": {}, "expect": [
        {"rule": "lead-body.required", "message": 5},
        {"rule": "lead-body.required", "message": ""},
        {"rule": "lead-body.required", "message": "a".repeat(20_001)},
        {"rule": "lead-body.required", "mesage": "x"}
    ]}, {"name": "no language", "measure": {}, "expect": [
        {"rule": "lead-body.required", "message": "The lead body is missing."},
        {"rule": "status.required", "message": "The status is missing."}
    ]}]);
    let problems = problems(set);
    let at = |path: &str| problems.iter().find(|(p, _)| p == path).map(|(_, m)| m.as_str());
    assert!(
        at("/tests/0/expect/0/message").is_some_and(|m| m.contains("text")),
        "{problems:?}"
    );
    assert_eq!(
        at("/tests/0/expect/1/message"),
        Some("must not be empty"),
        "{problems:?}"
    );
    assert!(
        at("/tests/0/expect/2/message").is_some_and(|m| m.contains("20000")),
        "{problems:?}"
    );
    assert!(
        at("/tests/0/expect/3/mesage").is_some_and(|m| m.contains("message")),
        "{problems:?}"
    );
    assert_eq!(
        at("/tests/1"),
        Some("a test that expects a message names its language: add \"lang\""),
        "{problems:?}"
    );
    assert_eq!(
        problems.iter().filter(|(p, _)| p == "/tests/1").count(),
        1,
        "once a test"
    );
}

#[test]
fn a_measure_number_is_compared_as_a_number_however_it_is_written() {
    let holds = |cond: Value, id: Value| {
        let engine = with_rule(cond).unwrap();
        !fires(&engine, &json!({ "id": id }))
    };
    let in_list = json!({"path": "/id", "in": ["2.6a", "3.1"]});
    for id in ["2.6a", "2.6. a)", "2,6a", "2.6 a)", "3.1", "3.1."] {
        assert!(holds(in_list.clone(), json!(id)), "{id} is 2.6a or 3.1");
        assert!(
            holds(
                json!({"path": "/id", "equals": id}),
                json!(if id.starts_with('2') { "2.6a" } else { "3.1" })
            ),
            "{id}"
        );
    }
    for id in [
        json!("2.6b"),
        json!("2.6"),
        json!("3.11"),
        json!(2.6),
        json!(null),
        json!(""),
    ] {
        assert!(!holds(in_list.clone(), id.clone()), "{id} is neither");
    }
    // Text that is no measure number is compared as text, and other paths as written.
    assert!(holds(json!({"path": "/id", "equals": "luonnos"}), json!("luonnos")));
    assert!(!holds(json!({"path": "/id", "equals": "luonnos"}), json!("Luonnos")));
    assert!(
        !holds(json!({"path": "/title/fi", "equals": "2.6a"}), json!("2.6a")),
        "no title here"
    );
    let titled = |title: &str| json!({"id": "1.1", "title": {"fi": title}});
    let engine = with_rule(json!({"path": "/title/fi", "equals": "2.6a"})).unwrap();
    assert!(!fires(&engine, &titled("2.6a")));
    assert!(fires(&engine, &titled("2.6. a)")), "only /id is read as a number");
}

#[test]
fn the_rules_levels_are_the_chains() {
    use measure_rules::{Severity, RULES};
    let defaults = Engine::new().unwrap().rule_levels();
    assert_eq!(defaults.len(), RULES.len());
    assert!(defaults
        .iter()
        .zip(RULES)
        .all(|((id, level), r)| *id == r.id && *level == Some(r.severity)));
    let chain = Engine::with_rulesets(&[
        fixture("ministry.json"),
        json!({"id": "a", "version": "1", "extends": "fi.sm.measures", "rules": {"lead-body.joint": "off", "status.schedule": {"severity": "info"}}}),
    ])
    .unwrap();
    let level = |id: &str| {
        chain
            .rule_levels()
            .into_iter()
            .find(|(r, _)| *r == id)
            .and_then(|(_, l)| l)
    };
    assert_eq!(level("partners.required"), Some(Severity::Error), "the ministry's");
    assert_eq!(level("lead-body.joint"), None, "turned off");
    assert_eq!(level("status.schedule"), Some(Severity::Info));
    assert_eq!(level("schema.type"), Some(Severity::Error), "untouched");
}

#[test]
fn a_rule_set_cannot_turn_off_what_says_a_document_was_not_read() {
    for (rule, setting) in [
        ("input.syntax", json!("off")),
        ("input.syntax", json!("warning")),
        ("input.syntax", json!({"enabled": false})),
        ("input.too-large", json!({"severity": "info"})),
    ] {
        let problems = problems(json!({"id": "t", "version": "1", "rules": {rule: setting}}));
        assert_eq!(
            problems,
            [(
                format!("/rules/{rule}"),
                "is always an error: a document that cannot be read is not checked, and would pass".to_string()
            )],
            "{rule}: {setting}"
        );
    }
    for setting in [json!("error"), json!({"severity": "error"}), json!({"enabled": true})] {
        assert!(problems(json!({"id": "t", "version": "1", "rules": {"input.syntax": setting}})).is_empty());
    }
    // The others may be tuned: a repeated key or a long list of findings still lets the
    // document be checked.
    for rule in ["input.duplicate-key", "input.too-many-findings"] {
        assert!(problems(json!({"id": "t", "version": "1", "rules": {rule: "off"}})).is_empty());
    }
}

#[test]
fn a_message_writes_a_brace_doubled() {
    let engine = Engine::with_ruleset(&json!({
        "id": "t", "version": "1",
        "custom": [{
            "id": "t/braces", "severity": "warning", "require": {"path": "/progress", "present": true},
            "message": {
                "fi": "Lisää {{\"fi\": …}} toimenpiteelle {id}.",
                "sv": "Lägg till {{\"sv\": …}} för åtgärd {id}.",
                "en": "Add {{\"en\": …}} to measure {id}; {{id}} is not filled."
            }
        }]
    }))
    .unwrap();
    let messages = |lang: Lang| {
        let o = CheckOptions { lang, ..opts(false) };
        engine
            .check_measure(&json!({"id": "2.6. a)"}), &o)
            .findings
            .into_iter()
            .filter(|f| f.rule == "t/braces")
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        messages(Lang::En),
        ["Add {\"en\": …} to measure 2.6a; {id} is not filled."]
    );
    assert_eq!(messages(Lang::Fi), ["Lisää {\"fi\": …} toimenpiteelle 2.6a."]);
    // A single brace still opens a parameter, which must be declared.
    let refused = problems(json!({"id": "t", "version": "1", "custom": [{
        "id": "t/x", "severity": "error", "require": {"path": "/id", "present": true},
        "message": {"fi": "{\"fi\": …}", "sv": "b", "en": "c"}
    }]}));
    assert!(refused.iter().any(|(p, _)| p == "/custom/0/message/fi"), "{refused:?}");
}
