//! Typed forms of the documents the engine reads: a measure, a programme, a rule set. The
//! engine itself checks untyped JSON (so that a form with a wrong-typed field still gets
//! every other finding); these types exist for callers who build documents in code, and they
//! are what the TypeScript declarations of the WebAssembly package are generated from. A test
//! (`tests/model.rs`) keeps them in step with the JSON Schemas.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[cfg(feature = "wasm")]
use tsify::Tsify;

use crate::registry::Organisation;

/// LocalizedText written by people, per language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sv: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// One organisation code, or several for a joint lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(untagged)]
pub enum LeadBody {
    One(String),
    Joint(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// ISO 8601 at year, month or day precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuous: Option<bool>,
    /// The schedule as written ("Syksy 2018").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub text: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    pub text: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_body: Option<LeadBody>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Vec<ProgressNote>>,
}

/// A measure document (`schemas/measure.schema.json`). Every field is optional in the type,
/// because which are required is the rules' business and a form checks half-filled measures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Measure {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_body: Option<LeadBody>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<Step>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Vec<ProgressNote>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub number: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
}

/// A programme document (`schemas/programme.schema.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct Programme {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub themes: Option<Vec<Theme>>,
    pub measures: Vec<Measure>,
}

/// "off", or the severity a rule reports at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    Off,
    Error,
    Warning,
    Info,
}

/// A rule's settings in a rule set: a level, or an object with the rule's parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(untagged)]
pub enum RuleSetting {
    Level(RuleLevel),
    Options(RuleOptions),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct RuleOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<crate::finding::Severity>,
    /// `partners.required`: minimum number of partners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    /// `title.required`: languages the title must be given in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<crate::lang::Lang>>,
    /// `status.invalid`: allowed status codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<String>>,
}

/// A rule set document (`schemas/ruleset.schema.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct RuleSetDocument {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub id: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "Record<string, RuleSetting>"))]
    pub rules: Option<BTreeMap<String, RuleSetting>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisations: Option<Vec<Organisation>>,
    /// The engine versions the rule set works with, e.g. `">=0.1.0 <0.2.0"` or `"^0.1"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<String>,
    /// The rule set this one refines: `"default"`, or the id of the set before it in a chain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<Extends>,
    /// The organisation's own rules (`docs/rule-language.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom: Option<Vec<CustomRuleDocument>>,
    /// Test cases: a measure or a programme and the findings expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tests: Option<Vec<RuleTestDocument>>,
}

/// `extends`: an id, or an id with a version range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(untagged)]
pub enum Extends {
    Id(String),
    Versioned {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        version: Option<String>,
    },
}

/// Text in every language, as custom rules' messages require.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct Messages {
    pub fi: String,
    pub sv: String,
    pub en: String,
}

/// A custom rule (`docs/rule-language.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct CustomRuleDocument {
    /// The organisation's namespace, a slash and a name: `kuntaliitto/theme-7-partner`.
    pub id: String,
    pub severity: RuleLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Messages>,
    /// When the rule applies; always when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "Condition"))]
    pub when: Option<serde_json::Value>,
    /// What must hold where it applies.
    #[cfg_attr(feature = "wasm", tsify(type = "Condition"))]
    pub require: serde_json::Value,
    /// Where the finding points, in the measure (`""` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Each language's message, with `{id}`, `{value}` and the declared `params`.
    pub message: Messages,
    /// Message parameters: a name and the JSON Pointer of the value it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, string>"))]
    pub params: Option<BTreeMap<String, String>>,
}

#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const CONDITION: &str = r#"
/** A custom rule's condition: a combinator, or one test of the value at `path`. */
export type Condition =
    | { all: Condition[] }
    | { any: Condition[] }
    | { not: Condition }
    | { path: string; present: boolean }
    | { path: string; equals: string | number | boolean | null }
    | { path: string; in: (string | number | boolean | null)[] }
    | { path: string; contains: string | number | boolean | null }
    | { path: string; organisation: string }
    | { path: string; length: { min?: number; max?: number } }
    | { path: string; before: string }
    | { path: string; after: string }
    | { path: string; every: Condition }
    | { path: string; some: Condition };
"#;

/// A rule set's test case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RuleTestDocument {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<crate::lang::Lang>,
    pub expect: Vec<ExpectedFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(Tsify))]
#[serde(deny_unknown_fields)]
pub struct ExpectedFinding {
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<crate::finding::Severity>,
    /// The finding's message, word for word, in the test's language, which a test that expects
    /// a message names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
