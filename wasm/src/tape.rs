//! Values to JS in one crossing. serde-wasm-bindgen builds a report with a JS call per field
//! and a `TextDecoder` call per string, which made the report a quarter of a form check. Here
//! serde writes a flat tape instead (op codes, the numbers, and every string in one text), and
//! `tape.mjs` builds the objects from it in JS, where V8 builds them fastest: one call and one
//! decode per report. The result is what serde-wasm-bindgen's JSON-compatible serializer gave
//! (plain objects, `null` for `None`, enums tagged as serde_json tags them; but 64-bit integers
//! past 2^53 become the nearest number instead of an error), and what `JSON.parse` of
//! serde_json's text gives, which the native tests hold it to.
//!
//! Object keys are sent once per module instance: the first use of a key carries its text,
//! later uses its number, so JS keeps internalised strings and V8's property caches stay warm.
//!
//! Documents given as objects can come the other way on the same kind of tape: `walk.rs`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Display;
use std::hash::BuildHasherDefault;

use measure_rules::Fnv;

use serde::ser::{self, Serialize};

/// The op codes, as `tape.mjs` reads them (and `walk.mjs` writes them).
pub(crate) mod op {
    pub const NULL: u32 = 0;
    pub const TRUE: u32 = 1;
    pub const FALSE: u32 = 2;
    /// The next of the numbers.
    pub const NUMBER: u32 = 3;
    /// Followed by the string's length in UTF-16 code units; the string is next in the text.
    pub const STRING: u32 = 4;
    /// Values follow until `END`.
    pub const ARRAY: u32 = 5;
    /// Key and value pairs follow until `END`.
    pub const OBJECT: u32 = 6;
    pub const END: u32 = 7;
    /// A key seen for the first time: followed by its length in UTF-16 code units; its text is
    /// next in the text and its number is the count of keys defined before it.
    pub const NEW_KEY: u32 = 8;
    /// A key not kept (past `MAX_KEYS`): followed by its length, its text is next in the text.
    pub const ONCE_KEY: u32 = 9;
    /// `KEY + n` is key number `n`.
    pub const KEY: u32 = 16;
}

/// Keys kept per module instance. Reports have a few dozen; a map of a document's own keys
/// (a fix's value echoing the input) could have any number, so past this they are sent each
/// time instead of growing the table without end.
pub(crate) const MAX_KEYS: usize = 1024;

/// The keys the JS side has been sent, with their numbers.
#[derive(Default)]
pub(crate) struct Keys {
    ids: HashMap<String, u32, BuildHasherDefault<Fnv>>,
}

impl Keys {
    /// Forgets every key numbered `known` or above: the JS side has only `known` of them, as
    /// when a call failed between writing a tape and building it.
    pub(crate) fn keep(&mut self, known: usize) {
        if self.ids.len() > known {
            self.ids.retain(|_, id| usize::try_from(*id).is_ok_and(|id| id < known));
        }
    }
}

/// A value written as ops, numbers and text.
#[derive(Default)]
pub(crate) struct Tape {
    pub(crate) ops: Vec<u32>,
    pub(crate) numbers: Vec<f64>,
    pub(crate) text: String,
}

#[derive(Debug)]
pub(crate) struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Error {
        Error(msg.to_string())
    }
}

thread_local! {
    static KEYS: RefCell<Keys> = RefCell::new(Keys::default());
}

/// Writes `value` as a tape, numbering keys in this instance's table, of which the JS side
/// knows the first `known`. Generic only in the call to `serialize`: the browser pays for the
/// bytes of every copy.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, known: usize) -> Result<Tape, Error> {
    let mut writer = Writer::start(known);
    let written = value.serialize(&mut writer);
    writer.finish(written)
}

struct Writer {
    tape: Tape,
    keys: Keys,
}

