//! Explicit limits on input. Each limit that input can exceed is reported as a finding.

/// Largest JSON text accepted, in bytes (`input.too-large`).
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;
/// Deepest nesting accepted (`input.syntax`): the schemas need a depth of 6, and serde_json
/// refuses a 128th level (its recursion limit), so 127 levels are read and 128 are not.
pub const MAX_DEPTH: usize = 127;
/// Measures checked in one programme; the schema reports a longer list (`schema.value`) and
/// only the first this many are checked rule by rule.
pub const MAX_MEASURES: usize = 10_000;
/// Findings a report lists of each severity (`input.too-many-findings`); past it they are
/// counted in the summary only. 2.7 million unknown fields fit in 32 MiB, and listing them all
/// ran the wasm out of its 4 GiB. Per severity, so that errors are never crowded out.
pub const MAX_FINDINGS_PER_SEVERITY: u32 = 50_000;
/// Text lengths are limited by the schemas (`maxLength`); the schedule parser reads at most
/// this many characters of schedule text, the schema's limit.
pub const MAX_SCHEDULE_TEXT: usize = crate::schedule::MAX_SCHEDULE_TEXT;

/// How large a document is, as a binding measured it before taking it in, so that one over a
/// limit is refused without being copied into the engine or written out as JSON text first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// The document's bytes, counted.
    Exactly(usize),
    /// A lower bound: a string's length in UTF-16 units (each is at least one byte of UTF-8),
    /// or the shortest JSON text an object could be written as.
    AtLeast(usize),
}
