//! Rule sets: which rules run, at what severity, with which parameters, and which
//! organisations an organisation adds to the registry.

use std::fmt;

use serde_json::{Map, Value};

use crate::catalogue::{self, ParamKind, RuleMeta, RULES};
use crate::engine::VERSION;
use crate::finding::Severity;
use crate::lang::Lang;
use crate::registry::Organisation;
use crate::rules::status::STATUSES;
use crate::text::closest;

#[jsonschema::validator(path = "../schemas/ruleset.schema.json", draft = Draft202012, resources = {
    "https://measure-rules.github.io/schemas/v1/organisations.schema.json" => { path = "../schemas/organisations.schema.json" }
})]
struct RulesetSchema;

/// Largest rule-set text accepted, in bytes.
pub const MAX_RULESET_BYTES: usize = 4 * 1024 * 1024;

/// One thing wrong with a rule set, at a JSON Pointer into it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RulesetProblem {
    pub path: String,
    pub message: String,
}

/// A refused rule set: every problem found, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
        let mut problems: Vec<RulesetProblem> = RulesetSchema::iter_errors(value).flat_map(|e| describe(&e)).collect();
        if !problems.is_empty() {
            problems.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.message.cmp(&b.message)));
            problems.dedup();
            return Err(RulesetError { problems });
        }
        let obj = value.as_object().cloned().unwrap_or_default();
        let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
        let mut set = RuleSet::default_set();
        set.id = text("id").unwrap_or_default();
        set.version = text("version").unwrap_or_default();
        if let Some(Value::Object(rules)) = obj.get("rules") {
            apply_rules(&mut set.config, rules, &mut problems);
        }
        if let Some(orgs) = obj.get("organisations") {
            match serde_json::from_value::<Vec<Organisation>>(orgs.clone()) {
                Ok(list) => set.organisations = list,
                Err(e) => problems.push(RulesetProblem {
                    path: "/organisations".into(),
                    message: e.to_string(),
                }),
            }
        }
        if problems.is_empty() {
            Ok(set)
        } else {
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

/// Turns a schema violation into a problem that names the key and says what is expected.
fn describe(e: &jsonschema::ValidationError<'_>) -> Vec<RulesetProblem> {
    use jsonschema::error::ValidationErrorKind as K;
    let at = e.instance_path().as_str().to_string();
    let one = |message: String| {
        vec![RulesetProblem {
            path: at.clone(),
            message,
        }]
    };
    match e.kind() {
        K::AdditionalProperties { unexpected } => unexpected
            .iter()
            .map(|name| {
                let path = crate::context::child(&at, name);
                if at == "/rules" {
                    unknown_rule(&path, name)
                } else {
                    RulesetProblem {
                        path,
                        message: format!("unknown key \"{name}\""),
                    }
                }
            })
            .collect(),
        K::Required { property } => one(format!("missing required key {property}")),
        K::Type { kind } => one(format!("wrong type: expected {}", type_names(kind))),
        K::Enum { options } => one(format!("must be one of {options}")),
        K::AnyOf { context } | K::OneOfNotValid { context } => {
            // Explain the alternative the value has the shape of (no type or enum error on the
            // value itself): for an object, what is wrong inside it.
            let at_value = |err: &jsonschema::ValidationError<'_>| err.instance_path() == e.instance_path();
            let fitting = context.iter().find(|branch| {
                !branch.is_empty()
                    && !branch.iter().any(|err| {
                        at_value(err) && matches!(err.kind(), K::Type { .. } | K::Enum { .. } | K::Constant { .. })
                    })
            });
            match fitting {
                Some(branch) if !branch.is_empty() => branch.iter().flat_map(|err| describe(err)).collect(),
                _ => one("must be \"off\", \"error\", \"warning\", \"info\" or an object such as {\"severity\": \"warning\"}".to_string()),
            }
        }
        _ => one(e.to_string()),
    }
}

fn type_names(kind: &jsonschema::error::TypeKind) -> String {
    use jsonschema::error::TypeKind;
    match kind {
        TypeKind::Single(t) => t.to_string(),
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(" or "),
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
    fn accepts_a_full_rule_set() {
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
        }))
        .unwrap();
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
        let e = RuleSet::from_json("{ \"id\": ").err().unwrap();
        assert!(e.problems[0].message.contains("line 1"), "{e}");
        assert!(RuleSet::from_json("[]").is_err());
    }
}
