// The shared rule cases (tests/fixtures/cases.json), run through the WebAssembly engine in
// Node: the same expectations the Rust tests hold the native engine to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine } from "measure-rules";
import { found, merge, readJson, sorted } from "./helpers.mjs";

const doc = readJson("tests/fixtures/cases.json");
const engineFor = (c) => (c.ruleset ? new Engine(c.ruleset) : new Engine());

for (const c of doc.measures) {
  test(`measure case ${c.name}`, () => {
    const measure = merge(doc.base, c.patch);
    const engine = engineFor(c);
    for (const lang of ["fi", "sv", "en"]) {
      const r = engine.checkMeasure(measure, { lang, asOf: c.asOf ?? doc.asOf });
      assert.deepEqual(found(r), sorted(c.expect), lang);
    }
  });
}

for (const c of doc.texts) {
  test(`text case ${c.name}`, () => {
    const r = engineFor(c).checkMeasure(c.text, { lang: "en", asOf: doc.asOf });
    const withPlace = c.expect.some((e) => e.length === 4);
    assert.deepEqual(found(r, withPlace), sorted(c.expect));
  });
}

for (const c of doc.programmes) {
  test(`programme case ${c.name}`, () => {
    const r = engineFor(c).checkProgramme(c.programme, { lang: "en", asOf: doc.asOf });
    assert.deepEqual(found(r), sorted(c.expect));
  });
}
