//! A byte-driven mutator of real measures, shared by the `structured` fuzz target and the
//! corpus replay test (`core/tests/fuzz_corpus.rs` includes this file by path), so both read
//! a corpus file the same way. It needs nothing but serde_json.
//!
//! The input is read as a program: the first byte picks a measure of the programme, each
//! following group of bytes is one edit (set, remove, wrap, insert, nest, ...) at a path the
//! bytes steer through the measure. Exhausted input reads as zeros, so every byte string is
//! a valid program.

use serde_json::{json, Map, Value};

/// At most this many edits per input, and this deep a nesting edit, so each run stays quick.
const MAX_EDITS: usize = 48;
const MAX_NEST: usize = 200;
/// Nesting edits stop when the measure is this deep, four times the parser's limit for JSON
/// text (`limits::MAX_DEPTH`, 128); the other edits add at most 53 levels more. Unbounded,
/// 48 nesting edits made measures over 1,500 levels deep, and serde_json's recursive
/// `clone` (in this mutator, and in the engine's explanations, which clone the value at a
/// finding's place) overflowed the 2 MiB stack of the replay test's threads in a debug
/// build. Such values cannot come from text; the engine has no recursion of its own there.
const MAX_TOTAL_DEPTH: usize = 512;
/// A string is doubled only while it is at most this long (64 KiB, far over every text limit
/// of the engine). Unbounded, 48 doublings grow a string exponentially: a 73-byte input made
/// a 2 GB string in the mutator and libFuzzer stopped on an out-of-memory
/// (`fuzz/regressions/structured/oom-string-doubling`).
const MAX_DOUBLED: usize = 64 * 1024;

struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos = self.pos.saturating_add(1);
        b
    }

    fn done(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        if items.is_empty() {
            return None;
        }
        let i = usize::from(self.byte()) % items.len();
        items.get(i).cloned()
    }

    /// A string taken from the input: a length byte, then that many bytes read lossily.
    fn text(&mut self) -> String {
        let len = usize::from(self.byte());
        let start = self.pos.min(self.data.len());
        let end = start.saturating_add(len).min(self.data.len());
        self.pos = start.saturating_add(len);
        String::from_utf8_lossy(self.data.get(start..end).unwrap_or(&[])).into_owned()
    }
}

const KEYS: &[&str] = &[
    "id",
    "theme",
    "title",
    "fi",
    "sv",
    "en",
    "leadBody",
    "partners",
    "schedule",
    "text",
    "start",
    "end",
    "continuous",
    "status",
    "progress",
    "steps",
    "description",
    "indicators",
    "measures",
    "$schema",
    "",
    "x",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "SM",
    "sm",
    " SM ",
    "POHA",
    "HKO",
    "Poliisihallitus",
    "Sisäministeriö",
    "OM, SM",
    "2.1",
    "2.6. a)",
    "3.1",
    "99.99",
    "1.",
    ".1",
    "0.0",
    "2.6 a",
    "toimenpiteen 3.1",
    "12/2017",
    "1-2/2018",
    "Syksy 2018",
    "kevät 2019",
    "2018–2020",
    "2018-02-30",
    "2018-13",
    "jatkuva",
    "jatkuu",
    "Continuous",
    "2017-12-31",
    "0000-01-01",
    "9999-12",
    "käynnissä",
    "completed",
    "planned",
    "in-progress",
    "delayed",
    "{id}",
    "{",
    "\u{feff}SM",
    "\u{0}",
    "\u{202e}",
    "e\u{301}",
    "\r\n",
    "ÅÄÖ",
    "/title/sv",
    "~1~0",
];

fn number(b: &mut Bytes<'_>) -> Value {
    match b.byte() % 12 {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(1),
        3 => json!(2),
        4 => json!(u64::MAX),
        5 => json!(i64::MIN),
        6 => json!(1.5),
        7 => json!(-0.0),
        8 => json!(1e308),
        9 => json!(f64::MIN_POSITIVE),
        10 => json!(2.000_000_000_000_001),
        _ => json!(i64::from(b.byte()) - 128),
    }
}

fn value(b: &mut Bytes<'_>, depth: u32) -> Value {
    match b.byte() % 10 {
        0 => Value::Null,
        1 => Value::Bool(b.byte() % 2 == 0),
        2 => number(b),
        3 | 4 => Value::String(b.pick(STRINGS).unwrap_or_default().to_string()),
        5 => Value::String(b.text()),
        6 => Value::String("x".repeat(usize::from(b.byte()) * 64)),
        7 if depth < 4 => {
            let n = b.byte() % 4;
            Value::Array((0..n).map(|_| value(b, depth + 1)).collect())
        }
        8 if depth < 4 => {
            let n = b.byte() % 4;
            let mut m = Map::new();
            for _ in 0..n {
                let k = key(b);
                m.insert(k, value(b, depth + 1));
            }
            Value::Object(m)
        }
        _ => Value::String(b.pick(STRINGS).unwrap_or_default().to_string()),
    }
}

fn key(b: &mut Bytes<'_>) -> String {
    if b.byte() % 8 == 0 {
        b.text()
    } else {
        b.pick(KEYS).unwrap_or_default().to_string()
    }
}

