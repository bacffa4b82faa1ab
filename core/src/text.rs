//! Small text helpers shared by the registry, the rule-set loader and the rules.

use crate::doc::{Doc, View};

/// Folds case and white space so that "Sisäministeriö", " sisäministeriö " and
/// "SISÄMINISTERIÖ" compare equal; Unicode-aware because codes like "HÄKE" carry umlauts.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Most names are ASCII codes ("SM", "PO"); they need no Unicode case tables.
    if s.is_ascii() {
        for word in s.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        }
        return out;
    }
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        // Names with an umlaut are mostly ASCII still: the case tables only for the rest.
        for c in word.chars() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// FNV-1a, for the engine's fixed lookup tables (registry names, schedule words): their
/// keys are a few bytes long, where SipHash's setup costs more than the hashing, and come
/// from the engine and rule sets, not from the documents checked, so there is no flooding
/// to defend against. Public for the bindings' table of report keys, which is of that kind too.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    pub(crate) const START: u64 = 0xcbf2_9ce4_8422_2325;

    /// `bytes` hashed on from `state`; a `const fn`, so that tables built when the crate is
    /// compiled (the messages' index) hash as the lookups do.
    #[inline]
    pub(crate) const fn hash(mut state: u64, mut bytes: &[u8]) -> u64 {
        while let [b, rest @ ..] = bytes {
            state = (state ^ *b as u64).wrapping_mul(0x0100_0000_01b3);
            bytes = rest;
        }
        state
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(Fnv::START)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = Fnv::hash(self.0, bytes);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Levenshtein distance on chars, capped: returns `None` as soon as the distance must exceed
/// `max`, so suggesting among a few hundred names stays cheap on every keystroke.
pub(crate) fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    Distances::default().within(&a, b, max)
}

