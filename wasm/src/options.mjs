// The usual options object as one number (lib.rs's `usual_options` takes it apart): bits 0-1
// the language (0 left out, 1 fi, 2 sv, 3 en), bits 2-3 `explain` (0 left out, 1 false,
// 2 true), the rest `asOf` as YYYYMMDD. Anything else is -1: lib.rs reads it key by key.

const LANGS = ["fi", "sv", "en"];

/** The options as one number, or -1 for lib.rs to read them. */
export function optionsCode(o) {
  if (o === undefined || o === null) return 0;
  if (typeof o !== "object") return -1;
  try {
    // Inside the try: a Proxy's trap may throw, and the key-by-key reading is left to word it.
    const proto = Object.getPrototypeOf(o);
    if (proto !== Object.prototype && proto !== null) return -1;
    let lang = 0;
    let explain = 0;
    let date = 0;
    for (const key in o) {
      // An enumerable key on Object.prototype would be walked here and not by Object.keys.
      if (!Object.hasOwn(o, key)) return -1;
      const v = o[key];
      if (v === undefined) continue;
      if (key === "lang") {
        lang = LANGS.indexOf(v) + 1;
        if (lang === 0) return -1;
      } else if (key === "explain") {
        if (typeof v !== "boolean") return -1;
        explain = v ? 2 : 1;
      } else if (key === "asOf") {
        if (typeof v !== "string" || !/^\d{4}-\d\d-\d\d$/.test(v)) return -1;
        date = Number(v.slice(0, 4)) * 10000 + Number(v.slice(5, 7)) * 100 + Number(v.slice(8, 10));
        // 0 means "today" to lib.rs: "0000-00-00" was taken for today instead of refused.
        if (date === 0) return -1;
      } else return -1;
    }
    return date * 16 + explain * 4 + lang;
  } catch {
    // A getter or a trap that throws: lib.rs reads the object again and says so.
    return -1;
  }
}

/**
 * What a value that is not text is, in the words of lib.rs's Errors. Never throws (a revoked
 * Proxy throws in Array.isArray): it words an Error, and must not replace it with another.
 */
export function kind(v) {
  try {
    if (v === null) return "null";
    if (Array.isArray(v)) return "an array";
    if (v instanceof Date) return "a Date";
  } catch {
    return "an object";
  }
  switch (typeof v) {
    case "boolean":
      return "true or false";
    case "number":
      return "a number";
    case "bigint":
      return "a BigInt";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "undefined":
      return "undefined";
    default:
      return "an object";
  }
}
