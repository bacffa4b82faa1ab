//! Conditions of custom rules: a small declarative vocabulary over the measure's JSON, in
//! the style of the IATI rulesets (see `docs/decisions/0001-custom-rule-language.md`).
//!
//! A condition is either a combinator, `{"all": [..]}`, `{"any": [..]}`, `{"not": ..}`, or a
//! test of the value at a JSON Pointer: `{"path": "/theme", "equals": 7}`. There are no
//! variables, loops, recursion or regular expressions: evaluation visits each node of the
//! condition once per value it applies to, and `every`/`some` iterate over lists that the
//! document limits already bound. Parsing bounds the depth and the number of nodes.

use serde_json::Value;

use crate::date::{Day, PartialDate};
use crate::registry::{Registry, Resolution};
use crate::text::fold;

/// Deepest nesting of conditions accepted.
pub const MAX_DEPTH: usize = 12;
/// Most nodes (combinators and tests) in one rule's conditions.
pub const MAX_NODES: usize = 200;
/// Longest text accepted anywhere in a condition (pointers, values).
pub const MAX_TEXT: usize = 500;
/// Most values in an `in` list.
pub const MAX_LIST: usize = 200;

/// The tests, by name, for messages and the rule-language reference.
pub const TESTS: [&str; 10] = [
    "present",
    "equals",
    "in",
    "contains",
    "organisation",
    "length",
    "before",
    "after",
    "every",
    "some",
];

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Test { path: String, test: Test },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Test {
    Present(bool),
    Equals(Value),
    In(Vec<Value>),
    Contains(Value),
    Organisation(String),
    Length { min: Option<u64>, max: Option<u64> },
    Before(DateRef),
    After(DateRef),
    Every(Box<Cond>),
    Some(Box<Cond>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateRef {
    AsOf,
    Date(PartialDate),
}

/// A place in the measure, as rules name places: a JSON Pointer (`""` or `/…`) of at most
/// `MAX_TEXT` characters; the error says which of the two it is not.
pub(crate) fn pointer(v: &Value) -> Result<&str, String> {
    match v.as_str() {
        Some(p) if p.chars().count() > MAX_TEXT => Err(format!("a JSON Pointer of at most {MAX_TEXT} characters")),
        Some(p) if p.is_empty() || p.starts_with('/') => Ok(p),
        _ => Err("a JSON Pointer into the measure, such as \"/partners\" or \"\"".into()),
    }
}

/// One problem in a condition, at a JSON Pointer relative to the condition.
pub(crate) type Problem = (String, String);

struct Parser {
    nodes: usize,
    problems: Vec<Problem>,
}

/// Reads a condition; every problem is named with its place, and parsing goes on past it.
/// `nodes` counts the rule's conditions so far, so that its `when` and its `require` share
/// the limit.
pub(crate) fn parse(v: &Value, at: &str, nodes: &mut usize) -> Result<Cond, Vec<Problem>> {
    let mut p = Parser {
        nodes: *nodes,
        problems: Vec::new(),
    };
    let cond = p.cond(v, at, 0);
    if p.nodes > MAX_NODES && *nodes <= MAX_NODES {
        p.problems.push((
            at.to_string(),
            format!("at most {MAX_NODES} conditions in one rule, \"when\" and \"require\" together"),
        ));
    }
    *nodes = p.nodes;
    match cond {
        Some(c) if p.problems.is_empty() => Ok(c),
        _ => Err(p.problems),
    }
}

impl Parser {
    fn cond(&mut self, v: &Value, at: &str, depth: usize) -> Option<Cond> {
        self.nodes += 1;
        if depth >= MAX_DEPTH {
            return self.problem(at, format!("conditions nest at most {MAX_DEPTH} deep"));
        }
        if self.nodes > MAX_NODES {
            return None;
        }
        let Some(o) = v.as_object() else {
            return self.problem(
                at,
                "a condition is an object such as {\"path\": \"/theme\", \"equals\": 7} or {\"all\": [...]}",
            );
        };
        let ops: Vec<&String> = o.keys().filter(|k| k.as_str() != "path").collect();
        let [op] = ops.as_slice() else {
            let names = ops.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
            return self.problem(
                at,
                format!("a condition has exactly one test or combinator besides \"path\", not [{names}]"),
            );
        };
        let op = op.as_str();
        let arg = o.get(op).unwrap_or(&Value::Null);
        let arg_at = crate::context::child(at, op);
        match op {
            "all" | "any" | "not" => {
                if o.contains_key("path") {
                    return self.problem(at, format!("\"{op}\" combines conditions and takes no \"path\""));
                }
                if op == "not" {
                    return Some(Cond::Not(Box::new(self.cond(arg, &arg_at, depth + 1)?)));
                }
                let Some(items) = arg.as_array() else {
                    return self.problem(&arg_at, format!("\"{op}\" takes a list of conditions"));
                };
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    match self.cond(item, &crate::context::item(&arg_at, i), depth + 1) {
                        Some(c) => out.push(c),
                        None => ok = false,
                    }
                }
                if !ok {
                    return None;
                }
                Some(if op == "all" { Cond::All(out) } else { Cond::Any(out) })
            }
            _ => {
                let path = match o.get("path").map(pointer) {
                    Some(Ok(p)) => p.to_string(),
                    Some(Err(e)) => return self.problem(&crate::context::child(at, "path"), e),
                    None => return self.problem(at, format!("\"{op}\" needs a \"path\"")),
                };
                let test = self.test(op, arg, &arg_at, depth)?;
                Some(Cond::Test { path, test })
            }
        }
    }

    fn test(&mut self, op: &str, arg: &Value, at: &str, depth: usize) -> Option<Test> {
        match op {
            "present" => match arg {
                Value::Bool(b) => Some(Test::Present(*b)),
                _ => self.problem(at, "\"present\" is true or false"),
            },
            "equals" => self.value(arg, at).map(Test::Equals),
            "contains" => self.value(arg, at).map(Test::Contains),
            "in" => match arg.as_array() {
                Some(list) if !list.is_empty() && list.len() <= MAX_LIST => {
                    let values: Option<Vec<Value>> = list
                        .iter()
                        .enumerate()
                        .map(|(i, v)| self.value(v, &crate::context::item(at, i)))
                        .collect();
                    values.map(Test::In)
                }
                _ => self.problem(at, format!("\"in\" takes a list of 1 to {MAX_LIST} values")),
            },
            "organisation" => match arg.as_str() {
                Some(code) if !code.trim().is_empty() && code.chars().count() <= 64 => {
                    Some(Test::Organisation(code.to_string()))
                }
                _ => self.problem(
                    at,
                    "\"organisation\" takes an organisation code such as \"KUNTALIITTO\"",
                ),
            },
            "length" => {
                let bound = |k: &str| arg.get(k).map(|v| v.as_u64().ok_or(()));
                let keys_ok = arg
                    .as_object()
                    .is_some_and(|o| !o.is_empty() && o.keys().all(|k| k == "min" || k == "max"));
                match (keys_ok, bound("min"), bound("max")) {
                    // A length that can never hold is a mistake, not a rule.
                    (true, Some(Ok(min)), Some(Ok(max))) if min > max => self.problem(
                        at,
                        format!("\"min\" ({min}) is more than \"max\" ({max}): no length is within them"),
                    ),
                    (true, None | Some(Ok(_)), None | Some(Ok(_))) => Some(Test::Length {
                        min: arg.get("min").and_then(Value::as_u64),
                        max: arg.get("max").and_then(Value::as_u64),
                    }),
                    _ => self.problem(at, "\"length\" takes {\"min\": n, \"max\": n} with whole numbers"),
                }
            }
            "before" | "after" => {
                let date = match arg.as_str() {
                    Some("asOf") => Some(DateRef::AsOf),
                    Some(s) => PartialDate::parse_iso(s).ok().map(DateRef::Date),
                    None => None,
                };
                match date {
                    Some(d) if op == "before" => Some(Test::Before(d)),
                    Some(d) => Some(Test::After(d)),
                    None => self.problem(
                        at,
                        format!("\"{op}\" takes a date YYYY, YYYY-MM or YYYY-MM-DD, or \"asOf\""),
                    ),
                }
            }
            "every" | "some" => {
                let inner = Box::new(self.cond(arg, at, depth + 1)?);
                Some(if op == "every" {
                    Test::Every(inner)
                } else {
                    Test::Some(inner)
                })
            }
            _ => {
                let suggestion = crate::text::closest(op, &mut TESTS.iter().copied().chain(["all", "any", "not"]))
                    .map_or_else(String::new, |s| format!(" (did you mean \"{s}\"?)"));
                self.problem(
                    at,
                    format!("unknown test \"{op}\"{suggestion}; the tests are {}", TESTS.join(", ")),
                )
            }
        }
    }

    /// Records a problem at `at`; `None` stands for the part that could not be read.
    fn problem<T>(&mut self, at: &str, message: impl Into<String>) -> Option<T> {
        self.problems.push((at.to_string(), message.into()));
        None
    }

    /// A literal to compare with: text, number, boolean or null (no lists or objects, so
    /// comparisons stay cheap and their meaning obvious).
    fn value(&mut self, v: &Value, at: &str) -> Option<Value> {
        match v {
            Value::String(s) if s.chars().count() > MAX_TEXT => {
                self.problem(at, format!("text of at most {MAX_TEXT} characters"))
            }
            Value::Array(_) | Value::Object(_) => self.problem(at, "compare with text, a number, true, false or null"),
            _ => Some(v.clone()),
        }
    }
}

/// What evaluation needs besides the measure.
pub(crate) struct Env<'a> {
    pub registry: &'a Registry,
    pub as_of: Option<Day>,
    /// Collects each test's inputs and result when the caller asked for an explanation.
    pub trace: Option<Vec<super::TraceStep>>,
}

