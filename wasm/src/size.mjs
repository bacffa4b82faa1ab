// Measures a value before JSON.stringify writes it for the wasm (browser build: always; Node
// build: when walk.mjs gives up). JSON.stringify takes the time of its text, not of the value:
// `a[1e8] = x` in a form's code makes an array of one item and a 500 MB text of nulls, half a
// minute's work. A value whose shortest possible JSON text is over the limit is refused by
// that bound instead.

// Deeper text is refused anyway; the cut also ends the measuring of a cycle.
const DEEPEST = 128;
let least = 0;
let limit = 0;

/**
 * A lower bound on the UTF-8 length of `JSON.stringify(value)` once it is over `max`, else 0.
 * A value that holds itself throws, as JSON.stringify does: a cycle through two members of each
 * level runs the bound over any limit before the depth cut ends it, and "at least 32 MB" would
 * misname a mistake in the caller's code.
 */
export function leastJson(value, max) {
  least = 0;
  limit = max;
  if (!over(value, 0)) return 0;
  if (holdsItself(value)) throw new TypeError("Converting circular structure to JSON: the value holds itself");
  // Crosses as a u32; 2^32 - 1 is a lower bound still.
  return Math.min(least, 0xffffffff);
}

// Members the cycle search may look at before it gives up (and the bound stands): a form's
// value has hundreds, and a sparse array's length is not its members.
const SEARCH = 1 << 20;

/**
 * Whether JSON.stringify would meet `value` inside itself, looking where `over` looks (not
 * into what a toJSON gives, nor past DEEPEST). Each object is searched once: one that is
 * finished holds no way back, however often it is shared.
 */
function holdsItself(value) {
  const open = new Set();
  const done = new WeakSet();
  let budget = SEARCH;
  const search = (v, depth) => {
    if (typeof v !== "object" || v === null || done.has(v)) return false;
    if (open.has(v)) return true;
    // A typed array holds numbers, and a for-in over it makes a key an item.
    if (depth >= DEEPEST || typeof v.toJSON === "function" || ArrayBuffer.isView(v)) return false;
    open.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if (--budget < 0) return false;
        if (search(v[i], depth + 1)) return true;
      }
    } else {
      for (const key in v) {
        if (--budget < 0) return false;
        if (Object.hasOwn(v, key) && search(v[key], depth + 1)) return true;
      }
    }
    open.delete(v);
    done.add(v);
    return false;
  };
  return search(value, 0);
}

/** JSON.stringify, but levels past DEEPEST written as null if it overflows (Node 20 does). */
export function jsonText(value) {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const depths = new WeakMap();
  return JSON.stringify(value, function (key, v) {
    if (typeof v !== "object" || v === null) return v;
    // `this` holds v; the outermost holder is JSON.stringify's own.
    const depth = (depths.get(this) ?? 0) + 1;
    if (depth > DEEPEST) return null;
    depths.set(v, depth);
    return v;
  });
}

/** Left out of an object, `null` in an array, as JSON.stringify does (walk.mjs asks too). */
export const absent = (e) => e === undefined || typeof e === "function" || typeof e === "symbol";

// Adds v's shortest JSON text to `least`; true once over the limit.
function over(v, depth) {
  switch (typeof v) {
    case "string":
      // Each UTF-16 unit is at least a byte of UTF-8.
      least += v.length + 2;
      break;
    case "number":
      least += 1;
      break;
    case "boolean":
      least += v ? 4 : 5;
      break;
    case "object": {
      if (v === null) {
        least += 4;
        break;
      }
      // What a toJSON gives cannot be foreseen: it counts for nothing.
      if (depth >= DEEPEST || typeof v.toJSON === "function") break;
      if (Array.isArray(v)) return arrayOver(v, depth);
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return objectOver(v, depth);
      // Boxed primitives are written as the primitive.
      if (v instanceof String) least += v.length + 2;
      else if (v instanceof Number) least += 1;
      else if (v instanceof Boolean) least += 4;
      // A typed array is written {"0":0,"1":0}: 6 bytes an item at least, with no for-in.
      else if (ArrayBuffer.isView(v) && typeof v.length === "number") least += 6 * v.length + 1;
      else return objectOver(v, depth);
      break;
    }
    // A BigInt throws in JSON.stringify; undefined, functions and symbols are left out.
  }
  return least > limit;
}

function arrayOver(a, depth) {
  const n = a.length;
  // Brackets, commas, and at least a byte per item, which an item then replaces with its own.
  least += n === 0 ? 2 : 2 * n + 1;
  if (least > limit) return true;
  for (let i = 0; i < n; i++) {
    const e = a[i];
    least -= 1;
    if (absent(e)) least += 4;
    else if (over(e, depth + 1)) return true;
  }
  return least > limit;
}

function objectOver(o, depth) {
  least += 2;
  let first = true;
  // for-in makes no array of keys, as Object.keys does.
  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const e = o[key];
    // Left out, or perhaps (a toJSON may give undefined).
    if (absent(e) || (typeof e === "object" && e !== null && typeof e.toJSON === "function")) continue;
    // Quotes, colon, and a comma before all but the first.
    least += key.length + (first ? 3 : 4);
    first = false;
    if (over(e, depth + 1)) return true;
  }
  return least > limit;
}

// A u32, which 2^32 bytes (V8 makes them) are not: 2^32 - 1 is a lower bound.
export const bytesLength = (bytes) => Math.min(bytes.length, 0xffffffff);
