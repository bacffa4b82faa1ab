// The package's API in Node, through `import` and `require`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Engine, checkRulesetFileSize, parseSchedule, rules, version } from "measure-rules";
import { RULE_DOCS } from "measure-rules/rule-docs";

const require = createRequire(import.meta.url);

test("import and require give the same engine", () => {
  const cjs = require("measure-rules");
  const doc = { id: "2.6. a)", theme: 2, leadBody: "Tuli" };
  const opts = { lang: "en", asOf: "2019-06-01" };
  assert.deepEqual(new cjs.Engine().checkMeasure(doc, opts), new Engine().checkMeasure(doc, opts));
  assert.equal(cjs.version(), version());
});

test("a report is plain JSON data with localised messages and fixes", () => {
  const r = new Engine().checkMeasure({ id: "2.6. a)", theme: 2, leadBody: "SM", partners: ["Tuli"] }, { lang: "sv", asOf: "2019-06-01" });
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  const unknown = r.findings.find((f) => f.rule === "partners.unknown");
  assert.equal(Object.getPrototypeOf(unknown.params), Object.prototype, "params arrive as a plain object");
  assert.equal(unknown.params.suggestion, "Tulli");
  assert.match(unknown.message, /Menade du Tulli/);
  assert.deepEqual(unknown.fix, { op: "replace", path: "/partners/0", value: "Tulli" });
  const canonical = r.findings.find((f) => f.rule === "id.canonical");
  assert.deepEqual(canonical.fix, { op: "replace", path: "/id", value: "2.6a" });
  assert.deepEqual(r.engine, { name: "measure-rules", version: version() });
  assert.equal(r.asOf, "2019-06-01");
});

test("JSON text input gets line and column", () => {
  const r = new Engine().checkMeasure('{\n  "id": "2.1",\n  "partners": ["Tuli"]\n}', { lang: "en", asOf: "2019-06-01" });
  const f = r.findings.find((x) => x.rule === "partners.unknown");
  assert.equal(f.line, 3);
  assert.equal(f.column, 16);
});

test("asOf defaults to today", () => {
  const r = new Engine().checkMeasure({ id: "2.1" });
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  assert.equal(r.asOf, today);
  assert.equal(r.lang, "fi");
});

test("JS values that are not JSON are read as JSON.stringify reads them", () => {
  const e = new Engine();
  const r = e.checkMeasure({ id: "2.1", theme: NaN, leadBody: undefined, partners: ["OM", () => 1] }, { lang: "en", asOf: "2019-06-01" });
  assert.ok(r.findings.some((f) => f.rule === "schema.type" && f.path === "/theme"), "NaN becomes null");
  assert.ok(r.findings.some((f) => f.rule === "lead-body.required"), "undefined is absent");
  assert.ok(r.findings.some((f) => f.rule === "schema.type" && f.path === "/partners/1"), "a function in a list becomes null");
  assert.throws(() => e.checkMeasure({ id: 1n }), /cannot be turned into JSON/);
  const cyclic = {};
  cyclic.self = cyclic;
  assert.throws(() => e.checkMeasure(cyclic), /cannot be turned into JSON/);
  assert.ok(e.checkMeasure(undefined).findings.some((f) => f.rule === "schema.type"));
});

test("misuse throws: bad rule set, bad options", () => {
  assert.throws(() => new Engine({ id: "x", version: "1", rules: { "partner.required": "off" } }), /did you mean "partners.required"/);
  assert.throws(() => new Engine("{ not json"), /not valid JSON/);
  assert.throws(() => new Engine().checkMeasure({}, { asOf: "1.1.2019" }), /asOf must be a date/);
  assert.throws(() => new Engine().checkMeasure({}, { language: "en" }), /bad options/);
  assert.throws(() => parseSchedule("2018", "de"), /unknown language/);
  // The checks' options object, where the language code goes, is the likely mistake.
  assert.throws(() => parseSchedule("2018", { lang: "sv" }), { message: 'lang must be a language code, "fi", "sv" or "en", not an object' });
  assert.throws(() => new Engine().parseSchedule("2018", 2), /not a number$/);
});

