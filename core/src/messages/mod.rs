//! Localised messages: one catalogue per language, each a sorted table of keys to templates.
//!
//! A key is a rule id ("partners.unknown"), a rule id and a variant
//! ("partners.unknown/suggest"), a rule's help ("help/partners.unknown"), or a phrase the
//! messages are built from ("type/string", "lang/sv"). Templates name their parameters in
//! braces: "{value} ei ole rekisterissä." A test checks that the three tables have the same
//! keys and the same parameters.

use std::collections::BTreeMap;

use crate::lang::Lang;
use crate::text::Fnv;

mod en;
mod fi;
mod sv;

pub(crate) fn table(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Fi => fi::MESSAGES,
        Lang::Sv => sv::MESSAGES,
        Lang::En => en::MESSAGES,
    }
}

/// Finds a key's place in the tables by its hash, computed once when the crate is compiled:
/// a binary search compared the keys, which share their first letters ("help/partners."),
/// seven times a lookup, and a finding looks up two or three keys. The three tables have the
/// same keys in the same order (a test below), so one index serves them all; a lookup still
/// compares the key it lands on, so a table out of step misses instead of giving another
/// key's message.
pub(crate) fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let t = table(lang);
    let mut slot = hash(key.as_bytes());
    loop {
        let i = usize::from(*INDEX.get(slot & (SLOTS - 1))?);
        let (k, v) = t.get(i.checked_sub(1)?)?;
        if *k == key {
            return Some(v);
        }
        slot = slot.wrapping_add(1);
    }
}

/// Slots of the index: a power of two, and at least half again as many as the keys, so that
/// the probes from a key's slot to its own (or to an empty one, for a key not there) are
/// short: the 128 keys in 256 slots take 1.4 probes for a key found (at most 5) and 2.1 for
/// one not there, on average, against 1.2 and 1.4 in 512 slots, which cost the browser's wasm
/// 106 bytes gzipped.
const SLOTS: usize = 256;

/// Each slot holds a key's position in the tables plus one, or 0 for an empty slot.
static INDEX: [u8; SLOTS] = index_of(en::MESSAGES);

/// The registry's hash (FNV-1a), whose low bits pick the slot.
const fn hash(key: &[u8]) -> usize {
    Fnv::hash(Fnv::START, key) as usize
}

#[expect(
    clippy::indexing_slicing,
    reason = "evaluated when the crate is compiled: an index out of range is a compile error, not a panic at run time"
)]
const fn index_of(table: &[(&str, &str)]) -> [u8; SLOTS] {
    // A position must fit in a slot's byte, and empty slots must be left to end probes.
    assert!(
        table.len() < 255 && table.len() * 3 < SLOTS * 2,
        "the messages outgrew the index: raise SLOTS or widen its slots"
    );
    let mut slots = [0u8; SLOTS];
    let mut i = 0;
    while i < table.len() {
        let mut s = hash(table[i].0.as_bytes()) & (SLOTS - 1);
        while slots[s] != 0 {
            s = (s + 1) & (SLOTS - 1);
        }
        slots[s] = (i + 1) as u8;
        i += 1;
    }
    slots
}

/// Calls `f` with the key made of `parts`, joined in a stack buffer: a key is looked up for
/// every finding, and is almost always short.
pub(crate) fn with_key<R>(parts: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 96];
    let mut len = 0;
    for part in parts {
        match buf.get_mut(len..len + part.len()) {
            Some(dst) => dst.copy_from_slice(part.as_bytes()),
            None => return f(&parts.concat()),
        }
        len += part.len();
    }
    match buf.get(..len).map(std::str::from_utf8) {
        Some(Ok(key)) => f(key),
        _ => f(&parts.concat()),
    }
}

/// The next brace in `rest`: its place, and, for a brace written as one (`{{`, `}}`, or a `}`
/// that closes nothing), how many bytes it takes; `None` then for a `{` that opens a parameter.
fn next_brace(rest: &str) -> Option<(usize, Option<usize>)> {
    let bytes = rest.as_bytes();
    let at = bytes.iter().position(|&b| b == b'{' || b == b'}')?;
    let brace = bytes.get(at).copied();
    let doubled = bytes.get(at + 1).copied() == brace;
    Some((at, (doubled || brace == Some(b'}')).then_some(1 + usize::from(doubled))))
}

