//! The rules, one file per family. Each file holds its rules' catalogue entries (id,
//! severity, documentation) beside the code that checks them.

use crate::context::{child, item, Cx};
use crate::doc::Doc;

pub mod id;
pub mod input;
pub mod organisations;
pub mod programme;
pub mod schedule;
pub mod status;
pub mod steps;
pub mod structure;
pub mod title;

/// Implementation steps carry their own lead, partners, schedule and status; the
/// "required" rules apply to the measure only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    Measure,
    Step,
}

/// `m` is an object.
pub(crate) fn check_measure<D: Doc>(cx: &mut Cx<'_>, m: &D, base: &str) {
    id::check(cx, m, base);
    title::check(cx, m, base);
    organisations::check(cx, m, base, Level::Measure);
    schedule::check(cx, m, base, Level::Measure);
    status::check(cx, m, base, Level::Measure);
    steps::check(cx, m, base);
    if let Some(steps) = m.get("steps").and_then(Doc::as_array) {
        let steps_path = child(base, "steps");
        for (i, s) in steps.iter().enumerate() {
            if s.is_object() {
                let b = item(&steps_path, i);
                organisations::check(cx, s, &b, Level::Step);
                schedule::check(cx, s, &b, Level::Step);
                status::check(cx, s, &b, Level::Step);
            }
        }
    }
}

/// Keys met in order, each answered with what came first with an equal key: the programme's
/// measure ids, a measure's leads and partners. Sorted and searched, not hashed: std's hasher
/// would add SipHash and a random seed to the wasm, and the keys come from the document, so a
/// fixed hash could be flooded with colliding ones; searching from the start would take a
/// million squared steps for a million keys, which the size limit lets in.
pub(crate) struct FirstByKey<'k, T> {
    sorted: Vec<&'k str>,
    /// At each key's first place in `sorted`: what came first with that key.
    first: Vec<Option<T>>,
}

impl<'k, T: Copy> FirstByKey<'k, T> {
    pub fn new(keys: impl IntoIterator<Item = &'k str>) -> Self {
        let mut sorted: Vec<&str> = keys.into_iter().collect();
        sorted.sort_unstable();
        let first = vec![None; sorted.len()];
        FirstByKey { sorted, first }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.sorted.binary_search(&key).is_ok()
    }

    /// What came first with `key` (one of the keys given to `new`); if nothing did, `this`
    /// does from now on.
    pub fn first(&mut self, key: &str, this: T) -> Option<T> {
        let slot = self.first.get_mut(self.sorted.partition_point(|k| *k < key))?;
        match *slot {
            Some(f) => Some(f),
            None => {
                *slot = Some(this);
                None
            }
        }
    }
}