/// The UTF-16 units of the characters that start in eight bytes of UTF-8: every byte but a
/// continuation byte (`10xxxxxx`) starts a character of one unit, and a four-byte character
/// (`11110xxx` first) is two, a surrogate pair.
pub(crate) fn units_in(word: [u8; 8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let w = u64::from_le_bytes(word);
    // The top bit of each byte, where its next bits are (shifted up within the byte) as named.
    let continuation = (w & !(w << 1) & HIGH).count_ones() as usize;
    let four = (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones() as usize;
    8 - continuation + four
}

/// The UTF-16 units of the character a byte of UTF-8 starts: none for a continuation byte,
/// two for the first of four bytes, one otherwise. `units_in` counts the same in a word.
pub(crate) fn units_of(b: u8) -> usize {
    match b {
        0x80..0xC0 => 0,
        0xF0.. => 2,
        _ => 1,
    }
}

/// A string's length as JS counts it, eight bytes at a time: report messages in Finnish and
/// Swedish have a non-ASCII letter every few words.
#[inline(never)]
fn utf16_len(s: &str) -> Result<u32, Error> {
    let mut words = s.as_bytes().chunks_exact(8);
    let mut n = 0;
    for word in &mut words {
        n += <[u8; 8]>::try_from(word).map_or(0, units_in);
    }
    n += words.remainder().iter().copied().map(units_of).sum::<usize>();
    u32::try_from(n).map_err(|_| Error("a string is too long for a report".into()))
}

impl Writer {
    #[inline(never)]
    fn start(known: usize) -> Writer {
        let mut keys = KEYS.take();
        keys.keep(known);
        Writer {
            // Room for a report with a few findings, so that the buffers are not grown
            // (and copied) several times on every check.
            tape: Tape {
                ops: Vec::with_capacity(256),
                numbers: Vec::with_capacity(8),
                text: String::with_capacity(2048),
            },
            keys,
        }
    }

    #[inline(never)]
    fn finish(self, written: Result<(), Error>) -> Result<Tape, Error> {
        KEYS.set(self.keys);
        written.map(|()| self.tape)
    }

    fn string(&mut self, s: &str) -> Result<(), Error> {
        let len = utf16_len(s)?;
        self.tape.ops.extend_from_slice(&[op::STRING, len]);
        self.tape.text.push_str(s);
        Ok(())
    }

    fn number(&mut self, n: f64) {
        self.tape.ops.push(op::NUMBER);
        self.tape.numbers.push(n);
    }

    fn key(&mut self, key: &str) -> Result<(), Error> {
        if let Some(id) = self.keys.ids.get(key) {
            self.tape.ops.push(op::KEY + id);
            return Ok(());
        }
        let len = utf16_len(key)?;
        let count = self.keys.ids.len();
        if count < MAX_KEYS {
            let id = u32::try_from(count).map_err(|_| Error("too many keys".into()))?;
            self.keys.ids.insert(key.to_owned(), id);
            self.tape.ops.extend_from_slice(&[op::NEW_KEY, len]);
        } else {
            self.tape.ops.extend_from_slice(&[op::ONCE_KEY, len]);
        }
        self.tape.text.push_str(key);
        Ok(())
    }

    /// `{ variant: … }`, as serde_json writes a variant with data.
    fn variant(&mut self, variant: &str) -> Result<(), Error> {
        self.tape.ops.push(op::OBJECT);
        self.key(variant)
    }
}

/// Numbers that `f64::from` holds exactly.
macro_rules! exact_numbers {
    ($($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.serialize_f64(f64::from(v))
        }
    )*};
}

/// Key types serde_json writes as their text.
macro_rules! displayed_keys {
    ($($method:ident($t:ty)),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.display(v)
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tape.ops.push(if v { op::TRUE } else { op::FALSE });
        Ok(())
    }

    exact_numbers!(
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_u8(u8),
        serialize_u16(u16)
    );
    exact_numbers!(serialize_u32(u32), serialize_f32(f32));

    /// Past 2^53 the nearest number, as `JSON.parse` reads such an integer.
    #[expect(
        clippy::cast_precision_loss,
        reason = "JS numbers are doubles; JSON.parse rounds alike"
    )]
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }

    #[expect(
        clippy::cast_precision_loss,
        reason = "JS numbers are doubles; JSON.parse rounds alike"
    )]
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }

    /// Not-a-number and infinities are `null`, as in JSON.
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if v.is_finite() {
            self.number(v);
        } else {
            self.tape.ops.push(op::NULL);
        }
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }

    /// An array of numbers, as serde_json writes bytes.
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.tape.ops.push(op::ARRAY);
        for b in v {
            self.number(f64::from(*b));
        }
        self.tape.ops.push(op::END);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.tape.ops.push(op::NULL);
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant)?;
        value.serialize(&mut *self)?;
        self.tape.ops.push(op::END);
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Error> {
        self.tape.ops.push(op::ARRAY);
        Ok(self)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        self.variant(variant)?;
        Ok(Variant::open(self, op::ARRAY))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Error> {
        self.tape.ops.push(op::OBJECT);
        Ok(self)
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Error> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>, Error> {
        self.variant(variant)?;
        Ok(Variant::open(self, op::OBJECT))
    }
}

/// Compounds whose values follow one another until `END`: sequences, tuples, tuple structs.
macro_rules! elements {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for &mut Writer {
            type Ok = ();
            type Error = Error;

            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }

            fn end(self) -> Result<(), Error> {
                self.tape.ops.push(op::END);
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeMap for &mut Writer {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(KeyWriter(self))
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Error> {
        self.tape.ops.push(op::END);
        Ok(())
    }
}

impl ser::SerializeStruct for &mut Writer {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.key(key)?;
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Error> {
        self.tape.ops.push(op::END);
        Ok(())
    }
}

/// A variant with data: its fields or elements, then the end of both the inner value and the
/// `{ variant: … }` around it.
pub(crate) struct Variant<'a>(&'a mut Writer);

impl<'a> Variant<'a> {
    /// Starts the inner array or object.
    fn open(writer: &'a mut Writer, inner: u32) -> Variant<'a> {
        writer.tape.ops.push(inner);
        Variant(writer)
    }

    fn end(self) -> Result<(), Error> {
        self.0.tape.ops.extend_from_slice(&[op::END, op::END]);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.0)
    }

    fn end(self) -> Result<(), Error> {
        Variant::end(self)
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.0.key(key)?;
        value.serialize(&mut *self.0)
    }

    fn end(self) -> Result<(), Error> {
        Variant::end(self)
    }
}

/// A map's key: text, or what serde_json also accepts as a key (numbers, a character, a bool,
/// a unit variant), written as serde_json writes it.
struct KeyWriter<'a>(&'a mut Writer);

impl KeyWriter<'_> {
    fn display(self, v: impl Display) -> Result<(), Error> {
        self.0.key(&v.to_string())
    }
}