/// Walks from `root` down a few steps the bytes choose: the JSON Pointer of the place reached.
fn place(b: &mut Bytes<'_>, root: &Value) -> String {
    let steps = b.byte() % 4;
    let mut pointer = String::new();
    let mut cur: &Value = root;
    for _ in 0..steps {
        let choice = usize::from(b.byte());
        let next = match cur {
            Value::Object(m) if !m.is_empty() => m
                .iter()
                .nth(choice % m.len())
                .map(|(k, v)| (k.replace('~', "~0").replace('/', "~1"), v)),
            Value::Array(a) if !a.is_empty() => {
                let i = choice % a.len();
                a.get(i).map(|v| (i.to_string(), v))
            }
            _ => None,
        };
        let Some((token, v)) = next else { break };
        pointer.push('/');
        pointer.push_str(&token);
        cur = v;
    }
    pointer
}

/// How deep `v` is: 1 for a scalar or an empty array or object. The mutator keeps values
/// shallow enough for this recursion.
fn depth(v: &Value) -> usize {
    let inner = match v {
        Value::Array(a) => a.iter().map(depth).max().unwrap_or(0),
        Value::Object(m) => m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    };
    inner.saturating_add(1)
}

fn edit(b: &mut Bytes<'_>, root: &mut Value) {
    let op = b.byte() % 9;
    let room = if op == 6 {
        MAX_TOTAL_DEPTH.saturating_sub(depth(root))
    } else {
        0
    };
    let pointer = place(b, root);
    let Some(target) = root.pointer_mut(&pointer) else {
        return;
    };
    match op {
        0 | 1 => *target = value(b, 0),
        2 => {
            // Remove a member of an object or an item of an array.
            let choice = usize::from(b.byte());
            match target {
                Value::Object(m) if !m.is_empty() => {
                    if let Some(k) = m.keys().nth(choice % m.len()).cloned() {
                        m.remove(&k);
                    }
                }
                Value::Array(a) if !a.is_empty() => {
                    a.remove(choice % a.len());
                }
                _ => *target = Value::Null,
            }
        }
        3 => {
            let inner = target.take();
            *target = Value::Array(vec![inner]);
        }
        4 => {
            let k = key(b);
            let v = value(b, 0);
            match target {
                Value::Object(m) => {
                    m.insert(k, v);
                }
                Value::Array(a) => a.push(v),
                other => *other = v,
            }
        }
        5 => {
            // Unwrap: an array or object becomes its first element.
            let first = match target {
                Value::Array(a) => a.first().cloned(),
                Value::Object(m) => m.values().next().cloned(),
                _ => None,
            };
            if let Some(v) = first {
                *target = v;
            }
        }
        6 => {
            // Deep nesting around the value.
            let n = (usize::from(b.byte()) % MAX_NEST).min(room);
            let mut v = target.take();
            for i in 0..n {
                v = if i % 2 == 0 {
                    Value::Array(vec![v])
                } else {
                    let mut m = Map::new();
                    m.insert(String::from("fi"), v);
                    Value::Object(m)
                };
            }
            *target = v;
        }
        7 => {
            // Strings are edited in place: cut, doubled, or given a prefix from the table.
            if let Value::String(s) = target {
                match b.byte() % 3 {
                    0 => {
                        let cut = s.char_indices().nth(usize::from(b.byte())).map_or(s.len(), |(i, _)| i);
                        s.truncate(cut);
                    }
                    1 => {
                        if s.len() <= MAX_DOUBLED {
                            *s = s.repeat(2);
                        }
                    }
                    _ => {
                        let p = b.pick(STRINGS).unwrap_or_default();
                        s.insert_str(0, p);
                    }
                }
            } else {
                *target = Value::String(target.to_string());
            }
        }
        _ => *target = number(b),
    }
}

/// The measure the bytes make from `programme`'s measures, and a programme holding that
/// measure in its place (for the programme-wide rules).
///
/// In that programme the other measures are stubs holding only their `id`: the edits change
/// one measure, and the programme-wide rules relate it to the others by id alone (duplicate
/// numbers, references to measures that exist), so a stub exercises the same paths as the
/// full measure while the 41 unchanged measures are not re-checked on every run (they made
/// the target about 4 times slower and always gave the same findings). The programme's
/// other members (`themes`, for theme references) are kept as they are.
pub fn mutate(programme: &Value, data: &[u8]) -> (Value, Value) {
    let mut b = Bytes { data, pos: 0 };
    let measures = programme
        .get("measures")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    let index = if measures.is_empty() {
        0
    } else {
        usize::from(b.byte()) % measures.len()
    };
    let mut measure = measures.get(index).cloned().unwrap_or_else(|| json!({}));
    let mut edits = 0;
    while !b.done() && edits < MAX_EDITS {
        edit(&mut b, &mut measure);
        edits += 1;
    }
    let mut whole = Map::new();
    if let Value::Object(top) = programme {
        for (k, v) in top {
            if k != "measures" {
                whole.insert(k.clone(), v.clone());
            }
        }
    }
    let list: Vec<Value> = measures
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if i == index {
                measure.clone()
            } else {
                let mut stub = json!({
                    "title": {"fi": "x", "sv": "x"},
                    "leadBody": "SM",
                    "partners": ["POHA"],
                    "schedule": {"continuous": true},
                    "status": "in-progress"
                });
                for k in ["id", "theme"] {
                    if let (Some(v), Some(s)) = (m.get(k), stub.as_object_mut()) {
                        s.insert(String::from(k), v.clone());
                    }
                }
                stub
            }
        })
        .collect();
    whole.insert(String::from("measures"), Value::Array(list));
    (measure, Value::Object(whole))
}
