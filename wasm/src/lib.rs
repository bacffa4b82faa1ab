//! WebAssembly bindings of measure-rules: a small `Engine` class and a few functions. No
//! rule logic lives here; every type that crosses the boundary is the core's own, and its
//! TypeScript declaration is generated from it (tsify).

use measure_rules::{Borrowed, CheckOptions, Day, Lang, PartialDate, Report, Size};
use serde::Serialize;
use wasm_bindgen::prelude::*;

mod tape;
#[cfg(any(test, feature = "object-walk"))]
mod walk;

#[cfg(any(test, target_arch = "wasm32"))]
#[expect(
    unsafe_code,
    reason = "a global allocator is unsafe to implement; small.rs says why each use is sound"
)]
mod small;
/// Small blocks on free lists (small.rs) in front of TLSF (rlsf), which replaced the standard
/// library's dlmalloc: 2.6 KB less of the browser's gzipped wasm, as fast (BENCHMARKS.md,
/// "Package size").
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: small::SmallBlocks<rlsf::GlobalTlsf> = small::SmallBlocks::new(rlsf::GlobalTlsf::new());

#[wasm_bindgen(module = "/src/tape.mjs")]
extern "C" {
    #[wasm_bindgen(js_name = knownKeys)]
    fn known_keys() -> u32;
    fn build(ops: &[u32], numbers: &[f64], text: &str) -> JsValue;
}

#[wasm_bindgen(module = "/src/size.mjs")]
extern "C" {
    #[wasm_bindgen(js_name = leastJson, catch)]
    fn least_json(value: &JsValue, max: u32) -> Result<u32, JsValue>;
    #[wasm_bindgen(js_name = jsonText, catch)]
    fn json_text(value: &JsValue) -> Result<js_sys::JsString, JsValue>;
    #[wasm_bindgen(js_name = bytesLength)]
    fn bytes_length(bytes: &js_sys::Uint8Array) -> u32;
}

#[wasm_bindgen(module = "/src/options.mjs")]
extern "C" {
    #[wasm_bindgen(js_name = optionsCode)]
    fn options_code(options: &JsValue) -> i32;
    /// What a value that is not text is ("a number", "a Date"), for an Error that says what
    /// was given instead.
    fn kind(value: &JsValue) -> String;
}

#[cfg(feature = "object-walk")]
#[wasm_bindgen(module = "/src/walk.mjs")]
extern "C" {
    #[wasm_bindgen(js_name = readDocument, catch)]
    fn read_document(value: &JsValue, limit: u32) -> Result<i32, JsValue>;
    #[wasm_bindgen(js_name = documentNumbers)]
    fn document_numbers() -> u32;
    #[wasm_bindgen(js_name = takeDocument)]
    fn take_document(ops: &mut [u32], numbers: &mut [f64]) -> String;
}

/// A plain object walked in JS into a tape (`walk.mjs`), or `None` for the JSON text path,
/// which also takes a value whose JSON text might be over `limit` bytes, to be measured.
#[cfg(feature = "object-walk")]
fn plain(doc: &JsValue, limit: usize) -> Result<Option<Walked>, JsError> {
    let Ok(ops) = usize::try_from(read_document(doc, u32::try_from(limit).unwrap_or(u32::MAX)).map_err(unreadable)?)
    else {
        return Ok(None);
    };
    // An op is a value, a key or the end of a container: a few bytes of text each.
    room(ops.saturating_mul(8));
    let mut op_buf = vec![0; ops];
    let mut numbers = vec![0.0; usize::try_from(document_numbers()).unwrap_or(0)];
    let text = take_document(&mut op_buf, &mut numbers);
    Ok(Some(Walked {
        ops: op_buf,
        numbers,
        text,
    }))
}

/// The tape of a walked document, read where it is checked: the document read from it borrows
/// its strings from `text`.
#[cfg(feature = "object-walk")]
struct Walked {
    ops: Vec<u32>,
    numbers: Vec<f64>,
    text: String,
}

#[cfg(feature = "object-walk")]
impl Walked {
    /// `None` when the tape is not one `walk.mjs` writes: the JSON text path reads the value.
    fn read(&self) -> Option<measure_rules::Borrowed<'_>> {
        walk::read(&self.ops, &self.numbers, &self.text)
    }
}

/// Plain objects, not `Map`s, so reports read like the JSON they are: built in JS from one
/// tape (see `tape.rs`).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    built(tape::write(value, usize::try_from(known_keys()).unwrap_or(0)))
}

