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

    /// Whether a finding of `rule` made now would be listed, without counting it.
    fn would_list(&self, rule: &RuleMeta) -> bool {
        self.engine.config.state(rule).is_some_and(|severity| {
            self.listed_by_severity
                .get(severity_index(severity))
                .is_some_and(|n| *n < MAX_FINDINGS_PER_SEVERITY)
        })
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

    pub fn report<'c>(&'c mut self, rule: &'static RuleMeta, path: impl Into<String>) -> Pending<'c, 'e> {
        Pending {
            cx: self,
            rule,
            path: path.into(),
            variant: None,
            params: BTreeMap::new(),
            fix: None,
            place: None,
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

/// A finding being built; nothing is recorded until [`Pending::emit`].
pub(crate) struct Pending<'c, 'e> {
    cx: &'c mut Cx<'e>,
    rule: &'static RuleMeta,
    path: String,
    variant: Option<&'static str>,
    params: BTreeMap<String, String>,
    fix: Option<Fix>,
    place: Option<(u32, u32)>,
}

impl Pending<'_, '_> {
    /// Picks the message variant ("missing", "suggest", …) of the rule's message.
    pub fn variant(mut self, v: &'static str) -> Self {
        self.variant = Some(v);
        self
    }

    pub fn param(mut self, name: &str, value: impl Into<String>) -> Self {
        self.params.insert(name.to_string(), value.into());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// Line and column, for findings about the text itself (a syntax error has no pointer).
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.place = Some((line, column));
        self
    }

    /// Whether this finding will be listed when emitted: work that only feeds its message (a
    /// "did you mean" over every known name) can be skipped when the report is already full.
    pub fn listed(&self) -> bool {
        self.cx.would_list(self.rule)
    }

    pub fn emit(self) {
        let Some(severity) = self.cx.engine.config.state(self.rule) else {
            return;
        };
        if !self.cx.listed(severity) {
            return;
        }
        let lang = self.cx.lang;
        let message = match self.variant {
            Some(v) => messages::with_key(&[self.rule.id, "/", v], |key| messages::render(lang, key, &self.params)),
            None => messages::render(lang, self.rule.id, &self.params),
        };
        let help = messages::with_key(&["help/", self.rule.id], |key| messages::lookup(lang, key))
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
        self.cx.findings.push(Finding {
            rule: self.rule.id.to_string(),
            severity,
            path: self.path,
            message,
            help,
            params: self.params,
            fix: self.fix,
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
