//! Reads the schedule text of a measure ("Syksy 2018", "2/2018 - 1/2019", "hösten 2018",
//! "by the end of 2018", "Jatkuvaa toimintaa") into a start, an end and a continuity flag.
//!
//! The published schedules mix dates with progress notes ("Työ käynnistynyt. Yhteinen
//! toimintamalli valmistuu 2018."). The parser reads a text only if the **whole** text is a
//! schedule expression, and never pulls a date out of a longer sentence or guesses: what it
//! cannot read is [`ScheduleError::Unreadable`], which the engine reports so that a person
//! gives the dates. Finnish, Swedish and English are all accepted whatever the user's
//! language; the words are in the per-language tables of `vocab.rs`.
//!
//! Before parsing, the text is trimmed, case is ignored, runs of whitespace count as one, a
//! final "." is dropped, and "-", "–" and "—" are the same dash, with or without spaces.
//! Only years 1900–2199 are read as years.
//!
//! ## What the words mean
//!
//! Precision is kept: a year stays a year ("2018" gives start 2018 and end 2018), a month a
//! month ("12/2017", also written "12.2017", gives 2017-12 to 2017-12); the engine reads
//! each as its first to last day. Named parts of a year give month-precision ends:
//!
//! | text (fi / sv / en) | months |
//! | --- | --- |
//! | kevät, keväällä, kevään … aikana / våren, vår / spring | March – May |
//! | kesä, kesällä / sommaren / summer | June – August |
//! | syksy, syksyllä, syksyn … aikana / hösten, höst / autumn, fall | September – November |
//! | talvi, talvella / vintern / winter *Y* (also "talvi *Y*–*Y+1*", "winter *Y*/*Y+1*") | December *Y* – February *Y+1* |
//! | kevätkausi, kevätkaudella, kevätlukukausi / vårterminen, vt / spring term, spring semester | January – June |
//! | syyskausi, syyskaudella, syksykaudella, syyslukukausi / höstterminen, ht / autumn term, fall term, fall semester | August – December |
//! | Q1 … Q4; 1. neljännes, ensimmäinen (vuosi)neljännes, vuoden *Y* kolmannella neljänneksellä / kvartal 3, tredje kvartalet, 3:e kvartalet / third quarter, 3rd quarter of | Q1 January – March … Q4 October – December |
//! | H1, H2; ensimmäinen vuosipuolisko, toisella vuosipuoliskolla / första halvåret, andra halvåret / first half of, second half of | January – June, July – December |
//! | vuoden *Y* alussa, alkupuolella, alkupuoliskolla; alkuvuodesta, alkuvuonna *Y* / i början av *Y* / the beginning of *Y* | January – June (the first half) |
//! | (vuoden) *Y* lopussa, lopulla, loppupuolella, jälkipuoliskolla; loppuvuodesta, loppuvuonna *Y* / i slutet av *Y* / the end of *Y* | July – December (the second half) |
//!
//! What sets only one end:
//!
//! | meaning | Finnish | Swedish | English |
//! | --- | --- | --- | --- |
//! | end only ("by") | mennessä, saakka, asti, viimeistään, (*Y*) loppuun (mennessä), illative (joulukuuhun 2019, vuoteen 2020), valmistuu, valmis, päättyy | senast, till, till och med, t.o.m., fram till, före, innan, slutet av after these, avslutas, slutförs, klart | by, until, till, to, through, no later than, before, at the latest, the end of after these, ends, to be completed, due |
//! | start only ("from") | alkaen, lähtien, eteenpäin, aikaisintaan, elative (vuodesta 2018, keväästä 2017, syyskuusta 2018), vuoden *Y* alusta, käynnistyy, alkaa, aloitetaan | från, från och med, fr.o.m., sedan, med start, tidigast, och framåt, inleds, startar, börjar, påbörjas | from, since, starting, as of, onwards, at the earliest, starts, begins, will start |
//! | whole period | aikana, kuluessa, vuonna, v., vuosina, essive (syksyllä, maaliskuussa), toteutetaan, toimeenpano, käyttöön | under, i, (under) i loppet av, år, åren, genomförs, tas i bruk | during, in, throughout, in the course of, year, to be implemented |
//!
//! "Before"/"före" are read as "by", inclusive. "By the end of 2018" and "2018 loppuun
//! mennessä" end with 2018 (year precision), "vuoden 2019 alusta" starts with 2019. An edge
//! against the direction ("vuoden 2019 alkuun mennessä", "alkaen vuoden 2018 lopusta")
//! names no month and is unreadable; so is an edge of anything but a year ("maaliskuun
//! lopussa").
//!
//! Ranges: "2018–2020", "vuosina 2018 - 2021", "2/2018 - 1/2019", "10/2017-09/2020",
//! "1-2/2018", "14.3.-4.5.2018", "14.-16.3.2018", "tammi–helmikuussa 2018",
//! "maaliskuusta toukokuuhun 2018", "vuodesta 2018 vuoteen 2020", "från 2018 till 2020",
//! "from January to March 2019", "Q1–Q2 2019". A trailing dash is open-ended:
//! "Toimeenpano 2019-" starts in 2019. Years, months or named periods joined by "ja", "och",
//! "and" or a comma are one range when each begins the month after the one before ends
//! ("vuosina 2019 ja 2020", "12/2019 ja 1/2020"); with a gap ("keväällä 2019 ja syksyllä
//! 2020", "2019 ja 2021"), an overlap, an open end or a day ("28.2.2019 ja 1.3.2019") the
//! text names no one period and is unreadable.
//!
//! Continuous work: "jatkuvaa toimintaa", "jatkuva", "jatkuvasti", "pysyvä toiminta",
//! "toistaiseksi", "fortlöpande", "kontinuerlig", "löpande", "tills vidare", "ongoing",
//! "continuous", "continuously", "until further notice", alone or after "tämän jälkeen" /
//! "därefter" / "thereafter" ("until further notice" is work with no end set). With a date:
//! "kevätkaudella 2018, jonka jälkeen jatkuvaa toimintaa" is continuous from 2018-01 (the
//! first phase's end is dropped); "jatkuvaa toimintaa vuodesta 2018" and "ongoing since
//! 2017" are continuous from their start; "jatkuvaa toimintaa 2018" is unreadable.
//!
//! A text may hold several clauses, separated by ".", ",", ";", "ja", "och" or "and", as long
//! as no two of them set the same end: "Valmistelu käynnistyy keväällä 2018. Ohjelma valmis
//! 12/2018 mennessä." gives 2018-03 to 2018-12. A clause may open with a neutral subject
//! ("työ", "hanke", "valmistelu", "arbetet", "the work") and a verb from the tables.
//!
//! ## Deliberately unreadable
//!
//! - Dates inside progress notes: "Työ käynnistynyt 2018.", "Hankinta käynnistynyt 2/2018.",
//!   "Valmistelutyöpajat toteutettu syksyn 2017 aikana." Verbs are present or future tense
//!   only (a past tense reports what happened), and only the subjects in the tables may
//!   open a clause.
//! - "Alkaen vuoden 2019 tulossuunnittelusta": the performance planning *for* 2019 is done
//!   during 2018, so the start is 2018 or 2019 depending on the reader. "Alkaen vuoden 2019
//!   alusta" or "vuodesta 2019" are read.
//! - Relative times ("kuluvan vuoden aikana", "next year", "seuraavan kerran 2019") and
//!   events ("ennakointityön käynnistyttyä", "Reservien käyttöönoton jälkeen jatkuvaa
//!   toimintaa"): there is no date to read.
//! - A season without a year ("Käynnistyy keväällä").
//! - A genitive without its postposition ("kevään 2019", "vuoden 2020 vuoden aikana").
//! - Operating years ("toimintavuoden 2017–2018 aikana"), decades ("2010-luvulla"), weeks.
//! - A leading step number ("3. Jatkuvaa toimintaa."): the importer strips step numbers.
//! - Two-digit years ("12/18"), and the year-range shorthand "2018–19", which has the form
//!   of an ISO month and so is a date error.
//! - Two years with a slash ("2019/2020"): a season or budget year that spans both, or
//!   either of the two, depending on the writer.

