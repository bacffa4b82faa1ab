//! Maps JSON Pointers back to line and column in the JSON text they came from, so the CLI
//! and editors can point at `file:line:col`. A single pass over the text, run only when
//! there are findings to place.

use std::collections::{HashMap, HashSet};

/// 1-based line and column (in characters) of each wanted pointer. A member of an object is
/// placed at its key, an array item at its value; a pointer that does not exist in the text
/// (a missing field) is placed at its nearest existing ancestor. A key written twice in one
/// object is placed at its last occurrence, the one whose value the JSON reader keeps. A
/// byte-order mark at the start is not counted as a column.
pub fn locate(text: &str, pointers: &[&str]) -> HashMap<String, (u32, u32)> {
    let mut wanted: HashSet<&str> = HashSet::new();
    for p in pointers {
        let mut cur: &str = p;
        loop {
            if !wanted.insert(cur) {
                break;
            }
            match cur.rfind('/') {
                Some(i) => cur = cur.get(..i).unwrap_or(""),
                None => break,
            }
        }
    }
    let mut walker = Walker {
        bytes: text.as_bytes(),
        pos: 0,
        path: String::new(),
        wanted: &wanted,
        found: HashMap::new(),
    };
    walker.skip_ws();
    walker.record_here();
    walker.value(0);
    let offsets = walker.found;

    let mut order: Vec<(usize, &str)> = offsets.iter().map(|(p, o)| (*o, p.as_str())).collect();
    order.sort_unstable();
    let mut positions: HashMap<&str, (u32, u32)> = HashMap::new();
    let (mut line, mut col) = (1u32, 1u32);
    // Bytes, not chars: a column counts the bytes that start a character (not UTF-8
    // continuation bytes), which is the character count without decoding. A byte-order
    // mark is not part of the document, so it is no column of line 1.
    let bytes = text.as_bytes();
    let mut at = if text.starts_with('\u{feff}') { 3 } else { 0 };
    for (offset, p) in order {
        for &b in bytes.get(at..offset).unwrap_or(&[]) {
            if b == b'\n' {
                line = line.saturating_add(1);
                col = 1;
            } else if b & 0xC0 != 0x80 {
                col = col.saturating_add(1);
            }
        }
        at = at.max(offset);
        positions.insert(p, (line, col));
    }

    let mut out = HashMap::new();
    for p in pointers {
        let mut cur: &str = p;
        let pos = loop {
            if let Some(pos) = positions.get(cur) {
                break Some(*pos);
            }
            match cur.rfind('/') {
                Some(i) => cur = cur.get(..i).unwrap_or(""),
                None => break None,
            }
        };
        if let Some(pos) = pos {
            out.insert((*p).to_string(), pos);
        }
    }
    out
}

struct Walker<'a> {
    bytes: &'a [u8],
    pos: usize,
    path: String,
    wanted: &'a HashSet<&'a str>,
    found: HashMap<String, usize>,
}

/// Depth beyond which the walker stops descending; serde_json refuses deeper documents
/// before we get here, so this only guards direct callers.
const MAX_DEPTH: usize = 256;

impl<'a> Walker<'a> {
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

    fn record_here(&mut self) {
        if self.wanted.contains(self.path.as_str()) && !self.found.contains_key(&self.path) {
            self.found.insert(self.path.clone(), self.pos);
        }
    }

    /// Forgets the places found inside the current path (an earlier value of a repeated key).
    fn forget_inside(&mut self) {
        let path = &self.path;
        self.found.retain(|p, _| {
            !(p.len() > path.len() && p.starts_with(path.as_str()) && p.as_bytes().get(path.len()) == Some(&b'/'))
        });
    }

