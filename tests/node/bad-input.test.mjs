// The bad-input suite (tests/fixtures/bad-input/cases.json) in Node: every case through the
// built package (`import { Engine } from "measure-rules"`), and the cases that are files
// through the CLI as CI runs it, with the same expectations as the native and browser runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
