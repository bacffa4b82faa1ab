//! Native figures for datalogic-rs 5.9.0, by the same method as `speed` in the main bench
//! workspace (which cannot link this version next to 5.4.0): agreement on the edge cases,
//! speed, a 10,000-deep rule, and nested iteration with and without an operation budget.

use cand_datalogic_59::Datalogic;
use common::{compile_default, eval, Candidate};
use datalogic_rs::{bumpalo::Bump, Engine};
#[cfg(feature = "budget")]
use datalogic_rs::EvaluationConfig;
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn time_ns(batches: usize, per_batch: usize, warm: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..warm {
        f();
    }
    let mut v = Vec::new();
    for _ in 0..batches {
        let t = Instant::now();
        for _ in 0..per_batch {
            f();
        }
        v.push(t.elapsed().as_nanos() as f64 / per_batch as f64);
    }
    let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = v.iter().cloned().fold(0.0, f64::max);
    (median(&mut v), lo, hi)
}

/// `{op: args}` without `json!`, which would deep-copy the interpolated value.
fn wrap(op: &str, args: Vec<Value>) -> Value {
    let mut m = serde_json::Map::new();
    m.insert(op.to_string(), Value::Array(args));
    Value::Object(m)
}

fn nested_all(d: usize) -> Value {
    let list = json!([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let mut v = json!({"==": [{"var": ""}, {"var": ""}]});
    for _ in 0..d {
        v = wrap("all", vec![list.clone(), v]);
    }
    v
}

fn main() {
    let measure: Value = serde_json::from_str(common::SPEED_MEASURE).expect("measure");
    // Agreement on the edge cases.
    let cases: Value = serde_json::from_str(common::CASES).expect("cases");
    let c = compile_default::<Datalogic>().expect("compile");
    let mut ok = 0;
    let cases = cases.as_array().expect("array");
    for case in cases {
        let got = common::check_value::<Datalogic>(&c, &case["measure"]).map(|o| common::describe(&o));
        if got.as_deref() == Ok(case["expected"].as_str().unwrap_or("")) {
            ok += 1;
        } else {
            println!("  case {}: expected {}, got {:?}", case["name"], case["expected"], got);
        }
    }
    println!("datalogic-rs 5.9.0: edge cases {ok}/{}", cases.len());

    // Speed, as in speed/src/main.rs.
    let rules: Value = serde_json::from_str(Datalogic::RULES_SRC).expect("rules");
    let list = rules.as_array().expect("array").clone();
    let engine = Datalogic::engine();
    let (compile_ns, _, _) = time_ns(21, 20, 10, || {
        for r in &list {
            black_box(Datalogic::compile_expr(&engine, &r["when"]).expect("when"));
            black_box(Datalogic::compile_expr(&engine, &r["require"]).expect("require"));
        }
    });
    let mut p = Datalogic::prepare(&c.engine, &measure).expect("prepare");
    assert_eq!(common::describe(&eval::<Datalogic>(&c, &mut p)), "pass pass FAIL");
    let n = 200_000;
    let per = n / 20;
    let e = time_ns(20, per, per, || {
        black_box(eval::<Datalogic>(&c, black_box(&mut p)));
    });
    let (conv, _, _) = time_ns(20, per, per / 4, || {
        black_box(Datalogic::prepare(&c.engine, black_box(&measure)).expect("prepare"));
    });
    let (conv_eval, _, _) = time_ns(20, per, per / 4, || {
        let mut p = Datalogic::prepare(&c.engine, black_box(&measure)).expect("prepare");
        black_box(eval::<Datalogic>(&c, &mut p));
    });
    println!("| candidate | engine setup µs | compile 3 rules (6 expr) µs | eval 3 rules ns (median) | min–max of batch medians | convert measure ns | convert + eval ns |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    println!(
        "| datalogic 5.9.0{} | 0.0 | {:.1} | {:.0} | {:.0}–{:.0} | {:.0} | {:.0} |",
        if cfg!(feature = "budget") { " (feature budget)" } else { "" },
        compile_ns / 1000.0, e.0, e.1, e.2, conv, conv_eval
    );

    // A 10,000-deep rule built as a value (serde_json's parser would stop at 128).
    let mut v = json!({"==": [{"var": "theme"}, 7]});
    for _ in 0..10_000 {
        v = wrap("!", vec![v]);
    }
    match Engine::new().compile(&v) {
        Ok(_) => println!("10,000-deep `!`: compiled"),
        Err(e) => println!("10,000-deep `!`: compile error: {e}"),
    }

    // Nested iteration, without and with an operation budget (the budget needs the crate's
    // `budget` feature: `--features budget`).
    #[cfg(feature = "budget")]
    let engines = vec![
        ("no budget", Engine::new()),
        ("ops_budget 1,000,000", Engine::builder().with_config(EvaluationConfig::default().with_ops_budget(Some(1_000_000))).build()),
    ];
    #[cfg(not(feature = "budget"))]
    let engines = vec![("no budget (built without the budget feature)", Engine::new())];
    for (label, engine) in engines {
        for d in 2..=8 {
            let logic = engine.compile(&nested_all(d)).expect("compile");
            let arena = Bump::new();
            let t = Instant::now();
            let r = engine.evaluate(&logic, &measure, &arena).map(|v| engine.truthy(v));
            let ms = t.elapsed().as_secs_f64() * 1e3;
            println!("nested all, d = {d}, {label}: {} ({ms:.1} ms)", match &r {
                Ok(b) => format!("evaluated: {b}"),
                Err(e) => format!("error: {e}"),
            });
            if r.is_err() || ms > 5_000.0 {
                break;
            }
        }
    }
}
