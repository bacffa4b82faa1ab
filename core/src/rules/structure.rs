//! The shape of a document, checked against the published JSON Schemas at compile time:
//! wrong types, missing required members, unknown fields and out-of-range values. Whether a
//! field is required and which values are allowed is the other rules' business.

use serde_json::Value;

use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, item, Cx};
use crate::finding::Severity;
use crate::text::closest;

#[jsonschema::validator(path = "../schemas/measure.schema.json", draft = Draft202012)]
struct MeasureSchema;

/// `programme.schema.json` with `measures.items` left open (generated and kept in step by
/// `core/tests/generated.rs`): each measure is checked with `MeasureSchema`, so the measure
/// validator is compiled once, not a second time inside the programme's.
#[jsonschema::validator(path = "schema-views/programme-shell.schema.json", draft = Draft202012, resources = {
    "https://measure-rules.github.io/schemas/v1/measure.schema.json" => { path = "../schemas/measure.schema.json" }
})]
struct ProgrammeShellSchema;

pub static TYPE: RuleMeta = RuleMeta {
    id: "schema.type",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Each field has the JSON type the schema gives it.",
    what: "Checks every value against the type in `measure.schema.json` / `programme.schema.json`: `theme` is an integer, `partners` a list of strings, `title` an object of languages, and so on.",
    why: "A form or script that writes `\"theme\": \"2\"` or `\"partners\": \"PO\"` produces a document other systems misread; the type error is reported once, and the other rules skip that field instead of reporting it again.",
    example: "```json\n{ \"theme\": \"2\" }\n```\nfails at `/theme` (expected an integer). `{ \"theme\": 2 }` passes.",
    params: &[],
};

pub static REQUIRED: RuleMeta = RuleMeta {
    id: "schema.required",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Structural members the schema requires are present.",
    what: "Reports members the schema itself requires: `measures` in a programme, `text` in an implementation step or a progress note, `number` in a theme. The measure's own required fields (lead body, schedule, status, title) have their own rules, which a rule set can tune.",
    why: "Without them the document cannot be read as what it claims to be.",
    example: "```json\n{ \"steps\": [ { \"number\": 1 } ] }\n```\nfails at `/steps/0/text`.",
    params: &[],
};

pub static UNKNOWN_FIELD: RuleMeta = RuleMeta {
    id: "schema.unknown-field",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "No field the schema does not know (usually a typo).",
    what: "Reports members that the schema does not define, with the closest known field name as a suggestion.",
    why: "A misspelt field (`leadbody`, `partner`) is silently ignored by every consumer, and the real field then looks missing.",
    example: "```json\n{ \"leadbody\": \"SM\" }\n```\nwarns at `/leadbody`: did you mean `leadBody`?",
    params: &[],
};

pub static VALUE: RuleMeta = RuleMeta {
    id: "schema.value",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Values are within the schema's limits.",
    what: "Checks the schema's bounds: theme numbers 1-8, step numbers 1-100, text lengths (10,000 characters for text, 500 for schedule text, 200 for an organisation), list lengths (200 partners, 100 steps, 10,000 measures) and enumerations.",
    why: "The limits are explicit so that no input can make a form or a CI job slow or run out of memory, and so that an out-of-range theme is caught where it is typed.",
    example: "```json\n{ \"theme\": 9 }\n```\nfails at `/theme` (at most 8).",
    params: &[],
};

/// Field names the schemas define, for "did you mean".
const KNOWN_FIELDS: &[&str] = &[
    "id",
    "theme",
    "title",
    "leadBody",
    "partners",
    "schedule",
    "status",
    "steps",
    "progress",
    "updated",
    "start",
    "end",
    "continuous",
    "text",
    "number",
    "date",
    "fi",
    "sv",
    "en",
    "measures",
    "themes",
    "period",
    "source",
    "$schema",
];

pub(crate) fn check_measure_shape(cx: &mut Cx<'_>, v: &Value) {
    for e in MeasureSchema::iter_errors(v) {
        report(cx, "", &e);
    }
}

