#!/usr/bin/env node
// A check's latency when other work runs between checks, as between a form's keystrokes,
// against checks back to back as the form job times them. In the real pages of the browser
// job a keystroke's checkMeasure takes several times the loop's figure; this shows the same
// with nothing but plain JS between the calls, in Node and in Chromium, so that it is not
// the page. For the engine's authors; not part of `npm run bench`.
//
//   node bench/spaced.mjs [--browser] [--calls N]
//
// A new engine's first check is timed alone (in the browser, V8 compiles each wasm function
// when it is first called); then 5,000 checks warm it, and every row times N checks of the
// form job's 52 inputs in turn, with one of the gaps below run (untimed) before each.
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { fmt, root, table } from "./lib.mjs";

const browser = process.argv.includes("--browser");
const i = process.argv.indexOf("--calls");
const calls = i > 0 ? Number(process.argv[i + 1]) : 300;
const opts = { lang: LANG, asOf: AS_OF };
const inputs = formInputs().map((x) => x.measure);

/** Self-contained but for its imports (it runs in the page as well): the first check, then each gap's row. */
async function measure({ url, timingUrl, inputs, opts, calls }) {
  const { Engine } = await import(url);
  const { stats } = await import(timingUrl);
  const busy = (ms) => {
    const end = performance.now() + ms;
    let n = 0;
    while (performance.now() < end) n++;
    return n;
  };
  const big = new Float64Array(1 << 20);
  const gaps = [
    ["nothing (back to back, as the form job)", () => {}],
    ["a resolved promise (a microtask)", async () => {}],
    ["setTimeout 0 (a task of the event loop)", () => new Promise((r) => setTimeout(r, 0))],
    ["0.1 ms of a JS loop reading the clock", () => busy(0.1)],
    ["1 ms of the same", () => busy(1)],
    ["10 ms of the same", () => busy(10)],
    ["setTimeout 10 ms (idle)", () => new Promise((r) => setTimeout(r, 10))],
    ["reading 8 MB of numbers", () => big.reduce((a, b) => a + b, 0)],
    ["allocating 100,000 small objects", () => Array.from({ length: 100_000 }, (_, k) => ({ k })).length],
  ];
  const engine = new Engine();
  let t0 = performance.now();
  engine.checkMeasure(inputs[0], opts);
  const first = (performance.now() - t0) * 1000;
  for (let k = 0; k < 5000; k++) engine.checkMeasure(inputs[k % inputs.length], opts);
  const rows = [];
  let next = 0;
  for (const [name, gap] of gaps) {
    const t = [];
    for (let k = 0; k < calls; k++) {
      await gap();
      const m = inputs[next++ % inputs.length];
      t0 = performance.now();
      engine.checkMeasure(m, opts);
      t.push((performance.now() - t0) * 1000);
    }
    const { median, p99 } = stats(t);
    rows.push({ name, median, p99 });
  }
  return { first, rows, isolated: globalThis.crossOriginIsolated };
}

async function inChromium() {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM, CHROMIUM_ARGS, serve } = await import("../tests/browser/serve.mjs");
  const { isolate } = await import("./browser.mjs");
  const server = await serve(root, { allowed: ["wasm/npm/", "bench/"] });
  const b = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await b.newPage();
    // Cross-origin isolated, for the 5 µs timer (100 µs otherwise), as in the browser job.
    await isolate(page);
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/browser/calls.html`);
    return await page.evaluate(measure, { url: "/wasm/npm/index.js", timingUrl: "/bench/timing.mjs", inputs, opts, calls });
  } finally {
    await b.close();
    server.close();
  }
}

const r = browser ? await inChromium() : await measure({ url: "../wasm/npm/node.mjs", timingUrl: "./timing.mjs", inputs, opts, calls });
const where = browser ? `Chromium${r.isolated ? "" : " (not cross-origin isolated: 100 µs timer)"}` : `Node ${process.version}`;
console.log(
  table(
    [{ title: `between two checks (${where}; ${calls} checks each, ${LANG}, asOf ${AS_OF})` }, { title: "median µs", align: "r" }, { title: "p99 µs", align: "r" }],
    r.rows.map((x) => [x.name, fmt.us(x.median), fmt.us(x.p99)]),
  ),
);
console.log(`\nA new engine's first check: ${fmt.us(r.first)} µs.`);
