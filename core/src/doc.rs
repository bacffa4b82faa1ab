//! What the rules read of a document: a [`Doc`], implemented by `serde_json::Value` and by
//! [`Borrowed`], a document whose strings borrow from whatever holds them.
//!
//! A `Value` owns every string and map entry; making one is most of the cost of reading a
//! small measure, and the bindings make it again on every keystroke of a form. A `Borrowed`
//! allocates once per array and object and not per string
//! (docs/decisions/0003-rules-read-a-borrowed-document.md). Both read the same: an object's
//! members in the order of their keys' bytes, the last of repeated keys kept, as
//! serde_json's `Map` keeps them, so that every rule finds the same findings in the same order
//! through either.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell};
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

/// A JSON value, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum View<'d, D> {
    Null,
    Bool(bool),
    Number(&'d Number),
    String(&'d str),
    Array(&'d [D]),
    /// The object itself, read through [`Doc::get`] and [`Doc::members`].
    Object(&'d D),
}

/// A document the rules can read. Object members come in the order of their keys' bytes, each
/// key once.
pub trait Doc: Sized {
    fn view(&self) -> View<'_, Self>;

    /// The member `key` of an object; `None` for a missing member or a value that is not an
    /// object.
    fn get(&self, key: &str) -> Option<&Self>;

    /// An object's members, by key; nothing for a value that is not an object.
    fn members(&self) -> impl Iterator<Item = (&str, &Self)>;

    /// An owned copy, for what keeps or computes over values (custom rules, explanations).
    fn to_value(&self) -> Value;

    /// The document as a `Value`: itself where it is one, else a copy.
    fn as_value(&self) -> Cow<'_, Value> {
        Cow::Owned(self.to_value())
    }

    #[inline(always)]
    fn as_str(&self) -> Option<&str> {
        match self.view() {
            View::String(s) => Some(s),
            _ => None,
        }
    }

    #[inline(always)]
    fn as_bool(&self) -> Option<bool> {
        match self.view() {
            View::Bool(b) => Some(b),
            _ => None,
        }
    }

    #[inline(always)]
    fn as_array(&self) -> Option<&[Self]> {
        match self.view() {
            View::Array(a) => Some(a),
            _ => None,
        }
    }

    #[inline(always)]
    fn is_object(&self) -> bool {
        matches!(self.view(), View::Object(_))
    }
}

/// Longest text (in characters), most items or members, and deepest nesting an explanation
/// shows of a value it read: it repeats the value at its finding's place, and a lead body of
/// 131 KB with 8,193 commas in it (fuzzing found it) made 8,193 findings that each held the
/// whole text, 1 GB of report for a 131 KB measure.
pub const EXPLAINED_TEXT: usize = 200;
pub const EXPLAINED_ITEMS: usize = 20;
pub const EXPLAINED_DEPTH: usize = 4;

/// A value as an explanation shows it: a longer text, list or object is cut after
/// [`EXPLAINED_TEXT`] characters or [`EXPLAINED_ITEMS`] items or members, with "…" for the
/// rest (a last item, or a member "…"), and a list or object deeper than
/// [`EXPLAINED_DEPTH`] is "…".
pub fn explained<D: Doc>(d: &D) -> Value {
    explained_at(d, 0)
}

fn explained_at<D: Doc>(d: &D, depth: usize) -> Value {
    const CUT: &str = "…";
    match d.view() {
        View::Null => Value::Null,
        View::Bool(b) => Value::Bool(b),
        View::Number(n) => Value::Number(n.clone()),
        View::String(s) => Value::String(match s.char_indices().nth(EXPLAINED_TEXT) {
            Some((at, _)) => format!("{}{CUT}", s.get(..at).unwrap_or(s)),
            None => s.to_string(),
        }),
        View::Array(_) | View::Object(_) if depth >= EXPLAINED_DEPTH => Value::String(CUT.into()),
        View::Array(items) => {
            let mut out: Vec<Value> = items
                .iter()
                .take(EXPLAINED_ITEMS)
                .map(|i| explained_at(i, depth + 1))
                .collect();
            if items.len() > EXPLAINED_ITEMS {
                out.push(Value::String(CUT.into()));
            }
            Value::Array(out)
        }
        View::Object(o) => {
            let mut out = serde_json::Map::new();
            let mut members = o.members();
            for (k, v) in members.by_ref().take(EXPLAINED_ITEMS) {
                out.insert(k.to_string(), explained_at(v, depth + 1));
            }
            if members.next().is_some() {
                out.insert(CUT.into(), Value::String(CUT.into()));
            }
            Value::Object(out)
        }
    }
}

impl Doc for Value {
    #[inline(always)]
    fn view(&self) -> View<'_, Value> {
        match self {
            Value::Null => View::Null,
            Value::Bool(b) => View::Bool(*b),
            Value::Number(n) => View::Number(n),
            Value::String(s) => View::String(s),
            Value::Array(a) => View::Array(a),
            Value::Object(_) => View::Object(self),
        }
    }

    #[inline(always)]
    fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    #[inline(always)]
    fn members(&self) -> impl Iterator<Item = (&str, &Value)> {
        ValueMembers(self.as_object().map(serde_json::Map::iter))
    }

    fn to_value(&self) -> Value {
        self.clone()
    }

    fn as_value(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self)
    }
}

