//! What custom rules cost per check, natively: the same measure checked by the built-in
//! rules alone and with the example chain (ministry + agency, five custom rules, three of
//! them on), median of batches. Run: `cargo run --release -p measure-rules --example custom_speed`.
//!
//! On a busy machine, count instructions instead: `valgrind --tool=callgrind custom_speed
//! plain 1000` and `… chain 1000` check the measure 1000 times with one engine; the
//! difference of the totals, divided by 1000, is the custom rules' cost per check.

use std::time::Instant;

use measure_rules::{CheckOptions, Day, Engine, Lang};
use serde_json::{json, Value};

fn median_ns(engine: &Engine, m: &Value, opts: &CheckOptions) -> f64 {
    let mut batches = Vec::new();
    for _ in 0..31 {
        let start = Instant::now();
        for _ in 0..2000 {
            std::hint::black_box(engine.check_measure(std::hint::black_box(m), opts));
        }
        batches.push(start.elapsed().as_nanos() as f64 / 2000.0);
    }
    batches.sort_by(f64::total_cmp);
    batches.get(batches.len() / 2).copied().unwrap_or(f64::NAN)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/rulesets/");
    let ministry: Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}ministry.json"))?)?;
    let agency: Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}agency-kuntaliitto.json"))?)?;
    let plain = Engine::new()?;
    let chain = Engine::with_rulesets(&[ministry, agency])?;
    let m = json!({
        "id": "7.2", "theme": 7, "title": {"fi": "Nimi"}, "leadBody": "SM", "partners": ["PO", "STM"],
        "schedule": {"start": "2018-09", "end": "2018-11"}, "status": "in-progress",
        "steps": [{"text": {"fi": "a"}, "schedule": {"text": "Syksy 2018"}}, {"text": {"fi": "b"}}]
    });
    let args: Vec<String> = std::env::args().collect();
    if let (Some(which), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<usize>().ok())) {
        let engine = if which == "chain" { &chain } else { &plain };
        let opts = CheckOptions {
            lang: Lang::Fi,
            as_of: Day::parse_iso("2018-10-01").ok(),
            explain: false,
        };
        for _ in 0..n {
            std::hint::black_box(engine.check_measure(std::hint::black_box(&m), &opts));
        }
        return Ok(());
    }
    let opts = CheckOptions {
        lang: Lang::Fi,
        as_of: Day::parse_iso("2018-10-01").ok(),
        explain: false,
    };
    let explain = CheckOptions { explain: true, ..opts };
    let a = median_ns(&plain, &m, &opts);
    let b = median_ns(&chain, &m, &opts);
    let c = median_ns(&chain, &m, &explain);
    println!("built-in rules only          {a:>9.0} ns per check");
    println!("with 5 custom rules (3 on)   {b:>9.0} ns per check  (+{:.0} ns)", b - a);
    println!("  and explain: true          {c:>9.0} ns per check  (+{:.0} ns)", c - a);
    Ok(())
}
