// Form job in Node: one measure, given as a JS object, checked per call, as a web form does
// on every change. Each peer runs in its own Node process (so one peer's JIT state and heap
// do not disturb another's), over the same inputs (bench/inputs.mjs), one call at a time:
// warm-up calls first, then every call timed with performance.now().
//
// The calls are split into rounds, and each round runs every peer's process in turn (the
// order reversed every other round): this machine's speed swings by a quarter or more from
// one few minutes to the next, and a peer measured all at once at its own moment made the
// ratios between peers swing with it (3.8x and 6.7x in two runs eight minutes apart).
// Every figure is then over all of a peer's rounds.
//
//   node bench/form.mjs --worker <variant> <n> <warmup> [<warmup ms>]   one variant, prints its durations
//   node bench/form.mjs [--quick]                          every variant, prints the table
import { deepStrictEqual } from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { PROFILE_MEASURES, WARMUP_MS, binaryAge, builtWords, fmt, profileMeasures, readJson, root, stats, summarise, table, timeAsync, timeSync } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);
const OPTS = { lang: LANG, asOf: AS_OF };

/**
 * What each variant does per call, given the inputs; `async` for promise-returning peers,
 * `peer` for the table of peers, `part` for a piece of a call rather than a whole check (kept
 * out of the per-round medians), and `part` or `cheap` for five times the calls.
 */
const VARIANTS = {
  "measure-rules": {
    label: "measure-rules checkMeasure(object): every rule, fi messages",
    peer: true,
    async setup(inputs) {
      const { Engine } = await import("../wasm/npm/node.mjs");
      const engine = new Engine();
      return { fn: (m) => engine.checkMeasure(m, OPTS), args: inputs.map((i) => i.measure) };
    },
  },
  // Like for like: the engine doing only json-rules-engine's work (its four checks' rules on,
  // every other rule off by a rule set), to tell what the catalogue costs from what the
  // boundary and the reading of the measure cost.
  "measure-rules-four": {
    label: "measure-rules checkMeasure(object), a rule set keeping only the rules of json-rules-engine's four checks",
    async setup(inputs) {
      const engine = await fourChecksOnly(await fourCheckRules());
      return { fn: (m) => engine.checkMeasure(m, OPTS), args: inputs.map((i) => i.measure) };
    },
  },
  "measure-rules-text": {
    label: "measure-rules checkMeasure(JSON text): the same, plus line/column",
    async setup(inputs) {
      const { Engine } = await import("../wasm/npm/node.mjs");
      const engine = new Engine();
      return { fn: (t) => engine.checkMeasure(t, OPTS), args: inputs.map((i) => JSON.stringify(i.measure)) };
    },
  },
  stringify: {
    label: "JSON.stringify(measure) alone (the first step of the object path)",
    part: true,
    async setup(inputs) {
      return { fn: (m) => JSON.stringify(m), args: inputs.map((i) => i.measure) };
    },
  },
  "empty-crossing": {
    label: "version(): one call into the wasm and a short string back",
    part: true,
    async setup() {
      const { version } = await import("../wasm/npm/node.mjs");
      return { fn: () => version(), args: [0] };
    },
  },
  // The two JS halves of the object path without the wasm between them: the least a check of
  // an object can cost in this design, with the native engine's time (`floor` below).
  "walk-in": {
    label: "walk.mjs: the measure walked into its tape, the text joined and encoded as UTF-8 (JS only)",
    part: true,
    async setup(inputs) {
      const { readDocument, documentNumbers, takeDocument } = await import("../wasm/src/walk.mjs");
      // Where the wasm's own buffers would be: allocated once, as its memory is.
      const ops = new Uint32Array(1 << 16);
      const numbers = new Float64Array(1 << 12);
      const bytes = new Uint8Array(1 << 20);
      const encoder = new TextEncoder();
      const fn = (m) => {
        const n = readDocument(m);
        const text = takeDocument(ops.subarray(0, n), numbers.subarray(0, documentNumbers()));
        return encoder.encodeInto(text, bytes).written;
      };
      return { fn, args: inputs.map((i) => i.measure) };
    },
  },
  "build-out": {
    label: "tape.mjs: the report's objects built from its tape, keys already known (JS only)",
    part: true,
    async setup(inputs) {
      const { build } = await import("../wasm/src/tape.mjs");
      const { Engine } = await import("../wasm/npm/node.mjs");
      const engine = new Engine();
      const reports = inputs.map((i) => engine.checkMeasure(i.measure, OPTS));
      // Written as tape.rs writes them: a key's first use defines it, later ones name it.
      const ids = new Map();
      const tapes = reports.map((r) => reportTape(r, ids));
      for (const t of tapes) build(...t);
      const known = reports.map((r) => reportTape(r, ids));
      // Timed only if it builds the very reports: a tape that drifted from tape.rs's fails here.
      known.forEach((t, i) => deepStrictEqual(build(...t), reports[i]));
      return { fn: (t) => build(...t), args: known };
    },
  },
  ajv: {
    label: "ajv 8 compiled measure.schema.json, allErrors, ajv-i18n fi",
    peer: true,
    cheap: true,
    async setup(inputs) {
      const { makeAjv } = await import("./peers/ajv.mjs");
      const ajv = makeAjv();
      return { fn: (m) => ajv.check(m), args: inputs.map((i) => i.measure) };
    },
  },
  "json-rules-engine": {
    label: "json-rules-engine 7, the four checks (11 rules, dynamic facts)",
    peer: true,
    async: true,
    async setup(inputs) {
      const { Engine } = await import("json-rules-engine");
      const { makeRulesEngine } = await import("./peers/json-rules-engine-rules.mjs");
      const jre = makeRulesEngine(Engine, readJson("data/organisations.json"));
      return { fn: (m) => jre.check(m, AS_OF), args: inputs.map((i) => i.measure) };
    },
  },
};

