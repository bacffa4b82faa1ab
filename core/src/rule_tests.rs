//! Rule sets carry their own tests: a measure (or a programme) and the findings expected.
//! `measure-rules test RULESET` and `Engine::run_tests` run them.
//!
//! A test compares findings of the rules it is about: the custom rules of the rule set that
//! carries it, and every rule named in its `expect`. Other built-in findings on the test's
//! measure do not make it fail, so a test of one custom rule needs no complete measure. An
//! expected finding may give its `message`, compared word for word in the test's language:
//! a rule author's message template is tested with its placeholders filled.

use serde::Serialize;
use serde_json::Value;

use crate::doc::Borrowed;
use crate::engine::{CheckOptions, Engine};
use crate::finding::{Finding, RulesetInfo, Severity};
use crate::lang::Lang;

/// One finding in a test's comparison: what was expected and not found, or found and not
/// expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TestFinding {
    pub rule: String,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub severity: Option<Severity>,
    /// The message: of a finding that was made, or the one an expectation gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TestResult {
    /// The rule set that carries the test.
    pub ruleset: String,
    /// JSON Pointer of the test in that rule set (`/tests/0`).
    pub path: String,
    pub name: String,
    pub passed: bool,
    /// Expected and not found.
    pub missing: Vec<TestFinding>,
    /// Found and not expected.
    pub unexpected: Vec<TestFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TestReport {
    pub rulesets: Vec<RulesetInfo>,
    pub passed: u32,
    pub failed: u32,
    pub results: Vec<TestResult>,
}

impl Engine {
    /// Runs the test cases of every rule set the engine was built from. Each set's tests run
    /// on the engine as that set left it, so an agency's refinements cannot break the
    /// ministry's tests, and each set is tested as its authors wrote it. A test's messages
    /// are in its own `lang`, English when it gives none.
    pub fn run_tests(&self) -> TestReport {
        self.run_tests_in(Lang::En)
    }

    /// [`Engine::run_tests`], with the messages of the tests that give no `lang` in `lang`
    /// (the CLI's `--lang`).
    pub fn run_tests_in(&self, lang: Lang) -> TestReport {
        let mut results = Vec::new();
        // Tests are stored set by set, in chain order: one prefix engine per set, built when
        // its first test comes up.
        let mut current: Option<(usize, Option<Engine>)> = None;
        let mut index = 0;
        for (set, test) in &self.tests {
            if current.as_ref().is_none_or(|(s, _)| s != set) {
                current = Some((*set, self.prefix(*set)));
                index = 0;
            }
            let engine = current.as_ref().and_then(|(_, e)| e.as_ref()).unwrap_or(self);
            let info = self.chain.get(*set).map_or_else(String::new, |r| r.id.clone());
            results.push(run_one(engine, test, info, index, lang));
            index += 1;
        }
        let passed = results.iter().filter(|r| r.passed).count();
        TestReport {
            rulesets: self.chain.clone(),
            passed: u32::try_from(passed).unwrap_or(u32::MAX),
            failed: u32::try_from(results.len() - passed).unwrap_or(u32::MAX),
            results,
        }
    }

    /// The engine as the chain stood after set `upto`; `None` when that is this engine.
    fn prefix(&self, upto: usize) -> Option<Engine> {
        if upto + 1 >= self.chain.len() {
            return None;
        }
        let sources = self.sources.get(..=upto)?;
        Engine::with_rulesets(sources).ok()
    }
}

fn run_one(engine: &Engine, test: &Value, ruleset: String, index: usize, lang: Lang) -> TestResult {
    let name = test.get("name").and_then(Value::as_str).unwrap_or("").to_string();
    let mut opts = CheckOptions {
        lang: test
            .get("lang")
            .and_then(Value::as_str)
            .and_then(Lang::from_code)
            .unwrap_or(lang),
        ..CheckOptions::default()
    };
    // Tests must not depend on the day they run.
    opts.as_of = test
        .get("asOf")
        .and_then(Value::as_str)
        .and_then(|s| crate::date::Day::parse_iso(s).ok())
        .or(Some(crate::date::Day {
            year: 2020,
            month: 1,
            day: 1,
        }));
    let report = match (test.get("measure"), test.get("programme")) {
        // As the bindings check documents: only the rules' `Borrowed` form is in their wasm.
        (Some(m), _) => engine.check_measure_doc(&Borrowed::from(m), &opts),
        (None, Some(p)) => engine.check_programme_doc(&Borrowed::from(p), &opts),
        (None, None) => engine.check_measure_doc(&Borrowed::Null, &opts),
    };
    let expect: Vec<TestFinding> = test
        .get("expect")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|e| TestFinding {
            rule: e.get("rule").and_then(Value::as_str).unwrap_or("").to_string(),
            path: e.get("path").and_then(Value::as_str).unwrap_or("").to_string(),
            severity: e.get("severity").and_then(Value::as_str).and_then(Severity::parse),
            message: e.get("message").and_then(Value::as_str).map(str::to_string),
        })
        .collect();
    let in_scope =
        |rule: &str| engine.config.custom.iter().any(|c| c.id == rule) || expect.iter().any(|e| e.rule == rule);
    let found: Vec<&Finding> = report.findings.iter().filter(|f| in_scope(&f.rule)).collect();
    let matches = |e: &TestFinding, f: &Finding| {
        e.rule == f.rule
            && e.path == f.path
            && e.severity.is_none_or(|s| s == f.severity)
            && e.message.as_ref().is_none_or(|m| *m == f.message)
    };
    let missing: Vec<TestFinding> = expect
        .iter()
        .filter(|e| !found.iter().any(|f| matches(e, f)))
        .cloned()
        .collect();
    let unexpected: Vec<TestFinding> = found
        .iter()
        .filter(|f| !expect.iter().any(|e| matches(e, f)))
        .map(|f| TestFinding {
            rule: f.rule.clone(),
            path: f.path.clone(),
            severity: Some(f.severity),
            message: Some(f.message.clone()),
        })
        .collect();
    TestResult {
        ruleset,
        path: format!("/tests/{index}"),
        name,
        passed: missing.is_empty() && unexpected.is_empty(),
        missing,
        unexpected,
    }
}
