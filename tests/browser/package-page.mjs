// Loaded by package.html in Chromium: imports the package as a plain ES module (no bundler),
// runs the shared cases, checks that an object is read as its JSON text is (the browser build
// stringifies objects, the Node build walks them), over the fixtures and over the 10,000 odd
// measures tests/node/differential.test.mjs checks in Node, and publishes the outcome for the
// test driver.
import { Engine, rules, version } from "/wasm/npm/index.js";
import { cases, merge, placeless } from "/tests/shared/cases.mjs";
import { measureSeeds, objectsAgainstText } from "/tests/shared/mutate.mjs";

const started = performance.now();
const doc = await (await fetch("/tests/fixtures/cases.json")).json();
const all = cases(doc);
const failures = all.flatMap((c) => c.run(Engine));
const programme = await (await fetch("/data/programme-2017.json")).text();
const engine = new Engine();
const opts = { lang: "en", asOf: "2018-06-01" };
const report = engine.checkProgramme(programme, opts);
const same = (a, b) => JSON.stringify(placeless(a)) === JSON.stringify(placeless(b));
const objects = [...doc.measures.map((c) => merge(doc.base, c.patch)), { ...doc.base, title: { fi: "yksinäinen \ud800 sijaismerkki" } }];
for (const [i, m] of objects.entries()) {
  if (!same(engine.checkMeasure(m, opts), engine.checkMeasure(JSON.stringify(m), opts))) failures.push(`object ${i} is read otherwise than its JSON text`);
}
const programmes = [...doc.programmes.map((c) => c.programme), JSON.parse(programme)];
for (const [i, p] of programmes.entries()) {
  if (!same(engine.checkProgramme(p, opts), engine.checkProgramme(JSON.stringify(p), opts))) failures.push(`programme ${i} is read otherwise than its JSON text`);
}
const odd = objectsAgainstText(engine, measureSeeds(JSON.parse(programme), doc), { seed: 20171006, count: 10_000, opts: { lang: "fi", asOf: "2019-06-01" } });
failures.push(...odd.failures);
const worker = await new Promise((resolve, reject) => {
  const w = new Worker("/tests/browser/package-worker.mjs", { type: "module" });
  w.onmessage = (e) => resolve(e.data);
  w.onerror = (e) => reject(new Error(`the module worker failed: ${e.message}`));
});
window.__results = { version: version(), rules: rules().length, cases: all.length, compared: objects.length + programmes.length, oddCompared: odd.compared, failures, summary: report.summary, worker, ms: performance.now() - started };
document.getElementById("status").textContent = failures.length ? "failed" : "passed";
