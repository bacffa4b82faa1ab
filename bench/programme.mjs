// Programme job: the whole real programme (data/programme-2017.json: 42 measures, 55 steps)
// checked per call, in Node (each variant in its own process), and natively where the
// release build of the native `reports` example (core/examples/reports.rs, built by the
// differential test) is present: the per-document time is the slope between a process
// checking the programme once and one checking it many times.
//
//   node bench/programme.mjs [--quick]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF, LANG } from "./inputs.mjs";
import { fmt, root, stats, table, timeSync } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);
const OPTS = { lang: LANG, asOf: AS_OF };
const FILE = join(root, "data", "programme-2017.json");
export const NATIVE = join(root, "target", "release", "examples", "reports");
const PROFILE = join(root, "target", "release", "examples", "profile_measures");

const VARIANTS = {
  "checkProgramme(object)": (engine, text) => ({ fn: (p) => engine.checkProgramme(p, OPTS), arg: JSON.parse(text) }),
  "checkProgramme(text)": (engine, text) => ({ fn: (t) => engine.checkProgramme(t, OPTS), arg: text }),
  "checkDocument(bytes) (the CLI's call, text formats)": (engine, text) => ({ fn: (b) => engine.checkDocument(b, OPTS), arg: Buffer.from(text) }),
  "checkDocumentJson(bytes) (the CLI's call, --format json)": (engine, text) => ({ fn: (b) => engine.checkDocumentJson(b, OPTS, 3), arg: Buffer.from(text) }),
};

async function worker(name, n, warmup) {
  const { Engine } = await import("../wasm/npm/node.mjs");
  const { fn, arg } = VARIANTS[name](new Engine(), readFileSync(FILE, "utf8"));
  const first = fn(arg);
  const report = first.json ? JSON.parse(new TextDecoder().decode(first.json)) : first;
  const s = stats(timeSync(fn, [arg], n, warmup));
  process.stdout.write(JSON.stringify({ ...s, measures: report.measures, findings: report.findings.length }));
}

/** Newest modification time of the engine's sources (core/), to say whether a native build is older. */
function newestSource(dir = join(root, "core")) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(rs|json|toml)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Native per-document time: (wall of N checks − wall of 1 check) / (N − 1), medians of `reps` runs each. */
function native(n, reps) {
  if (!existsSync(NATIVE)) return { available: false };
  const text = readFileSync(FILE, "utf8");
  const line = `${JSON.stringify(text)}\n`;
  const run = (k) => {
    const input = line.repeat(k);
    const walls = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      const res = spawnSync(NATIVE, ["--lang", LANG, "--as-of", AS_OF], { input, stdio: ["pipe", "ignore", "pipe"], maxBuffer: 1 << 28 });
      walls.push(performance.now() - t0);
      if (res.status !== 0) throw new Error(`native reports failed: ${res.stderr}`);
    }
    return stats(walls).median;
  };
  const one = run(1);
  const many = run(n);
  const built = statSync(NATIVE).mtimeMs;
  return {
    available: true,
    n,
    reps,
    perCallMs: (many - one) / (n - 1),
    processOneMs: one,
    built: new Date(built).toISOString(),
    olderThanSources: built < newestSource(),
  };
}

/**
 * The native engine's own time per call, without the `reports` example's reading of each
 * line and writing of each report: core/examples/profile_measures.rs checks the programme
 * `rounds` times in one process and prints ns per call (median of `reps` processes).
 */
function nativeDirect(rounds, reps) {
  if (!existsSync(PROFILE)) return { available: false };
  const run = (mode) => {
    const per = [];
    for (let i = 0; i < reps; i++) {
      const out = execFileSync(PROFILE, [mode, String(rounds)], { encoding: "utf8" });
      per.push(Number(out.match(/: (\d+) ns per call/)?.[1]) / 1e6);
    }
    return stats(per).median;
  };
  return { available: true, rounds, reps, textMs: run("programme-text"), valueMs: run("programme"), built: new Date(statSync(PROFILE).mtimeMs).toISOString() };
}

export async function programmeJob({ quick = false, log = () => {} } = {}) {
  const n = quick ? 100 : 1000;
  const warmup = quick ? 20 : 100;
  const results = {};
  for (const name of Object.keys(VARIANTS)) {
    log(`programme job: ${name}`);
    const out = execFileSync(process.execPath, [SELF, "--worker", name, String(n), String(warmup)], { cwd: root, encoding: "utf8" });
    results[name] = JSON.parse(out);
  }
  log("programme job: native");
  const nat = native(quick ? 50 : 300, quick ? 3 : 5);
  const direct = nativeDirect(quick ? 50 : 500, quick ? 3 : 5);
  return { n, warmup, results, native: nat, nativeDirect: direct };
}

export function programmeTable(r) {
  const rows = Object.entries(r.results).map(([name, s]) => [`measure-rules wasm in Node, ${name}`, fmt.ms(s.median / 1000), fmt.ms(s.p99 / 1000), String(s.n)]);
  const nat = r.native;
  if (nat.available) rows.push(["native Rust (release `reports` example), check_document_json + report to JSON", fmt.ms(nat.perCallMs), "-", `${nat.n}/${nat.reps}`]);
  const d = r.nativeDirect;
  if (d?.available) {
    rows.push(["native Rust (release `profile_measures`), check_programme_json(text)", fmt.ms(d.textMs), "-", `${d.rounds}/${d.reps}`]);
    rows.push(["native Rust (release `profile_measures`), check_programme(parsed value)", fmt.ms(d.valueMs), "-", `${d.rounds}/${d.reps}`]);
  }
  const first = Object.values(r.results)[0];
  const t = table([{ title: "programme check" }, { title: "median ms", align: "r" }, { title: "p99 ms", align: "r" }, { title: "calls", align: "r" }], rows);
  const notes = [`${first.measures} measures, ${first.findings} findings per report, asOf ${AS_OF}, lang ${LANG}.`];
  if (nat.available) {
    notes.push(
      `native: slope between a process checking the programme once (${nat.processOneMs.toFixed(1)} ms wall, start-up included) and ${nat.n} times, median of ${nat.reps} runs each; binary built ${nat.built}${nat.olderThanSources ? ", OLDER than the newest core/ source: it may not be the engine measured in wasm" : ""}.`,
    );
  }
  if (d?.available) {
    notes.push(`native, profile_measures: the engine's calls alone, ${d.rounds} per process, the median of ${d.reps} processes' mean (binary built ${d.built}); the \`reports\` row adds reading each document from a line of JSON and writing its report.`);
  } else if (d) {
    notes.push("native: target/release/examples/profile_measures is not built (`cargo build --release -p measure-rules --examples`); no figures of the engine's calls alone.");
  }
  if (!nat.available) {
    notes.push("native: target/release/examples/reports is not built (it is built by `make test`'s differential test); no native figure.");
  }
  return `${t}\n\n${notes.join("\n")}`;
}

if (process.argv[2] === "--worker") {
  await worker(process.argv[3], Number(process.argv[4]), Number(process.argv[5]));
} else if (process.argv[1] === SELF) {
  const r = await programmeJob({ quick: process.argv.includes("--quick"), log: (m) => process.stderr.write(`${m}\n`) });
  console.log(programmeTable(r));
}
