// Per-call latency in the page: the same inputs and loop as the Node form job, for
// measure-rules (the package as a plain ES module) and the peers' Vite bundles
// (bench/bundles.mjs). ajv runs as standalone code: the page's CSP (the demo's) refuses the
// `new Function` that ajv's runtime compiler needs.
import { stats, timeAsync, timeSync } from "../timing.mjs";

/** Smallest step performance.now() shows here (Chromium coarsens it unless cross-origin isolated). */
function resolution() {
  let best = Infinity;
  for (let i = 0; i < 2000; i++) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    best = Math.min(best, b - a);
  }
  return best * 1000;
}

export async function run({ inputs, n, warmup, warmupMs, asOf, lang }) {
  const opts = { lang, asOf };
  const measures = inputs.map((i) => i.measure);
  const texts = measures.map((m) => JSON.stringify(m));
  const pkg = await import("/wasm/npm/index.js");
  const engine = new pkg.Engine();
  const { makeCheck: ajvCheck } = await import("/bench/.out/ajv-standalone/ajv-standalone.js");
  const { makeCheck: jreCheck } = await import("/bench/.out/json-rules-engine/json-rules-engine.js");
  const ajv = ajvCheck();
  const jre = jreCheck(asOf);
  const out = { crossOriginIsolated: self.crossOriginIsolated, resolutionUs: resolution(), results: {} };
  out.results["measure-rules"] = stats(timeSync((m) => engine.checkMeasure(m, opts), measures, n, warmup, warmupMs));
  out.results["measure-rules-text"] = stats(timeSync((t) => engine.checkMeasure(t, opts), texts, n, warmup, warmupMs));
  out.results.stringify = stats(timeSync((m) => JSON.stringify(m), measures, n, warmup, warmupMs));
  out.results["ajv-standalone"] = stats(timeSync((m) => ajv(m), measures, n * 5, warmup, warmupMs));
  out.results["json-rules-engine"] = stats(await timeAsync((m) => jre(m), measures, n, warmup, warmupMs));
  let findings = 0;
  for (const m of measures) findings += engine.checkMeasure(m, opts).findings.length;
  out.findings = findings;
  return out;
}
