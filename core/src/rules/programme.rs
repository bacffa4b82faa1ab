//! Rules over a whole programme: unique measure numbers, and references that resolve.

use crate::doc::{Doc, View};

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, item, Cx};
use crate::finding::Severity;
use crate::measure_id::MeasureId;
use crate::rules::FirstByKey;

pub static DUPLICATE_ID: RuleMeta = RuleMeta {
    id: "programme.duplicate-id",
    severity: Severity::Error,
    scope: Scope::Programme,
    summary: "Measure numbers are unique in the programme.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports a measure whose number, once normalised (`2.6. a)` is `2.6a`), is already used by an earlier measure.",
        why: "Measures are cited by number; two measures with one number make every citation ambiguous.",
        example: "A programme with measures `2.6a` and `2.6. a)` fails at the second one's `/id`.",
    },
    params: &[],
};

pub static REFERENCE: RuleMeta = RuleMeta {
    id: "programme.reference",
    severity: Severity::Warning,
    scope: Scope::Programme,
    summary: "References to measures and themes in the text name ones that exist.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Finds references in titles, steps and progress notes (\"toimenpiteen 3.1\", \"toimenpidekokonaisuus 8\", \"åtgärd 3.1\", \"åtgärdshelhet 8\", \"measure 3.1\", \"theme 8\"), with the numbers listed after them (\"toimenpiteiden 2.1, 2.3 ja 2.9\", \"measures 2.1 and 4.9\"), and checks that the measure is in the programme, and that the theme is one of its themes (1-8 when the programme lists none).",
        why: "Measures build on each other; a reference to a measure that was renumbered or dropped misleads the reader.",
        example: "In a programme without measure 3.9, a step \"Jatketaan toimenpiteen 3.9 työtä\" warns.",
    },
    params: &[],
};

/// `measures` are the programme's measures as far as they are checked, `ids` their canonical
/// ids (computed once by the engine).
pub(crate) fn check<D: Doc>(cx: &mut Cx<'_>, p: &D, measures: &[D], ids: &[Option<String>]) {
    let keys: Vec<Option<&str>> = measures
        .iter()
        .zip(ids)
        .map(|(m, id)| {
            let written = m.get("id")?.as_str()?;
            Some(id.as_deref().unwrap_or_else(|| written.trim())).filter(|k| !k.is_empty())
        })
        .collect();
    let mut ids_seen = FirstByKey::new(keys.iter().flatten().copied());
    for (i, key) in keys.iter().enumerate() {
        let Some(key) = *key else { continue };
        if let Some(first) = ids_seen.first(key, i) {
            cx.measure = Some(key.to_string());
            cx.report(&DUPLICATE_ID, || child(&item("/measures", i), "id"))
                .param("id", key)
                .param("first", (first + 1).to_string())
                .emit();
        }
    }
    cx.measure = None;
    if !cx.on(&REFERENCE) {
        return;
    }
    // The keys are canonical ids, or written ids that do not parse, which a reference (read
    // as a canonical id) never equals: the keys serve as they are.
    let known = |id: &str| ids_seen.contains(id);
    // The themes' numbers as bits: a reference names a theme by one or two digits, and a
    // programme of a million themes (within the size limit) must not be searched from the
    // start for each of a million references.
    let themes: u128 = match p.get("themes").and_then(Doc::as_array) {
        Some(list) if !list.is_empty() => list
            .iter()
            .filter_map(|t| match t.get("number").map(Doc::view) {
                Some(View::Number(n)) => n.as_u64(),
                _ => None,
            })
            .filter_map(|n| 1u128.checked_shl(u32::try_from(n).ok()?))
            .fold(0, |bits, bit| bits | bit),
        _ => 0b1_1111_1110,
    };
    let has_theme = |n: u64| {
        u32::try_from(n)
            .ok()
            .and_then(|n| 1u128.checked_shl(n))
            .is_some_and(|bit| themes & bit != 0)
    };
    for ((i, m), id) in measures.iter().enumerate().zip(ids) {
        if !m.is_object() {
            continue;
        }
        cx.measure = id.clone();
        each_text(m, &mut |at, text| {
            for r in references(text) {
                match r {
                    Reference::Measure(id) if !known(&id.to_string()) => {
                        cx.report(&REFERENCE, || at.pointer(i))
                            .variant("measure")
                            .param("ref", id.to_string())
                            .emit();
                    }
                    Reference::Theme(n) if !has_theme(n) => {
                        cx.report(&REFERENCE, || at.pointer(i))
                            .variant("theme")
                            .param("ref", n.to_string())
                            .emit();
                    }
                    _ => {}
                }
            }
        });
    }
    cx.measure = None;
}

