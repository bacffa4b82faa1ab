#!/usr/bin/env node
// What building a report's objects by shape would save (BENCHMARKS.md, item 41; option B of
// docs/decisions/0004). The form job's 52 reports are written into tapes of the package's kind
// (wasm/src/tape.rs) here in JS, every key known already as after a first call, and built
// again and again by tape.mjs's own `build` (key by key), and by a builder that makes each
// object from a template of its shape. Then one finding's object of 8 members alone: key by
// key, from a template, and as an object literal. For the engine's authors; not part of
// `npm run bench`. Needs the Node package (`npm run build`).
//
//   node bench/report-shapes.mjs [--rounds N]
import { deepStrictEqual } from "node:assert/strict";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { arg, fmt, table } from "./lib.mjs";
import { build, knownKeys } from "../wasm/src/tape.mjs";

const rounds = Number(arg("--rounds", "3"));
const { Engine } = await import("../wasm/npm/node.mjs");
const engine = new Engine();
const reports = formInputs().map((i) => engine.checkMeasure(i.measure, { lang: LANG, asOf: AS_OF }));

// The keys this module's `build` knows, by their number; sent once (op 8) in a first tape.
const keyIds = new Map();
const keys = [];
function encode(v, ops, numbers, parts) {
  if (v === null) ops.push(0);
  else if (v === true || v === false) ops.push(v ? 1 : 2);
  else if (typeof v === "number") ops.push(3), numbers.push(v);
  else if (typeof v === "string") ops.push(4, v.length), parts.push(v);
  else if (Array.isArray(v)) {
    ops.push(5);
    for (const e of v) encode(e, ops, numbers, parts);
    ops.push(7);
  } else {
    ops.push(6);
    for (const [k, e] of Object.entries(v)) {
      if (!keyIds.has(k)) keyIds.set(k, keyIds.size), keys.push(k);
      ops.push(16 + keyIds.get(k));
      encode(e, ops, numbers, parts);
    }
    ops.push(7);
  }
}
const tapes = reports.map((r) => {
  const ops = [];
  const numbers = [];
  const parts = [];
  encode(r, ops, numbers, parts);
  return { ops: Uint32Array.from(ops), numbers: Float64Array.from(numbers), text: parts.join("") };
});
if (knownKeys() !== 0) throw new Error("tape.mjs was used before this script");
{
  const ops = [6];
  for (const k of keys) ops.push(8, k.length, 0);
  ops.push(7);
  build(Uint32Array.from(ops), new Float64Array(0), keys.join(""));
}

// The builder by shape: tape.mjs's `value` copied, so that the two differ only in how an
// object is made. The members' values are held until the object's end, then the object is
// made from its shape's template (a tree of the key sequences seen) and the values stored.
let ops, numbers, text, at, number, cut;
const held = [];
const shapes = { next: [], template: {}, keys: [] };
function slice() {
  const end = cut + ops[at++];
  const s = text.slice(cut, end);
  cut = end;
  return s;
}
function byShape(op) {
  switch (op) {
    case 0:
      return null;
    case 1:
      return true;
    case 2:
      return false;
    case 3:
      return numbers[number++];
    case 4:
      return slice();
    case 5: {
      const array = [];
      for (let next = ops[at++]; next !== 7; next = ops[at++]) array.push(byShape(next));
      return array;
    }
    default: {
      let node = shapes;
      const base = held.length;
      for (let next = ops[at++]; next !== 7; next = ops[at++]) {
        const id = next - 16;
        let child = node.next[id];
        if (child === undefined) {
          const template = { ...node.template, [keys[id]]: undefined };
          child = node.next[id] = { next: [], template, keys: [...node.keys, keys[id]] };
        }
        node = child;
        held.push(byShape(ops[at++]));
      }
      const object = { ...node.template };
      for (let i = 0; i < node.keys.length; i++) object[node.keys[i]] = held[base + i];
      held.length = base;
      return object;
    }
  }
}
const builders = {
  "tape.mjs's build (key by key)": (t) => build(t.ops, t.numbers, t.text),
  "from a template per shape": (t) => {
    ({ ops, numbers, text } = t);
    at = number = cut = 0;
    return byShape(ops[at++]);
  },
};
for (const [i, t] of tapes.entries()) {
  for (const b of Object.values(builders)) deepStrictEqual(b(t), reports[i]);
}

function time(fn, n) {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) sink += fn();
  const ns = Number(process.hrtime.bigint() - t0);
  if (sink < 0) throw new Error("unreachable");
  return ns / n;
}

const rows = new Map();
const add = (name, ns) => rows.set(name, [...(rows.get(name) ?? []), ns]);
const REPORT_LOOPS = 4000;
// One untimed round first, so that the first timed one is not V8's optimising.
for (const b of Object.values(builders)) time(() => tapes.reduce((n, t) => n + b(t).findings.length, 0), REPORT_LOOPS / 4);
for (let r = 0; r < rounds; r++) {
  const order = Object.entries(builders);
  if (r % 2) order.reverse();
  for (const [name, b] of order) {
    add(`a form report: ${name}`, time(() => tapes.reduce((n, t) => n + b(t).findings.length, 0), REPORT_LOOPS) / tapes.length);
  }
}

const names = ["rule", "severity", "path", "message", "help", "params", "fix", "measure"];
const values = names.map((k) => `${k} value`);
const template = Object.fromEntries(names.map((k) => [k, undefined]));
const finding = {
  "key by key": () => {
    const o = {};
    for (let i = 0; i < names.length; i++) o[names[i]] = values[i];
    return o;
  },
  "from a template": () => {
    const o = { ...template };
    for (let i = 0; i < names.length; i++) o[names[i]] = values[i];
    return o;
  },
  "as an object literal": () => ({
    rule: values[0],
    severity: values[1],
    path: values[2],
    message: values[3],
    help: values[4],
    params: values[5],
    fix: values[6],
    measure: values[7],
  }),
};
for (const make of Object.values(finding)) time(() => make().rule.length, 2e5);
for (let r = 0; r < rounds; r++) {
  for (const [name, make] of Object.entries(finding)) add(`one finding's 8 members: ${name}`, time(() => make().rule.length, 2e6));
}

const findings = reports.reduce((n, r) => n + r.findings.length, 0);
console.log(`${tapes.length} reports of the form job, ${findings} findings; ${rounds} rounds, both orders\n`);
console.log(table([{ title: "built" }, { title: "ns each, by round", align: "r" }], [...rows].map(([name, ns]) => [name, ns.map((x) => fmt.int(x)).join(", ")])));
