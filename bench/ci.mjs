// CI job: a folder of measure files checked by a command, as a pull-request check does.
// measure-rules' CLI (`check <dir> --format json`, by default on one thread per core, and
// with `--jobs 1`) against ajv-cli (`ajv validate` with the same schema), over the same
// generated files, each as its own process under /usr/bin/time: wall time and peak resident
// memory.
//
//   node bench/ci.mjs [--quick] [--keep DIR]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AS_OF } from "./inputs.mjs";
import { fmt, readJson, rng, root, stats, table, timed } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);
export const CLI = join(root, "wasm", "npm", "cli.mjs");
export const AJV_CLI = join(root, "node_modules", "ajv-cli", "dist", "index.js");

const TYPOS = { SM: "SMM", POHA: "Poliisihallitu", Tulli: "Tuli", OM: "0M", STM: "STN", TEM: "TEN", PO: "P0" };

/**
 * Writes `count` measure files: seeded variations of the real programme's measures (another
 * number, other partners' order, an edited title, an update date), and in about one file of
 * four one or two of the problems a pull request brings (a missing or misspelt lead, no
 * partners, a duplicate partner, a reversed schedule, a status word instead of a code, a
 * wrong type, an unknown field, a published-form id).
 */
export function generate(dir, count, seed = 2017) {
  const measures = readJson("data/programme-2017.json").measures;
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const problems = [
    (m) => delete m.leadBody,
    (m) => (m.leadBody = TYPOS[m.leadBody] ?? "Sisäministeri"),
    (m) => (m.partners = []),
    (m) => m.partners?.length && m.partners.push(m.partners[0]),
    (m) => m.schedule?.start && m.schedule?.end && ([m.schedule.start, m.schedule.end] = [m.schedule.end.slice(0, 4) === m.schedule.start.slice(0, 4) ? `${+m.schedule.start.slice(0, 4) + 1}` : m.schedule.end, m.schedule.start]),
    (m) => (m.status = pick(["käynnissä", "valmis", "ongoing", "done"])),
    (m) => (m.status = "completed"),
    (m) => (m.theme = String(m.theme)),
    (m) => (m.leadbody = m.leadBody),
    (m) => (m.id = m.id.replace(/^(\d)\.(\d+)([a-z]?)$/, (_, t, n, l) => `${t}.${n}.${l ? ` ${l})` : ""}`)),
    (m) => (m.schedule = { text: pick(["Syksy 2018", "vuoden 2019 aikana", "Jatkuvaa toimintaa", "kun rahoitus järjestyy"]) }),
  ];
  mkdirSync(dir, { recursive: true });
  let withProblems = 0;
  for (let i = 0; i < count; i++) {
    const m = structuredClone(pick(measures));
    m.id = m.id.replace(/^(\d)\.\d+/, (_, t) => `${t}.${1 + Math.floor(r() * 40)}`);
    if (Array.isArray(m.partners) && m.partners.length > 1 && r() < 0.5) m.partners.reverse();
    if (m.title?.fi && r() < 0.5) m.title.fi = `${m.title.fi} (muutos ${i})`;
    if (r() < 0.5) m.updated = `2018-0${1 + Math.floor(r() * 5)}-1${Math.floor(r() * 10)}`;
    if (r() < 0.25) {
      withProblems++;
      pick(problems)(m);
      if (r() < 0.3) pick(problems)(m);
    }
    writeFileSync(join(dir, `measure-${String(i).padStart(5, "0")}.json`), `${JSON.stringify(m, null, 2)}\n`);
  }
  return { count, withProblems };
}

export const commands = (dir) => ({
  "measure-rules": {
    line: `node wasm/npm/cli.mjs check ${dir} --format json --as-of ${AS_OF} > /dev/null`,
    cmd: process.execPath,
    args: [CLI, "check", dir, "--format", "json", "--as-of", AS_OF],
  },
  // The same with one thread: by default the CLI checks a large set of files for --format
  // json on one thread per core (two here), ajv-cli on one; this row shows what that buys.
  "measure-rules --jobs 1": {
    line: `node wasm/npm/cli.mjs check ${dir} --format json --as-of ${AS_OF} --jobs 1 > /dev/null`,
    cmd: process.execPath,
    args: [CLI, "check", dir, "--format", "json", "--as-of", AS_OF, "--jobs", "1"],
  },
  "ajv-cli": {
    line: `node_modules/.bin/ajv validate --spec=draft2020 --all-errors --allow-union-types --errors=json -s schemas/measure.schema.json -d "${dir}/*.json" > /dev/null 2>&1`,
    cmd: process.execPath,
    args: [AJV_CLI, "validate", "--spec=draft2020", "--all-errors", "--allow-union-types", "--errors=json", "-s", "schemas/measure.schema.json", "-d", `${dir}/*.json`],
  },
});

