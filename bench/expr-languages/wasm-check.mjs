// Runs every built candidate .wasm (raw exports `alloc` and `check`, no JS glue) in Node:
//  1. agreement: the edge cases (measures/cases.json) give the expected outcomes, and the
//     42 measures of data/programme-2017.json give the baseline's outcomes;
//  2. deep nesting in wasm (1 MiB shadow stack, the Rust default for wasm32): a rule whose
//     `when` is nested 50, 100, 1,000 and 10,000 deep, through the same `check` entry point.
// Usage: node wasm-check.mjs DIR   (DIR holds NAME.wasm files as built by run.sh)
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
const rulesFile = {
  baseline: "baseline", datalogic: "jsonlogic", "datalogic-5.9": "jsonlogic", "datalogic-5.9-budget": "jsonlogic", "jsonlogic-rs": "jsonlogic", jsonlogic: "jsonlogic",
  cel: "cel", "cel-defaults": "cel", "cel-interpreter": "cel-interpreter", "cel-interpreter-defaults": "cel-interpreter",
  evalexpr: "evalexpr", rhai: "rhai", "rhai-min": "rhai",
};
const order = Object.keys(rulesFile);
const names = readdirSync(dir).filter((f) => f.endsWith(".wasm")).map((f) => f.slice(0, -5))
  .sort((a, b) => order.indexOf(a) - order.indexOf(b));
const enc = new TextEncoder();
const modules = Object.fromEntries(names.map((n) => [n, new WebAssembly.Module(readFileSync(join(dir, `${n}.wasm`)))]));

function instance(name) {
  const mod = modules[name];
  // Some builds import functions they never call on this path (e.g. wasm-bindgen
  // placeholders pulled in by a time crate): stub them so that a call would be visible.
  const imports = {};
  for (const imp of WebAssembly.Module.imports(mod)) {
    imports[imp.module] ??= {};
    if (imp.kind === "function") imports[imp.module][imp.name] = () => { throw new Error(`import ${imp.module}.${imp.name} called`); };
  }
  return new WebAssembly.Instance(mod, imports).exports;
}

function put(ex, bytes) {
  const p = ex.alloc(bytes.length);
  new Uint8Array(ex.memory.buffer, p, bytes.length).set(bytes);
  return p;
}

function check(ex, rulesText, measure) {
  const r = enc.encode(rulesText);
  const m = enc.encode(typeof measure === "string" ? measure : JSON.stringify(measure));
  const rp = put(ex, r);
  const mp = put(ex, m);
  return ex.check(rp, r.length, mp, m.length);
}

const word = ["n/a", "pass", "FAIL", "ERROR"];
const describe = (code) => (code < 0 ? `error ${code}` : [0, 1, 2].map((i) => word[(code >> (2 * i)) & 3]).join(" "));

// ---- 1. agreement ----
const cases = JSON.parse(readFileSync(join(here, "measures/cases.json"), "utf8"));
const programme = JSON.parse(readFileSync(join(here, "../../data/programme-2017.json"), "utf8")).measures;
const baseline = instance("baseline");
const baseRules = readFileSync(join(here, "rules/baseline.json"), "utf8");
const reference = programme.map((m) => check(baseline, baseRules, m));
let failures = 0;
console.log(`Agreement (wasm in Node ${process.version}): ${cases.length} edge cases, ${programme.length} programme measures against the baseline`);
for (const name of names) {
  const rules = readFileSync(join(here, `rules/${rulesFile[name]}.json`), "utf8");
  const ex = instance(name);
  const problems = [];
  let known = 0;
  for (const c of cases) {
    const got = describe(check(ex, rules, c.measure));
    if (got !== c.expected) {
      const base = name.replace(/-defaults$/, "");
      if (c.deviations?.[base] === got) known++;
      else problems.push(`    case "${c.name}": expected ${c.expected}, got ${got}`);
    }
  }
  programme.forEach((m, i) => {
    const got = check(ex, rules, m);
    if (got !== reference[i]) problems.push(`    measure ${m.id}: baseline ${describe(reference[i])}, got ${describe(got)}`);
  });
  failures += problems.length;
  console.log(`  ${name.padEnd(26)} ${problems.length === 0 ? "ok" : "DISAGREES"}${known ? ` (${known} known deviations, as natively)` : ""}`);
  for (const p of problems) console.log(p);
}

// ---- 2. deep nesting ----
const lang = (n) => rulesFile[n] === "jsonlogic" ? "jsonlogic" : rulesFile[n] === "baseline" ? null : rulesFile[n].startsWith("cel") ? "cel" : rulesFile[n];
const base = (l) => (l === "evalexpr" ? "theme == 7" : "m.theme == 7");
function deepRuleSet(l, shape, n) {
  if (l === "jsonlogic") {
    const when = `${'{"!": ['.repeat(n)}{"==": [{"var": "theme"}, 7]}${"]}".repeat(n)}`;
    return `[{"id": "deep", "when": ${when}, "require": {"==": [1, 1]}}]`;
  }
  const b = base(l);
  const when = shape === "parens" ? `${"(".repeat(n)}${b}${")".repeat(n)}`
    : shape === "not" ? `${"!".repeat(n)}(${b})`
    : Array(n).fill(b).join(" || ");
  return JSON.stringify([{ id: "deep", when, require: "1 == 1" }]);
}
const speedMeasure = readFileSync(join(here, "measures/speed-measure.json"), "utf8");
console.log("\nDeep nesting in wasm (rule set passed to `check`; a fresh instance per case; -1 = rule set refused):");
console.log("| candidate | shape | depth 50 | depth 100 | depth 1,000 | depth 10,000 |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const name of names) {
  const l = lang(name);
  if (!l) continue;
  for (const shape of l === "jsonlogic" ? ["not"] : ["parens", "not", "or-chain"]) {
    const cells = [50, 100, 1000, 10000].map((n) => {
      const ex = instance(name);
      try {
        const code = check(ex, deepRuleSet(l, shape, n), speedMeasure);
        return code === -1 ? "refused (-1)" : code < 0 ? `error ${code}` : `ok: ${word[code & 3]}`;
      } catch (e) {
        return `trap: ${String(e.message ?? e).slice(0, 60)}`;
      }
    });
    const label = l === "jsonlogic" ? '`{"!": [` (rule-set JSON text)' : shape === "parens" ? "`(`…`)`" : shape === "not" ? "`!`…" : "`… \\|\\| …`";
    console.log(`| ${name} | ${label} | ${cells.join(" | ")} |`);
  }
}
if (failures) {
  console.log(`\n${failures} disagreements`);
  process.exit(1);
}
