// The bad-input suite (tests/fixtures/bad-input/cases.json) as plain functions, so Node and
// the browser run it with the same code; core/tests/bad_input.rs mirrors it natively. Each
// case is run every way it names (text, bytes, object; the CLI is the Node test's) and must
// report exactly its `expect` as [rule, path, line, column].

/** [rule, path, line, column] of every finding, sorted (line and column null when absent). */
export function placed(report) {
  return sortTuples(report.findings.map((f) => [f.rule, f.path, f.line ?? null, f.column ?? null]));
}

const sortTuples = (list) => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** What a way must report: `expect`, or for the object way `expectObject` or `expect` unplaced. */
export function expected(c, way) {
  if (way === "object") return sortTuples(c.expectObject ?? (c.expect ?? []).map(([rule, path]) => [rule, path, null, null]));
  return sortTuples(c.expect ?? []);
}

/** The recipe language of the manifest (see its description). */
export function generate(parts) {
  const pieces = [];
  let pad = null;
  for (const part of parts) {
    if (typeof part === "string") pieces.push(part);
    else if ("repeat" in part) {
      const from = part.from ?? 1;
      const join = part.join ?? "";
      if (part.repeat.includes("{i}")) {
        pieces.push(Array.from({ length: part.count }, (_, k) => part.repeat.replaceAll("{i}", String(from + k))).join(join));
      } else {
        pieces.push(join === "" ? part.repeat.repeat(part.count) : Array(part.count).fill(part.repeat).join(join));
      }
    } else if ("pad" in part) {
      if (pad) throw new Error("one pad per recipe");
      pad = part;
      pieces.push(null);
    } else if ("codeUnit" in part) pieces.push(String.fromCharCode(part.codeUnit));
    else throw new Error(`unknown recipe part ${JSON.stringify(part)}`);
  }
  const encoder = new TextEncoder();
  const used = pieces.reduce((n, p) => n + (p === null ? 0 : encoder.encode(p).length), 0);
  return pieces.map((p) => (p === null ? pad.pad.repeat(pad.toBytes - used) : p)).join("");
}

/** A JSON value with its {"$js": ...} markers turned into the JavaScript values they name. */
export function jsValue(spec) {
  let root;
  const make = (s) => {
    if (Array.isArray(s)) return s.map(make);
    if (s === null || typeof s !== "object") return s;
    if ("$js" in s) {
      switch (s.$js) {
        case "NaN": return NaN;
        case "Infinity": return Infinity;
        case "-Infinity": return -Infinity;
        case "-0": return -0;
        case "undefined": return undefined;
        case "function": return () => "a function";
        case "date": return new Date(s.iso);
        case "bigint": return BigInt(s.value);
        case "cycle": return root; // the outermost object, which contains this
        case "string": return s.units.map((u) => (typeof u === "number" ? String.fromCharCode(u) : u)).join("");
        case "repeat": return s.text.repeat(s.count);
        case "zeros": return new Uint8Array(s.length);
        case "sparse": {
          const a = Object.entries(s.items ?? {}).reduce((out, [i, v]) => ((out[Number(i)] = make(v)), out), []);
          a.length = s.length;
          return a;
        }
        default: throw new Error(`unknown marker ${s.$js}`);
      }
    }
    const out = {};
    root ??= out;
    for (const [k, v] of Object.entries(s)) out[k] = make(v);
    return out;
  };
  return make(spec);
}

/** The case's input: bytes (files, recipes), text and, for the object way, the value. */
async function inputs(c, load) {
  const out = {};
  if (c.file) {
    out.bytes = await load(c.file);
    try {
      // The text a caller holds: the file decoded as UTF-8, a byte-order mark kept.
      out.text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(out.bytes);
    } catch {
      out.text = undefined; // not UTF-8: only bytes can carry it
    }
  } else if (c.generate) {
    out.text = generate(c.generate);
    out.bytes = new TextEncoder().encode(out.text);
  }
  if (c.jsObject !== undefined) out.object = () => jsValue(c.jsObject);
  else if (out.text !== undefined) out.object = () => JSON.parse(out.text.replace(/^\uFEFF/, ""));
  return out;
}

function call(engine, c, way, input, options) {
  if (way === "bytes") return engine.checkDocument(input.bytes, options);
  if (way === "text") {
    if (input.text === undefined) throw new Error("the text way needs UTF-8 input");
    const method = { measure: "checkMeasure", programme: "checkProgramme", document: "checkDocument" }[c.entry];
    return engine[method](input.text, options);
  }
  if (way === "object") {
    const value = input.object();
    if (c.call) return engine[c.call](value, options);
    const programme = c.entry === "programme" || (c.entry === "document" && value !== null && typeof value === "object" && "measures" in value);
    return programme ? engine.checkProgramme(value, options) : engine.checkMeasure(value, options);
  }
  throw new Error(`unknown way ${way}`);
}

const PLACEHOLDER = /\{[A-Za-z0-9]+\}/;

