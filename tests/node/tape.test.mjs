// The JS half of the report's crossing (wasm/src/tape.mjs; the Rust half, wasm/src/tape.rs, is
// tested natively): the op codes are the ones tape.rs defines. Each test imports a fresh copy
// of the module, since it keeps the keys it has been sent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Engine } from "../../wasm/npm/node.mjs";
import { readJson, root } from "./helpers.mjs";
import { merge } from "../shared/cases.mjs";

const [NULL, TRUE, FALSE, NUMBER, STRING, ARRAY, OBJECT, END, NEW_KEY, ONCE_KEY, KEY] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16];
let copies = 0;
const fresh = () => import(`${pathToFileURL(join(root, "wasm/src/tape.mjs")).href}?copy=${copies++}`);
const build = (m, ops, numbers, text) => m.build(Uint32Array.from(ops), Float64Array.from(numbers), text);

test("values, keys sent once, and strings sliced by UTF-16 length", async () => {
  const m = await fresh();
  const text = "x" + "a😀b" + "rule" + "é";
  const ops = [OBJECT, NEW_KEY, 1, ARRAY, STRING, 4, NULL, TRUE, FALSE, NUMBER, END, NEW_KEY, 4, STRING, 1, END];
  assert.deepEqual(build(m, ops, [-0.5], text), { x: ["a😀b", null, true, false, -0.5], rule: "é" });
  assert.equal(m.knownKeys(), 2);
  // The second time the keys come by number.
  assert.deepEqual(build(m, [OBJECT, KEY + 1, STRING, 2, KEY, NUMBER, END], [3], "ok"), { rule: "ok", x: 3 });
  // A key sent every time (past the wasm's table) is not kept.
  assert.deepEqual(build(m, [OBJECT, ONCE_KEY, 1, TRUE, END], [], "k"), { k: true });
  assert.equal(m.knownKeys(), 2);
});

test("a key __proto__ is an own property, as JSON.parse makes it", async () => {
  const m = await fresh();
  const got = build(m, [OBJECT, NEW_KEY, 9, OBJECT, NEW_KEY, 1, TRUE, END, ONCE_KEY, 9, NULL, END], [], "__proto__a__proto__");
  assert.deepEqual(Object.keys(got), ["__proto__"]);
  assert.equal(Object.getPrototypeOf(got), Object.prototype);
  assert.deepEqual(got, JSON.parse('{"__proto__": null}'));
  assert.equal(got.a, undefined);
});

test("a tape out of step with the keys is an error, not a wrong report", async () => {
  const m = await fresh();
  assert.throws(() => build(m, [OBJECT, KEY + 3, NULL, END], [], ""), /key 3 of a report was never sent/);
  assert.throws(() => build(m, [12], [], ""), /unknown op 12/);
});

test("reports cross as JSON.parse reads serde_json's text of them", () => {
  const engine = new Engine();
  const cases = readJson("tests/fixtures/cases.json");
  const docs = [readJson("data/programme-2017.json"), ...cases.measures.map((c) => merge(cases.base, c.patch))];
  const decoder = new TextDecoder();
  for (const lang of ["fi", "sv", "en"]) {
    for (const doc of docs) {
      const text = JSON.stringify(doc);
      const opts = { lang, asOf: "2018-06-01" };
      const asText = JSON.parse(decoder.decode(engine.checkDocumentJson(text, opts).json));
      assert.deepEqual(engine.checkDocument(text, opts), asText);
    }
  }
});
