#!/usr/bin/env node
// Two or more builds of the package, compared in one process: each build's engine is loaded
// from its own checkout, then blocks of calls alternate between them, so that a busy or
// throttled machine slows them alike. For the engine's authors, to judge a change to the
// bindings or the engine; not part of `npm run bench` (the peers are compared there).
//
//   node bench/compare-builds.mjs [--browser] <form|heavy|programme|programme-text> <checkout> <checkout> [...]
//
// Each checkout must have its package built (bash wasm/build.sh). In Node the Node build is
// compared; with --browser, the browser build, every checkout's in one page of Debian's
// Chromium (its V8 is years newer than Node 20's, and the two have ranked changes
// differently: docs/decisions/0002-values-cross-as-tapes.md). form: checkMeasure(object) over
// the form job's 52 inputs; heavy: its four slowest inputs; programme: checkProgramme(object)
// of the real programme; programme-text: the same given as its JSON text (parsed in the
// engine, and every finding placed at line and column). Prints, per build, the fastest and
// the median block's mean time per call.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { root } from "./lib.mjs";
import { alternate } from "./timing.mjs";

const argv = process.argv.slice(2);
const BROWSER = argv[0] === "--browser";
const [mode = "form", ...checkouts] = BROWSER ? argv.slice(1) : argv;
const PROGRAMME = mode.startsWith("programme");
if (!["form", "heavy", "programme", "programme-text"].includes(mode) || checkouts.length < 2) {
  process.stderr.write("usage: node bench/compare-builds.mjs [--browser] <form|heavy|programme|programme-text> <checkout> <checkout> [...]\n");
  process.exit(2);
}
const HEAVY = ["programme 2.2", "programme 2.7", "programme 3.5", "programme 3.2"];
const opts = { lang: LANG, asOf: AS_OF };
const args = PROGRAMME
  ? [readFileSync(join(root, "data", "programme-2017.json"), "utf8")].map((t) => (mode === "programme" ? JSON.parse(t) : t))
  : formInputs()
      .filter((i) => mode === "form" || HEAVY.includes(i.name))
      .map((i) => i.measure);
const perBlock = PROGRAMME ? 20 : 520;
const ROUNDS = 150;

async function inBrowser() {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM, CHROMIUM_ARGS, serve } = await import("../tests/browser/serve.mjs");
  // Served from the file system's root, so that checkouts anywhere can be loaded side by side;
  // only their packages and the blank page are reachable.
  const dirs = checkouts.map((dir) => relative("/", join(resolve(dir), "wasm", "npm")) + "/");
  const page = relative("/", join(root, "bench", "browser", "calls.html"));
  const timing = relative("/", join(root, "bench", "timing.mjs"));
  const server = await serve("/", { allowed: [...dirs, page, timing] });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/${page}`);
    return await tab.evaluate(
      async ({ dirs, timing, args, opts, programme, perBlock, rounds }) => {
        const calls = [];
        for (const dir of dirs) {
          const engine = new (await import(`/${dir}index.js`)).Engine();
          calls.push(programme ? (x) => engine.checkProgramme(x, opts) : (x) => engine.checkMeasure(x, opts));
        }
        const { alternate } = await import(`/${timing}`);
        return alternate(calls, args, perBlock, rounds);
      },
      { dirs, timing, args, opts, programme: PROGRAMME, perBlock, rounds: ROUNDS },
    );
  } finally {
    await browser.close();
    server.close();
  }
}

function inNode() {
  const require = createRequire(import.meta.url);
  const calls = checkouts.map((dir) => {
    const { Engine } = require(join(resolve(dir), "wasm", "npm", "node", "measure_rules.js"));
    const engine = new Engine();
    return PROGRAMME ? (x) => engine.checkProgramme(x, opts) : (x) => engine.checkMeasure(x, opts);
  });
  return alternate(calls, args, perBlock, ROUNDS);
}

const blocks = BROWSER ? await inBrowser() : inNode();
const unit = PROGRAMME ? "µs per programme" : "µs per measure";
blocks.forEach((times, k) => {
  process.stdout.write(`${checkouts[k]}: fastest block ${times[0].toFixed(2)}, median block ${times[times.length >> 1].toFixed(2)} ${unit}${BROWSER ? " (Chromium)" : ""}\n`);
});
