//! Checks each measure of the real programme many times, for profiling the per-measure cost
//! natively (`perf record target/release/examples/profile_measures`). Prints ns per check.

use std::time::Instant;

use measure_rules::{CheckOptions, Day, Engine, Lang};
use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/programme-2017.json"))?;
    let programme: Value = serde_json::from_str(&text)?;
    let measures = programme
        .get("measures")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let engine = Engine::new()?;
    let opts = CheckOptions {
        lang: Lang::Fi,
        as_of: Day::parse_iso("2018-06-01").ok(),
        explain: false,
    };
    let rounds = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    let start = Instant::now();
    for _ in 0..rounds {
        for m in &measures {
            std::hint::black_box(engine.check_measure(m, &opts));
        }
    }
    let per = start.elapsed().as_nanos() as f64 / (rounds * measures.len().max(1)) as f64;
    println!("{per:.0} ns per measure ({} measures x {rounds})", measures.len());
    Ok(())
}
