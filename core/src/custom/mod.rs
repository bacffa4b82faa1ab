//! Custom rules: an organisation's own requirements, written as data in its rule set and
//! run in the same report as the built-in rules, natively and in WebAssembly alike.
//!
//! ```json
//! {
//!   "id": "kuntaliitto/theme-7-partner",
//!   "severity": "error",
//!   "when": { "path": "/theme", "equals": 7 },
//!   "require": { "path": "/partners", "organisation": "KUNTALIITTO" },
//!   "path": "/partners",
//!   "message": {
//!     "fi": "Teeman {theme} toimenpiteen kumppaneissa on oltava Kuntaliitto.",
//!     "sv": "Åtgärder inom tema {theme} ska ha Kommunförbundet som partner.",
//!     "en": "Measures of theme {theme} must name Kuntaliitto as a partner."
//!   },
//!   "params": { "theme": "/theme" }
//! }
//! ```
//!
//! The vocabulary of `when` and `require` is in the `condition` module; `docs/rule-language.md`
//! describes it for rule authors.

pub(crate) mod condition;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::context::{child, Cx};
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use condition::{Cond, Env};

/// Most custom rules in one rule set.
pub const MAX_RULES: usize = 500;
/// Longest message or description, in characters.
pub const MAX_MESSAGE: usize = 1000;

/// One test evaluated for an explanation: where, which test, what it wanted, what it found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TraceStep {
    /// JSON Pointer of the value looked at, from the document root.
    pub path: String,
    /// The test: present, equals, in, contains, organisation, length, before, after, every, some.
    pub test: String,
    /// The test's argument.
    #[cfg_attr(feature = "wasm", tsify(type = "JsonValue"))]
    pub expected: Value,
    /// The value found, cut as [`crate::doc::explained`] says; absent when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "JsonValue"))]
    pub actual: Option<Value>,
    pub result: bool,
}

/// Why a finding was made: the rule, the condition that matched and the values it read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Explanation {
    /// What the rule checks: a custom rule's description in the report's language, or a
    /// built-in rule's one-line summary (in English, as the catalogue has it).
    pub rule: String,
    /// Built-in rules: the case that matched (`missing`, `suggest`, …); custom rules: `require`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub condition: Option<String>,
    /// The values the rule looked at, by JSON Pointer (`null` where nothing was there); a long
    /// text, list or object cut, as [`crate::doc::explained`] says.
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, JsonValue>"))]
    pub values: BTreeMap<String, Value>,
    /// Custom rules: each test of `when` and then of `require`, in the order evaluated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub when: Vec<TraceStep>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub require: Vec<TraceStep>,
}

/// A custom rule as the engine runs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CustomRule {
    pub id: String,
    /// `None` when a rule set turned it off.
    pub state: Option<Severity>,
    pub description: Option<[String; 3]>,
    pub when: Option<Cond>,
    pub require: Cond,
    pub path: String,
    pub message: [String; 3],
    pub params: Vec<(String, String)>,
}

/// Whether `id` has the form of a custom rule id: an organisation's namespace, a slash and a
/// name (`kuntaliitto/theme-7-partner`), so it can never clash with a built-in id.
pub(crate) fn is_custom_id(id: &str) -> bool {
    let Some((ns, name)) = id.split_once('/') else {
        return false;
    };
    let ok = |s: &str| {
        !s.is_empty()
            && s.len() <= 100
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_' | '/'))
    };
    ok(ns) && ok(name) && !name.starts_with('/')
}

const KEYS: [&str; 8] = [
    "id",
    "severity",
    "description",
    "when",
    "require",
    "path",
    "message",
    "params",
];

