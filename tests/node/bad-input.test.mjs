// The bad-input suite (tests/fixtures/bad-input/cases.json) in Node: every case through the
// built package (`import { Engine } from "measure-rules"`), and the cases that are files
// through the CLI as CI runs it, with the same expectations as the native and browser runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Engine } from "measure-rules";
import { expected, jsCases, placed, runCase } from "../shared/bad-input.mjs";
import { cli, readJson, root } from "./helpers.mjs";

const folder = join(root, "tests", "fixtures", "bad-input");
const doc = readJson("tests/fixtures/bad-input/cases.json");
const load = async (file) => new Uint8Array(readFileSync(join(folder, file)));
const engine = new Engine();

for (const c of jsCases(doc)) {
  test(`bad input: ${c.name}`, { timeout: 60_000 }, async () => {
    assert.deepEqual(await runCase(Engine, doc, c, load, engine), []);
  });
}

const cliCases = doc.cases.filter((c) => c.ways.includes("cli"));

test("bad input through the CLI: the same findings, file by file, in one run", { timeout: 60_000 }, () => {
  const files = cliCases.map((c) => join(folder, c.file));
  const r = spawnSync(process.execPath, [cli, "check", ...files, "--format", "json", "--lang", "en", "--as-of", doc.asOf], { cwd: root, encoding: "utf8" });
  assert.equal(r.stderr, "");
  assert.equal(r.status, 1, "the files have errors");
  const out = JSON.parse(r.stdout);
  assert.equal(out.files.length, cliCases.length);
  const bad = [];
  for (const c of cliCases) {
    const result = out.files.find((f) => f.file === join(folder, c.file));
    if (!result?.report) {
      bad.push(`${c.name}: ${result?.error ?? "no result"}`);
      continue;
    }
    const got = placed(result.report);
    if (JSON.stringify(got) !== JSON.stringify(expected(c, "cli"))) bad.push(`${c.name} [cli]:\n  expected ${JSON.stringify(expected(c, "cli"))}\n  found    ${JSON.stringify(got)}`);
  }
  assert.deepEqual(bad, []);
});

test("bad input through the CLI: the text report places and shows bytes that are not UTF-8, after a BOM and with CRLF", () => {
  const files = ["latin1.json", "utf8-truncated-bom.json", "bom.json", "crlf.json"].map((f) => join("tests", "fixtures", "bad-input", f));
  const r = spawnSync(process.execPath, [cli, "check", ...files, "--lang", "en", "--as-of", doc.asOf], { cwd: root, encoding: "utf8" });
  assert.equal(r.stderr, "");
  assert.equal(r.status, 1);
  assert.match(r.stdout, /latin1\.json:4:51: error input\.syntax: The file is not UTF-8 at line 4, column 51 \(byte 0xE4\); save it as UTF-8\./);
  assert.match(r.stdout, /utf8-truncated-bom\.json:1:41: error input\.syntax: .*\(byte 0xC3\)/);
  assert.match(r.stdout, /bom\.json:1:83: error lead-body\.unknown/);
  assert.match(r.stdout, /crlf\.json:8:3: error status\.invalid/);
  // The caret is under the bad byte (shown as U+FFFD) of line 4.
  const frame = r.stdout.split("\n");
  const at = frame.findIndex((l) => /^> +4 \| .*pitk\uFFFDn/.test(l));
  assert.ok(at >= 0, "code frame of latin1.json");
  assert.equal(frame[at + 1].indexOf("^") - frame[at].indexOf("|") - 2, 50, "caret at column 51");
});

test("a value is refused by its size only when its JSON text is over the limit", async () => {
  // size.mjs straight from the sources: the wasm asks it before JSON.stringify writes a value.
  const { leastJson } = await import(pathToFileURL(join(root, "wasm", "src", "size.mjs")).href);
  const programme = readJson("data/programme-2017.json");
  const sparse = [];
  sparse[3] = "OM";
  const withToJson = { a: { toJSON: () => undefined }, b: [{ toJSON: () => undefined }], c: new Date(0) };
  // A member a `toJSON` leaves out is not counted, however long its key.
  const leftOut = { ["k".repeat(40)]: { toJSON: () => undefined } };
  const said = Object.assign(new Array(1000), { toJSON: () => "an array" });
  const values = [
    programme,
    ...programme.measures,
    sparse,
    withToJson,
    leftOut,
    said,
    [undefined, () => 1, Symbol("s"), null, true, false, -0, NaN, 1e21, "ä€😀"],
    { u: undefined, f: () => 1, s: Symbol("s"), k: "v", "ä€😀": [] },
    [new String("boxed ä"), new Number(12345), new Boolean(false), { n: new String("x".repeat(50)) }],
    new Uint8Array([1, 2, 300]),
    [[], {}, [[]], [{}], ""],
    new Map([["a", 1]]),
  ];
  for (const v of values) {
    const length = Buffer.byteLength(JSON.stringify(v));
    const name = JSON.stringify(v).slice(0, 60);
    // Never over a limit the text is within; when over, the bound is between the two.
    assert.equal(leastJson(v, length), 0, name);
    for (const max of [0, 1, Math.floor(length / 2), length - 1]) {
      const least = leastJson(v, max);
      if (least) assert.ok(least > max && least <= length, `${name}: ${least} for ${max}, text ${length}`);
    }
  }
  // Arrays of nothing but nulls are bounded exactly, and a billion of them judged at once.
  const holes = new Array(1000);
  assert.equal(leastJson(holes, 0) > 0, true);
  assert.equal(leastJson(holes, Buffer.byteLength(JSON.stringify(holes)) - 1), Buffer.byteLength(JSON.stringify(holes)));
  const billion = [];
  billion.length = 1e9;
  assert.equal(leastJson({ partners: billion }, 32 * 1024 * 1024), 2000000014);
  // A cycle is not followed for ever (JSON.stringify refuses it after).
  const cyclic = { id: "2.1" };
  cyclic.self = cyclic;
  assert.equal(leastJson(cyclic, 1e9), 0);
  // One whose bound goes over the limit before the depth cut ends it throws for the cycle, as
  // JSON.stringify does, found however far into a sparse array it is...
  const wide = { title: "x".repeat(1000) };
  wide.steps = [wide, wide];
  assert.throws(() => leastJson(wide, 1e6), { name: "TypeError", message: /circular/ });
  const far = [];
  far.length = 1e9;
  far[5] = { back: far };
  assert.throws(() => leastJson({ partners: far }, 32 * 1024 * 1024), /circular/);
  // ...while a value that shares its parts without a cycle keeps its bound, found at once,
  // each shared part searched once (this one's text would be 2^25 copies of its leaf).
  let shared = { leaf: "x".repeat(100) };
  for (let i = 0; i < 25; i++) shared = { a: shared, b: shared };
  assert.ok(leastJson(shared, 32 * 1024 * 1024) > 32 * 1024 * 1024);
  // What a toJSON gives is not searched: JSON.stringify calls it, and its result may hold no cycle.
  const replaced = { title: "x".repeat(1000), toJSON: () => "replaced" };
  replaced.self = [replaced, replaced];
  assert.ok(leastJson({ a: replaced, pad: "y".repeat(100) }, 10) > 10);
});