mod grammar;
mod lexer;
mod lookup;
mod vocab;

use serde::Serialize;

use crate::date::PartialDate;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedSchedule {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub continuous: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    /// The text is not a schedule expression the parser knows. Never guess.
    Unreadable,
    /// The text has the form of a date but the date does not exist ("31.2.2018", "13/2018"); carries the offending fragment as written.
    NonExistentDate(String),
    /// Start after end ("2020-2018"); carries both.
    Reversed { start: PartialDate, end: PartialDate },
}

/// Texts longer than this many characters are Unreadable without being scanned (explicit
/// input limit). It is the schema's `maxLength` for schedule text, and counted the same way,
/// so that every text the schema admits is read: counted in bytes, a Finnish text of 400
/// characters with a hundred `ä`s would have been refused.
pub const MAX_SCHEDULE_TEXT: usize = 500;

/// Whether `text` is over [`MAX_SCHEDULE_TEXT`] characters. Bytes first, so that the check
/// costs nothing for the texts of real programmes: at most that many bytes is short enough,
/// more than four bytes a character is too long, and only between are characters counted.
fn too_long(text: &str) -> bool {
    let bytes = text.len();
    bytes > MAX_SCHEDULE_TEXT && (bytes > 4 * MAX_SCHEDULE_TEXT || text.chars().count() > MAX_SCHEDULE_TEXT)
}

