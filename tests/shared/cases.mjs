// The shared rule cases (tests/fixtures/cases.json) as plain functions, so Node and the
// browser run them with the same code the Rust tests mirror.

/** JSON Merge Patch (RFC 7386), as the Rust tests apply it. */
export function merge(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return structuredClone(patch);
  const out = target !== null && typeof target === "object" && !Array.isArray(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}

/**
 * A report without places: the text path adds line and column to findings, objects have none.
 * What the text of an object alone can have (input.syntax: half a surrogate pair, nesting too
 * deep) an object's report says without them, so its words, help and place parameters go too.
 * An object's report must not have them to begin with (`textPlaces`).
 */
export const placeless = (report) => ({
  ...report,
  findings: report.findings.map(({ line, column, ...f }) => {
    if (f.rule !== "input.syntax" || !["lone-surrogate", "depth"].includes(f.params?.problem)) return f;
    const { message, help, params: { line: l, column: c, ...params }, ...rest } = f;
    return { ...rest, params };
  }),
});

/** The findings of an object's report that name a place in a text (none should). */
export const textPlaces = (report) => report.findings.filter((f) => f.line != null || f.params?.line !== undefined || f.params?.column !== undefined);

export const sorted = (list) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** [rule, path] (or [rule, path, line, column]) of every finding, sorted. */
export function found(report, withPlace = false) {
  return sorted(report.findings.map((f) => (withPlace ? [f.rule, f.path, f.line ?? null, f.column ?? null] : [f.rule, f.path])));
}

/**
 * Every case of the fixture file, as `{ name, run }`: `run(Engine)` returns a list of
 * mismatches (empty when the engine reports exactly what the case expects).
 */
export function cases(doc) {
  const engineFor = (Engine, c) => (c.ruleset ? new Engine(c.ruleset) : new Engine());
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const out = [];
  for (const c of doc.measures) {
    out.push({
      name: `measure case ${c.name}`,
      run(Engine) {
        const measure = merge(doc.base, c.patch);
        const engine = engineFor(Engine, c);
        const bad = [];
        for (const lang of ["fi", "sv", "en"]) {
          const got = found(engine.checkMeasure(measure, { lang, asOf: c.asOf ?? doc.asOf }));
          if (!same(got, sorted(c.expect))) bad.push(`${c.name} [${lang}]: expected ${JSON.stringify(sorted(c.expect))}, found ${JSON.stringify(got)}`);
        }
        return bad;
      },
    });
  }
  for (const c of doc.texts) {
    out.push({
      name: `text case ${c.name}`,
      run(Engine) {
        const withPlace = c.expect.some((e) => e.length === 4);
        const got = found(engineFor(Engine, c).checkMeasure(c.text, { lang: "en", asOf: doc.asOf }), withPlace);
        return same(got, sorted(c.expect)) ? [] : [`${c.name}: expected ${JSON.stringify(sorted(c.expect))}, found ${JSON.stringify(got)}`];
      },
    });
  }
  for (const c of doc.programmes) {
    out.push({
      name: `programme case ${c.name}`,
      run(Engine) {
        const got = found(engineFor(Engine, c).checkProgramme(c.programme, { lang: "en", asOf: doc.asOf }));
        return same(got, sorted(c.expect)) ? [] : [`${c.name}: expected ${JSON.stringify(sorted(c.expect))}, found ${JSON.stringify(got)}`];
      },
    });
  }
  return out;
}
