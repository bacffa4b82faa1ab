//! Documents given as objects, read without JSON text: `walk.mjs` walks a plain JS value into
//! a tape of the kind reports cross on (`tape.rs`'s op codes, each string's length in UTF-16
//! units, every string in one text), and `read` makes of it a `Borrowed` document, its strings
//! borrowed from that text, that reads as the `Value` serde_json would read from
//! `JSON.stringify`'s text of the same value.
//!
//! Only the Node build has it (feature `object-walk`): in Node 20's V8 the walk is about 7 %
//! faster than `JSON.stringify` and serde_json's parse, but in Chromium 156, whose
//! `JSON.stringify` is newer, about 8 % slower (docs/decisions/0002-values-cross-as-tapes.md).

use measure_rules::Borrowed;

use crate::tape::{op, units_in, units_of};

/// A document walked by `walk.mjs` (`readDocument`), read as serde_json reads JSON.stringify's
/// text of it. Its keys are all `ONCE_KEY`s, its numbers safe integers, and
/// each string's length is in UTF-16 units, which are counted off the UTF-8 text here. `None`
/// when the tape is not one `walk.mjs` writes; the caller then reads the JSON text instead.
pub(crate) fn read<'a>(ops: &[u32], numbers: &[f64], text: &'a str) -> Option<Borrowed<'a>> {
    let mut reader = Reader {
        ops: ops.iter(),
        numbers: numbers.iter(),
        text,
        at: 0,
    };
    let first = reader.op()?;
    let value = reader.value(first)?;
    (reader.ops.next().is_none() && reader.at == text.len()).then_some(value)
}

struct Reader<'o, 'a> {
    ops: std::slice::Iter<'o, u32>,
    numbers: std::slice::Iter<'o, f64>,
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'_, 'a> {
    fn op(&mut self) -> Option<u32> {
        self.ops.next().copied()
    }

    /// The next string of the text, given its length in UTF-16 units. A character's units
    /// are counted at its first byte (one, or two for a four-byte character, a surrogate pair
    /// in JS) and its continuation bytes count none, so eight bytes at a time are counted in
    /// one word while they hold no more units than are left: Finnish text has an `ä` or `ö`
    /// every few words, which stopped a walk of ASCII runs every few bytes. Such a word cannot
    /// reach into the next string, whose first byte would be one unit too many.
    fn slice(&mut self) -> Option<&'a str> {
        let mut units = usize::try_from(self.op()?).ok()?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut at = start;
        while units >= 8 {
            let Some(word) = bytes.get(at..at + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) else {
                break;
            };
            let counted = units_in(word);
            if counted > units {
                break;
            }
            units -= counted;
            at += 8;
        }
        // The rest byte by byte, then the last character's continuation bytes.
        while let Some(&b) = bytes.get(at) {
            let counted = units_of(b);
            if counted > 0 {
                if units == 0 {
                    break;
                }
                units = units.checked_sub(counted)?;
            }
            at += 1;
        }
        if units != 0 {
            return None;
        }
        self.at = at;
        self.text.get(start..at)
    }

