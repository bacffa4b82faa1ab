// A document given as a value is written out by JSON.stringify before the wasm reads it (in the
// browser build always, in the Node build when walk.mjs gives up). JSON.stringify's time is
// that of its text, not of the value: an array whose `length` is a billion (`a[1e9] = x`, a
// bug in a form's code) holds one item but is a 5 GB text of nulls, which it takes tens of
// seconds to fail at. So the value is measured first, and one whose shortest possible JSON text
// is over the size limit is refused by that bound, without being written out.

// Past the parser's depth limit (127) the text is refused anyway; stopping here also ends the
// measuring of a cycle, which JSON.stringify then refuses.
const DEEPEST = 128;
let least = 0;
let limit = 0;

/**
 * A lower bound on the UTF-8 length of `JSON.stringify(value)` when that bound is over
 * `max` bytes, else 0 (the text may be within `max`). It stops as soon as the bound is over,
 * so a long array is judged by its length before its items are read.
 */
export function leastJson(value, max) {
  least = 0;
  limit = max;
  // Past 2^32 - 1 the bound is said as that: it is still a lower bound, and it crosses as a u32.
  return over(value, 0) ? Math.min(least, 0xffffffff) : 0;
}

/** Left out of an object, and `null` in an array, as JSON.stringify does. */
const absent = (e) => e === undefined || typeof e === "function" || typeof e === "symbol";

/** Adds `v`'s shortest JSON text to `least`; true once that is over the limit. */
function over(v, depth) {
  switch (typeof v) {
    case "string":
      // Two quotes, and each UTF-16 unit is at least one byte of UTF-8.
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
      // What a `toJSON` gives cannot be foreseen: it counts for nothing.
      if (depth >= DEEPEST || typeof v.toJSON === "function") break;
      if (Array.isArray(v)) return arrayOver(v, depth);
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return objectOver(v, depth);
      // Boxed primitives are written as the primitive, not as their index keys.
      if (v instanceof String) least += v.length + 2;
      else if (v instanceof Number) least += 1;
      else if (v instanceof Boolean) least += 4;
      else return objectOver(v, depth);
      break;
    }
    // A BigInt makes JSON.stringify throw; `undefined`, a function or a symbol is left out.
  }
  return least > limit;
}

function arrayOver(a, depth) {
  const n = a.length;
  // The brackets, a comma between items, and at least one byte per item.
  least += n === 0 ? 2 : 2 * n + 1;
  if (least > limit) return true;
  // That byte is counted already: an item adds what it has beyond it.
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
  // `for … in` with an own-property test: no array of keys is made, as with Object.keys.
  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const e = o[key];
    // Left out, or perhaps left out: a `toJSON` may give `undefined`.
    if (absent(e) || (typeof e === "object" && e !== null && typeof e.toJSON === "function")) continue;
    // The key's quotes and colon, and a comma before every member but the first.
    least += key.length + (first ? 3 : 4);
    first = false;
    if (over(e, depth + 1)) return true;
  }
  return least > limit;
}
