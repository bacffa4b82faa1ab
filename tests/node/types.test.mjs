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

// Both with a plain library (no `esnext.disposable`) and `skipLibCheck: false`, as a strict
// project compiles them: the Node entry as Node resolves it, the browser entry as a bundler does.
for (const config of ["tsconfig.json", "tsconfig.web.json"]) {
  test(`the typed usage example compiles (${config})`, () => {
    const tsc = join(root, "node_modules", ".bin", "tsc");
    try {
      execFileSync(tsc, ["-p", join(root, "tests", "node", config)], { cwd: root, stdio: "pipe", encoding: "utf8" });
    } catch (e) {
      assert.fail(e.stdout || e.message);
    }
  });
}
