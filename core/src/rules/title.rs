//! The measure's title in the languages the rule set requires.

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{ParamKind, ParamSpec, RuleMeta, Scope};
use crate::context::{child, Cx};
use crate::finding::Severity;
use crate::lang::Lang;

pub static REQUIRED: RuleMeta = RuleMeta {
    id: "title.required",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The measure has a title in each required language.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `title` has non-blank text in every language of the `languages` parameter (Finnish only by default). Each missing language is reported at its own field (`/title/sv`), so a form shows it next to that input.",
        why: "The title is the measure itself (Toimenpide); programmes are published in Finnish, and a ministry may also require Swedish, Finland's other official language.",
        example: "With `{\"languages\": [\"fi\", \"sv\"]}`,\n```json\n{ \"title\": { \"fi\": \"Varmistetaan viranomaisten resurssisuunnittelu.\" } }\n```\nfails at `/title/sv`.",
    },
    params: &[ParamSpec {
        name: "languages",
        kind: ParamKind::Languages,
        default: "[\"fi\"]",
        doc: "Languages in which the title must be given (`fi`, `sv`, `en`).",
    }],
};

pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str) {
    if !cx.on(&REQUIRED) {
        return;
    }
    let title = match m.get("title").map(Doc::view) {
        None | Some(View::Null) => None,
        Some(View::Object(t)) => Some(t),
        Some(_) => return,
    };
    // A language given as something other than text is there: `schema.type` reports it.
    let present = |lang: &Lang| {
        title.and_then(|t| t.get(lang.code())).is_some_and(|v| match v.view() {
            View::String(s) => !s.trim().is_empty(),
            View::Null => false,
            _ => true,
        })
    };
    // Usually empty, so a complete title costs no allocation.
    let missing: Vec<Lang> = cx
        .engine
        .config
        .title_languages
        .iter()
        .filter(|l| !present(l))
        .copied()
        .collect();
    for lang in missing {
        let language = cx.phrase(&format!("lang/{}", lang.code()));
        cx.report(&REQUIRED, || child(&child(base, "title"), lang.code()))
            .param("language", language)
            .emit();
    }
}
