//! Rule sets: which rules run, at what severity, with which parameters, and which
//! organisations an organisation adds to the registry.

use std::fmt;

use serde_json::{Map, Value};

use crate::catalogue::{self, ParamKind, RuleMeta, RULES};
use crate::context::child;
use crate::engine::VERSION;
use crate::finding::Severity;
use crate::lang::Lang;
use crate::registry::{Names, OrgKind, Organisation};
use crate::rules::status::STATUSES;
use crate::text::closest;

/// Largest rule-set text accepted, in bytes.
pub const MAX_RULESET_BYTES: usize = 4 * 1024 * 1024;

/// One thing wrong with a rule set, at a JSON Pointer into it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RulesetProblem {
    pub path: String,
    pub message: String,
}

/// A refused rule set: every problem found, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RulesetError {
    pub problems: Vec<RulesetProblem>,
}

impl RulesetError {
    pub(crate) fn single(path: &str, message: String) -> Self {
        RulesetError {
            problems: vec![RulesetProblem {
                path: path.to_string(),
                message,
            }],
        }
    }
}

impl fmt::Display for RulesetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rule set refused:")?;
        for p in &self.problems {
            let at = if p.path.is_empty() { "(root)" } else { p.path.as_str() };
            write!(f, "\n  {at}: {}", p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for RulesetError {}

/// The resolved configuration the rules read.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    /// By catalogue position; `None` is off.
    states: Vec<Option<Severity>>,
    pub min_partners: u64,
    pub title_languages: Vec<Lang>,
    pub allowed_statuses: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            states: RULES.iter().map(|r| Some(r.severity)).collect(),
            min_partners: 1,
            title_languages: vec![Lang::Fi],
            allowed_statuses: STATUSES.iter().map(|s| (*s).to_string()).collect(),
        }
    }
}

impl Config {
    pub fn state(&self, rule: &RuleMeta) -> Option<Severity> {
        catalogue::index_of(rule.id).and_then(|i| self.states.get(i).copied().flatten())
    }
}

pub(crate) struct RuleSet {
    pub id: String,
    pub version: String,
    pub config: Config,
    pub organisations: Vec<Organisation>,
}

impl RuleSet {
    pub fn default_set() -> RuleSet {
        RuleSet {
            id: "default".into(),
            version: VERSION.into(),
            config: Config::default(),
            organisations: Vec::new(),
        }
    }

    pub fn from_json(text: &str) -> Result<RuleSet, RulesetError> {
        if text.len() > MAX_RULESET_BYTES {
            return Err(RulesetError::single(
                "",
                format!(
                    "the rule set is {} bytes; at most {MAX_RULESET_BYTES} are accepted",
                    text.len()
                ),
            ));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: Value = serde_json::from_str(text).map_err(|e| {
            RulesetError::single(
                "",
                format!("not valid JSON at line {}, column {}: {e}", e.line(), e.column()),
            )
        })?;
        RuleSet::from_value(&value)
    }

    pub fn from_value(value: &Value) -> Result<RuleSet, RulesetError> {
        let mut problems = check_shape(value);
        let obj = value.as_object().cloned().unwrap_or_default();
        let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
        let mut set = RuleSet::default_set();
        set.id = text("id").unwrap_or_default();
        set.version = text("version").unwrap_or_default();
        if let Some(Value::Object(rules)) = obj.get("rules") {
            apply_rules(&mut set.config, rules, &mut problems);
        }
        let orgs_ok = !problems.iter().any(|p| p.path.starts_with("/organisations"));
        if let Some(Value::Array(orgs)) = obj.get("organisations").filter(|_| orgs_ok) {
            set.organisations = orgs.iter().map(organisation_of).collect();
        }
        if problems.is_empty() {
            Ok(set)
        } else {
            problems.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.message.cmp(&b.message)));
            problems.dedup();
            Err(RulesetError { problems })
        }
    }
}