/**
 * Untimed: what each tool found. ajv's verdict per file comes from ajv in this process, with
 * ajv-cli's options; measure-rules' from its CLI's JSON output.
 */
async function coverage(dir) {
  const { makeAjv } = await import("./peers/ajv.mjs");
  const ajv = makeAjv();
  const c = commands(dir)["measure-rules"];
  const res = spawnSync(c.cmd, c.args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
  const reports = JSON.parse(res.stdout).files;
  let ajvInvalid = 0;
  let missed = 0;
  let mrWithFindings = 0;
  let mrWithErrors = 0;
  let mrBeyondSchema = 0;
  let mrFindings = 0;
  for (const f of reports) {
    const text = readFileSync(f.file, "utf8");
    const invalid = ajv.check(JSON.parse(text)).length > 0;
    const findings = f.report?.findings ?? [];
    mrFindings += findings.length;
    if (invalid) {
      ajvInvalid++;
      if (!findings.some((x) => x.rule.startsWith("schema."))) missed++;
    }
    const warnOrError = findings.filter((x) => x.severity !== "info");
    if (warnOrError.length) mrWithFindings++;
    if (findings.some((x) => x.severity === "error")) mrWithErrors++;
    if (warnOrError.some((x) => !x.rule.startsWith("schema."))) mrBeyondSchema++;
  }
  return { files: reports.length, ajvInvalid, ajvInvalidMissedByMeasureRules: missed, mrFindings, mrWithFindings, mrWithErrors, mrBeyondSchema };
}

/**
 * Where the CLI's time goes over the same files: one more run under V8's sampling profiler
 * (not timed for the table), inclusive time of its parts.
 */
function cliProfile(dir) {
  const profDir = mkdtempSync(join(tmpdir(), "measure-rules-cliprof-"));
  try {
    // One thread: each thread writes a profile of its own.
    const c = commands(dir)["measure-rules --jobs 1"];
    spawnSync(c.cmd, ["--cpu-prof", "--cpu-prof-dir", profDir, "--cpu-prof-interval", "200", ...c.args], { cwd: root, stdio: "ignore" });
    const p = JSON.parse(readFileSync(join(profDir, readdirSync(profDir)[0]), "utf8"));
    const byId = new Map(p.nodes.map((x) => [x.id, x]));
    const parent = new Map();
    for (const x of p.nodes) for (const ch of x.children ?? []) parent.set(ch, x.id);
    const parts = [
      ["engine.checkDocumentJson (wasm, per file)", (f) => f.functionName === "checkDocumentJson" && f.url.endsWith("measure_rules.js")],
      ["reading the files (readShared: open, read, close)", (f) => f.functionName === "readShared" && f.url.endsWith("cli.mjs")],
      ["finding the files (expand, walk, sort)", (f) => f.functionName === "expand" && f.url.endsWith("cli.mjs")],
      ["writing the JSON report (the reports' bytes joined)", (f) => f.functionName === "json" && f.url.endsWith("cli.mjs")],
    ];
    const counts = new Map(parts.map(([name]) => [name, 0]));
    let gc = 0;
    for (const id of p.samples) {
      const frames = [];
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur).callFrame);
      if (frames[0].functionName === "(garbage collector)") gc++;
      const hit = parts.find(([, test]) => frames.some(test));
      if (hit) counts.set(hit[0], counts.get(hit[0]) + 1);
    }
    const total = p.samples.length;
    const ms = (p.endTime - p.startTime) / 1000;
    const rows = [...counts].map(([name, c]) => ({ part: name, share: c / total, ms: (ms * c) / total }));
    const rest = total - [...counts.values()].reduce((a, b) => a + b, 0);
    rows.push({ part: "the rest: Node start-up, loading and compiling the wasm, GC outside the parts above", share: rest / total, ms: (ms * rest) / total });
    return { profiledMs: ms, gcShare: gc / total, rows };
  } finally {
    rmSync(profDir, { recursive: true, force: true });
  }
}