/**
 * Runs one case every way it names except the CLI, in every language it names; returns a
 * list of mismatches (empty when the engine reports exactly what the case expects).
 * `load(file)` gives a fixture file's bytes as a Uint8Array.
 */
export async function runCase(Engine, doc, c, load, engine = new Engine()) {
  const bad = [];
  const input = await inputs(c, load);
  for (const way of c.ways.filter((w) => w !== "cli")) {
    const messages = [];
    for (const lang of c.langs ?? ["en"]) {
      const where = `${c.name} [${way}, ${lang}]`;
      let report;
      try {
        report = call(engine, c, way, input, { lang, asOf: doc.asOf });
      } catch (e) {
        if (c.throws && String(e?.message ?? e).includes(c.throws) && e instanceof Error && !(e instanceof WebAssembly.RuntimeError)) continue;
        bad.push(`${where}: threw ${e?.name}: ${e?.message ?? e}`);
        continue;
      }
      if (c.throws) {
        bad.push(`${where}: expected an Error with "${c.throws}", got a report`);
        continue;
      }
      const got = placed(report);
      // An object's findings name no place in a text, in their parameters either (a string or
      // bytes given the object's way are texts: a too-large one is at 1:1, as its expectObject
      // says).
      if (way === "object") {
        for (const f of report.findings) {
          if (f.params?.line !== undefined || f.params?.column !== undefined) bad.push(`${where}: ${f.rule} at ${f.path} names a line or column`);
        }
      }
      // Said on its own, so a failure names it: the findings of the valid parts.
      for (const k of c.keep ?? []) {
        // An object has no lines.
        const key = JSON.stringify(way === "object" && !c.expectObject ? [k[0], k[1], null, null] : k);
        if (!got.some((g) => JSON.stringify(g) === key)) bad.push(`${where}: ${key} of a valid part is lost`);
      }
      if (c.expectCounts) {
        // Too many findings to list: how many of each rule, and the summary.
        const counts = {};
        for (const f of report.findings) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
        const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
        const summary = { error: report.summary.error, warning: report.summary.warning, info: report.summary.info };
        if (!same(sorted, c.expectCounts) || !same(summary, c.summary)) {
          bad.push(`${where}:\n  expected ${JSON.stringify(c.expectCounts)} and ${JSON.stringify(c.summary)}\n  found    ${JSON.stringify(sorted)} and ${JSON.stringify(summary)}`);
          continue;
        }
      } else {
        const want = expected(c, way);
        if (!same(got, want)) {
          bad.push(`${where}:\n  expected ${JSON.stringify(want)}\n  found    ${JSON.stringify(got)}`);
          continue;
        }
      }
      if (c.measures !== undefined && report.measures !== c.measures) bad.push(`${where}: ${report.measures} measures checked, expected ${c.measures}`);
      for (const [path, text] of lang === "en" ? (c.says ?? []) : []) {
        const f = report.findings.find((x) => x.path === path);
        if (!f?.message?.includes(text)) bad.push(`${where}: the message at ${JSON.stringify(path)} does not say ${JSON.stringify(text)}: ${JSON.stringify(f?.message)}`);
      }
      for (const [path, name, value] of c.params ?? []) {
        const f = report.findings.find((x) => x.path === path);
        if (f?.params?.[name] !== value) bad.push(`${where}: ${path} ${name} is ${JSON.stringify(f?.params?.[name])}, expected ${JSON.stringify(value)}`);
      }
      const findings = [...report.findings].sort((a, b) => {
        const ka = JSON.stringify([a.rule, a.path, a.line ?? null, a.column ?? null]);
        const kb = JSON.stringify([b.rule, b.path, b.line ?? null, b.column ?? null]);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      findings.forEach((f, i) => {
        if (!f.message?.trim() || PLACEHOLDER.test(f.message)) bad.push(`${where}: message of ${f.rule} at ${f.path}: ${JSON.stringify(f.message)}`);
        // The parser's English words are a parameter, not the message, unless the engine has
        // no words of its own for the problem.
        const detail = f.params?.detail;
        if (detail && f.message.includes(detail) && f.params.problem !== "syntax") bad.push(`${where}: message of ${f.rule} quotes the parser: ${JSON.stringify(f.message)}`);
        (messages[i] ??= []).push(f.message);
      });
    }
    messages.forEach((m, i) => {
      if (new Set(m).size !== m.length) bad.push(`${c.name} [${way}]: finding ${i} has the same message in two languages: ${JSON.stringify(m)}`);
    });
  }
  // After a refusal or a huge input, the engine still answers.
  try {
    if (engine.checkMeasure('{"id": "2.1"}', { lang: "en", asOf: doc.asOf }).findings.length === 0) bad.push(`${c.name}: the engine is broken afterwards`);
  } catch (e) {
    bad.push(`${c.name}: the engine is broken afterwards: ${e?.message ?? e}`);
  }
  return bad;
}

/** The cases a JavaScript runtime runs (all but the native-only ones). */
export function jsCases(doc) {
  return doc.cases.filter((c) => !c.runtimes || c.runtimes.includes("js"));
}
