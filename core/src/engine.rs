//! The engine: built once from a rule set, then asked to check measures and programmes.

use std::cmp::Ordering;

use serde_json::Value;

use crate::context::{item, Cx};
use crate::date::Day;
use crate::doc::{Doc, Unescaped};
use crate::finding::{EngineInfo, Finding, Report, RulesetInfo, Severity, Summary};
use crate::lang::Lang;
use crate::limits::{self, Size};
use crate::locate::locate;
use crate::measure_id::canonical_of;
use crate::registry::Registry;
use crate::rules;
use crate::ruleset::{Config, RuleSet, RulesetError};
use crate::schedule_api::{parse_schedule, ScheduleReading};

pub const NAME: &str = "measure-rules";
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Per-call options. `as_of` is the date the status rules judge against; leave it `None` for
/// today (native builds read the clock; in WebAssembly the bindings pass the date in). In
/// JSON: `{"lang": "sv", "asOf": "2019-06-01"}`, both optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct CheckOptions {
    /// Language of the messages: "fi" (default), "sv" or "en"; a language tag ("sv-AX") is
    /// read by its first part. The type takes any string, so that a page's own
    /// `document.documentElement.lang` can be passed; an unknown language is refused when called.
    #[cfg_attr(feature = "wasm", tsify(optional, type = "Lang | (string & {})"))]
    pub lang: Lang,
    /// "YYYY-MM-DD"; today when left out.
    #[serde(deserialize_with = "as_of_date")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "string"))]
    pub as_of: Option<Day>,
    /// Attach to each finding why it was made: the rule, the condition, the values read.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub explain: bool,
}

fn as_of_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(d)?;
    match text {
        None => Ok(None),
        Some(t) => Day::parse_iso(&t)
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("asOf must be a date YYYY-MM-DD, not \"{t}\""))),
    }
}

impl CheckOptions {
    /// Sets one option from its JSON name and text value, as bindings read them from a
    /// caller's object: the same names and checks as the serde form, without a JSON
    /// round trip per call. Unknown names are refused, so a misspelt option is not ignored.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        match name {
            "lang" => {
                self.lang = Lang::from_code(value)
                    .ok_or_else(|| format!("unknown language \"{value}\": use \"fi\", \"sv\" or \"en\""))?;
            }
            "asOf" => {
                self.as_of = Some(
                    Day::parse_iso(value).map_err(|_| format!("asOf must be a date YYYY-MM-DD, not \"{value}\""))?,
                );
            }
            "explain" => {
                self.explain = match value {
                    "true" => true,
                    "false" => false,
                    _ => return Err(format!("explain must be true or false, not \"{value}\"")),
                };
            }
            _ => return Err(unknown_option(name)),
        }
        Ok(())
    }

    /// Why option `name` cannot take a value that is neither text nor true/false, whose kind a
    /// binding names (`"a number"`, `"null"`, `"a Date"`): what the option takes, or that no
    /// option has that name, as `set` would say.
    pub fn wrong_kind(name: &str, kind: &str) -> String {
        match name {
            "lang" => format!("lang must be a language code, \"fi\", \"sv\" or \"en\", not {kind}"),
            "asOf" => format!("asOf must be a day written as text, YYYY-MM-DD, not {kind}"),
            "explain" => format!("explain must be true or false, not {kind}"),
            _ => unknown_option(name),
        }
    }
}

fn unknown_option(name: &str) -> String {
    format!("unknown option \"{name}\": the options are lang, asOf and explain")
}

#[derive(Debug, Clone)]
pub struct Engine {
    pub(crate) config: Config,
    pub(crate) registry: Registry,
    pub(crate) ruleset: RulesetInfo,
    /// The rule sets that made this engine, the base first (empty for the defaults).
    pub(crate) chain: Vec<RulesetInfo>,
    /// Test cases the rule sets carry, with the position in `chain` of their set.
    pub(crate) tests: Vec<(usize, Value)>,
    pub(crate) sources: Vec<Value>,
}

impl Engine {
    /// The engine with the built-in rule set and organisation registry.
    pub fn new() -> Result<Engine, RulesetError> {
        Engine::from_ruleset(RuleSet::default_set())
    }