test("a page's language tag names its language by its primary subtag, as the embed example passes it", () => {
  // The embed example passes document.documentElement.lang: a page in "sv-AX" (Åland) or
  // "en-FI" was refused at its first check, and the form showed nothing.
  const e = new Engine();
  for (const [tag, lang] of [["sv-AX", "sv"], ["en-FI", "en"], ["fi-Latn-FI", "fi"], ["sv_FI", "sv"]]) {
    assert.equal(e.checkMeasure({ id: "2.1" }, { lang: tag }).lang, lang, tag);
    assert.equal(parseSchedule("hösten 2018", tag).ok, true, tag);
  }
  assert.throws(() => e.checkMeasure({}, { lang: "se-FI" }), /unknown language "se-FI"/);
});

test("what is too long to be an option, a language, schedule text or a chain is refused before it is copied in", () => {
  const e = new Engine();
  const long = "x".repeat(50_000_000);
  // Each Error quotes the start of the mistake, not all of it.
  const short = (f, pattern) =>
    assert.throws(f, (err) => pattern.test(err.message) && err.message.length < 300 && !(err instanceof WebAssembly.RuntimeError));
  short(() => e.checkMeasure({ id: "2.1" }, { lang: long }), /^bad options: unknown language "x{64}…"/);
  short(() => e.checkMeasure({ id: "2.1" }, { [long]: "fi" }), /^bad options: unknown option "x{64}…"/);
  short(() => e.customRules(long), /^unknown language "x{64}…"/);
  short(() => parseSchedule(long, "fi"), /schedule text is longer than a whole document may be/);
  short(() => e.parseSchedule(long), /longer than a whole document may be/);
  short(() => parseSchedule(2018, "fi"), /parseSchedule takes schedule text/);
  // A chain is counted before its items are read: a sparse array of a hundred million.
  const chain = [];
  chain.length = 100_000_000;
  short(() => new Engine(chain), /at most 8 rule sets in a chain, not 100000000/);
  // The engine still answers.
  assert.ok(e.checkMeasure({ id: "2.1" }).findings.length > 0);
});

test("options are read entry by entry, in the object's order, whatever the object is", () => {
  const e = new Engine();
  const read = (o) => {
    try {
      const r = e.checkMeasure({ id: "2.1" }, o);
      return `${r.lang} ${r.asOf === "2018-06-01" ? "asOf" : "today"}${r.findings.some((f) => f.explain) ? " explain" : ""}`;
    } catch (err) {
      return err.message.replace(/^bad options: /, "");
    }
  };
  const getter = Object.defineProperty({}, "lang", { get: () => "sv", enumerable: true });
  const hidden = Object.defineProperty({}, "lang", { value: "zz", enumerable: false });
  const inherited = Object.assign(Object.create({ lang: "zz" }), { asOf: "2018-06-01" });
  const throwing = Object.defineProperty({}, "lang", {
    get() {
      throw new Error("no lang here");
    },
    enumerable: true,
  });
  const { proxy: revoked, revoke } = Proxy.revocable([], {});
  revoke();
  const expect = [
    [undefined, "fi today"],
    [null, "fi today"],
    [{ lang: "sv", asOf: "2018-06-01", explain: true }, "sv asOf explain"],
    [{ explain: "true", lang: undefined }, "fi today explain"],
    [getter, "sv today"],
    [hidden, "fi today"],
    [inherited, "fi asOf"],
    // A getter that throws is not an option left out.
    [throwing, "lang cannot be read: no lang here"],
    // A value that is not text says what its option takes, and what it was instead.
    [{ lang: null }, 'lang must be a language code, "fi", "sv" or "en", not null'],
    [{ asOf: new Date(0) }, "asOf must be a day written as text, YYYY-MM-DD, not a Date"],
    [{ asOf: 20180601 }, "asOf must be a day written as text, YYYY-MM-DD, not a number"],
    [{ lang: () => "fi" }, 'lang must be a language code, "fi", "sv" or "en", not a function'],
    [{ lang: ["sv"] }, 'lang must be a language code, "fi", "sv" or "en", not an array'],
    [{ explain: 1 }, "explain must be true or false, not a number"],
    [{ explain: {} }, "explain must be true or false, not an object"],
    [{ explain: revoked }, "explain must be true or false, not an object"],
    // A name that is no option is that mistake, whatever its value.
    [{ b: 1, a: 2 }, 'unknown option "b": the options are lang, asOf and explain'],
    [{ lang: "x\ud800" }, 'unknown language "x\ufffd": use "fi", "sv" or "en"'],
    [{ ["k\udc00"]: "v" }, 'unknown option "k\ufffd": the options are lang, asOf and explain'],
    [["fi"], 'unknown option "0": the options are lang, asOf and explain'],
    ...["fi", 5, () => 1].map((o) => [o, 'expected an object such as { lang: "sv", asOf: "2019-06-01" }']),
  ];
  for (const [o, want] of expect) assert.equal(read(o), want, String(o));
});

