// The bad-input suite in a real browser (Debian's Chromium, driven by playwright-core): the
// package imported as a plain ES module under the strict CSP, the fixture files fetched as
// bytes, the same shared runner and expectations as in Node and natively.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { readJson, root } from "../node/helpers.mjs";
import { jsCases } from "../shared/bad-input.mjs";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

test("the bad-input suite in Chromium: every case, the same findings", { timeout: 120_000 }, async () => {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on("crash", () => problems.push("the page crashed"));
    await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/bad-input.html`);
    await page.waitForFunction(() => window.__results, null, { timeout: 90_000 });
    const results = await page.evaluate(() => window.__results);
    assert.deepEqual(problems, []);
    assert.deepEqual(results.failures, []);
    const expected = jsCases(readJson("tests/fixtures/bad-input/cases.json")).map((c) => c.name);
    assert.deepEqual(results.names, expected, "every case ran");
    assert.ok(results.ms < 60_000, `the suite took ${results.ms} ms: ${JSON.stringify(results.times)}`);
  } finally {
    await browser.close();
    server.close();
  }
});
