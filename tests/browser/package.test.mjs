// The package in a real browser (Debian's Chromium, driven by playwright-core): imported as
// a plain ES module under a strict CSP, it passes the shared cases, reads objects as their JSON
// text (10,000 odd ones too, tests/shared/mutate.mjs), and checks the programme; and the same
// in a module Worker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readJson, root } from "../node/helpers.mjs";
import { resultsOfPage } from "./serve.mjs";

test("the package runs the shared cases in Chromium, without a bundler, under a strict CSP", { timeout: 120_000 }, async () => {
  const { problems, results } = await resultsOfPage(root, "tests/browser/package.html");
  assert.deepEqual(problems, []);
  assert.deepEqual(results.failures, []);
  assert.ok(results.cases > 100, `${results.cases} cases`);
  assert.ok(results.compared > 90, `${results.compared} objects compared with their text`);
  assert.ok(results.oddCompared > 9_000, `${results.oddCompared} of 10,000 odd measures compared with their text`);
  assert.deepEqual(results.summary, readJson("tests/golden/programme-2017.en.json").summary, "same counts as the native engine");
  // The same in a module Worker, under the same CSP.
  assert.deepEqual(results.worker.failures, []);
  assert.equal(results.worker.cases, results.cases);
  assert.deepEqual(results.worker.summary, results.summary);
});