    fn value(&mut self, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    /// The value at `self.path`: walked when a wanted pointer lies at or under it, else
    /// skipped by a plain scan. `wanted` holds every ancestor of every wanted pointer, so
    /// a path outside it has nothing wanted below it, and a report's few findings make
    /// most of a programme's text a scan instead of a walk that builds every path.
    fn member_value(&mut self, depth: usize) {
        if self.wanted.contains(self.path.as_str()) {
            self.value(depth);
        } else {
            self.skip_value();
        }
    }

    /// Moves past one value without reading it: strings are skipped whole (a bracket in a
    /// string is text), brackets counted otherwise. Stops at the end of the text if the
    /// value is cut short.
    fn skip_value(&mut self) {
        let mut open = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.string();
                    if open == 0 {
                        return;
                    }
                    continue;
                }
                b'{' | b'[' => open += 1,
                b'}' | b']' => {
                    if open == 0 {
                        return;
                    }
                    open -= 1;
                    if open == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                b',' | b' ' | b'\t' | b'\n' | b'\r' if open == 0 => return,
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// Skips a string and returns its raw contents (between the quotes).
    fn string(&mut self) -> &'a [u8] {
        self.pos += 1;
        let start = self.pos;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        let end = self.pos.min(self.bytes.len());
        self.pos += 1;
        self.bytes.get(start..end).unwrap_or(&[])
    }

    fn object(&mut self, depth: usize) {
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
            self.path.push('/');
            match std::str::from_utf8(raw) {
                Ok(key) if !raw.contains(&b'\\') => self.path.push_str(&crate::text::escape_pointer_token(key)),
                _ => self.path.push_str(&crate::text::escape_pointer_token(&decode_key(raw))),
            }
            if self.wanted.contains(self.path.as_str()) {
                // A key seen before in this object: the reader keeps the last value, so
                // this occurrence and what is inside it replace the earlier one.
                if self.found.contains_key(&self.path) {
                    self.forget_inside();
                }
                self.found.insert(self.path.clone(), key_at);
            }
            self.skip_ws();
            if self.peek() == Some(b':') {
                self.pos += 1;
            }
            self.skip_ws();
            self.member_value(depth + 1);
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

    fn array(&mut self, depth: usize) {
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
            self.record_here();
            self.member_value(depth + 1);
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

fn decode_key(raw: &[u8]) -> String {
    if raw.contains(&b'\\') {
        let mut quoted = Vec::with_capacity(raw.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(raw);
        quoted.push(b'"');
        // Read as a `Value`, whose decoder the engine has anyway: decoding into `String`
        // would add serde's type-error paths, and with them float printing, to the wasm.
        if let Ok(serde_json::Value::String(s)) = serde_json::from_str(&String::from_utf8_lossy(&quoted)) {
            return s;
        }
    }
    String::from_utf8_lossy(raw).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"id\": \"2.6. a)\",\n  \"partners\": [\"PO\", \"HÄK\"],\n  \"a/b\": {\"x\\u00e4\": 1}\n}";

    #[test]
    fn places_members_at_keys_and_items_at_values() {
        let m = locate(DOC, &["/id", "/partners/1", "/a~1b/xä", ""]);
        assert_eq!(m.get("/id"), Some(&(2, 3)));
        assert_eq!(m.get("/partners/1"), Some(&(3, 22)));
        assert_eq!(m.get("/a~1b/xä"), Some(&(4, 11)));
        assert_eq!(m.get(""), Some(&(1, 1)));
    }

    #[test]
    fn skipped_values_do_not_move_later_places() {
        let doc = "{\"skip\": {\"x\": \"a}]\\\"[\", \"y\": [1, {\"z\": [true, null]}], \"w\": -1.5e3},\n \"after\": [\"]\", 2]}";
        let m = locate(doc, &["/after/1"]);
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
        let together = locate(text, &refs);
        for p in all.iter().step_by(7) {
            assert_eq!(locate(text, &[p.as_str()]).get(p), together.get(p), "{p}");
        }
    }

    #[test]
    fn missing_pointers_fall_back_to_their_parent() {
        let m = locate(DOC, &["/partners/7", "/leadBody"]);
        assert_eq!(m.get("/partners/7"), Some(&(3, 3)));
        assert_eq!(m.get("/leadBody"), Some(&(1, 1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let m = locate("{\"ä\": \"ö\", \"b\": 1}", &["/b"]);
        assert_eq!(m.get("/b"), Some(&(1, 12)));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let m = locate("\u{feff}{\"id\": 1,\n \"b\": 2}", &["", "/id", "/b"]);
        assert_eq!(m.get(""), Some(&(1, 1)));
        assert_eq!(m.get("/id"), Some(&(1, 2)));
        assert_eq!(m.get("/b"), Some(&(2, 2)));
    }

    #[test]
    fn a_repeated_key_is_placed_at_its_last_occurrence() {
        let text = "{\"s\": {\"a\": 1, \"b\": [2]},\n \"s\": {\"a\": 3}, \"s2\": 0}";
        let m = locate(text, &["/s", "/s/a", "/s/b/0"]);
        assert_eq!(m.get("/s"), Some(&(2, 2)));
        assert_eq!(m.get("/s/a"), Some(&(2, 8)));
        // Not in the value kept: placed at the nearest place that is.
        assert_eq!(m.get("/s/b/0"), Some(&(2, 2)));
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
        }
    }
}
