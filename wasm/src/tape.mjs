// The JS half of the report's tape of wasm/src/tape.rs, which defines the op codes (and
// docs/decisions/0002-values-cross-as-tapes.md says why): a report crosses out of the wasm as
// one call with one string, instead of a call per field and a decode per string, and is built
// here. The keys stay here between calls, so each is sent and internalised once per module
// instance.

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
