//! Properties of the schedule parser and the ISO date parser over arbitrary input: they
//! never panic, and whatever the schedule parser accepts starts no later than it ends.

use measure_rules::date::PartialDate;
use measure_rules::schedule::{parse, ParsedSchedule, MAX_SCHEDULE_TEXT};
use proptest::prelude::*;

fn ordered(p: &ParsedSchedule) -> bool {
    match (p.start, p.end) {
        (Some(s), Some(e)) => s.first_day() <= e.last_day(),
        _ => true,
    }
}

/// Fragments that schedules are made of, so that generated texts get deep into the grammar
/// rather than failing at the first character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (1800u16..2300).prop_map(|y| y.to_string()),
        (0u8..40).prop_map(|n| n.to_string()),
        (0u8..40).prop_map(|n| format!("{n:02}")),
        prop::sample::select(vec![
            "-",
            "–",
            "—",
            "/",
            ".",
            ",",
            ";",
            ":",
            " ",
            "  ",
            "\u{a0}",
            "e",
            "st",
            "rd",
            "of",
            "the",
            "vuonna",
            "vuoden",
            "vuodesta",
            "vuoteen",
            "vuosina",
            "vuosien",
            "v.",
            "aikana",
            "mennessä",
            "saakka",
            "asti",
            "alkaen",
            "eteenpäin",
            "lähtien",
            "loppuun",
            "lopussa",
            "alussa",
            "alusta",
            "alkuun",
            "lopusta",
            "kevät",
            "keväällä",
            "kevään",
            "keväästä",
            "syksy",
            "syksyllä",
            "syksyn",
            "syksyyn",
            "talvi",
            "talvella",
            "kevätkaudella",
            "syyskaudella",
            "tammi",
            "helmikuussa",
            "maaliskuu",
            "joulukuuhun",
            "joulukuuta",
            "syyskuusta",
            "neljännes",
            "ensimmäinen",
            "vuosipuoliskolla",
            "toisella",
            "jatkuvaa toimintaa",
            "tämän jälkeen",
            "jonka jälkeen",
            "jatkuva",
            "työ",
            "hanke",
            "käynnistyy",
            "valmistuu",
            "toteutetaan",
            "ja",
            "och",
            "and",
            "hösten",
            "våren",
            "vintern",
            "under",
            "i",
            "från och med",
            "fr.o.m.",
            "t.o.m.",
            "senast",
            "till",
            "fram till",
            "slutet av",
            "början av",
            "kvartal",
            "kvartalet",
            "halvåret",
            "tredje",
            "fortlöpande",
            "den",
            "december",
            "mars",
            "by",
            "until",
            "from",
            "to",
            "since",
            "onwards",
            "in",
            "during",
            "the end of",
            "the beginning of",
            "spring",
            "autumn",
            "winter",
            "term",
            "quarter",
            "half",
            "third",
            "Q1",
            "Q3",
            "H2",
            "March",
            "Sept",
            "ongoing",
            "starts",
            "completed",
            "work",
        ])
        .prop_map(str::to_string),
    ]
}

fn schedule_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|parts| parts.join(" "))
}

fn schedule_like_tight() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_never_panics_on_any_text(text in "\\PC*") {
        if let Ok(p) = parse(&text) {
            prop_assert!(ordered(&p), "{text:?} gave {p:?}");
        }
    }

    #[test]
    fn parse_never_panics_on_schedule_like_text(text in schedule_like()) {
        if let Ok(p) = parse(&text) {
            prop_assert!(ordered(&p), "{text:?} gave {p:?}");
            prop_assert!(p.continuous || p.start.is_some() || p.end.is_some(), "{text:?} gave nothing");
        }
    }

    #[test]
    fn parse_never_panics_on_tightly_joined_pieces(text in schedule_like_tight()) {
        if let Ok(p) = parse(&text) {
            prop_assert!(ordered(&p), "{text:?} gave {p:?}");
        }
    }

    #[test]
    fn over_long_text_is_unreadable(text in "\\PC{0,40}") {
        let long = format!("{text}{}", " ".repeat(MAX_SCHEDULE_TEXT + 1));
        prop_assert!(parse(&long).is_err());
    }

    #[test]
    fn parse_iso_never_panics(text in "\\PC*") {
        let _ = PartialDate::parse_iso(&text);
    }

    #[test]
    fn parse_iso_round_trips(text in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?") {
        if let Ok(d) = PartialDate::parse_iso(&text) {
            prop_assert_eq!(d.to_string(), text);
            prop_assert!(d.first_day() <= d.last_day());
        }
    }

    #[test]
    fn a_valid_date_reads_as_itself(y in 1900u16..2200, m in 1u8..13, d in 1u8..32) {
        if let Ok(date) = PartialDate::day(y, m, d) {
            let iso = date.to_string();
            let parsed = parse(&iso);
            prop_assert_eq!(parsed, Ok(ParsedSchedule { start: Some(date), end: Some(date), continuous: false }));
            let finnish = parse(&format!("{d}.{m}.{y}"));
            prop_assert_eq!(finnish, Ok(ParsedSchedule { start: Some(date), end: Some(date), continuous: false }));
        } else {
            let finnish = parse(&format!("{d}.{m}.{y}"));
            prop_assert!(matches!(finnish, Err(measure_rules::schedule::ScheduleError::NonExistentDate(_))));
        }
    }
}
