//! When the work happens: dates, continuity, and schedule text read by the parser.

use serde_json::Value;

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, Change, Cx, PathArg};
use crate::date::{DateError, PartialDate};
use crate::finding::Severity;
use crate::rules::Level;
use crate::schedule::{ParsedSchedule, ScheduleError};
use crate::schedule_api::describe;

pub static REQUIRED: RuleMeta = RuleMeta {
    id: "schedule.required",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The measure has a schedule.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `schedule` gives at least one of: a `start` or `end` date, `continuous: true`, or schedule `text`. A measure whose implementation steps each have their own schedule passes.",
        why: "Follow-up compares progress against the schedule; without one a measure can never be late, and never be done.",
        example: "```json\n{ \"id\": \"2.1\", \"schedule\": {} }\n```\nfails at `/schedule`. `{ \"schedule\": { \"text\": \"Jatkuvaa toimintaa\", \"continuous\": true } }` passes.",
    },
    params: &[],
};

pub static UNPARSED: RuleMeta = RuleMeta {
    id: "schedule.unparsed",
    severity: Severity::Warning,
    scope: Scope::Measure,
    summary: "Schedule text without dates can be read by the parser.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "When `schedule.text` is given without `start`, `end` or `continuous`, the parser must be able to read it (Finnish, Swedish or English: `12/2018`, `Syksy 2018`, `vuoden 2018 aikana`, `hösten 2018`, `by the end of 2018`, `Jatkuvaa toimintaa`; see docs/schedules.md). The parser never guesses: text such as `Työ käynnistynyt` is reported, not read.",
        why: "A schedule that only a person can read cannot be followed up by the status rules or shown on a timeline. Giving the dates next to the text settles it.",
        example: "```json\n{ \"schedule\": { \"text\": \"Hanke päättyy kun rahoitus loppuu\" } }\n```\nwarns. `{ \"schedule\": { \"text\": \"2018 loppuun mennessä\" } }` passes (end 2018).",
    },
    params: &[],
};

pub static INVALID_DATE: RuleMeta = RuleMeta {
    id: "schedule.invalid-date",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "Dates exist and are written as ISO 8601.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks every date field (`schedule.start` and `schedule.end` of a measure or step, `updated`, a progress note's `date`, a programme's `period`) and the dates written in `schedule.text`: the ISO forms `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and a day that exists (no 30 February, no month 13; leap years counted).",
        why: "A date that does not exist is a typo that would otherwise travel into every report and calendar.",
        example: "```json\n{ \"schedule\": { \"start\": \"2018-02-30\" } }\n```\nfails at `/schedule/start`.",
    },
    params: &[],
};

pub static ORDER: RuleMeta = RuleMeta {
    id: "schedule.order",
    severity: Severity::Error,
    scope: Scope::Measure,
    summary: "The schedule does not start after it ends.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Checks that `start` is not after `end`, at the precision given: a start of `2018-12` and an end of `2018` agree, since December 2018 is within 2018. Ranges in schedule text (`2020-2018`) are checked too.",
        why: "A reversed range is always a typo, and it makes every status judgement meaningless.",
        example: "```json\n{ \"schedule\": { \"start\": \"2019-01\", \"end\": \"2018-12\" } }\n```\nfails at `/schedule/end`.",
    },
    params: &[],
};

pub static DATES: RuleMeta = RuleMeta {
    id: "schedule.dates",
    severity: Severity::Info,
    scope: Scope::Measure,
    summary: "Schedule text the parser can read is given as dates too.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "When `schedule.text` is readable and no `start`, `end` or `continuous` is given, says what the parser read and offers the dates as a fix (`Syksy 2018` reads as 2018-09 to 2018-11).",
        why: "Dates make the measure sortable and comparable; the fix lets a form fill them in with one click, and the author sees at once whether the reading is what was meant.",
        example: "```json\n{ \"schedule\": { \"text\": \"Syksy 2018\" } }\n```\ngives the fix `{ \"text\": \"Syksy 2018\", \"start\": \"2018-09\", \"end\": \"2018-11\", \"continuous\": false }`.",
    },
    params: &[],
};

/// The schedule as the status rules see it: explicit dates where valid, else what the text
/// says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Effective {
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    pub continuous: bool,
}

fn explicit_date<D: Doc>(s: Option<&D>) -> Option<Result<PartialDate, DateError>> {
    s.and_then(Doc::as_str).map(|t| PartialDate::parse_iso(t.trim()))
}

/// A date field (`$defs/date` in the schema) read as ISO 8601 at year, month or day
/// precision, reported where it is not.
pub(crate) fn date(cx: &mut Cx<'_>, value: &str, path: impl PathArg) {
    if let Err(error) = PartialDate::parse_iso(value.trim()) {
        let report = cx.report(&INVALID_DATE, path);
        let report = if error == DateError::Malformed {
            report.variant("malformed")
        } else {
            report
        };
        report.param("value", value).emit();
    }
}

