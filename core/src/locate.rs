//! Maps JSON Pointers back to line and column in the JSON text they came from, so the CLI
//! and editors can point at `file:line:col`. A single pass over the text, run only when
//! there are findings to place.

use std::borrow::Cow;
use std::ops::Range;

use crate::doc::{Borrowed, Unescaped};

/// 1-based line and column (in characters) of each wanted pointer, in the order given. A
/// member of an object is placed at its key, an array item at its value; a pointer that does
/// not exist in the text (a missing field) is placed at its nearest existing ancestor. A key
/// written twice in one object is placed at its last occurrence, the one whose value the
/// JSON reader keeps. A byte-order mark at the start is not counted as a column.
pub fn locate(text: &str, pointers: &[&str]) -> Vec<Option<(u32, u32)>> {
    // Nothing to place (a clean file): the walk would still skip over the whole text.
    if pointers.is_empty() {
        return Vec::new();
    }
    // Every wanted pointer and its ancestors, sorted: the walk narrows the list to the
    // pointers below each value it enters (see `Walker::lookup`), so a member costs a few
    // comparisons with its parent's wanted pointers, and nothing here grows with the
    // document's keys.
    let mut wanted: Vec<&str> = Vec::with_capacity(pointers.len() * 3);
    for p in pointers {
        let mut cur: &str = p;
        loop {
            wanted.push(cur);
            match cur.rfind('/') {
                Some(i) => cur = cur.get(..i).unwrap_or(""),
                None => break,
            }
        }
    }
    wanted.sort_unstable();
    wanted.dedup();
    let mut walker = Walker {
        bytes: text.as_bytes(),
        pos: 0,
        path: String::new(),
        found: vec![None; wanted.len()],
        wanted: &wanted,
    };
    walker.skip_ws();
    let (here, below) = walker.lookup(0..wanted.len(), 0);
    if let Some(slot) = here.and_then(|i| walker.found.get_mut(i)) {
        *slot = Some(walker.pos);
    }
    walker.member_value(0, below);
    let found = walker.found;

    let mut order: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, o)| o.map(|o| (o, i)))
        .collect();
    sort_pairs(&mut order);
    let mut places: Vec<Option<(u32, u32)>> = vec![None; wanted.len()];
    place_sorted(text, &order, &mut |i, place| {
        if let Some(slot) = places.get_mut(i) {
            *slot = Some(place);
        }
    });

    pointers
        .iter()
        .map(|p| {
            let mut cur: &str = p;
            loop {
                if let Some(&Some(place)) = wanted.binary_search(&cur).ok().and_then(|i| places.get(i)) {
                    return Some(place);
                }
                match cur.rfind('/') {
                    Some(i) => cur = cur.get(..i).unwrap_or(""),
                    None => return None,
                }
            }
        })
        .collect()
}

