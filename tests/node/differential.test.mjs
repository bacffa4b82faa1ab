// Same logic everywhere: the native engine (core/examples/reports.rs) and the WebAssembly
// engine give byte-identical JSON reports on every fixture, the real programme and 10,000
// measures mutated from them; and a measure given as an object (walked in JS by the Node
// build) is read as its JSON.stringify text is, over 10,000 objects holding what JSON cannot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Engine } from "measure-rules";
import { merge, readJson, readText, root } from "./helpers.mjs";
import { measureSeeds, mutate, objectsAgainstText, rng } from "../shared/mutate.mjs";

const AS_OF = "2019-06-01";

function native(lines, lang) {
  execFileSync("cargo", ["build", "-q", "--release", "-p", "measure-rules", "--example", "reports"], { cwd: root, stdio: "inherit" });
  const exe = join(root, "target", "release", "examples", "reports");
  const input = lines.map((text) => JSON.stringify(text)).join("\n") + "\n";
  const out = execFileSync(exe, ["--lang", lang, "--as-of", AS_OF], { input, maxBuffer: 1 << 30 });
  return out.toString("utf8").trimEnd().split("\n");
}

function wasm(lines, lang) {
  const engine = new Engine();
  return lines.map((text) => JSON.stringify(engine.checkDocument(text, { lang, asOf: AS_OF })));
}

function corpus() {
  const seeds = measureSeeds(readJson("data/programme-2017.json"), readJson("tests/fixtures/cases.json"));
  const random = rng(20171005);
  const out = [];
  for (let i = 0; i < 10_000; i++) {
    const m = mutate(seeds[i % seeds.length], random);
    // Every fourth document pretty-printed, so line and column differ from the compact form.
    out.push(i % 4 === 0 ? JSON.stringify(m, null, 2) : JSON.stringify(m));
  }
  return out;
}

function fixtures() {
  const cases = readJson("tests/fixtures/cases.json");
  return [
    readText("data/programme-2017.json"),
    ...cases.measures.map((c) => JSON.stringify(merge(cases.base, c.patch))),
    ...cases.texts.map((c) => c.text),
    ...cases.programmes.map((c) => JSON.stringify(c.programme)),
  ];
}

function compare(lines, lang) {
  const a = native(lines, lang);
  const b = wasm(lines, lang);
  assert.equal(a.length, lines.length);
  let differ = 0;
  for (let i = 0; i < lines.length; i++) {
    if (a[i] !== b[i]) {
      differ++;
      if (differ <= 3) assert.equal(b[i], a[i], `document ${i}: ${lines[i].slice(0, 200)}`);
    }
  }
  assert.equal(differ, 0);
  return lines.length;
}

test("fixtures and the real programme, in three languages", () => {
  for (const lang of ["fi", "sv", "en"]) compare(fixtures(), lang);
});

test("10,000 mutated measures", () => {
  const n = compare(corpus(), "fi");
  assert.equal(n, 10_000);
});

test("10,000 measures holding what JSON cannot are read as their JSON text is", () => {
  const seeds = measureSeeds(readJson("data/programme-2017.json"), readJson("tests/fixtures/cases.json"));
  const out = objectsAgainstText(new Engine(), seeds, { seed: 20171006, count: 10_000, opts: { lang: "fi", asOf: AS_OF } });
  assert.deepEqual(out.failures, []);
  assert.ok(out.compared > 9_000, `${out.compared} of 10,000 could be turned into JSON`);
});
