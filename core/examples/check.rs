//! Native stand-in for the npm CLI (which arrives with the WebAssembly package): checks a
//! measure or programme file, or reads schedule text.
//!
//! ```text
//! cargo run -p measure-rules --example check -- data/programme-2017.json [--lang fi|sv|en] [--as-of 2018-06-01] [--ruleset FILE] [--format text|json]
//! cargo run -p measure-rules --example check -- --schedule "Syksy 2018" [--lang en]
//! ```
//! Exit status: 0 without errors, 1 with errors, 2 for usage errors.

use std::collections::BTreeMap;
use std::process::ExitCode;

use measure_rules::{CheckOptions, Day, Engine, Lang, Report};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(message) => {
            eprintln!("measure-rules: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut args = std::env::args().skip(1);
    let (mut file, mut schedule, mut ruleset, mut json) = (None, None, None, false);
    let mut opts = CheckOptions::default();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--lang" => opts.lang = Lang::from_code(&value("--lang")?).ok_or("--lang takes fi, sv or en")?,
            "--as-of" => {
                opts.as_of = Some(Day::parse_iso(&value("--as-of")?).map_err(|_| "--as-of takes a date YYYY-MM-DD")?)
            }
            "--ruleset" => ruleset = Some(value("--ruleset")?),
            "--format" => json = value("--format")? == "json",
            "--schedule" => schedule = Some(value("--schedule")?),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => file = Some(other.to_string()),
        }
    }
    let engine = match ruleset {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            Engine::with_ruleset_json(&text).map_err(|e| format!("{path}: {e}"))?
        }
        None => Engine::new().map_err(|e| e.to_string())?,
    };
    if let Some(text) = schedule {
        let reading = engine.parse_schedule(&text, opts.lang);
        println!("{}", serde_json::to_string(&reading).map_err(|e| e.to_string())?);
        return Ok(if reading.ok {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let path = file.ok_or("give a measure or programme file")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let report = engine.check_document_json(&text, &opts);
    if json {
        println!("{}", report.to_json_pretty());
    } else {
        print_text(&path, &report);
    }
    Ok(if report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_text(path: &str, report: &Report) {
    for f in &report.findings {
        let place = match (f.line, f.column) {
            (Some(l), Some(c)) => format!("{path}:{l}:{c}"),
            _ => path.to_string(),
        };
        let measure = f.measure.as_deref().map(|m| format!(" [{m}]")).unwrap_or_default();
        println!("{place}: {} {}{measure}: {}", f.severity.as_str(), f.rule, f.message);
    }
    let mut by_rule: BTreeMap<&str, (u32, &str)> = BTreeMap::new();
    for f in &report.findings {
        let e = by_rule.entry(&f.rule).or_insert((0, f.severity.as_str()));
        e.0 += 1;
    }
    println!();
    println!(
        "{} {} · rule set {} {} · registry {} · as of {}",
        report.engine.name,
        report.engine.version,
        report.ruleset.id,
        report.ruleset.version,
        report.registry,
        report.as_of.as_deref().unwrap_or("-")
    );
    println!(
        "{} measure(s): {} error(s), {} warning(s), {} info",
        report.measures, report.summary.error, report.summary.warning, report.summary.info
    );
    for (rule, (n, sev)) in by_rule {
        println!("  {n:>4}  {sev:<7} {rule}");
    }
}
