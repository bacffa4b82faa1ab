//! The rule catalogue: the single source of truth for rule ids, default severities,
//! parameters and documentation. `docs/rules.md` and `schemas/ruleset.schema.json` are
//! generated from it, and a test fails when either drifts.

use serde::Serialize;

use crate::finding::Severity;
use crate::rules;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Any document: the JSON itself and its shape.
    Document,
    /// Each measure (and, where it applies, each implementation step).
    Measure,
    /// A programme as a whole.
    Programme,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum ParamKind {
    /// A whole number >= 0.
    Count,
    /// A list of language codes (fi, sv, en).
    Languages,
    /// A list of status codes.
    Statuses,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ParamSpec {
    pub name: &'static str,
    pub kind: ParamKind,
    /// The default, as JSON text.
    pub default: &'static str,
    pub doc: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RuleMeta {
    pub id: &'static str,
    pub severity: Severity,
    pub scope: Scope,
    /// One line, for lists and editor hovers.
    pub summary: &'static str,
    /// The rule's documentation. Only the native crate has it (feature `docs`, on by default):
    /// the WebAssembly builds leave it out, which takes a third of their rule catalogue's
    /// text (5 KB of the browser's gzipped wasm) off every form that embeds the engine. The
    /// npm package ships it as its own module, `measure-rules/rule-docs`, generated from here
    /// (`docs::rule_docs_js`), for the pages and tools that show it.
    #[cfg(feature = "docs")]
    #[serde(flatten)]
    pub docs: Docs,
    pub params: &'static [ParamSpec],
}

/// What a rule's documentation says, in Markdown under the headings of the rule reference.
#[cfg(feature = "docs")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Docs {
    /// What the rule checks.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A measure that fails, and what passes.
    pub example: &'static str,
}

/// Every rule, in documentation order.
pub static RULES: &[&RuleMeta] = &[
    &rules::input::SYNTAX,
    &rules::input::DUPLICATE_KEY,
    &rules::input::TOO_LARGE,
    &rules::input::TOO_MANY_FINDINGS,
    &rules::structure::TYPE,
    &rules::structure::REQUIRED,
    &rules::structure::UNKNOWN_FIELD,
    &rules::structure::VALUE,
    &rules::id::FORMAT,
    &rules::id::CANONICAL,
    &rules::id::THEME,
    &rules::title::REQUIRED,
    &rules::organisations::LEAD_REQUIRED,
    &rules::organisations::LEAD_UNKNOWN,
    &rules::organisations::LEAD_JOINT,
    &rules::organisations::PARTNERS_REQUIRED,
    &rules::organisations::PARTNERS_UNKNOWN,
    &rules::organisations::PARTNERS_DUPLICATE,
    &rules::organisations::PARTNERS_INCLUDES_LEAD,
    &rules::organisations::ALIAS,
    &rules::schedule::REQUIRED,
    &rules::schedule::UNPARSED,
    &rules::schedule::INVALID_DATE,
    &rules::schedule::ORDER,
    &rules::schedule::DATES,
    &rules::status::REQUIRED,
    &rules::status::INVALID,
    &rules::status::SCHEDULE,
    &rules::steps::DUPLICATE_NUMBER,
    &rules::programme::DUPLICATE_ID,
    &rules::programme::REFERENCE,
];

pub fn rule(id: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|r| r.id == id)
}

pub(crate) fn index_of(id: &str) -> Option<usize> {
    RULES.iter().position(|r| r.id == id)
}

/// The catalogue's index of `rule`: found by address, since the rules are statics and asking
/// for each rule's state compared ids on every finding and every check of whether a rule is
/// on; by id for a `RuleMeta` made elsewhere.
pub(crate) fn index_of_rule(rule: &RuleMeta) -> Option<usize> {
    RULES
        .iter()
        .position(|r| std::ptr::eq(*r, rule))
        .or_else(|| index_of(rule.id))
}

#[cfg(test)]
mod tests {
    use super::{index_of, index_of_rule, RULES};

    #[test]
    fn a_rule_is_found_by_address_or_by_id() {
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(index_of_rule(rule), Some(i), "{}", rule.id);
            assert_eq!(index_of(rule.id), Some(i), "{}", rule.id);
            // A copy lives elsewhere: found by its id.
            let copy = **rule;
            assert_eq!(index_of_rule(&copy), Some(i), "{}", rule.id);
        }
        let mut unknown = *RULES[0];
        unknown.id = "no.such-rule";
        assert_eq!(index_of_rule(&unknown), None);
    }
}
