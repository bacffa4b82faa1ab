//! Splits schedule text into words, numbers and punctuation, borrowing from the input.
//!
//! Tokens keep their byte offsets so that an error can quote the text exactly as written,
//! and whether whitespace preceded them, because "2018-12" (a month) and "2018 - 12" (not a
//! schedule) differ only in spacing. Case is folded by the caller, which looks each word up
//! in the vocabulary once, so that the grammar compares word numbers.

use super::lookup::WordId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters, then letters or ASCII digits ("syksyllä", "q3").
    Word,
    /// ASCII digits only ("2018", "09").
    Num,
    /// Any of the hyphens and dashes people type: "-", "–", "—" and their relatives.
    Dash,
    Slash,
    Dot,
    Comma,
    Semi,
    Colon,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Byte offsets into the lexed text.
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
    /// A word's lower-cased form in the vocabulary, if it is there (filled in by the caller).
    pub word: Option<WordId>,
}

/// Yields `Err(())` at the first character no schedule uses (brackets, quotes, ...): the
/// parser then gives up, as no schedule expression contains one.
pub(super) struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
    )
}

/// `char::is_alphabetic`, answering the Latin-1 letters of Finnish and Swedish ("ä", "ö",
/// "å") without a table search.
fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        _ => c.is_alphabetic(),
    }
}

impl<'a> Lexer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    /// The character at byte offset `i` (a character boundary), decoding only non-ASCII.
    fn char_at(&self, i: usize) -> Option<char> {
        match self.src.as_bytes().get(i)? {
            &b if b.is_ascii() => Some(char::from(b)),
            _ => self.src.get(i..)?.chars().next(),
        }
    }

    /// The end of the run of characters from `i` that `keep` accepts.
    fn run_end(&self, mut i: usize, keep: impl Fn(char) -> bool) -> usize {
        while let Some(c) = self.char_at(i).filter(|&c| keep(c)) {
            i = i.saturating_add(c.len_utf8());
        }
        i
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Token<'a>, ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.run_end(self.pos, char::is_whitespace);
        let space_before = start > self.pos;
        let first = self.char_at(start)?;
        let after_first = start.saturating_add(first.len_utf8());
        let (kind, end) = if is_alphabetic(first) {
            let end = self.run_end(after_first, |c| is_alphabetic(c) || c.is_ascii_digit());
            (Kind::Word, end)
        } else if first.is_ascii_digit() {
            (Kind::Num, self.run_end(after_first, |c| c.is_ascii_digit()))
        } else if is_dash(first) {
            (Kind::Dash, after_first)
        } else {
            let kind = match first {
                '/' => Kind::Slash,
                '.' => Kind::Dot,
                ',' => Kind::Comma,
                ';' => Kind::Semi,
                ':' => Kind::Colon,
                _ => {
                    self.pos = self.src.len();
                    return Some(Err(()));
                }
            };
            (kind, after_first)
        };
        self.pos = end;
        let text = self.src.get(start..end).unwrap_or_default();
        Some(Ok(Token {
            kind,
            text,
            start,
            end,
            space_before,
            word: None,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Option<Vec<(Kind, String, bool)>> {
        Lexer::new(s)
            .map(|t| t.ok().map(|t| (t.kind, t.text.to_string(), t.space_before)))
            .collect()
    }

    #[test]
    fn splits_dates_and_words() {
        assert_eq!(
            kinds("14.3.–4.5.2018 Syksyllä q3"),
            Some(vec![
                (Kind::Num, "14".into(), false),
                (Kind::Dot, ".".into(), false),
                (Kind::Num, "3".into(), false),
                (Kind::Dot, ".".into(), false),
                (Kind::Dash, "–".into(), false),
                (Kind::Num, "4".into(), false),
                (Kind::Dot, ".".into(), false),
                (Kind::Num, "5".into(), false),
                (Kind::Dot, ".".into(), false),
                (Kind::Num, "2018".into(), false),
                (Kind::Word, "Syksyllä".into(), true),
                (Kind::Word, "q3".into(), true),
            ])
        );
    }

    #[test]
    fn numbers_stop_at_letters() {
        assert_eq!(
            kinds("3rd"),
            Some(vec![(Kind::Num, "3".into(), false), (Kind::Word, "rd".into(), false)])
        );
    }

    #[test]
    fn latin_1_letters_are_letters() {
        for c in '\0'..='\u{ff}' {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn unknown_characters_fail() {
        assert_eq!(kinds("(syksy 2018)"), None);
        assert_eq!(kinds("2018!"), None);
        assert_eq!(kinds("٣"), None);
    }
}
