//! Who is responsible: the lead body and the partners, resolved against the registry.

use std::borrow::Cow;

use serde_json::Value;

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{ParamKind, ParamSpec, RuleMeta, Scope};
use crate::context::{child, item, Change, Cx};
use crate::finding::Severity;
use crate::registry::Resolution;
use crate::rules::{FirstByKey, Level};
use crate::text::fold;

pub static LEAD_REQUIRED: RuleMeta = RuleMeta {
    id: "lead-body.required",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The measure has a lead body.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `leadBody` is given and not blank.",
        why: "Every measure of the programme has one accountable lead (päävastuutaho); without it nobody answers for the measure in follow-up.",
        example: "```json\n{ \"id\": \"2.1\", \"partners\": [\"HKO\"] }\n```\nfails at `/leadBody`. `{ \"leadBody\": \"SM\" }` passes.",
    },
    params: &[],
};

pub static LEAD_UNKNOWN: RuleMeta = RuleMeta {
    id: "lead-body.unknown",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The lead body is in the organisation registry.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Resolves `leadBody` (and a step's own lead) against the registry by code, alias, full name in any language, or `PARENT/CODE` path, ignoring case; each name of a joint lead on its own (`lead-body.joint`). When it is not found, suggests the closest registered name (as the fix, unless the name is one of several in one text, which the code alone would replace).",
        why: "Follow-up is reported per organisation; a lead that is not in the registry is counted nowhere, and a typo (`HÄK`) is easy to fix when the form suggests `HÄKE`.",
        example: "```json\n{ \"leadBody\": \"Sisäministeri\" }\n```\nfails: did you mean SM (Sisäministeriö)?",
    },
    params: &[],
};

pub static LEAD_JOINT: RuleMeta = RuleMeta {
    id: "lead-body.joint",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "The measure has a single lead body.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Warns when `leadBody` names more than one organisation: a list (`[\"SM\", \"TEM\"]`), or a text of names separated by commas as the programme prints a joint lead (`\"SM, TEM\"`), which is read at its commas unless it is one registered name (a comma after a hyphen is inside a name: `Elinkeino-, liikenne- ja ympäristökeskukset`). A joint lead can be written, since the programme has them (measure 5.1), but it is the exception.",
        why: "Joint accountability tends to mean no accountability; the warning asks the author to confirm it or name one lead and make the other a partner.",
        example: "```json\n{ \"leadBody\": [\"SM\", \"TEM\"] }\n```\nwarns. `{ \"leadBody\": \"SM\", \"partners\": [\"TEM\"] }` passes.",
    },
    params: &[],
};

pub static PARTNERS_REQUIRED: RuleMeta = RuleMeta {
    id: "partners.required",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "The measure names at least the required number of partners.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `partners` has at least `min` entries (1 by default).",
        why: "The strategy's measures are carried out in broad cooperation: each names the bodies it is carried out with (muut vastuutahot). A measure without partners is either a lone effort or missing data. It is a warning by default because the published programme has such measures.",
        example: "```json\n{ \"leadBody\": \"SM\", \"partners\": [] }\n```\nwarns at `/partners`.",
    },
    params: &[ParamSpec { name: "min", kind: ParamKind::Count, default: "1", doc: "Minimum number of partners." }],
};

pub static PARTNERS_UNKNOWN: RuleMeta = RuleMeta {
    id: "partners.unknown",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "Each partner is in the organisation registry.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Resolves each entry of `partners` as `lead-body.unknown` does, with a suggestion for near misses.",
        why: "As for the lead: unregistered partners are invisible in follow-up. A rule set can add an organisation's own bodies to the registry.",
        example: "```json\n{ \"partners\": [\"Tuli\"] }\n```\nfails at `/partners/0`: did you mean Tulli?",
    },
    params: &[],
};

