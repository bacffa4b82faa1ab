//! Compiles data into static Rust tables, so the engine carries no decoder for its own data:
//!
//! - the organisation registry (`data/organisations.json`);
//! - the document schemas (`schemas/measure.schema.json` and the programme schema without its
//!   measures, `core/schema-views/programme-shell.schema.json`): a table of nodes that
//!   `rules/structure.rs` walks. The schemas use a small part of JSON Schema, and this
//!   compiler refuses any keyword outside it, so a schema change can never be ignored
//!   silently; `tests/shape_oracle.rs` holds the result to the jsonschema crate's verdicts.

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
    let out_dir = std::env::var("OUT_DIR")?;
    std::fs::write(Path::new(&out_dir).join("registry_data.rs"), registry_source(&file)?)?;
    let shell = root.join("core/schema-views/programme-shell.schema.json");
    println!("cargo:rerun-if-changed={}", shell.display());
    let measure: Value = serde_json::from_str(&std::fs::read_to_string(root.join("schemas/measure.schema.json"))?)?;
    let programme: Value = serde_json::from_str(&std::fs::read_to_string(&shell)?)?;
    std::fs::write(
        Path::new(&out_dir).join("schema_tables.rs"),
        schema_source(&measure, &programme)?,
    )?;
    Ok(())
}

/// Type bits, in the order the jsonschema crate lists types in its messages.
const TYPES: [(&str, u8); 7] = [
    ("null", 1),
    ("boolean", 2),
    ("integer", 4),
    ("number", 8),
    ("string", 16),
    ("array", 32),
    ("object", 64),
];

/// Keywords that only annotate.
const ANNOTATIONS: [&str; 7] = [
    "title",
    "description",
    "examples",
    "$schema",
    "$id",
    "$comment",
    "$defs",
];

struct Compiler<'a> {
    measure: &'a Value,
    programme: &'a Value,
    nodes: Vec<String>,
    /// `$ref` targets already compiled: (document, pointer) -> node.
    done: Vec<((bool, String), usize)>,
}

impl Compiler<'_> {
    /// Compiles the schema at `pointer` in the measure (`in_measure`) or programme schema.
    fn node(&mut self, in_measure: bool, pointer: &str) -> Result<usize, String> {
        let key = (in_measure, pointer.to_string());
        if let Some((_, i)) = self.done.iter().find(|(k, _)| *k == key) {
            return Ok(*i);
        }
        let doc = if in_measure { self.measure } else { self.programme };
        let schema = doc.pointer(pointer).ok_or_else(|| format!("no schema at {pointer}"))?;
        let index = self.nodes.len();
        if *schema == Value::Bool(true) {
            self.nodes
                .push(format!("    Node {{ path: {pointer:?}, ..Node::ANY }},"));
            self.done.push((key, index));
            return Ok(index);
        }
        let o = schema
            .as_object()
            .ok_or_else(|| format!("{pointer}: a schema must be an object or true"))?;
        self.nodes.push(String::new());
        self.done.push((key, index));
        let (mut types, mut refs, mut props, mut required, mut closed, mut items) =
            (0u8, Vec::new(), Vec::new(), Vec::new(), false, "None".to_string());
        let mut bounds: Vec<String> = Vec::new();
        for (k, v) in o {
            let at = format!("{pointer}/{k}");
            let uint = || v.as_u64().ok_or_else(|| format!("{at}: expected a whole number"));
            match k.as_str() {
                k if ANNOTATIONS.contains(&k) => {}
                "type" => {
                    let names: Vec<&str> = match v {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                        _ => return Err(format!("{at}: unsupported type")),
                    };
                    for n in names {
                        let (_, bit) = TYPES
                            .iter()
                            .find(|(t, _)| *t == n)
                            .ok_or_else(|| format!("{at}: unknown type {n}"))?;
                        types |= bit;
                    }
                }
                "$ref" => {
                    let r = v.as_str().ok_or_else(|| format!("{at}: expected text"))?;
                    let (in_m, ptr) = match r.split_once('#') {
                        Some(("", p)) => (in_measure, p.to_string()),
                        Some(("measure.schema.json", p)) => (true, p.to_string()),
                        None if r == "measure.schema.json" => (true, String::new()),
                        _ => return Err(format!("{at}: unsupported $ref {r}")),
                    };
                    refs.push(self.node(in_m, &ptr)?);
                }
                "properties" => {
                    let m = v.as_object().ok_or_else(|| format!("{at}: expected an object"))?;
                    for name in m.keys() {
                        let child = self.node(
                            in_measure,
                            &format!("{at}/{}", name.replace('~', "~0").replace('/', "~1")),
                        )?;
                        props.push(format!("({name:?}, {child})"));
                    }
                }
                "required" => {
                    for r in v.as_array().ok_or_else(|| format!("{at}: expected a list"))? {
                        required.push(format!(
                            "{:?}",
                            r.as_str().ok_or_else(|| format!("{at}: expected names"))?
                        ));
                    }
                }
                "additionalProperties" => match v {
                    Value::Bool(false) => closed = true,
                    Value::Bool(true) => {}
                    _ => return Err(format!("{at}: only true or false is supported")),
                },
                "items" => items = format!("Some({})", self.node(in_measure, &at)?),
                "minimum" | "maximum" => {
                    let n = v.as_i64().ok_or_else(|| format!("{at}: expected an integer"))?;
                    bounds.push(format!("{}: Some({n})", k));
                }
                "maxLength" => bounds.push(format!("max_length: Some({})", uint()?)),
                "minLength" => bounds.push(format!("min_length: Some({})", uint()?)),
                "maxItems" => bounds.push(format!("max_items: Some({})", uint()?)),
                "minItems" => bounds.push(format!("min_items: Some({})", uint()?)),
                _ => {
                    return Err(format!(
                    "{at}: the keyword {k} is not supported by core/build.rs; add it there and to rules/structure.rs"
                ))
                }
            }
        }
        let mut fields = vec![
            format!("types: {types}"),
            format!("refs: &{refs:?}"),
            format!("properties: &[{}]", props.join(", ")),
            format!("required: &[{}]", required.join(", ")),
            format!("closed: {closed}"),
            format!("items: {items}"),
            format!("path: {pointer:?}"),
        ];
        fields.extend(bounds);
        fields.push("..Node::ANY".to_string());
        if let Some(slot) = self.nodes.get_mut(index) {
            *slot = format!("    Node {{ {} }},", fields.join(", "));
        }
        Ok(index)
    }
}

fn schema_source(measure: &Value, programme: &Value) -> Result<String, String> {
    let mut c = Compiler {
        measure,
        programme,
        nodes: Vec::new(),
        done: Vec::new(),
    };
    let m = c.node(true, "")?;
    let p = c.node(false, "")?;
    // Every date field refers to this node, which the walk reads as a date.
    let date = c.node(true, "/$defs/date")?;
    Ok(format!(
        "pub(crate) const MEASURE: usize = {m};\npub(crate) const PROGRAMME: usize = {p};\npub(crate) const DATE: usize = {date};\npub(crate) static NODES: &[Node] = &[\n{}\n];\n",
        c.nodes.join("\n")
    ))
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
