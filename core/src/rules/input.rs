//! The JSON text itself: readable, and within the size limit.

#[cfg(feature = "docs")]
use crate::catalogue::Docs;
use crate::catalogue::{RuleMeta, Scope};
use crate::context::{child, Cx, Pending};
use crate::doc::{Borrowed, Unescaped};
use crate::finding::Severity;
use crate::limits::{Size, MAX_DEPTH, MAX_DOCUMENT_BYTES};

pub static SYNTAX: RuleMeta = RuleMeta {
    id: "input.syntax",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "The document is valid JSON.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reads the text as JSON (RFC 8259). A byte-order mark at the start is allowed; trailing commas, comments, single quotes and truncated text are not. Nesting deeper than 127 levels is refused. A `\\u` escape of half a surrogate pair (`\\uD800`-`\\uDFFF` alone), which no character is, is reported at the escape, with the pointer of the string (or the member, for a key) that holds it, and read as U+FFFD, so the rest of the document is still checked. A JavaScript object has no lines: half a surrogate pair in one, or nesting past the limit, is reported at its field in words that name no line or column. Given bytes (a file, a `Uint8Array`), the text must be UTF-8: the first byte that is not is reported.\n\nThe message says what is wrong in the reader's language, and the parameter `problem` names it for forms with texts of their own: `trailing-comma`, `extra-comma`, `trailing-characters`, `comment`, `expected-value`, `expected-colon`, `expected-comma-list`, `expected-comma-object`, `key-not-string`, `invalid-escape`, `lone-surrogate`, `invalid-number`, `number-range`, `control-character`, `eof`, `empty`, `depth`, `utf8` (with `byte`), or `syntax`, whose message quotes the parser's own words (the parameter `detail`). The place is where the fix goes: a trailing comma on itself, a missing comma or colon right after the value or key it should follow, a line break inside quotes at the end of its line.",
        why: "Nothing else can be checked in text that is not JSON, and the person who wrote it needs to know the exact line and column.",
        example: "```json\n{ \"id\": \"2.1\", }\n```\nfails at line 1, column 14 (the trailing comma). `{ \"id\": \"2.1\" }` passes.",
    },
    params: &[],
};

pub static DUPLICATE_KEY: RuleMeta = RuleMeta {
    id: "input.duplicate-key",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "No object writes a key twice.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Reports each member whose key its object writes again later, at that earlier key. JSON readers keep the last value of a repeated key (serde_json, `JSON.parse`, and this engine), so the earlier value is neither read nor checked. Only text can repeat a key: a JavaScript object, or text already read by `JSON.parse`, holds each key once.",
        why: "A file edited by hand, or two forms' outputs joined, can hold `partners` twice: the first list is silently lost, and what the file seems to say is not what any system reads.",
        example: "```json\n{ \"partners\": [\"OM\"], \"status\": \"planned\", \"partners\": [\"PO\"] }\n```\nwarns at line 1, column 3 (the first `partners`; only `[\"PO\"]` is read). Keep one `partners` with both: `{ \"partners\": [\"OM\", \"PO\"], \"status\": \"planned\" }` passes.",
    },
    params: &[],
};

pub static TOO_LARGE: RuleMeta = RuleMeta {
    id: "input.too-large",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "The document is within the size limit.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Refuses JSON text larger than 32 MiB before reading it, at line 1, column 1, and in JavaScript an object whose `JSON.stringify` text is, told as the document's JSON text, with no line. What is certainly over it is refused before it is copied in, by a lower bound (\"at least\").",
        why: "A bound on input keeps a browser tab or a CI job from running out of memory on a mistaken file; the real 2017 programme is about 70 KB.",
        example: "A 40 MiB file fails with the size and the limit in the message.",
    },
    params: &[],
};

pub static TOO_MANY_FINDINGS: RuleMeta = RuleMeta {
    id: "input.too-many-findings",
    severity: Severity::Warning,
    scope: Scope::Document,
    summary: "A report lists at most 50,000 findings of each severity.",
    #[cfg(feature = "docs")]
    docs: Docs {
        what: "Past 50,000 findings of one severity, the rest are counted in the summary but not listed, and this finding says how many. Errors are never crowded out by warnings.",
        why: "2.7 million misspelt fields fit in 32 MiB; listing them all would exhaust the engine's memory.",
        example: "60,000 unknown fields: 50,000 warnings listed, then this one.",
    },
    params: &[],
};

/// Whether a document of `size` is within `MAX_DOCUMENT_BYTES`; reports it when not.
pub(crate) fn within_size(cx: &mut Cx<'_>, size: Size) -> bool {
    let (bytes, variant) = match size {
        Size::Exactly(n) => (n, None),
        Size::AtLeast(n) => (n, Some("at-least")),
    };
    if bytes <= MAX_DOCUMENT_BYTES {
        return true;
    }
    too_large(cx, bytes, variant);
    false
}