/// Not generic, so that `to_js` of each report type is only its call to `tape::write`.
fn built(tape: Result<tape::Tape, tape::Error>) -> Result<JsValue, JsError> {
    let tape = tape.map_err(|e| JsError::new(&e.to_string()))?;
    Ok(build(&tape.ops, &tape.numbers, &tape.text))
}

/// A document from JS: text is checked as text (with line and column); anything else is read
/// as the JSON text `JSON.stringify` makes of it, so the engine reads it exactly as the native
/// engine reads the same JSON (integers stay integers, `undefined` fields are absent) and holds
/// it to the same limits: a value whose text is over `limit` bytes (the text's own limit,
/// `MAX_DOCUMENT_BYTES` or `MAX_RULESET_BYTES`) is refused by that text's size, as a value's (no
/// line and column). In the Node build a plain value is walked in JS instead of being written as
/// text and parsed (`plain`), with the same result; the rest takes the text.
///
/// What is certainly over `limit` is not taken in at all (`Input::TooLarge`): a string or a
/// value whose text's least possible length is over it (`size.mjs`) is judged by that bound,
/// so that a gigabyte is neither copied into the wasm's memory (which never shrinks) nor
/// written out by JSON.stringify.
enum Input {
    Text(String),
    /// A value's JSON text, to be read as the value (no line and column on its findings).
    Json(String),
    #[cfg(feature = "object-walk")]
    Walked(Walked),
    TooLarge(Size),
}

fn input(doc: &JsValue, limit: usize) -> Result<Input, JsError> {
    if let Some(text) = doc.dyn_ref::<js_sys::JsString>() {
        return Ok(text_of(text, limit));
    }
    if doc.is_undefined() {
        return Ok(Input::Json(String::from("null")));
    }
    #[cfg(feature = "object-walk")]
    if let Some(walked) = plain(doc, limit)? {
        return Ok(Input::Walked(walked));
    }
    json_input(doc, limit)
}

/// What the engine keeps (a rule set), from JS: its text, or the `Value` it stands for.
enum Kept {
    Text(String),
    Value(serde_json::Value),
    TooLarge(Size),
}

/// `input` for what is kept.
fn owned_input(doc: &JsValue, limit: usize) -> Result<Kept, JsError> {
    match input(doc, limit)? {
        #[cfg(feature = "object-walk")]
        Input::Walked(w) => match w.read() {
            Some(d) => Ok(Kept::Value(measure_rules::Doc::to_value(&d))),
            None => kept(json_input(doc, limit)?),
        },
        other => kept(other),
    }
}

fn kept(input: Input) -> Result<Kept, JsError> {
    Ok(match input {
        Input::Text(text) => Kept::Text(text),
        // See `check_json`.
        Input::Json(text) => measure_rules::value_from_json(&text).map_or(Kept::Text(text), Kept::Value),
        Input::TooLarge(size) => Kept::TooLarge(size),
        #[cfg(feature = "object-walk")]
        Input::Walked(_) => return Err(JsError::new(WALKED)),
    })
}

/// A value that is neither text nor walked, read as its JSON text.
fn json_input(doc: &JsValue, limit: usize) -> Result<Input, JsError> {
    let least = least_json(doc, u32::try_from(limit).unwrap_or(u32::MAX)).map_err(unreadable)?;
    if least > 0 {
        return Ok(Input::TooLarge(Size::AtLeast(
            usize::try_from(least).unwrap_or(usize::MAX),
        )));
    }
    // JSON.stringify, except that a value too deep for its recursion still gives the depth
    // finding rather than an Error (size.mjs).
    let text = json_text(doc).map_err(unreadable)?;
    if !text.is_string() {
        return Err(JsError::new(
            "the document cannot be turned into JSON: JSON.stringify gives nothing for it",
        ));
    }
    let text = match text_of(&text, limit) {
        Input::Text(text) => text,
        other => return Ok(other),
    };
    // Refused by its exact size, as the value it was written from (no line and column).
    if text.len() > limit {
        return Ok(Input::TooLarge(Size::Exactly(text.len())));
    }
    Ok(Input::Json(text))
}

/// A string as text, unless its length alone puts it over `limit` bytes: each UTF-16 unit is
/// at least one byte of UTF-8, so it is refused without being copied.
fn text_of(text: &js_sys::JsString, limit: usize) -> Input {
    let units = usize::try_from(text.length()).unwrap_or(usize::MAX);
    if units > limit {
        return Input::TooLarge(Size::AtLeast(units));
    }
    room(units);
    Input::Text(String::from(text))
}