/// Where a language text lies in a measure. Its pointer is built only for a finding: a
/// programme has thousands of texts and few bad references.
#[derive(Clone, Copy)]
struct TextAt<'a> {
    /// The step, if the text is in one.
    step: Option<usize>,
    /// The progress note, if the text is one.
    note: Option<usize>,
    lang: &'a str,
}

impl TextAt<'_> {
    fn pointer(&self, measure: usize) -> String {
        let mut p = item("/measures", measure);
        if let Some(s) = self.step {
            p = item(&child(&p, "steps"), s);
        }
        match self.note {
            Some(n) => p = child(&item(&child(&p, "progress"), n), "text"),
            None if self.step.is_some() => p = child(&p, "text"),
            None => p = child(&p, "title"),
        }
        child(&p, self.lang)
    }
}

/// Language texts of the title, the steps and the progress notes, with where each lies.
fn each_text<'a, D: Doc>(m: &'a D, f: &mut impl FnMut(TextAt<'a>, &'a str)) {
    fn lang_texts<'a, D: Doc>(v: Option<&'a D>, at: TextAt<'a>, f: &mut impl FnMut(TextAt<'a>, &'a str)) {
        if let Some(t) = v {
            for (lang, text) in t.members() {
                if let Some(s) = text.as_str() {
                    f(TextAt { lang, ..at }, s);
                }
            }
        }
    }
    fn notes<'a, D: Doc>(v: Option<&'a D>, step: Option<usize>, f: &mut impl FnMut(TextAt<'a>, &'a str)) {
        for (i, n) in v.and_then(Doc::as_array).into_iter().flatten().enumerate() {
            let at = TextAt {
                step,
                note: Some(i),
                lang: "",
            };
            lang_texts(n.get("text"), at, f);
        }
    }
    let top = TextAt {
        step: None,
        note: None,
        lang: "",
    };
    lang_texts(m.get("title"), top, f);
    notes(m.get("progress"), None, f);
    for (i, s) in m.get("steps").and_then(Doc::as_array).into_iter().flatten().enumerate() {
        lang_texts(s.get("text"), TextAt { step: Some(i), ..top }, f);
        notes(s.get("progress"), Some(i), f);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    Measure(MeasureId),
    Theme(u64),
}

/// Words that introduce a theme reference, as prefixes so that every case form counts
/// ("toimenpidekokonaisuuden", "åtgärdshelheten").
const THEME_WORDS: &[&str] = &["toimenpidekokonaisuu", "åtgärdshelhet", "theme"];
/// Words that introduce a measure reference. Checked after the theme words, since
/// "toimenpidekokonaisuus" also starts with "toimenpi".
const MEASURE_WORDS: &[&str] = &["toimenpite", "toimenpide", "åtgärd", "measure"];
/// Compounds that start like a measure word but are not references ("toimenpideohjelma").
const NOT_REFERENCES: &[&str] = &["toimenpideohjelm", "åtgärdsprogram", "toimenpidesuunnitelm"];