/** The measure-rules rules that json-rules-engine's four checks stand for: the ids its events carry. */
async function fourCheckRules() {
  const { RULES } = await import("./peers/json-rules-engine-rules.mjs");
  return new Set(RULES.map((r) => r.event.type));
}

/** An engine with every rule but `keep` (the four checks' rules) turned off; the input.* rules, about the input itself, stay on. */
async function fourChecksOnly(keep) {
  const { Engine, rules } = await import("../wasm/npm/node.mjs");
  const off = Object.fromEntries(
    rules()
      .filter((r) => !keep.has(r.id) && !r.id.startsWith("input."))
      .map((r) => [r.id, "off"]),
  );
  return new Engine({ id: "four-checks", version: "1.0.0", rules: off });
}

/** A report's tape in tape.rs's op codes (its `op` module), keys numbered in `ids`. */
function reportTape(report, ids) {
  const ops = [];
  const numbers = [];
  const parts = [];
  const str = (s) => (ops.push(s.length), parts.push(s));
  const put = (v) => {
    if (v === null) ops.push(0);
    else if (v === true || v === false) ops.push(v ? 1 : 2);
    else if (typeof v === "number") ops.push(3), numbers.push(v);
    else if (typeof v === "string") ops.push(4), str(v);
    else if (Array.isArray(v)) ops.push(5), v.forEach(put), ops.push(7);
    else {
      ops.push(6);
      for (const [k, x] of Object.entries(v)) {
        if (ids.has(k)) ops.push(16 + ids.get(k));
        else ids.set(k, ids.size), ops.push(8), str(k);
        put(x);
      }
      ops.push(7);
    }
  };
  put(report);
  return [Uint32Array.from(ops), Float64Array.from(numbers), parts.join("")];
}

async function worker(name, n, warmup, warmupMs) {
  const v = VARIANTS[name];
  const { fn, args } = await v.setup(formInputs());
  const samples = v.async ? await timeAsync(fn, args, n, warmup, warmupMs) : timeSync(fn, args, n, warmup, warmupMs);
  process.stdout.write(JSON.stringify({ inputs: args.length, samples: Array.from(samples, (x) => Math.round(x * 1000) / 1000) }));
}