    fn value(&mut self, op: u32) -> Option<Borrowed<'a>> {
        Some(match op {
            op::NULL => Borrowed::Null,
            op::TRUE => Borrowed::Bool(true),
            op::FALSE => Borrowed::Bool(false),
            op::NUMBER => {
                let n = *self.numbers.next()?;
                // Safe integers, as `walk.mjs` checked: exact in an i64.
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "a safe integer, checked by walk.mjs and here"
                )]
                let i = n as i64;
                #[expect(clippy::cast_precision_loss, reason = "compared back to the double it came from")]
                let exact = i as f64 == n;
                if !exact {
                    return None;
                }
                Borrowed::Number(i.into())
            }
            op::STRING => Borrowed::String(self.slice()?),
            op::ARRAY => {
                let mut array = Vec::new();
                loop {
                    match self.op()? {
                        op::END => break Borrowed::Array(array),
                        next => array.push(self.value(next)?),
                    }
                }
            }
            op::OBJECT => {
                let mut members = Vec::new();
                loop {
                    match self.op()? {
                        op::END => break Borrowed::object(members),
                        op::ONCE_KEY => {
                            let key = self.slice()?;
                            let next = self.op()?;
                            members.push((key, self.value(next)?));
                        }
                        _ => return None,
                    }
                }
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{op, read};
    use measure_rules::Doc;
    use serde_json::json;

    fn value(ops: &[u32], numbers: &[f64], text: &str) -> Option<serde_json::Value> {
        read(ops, numbers, text).map(|d| d.to_value())
    }

    #[test]
    fn a_walked_document_is_read_with_utf16_lengths() {
        let (o, e, k, st, n, a) = (op::OBJECT, op::END, op::ONCE_KEY, op::STRING, op::NUMBER, op::ARRAY);
        // { "ä😀": ["x😀yyyyyyyyy", 5, null, true], "k": {} }: the second string is longer than
        // eight bytes of ASCII after its emoji, so both of the slicing paths are taken.
        let ops = [o, k, 3, a, st, 13, n, op::NULL, op::TRUE, e, k, 1, o, e, e];
        let text = "ä😀x😀yyyyyyyyyyk";
        let want = json!({ "ä😀": ["x😀yyyyyyyyyy", 5, null, true], "k": {} });
        assert_eq!(value(&ops, &[5.0], text), Some(want));
        // Tapes walk.mjs does not write are refused, for the JSON text path to read instead.
        assert_eq!(value(&ops, &[5.5], text), None, "not an integer");
        assert_eq!(value(&ops, &[], text), None, "a number missing");
        assert_eq!(value(&ops, &[5.0], &format!("{text}z")), None, "text left over");
        assert_eq!(value(&ops, &[5.0], "ä😀x"), None, "text missing");
        assert_eq!(value(&[o, k, 1, op::TRUE], &[], "k"), None, "no end");
        assert_eq!(
            value(&[o, op::NEW_KEY, 1, op::TRUE, e], &[], "k"),
            None,
            "keys are not kept"
        );
        assert_eq!(value(&[st, 1, st, 1], &[], "ab"), None, "ops left over");
        // A length that ends inside a character.
        assert_eq!(value(&[st, 1], &[], "😀"), None);
    }

    #[test]
    fn every_length_slices_at_its_character_or_is_refused() {
        // Every length from 0 to past the end, over texts that put each kind of character at
        // every offset of an eight-byte word: the slice ends where the JS string of that many
        // UTF-16 units ends, or is refused when that is inside a surrogate pair or past the text.
        let pieces = ["a", "ä", "\u{2010}", "😀"];
        let mut texts = Vec::new();
        for lead in 0..9 {
            for piece in pieces {
                for other in pieces {
                    texts.push(format!(
                        "{}{piece}{}{other}{piece}xyz{other}",
                        "a".repeat(lead),
                        "b".repeat(lead % 5)
                    ));
                }
            }
        }
        for text in &texts {
            let units = text.encode_utf16().count();
            for n in 0..=units + 1 {
                let mut ends = text.char_indices().map(|(i, _)| i).chain([text.len()]);
                let want = ends
                    .find(|&i| text.get(..i).is_some_and(|p| p.encode_utf16().count() == n))
                    .and_then(|i| text.get(..i));
                let ops = [op::STRING, u32::try_from(n).unwrap()];
                let mut reader = super::Reader {
                    ops: ops.get(1..).unwrap().iter(),
                    numbers: [].iter(),
                    text,
                    at: 0,
                };
                assert_eq!(reader.slice(), want, "{text:?} at {n} units");
            }
        }
    }

    #[test]
    fn strings_of_every_mix_are_sliced_where_js_counts() {
        // Strings of ASCII runs of every length around the eight-byte step, between
        // characters of two, three and four bytes, as walk.mjs sends them: lengths in UTF-16.
        let pieces = ["ä", "\u{2010}", "😀"];
        let mut strings = Vec::new();
        for run in 0..20 {
            for piece in pieces {
                for tail in [0, 1, 7, 8, 9] {
                    strings.push(format!("{}{piece}{}", "a".repeat(run), "b".repeat(tail)));
                    strings.push(format!("{piece}{}{piece}", "c".repeat(run)));
                }
            }
        }
        let mut ops = vec![op::ARRAY];
        for s in &strings {
            ops.extend([op::STRING, u32::try_from(s.encode_utf16().count()).unwrap()]);
        }
        ops.push(op::END);
        let got = value(&ops, &[], &strings.concat());
        assert_eq!(got, Some(json!(strings)));
    }
}
