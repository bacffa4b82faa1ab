// Loaded by package.html in Chromium: imports the package as a plain ES module (no bundler),
// runs the shared cases and publishes the outcome for the test driver.
import { Engine, rules, version } from "/wasm/npm/index.js";
import { cases } from "/tests/shared/cases.mjs";

const started = performance.now();
const doc = await (await fetch("/tests/fixtures/cases.json")).json();
const all = cases(doc);
const failures = all.flatMap((c) => c.run(Engine));
const programme = await (await fetch("/data/programme-2017.json")).text();
const report = new Engine().checkProgramme(programme, { lang: "en", asOf: "2018-06-01" });
window.__results = { version: version(), rules: rules().length, cases: all.length, failures, summary: report.summary, ms: performance.now() - started };
document.getElementById("status").textContent = failures.length ? "failed" : "passed";
