//! Generated artefacts: the rule reference (`docs/rules.md`) and the rule-set schema
//! (`schemas/ruleset.schema.json`) are made from the catalogue, so they cannot drift from
//! it (the `generated` test compares them with the committed files).

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::catalogue::{Scope, RULES};
use crate::rules::status::STATUSES;

/// The rule reference in Markdown: a table of codes, then each rule with its documentation.
pub fn rules_markdown() -> String {
    let mut out = String::new();
    out.push_str("# Rule reference\n\n");
    out.push_str("<!-- Generated from core/src/catalogue.rs and core/src/rules/*.rs by `UPDATE_GENERATED=1 cargo test -p measure-rules --test generated`. Do not edit by hand. -->\n\n");
    out.push_str("Every finding names one of these rules. A rule set (`schemas/ruleset.schema.json`) can turn each rule off, change its severity and set its parameters.\n\n");
    out.push_str("| Rule | Default | Applies to | Checks |\n| --- | --- | --- | --- |\n");
    for r in RULES {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} | {} |",
            r.id,
            anchor(r.id),
            r.severity.as_str(),
            scope_name(r.scope),
            r.summary
        );
    }
    for r in RULES {
        let _ = write!(
            out,
            "\n## {}\n\n{}\n\nDefault severity: **{}**. Applies to: {}.\n\n",
            r.id,
            r.summary,
            r.severity.as_str(),
            scope_name(r.scope)
        );
        let _ = write!(
            out,
            "### What it checks\n\n{}\n\n### Why\n\n{}\n\n### Example\n\n{}\n",
            r.docs.what, r.docs.why, r.docs.example
        );
        if !r.params.is_empty() {
            out.push_str("\n### Parameters\n\n| Name | Default | Meaning |\n| --- | --- | --- |\n");
            for p in r.params {
                let _ = writeln!(out, "| `{}` | `{}` | {} |", p.name, p.default, p.doc);
            }
        }
    }
    out
}

/// The rules' documentation as an ES module of the npm package (`measure-rules/rule-docs`):
/// the WebAssembly builds leave it out of their catalogue (`RuleMeta::docs`), so a form that
/// never shows it does not download it.
pub fn rule_docs_js() -> String {
    // By hand rather than through a `Map`, to keep the catalogue's order and the reference's.
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let entries: Vec<String> = RULES
        .iter()
        .map(|r| {
            format!(
                "  {}: {{\n    \"what\": {},\n    \"why\": {},\n    \"example\": {}\n  }}",
                quote(r.id),
                quote(r.docs.what),
                quote(r.docs.why),
                quote(r.docs.example)
            )
        })
        .collect();
    format!(
        "{GENERATED_JS}\n/** Each rule's documentation by its id: what it checks, why, and an example (Markdown, in English). `rules()` gives the rest of the catalogue. */\nexport const RULE_DOCS = {{\n{}\n}};\n",
        entries.join(",\n")
    )
}

/// The declarations of [`rule_docs_js`]'s module.
pub fn rule_docs_dts() -> String {
    format!(
        "{GENERATED_JS}\n/** What a rule's documentation says, in Markdown (English), under the rule reference's headings. */\nexport interface RuleDocs {{\n    /** What the rule checks. */\n    what: string;\n    /** Why it matters. */\n    why: string;\n    /** A measure that fails, and what passes. */\n    example: string;\n}}\n\n/** Each rule's documentation by its id: every id `rules()` lists, and no other (a custom rule's is its rule set's `description`). */\nexport declare const RULE_DOCS: Readonly<Record<string, RuleDocs | undefined>>;\n"
    )
}

const GENERATED_JS: &str = "// Generated from core/src/rules/*.rs by `UPDATE_GENERATED=1 cargo test -p measure-rules --test generated`. Do not edit by hand.";

fn anchor(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_lowercase()
}

fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Document => "any document",
        Scope::Measure => "each measure and step",
        Scope::Programme => "a programme",
    }
}

/// The JSON Schema of rule sets, with one property per rule so editors complete rule ids
/// and show each rule's summary.
/// The form of a custom rule id, as `custom::is_custom_id` reads it.
const CUSTOM_ID: &str = "^[a-z0-9._-]{1,100}/[a-z0-9._-][a-z0-9._/-]{0,99}$";
/// A date as the engine reads one (`date.rs`): years 1000 to 9999, months 01 to 12, days 01 to
/// 31 (a day past its month's end, 2019-02-30, is for the engine to refuse).
const DATE: &str = "^(asOf|[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)$";
/// What `semver.rs` takes: one to eight comparators (`^`, `~`, `>=`, `<=`, `>`, `<`, `=` or
/// none) of a version of one to three numbers, separated by spaces or commas.
const ENGINE_RANGE: &str = "^[ ,]*(\\^|~|>=|<=|>|<|=)?[0-9]{1,9}(\\.[0-9]{1,9}){0,2}([ ,]+(\\^|~|>=|<=|>|<|=)?[0-9]{1,9}(\\.[0-9]{1,9}){0,2}){0,7}[ ,]*$";