/// Reads one custom rule at `at` in the rule set; every problem is reported with its place.
pub(crate) fn parse(v: &Value, at: &str, problems: &mut Vec<(String, String)>) -> Option<CustomRule> {
    let before = problems.len();
    let Some(o) = v.as_object() else {
        problems.push((
            at.to_string(),
            "a custom rule is an object with id, severity, require and message".into(),
        ));
        return None;
    };
    for key in ["id", "severity", "require", "message"] {
        if !o.contains_key(key) {
            problems.push((at.to_string(), format!("missing required key \"{key}\"")));
        }
    }
    for key in o.keys().filter(|k| !KEYS.contains(&k.as_str())) {
        problems.push((child(at, key), crate::ruleset::unknown_key(key, &KEYS)));
    }
    let id = match o.get("id") {
        Some(Value::String(id)) if is_custom_id(id) => id.clone(),
        Some(_) => {
            problems.push((
                child(at, "id"),
                "a custom rule's id is the organisation's namespace, a slash and a name in lower case, such as \"kuntaliitto/theme-7-partner\"".into(),
            ));
            String::new()
        }
        None => String::new(),
    };
    let state = match o.get("severity").and_then(Value::as_str) {
        Some("off") => None,
        Some(s) if Severity::parse(s).is_some() => Severity::parse(s),
        _ => {
            if o.contains_key("severity") {
                problems.push((
                    child(at, "severity"),
                    "must be \"error\", \"warning\", \"info\" or \"off\"".into(),
                ));
            }
            None
        }
    };
    let mut nodes = 0;
    let mut cond = |key: &str| -> Option<Cond> {
        let v = o.get(key)?;
        match condition::parse(v, &child(at, key), &mut nodes) {
            Ok(c) => Some(c),
            Err(ps) => {
                problems.extend(ps);
                None
            }
        }
    };
    let when = cond("when");
    let require = cond("require");
    let path = match o.get("path").map(condition::pointer) {
        None => String::new(),
        Some(Ok(p)) => p.to_string(),
        Some(Err(e)) => {
            problems.push((child(at, "path"), e));
            String::new()
        }
    };
    let params: Vec<(String, String)> = match o.get("params") {
        None => Vec::new(),
        Some(Value::Object(m)) => {
            let mut out = Vec::new();
            for (name, p) in m {
                match condition::pointer(p) {
                    Ok(p) => out.push((name.clone(), p.to_string())),
                    Err(e) => problems.push((child(&child(at, "params"), name), e)),
                }
            }
            out
        }
        Some(_) => {
            problems.push((
                child(at, "params"),
                "an object of parameter names and JSON Pointers".into(),
            ));
            Vec::new()
        }
    };
    let message = texts(o.get("message"), &child(at, "message"), problems);
    if let Some(m) = &message {
        for (lang, text) in ["fi", "sv", "en"].iter().zip(m) {
            for name in crate::messages::placeholders(text) {
                if name != "id" && name != "value" && !params.iter().any(|(n, _)| n == name) {
                    problems.push((
                        child(&child(at, "message"), lang),
                        format!("{{{name}}} is not a parameter: declare it in \"params\", or use {{id}} or {{value}}"),
                    ));
                }
            }
        }
    }
    let description = match o.get("description") {
        Some(d) => texts(Some(d), &child(at, "description"), problems),
        None => None,
    };
    if problems.len() > before {
        return None;
    }
    Some(CustomRule {
        id,
        state,
        description,
        when,
        require: require?,
        path,
        message: message?,
        params,
    })
}

/// `{"fi": …, "sv": …, "en": …}`, all three required, for a description as for a message:
/// a report, an explanation or a rule list is in its reader's language.
fn texts(v: Option<&Value>, at: &str, problems: &mut Vec<(String, String)>) -> Option<[String; 3]> {
    let Some(Value::Object(m)) = v else {
        problems.push((at.to_string(), "an object with the text in fi, sv and en".into()));
        return None;
    };
    let mut out: [String; 3] = Default::default();
    let before = problems.len();
    for (slot, lang) in out.iter_mut().zip(["fi", "sv", "en"]) {
        match m.get(lang) {
            Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= MAX_MESSAGE => s.clone_into(slot),
            Some(_) => problems.push((
                child(at, lang),
                format!("text of 1 to {MAX_MESSAGE} characters, not only spaces"),
            )),
            None => problems.push((at.to_string(), format!("missing required key \"{lang}\""))),
        }
    }
    for key in m.keys().filter(|k| !matches!(k.as_str(), "fi" | "sv" | "en")) {
        problems.push((child(at, key), format!("unknown language \"{key}\": use fi, sv and en")));
    }
    (problems.len() == before).then_some(out)
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fi => 0,
        Lang::Sv => 1,
        Lang::En => 2,
    }
}