/// Evaluates `cond` on `root`, whose place in the document is `base`.
pub(crate) fn eval(cond: &Cond, root: &Value, base: &str, env: &mut Env<'_>) -> bool {
    match cond {
        Cond::All(cs) => cs.iter().all(|c| eval(c, root, base, env)),
        Cond::Any(cs) => cs.iter().any(|c| eval(c, root, base, env)),
        Cond::Not(c) => !eval(c, root, base, env),
        Cond::Test { path, test } => {
            let value = crate::text::pointer(root, path);
            // Places are for the explanation only: a check without one builds none, which made
            // `every` over a long list several times slower.
            let tracing = env.trace.is_some();
            let at = if tracing {
                format!("{base}{path}")
            } else {
                String::new()
            };
            let result = match test {
                Test::Every(inner) | Test::Some(inner) => {
                    let items = value.and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
                    let every = matches!(test, Test::Every(_));
                    if tracing {
                        // Every item is evaluated (no short cut), so an explanation lists them all.
                        let results: Vec<bool> = items
                            .iter()
                            .enumerate()
                            .map(|(i, item)| eval(inner, item, &format!("{at}/{i}"), env))
                            .collect();
                        if every {
                            results.iter().all(|r| *r)
                        } else {
                            results.iter().any(|r| *r)
                        }
                    } else if every {
                        items.iter().all(|item| eval(inner, item, "", env))
                    } else {
                        items.iter().any(|item| eval(inner, item, "", env))
                    }
                }
                // A measure's number is compared as a number: a rule about measure 2.6a means
                // it however its number is written ("2.6. a)", "2,6a"), as `{id}` shows it.
                _ => test_value(test, value, env, if path == "/id" { same_id } else { same }),
            };
            if let Some(trace) = env.trace.as_mut() {
                trace.push(super::TraceStep {
                    path: at,
                    test: test_name(test).to_string(),
                    expected: expected(test),
                    // Through a `Borrowed` copy, so that the wasm holds one `explained`, the
                    // one the engine's explanations use (the second cost 316 bytes gzipped).
                    actual: value.map(|v| crate::doc::explained(&crate::doc::Borrowed::from(v))),
                    result,
                });
            }
            result
        }
    }
}