/// Sorts (offset, index) pairs for [`place_sorted`]: a heapsort of a dozen lines, as std's
/// `sort_unstable` for a second element type (the engine sorts `&str`s too) added its
/// quicksort and small sorts to the browser's wasm once more.
pub(crate) fn sort_pairs(v: &mut [(usize, usize)]) {
    fn sift(v: &mut [(usize, usize)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v.get(child) < v.get(child + 1) {
                child += 1;
            }
            if v.get(root) >= v.get(child) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// The 1-based line and column of each byte offset of `order` (sorted, each with a caller's
/// index), given to `put` with its index, in one pass over the text.
pub(crate) fn place_sorted(text: &str, order: &[(usize, usize)], put: &mut dyn FnMut(usize, (u32, u32))) {
    let (mut line, mut col) = (1usize, 1usize);
    // Bytes, not chars: a column counts the bytes that start a character (not UTF-8
    // continuation bytes), which is the character count without decoding. Counted as
    // branch-free sums over the text between two places, which the compiler turns into
    // wide loops: a byte at a time, Finnish text's multi-byte letters cost a mispredicted
    // branch each, and this loop was a tenth of checking the programme's text. A
    // byte-order mark is not part of the document, so it is no column of line 1.
    let bytes = text.as_bytes();
    let starts = |b: &[u8]| count(b, |b| (b as i8) >= -0x40);
    let mut at = if text.starts_with('\u{feff}') { 3 } else { 0 };
    for &(offset, i) in order {
        let between = bytes.get(at..offset).unwrap_or(&[]);
        match between.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                line += count(between, |b| b == b'\n');
                col = 1 + starts(between.get(last + 1..).unwrap_or(&[]));
            }
            None => col += starts(between),
        }
        at = at.max(offset);
        put(i, (clamp(line), clamp(col)));
    }
}

/// Every member of an object of `text` whose key the object writes again later (the reader
/// keeps the last): `each(object, key, at)` with its object's pointer, its key unescaped and
/// the byte offset of its key's opening quote, in the order of the text within each object.
/// For text the reader has accepted and found to repeat a key: it walks every value the reader
/// keeps.
pub(crate) fn repeated_keys(text: &str, each: &mut dyn FnMut(&str, &str, usize)) {
    let mut walker = Walker::over(text);
    walker.skip_ws();
    walker.every_value(0, each);
}

/// The pointer of the innermost value of `text` that holds each byte offset of `order`
/// (sorted, each with a caller's index; an offset in a key is its member's, one between
/// members their container's), given to `put` with its index, in one walk. For what is found
/// in the text before it is read, so that a form can show it at its field: half a surrogate
/// pair, and the bracket that nests too deep. The walk stops at the end of the value that
/// holds the last offset, and reads text that is broken after it as it reads whole text; an
/// offset deeper than `MAX_DEPTH` gets the pointer of the deepest value entered.
pub(crate) fn pointers_at(text: &str, order: &[(usize, usize)], put: &mut dyn FnMut(usize, &str)) {
    let mut walker = Walker::over(text);
    let mut next = 0;
    walker.skip_ws();
    walker.holding(0, order, &mut next, put);
    // Past the document (trailing text): the document's own.
    give(order, &mut next, usize::MAX, "", put);
}

/// `path` to each offset of `order` from `next` that is before `end`.
fn give(order: &[(usize, usize)], next: &mut usize, end: usize, path: &str, put: &mut dyn FnMut(usize, &str)) {
    while let Some(&(at, index)) = order.get(*next) {
        if at >= end {
            return;
        }
        put(index, path);
        *next += 1;
    }
}

/// How many bytes `is` accepts, summed in bytes over runs of 255 so that the compiler
/// counts sixteen or more at a time (a `usize` count gets two).
fn count(bytes: &[u8], is: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|run| usize::from(run.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(is(b))))))
        .sum()
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
    path: String,
    /// Sorted; `found` holds the offset of each, once the walk has passed it.
    wanted: &'a [&'a str],
    found: Vec<Option<usize>>,
}

/// Depth beyond which the walker stops descending (past it, `pointers_at` gives the deepest
/// value entered). serde_json refuses documents deeper than 128, and only `pointers_at` walks
/// those, to the offset where it stopped.
const MAX_DEPTH: usize = 256;

impl<'a> Walker<'a> {
    /// A walker of every value, with no pointers wanted.
    fn over(text: &'a str) -> Self {
        Walker {
            bytes: text.as_bytes(),
            pos: 0,
            path: String::new(),
            found: Vec::new(),
            wanted: &[],
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
        // A byte-order mark at the start is not part of the document.
        if self.pos == 0 && self.bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pos = 3;
            self.skip_ws();
        }
    }

    /// The slot of `self.path` in `wanted` and the range of the wanted pointers below it,
    /// looked for in `within`: the range below the parent, whose pointers all share the
    /// parent's path and a slash, the first `skip` bytes. Sorted pointers below a path are
    /// contiguous, so each member costs a binary search over its parent's few wanted
    /// pointers instead of searches of the whole list with whole paths compared.
    fn lookup(&mut self, within: Range<usize>, skip: usize) -> (Option<usize>, Range<usize>) {
        let offset = within.start;
        let list = self.wanted.get(within).unwrap_or(&[]);
        self.path.push('/');
        let with_slash = self.path.as_bytes().get(skip..).unwrap_or(&[]);
        let tail = with_slash.get(..with_slash.len().saturating_sub(1)).unwrap_or(&[]);
        let key = |e: &&'a str| -> &'a [u8] { (*e).as_bytes().get(skip..).unwrap_or(&[]) };
        let at = list.partition_point(|e| key(e) < tail);
        let mut i = at;
        let here = (list.get(i).map(key) == Some(tail)).then(|| {
            i += 1;
            offset + at
        });
        // Pointers like `path-x` sort between `path` and `path/…`. Both runs are short (a
        // value's own wanted pointers), and most members have none: one search each.
        let extends = |k: &[u8]| k.starts_with(tail) && k.get(tail.len()).is_some_and(|&b| b < b'/');
        while list.get(i).map(key).is_some_and(extends) {
            i += 1;
        }
        let start = i;
        while list.get(i).map(key).is_some_and(|k| k.starts_with(with_slash)) {
            i += 1;
        }
        self.path.pop();
        (here, offset + start..offset + i)
    }

