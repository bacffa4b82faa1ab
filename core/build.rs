//! Compiles the organisation registry (`data/organisations.json`) into static Rust data, so
//! the engine needs no JSON decoding of its own registry (in WebAssembly, that decoder was
//! most of the registry's cost), and rebuilds the crate when a schema changes (the
//! compile-time validators read them, but cargo cannot see that).

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR")?;
    let root = Path::new(&manifest).join("..");
    let registry = root.join("data/organisations.json");
    println!("cargo:rerun-if-changed={}", registry.display());
    println!("cargo:rerun-if-changed={}", root.join("schemas").display());
    for entry in std::fs::read_dir(root.join("schemas"))? {
        println!("cargo:rerun-if-changed={}", entry?.path().display());
    }
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&registry)?)?;
    let out = Path::new(&std::env::var("OUT_DIR")?).join("registry_data.rs");
    std::fs::write(out, registry_source(&file)?)?;
    Ok(())
}

/// `{:?}` of a `str` is a valid Rust string literal, escapes included.
fn registry_source(file: &Value) -> Result<String, String> {
    let text = |v: &Value, what: &str| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("{what} is not a string"))
    };
    let version = file.get("version").map_or(Ok(String::new()), |v| text(v, "version"))?;
    let orgs = file
        .get("organisations")
        .and_then(Value::as_array)
        .ok_or("organisations is not a list")?;
    let mut s = String::new();
    let _ = writeln!(s, "pub(crate) static VERSION: &str = {version:?};");
    let _ = writeln!(s, "pub(crate) static ORGANISATIONS: &[Entry] = &[");
    for (i, org) in orgs.iter().enumerate() {
        let field = |k: &str| org.get(k).ok_or_else(|| format!("organisation {i} has no {k}"));
        let code = text(field("code")?, "code")?;
        let kind = match text(field("kind")?, "kind")?.as_str() {
            "ministry" => "Ministry",
            "agency" => "Agency",
            "department" => "Department",
            "council" => "Council",
            "group" => "Group",
            "other" => "Other",
            k => return Err(format!("{code}: unknown kind {k:?}")),
        };
        let parent = match org.get("parent") {
            Some(p) => format!("Some({:?})", text(p, "parent")?),
            None => "None".to_string(),
        };
        let name = field("name")?;
        let names: Vec<String> = ["fi", "sv", "en"]
            .iter()
            .map(|l| {
                name.get(*l)
                    .ok_or_else(|| format!("{code}: no {l} name"))
                    .and_then(|v| text(v, "name"))
            })
            .collect::<Result<_, _>>()?;
        let aliases: Vec<String> = org
            .get("aliases")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|a| text(a, "alias"))
            .collect::<Result<_, _>>()?;
        let _ = writeln!(
            s,
            "    Entry {{ code: {code:?}, kind: OrgKind::{kind}, parent: {parent}, names: {names:?}, aliases: &{aliases:?} }},"
        );
    }
    s.push_str("];\n");
    Ok(s)
}