/// Grows the wasm's memory once, before a large input is read, by about what reading and
/// checking it takes, instead of 64 KiB at a time as the allocator fills up: V8 collects
/// garbage on every growth, and with a large JS heap that was over 200 full collections and
/// 7 s of the first check of a 200,000-step measure. The block is freed at once, for the
/// allocator to hand out; if the memory cannot grow that far, nothing is reserved.
fn room(input_bytes: usize) {
    if input_bytes >= 1 << 20 {
        let mut block: Vec<u8> = Vec::new();
        let _ = block.try_reserve_exact(input_bytes.saturating_mul(32));
        // Kept, or the optimiser drops an allocation nothing reads.
        std::hint::black_box(&block);
    }
}

/// What a value's reading threw (a getter, a proxy, a cycle or a BigInt for JSON.stringify).
fn unreadable(e: JsValue) -> JsError {
    JsError::new(&format!("the document cannot be turned into JSON: {}", describe(&e)))
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map_or_else(
        || e.as_string().unwrap_or_else(|| "a value that is not an Error".into()),
        |err| String::from(err.message()),
    )
}

/// Options are read field by field, so that a misspelt option (`language`) is refused rather
/// than ignored, without turning the options into JSON text on every call. The usual object
/// is read in one call instead (`usual_options`): a call per key and value was about 6 % of a
/// form check.
fn options(opts: Option<JsValue>) -> Result<CheckOptions, JsError> {
    if let Some(o) = usual_options(options_code(opts.as_ref().unwrap_or(&JsValue::UNDEFINED))) {
        return Ok(o);
    }
    let mut o = CheckOptions::default();
    if let Some(v) = opts.filter(|v| !v.is_undefined() && !v.is_null()) {
        let Some(obj) = v.dyn_ref::<js_sys::Object>().filter(|_| v.is_object()) else {
            return Err(JsError::new(
                "bad options: expected an object such as { lang: \"sv\", asOf: \"2019-06-01\" }",
            ));
        };
        for key in js_sys::Object::keys(obj) {
            let name = key.dyn_ref::<js_sys::JsString>().map(word).unwrap_or_default();
            let value = js_sys::Reflect::get(obj, &key)
                .map_err(|e| JsError::new(&format!("bad options: {name} cannot be read: {}", describe(&e))))?;
            if value.is_undefined() {
                continue;
            }
            let text = match value.as_bool() {
                Some(b) => b.to_string(),
                None => value.dyn_ref::<js_sys::JsString>().map(word).ok_or_else(|| {
                    JsError::new(&format!(
                        "bad options: {}",
                        CheckOptions::wrong_kind(&name, &kind(&value))
                    ))
                })?,
            };
            o.set(&name, &text)
                .map_err(|e| JsError::new(&format!("bad options: {e}")))?;
        }
    }
    if o.as_of.is_none() {
        o.as_of = Some(today());
    }
    Ok(o)
}

/// The options `options.mjs` packed into one number, or `None` when it gave up (-1) or its
/// date does not exist, for `options` to read them key by key and word the error. It packs
/// only a plain object of `lang` ("fi", "sv" or "en" exactly), `explain` (a boolean) and
/// `asOf` (digits as "YYYY-MM-DD"); the other spellings `CheckOptions::set` takes ("FI",
/// "sv-FI", "true") take the longer way, as does every mistake.
fn usual_options(code: i32) -> Option<CheckOptions> {
    let code = u32::try_from(code).ok()?;
    let lang = match code & 3 {
        0 | 1 => Lang::Fi,
        2 => Lang::Sv,
        _ => Lang::En,
    };
    let explain = match (code >> 2) & 3 {
        0 | 1 => false,
        2 => true,
        _ => return None,
    };
    let as_of = match code >> 4 {
        0 => today(),
        date => {
            let (year, month, day) = (date / 10_000, date / 100 % 100, date % 100);
            let (year, month, day) = (
                u16::try_from(year).ok()?,
                u8::try_from(month).ok()?,
                u8::try_from(day).ok()?,
            );
            // The check `Day::parse_iso` makes of "YYYY-MM-DD".
            PartialDate::day(year, month, day).ok()?;
            Day { year, month, day }
        }
    };
    Some(CheckOptions {
        lang,
        as_of: Some(as_of),
        explain,
    })
}

