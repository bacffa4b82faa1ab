//! measure-rules: checks the measures of Finland's internal-security action programme.
//!
//! Build an [`Engine`] once (from a rule set, or the default), then check measures and
//! programmes given as JSON text, [`serde_json::Value`]s, or any other [`Doc`] (such as a
//! [`Borrowed`] document, whose strings borrow from what it was read from). Every check returns a
//! [`Report`] of [`Finding`]s: a rule id, a severity, a JSON Pointer, a message in Finnish,
//! Swedish or English, and where it helps a fix.
//!
//! ```
//! use measure_rules::{CheckOptions, Engine, Lang};
//! let engine = Engine::new().map_err(|e| e.to_string())?;
//! let report = engine.check_measure_json(r#"{"id": "2.6. a)", "theme": 2, "leadBody": "SM"}"#,
//!     &CheckOptions { lang: Lang::En, ..CheckOptions::default() });
//! assert!(report.findings.iter().any(|f| f.rule == "id.canonical"));
//! # Ok::<(), String>(())
//! ```
//!
//! This crate knows nothing of WebAssembly or JavaScript; the `wasm/` crate binds it.

#![forbid(unsafe_code)]

// The README's Rust example runs as a doctest, so that what users copy compiles.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

pub mod catalogue;
mod context;
pub mod custom;
pub mod date;
pub mod doc;
#[cfg(feature = "docs")]
pub mod docs;
mod engine;
mod finding;
pub mod lang;
pub mod limits;
mod locate;
pub mod measure_id;
mod messages;
pub mod model;
pub mod registry;
pub mod rule_tests;
pub mod rules;
mod ruleset;
pub mod schedule;
mod schedule_api;
mod semver;
mod text;

pub use catalogue::{rule, RuleMeta, RULES};
pub use date::{Day, PartialDate};
pub use doc::{value_from_json, Borrowed, Doc, Unescaped, View};
pub use engine::{CheckOptions, Engine, NAME, VERSION};
pub use finding::{EngineInfo, Finding, Fix, Report, RulesetInfo, Severity, Summary};
pub use lang::Lang;
pub use limits::Size;
pub use locate::locate;
pub use measure_id::MeasureId;
pub use ruleset::{
    check_chain_length, check_ruleset_file_size, check_ruleset_size, read_ruleset_json, RulesetError, RulesetProblem,
    MAX_RULESET_BYTES,
};
pub use schedule_api::{parse_schedule, ScheduleReading};
#[doc(hidden)]
pub use text::Fnv;
