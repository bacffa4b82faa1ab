#!/usr/bin/env node
// A check's latency when other work runs between checks, as between a form's keystrokes,
// against checks back to back as the form job times them. In the real pages of the browser
// job a keystroke's checkMeasure takes several times the loop's figure; this shows the same
// in Node, with nothing but plain JS between the calls, so that it is the machine's caches
// and predictors going cold, not the page. For the engine's authors; not part of `npm run bench`.
//
//   node bench/spaced.mjs [--calls N]
//
// Every call checks the next of the form job's 52 inputs with a warm engine (5,000 calls
// first); between two timed calls runs one of the gaps below, untimed.
import { Engine } from "../wasm/npm/node.mjs";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { fmt, stats, table } from "./lib.mjs";

const i = process.argv.indexOf("--calls");
const calls = i > 0 ? Number(process.argv[i + 1]) : 300;
const engine = new Engine();
const opts = { lang: LANG, asOf: AS_OF };
const inputs = formInputs().map((x) => x.measure);
for (let k = 0; k < 5000; k++) engine.checkMeasure(inputs[k % inputs.length], opts);

const big = new Float64Array(1 << 20);
const GAPS = [
  ["none (back to back, as the form job)", () => {}],
  ["a resolved promise (a microtask)", async () => {}],
  ["setTimeout 0 (a task of the event loop)", () => new Promise((r) => setTimeout(r, 0))],
  ["0.1 ms of a JS loop reading the clock", () => busy(0.1)],
  ["1 ms of the same", () => busy(1)],
  ["10 ms of the same", () => busy(10)],
  ["setTimeout 10 ms (idle)", () => new Promise((r) => setTimeout(r, 10))],
  ["reading 8 MB of numbers", () => big.reduce((a, b) => a + b, 0)],
  ["allocating 100,000 small objects", () => Array.from({ length: 100_000 }, (_, k) => ({ k })).length],
];

function busy(ms) {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) n++;
  return n;
}

const rows = [];
let next = 0;
for (const [name, gap] of GAPS) {
  const t = [];
  for (let k = 0; k < calls; k++) {
    await gap();
    const m = inputs[next++ % inputs.length];
    const t0 = performance.now();
    engine.checkMeasure(m, opts);
    t.push((performance.now() - t0) * 1000);
  }
  const s = stats(t);
  rows.push([name, fmt.us(s.median), fmt.us(s.p99)]);
}
console.log(
  table([{ title: `between two checks (${calls} checks each, ${LANG}, asOf ${AS_OF})` }, { title: "median µs", align: "r" }, { title: "p99 µs", align: "r" }], rows),
);
