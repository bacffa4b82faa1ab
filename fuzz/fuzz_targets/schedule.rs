//! The schedule parser on arbitrary text. The first byte picks the language of the reading
//! (its value mod 3: `f` is Finnish, `s` Swedish, `e` English), the rest is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/targets.rs"]
#[expect(dead_code, reason = "each target calls one of the shared bodies")]
mod targets;

fuzz_target!(|data: &[u8]| targets::schedule(data));
