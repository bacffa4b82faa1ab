//! The state of one check: the resolved configuration, the language, the date, and the
//! findings collected so far. Rules talk to it through [`Cx::report`].

use std::collections::BTreeMap;

use crate::catalogue::RuleMeta;
use crate::date::Day;
use crate::engine::Engine;
use crate::finding::{Finding, Fix, Severity};
use crate::lang::Lang;
use crate::limits::MAX_FINDINGS_PER_SEVERITY;
use crate::messages;
use crate::schedule::{self, ParsedSchedule, ScheduleError};

pub(crate) struct Cx<'e> {
    pub engine: &'e Engine,
    pub lang: Lang,
    pub as_of: Option<Day>,
    pub findings: Vec<Finding>,
    /// Canonical id of the measure being checked, attached to its findings.
    pub measure: Option<String>,
    /// Whether findings carry an explanation.
    pub explain: bool,
    /// Whether the text checked was written from a value (JavaScript's `JSON.stringify` of
    /// an object): its lines and columns are no place anyone saw.
    pub from_value: bool,
    /// Schedule texts read during this check, by the address and length of the text in the
    /// document (borrowed for the whole check, so an address names one text): the schedule
    /// and status rules both need a schedule's reading, and parsing is a tenth of a check.
    schedules: Vec<((usize, usize), Result<ParsedSchedule, ScheduleError>)>,
    /// Findings listed and findings past `MAX_FINDINGS_PER_SEVERITY`, counted but not listed,
    /// by severity (error, warning, info).
    pub listed_by_severity: [u32; 3],
    pub unlisted: [u32; 3],
}

impl<'e> Cx<'e> {
    pub fn new(engine: &'e Engine, lang: Lang, as_of: Option<Day>) -> Self {
        Cx {
            engine,
            lang,
            as_of,
            findings: Vec::new(),
            measure: None,
            explain: false,
            from_value: false,
            schedules: Vec::new(),
            listed_by_severity: [0; 3],
            unlisted: [0; 3],
        }
    }

    /// Whether one more finding of `severity` is listed; if not, it is counted as unlisted.
    /// Asked before a finding is built, so that a flood of them costs no messages.
    pub fn listed(&mut self, severity: Severity) -> bool {
        let i = severity_index(severity);
        let (Some(listed), Some(unlisted)) = (self.listed_by_severity.get_mut(i), self.unlisted.get_mut(i)) else {
            return false;
        };
        if *listed < MAX_FINDINGS_PER_SEVERITY {
            *listed += 1;
            return true;
        }
        *unlisted = unlisted.saturating_add(1);
        false
    }

    /// Whether one more finding of `severity` would be listed, without counting it.
    fn has_room(&self, severity: Severity) -> bool {
        self.listed_by_severity
            .get(severity_index(severity))
            .is_some_and(|n| *n < MAX_FINDINGS_PER_SEVERITY)
    }

    /// [`schedule::parse`] of a text of the document being checked, read once per check.
    pub fn schedule(&mut self, text: &str) -> Result<ParsedSchedule, ScheduleError> {
        let key = (text.as_ptr() as usize, text.len());
        if let Some((_, parsed)) = self.schedules.iter().find(|(k, _)| *k == key) {
            return parsed.clone();
        }
        let parsed = schedule::parse(text);
        // A programme has hundreds of schedules, each read by the rules of its own measure;
        // the list is kept short so a lookup stays a few comparisons.
        if self.schedules.len() >= 16 {
            self.schedules.clear();
        }
        self.schedules.push((key, parsed.clone()));
        parsed
    }

    /// Whether the rule set leaves this rule on; rules ask before doing costly work.
    pub fn on(&self, rule: &RuleMeta) -> bool {
        self.engine.config.state(rule).is_some()
    }