/// Whether a file of `bytes` is within `MAX_DOCUMENT_BYTES`; reports it when not. In `u64`: a
/// file can be larger than a 32-bit engine (the wasm) can address, and is refused by its size.
pub(crate) fn file_within_size(cx: &mut Cx<'_>, bytes: u64) -> bool {
    if bytes <= MAX_DOCUMENT_BYTES as u64 {
        return true;
    }
    too_large(cx, bytes, None);
    false
}

/// Generic, so that a build that never has a size in `u64` (the browser's, which has no
/// `checkFileSize`) does not carry `u64`'s formatting: 327 bytes of wasm on a 32-bit target.
/// A value (a JavaScript object) was never a file, and its text, written for it, has no
/// lines a reader saw: its finding names the document's text and has no place in it.
fn too_large(cx: &mut Cx<'_>, bytes: impl ToString, variant: Option<&'static str>) {
    let value = cx.from_value;
    let finding = cx.report(&TOO_LARGE, "");
    let finding = match (variant, value) {
        (Some(v), _) => finding.variant(v),
        (None, true) => finding.variant("value"),
        (None, false) => finding,
    };
    let finding = finding
        .param("size", bytes.to_string())
        .param("limit", MAX_DOCUMENT_BYTES.to_string());
    if value {
        finding.emit();
    } else {
        finding.at(1, 1).emit();
    }
}

/// Parses JSON text, reporting why it cannot be read. `None` means nothing else can be checked.
/// With the document comes the text it was read from, for placing findings: `text` without its
/// byte-order mark, and with any half of a surrogate pair written `\uFFFD` (`lone_halves`).
pub(crate) fn parse<'t>(cx: &mut Cx<'_>, text: &'t str, unescaped: &'t Unescaped) -> Option<(Borrowed<'t>, &'t str)> {
    if !within_size(cx, Size::Exactly(text.len())) {
        return None;
    }
    // A byte-order mark is not part of the document, nor a column of its first line (as
    // editors show it, and as `locate` places findings).
    let mut body = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Where the text had half a surrogate pair, once it is read again with U+FFFD in their
    // places (`lone_halves`): each is reported where it was, up to the first syntax error.
    let mut halves = Vec::new();
    loop {
        match Borrowed::from_json_noting_repeats(body, unescaped) {
            Ok((v, repeated)) => {
                report_halves(cx, body, &halves, usize::MAX);
                // The second walk only when some key was repeated, and the rule is on.
                if repeated && cx.on(&DUPLICATE_KEY) {
                    duplicate_keys(cx, body);
                }
                return Some((v, body));
            }
            Err(e) => {
                let full = e.to_string();
                let (said, detail) = serde_words(&full);
                // Half a surrogate pair is valid JSON grammar (RFC 8259, section 8.2) that
                // serde_json refuses: the structure is whole, so one broken string must not
                // hide the rest of the document. Read again with each half as U+FFFD, which is
                // what a JavaScript string with one becomes on its way in.
                if halves.is_empty() && said == "lone-surrogate" {
                    let mended = lone_halves(body, &mut halves);
                    if !halves.is_empty() {
                        body = unescaped.keep_owned(mended);
                        continue;
                    }
                }
                let (problem, at) = diagnose(body, &e, said);
                report_halves(cx, body, &halves, at);
                let (line, column) = place(body, at);
                // Nesting too deep is at the value that goes over, which the text before it
                // leads to; any other problem is the text's own.
                let mut path = String::new();
                if problem == "depth" {
                    crate::locate::pointers_at(body, &[(at, 0)], &mut |_, p| p.clone_into(&mut path));
                }
                // serde_json's English stays with the finding, for a bug report.
                let finding = syntax(cx, problem, (line, column), path).param("detail", detail);
                match problem {
                    "depth" => finding.param("limit", MAX_DEPTH.to_string()).emit(),
                    _ => finding.emit(),
                }
                return None;
            }
        }
    }
}

/// `text` with each escape of half a surrogate pair (`\uD800`-`\uDFFF` without its other
/// half) in its strings and keys written `\uFFFD`, the offsets of whose backslashes go to
/// `found` (each with its number, as `locate::place_sorted` takes places): the same length, so
/// that every place in it is that place in `text`.
fn lone_halves(text: &str, found: &mut Vec<(usize, usize)>) -> String {
    let bytes = text.as_bytes();
    // Whether the escape at `at` is half a pair: the leading half (D800-DBFF) or the trailing.
    let half = |at: usize| match bytes.get(at..at.saturating_add(6))? {
        [b'\\', b'u', b'd' | b'D', x, y, z] if y.is_ascii_hexdigit() && z.is_ascii_hexdigit() => {
            match x.to_ascii_lowercase() {
                b'8'..=b'b' => Some(Half::Leading),
                b'c'..=b'f' => Some(Half::Trailing),
                _ => None,
            }
        }
        _ => None,
    };
    let mut mended = String::with_capacity(text.len());
    let (mut at, mut from, mut quoted) = (0, 0, false);
    while let Some(&b) = bytes.get(at) {
        at += match (b, quoted) {
            (b'"', _) => {
                quoted = !quoted;
                1
            }
            (b'\\', true) => match half(at) {
                Some(Half::Leading) if half(at + 6) == Some(Half::Trailing) => 12,
                Some(_) => {
                    found.push((at, found.len()));
                    mended.push_str(text.get(from..at).unwrap_or_default());
                    mended.push_str("\\uFFFD");
                    from = at + 6;
                    6
                }
                _ => 2,
            },
            _ => 1,
        };
    }
    mended.push_str(text.get(from..).unwrap_or_default());
    mended
}

