//! The schedule parser as the public API and the forms see it: what the text reads as, in
//! the user's language.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::lang::Lang;
use crate::messages;
use crate::schedule::{self, ParsedSchedule, ScheduleError};

/// The result of reading schedule text: the dates, or why it could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleReading {
    pub text: String,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub continuous: bool,
    /// What the parser read ("2018-09 – 2018-11"), or why it could not, in the language asked.
    pub message: String,
    /// `unreadable`, `non-existent-date` or `reversed` when `ok` is false.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Reads schedule text as the engine does for `schedule.text`, with a localised reading. Needs
/// no engine: the parser has no configuration.
pub fn parse_schedule(text: &str, lang: Lang) -> ScheduleReading {
    match schedule::parse(text) {
        Ok(p) => ScheduleReading {
            text: text.to_string(),
            ok: true,
            start: p.start.map(|d| d.to_string()),
            end: p.end.map(|d| d.to_string()),
            continuous: p.continuous,
            message: describe(lang, &p),
            error: None,
        },
        Err(e) => {
            let mut params = BTreeMap::new();
            params.insert("text".to_string(), text.to_string());
            let (code, key) = match &e {
                ScheduleError::Unreadable => ("unreadable", "schedule.unparsed".to_string()),
                ScheduleError::NonExistentDate(fragment) => {
                    params.insert("value".to_string(), fragment.clone());
                    ("non-existent-date", "schedule.invalid-date/in-text".to_string())
                }
                ScheduleError::Reversed { start, end } => {
                    params.insert("start".to_string(), start.to_string());
                    params.insert("end".to_string(), end.to_string());
                    ("reversed", "schedule.order".to_string())
                }
            };
            ScheduleReading {
                text: text.to_string(),
                ok: false,
                start: None,
                end: None,
                continuous: false,
                message: messages::render(lang, &key, &params),
                error: Some(code.to_string()),
            }
        }
    }
}

/// "2018-09 – 2018-11", "2018 alkaen", "jatkuvaa toimintaa 2019-01-01 alkaen", in the language
/// asked.
pub(crate) fn describe(lang: Lang, p: &ParsedSchedule) -> String {
    let mut params = BTreeMap::new();
    if let Some(d) = p.start {
        params.insert("start".to_string(), d.to_string());
    }
    if let Some(d) = p.end {
        params.insert("end".to_string(), d.to_string());
    }
    let key = match (p.start, p.end) {
        // "1.1.2019 alkaen toistaiseksi": the start is part of what the fix sets.
        (Some(_), _) if p.continuous => "reading/continuous-from",
        _ if p.continuous => "reading/continuous",
        (Some(a), Some(b)) if a == b => "reading/single",
        (Some(_), Some(_)) => "reading/range",
        (Some(_), None) => "reading/from",
        (None, Some(_)) => "reading/until",
        (None, None) => "reading/none",
    };
    messages::render(lang, key, &params)
}

#[cfg(test)]
mod tests {
    use super::{parse_schedule, Lang};

    #[test]
    fn a_reading_says_what_the_fix_sets() {
        for (text, lang, said) in [
            ("Syksy 2018", Lang::Fi, "2018-09 – 2018-11"),
            ("12/2018", Lang::En, "2018-12"),
            ("vuodesta 2019", Lang::Fi, "2019 alkaen"),
            ("by the end of 2018", Lang::En, "by 2018"),
            ("fortlöpande", Lang::Sv, "fortlöpande verksamhet"),
            // A start with continuous work is said, as the fix sets it.
            (
                "1.1.2019 alkaen toistaiseksi",
                Lang::Fi,
                "jatkuvaa toimintaa 2019-01-01 alkaen",
            ),
            (
                "från 2019 tills vidare",
                Lang::Sv,
                "fortlöpande verksamhet från och med 2019",
            ),
            ("ongoing since 2017", Lang::En, "continuous work from 2017"),
        ] {
            let reading = parse_schedule(text, lang);
            assert!(reading.ok, "{text}");
            assert_eq!(reading.message, said, "{text}");
        }
    }
}
