// The package in a real browser (Debian's Chromium, driven by playwright-core): imported as
// a plain ES module under a strict CSP, it passes the shared cases and checks the programme.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { readJson, root } from "../node/helpers.mjs";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

test("the package runs the shared cases in Chromium, without a bundler, under a strict CSP", { timeout: 120_000 }, async () => {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${server.address().port}/`)) problems.push(`request outside the origin: ${r.url()}`);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/package.html`);
    await page.waitForFunction(() => window.__results, null, { timeout: 60_000 });
    const results = await page.evaluate(() => window.__results);
    assert.deepEqual(problems, []);
    assert.deepEqual(results.failures, []);
    assert.ok(results.cases > 100, `${results.cases} cases`);
    assert.deepEqual(results.summary, readJson("tests/golden/programme-2017.en.json").summary, "same counts as the native engine");
  } finally {
    await browser.close();
    server.close();
  }
});
