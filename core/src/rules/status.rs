//! Where the work stands, and whether that agrees with the schedule.

use serde_json::Value;

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{ParamKind, ParamSpec, RuleMeta, Scope};
use crate::context::{child, Change, Cx};
use crate::finding::Severity;
use crate::rules::schedule::effective;
use crate::rules::Level;
use crate::text::{closest, fold};

/// The status codes, in the order a form lists them.
pub const STATUSES: [&str; 7] = [
    "planned",
    "in-progress",
    "continuous",
    "completed",
    "delayed",
    "suspended",
    "cancelled",
];

/// Status words people type in the three languages, for "did you mean".
const SYNONYMS: &[(&str, &str)] = &[
    ("suunniteltu", "planned"),
    ("suunnitteilla", "planned"),
    ("planerad", "planned"),
    ("planned", "planned"),
    ("käynnissä", "in-progress"),
    ("käynnistynyt", "in-progress"),
    ("pågår", "in-progress"),
    ("pågående", "in-progress"),
    ("ongoing", "in-progress"),
    ("in progress", "in-progress"),
    ("started", "in-progress"),
    ("jatkuva", "continuous"),
    ("jatkuvaa toimintaa", "continuous"),
    ("fortlöpande", "continuous"),
    ("valmis", "completed"),
    ("valmistunut", "completed"),
    ("toteutettu", "completed"),
    ("slutförd", "completed"),
    ("klar", "completed"),
    ("done", "completed"),
    ("complete", "completed"),
    ("finished", "completed"),
    ("viivästynyt", "delayed"),
    ("myöhässä", "delayed"),
    ("försenad", "delayed"),
    ("late", "delayed"),
    ("keskeytetty", "suspended"),
    ("avbruten", "suspended"),
    ("paused", "suspended"),
    ("on hold", "suspended"),
    ("peruttu", "cancelled"),
    ("peruutettu", "cancelled"),
    ("inställd", "cancelled"),
    ("canceled", "cancelled"),
];

pub static REQUIRED: RuleMeta = RuleMeta {
    id: "status.required",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The measure has a status.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `status` is given.",
        why: "The status is what follow-up reports; a measure without one cannot be counted as planned, under way or done.",
        example: "```json\n{ \"id\": \"2.1\" }\n```\nfails at `/status`.",
    },
    params: &[],
};

pub static INVALID: RuleMeta = RuleMeta {
    id: "status.invalid",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The status is one of the allowed codes.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `status` (and a step's status) is one of the codes the rule set allows: by default `planned`, `in-progress`, `continuous`, `completed`, `delayed`, `suspended`, `cancelled`. A Finnish, Swedish or English status word (`käynnissä`, `pågår`, `done`) gets the code as a fix.",
        why: "Codes are what reports count and what every form's status picker offers; free text cannot be counted.",
        example: "```json\n{ \"status\": \"käynnissä\" }\n```\nfails with the fix `in-progress`.",
    },
    params: &[ParamSpec {
        name: "allowed",
        kind: ParamKind::Statuses,
        default: "[\"planned\", \"in-progress\", \"continuous\", \"completed\", \"delayed\", \"suspended\", \"cancelled\"]",
        doc: "Status codes a measure may have.",
    }],
};

pub static SCHEDULE: RuleMeta = RuleMeta {
    id: "status.schedule",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "The status agrees with the schedule as of the check date.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Compares the status with the schedule (its dates, or what its text reads as) on the date `asOf` given to the check (today by default):\n\n- `completed` work whose whole schedule is still in the future;\n- `planned` work whose start has passed (it is late: under way, or delayed?);\n- `in-progress` work whose end has passed (it is overdue: delayed, or completed?);\n- `continuous` status with a schedule that ends and is not marked continuous.\n\nOnly certain disagreements are reported: a start of `2018` has passed only once 2018 is over.",
        why: "A status that contradicts the schedule is the most common sign of a measure nobody has updated.",
        example: "With `asOf` 2019-06-01,\n```json\n{ \"status\": \"in-progress\", \"schedule\": { \"end\": \"2018-12\" } }\n```\nwarns at `/status`.",
    },
    params: &[],
};

pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str, level: Level) {
    // Built only for a finding: most statuses have none.
    let path = || child(base, "status");
    let status = match m.get("status").map(Doc::view) {
        None | Some(View::Null) => {
            if level == Level::Measure {
                cx.report(&REQUIRED, path).emit();
            }
            return;
        }
        Some(View::String(s)) if s.trim().is_empty() => {
            if level == Level::Measure {
                cx.report(&REQUIRED, path).emit();
            }
            return;
        }
        Some(View::String(s)) => s,
        Some(_) => return,
    };
    let allowed = &cx.engine.config.allowed_statuses;
    if !allowed.iter().any(|a| a == status) {
        // Not a `join` of `String`s, a second copy of std's join in the wasm (structure.rs).
        let mut allowed_list = String::new();
        for (i, a) in allowed.iter().enumerate() {
            if i > 0 {
                allowed_list.push_str(", ");
            }
            allowed_list.push_str(a);
        }
        let folded = fold(status);
        let suggestion = SYNONYMS
            .iter()
            .find(|(word, _)| *word == folded)
            .map(|(_, code)| *code)
            .filter(|code| allowed.iter().any(|a| a == code) && *code != status)
            .map(str::to_string)
            .or_else(|| closest(status, &mut allowed.iter().map(String::as_str)).map(str::to_string));
        let pending = cx
            .report(&INVALID, path)
            .param("value", status)
            .param("allowed", allowed_list);
        match suggestion {
            Some(code) => pending
                .variant("suggest")
                .param("suggestion", code.as_str())
                .fix(Change::Replace(Value::String(code)))
                .emit(),
            None => pending.emit(),
        }
        return;
    }
    if !cx.on(&SCHEDULE) {
        return;
    }
    let Some(as_of) = cx.as_of else { return };
    let eff = effective(cx, m);
    match status {
        "completed" => {
            if let Some(start) = eff.start.filter(|s| s.first_day() > as_of) {
                cx.report(&SCHEDULE, path)
                    .variant("completed-future")
                    .param("start", start.to_string())
                    .param("asOf", as_of.to_string())
                    .emit();
            }
        }
        "planned" => {
            if let Some(start) = eff.start.filter(|s| s.last_day() < as_of) {
                cx.report(&SCHEDULE, path)
                    .variant("planned-late")
                    .param("start", start.to_string())
                    .param("asOf", as_of.to_string())
                    .emit();
            }
        }
        "in-progress" => {
            if let Some(end) = eff.end.filter(|e| e.last_day() < as_of) {
                cx.report(&SCHEDULE, path)
                    .variant("in-progress-overdue")
                    .param("end", end.to_string())
                    .param("asOf", as_of.to_string())
                    .emit();
            }
        }
        // Only a schedule that ends disagrees: open-ended work ("vuodesta 2018 eteenpäin") is
        // ongoing too, and a schedule that says nothing readable says nothing against it.
        "continuous" if !eff.continuous && eff.end.is_some() => {
            cx.report(&SCHEDULE, path).variant("continuous-not-continuous").emit();
        }
        _ => {}
    }
}
