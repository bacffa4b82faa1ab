#!/usr/bin/env node
// Where checkMeasure's time goes inside the wasm, by function name. The shipped module has
// no name section (wasm-opt drops it), so this takes cargo's own output of the last package
// build, target/wasm32-unknown-unknown/release/measure_rules_wasm.wasm (the same code before
// wasm-opt -Oz), runs wasm-bindgen on it into a temporary folder with the names kept, and
// profiles the form job's loop over it with V8's sampling profiler (50 µs).
//
//   node bench/profile-wasm.mjs [--mode measure|measure-text|document-json|programme|programme-text]
//                               [--calls N] [--only INPUT-NAME-REGEX]
//
// measure (default): checkMeasure(object) over the form job's inputs; measure-text: the same
// given as JSON text; document-json: the CLI's call for --format json (checkDocumentJson of a
// file's bytes); programme / programme-text: checkProgramme of the real programme.
//
// Not part of `npm run bench`: it needs the cargo artifact and wasm-bindgen, and its figures
// are shares of time, for the engine's authors, not results. Identical functions are folded
// by the linker, so a small function's name can stand for several.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { arg, root, table } from "./lib.mjs";

/** cargo's output: under target/immediate-abort when wasm/build.sh rebuilt std, else target/. */
const ARTIFACTS = [
  join(root, "target", "immediate-abort", "node", "wasm32-unknown-unknown", "release", "measure_rules_wasm.wasm"),
  join(root, "target", "node", "wasm32-unknown-unknown", "release", "measure_rules_wasm.wasm"),
  join(root, "target", "immediate-abort", "wasm32-unknown-unknown", "release", "measure_rules_wasm.wasm"),
  join(root, "target", "wasm32-unknown-unknown", "release", "measure_rules_wasm.wasm"),
];
const PACKAGE_WASM = join(root, "wasm", "npm", "node", "measure_rules_bg.wasm");

function wasmBindgen() {
  for (const p of [join(homedir(), ".cargo", "bin", "wasm-bindgen"), "wasm-bindgen"]) {
    try {
      execFileSync(p, ["--version"], { stdio: "pipe" });
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

const clean = (name) => name.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");

async function main() {
  const found = ARTIFACTS.filter((a) => existsSync(a)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error(`cargo's wasm is missing (${ARTIFACTS.join(", ")}): build the package first (bash wasm/build.sh)`);
  const ARTIFACT = found[0];
  const bindgen = wasmBindgen();
  if (!bindgen) throw new Error("wasm-bindgen is not installed (scripts/setup.sh installs it)");
  const mode = arg("--mode", "measure");
  if (!["measure", "measure-text", "document-json", "programme", "programme-text"].includes(mode)) throw new Error(`unknown --mode ${mode}`);
  const calls = Number(arg("--calls", mode.startsWith("programme") ? "300" : "20000"));
  const only = arg("--only", null);
  const dir = mkdtempSync(join(tmpdir(), "measure-rules-named-"));
  try {
    execFileSync(bindgen, ["--target", "nodejs", "--keep-debug", "--out-dir", dir, "--out-name", "measure_rules", ARTIFACT], { stdio: "pipe" });
    writeFileSync(join(dir, "package.json"), '{ "type": "commonjs" }\n');
    const loop = join(dir, "loop.mjs");
    writeFileSync(
      loop,
      `import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { formInputs } from ${JSON.stringify(pathToFileURL(join(root, "bench", "inputs.mjs")).href)};
import { timeSync } from ${JSON.stringify(pathToFileURL(join(root, "bench", "timing.mjs")).href)};
const { Engine } = createRequire(import.meta.url)("./measure_rules.js");
const engine = new Engine();
const only = ${JSON.stringify(only)};
const mode = ${JSON.stringify(mode)};
const opts = { lang: ${JSON.stringify(LANG)}, asOf: ${JSON.stringify(AS_OF)} };
const measures = formInputs().filter((i) => !only || new RegExp(only).test(i.name)).map((i) => i.measure);
const programmeText = readFileSync(${JSON.stringify(join(root, "data", "programme-2017.json"))}, "utf8");
const [fn, inputs] = {
  measure: [(m) => engine.checkMeasure(m, opts), measures],
  "measure-text": [(t) => engine.checkMeasure(t, opts), measures.map((m) => JSON.stringify(m))],
  programme: [(p) => engine.checkProgramme(p, opts), [JSON.parse(programmeText)]],
  "programme-text": [(t) => engine.checkProgramme(t, opts), [programmeText]],
  "document-json": [(b) => engine.checkDocumentJson(b, opts, 3), measures.map((m) => Buffer.from(JSON.stringify(m, null, 2)))],
}[mode];
timeSync(fn, inputs, ${calls}, Math.min(2000, ${calls}));
`,
    );
    const profDir = join(dir, "prof");
    execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profDir, "--cpu-prof-interval", "50", loop], { stdio: "inherit" });
    const p = JSON.parse(readFileSync(join(profDir, readdirSync(profDir)[0]), "utf8"));
    const byId = new Map(p.nodes.map((x) => [x.id, x]));
    const parent = new Map();
    for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    const inclusive = new Map();
    const self = new Map();
    let total = 0;
    for (const id of p.samples) {
      const names = [];
      let inLoop = false;
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const n = clean(byId.get(cur).callFrame.functionName);
        if (n === "timeSync") inLoop = true;
        names.push(n);
      }
      if (!inLoop) continue;
      total++;
      for (const n of new Set(names)) inclusive.set(n, (inclusive.get(n) ?? 0) + 1);
      self.set(names[0] || "(anonymous JS)", (self.get(names[0] || "(anonymous JS)") ?? 0) + 1);
    }
    const pct = (c) => `${((100 * c) / total).toFixed(1)} %`;
    const engineFns = [...inclusive]
      .filter(([n]) => /^(measure_rules|serde_json|serde_wasm_bindgen|js_sys|<serde|<measure_rules)/.test(n) || /measure_rules::/.test(n))
      .filter(([, c]) => c / total < 0.97)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30);
    const built = statSync(ARTIFACT).mtime.toISOString();
    // wasm-pack writes the package just after cargo: an artifact much older is another build.
    const stale = existsSync(PACKAGE_WASM) && statSync(PACKAGE_WASM).mtimeMs - statSync(ARTIFACT).mtimeMs > 120_000;
    console.log(`# ${mode} check by function (${ARTIFACT.slice(root.length + 1)}, built ${built}, before wasm-opt)\n`);
    if (stale) console.log("**The package's wasm was built more than two minutes after this artifact: the profile may be of other sources.**\n");
    console.log(`${calls} calls over ${mode.startsWith("programme") ? "data/programme-2017.json" : only ? `the inputs matching /${only}/` : "the form job's inputs"}, ${total} samples in the loop.\n`);
    console.log(table([{ title: "function (inclusive: itself and what it calls)" }, { title: "share", align: "r" }], engineFns.map(([n, c]) => [n.slice(0, 120), pct(c)])));
    console.log();
    console.log(
      table(
        [{ title: "function (self time)" }, { title: "share", align: "r" }],
        [...self]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 20)
          .map(([n, c]) => [n.slice(0, 120), pct(c)]),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
