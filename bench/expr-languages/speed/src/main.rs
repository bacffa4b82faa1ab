//! Native measurements of the expression-language candidates.
//!
//! speed check              every candidate gives the expected outcomes (cases) and the
//!                          baseline's outcomes (the 42 measures of data/programme-2017.json)
//! speed speed [N]          compile time, and ns per evaluation of the three rules (N = 200000)
//! speed deep [DEPTH]       deeply nested expressions (DEPTH = 10000), each in a child process
//! speed blowup             nested iteration over 10-element lists, depth 2.., in child processes
//! speed bad                malformed and edge-case expressions, each in a child process
//! speed all                all of the above
//!
//! The child-process forms (`speed child-deep …` etc.) are internal.

use common::{compile_default, eval, Candidate, Compiled, Outcomes};
use serde_json::{json, Value};
use std::hint::black_box;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cand_baseline::Baseline;
use cand_cel::Cel;
use cand_cel_interpreter::CelInterpreter;
use cand_datalogic::Datalogic;
use cand_evalexpr::Evalexpr;
use cand_jsonlogic::Jsonlogic;
use cand_jsonlogic_rs::JsonlogicRs;
use cand_rhai::Rhai;

/// Calls `$f::<Candidate>($args)` for the candidate named `$name`.
macro_rules! dispatch {
    ($name:expr, $f:ident ( $($arg:expr),* )) => {
        match $name {
            "baseline" => $f::<Baseline>($($arg),*),
            "datalogic" => $f::<Datalogic>($($arg),*),
            "jsonlogic-rs" => $f::<JsonlogicRs>($($arg),*),
            "jsonlogic" => $f::<Jsonlogic>($($arg),*),
            "cel" => $f::<Cel>($($arg),*),
            "cel-interpreter" => $f::<CelInterpreter>($($arg),*),
            "evalexpr" => $f::<Evalexpr>($($arg),*),
            "rhai" => $f::<Rhai>($($arg),*),
            other => panic!("unknown candidate {other}"),
        }
    };
}

const CANDIDATES: [&str; 8] =
    ["baseline", "datalogic", "jsonlogic-rs", "jsonlogic", "cel", "cel-interpreter", "evalexpr", "rhai"];

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Rust,
    JsonLogic,
    Cel,
    Evalexpr,
    Rhai,
}

fn lang(name: &str) -> Lang {
    match name {
        "baseline" => Lang::Rust,
        "datalogic" | "jsonlogic-rs" | "jsonlogic" => Lang::JsonLogic,
        "cel" | "cel-interpreter" => Lang::Cel,
        "evalexpr" => Lang::Evalexpr,
        _ => Lang::Rhai,
    }
}

fn speed_measure() -> Value {
    serde_json::from_str(common::SPEED_MEASURE).expect("speed measure")
}

// ---- check ------------------------------------------------------------------------------

fn outcomes_of<C: Candidate>(measures: &[Value]) -> Vec<Result<Outcomes, String>> {
    let c: Compiled<C> = compile_default::<C>().expect("rule set compiles");
    measures.iter().map(|m| common::check_value::<C>(&c, m)).collect()
}