/// The refusal of a rule set that `input` found over the limit by its size alone.
fn too_large_ruleset(size: Size, position: usize, of: usize) -> JsValue {
    match measure_rules::check_ruleset_size(size) {
        Err(e) => refused(e.in_chain(position, of)),
        Ok(()) => JsError::new("measure-rules: a rule set judged too large was within the limit").into(),
    }
}

/// A refused rule set as an `Error` whose message lists every problem, with the same
/// problems as data in its `problems` property (`RulesetProblem[]`), for editors.
fn refused(e: measure_rules::RulesetError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    if let Ok(problems) = to_js(&e.problems) {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &problems);
    }
    error.into()
}

/// The user's local date: a civil servant in Helsinki judges status on the Finnish date.
fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day {
        year: u16::try_from(now.get_full_year()).unwrap_or(2000),
        month: u8::try_from(now.get_month() + 1).unwrap_or(1),
        day: u8::try_from(now.get_date()).unwrap_or(1),
    }
}

/// The rules engine, built once from a rule set, then asked to check measures and programmes.
#[wasm_bindgen]
pub struct Engine {
    inner: measure_rules::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the engine from a rule set (an object or JSON text), or from a chain of them
    /// (an array, the base first, each extending the one before), or the default rule set.
    /// Throws an `Error` naming every problem of a bad rule set by its JSON Pointer.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "RuleSetDocument | string | (RuleSetDocument | string)[]")]
        ruleset: Option<JsValue>,
    ) -> Result<Engine, JsValue> {
        let inner = match ruleset {
            None => measure_rules::Engine::new(),
            Some(v) if v.is_undefined() || v.is_null() => measure_rules::Engine::new(),
            Some(v) if js_sys::Array::is_array(&v) => {
                // Counted before it is read: an array may be long and hold almost nothing.
                let array = v.unchecked_ref::<js_sys::Array>();
                let of = usize::try_from(array.length()).unwrap_or(usize::MAX);
                measure_rules::check_chain_length(of).map_err(refused)?;
                let mut sets = Vec::new();
                for (i, item) in array.iter().enumerate() {
                    sets.push(match owned_input(&item, measure_rules::MAX_RULESET_BYTES)? {
                        Kept::Text(t) => {
                            measure_rules::read_ruleset_json(&t).map_err(|e| refused(e.in_chain(i, of)))?
                        }
                        Kept::Value(v) => v,
                        Kept::TooLarge(size) => return Err(too_large_ruleset(size, i, of)),
                    });
                }
                measure_rules::Engine::with_rulesets(&sets)
            }
            Some(v) => match owned_input(&v, measure_rules::MAX_RULESET_BYTES)? {
                Kept::Text(t) => measure_rules::Engine::with_ruleset_json(&t),
                Kept::Value(v) => measure_rules::Engine::with_ruleset(&v),
                Kept::TooLarge(size) => return Err(too_large_ruleset(size, 0, 1)),
            },
        }
        .map_err(refused)?;
        Ok(Engine { inner })
    }

    /// Runs the test cases the rule sets carry; see `TestReport`. A test's messages are in its
    /// own `lang`, or in `lang` here when it gives none (English when neither does).
    #[wasm_bindgen(js_name = runTests, unchecked_return_type = "TestReport")]
    pub fn run_tests(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | (string & {})")] lang: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        to_js(&self.inner.run_tests_in(lang_of(lang, Lang::En)?))
    }

    /// The custom rules of the engine's rule sets, described in `lang`.
    #[wasm_bindgen(js_name = customRules, unchecked_return_type = "CustomRuleInfo[]")]
    pub fn custom_rules(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | (string & {})")] lang: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        to_js(&self.inner.custom_rules(lang_of(lang, Lang::default())?))
    }

    /// Every rule set the engine was built from, the base first (empty for the defaults).
    #[wasm_bindgen(getter, unchecked_return_type = "RulesetInfo[]")]
    pub fn rulesets(&self) -> Result<JsValue, JsError> {
        to_js(self.inner.rulesets())
    }

    /// Checks one measure, given as an object or as JSON text (then every finding has `line`
    /// and `column`).
    #[wasm_bindgen(js_name = checkMeasure, unchecked_return_type = "Report")]
    pub fn check_measure(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Measure | string")] measure: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        self.check(&measure, options, &MEASURE)
    }

    /// Checks a programme (its measures and the programme-wide rules), as an object or text.
    #[wasm_bindgen(js_name = checkProgramme, unchecked_return_type = "Report")]
    pub fn check_programme(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Programme | string")] programme: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        self.check(&programme, options, &PROGRAMME)
    }

    /// Checks JSON text holding a measure or a programme (one with a `measures` list), as a
    /// CI job does with files. Given a file's bytes (a `Uint8Array`), bytes that are not
    /// UTF-8 are reported at the first bad one rather than replaced.
    #[wasm_bindgen(js_name = checkDocument, unchecked_return_type = "Report")]
    pub fn check_document(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        to_js(&self.document(&text, options)?)
    }

    /// `checkDocument`, with the report as UTF-8 JSON text (decoded and parsed, it is
    /// `checkDocument`'s report), for programs that write reports out, to a file, a response
    /// or a larger JSON document: one copy of bytes crosses the boundary instead of an object
    /// built field by field, and nothing has to stringify and encode it again. The text is
    /// indented as if it sat `depth` levels deep in a pretty-printed document (default 0).
    /// The summary comes as an object, to decide an exit status without parsing. Node build
    /// only.
    #[cfg(feature = "json-text")]
    #[wasm_bindgen(js_name = checkDocumentJson, unchecked_return_type = "ReportJson")]
    pub fn check_document_json(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] depth: Option<f64>,
    ) -> Result<JsValue, JsError> {
        // Refused rather than wrapped as a `u32` would be: -1 was 64 levels, 2^32 none.
        let depth = whole(depth.unwrap_or(0.0), 64.0)
            .and_then(|d| usize::try_from(d).ok())
            .ok_or_else(|| JsError::new("checkDocumentJson takes a depth from 0 to 64, a whole number"))?;
        let report = self.document(&text, options)?;
        ReportJson {
            summary: report.summary,
            json: report.to_json_nested(depth),
        }
        .into_js()
    }

    /// The report `checkDocument` gives the bytes of a file of `size` bytes when that is over
    /// the size limit, or `undefined` when a file that size may be read: for programs that
    /// read files (the CLI), so that a file of gigabytes is refused by its size, as the file
    /// system gives it, without being read in. Node build only.
    #[cfg(feature = "files")]
    #[wasm_bindgen(js_name = checkFileSize, unchecked_return_type = "Report | undefined")]
    pub fn check_file_size(
        &self,
        size: f64,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let opts = self::options(options)?;
        let size = whole_size(size, "checkFileSize")?;
        match self.inner.check_file_size(size, &opts) {
            Some(report) => to_js(&report),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Each built-in rule's level under the engine's rule sets, by id: `"error"`, `"warning"`,
    /// `"info"`, or `"off"` where a rule set turned it off (`customRules()` gives the custom
    /// rules'). For programs that describe the rules in use (the CLI's `rules --ruleset`, and
    /// its SARIF's rule descriptors). Node build only.
    #[cfg(feature = "files")]
    #[wasm_bindgen(js_name = ruleLevels, unchecked_return_type = "Record<string, RuleLevel>")]
    pub fn rule_levels(&self) -> Result<JsValue, JsError> {
        // An object made here: through `to_js`, a map of them brought 4.4 KB of BTreeMap and
        // its serialisation into the wasm.
        let levels = js_sys::Object::new();
        for (id, level) in self.inner.rule_levels() {
            let level = level.map_or("off", measure_rules::Severity::as_str);
            js_sys::Reflect::set(&levels, &JsValue::from_str(id), &JsValue::from_str(level))
                .map_err(|_| JsError::new("measure-rules: the rules' levels could not be listed"))?;
        }
        Ok(levels.into())
    }

    /// Reads schedule text ("Syksy 2018", "hösten 2018", "by the end of 2018").
    #[wasm_bindgen(js_name = parseSchedule, unchecked_return_type = "ScheduleReading")]
    pub fn parse_schedule(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang | (string & {})")] lang: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        // The engine's rule set does not change how schedules read.
        parse_schedule(text, lang)
    }

    /// The organisations the engine knows: the registry and the rule set's additions.
    #[wasm_bindgen(unchecked_return_type = "Organisation[]")]
    pub fn organisations(&self) -> Result<JsValue, JsError> {
        to_js(self.inner.registry().organisations())
    }

    /// The rule set the engine was built from.
    #[wasm_bindgen(getter, unchecked_return_type = "RulesetInfo")]
    pub fn ruleset(&self) -> Result<JsValue, JsError> {
        to_js(self.inner.ruleset())
    }
}

/// How a kind of document is checked: as text, and as a value (read from its JSON text or
/// walked). Values are read as `Borrowed` documents only, so that the wasm holds the rules
/// once, for that document, and no `Value` is made of them.
struct Checks {
    text: fn(&measure_rules::Engine, &str, &CheckOptions) -> Report,
    /// JSON.stringify's text of an object, which serde_json could not read (`check_json`).
    value_text: fn(&measure_rules::Engine, &str, &CheckOptions) -> Report,
    doc: for<'d> fn(&measure_rules::Engine, &Borrowed<'d>, &CheckOptions) -> Report,
}