pub(crate) fn references(text: &str) -> Vec<Reference> {
    let mut out = Vec::new();
    // The last reference, and where its number ended: the numbers listed after it
    // ("toimenpiteiden 2.1, 2.3 ja 2.9", "measures 2.1 and 4.9") are references of its kind.
    let mut list: Option<(usize, Reference)> = None;
    // A reference is a word and then a number: the words of the text (as `split_whitespace`
    // cuts them) whose first character is a digit, after a word that names a measure or a
    // theme. Digits are rare in prose, so they are found first, and only their word and the
    // one before are looked at; a programme's texts are read once, not word by word.
    for i in digits(text.as_bytes()) {
        let (Some(before), Some(from)) = (text.get(..i), text.get(i..)) else {
            continue;
        };
        if !before.chars().next_back().is_some_and(char::is_whitespace) {
            continue;
        }
        let next = from.split(char::is_whitespace).next().unwrap_or_default();
        let listed = list
            .filter(|&(end, _)| text.get(end..i).is_some_and(joins_a_list))
            .and_then(|(_, last)| match last {
                Reference::Theme(_) => theme_number(next),
                Reference::Measure(_) => measure_number(next),
            });
        let found = listed.or_else(|| {
            let word = before
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .filter(|w| !w.is_empty())?;
            reference(word, next)
        });
        if let Some(r) = found {
            out.push(r);
            list = Some((i + next.len(), r));
        }
    }
    out
}

/// Whether the text between two numbers joins them in a list: commas, and at most one of
/// "ja", "sekä", "tai", "och", "eller", "and", "or".
fn joins_a_list(between: &str) -> bool {
    let mut words = between
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (None, _) => true,
        (Some(w), None) => ["ja", "sekä", "tai", "och", "eller", "and", "or"].contains(&w),
        _ => false,
    }
}

/// The positions of the ASCII digits of `bytes`, skipping eight bytes at a time where there
/// are none (most of a text): a byte is a digit when, XORed with `0x30`, it is below 10.
fn digits(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const ZEROS: u64 = u64::from_ne_bytes([b'0'; 8]);
    bytes.chunks(8).enumerate().flat_map(|(c, chunk)| {
        let maybe = match <[u8; 8]>::try_from(chunk) {
            // Whether some byte is below 10: never wrong when one is, and a chunk it
            // wrongly flags is only read byte by byte.
            Ok(eight) => {
                let x = u64::from_ne_bytes(eight) ^ ZEROS;
                x.wrapping_sub(ONES.wrapping_mul(10)) & !x & HIGH != 0
            }
            Err(_) => true,
        };
        let found = chunk
            .iter()
            .enumerate()
            .filter(move |(_, b)| maybe && b.is_ascii_digit());
        found.map(move |(j, _)| c * 8 + j)
    })
}

/// The reference made by a word and the word after it, if any.
fn reference(word: &str, next: &str) -> Option<Reference> {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Most words before a number (dates, counts) start no reference word: their first
    // letter alone says so, before any word is compared.
    let first = word.chars().flat_map(char::to_lowercase).next()?;
    if !THEME_WORDS.iter().chain(MEASURE_WORDS).any(|w| w.starts_with(first)) {
        return None;
    }
    let starts = |prefix: &&str| starts_with_folded(word, prefix);
    if THEME_WORDS.iter().any(starts) {
        theme_number(next)
    } else if MEASURE_WORDS.iter().any(starts) && !NOT_REFERENCES.iter().any(starts) {
        measure_number(next)
    } else {
        None
    }
}

/// Sentence punctuation after a number is not part of it: "(toimenpidekokonaisuus 8).".
fn number_in(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

fn theme_number(word: &str) -> Option<Reference> {
    let n = number_in(word);
    if !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) {
        return n.parse().ok().map(Reference::Theme);
    }
    None
}

fn measure_number(word: &str) -> Option<Reference> {
    let n = number_in(word);
    // A measure number with a decimal comma is read in an `id` field, where nothing else can
    // stand; in prose, "toimenpiteen 2,5 miljoonan euron rahoitus" is an amount.
    if n.contains(',') {
        return None;
    }
    MeasureId::parse(n).map(Reference::Measure)
}