/// `equal` is how `equals` and `in` compare the value with their literals.
fn test_value(test: &Test, value: Option<&Value>, env: &Env<'_>, equal: fn(&Value, &Value) -> bool) -> bool {
    match test {
        Test::Present(want) => present(value) == *want,
        Test::Equals(v) => value.is_some_and(|x| equal(x, v)),
        Test::In(vs) => value.is_some_and(|x| vs.iter().any(|v| equal(x, v))),
        Test::Contains(v) => match value {
            Some(Value::Array(items)) => items.iter().any(|x| same(x, v)),
            Some(Value::String(s)) => v.as_str().is_some_and(|needle| fold(s).contains(&fold(needle))),
            _ => false,
        },
        Test::Organisation(code) => {
            let names: Vec<&str> = match value {
                // A joint lead written as one text, "SM, TEM", as the built-in rules read it.
                Some(Value::String(s)) => env.registry.listed(s).unwrap_or_else(|| vec![s.as_str()]),
                Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            let want = fold(code);
            names.iter().any(|n| match env.registry.resolve(n) {
                Resolution::Code(o) | Resolution::Alias(o) => fold(&o.code) == want,
                Resolution::Unknown => false,
            })
        }
        Test::Length { min, max } => {
            let n = match value {
                Some(Value::String(s)) => s.chars().count(),
                Some(Value::Array(a)) => a.len(),
                Some(Value::Object(o)) => o.len(),
                _ => 0,
            } as u64;
            min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m)
        }
        Test::Before(r) | Test::After(r) => {
            let Some(d) = value
                .and_then(Value::as_str)
                .and_then(|s| PartialDate::parse_iso(s).ok())
            else {
                return false;
            };
            let (first, last) = match r {
                DateRef::AsOf => match env.as_of {
                    Some(day) => (day, day),
                    None => return false,
                },
                DateRef::Date(p) => (p.first_day(), p.last_day()),
            };
            if matches!(test, Test::Before(_)) {
                d.last_day() < first
            } else {
                d.first_day() > last
            }
        }
        Test::Every(_) | Test::Some(_) => false,
    }
}

