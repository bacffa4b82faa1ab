//! Rule sets: which rules run, at what severity, with which parameters, and which
//! organisations an organisation adds to the registry.

use std::fmt;

use serde_json::{Map, Value};

use crate::catalogue::{self, ParamKind, RuleMeta, RULES};
use crate::context::child;
use crate::custom;
use crate::custom::CustomRule;
use crate::engine::VERSION;
use crate::finding::{RulesetInfo, Severity};
use crate::lang::Lang;
use crate::limits::Size;
use crate::registry::{Names, OrgKind, Organisation, Registry, RegistryConflict, Resolution};
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

    /// The problems of the rule set at `position` (from 0) of a chain of `of`, each message
    /// saying which set it is, as `RuleSet::from_chain` says it for the sets it reads: a chain
    /// is given as several files, and a pointer alone does not say which.
    pub fn in_chain(mut self, position: usize, of: usize) -> Self {
        label(&mut self.problems, position, of, None);
        self
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
    /// Custom rules of every rule set in the chain; a later set's rule replaces an earlier
    /// one with the same id.
    pub custom: Vec<CustomRule>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            states: RULES.iter().map(|r| Some(r.severity)).collect(),
            min_partners: 1,
            title_languages: vec![Lang::Fi],
            allowed_statuses: STATUSES.iter().map(|s| (*s).to_string()).collect(),
            custom: Vec::new(),
        }
    }
}

impl Config {
    pub fn state(&self, rule: &RuleMeta) -> Option<Severity> {
        catalogue::index_of_rule(rule).and_then(|i| self.states.get(i).copied().flatten())
    }
}

/// Rules a rule set cannot turn off or down: when they fire, nothing else of the document was
/// checked, so a set that turned `input.syntax` off passed a file that is not JSON at all.
pub const ALWAYS_ERROR: [&str; 2] = ["input.syntax", "input.too-large"];
const ALWAYS_ERROR_WHY: &str = "is always an error: a document that cannot be read is not checked, and would pass";

/// Largest number of rule sets in one chain (a ministry's set, an agency's, …).
pub const MAX_CHAIN: usize = 8;
/// Most test cases one rule set may carry.
pub const MAX_TESTS: usize = 200;
/// Longest message a test may expect, in characters: a message holds the values it names,
/// and a title may be 10,000 characters.
pub const MAX_EXPECTED_MESSAGE: usize = 20_000;

pub(crate) struct RuleSet {
    pub id: String,
    pub version: String,
    pub config: Config,
    /// The registry as the chain leaves it: the built-in one with each set's organisations
    /// added in turn, which each set's custom rules were checked against. `None` for the
    /// built-in defaults, which add none.
    pub registry: Option<Registry>,
    /// Every rule set that produced this one, the base first.
    pub chain: Vec<RulesetInfo>,
    /// Each set's test cases, with the index in `chain` of the set that carries them.
    pub tests: Vec<(usize, Value)>,
    /// The rule-set documents, so the engine can rebuild a prefix of the chain for tests.
    pub sources: Vec<Value>,
}