/** Runs one variant in a fresh Node process: its durations in µs, call i on input i % inputs. */
function runVariant(name, n, warmup, warmupMs, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, SELF, "--worker", name, String(n), String(warmup), String(warmupMs)], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

/**
 * Where measure-rules' time goes per call: a CPU profile (V8 sampling, 50 µs) of the object
 * path, self time grouped by where the code lives. The release wasm has no name section, so
 * the engine's own functions are one group.
 */
function profile(n) {
  const dir = mkdtempSync(join(tmpdir(), "measure-rules-prof-"));
  try {
    execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-interval", "50", SELF, "--worker", "measure-rules", String(n), "2000", "0"], { cwd: root, stdio: "pipe" });
    const p = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), "utf8"));
    const byId = new Map(p.nodes.map((x) => [x.id, x]));
    // Only samples inside the timing loop (the module's loading and compiling are left out).
    const parent = new Map();
    for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
    const inLoop = (id) => {
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur).callFrame.functionName === "timeSync") return true;
      return false;
    };
    const groups = new Map();
    let total = 0;
    let gc = 0;
    let all = 0;
    for (const id of p.samples) {
      all++;
      const f = byId.get(id).callFrame;
      if (f.functionName === "(garbage collector)") {
        gc++;
        continue;
      }
      if (!inLoop(id)) continue;
      total++;
      let g;
      if (f.url.startsWith("wasm://") || /^(\$|wasm-function)/.test(f.functionName)) g = "wasm: engine, JSON parse, report serialisation (Rust side)";
      else if (/^(getStringFromWasm0|decodeText|decode|decodeUTF8|getCachedStringFromWasm0)$/.test(f.functionName)) g = "glue: strings out of wasm memory (TextDecoder)";
      else if (/^(passStringToWasm0|encodeInto|encode|encodeUTF8)$/.test(f.functionName)) g = "glue: strings into wasm memory (TextEncoder)";
      else if (f.url.includes("/snippets/")) g = "glue: the tapes (walk.mjs: walking the measure; tape.mjs: building the report)";
      else if (f.url.endsWith("measure_rules.js")) g = "glue: wasm-bindgen's (reading the options, the calls into the snippets)";
      else g = "other: JS-to-wasm wrappers, the timing loop, V8 builtins";
      groups.set(g, (groups.get(g) ?? 0) + 1);
    }
    // GC is not attributed to a caller: counted beside the package's samples.
    const denom = total + gc;
    const rows = [...groups].sort((a, b) => b[1] - a[1]).map(([g, c]) => ({ group: g, share: c / denom }));
    rows.push({ group: "garbage collection (whole process)", share: gc / denom });
    return { samples: all, loopSamples: total, groups: rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Untimed: what each peer finds on the inputs, and whether the rule peer agrees with the engine. */
async function crossCheck() {
  const inputs = formInputs();
  const { Engine, rules } = await import("../wasm/npm/node.mjs");
  const catalogue = rules().filter((r) => r.scope !== "programme").length;
  const { Engine: Jre } = await import("json-rules-engine");
  const { makeRulesEngine } = await import("./peers/json-rules-engine-rules.mjs");
  const { makeAjv } = await import("./peers/ajv.mjs");
  const engine = new Engine();
  const jre = makeRulesEngine(Jre, readJson("data/organisations.json"));
  const ajv = makeAjv();
  const four = await fourCheckRules();
  const fourOnly = await fourChecksOnly(four);
  let fourFindings = 0;
  const fourMismatches = [];
  let mrFindings = 0;
  let mrRules = new Set();
  let jreFindings = 0;
  let ajvErrors = 0;
  let ajvInvalid = 0;
  let mrSchema = 0;
  const disagreements = [];
  const rulesPerInput = {};
  for (const i of inputs) {
    const report = engine.checkMeasure(i.measure, OPTS);
    rulesPerInput[i.name] = [...new Set(report.findings.map((f) => f.rule))];
    mrFindings += report.findings.length;
    for (const f of report.findings) mrRules.add(f.rule);
    const rj = await jre.check(i.measure, AS_OF);
    jreFindings += rj.length;
    const a = [...new Set(rj.map((f) => f.rule))].sort().join(",");
    const b = [...new Set(report.findings.map((f) => f.rule).filter((r) => four.has(r)))].sort().join(",");
    if (a !== b) disagreements.push(`${i.name}: json-rules-engine [${a}] measure-rules [${b}]`);
    // The rules left on find what they find with every rule on: the like-for-like variant
    // times the same findings, not fewer.
    const only = fourOnly.checkMeasure(i.measure, OPTS).findings;
    fourFindings += only.length;
    if (JSON.stringify(only) !== JSON.stringify(report.findings.filter((f) => four.has(f.rule)))) fourMismatches.push(i.name);
    const ea = ajv.check(i.measure);
    ajvErrors += ea.length;
    if (ea.length) ajvInvalid++;
    if (report.findings.some((f) => f.rule.startsWith("schema."))) mrSchema++;
  }
  return {
    inputs: inputs.length,
    programmeMeasures: inputs.filter((i) => i.name.startsWith("programme")).length,
    caseMeasures: inputs.filter((i) => i.name.startsWith("case")).length,
    measureRules: { findings: mrFindings, distinctRules: mrRules.size, catalogue },
    jsonRulesEngine: { findings: jreFindings, disagreements },
    fourChecksOnly: { rules: [...four].sort(), findings: fourFindings, mismatches: fourMismatches },
    ajv: { errors: ajvErrors, invalidInputs: ajvInvalid, measureRulesSchemaFindingInputs: mrSchema },
    rulesPerInput,
  };
}

export async function formJob({ quick = false, log = () => {} } = {}) {
  const n = quick ? 2000 : 20000;
  const warmup = quick ? 500 : 5000;
  const warmupMs = quick ? 50 : WARMUP_MS;
  const roundCount = quick ? 2 : 5;
  const names = Object.keys(VARIANTS);
  const rounds = Object.fromEntries(names.map((name) => [name, []]));
  // The native engine over the same inputs, once per round: its mean ns per call.
  const nativeRounds = quick ? 100 : 500;
  const nativeDir = existsSync(PROFILE_MEASURES) ? mkdtempSync(join(tmpdir(), "measure-rules-form-")) : null;
  const nativeFile = nativeDir && join(nativeDir, "inputs.json");
  if (nativeFile) writeFileSync(nativeFile, JSON.stringify(formInputs().map((i) => i.measure)));
  const nativeNs = [];
  try {
    for (let round = 0; round < roundCount; round++) {
      log(`form job: round ${round + 1} of ${roundCount}`);
      for (const name of round % 2 ? [...names].reverse() : names) {
        const cheap = VARIANTS[name].part || VARIANTS[name].cheap;
        rounds[name].push(runVariant(name, Math.ceil((cheap ? n * 5 : n) / roundCount), warmup, warmupMs));
      }
      if (nativeFile) nativeNs.push(profileMeasures(["file", String(nativeRounds), nativeFile]));
    }
  } finally {
    if (nativeDir) rmSync(nativeDir, { recursive: true, force: true });
  }
  const inputNames = formInputs().map((i) => i.name);
  const results = Object.fromEntries(names.map((name) => [name, { label: VARIANTS[name].label, ...summarise(rounds[name], inputNames) }]));
  const native = nativeFile
    ? { available: true, perCallUs: stats(nativeNs).median / 1000, perRoundUs: nativeNs.map((x) => x / 1000), calls: nativeRounds * inputNames.length, ...binaryAge(PROFILE_MEASURES) }
    : { available: false };
  log("form job: profile");
  const prof = profile(quick ? 2000 : 20000);
  log("form job: cross-check");
  const check = await crossCheck();
  return { n, warmup, warmupMs, rounds: roundCount, results, native, profile: prof, check };
}

export function formTables(r) {
  const mr = r.results["measure-rules"];
  const rows = [];
  for (const [name, s] of Object.entries(r.results)) {
    if (!VARIANTS[name]?.peer) continue;
    rows.push([name, s.label, fmt.us(s.median), fmt.us(s.p99), fmt.us(s.mean), fmt.ratio(s.median / mr.median), fmt.ratio(s.p99 / mr.p99), String(s.n)]);
  }
  const peers = table(
    [
      { title: "peer" },
      { title: "what it does per call" },
      { title: "median µs", align: "r" },
      { title: "p99 µs", align: "r" },
      { title: "mean µs", align: "r" },
      { title: "median ÷ measure-rules", align: "r" },
      { title: "p99 ÷ measure-rules", align: "r" },
      { title: "calls", align: "r" },
    ],
    rows,
  );
  const b = r.results;
  const boundary = table(
    [{ title: "boundary variant" }, { title: "median µs", align: "r" }, { title: "p99 µs", align: "r" }],
    [
      ["checkMeasure(object) (the form's call)", fmt.us(b["measure-rules"].median), fmt.us(b["measure-rules"].p99)],
      ["checkMeasure(JSON text) (adds line/column to findings)", fmt.us(b["measure-rules-text"].median), fmt.us(b["measure-rules-text"].p99)],
      ["JSON.stringify(measure) alone, in JS", fmt.us(b.stringify.median), fmt.us(b.stringify.p99)],
      ["version(): an empty call across the boundary", fmt.us(b["empty-crossing"].median), fmt.us(b["empty-crossing"].p99)],
    ],
  );
  const fl = floor(r);
  const like = likeForLike(r);
  const prof = table(
    [{ title: "where checkMeasure(object)'s time goes (CPU profile, self time)" }, { title: "share", align: "r" }],
    r.profile.groups.map((g) => [g.group, `${(g.share * 100).toFixed(1)} %`]),
  );
  const mrIn = r.results["measure-rules"].perInput;
  const jreIn = r.results["json-rules-engine"].perInput;
  const slow = table(
    [{ title: "input (slowest first; then the fastest)" }, { title: "measure-rules median µs", align: "r" }, { title: "json-rules-engine median µs", align: "r" }, { title: "measure-rules' findings" }],
    [...mrIn]
      .map((x, j) => ({ ...x, jre: jreIn[j].median }))
      .sort((a, b) => b.median - a.median)
      .filter((_, i, all) => i < 8 || i >= all.length - 3)
      .map((x) => [x.name, fmt.us(x.median), fmt.us(x.jre), r.check.rulesPerInput[x.name].join(", ") || "none"]),
  );
  const c = r.check;
  const notes = [
    `inputs: ${c.inputs} measures (${c.programmeMeasures} from data/programme-2017.json, ${c.caseMeasures} from tests/fixtures/cases.json), asOf ${AS_OF}, lang ${LANG}; ${r.rounds ? `the calls in ${r.rounds} rounds, each running every peer's process in turn, each process ${r.warmup} warm-up calls${r.warmupMs ? ` and at least ${r.warmupMs} ms of them` : ""}, then its share of the calls counted` : `${r.warmup} warm-up calls, then the calls counted`}.`,
    ...(r.rounds
      ? [`median per round (µs), in the order run: ${Object.entries(r.results).filter(([name]) => !VARIANTS[name]?.part).map(([name, s]) => `${name} ${s.roundMedians.map(fmt.us).join(" / ")}`).join("; ")}.`]
      : []),
    `measure-rules runs every rule of its catalogue that applies to a measure (${c.measureRules.catalogue ?? "?"} rules). Findings over the inputs: measure-rules ${c.measureRules.findings} (${c.measureRules.distinctRules} distinct rules), json-rules-engine ${c.jsonRulesEngine.findings}, ajv ${c.ajv.errors} errors on ${c.ajv.invalidInputs} inputs (measure-rules has schema.* findings on ${c.ajv.measureRulesSchemaFindingInputs}).`,
    c.jsonRulesEngine.disagreements.length === 0
      ? "json-rules-engine and measure-rules agree on the four checks' rules for every input."
      : `json-rules-engine and measure-rules disagree on the four checks for ${c.jsonRulesEngine.disagreements.length} input(s):\n  ${c.jsonRulesEngine.disagreements.join("\n  ")}`,
    ...(c.fourChecksOnly
      ? [
          c.fourChecksOnly.mismatches.length === 0
            ? `With only the four checks' rules on (${c.fourChecksOnly.rules.join(", ")}), measure-rules lists for every input the findings it lists with every rule on, filtered to those rules (${c.fourChecksOnly.findings} in all).`
            : `With only the four checks' rules on, measure-rules lists other findings than with every rule on, filtered to those rules, for: ${c.fourChecksOnly.mismatches.join(", ")}.`,
        ]
      : []),
    `profile: ${r.profile.loopSamples} samples in the timing loop (and GC) out of ${r.profile.samples}.`,
  ];
  return `${peers}\n\n${like ? `${like}\n\n` : ""}${slow}\n\n${boundary}\n\n${fl ? `${fl}\n\n` : ""}${prof}\n\n${notes.join("\n")}`;
}

/** measure-rules doing json-rules-engine's work, beside its whole check; `null` for runs recorded before it was measured. */
function likeForLike(r) {
  const b = r.results;
  const four = b["measure-rules-four"];
  if (!four) return null;
  const jre = b["json-rules-engine"];
  const row = (what, s) => [what, fmt.us(s.median), fmt.us(s.p99), fmt.ratio(jre.median / s.median)];
  return table(
    [{ title: "like for like (same run)" }, { title: "median µs", align: "r" }, { title: "p99 µs", align: "r" }, { title: "json-rules-engine's median ÷ it", align: "r" }],
    [
      row("measure-rules, every rule (the form job's call)", b["measure-rules"]),
      row(`measure-rules, only the rules of json-rules-engine's four checks (the others off by a rule set)`, four),
      row("json-rules-engine, the four checks", jre),
    ],
  );
}

/**
 * The least a check of an object can cost in this design, from the same run: the JS half of
 * reading it, the JS half of building its report, and the native engine's check between them
 * (the wasm's own is slower), against the time of the form target. `null` for runs recorded
 * before it was measured.
 */
export function floorOf(r) {
  const b = r.results;
  if (!b["walk-in"] || !b["build-out"] || !r.native?.available) return null;
  const parts = b["walk-in"].median + b["build-out"].median + r.native.perCallUs;
  return { parts, target: b["json-rules-engine"].median / 10, check: b["measure-rules"].median };
}

function floor(r) {
  const f = floorOf(r);
  if (!f) return null;
  const b = r.results;
  const t = table(
    [{ title: "the least a form check can cost in this design (same run)" }, { title: "median µs", align: "r" }],
    [
      ["JS: the measure walked into its tape and its text encoded (walk.mjs)", fmt.us(b["walk-in"].median)],
      ["JS: the report's objects built from its tape (tape.mjs)", fmt.us(b["build-out"].median)],
      [`native Rust: Engine::check_measure on the parsed inputs (profile_measures, mean of ${r.native.calls} calls, median of ${r.native.perRoundUs.length} rounds)`, fmt.us(r.native.perCallUs)],
      ["**sum: nothing in the wasm costing more than natively, nothing else crossing**", `**${fmt.us(f.parts)}**`],
      ["a tenth of json-rules-engine's median (the form target)", fmt.us(f.target)],
      ["measure-rules checkMeasure(object), the whole call", fmt.us(f.check)],
    ],
  );
  const note = `native per round (µs): ${r.native.perRoundUs.map(fmt.us).join(" / ")}; ${builtWords(r.native)}. Not in the sum: the wasm's reading of the tape into the document the rules read and its writing of the report's tape, the options, the crossings, and the wasm engine's cost over the native one.`;
  return `${t}\n\n${note}`;
}

if (process.argv[2] === "--worker") {
  await worker(process.argv[3], Number(process.argv[4]), Number(process.argv[5]), Number(process.argv[6] ?? 0));
} else if (process.argv[1] === SELF) {
  const r = await formJob({ quick: process.argv.includes("--quick"), log: (m) => process.stderr.write(`${m}\n`) });
  console.log(formTables(r));
}
