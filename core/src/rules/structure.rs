//! The shape of a document, checked against the published JSON Schemas: wrong types,
//! missing required members, unknown fields and out-of-range values. Whether a field is
//! required and which values are allowed is the other rules' business.
//!
//! `build.rs` compiles the schemas into a table of nodes that `check` walks, the way the
//! jsonschema crate's compile-time validators compile them into code; a table is a tenth of
//! their size in WebAssembly (BENCHMARKS.md). `tests/shape_oracle.rs` holds every finding
//! here to the jsonschema crate's own verdicts on the same documents.

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, Cx};
use crate::finding::Severity;
use crate::text::closest;

/// One schema node, compiled from the JSON Schemas by `build.rs`.
pub(crate) struct Node {
    /// Allowed JSON types as bits (null, boolean, integer, number, string, array, object);
    /// 0 is any.
    types: u8,
    /// `$ref`s: nodes that apply as well.
    refs: &'static [usize],
    properties: &'static [(&'static str, usize)],
    required: &'static [&'static str],
    /// `additionalProperties: false`.
    closed: bool,
    items: Option<usize>,
    minimum: Option<i64>,
    maximum: Option<i64>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    /// Where the node is in its schema, for people reading the generated table.
    #[expect(dead_code, reason = "documents the generated table")]
    path: &'static str,
}

impl Node {
    const ANY: Node = Node {
        types: 0,
        refs: &[],
        properties: &[],
        required: &[],
        closed: false,
        items: None,
        minimum: None,
        maximum: None,
        min_length: None,
        max_length: None,
        min_items: None,
        max_items: None,
        path: "",
    };
}

mod tables {
    use super::Node;
    include!(concat!(env!("OUT_DIR"), "/schema_tables.rs"));
}

const TYPE_NAMES: [&str; 7] = ["null", "boolean", "integer", "number", "string", "array", "object"];

pub static TYPE: RuleMeta = RuleMeta {
    id: "schema.type",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Each field has the JSON type the schema gives it.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks every value against the type in `measure.schema.json` / `programme.schema.json`: `theme` is an integer, `partners` a list of strings, `title` an object of languages, and so on. A document that is not an object at all (a bare list of measures, as a spreadsheet export may write one) is told the two shapes a document has: a measure, or a programme with its measures in `measures`.",
        why: "A form or script that writes `\"theme\": \"2\"` or `\"partners\": \"PO\"` produces a document other systems misread; the type error is reported once, and the other rules skip that field instead of reporting it again.",
        example: "```json\n{ \"theme\": \"2\" }\n```\nfails at `/theme` (expected an integer). `{ \"theme\": 2 }` passes.",
    },
    params: &[],
};

pub static REQUIRED: RuleMeta = RuleMeta {
    id: "schema.required",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Structural members the schema requires are present.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports members the schema itself requires: `measures` in a programme, `text` in an implementation step or a progress note, `number` in a theme. The measure's own required fields (lead body, schedule, status, title) have their own rules, which a rule set can tune.",
        why: "Without them the document cannot be read as what it claims to be.",
        example: "```json\n{ \"steps\": [ { \"number\": 1 } ] }\n```\nfails at `/steps/0/text`.",
    },
    params: &[],
};

pub static UNKNOWN_FIELD: RuleMeta = RuleMeta {
    id: "schema.unknown-field",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "No field the schema does not know (usually a typo).",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports members that the schema does not define, with the closest known field name as a suggestion.",
        why: "A misspelt field (`leadbody`, `partner`) is silently ignored by every consumer, and the real field then looks missing.",
        example: "```json\n{ \"leadbody\": \"SM\" }\n```\nwarns at `/leadbody`: did you mean `leadBody`?",
    },
    params: &[],
};

pub static VALUE: RuleMeta = RuleMeta {
    id: "schema.value",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Values are within the schema's limits.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks the schema's bounds: theme numbers 1-8, step numbers 1-100, text lengths (10,000 characters for text, 500 for schedule text, 200 for an organisation), list lengths (200 partners, 100 steps, 10,000 measures) and enumerations.",
        why: "The limits are explicit so that no input can make a form or a CI job slow or run out of memory, and so that an out-of-range theme is caught where it is typed.",
        example: "```json\n{ \"theme\": 9 }\n```\nfails at `/theme` (at most 8).",
    },
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