fn apply_rules(config: &mut Config, rules: &Map<String, Value>, problems: &mut Vec<RulesetProblem>) {
    for (id, setting) in rules {
        let path = crate::context::child("/rules", id);
        let (Some(index), Some(rule)) = (catalogue::index_of(id), catalogue::rule(id)) else {
            problems.push(unknown_rule(&path, id));
            continue;
        };
        let state = match setting {
            Value::String(s) if s == "off" => None,
            Value::String(s) => Severity::parse(s).or(Some(rule.severity)),
            Value::Object(o) => {
                for key in o.keys().filter(|k| !matches!(k.as_str(), "enabled" | "severity")) {
                    if !rule.params.iter().any(|p| p.name == key) {
                        let takes: Vec<&str> = rule.params.iter().map(|p| p.name).collect();
                        let takes = if takes.is_empty() {
                            "no parameters".to_string()
                        } else {
                            format!("only {}", takes.join(", "))
                        };
                        problems.push(RulesetProblem {
                            path: crate::context::child(&path, key),
                            message: format!("\"{key}\" is not a parameter of {id}, which takes {takes}"),
                        });
                    }
                }
                let enabled = o.get("enabled").and_then(Value::as_bool).unwrap_or(true);
                let severity = o
                    .get("severity")
                    .and_then(Value::as_str)
                    .and_then(Severity::parse)
                    .unwrap_or(rule.severity);
                for spec in rule.params {
                    if let Some(v) = o.get(spec.name) {
                        apply_param(config, spec.kind, v);
                    }
                }
                enabled.then_some(severity)
            }
            _ => Some(rule.severity),
        };
        if let Some(slot) = config.states.get_mut(index) {
            *slot = state;
        }
    }
}

fn apply_param(config: &mut Config, kind: ParamKind, v: &Value) {
    match kind {
        ParamKind::Count => {
            if let Some(n) = v.as_u64() {
                config.min_partners = n;
            }
        }
        ParamKind::Languages => {
            let langs: Vec<Lang> = v
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .filter_map(Lang::from_code)
                .collect();
            config.title_languages = langs;
        }
        ParamKind::Statuses => {
            config.allowed_statuses = v
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
        }
    }
}

fn unknown_rule(path: &str, id: &str) -> RulesetProblem {
    let hint = closest(id, RULES.iter().map(|r| r.id))
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default();
    RulesetProblem {
        path: path.to_string(),
        message: format!("unknown rule \"{id}\"{hint}"),
    }
}

/// Checks a rule set against the shape `schemas/ruleset.schema.json` describes. Written out
/// rather than generated from the schema: rule sets are read once per engine, the generated
/// validator cost a fifth of the WebAssembly module, and here every problem can name its key
/// and suggest the rule meant. `tests/ruleset_schema.rs` holds this and the schema to the same
/// verdicts.
fn check_shape(value: &Value) -> Vec<RulesetProblem> {
    let mut out = Vec::new();
    let mut problem = |path: String, message: String| out.push(RulesetProblem { path, message });
    let Some(root) = value.as_object() else {
        problem(
            String::new(),
            format!("a rule set is a JSON object, not {}", kind(value)),
        );
        return out;
    };
    for key in ["id", "version"] {
        if !root.contains_key(key) {
            problem(String::new(), format!("missing required key \"{key}\""));
        }
    }
    for (key, v) in root {
        let path = child("", key);
        match key.as_str() {
            "$schema" => expect_string(v, &path, 0, usize::MAX, &mut problem),
            "id" => expect_string(v, &path, 1, 200, &mut problem),
            "version" => expect_string(v, &path, 1, 64, &mut problem),
            "description" => expect_string(v, &path, 0, 2000, &mut problem),
            "rules" => match v.as_object() {
                Some(rules) => {
                    for (id, setting) in rules {
                        let at = child(&path, id);
                        if catalogue::rule(id).is_none() {
                            let p = unknown_rule(&at, id);
                            problem(p.path, p.message);
                        } else {
                            check_setting(setting, &at, &mut problem);
                        }
                    }
                }
                None => problem(path, format!("expected an object of rule settings, not {}", kind(v))),
            },
            "organisations" => match v.as_array() {
                Some(list) if list.len() > 5000 => problem(path, "at most 5000 organisations".into()),
                Some(list) => {
                    for (i, org) in list.iter().enumerate() {
                        check_organisation(org, &crate::context::item(&path, i), &mut problem);
                    }
                }
                None => problem(path, format!("expected a list of organisations, not {}", kind(v))),
            },
            _ => problem(path, format!("unknown key \"{key}\"")),
        }
    }
    out
}

const LEVELS: [&str; 4] = ["off", "error", "warning", "info"];
const SETTING_LEVEL: &str =
    "must be \"off\", \"error\", \"warning\", \"info\" or an object such as {\"severity\": \"warning\"}";

