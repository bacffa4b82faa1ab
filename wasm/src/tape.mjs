// The JS half of the tapes of wasm/src/tape.rs, which defines the op codes (and
// docs/decisions/0002-values-cross-as-tapes.md says why). First, out of the wasm: a report
// crosses as one call with one string, instead of a call per field and a decode per string,
// and is built here. The keys stay here between calls, so each is sent and internalised once
// per module instance.

const keys = [];
let ops;
let numbers;
let text;
let at = 0;
let number = 0;
let cut = 0;

/** How many keys this side has: the wasm numbers new keys from here. */
export function knownKeys() {
  return keys.length;
}

/** The value on `ops` (a view of the wasm's memory, read before anything else runs). */
export function build(opsView, numbersView, allText) {
  ops = opsView;
  numbers = numbersView;
  text = allText;
  at = 0;
  number = 0;
  cut = 0;
  try {
    return value(ops[at++]);
  } finally {
    ops = numbers = text = undefined;
  }
}

function slice() {
  const end = cut + ops[at++];
  const s = text.slice(cut, end);
  cut = end;
  return s;
}

function value(op) {
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
      for (let next = ops[at++]; next !== 7; next = ops[at++]) array.push(value(next));
      return array;
    }
    case 6: {
      const object = {};
      for (let next = ops[at++]; next !== 7; next = ops[at++]) {
        let key;
        if (next >= 16) {
          key = keys[next - 16];
          if (key === undefined) throw new Error(`measure-rules: key ${next - 16} of a report was never sent`);
        } else if (next === 8) keys.push((key = slice()));
        else key = slice();
        const v = value(ops[at++]);
        // A key "__proto__" is an own property, as JSON.parse makes it, not the prototype.
        if (key === "__proto__") Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
        else object[key] = v;
      }
      return object;
    }
    default:
      throw new Error(`measure-rules: unknown op ${op} in a report's tape`);
  }
}

// The other direction: a document given as an object, read without JSON text. JSON.stringify
// followed by serde_json's parse was a third of a form check; a plain value is walked here
// into the same kind of tape (tape.rs, `read`), in JSON.stringify's order and with its
// omissions. Whatever might not come out exactly as JSON.stringify's text would be read (a
// `toJSON`, a number that is not a safe integer, a lone surrogate, an instance of a class,
// a BigInt, nesting past `DEEPEST`) gives up, and the wasm takes the JSON text path instead.

const DEEPEST = 100;
const wellFormed = String.prototype.isWellFormed
  ? (s) => s.isWellFormed()
  : (s) => !/[\uD800-\uDFFF]/.test(s);
let inOps = new Uint32Array(256);
let inNumbers = new Float64Array(64);
let inParts = [];
let inAt = 0;
let inNumber = 0;

function room(n) {
  if (inAt + n > inOps.length) {
    const grown = new Uint32Array(Math.max(inOps.length * 2, inAt + n));
    grown.set(inOps);
    inOps = grown;
  }
}

/** Skipped in an object, `null` in an array, as JSON.stringify does. */
const absent = (v) => v === undefined || typeof v === "function" || typeof v === "symbol";

function walk(v, depth) {
  room(3);
  switch (typeof v) {
    case "string":
      if (!wellFormed(v)) return false;
      inOps[inAt++] = 4;
      inOps[inAt++] = v.length;
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
        if (!wellFormed(key)) return false;
        room(2);
        inOps[inAt++] = 9;
        inOps[inAt++] = key.length;
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
 * value (then nothing is kept).
 */
export function readDocument(value) {
  inAt = 0;
  inNumber = 0;
  inParts = [];
  if (walk(value, 0)) return inAt;
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
