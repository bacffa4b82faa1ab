//! The schedule parser on arbitrary text. The first byte picks the language of the reading
//! (its value mod 3: `f` is Finnish, `s` Swedish, `e` English), the rest is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use measure_rules::Lang;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let lang = match first % 3 {
        0 => Lang::Fi,
        1 => Lang::Sv,
        _ => Lang::En,
    };
    // Invalid UTF-8 is read lossily, so every input reaches the parser.
    let text = String::from_utf8_lossy(rest);
    let _ = measure_rules::parse_schedule(&text, lang);
});