#[derive(PartialEq)]
enum Half {
    Leading,
    Trailing,
}

/// The `input.syntax` finding of each half of a surrogate pair before `until`, where it was.
fn report_halves(cx: &mut Cx<'_>, body: &str, halves: &[(usize, usize)], until: usize) {
    // Placed in one pass, as `duplicate_keys` places its keys (the halves are in the order of
    // the text): `place` for each walked the text from its start, and a text of thousands of
    // halves took seconds.
    let before = halves.iter().take_while(|&&(at, _)| at < until).count();
    let halves = halves.get(..before).unwrap_or_default();
    // At the value (or the member, for a key) that holds each, so that a form shows it at its field.
    let mut paths = vec![String::new(); halves.len()];
    crate::locate::pointers_at(body, halves, &mut |i, path| {
        if let Some(p) = paths.get_mut(i) {
            path.clone_into(p);
        }
    });
    crate::locate::place_sorted(body, halves, &mut |i, at| {
        let path = paths.get_mut(i).map(std::mem::take).unwrap_or_default();
        syntax(cx, "lone-surrogate", at, path).emit();
    });
}

/// Every occurrence of a key that its object writes again later, placed at its key: the
/// reader keeps the last, so the value here is not checked (`DUPLICATE_KEY`).
fn duplicate_keys(cx: &mut Cx<'_>, body: &str) {
    // The byte offset of each listed finding's key, by its index in the findings.
    let mut offsets: Vec<(usize, usize)> = Vec::new();
    crate::locate::repeated_keys(body, &mut |object, key, at| {
        let index = cx.findings.len();
        cx.report(&DUPLICATE_KEY, || child(object, key))
            .param("field", key)
            .emit();
        if cx.findings.len() > index {
            offsets.push((at, index));
        }
    });
    // A value's text (which JSON.stringify never writes with a key twice) has no places.
    if cx.from_value {
        return;
    }
    crate::locate::sort_pairs(&mut offsets);
    crate::locate::place_sorted(body, &offsets, &mut |index, (line, column)| {
        if let Some(f) = cx.findings.get_mut(index) {
            f.line = Some(line);
            f.column = Some(column);
        }
    });
}

/// What serde_json's `Display` puts between its description and the place.
const AT_LINE: &[u8] = b" at line ";

/// serde_json's description of what it met, and the message variant that says it in the
/// reader's language (`input.syntax/<variant>`). A description not here keeps serde_json's
/// English in the plain `syntax` message; the tests parse a text for every row, so a
/// rewording in serde_json fails them instead of quietly falling back. Its descriptions that
/// reading a `&str` into a `Value` cannot give (invalid UTF-8, a map key of another type) are
/// left out.
const PROBLEMS: &[(&str, &str)] = &[
    ("trailing comma", "trailing-comma"),
    ("trailing characters", "trailing-characters"),
    ("expected value", "expected-value"),
    ("expected ident", "expected-value"),
    ("expected `:`", "expected-colon"),
    ("expected `,` or `]`", "expected-comma-list"),
    ("expected `,` or `}`", "expected-comma-object"),
    ("key must be a string", "key-not-string"),
    ("invalid escape", "invalid-escape"),
    // serde_json's names for a `\uD800`-`\uDFFF` escape without its other half.
    ("lone leading surrogate in hex escape", "lone-surrogate"),
    ("unexpected end of hex escape", "lone-surrogate"),
    ("invalid number", "invalid-number"),
    ("number out of range", "number-range"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "control-character",
    ),
    ("recursion limit exceeded", "depth"),
];

fn problem(detail: &str) -> &'static str {
    PROBLEMS
        .iter()
        .find(|(said, _)| *said == detail)
        .map_or("syntax", |(_, variant)| variant)
}

/// Reads bytes as UTF-8 text (RFC 8259 §8.1), for callers that have a file's bytes: text that
/// is too large or not UTF-8 is reported at the first bad byte and `None` returned. Nothing is
/// replaced: a replacement character would change the document without saying so.
pub(crate) fn decode<'t>(cx: &mut Cx<'_>, bytes: &'t [u8]) -> Option<&'t str> {
    // Checked before decoding too, so an oversized file is not validated first.
    if !within_size(cx, Size::Exactly(bytes.len())) {
        return None;
    }
    // `str::from_utf8` checks eight bytes at a time where the text is ASCII; the chunks of
    // `String::from_utf8_lossy` go byte by byte, and are only for finding the bad byte.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text);
    }
    let first = bytes.utf8_chunks().next();
    match first {
        None => Some(""),
        Some(chunk) if chunk.invalid().is_empty() => Some(chunk.valid()),
        Some(chunk) => {
            // The bad byte comes right after the valid text, which the mark does not count in.
            let valid = chunk.valid();
            let valid = valid.strip_prefix('\u{feff}').unwrap_or(valid);
            let (line, column) = place(valid, valid.len());
            let byte = chunk.invalid().first().copied().unwrap_or(0);
            let hex = |n: u8| char::from_digit(u32::from(n), 16).map_or('0', |c| c.to_ascii_uppercase());
            let byte: String = [hex(byte >> 4), hex(byte & 0x0F)].into_iter().collect();
            syntax(cx, "utf8", (line, column), String::new())
                .param("byte", byte)
                .emit();
            None
        }
    }
}

