#!/usr/bin/env node
// What sets the Chromium p99 of the browser job's calls (BENCHMARKS.md, item 34): the same
// loop as bench/browser/calls.mjs (cross-origin isolated, warmed up, then N timed over the
// form job's 52 inputs), with each call's time kept per input. For the
// engine's authors; not part of `npm run bench`.
//
//   node bench/tail.mjs [--pages P] [--calls N] [--warmup N] [--warmup-ms MS]
//
// The warm-up is the browser job's unless given: at least 5,000 calls and at least WARMUP_MS
// (bench/timing.mjs) of them.
//
// The pages come in pairs. The first of a pair only times the calls. The second also reads
// the JS heap's size after each call (`performance.memory`, precise with
// `--enable-precise-memory-info`, read once the call's clock has stopped) and marks a call
// after which the heap was smaller as one that ran a collection. That read is work between
// two calls, which makes the next call slower (BENCHMARKS.md, item 12): the second page's
// times are not the loop's, only its collections are.
//
// Per page: the median and p99 of all calls; how many of the slowest 1 % are the four
// largest measures (by JSON text); those four's medians and p99s; the other inputs' median
// and p99; how many calls took 50 µs (the target) or 150 µs or more; how many ran a
// collection, and how many of those are among the slowest 1 %.
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { WARMUP_MS, arg, fmt, root, table } from "./lib.mjs";

const pages = Number(arg("--pages", 4));
const calls = Number(arg("--calls", 20000));
const WARMUP = Number(arg("--warmup", 5000));
const WARMUP_FOR_MS = Number(arg("--warmup-ms", WARMUP_MS));

/** Runs in the page. */
async function measure({ inputs, opts, calls, warmup, warmupMs, heapEach }) {
  const { Engine } = await import("/wasm/npm/index.js");
  const { stats, warmUp } = await import("/bench/timing.mjs");
  const engine = new Engine();
  const k = inputs.length;
  warmUp((m) => engine.checkMeasure(m, opts), inputs, warmup, warmupMs);
  const d = new Float64Array(calls);
  const collected = new Uint8Array(calls);
  let heap = performance.memory.usedJSHeapSize;
  for (let i = 0; i < calls; i++) {
    const x = inputs[i % k];
    const t0 = performance.now();
    engine.checkMeasure(x, opts);
    d[i] = (performance.now() - t0) * 1000;
    if (heapEach) {
      const now = performance.memory.usedJSHeapSize;
      if (now < heap) collected[i] = 1;
      heap = now;
    }
  }
  const size = inputs.map((m) => JSON.stringify(m).length);
  const largest = [...size.keys()].sort((a, b) => size[b] - size[a]).slice(0, 4);
  const slowest = [...d.keys()].sort((a, b) => d[b] - d[a]).slice(0, Math.ceil(calls / 100));
  const of = (pick) => stats(d.filter((_, i) => pick(i % k)));
  return {
    isolated: globalThis.crossOriginIsolated,
    heapEach,
    all: stats(d),
    largestInSlowest: slowest.filter((i) => largest.includes(i % k)).length,
    slowest: slowest.length,
    largest: largest.map((j) => of((x) => x === j)),
    others: of((x) => !largest.includes(x)),
    // Whole steps of a 5 µs clock, so "at least 50" is "not under 50".
    atLeast50: d.filter((x) => x >= 49.99).length,
    atLeast150: d.filter((x) => x >= 149.99).length,
    // Are the slow calls early (the engine still being compiled) or spread out?
    inFirstTenth: slowest.filter((i) => i < calls / 10).length,
    collections: collected.reduce((a, b) => a + b, 0),
    collectionsInSlowest: slowest.filter((i) => collected[i]).length,
  };
}

const { chromium } = await import("playwright-core");
const { CHROMIUM, CHROMIUM_ARGS, serve } = await import("../tests/browser/serve.mjs");
const { isolate } = await import("./browser.mjs");
const server = await serve(root, { allowed: ["wasm/npm/", "bench/"] });
const rows = [];
try {
  for (let p = 0; p < pages; p++) {
    const b = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"] });
    try {
      const page = await b.newPage();
      await isolate(page);
      await page.goto(`http://127.0.0.1:${server.address().port}/bench/browser/calls.html`);
      const inputs = formInputs().map((x) => x.measure);
      const r = await page.evaluate(measure, { inputs, opts: { lang: LANG, asOf: AS_OF }, calls, warmup: WARMUP, warmupMs: WARMUP_FOR_MS, heapEach: p % 2 === 1 });
      rows.push(r);
      console.error(`tail: page ${p + 1} of ${pages} done`);
    } finally {
      await b.close();
    }
  }
} finally {
  server.close();
}

const us = (x) => fmt.us(x);
console.log(
  table(
    [
      { title: "page" },
      { title: "heap read" },
      { title: "median, p99 µs" },
      { title: "the 4 largest among the slowest 1 %", align: "r" },
      { title: "the 4 largest: medians; p99s µs" },
      { title: "the others: median, p99 µs" },
      { title: "of them in the first tenth of the calls", align: "r" },
      { title: "calls ≥ 50 µs", align: "r" },
      { title: "calls ≥ 150 µs", align: "r" },
      { title: "calls that ran a collection", align: "r" },
      { title: "of them among the slowest 1 %", align: "r" },
    ],
    rows.map((r, i) => [
      String(i + 1),
      r.heapEach ? "after each call" : "no",
      `${us(r.all.median)}, ${us(r.all.p99)}`,
      `${r.largestInSlowest} of ${r.slowest}`,
      `${r.largest.map((s) => us(s.median)).join(", ")}; ${r.largest.map((s) => us(s.p99)).join(", ")}`,
      `${us(r.others.median)}, ${us(r.others.p99)}`,
      String(r.inFirstTenth),
      String(r.atLeast50),
      String(r.atLeast150),
      r.heapEach ? String(r.collections) : "-",
      r.heapEach ? String(r.collectionsInSlowest) : "-",
    ]),
  ),
);
console.log(
  `\n${calls} timed calls per page after at least ${WARMUP} calls and ${WARMUP_FOR_MS} ms to warm up, ${LANG}, asOf ${AS_OF}; Chromium ${rows.length ? "" : "(no page ran) "}` +
    `cross-origin isolated: ${rows.every((r) => r.isolated)} (timer steps of 5 µs when true). The four largest measures are 4 of the 52 inputs, ${((4 / 52) * 100).toFixed(1)} % of the calls.`,
);