    /// Builds an engine from rule-set JSON text; a bad rule set is refused with every problem
    /// named by its JSON Pointer.
    pub fn with_ruleset_json(text: &str) -> Result<Engine, RulesetError> {
        Engine::from_ruleset(RuleSet::from_json(text)?)
    }

    pub fn with_ruleset(value: &Value) -> Result<Engine, RulesetError> {
        Engine::from_ruleset(RuleSet::from_value(value)?)
    }

    /// Builds an engine from a chain of rule sets, the base first: each names the one before
    /// it in `extends` (a ministry's set, then an agency's refinement).
    pub fn with_rulesets(values: &[Value]) -> Result<Engine, RulesetError> {
        Engine::from_ruleset(RuleSet::from_chain(values)?)
    }

    /// [`Engine::with_rulesets`] on JSON texts.
    pub fn with_rulesets_json(texts: &[&str]) -> Result<Engine, RulesetError> {
        Engine::from_ruleset(crate::ruleset::chain_from_json(texts)?)
    }

    fn from_ruleset(set: RuleSet) -> Result<Engine, RulesetError> {
        // A chain's registry was built set by set as it was read (`RuleSet::registry`).
        let registry = match set.registry {
            Some(registry) => registry,
            None => crate::ruleset::builtin_registry()?,
        };
        Ok(Engine {
            config: set.config,
            registry,
            ruleset: RulesetInfo {
                id: set.id,
                version: set.version,
            },
            chain: set.chain,
            tests: set.tests,
            sources: set.sources,
        })
    }

    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    pub fn ruleset(&self) -> &RulesetInfo {
        &self.ruleset
    }

    /// The rule sets the engine was built from, the base first (empty for the defaults).
    pub fn rulesets(&self) -> &[RulesetInfo] {
        &self.chain
    }

    /// Each built-in rule's level under the engine's rule sets, in the catalogue's order: its
    /// severity, or `None` where a rule set turned it off. ([`Engine::custom_rules`] gives the
    /// custom rules'.)
    pub fn rule_levels(&self) -> Vec<(&'static str, Option<Severity>)> {
        crate::catalogue::RULES
            .iter()
            .map(|r| (r.id, self.config.state(r)))
            .collect()
    }

    /// The custom rules of the engine's rule sets, with their state and description.
    pub fn custom_rules(&self, lang: Lang) -> Vec<crate::custom::CustomRuleInfo> {
        self.config.custom.iter().map(|r| r.info(lang)).collect()
    }

    /// Checks one measure given as a JSON value.
    pub fn check_measure(&self, measure: &Value, opts: &CheckOptions) -> Report {
        self.check_measure_doc(measure, opts)
    }

    /// [`Engine::check_measure`] on any [`Doc`], such as a [`crate::Borrowed`] read without
    /// making a `Value`: the same report. Custom rules' conditions compute over owned values,
    /// so when there are any, they read a `Value` copy of the measure.
    pub fn check_measure_doc<D: Doc>(&self, measure: &D, opts: &CheckOptions) -> Report {
        self.measure_report(self.cx(opts), measure)
    }

    /// The report on one measure, `cx` holding what was found in its text already.
    fn measure_report<D: Doc>(&self, mut cx: Cx<'_>, measure: &D) -> Report {
        let from_text = cx.findings.len();
        self.measure_rules(&mut cx, measure);
        // They were made before the measure's id was known; in a programme, the shape
        // findings' loop names theirs.
        for f in cx.findings.iter_mut().take(from_text) {
            f.measure.clone_from(&cx.measure);
        }
        if measure.is_object() && self.has_custom() {
            crate::custom::check(&mut cx, &measure.as_value(), "");
        }
        explain_values(&mut cx.findings, measure);
        self.finish(cx, 1)
    }

    fn has_custom(&self) -> bool {
        !self.config.custom.is_empty()
    }

    /// The built-in rules' findings on one measure.
    fn measure_rules<D: Doc>(&self, cx: &mut Cx<'_>, measure: &D) {
        // Before the shape check, so that its findings name the measure too, as they do in a
        // programme.
        cx.measure = canonical_of(measure);
        rules::structure::check_measure_shape(cx, measure);
        if measure.is_object() {
            rules::check_measure(cx, measure, "");
        }
    }

