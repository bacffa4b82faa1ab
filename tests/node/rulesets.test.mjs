// Rules as data through the package and the CLI: custom rules in the same report as the
// built-in ones, rule-set chains, tests carried by a rule set, explanations. The same
// example rule sets are run natively by core/tests/custom_rules.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { Engine } from "measure-rules";
import { cli, readJson, readText, root, tempDir } from "./helpers.mjs";
import { jsOnly, mutateDeep, rng } from "../shared/mutate.mjs";

const ministry = readJson("tests/fixtures/rulesets/ministry.json");
const agency = readJson("tests/fixtures/rulesets/agency-kuntaliitto.json");
const run = (args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const MEASURE = { id: "7.2", theme: 7, title: { fi: "Nimi" }, leadBody: "SM", partners: ["PO"], schedule: { start: "2018", end: "2019" }, status: "planned" };

test("custom rules report with the built-in rules, in every language, from objects and text", () => {
  const engine = new Engine([ministry, agency]);
  for (const [lang, word] of [["fi", "Kuntaliitto"], ["sv", "Kommunförbundet"], ["en", "Kuntaliitto"]]) {
    const report = engine.checkMeasure(MEASURE, { lang, asOf: "2019-01-01" });
    const f = report.findings.find((x) => x.rule === "kuntaliitto/theme-7-partner");
    assert.ok(f, lang);
    assert.equal(f.path, "/partners");
    assert.equal(f.severity, "error");
    assert.ok(f.message.includes(word), f.message);
    assert.equal(f.params.theme, "7");
    assert.ok(report.findings.some((x) => x.rule === "sm/swedish-title" && x.severity === "warning"));
  }
  const text = engine.checkMeasure(JSON.stringify(MEASURE, null, 2), { lang: "en", asOf: "2019-01-01" });
  const f = text.findings.find((x) => x.rule === "kuntaliitto/theme-7-partner");
  assert.deepEqual([f.line, f.column], [8, 3], "placed at the partners key");
  assert.deepEqual(text.rulesets, [{ id: "fi.sm.measures", version: "1.0.0" }, { id: "fi.kuntaliitto.measures", version: "2.0.0" }]);
});

test("explanations say which rule, which condition and which values", () => {
  const engine = new Engine([ministry, agency]);
  const report = engine.checkMeasure(MEASURE, { lang: "en", asOf: "2019-01-01", explain: true });
  const f = report.findings.find((x) => x.rule === "kuntaliitto/theme-7-partner");
  assert.equal(f.explain.rule, "Measures of theme 7 name Kuntaliitto as a partner.");
  assert.deepEqual(f.explain.when, [{ path: "/theme", test: "equals", expected: 7, actual: 7, result: true }]);
  assert.deepEqual(f.explain.require.map((s) => [s.path, s.test, s.result]), [["/partners", "organisation", false], ["/leadBody", "organisation", false]]);
  const builtin = report.findings.find((x) => x.rule === "title.required" || x.rule === "sm/swedish-title");
  assert.ok(builtin.explain.values);
  assert.equal(engine.checkMeasure(MEASURE, { asOf: "2019-01-01" }).findings.every((x) => x.explain === undefined), true);
  assert.throws(() => engine.checkMeasure(MEASURE, { explain: "yes" }), /explain must be true or false/);
});

test("a chain in the wrong order, an incompatible engine or a bad rule is refused with the place", () => {
  assert.throws(() => new Engine(agency), /extends "fi\.sm\.measures", which was not given/);
  assert.throws(() => new Engine({ ...ministry, engine: ">=2.0" }), /\/engine: this rule set needs measure-rules >=2\.0/);
  const bad = { id: "t", version: "1", custom: [{ id: "t/x", severity: "error", require: { path: "/theme", equal: 7 }, message: { fi: "a", sv: "b", en: "c" } }] };
  assert.throws(() => new Engine(bad), /\/custom\/0\/require\/equal: unknown test "equal" \(did you mean "equals"\?\)/);
  assert.throws(() => new Engine(bad), (e) => e instanceof Error && e.problems[0].path === "/custom/0/require/equal" && /did you mean "equals"/.test(e.problems[0].message));
});

test("a key written twice in a rule set's text is refused, and a chain names the set", () => {
  // Its pointer is both occurrences', and the CLI places it at the last (as findings are placed):
  // the words fit either.
  const lost = "written more than once in the same object, which keeps only the last: write it once";
  // An author turns a rule off, and further down sets its severity: which did they mean?
  const text = `{ "id": "fi.example", "version": "1",\n  "rules": { "partners.required": "off", "title.required": "info", "partners.required": "error" } }`;
  assert.throws(
    () => new Engine(text),
    (e) => e instanceof Error && JSON.stringify(e.problems) === JSON.stringify([{ path: "/rules/partners.required", message: lost }]) && e.message.includes(`/rules/partners.required: ${lost}`),
  );
  // Set by set: the pointer is the set's own, and the message says which set of the chain.
  const agencyText = JSON.stringify(agency).replace('"id":', '"id": "x", "id":');
  assert.throws(() => new Engine([JSON.stringify(ministry), agencyText]), (e) => e.problems.length === 1 && e.problems[0].path === "/id" && e.problems[0].message === `rule set 2: ${lost}`);
  // A syntax error of a chain's set says which set too.
  assert.throws(() => new Engine([JSON.stringify(ministry), "{"]), (e) => e.problems[0].message === "rule set 2: The file ends early at line 1, column 1: a JSON structure is never closed.");
  // An object cannot repeat a key, nor can what JSON.parse has read: the same set is accepted.
  assert.doesNotThrow(() => new Engine([ministry, JSON.parse(agencyText)]));
  // The CLI, which takes a chain as files.
  const dir = tempDir("measure-rules-duplicate-");
  writeFileSync(join(dir, "base.json"), JSON.stringify(ministry));
  writeFileSync(join(dir, "agency.json"), agencyText);
  const r = run(["check", "data/programme-2017.json", "--ruleset", join(dir, "base.json"), "--ruleset", join(dir, "agency.json")]);
  assert.equal(r.code, 2, r.err);
  // The problem is placed in the file of the set it is in (the second), so "rule set 2" goes.
  assert.match(r.err, /^measure-rules: .*base\.json, .*agency\.json: rule set refused:\n.*agency\.json:1:\d+: \/id: written more than once in the same object/);
});

test("a rule set given as an object is read as its JSON text, with JS values anywhere in it", () => {
  const sets = ["ministry", "agency-kuntaliitto", "agency-strict"].map((n) => readJson(`tests/fixtures/rulesets/${n}.json`));
  // The same outcome either way: the rule set and a report with its custom rules, or the same
  // problems at the same places.
  const outcome = (ruleset) => {
    try {
      const engine = new Engine(ruleset);
      return JSON.stringify([engine.ruleset, engine.checkMeasure(MEASURE, { lang: "en", asOf: "2019-01-01" })]);
    } catch (e) {
      return `Error ${e.message} ${JSON.stringify(e.problems)}`;
    }
  };
  const random = rng(20171007);
  let compared = 0;
  let refused = 0;
  for (let i = 0; i < 1_500; i++) {
    const set = structuredClone(sets[i % sets.length]);
    const pool = [...jsOnly(random), "warning", "error", "info", "SM", "/partners", 7, "", null, true, [], {}];
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) mutateDeep(set, random, pool);
    let text;
    try {
      text = JSON.stringify(set);
    } catch {
      continue;
    }
    const fromObject = outcome(set);
    assert.equal(fromObject, outcome(text), `rule set ${i}: ${text.slice(0, 300)}`);
    compared++;
    if (fromObject.startsWith("Error")) refused++;
  }
  assert.ok(compared > 1_400 && refused > 100 && compared - refused > 100, `${compared} compared, ${refused} refused`);
});

