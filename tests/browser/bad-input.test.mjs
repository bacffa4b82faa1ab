// The bad-input suite in a real browser (Debian's Chromium, driven by playwright-core): the
// package imported as a plain ES module under the strict CSP, the fixture files fetched as
// bytes, the same shared runner and expectations as in Node and natively.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readJson, root } from "../node/helpers.mjs";
import { jsCases } from "../shared/bad-input.mjs";
import { resultsOfPage } from "./serve.mjs";

test("the bad-input suite in Chromium: every case, the same findings", { timeout: 120_000 }, async () => {
  const { problems, results } = await resultsOfPage(root, "tests/browser/bad-input.html", { timeout: 90_000 });
  assert.deepEqual(problems, []);
  assert.deepEqual(results.failures, []);
  const expected = jsCases(readJson("tests/fixtures/bad-input/cases.json")).map((c) => c.name);
  assert.deepEqual(results.names, expected, "every case ran");
  assert.ok(results.ms < 60_000, `the suite took ${results.ms} ms: ${JSON.stringify(results.times)}`);
});
