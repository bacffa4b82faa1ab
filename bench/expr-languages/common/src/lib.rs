//! What every candidate shares: the rule-set shape, the outcome encoding, the evaluation
//! loop, the wasm export and the measures used to check that all candidates agree.
//!
//! A rule set is a JSON array of `{"id", "when", "require"}`. `when` and `require` are
//! expressions in the candidate's language: JSON values for JsonLogic, strings for the
//! others, rule names for the hand-coded baseline. A rule applies when `when` holds and is
//! violated when it applies and `require` does not hold.

use serde_json::Value;

/// What happened to one rule on one measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// `when` was false.
    NotApplicable = 0,
    /// `when` and `require` were true.
    Pass = 1,
    /// `when` was true, `require` false: a finding.
    Fail = 2,
    /// An expression failed to evaluate.
    Error = 3,
}

/// The three rules of the benchmark, in the order of the rule-set files.
pub const RULES: usize = 3;
pub type Outcomes = [Outcome; RULES];

/// Two bits per rule, rule 0 in the low bits.
pub fn encode(o: &Outcomes) -> i32 {
    o.iter()
        .enumerate()
        .fold(0, |acc, (i, x)| acc | ((*x as i32) << (2 * i)))
}

pub fn describe(o: &Outcomes) -> String {
    o.iter()
        .map(|x| match x {
            Outcome::NotApplicable => "n/a",
            Outcome::Pass => "pass",
            Outcome::Fail => "FAIL",
            Outcome::Error => "ERROR",
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One expression language, behind the same four steps.
pub trait Candidate {
    /// Short name used in tables and on the command line.
    const NAME: &'static str;
    /// The candidate's rule set (see `rules/`).
    const RULES_SRC: &'static str;
    /// State built once (an engine, an environment).
    type Engine;
    /// One compiled expression.
    type Expr;
    /// A measure in the candidate's own data representation.
    type Prepared<'m>;

    fn engine() -> Self::Engine;
    fn compile_expr(engine: &Self::Engine, src: &Value) -> Result<Self::Expr, String>;
    fn prepare<'m>(engine: &Self::Engine, measure: &'m Value) -> Result<Self::Prepared<'m>, String>;
    /// Evaluates one expression to a boolean; anything that is not a boolean (or, for
    /// JsonLogic, has no truthiness) is an error.
    fn test(engine: &Self::Engine, expr: &Self::Expr, data: &mut Self::Prepared<'_>) -> Result<bool, String>;
}

pub struct Compiled<C: Candidate> {
    pub engine: C::Engine,
    pub rules: Vec<(C::Expr, C::Expr)>,
}

/// Compiles a parsed rule set.
pub fn compile<C: Candidate>(rules: &Value) -> Result<Compiled<C>, String> {
    compile_with::<C>(C::engine(), rules)
}

pub fn compile_with<C: Candidate>(engine: C::Engine, rules: &Value) -> Result<Compiled<C>, String> {
    let list = rules.as_array().ok_or("a rule set is a JSON array")?;
    let mut out = Vec::with_capacity(list.len());
    for (i, r) in list.iter().enumerate() {
        let when = r.get("when").ok_or_else(|| format!("rule {i}: no `when`"))?;
        let require = r.get("require").ok_or_else(|| format!("rule {i}: no `require`"))?;
        let w = C::compile_expr(&engine, when).map_err(|e| format!("rule {i} when: {e}"))?;
        let q = C::compile_expr(&engine, require).map_err(|e| format!("rule {i} require: {e}"))?;
        out.push((w, q));
    }
    Ok(Compiled { engine, rules: out })
}

/// Parses and compiles the candidate's own rule set.
pub fn compile_default<C: Candidate>() -> Result<Compiled<C>, String> {
    let v: Value = serde_json::from_str(C::RULES_SRC).map_err(|e| e.to_string())?;
    compile::<C>(&v)
}

/// Evaluates the (first three) rules on a prepared measure.
pub fn eval<C: Candidate>(c: &Compiled<C>, data: &mut C::Prepared<'_>) -> Outcomes {
    let mut out = [Outcome::NotApplicable; RULES];
    for (slot, (when, require)) in out.iter_mut().zip(c.rules.iter()) {
        *slot = match C::test(&c.engine, when, data) {
            Err(_) => Outcome::Error,
            Ok(false) => Outcome::NotApplicable,
            Ok(true) => match C::test(&c.engine, require, data) {
                Err(_) => Outcome::Error,
                Ok(true) => Outcome::Pass,
                Ok(false) => Outcome::Fail,
            },
        };
    }
    out
}

/// Prepares and evaluates: what a caller holding a `serde_json::Value` pays.
pub fn check_value<C: Candidate>(c: &Compiled<C>, measure: &Value) -> Result<Outcomes, String> {
    let mut p = C::prepare(&c.engine, measure)?;
    Ok(eval::<C>(c, &mut p))
}

/// JsonLogic truthiness (jsonlogic.com/truthy.html): `0`, `""`, `[]`, `null`, `false` are
/// false; everything else, objects included, is true.
pub fn jsonlogic_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(_) => true,
    }
}

/// Rule source of a string-language expression.
pub fn expr_str(src: &Value) -> Result<&str, String> {
    src.as_str().ok_or_else(|| "expected a string expression".to_string())
}

// ---- the wasm entry points -------------------------------------------------------------

/// Hands the host a buffer of `len` bytes to write into; `check` takes it back.
pub fn alloc(len: usize) -> *mut u8 {
    let b: Box<[u8]> = vec![0u8; len].into_boxed_slice();
    Box::into_raw(b) as *mut u8
}

/// # Safety
/// `ptr`/`len` must come from one call of [`alloc`], and be passed here once.
pub unsafe fn take(ptr: *mut u8, len: usize) -> Box<[u8]> {
    Box::from_raw(core::ptr::slice_from_raw_parts_mut(ptr, len))
}

/// The body of the exported `check`: parses the rule set and the measure (serde_json),
/// compiles, prepares and evaluates. Returns the encoded outcomes, or -1 (bad rule set),
/// -2 (bad measure JSON), -3 (measure not representable in the candidate).
pub fn check_bytes<C: Candidate>(rules: &[u8], measure: &[u8]) -> i32 {
    let compiled = match serde_json::from_slice::<Value>(rules)
        .map_err(|e| e.to_string())
        .and_then(|r| compile::<C>(&r))
    {
        Ok(c) => c,
        Err(_) => return -1,
    };
    let m: Value = match serde_json::from_slice(measure) {
        Ok(m) => m,
        Err(_) => return -2,
    };
    match check_value::<C>(&compiled, &m) {
        Ok(o) => encode(&o),
        Err(_) => -3,
    }
}

/// Exports `alloc(len) -> ptr` and `check(rules_ptr, rules_len, measure_ptr, measure_len)
/// -> i32` from a cdylib built for wasm32 (and nothing natively, so that all candidates can
/// be linked into one native binary).
#[macro_export]
macro_rules! export_wasm {
    ($c:ty) => {
        #[cfg(target_arch = "wasm32")]
        #[no_mangle]
        pub extern "C" fn alloc(len: usize) -> *mut u8 {
            $crate::alloc(len)
        }

        /// # Safety
        /// Both buffers must come from `alloc`; `check` frees them.
        #[cfg(target_arch = "wasm32")]
        #[no_mangle]
        pub unsafe extern "C" fn check(rp: *mut u8, rl: usize, mp: *mut u8, ml: usize) -> i32 {
            let rules = $crate::take(rp, rl);
            let measure = $crate::take(mp, ml);
            $crate::check_bytes::<$c>(&rules, &measure)
        }
    };
}

// ---- measures --------------------------------------------------------------------------

/// The measure every speed figure is taken on: measure 7.1 of the 2017 programme (its
/// Finnish text, lead, partners and schedule as in `data/programme-2017.json`), marked
/// completed with a progress note, so that all three rules apply and all three
/// requirements are evaluated (a passes, b passes, c fails: no Swedish title).
pub const SPEED_MEASURE: &str = include_str!("../../measures/speed-measure.json");

/// Small measures for the edge cases of each rule, with the outcomes every candidate must
/// give (`expected`: one of n/a, pass, FAIL per rule).
pub const CASES: &str = include_str!("../../measures/cases.json");