/// The buffers of [`distance_within`], kept across candidates: a "did you mean" search
/// compares one input with hundreds of registry names, and four allocations per name were
/// most of its time.
#[derive(Default)]
struct Distances {
    b: Vec<char>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Distances {
    fn within(&mut self, a: &[char], b: &str, max: usize) -> Option<usize> {
        self.b.clear();
        self.b.extend(b.chars());
        let b = &self.b;
        if a.len().abs_diff(b.len()) > max {
            return None;
        }
        let (prev, cur) = (&mut self.prev, &mut self.cur);
        prev.clear();
        prev.extend(0..=b.len());
        cur.clear();
        cur.resize(b.len() + 1, 0);
        for (i, ca) in a.iter().enumerate() {
            let mut row_min = usize::MAX;
            if let Some(first) = cur.first_mut() {
                *first = i + 1;
                row_min = i + 1;
            }
            for (j, cb) in b.iter().enumerate() {
                let sub = prev
                    .get(j)
                    .copied()
                    .unwrap_or(usize::MAX)
                    .saturating_add(usize::from(ca != cb));
                let del = prev.get(j + 1).copied().unwrap_or(usize::MAX).saturating_add(1);
                let ins = cur.get(j).copied().unwrap_or(usize::MAX).saturating_add(1);
                let best = sub.min(del).min(ins);
                if let Some(slot) = cur.get_mut(j + 1) {
                    *slot = best;
                }
                row_min = row_min.min(best);
            }
            if row_min > max {
                return None;
            }
            std::mem::swap(prev, cur);
        }
        prev.last().copied().filter(|d| *d <= max)
    }
}

/// The candidate closest to `input`, if any is close enough to be a plausible typo. Ties go
/// to a candidate that continues what was typed ("HÄK" is "HÄKE" before "HVK"), then to the
/// alphabetically first, so the answer never depends on the order candidates come in (a
/// registry's hash map iterates differently in every process).
///
/// Over a `dyn` iterator: the callers' seven kinds of iterator each made a copy of it in the
/// wasm (about 440 bytes each before wasm-opt).
pub(crate) fn closest<'a>(input: &str, candidates: &mut dyn Iterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(input);
    let max = max_distance(&folded);
    let mut best: Option<((usize, bool, String), &'a str)> = None;
    for cand in candidates {
        let key = fold(cand);
        if let Some(d) = distance_within(&folded, &key, max) {
            let rank = (d, !key.starts_with(&folded), key);
            if best.as_ref().is_none_or(|(b, _)| rank < *b) {
                best = Some((rank, cand));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// A folded candidate of [`closest_folded`], with what rules it out cheaply computed once.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub key: String,
    chars: usize,
    letters: Letters,
}

impl Candidate {
    pub fn new(key: String) -> Candidate {
        Candidate {
            chars: key.chars().count(),
            letters: Letters::of(key.chars()),
            key,
        }
    }
}

/// [`closest`] among candidates that are folded already (the registry's names), which a
/// form runs on every keystroke in a name field. Before the distance itself, which is
/// quadratic, two bounds rule a candidate out: its length, and the letters it has that
/// the input lacks (or lacks that the input has). Together they leave a few of the
/// registry's hundreds of names to compare.
pub(crate) fn closest_folded<'a>(input: &str, candidates: &'a [Candidate]) -> Option<&'a str> {
    let folded = fold(input);
    let max = max_distance(&folded);
    let chars: Vec<char> = folded.chars().collect();
    let letters = Letters::of(chars.iter().copied());
    let mut buffers = Distances::default();
    let mut best: Option<(usize, bool, &'a str)> = None;
    for c in candidates {
        if c.chars.abs_diff(chars.len()) > max || letters.differ(&c.letters) > max {
            continue;
        }
        if let Some(d) = buffers.within(&chars, &c.key, max) {
            let rank = (d, !c.key.starts_with(&folded), c.key.as_str());
            if best.is_none_or(|b| rank < b) {
                best = Some(rank);
            }
        }
    }
    best.map(|(_, _, k)| k)
}

/// How many of each letter a text has, letters counted in 32 classes (by code point), for a
/// bound on the edit distance: most registry names share too few letters with what was
/// typed to be near it. Counts stop at 255, which only lowers the bound.
#[derive(Debug, Clone)]
struct Letters([u8; 32]);

impl Letters {
    fn of(chars: impl IntoIterator<Item = char>) -> Letters {
        let mut counts = [0u8; 32];
        for c in chars {
            if let Some(n) = counts.get_mut((c as usize) % 32) {
                *n = n.saturating_add(1);
            }
        }
        Letters(counts)
    }

    /// A lower bound on the edit distance between the two texts. Each edit (insertion,
    /// deletion or substitution) takes at most one letter from one text's surplus over the
    /// other and one from the other's, and letters that share a class only lower a surplus,
    /// so the larger surplus never exceeds the distance.
    fn differ(&self, other: &Letters) -> usize {
        let (mut more, mut fewer) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(&other.0) {
            more += usize::from(a.saturating_sub(*b));
            fewer += usize::from(b.saturating_sub(*a));
        }
        more.max(fewer)
    }
}

fn max_distance(folded: &str) -> usize {
    (folded.chars().count() / 3).clamp(1, 4)
}

/// The value at a JSON Pointer (RFC 6901) in any [`Doc`], as `Value::pointer` finds it,
/// without allocating: serde_json's version copies every token to unescape it, which custom
/// rules paid on every test of every check.
pub(crate) fn pointer<'v, D: Doc>(root: &'v D, path: &str) -> Option<&'v D> {
    if path.is_empty() {
        return Some(root);
    }
    let rest = path.strip_prefix('/')?;
    let mut target = root;
    for raw in rest.split('/') {
        let token: std::borrow::Cow<'_, str> = if raw.contains('~') {
            std::borrow::Cow::Owned(raw.replace("~1", "/").replace("~0", "~"))
        } else {
            std::borrow::Cow::Borrowed(raw)
        };
        target = match target.view() {
            View::Object(object) => object.get(token.as_ref())?,
            View::Array(list) => {
                // RFC 6901: decimal digits without leading zeros (serde_json's rule too).
                if token.starts_with('+') || (token.len() > 1 && token.starts_with('0')) {
                    return None;
                }
                list.get(token.parse::<usize>().ok()?)?
            }
            _ => return None,
        };
    }
    Some(target)
}

/// Appends `index` in decimal: array steps of pointers are built for every item walked,
/// and `format!` costs a formatter and an allocation each time.
pub(crate) fn push_index(out: &mut String, mut index: usize) {
    let mut digits = [0u8; 20];
    let mut n = digits.len();
    loop {
        n -= 1;
        if let Some(d) = digits.get_mut(n) {
            *d = b'0' + (index % 10) as u8;
        }
        index /= 10;
        if index == 0 || n == 0 {
            break;
        }
    }
    for d in digits.iter().skip(n) {
        out.push(char::from(*d));
    }
}