    /// Starts a finding of `rule` at `path` (a pointer, or a closure that writes one). Whether
    /// it will be listed is known here, so a finding that will not be (its rule off, or its
    /// severity past `MAX_FINDINGS_PER_SEVERITY`) writes neither its pointer (which its fix
    /// shares) nor its parameters. A flood of findings past the limit costs little more than
    /// their count.
    pub fn report<'c>(&'c mut self, rule: &'static RuleMeta, path: impl PathArg) -> Pending<'c, 'e> {
        let mut pending = self.pending(rule);
        if pending.listed {
            pending.path = path.into_path();
        }
        pending
    }

    /// The part of [`Cx::report`] that is not generic, once in the wasm instead of at each of
    /// the rules' calls.
    #[inline(never)]
    fn pending<'c>(&'c mut self, rule: &'static RuleMeta) -> Pending<'c, 'e> {
        let severity = self.engine.config.state(rule);
        let listed = severity.is_some_and(|s| self.has_room(s));
        Pending {
            cx: self,
            rule,
            severity,
            listed,
            path: String::new(),
            variant: None,
            params: BTreeMap::new(),
            fix: None,
            place: None,
            worded: None,
        }
    }

    /// A bare phrase from the message catalogue (type names, language names, readings).
    pub fn phrase(&self, key: &str) -> String {
        messages::render(self.lang, key, &BTreeMap::new())
    }
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// Where a finding is: a pointer known already (`""`, the document itself), or a closure that
/// writes one when the finding is listed (rules build pointers only for what they report).
pub(crate) trait PathArg {
    fn into_path(self) -> String;
}

impl PathArg for &str {
    fn into_path(self) -> String {
        self.to_string()
    }
}

impl<F: FnOnce() -> String> PathArg for F {
    fn into_path(self) -> String {
        self()
    }
}

/// What a fix does at the finding's own place: the JSON Patch operation without its path, so
/// that the two cannot differ and the pointer is written once.
pub(crate) enum Change {
    Replace(serde_json::Value),
    Add(serde_json::Value),
    Remove,
}

/// A finding being built; nothing is recorded until [`Pending::emit`].
pub(crate) struct Pending<'c, 'e> {
    cx: &'c mut Cx<'e>,
    rule: &'static RuleMeta,
    /// `None` when the rule is off.
    severity: Option<Severity>,
    /// Whether the finding will be listed; if not, it is only counted, and its pointer and
    /// parameters are not written.
    listed: bool,
    path: String,
    variant: Option<&'static str>,
    params: BTreeMap<String, String>,
    fix: Option<Change>,
    place: Option<(u32, u32)>,
    /// Message and help keys of their own instead of the variant's and the rule's.
    worded: Option<(&'static str, &'static str)>,
}

impl Pending<'_, '_> {
    /// Picks the message variant ("missing", "suggest", …) of the rule's message.
    pub fn variant(mut self, v: &'static str) -> Self {
        self.variant = Some(v);
        self
    }

    pub fn param(mut self, name: &str, value: impl Into<String>) -> Self {
        if self.listed {
            self.params.insert(name.to_string(), value.into());
        }
        self
    }

    /// A suggested change at the finding's place.
    pub fn fix(mut self, change: Change) -> Self {
        self.fix = Some(change);
        self
    }

    /// The keys of a message and a help of their own, when the variant's message and the rule's
    /// help do not fit this finding; the variant still names its condition.
    pub fn worded(mut self, message: &'static str, help: &'static str) -> Self {
        self.worded = Some((message, help));
        self
    }

    /// Line and column, for findings about the text itself (most syntax errors have no pointer).
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.place = Some((line, column));
        self
    }

    /// Whether this finding will be listed when emitted: work that only feeds its message (a
    /// "did you mean" over every known name) can be skipped when the report is already full.
    pub fn listed(&self) -> bool {
        self.listed
    }

    pub fn emit(self) {
        let Some(severity) = self.severity else {
            return;
        };
        // Counted either way. Nothing can be emitted between `report` and here (this holds the
        // context), so a finding listed there is still within the limit.
        if !self.cx.listed(severity) {
            return;
        }
        let lang = self.cx.lang;
        let message = match (self.worded, self.variant) {
            (Some((key, _)), _) => messages::render(lang, key, &self.params),
            (None, Some(v)) => {
                messages::with_key(&[self.rule.id, "/", v], |key| messages::render(lang, key, &self.params))
            }
            (None, None) => messages::render(lang, self.rule.id, &self.params),
        };
        let help = match self.worded {
            Some((_, key)) => messages::lookup(lang, key),
            None => messages::with_key(&["help/", self.rule.id], |key| messages::lookup(lang, key)),
        }
        .map(|h| messages::fill(h, &self.params));
        let measure = self.cx.measure.clone();
        // The values looked at are filled in by the engine, which holds the document.
        let explain = self.cx.explain.then(|| {
            Box::new(crate::custom::Explanation {
                rule: self.rule.summary.to_string(),
                condition: self.variant.map(str::to_string),
                values: BTreeMap::new(),
                when: Vec::new(),
                require: Vec::new(),
            })
        });
        let fix = self.fix.map(|change| {
            let path = self.path.clone();
            match change {
                Change::Replace(value) => Fix::Replace { path, value },
                Change::Add(value) => Fix::Add { path, value },
                Change::Remove => Fix::Remove { path },
            }
        });
        self.cx.findings.push(Finding {
            rule: self.rule.id.to_string(),
            severity,
            path: self.path,
            message,
            help,
            params: self.params,
            fix,
            measure,
            line: self.place.map(|p| p.0),
            column: self.place.map(|p| p.1),
            explain,
        });
    }
}