test("the usual options, read in one call, mean what they mean read key by key", () => {
  // options.mjs packs a plain object of the three options into one number; anything it does
  // not know gives up, and the wasm reads the object key by key. An object whose prototype is
  // not Object.prototype always takes the second way, so each object is read both ways here.
  const e = new Engine();
  const read = (o) => {
    try {
      const r = e.checkMeasure({ id: "2.1", leadBody: "SM" }, o);
      return JSON.stringify({ lang: r.lang, asOf: r.asOf, explain: r.findings.some((f) => f.explain), findings: r.findings.map((f) => f.message) });
    } catch (err) {
      return err.message;
    }
  };
  const keyByKey = (o) => Object.assign(Object.create(Object.create(Object.prototype)), o);
  const values = {
    lang: [undefined, "fi", "sv", "en", "FI", " sv", "fin", "de", "", 3, null],
    asOf: [undefined, "2018-06-01", "2020-02-29", "2019-02-29", "2018-13-01", "2018-06-00", "0000-00-00", "0000-01-01", "9999-12-31", "2018-6-01", "2018-06-01T00:00", "２０１８-06-01", 20180601],
    explain: [undefined, true, false, "true", "no", 1],
  };
  let fast = 0;
  for (const lang of values.lang)
    for (const asOf of values.asOf)
      for (const explain of values.explain) {
        const o = {};
        if (lang !== undefined || asOf === "2018-06-01") o.lang = lang;
        if (asOf !== undefined) o.asOf = asOf;
        if (explain !== undefined) o.explain = explain;
        const got = read(o);
        assert.equal(got, read(keyByKey(o)), JSON.stringify(o));
        if (!got.startsWith("bad options")) fast++;
      }
  assert.ok(fast > 50, `${fast} objects read without an error`);
  // A null prototype is plain too; an unknown key, or one inherited, is not an option.
  assert.equal(read(Object.assign(Object.create(null), { lang: "sv" })), read({ lang: "sv" }));
  assert.match(read({ lang: "sv", extra: "x" }), /unknown option "extra"/);
  // An enumerable key added to Object.prototype (by some library) is seen by for-in and not by
  // Object.keys: it is not an option of every object, even when it is named like one.
  Object.prototype.lang = "sv";
  try {
    assert.match(read({ asOf: "2019-01-02" }), /"lang":"fi"/);
    assert.match(read({ lang: "en" }), /"lang":"en"/);
  } finally {
    delete Object.prototype.lang;
  }
  // A Proxy whose getPrototypeOf trap throws is refused as the key-by-key reading refuses it
  // (it cannot be shown to be an object), not with the trap's Error.
  const proxy = new Proxy({ lang: "sv" }, {
    getPrototypeOf() {
      throw new Error("no prototype here");
    },
  });
  assert.match(read(proxy), /^bad options: expected an object/);
  // A getter is read once when the usual reading takes the object.
  let reads = 0;
  const counted = Object.defineProperty({}, "lang", { get: () => (reads++, "sv"), enumerable: true });
  assert.match(read(counted), /"lang":"sv"/);
  assert.equal(reads, 1);
});

test("a rule set changes the rules and names itself in the report", () => {
  const e = new Engine({ id: "fi.example", version: "2.0.0", rules: { "partners.required": { min: 2, severity: "error" } } });
  assert.deepEqual(e.ruleset, { id: "fi.example", version: "2.0.0" });
  const r = e.checkMeasure({ id: "2.1", partners: ["OM"] }, { lang: "en", asOf: "2019-06-01" });
  const f = r.findings.find((x) => x.rule === "partners.required");
  assert.equal(f.severity, "error");
  assert.deepEqual(r.ruleset, { id: "fi.example", version: "2.0.0" });
});

