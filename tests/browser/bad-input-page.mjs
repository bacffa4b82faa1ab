// Loaded by bad-input.html in Chromium: runs the bad-input suite through the package, imported
// as a plain ES module, with the fixture files fetched from the test server as bytes, and
// publishes the outcome for the test driver (tests/browser/bad-input.test.mjs).
import { Engine } from "/wasm/npm/index.js";
import { jsCases, runCase } from "/tests/shared/bad-input.mjs";

const base = "/tests/fixtures/bad-input/";
const load = async (file) => {
  const response = await fetch(base + file);
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

const started = performance.now();
const doc = await (await fetch(base + "cases.json")).json();
const engine = new Engine();
const failures = [];
const times = {};
const cases = jsCases(doc);
for (const c of cases) {
  const t = performance.now();
  try {
    failures.push(...(await runCase(Engine, doc, c, load, engine)));
  } catch (e) {
    failures.push(`${c.name}: ${e?.stack ?? e}`);
  }
  times[c.name] = Math.round(performance.now() - t);
}
window.__results = { cases: cases.length, names: cases.map((c) => c.name), failures, times, ms: Math.round(performance.now() - started) };
document.getElementById("status").textContent = failures.length ? "failed" : "passed";
