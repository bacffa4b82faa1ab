#!/usr/bin/env node
// Two or more builds of the Node package, compared in one process: each build's engine is
// loaded from its own checkout, then blocks of calls alternate between them, so that a busy
// or throttled machine slows them alike. For the engine's authors, to judge a change to the
// bindings or the engine; not part of `npm run bench` (the peers are compared there).
//
//   node bench/compare-builds.mjs <form|heavy|programme|programme-text> <checkout> <checkout> [...]
//
// Each checkout must have its package built (bash wasm/build.sh). form: checkMeasure(object)
// over the form job's 52 inputs; heavy: its four slowest inputs; programme: checkProgramme
// (object) of the real programme; programme-text: the same given as its JSON text (parsed
// in the engine, and every finding placed at line and column). Prints, per build, the fastest and the median block's mean
// time per call.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { root } from "./lib.mjs";

const [mode = "form", ...checkouts] = process.argv.slice(2);
const PROGRAMME = mode.startsWith("programme");
if (!["form", "heavy", "programme", "programme-text"].includes(mode) || checkouts.length < 2) {
  process.stderr.write("usage: node bench/compare-builds.mjs <form|heavy|programme|programme-text> <checkout> <checkout> [...]\n");
  process.exit(2);
}
const HEAVY = ["programme 2.2", "programme 2.7", "programme 3.5", "programme 3.2"];
const opts = { lang: LANG, asOf: AS_OF };
const args =
  PROGRAMME
    ? [readFileSync(join(root, "data", "programme-2017.json"), "utf8")].map((t) => (mode === "programme" ? JSON.parse(t) : t))
    : formInputs()
        .filter((i) => mode === "form" || HEAVY.includes(i.name))
        .map((i) => i.measure);
const perBlock = PROGRAMME ? 20 : 520;
const require = createRequire(import.meta.url);
const calls = checkouts.map((dir) => {
  const { Engine } = require(join(resolve(dir), "wasm", "npm", "node", "measure_rules.js"));
  const engine = new Engine();
  return PROGRAMME ? (x) => engine.checkProgramme(x, opts) : (x) => engine.checkMeasure(x, opts);
});
for (const call of calls) for (let i = 0; i < perBlock * 40; i++) call(args[i % args.length]);
const blocks = calls.map(() => []);
for (let round = 0; round < 150; round++) {
  calls.forEach((call, k) => {
    const start = performance.now();
    for (let i = 0; i < perBlock; i++) call(args[i % args.length]);
    blocks[k].push(((performance.now() - start) * 1000) / perBlock);
  });
}
const unit = PROGRAMME ? "µs per programme" : "µs per measure";
blocks.forEach((times, k) => {
  times.sort((a, b) => a - b);
  process.stdout.write(`${checkouts[k]}: fastest block ${times[0].toFixed(2)}, median block ${times[times.length >> 1].toFixed(2)} ${unit}\n`);
});