    /// Checks a programme: every measure, then the programme-wide rules.
    pub fn check_programme(&self, programme: &Value, opts: &CheckOptions) -> Report {
        self.check_programme_doc(programme, opts)
    }

    /// [`Engine::check_programme`] on any [`Doc`]; see [`Engine::check_measure_doc`].
    pub fn check_programme_doc<D: Doc>(&self, programme: &D, opts: &CheckOptions) -> Report {
        self.programme_report(self.cx(opts), programme)
    }

    /// The report on a programme, `cx` holding what was found in its text already.
    fn programme_report<D: Doc>(&self, cx: Cx<'_>, programme: &D) -> Report {
        let custom = self.has_custom();
        let (mut cx, measures) = self.programme_cx(cx, programme, |cx, m, base| {
            if custom {
                crate::custom::check(cx, &m.as_value(), base);
            }
        });
        explain_values(&mut cx.findings, programme);
        self.finish(cx, u32::try_from(measures.len()).unwrap_or(u32::MAX))
    }

    /// The built-in rules' findings on a programme, with `custom` run on each measure after
    /// them (as the engine always has, for the order in which a flood meets the cap), and its
    /// measures as far as they are checked.
    fn programme_cx<'e, 'd, D: Doc>(
        &self,
        mut cx: Cx<'e>,
        programme: &'d D,
        mut custom: impl FnMut(&mut Cx<'_>, &D, &str),
    ) -> (Cx<'e>, &'d [D]) {
        let measures = programme.get("measures").and_then(Doc::as_array).unwrap_or(&[]);
        let measures = measures.get(..limits::MAX_MEASURES).unwrap_or(measures);
        rules::structure::check_programme_shape(&mut cx, programme, measures);
        let ids: Vec<Option<String>> = measures.iter().map(canonical_of).collect();
        for ((i, m), id) in measures.iter().enumerate().zip(&ids) {
            if m.is_object() {
                cx.measure = id.clone();
                let base = item("/measures", i);
                rules::check_measure(&mut cx, m, &base);
                custom(&mut cx, m, &base);
            }
        }
        cx.measure = None;
        // Shape findings were made before the ids were known; attach them now.
        for f in &mut cx.findings {
            if f.measure.is_none() {
                if let Some(i) = measure_index(&f.path) {
                    f.measure = ids.get(i).cloned().flatten();
                }
            }
        }
        if programme.is_object() {
            rules::programme::check(&mut cx, programme, measures, &ids);
        }
        (cx, measures)
    }

    /// Checks JSON text holding one measure, with line and column on every finding.
    pub fn check_measure_json(&self, text: &str, opts: &CheckOptions) -> Report {
        self.check_text(text, opts, Kind::Measure, false)
    }

    /// Checks JSON text holding a programme, with line and column on every finding.
    pub fn check_programme_json(&self, text: &str, opts: &CheckOptions) -> Report {
        self.check_text(text, opts, Kind::Programme, false)
    }

    /// Checks JSON text written from a measure held as a value, such as JavaScript's
    /// `JSON.stringify` of an object, as that value: the lines and columns of its text are
    /// nowhere its author saw, so what such text can have (half a surrogate pair, which
    /// `JSON.stringify` writes as `\ud800`, and nesting past the limit) is placed at the value
    /// that has it, in words that name no file or line, and no other finding has a line or
    /// column either. Text no value gives (a syntax error, a size over the limit) is still told
    /// as a file's.
    pub fn check_measure_value_json(&self, text: &str, opts: &CheckOptions) -> Report {
        self.check_text(text, opts, Kind::Measure, true)
    }

    /// [`Engine::check_measure_value_json`] for a programme.
    pub fn check_programme_value_json(&self, text: &str, opts: &CheckOptions) -> Report {
        self.check_text(text, opts, Kind::Programme, true)
    }

    /// Checks JSON text holding either: an object with a `measures` array is a programme.
    pub fn check_document_json(&self, text: &str, opts: &CheckOptions) -> Report {
        self.check_text(text, opts, Kind::Either, false)
    }

    /// [`Engine::check_document_json`] on a file's bytes: bytes that are not UTF-8 are
    /// reported (`input.syntax`, at the first bad byte) rather than replaced.
    pub fn check_document_bytes(&self, bytes: &[u8], opts: &CheckOptions) -> Report {
        let mut cx = self.cx(opts);
        match rules::input::decode(&mut cx, bytes) {
            Some(text) => self.check_text(text, opts, Kind::Either, false),
            None => self.finish(cx, 0),
        }
    }

    /// The report refusing a document of `size` when that is over the size limit
    /// (`input.too-large`), or `None` when it may be read. Bindings ask before taking a
    /// document in, so that a string of a gigabyte or an array a billion items long is refused
    /// without being copied or written out as JSON text.
    pub fn check_size(&self, size: Size, opts: &CheckOptions) -> Option<Report> {
        self.size_report(size, opts, false)
    }

    /// [`Engine::check_size`] for a value (a JavaScript object) whose JSON text is of `size`:
    /// its finding names the document's JSON text, not a file, and has no line and column.
    pub fn check_value_size(&self, size: Size, opts: &CheckOptions) -> Option<Report> {
        self.size_report(size, opts, true)
    }

    fn size_report(&self, size: Size, opts: &CheckOptions, from_value: bool) -> Option<Report> {
        let mut cx = self.cx(opts);
        cx.from_value = from_value;
        if rules::input::within_size(&mut cx, size) {
            return None;
        }
        Some(self.finish(cx, 0))
    }

    /// [`Engine::check_size`] for a file of `size` bytes, as the file system gives it: the
    /// report its bytes would get when that is over the size limit, or `None` when it may be
    /// read. For programs that read files, so that a file of gigabytes is not read in.
    pub fn check_file_size(&self, size: u64, opts: &CheckOptions) -> Option<Report> {
        let mut cx = self.cx(opts);
        if rules::input::file_within_size(&mut cx, size) {
            return None;
        }
        Some(self.finish(cx, 0))
    }

    /// Reads schedule text as the parser does for `schedule.text`, with a localised reading.
    pub fn parse_schedule(&self, text: &str, lang: Lang) -> ScheduleReading {
        parse_schedule(text, lang)
    }

    fn check_text(&self, text: &str, opts: &CheckOptions, kind: Kind, from_value: bool) -> Report {
        let mut cx = self.cx(opts);
        cx.from_value = from_value;
        let unescaped = Unescaped::new();
        let (doc, read) = match rules::input::parse(&mut cx, text, &unescaped) {
            Some(d) => d,
            None => return self.finish(cx, 0),
        };
        let is_programme = match kind {
            Kind::Measure => false,
            Kind::Programme => true,
            Kind::Either => doc.get("measures").is_some(),
        };
        // The same context: what reading the text found (a key written twice) is in the report.
        let mut report = if is_programme {
            self.programme_report(cx, &doc)
        } else {
            self.measure_report(cx, &doc)
        };
        if from_value {
            return report;
        }
        // Findings about the text itself were placed when they were made: a repeated key's
        // pointer is also its kept occurrence's.
        let pointers: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| f.line.is_none())
            .map(|f| f.path.as_str())
            .collect();
        // In the text as read: a key with half a surrogate pair is found as it was read.
        let places = locate(read, &pointers);
        for (f, place) in report.findings.iter_mut().filter(|f| f.line.is_none()).zip(places) {
            if let Some((line, column)) = place {
                f.line = Some(line);
                f.column = Some(column);
            }
        }
        report
    }

