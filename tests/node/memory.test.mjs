// Nothing leaks across the boundary: memory stays flat over 100,000 calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Engine, parseSchedule } from "measure-rules";
import { merge, readJson } from "./helpers.mjs";

test("100,000 checks leave memory flat", { timeout: 300_000 }, () => {
  const cases = readJson("tests/fixtures/cases.json");
  const docs = cases.measures.map((c) => merge(cases.base, c.patch));
  const engine = new Engine();
  const call = (i) => {
    const r = engine.checkMeasure(docs[i % docs.length], { lang: "fi", asOf: "2019-06-01" });
    if (i % 10 === 0) parseSchedule("Syksy 2018", "sv");
    if (i % 100 === 0) new Engine().free();
    return r.findings.length;
  };
  const usage = () => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
  };
  for (let i = 0; i < 10_000; i++) call(i);
  const before = usage();
  for (let i = 0; i < 100_000; i++) call(i);
  const after = usage();
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  // The wasm linear memory is an ArrayBuffer: it would grow with every leaked report.
  assert.ok(after.buffers - before.buffers < 1024 * 1024, `wasm/array buffers grew from ${mb(before.buffers)} to ${mb(after.buffers)} MiB`);
  assert.ok(after.heap - before.heap < 8 * 1024 * 1024, `JS heap grew from ${mb(before.heap)} to ${mb(after.heap)} MiB`);
});