fn not_a_key() -> Error {
    Error("a map's key must be text or a number".into())
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    displayed_keys!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64)
    );
    displayed_keys!(
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64)
    );
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.key(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.key(v)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.0.key(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_key())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_key())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_key())
    }
}

/// The tape read back as `tape.mjs` reads it, into a `serde_json::Value`, so that what crosses
/// is held natively to what serde_json makes of the same value.
#[cfg(test)]
mod tests {
    use super::{op, write, MAX_KEYS};
    use serde::Serialize;
    use serde_json::{json, Map, Value};

    /// The JS side: the keys it has been sent, kept between calls.
    #[derive(Default)]
    struct Js {
        keys: Vec<String>,
    }

    struct Reader<'a> {
        js: &'a mut Js,
        ops: std::slice::Iter<'a, u32>,
        numbers: std::slice::Iter<'a, f64>,
        text: Vec<u16>,
        cut: usize,
    }

    impl Reader<'_> {
        fn op(&mut self) -> u32 {
            self.ops.next().copied().unwrap_or(u32::MAX)
        }

        fn slice(&mut self) -> String {
            let len = usize::try_from(self.op()).unwrap_or(0);
            let part = self.text.get(self.cut..self.cut + len).unwrap_or_default();
            self.cut += len;
            String::from_utf16(part).unwrap_or_else(|_| "(bad UTF-16)".into())
        }

        fn value(&mut self, op: u32) -> Value {
            match op {
                op::NULL => Value::Null,
                op::TRUE => Value::Bool(true),
                op::FALSE => Value::Bool(false),
                op::NUMBER => number(self.numbers.next().copied().unwrap_or(f64::NAN)),
                op::STRING => Value::String(self.slice()),
                op::ARRAY => {
                    let mut array = Vec::new();
                    loop {
                        match self.op() {
                            op::END => return Value::Array(array),
                            next => array.push(self.value(next)),
                        }
                    }
                }
                op::OBJECT => {
                    let mut object = Map::new();
                    loop {
                        let key = match self.op() {
                            op::END => return Value::Object(object),
                            op::NEW_KEY => {
                                let key = self.slice();
                                self.js.keys.push(key.clone());
                                key
                            }
                            op::ONCE_KEY => self.slice(),
                            k => self
                                .js
                                .keys
                                .get(usize::try_from(k - op::KEY).unwrap_or(usize::MAX))
                                .cloned()
                                .unwrap_or_else(|| "(key never sent)".into()),
                        };
                        let next = self.op();
                        object.insert(key, self.value(next));
                    }
                }
                other => Value::String(format!("(unknown op {other})")),
            }
        }
    }

    /// A JS number as serde_json holds the same JSON number: integers as integers.
    #[expect(clippy::cast_possible_truncation, reason = "only whole numbers within 2^53 are cast")]
    fn number(n: f64) -> Value {
        if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 && !(n == 0.0 && n.is_sign_negative()) {
            json!(n as i64)
        } else {
            json!(n)
        }
    }

    /// What JS gets for `value`, and how many of the tape's ops defined a new key.
    fn cross<T: Serialize + ?Sized>(js: &mut Js, value: &T) -> (Value, usize) {
        let tape = write(value, js.keys.len()).unwrap_or_default();
        // Counted as JS learns them: a string's length can be the op code's number too.
        let known = js.keys.len();
        let mut reader = Reader {
            js,
            ops: tape.ops.iter(),
            numbers: tape.numbers.iter(),
            text: tape.text.encode_utf16().collect(),
            cut: 0,
        };
        let first = reader.op();
        let value = reader.value(first);
        assert!(reader.ops.next().is_none(), "ops left over");
        assert_eq!(reader.cut, reader.text.len(), "text left over");
        let new_keys = reader.js.keys.len() - known;
        (value, new_keys)
    }

    fn expected<T: Serialize + ?Sized>(value: &T) -> Value {
        serde_json::to_value(value).unwrap_or(Value::Null)
    }

    fn read(path: &str) -> Value {
        let text = std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_default();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    #[test]
    fn lengths_are_counted_as_js_counts_them() {
        // Each kind of character at every offset of the eight-byte words, and at the end.
        for lead in 0..17 {
            for piece in ["a", "ä", "\u{2010}", "😀", "\u{10FFFF}"] {
                for tail in ["", "b", "ö😀", "bbbbbbb"] {
                    let s = format!("{}{piece}{}{piece}{tail}", "x".repeat(lead), "y".repeat(lead % 3));
                    let want = u32::try_from(s.encode_utf16().count()).ok();
                    assert_eq!(super::utf16_len(&s).ok(), want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn reports_cross_as_serde_json_writes_them() {
        let Ok(engine) = measure_rules::Engine::new() else {
            unreachable!("the default rule set builds")
        };
        let cases = read("tests/fixtures/cases.json");
        let measures: Vec<&Value> = cases["measures"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| &c["patch"])
            .collect();
        assert!(measures.len() > 50, "the shared cases are read");
        let mut js = Js::default();
        let mut opts = measure_rules::CheckOptions::default();
        for lang in ["fi", "sv", "en"] {
            assert!(opts.set("lang", lang).is_ok());
            for measure in &measures {
                let report = engine.check_measure(measure, &opts);
                assert_eq!(cross(&mut js, &report).0, expected(&report));
            }
            let programme = engine.check_programme(&read("data/programme-2017.json"), &opts);
            assert!(programme.findings.len() > 10);
            assert_eq!(cross(&mut js, &programme).0, expected(&programme));
        }
        assert_eq!(cross(&mut js, measure_rules::RULES).0, expected(measure_rules::RULES));
        let organisations = engine.registry().organisations();
        assert_eq!(cross(&mut js, organisations).0, expected(organisations));
    }

    #[test]
    fn keys_are_sent_once_and_again_when_js_lost_them() {
        let value = json!({ "rule": "a", "path": "/b", "params": { "rule": 1, "x": [true, null] } });
        let mut js = Js::default();
        assert_eq!(cross(&mut js, &value), (value.clone(), 4));
        assert_eq!(cross(&mut js, &value), (value.clone(), 0));
        // A JS side that lost its keys (a call that failed between the tape and the build).
        js.keys.truncate(1);
        assert_eq!(cross(&mut js, &value), (value.clone(), 3));
        assert_eq!(js.keys.len(), 4);
    }

    #[test]
    fn a_reports_fields_are_sent_again_when_js_lost_them() {
        let Ok(engine) = measure_rules::Engine::new() else {
            unreachable!("the default rule set builds")
        };
        let report = engine.check_measure(&json!({ "id": "2.1", "leadBody": "Tuli" }), &Default::default());
        let mut js = Js::default();
        let (first, sent) = cross(&mut js, &report);
        assert_eq!(first, expected(&report));
        assert!(sent > 10, "{sent} keys");
        assert_eq!(cross(&mut js, &report), (expected(&report), 0));
        for lost in [1, sent / 2, 0] {
            js.keys.truncate(lost);
            assert_eq!(cross(&mut js, &report), (expected(&report), sent - lost), "{lost} kept");
        }
    }

    #[test]
    fn past_the_kept_keys_each_is_sent_every_time() {
        let many: Map<String, Value> = (0..MAX_KEYS + 500).map(|i| (format!("k{i}"), json!(i))).collect();
        let value = Value::Object(many);
        let mut js = Js::default();
        assert_eq!(cross(&mut js, &value), (value.clone(), MAX_KEYS));
        assert_eq!(cross(&mut js, &value), (value.clone(), 0));
        assert_eq!(js.keys.len(), MAX_KEYS);
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i64, String),
        Struct { a: Option<f32>, b: char },
    }

    #[derive(Serialize)]
    struct Odd {
        shapes: Vec<Shape>,
        big: u64,
        small: i64,
        not_finite: [f64; 3],
        unit: (),
        bytes: serde_bytes_like::Bytes,
        keys: std::collections::BTreeMap<u32, bool>,
        text: String,
    }

    /// Bytes as serde writes them with `serialize_bytes`.
    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn every_serde_shape_crosses_as_in_json() {
        let odd = Odd {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, "t".into()),
                Shape::Struct { a: None, b: 'ä' },
                Shape::Struct {
                    a: Some(0.5), b: '😀'
                },
            ],
            big: u64::MAX,
            small: i64::MIN,
            not_finite: [f64::NAN, f64::INFINITY, -0.0],
            unit: (),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            keys: [(1, true), (20, false)].into_iter().collect(),
            // Characters outside the BMP are two UTF-16 units: the slices after it must not shift.
            text: "😀 ä \u{2010} \0 \"".into(),
        };
        let (got, _) = cross(&mut Js::default(), &odd);
        let mut want = expected(&odd);
        // serde_json keeps 64-bit integers exactly; JS numbers, and JSON.parse, round them.
        want["big"] = json!(18_446_744_073_709_551_615_f64);
        want["small"] = json!(-9_223_372_036_854_775_808_f64);
        assert_eq!(got, want);
        assert_eq!(got["not_finite"], json!([null, null, -0.0]));
        assert_eq!(got["shapes"][3], json!({ "Struct": { "a": null, "b": "ä" } }));
    }

    #[test]
    fn a_key_that_is_not_text_or_a_number_is_an_error() {
        let mut bad = std::collections::BTreeMap::new();
        bad.insert(vec![1], 2);
        let Err(e) = write(&bad, 0) else {
            unreachable!("a list is not a key")
        };
        assert_eq!(e.to_string(), "a map's key must be text or a number");
    }
}
