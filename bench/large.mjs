#!/usr/bin/env node
// A large document's first check in a fresh Node process, against its second: for the
// engine's authors, to see what growing the wasm's memory costs (V8 collects garbage on every
// growth) and what reserving it in one step saves. Not part of `npm run bench`: no peer
// checks documents this size, and the figures are about one process's start.
//
//   node bench/large.mjs [--steps N] [--rounds R] [<checkout> ...]
//
// Each round runs, for each checkout (default: this one) and each way (the measure's JSON
// text, then the measure as an object), one fresh process that builds a measure of N steps
// (default 200,000; about 9 MB of JSON), checks it twice and counts V8's full collections
// during the first check. Prints the medians over the rounds, and the process's RSS after.
import { spawnSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { arg, positional, root, table } from "./lib.mjs";
import { stats } from "./timing.mjs";

async function worker(checkout, way, steps) {
  const { PerformanceObserver } = await import("node:perf_hooks");
  const { Engine } = await import(pathToFileURL(join(checkout, "wasm", "npm", "node.mjs")).href);
  const engine = new Engine();
  const measure = { id: "2.1", steps: Array.from({ length: steps }, (_, i) => ({ number: 1, text: { fi: `vaihe ${i}` } })) };
  const doc = way === "text" ? JSON.stringify(measure) : measure;
  let major = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.detail?.kind === 4 /* NODE_PERFORMANCE_GC_MAJOR */) major++;
  });
  gc.observe({ entryTypes: ["gc"] });
  let t = performance.now();
  const first = engine.checkMeasure(doc);
  const firstMs = performance.now() - t;
  // Entries arrive after the call: wait for them before reading the count.
  await new Promise((r) => setTimeout(r, 50));
  const collections = major;
  t = performance.now();
  engine.checkMeasure(doc);
  const secondMs = performance.now() - t;
  gc.disconnect();
  const rss = process.memoryUsage().rss;
  if (first.findings.length === 0) throw new Error("the measure was not checked");
  process.stdout.write(JSON.stringify({ firstMs, secondMs, collections, rss, findings: first.findings.length }));
}

const median = (xs) => stats(xs).median;

async function main() {
  if (process.argv[2] === "--worker") return worker(process.argv[3], process.argv[4], Number(process.argv[5]));
  const steps = Number(arg("--steps", 200_000));
  const rounds = Number(arg("--rounds", 3));
  const checkouts = positional(["--steps", "--rounds"]);
  const list = (checkouts.length ? checkouts : [root]).map((c) => resolve(c));
  const runs = new Map();
  for (let round = 0; round < rounds; round++) {
    for (const checkout of list) {
      for (const way of ["text", "object"]) {
        const r = spawnSync(process.execPath, [process.argv[1], "--worker", checkout, way, String(steps)], { encoding: "utf8", maxBuffer: 1 << 20 });
        if (r.status !== 0) throw new Error(`${checkout} ${way}: ${r.stderr}`);
        const key = `${checkout}\t${way}`;
        runs.set(key, [...(runs.get(key) ?? []), JSON.parse(r.stdout)]);
      }
    }
  }
  const rows = [...runs].map(([key, rs]) => {
    const [checkout, way] = key.split("\t");
    return [
      relative(process.cwd(), checkout) || ".",
      way,
      median(rs.map((r) => r.firstMs)).toFixed(0),
      median(rs.map((r) => r.secondMs)).toFixed(0),
      String(median(rs.map((r) => r.collections))),
      (median(rs.map((r) => r.rss)) / 1e6).toFixed(0),
    ];
  });
  process.stdout.write(`A measure of ${steps.toLocaleString("en")} steps, checked twice in a fresh Node ${process.version} process; medians of ${rounds} rounds.\n\n`);
  const columns = [
    { title: "checkout" },
    { title: "way" },
    { title: "first check ms", align: "r" },
    { title: "second check ms", align: "r" },
    { title: "full GCs in the first", align: "r" },
    { title: "RSS after, MB", align: "r" },
  ];
  process.stdout.write(`${table(columns, rows)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