/// Whether `word`, lower-cased, starts with `prefix` (lower case), without building the
/// lower-cased word.
fn starts_with_folded(word: &str, prefix: &str) -> bool {
    let mut folded = word.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| folded.next() == Some(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn mid(s: &str) -> Reference {
        MeasureId::parse(s).map_or(Reference::Theme(0), Reference::Measure)
    }

    #[test]
    fn finds_references_in_three_languages() {
        assert_eq!(
            references("palveluväylässä (toimenpidekokonaisuus 8)."),
            vec![Reference::Theme(8)]
        );
        assert_eq!(references("kuten toimenpiteen 3.1 yhteydessä"), vec![mid("3.1")]);
        assert_eq!(references("toimenpiteen 2,5 miljoonan euron rahoitus"), vec![]);
        // Lists after the word, in each language; what follows a list is not in it.
        assert_eq!(
            references("toimenpiteiden 3.1, 3.2 ja 3.4 kanssa 2018, 2.1"),
            vec![mid("3.1"), mid("3.2"), mid("3.4")]
        );
        assert_eq!(references("åtgärderna 2.1 och 2.9."), vec![mid("2.1"), mid("2.9")]);
        assert_eq!(
            references("measures 2.1 and 4.9, themes 7 or 8"),
            vec![mid("2.1"), mid("4.9"), Reference::Theme(7), Reference::Theme(8)]
        );
        assert_eq!(
            references("toimenpidekokonaisuudet 7 ja 8 sekä toimenpide 3.1"),
            vec![Reference::Theme(7), Reference::Theme(8), mid("3.1")]
        );
        assert_eq!(references("toimenpiteen 3.1 ja 1.1.2019 välillä"), vec![mid("3.1")]);
        assert_eq!(references("toimenpiteen 3.1 vuonna 2.2"), vec![mid("3.1")]);
        assert_eq!(
            references("enligt åtgärd 2.6a, se åtgärdshelheten 1"),
            vec![mid("2.6a"), Reference::Theme(1)]
        );
        assert_eq!(
            references("see measure 4.3b and theme 9."),
            vec![mid("4.3b"), Reference::Theme(9)]
        );
        assert_eq!(references("toimenpiteessä 2.2."), vec![mid("2.2")]);
    }

    #[test]
    fn each_repeated_id_names_its_first_measure() -> Result<(), crate::RulesetError> {
        // Canonical ids compared, written ones trimmed when they do not parse; empty and
        // missing ids are not compared; references resolve against canonical ids only.
        let programme = serde_json::json!({"measures": [
            {"id": "3.1"},
            {"id": "x"},
            {"id": "2.1", "title": {"fi": "Kuten toimenpiteen 3.1 ja toimenpiteen 4.1 yhteydessä"}},
            {"id": "3.01"},
            {"id": " x "},
            {"id": "2.1"},
            {"id": ""},
            {"id": 5},
            {},
            {"id": ""},
            {"id": "2.1"}
        ]});
        let report = crate::Engine::new()?.check_programme(&programme, &crate::CheckOptions::default());
        let found: Vec<(String, Option<&String>, Option<&String>)> = report
            .findings
            .iter()
            .filter(|f| f.rule == DUPLICATE_ID.id || f.rule == REFERENCE.id)
            .map(|f| (f.path.clone(), f.params.get("first"), f.params.get("ref")))
            .collect();
        let (one, two, three, four) = ("1".to_string(), "2".to_string(), "3".to_string(), "4.1".to_string());
        assert_eq!(
            found,
            vec![
                ("/measures/2/title/fi".to_string(), None, Some(&four)),
                ("/measures/3/id".to_string(), Some(&one), None),
                ("/measures/4/id".to_string(), Some(&two), None),
                ("/measures/5/id".to_string(), Some(&three), None),
                ("/measures/10/id".to_string(), Some(&three), None),
            ]
        );
        Ok(())
    }

    #[test]
    fn references_are_placed_in_every_kind_of_text() -> Result<(), crate::RulesetError> {
        let bad = serde_json::json!({"fi": "Jatketaan toimenpiteen 3.9 työtä", "sv": "Enligt åtgärd 3.1"});
        let programme = serde_json::json!({"measures": [
            {"id": "3.1", "title": {"fi": "Otsikko"}},
            {
                "id": "3.2",
                "title": bad,
                "progress": [{"text": {"en": "No reference"}}, {"text": bad}],
                "steps": [
                    {"text": {"fi": "Ei viittausta"}},
                    {"text": bad, "progress": [{"text": bad}]}
                ]
            }
        ]});
        let report = crate::Engine::new()?.check_programme(&programme, &crate::CheckOptions::default());
        let paths: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.rule == REFERENCE.id)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(
            paths,
            // The report's order: by path.
            [
                "/measures/1/progress/1/text/fi",
                "/measures/1/steps/1/progress/0/text/fi",
                "/measures/1/steps/1/text/fi",
                "/measures/1/title/fi",
            ]
        );
        Ok(())
    }

    #[test]
    fn a_theme_reference_is_looked_up_in_themes_listed_in_any_order() -> Result<(), crate::RulesetError> {
        let programme = serde_json::json!({
            "themes": [{"number": 3}, {"number": 1}, {"number": 3}],
            "measures": [{"id": "1.1", "title": {"en": "See theme 2, theme 3 and theme 1."}}]
        });
        let report = crate::Engine::new()?.check_programme(&programme, &crate::CheckOptions::default());
        let refs: Vec<Option<&String>> = report
            .findings
            .iter()
            .filter(|f| f.rule == REFERENCE.id)
            .map(|f| f.params.get("ref"))
            .collect();
        assert_eq!(refs, [Some(&"2".to_string())]);
        Ok(())
    }

    /// The reading by word pairs that `references` replaced, as the oracle.
    fn references_by_pairs(text: &str) -> Vec<Reference> {
        let words: Vec<&str> = text.split_whitespace().collect();
        words
            .windows(2)
            .filter_map(|pair| match pair {
                [word, next] => reference(word, next),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn finding_numbers_first_reads_what_word_pairs_read() -> Result<(), String> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/programme-2017.json"))
            .map_err(|e| e.to_string())?;
        let programme: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let mut texts: Vec<String> = Vec::new();
        for m in programme
            .get("measures")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            each_text(m, &mut |_, t| texts.push(t.to_string()));
        }
        let tricky = [
            "toimenpiteen\u{a0}3.1 ja\u{2003}teema 2",
            "Toimenpiteen\t2.6a,  measure\n4.3b. THEME 9",
            " toimenpiteen 3.1",
            "3.1 toimenpide",
            "(toimenpidekokonaisuus 8).",
            "åtgärd 2.6. a) och \u{212b}tgärdshelheten 1",
            "toimenpiteen 3.1toimenpiteen 2.2",
            "toimenpiteen \u{2028}4.4 toimenpideohjelma 5.5 measure\u{3000}1.1",
            "",
            "7",
            "a 1 b 2",
        ];
        texts.extend(tricky.iter().map(|t| (*t).to_string()));
        let mut found = 0;
        for t in &texts {
            let got = references(t);
            assert_eq!(got, references_by_pairs(t), "{t:?}");
            found += got.len();
        }
        assert!(
            texts.len() > 200 && found > 10,
            "{} texts, {found} references",
            texts.len()
        );
        Ok(())
    }

    #[test]
    fn digits_are_found_eight_bytes_at_a_time() {
        let text: Vec<u8> = (0..=255u8)
            .chain(b"a1b2c3d4e5f6g7h8i9j0 /:;09".iter().copied())
            .collect();
        for start in 0..9 {
            let bytes = text.get(start..).unwrap_or_default();
            let want: Vec<usize> = (0..bytes.len())
                .filter(|&i| bytes.get(i).is_some_and(u8::is_ascii_digit))
                .collect();
            assert_eq!(digits(bytes).collect::<Vec<_>>(), want, "from {start}");
        }
    }

    #[test]
    fn ignores_what_is_not_a_reference() {
        assert!(references("toimenpideohjelma 2018 ja toimenpiteet 2018 aikana").is_empty());
        assert!(references("toimenpide").is_empty());
        assert!(references("").is_empty());
        assert!(references("vuosina 2018 - 2021").is_empty());
    }
}
