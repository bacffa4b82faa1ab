// Statistics and timing loops, with no Node imports, so the browser pages use the same code.

/** Median, p99 (nearest rank), mean, min and count of a list of durations (any unit). */
export function stats(samples) {
  const s = Float64Array.from(samples).sort();
  const n = s.length;
  const rank = (q) => s[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))];
  let sum = 0;
  for (const x of s) sum += x;
  return { n, median: rank(0.5), p99: rank(0.99), mean: sum / n, min: s[0], max: s[n - 1] };
}

/**
 * How long each timed loop warms up, at the least, besides its count of warm-up calls. V8
 * tiers code up on background threads while a loop runs: in Chromium, after 5,000 calls
 * (about 70 ms) the slowest 1 % of the next 20,000 still gathered at their start, and the p99
 * was 35 to 90 µs against 30 to 40 after 500 ms or more (BENCHMARKS.md, item 34). Criterion,
 * for comparison, warms up for 3 s.
 */
export const WARMUP_MS = 500;

/** Calls `fn(inputs[i % inputs.length])`: at least `warmup` calls, and at least `warmupMs` milliseconds of them. */
export function warmUp(fn, inputs, warmup, warmupMs = 0) {
  const k = inputs.length;
  const until = performance.now() + warmupMs;
  for (let i = 0; i < warmup || performance.now() < until; i++) fn(inputs[i % k]);
}

/**
 * Times `fn(inputs[i % inputs.length])` one call at a time: `warmUp` first (not kept), then
 * `n` timed calls. Returns the durations in microseconds.
 */
export function timeSync(fn, inputs, n, warmup, warmupMs = 0) {
  const k = inputs.length;
  warmUp(fn, inputs, warmup, warmupMs);
  const out = new Float64Array(n);
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const x = inputs[i % k];
    const t0 = performance.now();
    const r = fn(x);
    out[i] = (performance.now() - t0) * 1000;
    if (r) sink++;
  }
  if (sink < 0) console.log(sink);
  return out;
}

/** The same for a function that returns a promise (json-rules-engine), awaiting each call of the warm-up too. */
export async function timeAsync(fn, inputs, n, warmup, warmupMs = 0) {
  const k = inputs.length;
  const until = performance.now() + warmupMs;
  for (let i = 0; i < warmup || performance.now() < until; i++) await fn(inputs[i % k]);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = inputs[i % k];
    const t0 = performance.now();
    await fn(x);
    out[i] = (performance.now() - t0) * 1000;
  }
  return out;
}

/**
 * Builds compared in one process (bench/compare-builds.mjs): warms every call up, then times
 * `rounds` blocks of `perBlock` calls of each in turn, so that a machine's swings slow them
 * alike. Per call, its blocks' mean µs per call, sorted.
 */
export function alternate(calls, inputs, perBlock, rounds) {
  const k = inputs.length;
  for (const call of calls) for (let i = 0; i < perBlock * 40; i++) call(inputs[i % k]);
  const blocks = calls.map(() => []);
  for (let round = 0; round < rounds; round++) {
    calls.forEach((call, c) => {
      const start = performance.now();
      for (let i = 0; i < perBlock; i++) call(inputs[i % k]);
      blocks[c].push(((performance.now() - start) * 1000) / perBlock);
    });
  }
  return blocks.map((times) => times.sort((a, b) => a - b));
}
