//! Embeds the organisation registry without its indentation, and rebuilds the crate when a
//! schema changes (the compile-time validators read them, but cargo cannot see that).

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest = std::env::var("CARGO_MANIFEST_DIR")?;
    let root = Path::new(&manifest).join("..");
    let registry = root.join("data/organisations.json");
    println!("cargo:rerun-if-changed={}", registry.display());
    println!("cargo:rerun-if-changed={}", root.join("schemas").display());
    for entry in std::fs::read_dir(root.join("schemas"))? {
        println!("cargo:rerun-if-changed={}", entry?.path().display());
    }
    let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&registry)?)?;
    let out = Path::new(&std::env::var("OUT_DIR")?).join("organisations.min.json");
    std::fs::write(out, serde_json::to_string(&value)?)?;
    Ok(())
}