fn check_setting(v: &Value, at: &str, problem: &mut impl FnMut(String, String)) {
    match v {
        Value::String(s) if LEVELS.contains(&s.as_str()) => {}
        Value::Object(o) => {
            for (key, x) in o {
                let path = child(at, key);
                match key.as_str() {
                    "enabled" if !x.is_boolean() => problem(path, format!("expected true or false, not {}", kind(x))),
                    "severity" => match x.as_str() {
                        Some(s) if Severity::parse(s).is_some() => {}
                        _ => problem(path, "must be \"error\", \"warning\" or \"info\"".into()),
                    },
                    "min" => match x.as_u64() {
                        Some(n) if n <= 200 => {}
                        _ => problem(path, "must be a whole number from 0 to 200".into()),
                    },
                    "languages" => check_list(x, &path, &["fi", "sv", "en"], 0, &mut *problem),
                    "allowed" => check_list(x, &path, &STATUSES, 1, &mut *problem),
                    // Other keys are reported by `apply_rules`, which knows the rule's parameters.
                    _ => {}
                }
            }
        }
        _ => problem(at.to_string(), SETTING_LEVEL.into()),
    }
}

fn check_list(v: &Value, at: &str, allowed: &[&str], min: usize, problem: &mut impl FnMut(String, String)) {
    let Some(items) = v.as_array() else {
        problem(at.to_string(), format!("expected a list, not {}", kind(v)));
        return;
    };
    if items.len() < min || items.len() > allowed.len() {
        problem(at.to_string(), format!("must list {min} to {} items", allowed.len()));
    }
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) if allowed.contains(&s) => {
                if items.iter().take(i).any(|earlier| earlier == item) {
                    problem(crate::context::item(at, i), format!("\"{s}\" is listed twice"));
                }
            }
            _ => problem(
                crate::context::item(at, i),
                format!("must be one of {}", allowed.join(", ")),
            ),
        }
    }
}

/// An organisation that `check_organisation` accepted. Read by hand rather than with serde,
/// whose decoder would be the only user of serde's deserialisation in the WebAssembly build.
fn organisation_of(v: &Value) -> Organisation {
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_string();
    let name = v.get("name");
    Organisation {
        code: text(v.get("code")),
        kind: match v.get("kind").and_then(Value::as_str) {
            Some("ministry") => OrgKind::Ministry,
            Some("agency") => OrgKind::Agency,
            Some("department") => OrgKind::Department,
            Some("council") => OrgKind::Council,
            Some("group") => OrgKind::Group,
            _ => OrgKind::Other,
        },
        parent: v.get("parent").map(|p| text(Some(p))),
        name: Names {
            fi: text(name.and_then(|n| n.get("fi"))),
            sv: text(name.and_then(|n| n.get("sv"))),
            en: text(name.and_then(|n| n.get("en"))),
        },
        aliases: v
            .get("aliases")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|a| text(Some(a)))
            .collect(),
    }
}

fn check_organisation(v: &Value, at: &str, problem: &mut impl FnMut(String, String)) {
    let Some(o) = v.as_object() else {
        problem(at.to_string(), format!("an organisation is an object, not {}", kind(v)));
        return;
    };
    for key in ["code", "kind", "name"] {
        if !o.contains_key(key) {
            problem(at.to_string(), format!("missing required key \"{key}\""));
        }
    }
    for (key, x) in o {
        let path = child(at, key);
        match key.as_str() {
            "code" => expect_string(x, &path, 1, 64, &mut *problem),
            "parent" => expect_string(x, &path, 0, 64, &mut *problem),
            "kind" => {
                const KINDS: [&str; 6] = ["ministry", "agency", "department", "council", "group", "other"];
                if !x.as_str().is_some_and(|k| KINDS.contains(&k)) {
                    problem(path, format!("must be one of {}", KINDS.join(", ")));
                }
            }
            "name" => match x.as_object() {
                Some(names) => {
                    for lang in ["fi", "sv", "en"] {
                        if !names.contains_key(lang) {
                            problem(path.clone(), format!("missing required key \"{lang}\""));
                        }
                    }
                    for (lang, n) in names {
                        if matches!(lang.as_str(), "fi" | "sv" | "en") {
                            expect_string(n, &child(&path, lang), 1, 500, &mut *problem);
                        } else {
                            problem(child(&path, lang), format!("unknown key \"{lang}\""));
                        }
                    }
                }
                None => problem(path, format!("expected an object with fi, sv and en, not {}", kind(x))),
            },
            "aliases" => match x.as_array() {
                Some(list) if list.len() > 100 => problem(path, "at most 100 aliases".into()),
                Some(list) => {
                    for (i, a) in list.iter().enumerate() {
                        expect_string(a, &crate::context::item(&path, i), 1, 500, &mut *problem);
                    }
                }
                None => problem(path, format!("expected a list of names, not {}", kind(x))),
            },
            _ => problem(path, format!("unknown key \"{key}\"")),
        }
    }
}