/// A `Value`'s members: an iterator of its own rather than adaptors over an `Option`, which
/// the browser's build (at opt-level "z") left as calls on every member of every object.
/// For the same reason the small methods here are inlined always: out of line, they made the
/// browser's check of a form about 3 % slower than reading the `Value` directly.
struct ValueMembers<'a>(Option<serde_json::map::Iter<'a>>);

impl<'a> Iterator for ValueMembers<'a> {
    type Item = (&'a str, &'a Value);

    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        self.0.as_mut()?.next().map(|(k, v)| (k.as_str(), v))
    }
}

/// A document whose strings and keys borrow from the text it was read from (and those JSON
/// text wrote with escapes, from [`Unescaped`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Borrowed<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(&'a str),
    Array(Vec<Borrowed<'a>>),
    /// Sorted by key, each key once: made by [`Borrowed::object`].
    Object(Members<'a>),
}

/// An object's members, sorted by key with each key once; only [`Borrowed::object`] makes
/// them, so that a lookup can search them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Members<'a>(Vec<(&'a str, Borrowed<'a>)>);

impl<'a> Borrowed<'a> {
    /// An object of `members` in the order they were written: sorted by key, and of repeated
    /// keys the last kept, as serde_json's `Map` keeps it.
    pub fn object(mut members: Vec<(&'a str, Borrowed<'a>)>) -> Borrowed<'a> {
        if members.is_sorted_by(|a, b| a.0 < b.0) {
            return Borrowed::Object(Members(members));
        }
        // Stable sorts, so that repeated keys stay in the order written. A measure's dozen
        // members are sorted in place; a flood of them, by halves.
        if members.len() <= 32 {
            for i in 1..members.len() {
                let mut j = i;
                while j > 0 && members.get(j).map(|m| m.0) < members.get(j - 1).map(|m| m.0) {
                    members.swap(j - 1, j);
                    j -= 1;
                }
            }
        } else {
            let order = sorted_order(members.len(), &|i| members.get(i).map_or("", |m| m.0));
            let mut slots: Vec<Option<(&'a str, Borrowed<'a>)>> = members.into_iter().map(Some).collect();
            members = order
                .into_iter()
                .filter_map(|i| slots.get_mut(i).and_then(Option::take))
                .collect();
        }
        // Of repeated keys, now side by side, the last written is kept where the first was.
        members.dedup_by(|later, kept| {
            let repeated = later.0 == kept.0;
            if repeated {
                std::mem::swap(later, kept);
            }
            repeated
        });
        Borrowed::Object(Members(members))
    }

    /// JSON text read as `serde_json::from_str` reads it into a `Value`, with the same
    /// errors, numbers, depth limit and last-wins repeated keys, but borrowing every string
    /// and key: from the text, or, where the text wrote it with escapes, from `unescaped`.
    pub fn from_json(text: &'a str, unescaped: &'a Unescaped) -> Result<Borrowed<'a>, serde_json::Error> {
        Borrowed::from_json_noting_repeats(text, unescaped).map(|(doc, _)| doc)
    }

    /// [`Borrowed::from_json`], and whether some object of the text wrote a key more than
    /// once: only then is the text searched for where (`input.duplicate-key`), so a document
    /// without repeats pays one comparison per object for it.
    pub(crate) fn from_json_noting_repeats(
        text: &'a str,
        unescaped: &'a Unescaped,
    ) -> Result<(Borrowed<'a>, bool), serde_json::Error> {
        let repeated = Cell::new(false);
        let mut de = serde_json::Deserializer::from_str(text);
        let doc = Reader {
            room: unescaped,
            repeated: &repeated,
        }
        .deserialize(&mut de)?;
        de.end()?;
        Ok((doc, repeated.get()))
    }
}