    /// A value with wanted pointers `below` it is walked; any other is skipped by a plain
    /// scan, so a report's few findings make most of a programme's text a scan instead of a
    /// walk that builds every path.
    fn member_value(&mut self, depth: usize, below: Range<usize>) {
        if below.is_empty() || depth > MAX_DEPTH {
            self.skip_value();
            return;
        }
        let skip = self.path.len() + 1;
        match self.peek() {
            Some(b'{') => self.object(depth, below, skip),
            Some(b'[') => self.array(depth, below, skip),
            _ => self.skip_value(),
        }
    }

    /// Moves past one value without reading it: strings are skipped whole (a bracket in a
    /// string is text), brackets counted otherwise. Stops at the end of the text if the
    /// value is cut short.
    fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.string();
            }
            Some(b'{' | b'[') => {
                // Inside a container only quotes and brackets matter: the bytes between them
                // (a pretty-printed file's indentation, numbers, commas) are passed eight at
                // a time.
                let mut open = 0usize;
                loop {
                    match self.peek() {
                        Some(b'"') => {
                            self.string();
                        }
                        Some(b'{' | b'[') => {
                            open += 1;
                            self.pos += 1;
                        }
                        Some(_) => {
                            self.pos += 1;
                            open = open.saturating_sub(1);
                            if open == 0 {
                                return;
                            }
                        }
                        None => return,
                    }
                    self.pos = quote_or_bracket(self.bytes, self.pos);
                }
            }
            _ => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        return;
                    }
                    self.pos += 1;
                }
            }
        }
    }

    /// `/` and a key as written (`raw`, between its quotes) onto the path, as a pointer token.
    fn push_key(&mut self, raw: &[u8]) {
        self.path.push('/');
        match std::str::from_utf8(raw) {
            Ok(key) if !raw.contains(&b'\\') => self.path.push_str(&crate::text::escape_pointer_token(key)),
            _ => self.path.push_str(&crate::text::escape_pointer_token(&decode_key(raw))),
        }
    }

    /// Skips a string and returns its raw contents (between the quotes).
    fn string(&mut self) -> &'a [u8] {
        self.pos += 1;
        let start = self.pos;
        loop {
            self.pos = quote_or_backslash(self.bytes, self.pos);
            match self.peek() {
                Some(b'\\') => self.pos += 2,
                _ => break,
            }
        }
        let end = self.pos.min(self.bytes.len());
        self.pos += 1;
        self.bytes.get(start..end).unwrap_or(&[])
    }

    fn object(&mut self, depth: usize, within: Range<usize>, skip: usize) {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(_) => {
                    self.pos += 1;
                    continue;
                }
            }
            let key_at = self.pos;
            let raw = self.string();
            let saved = self.path.len();
            self.push_key(raw);
            let (here, below) = self.lookup(within.clone(), skip);
            if let Some(i) = here {
                // A key seen before in this object: the reader keeps the last value, so
                // this occurrence and what is inside it replace the earlier one.
                if matches!(self.found.get(i), Some(Some(_))) {
                    for slot in self.found.get_mut(below.clone()).unwrap_or(&mut []) {
                        *slot = None;
                    }
                }
                if let Some(slot) = self.found.get_mut(i) {
                    *slot = Some(key_at);
                }
            }
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            self.skip_ws();
            self.member_value(depth + 1, below);
            self.path.truncate(saved);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn array(&mut self, depth: usize, within: Range<usize>, skip: usize) {
        self.pos += 1;
        let mut index = 0usize;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                _ => {}
            }
            let saved = self.path.len();
            self.path.push('/');
            crate::text::push_index(&mut self.path, index);
            let (here, below) = self.lookup(within.clone(), skip);
            if let Some(slot) = here.and_then(|i| self.found.get_mut(i)) {
                *slot = Some(self.pos);
            }
            self.member_value(depth + 1, below);
            self.path.truncate(saved);
            index += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(_) => self.pos += 1,
            }
        }
    }
}