impl RuleSet {
    pub fn default_set() -> RuleSet {
        RuleSet {
            id: "default".into(),
            version: VERSION.into(),
            config: Config::default(),
            registry: None,
            chain: Vec::new(),
            tests: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// One rule set, or a chain of them as a JSON list (the base first).
    pub fn from_json(text: &str) -> Result<RuleSet, RulesetError> {
        match value_of(text)? {
            Value::Array(chain) if chain.is_empty() => Err(RulesetError::single(
                "",
                "an empty list: give a rule set, or a list of rule sets with the base first".into(),
            )),
            Value::Array(chain) => RuleSet::from_chain(&chain),
            one => RuleSet::from_chain(&[one]),
        }
    }

    pub fn from_value(value: &Value) -> Result<RuleSet, RulesetError> {
        RuleSet::from_chain(std::slice::from_ref(value))
    }

    /// Builds the rule set of a chain: the first extends the built-in defaults, and each
    /// next one names the one before it in `extends` and refines it.
    pub fn from_chain(values: &[Value]) -> Result<RuleSet, RulesetError> {
        check_chain_length(values.len())?;
        let mut set = RuleSet::default_set();
        set.registry = Some(builtin_registry()?);
        for (i, value) in values.iter().enumerate() {
            let mut problems = set.apply(value, i);
            if !problems.is_empty() {
                let name = value.get("id").and_then(Value::as_str).unwrap_or("?");
                label(&mut problems, i, values.len(), Some(name));
                return Err(RulesetError {
                    problems: unique(problems),
                });
            }
        }
        set.sources = values.to_vec();
        Ok(set)
    }

    /// Applies one rule set on top of `self`; returns its problems.
    fn apply(&mut self, value: &Value, position: usize) -> Vec<RulesetProblem> {
        let mut problems = check_shape(value);
        let empty = Map::new();
        let obj = value.as_object().unwrap_or(&empty);
        let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
        let id = text("id").unwrap_or_default();
        let version = text("version").unwrap_or_default();
        if let Some(range) = obj.get("engine").and_then(Value::as_str) {
            match crate::semver::satisfies(range, VERSION) {
                Ok(Some(true)) => {}
                Ok(_) => problems.push(RulesetProblem {
                    path: "/engine".into(),
                    message: format!("this rule set needs measure-rules {range}; this engine is {VERSION}"),
                }),
                Err(e) => problems.push(RulesetProblem {
                    path: "/engine".into(),
                    message: e,
                }),
            }
        }
        check_extends(obj.get("extends"), self.chain.last(), position, &mut problems);
        // This set's organisations join the registry before its rules are checked against it.
        // When some are malformed, none join, and the codes it gives are not checked either:
        // the set is refused for them, and a code it defines is no second problem.
        let orgs = obj
            .get("organisations")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        let orgs_ok = !problems.iter().any(|p| p.path.starts_with("/organisations"));
        if let (Some(registry), true, false) = (self.registry.as_mut(), orgs_ok, orgs.is_empty()) {
            if let Err(c) = registry.extend(orgs.iter().map(organisation_of).collect()) {
                problems.push(clash(&c));
            }
        }
        let defined = |code: &str| {
            orgs.iter().any(|o| {
                o.get("code")
                    .and_then(Value::as_str)
                    .is_some_and(|c| c.eq_ignore_ascii_case(code))
            })
        };
        let mut raw = Vec::new();
        // The ids this set's custom rules give, refused ones too: a setting or a test's
        // expectation naming a rule refused for a problem of its own is no second problem.
        let mut seen: Vec<&str> = Vec::new();
        // The organisations this set's custom rules name, with their places.
        let mut codes = Vec::new();
        if let Some(Value::Array(list)) = obj.get("custom") {
            for (i, rule) in list.iter().enumerate() {
                let at = crate::context::item("/custom", i);
                if let Some(rid) = rule.get("id").and_then(Value::as_str) {
                    if seen.contains(&rid) {
                        problems.push(RulesetProblem {
                            path: child(&at, "id"),
                            message: format!("\"{rid}\" is defined twice in this rule set"),
                        });
                    }
                    seen.push(rid);
                }
                if let Some(r) = custom::parse(rule, &at, &mut raw) {
                    if let Some(w) = &r.when {
                        custom::condition::organisations(w, &child(&at, "when"), &mut codes);
                    }
                    custom::condition::organisations(&r.require, &child(&at, "require"), &mut codes);
                    match self.config.custom.iter_mut().find(|c| c.id == r.id) {
                        Some(old) => *old = r,
                        None => self.config.custom.push(r),
                    }
                }
            }
        }
        problems.extend(raw.into_iter().map(|(path, message)| RulesetProblem { path, message }));
        // A code the registry does not know would never match: refused now, at its place,
        // rather than failing silently on every measure. The registry is the one this set
        // sees, its own organisations and those of the sets before it, so a set is refused
        // alike alone and in a chain.
        if let Some(registry) = &self.registry {
            for (path, code) in codes {
                if registry.get(&code).is_some() || (!orgs_ok && defined(&code)) {
                    continue;
                }
                let hint = match registry.resolve(&code) {
                    Resolution::Alias(o) => format!("; write its code, \"{}\"", o.code),
                    _ => registry
                        .suggest(&code)
                        .map(|o| format!("; did you mean \"{}\"?", o.code))
                        .unwrap_or_default(),
                };
                problems.push(RulesetProblem {
                    path,
                    message: format!("\"{code}\" is not an organisation code in the registry{hint}"),
                });
            }
        }
        if let Some(Value::Object(rules)) = obj.get("rules") {
            apply_rules(&mut self.config, rules, &seen, &mut problems);
        }
        if let Some(Value::Array(tests)) = obj.get("tests") {
            // An expectation of a rule that does not exist could never be met: say so now.
            for (i, t) in tests.iter().enumerate() {
                let expect = t.get("expect").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                for (j, e) in expect.iter().enumerate() {
                    let Some(rule) = e.get("rule").and_then(Value::as_str) else {
                        continue;
                    };
                    let known = catalogue::rule(rule).is_some()
                        || self.config.custom.iter().any(|c| c.id == rule)
                        || seen.contains(&rule);
                    if !known {
                        let custom_ids = self.config.custom.iter().map(|c| c.id.as_str());
                        let hint = closest(rule, &mut RULES.iter().map(|r| r.id).chain(custom_ids))
                            .map(|s| format!("; did you mean \"{s}\"?"))
                            .unwrap_or_default();
                        problems.push(RulesetProblem {
                            path: format!("/tests/{i}/expect/{j}/rule"),
                            message: format!("no rule \"{rule}\" in this rule set or the ones it extends{hint}"),
                        });
                    }
                }
            }
            self.tests.extend(tests.iter().map(|t| (position, t.clone())));
        }
        self.id = id.clone();
        self.version = version.clone();
        self.chain.push(RulesetInfo { id, version });
        problems
    }
}

/// Most problems named in one refusal; a rule set with more is mostly wrong, and the first
/// ones say how.
const MAX_PROBLEMS: usize = 200;

/// Problems in the order found (which is the rule set's order), each once: the shape check
/// and the rule settings can both notice an unknown rule. Not sorted, to keep a sort
/// routine out of the WebAssembly build.
fn unique(problems: Vec<RulesetProblem>) -> Vec<RulesetProblem> {
    let total = problems.len();
    let mut out: Vec<RulesetProblem> = Vec::new();
    for p in problems {
        if out.len() == MAX_PROBLEMS {
            out.push(RulesetProblem {
                path: String::new(),
                message: format!("… and more: {total} problems in all"),
            });
            break;
        }
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// Says in each message which set of a chain of `of` it is about (when there are several):
/// its place from 1, and its id when it has been read.
fn label(problems: &mut [RulesetProblem], position: usize, of: usize, id: Option<&str>) {
    if of < 2 {
        return;
    }
    let set = match id {
        Some(id) => format!("rule set {} ({id})", position.saturating_add(1)),
        None => format!("rule set {}", position.saturating_add(1)),
    };
    for p in problems {
        p.message = format!("{set}: {}", p.message);
    }
}

/// Reads rule-set JSON text as `Engine::with_ruleset_json` does (size limit, byte-order
/// mark, syntax errors as a refusal), for callers that assemble a chain themselves.
pub fn read_ruleset_json(text: &str) -> Result<Value, RulesetError> {
    value_of(text)
}

/// Refuses a chain of `n` rule sets when that is over `MAX_CHAIN`. Bindings ask before reading
/// the sets one by one, so that an array whose `length` is a hundred million is not.
pub fn check_chain_length(n: usize) -> Result<(), RulesetError> {
    if n <= MAX_CHAIN {
        return Ok(());
    }
    Err(RulesetError::single(
        "",
        format!("at most {MAX_CHAIN} rule sets in a chain, not {n}"),
    ))
}

/// Refuses a rule set of `size` when that is over `MAX_RULESET_BYTES`. Bindings ask before
/// taking a rule set in, as for documents (`Engine::check_size`).
pub fn check_ruleset_size(size: Size) -> Result<(), RulesetError> {
    let (bytes, at_least) = match size {
        Size::Exactly(n) => (n, ""),
        Size::AtLeast(n) => (n, "at least "),
    };
    if bytes <= MAX_RULESET_BYTES {
        return Ok(());
    }
    Err(ruleset_too_large(bytes, at_least))
}

/// As `check_ruleset_size`, for a file's size as a file system gives it, which may be past
/// what a 32-bit engine addresses (`Engine::check_file_size` is its twin for documents).
pub fn check_ruleset_file_size(bytes: u64) -> Result<(), RulesetError> {
    match usize::try_from(bytes) {
        Ok(n) => check_ruleset_size(Size::Exactly(n)),
        Err(_) => Err(ruleset_too_large(bytes, "")),
    }
}

fn ruleset_too_large(bytes: impl std::fmt::Display, at_least: &str) -> RulesetError {
    RulesetError::single(
        "",
        format!("the rule set is {at_least}{bytes} bytes; at most {MAX_RULESET_BYTES} are accepted"),
    )
}

fn value_of(text: &str) -> Result<Value, RulesetError> {
    check_ruleset_size(Size::Exactly(text.len()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let room = crate::doc::Unescaped::new();
    let (set, repeated) = crate::doc::Borrowed::from_json_noting_repeats(text, &room)
        .map_err(|e| RulesetError::single("", crate::rules::input::ruleset_syntax(text, &e)))?;
    // The reader keeps the last of a key written twice, so the first is lost without a word;
    // a rule set with an unknown key is refused, and so is one with a lost key: its author
    // meant something by each.
    let mut problems = Vec::new();
    if repeated {
        crate::locate::repeated_keys(text, &mut |object, key, _| {
            problems.push(RulesetProblem {
                path: child(object, key),
                message: "written more than once in the same object, which keeps only the last: write it once".into(),
            });
        });
    }
    if problems.is_empty() {
        Ok(crate::doc::Doc::to_value(&set))
    } else {
        Err(RulesetError { problems })
    }
}

/// Reads a chain of rule sets given as JSON texts, the base first.
pub(crate) fn chain_from_json(texts: &[&str]) -> Result<RuleSet, RulesetError> {
    let mut values = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        values.push(value_of(text).map_err(|e| e.in_chain(i, texts.len()))?);
    }
    RuleSet::from_chain(&values)
}

/// `extends` names the rule set this one refines: `"default"` (the built-in rules; the same
/// as leaving it out) for the first of a chain, and the previous set's id, optionally with a
/// version range (`{"id": "fi.sm.measures", "version": "^1.0"}`), for the others.
fn check_extends(v: Option<&Value>, parent: Option<&RulesetInfo>, position: usize, problems: &mut Vec<RulesetProblem>) {
    let (want_id, range) = match v {
        None => (None, None),
        Some(Value::String(id)) => (Some(id.as_str()), None),
        Some(Value::Object(o)) => (
            o.get("id").and_then(Value::as_str),
            o.get("version").and_then(Value::as_str),
        ),
        // check_shape has reported it.
        Some(_) => return,
    };
    let mut problem = |message: String| {
        problems.push(RulesetProblem {
            path: "/extends".into(),
            message,
        });
    };
    match (parent, want_id) {
        (None, None | Some("default")) => {}
        (None, Some(id)) => problem(format!(
            "this rule set extends \"{id}\", which was not given: give \"{id}\" before it"
        )),
        (Some(p), None | Some("default")) => problem(format!(
            "rule set {} follows \"{}\" but does not extend it: set \"extends\": \"{}\"",
            position + 1,
            p.id,
            p.id
        )),
        (Some(p), Some(id)) if id != p.id => problem(format!(
            "this rule set extends \"{id}\", but the rule set before it is \"{}\"",
            p.id
        )),
        (Some(p), Some(_)) => {
            if let Some(range) = range {
                // The version is the set's before it, which alone was accepted: a version that is
                // no version is told there, rather than blamed on this set's range.
                match crate::semver::satisfies(range, &p.version) {
                    Ok(Some(true)) => {}
                    Ok(Some(false)) => problem(format!(
                        "this rule set needs \"{}\" {range}, but was given version {}",
                        p.id, p.version
                    )),
                    Ok(None) => problem(format!(
                        "\"{}\" is version \"{}\", which {range} cannot be checked against: give it a version such as \"1.2.0\", or leave out this range",
                        p.id, p.version
                    )),
                    Err(e) => problem(e),
                }
            }
        }
    }
}

fn apply_rules(config: &mut Config, rules: &Map<String, Value>, ours: &[&str], problems: &mut Vec<RulesetProblem>) {
    for (id, setting) in rules {
        let path = crate::context::child("/rules", id);
        if custom::is_custom_id(id) {
            set_custom(config, id, setting, &path, ours, problems);
            continue;
        }
        let (Some(index), Some(rule)) = (catalogue::index_of(id), catalogue::rule(id)) else {
            problems.push(unknown_rule(&path, id));
            continue;
        };
        if let Value::Object(o) = setting {
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
            for spec in rule.params {
                if let Some(v) = o.get(spec.name) {
                    apply_param(config, spec.kind, v);
                }
            }
        }
        if let Some(slot) = config.states.get_mut(index) {
            *slot = level(setting, Some(rule.severity));
        }
    }
}

/// A level for a custom rule defined by this rule set or one it extends. `ours` are the ids
/// this set's custom rules give: one of them that is not in the chain was refused, and has
/// said why already.
fn set_custom(
    config: &mut Config,
    id: &str,
    setting: &Value,
    path: &str,
    ours: &[&str],
    problems: &mut Vec<RulesetProblem>,
) {
    let Some(rule) = config.custom.iter_mut().find(|r| r.id == id) else {
        if ours.contains(&id) {
            return;
        }
        let hint = closest(id, &mut config.custom.iter().map(|r| r.id.as_str()))
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_default();
        problems.push(RulesetProblem {
            path: path.to_string(),
            message: format!("unknown custom rule \"{id}\": no rule set in the chain defines it{hint}"),
        });
        return;
    };
    if let Some(key) = setting
        .as_object()
        .and_then(|o| o.keys().find(|k| !matches!(k.as_str(), "enabled" | "severity")))
    {
        problems.push(RulesetProblem {
            path: child(path, key),
            message: format!("\"{key}\" is not a setting of a custom rule, which takes enabled and severity"),
        });
    }
    rule.state = level(setting, rule.state);
}

/// The state a rule setting gives a rule (`None` is off): `"off"`, a severity, or an object
/// with `enabled` and `severity`; what it leaves unsaid keeps `fallback`. The shape check has
/// refused anything else.
fn level(setting: &Value, fallback: Option<Severity>) -> Option<Severity> {
    match setting {
        Value::String(s) if s == "off" => None,
        Value::String(s) => Severity::parse(s).or(fallback),
        Value::Object(o) => match o.get("enabled").and_then(Value::as_bool) {
            Some(false) => None,
            _ => o
                .get("severity")
                .and_then(Value::as_str)
                .and_then(Severity::parse)
                .or(fallback),
        },
        _ => fallback,
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
    let hint = closest(id, &mut RULES.iter().map(|r| r.id))
        .map(|s| format!("; did you mean \"{s}\"?"))
        .unwrap_or_default();
    RulesetProblem {
        path: path.to_string(),
        message: format!("unknown rule \"{id}\"{hint}"),
    }
}

/// The built-in registry, which every engine starts from.
pub(crate) fn builtin_registry() -> Result<Registry, RulesetError> {
    Registry::builtin().map_err(|m| RulesetError::single("", format!("built-in organisation registry: {m}")))
}

/// Two organisations of a set that claim one name.
fn clash(c: &RegistryConflict) -> RulesetProblem {
    RulesetProblem {
        path: "/organisations".into(),
        message: format!(
            "\"{}\" would name both {} and {}; an alias must name one organisation",
            c.name, c.first, c.second
        ),
    }
}

/// The keys of a rule set.
const RULESET_KEYS: [&str; 10] = [
    "$schema",
    "id",
    "version",
    "description",
    "rules",
    "organisations",
    "engine",
    "extends",
    "custom",
    "tests",
];

/// An unknown key's problem, with the nearest known key when it is near enough to be a typo
/// ("extend", "test").
pub(crate) fn unknown_key(key: &str, known: &[&str]) -> String {
    let hint =
        closest(key, &mut known.iter().copied()).map_or_else(String::new, |s| format!(" (did you mean \"{s}\"?)"));
    format!("unknown key \"{key}\"{hint}")
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
                        if custom::is_custom_id(id) {
                            check_setting(setting, &at, &mut problem);
                        } else if catalogue::rule(id).is_none() {
                            let p = unknown_rule(&at, id);
                            problem(p.path, p.message);
                        } else {
                            check_setting(setting, &at, &mut problem);
                            if ALWAYS_ERROR.contains(&id.as_str())
                                && level(setting, Some(Severity::Error)) != Some(Severity::Error)
                            {
                                problem(at, ALWAYS_ERROR_WHY.into());
                            }
                        }
                    }
                }
                None => problem(path, format!("expected an object of rule settings, not {}", kind(v))),
            },
            "organisations" => match v.as_array() {
                Some(list) if list.len() > 5000 => problem(path, "at most 5000 organisations".into()),
                Some(list) => {
                    // Across a chain a code given again replaces the entry (an organisation
                    // corrects its names); within one set it is a copy left behind, whose
                    // aliases the second entry would drop without a word.
                    let mut codes: Vec<String> = Vec::new();
                    for (i, org) in list.iter().enumerate() {
                        let at = crate::context::item(&path, i);
                        check_organisation(org, &at, &mut problem);
                        if let Some(code) = org.get("code").and_then(Value::as_str) {
                            let folded = crate::text::fold(code);
                            if codes.contains(&folded) {
                                problem(
                                    child(&at, "code"),
                                    format!("\"{code}\" is defined twice in this rule set"),
                                );
                            }
                            codes.push(folded);
                        }
                    }
                }
                None => problem(path, format!("expected a list of organisations, not {}", kind(v))),
            },
            "engine" => expect_string(v, &path, 1, 100, &mut problem),
            "extends" => match v {
                Value::String(_) => expect_string(v, &path, 1, 200, &mut problem),
                Value::Object(o) => {
                    if !o.contains_key("id") {
                        problem(path.clone(), "missing required key \"id\"".into());
                    }
                    for (k, x) in o {
                        match k.as_str() {
                            "id" => expect_string(x, &child(&path, k), 1, 200, &mut problem),
                            "version" => expect_string(x, &child(&path, k), 1, 100, &mut problem),
                            _ => problem(child(&path, k), format!("unknown key \"{k}\"")),
                        }
                    }
                }
                _ => problem(
                    path,
                    format!("expected the id of the rule set extended, not {}", kind(v)),
                ),
            },
            "custom" => match v.as_array() {
                Some(list) if list.len() > custom::MAX_RULES => {
                    problem(path, format!("at most {} custom rules", custom::MAX_RULES));
                }
                Some(_) => {}
                None => problem(path, format!("expected a list of custom rules, not {}", kind(v))),
            },
            "tests" => match v.as_array() {
                Some(list) if list.len() > MAX_TESTS => problem(path, format!("at most {MAX_TESTS} tests")),
                Some(list) => {
                    for (i, t) in list.iter().enumerate() {
                        check_test(t, &crate::context::item(&path, i), &mut problem);
                    }
                }
                None => problem(path, format!("expected a list of tests, not {}", kind(v))),
            },
            _ => problem(path, unknown_key(key, &RULESET_KEYS)),
        }
    }
    out
}

/// A test case: a measure (or a programme), optional options, and the findings expected.
fn check_test(v: &Value, at: &str, problem: &mut impl FnMut(String, String)) {
    let Some(o) = v.as_object() else {
        problem(
            at.to_string(),
            format!("a test is an object with name, measure and expect, not {}", kind(v)),
        );
        return;
    };
    for key in ["name", "expect"] {
        if !o.contains_key(key) {
            problem(at.to_string(), format!("missing required key \"{key}\""));
        }
    }
    if o.contains_key("measure") == o.contains_key("programme") {
        problem(at.to_string(), "a test has either \"measure\" or \"programme\"".into());
    }
    // Otherwise the caller's language (the CLI's --lang) would decide whether the test passes.
    let expects_message = o
        .get("expect")
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|e| e.get("message").is_some()));
    if expects_message && !o.contains_key("lang") {
        problem(
            at.to_string(),
            "a test that expects a message names its language: add \"lang\"".into(),
        );
    }
    for (key, x) in o {
        let path = child(at, key);
        match key.as_str() {
            "name" => expect_string(x, &path, 1, 200, &mut *problem),
            "measure" | "programme" if !x.is_object() => problem(path, format!("expected an object, not {}", kind(x))),
            "measure" | "programme" => {}
            "asOf" => {
                if x.as_str().is_none_or(|s| crate::date::Day::parse_iso(s).is_err()) {
                    problem(path, "a date YYYY-MM-DD".into());
                }
            }
            "lang" => {
                // Exactly the schema's codes: a rule set is a published document, which an
                // editor checks against the schema ("sv-AX", which options take, is not one).
                if !matches!(x.as_str(), Some("fi" | "sv" | "en")) {
                    problem(path, "\"fi\", \"sv\" or \"en\"".into());
                }
            }
            "expect" => match x.as_array() {
                Some(list) => {
                    for (i, e) in list.iter().enumerate() {
                        let eat = crate::context::item(&path, i);
                        let Some(eo) = e.as_object() else {
                            problem(eat, "an expected finding is {\"rule\": …, \"path\": …}".into());
                            continue;
                        };
                        if !eo.contains_key("rule") {
                            problem(eat.clone(), "missing required key \"rule\"".into());
                        }
                        for (k, y) in eo {
                            match k.as_str() {
                                "rule" => expect_string(y, &child(&eat, k), 1, 200, &mut *problem),
                                "path" => expect_string(y, &child(&eat, k), 0, 1000, &mut *problem),
                                "message" => expect_string(y, &child(&eat, k), 1, MAX_EXPECTED_MESSAGE, &mut *problem),
                                "severity" => {
                                    if y.as_str().is_none_or(|s| Severity::parse(s).is_none()) {
                                        problem(child(&eat, k), "must be \"error\", \"warning\" or \"info\"".into());
                                    }
                                }
                                _ => problem(child(&eat, k), unknown_key(k, &["rule", "path", "severity", "message"])),
                            }
                        }
                    }
                }
                None => problem(path, format!("expected a list of findings, not {}", kind(x))),
            },
            _ => problem(
                path,
                unknown_key(key, &["name", "measure", "programme", "asOf", "lang", "expect"]),
            ),
        }
    }
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
                        // "off" is a level of its own, not a severity: the likely mistake.
                        _ => problem(
                            path,
                            "must be \"error\", \"warning\" or \"info\"; to turn the rule off, write \"off\" for the whole setting, or \"enabled\": false".into(),
                        ),
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
    fn a_chain_over_the_limit_is_refused_by_its_length_alone() -> Result<(), String> {
        assert_eq!(check_chain_length(MAX_CHAIN), Ok(()));
        let nine = vec![json!({ "id": "x", "version": "1" }); MAX_CHAIN + 1];
        let by_values = RuleSet::from_chain(&nine).err();
        assert!(by_values.is_some());
        assert_eq!(check_chain_length(nine.len()).err(), by_values);
        let Err(e) = check_chain_length(100_000_000) else {
            return Err("a chain of 100,000,000 was accepted".into());
        };
        assert!(e.to_string().contains("not 100000000"), "{e}");
        Ok(())
    }

    #[test]
    fn a_rule_set_over_the_limit_is_refused_by_its_size_alone() -> Result<(), String> {
        assert_eq!(check_ruleset_size(Size::Exactly(MAX_RULESET_BYTES)), Ok(()));
        assert_eq!(check_ruleset_size(Size::AtLeast(MAX_RULESET_BYTES)), Ok(()));
        // Measured, the refusal is the one the text itself gets.
        let text = " ".repeat(MAX_RULESET_BYTES + 1);
        let by_text = value_of(&text).err();
        assert!(by_text.is_some());
        assert_eq!(check_ruleset_size(Size::Exactly(text.len())).err(), by_text);
        let Err(bound) = check_ruleset_size(Size::AtLeast(5_000_000)) else {
            return Err("a rule set of at least 5,000,000 bytes was accepted".into());
        };
        assert_eq!(bound.problems.len(), 1);
        assert!(bound.to_string().contains("at least 5000000 bytes"), "{bound}");
        // A file's size: exact, and past what a 32-bit engine addresses given as it is.
        assert_eq!(check_ruleset_file_size(MAX_RULESET_BYTES as u64), Ok(()));
        assert_eq!(check_ruleset_file_size(text.len() as u64).err(), by_text);
        let Err(huge) = check_ruleset_file_size(6 << 30) else {
            return Err("a rule set file of 6 GiB was accepted".into());
        };
        assert!(huge.to_string().contains("is 6442450944 bytes"), "{huge}");
        Ok(())
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
        assert!(set.registry.as_ref().and_then(|r| r.get("XYZ")).is_some());
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

    /// The paths and messages of a refusal of `text`, or nothing when it is accepted.
    fn refusal(text: &str) -> Vec<(String, String)> {
        match RuleSet::from_json(text) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| (p.path, p.message)).collect(),
        }
    }

    #[test]
    fn a_key_written_twice_is_refused_at_each_earlier_occurrence() {
        let lost = "written more than once in the same object, which keeps only the last: write it once";
        let text = r#"{
  "id": "x", "version": "1",
  "rules": { "partners.required": "off", "status.invalid": { "allowed": ["done"] }, "partners.required": "error",
             "status.invalid": { "allowed": ["planned"], "allowed": ["planned", "completed"] } },
  "rules": {}
}"#;
        // The lost `rules` and the repeats in the kept one; not the repeats inside a lost value,
        // whose pointers would lead into the kept one.
        let got = refusal(text);
        let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["/rules"], "{got:?}");
        let kept_last = text.replacen(r#""rules": {}"#, r#""description": "d""#, 1);
        let got = refusal(&kept_last);
        let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/rules/partners.required",
                "/rules/status.invalid",
                "/rules/status.invalid/allowed"
            ],
            "{got:?}"
        );
        assert!(got.iter().all(|(_, m)| m == lost), "{got:?}");
        // Written with an escape, the same key; a key with a slash is escaped in the pointer.
        let got = refusal(r#"{"id": "x", "\u0069d": "y", "version": "1", "a/b": 1, "a\/b": 2}"#);
        let paths: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["/id", "/a~1b"], "{got:?}");
        // In a chain given as one list, the pointer starts at the set's place in it.
        let got = refusal(r#"[{"id": "a", "version": "1"}, {"id": "b", "id": "b", "version": "1", "extends": "a"}]"#);
        assert_eq!(got, [("/1/id".to_string(), lost.to_string())]);
        // The same text without repeats is read as before, with a byte-order mark or without.
        assert!(RuleSet::from_json(r#"{"id": "x", "version": "1"}"#).is_ok());
        assert!(RuleSet::from_json("\u{feff}{\"id\": \"x\", \"version\": \"1\", \"version\": \"1\"}").is_err());
    }

    #[test]
    fn each_problem_of_a_chain_of_texts_names_its_set() {
        let base = r#"{"id": "fi.sm", "version": "1"}"#;
        let problems = |texts: &[&str]| match chain_from_json(texts) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems.into_iter().map(|p| (p.path, p.message)).collect::<Vec<_>>(),
        };
        let got = problems(&[base, r#"{"id": "a", "id": "a", "version": "1", "extends": "fi.sm"}"#]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got.iter()
                .all(|(p, m)| p == "/id" && m.starts_with("rule set 2: written more than once")),
            "{got:?}"
        );
        let got = problems(&[base, "{ \"id\": "]);
        assert!(
            got.iter().all(|(p, m)| p.is_empty()
                && m == "rule set 2: The file ends early at line 1, column 8: a JSON structure is never closed."),
            "{got:?}"
        );
        let got = problems(&["{", base]);
        assert!(
            got.iter()
                .all(|(_, m)| m.starts_with("rule set 1: The file ends early at line 1, column 1")),
            "{got:?}"
        );
        // Read, the set is named by its id too; alone, it needs no number.
        let got = problems(&[
            base,
            r#"{"id": "a", "version": "1", "extends": "fi.sm", "rules": {"x": "off"}}"#,
        ]);
        assert!(
            got.iter().all(|(_, m)| m.starts_with("rule set 2 (a): unknown rule")),
            "{got:?}"
        );
        let got = problems(&[r#"{"id": "a", "id": "a", "version": "1"}"#]);
        assert_eq!(
            got,
            [(
                "/id".to_string(),
                "written more than once in the same object, which keeps only the last: write it once".to_string()
            )]
        );
        assert!(chain_from_json(&[base, r#"{"id": "a", "version": "1", "extends": "fi.sm"}"#]).is_ok());
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