const MEASURE: Checks = Checks {
    text: measure_rules::Engine::check_measure_json,
    value_text: measure_rules::Engine::check_measure_value_json,
    doc: |engine, doc, opts| engine.check_measure_doc(doc, opts),
};

const PROGRAMME: Checks = Checks {
    text: measure_rules::Engine::check_programme_json,
    value_text: measure_rules::Engine::check_programme_value_json,
    doc: |engine, doc, opts| engine.check_programme_doc(doc, opts),
};

/// What `owned_input` and `json_input` never give, answered without a panic.
#[cfg(feature = "object-walk")]
const WALKED: &str = "measure-rules: a walked document was not read";

/// The report of `checkDocumentJson`.
#[cfg(feature = "json-text")]
#[derive(tsify::Tsify)]
pub struct ReportJson {
    /// The report's own summary, as in `json`.
    pub summary: measure_rules::Summary,
    /// The report as UTF-8 JSON text, indented by two spaces.
    #[tsify(type = "Uint8Array")]
    pub json: Vec<u8>,
}

#[cfg(feature = "json-text")]
impl ReportJson {
    /// Built field by field: `to_js` writes bytes as JSON does, as numbers, not as a
    /// `Uint8Array`.
    fn into_js(self) -> Result<JsValue, JsError> {
        let out = js_sys::Object::new();
        let fields: [(&str, JsValue); 2] = [
            ("summary", to_js(&self.summary)?),
            ("json", js_sys::Uint8Array::from(self.json.as_slice()).into()),
        ];
        for (name, value) in fields {
            js_sys::Reflect::set(&out, &name.into(), &value).map_err(|_| JsError::new("cannot build the report"))?;
        }
        Ok(out.into())
    }
}

