//! Arbitrary bytes as rule-set JSON: build an engine from it; when it builds, run the
//! tests the rule set carries and check a small measure with it. The input is also split
//! in two (at the first NUL byte, or else in the middle) and tried as a chain of rule sets,
//! the base first.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/targets.rs"]
#[expect(dead_code, reason = "each target calls one of the shared bodies")]
mod targets;

fuzz_target!(|data: &[u8]| targets::ruleset(data));