/// The same findings as `programme.schema.json` gives, in two steps (see
/// `ProgrammeShellSchema`); measures beyond the schema's `maxItems` are not read.
pub(crate) fn check_programme_shape(cx: &mut Cx<'_>, v: &Value, measures: &[Value]) {
    for e in ProgrammeShellSchema::iter_errors(v) {
        report(cx, "", &e);
    }
    for (i, m) in measures.iter().enumerate() {
        let base = item("/measures", i);
        for e in MeasureSchema::iter_errors(m) {
            report(cx, &base, &e);
        }
    }
}

fn report(cx: &mut Cx<'_>, base: &str, e: &jsonschema::ValidationError<'_>) {
    use jsonschema::error::ValidationErrorKind as K;
    let at = &format!("{base}{}", e.instance_path().as_str());
    match e.kind() {
        K::Type { kind } => {
            let expected = type_names(cx, kind);
            cx.report(&TYPE, at).param("expected", expected).emit();
        }
        K::Required { property } => {
            let name = property.as_str().map_or_else(|| property.to_string(), str::to_string);
            cx.report(&REQUIRED, child(at, &name)).param("field", name).emit();
        }
        K::AdditionalProperties { unexpected } => {
            for name in unexpected {
                let pending = cx.report(&UNKNOWN_FIELD, child(at, name)).param("field", name.as_str());
                match closest(name, KNOWN_FIELDS.iter().copied()) {
                    Some(s) => pending.variant("suggest").param("suggestion", s).emit(),
                    None => pending.emit(),
                }
            }
        }
        K::Minimum { limit } => cx
            .report(&VALUE, at)
            .variant("minimum")
            .param("limit", number_text(limit))
            .emit(),
        K::Maximum { limit } => cx
            .report(&VALUE, at)
            .variant("maximum")
            .param("limit", number_text(limit))
            .emit(),
        K::MaxLength { limit } => {
            let len = e.instance().as_str().map_or(0, |s| s.chars().count());
            cx.report(&VALUE, at)
                .variant("max-length")
                .param("limit", number_text(limit))
                .param("count", len.to_string())
                .emit();
        }
        K::MinLength { limit } => cx
            .report(&VALUE, at)
            .variant("min-length")
            .param("limit", number_text(limit))
            .emit(),
        K::MaxItems { limit } => {
            let len = e.instance().as_array().map_or(0, Vec::len);
            cx.report(&VALUE, at)
                .variant("max-items")
                .param("limit", number_text(limit))
                .param("count", len.to_string())
                .emit();
        }
        K::MinItems { limit } => cx
            .report(&VALUE, at)
            .variant("min-items")
            .param("limit", number_text(limit))
            .emit(),
        K::Enum { options } => cx
            .report(&VALUE, at)
            .variant("enum")
            .param("options", options_text(options))
            .emit(),
        // The keyword names the requirement; formatting the whole error would pull the
        // validator's message machinery into the WebAssembly build.
        _ => {
            let keyword = e.schema_path().as_str().rsplit('/').next().unwrap_or("").to_string();
            cx.report(&VALUE, at).param("detail", keyword).emit();
        }
    }
}

/// The schemas' limits are integers. Formatting them without `Value`'s `Display` keeps
/// serde_json's serialiser and float printing out of the WebAssembly build.
fn number_text(v: &impl NumberLike) -> String {
    v.integer().map_or_else(|| "?".to_string(), |n| n.to_string())
}

trait NumberLike {
    fn integer(&self) -> Option<i64>;
}

impl NumberLike for Value {
    fn integer(&self) -> Option<i64> {
        self.as_i64()
    }
}

impl NumberLike for u64 {
    fn integer(&self) -> Option<i64> {
        i64::try_from(*self).ok()
    }
}

fn options_text(options: &Value) -> String {
    let items = options.as_array().map_or(&[][..], Vec::as_slice);
    let names: Vec<String> = items
        .iter()
        .map(|o| match o {
            Value::String(s) => format!("\"{s}\""),
            other => number_text(other),
        })
        .collect();
    names.join(", ")
}

fn type_names(cx: &Cx<'_>, kind: &jsonschema::error::TypeKind) -> String {
    use jsonschema::error::TypeKind;
    let names: Vec<String> = match kind {
        TypeKind::Single(t) => vec![cx.phrase(&format!("type/{t}"))],
        TypeKind::Multiple(set) => set.iter().map(|t| cx.phrase(&format!("type/{t}"))).collect(),
    };
    names.join(&cx.phrase("joiner/or"))
}
