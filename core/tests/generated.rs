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