impl Engine {
    /// The report of a document given as text or bytes.
    fn document(&self, text: &JsValue, options: Option<JsValue>) -> Result<Report, JsError> {
        let opts = self::options(options)?;
        let bytes = text.dyn_ref::<js_sys::Uint8Array>();
        let size = match (bytes, text.dyn_ref::<js_sys::JsString>()) {
            (Some(bytes), _) => match bytes_length(bytes) {
                u32::MAX => Size::AtLeast(usize::MAX),
                n => Size::Exactly(usize::try_from(n).unwrap_or(usize::MAX)),
            },
            // Each UTF-16 unit is at least a byte of UTF-8.
            (None, Some(text)) => Size::AtLeast(usize::try_from(text.length()).unwrap_or(usize::MAX)),
            (None, None) => {
                return Err(JsError::new(
                    "checkDocument takes JSON text (a string) or its bytes (a Uint8Array)",
                ))
            }
        };
        // Refused before it is copied in.
        if let Some(report) = self.inner.check_size(size, &opts) {
            return Ok(report);
        }
        let (Size::Exactly(n) | Size::AtLeast(n)) = size;
        room(n);
        // One path for both (text is UTF-8 already): two would each get the check inlined.
        let bytes = match bytes {
            Some(bytes) => bytes.to_vec(),
            None => text.as_string().unwrap_or_default().into_bytes(),
        };
        Ok(self.inner.check_document_bytes(&bytes, &opts))
    }

