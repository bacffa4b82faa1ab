//! The vocabulary of `vocab.rs` indexed for the parser, built once per process.
//!
//! Every word the parser ever compares a token with gets a number, so that each word of a
//! text is lower-cased and looked up once, and a word the vocabulary does not know is known
//! to match nothing. Each table is then grouped by its entries' first word: finding the
//! entries that may start at a token is one slice access, where scanning every entry of all
//! languages' tables for each token and each alternative of the grammar was most of the
//! parser's time.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
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
    entries: Vec<(Box<[Sym]>, T)>,
}

impl Index<()> {
    fn plain(words: &Words, list: impl Fn(&'static Vocabulary) -> &'static [&'static str]) -> Self {
        Index::new(words, |v| list(v).iter().map(|&phrase| (phrase, ())).collect())
    }
}

impl<T: Copy + 'static> Index<T> {
    fn new(words: &Words, table: impl Fn(&'static Vocabulary) -> Vec<(&'static str, T)>) -> Self {
        let mut filed: Vec<(usize, Box<[Sym]>, T)> = Vec::new();
        for v in VOCABULARIES {
            for (phrase, value) in table(v) {
                let mut syms = phrase_parts(phrase).map(|(kind, text)| match kind {
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
                filed.push((usize::from(first), rest, value));
            }
        }
        // Stable, so that equally long entries keep the order of the tables.
        filed.sort_by_key(|(first, rest, _)| (*first, std::cmp::Reverse(rest.len())));
        let mut starts = Vec::with_capacity(words.len().saturating_add(1));
        let mut at = 0usize;
        for w in 0..=words.len() {
            while filed.get(at).is_some_and(|(first, _, _)| *first < w) {
                at = at.saturating_add(1);
            }
            starts.push(u32::try_from(at).unwrap_or(u32::MAX));
        }
        Index {
            starts,
            entries: filed.into_iter().map(|(_, rest, value)| (rest, value)).collect(),
        }
    }

    fn valued(words: &Words, table: impl Fn(&'static Vocabulary) -> &'static [(&'static str, T)]) -> Self {
        Index::new(words, |v| table(v).to_vec())
    }

    /// The entries starting with `first`, longest first; each as its tokens after `first`.
    pub(super) fn starting_with(&self, first: WordId) -> &[(Box<[Sym]>, T)] {
        let w = usize::from(first.0);
        let bound = |w: usize| self.starts.get(w).map_or(0, |&s| s as usize);
        self.entries
            .get(bound(w)..bound(w.saturating_add(1)))
            .unwrap_or_default()
    }
}

pub(super) struct Words {
    ids: HashMap<Cow<'static, [u8]>, WordId, BuildHasherDefault<Fnv>>,
    words: Vec<Word>,
}

impl Words {
    fn new() -> Self {
        // Borrowed from the tables where possible: this runs once, but before the first parse.
        let mut texts: Vec<Cow<'static, str>> = Vec::with_capacity(1024);
        for v in VOCABULARIES {
            for phrase in v.phrases() {
                texts.extend(
                    phrase_parts(phrase)
                        .filter(|(kind, _)| *kind == Kind::Word)
                        .map(|(_, text)| Cow::Borrowed(text)),
                );
            }
            for (stem, _) in v.month_stems {
                texts.extend(
                    v.month_endings
                        .iter()
                        .map(|(ending, _)| Cow::Owned(format!("{stem}{ending}"))),
                );
            }
        }
        texts.extend(SUFFIXES.iter().map(|&s| Cow::Borrowed(s)));
        let mut words = Words {
            ids: HashMap::with_capacity_and_hasher(texts.len(), BuildHasherDefault::default()),
            words: Vec::with_capacity(texts.len()),
        };
        for text in texts {
            if words.ids.contains_key(text.as_bytes()) {
                continue;
            }
            let Ok(id) = u16::try_from(words.words.len()) else {
                break;
            };
            let key = match &text {
                Cow::Borrowed(t) => Cow::Borrowed(t.as_bytes()),
                Cow::Owned(t) => Cow::Owned(t.as_bytes().to_vec()),
            };
            words.ids.insert(key, WordId(id));
            words.words.push(Word {
                fi_month: fi_month(&text),
                month_stem: month_stem(&text),
                text,
            });
        }
        words
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn id(&self, lower: &[u8]) -> Option<WordId> {
        self.ids.get(lower).copied()
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
                continuous: Index::plain(&words, |v| v.continuous),
                after_that: Index::plain(&words, |v| v.after_that),
                subjects: Index::plain(&words, |v| v.subjects),
                conjunctions: Index::plain(&words, |v| v.conjunctions),
                of: Index::plain(&words, |v| v.of),
                verbs: Index::valued(&words, |v| v.verbs),
                prefixes: Index::valued(&words, |v| v.prefixes),
                postfixes: Index::valued(&words, |v| v.postfixes),
                year_words: Index::valued(&words, |v| v.year_words),
                months: Index::valued(&words, |v| v.months),
                named: Index::valued(&words, |v| v.named),
                ordinals: Index::valued(&words, |v| v.ordinals),
                parts: Index::valued(&words, |v| v.parts),
                articles: Index::valued(&words, |v| v.articles),
                words,
            }
        })
    }
}

/// A vocabulary entry as tokens: words and dots ("fr.o.m." is fr . o . m .). Entries hold
/// only lower-case letters, spaces and dots (checked by a test), so this is all the lexing
/// they need.
pub(super) fn phrase_parts(phrase: &str) -> impl Iterator<Item = (Kind, &str)> {
    phrase
        .split(' ')
        .flat_map(|piece| piece.split_inclusive('.'))
        .flat_map(|chunk| {
            let (word, dot) = match chunk.strip_suffix('.') {
                Some(word) => (word, true),
                None => (chunk, false),
            };
            let word = (!word.is_empty()).then_some((Kind::Word, word));
            word.into_iter().chain(dot.then_some((Kind::Dot, ".")))
        })
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
                let parts: Vec<(Kind, String)> = phrase_parts(phrase).map(|(k, t)| (k, t.to_string())).collect();
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
                for (kind, text) in phrase_parts(phrase) {
                    assert!(kind != Kind::Word || words.lookup(text).is_some(), "{phrase:?}");
                }
            }
        }
        let longest = "a".repeat(LONGEST_WORD.saturating_add(1));
        assert_eq!(words.lookup(&longest), None);
    }

    /// The lengths of the entries filed under `word`, after it.
    fn filed<T: Copy + 'static>(index: &Index<T>, word: &str) -> Option<Vec<usize>> {
        let id = Tables::get().words.lookup(word)?;
        Some(index.starting_with(id).iter().map(|(rest, _)| rest.len()).collect())
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
