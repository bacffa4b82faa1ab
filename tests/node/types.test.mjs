// The generated TypeScript declarations: complete (no `any`) and usable (a typed example
// compiles with `tsc --noEmit`, and misuse does not).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { readText, root } from "./helpers.mjs";

test("declarations have no `any`", () => {
  for (const file of ["wasm/npm/web/measure_rules.d.ts", "wasm/npm/node/measure_rules.d.ts"]) {
    // `InitOutput` is wasm-bindgen's table of raw exports (pointers and handles), not the API.
    const text = readText(file)
      .replace(/export interface InitOutput \{[\s\S]*?\n\}/, "")
      .split("\n")
      .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
      .join("\n");
    // The type `any`, not the key of the `{ any: Condition[] }` combinator.
    assert.doesNotMatch(text, /\bany\b(?!\??:)/, file);
    assert.match(text, /export interface Report/, file);
    assert.match(text, /export interface Measure/, file);
  }
});

test("the typed usage example compiles", () => {
  const tsc = join(root, "node_modules", ".bin", "tsc");
  execFileSync(tsc, ["-p", join(root, "tests", "node", "tsconfig.json")], { cwd: root, stdio: "pipe" });
});