    /// Text is checked as text (with places), anything else as the JSON value it stands for.
    fn check(&self, doc: &JsValue, options: Option<JsValue>, checks: &Checks) -> Result<JsValue, JsError> {
        let opts = self::options(options)?;
        let limit = measure_rules::limits::MAX_DOCUMENT_BYTES;
        #[cfg_attr(
            not(feature = "object-walk"),
            expect(unused_mut, reason = "only a walked document is read again")
        )]
        let mut input = input(doc, limit)?;
        #[cfg(feature = "object-walk")]
        if let Input::Walked(w) = &input {
            if let Some(d) = w.read() {
                return to_js(&(checks.doc)(&self.inner, &d, &opts));
            }
            // Not a tape walk.mjs writes: its JSON text is read instead.
            input = json_input(doc, limit)?;
        }
        let report = match input {
            Input::Text(t) => (checks.text)(&self.inner, &t, &opts),
            Input::Json(t) => check_json(&self.inner, &t, &opts, checks),
            #[cfg(feature = "object-walk")]
            Input::Walked(_) => return Err(JsError::new(WALKED)),
            // A string's bound is its text's, with a place; any other value's is its JSON text's.
            Input::TooLarge(size) => if doc.is_string() {
                self.inner.check_size(size, &opts)
            } else {
                self.inner.check_value_size(size, &opts)
            }
            .ok_or_else(|| JsError::new("measure-rules: a document judged too large was within the limit"))?,
        };
        to_js(&report)
    }
}

/// JSON.stringify writes what serde_json cannot read only for nesting past the depth limit
/// and for lone surrogates (as `\ud800`): such text is read as the text of a value, so that
/// they are findings (`input.syntax`) at the fields that have them, not an exception, and the
/// rest of a document with a lone surrogate is checked as the text's is, without the text's
/// lines and columns, which the page never saw.
fn check_json(engine: &measure_rules::Engine, text: &str, opts: &CheckOptions, checks: &Checks) -> Report {
    match Borrowed::from_json(text, &measure_rules::Unescaped::new()) {
        Ok(d) => (checks.doc)(engine, &d, opts),
        Err(_) => (checks.value_text)(engine, text, opts),
    }
}

/// A bare language code (`parseSchedule`, `customRules`, `runTests`), judged and worded as
/// the `lang` option is, by the one reader of options; `otherwise` when none is given.
fn lang_of(lang: Option<JsValue>, otherwise: Lang) -> Result<Lang, JsError> {
    let Some(lang) = lang.filter(|l| !l.is_undefined() && !l.is_null()) else {
        return Ok(otherwise);
    };
    // `{ lang: "sv" }`, as the checks take it, is the likely mistake.
    let Some(code) = lang.dyn_ref::<js_sys::JsString>().map(word) else {
        return Err(JsError::new(&CheckOptions::wrong_kind("lang", &kind(&lang))));
    };
    let mut options = CheckOptions::default();
    options.set("lang", &code).map_err(|e| JsError::new(&e))?;
    Ok(options.lang)
}

/// Longest option name or value, language codes included ("2019-06-01" is ten units): a longer
/// string cannot be one.
const MAX_WORD: u32 = 64;

/// A short JS string such as an option or a language code, cut after `MAX_WORD` UTF-16 units
/// (and marked "…"): a caller's mistake of a megabyte is then neither copied in whole nor quoted
/// whole in the Error it gets.
fn word(s: &js_sys::JsString) -> String {
    if s.length() <= MAX_WORD {
        return String::from(s);
    }
    let mut start = String::from(&s.slice(0, MAX_WORD));
    start.push('…');
    start
}

/// Schedule text, refused by its length before it is copied in when it is longer than any
/// document may be (the parser reads at most `MAX_SCHEDULE_TEXT` characters of it).
fn schedule_text(text: &JsValue) -> Result<String, JsError> {
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else {
        return Err(JsError::new("parseSchedule takes schedule text (a string)"));
    };
    if usize::try_from(text.length()).unwrap_or(usize::MAX) > measure_rules::limits::MAX_DOCUMENT_BYTES {
        return Err(JsError::new(
            "schedule text is longer than a whole document may be (32 MiB)",
        ));
    }
    Ok(String::from(text))
}

/// Reads schedule text without building an engine.
#[wasm_bindgen(js_name = parseSchedule, unchecked_return_type = "ScheduleReading")]
pub fn parse_schedule(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang | (string & {})")] lang: Option<JsValue>,
) -> Result<JsValue, JsError> {
    to_js(&measure_rules::parse_schedule(
        &schedule_text(&text)?,
        lang_of(lang, Lang::default())?,
    ))
}

/// Throws the `Error` the `Engine` constructor throws for a rule set of `size` bytes when that
/// is over the limit: for programs that read rule-set files (the CLI), so that one that never
/// ends (`--ruleset /dev/zero` took 21 GB in 100 s) is refused once past the limit, without
/// being read in. Node build only.
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = checkRulesetFileSize)]
pub fn check_ruleset_file_size(size: f64) -> Result<(), JsValue> {
    measure_rules::check_ruleset_file_size(whole_size(size, "checkRulesetFileSize")?).map_err(refused)
}