/// serde_json's words for why it stopped, without the place, which a message gives already;
/// and the problem they name, as `problem` reads them.
fn serde_words(full: &str) -> (&'static str, &str) {
    // A byte search: `str::rfind` with a text pattern brings a substring searcher into the
    // wasm for this alone.
    let detail = full
        .as_bytes()
        .windows(AT_LINE.len())
        .rposition(|w| w == AT_LINE)
        .and_then(|i| full.get(..i))
        .unwrap_or(full);
    (problem(detail), detail)
}

/// What is wrong with `body`, which serde_json refused with `e` (naming `said`), and the byte
/// offset where the fix goes: the variant of `input.syntax`'s message, and its place.
fn diagnose(body: &str, e: &serde_json::Error, said: &'static str) -> (&'static str, usize) {
    let at = offset(body, e.line(), e.column());
    let problem = if e.is_eof() {
        if body.trim_start_matches([' ', '\t', '\n', '\r']).is_empty() {
            "empty"
        } else {
            "eof"
        }
    } else {
        // serde_json names what it expected; what it met instead is often the clearer
        // thing to say: a comment, or a second comma where a key or a value should be.
        match said {
            "key-not-string" | "expected-value" | "trailing-characters" => {
                let met = body.get(at..).unwrap_or("");
                if met.starts_with("//") || met.starts_with("/*") {
                    "comment"
                } else if said != "trailing-characters" && met.starts_with(',') {
                    "extra-comma"
                } else {
                    said
                }
            }
            other => other,
        }
    };
    let at = match problem {
        // serde_json stops at what comes next. A missing comma or colon belongs right
        // after the value or key before it, often at the end of the line above; a
        // trailing comma is the last thing before the bracket.
        "expected-comma-list" | "expected-comma-object" | "expected-colon" => after_previous(body, at),
        "trailing-comma" => after_previous(body, at).saturating_sub(1),
        // A line break it refuses is placed at the start of the next line; it belongs
        // at the end of its own, where the closing quote is likely missing.
        "control-character" if e.column() == 0 => at.saturating_sub(1),
        _ => at,
    };
    (problem, at)
}

/// A rule set's text that serde_json refused with `e`, told as a document's is (in English,
/// the language of a rule set's refusals): what is wrong, at which line and column.
pub(crate) fn ruleset_syntax(text: &str, e: &serde_json::Error) -> String {
    let full = e.to_string();
    let (said, detail) = serde_words(&full);
    let (problem, at) = diagnose(text, e, said);
    let (line, column) = place(text, at);
    // Inserted one by one: `BTreeMap::from` of an array sorts it, and a sort routine costs
    // kilobytes of wasm.
    let mut params = std::collections::BTreeMap::new();
    for (name, value) in [
        ("line", line.to_string()),
        ("column", column.to_string()),
        ("limit", MAX_DEPTH.to_string()),
        ("detail", detail.to_string()),
    ] {
        params.insert(name.to_string(), value);
    }
    crate::messages::with_key(&["input.syntax/", problem], |key| {
        crate::messages::render(crate::lang::Lang::En, key, &params)
    })
}

/// The `input.syntax` finding, at a place in the text (and at `path`, a pointer, where the
/// text leads to one), for the caller to add the variant's own params to. `problem` is the message variant, and a param too, so that
/// a form with its own texts can tell a missing comma from a stray one.
fn syntax<'c, 'e>(
    cx: &'c mut Cx<'e>,
    problem: &'static str,
    (line, column): (u32, u32),
    path: String,
) -> Pending<'c, 'e> {
    // The text of a value (JSON.stringify's) can only hold half a surrogate pair or nest too
    // deep. Its lines and columns are nowhere a reader saw: the finding's path is its place,
    // and the message and help do not speak of a file.
    let value = match problem {
        "lone-surrogate" => Some((
            "input.syntax/value/lone-surrogate",
            "help/input.syntax/value/lone-surrogate",
        )),
        // Nesting is bounded as a value's size is; that rule's help says what to do.
        "depth" => Some(("input.syntax/value/depth", "help/schema.value")),
        _ => None,
    };
    if let Some((message, help)) = value.filter(|_| cx.from_value) {
        return cx
            .report(&SYNTAX, || path)
            .variant(problem)
            .worded(message, help)
            .param("problem", problem);
    }
    cx.report(&SYNTAX, || path)
        .variant(problem)
        .param("line", line.to_string())
        .param("column", column.to_string())
        .param("problem", problem)
        .at(line, column)
}

