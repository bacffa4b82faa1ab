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
            r.what, r.why, r.example
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
pub fn ruleset_schema() -> Value {
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
        rules.insert(
            r.id.into(),
            json!({ "description": description, "$ref": "#/$defs/setting" }),
        );
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://measure-rules.github.io/schemas/v1/ruleset.schema.json",
        "title": "Rule set",
        "description": "Which rules run, at what severity and with which parameters, and which organisations are added to the registry. Generated from the rule catalogue.",
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "version"],
        "properties": {
            "$schema": { "type": "string" },
            "id": { "type": "string", "minLength": 1, "maxLength": 200, "description": "Names the rule set in every report, e.g. \"fi.sm.measures\"." },
            "version": { "type": "string", "minLength": 1, "maxLength": 64, "description": "The rule set's own version, named in every report." },
            "description": { "type": "string", "maxLength": 2000 },
            "rules": { "type": "object", "additionalProperties": false, "properties": Value::Object(rules) },
            "organisations": {
                "type": "array",
                "maxItems": 5000,
                "description": "Organisations added to the registry (an entry with a known code replaces it).",
                "items": { "$ref": "organisations.schema.json#/$defs/organisation" }
            }
        },
        "$defs": {
            "severity": { "enum": ["error", "warning", "info"] },
            "level": { "type": "string", "enum": ["off", "error", "warning", "info"], "description": "\"off\", or the severity to report at." },
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