/// Fills `{name}` parameters; an unknown parameter name is left as written, so a missing
/// parameter shows up in review instead of vanishing. `{{` and `}}` are a brace, as in Rust's
/// and Python's formats: a rule author's message may show `{"fi": …}`.
pub(crate) fn fill(template: &str, params: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((at, literal)) = next_brace(rest) {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at..).unwrap_or("");
        if let Some(len) = literal {
            out.push_str(after.get(..1).unwrap_or(""));
            rest = after.get(len..).unwrap_or("");
            continue;
        }
        match after.find('}') {
            Some(close) => {
                let name = after.get(1..close).unwrap_or("");
                match params.get(name) {
                    Some(v) => push_visible(&mut out, v),
                    None => out.push_str(after.get(..=close).unwrap_or("")),
                }
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A parameter's value as a message shows it, with what cannot be seen made visible: a control
/// character as its symbol (U+2400-U+2421: `␍` for a carriage return), other white space at
/// either end as `␠`. Otherwise a status written `"in-progress\r"` would read "in-progress is
/// not an allowed status. Did you mean in-progress?". The finding's `params` keep the value as
/// it is. Characters of no width (U+200B) are left as they are: looking for them in every
/// value cost a form check about 1 % more of its native instructions and about 120 bytes of
/// the browser's wasm.
fn push_visible(out: &mut String, v: &str) {
    // White space at the ends is looked for only past an end that is not a visible ASCII byte.
    let visible = |b: Option<&u8>| b.is_some_and(|b| (0x21..0x7f).contains(b));
    let bytes = v.as_bytes();
    let (start, end) = match visible(bytes.first()) && visible(bytes.last()) {
        true => (0, v.len()),
        false => (v.len() - v.trim_start().len(), v.trim_end().len()),
    };
    // Most values have nothing to show: they are copied whole.
    if start == 0 && end == v.len() && !bytes.iter().any(|&b| b < 0x20 || b == 0x7f) {
        out.push_str(v);
        return;
    }
    for (i, c) in v.char_indices() {
        match c {
            '\0'..='\x1f' | '\x7f' => out.push(char::from_u32(0x2400 + u32::from(c).min(0x21)).unwrap_or(c)),
            _ if i < start || i >= end => out.push('\u{2420}'),
            _ => out.push(c),
        }
    }
}

/// The message for `key` in `lang`, falling back to the rule's plain message when a variant
/// is missing and to English when a language lacks the key (the tests keep both from
/// happening in a release).
pub(crate) fn render(lang: Lang, key: &str, params: &BTreeMap<String, String>) -> String {
    let base = key.split_once('/').map(|(b, _)| b);
    let template = lookup(lang, key)
        .or_else(|| lookup(Lang::En, key))
        .or_else(|| base.and_then(|b| lookup(lang, b)))
        .unwrap_or(key);
    fill(template, params)
}

/// The `{name}` placeholders of a template, in order, as `fill` reads them.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some((at, literal)) = next_brace(rest) {
        if let Some(len) = literal {
            rest = rest.get(at + len..).unwrap_or("");
            continue;
        }
        let after = rest.get(at + 1..).unwrap_or("");
        match after.find('}') {
            Some(close) => {
                out.push(after.get(..close).unwrap_or(""));
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => break,
        }
    }
    out
}

/// Parameter names used by a template, each once, sorted.
#[cfg(test)]
pub(crate) fn parameters_of(template: &str) -> Vec<&str> {
    let mut out = placeholders(template);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::RULES;

    #[test]
    fn tables_are_sorted_and_unique() {
        for lang in Lang::ALL {
            let t = table(lang);
            for pair in t.windows(2) {
                if let [a, b] = pair {
                    assert!(a.0 < b.0, "{}: {:?} must sort before {:?}", lang.code(), a.0, b.0);
                }
            }
        }
    }

    #[test]
    fn the_index_finds_every_key_and_only_those() {
        for lang in Lang::ALL {
            for (k, v) in table(lang) {
                assert_eq!(lookup(lang, k), Some(*v), "{k} in {}", lang.code());
                // A key's prefix, or the key with more after it, is another key or none.
                for other in [
                    k.get(..k.len() - 1).unwrap_or(""),
                    &format!("{k}x"),
                    &format!("{k}/none"),
                ] {
                    let want = table(lang).iter().find(|(kk, _)| *kk == other).map(|(_, v)| *v);
                    assert_eq!(lookup(lang, other), want, "{other} in {}", lang.code());
                }
            }
            assert_eq!(lookup(lang, ""), None);
            assert_eq!(lookup(lang, "help/no.such-rule"), None);
        }
    }

    #[test]
    fn fill_keeps_what_is_not_a_parameter() {
        let params = BTreeMap::from([("a".to_string(), "Å".to_string())]);
        assert_eq!(fill("ä{a}ö {b} {a}{", &params), "äÅö {b} Å{");
        assert_eq!(fill("}{a}}", &params), "}Å}");
        // Doubled braces are braces, and name no parameter.
        assert_eq!(fill("{{a}} {{{a}}} }}{a}{{", &params), "{a} {Å} }Å{");
        assert_eq!(placeholders("{{a}} {{{b}}} }}{c}{{"), vec!["b", "c"]);
        assert_eq!(placeholders("{x}}{y}"), vec!["x", "y"]);
        assert_eq!(fill("", &params), "");
    }

    #[test]
    fn every_language_has_the_same_keys_and_parameters() {
        let en = table(Lang::En);
        for lang in [Lang::Fi, Lang::Sv] {
            let t = table(lang);
            let keys: Vec<_> = t.iter().map(|(k, _)| *k).collect();
            let en_keys: Vec<_> = en.iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, en_keys, "{} and en differ in keys", lang.code());
            for ((k, a), (_, b)) in t.iter().zip(en) {
                assert_eq!(
                    parameters_of(a),
                    parameters_of(b),
                    "{} {k}: parameters differ from en",
                    lang.code()
                );
                assert!(!a.trim().is_empty(), "{} {k} is empty", lang.code());
            }
        }
    }

    #[test]
    fn every_rule_has_a_message_and_help() {
        for lang in Lang::ALL {
            for rule in RULES {
                assert!(
                    lookup(lang, rule.id).is_some(),
                    "{}: no message for {}",
                    lang.code(),
                    rule.id
                );
                assert!(
                    lookup(lang, &format!("help/{}", rule.id)).is_some(),
                    "{}: no help for {}",
                    lang.code(),
                    rule.id
                );
            }
        }
    }

    #[test]
    fn every_key_belongs_to_a_rule_or_a_phrase_family() {
        for (k, _) in table(Lang::En) {
            let head = k.split('/').next().unwrap_or("");
            let ok = crate::catalogue::rule(head).is_some()
                || (head == "help"
                    && crate::catalogue::rule(k.get(5..).unwrap_or("").split('/').next().unwrap_or("")).is_some())
                || matches!(head, "type" | "lang" | "reading" | "status" | "joiner");
            assert!(ok, "orphan message key {k}");
        }
    }

    #[test]
    fn keys_are_joined_on_the_stack_or_the_heap() {
        assert_eq!(
            with_key(&["help/", "partners.unknown"], str::to_string),
            "help/partners.unknown"
        );
        let long = "x".repeat(200);
        assert_eq!(with_key(&["a/", &long], |k| k.len()), 202);
        assert_eq!(with_key(&[], str::to_string), "");
    }

    #[test]
    fn fill_shows_what_cannot_be_seen() {
        let p = BTreeMap::from([
            ("a".to_string(), "in-progress\r".to_string()),
            ("b".to_string(), " SM\u{a0}\t".to_string()),
            ("c".to_string(), "in-pro\u{200b}gress\u{feff}".to_string()),
            ("d".to_string(), "vuonna  2018 tai\u{a0}2019\x7f\0".to_string()),
        ]);
        assert_eq!(fill("{a}?", &p), "in-progress\u{240d}?");
        // White space at the ends, a tab among it: the tab as itself, the others as spaces.
        assert_eq!(fill("{b}", &p), "\u{2420}SM\u{2420}\u{2409}");
        assert_eq!(fill("{c}", &p), "in-pro\u{200b}gress\u{feff}");
        assert_eq!(fill("{d}", &p), "vuonna  2018 tai\u{a0}2019\u{2421}\u{2400}");
        assert_eq!(
            fill("{a} {a}", &BTreeMap::from([("a".to_string(), "  ".to_string())])),
            "\u{2420}\u{2420} \u{2420}\u{2420}"
        );
    }

    #[test]
    fn fill_substitutes_and_keeps_unknowns() {
        let mut p = BTreeMap::new();
        p.insert("value".to_string(), "HÄK".to_string());
        assert_eq!(fill("{value} ei ole {x}", &p), "HÄK ei ole {x}");
        assert_eq!(fill("open { brace", &p), "open { brace");
    }
}