pub static PARTNERS_DUPLICATE: RuleMeta = RuleMeta {
    id: "partners.duplicate",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "No partner is named twice.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports a partner that resolves to the same organisation as an earlier one, after alias resolution (`POHA` and `Poliisihallitus` are one body), with a fix that removes the repeat.",
        why: "Repeats inflate partner counts and make the list harder to read.",
        example: "```json\n{ \"partners\": [\"POHA\", \"Poliisihallitus\"] }\n```\nwarns at `/partners/1`.",
    },
    params: &[],
};

pub static PARTNERS_INCLUDES_LEAD: RuleMeta = RuleMeta {
    id: "partners.includes-lead",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "The lead body is not also listed as a partner.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports a partner that resolves to the lead body.",
        why: "Partners are the other responsible bodies; listing the lead among them double-counts it.",
        example: "```json\n{ \"leadBody\": \"SM\", \"partners\": [\"sisäministeriö\", \"OM\"] }\n```\nwarns at `/partners/0`.",
    },
    params: &[],
};

pub static ALIAS: RuleMeta = RuleMeta {
    id: "organisation.alias",
    severity: Severity::Info,
    scope: Scope::Measure,
    summary: "Organisations are written as their registry code.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "When a lead body or partner is written as a full name, alias or `PARENT/CODE` path (`Poliisihallitus`, `SM/PO`), offers the registry code as a fix (and names it, without a fix, for one of the names of a joint lead written as one text, `\"sisäministeriö, TEM\"`, which the code alone would replace).",
        why: "Codes are stable across languages and spellings; names are for people, and the form shows them.",
        example: "```json\n{ \"leadBody\": \"Sisäministeriö\" }\n```\ngives the fix `SM`.",
    },
    params: &[],
};

pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str, level: Level) {
    // Pointers are built only for findings, and registry codes are borrowed, not copied:
    // a clean measure's organisations then cost no allocation here.
    let lead_path = || child(base, "leadBody");
    // Each lead as written, with where it is: its index when the lead body is a list.
    let mut leads: Vec<(Written, &str)> = Vec::new();
    let view = m.get("leadBody").map(Doc::view);
    // A joint lead written as one text, "SM, TEM" (`Registry::listed`).
    let listed = match view {
        Some(View::String(s)) => cx.engine.registry.listed(s),
        _ => None,
    };
    match (view, listed) {
        (_, Some(names)) => {
            // Commas alone name no one.
            if names.is_empty() && level == Level::Measure {
                cx.report(&LEAD_REQUIRED, lead_path).emit();
            }
            leads.extend(names.into_iter().map(|name| (Written::Part, name)));
        }
        (Some(View::String(s)), None) if !s.trim().is_empty() => leads.push((Written::Whole, s)),
        (Some(View::Array(list)), None) => {
            for (i, v) in list.iter().enumerate() {
                if let Some(s) = v.as_str() {
                    leads.push((Written::Item(i), s));
                }
            }
        }
        (None | Some(View::Null | View::String(_)), None) => {
            if level == Level::Measure {
                cx.report(&LEAD_REQUIRED, lead_path).emit();
            }
        }
        (Some(_), None) => {}
    }
    if leads.len() > 1 {
        let codes: Vec<&str> = leads.iter().map(|(_, s)| *s).collect();
        cx.report(&LEAD_JOINT, lead_path)
            .param("count", leads.len().to_string())
            .param("codes", codes.join(", "))
            .emit();
    }
    // The key of every lead and partner, in that order: a partner's index, or `None` for a
    // lead; the name as written; the key it resolves to.
    let mut keys: Vec<(Option<usize>, &str, Cow<'_, str>)> = Vec::new();
    for &(at, written) in &leads {
        let path = || match at {
            Written::Item(i) => item(&lead_path(), i),
            Written::Whole | Written::Part => lead_path(),
        };
        // A code as the fix would replace the whole text, and the other leads in it with it.
        keys.push((
            None,
            written,
            resolve(cx, &LEAD_UNKNOWN, &path, written, !matches!(at, Written::Part)),
        ));
    }

    let partners_path = || child(base, "partners");
    let partners = match m.get("partners").map(Doc::view) {
        Some(View::Array(list)) => Some(list),
        None | Some(View::Null) => None,
        Some(_) => return,
    };
    if level == Level::Measure {
        let min = cx.engine.config.min_partners;
        let count = partners.map_or(0, <[D]>::len);
        if (count as u64) < min {
            cx.report(&PARTNERS_REQUIRED, partners_path)
                .param("count", count.to_string())
                .param("min", min.to_string())
                .emit();
        }
    }
    for (i, v) in partners.into_iter().flatten().enumerate() {
        let Some(written) = v.as_str() else { continue };
        let key = resolve(cx, &PARTNERS_UNKNOWN, &|| item(&partners_path(), i), written, true);
        if !key.is_empty() {
            keys.push((Some(i), written, key));
        }
    }
    #[derive(Clone, Copy)]
    enum First {
        Lead,
        Partner(usize),
    }
    let first_of = |partner: &Option<usize>| partner.map_or(First::Lead, First::Partner);
    // A real measure's handful is searched from the start, which spares it the index's two
    // allocations and its sort; past that, the index, or a million keys (within the size
    // limit) would take a million squared steps.
    let mut index =
        (keys.len() > SEARCHED_FROM_THE_START).then(|| FirstByKey::new(keys.iter().map(|(_, _, k)| k.as_ref())));
    for (j, (partner, written, key)) in keys.iter().enumerate() {
        let seen = match &mut index {
            None => keys
                .get(..j)
                .and_then(|before| before.iter().find(|(_, _, k)| k == key))
                .map(|(p, _, _)| first_of(p)),
            Some(index) => index.first(key, first_of(partner)),
        };
        // A lead is compared with, never reported.
        let Some(i) = partner else { continue };
        let (rule, first) = match seen {
            None => continue,
            Some(First::Lead) => (&PARTNERS_INCLUDES_LEAD, None),
            Some(First::Partner(f)) => (&PARTNERS_DUPLICATE, Some(f + 1)),
        };
        let pending = cx.report(rule, || item(&partners_path(), *i)).param("value", *written);
        match first {
            Some(f) => pending.param("first", f.to_string()),
            None => pending,
        }
        .fix(Change::Remove)
        .emit();
    }
}

/// Where a lead is written: the whole `leadBody` text, one of the names in it, or an item of
/// its list.
#[derive(Clone, Copy)]
enum Written {
    Whole,
    Part,
    Item(usize),
}

/// Leads and partners of a measure compared each with those before it, without an index.
const SEARCHED_FROM_THE_START: usize = 16;

/// Resolves one written name, reporting unknown names and aliases; returns the key for
/// comparing leads and partners: its registry code (borrowed from the engine's registry),
/// or the folded text of an unknown one, or empty for an empty one.
///
/// `path` makes the pointer, which only a finding needs (a `dyn`, so that the lead's and the
/// partners' calls share one copy of this in the wasm); `fix` is whether the code may replace
/// the value there.
fn resolve<'e>(
    cx: &mut Cx<'e>,
    unknown_rule: &'static RuleMeta,
    path: &dyn Fn() -> String,
    written: &str,
    fix: bool,
) -> Cow<'e, str> {
    if written.trim().is_empty() {
        cx.report(unknown_rule, path).variant("empty").emit();
        return Cow::Borrowed("");
    }
    let lang = cx.lang;
    let engine = cx.engine;
    match engine.registry.resolve(written) {
        Resolution::Code(org) => Cow::Borrowed(&org.code),
        Resolution::Alias(org) => {
            let (code, name) = (org.code.clone(), org.name.get(lang).to_string());
            let mut pending = cx.report(&ALIAS, path);
            // The name itself, written out, is not "a name of" itself.
            if fold(written) == fold(&name) {
                pending = pending.variant("name");
            }
            let mut pending = pending
                .param("value", written)
                .param("code", code.as_str())
                .param("name", name);
            if fix {
                pending = pending.fix(Change::Replace(Value::String(code)));
            }
            pending.emit();
            Cow::Borrowed(&org.code)
        }
        Resolution::Unknown => {
            let pending = cx.report(unknown_rule, path).param("value", written);
            // "Did you mean" compares with every registered name: only for a listed finding.
            match pending.listed().then(|| engine.registry.suggest(written)).flatten() {
                Some(org) => {
                    // "Tulli (Tulli)" says the name twice: the code alone when it is the name.
                    let same = org.name.get(lang) == org.code;
                    let mut pending = pending
                        .variant(if same { "suggest-code" } else { "suggest" })
                        .param("suggestion", org.code.as_str())
                        .param("suggestionName", org.name.get(lang));
                    if fix {
                        pending = pending.fix(Change::Replace(Value::String(org.code.clone())));
                    }
                    pending.emit();
                }
                None => pending.emit(),
            }
            Cow::Owned(fold(written))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{CheckOptions, Engine, Lang};

    type Res = Result<(), Box<dyn std::error::Error>>;

    fn en() -> CheckOptions {
        CheckOptions {
            lang: Lang::En,
            ..CheckOptions::default()
        }
    }

    #[test]
    fn a_repeat_names_the_first_of_its_kind_and_a_lead_is_never_a_repeat() -> Res {
        let partners = ["POHA", "Tuli", "zz", "HKO", "poha", "zz", "ZZ", "sm", "ZZ LEAD"];
        // Short lists are searched from the start, long ones through an index: padded
        // with other names past the threshold, the list must give the same findings.
        for pad in [0, super::SEARCHED_FROM_THE_START] {
            let padded: Vec<String> = partners
                .iter()
                .map(|p| p.to_string())
                .chain((0..pad).map(|i| format!("pad {i}")))
                .collect();
            let measure = serde_json::json!({"leadBody": ["SM", "zz lead"], "partners": padded});
            let report = Engine::new()?.check_measure(&measure, &en());
            let found: Vec<(&str, &str, Option<&str>)> = report
                .findings
                .iter()
                .filter(|f| {
                    f.rule.starts_with("partners.") && !f.params.get("value").is_some_and(|v| v.starts_with("pad "))
                })
                .map(|f| {
                    (
                        f.rule.as_str(),
                        f.path.as_str(),
                        f.params.get("first").map(String::as_str),
                    )
                })
                .collect();
            assert_eq!(
                found,
                [
                    ("partners.unknown", "/partners/1", None),
                    ("partners.unknown", "/partners/2", None),
                    ("partners.duplicate", "/partners/4", Some("1")),
                    ("partners.duplicate", "/partners/5", Some("3")),
                    ("partners.unknown", "/partners/5", None),
                    ("partners.duplicate", "/partners/6", Some("3")),
                    ("partners.unknown", "/partners/6", None),
                    ("partners.includes-lead", "/partners/7", None),
                    ("partners.includes-lead", "/partners/8", None),
                    ("partners.unknown", "/partners/8", None),
                ],
                "with {pad} more"
            );
        }
        Ok(())
    }

    #[test]
    fn a_name_is_not_said_twice() -> Res {
        let engine = Engine::new()?;
        let message = |lead: &str, partner: &str, lang: Lang| -> Vec<String> {
            let measure = serde_json::json!({"id": "2.1", "leadBody": lead, "partners": [partner]});
            let opts = CheckOptions { lang, ..en() };
            let report = engine.check_measure(&measure, &opts);
            report
                .findings
                .into_iter()
                .filter(|f| f.rule == "organisation.alias" || f.rule.ends_with(".unknown"))
                .map(|f| f.message)
                .collect()
        };
        // The registered name itself, and another of its names.
        assert_eq!(
            message("Rajavartiolaitos", "PO", Lang::Fi),
            ["Tahon Rajavartiolaitos koodi on RVL."]
        );
        assert_eq!(
            message("Gränsbevakningsväsendet", "PO", Lang::Fi),
            ["Gränsbevakningsväsendet tarkoittaa tahoa Rajavartiolaitos, jonka koodi on RVL."]
        );
        // A suggestion whose name is its code is named once.
        assert_eq!(
            message("SM", "Tuli", Lang::Fi),
            ["Muuta vastuutahoa Tuli ei löydy organisaatiorekisteristä. Tarkoititko tahoa Tulli?"]
        );
        assert_eq!(
            message("SM", "Tuli", Lang::En),
            ["The partner Tuli is not in the organisation registry. Did you mean Tulli (Finnish Customs)?"]
        );
        assert_eq!(
            message("Sisäministeriöö", "PO", Lang::Sv),
            ["Huvudansvarig Sisäministeriöö finns inte i organisationsregistret. Menade du SM (Inrikesministeriet)?"]
        );
        Ok(())
    }

    #[test]
    fn listed_findings_keep_their_suggestion_past_the_limit() -> Res {
        use crate::limits::MAX_FINDINGS_PER_SEVERITY as MAX;
        let partners = vec!["Tuli"; usize::try_from(MAX)? + 5];
        let measure = serde_json::json!({"leadBody": "SM", "partners": partners});
        let report = Engine::new()?.check_measure(&measure, &en());
        // The measure's other errors (no id, no title, …), from rules that run first.
        let others = report
            .findings
            .iter()
            .filter(|f| f.severity == crate::Severity::Error && f.rule != "partners.unknown")
            .count();
        assert!(others > 0);
        let suggested = report
            .findings
            .iter()
            .filter(|f| f.rule == "partners.unknown" && f.params.get("suggestion").map(String::as_str) == Some("Tulli"))
            .count();
        // Every listed error, and the listed ones all say "did you mean".
        assert_eq!(suggested + others, usize::try_from(MAX)?);
        assert!(report.summary.error > MAX);
        Ok(())
    }

    #[test]
    fn a_lead_text_of_several_names_is_read_at_its_commas_and_its_names_get_no_fix() -> Res {
        let engine = Engine::new()?;
        let findings = |lead: &str| -> Vec<(String, Option<String>, String, bool)> {
            let measure = serde_json::json!({"id": "2.1", "leadBody": lead, "partners": ["OM"]});
            let report = engine.check_measure(&measure, &en());
            report
                .findings
                .into_iter()
                .filter(|f| f.path == "/leadBody")
                .map(|f| {
                    (
                        f.rule.to_string(),
                        f.params.get("codes").or(f.params.get("value")).cloned(),
                        f.message,
                        f.fix.is_some(),
                    )
                })
                .collect()
        };
        // The code of one name would replace the whole text, TEM and all: no fix.
        assert_eq!(
            findings("sisäministeriö, TEM"),
            [
                (
                    "lead-body.joint".into(),
                    Some("sisäministeriö, TEM".into()),
                    "The measure has 2 lead bodies (sisäministeriö, TEM); one lead is the rule.".into(),
                    false
                ),
                (
                    "organisation.alias".into(),
                    Some("sisäministeriö".into()),
                    "sisäministeriö is a name of Ministry of the Interior; its code is SM.".into(),
                    false
                ),
            ]
        );
        let typo = findings("Sisäministeri,TEM");
        assert_eq!(
            typo.get(1).map(|f| (f.0.as_str(), f.3)),
            Some(("lead-body.unknown", false))
        );
        assert!(typo.get(1).is_some_and(|f| f.2.contains("Did you mean SM")), "{typo:?}");
        // One name, written whole, keeps its fix; so does a registered name with commas in it.
        assert_eq!(findings("sisäministeriö").first().map(|f| f.3), Some(true));
        let ely = findings("Elinkeino-, liikenne- ja ympäristökeskukset");
        assert_eq!(
            ely.iter().map(|f| (f.0.as_str(), f.3)).collect::<Vec<_>>(),
            [("organisation.alias", true)]
        );
        // A name the registry does not know, with a hyphen before its comma, stays one name.
        let unknown = findings("SM, Esimerkki-, koe- ja testikeskus");
        assert_eq!(
            unknown.first().and_then(|f| f.1.as_deref()),
            Some("SM, Esimerkki-, koe- ja testikeskus")
        );
        assert_eq!(
            unknown.get(1).and_then(|f| f.1.as_deref()),
            Some("Esimerkki-, koe- ja testikeskus")
        );
        Ok(())
    }
}
