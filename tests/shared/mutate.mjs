// Values made at random from real ones, for the differential tests: `mutate` (JSON values
// in a measure's fields: tests/node/differential.test.mjs, native engine against wasm) and
// `objectsAgainstText` (JS values anywhere in a measure: the object path against the text
// path, in Node, whose build walks objects, and in Chromium, whose build stringifies them);
// `jsOnly` and `mutateDeep` also make odd rule sets (tests/node/rulesets.test.mjs).
import { merge, placeless, textPlaces } from "./cases.mjs";

/** What the mutations start from: the real programme's measures, then each rule case's measure. */
export const measureSeeds = (programme, cases) => [...programme.measures, ...cases.measures.map((c) => merge(cases.base, c.patch))];

/** A small deterministic generator (mulberry32), so a failure can be reproduced. */
export function rng(seed) {
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

export function mutate(measure, random) {
  const m = structuredClone(measure);
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const field = FIELDS[Math.floor(random() * FIELDS.length)];
    if (random() < 0.25) delete m[field];
    else m[field] = structuredClone(POOL[Math.floor(random() * POOL.length)]);
  }
  return m;
}

// What a JS object can hold and JSON text cannot, or holds differently: JSON.stringify drops,
// nulls, rounds or calls them. The walk (wasm/src/walk.mjs) reads plain values itself and
// leaves the rest to JSON.stringify; either way the report must be the text's.
export const jsOnly = (random) => {
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
export function mutateDeep(value, random, pool) {
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

/**
 * Checks `count` measures mutated from `seeds` with JS values (`jsOnly`) both as objects and
 * as their JSON.stringify text: the reports must be the same, and a value JSON.stringify
 * refuses must be an Error. Gives the failures, as text, and how many were compared.
 */
export function objectsAgainstText(engine, seeds, { seed, count, opts }) {
  const random = rng(seed);
  const same = (a, b) => JSON.stringify(placeless(a)) === JSON.stringify(placeless(b));
  const failures = [];
  let compared = 0;
  for (let i = 0; i < count && failures.length < 5; i++) {
    const m = structuredClone(seeds[i % seeds.length]);
    // Fresh values each time: the pool holds objects the mutation may put inside each other.
    const pool = [...POOL.map((v) => structuredClone(v)), ...jsOnly(random)];
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) mutateDeep(m, random, pool);
    let text;
    try {
      text = JSON.stringify(m);
    } catch {
      // A value put inside itself: JSON.stringify refuses it, and so must the engine.
      try {
        engine.checkMeasure(m, opts);
        failures.push(`measure ${i}: JSON.stringify refuses it, the engine gave a report`);
      } catch (e) {
        if (!/cannot be turned into JSON/.test(String(e?.message ?? e))) failures.push(`measure ${i}: ${e}`);
      }
      continue;
    }
    const report = engine.checkMeasure(m, opts);
    if (!same(report, engine.checkMeasure(text, opts))) failures.push(`measure ${i}: ${text.slice(0, 300)}`);
    const placed = textPlaces(report).filter((f) => f.rule !== "input.too-large");
    if (placed.length > 0) failures.push(`measure ${i}: an object's finding names a place in a text: ${JSON.stringify(placed[0])}`);
    if (i % 50 === 0) {
      const both = { measures: [m, seeds[(i + 1) % seeds.length]] };
      if (!same(engine.checkProgramme(both, opts), engine.checkProgramme(JSON.stringify(both), opts))) failures.push(`programme ${i}: ${text.slice(0, 300)}`);
    }
    compared++;
  }
  return { failures, compared };
}