/// A value as message text. Numbers are written when whole (the measure's numbers are);
/// lists of text are joined.
fn as_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        // Not `n.to_string()`: formatting a float brings ryu's tables into the browser's wasm,
        // 14 KB gzipped, for a parameter that is a whole number wherever the measure is right.
        Some(Value::Number(n)) => n.as_i64().map_or_else(|| "…".to_string(), |i| i.to_string()),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => {
            // Not a `join` of `String`s, a second copy of std's join in the wasm (structure.rs).
            let mut text = String::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    text.push_str(", ");
                }
                text.push_str(&as_text(Some(item)));
            }
            text
        }
        Some(Value::Object(_)) => "…".to_string(),
        None | Some(Value::Null) => String::new(),
    }
}

/// Runs the rule set's custom rules on one measure (`root`, at `base` in the document).
pub(crate) fn check(cx: &mut Cx<'_>, root: &Value, base: &str) {
    let rules = &cx.engine.config.custom;
    if rules.is_empty() {
        return;
    }
    let mut env = Env {
        registry: &cx.engine.registry,
        as_of: cx.as_of,
        trace: None,
    };
    let i = lang_index(cx.lang);
    for rule in rules {
        let Some(severity) = rule.state else { continue };
        env.trace = cx.explain.then(Vec::new);
        let applies = rule
            .when
            .as_ref()
            .is_none_or(|w| condition::eval(w, root, base, &mut env));
        let when_trace = env.trace.take().unwrap_or_default();
        if !applies {
            continue;
        }
        env.trace = cx.explain.then(Vec::new);
        let holds = condition::eval(&rule.require, root, base, &mut env);
        let require_trace = env.trace.take().unwrap_or_default();
        if holds || !cx.listed(severity) {
            continue;
        }
        // Inserted one by one: collecting into a map sorts first, which costs code size. The
        // declared parameters last, so that one the author named "id" or "value" is the value
        // at its pointer, as the rule says, in the message and in the finding's params alike.
        // A measure whose number is missing or unreadable shows what it has there (or nothing),
        // not a raw "{id}": forms check half-filled measures.
        let mut params = BTreeMap::new();
        let id = cx.measure.clone().unwrap_or_else(|| as_text(root.get("id")));
        params.insert("id".into(), id);
        params.insert("value".into(), as_text(crate::text::pointer(root, &rule.path)));
        for (name, p) in &rule.params {
            params.insert(name.clone(), as_text(crate::text::pointer(root, p)));
        }
        let template = rule.message.get(i).map_or("", String::as_str);
        let explanation = cx.explain.then(|| {
            let mut values = BTreeMap::new();
            for step in when_trace.iter().chain(&require_trace) {
                values.insert(step.path.clone(), step.actual.clone().unwrap_or(Value::Null));
            }
            Explanation {
                rule: rule
                    .description
                    .as_ref()
                    .and_then(|d| d.get(i))
                    .cloned()
                    .unwrap_or_else(|| rule.id.clone()),
                condition: Some("require".into()),
                values,
                when: when_trace,
                require: require_trace,
            }
        });
        cx.findings.push(Finding {
            rule: rule.id.clone(),
            severity,
            path: format!("{base}{}", rule.path),
            message: crate::messages::fill(template, &params),
            help: None,
            params,
            fix: None,
            measure: cx.measure.clone(),
            line: None,
            column: None,
            explain: explanation.map(Box::new),
        });
    }
}

/// Custom rules as the catalogue lists them (for `rules()` and the docs of a rule set).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CustomRuleInfo {
    pub id: String,
    /// `off` when the rule set turned it off.
    pub severity: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub description: Option<String>,
}

impl CustomRule {
    pub(crate) fn info(&self, lang: Lang) -> CustomRuleInfo {
        CustomRuleInfo {
            id: self.id.clone(),
            severity: self.state.map_or("off", Severity::as_str).to_string(),
            description: self.description.as_ref().and_then(|d| d.get(lang_index(lang))).cloned(),
        }
    }
}
