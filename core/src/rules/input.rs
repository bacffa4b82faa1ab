//! The JSON text itself: readable, and within the size limit.

use serde_json::Value;

use crate::catalogue::{RuleMeta, Scope};
use crate::context::Cx;
use crate::finding::Severity;
use crate::limits::{MAX_DEPTH, MAX_DOCUMENT_BYTES};

pub static SYNTAX: RuleMeta = RuleMeta {
    id: "input.syntax",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "The document is valid JSON.",
    what: "Reads the text as JSON (RFC 8259). A byte-order mark at the start is allowed; trailing commas, comments, single quotes and truncated text are not. Nesting deeper than 127 levels is refused. Given bytes (a file, a `Uint8Array`), the text must be UTF-8: the first byte that is not is reported.",
    why: "Nothing else can be checked in text that is not JSON, and the person who wrote it needs to know the exact line and column.",
    example: "```json\n{ \"id\": \"2.1\", }\n```\nfails at line 1, column 16 (trailing comma). `{ \"id\": \"2.1\" }` passes.",
    params: &[],
};

pub static TOO_LARGE: RuleMeta = RuleMeta {
    id: "input.too-large",
    severity: Severity::Error,
    scope: Scope::Document,
    summary: "The document is within the size limit.",
    what: "Refuses JSON text larger than 32 MiB before reading it.",
    why: "A bound on input keeps a browser tab or a CI job from running out of memory on a mistaken file; the real 2017 programme is about 100 KB.",
    example: "A 40 MiB file fails with the size and the limit in the message.",
    params: &[],
};

/// Whether a document of `size` bytes is within `MAX_DOCUMENT_BYTES`; reports it when not.
fn within_size(cx: &mut Cx<'_>, size: usize) -> bool {
    if size <= MAX_DOCUMENT_BYTES {
        return true;
    }
    cx.report(&TOO_LARGE, "")
        .param("size", size.to_string())
        .param("limit", MAX_DOCUMENT_BYTES.to_string())
        .at(1, 1)
        .emit();
    false
}

/// Parses JSON text, reporting why it cannot be read. `None` means nothing else can be checked.
pub(crate) fn parse(cx: &mut Cx<'_>, text: &str) -> Option<Value> {
    if !within_size(cx, text.len()) {
        return None;
    }
    // A byte-order mark is not part of the document, nor a column of its first line (as
    // editors show it, and as `locate` places findings).
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<Value>(body) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = u32::try_from(e.line()).unwrap_or(u32::MAX);
            let column = char_column(body, e.line(), e.column());
            // The position is in the message already, in the reader's language.
            let full = e.to_string();
            let detail = full
                .rfind(" at line ")
                .map_or(full.as_str(), |i| full.get(..i).unwrap_or(&full))
                .to_string();
            let variant = if full.contains("recursion limit") {
                "depth"
            } else if e.is_eof() {
                "eof"
            } else {
                "syntax"
            };
            syntax(cx, variant, (line, column), detail, Some(MAX_DEPTH));
            None
        }
    }
}

/// Reads bytes as UTF-8 text (RFC 8259 §8.1), for callers that have a file's bytes: text that
/// is too large or not UTF-8 is reported at the first bad byte and `None` returned. Nothing is
/// replaced: a replacement character would change the document without saying so.
pub(crate) fn decode<'t>(cx: &mut Cx<'_>, bytes: &'t [u8]) -> Option<&'t str> {
    // Checked before decoding too, so an oversized file is not validated first.
    if !within_size(cx, bytes.len()) {
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
            // Byte loops rather than string searches, which would add code to the wasm.
            let valid = chunk.valid().as_bytes();
            let valid = valid.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(valid);
            let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let lines = valid.iter().filter(|b| **b == b'\n').count();
            // Characters, not bytes: every byte but a continuation byte starts one.
            let chars = valid
                .get(line_start..)
                .unwrap_or(&[])
                .iter()
                .filter(|b| **b & 0xC0 != 0x80)
                .count();
            let line = u32::try_from(lines.saturating_add(1)).unwrap_or(u32::MAX);
            let column = u32::try_from(chars.saturating_add(1)).unwrap_or(u32::MAX);
            let byte = chunk.invalid().first().copied().unwrap_or(0);
            let hex = |n: u8| char::from_digit(u32::from(n), 16).map_or('0', |c| c.to_ascii_uppercase());
            let mut detail = String::from("invalid UTF-8 (byte 0x");
            detail.push(hex(byte >> 4));
            detail.push(hex(byte & 0x0F));
            detail.push(')');
            syntax(cx, "syntax", (line, column), detail, None);
            None
        }
    }
}

/// The `input.syntax` finding, at a place in the text rather than a pointer; `depth_limit`
/// for the messages that name it.
fn syntax(
    cx: &mut Cx<'_>,
    variant: &'static str,
    (line, column): (u32, u32),
    detail: String,
    depth_limit: Option<usize>,
) {
    let pending = cx
        .report(&SYNTAX, "")
        .variant(variant)
        .param("line", line.to_string())
        .param("column", column.to_string());
    let pending = match depth_limit {
        Some(limit) => pending.param("limit", limit.to_string()),
        None => pending,
    };
    pending.param("detail", detail).at(line, column).emit();
}

/// serde_json counts columns in bytes; people and editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> u32 {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return 1;
    };
    let end = byte_column.min(line_text.len());
    let mut cut = end;
    while cut > 0 && !line_text.is_char_boundary(cut) {
        cut -= 1;
    }
    let chars = line_text.get(..cut).map_or(0, |s| s.chars().count());
    u32::try_from(chars.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_in_characters() {
        assert_eq!(char_column("{\"ä\": x}", 1, 8), 7);
        assert_eq!(char_column("", 3, 9), 1);
    }
}
