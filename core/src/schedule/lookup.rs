//! The vocabulary of `vocab.rs` indexed for the parser, built once per process.
//!
//! Every word the parser ever compares a token with gets a number, so that each word of a
//! text is lower-cased and looked up once, and a word the vocabulary does not know is known
//! to match nothing. Each table is then grouped by its entries' first word: finding the
//! entries that may start at a token is one slice access, where scanning every entry of all
//! languages' tables for each token and each alternative of the grammar was most of the
//! parser's time.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::lexer::Kind;
use super::vocab::{Case, Named, Part, Postfix, Prefix, Role, Vocabulary, VOCABULARIES};
use crate::text::Fnv;

/// A word of the vocabulary, lower-cased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WordId(u16);

/// Words the grammar compares single tokens with outside the tables: the English ordinal
/// suffixes ("3rd") and the Swedish ones ("3:e", "1:a").
pub(super) const SUFFIXES: [&str; 6] = ["st", "nd", "rd", "th", "e", "a"];

/// Lower-cased words longer than this are in no table (checked by a test), so they are
/// looked up no further than this.
const LONGEST_WORD: usize = 48;

struct Word {
    text: Cow<'static, str>,
    /// As a Finnish month form ("joulukuuhun"): the month and the case.
    fi_month: Option<(u8, Case)>,
    /// As a Finnish month stem ("tammi" in "tammi–helmikuussa").
    month_stem: Option<u8>,
}

/// A vocabulary entry as tokens, after its first word (which is where it is filed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sym {
    Word(WordId),
    Dot,
}

/// The entries of one table across all languages, grouped by first word.
pub(super) struct Index<T> {
    /// The entries starting with word `w` are `entries[starts[w]..starts[w + 1]]`, longest
    /// first, so that the first one the text spells is the longest; of entries of equal
    /// length, in the order of the tables, which decides between equally long ones.
    starts: Vec<u32>,
    /// Each entry's tokens after its first word, and where the entry is: its vocabulary
    /// and its place in the table.
    entries: Vec<Filed>,
    /// The value of the entry at a place. The index holds places, not values, so that
    /// building it is compiled once rather than once per type of value (that was 9 KB of
    /// the gzipped wasm).
    value: Entry<T>,
}

/// The entry at a place of a table, if there is one.
type Entry<T> = fn(&'static Vocabulary, usize) -> Option<T>;

impl<T> Index<T> {
    fn new(words: &Words, phrase: Entry<&'static str>, value: Entry<T>) -> Self {
        let (starts, entries) = file(words, phrase);
        Index { starts, entries, value }
    }

    /// The entries starting with `first`, longest first; each as its tokens after `first`,
    /// with its value.
    pub(super) fn starting_with(&self, first: WordId) -> impl Iterator<Item = (&[Sym], T)> + '_ {
        let w = usize::from(first.0);
        let bound = |w: usize| self.starts.get(w).map_or(0, |&s| s as usize);
        let entries = self
            .entries
            .get(bound(w)..bound(w.saturating_add(1)))
            .unwrap_or_default();
        entries.iter().filter_map(|(rest, v, i)| {
            let vocabulary = VOCABULARIES.get(usize::from(*v))?;
            Some((&**rest, (self.value)(vocabulary, usize::from(*i))?))
        })
    }
}

/// An entry's tokens after its first word, its vocabulary and its place in the table.
type Filed = (Box<[Sym]>, u8, u16);