/// The walk of `repeated_keys`: every value, every key of every object.
impl<'a> Walker<'a> {
    fn every_value(&mut self, depth: usize, each: &mut dyn FnMut(&str, &str, usize)) {
        match self.peek() {
            Some(b'{') if depth <= MAX_DEPTH => self.every_member(depth, each),
            Some(b'[') if depth <= MAX_DEPTH => {
                self.pos += 1;
                let mut index = 0usize;
                while self.next_item(b']') {
                    let (saved, before) = (self.path.len(), self.pos);
                    self.path.push('/');
                    crate::text::push_index(&mut self.path, index);
                    self.every_value(depth + 1, each);
                    self.path.truncate(saved);
                    index += 1;
                    // Text the reader accepted always moves on; any other must not stall.
                    if self.pos == before {
                        self.pos += 1;
                    }
                }
            }
            _ => self.skip_value(),
        }
    }

    /// An object's repeated keys, then the values it keeps: not those of the earlier
    /// occurrences, which no one reads, and where a pointer would lead to the kept value.
    /// Knowing which those are takes a skip over the members first, so a value `d` objects
    /// deep is scanned `d + 1` times: a 31 MiB string under 126 objects, the worst the limits
    /// let in, takes 0.6 s more in the Node build (BENCHMARKS.md, item 39). Walking values
    /// at once would need every report inside them held back until their object closes.
    fn every_member(&mut self, depth: usize, each: &mut dyn FnMut(&str, &str, usize)) {
        self.pos += 1;
        // Each key unescaped, where it was written, and where its value starts.
        let mut keys: Vec<(Cow<'a, str>, usize, usize)> = Vec::new();
        while self.next_item(b'}') {
            if self.peek() != Some(b'"') {
                self.pos += 1;
                continue;
            }
            let at = self.pos;
            let raw = self.string();
            let key = match std::str::from_utf8(raw) {
                Ok(key) if !raw.contains(&b'\\') => Cow::Borrowed(key),
                _ => Cow::Owned(decode_key(raw)),
            };
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            self.skip_ws();
            keys.push((key, at, self.pos));
            self.skip_value();
        }
        let end = self.pos;
        let key = |i: usize| keys.get(i).map_or("", |k| &*k.0);
        // By key, equal keys in the order written: each but the last of a run is repeated.
        let mut repeated = vec![false; keys.len()];
        let order = crate::doc::sorted_order(keys.len(), &key);
        for pair in order.windows(2) {
            if let [i, j] = *pair {
                if key(i) == key(j) {
                    if let Some(r) = repeated.get_mut(i) {
                        *r = true;
                    }
                }
            }
        }
        for ((k, at, value), repeated) in keys.iter().zip(repeated) {
            if repeated {
                each(&self.path, k, *at);
            } else {
                let saved = self.path.len();
                self.path.push('/');
                self.path.push_str(&crate::text::escape_pointer_token(k));
                self.pos = *value;
                self.every_value(depth + 1, each);
                self.path.truncate(saved);
            }
        }
        self.pos = end;
    }

    /// Moves to the next item of an array or object (past a comma, or into the first), or past
    /// its closing `close`: whether there is an item.
    fn next_item(&mut self, close: u8) -> bool {
        self.skip_ws();
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_ws();
        }
        match self.peek() {
            Some(b) if b == close => {
                self.pos += 1;
                false
            }
            None => false,
            Some(_) => true,
        }
    }
}

/// The walk of `pointers_at`: every value up to the last offset wanted.
impl Walker<'_> {
    fn holding(&mut self, depth: usize, order: &[(usize, usize)], next: &mut usize, put: &mut dyn FnMut(usize, &str)) {
        let close = match self.peek() {
            _ if *next >= order.len() => return,
            Some(b'{') if depth <= MAX_DEPTH => b'}',
            Some(b'[') if depth <= MAX_DEPTH => b']',
            _ => {
                self.skip_value();
                give(order, next, self.pos, &self.path, put);
                return;
            }
        };
        self.pos += 1;
        let mut index = 0usize;
        while self.next_item(close) && *next < order.len() {
            let (saved, before) = (self.path.len(), self.pos);
            give(order, next, self.pos, &self.path, put);
            if close == b'}' {
                if self.peek() != Some(b'"') {
                    self.pos += 1;
                    continue;
                }
                let raw = self.string();
                self.push_key(raw);
                give(order, next, self.pos, &self.path, put);
                self.skip_ws();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                }
                self.skip_ws();
            } else {
                self.path.push('/');
                crate::text::push_index(&mut self.path, index);
                index += 1;
            }
            self.holding(depth + 1, order, next, put);
            self.path.truncate(saved);
            // Broken text must not stall the walk.
            if self.pos == before {
                self.pos += 1;
            }
        }
        give(order, next, self.pos, &self.path, put);
    }
}