/// JSON text read into a `Value` through [`Borrowed::from_json`]: the `Value` and the errors
/// of `serde_json::from_str`, so that the wasm holds one JSON reader, the document's, and not
/// serde_json's `Value` reader beside it (rule sets, the locator's keys).
pub fn value_from_json(text: &str) -> Result<Value, serde_json::Error> {
    Borrowed::from_json(text, &Unescaped::new()).map(|d| d.to_value())
}

/// Room for the strings and keys that JSON text wrote with escapes, which
/// [`Borrowed::from_json`] cannot borrow from the text: it lives as long as the document. It
/// takes no memory until a string needs it.
///
/// Each string is kept in a slot set once (`OnceCell`), in chunks that double in size, so that
/// no string moves when more are added and a reference to one lives as long as the room,
/// without `unsafe`. (The arena crate bumpalo did the same for about 500 bytes more code.)
#[derive(Debug)]
pub struct Unescaped {
    used: Cell<usize>,
    chunks: [OnceCell<Box<[OnceCell<String>]>>; CHUNKS],
}

/// Chunk `k` holds `FIRST_CHUNK << k` strings: together, about as many as a `usize` counts.
const CHUNKS: usize = usize::BITS as usize - 2;
const FIRST_CHUNK: usize = 8;

impl Default for Unescaped {
    fn default() -> Unescaped {
        Unescaped {
            used: Cell::new(0),
            chunks: std::array::from_fn(|_| OnceCell::new()),
        }
    }
}

impl Unescaped {
    pub fn new() -> Unescaped {
        Unescaped::default()
    }

    /// `s`, kept for as long as the room.
    fn keep(&self, s: &str) -> &str {
        self.keep_owned(s.to_owned())
    }

    /// [`Unescaped::keep`] of a string made already: a whole text, which is not copied again.
    pub(crate) fn keep_owned(&self, s: String) -> &str {
        let n = self.used.get();
        self.used.set(n.saturating_add(1));
        // Not reached: the slots outnumber what `used` can count. Were it reached, keeping the
        // string for good would still read the document right.
        let Some(slot) = self.slot(n) else {
            return Box::leak(s.into_boxed_str());
        };
        match slot.set(s) {
            Ok(()) => slot.get().map_or("", String::as_str),
            Err(s) => Box::leak(s.into_boxed_str()),
        }
    }

    /// The `n`th slot; chunk `k` starts at slot `FIRST_CHUNK * (2^k - 1)`.
    fn slot(&self, n: usize) -> Option<&OnceCell<String>> {
        let k = (n / FIRST_CHUNK).checked_add(1)?.ilog2();
        let chunk = self.chunks.get(usize::try_from(k).ok()?)?;
        let first = FIRST_CHUNK.checked_mul((1_usize << k) - 1)?;
        let size = FIRST_CHUNK.checked_mul(1 << k)?;
        chunk
            .get_or_init(|| (0..size).map(|_| OnceCell::new()).collect())
            .get(n.checked_sub(first)?)
    }
}

