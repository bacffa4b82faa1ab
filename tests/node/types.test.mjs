// The generated TypeScript declarations: complete (no `any`) and usable (a typed example
// compiles with `tsc --noEmit`, and misuse does not).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readJson, readText, root } from "./helpers.mjs";

test("declarations have no `any`", () => {
  for (const file of ["wasm/npm/web/measure_rules.d.ts", "wasm/npm/node/measure_rules.d.ts"]) {
    // `InitOutput` is wasm-bindgen's table of raw exports (pointers and handles), not the API.
    const text = readText(file)
      .replace(/export interface InitOutput \{[\s\S]*?\n\}/, "")
      .split("\n")
      .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
      .join("\n");
    // The type `any`, not the key of the `{ any: Condition[] }` combinator.
    assert.doesNotMatch(text, /\bany\b(?!\??:)/, file);
    assert.match(text, /export interface Report/, file);
    assert.match(text, /export interface Measure/, file);
  }
});

// Both with a plain library (no `esnext.disposable`) and `skipLibCheck: false`, as a strict
// project compiles them: the Node entry as Node resolves it, the browser entry as a bundler does.
for (const config of ["tsconfig.json", "tsconfig.web.json"]) {
  test(`the typed usage example compiles (${config})`, () => {
    const tsc = join(root, "node_modules", ".bin", "tsc");
    try {
      execFileSync(tsc, ["-p", join(root, "tests", "node", config)], { cwd: root, stdio: "pipe", encoding: "utf8" });
    } catch (e) {
      assert.fail(e.stdout || e.message);
    }
  });
}

// The declarations say what the values are: every value the package returned for the shared
// cases, the bad-input files, the programme (with explanations, through a chain of rule sets),
// the rule sets' tests, the catalogues and the schedule fixtures, written out as typed object
// literals, compiles. A required field the tape leaves out, a key it spells otherwise, a
// `null` where the type says absent, or an enum value the type lacks is a type error here.
test("the values the package returns have the declared types (tsc over them as literals)", async () => {
  const { Engine, parseSchedule, rules } = await import("measure-rules");
  const { merge } = await import("./helpers.mjs");
  const cases = readJson("tests/fixtures/cases.json");
  const ruleset = (name) => readJson(`tests/fixtures/rulesets/${name}.json`);
  const values = [];
  const add = (type, value) => values.push(`export const v${values.length}: ${type} = ${JSON.stringify(value)};`);
  for (const c of cases.measures) {
    const engine = c.ruleset ? new Engine(c.ruleset) : new Engine();
    const measure = merge(cases.base, c.patch);
    for (const explain of [false, true]) {
      add("Report", engine.checkMeasure(measure, { lang: "en", asOf: cases.asOf, explain }));
      add("Report", engine.checkMeasure(JSON.stringify(measure), { lang: "sv", asOf: cases.asOf, explain }));
    }
  }
  const engine = new Engine();
  const folder = join(root, "tests", "fixtures", "bad-input");
  for (const file of readdirSync(folder).filter((f) => f !== "cases.json")) {
    add("Report", engine.checkDocument(new Uint8Array(readFileSync(join(folder, file))), { lang: "fi", asOf: cases.asOf }));
  }
  add("Report", engine.checkFileSize(6 * 2 ** 30, { lang: "en" }));
  const programme = readText("data/programme-2017.json");
  const chain = new Engine([ruleset("ministry"), ruleset("agency-kuntaliitto")]);
  add("Report", chain.checkDocument(programme, { asOf: "2018-06-01", explain: true }));
  add("Report", JSON.parse(new TextDecoder().decode(chain.checkDocumentJson(new TextEncoder().encode(programme), { lang: "sv" }, 2).json)));
  add("TestReport", chain.runTests());
  add("TestReport", new Engine(ruleset("agency-strict")).runTests());
  add("RulesetInfo[]", chain.rulesets);
  add("CustomRuleInfo[]", chain.customRules("sv"));
  add("Record<string, RuleLevel>", chain.ruleLevels());
  add("Organisation[]", chain.organisations());
  add("RuleMeta[]", rules());
  for (const s of readJson("tests/fixtures/schedules.json")) add("ScheduleReading", parseSchedule(s.text, s.lang));
  for (const text of ["", "ei tiedossa", "2019-13", "2019–2018", "jatkuva"]) add("ScheduleReading", parseSchedule(text, "fi"));
  // And what it takes: the rule sets of the fixtures and of the shared cases (a custom rule's
  // `params` is a plain object, as the files write it), and the real programme.
  for (const file of readdirSync(join(root, "tests", "fixtures", "rulesets"))) add("RuleSetDocument", readJson(`tests/fixtures/rulesets/${file}`));
  for (const c of cases.measures) for (const r of [c.ruleset ?? []].flat()) if (typeof r === "object") add("RuleSetDocument", r);
  add("Programme", JSON.parse(programme));

  // Under the repository, so that the file resolves "measure-rules" as the tests do.
  mkdirSync(join(root, "target"), { recursive: true });
  const dir = mkdtempSync(join(root, "target", "types-"));
  try {
    const names = "Report, TestReport, RulesetInfo, CustomRuleInfo, Organisation, RuleLevel, RuleMeta, ScheduleReading, RuleSetDocument, Programme";
    writeFileSync(join(dir, "values.ts"), `import type { ${names} } from "measure-rules";\n${values.join("\n")}\n`);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: join(root, "tests", "node", "tsconfig.json"), files: ["values.ts"] }));
    execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", dir], { cwd: root, stdio: "pipe", encoding: "utf8" });
  } catch (e) {
    assert.fail(e.stdout || e.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(values.length > 300, `${values.length} values`);
});