    fn cx(&self, opts: &CheckOptions) -> Cx<'_> {
        let mut cx = Cx::new(self, opts.lang, opts.as_of.or_else(today));
        cx.explain = opts.explain;
        cx
    }

    fn finish(&self, mut cx: Cx<'_>, measures: u32) -> Report {
        let [errors, warnings, infos] = cx.unlisted;
        let unlisted = u64::from(errors) + u64::from(warnings) + u64::from(infos);
        if unlisted > 0 {
            // Listed however many of its severity are: it is about the report, not the document.
            cx.listed_by_severity = [0; 3];
            cx.report(&rules::input::TOO_MANY_FINDINGS, "")
                .param("count", unlisted.to_string())
                .param("limit", limits::MAX_FINDINGS_PER_SEVERITY.to_string())
                .emit();
        }
        let mut findings = cx.findings;
        findings.sort_by(compare_findings);
        let mut summary = Summary {
            error: errors,
            warning: warnings,
            info: infos,
        };
        for f in &findings {
            let slot = match f.severity {
                Severity::Error => &mut summary.error,
                Severity::Warning => &mut summary.warning,
                Severity::Info => &mut summary.info,
            };
            *slot = slot.saturating_add(1);
        }
        Report {
            engine: EngineInfo {
                name: NAME.to_string(),
                version: VERSION.to_string(),
            },
            ruleset: self.ruleset.clone(),
            rulesets: self.chain.clone(),
            registry: self.registry.version().to_string(),
            lang: cx.lang,
            as_of: cx.as_of.map(|d| d.to_string()),
            measures,
            summary,
            findings,
        }
    }
}