fn check() -> bool {
    let cases: Value = serde_json::from_str(common::CASES).expect("cases");
    let cases = cases.as_array().expect("array");
    let case_measures: Vec<Value> = cases.iter().map(|c| c["measure"].clone()).collect();
    let programme_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../data/programme-2017.json");
    let programme: Value = serde_json::from_str(
        &std::fs::read_to_string(programme_path).expect("data/programme-2017.json"),
    )
    .expect("programme json");
    let prog: Vec<Value> = programme["measures"].as_array().expect("measures").clone();
    let reference = outcomes_of::<Baseline>(&prog);
    let mut all_ok = true;
    println!("Agreement (native): {} edge cases with expected outcomes; {} programme measures against the baseline", cases.len(), prog.len());
    for name in CANDIDATES {
        let got = dispatch!(name, outcomes_of(&case_measures));
        let mut bad = Vec::new();
        let mut known = Vec::new();
        for (case, g) in cases.iter().zip(&got) {
            let g = g.as_ref().map(common::describe).unwrap_or_else(|e| format!("prepare error {e}"));
            if g != case["expected"].as_str().unwrap_or_default() {
                let line = format!("    case \"{}\": expected {}, got {}", case["name"].as_str().unwrap_or(""), case["expected"], g);
                if case["deviations"][name].as_str() == Some(g.as_str()) {
                    known.push(format!("{line} (known deviation, see rules/{name}.json)"));
                } else {
                    bad.push(line);
                }
            }
        }
        let got = dispatch!(name, outcomes_of(&prog));
        let mut prog_bad = 0;
        for ((m, g), r) in prog.iter().zip(&got).zip(&reference) {
            if g != r {
                prog_bad += 1;
                bad.push(format!("    measure {}: baseline {:?}, got {:?}", m["id"], r.as_ref().map(common::describe), g.as_ref().map(common::describe)));
            }
        }
        let ok = bad.is_empty();
        all_ok &= ok;
        println!(
            "  {:<16} cases {:>2}/{:<2} programme {:>2}/{:<2} {}",
            name,
            cases.len() - (bad.len() - prog_bad) - known.len(),
            cases.len(),
            prog.len() - prog_bad,
            prog.len(),
            if !ok { "DISAGREES" } else if known.is_empty() { "ok" } else { "ok but for known deviations" }
        );
        for b in known.into_iter().chain(bad) {
            println!("{b}");
        }
    }
    all_ok
}

// ---- speed ------------------------------------------------------------------------------

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

/// Median over `batches` batches of `per_batch` calls, in ns per call, after `warm` calls.
fn time_ns(batches: usize, per_batch: usize, warm: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..warm {
        f();
    }
    let mut v = Vec::with_capacity(batches);
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

struct SpeedRow {
    name: &'static str,
    engine_us: f64,
    compile_us: f64,
    eval_ns: (f64, f64, f64),
    prep_eval_ns: f64,
    prep_ns: f64,
}

fn speed_of<C: Candidate>(n: usize) -> SpeedRow {
    let rules: Value = serde_json::from_str(C::RULES_SRC).expect("rules");
    let list = rules.as_array().expect("array").clone();
    let m = speed_measure();
    // Engine construction (an environment, a standard library), once per process in practice.
    let (engine_ns, _, _) = time_ns(21, 10, 5, || {
        black_box(C::engine());
    });
    // Compiling the six expressions of the three rules with one engine.
    let engine = C::engine();
    let (compile_ns, _, _) = time_ns(21, 20, 10, || {
        for r in &list {
            black_box(C::compile_expr(&engine, &r["when"]).expect("when"));
            black_box(C::compile_expr(&engine, &r["require"]).expect("require"));
        }
    });
    let c = compile_default::<C>().expect("compile");
    let mut p = C::prepare(&c.engine, &m).expect("prepare");
    let expected = "pass pass FAIL";
    assert_eq!(common::describe(&eval::<C>(&c, &mut p)), expected, "{}", C::NAME);
    let batches = 20;
    let per = (n / batches).max(1);
    let eval_ns = time_ns(batches, per, per, || {
        black_box(eval::<C>(&c, black_box(&mut p)));
    });
    let (prep_eval_ns, _, _) = time_ns(batches, per, per / 4, || {
        let mut p = C::prepare(&c.engine, black_box(&m)).expect("prepare");
        black_box(eval::<C>(&c, &mut p));
    });
    let (prep_ns, _, _) = time_ns(batches, per, per / 4, || {
        black_box(C::prepare(&c.engine, black_box(&m)).expect("prepare"));
    });
    SpeedRow {
        name: C::NAME,
        engine_us: engine_ns / 1000.0,
        compile_us: compile_ns / 1000.0,
        eval_ns,
        prep_eval_ns,
        prep_ns,
    }
}

fn speed(n: usize) {
    println!("Native speed: {n} evaluations of the 3 rules on measures/speed-measure.json (all 3 apply), 20 batches, median ns per evaluation of the 3 rules");
    println!("| candidate | engine setup µs | compile 3 rules (6 expr) µs | eval 3 rules ns (median) | min–max of batch medians | convert measure ns | convert + eval ns |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for name in CANDIDATES {
        let r = dispatch!(name, speed_of(n));
        println!(
            "| {} | {:.1} | {:.1} | {:.0} | {:.0}–{:.0} | {:.0} | {:.0} |",
            r.name, r.engine_us, r.compile_us, r.eval_ns.0, r.eval_ns.1, r.eval_ns.2, r.prep_ns, r.prep_eval_ns
        );
    }
}

// ---- child processes --------------------------------------------------------------------

struct ChildResult {
    status: String,
    elapsed: Duration,
}

fn run_child(args: &[&str], timeout: Duration) -> ChildResult {
    let exe = std::env::current_exe().expect("exe");
    let t = Instant::now();
    let mut child = Command::new(exe)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            let elapsed = t.elapsed();
            let mut out = String::new();
            let mut err = String::new();
            child.stdout.take().map(|mut s| s.read_to_string(&mut out));
            child.stderr.take().map(|mut s| s.read_to_string(&mut err));
            let status = if st.success() {
                out.trim().to_string()
            } else if err.contains("overflowed its stack") {
                "CRASH: stack overflow (process aborted)".to_string()
            } else if let Some(i) = err.find("panicked at") {
                let msg: String = err[i..].replace('\n', " ").chars().take(160).collect();
                format!("PANIC: {msg}")
            } else {
                use std::os::unix::process::ExitStatusExt;
                format!("CRASH: {:?} signal {:?} {}", st.code(), st.signal(), err.trim().chars().take(120).collect::<String>())
            };
            return ChildResult { status, elapsed };
        }
        if t.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return ChildResult { status: format!("TIMEOUT: still running after {} s, killed", timeout.as_secs()), elapsed: t.elapsed() };
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn short(s: &str) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() > 110 { format!("{}…", s.chars().take(110).collect::<String>()) } else { s }
}