/// Reads the effective schedule without reporting anything.
pub(crate) fn effective<D: Doc>(cx: &mut Cx<'_>, m: &D) -> Effective {
    let Some(s) = m.get("schedule").filter(|s| s.is_object()) else {
        return Effective::default();
    };
    let start = explicit_date(s.get("start")).and_then(Result::ok);
    let end = explicit_date(s.get("end")).and_then(Result::ok);
    let continuous = s.get("continuous").and_then(Doc::as_bool).unwrap_or(false);
    if start.is_some() || end.is_some() || continuous {
        return Effective { start, end, continuous };
    }
    match s.get("text").and_then(Doc::as_str).map(|t| cx.schedule(t)) {
        Some(Ok(p)) => Effective {
            start: p.start,
            end: p.end,
            continuous: p.continuous,
        },
        _ => Effective::default(),
    }
}

fn has_schedule<D: Doc>(m: &D) -> bool {
    let Some(s) = m.get("schedule").filter(|s| s.is_object()) else {
        return false;
    };
    s.get("start")
        .and_then(Doc::as_str)
        .is_some_and(|t| !t.trim().is_empty())
        || s.get("end").and_then(Doc::as_str).is_some_and(|t| !t.trim().is_empty())
        || s.get("continuous").and_then(Doc::as_bool).unwrap_or(false)
        || s.get("text")
            .and_then(Doc::as_str)
            .is_some_and(|t| !t.trim().is_empty())
}

pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str, level: Level) {
    // Built only for a finding: most schedules have none.
    let path = || child(base, "schedule");
    let s = match m.get("schedule").map(Doc::view) {
        Some(View::Object(s)) => Some(s),
        None | Some(View::Null) => None,
        Some(_) => return,
    };
    if !has_schedule(m) {
        if level == Level::Measure && !steps_all_scheduled(m) {
            cx.report(&REQUIRED, path).emit();
        }
        return;
    }
    let Some(s) = s else { return };

    // A date that is not one is reported by the schema walk, which reads every date.
    let start = explicit_date(s.get("start")).and_then(Result::ok);
    let end = explicit_date(s.get("end")).and_then(Result::ok);
    if let (Some(a), Some(b)) = (start, end) {
        if a.first_day() > b.last_day() {
            cx.report(&ORDER, || child(&path(), "end"))
                .param("start", a.to_string())
                .param("end", b.to_string())
                .emit();
        }
    }
    let continuous = s.get("continuous").and_then(Doc::as_bool).unwrap_or(false);
    let explicit = s.get("start").is_some() || s.get("end").is_some() || continuous;

    let Some(text) = s.get("text").and_then(Doc::as_str).filter(|t| !t.trim().is_empty()) else {
        return;
    };
    let text_path = || child(&path(), "text");
    match cx.schedule(text) {
        Ok(parsed) => {
            if !explicit {
                suggest_dates(cx, path, text, &parsed);
            }
        }
        Err(ScheduleError::Unreadable) => {
            if !explicit {
                cx.report(&UNPARSED, text_path).param("text", text).emit();
            }
        }
        Err(ScheduleError::NonExistentDate(fragment)) => {
            cx.report(&INVALID_DATE, text_path)
                .variant("in-text")
                .param("value", fragment)
                .param("text", text)
                .emit();
        }
        Err(ScheduleError::Reversed { start, end }) => {
            cx.report(&ORDER, text_path)
                .param("start", start.to_string())
                .param("end", end.to_string())
                .emit();
        }
    }
}

fn suggest_dates(cx: &mut Cx<'_>, path: impl PathArg, text: &str, parsed: &ParsedSchedule) {
    let lang = cx.lang;
    let pending = cx.report(&DATES, path);
    // The reading and the fix are written only for a finding that will be listed: the
    // schedules of a programme's measures and their steps can pass the limit on infos.
    if !pending.listed() {
        return pending.emit();
    }
    let reading = describe(lang, parsed);
    let mut value = serde_json::Map::new();
    value.insert("text".into(), Value::String(text.to_string()));
    if let Some(d) = parsed.start {
        value.insert("start".into(), Value::String(d.to_string()));
    }
    if let Some(d) = parsed.end {
        value.insert("end".into(), Value::String(d.to_string()));
    }
    value.insert("continuous".into(), Value::Bool(parsed.continuous));
    pending
        .param("text", text)
        .param("reading", reading)
        .fix(Change::Replace(Value::Object(value)))
        .emit();
}

fn steps_all_scheduled<D: Doc>(m: &D) -> bool {
    match m.get("steps").and_then(Doc::as_array) {
        Some(steps) if !steps.is_empty() => steps.iter().all(|s| s.is_object() && has_schedule(s)),
        _ => false,
    }
}