/// A built-in rule's explanation names the value at the finding's place; the rules read
/// the document, the context does not hold it, so the engine adds it here. A finding about
/// the text itself, placed when it was made, names none: a repeated key's pointer leads to
/// the value kept, not to the one the finding is about.
fn explain_values<D: Doc>(findings: &mut [Finding], root: &D) {
    // A finding about the text (`input.*`) names no value, also where a value's text has no
    // lines to mark it.
    for f in findings
        .iter_mut()
        .filter(|f| f.line.is_none() && !f.rule.starts_with("input."))
    {
        if let Some(e) = f
            .explain
            .as_mut()
            .filter(|e| e.values.is_empty() && e.when.is_empty() && e.require.is_empty())
        {
            e.values.insert(
                f.path.clone(),
                crate::text::pointer(root, &f.path).map_or(Value::Null, crate::doc::explained),
            );
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Measure,
    Programme,
    Either,
}

fn measure_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("/measures/")?;
    rest.split('/').next()?.parse().ok()
}

/// Document order: pointers compared token by token, array indices as numbers; then rule
/// id and message, so equal inputs always give byte-identical reports.
fn compare_findings(a: &Finding, b: &Finding) -> Ordering {
    compare_pointers(&a.path, &b.path)
        .then_with(|| a.rule.cmp(&b.rule))
        .then_with(|| a.message.cmp(&b.message))
}

fn compare_pointers(a: &str, b: &str) -> Ordering {
    // The tokens before the first byte where the two differ are the same: compared from the
    // token that byte is in. Sorting a report compares many pointers with a long prefix in
    // common (`/measures/12/steps/3/…`), and splitting and parsing each of those tokens again
    // was most of a comparison.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let same = x
        .iter()
        .zip(y)
        .position(|(p, q)| p != q)
        .unwrap_or(x.len().min(y.len()));
    let from = x
        .get(..same)
        .and_then(|p| p.iter().rposition(|&c| c == b'/'))
        .map_or(0, |slash| slash + 1);
    compare_tokens(a.get(from..).unwrap_or(a), b.get(from..).unwrap_or(b))
}

/// Pointers (or their ends, from a token's start) compared token by token, array indices (and
/// anything else `u64` parses) as numbers.
fn compare_tokens(a: &str, b: &str) -> Ordering {
    let mut ia = a.split('/');
    let mut ib = b.split('/');
    loop {
        match (ia.next(), ib.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let ord = match (x.parse::<u64>(), y.parse::<u64>()) {
                    (Ok(n), Ok(m)) => n.cmp(&m),
                    _ => x.cmp(y),
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn today() -> Option<Day> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    day_from_unix(i64::try_from(secs / 86_400).ok()?)
}

/// Civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn day_from_unix(days: i64) -> Option<Day> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some(Day {
        year: u16::try_from(year).ok()?,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
    })
}

/// There is no clock in bare WebAssembly: the bindings pass `as_of` from the host.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn today() -> Option<Day> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_set_by_name_and_misuse_is_refused() -> Result<(), String> {
        let mut o = CheckOptions::default();
        o.set("lang", "sv")?;
        o.set("asOf", "2019-06-01")?;
        let serde_form: CheckOptions =
            serde_json::from_str(r#"{"lang": "sv", "asOf": "2019-06-01"}"#).map_err(|e| e.to_string())?;
        assert_eq!(o, serde_form);
        assert!(o
            .set("language", "sv")
            .is_err_and(|e| e.contains("lang, asOf and explain")));
        o.set("explain", "true")?;
        assert!(o.explain);
        assert!(o.set("lang", "de").is_err_and(|e| e.contains("\"de\"")));
        assert!(o.set("asOf", "2019-02-30").is_err());
        Ok(())
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_told_what_its_option_takes() {
        assert_eq!(
            CheckOptions::wrong_kind("lang", "null"),
            "lang must be a language code, \"fi\", \"sv\" or \"en\", not null"
        );
        assert!(CheckOptions::wrong_kind("asOf", "a Date").ends_with("YYYY-MM-DD, not a Date"));
        assert!(CheckOptions::wrong_kind("explain", "a number").starts_with("explain must be true or false"));
        // A name no option has is that mistake first, whatever its value.
        let mut o = CheckOptions::default();
        assert_eq!(
            Err(CheckOptions::wrong_kind("language", "a number")),
            o.set("language", "sv")
        );
    }

    #[test]
    fn pointers_sort_in_document_order() {
        let mut v = vec![
            "/measures/10/id",
            "/measures/2/partners/1",
            "",
            "/measures/2",
            "/measures/2/partners/0",
        ];
        v.sort_by(|a, b| compare_pointers(a, b));
        assert_eq!(
            v,
            [
                "",
                "/measures/2",
                "/measures/2/partners/0",
                "/measures/2/partners/1",
                "/measures/10/id"
            ]
        );
    }

    #[test]
    fn pointers_compare_as_token_by_token_from_the_start() {
        // Skipping the common prefix gives what comparing every token from the start gives,
        // with the tokens that `u64` parses ("+1", "01") as numbers.
        let tokens = ["", "0", "1", "01", "+1", "2", "10", "a", "a0", "ä", "-", "~1"];
        let mut pointers = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = pointers
                .iter()
                .flat_map(|p| tokens.iter().map(move |t| format!("{p}/{t}")))
                .collect();
            pointers.extend(longer);
        }
        assert!(pointers.len() > 1_800);
        for a in &pointers {
            for b in &pointers {
                assert_eq!(compare_pointers(a, b), compare_tokens(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn unix_days_convert_to_dates() {
        assert_eq!(
            day_from_unix(0),
            Some(Day {
                year: 1970,
                month: 1,
                day: 1
            })
        );
        assert_eq!(
            day_from_unix(17_532),
            Some(Day {
                year: 2018,
                month: 1,
                day: 1
            })
        );
        assert_eq!(
            day_from_unix(18_321),
            Some(Day {
                year: 2020,
                month: 2,
                day: 29
            })
        );
    }

    #[test]
    fn measure_index_reads_the_position() {
        assert_eq!(measure_index("/measures/12/partners/0"), Some(12));
        assert_eq!(measure_index("/title"), None);
    }

    #[test]
    fn every_finding_names_its_measure_alone_or_in_a_programme() -> Result<(), String> {
        let engine = Engine::new().map_err(|e| e.to_string())?;
        let opts = CheckOptions::default();
        // The shape check's findings (a wrong type, an unknown field) come first.
        let measure = serde_json::json!({ "id": "2.6. a)", "theme": "2", "leadbody": "SM" });
        let alone = engine.check_measure(&measure, &opts);
        let whole = engine.check_programme(&serde_json::json!({ "measures": [measure] }), &opts);
        for report in [&alone, &whole] {
            assert!(report.findings.iter().any(|f| f.rule == "schema.type"));
            assert!(report.findings.iter().any(|f| f.rule == "schema.unknown-field"));
            for f in &report.findings {
                assert_eq!(f.measure.as_deref(), Some("2.6a"), "{}", f.rule);
            }
        }
        // Without a readable id, no finding names one.
        let unnamed = engine.check_measure(&serde_json::json!({ "theme": "2" }), &opts);
        assert!(unnamed.findings.iter().all(|f| f.measure.is_none()));
        Ok(())
    }
}