export async function ciJob({ quick = false, keep, log = () => {} } = {}) {
  const count = quick ? 1000 : 10000;
  // Seven interleaved runs each: on this shared virtual machine one run of either tool
  // moves by 20 to 30 %, and the medians of three were as far apart as the tools.
  const runs = quick ? 1 : 7;
  const base = keep ?? mkdtempSync(join(tmpdir(), "measure-rules-ci-"));
  const dir = join(base, "measures");
  try {
    rmSync(dir, { recursive: true, force: true });
    log(`ci job: generating ${count} files`);
    const gen = generate(dir, count);
    const bytes = readdirSync(dir).reduce((n, f) => n + readFileSync(join(dir, f)).length, 0);
    const cmds = commands(dir);
    const samples = Object.fromEntries(Object.keys(cmds).map((name) => [name, []]));
    for (let i = 0; i < runs; i++) {
      for (const name of Object.keys(cmds)) {
        log(`ci job: ${name}, run ${i + 1} of ${runs}`);
        samples[name].push(timed(cmds[name].cmd, cmds[name].args));
      }
    }
    log("ci job: coverage");
    const cov = await coverage(dir);
    log("ci job: profile of the measure-rules CLI");
    const profile = cliProfile(dir);
    const results = {};
    for (const [name, s] of Object.entries(samples)) {
      results[name] = {
        command: cmds[name].line.replaceAll(dir, "<dir>"),
        wall: stats(s.map((x) => x.wall)).median,
        walls: s.map((x) => x.wall),
        rssKiB: stats(s.map((x) => x.rssKiB)).median,
        exit: s.map((x) => x.status),
      };
    }
    return { count, runs, bytes, generated: gen, results, coverage: cov, profile };
  } finally {
    if (!keep) rmSync(base, { recursive: true, force: true });
  }
}

export function ciTable(r) {
  const mr = r.results["measure-rules"];
  const rows = Object.entries(r.results).map(([name, s]) => [
    name,
    `\`${s.command}\``,
    s.wall.toFixed(2),
    (s.rssKiB / 1024).toFixed(0),
    fmt.ratio(s.wall / mr.wall),
    fmt.ratio(s.rssKiB / mr.rssKiB),
    s.exit.join(","),
  ]);
  const t = table(
    [
      { title: "tool" },
      { title: "command" },
      { title: "wall s (median)", align: "r" },
      { title: "peak RSS MiB", align: "r" },
      { title: "wall ÷ measure-rules", align: "r" },
      { title: "RSS ÷ measure-rules", align: "r" },
      { title: "exit", align: "r" },
    ],
    rows,
  );
  const c = r.coverage;
  const prof = table(
    [{ title: `where measure-rules' CLI spends its time (CPU profile of one more run with --jobs 1, ${r.profile.profiledMs.toFixed(0)} ms profiled)` }, { title: "share", align: "r" }, { title: "ms", align: "r" }],
    r.profile.rows.map((x) => [x.part, `${(x.share * 100).toFixed(1)} %`, x.ms.toFixed(0)]),
  );
  return `${t}

${prof}

Garbage collection, wherever it falls: ${(r.profile.gcShare * 100).toFixed(1)} % of the samples. Per file, checkDocumentJson takes ${((r.profile.rows[0].ms * 1000) / r.count).toFixed(0)} µs on average.

${r.count} files (${(r.bytes / 1e6).toFixed(1)} MB), ${r.generated.withProblems} with a deliberate problem; median of ${r.runs} run(s) each, interleaved (walls: ${Object.entries(r.results)
    .map(([n, s]) => `${n} ${s.walls.join(" / ")}`)
    .join("; ")}).
What each found: ajv rejects ${c.ajvInvalid} file(s) (shape only); measure-rules has warnings or errors in ${c.mrWithFindings} (errors in ${c.mrWithErrors}), ${c.mrBeyondSchema} of them for rules beyond the schema; ${c.mrFindings} findings in all, info notes included. Files ajv rejects that measure-rules passes without a schema.* finding: ${c.ajvInvalidMissedByMeasureRules}.`;
}

if (process.argv[1] === SELF) {
  const k = process.argv.indexOf("--keep");
  const r = await ciJob({ quick: process.argv.includes("--quick"), keep: k > 0 ? process.argv[k + 1] : undefined, log: (m) => process.stderr.write(`${m}\n`) });
  console.log(ciTable(r));
}