/// Escapes one JSON Pointer reference token (RFC 6901).
pub(crate) fn escape_pointer_token(token: &str) -> std::borrow::Cow<'_, str> {
    // Bytes, not chars: both are ASCII, and this runs for every member of every document.
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        std::borrow::Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        std::borrow::Cow::Borrowed(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_index_writes_decimal() {
        for n in [0usize, 7, 10, 99, 100, 4096, usize::MAX] {
            let mut s = String::from("/a/");
            push_index(&mut s, n);
            assert_eq!(s, format!("/a/{n}"));
        }
    }

    #[test]
    fn pointers_resolve_as_serde_json_resolves_them() {
        let v = serde_json::json!({"a": [1, {"b/c": 2, "d~e": 3, "": 4}], "0": 5});
        for p in [
            "",
            "/a",
            "/a/0",
            "/a/1/b~1c",
            "/a/1/d~0e",
            "/a/1/",
            "/0",
            "/a/01",
            "/a/+1",
            "/a/9",
            "/x",
            "a",
            "/a/1/b/c",
            "/a/-",
        ] {
            assert_eq!(pointer(&v, p), v.pointer(p), "{p}");
        }
    }

    #[test]
    fn fold_ignores_case_and_spacing() {
        assert_eq!(fold("  Sisä  MINISTERIÖ "), "sisä ministeriö");
        assert_eq!(fold("HÄKE"), "häke");
    }

    #[test]
    fn distance_is_capped() {
        assert_eq!(distance_within("häke", "häke", 1), Some(0));
        assert_eq!(distance_within("häk", "häke", 1), Some(1));
        assert_eq!(distance_within("poha", "supo", 1), None);
        assert_eq!(distance_within("", "abc", 3), Some(3));
    }

    #[test]
    fn closest_prefers_the_nearest() {
        assert_eq!(closest("POHA", &mut ["POHA", "SUPO"].into_iter()), Some("POHA"));
        assert_eq!(closest("Tuli", &mut ["Tulli", "THL"].into_iter()), Some("Tulli"));
        assert_eq!(closest("zzzzzz", &mut ["SM", "OM"].into_iter()), None);
    }

    #[test]
    fn ties_are_broken_the_same_way_whatever_the_order() {
        assert_eq!(closest("HÄK", &mut ["hvk", "HÄKE"].into_iter()), Some("HÄKE"));
        assert_eq!(closest("HÄK", &mut ["HÄKE", "hvk"].into_iter()), Some("HÄKE"));
        assert_eq!(closest("abd", &mut ["abe", "abc"].into_iter()), Some("abc"));
        assert_eq!(closest("abd", &mut ["abc", "abe"].into_iter()), Some("abc"));
        // The folded form agrees with the general one on folded candidates.
        for (input, cands) in [
            ("HÄK", ["hvk", "häke"]),
            ("Tuli", ["tulli", "thl"]),
            ("abd", ["abe", "abc"]),
            ("zzzzzz", ["sm", "om"]),
        ] {
            let folded: Vec<Candidate> = cands.iter().map(|c| Candidate::new((*c).to_string())).collect();
            assert_eq!(
                closest_folded(input, &folded),
                closest(input, &mut cands.into_iter()),
                "{input}"
            );
        }
    }

    #[test]
    fn the_letter_bound_never_exceeds_the_distance() -> Result<(), String> {
        // Every pair of the registry's names and aliases, and typos of them: the bound may
        // only rule out what the distance would rule out, or suggestions would change.
        let registry = crate::registry::Registry::builtin()?;
        let mut words: Vec<String> = registry.index_keys().map(str::to_string).collect();
        assert!(words.len() > 500, "{} names", words.len());
        words.sort();
        let typos: Vec<String> = words
            .iter()
            .step_by(7)
            .flat_map(|w| {
                let mut chars: Vec<char> = w.chars().collect();
                chars.rotate_left(1);
                [
                    format!("{w}x"),
                    w.chars().skip(1).collect(),
                    chars.into_iter().collect(),
                ]
            })
            .collect();
        words.extend(typos);
        words.extend(["", "ä", "å", "ö", "\u{212b}", "a\u{30a}", "q"].map(str::to_string));
        let mut pairs = 0;
        for a in words.iter().step_by(11) {
            let letters = Letters::of(a.chars());
            for b in &words {
                let bound = letters.differ(&Candidate::new(b.clone()).letters);
                let Some(d) = distance_within(a, b, usize::MAX / 2) else {
                    continue;
                };
                assert!(bound <= d, "{a:?} / {b:?}: bound {bound}, distance {d}");
                pairs += 1;
            }
        }
        assert!(pairs > 50_000, "{pairs} pairs");
        Ok(())
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(escape_pointer_token("SM/PO"), "SM~1PO");
        assert_eq!(escape_pointer_token("a~b"), "a~0b");
        assert_eq!(escape_pointer_token("plain"), "plain");
    }
}