const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const HIGH: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit of each byte of `word` that is zero; a false hit can only follow a true one
/// (a borrow), so the lowest hit is exact, also when several words' hits are or-ed.
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGH
}

/// The first position at or after `at` (the end of `bytes` if none) of a byte `is` accepts,
/// eight bytes at a time: `hits` marks those bytes of a word as [`zero_bytes`] does.
fn first_of(bytes: &[u8], mut at: usize, hits: impl Fn(u64) -> u64, is: impl Fn(u8) -> bool) -> usize {
    while let Some(Ok(eight)) = bytes.get(at..at.saturating_add(8)).map(<[u8; 8]>::try_from) {
        let found = hits(u64::from_le_bytes(eight));
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&c) = bytes.get(at) {
        if is(c) {
            return at;
        }
        at += 1;
    }
    bytes.len().max(at)
}

/// The first `"` or `\\` at or after `at`: strings are most of a document's bytes, and the
/// walk skips them.
fn quote_or_backslash(bytes: &[u8], at: usize) -> usize {
    const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_le_bytes([b'\\'; 8]);
    first_of(
        bytes,
        at,
        |w| zero_bytes(w ^ QUOTES) | zero_bytes(w ^ BACKSLASHES),
        |c| c == b'"' || c == b'\\',
    )
}

/// The first `"`, `{`, `[`, `}` or `]` at or after `at`. Setting bit 5 makes `[` a `{` and
/// `]` a `}` and no other byte either.
fn quote_or_bracket(bytes: &[u8], at: usize) -> usize {
    const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
    const BIT5: u64 = u64::from_le_bytes([0x20; 8]);
    const OPEN: u64 = u64::from_le_bytes([b'{'; 8]);
    const CLOSE: u64 = u64::from_le_bytes([b'}'; 8]);
    first_of(
        bytes,
        at,
        |w| zero_bytes(w ^ QUOTES) | zero_bytes((w | BIT5) ^ OPEN) | zero_bytes((w | BIT5) ^ CLOSE),
        |c| matches!(c, b'"' | b'{' | b'[' | b'}' | b']'),
    )
}