/// Compiles one expression and evaluates it on the speed measure; prints what happened.
fn run_expr<C: Candidate>(src: &Value) -> String {
    let engine = C::engine();
    let t = Instant::now();
    let x = match C::compile_expr(&engine, src) {
        Ok(x) => x,
        Err(e) => return format!("compile error: {}", short(&e)),
    };
    let compile = t.elapsed();
    let m = speed_measure();
    let mut p = C::prepare(&engine, &m).expect("prepare");
    let t = Instant::now();
    let r = C::test(&engine, &x, &mut p);
    let ev = t.elapsed();
    let r = match r {
        Ok(b) => format!("evaluated: {b}"),
        Err(e) => format!("eval error: {}", short(&e)),
    };
    format!("{r} (compile {:.1} ms, eval {:.1} ms)", compile.as_secs_f64() * 1e3, ev.as_secs_f64() * 1e3)
}

// ---- deep nesting -----------------------------------------------------------------------

fn base(l: Lang) -> &'static str {
    match l {
        Lang::Evalexpr => "theme == 7",
        _ => "m.theme == 7",
    }
}

/// `{op: args}`, moving `args` in (`json!` would deep-copy an interpolated value, which
/// makes building a 10,000-deep rule quadratic).
fn wrap(op: &str, args: Vec<Value>) -> Value {
    let mut m = serde_json::Map::new();
    m.insert(op.to_string(), Value::Array(args));
    Value::Object(m)
}