pub(crate) fn check_measure_shape<D: Doc>(cx: &mut Cx<'_>, v: &D) {
    check(cx, tables::MEASURE, v, &mut At::default());
}

/// The programme's own members, then each measure (the measures beyond the schema's
/// `maxItems`, which is reported, are not read).
pub(crate) fn check_programme_shape<D: Doc>(cx: &mut Cx<'_>, v: &D, measures: &[D]) {
    let mut at = At::default();
    check(cx, tables::PROGRAMME, v, &mut at);
    for (i, m) in measures.iter().enumerate() {
        at.0.extend([Step::Key("measures"), Step::Index(i)]);
        check(cx, tables::MEASURE, m, &mut at);
        at.0.clear();
    }
}

/// Where the walk is: the keys and indices from the root. Its JSON Pointer is written only
/// for a finding; writing it at every value, escaped, was a sixth of a clean measure's check.
#[derive(Default)]
struct At<'d>(Vec<Step<'d>>);

#[derive(Clone, Copy)]
enum Step<'d> {
    Key(&'d str),
    Index(usize),
}

impl At<'_> {
    fn pointer(&self) -> String {
        let mut p = String::with_capacity(32);
        for step in &self.0 {
            p.push('/');
            match *step {
                Step::Key(k) => p.push_str(&crate::text::escape_pointer_token(k)),
                Step::Index(i) => crate::text::push_index(&mut p, i),
            }
        }
        p
    }
}

/// The type bit of a value; a number with no fraction is an integer, as in JSON Schema.
#[inline(always)]
fn type_bit<D: Doc>(v: &View<'_, D>) -> u8 {
    match v {
        View::Null => 1,
        View::Bool(_) => 2,
        View::Number(n) if n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0) => 4,
        View::Number(_) => 8,
        View::String(_) => 16,
        View::Array(_) => 32,
        View::Object(_) => 64,
    }
}