pub fn ruleset_schema() -> Value {
    use crate::custom::condition::{MAX_LIST, MAX_TEXT};
    // Every rule shares one `setting` definition, so the compile-time validator stays small;
    // which parameters a rule takes is named in its description and checked by the engine.
    let mut rules = Map::new();
    for r in RULES {
        let params: Vec<String> = r
            .params
            .iter()
            .map(|p| format!("`{}` ({} Default: {}.)", p.name, p.doc, p.default))
            .collect();
        let description = if params.is_empty() {
            format!("{} Default: {}.", r.summary, r.severity.as_str())
        } else {
            format!(
                "{} Default: {}. Parameters: {}",
                r.summary,
                r.severity.as_str(),
                params.join("; ")
            )
        };
        let setting = if crate::ruleset::ALWAYS_ERROR.contains(&r.id) {
            "#/$defs/alwaysError"
        } else {
            "#/$defs/setting"
        };
        rules.insert(r.id.into(), json!({ "description": description, "$ref": setting }));
    }
    // Apart, as the whole schema in one `json!` reaches the macro's recursion limit.
    let expected = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["rule"],
        "properties": {
            "rule": { "type": "string", "minLength": 1, "maxLength": 200 },
            "path": { "type": "string", "maxLength": 1000 },
            "severity": { "$ref": "#/$defs/severity" },
            "message": {
                "type": "string",
                "minLength": 1,
                "maxLength": crate::ruleset::MAX_EXPECTED_MESSAGE,
                "description": "The finding's message, word for word, in the test's language, which a test that expects a message names."
            }
        }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://measure-rules.github.io/schemas/v1/ruleset.schema.json",
        "title": "Rule set",
        "description": "Which rules run, at what severity and with which parameters, which organisations are added to the registry, the organisation's own custom rules and their tests. Generated from the rule catalogue.",
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "version"],
        "properties": {
            "$schema": { "type": "string" },
            "id": { "type": "string", "minLength": 1, "maxLength": 200, "description": "Names the rule set in every report, e.g. \"fi.sm.measures\"." },
            "version": { "type": "string", "minLength": 1, "maxLength": 64, "description": "The rule set's own version, named in every report." },
            "description": { "type": "string", "maxLength": 2000 },
            "engine": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": ENGINE_RANGE, "description": "The engine versions the rule set works with, e.g. \">=0.1.0 <0.2.0\" or \"^0.1\": npm's comparators, all of which must hold (no ||, x or hyphen ranges); an engine outside the range refuses the rule set." },
            "extends": {
                "description": "The rule set this one refines: \"default\" (the built-in rules), or the id of the set before it in a chain, optionally with a version range.",
                "anyOf": [
                    { "type": "string", "minLength": 1, "maxLength": 200 },
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["id"],
                        "properties": {
                            "id": { "type": "string", "minLength": 1, "maxLength": 200 },
                            "version": { "type": "string", "minLength": 1, "maxLength": 100 }
                        }
                    }
                ]
            },
            "rules": {
                "type": "object",
                "additionalProperties": false,
                "properties": Value::Object(rules),
                "patternProperties": { CUSTOM_ID: { "$ref": "#/$defs/customSetting" } }
            },
            "custom": {
                "type": "array",
                "maxItems": crate::custom::MAX_RULES,
                "description": "The organisation's own rules; see docs/rule-language.md.",
                "items": { "$ref": "#/$defs/customRule" }
            },
            "tests": {
                "type": "array",
                "maxItems": crate::ruleset::MAX_TESTS,
                "description": "Test cases: a measure (or a programme) and the findings expected from this rule set's custom rules and the rules named. `measure-rules test` runs them.",
                "items": { "$ref": "#/$defs/test" }
            },
            "organisations": {
                "type": "array",
                "maxItems": 5000,
                "description": "Organisations added to the registry (an entry with a known code replaces it).",
                "items": { "$ref": "organisations.schema.json#/$defs/organisation" }
            }
        },
        "$defs": {
            "customSetting": {
                "description": "A level for a custom rule of this set or one it extends.",
                "anyOf": [
                    { "$ref": "#/$defs/level" },
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                            "enabled": { "type": "boolean" },
                            "severity": { "$ref": "#/$defs/severity" }
                        }
                    }
                ]
            },
            "messages": {
                "type": "object",
                "additionalProperties": false,
                "required": ["fi", "sv", "en"],
                "properties": {
                    "fi": { "type": "string", "minLength": 1, "maxLength": crate::custom::MAX_MESSAGE, "pattern": "\\S" },
                    "sv": { "type": "string", "minLength": 1, "maxLength": crate::custom::MAX_MESSAGE, "pattern": "\\S" },
                    "en": { "type": "string", "minLength": 1, "maxLength": crate::custom::MAX_MESSAGE, "pattern": "\\S" }
                }
            },
            "pointer": { "type": "string", "maxLength": MAX_TEXT, "pattern": "^(/.*)?$", "description": "A JSON Pointer into the measure." },
            "literal": { "type": ["string", "number", "boolean", "null"], "maxLength": MAX_TEXT },
            "condition": {
                "description": "A combinator (all, any, not) or one test of the value at `path`.",
                "type": "object",
                "oneOf": [
                    { "required": ["all"], "maxProperties": 1 },
                    { "required": ["any"], "maxProperties": 1 },
                    { "required": ["not"], "maxProperties": 1 },
                    {
                        "required": ["path"],
                        "minProperties": 2,
                        "maxProperties": 2,
                        "not": { "anyOf": [{ "required": ["all"] }, { "required": ["any"] }, { "required": ["not"] }] }
                    }
                ],
                "properties": {
                    "path": { "$ref": "#/$defs/pointer" },
                    "all": { "type": "array", "items": { "$ref": "#/$defs/condition" } },
                    "any": { "type": "array", "items": { "$ref": "#/$defs/condition" } },
                    "not": { "$ref": "#/$defs/condition" },
                    "present": { "type": "boolean" },
                    "equals": { "$ref": "#/$defs/literal" },
                    "in": { "type": "array", "minItems": 1, "maxItems": MAX_LIST, "items": { "$ref": "#/$defs/literal" } },
                    "contains": { "$ref": "#/$defs/literal" },
                    "organisation": { "type": "string", "minLength": 1, "maxLength": 64 },
                    "length": {
                        "type": "object",
                        "additionalProperties": false,
                        "minProperties": 1,
                        "properties": { "min": { "type": "integer", "minimum": 0 }, "max": { "type": "integer", "minimum": 0 } }
                    },
                    "before": { "type": "string", "pattern": DATE },
                    "after": { "type": "string", "pattern": DATE },
                    "every": { "$ref": "#/$defs/condition" },
                    "some": { "$ref": "#/$defs/condition" }
                },
                "additionalProperties": false
            },
            "customRule": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "severity", "require", "message"],
                "properties": {
                    "id": { "type": "string", "pattern": CUSTOM_ID, "description": "The organisation's namespace, a slash and a name: \"kuntaliitto/theme-7-partner\"." },
                    "severity": { "$ref": "#/$defs/level" },
                    "description": { "$ref": "#/$defs/messages", "description": "What the rule checks, in each language (shown in explanations and rule lists)." },
                    "when": { "$ref": "#/$defs/condition", "description": "When the rule applies; always when left out." },
                    "require": { "$ref": "#/$defs/condition", "description": "What must hold where the rule applies." },
                    "path": { "$ref": "#/$defs/pointer", "description": "Where the finding points (\"\" by default)." },
                    "message": { "$ref": "#/$defs/messages", "description": "The finding's message, with {id}, {value} and the declared params." },
                    "params": { "type": "object", "additionalProperties": { "$ref": "#/$defs/pointer" }, "description": "Message parameters: a name and the JSON Pointer of the value it shows." }
                }
            },
            "test": {
                "type": "object",
                "additionalProperties": false,
                "required": ["name", "expect"],
                "properties": {
                    "name": { "type": "string", "minLength": 1, "maxLength": 200 },
                    "measure": { "type": "object" },
                    "programme": { "type": "object" },
                    "asOf": { "type": "string", "format": "date" },
                    "lang": { "enum": ["fi", "sv", "en"] },
                    "expect": {
                        "type": "array",
                        "items": expected
                    }
                },
                "oneOf": [{ "required": ["measure"] }, { "required": ["programme"] }],
                "if": { "required": ["expect"], "properties": { "expect": { "type": "array", "contains": { "type": "object", "required": ["message"] } } } },
                "then": { "required": ["lang"] }
            },
            "severity": { "enum": ["error", "warning", "info"] },
            "level": { "type": "string", "enum": ["off", "error", "warning", "info"], "description": "\"off\", or the severity to report at." },
            "alwaysError": {
                "description": "A rule that is always an error: a document that cannot be read is not checked, and would pass.",
                "anyOf": [
                    { "const": "error" },
                    { "type": "object", "additionalProperties": false, "properties": { "enabled": { "const": true }, "severity": { "const": "error" } } }
                ]
            },
            "setting": {
                "description": "A level, or an object with `enabled`, `severity` and the rule's parameters.",
                "anyOf": [
                    { "$ref": "#/$defs/level" },
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "properties": {
                            "enabled": { "type": "boolean", "description": "false turns the rule off." },
                            "severity": { "$ref": "#/$defs/severity" },
                            "min": { "type": "integer", "minimum": 0, "maximum": 200, "description": "partners.required: minimum number of partners." },
                            "languages": { "type": "array", "items": { "enum": ["fi", "sv", "en"] }, "uniqueItems": true, "maxItems": 3, "description": "title.required: languages the title must be given in." },
                            "allowed": { "type": "array", "items": { "enum": STATUSES }, "uniqueItems": true, "minItems": 1, "maxItems": 7, "description": "status.invalid: allowed status codes." }
                        }
                    }
                ]
            }
        }
    })
}