fn deep_expr(l: Lang, shape: &str, n: usize) -> Option<Value> {
    if l == Lang::JsonLogic {
        if shape != "not" {
            return None;
        }
        // Built as a value: serde_json's parser would refuse it (recursion limit 128).
        let mut v = json!({"==": [{"var": "theme"}, 7]});
        for _ in 0..n {
            v = wrap("!", vec![v]);
        }
        return Some(v);
    }
    if l == Lang::Rust {
        return None;
    }
    let b = base(l);
    let s = match shape {
        "parens" => format!("{}{}{}", "(".repeat(n), b, ")".repeat(n)),
        "not" => format!("{}({})", "!".repeat(n), b),
        "or-chain" => vec![b; n].join(" || "),
        _ => return None,
    };
    Some(Value::String(s))
}

const SHAPES: [&str; 3] = ["parens", "not", "or-chain"];

fn child_deep(name: &str, shape: &str, n: usize) {
    if shape == "jsonlogic-text" {
        // The realistic path: the rule set is a JSON file, parsed with serde_json.
        let text = format!("{}{}{}", "{\"!\": [".repeat(n), "{\"==\": [{\"var\": \"theme\"}, 7]}", "]}".repeat(n));
        match serde_json::from_str::<Value>(&text) {
            Ok(_) => println!("serde_json parsed it"),
            Err(e) => println!("serde_json error: {e}"),
        }
        return;
    }
    if shape == "datalogic-text" {
        let text = format!("{}{}{}", "{\"!\": [".repeat(n), "{\"==\": [{\"var\": \"theme\"}, 7]}", "]}".repeat(n));
        let engine = datalogic_rs::Engine::new();
        match engine.compile(text.as_str()) {
            Ok(_) => println!("Engine::compile(&str) accepted it"),
            Err(e) => println!("compile error: {}", short(&e.to_string())),
        }
        return;
    }
    let src = deep_expr(lang(name), shape, n).expect("shape");
    println!("{}", dispatch!(name, run_expr(&src)));
}

fn deep(n: usize) {
    println!("Deep nesting, depth {n}, native (main thread, stack {}), each case in a child process:", stack_limit());
    println!("| candidate | shape | result |");
    println!("| --- | --- | --- |");
    let r = run_child(&["child-deep", "baseline", "jsonlogic-text", &n.to_string()], Duration::from_secs(60));
    println!("| (JsonLogic rule set parsed by serde_json) | `{{\"!\": [` ×{n} | {} |", r.status);
    let r = run_child(&["child-deep", "datalogic", "datalogic-text", &n.to_string()], Duration::from_secs(60));
    println!("| datalogic, own parser (`Engine::compile(&str)`) | `{{\"!\": [` ×{n} | {} |", r.status);
    for name in CANDIDATES {
        let l = lang(name);
        for shape in SHAPES {
            if deep_expr(l, shape, 1).is_none() {
                continue;
            }
            let r = run_child(&["child-deep", name, shape, &n.to_string()], Duration::from_secs(60));
            let desc = match (l, shape) {
                (Lang::JsonLogic, _) => format!("`{{\"!\": [` ×{n} (a built serde_json::Value)"),
                (_, "parens") => format!("`(` ×{n} … `)` ×{n}"),
                (_, "not") => format!("`!` ×{n} `(…)`"),
                _ => format!("`{} \\|\\| ` ×{n}", base(l)),
            };
            println!("| {name} | {desc} | {} |", r.status);
        }
    }
}

fn stack_limit() -> String {
    Command::new("sh")
        .args(["-c", "ulimit -s"])
        .output()
        .map(|o| format!("ulimit -s {} KiB", String::from_utf8_lossy(&o.stdout).trim()))
        .unwrap_or_else(|_| "unknown".into())
}

// ---- iteration blow-up ------------------------------------------------------------------

const TEN: &str = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]";

