// The shared rule cases (tests/fixtures/cases.json), run through the WebAssembly engine in
// Node: the same expectations the Rust tests and the browser test hold the engine to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine } from "measure-rules";
import { cases } from "../shared/cases.mjs";
import { readJson } from "./helpers.mjs";

for (const c of cases(readJson("tests/fixtures/cases.json"))) {
  test(c.name, () => assert.deepEqual(c.run(Engine), []));
}