/// Present: there, and not null, blank text, an empty list or an empty object.
fn present(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// `same`, with two texts that read as measure numbers equal when they are the same number.
fn same_id(a: &Value, b: &Value) -> bool {
    let id = |v: &Value| v.as_str().and_then(crate::measure_id::MeasureId::parse);
    match (id(a), id(b)) {
        (Some(x), Some(y)) => x == y,
        _ => same(a, b),
    }
}

/// JSON equality, with numbers compared by value (7 equals 7.0).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

fn test_name(t: &Test) -> &'static str {
    match t {
        Test::Present(_) => "present",
        Test::Equals(_) => "equals",
        Test::In(_) => "in",
        Test::Contains(_) => "contains",
        Test::Organisation(_) => "organisation",
        Test::Length { .. } => "length",
        Test::Before(_) => "before",
        Test::After(_) => "after",
        Test::Every(_) => "every",
        Test::Some(_) => "some",
    }
}

fn expected(t: &Test) -> Value {
    match t {
        Test::Present(b) => Value::Bool(*b),
        Test::Equals(v) | Test::Contains(v) => v.clone(),
        Test::In(vs) => Value::Array(vs.clone()),
        Test::Organisation(c) => Value::String(c.clone()),
        Test::Length { min, max } => {
            let mut m = serde_json::Map::new();
            if let Some(n) = min {
                m.insert("min".into(), Value::from(*n));
            }
            if let Some(n) = max {
                m.insert("max".into(), Value::from(*n));
            }
            Value::Object(m)
        }
        Test::Before(r) | Test::After(r) => Value::String(match r {
            DateRef::AsOf => "asOf".into(),
            DateRef::Date(d) => d.to_string(),
        }),
        Test::Every(_) | Test::Some(_) => Value::Null,
    }
}

/// Organisation codes the condition names, each with its place (`at` is the condition's), so
/// that a rule set's codes are checked against the registry when the set is read.
pub(crate) fn organisations(cond: &Cond, at: &str, out: &mut Vec<(String, String)>) {
    use crate::context::{child, item};
    match cond {
        Cond::All(cs) | Cond::Any(cs) => {
            let list = child(at, if matches!(cond, Cond::All(_)) { "all" } else { "any" });
            for (i, c) in cs.iter().enumerate() {
                organisations(c, &item(&list, i), out);
            }
        }
        Cond::Not(c) => organisations(c, &child(at, "not"), out),
        Cond::Test { test, .. } => match test {
            Test::Organisation(code) => out.push((child(at, "organisation"), code.clone())),
            Test::Every(c) => organisations(c, &child(at, "every"), out),
            Test::Some(c) => organisations(c, &child(at, "some"), out),
            _ => {}
        },
    }
}