/// Files the entries of a table (`phrase` gives each vocabulary's) by first word: where
/// each first word's entries start, and each entry's tokens after the first word.
fn file(words: &Words, phrase: Entry<&'static str>) -> (Vec<u32>, Vec<Filed>) {
    let mut filed: Vec<(usize, Filed)> = Vec::new();
    let mut parts = Vec::new();
    for (v, vocabulary) in VOCABULARIES.iter().enumerate() {
        for i in 0.. {
            let Some(text) = phrase(vocabulary, i) else { break };
            phrase_parts(text, &mut parts);
            let mut syms = parts.iter().map(|&(kind, text)| match kind {
                Kind::Word => words.id(text.as_bytes()).map(Sym::Word),
                _ => Some(Sym::Dot),
            });
            // Every word of every entry is in `words`, so both always hold.
            let Some(Some(Sym::Word(WordId(first)))) = syms.next() else {
                continue;
            };
            let Some(rest) = syms.collect::<Option<Box<[Sym]>>>() else {
                continue;
            };
            let (Ok(v), Ok(i)) = (u8::try_from(v), u16::try_from(i)) else {
                continue;
            };
            filed.push((usize::from(first), (rest, v, i)));
        }
    }
    // Grouped by first word, longest first, equally long ones in the order of the tables:
    // a stable sort by (first word, length descending), done by counting instead of with
    // the standard sort, whose code would cost more wasm than the whole index.
    let mut starts = vec![0u32; words.len().saturating_add(1)];
    for (first, _) in &filed {
        if let Some(n) = starts.get_mut(first.saturating_add(1)) {
            *n = n.saturating_add(1);
        }
    }
    for w in 1..starts.len() {
        let before = starts.get(w - 1).copied().unwrap_or(0);
        if let Some(n) = starts.get_mut(w) {
            *n = n.saturating_add(before);
        }
    }
    let mut next = starts.clone();
    let mut placed: Vec<Option<Filed>> = filed.iter().map(|_| None).collect();
    let longest = filed.iter().map(|(_, (rest, _, _))| rest.len()).max().unwrap_or(0);
    for len in (0..=longest).rev() {
        for (first, entry) in &filed {
            let Some(at) = next.get_mut(*first).filter(|_| entry.0.len() == len) else {
                continue;
            };
            if let Some(slot) = placed.get_mut(*at as usize) {
                *slot = Some(entry.clone());
            }
            *at = at.saturating_add(1);
        }
    }
    (starts, placed.into_iter().flatten().collect())
}

pub(super) struct Words {
    /// An open-addressing hash table of indexes into `words` (`EMPTY` where none): a few
    /// lines instead of a `HashMap` compiled for one more key type (2 KB of wasm).
    slots: Vec<u16>,
    words: Vec<Word>,
}

const EMPTY: u16 = u16::MAX;

fn hash(bytes: &[u8]) -> usize {
    use std::hash::Hasher as _;
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish() as usize
}

impl Words {
    fn new() -> Self {
        // Borrowed from the tables where possible: this runs once, but before the first parse.
        let mut texts: Vec<Cow<'static, str>> = Vec::with_capacity(1024);
        let mut parts = Vec::new();
        for v in VOCABULARIES {
            for phrase in v.phrases() {
                phrase_parts(phrase, &mut parts);
                for (kind, text) in parts.drain(..) {
                    if kind == Kind::Word {
                        texts.push(Cow::Borrowed(text));
                    }
                }
            }
            for (stem, _) in v.month_stems {
                for (ending, _) in v.month_endings {
                    texts.push(Cow::Owned(format!("{stem}{ending}")));
                }
            }
        }
        for s in SUFFIXES {
            texts.push(Cow::Borrowed(s));
        }
        // At most half full, so that a probe ends soon.
        let size = texts.len().saturating_mul(2).next_power_of_two();
        let mut words = Words {
            slots: vec![EMPTY; size],
            words: Vec::with_capacity(texts.len()),
        };
        for text in texts {
            let Err(slot) = words.find(text.as_bytes()) else {
                continue;
            };
            let Ok(id) = u16::try_from(words.words.len()) else {
                break;
            };
            if let Some(s) = words.slots.get_mut(slot) {
                *s = id;
            }
            words.words.push(Word {
                fi_month: fi_month(&text),
                month_stem: month_stem(&text),
                text,
            });
        }
        words
    }