fn blowup_expr(l: Lang, d: usize, limited: bool) -> Option<Value> {
    match l {
        Lang::JsonLogic => {
            let list: Value = serde_json::from_str(TEN).expect("list");
            let mut v = json!({"==": [{"var": ""}, {"var": ""}]});
            for _ in 0..d {
                v = wrap("all", vec![list.clone(), v]);
            }
            Some(v)
        }
        Lang::Cel => {
            let mut s = String::from("m.theme == 7");
            for i in (0..d).rev() {
                s = format!("{TEN}.all(x{i}, {s})");
            }
            Some(Value::String(s))
        }
        Lang::Rhai => {
            let mut s = String::from("m.theme == 7");
            for i in (0..d).rev() {
                s = format!("{TEN}.all(|x{i}| {s})");
            }
            let _ = limited;
            Some(Value::String(s))
        }
        _ => None,
    }
}

fn child_blowup(name: &str, d: usize, limited: bool) {
    let src = blowup_expr(lang(name), d, limited).expect("expr");
    if name == "rhai" && limited {
        let mut engine = cand_rhai::new_engine();
        engine.set_max_operations(1_000_000);
        let ast = match engine.compile_expression(src.as_str().unwrap_or_default()) {
            Ok(a) => a,
            Err(e) => return println!("compile error: {}", short(&e.to_string())),
        };
        let mut scope = rhai::Scope::new();
        scope.push_constant_dynamic("m", cand_rhai::to_dynamic(&speed_measure()));
        let t = Instant::now();
        match engine.eval_ast_with_scope::<bool>(&mut scope, &ast) {
            Ok(b) => println!("evaluated: {b} ({:.1} ms)", t.elapsed().as_secs_f64() * 1e3),
            Err(e) => println!("eval error: {} ({:.1} ms)", short(&e.to_string()), t.elapsed().as_secs_f64() * 1e3),
        }
        return;
    }
    println!("{}", dispatch!(name, run_expr(&src)));
}

fn blowup() {
    println!("Nested iteration over a 10-element list literal, nesting depth d (10^d evaluations of the innermost test), each in a child process, 10 s limit:");
    println!("| candidate | d | result | wall time |");
    println!("| --- | ---: | --- | ---: |");
    let mut runs: Vec<(&str, bool)> = CANDIDATES.iter().map(|n| (*n, false)).collect();
    runs.push(("rhai", true));
    for (name, limited) in runs {
        if blowup_expr(lang(name), 1, false).is_none() {
            println!("| {name} | – | no iteration construct in the language | – |");
            continue;
        }
        let label = if limited { "rhai, max_operations 1,000,000".to_string() } else { name.to_string() };
        for d in 2..=9 {
            let r = run_child(&["child-blowup", name, &d.to_string(), if limited { "limited" } else { "plain" }], Duration::from_secs(10));
            println!("| {label} | {d} | {} | {:.2} s |", r.status, r.elapsed.as_secs_f64());
            if !r.status.starts_with("evaluated") {
                break;
            }
        }
    }
}

// ---- malformed and edge-case input ------------------------------------------------------