/// serde_json's place (a line, and a column counting bytes from 1, or 0 at the start of a
/// line) as the offset of the byte it stopped at.
fn offset(text: &str, line: usize, byte_column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        n => text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .nth(n - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    line_start.saturating_add(byte_column.saturating_sub(1)).min(text.len())
}

/// Just after the last byte before `at` that is not JSON whitespace.
fn after_previous(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(..at)
        .and_then(|before| before.iter().rposition(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r')))
        .map_or(at, |i| i + 1)
}

/// The line and column of the character at byte `at`, both from 1, the column in characters
/// as people and editors count them (serde_json counts bytes). `locate`'s count, which
/// places every other finding, for one place: a count of its own here was 100 bytes of the
/// browser's wasm, gzipped. (Like it, this does not count a byte-order mark that starts
/// `text`; the callers have stripped the document's, so only a second one goes uncounted.)
fn place(text: &str, at: usize) -> (u32, u32) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at = at.saturating_sub(1);
    }
    let mut found = (1, 1);
    crate::locate::place_sorted(text, &[(at, 0)], &mut |_, place| found = place);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CheckOptions, Engine};
    use crate::lang::Lang;

    /// Text that makes serde_json say each of `PROBLEMS`' descriptions (or gives one of the
    /// other variants), the variant, and the line and column the finding names: a trailing
    /// comma itself, just after the value or key that a comma or colon should follow (on the
    /// line above when the next one starts a line), the character after a bad escape, a line
    /// break or a tab inside quotes on itself.
    const SAMPLES: &[(&str, &str, (u32, u32))] = &[
        ("{\"id\": \"2.1\", }", "trailing-comma", (1, 13)),
        ("{\n  // Sisäministeriö\n  \"id\": \"2.1\"\n}", "comment", (2, 3)),
        ("{\"id\": /* 2.1 */ \"2.1\"}", "comment", (1, 8)),
        ("{\"id\": \"2.1\"} // ok", "comment", (1, 15)),
        ("{\"id\": \"2.1\"} /", "trailing-characters", (1, 15)),
        ("{\"id\": \"2.1\",, \"theme\": 2}", "extra-comma", (1, 14)),
        ("{\"partners\": [\"POL\",, \"TULLI\"]}", "extra-comma", (1, 21)),
        ("{, \"id\": \"2.1\"}", "extra-comma", (1, 2)),
        ("{\"id\": \"2.1\"} x", "trailing-characters", (1, 15)),
        ("{\"id\": '2.1'}", "expected-value", (1, 8)),
        ("{\"status\": tru}", "expected-value", (1, 15)),
        ("{\"id\" \"2.1\"}", "expected-colon", (1, 6)),
        ("{\"partners\": [\"POL\" \"TULLI\"]}", "expected-comma-list", (1, 20)),
        ("{\"id\": \"2.1\"\n \"theme\": 2}", "expected-comma-object", (1, 13)),
        (
            "{\n  \"id\": \"2.1\"\n  \"theme\": 2\n}",
            "expected-comma-object",
            (2, 14),
        ),
        ("{\"å\": ä}", "expected-value", (1, 7)),
        ("{id: \"2.1\"}", "key-not-string", (1, 2)),
        ("{\"id\": \"2\\.1\"}", "invalid-escape", (1, 11)),
        ("{\"title\": {\"fi\": \"\\udc00\"}}", "lone-surrogate", (1, 19)),
        ("{\"title\": {\"fi\": \"\\ud800\"}}", "lone-surrogate", (1, 19)),
        ("{\"theme\": 02}", "invalid-number", (1, 12)),
        ("{\"theme\": 1e400}", "number-range", (1, 15)),
        (
            "{\"title\": {\"fi\": \"Rikos-\n torjunta\"}}",
            "control-character",
            (1, 25),
        ),
        (
            "{\"title\": {\"fi\": \"Rikos-\ttorjunta\"}}",
            "control-character",
            (1, 25),
        ),
        (
            "{\n\"id\": \"2.1\",\n\"title\": {\"fi\": \"Kehitetään},\n\"x\": 1}",
            "control-character",
            (3, 30),
        ),
        (
            "{\"title\": {\"fi\": \"Rikos-\r\n torjunta\"}}",
            "control-character",
            (1, 25),
        ),
        ("{\"id\": \"2.1\"", "eof", (1, 12)),
        (" \r\n\t", "empty", (2, 1)),
        ("", "empty", (1, 1)),
    ];

    type Res = Result<(), Box<dyn std::error::Error>>;

    fn syntax_findings(text: &str, lang: Lang) -> Result<Vec<crate::finding::Finding>, Box<dyn std::error::Error>> {
        let opts = CheckOptions {
            lang,
            ..CheckOptions::default()
        };
        let findings = Engine::new()?.check_measure_json(text, &opts).findings;
        // Half a surrogate pair is the one problem after which the rest is checked too.
        Ok(findings.into_iter().filter(|f| f.rule == "input.syntax").collect())
    }

    /// A rule set given as text is refused with the words, line and column a document with
    /// the same text is told (in English, the language of refusals), not serde_json's.
    #[test]
    fn a_rule_set_that_is_not_json_is_told_what_a_document_is() -> Res {
        for (text, _, _) in SAMPLES.iter().filter(|(_, problem, _)| *problem != "lone-surrogate") {
            let findings = syntax_findings(text, Lang::En)?;
            let [f] = findings.as_slice() else {
                return Err(format!("{text:?}: not one finding").into());
            };
            let refused = crate::ruleset::chain_from_json(&[text]).err().ok_or("accepted")?;
            let said: Vec<&str> = refused.problems.iter().map(|p| p.message.as_str()).collect();
            assert_eq!(said, [f.message.as_str()], "{text:?}");
        }
        Ok(())
    }

    #[test]
    fn each_problem_is_said_in_each_language() -> Res {
        for (text, problem, place) in SAMPLES {
            let mut messages = Vec::new();
            for lang in [Lang::Fi, Lang::Sv, Lang::En] {
                let findings = syntax_findings(text, lang)?;
                let [f] = findings.as_slice() else {
                    return Err(format!("{text:?}: expected one finding, got {findings:?}").into());
                };
                assert_eq!(f.rule, "input.syntax", "{text:?}");
                assert_eq!(
                    f.params.get("problem").map(String::as_str),
                    Some(*problem),
                    "{text:?}: {f:?}"
                );
                assert_eq!((f.line, f.column), (Some(place.0), Some(place.1)), "{text:?}");
                // The message is the variant's, not the plain one with serde_json's English,
                // which half a surrogate pair, found by the engine itself, does not have.
                let detail = f.params.get("detail").map_or("", String::as_str);
                assert!(
                    (*problem == "lone-surrogate") == detail.is_empty()
                        && (detail.is_empty() || !f.message.contains(detail)),
                    "{text:?}: {}",
                    f.message
                );
                let line = place.0.to_string();
                assert!(f.message.contains(&line), "{text:?}: {}", f.message);
                messages.push(f.message.clone());
            }
            assert!(messages[0] != messages[1] && messages[1] != messages[2], "{messages:?}");
        }
        Ok(())
    }

    #[test]
    fn every_description_has_a_sample_and_every_variant_a_message() {
        for (said, variant) in PROBLEMS {
            let sample = SAMPLES.iter().find(|(text, _, _)| {
                serde_json::from_str::<serde_json::Value>(text)
                    .err()
                    .is_some_and(|e| e.to_string().starts_with(&format!("{said} at line ")))
            });
            assert!(sample.is_some() || *variant == "depth", "no sample says {said:?}");
        }
        let variants =
            PROBLEMS
                .iter()
                .map(|(_, v)| *v)
                .chain(["comment", "extra-comma", "eof", "empty", "utf8", "syntax"]);
        for v in variants {
            // The rule's reference lists every value of `problem`.
            #[cfg(feature = "docs")]
            assert!(
                SYNTAX.docs.what.contains(&format!("`{v}`")),
                "{v} is not in the rule's text"
            );
            for lang in [Lang::Fi, Lang::Sv, Lang::En] {
                let key = format!("input.syntax/{v}");
                assert!(crate::messages::lookup(lang, &key).is_some(), "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn too_deep_names_the_limit() -> Res {
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let findings = syntax_findings(&text, Lang::Fi)?;
        let [f] = findings.as_slice() else {
            return Err(format!("expected one finding, got {findings:?}").into());
        };
        assert_eq!(f.params.get("problem").map(String::as_str), Some("depth"));
        assert_eq!(f.params.get("limit").map(String::as_str), Some("127"));
        assert!(f.message.contains("127"), "{}", f.message);
        Ok(())
    }

    #[test]
    fn a_size_over_the_limit_is_refused_without_the_text() -> Res {
        let engine = Engine::new()?;
        let opts = |lang| CheckOptions {
            lang,
            ..CheckOptions::default()
        };
        let en = opts(Lang::En);
        assert!(engine.check_size(Size::Exactly(MAX_DOCUMENT_BYTES), &en).is_none());
        assert!(engine.check_size(Size::AtLeast(MAX_DOCUMENT_BYTES), &en).is_none());
        // Measured, the report is the one the text itself gets.
        let text = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        let by_text = engine.check_document_json(&text, &en);
        assert_eq!(by_text.findings.len(), 1);
        assert_eq!(engine.check_size(Size::Exactly(text.len()), &en), Some(by_text));
        // A lower bound says so, in each language.
        let mut messages = Vec::new();
        for lang in [Lang::Fi, Lang::Sv, Lang::En] {
            let report = engine
                .check_size(Size::AtLeast(2_000_000_001), &opts(lang))
                .ok_or("a document of at least 2,000,000,001 bytes was not refused")?;
            let [f] = report.findings.as_slice() else {
                return Err(format!("expected one finding, got {:?}", report.findings).into());
            };
            assert_eq!(f.rule, "input.too-large");
            assert_eq!(f.params.get("size").map(String::as_str), Some("2000000001"));
            assert_eq!(f.params.get("limit").map(String::as_str), Some("33554432"));
            assert!(
                f.message.contains("2000000001") && f.message.contains("33554432"),
                "{}",
                f.message
            );
            messages.push(f.message.clone());
        }
        assert!(messages[2].contains("at least"), "{}", messages[2]);
        assert!(
            messages[0].contains("vähintään") && messages[1].contains("minst"),
            "{messages:?}"
        );
        // A file: the same report as its bytes get, and one past what a 32-bit engine (the
        // wasm) can address is refused with its size as it is.
        assert!(engine.check_file_size(MAX_DOCUMENT_BYTES as u64, &en).is_none());
        assert_eq!(
            engine.check_file_size(text.len() as u64, &en),
            engine.check_size(Size::Exactly(text.len()), &en)
        );
        let report = engine
            .check_file_size(6 << 30, &en)
            .ok_or("a file of 6 GiB was not refused")?;
        let [f] = report.findings.as_slice() else {
            return Err(format!("expected one finding, got {:?}", report.findings).into());
        };
        assert_eq!(f.params.get("size").map(String::as_str), Some("6442450944"));
        assert_eq!(
            f.message,
            "The file is 6442450944 bytes; at most 33554432 bytes are accepted."
        );
        Ok(())
    }

    #[test]
    fn past_the_limit_findings_are_counted_not_listed() -> Res {
        use crate::limits::MAX_FINDINGS_PER_SEVERITY as MAX;
        let engine = Engine::new()?;
        let extra = 10;
        // Unknown fields (the only warnings) past the limit, and errors: no lead body, no status.
        let mut text = String::from("{\"id\": \"2.1\", \"theme\": 2, \"partners\": [\"OM\"]");
        for i in 0..MAX + extra {
            text.push_str(&format!(", \"k{i}\": 0"));
        }
        text.push('}');
        let en = CheckOptions {
            lang: Lang::En,
            ..CheckOptions::default()
        };
        let value: serde_json::Value = serde_json::from_str(&text)?;
        for report in [engine.check_measure_json(&text, &en), engine.check_measure(&value, &en)] {
            let count = |rule: &str| report.findings.iter().filter(|f| f.rule == rule).count();
            assert_eq!(count("schema.unknown-field"), usize::try_from(MAX)?);
            assert_eq!(count("lead-body.required"), 1, "errors are not crowded out");
            let [notice] = report
                .findings
                .iter()
                .filter(|f| f.rule == "input.too-many-findings")
                .collect::<Vec<_>>()[..]
            else {
                return Err("expected one input.too-many-findings".into());
            };
            assert_eq!(notice.params.get("count").map(String::as_str), Some("10"));
            assert_eq!(notice.params.get("limit").map(String::as_str), Some("50000"));
            assert!(notice.message.contains("10 more findings"), "{}", notice.message);
            // Every unknown field, and the notice.
            assert_eq!(report.summary.warning, MAX + extra + 1, "the summary counts them all");
            let errors = report.findings.iter().filter(|f| f.severity == Severity::Error).count();
            assert_eq!(usize::try_from(report.summary.error)?, errors);
        }
        // At the limit exactly, nothing is left out and nothing said.
        let fields: Vec<String> = (0..MAX).map(|i| format!("\"k{i}\": 0")).collect();
        let at = engine.check_measure_json(&format!("{{\"partners\": [\"OM\"], {}}}", fields.join(", ")), &en);
        assert!(at.findings.iter().all(|f| f.rule != "input.too-many-findings"));
        assert_eq!(at.summary.warning, MAX);
        Ok(())
    }

    #[test]
    fn a_bad_byte_is_named_in_the_message() -> Res {
        let opts = CheckOptions {
            lang: Lang::Sv,
            ..CheckOptions::default()
        };
        let report = Engine::new()?.check_document_bytes(b"{\"id\": \"2.1\",\n \"x\": \"\xC3(\"}", &opts);
        let [f] = report.findings.as_slice() else {
            return Err(format!("expected one finding, got {:?}", report.findings).into());
        };
        assert_eq!(f.params.get("problem").map(String::as_str), Some("utf8"));
        assert_eq!(f.params.get("byte").map(String::as_str), Some("C3"));
        assert_eq!((f.line, f.column), (Some(2), Some(8)));
        assert!(
            f.message.contains("0xC3") && f.message.contains("UTF-8"),
            "{}",
            f.message
        );
        Ok(())
    }

    #[test]
    fn half_a_surrogate_pair_is_reported_where_it_is_and_the_rest_is_checked() -> Res {
        let engine = Engine::new()?;
        let en = CheckOptions {
            lang: Lang::En,
            ..CheckOptions::default()
        };
        // A pair, an escaped backslash before "ud800", a trailing half before a leading one
        // closed by a quote, and a key.
        let text = "{\"id\": \"2.1\", \"theme\": 3,\n \"title\": {\"fi\": \"Kehitet\\ud800n \\ud83d\\ude00 \\\\ud800 \\udc00\\ud800\"},\n \"\\udfff\": 1, \"status\": \"valmis\"}";
        let halves = |r: &crate::Report| -> Vec<(String, Option<u32>, Option<u32>)> {
            r.findings
                .iter()
                .filter(|f| f.params.get("problem").map(String::as_str) == Some("lone-surrogate"))
                .map(|f| (f.path.clone(), f.line, f.column))
                .collect()
        };
        // Each at the value that holds it, or the member whose key does.
        let expected = [
            ("/title/fi".to_string(), Some(2), Some(26)),
            ("/title/fi".to_string(), Some(2), Some(55)),
            ("/title/fi".to_string(), Some(2), Some(61)),
            ("/\u{fffd}".to_string(), Some(3), Some(3)),
        ];
        let mended = text
            .replace("\\ud800n", "\\uFFFDn")
            .replace("\\udc00\\ud800", "\\uFFFD\\uFFFD")
            .replace("\\udfff", "\\uFFFD");
        let without = engine.check_measure_json(&mended, &en);
        assert!(halves(&without).is_empty());
        for text in [text.to_string(), format!("\u{feff}{text}")] {
            let report = engine.check_measure_json(&text, &en);
            assert_eq!(halves(&report), expected, "{:?}", report.findings);
            // The rest is the report on the text with U+FFFD written in their places.
            let mut rest = report.clone();
            rest.findings.retain(|f| f.rule != "input.syntax");
            rest.summary.error -= 4;
            assert_eq!(rest, without);
            let rules: Vec<&str> = rest.findings.iter().map(|f| f.rule.as_str()).collect();
            assert!(
                rules.contains(&"id.theme") && rules.contains(&"status.invalid"),
                "{rules:?}"
            );
            assert!(
                rest.findings.iter().any(|f| f.path == "/\u{fffd}"),
                "{:?}",
                rest.findings
            );
        }
        // Before a syntax error they are reported, after it not, and nothing else is read.
        let report = engine.check_measure_json("{\"a\": \"\\ud800\",\n \"b\": 1,, \"c\": \"\\udc00\"}", &en);
        let found: Vec<_> = report
            .findings
            .iter()
            .map(|f| {
                (
                    f.params.get("problem").map(String::as_str),
                    f.path.as_str(),
                    f.line,
                    f.column,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (Some("extra-comma"), "", Some(2), Some(9)),
                (Some("lone-surrogate"), "/a", Some(1), Some(8))
            ]
        );
        Ok(())
    }

    #[test]
    fn columns_are_in_characters() {
        let text = "{\"ä\": x}";
        assert_eq!(place(text, offset(text, 1, 8)), (1, 7));
        assert_eq!(place("", offset("", 3, 9)), (1, 1));
        // A place inside a character is that character's.
        assert_eq!(place("\"ää\"", 4), (1, 3));
        assert_eq!(place("a\nb", offset("a\nb", 2, 0)), (2, 1));
    }

    #[test]
    fn a_repeated_key_is_a_warning_at_the_occurrence_not_read() -> Result<(), Box<dyn std::error::Error>> {
        let text = "{\"id\": \"2.1\", \"status\": \"valmis\",\n \"status\": \"planned\", \"partners\": [\"OM\"]}";
        let mut messages = Vec::new();
        for lang in [Lang::Fi, Lang::Sv, Lang::En] {
            let opts = CheckOptions {
                lang,
                explain: true,
                ..CheckOptions::default()
            };
            let report = Engine::new()?.check_measure_json(text, &opts);
            let repeats: Vec<_> = report.findings.iter().filter(|f| f.rule == DUPLICATE_KEY.id).collect();
            let [f] = repeats.as_slice() else {
                return Err(format!("{lang:?}: {repeats:?}").into());
            };
            assert_eq!((f.path.as_str(), f.line, f.column), ("/status", Some(1), Some(15)));
            assert_eq!(f.params.get("field").map(String::as_str), Some("status"));
            assert_eq!(f.measure.as_deref(), Some("2.1"));
            assert!(
                f.message.contains("status") && !f.message.contains('{'),
                "{}",
                f.message
            );
            // The value at its pointer is the kept one, which this finding is not about.
            assert!(
                f.explain.as_ref().is_some_and(|e| e.values.is_empty()),
                "{:?}",
                f.explain
            );
            // The rules read the last value: "planned" is a status, "valmis" would not be.
            assert!(report.findings.iter().all(|f| f.rule != "status.invalid"));
            messages.push(f.message.clone());
        }
        messages.dedup();
        assert_eq!(messages.len(), 3, "one message per language");

        // Off in a rule set, it is not reported, and the rest of the report is the same.
        let off = Engine::with_ruleset_json(
            "{\"id\": \"quiet\", \"version\": \"1\", \"rules\": {\"input.duplicate-key\": \"off\"}}",
        )?
        .check_measure_json(text, &CheckOptions::default());
        let on = Engine::new()?.check_measure_json(text, &CheckOptions::default());
        let rules = |r: &crate::Report| r.findings.iter().map(|f| f.rule.clone()).collect::<Vec<_>>();
        let mut without = rules(&on);
        without.retain(|r| r != DUPLICATE_KEY.id);
        assert_eq!(rules(&off), without);
        assert_eq!(rules(&on).len(), without.len() + 1);
        Ok(())
    }
}