/// serde_json's own `Value` visitor, item for item, with borrowed strings and keys. The text's
/// own strings are borrowed from it (`visit_borrowed_str`); those with escapes come unescaped
/// in a buffer of the reader's (`visit_str`) and are kept in `Unescaped`, so that a string is
/// one `&str` either way (a `Cow` made the Node build's check of a walked form 2 % slower).
#[derive(Clone, Copy)]
struct Reader<'a, 'r> {
    room: &'a Unescaped,
    /// Set when an object of the text wrote a key twice.
    repeated: &'r Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for Reader<'de, '_> {
    type Value = Borrowed<'de>;

    fn deserialize<De: Deserializer<'de>>(self, deserializer: De) -> Result<Self::Value, De::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader<'de, '_> {
    type Value = Borrowed<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
        Ok(Borrowed::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Borrowed::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Borrowed::Number(n.into()))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Self::Value, E> {
        Ok(Number::from_f64(n).map_or(Borrowed::Null, Borrowed::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Borrowed::String(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Borrowed::String(self.room.keep(s)))
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Borrowed::Null)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Borrowed::Null)
    }

    fn visit_some<De: Deserializer<'de>>(self, deserializer: De) -> Result<Self::Value, De::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Borrowed::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(Key(self.room))? {
            members.push((key, map.next_value_seed(self)?));
        }
        let written = members.len();
        let object = Borrowed::object(members);
        if matches!(&object, Borrowed::Object(Members(kept)) if kept.len() < written) {
            self.repeated.set(true);
        }
        Ok(object)
    }
}

/// An object's key, as `Reader` reads a string.
struct Key<'a>(&'a Unescaped);

impl<'de> DeserializeSeed<'de> for Key<'de> {
    type Value = &'de str;

    fn deserialize<De: Deserializer<'de>>(self, deserializer: De) -> Result<Self::Value, De::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'de> {
    type Value = &'de str;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(s)
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(self.0.keep(s))
    }
}

/// The order that sorts `n` members by `key`, equal keys in the order written (so that the
/// last of them comes last): a bottom-up merge sort of indices. std's stable sort of the members
/// themselves is about 4 KB of the browser's wasm; this is a few hundred bytes.
pub(crate) fn sorted_order<'k>(n: usize, key: &dyn Fn(usize) -> &'k str) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        to.clear();
        for run in from.chunks(2 * width) {
            let (left, right) = run.split_at(width.min(run.len()));
            let (mut l, mut r) = (left.iter().copied().peekable(), right.iter().copied().peekable());
            loop {
                let right_first = match (l.peek(), r.peek()) {
                    (Some(&a), Some(&b)) => key(b) < key(a),
                    (None, Some(_)) => true,
                    (_, None) => false,
                };
                let Some(i) = (if right_first { r.next() } else { l.next() }) else {
                    break;
                };
                to.push(i);
            }
        }
        std::mem::swap(&mut from, &mut to);
        width = width.saturating_mul(2);
    }
    from
}

impl<'a> From<&'a Value> for Borrowed<'a> {
    fn from(v: &'a Value) -> Borrowed<'a> {
        match v {
            Value::Null => Borrowed::Null,
            Value::Bool(b) => Borrowed::Bool(*b),
            Value::Number(n) => Borrowed::Number(n.clone()),
            Value::String(s) => Borrowed::String(s),
            Value::Array(a) => Borrowed::Array(a.iter().map(Borrowed::from).collect()),
            // Each key once, and sorted unless serde_json's `preserve_order` is on somewhere in
            // the build, which `object` then sorts.
            Value::Object(m) => Borrowed::object(m.iter().map(|(k, v)| (k.as_str(), v.into())).collect()),
        }
    }
}

