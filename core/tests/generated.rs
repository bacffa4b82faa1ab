#![cfg(feature = "docs")]
//! The rule reference and the rule-set schema are generated from the catalogue. This test
//! fails when the committed files drift; `UPDATE_GENERATED=1` rewrites them.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn check(path: PathBuf, expected: String) -> Result<(), String> {
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &expected).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(());
    }
    let actual = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if actual != expected {
        return Err(format!(
            "{} is out of date with the rule catalogue; run `UPDATE_GENERATED=1 cargo test -p measure-rules --test generated` and commit the result",
            path.display()
        ));
    }
    Ok(())
}

#[test]
fn rule_reference_is_up_to_date() -> Result<(), String> {
    check(root().join("docs/rules.md"), measure_rules::docs::rules_markdown())
}

#[test]
fn ruleset_schema_is_up_to_date() -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(&measure_rules::docs::ruleset_schema()).map_err(|e| e.to_string())?;
    text.push('\n');
    check(root().join("schemas/ruleset.schema.json"), text)
}

/// `docs/schedules.md`: the parser's own documentation (its module comment) and the table of
/// every expression the tests hold it to.
#[test]
fn schedule_reference_is_up_to_date() -> Result<(), String> {
    let module = std::fs::read_to_string(root().join("core/src/schedule/mod.rs")).map_err(|e| e.to_string())?;
    let table = std::fs::read_to_string(root().join("tests/fixtures/schedules.json")).map_err(|e| e.to_string())?;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&table).map_err(|e| e.to_string())?;
    let mut out = String::from("# Schedule vocabulary\n\n<!-- Generated from core/src/schedule/mod.rs and tests/fixtures/schedules.json by `UPDATE_GENERATED=1 cargo test -p measure-rules --test generated`. Do not edit by hand. -->\n\n");
    for line in module.lines().take_while(|l| l.starts_with("//!")) {
        let text = line.trim_start_matches("//!");
        out.push_str(text.strip_prefix(' ').unwrap_or(text));
        out.push('\n');
    }
    out.push_str("\n## Every expression in the tests\n\nFrom `tests/fixtures/schedules.json` (`seed-004`: found in the published programme).\n\n| text | lang | source | reading |\n| --- | --- | --- | --- |\n");
    for r in &rows {
        let e = &r["expect"];
        let reading = match e.get("error").and_then(|v| v.as_str()) {
            Some(err) => format!("*{err}*"),
            None => {
                let mut parts = Vec::new();
                if let Some(s) = e.get("start").and_then(|v| v.as_str()) {
                    parts.push(format!("from {s}"));
                }
                if let Some(s) = e.get("end").and_then(|v| v.as_str()) {
                    parts.push(format!("to {s}"));
                }
                if e.get("continuous").and_then(|v| v.as_bool()) == Some(true) {
                    parts.push("continuous".to_string());
                }
                parts.join(", ")
            }
        };
        let text = r["text"].as_str().unwrap_or("").replace('|', "\\|").replace('\n', " ");
        let shown = if text.chars().count() > 80 {
            format!("{}…", text.chars().take(80).collect::<String>())
        } else {
            text
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            shown.replace('`', "'"),
            r["lang"].as_str().unwrap_or(""),
            r["source"].as_str().unwrap_or(""),
            reading
        ));
    }
    check(root().join("docs/schedules.md"), out)
}

/// The programme schema without its measures' schema, which the engine applies to each
/// measure separately: one compiled copy of the measure validator instead of two.
#[test]
fn programme_shell_schema_is_up_to_date() -> Result<(), String> {
    let text = std::fs::read_to_string(root().join("schemas/programme.schema.json")).map_err(|e| e.to_string())?;
    let mut schema: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    schema["$id"] = "https://measure-rules.github.io/schemas/v1/programme-shell.schema.json".into();
    schema["$comment"] = "Generated from programme.schema.json by core/tests/generated.rs: the measures are checked one by one with measure.schema.json.".into();
    let items = schema
        .pointer_mut("/properties/measures/items")
        .ok_or("programme.schema.json has no /properties/measures/items")?;
    if *items != serde_json::json!({ "$ref": "measure.schema.json" }) {
        return Err(format!(
            "the engine assumes measures' items are measure.schema.json, not {items}"
        ));
    }
    *items = serde_json::Value::Bool(true);
    let mut out = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
    out.push('\n');
    check(root().join("core/schema-views/programme-shell.schema.json"), out)
}

/// The rules' documentation, which the WebAssembly builds leave out, as the npm package's
/// `measure-rules/rule-docs` module and its declarations.
#[test]
fn rule_docs_module_is_up_to_date() -> Result<(), String> {
    check(
        root().join("wasm/npm/rule-docs.js"),
        measure_rules::docs::rule_docs_js(),
    )?;
    check(
        root().join("wasm/npm/rule-docs.d.ts"),
        measure_rules::docs::rule_docs_dts(),
    )
}
