// The package through a bundler: Vite builds a page that imports "measure-rules" by name,
// and the bundle runs in Chromium under the strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { root, tempDir } from "../node/helpers.mjs";
import { resultsOfPage } from "./serve.mjs";

test("a Vite bundle of the package runs in Chromium", { timeout: 180_000 }, async () => {
  const out = tempDir("measure-rules-vite-");
  execFileSync(join(root, "node_modules", ".bin", "vite"), ["build", "tests/browser/bundler", "--outDir", out], { cwd: root, stdio: "pipe" });
  const { problems, results } = await resultsOfPage(out, "index.html", { allowed: [""] });
  assert.deepEqual(problems, []);
  assert.ok(results.rules.includes("id.canonical") && results.rules.includes("lead-body.unknown"), JSON.stringify(results));
  assert.match(results.message, /Menade du Tulli/);
});
