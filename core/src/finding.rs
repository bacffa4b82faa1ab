//! What a check returns: findings with a rule, a severity, a place and a localised message.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A suggested change, in the form of one JSON Patch (RFC 6902) operation, so a form can
/// offer it as a button and a script can apply it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Fix {
    Replace {
        path: String,
        #[cfg_attr(feature = "wasm", tsify(type = "JsonValue"))]
        value: serde_json::Value,
    },
    Add {
        path: String,
        #[cfg_attr(feature = "wasm", tsify(type = "JsonValue"))]
        value: serde_json::Value,
    },
    Remove {
        path: String,
    },
}

#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const JSON_VALUE: &str = r#"
/** Any JSON value: what a fix puts in place. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
"#;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    /// JSON Pointer (RFC 6901) to the value the finding is about, from the document root.
    pub path: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The values the message was built from (the unknown code, the suggestion, the dates),
    /// so a form can render its own text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "Record<string, string>"))]
    pub params: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// The measure the finding belongs to, canonical where the id could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// 1-based, where the input was JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based, in characters, where the input was JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Why the finding was made, when the check was asked to explain (`explain: true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub explain: Option<Box<crate::custom::Explanation>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct EngineInfo {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RulesetInfo {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Summary {
    pub error: u32,
    pub warning: u32,
    pub info: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub engine: EngineInfo,
    pub ruleset: RulesetInfo,
    /// Every rule set that produced the report, the base first; empty for the built-in rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub rulesets: Vec<RulesetInfo>,
    /// The organisation registry's version, since unknown-code findings depend on it.
    pub registry: String,
    pub lang: Lang,
    /// The date status rules were judged against, so the report can be reproduced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Measures checked (1 for a single measure).
    pub measures: u32,
    pub summary: Summary,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.summary.error > 0
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