test("a rule set given as an object is held to the size limit of its JSON text", () => {
  // A description padded to make the JSON text exactly 4 MiB, the limit, and one byte more:
  // the object is refused as its text is (for the description's length at the limit, and
  // for its size past it).
  const sized = (bytes) => {
    const base = { ...ministry, description: "" };
    return { ...base, description: "x".repeat(bytes - Buffer.byteLength(JSON.stringify(base))) };
  };
  const refusal = (given) => {
    try {
      new Engine(given);
      return "accepted";
    } catch (e) {
      return e.message;
    }
  };
  const limit = 4 * 2 ** 20;
  assert.equal(Buffer.byteLength(JSON.stringify(sized(limit))), limit);
  assert.match(refusal(sized(limit)), /\/description: must have at most 2000 characters/);
  assert.doesNotMatch(refusal(sized(limit)), /bytes; at most/);
  assert.equal(refusal(JSON.stringify(sized(limit))), refusal(sized(limit)));
  for (const given of [sized(limit + 1), JSON.stringify(sized(limit + 1)), [sized(limit + 1)]]) {
    assert.match(refusal(given), /\(root\): the rule set is 4194305 bytes; at most 4194304 are accepted/);
  }
  // In a chain, the set too large is named, object or text.
  for (const big of [sized(limit + 1), JSON.stringify(sized(limit + 1))]) {
    assert.match(refusal([ministry, big]), /\(root\): rule set 2: the rule set is 4194305 bytes/);
  }
});

