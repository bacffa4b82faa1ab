//! The measure number and its theme.

use serde_json::Value;

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, Change, Cx};
use crate::finding::Severity;
use crate::measure_id::MeasureId;

pub static FORMAT: RuleMeta = RuleMeta {
    id: "id.format",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The measure has a number of the form theme.number, with an optional letter part.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `id` is present and reads as a measure number: a theme 1-8, a dot, a number, and optionally a letter part (`2.14`, `2.6a`). The published forms `2.6. a)`, `4.3. b.`, `1.1.` and `2.6 b)` are recognised, and so is a decimal comma (`2,6`), as Finnish and Swedish write the point.",
        why: "The number is how measures are cited in decisions, reports and other measures; a measure without one cannot be followed up.",
        example: "```json\n{ \"id\": \"toimenpide 2\" }\n```\nfails. `{ \"id\": \"2.6a\" }` passes.",
    },
    params: &[],
};

pub static CANONICAL: RuleMeta = RuleMeta {
    id: "id.canonical",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "The measure number is written in its canonical form.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "When `id` is a recognised published form such as `2.6. a)` or `1.1.`, or is written with a decimal comma (`2,6a`), suggests the canonical form (`2.6a`, `1.1`) as a fix.",
        why: "Two spellings of the same number defeat duplicate detection, cross-references and joins between systems.",
        example: "```json\n{ \"id\": \"4.3. b.\" }\n```\nwarns with the fix `4.3b`.",
    },
    params: &[],
};

pub static THEME: RuleMeta = RuleMeta {
    id: "id.theme",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The theme agrees with the measure number.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `theme` is given and equals the first number of `id` (measure `2.6a` belongs to theme 2).",
        why:
            "Reports and the programme view group measures by theme; a disagreement puts a measure in the wrong group.",
        example: "```json\n{ \"id\": \"2.6a\", \"theme\": 3 }\n```\nfails with the fix `2`.",
    },
    params: &[],
};

pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str) {
    // Pointers are built only for a finding: most measures have none here.
    let id_path = || child(base, "id");
    let written = match m.get("id").map(Doc::view) {
        None | Some(View::Null) => {
            cx.report(&FORMAT, id_path).variant("missing").emit();
            return;
        }
        Some(View::String(s)) if s.trim().is_empty() => {
            cx.report(&FORMAT, id_path).variant("missing").emit();
            return;
        }
        Some(View::String(s)) => s,
        // Wrong type: schema.type has said so.
        Some(_) => return,
    };
    let Some(id) = MeasureId::parse(written) else {
        cx.report(&FORMAT, id_path).param("value", written).emit();
        return;
    };
    if !(1..=8).contains(&id.theme) {
        cx.report(&FORMAT, id_path)
            .variant("theme-range")
            .param("value", written)
            .emit();
        return;
    }
    let canonical = id.canonical();
    if written != canonical {
        cx.report(&CANONICAL, id_path)
            .param("value", written)
            .param("canonical", canonical.as_str())
            .fix(Change::Replace(Value::String(canonical.clone())))
            .emit();
    }
    let theme_path = || child(base, "theme");
    match m.get("theme").map(Doc::view) {
        None | Some(View::Null) => cx
            .report(&THEME, theme_path)
            .variant("missing")
            .param("id", canonical.as_str())
            .param("idTheme", id.theme.to_string())
            .fix(Change::Add(Value::from(id.theme)))
            .emit(),
        // A fraction such as 2.5 is schema.type's finding; 2.0 is the integer 2, as in the
        // schema, and is written as one (which also keeps float printing out of the wasm). A
        // whole number a double does not hold exactly (1e23) is only schema.value's: as an
        // `i64` it would be named as a number other than the one written.
        Some(View::Number(n)) => {
            let Some(theme) = n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0)
                    .map(|f| f as i64)
            }) else {
                return;
            };
            if theme != i64::from(id.theme) {
                cx.report(&THEME, theme_path)
                    .param("id", canonical.as_str())
                    .param("idTheme", id.theme.to_string())
                    .param("theme", theme.to_string())
                    .fix(Change::Replace(Value::from(id.theme)))
                    .emit();
            }
        }
        Some(_) => {}
    }
}
