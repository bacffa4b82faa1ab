// Same logic everywhere: the native engine (core/examples/reports.rs) and the WebAssembly
// engine give byte-identical JSON reports on every fixture, the real programme and 10,000
// measures mutated from them; and a measure given as an object (walked in JS by the Node
// build) is read as its JSON.stringify text is, over 10,000 objects holding what JSON cannot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Engine } from "measure-rules";
import { merge, readJson, readText, root } from "./helpers.mjs";
import { placeless } from "../shared/cases.mjs";

const AS_OF = "2019-06-01";

function native(lines, lang) {
  execFileSync("cargo", ["build", "-q", "--release", "-p", "measure-rules", "--example", "reports"], { cwd: root, stdio: "inherit" });
  const exe = join(root, "target", "release", "examples", "reports");
  const input = lines.map((text) => JSON.stringify(text)).join("\n") + "\n";
  const out = execFileSync(exe, ["--lang", lang, "--as-of", AS_OF], { input, maxBuffer: 1 << 30 });
  return out.toString("utf8").trimEnd().split("\n");
}

function wasm(lines, lang) {
  const engine = new Engine();
  return lines.map((text) => JSON.stringify(engine.checkDocument(text, { lang, asOf: AS_OF })));
}

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL = [
  null, true, 0, 2, -1, 9, 1.5, 1e300, "", " ", "SM", "sm", "Tuli", "HÄK", "Poliisihallitus", "SM/PO", "kunnat",
  "2.6. a)", "4.3. b.", "9.1", "x", "käynnissä", "completed", "planned", "continuous", "2018-02-30", "2018-13", "2018",
  "Syksy 2018", "hösten 2018", "by the end of 2018", "Jatkuvaa toimintaa", "31.2.2018", "2020-2018", "toimenpiteen 3.9",
  [], ["SM", "TEM"], ["OM", "OM"], ["SM"], [1, 2], {}, { fi: "" }, { fi: "Otsikko", sv: "Rubrik" }, { de: "Titel" },
  { start: "2019", end: "2018" }, { text: "Työ käynnistynyt" }, { continuous: true }, { text: "12/2018" },
  [{ number: 1, text: { fi: "Vaihe" }, leadBody: "XYZQ", schedule: { text: "keväällä 2018" }, status: "valmis" }],
  [{ text: { fi: "Edistytty" }, date: "2018-05" }],
];
const FIELDS = ["id", "theme", "title", "leadBody", "partners", "schedule", "status", "steps", "progress", "updated", "leadbody", "extra"];

function mutate(measure, random) {
  const m = structuredClone(measure);
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const field = FIELDS[Math.floor(random() * FIELDS.length)];
    if (random() < 0.25) delete m[field];
    else m[field] = structuredClone(POOL[Math.floor(random() * POOL.length)]);
  }
  return m;
}

function corpus() {
  const cases = readJson("tests/fixtures/cases.json");
  const programme = readJson("data/programme-2017.json");
  const seeds = [...programme.measures, ...cases.measures.map((c) => merge(cases.base, c.patch))];
  const random = rng(20171005);
  const out = [];
  for (let i = 0; i < 10_000; i++) {
    const m = mutate(seeds[i % seeds.length], random);
    // Every fourth document pretty-printed, so line and column differ from the compact form.
    out.push(i % 4 === 0 ? JSON.stringify(m, null, 2) : JSON.stringify(m));
  }
  return out;
}

function fixtures() {
  const cases = readJson("tests/fixtures/cases.json");
  return [
    readText("data/programme-2017.json"),
    ...cases.measures.map((c) => JSON.stringify(merge(cases.base, c.patch))),
    ...cases.texts.map((c) => c.text),
    ...cases.programmes.map((c) => JSON.stringify(c.programme)),
  ];
}

function compare(lines, lang) {
  const a = native(lines, lang);
  const b = wasm(lines, lang);
  assert.equal(a.length, lines.length);
  let differ = 0;
  for (let i = 0; i < lines.length; i++) {
    if (a[i] !== b[i]) {
      differ++;
      if (differ <= 3) assert.equal(b[i], a[i], `document ${i}: ${lines[i].slice(0, 200)}`);
    }
  }
  assert.equal(differ, 0);
  return lines.length;
}

test("fixtures and the real programme, in three languages", () => {
  for (const lang of ["fi", "sv", "en"]) compare(fixtures(), lang);
});

test("10,000 mutated measures", () => {
  const n = compare(corpus(), "fi");
  assert.equal(n, 10_000);
});