test("runTests runs each rule set's tests, and the CLI's test command reports them", () => {
  const report = new Engine([ministry, agency]).runTests();
  assert.equal(report.failed, 0);
  assert.equal(report.passed, ministry.tests.length + agency.tests.length);
  const r = run(["test", "tests/fixtures/rulesets/ministry.json", "tests/fixtures/rulesets/agency-kuntaliitto.json"]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /fi\.sm\.measures 1\.0\.0 > fi\.kuntaliitto\.measures 2\.0\.0: 7 passed, 0 failed/);
  const json = JSON.parse(run(["test", "tests/fixtures/rulesets/ministry.json", "--format", "json"]).out);
  assert.equal(json.passed, ministry.tests.length);
});

test("the worked example of docs/rule-language.md passes its own test on the ministry's set, and explains itself as the page says", () => {
  const blocks = [...readText("docs/rule-language.md").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
  const example = JSON.parse(blocks[0]);
  const engine = new Engine([ministry, example]);
  const report = engine.runTests();
  assert.deepEqual(report.results.filter((r) => !r.passed), []);
  assert.equal(report.passed, ministry.tests.length + example.tests.length);
  const measure = example.tests[0].measure;
  const finding = engine.checkMeasure(measure, { lang: "en", explain: true }).findings.find((f) => f.rule === example.custom[0].id);
  assert.deepEqual(finding.explain, JSON.parse(`{${blocks[1]}}`).explain);
});

test("a failing rule-set test shows a diff and exits 1", () => {
  const dir = tempDir("measure-rules-test-");
  const broken = structuredClone(ministry);
  broken.tests[0].expect = [{ rule: "sm/completed-progress", path: "/status" }];
  delete broken.tests[0].lang;
  writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
  const r = run(["test", join(dir, "broken.json")]);
  assert.equal(r.code, 1);
  assert.match(r.out, /^FAIL  fi\.sm\.measures\/tests\/0/m);
  assert.match(r.out, /- expected sm\/completed-progress at \/status, not found/);
  assert.match(r.out, /\+ found sm\/swedish-title at \/title\/sv \(error\): /);
  // A test that gives no "lang" is told in --lang (Finnish by default, as check is), and in
  // English through the API unless one is asked for.
  const said = (lang) => run(["test", join(dir, "broken.json"), ...(lang ? ["--lang", lang] : [])]).out.match(/\+ found sm\/swedish-title .*/)[0];
  const [fi, sv, en] = [/vastuutaho on sisäministeriö/, /leds av inrikesministeriet/, /is led by the Ministry/];
  assert.match(said("sv"), sv);
  assert.match(said("en"), en);
  assert.match(said(), fi);
  const api = (lang) => new Engine(broken).runTests(lang).results[0].unexpected.find((f) => f.rule === "sm/swedish-title").message;
  assert.match(api(), en);
  assert.match(api("sv-AX"), sv);
  // A message expected and not made is shown as it was expected, beside the one made.
  const worded = structuredClone(ministry);
  worded.tests[0].expect[0].message = "Measure 2.1 needs a Swedish title.";
  writeFileSync(join(dir, "worded.json"), JSON.stringify(worded));
  const w = run(["test", join(dir, "worded.json")]);
  assert.equal(w.code, 1);
  assert.match(w.out, /- expected sm\/swedish-title at \/title\/sv \(error\): Measure 2\.1 needs a Swedish title\., not found/);
  assert.match(w.out, /\+ found sm\/swedish-title at \/title\/sv \(error\): Measure 2\.1 is led by the Ministry of the Interior, so it needs a Swedish title\./);
  assert.equal(run(["test"]).code, 2, "usage error");
  // A set with no tests tests nothing, and says so.
  writeFileSync(join(dir, "none.json"), JSON.stringify({ id: "x", version: "1" }));
  const none = run(["test", join(dir, "none.json")]);
  assert.equal(none.code, 1);
  assert.match(none.out, /0 passed, 0 failed\nno tests: a rule set carries its tests in its "tests" list/);
});

test("check takes --ruleset once per set of a chain, and --explain", () => {
  const r = run(["check", "data/programme-2017.json", "--as-of", "2018-06-01", "--lang", "en",
    "--ruleset", "tests/fixtures/rulesets/ministry.json", "--ruleset", "tests/fixtures/rulesets/agency-kuntaliitto.json", "--explain", "--format", "json"]);
  const report = JSON.parse(r.out).files[0].report;
  assert.equal(report.rulesets.length, 2);
  const custom = report.findings.filter((f) => f.rule.includes("/"));
  assert.ok(custom.length > 0, "the real programme meets the example rules");
  assert.ok(report.findings.every((f) => f.explain), "every finding explained");
  const text = run(["check", "data/programme-2017.json", "--as-of", "2018-06-01", "--lang", "en",
    "--ruleset", "tests/fixtures/rulesets/ministry.json", "--explain"]).out;
  assert.match(text, /^ {4}why: /m);
  assert.match(text, /^ {6}(when|require) \/measures\/\d+\/\S+ \w+ /m);
  // A chain out of order is told how this command takes one: the engine's words are the same
  // in a browser, where there is no --ruleset (they named the CLI's option there).
  const agency = "tests/fixtures/rulesets/agency-kuntaliitto.json";
  const alone = run(["check", "data/programme-2017.json", "--ruleset", agency]);
  assert.equal(alone.code, 2);
  assert.match(alone.err, /\/extends: this rule set extends "fi\.sm\.measures", which was not given: give "fi\.sm\.measures" before it\n/);
  assert.match(alone.err, /\nA chain of rule sets is given as --ruleset once per set, the base first\.\n/);
  assert.match(run(["test", agency]).err, /\nA chain of rule sets is given as its files in order, the base first\.\n/);
  const typo = join(tempDir("mr-chain-"), "typo.json");
  writeFileSync(typo, JSON.stringify({ id: "t", version: "1", rules: { "partner.required": "off" } }));
  const refused = run(["check", "data/programme-2017.json", "--ruleset", typo]);
  assert.match(refused.err, /did you mean "partners\.required"/);
  assert.doesNotMatch(refused.err, /A chain of rule sets/);
});

test("the CLI places each of a rule set's problems in its file, as file:line:column", () => {
  const dir = tempDir("mr-placed-");
  writeFileSync(join(dir, "base.json"), JSON.stringify({ id: "fi.base", version: "1.0.0" }, null, 2));
  // Two problems on lines of their own, in the second set of a chain.
  writeFileSync(join(dir, "agency.json"), [
    "{",
    '  "id": "fi.agency",',
    '  "version": "1.0.0",',
    '  "extends": "fi.base",',
    '  "rules": {',
    '    "lead-body.unknwn": "error",',
    '    "partners.required": { "severity": "warning", "params": { "min": "two" } }',
    "  }",
    "}",
  ].join("\n"));
  for (const args of [["check", "data/programme-2017.json", "--ruleset", join(dir, "base.json"), "--ruleset", join(dir, "agency.json")], ["test", join(dir, "base.json"), join(dir, "agency.json")]]) {
    const r = run(args);
    assert.equal(r.code, 2, r.err);
    const lines = r.err.split("\n");
    assert.match(lines[0], /base\.json, .*agency\.json: rule set refused:$/);
    const placed = lines.slice(1).filter(Boolean).map((l) => l.replace(dir + "/", "").replace(/: [^/]*$/, "").slice(0, 60));
    assert.deepEqual(placed.map((l) => l.split(": ")[0]).sort(), ["agency.json:6:5", "agency.json:7:51"], r.err);
    // The set is named by its file, so the engine's "rule set 2" goes.
    assert.doesNotMatch(r.err, /rule set 2/);
  }
  // The call behind it, in the Node build: two numbers a pointer, 0 where there is no place.
  const { locatePointers } = createRequire(import.meta.url)("measure-rules");
  assert.deepEqual([...locatePointers('{\n  "a": [1, {"b": 2}]\n}', ["/a/1/b", "", "/a/0", "/nope/x"])], [2, 13, 1, 1, 2, 9, 1, 1]);
});

test("the CommonJS entry has the same custom-rule API", () => {
  const { Engine: CjsEngine } = createRequire(import.meta.url)("measure-rules");
  assert.equal(new CjsEngine(readText("tests/fixtures/rulesets/ministry.json")).runTests().failed, 0);
});