fn bad_cases(l: Lang) -> Vec<Value> {
    let s = |x: &str| Value::String(x.to_string());
    match l {
        Lang::Rust => vec![],
        Lang::JsonLogic => vec![
            json!({"/": [1, 0]}),
            json!({"%": [1, 0]}),
            json!({">": [{"+": [9223372036854775807i64, 1]}, 0]}),
            json!({">": [{"*": [9223372036854775807i64, 2]}, 0]}),
            json!({"==": [{"-": [-9223372036854775807i64, 2]}, 0]}),
            json!({"==": [{"substr": ["äö", 1]}, "x"]}),
            json!({"==": [{"substr": ["abc", -99999999999i64, 99999999999i64]}, "x"]}),
            json!({"no_such_operator": [1]}),
            json!({"in": [1]}),
            json!({"var": {"var": "title"}}),
            json!({"if": []}),
            json!({"max": []}),
            json!({"==": [{"var": "partners.99999"}, null]}),
            json!({"reduce": [{"var": "partners"}]}),
            json!({"==": [{"cat": [{"var": "title"}, {"var": "partners"}]}, ""]}),
        ],
        Lang::Cel => vec![
            s("!!(m.theme == 7)"),
            s("m.theme =="),
            s("'unterminated"),
            s("9223372036854775807 + 1 > 0"),
            s("(-9223372036854775807 - 1) / -1 > 0"),
            s("(-9223372036854775807 - 1) % -1 == 0"),
            s("1 / 0 == 0"),
            s("1u - 2u > 0u"),
            s("m.partners[1000] == ''"),
            s("m.partners[-1] == ''"),
            s("m.theme.foo == 1"),
            s("int('x') == 1"),
            s("size(m) > 0"),
            s("m.title.fi.matches('(a+)+$')"),
            s("m.title.fi.matches('(') "),
            s("double('nan') == double('nan')"),
            s("'\\xff' == 'a'"),
            s("m.title.fi.substring(1, 2) == ''"),
        ],
        Lang::Evalexpr => vec![
            s("!!(theme == 7)"),
            s("theme =="),
            s("\"unterminated"),
            s("9223372036854775807 + 1 > 0"),
            s("9223372036854775807 * 2 > 0"),
            s("(-9223372036854775807 - 1) / -1 > 0"),
            s("(-9223372036854775807 - 1) % -1 == 0"),
            s("1 / 0 == 0"),
            s("1 % 0 == 0"),
            s("2 ^ 99999 > 0"),
            s("str::substring(\"äö\", 0, 1) == \"\""),
            s("str::substring(\"abc\", 2, 1) == \"\""),
            s("theme = 8"),
            s("len(theme) > 0"),
            s("((("),
        ],
        Lang::Rhai => vec![
            s("!!(m.theme == 7)"),
            s("m.theme =="),
            s("\"unterminated"),
            s("9223372036854775807 + 1 > 0"),
            s("(-9223372036854775807 - 1) / -1 > 0"),
            s("1 / 0 == 0"),
            s("m.partners[1000] == \"\""),
            s("\"äö\".sub_string(1, 1) == \"\""),
            s("m.theme.foo == 1"),
            s("loop { }"),
            s("{ let x = 1; x == 1 }"),
            s("while true { }"),
            s("[1, 2].map(|x| x * 2).len() == 2"),
            s("\"x\".pad(1_000_000_000, '-') == \"\""),
            s("\"ab\" * 3 == \"\""),
        ],
    }
}

fn child_bad(name: &str, i: usize) {
    let src = bad_cases(lang(name)).swap_remove(i);
    println!("{}", dispatch!(name, run_expr(&src)));
}

fn bad() {
    println!("Malformed and edge-case expressions, compiled and evaluated on the speed measure, each in a child process:");
    println!("| candidate | expression | result |");
    println!("| --- | --- | --- |");
    for name in CANDIDATES {
        for (i, src) in bad_cases(lang(name)).iter().enumerate() {
            let r = run_child(&["child-bad", name, &i.to_string()], Duration::from_secs(30));
            let shown = match src {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            println!("| {name} | `{}` | {} |", shown.replace('|', "\\|"), r.status.replace('|', "\\|"));
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let num = |i: usize, d: usize| a.get(i).and_then(|x| x.replace('_', "").parse().ok()).unwrap_or(d);
    match a.first().copied().unwrap_or("all") {
        "check" => {
            if !check() {
                std::process::exit(1);
            }
        }
        "speed" => speed(num(1, 200_000)),
        "deep" => deep(num(1, 10_000)),
        "blowup" => blowup(),
        "bad" => bad(),
        "all" => {
            let ok = check();
            println!();
            speed(200_000);
            println!();
            deep(10_000);
            println!();
            blowup();
            println!();
            bad();
            if !ok {
                std::process::exit(1);
            }
        }
        "child-deep" => child_deep(a[1], a[2], num(3, 10_000)),
        "child-blowup" => child_blowup(a[1], num(2, 1), a.get(3) == Some(&"limited")),
        "child-bad" => child_bad(a[1], num(2, 0)),
        other => {
            eprintln!("unknown command {other}");
            std::process::exit(2);
        }
    }
}
