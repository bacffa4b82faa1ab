//! Splits schedule text into words, numbers and punctuation, borrowing from the input.
//!
//! Tokens keep their byte offsets so that an error can quote the text exactly as written,
//! and whether whitespace preceded them, because "2018-12" (a month) and "2018 - 12" (not a
//! schedule) differ only in spacing. Case is folded by the caller, into one buffer for all
//! words, so that the vocabulary is matched by plain string comparison.

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
    /// Where a word's lower-cased form lies in the parser's buffer (filled in by the caller,
    /// which lower-cases all words into one `String`).
    pub lower: (usize, usize),
}

/// Yields `Err(())` at the first character no schedule uses (brackets, quotes, ...): the
/// parser then gives up, as no schedule expression contains one.
pub(super) struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}'
    )
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Token<'a>, ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.src.get(self.pos..)?;
        let mut chars = rest.char_indices().peekable();
        let mut space_before = false;
        let (offset, first) = loop {
            let (i, c) = chars.next()?;
            if c.is_whitespace() {
                space_before = true;
            } else {
                break (i, c);
            }
        };
        let mut end = offset + first.len_utf8();
        let kind = if first.is_alphabetic() {
            while let Some(&(i, c)) = chars.peek() {
                if !(c.is_alphabetic() || c.is_ascii_digit()) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            Kind::Word
        } else if first.is_ascii_digit() {
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_ascii_digit() {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            Kind::Num
        } else if is_dash(first) {
            Kind::Dash
        } else {
            match first {
                '/' => Kind::Slash,
                '.' => Kind::Dot,
                ',' => Kind::Comma,
                ';' => Kind::Semi,
                ':' => Kind::Colon,
                _ => {
                    self.pos = self.src.len();
                    return Some(Err(()));
                }
            }
        };
        let start = self.pos + offset;
        let end = self.pos + end;
        self.pos = end;
        let text = self.src.get(start..end).unwrap_or_default();
        Some(Ok(Token {
            kind,
            text,
            start,
            end,
            space_before,
            lower: (0, 0),
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
    fn unknown_characters_fail() {
        assert_eq!(kinds("(syksy 2018)"), None);
        assert_eq!(kinds("2018!"), None);
        assert_eq!(kinds("٣"), None);
    }
}