fn decode_key(raw: &[u8]) -> String {
    if raw.contains(&b'\\') {
        let mut quoted = Vec::with_capacity(raw.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(raw);
        quoted.push(b'"');
        // Read by the document's reader, which the engine has anyway: decoding into `String`
        // would add serde's type-error paths, and with them float printing, to the wasm.
        let quoted = String::from_utf8_lossy(&quoted);
        if let Ok(Borrowed::String(s)) = Borrowed::from_json(&quoted, &Unescaped::new()) {
            return s.to_owned();
        }
    }
    String::from_utf8_lossy(raw).into_owned()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn pairs_are_sorted_as_std_sorts_them() {
        // Sizes 0 to 300, with repeated offsets and indices, from a fixed generator.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap() % m
        };
        for n in 0..300 {
            let mut v: Vec<(usize, usize)> = (0..n).map(|_| (next(n / 3 + 1), next(5))).collect();
            let mut want = v.clone();
            want.sort_unstable();
            sort_pairs(&mut v);
            assert_eq!(v, want, "{n} pairs");
        }
        let mut sorted: Vec<(usize, usize)> = (0..1000).map(|i| (i, 0)).collect();
        sort_pairs(&mut sorted);
        assert!(sorted.windows(2).all(|w| w[0] <= w[1]));
        let mut reversed: Vec<(usize, usize)> = (0..1000).rev().map(|i| (i, i)).collect();
        sort_pairs(&mut reversed);
        assert_eq!(reversed.first(), Some(&(0, 0)));
        assert_eq!(reversed.last(), Some(&(999, 999)));
    }

    /// The pointer `pointers_at` gives each byte of `text` marked by a `|` there (removed).
    fn pointers(marked: &str) -> Vec<String> {
        let text = marked.replace('|', "");
        let order: Vec<(usize, usize)> = marked
            .match_indices('|')
            .enumerate()
            .map(|(i, (at, _))| (at - i, i))
            .collect();
        let mut found = vec![String::from("unset"); order.len()];
        pointers_at(&text, &order, &mut |i, p| {
            if let Some(slot) = found.get_mut(i) {
                *slot = p.to_string();
            }
        });
        found
    }

    #[test]
    fn an_offset_is_given_the_pointer_of_the_innermost_value_that_holds_it() {
        let found = pointers(r#"|{"a": "x|y", "b|~/": [1, |[|"|z"]|, {"c": 2|}], |"d": {}}| |"#);
        // An opening bracket or quote is its value's; a comma or closing bracket between
        // members, its container's; a key, its member's (escaped as a pointer token).
        let expected = [
            "",
            "/a",
            "/b~0~1",
            "/b~0~1/1",
            "/b~0~1/1/0",
            "/b~0~1/1/0",
            "/b~0~1",
            "/b~0~1/2",
            "/d",
            "",
            "",
        ];
        assert_eq!(found, expected);
        // Text that is broken after the last offset, and after one.
        assert_eq!(pointers(r#"{"a": [1, "|x"], "b": [,,"#), ["/a/1"]);
        assert_eq!(pointers(r#"{"a": [1,, |"x"]"#), ["/a/2"]);
        // Past the walk's own depth, the deepest value it entered.
        let deep = format!("{}|1{}", "[".repeat(300), "]".repeat(300));
        assert_eq!(pointers(&deep), ["/0".repeat(257)]);
        assert!(pointers("").is_empty());
    }

    /// The places by pointer.
    fn located<'p>(text: &str, pointers: &[&'p str]) -> HashMap<&'p str, (u32, u32)> {
        let places = locate(text, pointers);
        assert_eq!(places.len(), pointers.len(), "one place per pointer, in order");
        pointers
            .iter()
            .zip(places)
            .filter_map(|(p, at)| Some((*p, at?)))
            .collect()
    }

    const DOC: &str = "{\n  \"id\": \"2.6. a)\",\n  \"partners\": [\"PO\", \"HÄK\"],\n  \"a/b\": {\"x\\u00e4\": 1}\n}";

    #[test]
    fn places_members_at_keys_and_items_at_values() {
        let m = located(DOC, &["/id", "/partners/1", "/a~1b/xä", ""]);
        assert_eq!(m.get("/id"), Some(&(2, 3)));
        assert_eq!(m.get("/partners/1"), Some(&(3, 22)));
        assert_eq!(m.get("/a~1b/xä"), Some(&(4, 11)));
        assert_eq!(m.get(""), Some(&(1, 1)));
    }

    #[test]
    fn places_come_in_the_order_of_the_pointers_repeats_included() {
        let places = locate(DOC, &["/partners/1", "/id", "/partners/1", "/nowhere/9"]);
        assert_eq!(places, vec![Some((3, 22)), Some((2, 3)), Some((3, 22)), Some((1, 1))]);
        assert_eq!(
            locate("", &["/a"]),
            vec![Some((1, 1))],
            "an empty text is placed at its start"
        );
    }

    /// Against a byte loop, at every start, over text with quotes and backslashes at every
    /// offset of a word and multi-byte characters around them.
    #[test]
    fn quote_or_backslash_finds_the_first() {
        let text = "ab\"cdefghi\\jklmnopqrstä\"öxyz0123456789\"\\\\abcdefgh\u{1F600}ijklmnop\"";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() + 2 {
            let expected = (from..bytes.len())
                .find(|&i| matches!(bytes.get(i), Some(b'"' | b'\\')))
                .unwrap_or(bytes.len().max(from));
            assert_eq!(quote_or_backslash(bytes, from), expected, "from {from}");
        }
        for len in 0..20 {
            let plain = "x".repeat(len);
            assert_eq!(quote_or_backslash(plain.as_bytes(), 0), len);
        }
    }

    /// Every byte value at every offset of a word, against a byte loop: bit 5 must make
    /// only `[` and `]` brackets.
    #[test]
    fn quote_or_bracket_finds_the_first() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).chain(*b"abc{").collect();
        for from in 0..=bytes.len() + 2 {
            let expected = (from..bytes.len())
                .find(|&i| matches!(bytes.get(i), Some(b'"' | b'{' | b'[' | b'}' | b']')))
                .unwrap_or(bytes.len().max(from));
            assert_eq!(quote_or_bracket(&bytes, from), expected, "from {from}");
        }
        let plain: Vec<u8> = (0..=255u8).filter(|b| !b"\"{[}]".contains(b)).collect();
        assert_eq!(quote_or_bracket(&plain, 0), plain.len());
    }

    #[test]
    fn counts_match_a_byte_loop() {
        let text = include_str!("../../data/programme-2017.json").as_bytes();
        for len in [0, 1, 254, 255, 256, 511, 4096, text.len()] {
            let part = text.get(..len).unwrap_or(text);
            let newlines = part.iter().filter(|&&b| b == b'\n').count();
            let starts = part.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            assert_eq!(count(part, |b| b == b'\n'), newlines, "{len}");
            assert_eq!(count(part, |b| (b as i8) >= -0x40), starts, "{len}");
        }
    }

    #[test]
    fn skipped_values_do_not_move_later_places() {
        let doc = "{\"skip\": {\"x\": \"a}]\\\"[\", \"y\": [1, {\"z\": [true, null]}], \"w\": -1.5e3},\n \"after\": [\"]\", 2]}";
        let m = located(doc, &["/after/1"]);
        assert_eq!(m.get("/after/1"), Some(&(2, 17)));
    }

    /// Every pointer of the real programme, placed alone (most of the text skipped) and all
    /// together (the whole text walked), lands on the same place.
    #[test]
    fn a_pointer_is_placed_alike_alone_and_among_all() {
        fn pointers(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
            out.push(at.to_string());
            match v {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        pointers(x, &format!("{at}/{}", crate::text::escape_pointer_token(k)), out);
                    }
                }
                serde_json::Value::Array(l) => {
                    for (i, x) in l.iter().enumerate() {
                        pointers(x, &format!("{at}/{i}"), out);
                    }
                }
                _ => {}
            }
        }
        let text = include_str!("../../data/programme-2017.json");
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let mut all = Vec::new();
        pointers(&value, "", &mut all);
        assert!(all.len() > 1000, "{} pointers", all.len());
        let refs: Vec<&str> = all.iter().map(String::as_str).collect();
        let together = located(text, &refs);
        for p in all.iter().step_by(7) {
            assert_eq!(
                located(text, &[p.as_str()]).get(p.as_str()),
                together.get(p.as_str()),
                "{p}"
            );
        }
    }

    /// Keys that extend one another (`s`, `s-t`, `s.t`, `st`) sort around `s/…`: the ranges
    /// the walk narrows to must not lose or borrow one another's pointers.
    #[test]
    fn keys_sharing_a_prefix_keep_their_own_places() {
        let doc = "{\"s-t\": {\"x\": 2},\n \"s\": {\"x\": 1, \"x-y\": [0, 5]},\n \"s.t\": [3],\n \"st\": {\"x\": 4},\n \"s-u\": [6], \"s-v\": [7], \"s-w\": [8], \"s,\": [9]}";
        let pointers = [
            "/s/x",
            "/s-t/x",
            "/s.t/0",
            "/st/x",
            "/s-t",
            "/s/x-y/1",
            "/s/x/deeper",
            "/s-u/0",
            "/s-v/0",
            "/s-w/0",
            "/s,/0",
        ];
        let expected = [
            (2, 8),
            (1, 10),
            (3, 10),
            (4, 9),
            (1, 2),
            (2, 27),
            (2, 8),
            (5, 10),
            (5, 22),
            (5, 34),
            (5, 45),
        ];
        let together = locate(doc, &pointers);
        for (i, (p, want)) in pointers.iter().zip(expected).enumerate() {
            assert_eq!(together.get(i), Some(&Some(want)), "{p} among all");
            assert_eq!(locate(doc, &[p]), vec![Some(want)], "{p} alone");
        }
    }

    #[test]
    fn missing_pointers_fall_back_to_their_parent() {
        let m = located(DOC, &["/partners/7", "/leadBody"]);
        assert_eq!(m.get("/partners/7"), Some(&(3, 3)));
        assert_eq!(m.get("/leadBody"), Some(&(1, 1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let m = located("{\"ä\": \"ö\", \"b\": 1}", &["/b"]);
        assert_eq!(m.get("/b"), Some(&(1, 12)));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let m = located("\u{feff}{\"id\": 1,\n \"b\": 2}", &["", "/id", "/b"]);
        assert_eq!(m.get(""), Some(&(1, 1)));
        assert_eq!(m.get("/id"), Some(&(1, 2)));
        assert_eq!(m.get("/b"), Some(&(2, 2)));
    }

    #[test]
    fn a_repeated_key_is_placed_at_its_last_occurrence() {
        let text = "{\"s\": {\"a\": 1, \"b\": [2]},\n \"s\": {\"a\": 3}, \"s2\": 0}";
        let m = located(text, &["/s", "/s/a", "/s/b/0"]);
        assert_eq!(m.get("/s"), Some(&(2, 2)));
        assert_eq!(m.get("/s/a"), Some(&(2, 8)));
        // Not in the value kept: placed at the nearest place that is.
        assert_eq!(m.get("/s/b/0"), Some(&(2, 2)));
    }

    /// `repeated_keys`' reports as (pointer, key, line, column).
    fn repeats(text: &str) -> Vec<(String, String, u32, u32)> {
        let mut found = Vec::new();
        repeated_keys(text, &mut |object, key, at| {
            found.push((crate::context::child(object, key), key.to_string(), at));
        });
        let mut order: Vec<(usize, usize)> = found.iter().enumerate().map(|(i, f)| (f.2, i)).collect();
        order.sort_unstable();
        let mut places = vec![(0, 0); found.len()];
        place_sorted(text, &order, &mut |i, place| places[i] = place);
        found
            .into_iter()
            .zip(places)
            .map(|((p, k, _), (line, column))| (p, k, line, column))
            .collect()
    }

    #[test]
    fn every_occurrence_of_a_key_but_the_last_is_a_repeat() {
        let r = |p: &str, k: &str, line, column| (p.to_string(), k.to_string(), line, column);
        assert_eq!(repeats("{\"a\": 1, \"b\": [{\"c\": 1}], \"ab\": {}}"), vec![]);
        // Three times: two repeats. Written with an escape, a key is still the same key.
        assert_eq!(
            repeats("{\"a\": 1,\n \"\\u0061\": 2, \"b\": 0, \"a\": 3}"),
            vec![r("/a", "a", 1, 2), r("/a", "a", 2, 2)]
        );
        // In array items and nested objects, with their pointers escaped; a key is compared
        // within its own object only.
        assert_eq!(
            repeats("[{\"x\": 1}, {\"a/b~\": {\"x\": 1, \"x\": 2}, \"a/b~\": 0}, {\"x\": 2}]"),
            vec![r("/1/a~1b~0", "a/b~", 1, 13)]
        );
        // A value that is not read is not searched: its own repeats would point into the value
        // kept. The kept value's are.
        assert_eq!(
            repeats("{\"s\": {\"k\": 1, \"k\": 2}, \"s\": {\"k\": 3, \"k\": 4}}"),
            vec![r("/s", "s", 1, 2), r("/s/k", "k", 1, 31)]
        );
        // Multi-byte characters are one column each, a BOM none, CRLF one line.
        assert_eq!(
            repeats("\u{feff}{\"ä\": 1,\r\n\"ä\": 2, \"😀\": 0, \"😀\": 1}"),
            vec![r("/ä", "ä", 1, 2), r("/😀", "😀", 2, 9)]
        );
    }

    #[test]
    fn a_flood_of_members_has_its_repeats_found() {
        // Against each key compared with those after it.
        let keys: Vec<String> = (0..300).map(|i| format!("k{}", (i * 7) % 113)).collect();
        let text = format!(
            "{{{}}}",
            keys.iter()
                .map(|k| format!("\"{k}\": 0"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut want = Vec::new();
        let mut offset = 1;
        for (i, k) in keys.iter().enumerate() {
            if keys.iter().skip(i + 1).any(|l| l == k) {
                want.push((format!("/{k}"), k.clone(), 1, u32::try_from(offset + 1).unwrap()));
            }
            offset += k.len() + 7;
        }
        assert_eq!(want.len(), 300 - 113);
        assert_eq!(repeats(&text), want);
    }

    #[test]
    fn truncated_or_odd_text_does_not_panic() {
        for t in [
            "",
            "{",
            "[",
            "{\"a\":",
            "\"",
            "{\"a\\",
            "[1,",
            "\u{feff}{}",
            "{,}",
            "[[[[",
            "}",
        ] {
            let _ = locate(t, &["/a", "/0/0", ""]);
            repeated_keys(t, &mut |_, _, _| {});
        }
    }
}
