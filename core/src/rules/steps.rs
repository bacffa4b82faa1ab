//! The implementation steps as a list: each has its own number.

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, item, Cx};
use crate::finding::Severity;

pub static DUPLICATE_NUMBER: RuleMeta = RuleMeta {
    id: "steps.duplicate-number",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "Each implementation step has its own number.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports a step whose `number` an earlier step of the same measure already has. Numbers outside 1-100 are `schema.value`'s.",
        why: "Follow-up cites steps by number (\"vaihe 2 on valmis\"); two steps with one number make that ambiguous, and a form that adds a step by copying the last one repeats its number.",
        example: "```json\n{ \"steps\": [ { \"number\": 1, \"text\": { \"fi\": \"Selvitys\" } }, { \"number\": 1, \"text\": { \"fi\": \"Toimeenpano\" } } ] }\n```\nwarns at `/steps/1/number`.",
    },
    params: &[],
};

/// The highest step number the schema allows.
const MAX_NUMBER: usize = 100;

pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str) {
    if !cx.on(&DUPLICATE_NUMBER) {
        return;
    }
    let Some(steps) = m.get("steps").and_then(Doc::as_array) else {
        return;
    };
    // For each number the schema allows, the place of the first step with it (from 1; 0 for
    // none): a fixed table, since a measure's steps are numbered 1 to 100.
    let mut first = [0usize; MAX_NUMBER + 1];
    for (i, step) in steps.iter().enumerate() {
        let number = match step.get("number").map(Doc::view) {
            Some(View::Number(n)) => n.as_u64(),
            _ => None,
        };
        let Some((n, slot)) = number
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=MAX_NUMBER).contains(n))
            .and_then(|n| Some((n, first.get_mut(n)?)))
        else {
            continue;
        };
        if *slot == 0 {
            *slot = i + 1;
            continue;
        }
        let earlier = *slot;
        cx.report(&DUPLICATE_NUMBER, || child(&item(&child(base, "steps"), i), "number"))
            .param("value", n.to_string())
            .param("first", earlier.to_string())
            .emit();
    }
}
