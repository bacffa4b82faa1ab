//! WebAssembly bindings for measure-rules. The bindings arrive with the package issue; until
//! then this crate only re-exports the core so the workspace layout is in place.

pub use measure_rules::*;
