//! Replays the committed cargo-fuzz corpus (`fuzz/corpus/<target>/`) and the minimised
//! crashes kept as regressions (`fuzz/regressions/<target>/`) through the fuzz targets' own
//! bodies (`fuzz/common/targets.rs`, and `fuzz/common/mutate.rs` for `structured`), on
//! stable and without libFuzzer. The test passes when no call panics (a panic fails the
//! test, naming the file).

#![expect(clippy::unwrap_used, reason = "test harness: a panic is a failed test")]

use std::path::{Path, PathBuf};

use measure_rules::{CheckOptions, Engine, Lang};
use serde_json::Value;

#[path = "../../fuzz/common/mutate.rs"]
mod mutate;
#[path = "../../fuzz/common/targets.rs"]
mod targets;

fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// Every file of `target` under the corpus and the regressions, in a stable order.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        let dir = fuzz_dir().join(kind).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && !is_hidden(p))
            .collect();
        paths.sort();
        for p in paths {
            let bytes = std::fs::read(&p).unwrap();
            out.push((p, bytes));
        }
    }
    out
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Runs `body` on each input; a panic is reported with the file that caused it.
fn replay(target: &str, body: impl Fn(&[u8])) {
    let all = inputs(target);
    assert!(
        !all.is_empty(),
        "no corpus for {target} under {}",
        fuzz_dir().join("corpus").display()
    );
    for (path, bytes) in &all {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(bytes)));
        assert!(result.is_ok(), "{target}: {} panicked", path.display());
    }
}

#[test]
fn check_document_corpus() {
    let engine = Engine::new().unwrap();
    replay("check_document", |data| targets::check_document(&engine, data));
}

#[test]
fn ruleset_corpus() {
    replay("ruleset", targets::ruleset);
}

#[test]
fn schedule_corpus() {
    replay("schedule", targets::schedule);
}

#[test]
fn structured_corpus() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let programme: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("data/programme-2017.json")).unwrap()).unwrap();
    let engine = Engine::new().unwrap();
    let opts = CheckOptions {
        lang: Lang::En,
        as_of: None,
        explain: true,
    };
    replay("structured", |data| {
        let (measure, whole) = mutate::mutate(&programme, data);
        let _ = engine.check_measure(&measure, &opts);
        let _ = engine.check_programme(&whole, &opts);
        targets::borrowed_reads_the_same(&engine, &measure, &whole);
    });
}
