// The JS half of wasm/src/walk.rs (Node build only): a document given as an object, read
// without JSON text. A plain value is walked here into the kind of tape reports cross on
// (tape.rs has the op codes), in JSON.stringify's order and with its omissions. Whatever might
// not come out exactly as JSON.stringify's text would be read (a `toJSON`, a number that is
// not a safe integer, a lone surrogate, an instance of a class, a BigInt, nesting past
// `DEEPEST`), or whose text might be over the size limit, gives up, and the wasm takes the
// JSON text path instead, where size.mjs judges it before JSON.stringify writes it.

import { absent } from "./size.mjs";

const DEEPEST = 100;
const wellFormed = String.prototype.isWellFormed
  ? (s) => s.isWellFormed()
  : (s) => !/[\uD800-\uDFFF]/.test(s);
let inOps = new Uint32Array(256);
let inNumbers = new Float64Array(64);
let inParts = [];
let inAt = 0;
let inNumber = 0;
// UTF-16 units of the strings and keys walked, and the limit on the value's JSON text, in bytes.
let inUnits = 0;
let inLimit = Infinity;

/**
 * Whether the JSON text of what has been walked might be over the limit: a unit is at most 6
 * bytes of it (`\u001f`), and an op at most 20 (a safe integer's sign and 16 digits and a
 * comma; a string's quotes). Such a value goes to JSON.stringify, whose text the wasm measures.
 */
const over = (units = 0, ops = 0) => 6 * (inUnits + units) + 20 * (inAt + ops) > inLimit;

function room(n) {
  if (inAt + n > inOps.length) {
    const grown = new Uint32Array(Math.max(inOps.length * 2, inAt + n));
    grown.set(inOps);
    inOps = grown;
  }
}

function walk(v, depth) {
  if (over()) return false;
  room(3);
  switch (typeof v) {
    case "string":
      // Judged by its length before it is scanned.
      if (over(v.length) || !wellFormed(v)) return false;
      inOps[inAt++] = 4;
      inOps[inAt++] = v.length;
      inUnits += v.length;
      inParts.push(v);
      return true;
    case "number":
      if (!Number.isSafeInteger(v)) return false;
      if (inNumber === inNumbers.length) {
        const grown = new Float64Array(inNumbers.length * 2);
        grown.set(inNumbers);
        inNumbers = grown;
      }
      inOps[inAt++] = 3;
      // -0 is written "0" by JSON.stringify.
      inNumbers[inNumber++] = v + 0;
      return true;
    case "boolean":
      inOps[inAt++] = v ? 1 : 2;
      return true;
    case "object": {
      if (v === null) {
        inOps[inAt++] = 0;
        return true;
      }
      if (depth >= DEEPEST || typeof v.toJSON === "function") return false;
      if (Array.isArray(v)) {
        // Judged by its length (an op per item) before its items are read: an array whose
        // `length` is a billion may hold one item.
        if (over(0, v.length)) return false;
        inOps[inAt++] = 5;
        for (let i = 0; i < v.length; i++) {
          const e = v[i];
          if (absent(e)) {
            room(1);
            inOps[inAt++] = 0;
          } else if (!walk(e, depth + 1)) return false;
        }
        room(1);
        inOps[inAt++] = 7;
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      inOps[inAt++] = 6;
      for (const key of Object.keys(v)) {
        const e = v[key];
        if (absent(e)) continue;
        if (over(key.length) || !wellFormed(key)) return false;
        room(2);
        inOps[inAt++] = 9;
        inOps[inAt++] = key.length;
        inUnits += key.length;
        inParts.push(key);
        if (!walk(e, depth + 1)) return false;
      }
      room(1);
      inOps[inAt++] = 7;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Walks `value` into this module's tape: the number of its ops, or -1 when it is not a plain
 * value or its JSON text might be over `limit` bytes (then nothing is kept).
 */
export function readDocument(value, limit = Infinity) {
  inAt = 0;
  inNumber = 0;
  inUnits = 0;
  inLimit = limit;
  inParts = [];
  if (walk(value, 0) && !over()) return inAt;
  inParts = [];
  return -1;
}

/** The number of numbers on the tape `readDocument` made. */
export function documentNumbers() {
  return inNumber;
}

/** Copies the tape `readDocument` made into the wasm's buffers and gives its text. */
export function takeDocument(ops, numbers) {
  ops.set(inOps.subarray(0, ops.length));
  numbers.set(inNumbers.subarray(0, numbers.length));
  const text = inParts.join("");
  inParts = [];
  return text;
}