// What a JS object can hold and JSON text cannot, or holds differently: JSON.stringify drops,
// nulls, rounds or calls them. The walk (wasm/src/walk.mjs) reads plain values itself and
// leaves the rest to JSON.stringify; either way the report must be the text's.
const JS_ONLY = (random) => {
  const boxed = new String("SM");
  const noProto = Object.assign(Object.create(null), { fi: "ilman prototyyppiä" });
  const sparse = ["SM"];
  sparse[3] = "Tulli";
  return [
    undefined, NaN, -0, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 2, -(2 ** 53) + 1, 1e21, 5e-324, 0.1 + 0.2,
    () => 1, Symbol("s"), new Date(Date.UTC(2018, 0, 1)), boxed, new Number(3), new Boolean(false),
    { toJSON: () => "2018-05" }, sparse, noProto, [undefined, () => 1, Symbol("t")], { a: undefined, b: 1 },
    "yksinäinen \ud800", "\udc00", "😀 ä \u2010", "\u0000\"\\\n\t", JSON.parse('{"__proto__": "SM", "fi": "x"}'),
    { 10: "a", 2: "b", "ä😀": "c" }, new (class Thing { constructor() { this.fi = "luokka"; } })(),
    Object.defineProperty({}, "fi", { get: () => "getteri", enumerable: true }),
    Object.defineProperty({ fi: "näkyvä" }, "sv", { value: "dold", enumerable: false }),
    // Around the walk's depth (100), the engine's (127 levels read, 128 refused) and size.mjs's
    // cut (128), counted from wherever the value lands.
    ...[96, 99, 100, 101, 124, 125, 126, 127].map((n) => nest(n, random() < 0.5)),
  ];
};

/** `n` levels of arrays (or of objects) around a string. */
function nest(n, arrays) {
  let v = "pohja";
  for (let i = 0; i < n; i++) v = arrays ? [v] : { d: v };
  return v;
}

/** Sets a random member of a random object or array inside `value` (or the value itself). */
function mutateDeep(value, random, pool) {
  const containers = [];
  (function gather(v, depth) {
    if (v === null || typeof v !== "object" || depth > 6) return;
    containers.push(v);
    for (const x of Object.values(v)) gather(x, depth + 1);
  })(value, 0);
  const target = containers[Math.floor(random() * containers.length)];
  const pick = () => pool[Math.floor(random() * pool.length)];
  const keys = Array.isArray(target) ? [target.length, target.length + 1, ...target.keys()] : [...Object.keys(target), ...FIELDS, "fi", "sv", "text", "start"];
  // Reflect.set, because a getter without a setter refuses the value (and the rest is kept).
  Reflect.set(target, keys[Math.floor(random() * keys.length)], pick());
}

test("10,000 measures holding what JSON cannot are read as their JSON text is", () => {
  const engine = new Engine();
  const cases = readJson("tests/fixtures/cases.json");
  const programme = readJson("data/programme-2017.json");
  const seeds = [...programme.measures, ...cases.measures.map((c) => merge(cases.base, c.patch))];
  const random = rng(20171006);
  const opts = { lang: "fi", asOf: AS_OF };
  let walked = 0;
  for (let i = 0; i < 10_000; i++) {
    const m = structuredClone(seeds[i % seeds.length]);
    // Fresh values each time: the pool holds objects the mutation may put inside each other.
    const pool = [...POOL.map((v) => structuredClone(v)), ...JS_ONLY(random)];
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) mutateDeep(m, random, pool);
    let text;
    try {
      text = JSON.stringify(m);
    } catch {
      // A value put inside itself: JSON.stringify refuses it, and so must the engine.
      assert.throws(() => engine.checkMeasure(m, opts), /cannot be turned into JSON/, `measure ${i}`);
      continue;
    }
    const fromObject = placeless(engine.checkMeasure(m, opts));
    assert.deepEqual(fromObject, placeless(engine.checkMeasure(text, opts)), `measure ${i}: ${text.slice(0, 300)}`);
    if (i % 50 === 0) {
      const both = { measures: [m, seeds[(i + 1) % seeds.length]] };
      assert.deepEqual(placeless(engine.checkProgramme(both, opts)), placeless(engine.checkProgramme(JSON.stringify(both), opts)), `programme ${i}`);
    }
    walked++;
  }
  assert.ok(walked > 9_000, `${walked} of 10,000 could be turned into JSON`);
});