test("the errors of an empty measure are at the fields a rule set requires, as the READMEs tell a form to ask", () => {
  const required = (engine) => {
    const errors = (m) => engine.checkMeasure(m, { lang: "en" }).findings.filter((f) => f.severity === "error");
    return [...new Set([...errors({}), ...errors({ id: "1.1" }).filter((f) => f.path !== "/id")].map((f) => `${f.path} ${f.rule}`))].sort();
  };
  assert.deepEqual(required(new Engine()), [
    "/id id.format",
    "/leadBody lead-body.required",
    "/schedule schedule.required",
    "/status status.required",
    "/theme id.theme",
    "/title/fi title.required",
  ]);
  const ruleset = {
    id: "fi.required",
    version: "1.0.0",
    rules: { "status.required": "off", "id.theme": "warning", "title.required": { languages: ["sv", "en"] }, "partners.required": { severity: "error", min: 2 } },
    custom: [{ id: "x/steps", severity: "error", require: { path: "/steps", present: true }, path: "/steps", message: { fi: "Vaiheet.", sv: "Stegen.", en: "Steps." } }],
  };
  assert.deepEqual(required(new Engine(ruleset)), [
    "/id id.format",
    "/leadBody lead-body.required",
    "/partners partners.required",
    "/schedule schedule.required",
    "/steps x/steps",
    "/title/en title.required",
    "/title/sv title.required",
  ]);
});

test("schedules, rules, organisations, version", () => {
  assert.deepEqual(
    { ...parseSchedule("Syksy 2018", "en") },
    { text: "Syksy 2018", ok: true, start: "2018-09", end: "2018-11", continuous: false, message: "2018-09 to 2018-11" },
  );
  assert.equal(parseSchedule("Työ käynnistynyt", "fi").error, "unreadable");
  assert.equal(new Engine().parseSchedule("fortlöpande", "sv").continuous, true);
  const catalogue = rules();
  assert.ok(catalogue.length >= 28);
  const partners = catalogue.find((r) => r.id === "partners.required");
  assert.equal(partners.params[0].name, "min");
  // The documentation is the package's own module, not the engine's: a form that never shows
  // it does not download it. It documents every rule of the catalogue, and nothing else.
  assert.equal(partners.what, undefined);
  assert.deepEqual(Object.keys(RULE_DOCS), catalogue.map((r) => r.id));
  for (const docs of Object.values(RULE_DOCS)) assert.deepEqual(Object.keys(docs), ["what", "why", "example"]);
  assert.match(RULE_DOCS["partners.required"].what, /partners/);
  assert.equal(require("measure-rules/rule-docs").RULE_DOCS, RULE_DOCS, "require gives the same module");
  const orgs = new Engine().organisations();
  assert.ok(orgs.find((o) => o.code === "SM" && o.name.sv === "Inrikesministeriet"));
  assert.match(version(), /^\d+\.\d+\.\d+$/);
});

test("checkFileSize (Node build): a file's report from its size alone, the report its bytes get", () => {
  const engine = new Engine();
  const opts = { lang: "sv", asOf: "2018-06-01" };
  const limit = 32 * 1024 * 1024;
  assert.equal(engine.checkFileSize(0, opts), undefined);
  assert.equal(engine.checkFileSize(limit, opts), undefined);
  // Zero-filled and never written, so the pages of 600 MB are not even taken from the system.
  for (const size of [limit + 1, 600 * 1024 * 1024]) {
    assert.deepEqual(engine.checkFileSize(size, opts), engine.checkDocument(new Uint8Array(size), opts), `${size}`);
  }
  // Past the 4 GiB a 32-bit engine addresses: the size as it is, in each language.
  for (const [lang, said] of [["fi", "6442450944 tavua"], ["sv", "6442450944 byte"], ["en", "6442450944 bytes"]]) {
    const r = engine.checkFileSize(6 * 2 ** 30, { lang });
    assert.deepEqual(r.summary, { error: 1, warning: 0, info: 0 });
    assert.equal(r.findings[0].rule, "input.too-large");
    assert.equal(r.findings[0].params.size, "6442450944");
    assert.ok(r.findings[0].message.includes(said), r.findings[0].message);
  }
  for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
    assert.throws(() => engine.checkFileSize(bad, opts), /checkFileSize takes a size in bytes: a whole number from 0 to 2\^53 - 1/, `${bad}`);
  }
  assert.equal(engine.checkFileSize(2 ** 53 - 1, opts).findings[0].params.size, "9007199254740991");
  assert.throws(() => engine.checkFileSize(limit + 1, { language: "en" }), /language/);
});

