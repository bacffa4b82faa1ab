// The JS halves of the crossings (wasm/src/tape.mjs builds reports, wasm/src/walk.mjs walks
// objects in the Node build; their Rust halves, tape.rs and walk.rs, are tested natively): the
// op codes are the ones tape.rs defines. Each test imports a fresh copy of the module, since
// tape.mjs keeps the keys it has been sent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Engine } from "../../wasm/npm/node.mjs";
import { readJson, root } from "./helpers.mjs";
import { merge, placeless } from "../shared/cases.mjs";

const [NULL, TRUE, FALSE, NUMBER, STRING, ARRAY, OBJECT, END, NEW_KEY, ONCE_KEY, KEY] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 16];
let copies = 0;
const fresh = (name = "tape") => import(`${pathToFileURL(join(root, `wasm/src/${name}.mjs`)).href}?copy=${copies++}`);
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

test("an object is read as JSON.stringify's text of it is, whether walked or not", () => {
  const engine = new Engine();
  const cases = readJson("tests/fixtures/cases.json");
  const opts = { lang: "en", asOf: "2018-06-01" };
  class Thing {
    constructor() {
      this.fi = "luokan olio";
    }
  }
  const withGetter = { ...cases.base };
  Object.defineProperty(withGetter, "status", { get: () => "ongoing", enumerable: true });
  let deep = { x: 1 };
  for (let i = 0; i < 150; i++) deep = { deep };
  // Partners are echoed in findings (their places, and unknown names in the messages), so
  // they show what was read.
  const odd = [
    { ...cases.base, theme: -0, partners: ["SM", undefined, () => 1, Symbol("s"), , 3, "Tulli"] },
    { ...cases.base, theme: 2 ** 53 - 1, partners: [2 ** 53 + 2, 1.5, NaN, -Infinity, -0, "Poliisi"] },
    { ...cases.base, partners: ["😀 ä \u2010 tuntematon", { "ä😀": "x", 10: 1, 2: [] }, "SM", "Tuli"] },
    { ...cases.base, skipped: undefined, fn() {}, [Symbol("k")]: 1 },
    { ...cases.base, started: new Date(Date.UTC(2018, 0, 1)) },
    { ...cases.base, title: new Thing() },
    { ...cases.base, title: Object.assign(Object.create(null), { fi: "ilman prototyyppiä", sv: new String("boxad") }) },
    { ...cases.base, title: { fi: "😀 ä \u2010 \u0000 \" \\ \n", "ä😀": "avain" }, "10": 1, 2: 2 },
    { ...cases.base, title: { fi: "yksinäinen \ud800 sijaismerkki" } },
    { ...cases.base, ["yksinäinen \udc00"]: 1 },
    { ...cases.base, toJSON: () => ({ id: "9.9" }) },
    { ...cases.base, partners: Object.assign(["SM"], { toJSON: () => ["Tulli", "Tuli"] }) },
    withGetter,
    deep,
    [cases.base],
    5,
    null,
    true,
  ];
  for (const [i, doc] of odd.entries()) {
    const text = JSON.stringify(doc);
    assert.deepEqual(placeless(engine.checkMeasure(doc, opts)), placeless(engine.checkMeasure(text, opts)), `document ${i}`);
    assert.deepEqual(placeless(engine.checkProgramme({ measures: [doc] }, opts)), placeless(engine.checkProgramme(`{"measures":[${text}]}`, opts)), `programme ${i}`);
  }
  // What JSON.stringify refuses is an error either way.
  const cyclic = { ...cases.base };
  cyclic.self = cyclic;
  assert.throws(() => engine.checkMeasure(cyclic, opts), /cannot be turned into JSON/);
  assert.throws(() => engine.checkMeasure({ ...cases.base, big: 10n }, opts), /cannot be turned into JSON/);
});

test("plain values are walked; what might read differently is left to JSON.stringify", async () => {
  const m = await fresh("walk");
  const cases = readJson("tests/fixtures/cases.json");
  const walked = (v) => {
    const n = m.readDocument(v);
    if (n < 0) return null;
    const ops = new Uint32Array(n);
    const numbers = new Float64Array(m.documentNumbers());
    const text = m.takeDocument(ops, numbers);
    return { ops: [...ops], numbers: [...numbers], text };
  };
  assert.deepEqual(walked({ "ä😀": ["x", -0, null, true, undefined], k: {}, f() {} }), {
    ops: [OBJECT, ONCE_KEY, 3, ARRAY, STRING, 1, NUMBER, NULL, TRUE, NULL, END, ONCE_KEY, 1, OBJECT, END, END],
    numbers: [0],
    text: "ä😀xk",
  });
  assert.ok(walked(readJson("data/programme-2017.json")));
  for (const c of cases.measures) assert.ok(walked(merge(cases.base, c.patch)), c.name);
  for (const v of [1.5, 2 ** 53, NaN, new Date(0), new String("s"), 1n, "\ud800", { "\udc00": 1 }, { toJSON: () => 1 }, Object.assign([1], { toJSON: () => 2 }), new (class {})()]) {
    assert.equal(walked(v), null, String(typeof v === "bigint" ? "bigint" : JSON.stringify(v)));
  }
  let deep = [];
  for (let i = 0; i < 100; i++) deep = [deep];
  assert.equal(walked(deep), null);
  assert.ok(walked(deep[0]));
});

test("the walk leaves a value whose JSON text might be over the limit to JSON.stringify", async () => {
  const m = await fresh("walk");
  const bytes = (v) => new TextEncoder().encode(JSON.stringify(v)).length;
  // The walk's bound is never under the text's length, for the values whose text is longest
  // for what is walked: escaped control characters, quotes, emoji, long integers, nulls for
  // what an array cannot hold, empty containers, keys that need escaping.
  const values = [
    "\u0001".repeat(50),
    '"\\'.repeat(20),
    "😀".repeat(10),
    [-(2 ** 53) + 1, -(2 ** 53) + 1, 0],
    [undefined, () => 1, null, true, false],
    [[], {}, [[]], [{}]],
    { "\u0000\"": { "\n": [""] } },
    readJson("data/programme-2017.json").measures[0],
  ];
  for (const v of values) {
    assert.equal(m.readDocument(v, bytes(v) - 1), -1, JSON.stringify(v).slice(0, 40));
    assert.ok(m.readDocument(v) >= 0, JSON.stringify(v).slice(0, 40));
  }
  // The whole programme is far under the document limit: walked.
  assert.ok(m.readDocument(readJson("data/programme-2017.json"), 32 * 2 ** 20) >= 0);
});

test("objects are walked in the Node build only", () => {
  // The browser build stringifies them (Chromium's JSON.stringify is faster than the walk), so
  // its glue imports no walk.mjs and its wasm reads no walked tape. Both measure a value
  // before JSON.stringify writes it (size.mjs), and read the usual options in one call
  // (options.mjs).
  const snippets = (build) => readdirSync(join(root, "wasm/npm", build, "snippets"), { recursive: true }).filter((f) => f.endsWith(".mjs")).map((f) => f.split(/[\\/]/).pop()).sort();
  assert.deepEqual(snippets("node"), ["options.mjs", "size.mjs", "tape.mjs", "walk.mjs"]);
  assert.deepEqual(snippets("web"), ["options.mjs", "size.mjs", "tape.mjs"]);
});