impl Doc for Borrowed<'_> {
    #[inline]
    fn view(&self) -> View<'_, Self> {
        match self {
            Borrowed::Null => View::Null,
            Borrowed::Bool(b) => View::Bool(*b),
            Borrowed::Number(n) => View::Number(n),
            Borrowed::String(s) => View::String(s),
            Borrowed::Array(a) => View::Array(a),
            Borrowed::Object(_) => View::Object(self),
        }
    }

    #[inline]
    fn get(&self, key: &str) -> Option<&Self> {
        let Borrowed::Object(Members(m)) = self else {
            return None;
        };
        // A measure has a dozen members: searched from the start, a lookup compares lengths
        // before bytes; a flood of members within the size limit is searched by halves.
        if m.len() <= 16 {
            return m.iter().find(|(k, _)| *k == key).map(|(_, v)| v);
        }
        m.binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .and_then(|i| m.get(i))
            .map(|(_, v)| v)
    }

    #[inline]
    fn members(&self) -> impl Iterator<Item = (&str, &Self)> {
        let m: &[(&str, Borrowed<'_>)] = match self {
            Borrowed::Object(Members(m)) => m,
            _ => &[],
        };
        m.iter().map(|(k, v)| (*k, v))
    }

    fn to_value(&self) -> Value {
        match self {
            Borrowed::Null => Value::Null,
            Borrowed::Bool(b) => Value::Bool(*b),
            Borrowed::Number(n) => Value::Number(n.clone()),
            Borrowed::String(s) => Value::String((*s).to_owned()),
            Borrowed::Array(a) => Value::Array(a.iter().map(Doc::to_value).collect()),
            Borrowed::Object(Members(m)) => {
                // Inserted one by one, the members being sorted already: collecting into a map
                // sorts first, which brings a sort of `(String, Value)` into the wasm.
                let mut object = serde_json::Map::new();
                for (k, v) in m {
                    object.insert((*k).to_owned(), v.to_value());
                }
                Value::Object(object)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Borrowed, Doc, Members, Unescaped, View};
    use serde_json::json;

    #[test]
    fn an_object_is_read_by_key_with_the_last_of_repeated_keys() {
        let b = Borrowed::object(vec![
            ("b", Borrowed::Bool(true)),
            ("a", Borrowed::String("first")),
            ("c", Borrowed::Null),
            ("a", Borrowed::String("last")),
        ]);
        let keys: Vec<&str> = b.members().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(b.get("a").and_then(Doc::as_str), Some("last"));
        assert_eq!(b.to_value(), json!({ "a": "last", "b": true, "c": null }));
        // As serde_json reads the same text.
        let v: serde_json::Value =
            serde_json::from_str(r#"{"b": true, "a": "first", "c": null, "a": "last"}"#).unwrap();
        assert_eq!(b.to_value(), v);
        assert!(b.get("d").is_none() && Borrowed::Null.get("a").is_none());
        assert_eq!(Borrowed::Null.members().count(), 0);
    }

    #[test]
    fn reading_text_notes_whether_a_key_was_repeated() {
        let room = Unescaped::new();
        let repeated = |text| Borrowed::from_json_noting_repeats(text, &room).map(|(_, r)| r).ok();
        assert_eq!(repeated(r#"{"a": {"a": [{"a": 1}], "b": 2}, "ab": 3}"#), Some(false));
        assert_eq!(repeated(r#"[{"x": 1}, {"y": [{"a": 1, "\u0061": 2}]}]"#), Some(true));
        // Past 32 members, sorted by halves.
        let flood: Vec<String> = (0..40).map(|i| format!(r#""k{}": 0"#, i % 39)).collect();
        let flood = format!("{{{}}}", flood.join(","));
        assert_eq!(repeated(&flood), Some(true));
        assert_eq!(repeated(r#"{"a": 1, "a": }"#), None);
    }

    #[test]
    fn json_text_reads_as_serde_json_reads_it() {
        let texts = [
            r#"{"b": "x", "a": "\u00e4\n", "a\"q": [1, -1, 2.0, -0, 1e3, 18446744073709551615, -9223372036854775808]}"#,
            r#"{"a": "first", "b": {"c": 1, "c": {"d": []}}, "a": "last\ud83d\ude00"}"#,
            r#"[null, true, false, "", {}, [], 1.5e-7, 123456789012345678901234567890]"#,
            "  \"ä\"  ",
            "1e400",
            r#"{"a": 1,}"#,
            r#"{"a" 1}"#,
            r#"["\ud800"]"#,
            "[1] [2]",
            "",
        ];
        for text in texts {
            let want = serde_json::from_str::<serde_json::Value>(text).map_err(|e| e.to_string());
            let room = Unescaped::new();
            let got = Borrowed::from_json(text, &room)
                .map(|d| d.to_value())
                .map_err(|e| e.to_string());
            assert_eq!(got, want, "{text}");
        }
        // Objects of every size to 70 members, keys out of order and repeated, as text.
        let mut seed = 7_u32;
        for n in 0..70 {
            let members: Vec<String> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    format!(r#""k{}": {i}"#, (seed >> 16) % (n / 2 + 1))
                })
                .collect();
            let text = format!("{{{}}}", members.join(", "));
            let read = Borrowed::from_json(&text, &Unescaped::new()).map(|d| d.to_value());
            assert_eq!(read.ok(), serde_json::from_str(&text).ok(), "{text}");
        }
        // Enough strings with escapes to fill the room's first chunks, keys and values.
        let many: Vec<String> = (0..200).map(|i| format!(r#""k\u00e4{i}": ["v\n{i}"]"#)).collect();
        let many = format!("{{{}}}", many.join(", "));
        let room = Unescaped::new();
        let read = Borrowed::from_json(&many, &room)
            .map(|d| d.to_value())
            .map_err(|e| e.to_string());
        assert_eq!(read, serde_json::from_str(&many).map_err(|e| e.to_string()));
        assert_eq!(room.used.get(), 400);
        let deep = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert_eq!(
            Borrowed::from_json(&deep, &Unescaped::new())
                .map_err(|e| e.to_string())
                .err(),
            serde_json::from_str::<serde_json::Value>(&deep)
                .map_err(|e| e.to_string())
                .err()
        );
        // Strings and keys without escapes are borrowed from the text; with them, from the
        // room made for them.
        let text = r#"{"plain": "text", "esc\u0061ped": "a\tb"}"#;
        let room = Unescaped::new();
        let Ok(Borrowed::Object(Members(m))) = Borrowed::from_json(text, &room) else {
            panic!("an object")
        };
        let within = |s: &str| text.as_bytes().as_ptr_range().contains(&s.as_ptr());
        let kinds: Vec<(bool, bool)> = m
            .iter()
            .map(|(k, v)| {
                let Borrowed::String(v) = v else { panic!("a string") };
                (within(k), within(v))
            })
            .collect();
        assert_eq!(kinds, [(false, false), (true, true)]);
        assert_eq!(m.first().map(|(k, _)| *k), Some("escaped"));
    }

    #[test]
    fn a_large_object_is_searched_by_halves() {
        let keys: Vec<String> = (0..100).rev().map(|i| format!("k{i}")).collect();
        let b = Borrowed::object(keys.iter().map(|k| (k.as_str(), Borrowed::String(k))).collect());
        for k in &keys {
            assert_eq!(b.get(k).and_then(Doc::as_str), Some(k.as_str()));
        }
        assert!(b.get("k100").is_none() && b.get("").is_none());
    }

    #[test]
    fn a_value_and_its_borrowed_copy_read_the_same() {
        let v = json!({ "z": [1, -2, 2.5, "s", null, true, { "y": {}, "x": [] }], "ä": "ö", "": 0 });
        let b = Borrowed::from(&v);
        assert_eq!(b.to_value(), v);
        let (vk, bk): (Vec<&str>, Vec<&str>) = (v.members().map(|m| m.0).collect(), b.members().map(|m| m.0).collect());
        assert_eq!(vk, bk);
        let (View::Array(va), View::Array(ba)) = (v.get("z").unwrap().view(), b.get("z").unwrap().view()) else {
            panic!("arrays")
        };
        assert_eq!(va.len(), ba.len());
        for (x, y) in va.iter().zip(ba) {
            assert_eq!(x.to_value(), y.to_value());
            assert_eq!(x.as_str(), y.as_str());
            assert_eq!(x.as_bool(), y.as_bool());
            assert_eq!(x.is_object(), y.is_object());
        }
    }
}