    /// The word spelt `lower`, or the free slot where it would go.
    fn find(&self, lower: &[u8]) -> Result<WordId, usize> {
        let mask = self.slots.len().saturating_sub(1);
        let mut slot = hash(lower) & mask;
        // The table is never full, so a free slot ends every probe; the bound is a backstop.
        for _ in 0..self.slots.len() {
            match self.slots.get(slot).copied() {
                None | Some(EMPTY) => return Err(slot),
                Some(id)
                    if self
                        .words
                        .get(usize::from(id))
                        .is_some_and(|w| w.text.as_bytes() == lower) =>
                {
                    return Ok(WordId(id))
                }
                Some(_) => slot = (slot + 1) & mask,
            }
        }
        Err(usize::MAX)
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn id(&self, lower: &[u8]) -> Option<WordId> {
        self.find(lower).ok()
    }

    /// The word of the text `word`, ignoring case as the parser does: char by char, so "İ"
    /// is "i̇" and never "i".
    pub(super) fn lookup(&self, word: &str) -> Option<WordId> {
        let mut buf = [0u8; LONGEST_WORD];
        let mut len = 0usize;
        let mut push = |c: char| -> Option<()> {
            let to = len.saturating_add(c.len_utf8());
            c.encode_utf8(buf.get_mut(len..to)?);
            len = to;
            Some(())
        };
        for c in word.chars() {
            match c {
                'A'..='Z' | '\u{c0}'..='\u{de}' if c != '\u{d7}' => push(char::from_u32(u32::from(c) | 0x20)?)?,
                // Nothing else up to U+00FF has a lower case ("ä", "ö", "å" are lower case).
                '\0'..='\u{ff}' => push(c)?,
                _ => {
                    for l in c.to_lowercase() {
                        push(l)?;
                    }
                }
            }
        }
        self.id(buf.get(..len)?)
    }

    pub(super) fn text(&self, id: WordId) -> &str {
        self.words.get(usize::from(id.0)).map_or("", |w| &*w.text)
    }

    pub(super) fn fi_month(&self, id: WordId) -> Option<(u8, Case)> {
        self.words.get(usize::from(id.0))?.fi_month
    }

    pub(super) fn month_stem(&self, id: WordId) -> Option<u8> {
        self.words.get(usize::from(id.0))?.month_stem
    }
}

/// The tables of `Vocabulary`, indexed.
pub(super) struct Tables {
    pub words: Words,
    pub continuous: Index<()>,
    pub after_that: Index<()>,
    pub subjects: Index<()>,
    pub conjunctions: Index<()>,
    pub of: Index<()>,
    pub verbs: Index<Role>,
    pub prefixes: Index<Prefix>,
    pub postfixes: Index<Postfix>,
    pub year_words: Index<Case>,
    pub months: Index<u8>,
    pub named: Index<(Named, Case)>,
    pub ordinals: Index<u8>,
    pub parts: Index<(Part, Case)>,
    pub articles: Index<bool>,
}

impl Tables {
    pub(super) fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| {
            let words = Words::new();
            Tables {
                continuous: Index::new(&words, |v, i| v.continuous.get(i).copied(), |_, _| Some(())),
                after_that: Index::new(&words, |v, i| v.after_that.get(i).copied(), |_, _| Some(())),
                subjects: Index::new(&words, |v, i| v.subjects.get(i).copied(), |_, _| Some(())),
                conjunctions: Index::new(&words, |v, i| v.conjunctions.get(i).copied(), |_, _| Some(())),
                of: Index::new(&words, |v, i| v.of.get(i).copied(), |_, _| Some(())),
                verbs: Index::new(&words, |v, i| Some(v.verbs.get(i)?.0), |v, i| Some(v.verbs.get(i)?.1)),
                prefixes: Index::new(
                    &words,
                    |v, i| Some(v.prefixes.get(i)?.0),
                    |v, i| Some(v.prefixes.get(i)?.1),
                ),
                postfixes: Index::new(
                    &words,
                    |v, i| Some(v.postfixes.get(i)?.0),
                    |v, i| Some(v.postfixes.get(i)?.1),
                ),
                year_words: Index::new(
                    &words,
                    |v, i| Some(v.year_words.get(i)?.0),
                    |v, i| Some(v.year_words.get(i)?.1),
                ),
                months: Index::new(&words, |v, i| Some(v.months.get(i)?.0), |v, i| Some(v.months.get(i)?.1)),
                named: Index::new(&words, |v, i| Some(v.named.get(i)?.0), |v, i| Some(v.named.get(i)?.1)),
                ordinals: Index::new(
                    &words,
                    |v, i| Some(v.ordinals.get(i)?.0),
                    |v, i| Some(v.ordinals.get(i)?.1),
                ),
                parts: Index::new(&words, |v, i| Some(v.parts.get(i)?.0), |v, i| Some(v.parts.get(i)?.1)),
                articles: Index::new(
                    &words,
                    |v, i| Some(v.articles.get(i)?.0),
                    |v, i| Some(v.articles.get(i)?.1),
                ),
                words,
            }
        })
    }
}

/// A vocabulary entry as tokens: words and dots ("fr.o.m." is fr . o . m .). Entries hold
/// only lower-case letters, spaces and dots (checked by a test), so this is all the lexing
/// they need.
pub(super) fn phrase_parts<'p>(phrase: &'p str, out: &mut Vec<(Kind, &'p str)>) {
    out.clear();
    for chunk in phrase.split(' ').flat_map(|piece| piece.split_inclusive('.')) {
        let (word, dot) = match chunk.strip_suffix('.') {
            Some(word) => (word, true),
            None => (chunk, false),
        };
        if !word.is_empty() {
            out.push((Kind::Word, word));
        }
        if dot {
            out.push((Kind::Dot, "."));
        }
    }
}

/// A Finnish month form, lower-cased: stem plus case ending ("maalis" + "kuussa").
fn fi_month(word: &str) -> Option<(u8, Case)> {
    VOCABULARIES.iter().find_map(|v| {
        v.month_stems.iter().find_map(|&(stem, m)| {
            let rest = word.strip_prefix(stem)?;
            v.month_endings
                .iter()
                .find(|(ending, _)| rest == *ending)
                .map(|&(_, case)| (m, case))
        })
    })
}

