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

/// A document whose strings and keys borrow from the text it was read from.
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
        // A written object is most often sorted already, or nearly.
        if !members.is_sorted_by(|a, b| a.0 < b.0) {
            // Stable, so that of equal keys the last written is last.
            members.sort_by(|a, b| a.0.cmp(b.0));
            let mut kept: Vec<(&'a str, Borrowed<'a>)> = Vec::with_capacity(members.len());
            for m in members {
                match kept.last_mut() {
                    Some(last) if last.0 == m.0 => *last = m,
                    _ => kept.push(m),
                }
            }
            members = kept;
        }
        Borrowed::Object(Members(members))
    }
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
                Value::Object(m.iter().map(|(k, v)| ((*k).to_owned(), v.to_value())).collect())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Borrowed, Doc, View};
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
