// Programme job: the whole real programme (data/programme-2017.json: 42 measures, 55 steps)
// checked per call, in Node (each variant in its own process), and natively where the
// release build of the native `reports` example (core/examples/reports.rs, built by the
// differential test) is present: the per-document time is the slope between a process
// checking the programme once and one checking it many times.
//
// As in the form job, the calls are split into rounds, each running every variant's process
// and the native engine's own calls in turn: one variant's thousand calls take a second, and
// this machine's speed moved a median taken in one second from 0.98 to 1.45 ms in two
// consecutive runs. Every figure is then over all of its rounds, and the native engine,
// measured in the same minutes, says how fast the machine was.
//
//   node bench/programme.mjs [--quick]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF, LANG } from "./inputs.mjs";
import { PROFILE_MEASURES, WARMUP_MS, binaryAge, builtWords, fmt, profileMeasures, root, stats, summarise, table, timeSync } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);
const OPTS = { lang: LANG, asOf: AS_OF };
const FILE = join(root, "data", "programme-2017.json");
export const NATIVE = join(root, "target", "release", "examples", "reports");

const VARIANTS = {
  "checkProgramme(object)": (engine, text) => ({ fn: (p) => engine.checkProgramme(p, OPTS), arg: JSON.parse(text) }),
  "checkProgramme(text)": (engine, text) => ({ fn: (t) => engine.checkProgramme(t, OPTS), arg: text }),
  "checkDocument(bytes) (the CLI's call, text formats)": (engine, text) => ({ fn: (b) => engine.checkDocument(b, OPTS), arg: Buffer.from(text) }),
  "checkDocumentJson(bytes) (the CLI's call, --format json)": (engine, text) => ({ fn: (b) => engine.checkDocumentJson(b, OPTS, 3), arg: Buffer.from(text) }),
};

async function worker(name, n, warmup, warmupMs) {
  const { Engine } = await import("../wasm/npm/node.mjs");
  const { fn, arg } = VARIANTS[name](new Engine(), readFileSync(FILE, "utf8"));
  const first = fn(arg);
  const report = first.json ? JSON.parse(new TextDecoder().decode(first.json)) : first;
  const samples = timeSync(fn, [arg], n, warmup, warmupMs);
  process.stdout.write(JSON.stringify({ inputs: 1, samples: Array.from(samples, (x) => Math.round(x * 10) / 10), measures: report.measures, findings: report.findings.length }));
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
  return {
    available: true,
    n,
    reps,
    perCallMs: (many - one) / (n - 1),
    processOneMs: one,
    ...binaryAge(NATIVE),
  };
}

/**
 * The native engine's own time per call, without the `reports` example's reading of each
 * line and writing of each report: the programme checked `calls` times in one process (given
 * as text or parsed, by `mode`), in ms.
 */
const nativeDirect = (calls, mode) => profileMeasures([mode, String(calls)]) / 1e6;

export async function programmeJob({ quick = false, log = () => {} } = {}) {
  const n = quick ? 100 : 1000;
  const warmup = quick ? 20 : 200;
  const warmupMs = quick ? 50 : WARMUP_MS;
  const roundCount = quick ? 2 : 5;
  const directCalls = quick ? 50 : 500;
  const names = Object.keys(VARIANTS);
  const rounds = Object.fromEntries(names.map((name) => [name, []]));
  const direct = existsSync(PROFILE_MEASURES) ? { text: [], value: [] } : null;
  for (let round = 0; round < roundCount; round++) {
    log(`programme job: round ${round + 1} of ${roundCount}`);
    for (const name of round % 2 ? [...names].reverse() : names) {
      const out = execFileSync(process.execPath, [SELF, "--worker", name, String(Math.ceil(n / roundCount)), String(warmup), String(warmupMs)], { cwd: root, encoding: "utf8" });
      rounds[name].push(JSON.parse(out));
    }
    if (direct) {
      direct.text.push(nativeDirect(directCalls, "programme-text"));
      direct.value.push(nativeDirect(directCalls, "programme"));
    }
  }
  const results = Object.fromEntries(names.map((name) => [name, { ...summarise(rounds[name]), measures: rounds[name][0].measures, findings: rounds[name][0].findings }]));
  log("programme job: native");
  const nat = native(quick ? 50 : 300, quick ? 3 : 5);
  const nativeDirectResult = direct
    ? { available: true, rounds: directCalls, reps: roundCount, textMs: stats(direct.text).median, valueMs: stats(direct.value).median, textPerRound: direct.text, ...binaryAge(PROFILE_MEASURES) }
    : { available: false };
  return { n, warmup, warmupMs, rounds: roundCount, results, native: nat, nativeDirect: nativeDirectResult };
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
  if (r.rounds) {
    const perRound = Object.entries(r.results).map(([name, s]) => `${name} ${s.roundMedians.map((x) => fmt.ms(x / 1000)).join(" / ")}`);
    if (d?.textPerRound) perRound.push(`native check_programme_json(text) ${d.textPerRound.map(fmt.ms).join(" / ")}`);
    notes.push(`the calls in ${r.rounds} rounds, each running every variant's process in turn (${r.warmup} warm-up calls each${r.warmupMs ? ` and at least ${r.warmupMs} ms of them` : ""}, then its share of the ${r.n} calls counted) and then the native engine's own calls; median per round (ms), in the order run: ${perRound.join("; ")}.`);
  }
  if (nat.available) {
    notes.push(
      `native: slope between a process checking the programme once (${nat.processOneMs.toFixed(1)} ms wall, start-up included) and ${nat.n} times, median of ${nat.reps} runs each; ${builtWords(nat)}.`,
    );
  }
  if (d?.available) {
    notes.push(`native, profile_measures: the engine's calls alone, ${d.rounds} per process, the median of ${d.reps} processes' mean${r.rounds ? ", one per round" : ""} (binary built ${d.built}); the \`reports\` row adds reading each document from a line of JSON and writing its report.`);
  } else if (d) {
    notes.push("native: target/release/examples/profile_measures is not built (`cargo build --release -p measure-rules --examples`); no figures of the engine's calls alone.");
  }
  if (!nat.available) {
    notes.push("native: target/release/examples/reports is not built (it is built by `make test`'s differential test); no native figure.");
  }
  return `${t}\n\n${notes.join("\n")}`;
}

if (process.argv[2] === "--worker") {
  await worker(process.argv[3], Number(process.argv[4]), Number(process.argv[5]), Number(process.argv[6] ?? 0));
} else if (process.argv[1] === SELF) {
  const r = await programmeJob({ quick: process.argv.includes("--quick"), log: (m) => process.stderr.write(`${m}\n`) });
  console.log(programmeTable(r));
}
