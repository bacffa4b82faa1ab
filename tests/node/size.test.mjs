// The browser build's size budget (issue 3): 150 KB of gzipped wasm. A size is a property
// of the build, not a timing, so it is held here; what each part costs is in BENCHMARKS.md.
// This test caught a single `Number::to_string` (float printing) adding 14 KB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./helpers.mjs";

const BUDGET = 150_000;

test("the browser wasm is within its budget of 150 KB gzipped", () => {
  const wasm = readFileSync(join(root, "wasm/npm/web/measure_rules_bg.wasm"));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gzipped <= BUDGET, `npm/web/measure_rules_bg.wasm is ${gzipped} bytes gzipped, over the budget of ${BUDGET}`);
});