/// Walks `v` with schema node `n`, reporting every violation, as a JSON Schema validator
/// collecting all errors does: each keyword applies on its own to the values it is about
/// (`-0.5` for an integer with `minimum: 1` breaks both). The depth is bounded by the
/// document's (the parser refuses deeper input).
///
/// `at` is where the value is, its keys and indices pushed as the walk goes down and popped on
/// the way up; its JSON Pointer is written only when something is reported.
fn check<'d, D: Doc>(cx: &mut Cx<'_>, n: usize, v: &'d D, at: &mut At<'d>) {
    let Some(node) = tables::NODES.get(n) else { return };
    for r in node.refs {
        check(cx, *r, v, at);
    }
    let view = v.view();
    let bit = type_bit(&view);
    // An integer is also a number.
    let ok = node.types == 0 || node.types & bit != 0 || (bit == 4 && node.types & 8 != 0);
    if !ok {
        // Joined as they are made: a `join` of `String`s was a second copy of std's join in the
        // wasm (952 bytes before wasm-opt), beside the one of `&str`s the other messages use.
        let or = cx.phrase("joiner/or");
        let mut expected = String::new();
        for (i, t) in TYPE_NAMES.iter().enumerate() {
            if node.types & (1 << i) != 0 {
                if !expected.is_empty() {
                    expected.push_str(&or);
                }
                expected.push_str(&cx.phrase(&format!("type/{t}")));
            }
        }
        let pending = cx.report(&TYPE, || at.pointer()).param("expected", expected);
        // A document that is not an object is most often a bare list of measures, as a
        // spreadsheet export writes it: its message names the two shapes a document has.
        if at.0.is_empty() {
            pending.variant("root").emit();
        } else {
            pending.emit();
        }
    }
    // Every date the schemas define (a schedule's, `updated`, a progress note's, a
    // programme's period) is read here once, under the rule that is about dates.
    if n == tables::DATE {
        if let View::String(s) = &view {
            super::schedule::date(cx, s, || at.pointer());
        }
    }
    match view {
        View::Number(num) => {
            let x = num.as_f64().unwrap_or(0.0);
            // The limits are whole numbers, which f64 holds exactly.
            if let Some(min) = node.minimum.filter(|m| x < *m as f64) {
                cx.report(&VALUE, || at.pointer())
                    .variant("minimum")
                    .param("limit", min.to_string())
                    .emit();
            }
            if let Some(max) = node.maximum.filter(|m| x > *m as f64) {
                cx.report(&VALUE, || at.pointer())
                    .variant("maximum")
                    .param("limit", max.to_string())
                    .emit();
            }
        }
        View::String(s) if node.max_length.is_some() || node.min_length.is_some() => {
            // Counting characters decodes the text; a text of at most `max_length` bytes
            // and at least `min_length` characters' worth of bytes needs no count, and
            // titles and notes run to hundreds of bytes.
            let bytes = s.len() as u64;
            let fits_max = node.max_length.is_none_or(|m| bytes <= m);
            let fits_min = node.min_length.is_none_or(|m| bytes >= m.saturating_mul(4));
            if !(fits_max && fits_min) {
                let len = s.chars().count() as u64;
                bounds(
                    cx,
                    at,
                    len,
                    (node.min_length, node.max_length),
                    ("min-length", "max-length"),
                );
            }
        }
        View::Array(list) => {
            let len = list.len() as u64;
            bounds(
                cx,
                at,
                len,
                (node.min_items, node.max_items),
                ("min-items", "max-items"),
            );
            if let Some(items) = node.items {
                for (i, x) in list.iter().enumerate() {
                    at.0.push(Step::Index(i));
                    check(cx, items, x, at);
                    at.0.pop();
                }
            }
        }
        View::Object(members) => {
            for name in node.required {
                if members.get(name).is_none() {
                    cx.report(&REQUIRED, || child(&at.pointer(), name))
                        .param("field", *name)
                        .emit();
                }
            }
            for (name, x) in members.members() {
                // The lengths first, in line: the browser's build (at opt-level "z") calls out
                // for each comparison of two `&str`s, and most names differ in length.
                match node
                    .properties
                    .iter()
                    .find(|(p, _)| p.len() == name.len() && *p == name)
                {
                    Some((_, sub)) => {
                        at.0.push(Step::Key(name));
                        check(cx, *sub, x, at);
                        at.0.pop();
                    }
                    None if node.closed => {
                        let pending = cx
                            .report(&UNKNOWN_FIELD, || child(&at.pointer(), name))
                            .param("field", name);
                        // A name the schemas define elsewhere ("measures" in a measure) is no
                        // suggestion for itself: it was "Did you mean measures?".
                        let suggestion = if pending.listed() {
                            closest(name, &mut KNOWN_FIELDS.iter().copied()).filter(|s| *s != name)
                        } else {
                            None
                        };
                        match suggestion {
                            Some(s) => pending.variant("suggest").param("suggestion", s).emit(),
                            None => pending.emit(),
                        }
                    }
                    None => {}
                }
            }
        }
        View::Null | View::Bool(_) | View::String(_) => {}
    }
}

/// `maxLength`/`minLength` and `maxItems`/`minItems`: a length against its bounds, each
/// reported with its own message variant.
fn bounds(
    cx: &mut Cx<'_>,
    at: &At<'_>,
    len: u64,
    (min, max): (Option<u64>, Option<u64>),
    (min_variant, max_variant): (&'static str, &'static str),
) {
    if let Some(max) = max.filter(|m| len > *m) {
        cx.report(&VALUE, || at.pointer())
            .variant(max_variant)
            .param("limit", max.to_string())
            .param("count", len.to_string())
            .emit();
    }
    if let Some(min) = min.filter(|m| len < *m) {
        cx.report(&VALUE, || at.pointer())
            .variant(min_variant)
            .param("limit", min.to_string())
            .emit();
    }
}
