// Shared by the benchmark scripts: paths, statistics, timing loops and tables.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stats } from "./timing.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The native engine's own calls, timed in one process (core/examples/profile_measures.rs). */
export const PROFILE_MEASURES = join(root, "target", "release", "examples", "profile_measures");

/** ns per call that `profile_measures` prints for `args` (a mode, rounds, maybe a file). */
export function profileMeasures(args) {
  const out = execFileSync(PROFILE_MEASURES, args, { encoding: "utf8" });
  return Number(out.match(/: (\d+) ns per call/)?.[1]);
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

/** When a native binary was built, and whether core/ changed since: it may then not be the engine the wasm holds. */
export function binaryAge(path) {
  const built = statSync(path).mtimeMs;
  return { built: new Date(built).toISOString(), olderThanSources: built < newestSource() };
}

/** `binaryAge`'s figures in a report's words. */
export const builtWords = (age) => `binary built ${age.built}${age.olderThanSources ? ", OLDER than the newest core/ source: it may not be the engine measured in wasm" : ""}`;

export const readJson = (rel) => JSON.parse(readFileSync(join(root, rel), "utf8"));

export { WARMUP_MS, stats, timeAsync, timeSync } from "./timing.mjs";

export const fmt = {
  us: (x) => (x === undefined || x === null ? "-" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)),
  ms: (x) => (x === undefined || x === null ? "-" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)),
  ratio: (x) => (x === undefined || x === null || !Number.isFinite(x) ? "-" : x >= 10 ? `${x.toFixed(0)}x` : `${x.toFixed(2)}x`),
  int: (x) => (x === undefined || x === null ? "-" : String(Math.round(x))),
  kb: (x) => (x === undefined || x === null ? "-" : (x / 1000).toFixed(1)),
};

/**
 * Figures over all of a variant's rounds (each `{ inputs, samples }`, call i on input
 * i % inputs), and the median per input (which measures cost the most) when there are several.
 */
export function summarise(rounds, names) {
  const k = rounds[0].inputs;
  const own = Array.from({ length: k }, () => []);
  const all = [];
  for (const r of rounds) {
    r.samples.forEach((x, i) => own[i % k].push(x));
    all.push(...r.samples);
  }
  // Each round's median beside the whole: how far the machine moved a peer during the run.
  const roundMedians = rounds.map((r) => stats(r.samples).median);
  const perInput = k > 1 ? own.map((xs, j) => ({ name: names[j], median: stats(xs).median })) : undefined;
  return { ...stats(all), rounds: rounds.length, roundMedians, perInput };
}

/** The value after the command-line flag `name`, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The command line's arguments other than `flags` (each followed by its value) and their values. */
export function positional(flags) {
  return process.argv.slice(2).filter((a, i, all) => !flags.includes(a) && !flags.includes(all[i - 1]));
}

/** A Markdown table: `columns` is [{ title, align: "l"|"r" }], rows are arrays of strings. */
export function table(columns, rows) {
  const cells = [columns.map((c) => c.title), ...rows.map((r) => r.map((x) => String(x ?? "-")))];
  const width = columns.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((x, i) => (columns[i].align === "r" ? x.padStart(width[i]) : x.padEnd(width[i]))).join(" | ")} |`;
  const rule = `| ${width.map((w, i) => (columns[i].align === "r" ? "-".repeat(w - 1) + ":" : "-".repeat(w))).join(" | ")} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

// Deterministic pseudo-random numbers (mulberry32), so generated inputs are the same every run:
// the tests' generator, which the browser loads too.
export { rng } from "../tests/shared/mutate.mjs";

/**
 * Runs a command under /usr/bin/time, its output to `stdout` (a file descriptor; default
 * /dev/null); returns wall s and peak RSS KiB. With `limitS`, the command is killed after that
 * many seconds (`timeout -s KILL`, whose child's usage /usr/bin/time counts) and `timedOut` set.
 */
export function timed(cmd, args, { stdout = "ignore", limitS } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "measure-rules-time-"));
  const out = join(dir, "time");
  const line = limitS ? ["timeout", "-s", "KILL", String(limitS), cmd, ...args] : [cmd, ...args];
  try {
    const res = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", out, ...line], { cwd: root, stdio: ["ignore", stdout, "ignore"] });
    const [wall, rss] = readFileSync(out, "utf8").trim().split("\n").pop().split(" ").map(Number);
    return { wall, rssKiB: rss, status: res.status, timedOut: Boolean(limitS) && res.status === 137 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