fn month_stem(word: &str) -> Option<u8> {
    VOCABULARIES
        .iter()
        .flat_map(|v| v.month_stems.iter())
        .find(|(stem, _)| word == *stem)
        .map(|&(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_months() {
        assert_eq!(fi_month("maaliskuussa"), Some((3, Case::Essive)));
        assert_eq!(fi_month("joulukuuhun"), Some((12, Case::Illative)));
        assert_eq!(fi_month("kesä"), None);
        assert_eq!(fi_month("joulu"), None);
        let words = &Tables::get().words;
        let id = words.lookup("JouluKUUHUN");
        assert_eq!(id.and_then(|id| words.fi_month(id)), Some((12, Case::Illative)));
        assert_eq!(id.and_then(|id| words.month_stem(id)), None);
        assert_eq!(words.lookup("Tammi").and_then(|id| words.month_stem(id)), Some(1));
    }

    /// As `char::to_lowercase` would, for the characters the fast path answers and some
    /// beyond.
    #[test]
    fn case_is_folded_char_by_char() {
        let words = &Tables::get().words;
        for c in '\0'..='\u{17f}' {
            // "a", "e", "i", "v", "ht", "vt" are known words.
            for word in [format!("{c}"), format!("{c}t"), format!("H{c}sten")] {
                let lower: String = word.chars().flat_map(char::to_lowercase).collect();
                assert_eq!(words.lookup(&word), words.id(lower.as_bytes()), "{word:?}");
            }
        }
        assert!(words.lookup("HÖSTEN").is_some());
        assert_eq!(words.lookup("İ"), None);
    }

    /// `phrase_parts` is a shortcut for the lexer; it holds for the entries as written.
    #[test]
    fn vocabulary_entries_are_lower_case_and_split_as_the_lexer_does() {
        for v in VOCABULARIES {
            for phrase in v.phrases() {
                assert_eq!(phrase, phrase.to_lowercase(), "{phrase:?}");
                assert!(phrase.chars().next().is_some_and(char::is_alphabetic), "{phrase:?}");
                assert!(!phrase.contains("  ") && !phrase.ends_with(' '), "{phrase:?}");
                let lexed: Vec<(Kind, String)> = super::super::lexer::Lexer::new(phrase)
                    .map(|t| t.map(|t| (t.kind, t.text.to_string())))
                    .collect::<Result<_, ()>>()
                    .unwrap_or_default();
                let mut pieces = Vec::new();
                phrase_parts(phrase, &mut pieces);
                let parts: Vec<(Kind, String)> = pieces.iter().map(|(k, t)| (*k, t.to_string())).collect();
                assert_eq!(lexed, parts, "{phrase:?}");
            }
        }
    }

    /// `Words::lookup` stops at `LONGEST_WORD` bytes, and an entry is filed only if all its
    /// words are known.
    #[test]
    fn every_word_is_known_and_fits() {
        let words = &Tables::get().words;
        for w in &words.words {
            assert!(w.text.len() <= LONGEST_WORD, "{:?}", w.text);
            assert_eq!(words.lookup(&w.text).map(|id| words.text(id)), Some(&*w.text));
        }
        for v in VOCABULARIES {
            for phrase in v.phrases() {
                let mut pieces = Vec::new();
                phrase_parts(phrase, &mut pieces);
                for (kind, text) in pieces {
                    assert!(kind != Kind::Word || words.lookup(text).is_some(), "{phrase:?}");
                }
            }
        }
        let longest = "a".repeat(LONGEST_WORD.saturating_add(1));
        assert_eq!(words.lookup(&longest), None);
    }

    /// The lengths of the entries filed under `word`, after it.
    fn filed<T>(index: &Index<T>, word: &str) -> Option<Vec<usize>> {
        let id = Tables::get().words.lookup(word)?;
        Some(index.starting_with(id).map(|(rest, _)| rest.len()).collect())
    }

    #[test]
    fn entries_are_filed_longest_first_in_table_order() {
        let t = Tables::get();
        assert_eq!(filed(&t.prefixes, "från"), Some(vec![2, 0]));
        assert_eq!(filed(&t.prefixes, "fr"), Some(vec![5, 4]));
        assert_eq!(filed(&t.months, "jan"), Some(vec![0, 0]));
        assert_eq!(filed(&t.months, "kesä"), Some(vec![]));
        assert_eq!(filed(&t.prefixes, "xyz"), None);
    }
}