/// Parses Finnish, Swedish or English schedule text. All three vocabularies are accepted whatever the user's language.
///
/// Allocates the token list, and a `String` for [`ScheduleError::NonExistentDate`].
pub fn parse(text: &str) -> Result<ParsedSchedule, ScheduleError> {
    if too_long(text) {
        return Err(ScheduleError::Unreadable);
    }
    let text = text.trim();
    let tables = lookup::Tables::get();
    let mut tokens = Vec::with_capacity(16);
    for token in lexer::Lexer::new(text) {
        let mut token = token.map_err(|()| ScheduleError::Unreadable)?;
        if token.kind == lexer::Kind::Word {
            // The grammar reads words only through the vocabulary, so a word it does not
            // know is in no schedule; long progress notes stop at their first such word.
            token.word = Some(tables.words.lookup(token.text).ok_or(ScheduleError::Unreadable)?);
        }
        tokens.push(token);
    }
    // A final full stop ends the sentence; no schedule form ends in one.
    let tokens = match tokens.split_last() {
        Some((last, rest)) if last.kind == lexer::Kind::Dot => rest,
        _ => tokens.as_slice(),
    };
    if tokens.is_empty() {
        return Err(ScheduleError::Unreadable);
    }
    grammar::parse(text, tables, tokens)
}

// An error type of the public API, as `DateError` is; the engine's findings say these in three
// languages, this is for Rust callers of `parse`.
impl std::fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable => f.write_str("the text cannot be read as dates"),
            Self::NonExistentDate(date) => write!(f, "the date {date} does not exist"),
            Self::Reversed { start, end } => write!(f, "the schedule starts ({start}) after it ends ({end})"),
        }
    }
}

impl std::error::Error for ScheduleError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(y: u16, m: u8) -> Option<PartialDate> {
        PartialDate::month(y, m).ok()
    }

    #[test]
    fn non_existent_dates_quote_the_text_as_written() {
        let cases = [
            ("31.2.2018", "31.2.2018"),
            ("31.2.2018 saakka", "31.2.2018"),
            ("13/2018", "13/2018"),
            ("0/2018", "0/2018"),
            ("2018–02–30", "2018–02–30"),
            ("Käynnistyy syksyllä 2018. Valmis 31.4.2019 mennessä", "31.4.2019"),
            ("31.–28.2.2018", "31."),
            ("1-13/2018", "1-13/2018"),
            ("February 30, 2018", "February 30, 2018"),
            ("31. helmikuuta 2018", "31. helmikuuta 2018"),
        ];
        for (text, fragment) in cases {
            assert_eq!(
                parse(text),
                Err(ScheduleError::NonExistentDate(fragment.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn errors_are_std_errors_that_say_what_is_wrong() {
        let say = |text: &str| parse(text).map_err(|e| Box::<dyn std::error::Error>::from(e).to_string());
        assert_eq!(
            say("kun rahoitus loppuu"),
            Err("the text cannot be read as dates".to_string())
        );
        assert_eq!(say("31.2.2018"), Err("the date 31.2.2018 does not exist".to_string()));
        assert_eq!(
            say("2020-2018"),
            Err("the schedule starts (2020) after it ends (2018)".to_string())
        );
    }

    #[test]
    fn reversed_ranges_carry_both_ends() {
        let got = parse("10/2020 - 2/2018");
        assert_eq!(
            got.map_err(|e| match e {
                ScheduleError::Reversed { start, end } => Some((start.to_string(), end.to_string())),
                _ => None,
            }),
            Err(Some(("2020-10".to_string(), "2018-02".to_string())))
        );
    }

    #[test]
    fn a_sentence_around_a_bad_date_is_unreadable() {
        assert_eq!(parse("Työ 31.2.2018 alkoi myöhässä"), Err(ScheduleError::Unreadable));
        assert_eq!(parse("2020–2018 ja jotain muuta"), Err(ScheduleError::Unreadable));
    }

    #[test]
    fn serializes_in_camel_case_without_missing_ends() {
        let parsed = ParsedSchedule {
            start: month(2018, 3),
            end: None,
            continuous: false,
        };
        assert_eq!(
            serde_json::to_value(&parsed).ok(),
            Some(serde_json::json!({"start": "2018-03", "continuous": false}))
        );
    }

    #[test]
    fn the_limit_is_checked_first() {
        let long = format!("2018{}", " ".repeat(MAX_SCHEDULE_TEXT - 4));
        assert!(parse(&long).is_ok());
        let longer = format!("{long} ");
        assert_eq!(parse(&longer), Err(ScheduleError::Unreadable));
    }

    /// The limit is the schema's, in characters: a text of 500 characters in more than 500
    /// bytes (here no-break spaces, two bytes each) is read, and one more character is not.
    #[test]
    fn the_limit_counts_characters() {
        let long = format!("vuodesta 2018{}", "\u{a0}".repeat(MAX_SCHEDULE_TEXT - 13));
        assert_eq!(long.chars().count(), MAX_SCHEDULE_TEXT);
        assert!(long.len() > MAX_SCHEDULE_TEXT);
        assert!(parse(&long).is_ok(), "{:?}", parse(&long));
        let longer = format!("{long}\u{a0}");
        assert_eq!(parse(&longer), Err(ScheduleError::Unreadable));
        let wide = "\u{1F600}".repeat(MAX_SCHEDULE_TEXT + 1);
        assert_eq!(parse(&wide), Err(ScheduleError::Unreadable));
    }
}
