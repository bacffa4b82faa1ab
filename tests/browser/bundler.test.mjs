// The package through a bundler: Vite builds a page that imports "measure-rules" by name,
// and the bundle runs in Chromium under the strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { root } from "../node/helpers.mjs";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

test("a Vite bundle of the package runs in Chromium", { timeout: 180_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), "measure-rules-vite-"));
  execFileSync(join(root, "node_modules", ".bin", "vite"), ["build", "tests/browser/bundler", "--outDir", out], { cwd: root, stdio: "pipe" });
  const server = await serve(out, { allowed: [""] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForFunction(() => window.__results, null, { timeout: 60_000 });
    const results = await page.evaluate(() => window.__results);
    assert.deepEqual(problems, []);
    assert.ok(results.rules.includes("id.canonical") && results.rules.includes("lead-body.unknown"), JSON.stringify(results));
    assert.match(results.message, /Menade du Tulli/);
  } finally {
    await browser.close();
    server.close();
  }
});
