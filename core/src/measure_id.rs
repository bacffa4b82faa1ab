//! Measure numbers: theme, number, optional letter part ("2.6a").

use std::fmt;

/// A recognised measure number. The published forms "2.6. a)", "4.3. b.", "1.1." and
/// "2.6 b)" all read as the same value; `Display` gives the canonical form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeasureId {
    pub theme: u8,
    pub number: u16,
    pub part: Option<char>,
}

impl MeasureId {
    /// Reads a measure number in its canonical or published form; `None` when the text is
    /// not a measure number at all. A comma is read as the dot: "2,6" is how a number with a
    /// decimal point is typed in Finnish and Swedish, and the fix it gets is "2.6".
    pub fn parse(text: &str) -> Option<MeasureId> {
        let s = text.trim();
        let (theme_txt, rest) = s.split_once(['.', ','])?;
        let theme: u8 = digits(theme_txt)?.parse().ok()?;
        let rest = rest.trim_start();
        let num_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (num_txt, mut tail) = rest.split_at(num_end);
        let number: u16 = digits(num_txt)?.parse().ok()?;
        // "1.1." and "2.6. a)": a dot may close the number.
        tail = tail.strip_prefix('.').unwrap_or(tail).trim_start();
        let part = match tail.chars().next() {
            None => None,
            Some(c) if c.is_ascii_lowercase() || c.is_ascii_uppercase() => {
                let after = tail.get(1..).unwrap_or("");
                if !matches!(after, "" | ")" | ".") {
                    return None;
                }
                Some(c.to_ascii_lowercase())
            }
            Some(_) => return None,
        };
        if theme == 0 || number == 0 {
            return None;
        }
        Some(MeasureId { theme, number, part })
    }
}

/// The canonical id of a measure document (its `id` field read as a measure number), which
/// every finding about that measure carries.
pub(crate) fn canonical_of<D: crate::doc::Doc>(measure: &D) -> Option<String> {
    measure
        .get("id")
        .and_then(crate::doc::Doc::as_str)
        .and_then(MeasureId::parse)
        .map(|id| id.canonical())
}

fn digits(s: &str) -> Option<&str> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then_some(s)
}

impl MeasureId {
    /// The canonical form, `2.6a`. Written into one small buffer rather than by `write!`:
    /// every measure's id is written twice per check, and the formatting machinery (and
    /// `to_string`'s second buffer) cost more than the rest of the id rule.
    pub fn canonical(&self) -> String {
        let mut out = String::with_capacity(12);
        crate::text::push_index(&mut out, usize::from(self.theme));
        out.push('.');
        crate::text::push_index(&mut out, usize::from(self.number));
        if let Some(p) = self.part {
            out.push(p);
        }
        out
    }
}

impl fmt::Display for MeasureId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(s: &str) -> Option<String> {
        MeasureId::parse(s).map(|id| id.to_string())
    }

    #[test]
    fn canonical_and_published_forms() {
        assert_eq!(canon("2.14").as_deref(), Some("2.14"));
        assert_eq!(canon("2.6a").as_deref(), Some("2.6a"));
        assert_eq!(canon("2.6. a)").as_deref(), Some("2.6a"));
        assert_eq!(canon("4.3. b.").as_deref(), Some("4.3b"));
        assert_eq!(canon("1.1.").as_deref(), Some("1.1"));
        assert_eq!(canon("2.6 b)").as_deref(), Some("2.6b"));
        assert_eq!(canon(" 2.6B ").as_deref(), Some("2.6b"));
        // A decimal comma, as Finnish and Swedish write the point.
        assert_eq!(canon("2,6").as_deref(), Some("2.6"));
        assert_eq!(canon("2,6a").as_deref(), Some("2.6a"));
        assert_eq!(canon("1,1.").as_deref(), Some("1.1"));
    }

    #[test]
    fn rejects_what_is_not_a_measure_number() {
        for bad in [
            "", "2", "2.", ".1", "a.1", "2.x", "2,", ",1", "2,6,a", "2.6,a", "2.6ab", "0.1", "2.0", "2.6 a) b",
            "12345.1", "2.6-a", "Ⅱ.1",
        ] {
            assert_eq!(canon(bad), None, "{bad:?}");
        }
    }
}