/// The 1-based line and column of each JSON Pointer in `text`, two numbers a pointer (0 and 0
/// where the text has no place for it), as `locate` places findings: for programs that show a
/// rule set's problems, which carry pointers, at their places in its file (the CLI). Node build
/// only.
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = locatePointers)]
pub fn locate_pointers(text: &str, pointers: Vec<String>) -> Vec<u32> {
    let wanted: Vec<&str> = pointers.iter().map(String::as_str).collect();
    measure_rules::locate(text, &wanted)
        .into_iter()
        .flat_map(|place| {
            let (line, column) = place.unwrap_or((0, 0));
            [line, column]
        })
        .collect()
}

/// A size in bytes as a file system gives it: a whole number, exact in a JS number up to 2^53 - 1.
#[cfg(feature = "files")]
fn whole_size(size: f64, name: &str) -> Result<u64, JsError> {
    whole(size, 9_007_199_254_740_991.0).ok_or_else(|| {
        JsError::new(&format!(
            "{name} takes a size in bytes: a whole number from 0 to 2^53 - 1"
        ))
    })
}

/// A JS number that is a whole number from 0 to `max` (at most 2^53 - 1, where every whole
/// number is exact), or `None`: numbers the Node build's calls take for sizes and depths,
/// refused rather than wrapped or cut as a `u32` or `u64` argument would be.
#[cfg(any(feature = "files", feature = "json-text"))]
fn whole(value: f64, max: f64) -> Option<u64> {
    ((0.0..=max).contains(&value) && value.fract() == 0.0).then_some(value as u64)
}

/// The rule catalogue: each rule's id, default severity, scope, summary and parameters. Its
/// documentation is the module `measure-rules/rule-docs` (`RULE_DOCS`), which a form that never
/// shows it does not download.
#[wasm_bindgen(unchecked_return_type = "RuleMeta[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(measure_rules::RULES)
}

/// The engine version.
#[wasm_bindgen]
pub fn version() -> String {
    measure_rules::VERSION.to_string()
}

#[cfg(test)]
mod tests {
    use super::{usual_options, CheckOptions, Day, Lang};

    #[test]
    fn the_usual_options_come_apart_as_options_mjs_packed_them() {
        let day = |year, month, day| Some(Day { year, month, day });
        let with = |lang, explain, as_of| Some(CheckOptions { lang, as_of, explain });
        // { lang: "sv", asOf: "2018-06-01" }, { lang: "en", explain: true, asOf: "1999-12-31" },
        // { lang: "fi", explain: false, asOf: "9999-12-31" }, { asOf: "2020-02-29" }.
        assert_eq!(
            usual_options(20_180_601 * 16 + 2),
            with(Lang::Sv, false, day(2018, 6, 1))
        );
        assert_eq!(
            usual_options(19_991_231 * 16 + 2 * 4 + 3),
            with(Lang::En, true, day(1999, 12, 31))
        );
        assert_eq!(
            usual_options(99_991_231 * 16 + 4 + 1),
            with(Lang::Fi, false, day(9999, 12, 31))
        );
        assert_eq!(usual_options(20_200_229 * 16), with(Lang::Fi, false, day(2020, 2, 29)));
        // Given up in JS, a day that does not exist, a code options.mjs never writes: read
        // again key by key, which words the error.
        for code in [
            -1,
            20_190_229 * 16,
            20_181_301 * 16,
            20_180_600 * 16,
            20_180_601 * 16 + 3 * 4,
        ] {
            assert_eq!(usual_options(code), None, "{code}");
        }
        // Every date options.mjs lets through is judged as the one parser of dates judges its
        // text: from "0000-00-00" to "9999-99-99", every month number with the days at a
        // month's edges, over years in steps of 97 and the leap-year edge cases.
        for year in (0..=9999).step_by(97).chain([1582, 1900, 2000, 2100, 2400]) {
            for month in 0..=99 {
                for d in [0, 1, 28, 29, 30, 31, 32, 99] {
                    let text = format!("{year:04}-{month:02}-{d:02}");
                    let date = year * 10_000 + month * 100 + d;
                    // 0 is no date at all: today's, which only a browser or Node can tell.
                    if date == 0 {
                        continue;
                    }
                    let code = date * 16;
                    let got = usual_options(code).and_then(|o| o.as_of);
                    assert_eq!(got, Day::parse_iso(&text).ok(), "{text}");
                }
            }
        }
    }
}