/// Joins a base pointer and one unescaped token.
pub(crate) fn child(base: &str, token: &str) -> String {
    let tok = crate::text::escape_pointer_token(token);
    let mut s = String::with_capacity(base.len() + 1 + tok.len());
    s.push_str(base);
    s.push('/');
    s.push_str(&tok);
    s
}

pub(crate) fn item(base: &str, index: usize) -> String {
    let mut s = String::with_capacity(base.len() + 4);
    s.push_str(base);
    s.push('/');
    crate::text::push_index(&mut s, index);
    s
}

#[cfg(test)]
mod tests {
    use crate::finding::{Fix, Severity};
    use crate::limits::MAX_FINDINGS_PER_SEVERITY as MAX;
    use crate::{CheckOptions, Engine, Lang};

    type Res = Result<(), Box<dyn std::error::Error>>;

    /// Findings past the limit build nothing, so what they are counted as must still come out
    /// right: every one counted once, in its own severity, the listed ones whole.
    #[test]
    fn findings_past_the_limit_are_counted_not_built() -> Res {
        let opts = CheckOptions {
            lang: Lang::En,
            ..CheckOptions::default()
        };
        let engine = Engine::new()?;
        let base = serde_json::json!({"id": "1.1", "title": {"fi": "Otsikko"}, "leadBody": "POHA", "partners": ["PO"], "schedule": {"start": "2018"}, "status": "ongoing"});
        let before = engine.check_measure(&base, &opts).summary;
        let extra = 7;
        let mut flooded = base.clone();
        // A partner written by an alias of the ministry, over and over: an alias finding with a
        // fix, and a repeat, for each.
        let aliases = vec!["IM"; usize::try_from(MAX)? + extra];
        if let Some(partners) = flooded.get_mut("partners").and_then(|p| p.as_array_mut()) {
            partners.extend(aliases.iter().map(|a| serde_json::json!(a)));
        }
        let report = engine.check_measure(&flooded, &opts);
        let total = |s: crate::Summary| u64::from(s.error) + u64::from(s.warning) + u64::from(s.info);
        let listed = |severity: Severity| report.findings.iter().filter(|f| f.severity == severity).count();
        let too_many: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.rule == "input.too-many-findings")
            .collect();
        assert_eq!(too_many.len(), 1, "{:?}", report.summary);
        // Each alias is an info, each after the first a repeat (a warning), and the report's
        // own finding about the limit is a warning too.
        let n = u32::try_from(aliases.len())?;
        assert_eq!(report.summary.info - before.info, n);
        assert_eq!(report.summary.warning - before.warning, n - 1 + 1);
        // And the list is longer than the schema allows.
        assert_eq!(report.summary.error - before.error, 1);
        let unlisted = total(report.summary) - report.findings.len() as u64;
        assert_eq!(
            too_many.first().and_then(|f| f.params.get("count")),
            Some(&unlisted.to_string())
        );
        for severity in [Severity::Error, Severity::Warning, Severity::Info] {
            assert!(listed(severity) <= usize::try_from(MAX)? + 1, "{severity:?}");
        }
        assert_eq!(listed(Severity::Info), usize::try_from(MAX)?);
        for f in report.findings.iter().filter(|f| f.rule == "organisation.alias") {
            assert!(f.path.starts_with("/partners/") && !f.message.is_empty(), "{f:?}");
            assert!(
                matches!(&f.fix, Some(Fix::Replace { path, .. }) if *path == f.path),
                "{f:?}"
            );
        }
        Ok(())
    }
}
