// The package in a module Worker, as a page that checks a large programme off its main thread
// would run it: the same shared cases and the same report of the programme as on the page.
import { Engine } from "/wasm/npm/index.js";
import { cases } from "/tests/shared/cases.mjs";

const doc = await (await fetch("/tests/fixtures/cases.json")).json();
const all = cases(doc);
const failures = all.flatMap((c) => c.run(Engine));
const programme = await (await fetch("/data/programme-2017.json")).text();
const report = new Engine().checkProgramme(programme, { lang: "en", asOf: "2018-06-01" });
self.postMessage({ cases: all.length, failures, summary: report.summary });