fn expect_string(v: &Value, at: &str, min: usize, max: usize, problem: &mut impl FnMut(String, String)) {
    match v.as_str() {
        Some(s) => {
            let n = s.chars().count();
            if n < min {
                problem(
                    at.to_string(),
                    if min == 1 {
                        "must not be empty".into()
                    } else {
                        format!("must have at least {min} characters")
                    },
                );
            } else if n > max {
                problem(at.to_string(), format!("must have at most {max} characters"));
            }
        }
        None => problem(at.to_string(), format!("expected text, not {}", kind(v))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn refuse(v: Value) -> Vec<RulesetProblem> {
        match RuleSet::from_value(&v) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems,
        }
    }

    #[test]
    fn accepts_a_full_rule_set() -> Result<(), RulesetError> {
        let set = RuleSet::from_value(&json!({
            "id": "fi.example", "version": "1.2.0",
            "rules": {
                "lead-body.joint": "off",
                "partners.required": {"severity": "error", "min": 2},
                "title.required": {"languages": ["fi", "sv"]},
                "status.invalid": {"allowed": ["planned", "in-progress", "completed"]},
                "schedule.unparsed": "error"
            },
            "organisations": [{"code": "XYZ", "kind": "agency", "name": {"fi": "X", "sv": "X", "en": "X"}}]
        }))?;
        assert_eq!(set.id, "fi.example");
        assert_eq!(set.config.min_partners, 2);
        assert_eq!(set.config.title_languages, vec![Lang::Fi, Lang::Sv]);
        assert_eq!(set.config.allowed_statuses.len(), 3);
        assert_eq!(set.config.state(&crate::rules::organisations::LEAD_JOINT), None);
        assert_eq!(
            set.config.state(&crate::rules::schedule::UNPARSED),
            Some(Severity::Error)
        );
        assert_eq!(
            set.config.state(&crate::rules::organisations::PARTNERS_REQUIRED),
            Some(Severity::Error)
        );
        assert_eq!(set.organisations.len(), 1);
        Ok(())
    }

    #[test]
    fn names_an_unknown_rule_with_a_suggestion() {
        let p = refuse(json!({"id": "x", "version": "1", "rules": {"partner.required": "off"}}));
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "/rules/partner.required");
        assert!(
            p[0].message.contains("did you mean \"partners.required\""),
            "{}",
            p[0].message
        );
    }

    #[test]
    fn names_bad_keys_and_values() {
        let p = refuse(
            json!({"id": "x", "version": "1", "rulez": {}, "rules": {"partners.required": {"min": -1, "languages": ["fi"]}}}),
        );
        let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"/rulez"), "{p:?}");
        assert!(paths.contains(&"/rules/partners.required/languages"), "{p:?}");
        assert!(paths.contains(&"/rules/partners.required/min"), "{p:?}");
    }

    #[test]
    fn refuses_bad_severity_and_status_codes() {
        let p = refuse(
            json!({"id": "x", "version": "1", "rules": {"status.invalid": {"allowed": ["done"]}, "id.format": "fatal"}}),
        );
        assert!(p.iter().any(|p| p.path == "/rules/status.invalid/allowed/0"), "{p:?}");
        assert!(p.iter().any(|p| p.path == "/rules/id.format"), "{p:?}");
    }

    #[test]
    fn requires_id_and_version_and_refuses_non_json() {
        let p = refuse(json!({"rules": {}}));
        assert_eq!(p.len(), 2, "{p:?}");
        let refused = RuleSet::from_json("{ \"id\": ").err();
        assert!(refused.is_some_and(|e| e.problems[0].message.contains("line 1")));
        assert!(RuleSet::from_json("[]").is_err());
    }
}