test("ruleLevels (Node build): each built-in rule at the rule sets' level, off where turned off", () => {
  const levels = new Engine().ruleLevels();
  assert.deepEqual(levels, Object.fromEntries(rules().map((r) => [r.id, r.severity])));
  assert.equal(Object.getPrototypeOf(levels), Object.prototype, "a plain object");
  const set = new Engine({ id: "a", version: "1", rules: { "lead-body.joint": "off", "partners.required": { severity: "error" } } }).ruleLevels();
  assert.deepEqual([set["lead-body.joint"], set["partners.required"], set["schema.type"]], ["off", "error", "error"]);
});

test("checkRulesetFileSize (Node build): the constructor's refusal of a rule set that size", () => {
  const limit = 4 * 1024 * 1024;
  assert.equal(checkRulesetFileSize(0), undefined);
  assert.equal(checkRulesetFileSize(limit), undefined);
  const refusal = (f) => {
    try {
      f();
    } catch (e) {
      return { message: e.message, problems: e.problems };
    }
    assert.fail("not refused");
  };
  const size = refusal(() => checkRulesetFileSize(limit + 1));
  // As the constructor refuses a text that long, which it can only bound ("at least": UTF-16 units).
  const text = refusal(() => new Engine(" ".repeat(limit + 1)));
  assert.deepEqual(size, { message: text.message.replace("at least ", ""), problems: text.problems.map((p) => ({ ...p, message: p.message.replace("at least ", "") })) });
  assert.deepEqual(size.problems, [{ path: "", message: `the rule set is ${limit + 1} bytes; at most ${limit} are accepted` }]);
  assert.equal(refusal(() => checkRulesetFileSize(6 * 2 ** 30)).problems[0].message, `the rule set is 6442450944 bytes; at most ${limit} are accepted`);
  for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
    assert.throws(() => checkRulesetFileSize(bad), /checkRulesetFileSize takes a size in bytes: a whole number from 0 to 2\^53 - 1/, `${bad}`);
  }
});

test("checkDocumentJson (Node build): the report as UTF-8 JSON text, the same report as checkDocument's", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { root } = await import("./helpers.mjs");
  const engine = new Engine();
  const opts = { lang: "sv", asOf: "2018-06-01", explain: true };
  const dir = join(root, "tests", "fixtures", "bad-input");
  const files = [join(root, "data", "programme-2017.json"), ...readdirSync(dir).map((f) => join(dir, f))];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let withFindings = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const expected = engine.checkDocument(bytes, opts);
    const { summary, json } = engine.checkDocumentJson(bytes, opts);
    assert.ok(json instanceof Uint8Array, file);
    const text = decoder.decode(json);
    assert.deepEqual(JSON.parse(text), expected, file);
    // Laid out as JSON.stringify(report, null, 2) lays it out (numbers are written as serde_json
    // writes them: -0.0, 1000.0); core/tests/programme.rs holds the layout to serde_json's own.
    assert.equal(text.split("\n").length, JSON.stringify(expected, null, 2).split("\n").length, `${file}: two-space pretty JSON`);
    assert.deepEqual(summary, expected.summary, file);
    // Nested: the same text, each line after the first moved in by two spaces per level.
    const nested = decoder.decode(engine.checkDocumentJson(bytes, opts, 3).json);
    assert.equal(nested, text.replaceAll("\n", "\n      "), file);
    withFindings += expected.findings.length > 0;
  }
  assert.ok(withFindings > 10, `${withFindings} files with findings`);
  assert.equal(decoder.decode(engine.checkDocumentJson("{}", opts).json).startsWith("{\n  \"engine\""), true);
  assert.throws(() => engine.checkDocumentJson(42, opts), /JSON text \(a string\) or its bytes/);
  // A depth is a whole number of levels up to 64, refused otherwise: read as a u32, -1 was 64
  // levels and 2^32 none.
  assert.ok(engine.checkDocumentJson("{}", opts, 64).json.length > engine.checkDocumentJson("{}", opts, 0).json.length);
  for (const bad of [-1, 1.5, NaN, 65, 2 ** 32, Infinity]) {
    assert.throws(() => engine.checkDocumentJson("{}", opts, bad), /checkDocumentJson takes a depth from 0 to 64, a whole number/, String(bad));
  }
});
