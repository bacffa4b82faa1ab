// Browser job, in Debian's Chromium driven by playwright-core, pages served by the browser
// tests' server (tests/browser/serve.mjs: 127.0.0.1, the demo's strict CSP, no caching):
//
//   ready      time from navigation to the engine being ready (bench/browser/ready.html),
//              a fresh browser context per load, so nothing is cached
//   calls      per-call latency of checkMeasure and the peers in the page
//              (bench/browser/calls.mjs); the page is made cross-origin isolated (COOP/COEP
//              added to the responses) so that performance.now() is precise to 5 µs, not 100
//   keystroke  per-keystroke latency of the demo form's validation: web-demo/dist/index.html
//              when it exists (built by web-demo/build.mjs when only the script exists), else
//              the stand-in form bench/browser/form.html. Each keystroke: set the field's value,
//              dispatch `input`, time until the handler returns, until a forced style and
//              layout is done, and until the next animation frame.
//
//   node bench/browser.mjs [--quick]
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, serve } from "../tests/browser/serve.mjs";
import { OUT, buildBundles } from "./bundles.mjs";
import { AS_OF, LANG, formInputs } from "./inputs.mjs";
import { WARMUP_MS, fmt, root, stats, table } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);
const ALLOWED = ["wasm/npm/", "bench/", "data/", "schemas/"];
/** What is typed, one character per keystroke: an organisation (unknown until complete), and a title. */
const FIELDS = [
  { name: "lead body: organisation names", prefer: ["leadBody", "lead"], text: "Sisäministeriö, Poliisihallitus" },
  { name: "title: free text", prefer: ["title"], text: "Varmistetaan viranomaisten pitkän aikavälin resurssisuunnittelu." },
];

/**
 * The demo to type into: web-demo/build.mjs run into a temporary folder (so the demo carries
 * the package as built now, and web-demo/dist is left alone), else web-demo/dist as found.
 */
export function findDemo({ log = () => {} } = {}) {
  const dist = join(root, "web-demo", "dist");
  const script = join(root, "web-demo", "build.mjs");
  let failed = "";
  if (existsSync(script)) {
    const out = join(mkdtempSync(join(tmpdir(), "measure-rules-demo-")), "dist");
    log("browser job: building the demo with web-demo/build.mjs");
    try {
      execFileSync(process.execPath, [script, out], { cwd: root, stdio: "pipe", timeout: 300_000 });
      if (existsSync(join(out, "index.html"))) return { dir: out, temp: true, how: "built by `node web-demo/build.mjs <tmp>` in this run" };
      failed = "web-demo/build.mjs wrote no index.html; ";
    } catch (e) {
      failed = `web-demo/build.mjs failed (${String(e.stderr ?? e.message).split("\n")[0]}); `;
    }
  }
  if (existsSync(join(dist, "index.html"))) return { dir: dist, how: `${failed}web-demo/dist as found` };
  return { dir: null, how: `${failed}web-demo/ has neither build.mjs nor dist/index.html` };
}

// The page cross-origin isolated (COOP/COEP added to the responses), for the 5 µs timer. A
// request still in flight when its page closes (a late favicon) is abandoned, not an
// unhandled rejection that ends the whole run.
export const isolate = async (page) =>
  page.route("**/*", async (route) => {
    try {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" },
      });
    } catch (e) {
      if (!page.isClosed() && !/disposed|closed/i.test(String(e))) throw e;
    }
  });

function watch(page, problems) {
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
}

/** Runs in the page: types into one field, `n` keystrokes after `warmup`. */
async function typeInPage({ n, warmup, text, prefer, pkgUrls }) {
  const visible = (el) => el.offsetParent !== null && !el.disabled && !el.readOnly;
  const fields = [...document.querySelectorAll('input[type="text"], input:not([type]), textarea')].filter(visible);
  const describe = (el) => `${el.tagName.toLowerCase()}#${el.id || el.name || "?"}`;
  let el = null;
  for (const re of prefer.map((p) => new RegExp(p, "i"))) {
    el = fields.find((f) => re.test(f.id) || re.test(f.name ?? ""));
    if (el) break;
  }
  el ??= fields[0];
  if (!el) return { error: "no text field found" };
  // Count and time the engine's checks by wrapping Engine.prototype.checkMeasure of the
  // module instance the page loaded (found among the resources the page fetched).
  const counter = (window.__benchCounter ??= { checks: 0, inCheck: 0, wrapped: null });
  const loaded = performance.getEntriesByType("resource").map((r) => r.name);
  const own = pkgUrls.map((u) => new URL(u, location.href).href);
  const candidates = [...own, ...loaded.filter((u) => /\/(index|measure_rules)\.js$/.test(u) && /measure[-_]rules/.test(u))];
  for (const u of counter.wrapped ? [] : [...new Set(candidates)]) {
    try {
      const mod = await import(u);
      const proto = mod.Engine?.prototype;
      if (!proto) continue;
      const orig = proto.checkMeasure;
      proto.checkMeasure = function (...args) {
        const t = performance.now();
        try {
          return orig.apply(this, args);
        } finally {
          counter.inCheck += performance.now() - t;
          counter.checks++;
        }
      };
      counter.wrapped = u;
      break;
    } catch {
      /* not importable: no counting */
    }
  }
  const original = el.value;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const handler = [];
  const layout = [];
  const nextFrame = [];
  const perKey = [];
  for (let k = 0; k < warmup + n; k++) {
    const i = k % text.length;
    const value = text.slice(0, i + 1);
    const c0 = counter.checks;
    const x0 = counter.inCheck;
    const t0 = performance.now();
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    const t1 = performance.now();
    document.body.getBoundingClientRect();
    const t2 = performance.now();
    await frame();
    const t3 = performance.now();
    if (k >= warmup) {
      handler.push((t1 - t0) * 1000);
      layout.push((t2 - t0) * 1000);
      nextFrame.push((t3 - t0) * 1000);
      perKey.push([counter.checks - c0, (counter.inCheck - x0) * 1000]);
    }
  }
  el.value = original;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  return {
    field: describe(el),
    wrapped: counter.wrapped,
    handler,
    layout,
    nextFrame,
    checksPerKey: perKey.reduce((a, p) => a + p[0], 0) / perKey.length,
    checkUs: perKey.filter((p) => p[0] > 0).map((p) => p[1]),
    crossOriginIsolated: self.crossOriginIsolated,
  };
}

export async function browserJob({ quick = false, log = () => {} } = {}) {
  if (!existsSync(join(OUT, "ajv-standalone")) || !existsSync(join(OUT, "json-rules-engine"))) await buildBundles(["ajv-standalone", "json-rules-engine"], { log });
  const server = await serve(root, { allowed: ALLOWED });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const problems = [];
  const result = { chromium: browser.version() };
  try {
    // 1. Navigation to ready, cold each time.
    const loads = [];
    for (let i = 0; i < (quick ? 3 : 15); i++) {
      log(`browser job: load ${i + 1}`);
      const context = await browser.newContext();
      const page = await context.newPage();
      watch(page, problems);
      await page.goto(`${base}/bench/browser/ready.html`);
      await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
      loads.push(await page.evaluate(() => window.__ready));
      await context.close();
    }
    const med = (k) => stats(loads.map((l) => l[k])).median;
    result.ready = { loads: loads.length, responseEnd: med("responseEnd"), script: med("script"), imported: med("imported"), engineReady: med("engineReady"), firstCheck: med("firstCheck"), engineReadyMax: Math.max(...loads.map((l) => l.engineReady)) };

    // 2. Per-call latency in the page.
    log("browser job: calls");
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      watch(page, problems);
      await isolate(page);
      await page.goto(`${base}/bench/browser/calls.html`);
      const args = { inputs: formInputs(), n: quick ? 2000 : 20000, warmup: quick ? 500 : 5000, warmupMs: quick ? 50 : WARMUP_MS, asOf: AS_OF, lang: LANG };
      result.calls = { ...(await page.evaluate(async (a) => (await import("/bench/browser/calls.mjs")).run(a), args)), n: args.n, warmup: args.warmup, warmupMs: args.warmupMs };
      await context.close();
    }

    // 3. Keystrokes through the demo form, or the stand-in.
    const demo = findDemo({ log });
    result.demo = demo.how;
    const targets = [];
    if (demo.dir) targets.push({ name: "demo", dir: demo.dir, path: "/index.html", pkgUrls: ["/measure-rules/index.js"] });
    targets.push({ name: "stand-in", dir: null, path: "/bench/browser/form.html", pkgUrls: ["/wasm/npm/index.js"] });
    result.keystrokes = {};
    for (const t of targets) {
      log(`browser job: keystrokes (${t.name})`);
      const srv = t.dir ? await serve(t.dir, { allowed: [""] }) : server;
      const context = await browser.newContext();
      const page = await context.newPage();
      const pageProblems = [];
      watch(page, pageProblems);
      await isolate(page);
      await page.addInitScript(() => {
        const mark = () => {
          const app = document.getElementById("app") ?? document.getElementById("form");
          if (app && !app.hidden && window.__appReady === undefined) window.__appReady = performance.now();
        };
        new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
      });
      try {
        await page.goto(`http://127.0.0.1:${srv.address().port}${t.path}`);
        await page.waitForFunction(() => window.__appReady !== undefined, null, { timeout: 60_000 });
        await page.waitForTimeout(200);
        const appReady = await page.evaluate(() => window.__appReady);
        for (const f of FIELDS) {
          const r = await page.evaluate(typeInPage, { n: quick ? 100 : 300, warmup: quick ? 20 : 30, text: f.text, prefer: f.prefer, pkgUrls: t.pkgUrls });
          result.keystrokes[`${t.name}/${f.name}`] = r.error
            ? { error: r.error, problems: pageProblems }
            : {
                target: t.name,
                typing: f.name,
                field: r.field,
                appReady,
                wrapped: r.wrapped,
                handler: stats(r.handler),
                layout: stats(r.layout),
                nextFrame: stats(r.nextFrame),
                checksPerKey: r.checksPerKey,
                check: r.checkUs.length ? stats(r.checkUs) : null,
                crossOriginIsolated: r.crossOriginIsolated,
                problems: pageProblems,
              };
        }
      } catch (e) {
        result.keystrokes[`${t.name}/failed`] = { target: t.name, error: String(e.message ?? e).split("\n")[0], problems: pageProblems };
      } finally {
        await context.close();
        if (t.dir) srv.close();
      }
    }
    if (demo.temp) rmSync(join(demo.dir, ".."), { recursive: true, force: true });
  } finally {
    await browser.close();
    server.close();
  }
  result.problems = problems;
  return result;
}

export function browserTables(r) {
  const out = [];
  const rd = r.ready;
  out.push(
    table(
      [{ title: `navigation → (Chromium ${r.chromium}, median of ${rd.loads} cold loads)` }, { title: "ms", align: "r" }],
      [
        ["HTML received (responseEnd)", fmt.ms(rd.responseEnd)],
        ["page module starts", fmt.ms(rd.script)],
        ["`import(\"/wasm/npm/index.js\")` resolved (wasm fetched, compiled, instantiated)", fmt.ms(rd.imported)],
        ["`new Engine()` done: **engine ready**", fmt.ms(rd.engineReady)],
        ["first checkMeasure done", fmt.ms(rd.firstCheck)],
      ],
    ),
  );
  const c = r.calls;
  const mr = c.results["measure-rules"];
  // Below the timer's step a single call reads as 0: say "< step" rather than a false 0.
  const q = (x) => (x < c.resolutionUs ? `< ${c.resolutionUs.toFixed(0)}` : fmt.us(x));
  const label = {
    "measure-rules": "measure-rules checkMeasure(object)",
    "measure-rules-text": "measure-rules checkMeasure(JSON text)",
    stringify: "JSON.stringify(measure) alone",
    "ajv-standalone": "ajv (standalone validator, ajv-i18n fi)",
    "json-rules-engine": "json-rules-engine, the four checks",
  };
  out.push(
    table(
      [
        { title: "in the page, per call" },
        { title: "median µs", align: "r" },
        { title: "p99 µs", align: "r" },
        { title: "mean µs", align: "r" },
        { title: "mean ÷ measure-rules", align: "r" },
        { title: "calls", align: "r" },
      ],
      Object.entries(c.results).map(([k, s]) => [label[k] ?? k, q(s.median), q(s.p99), fmt.us(s.mean), fmt.ratio(s.mean / mr.mean), String(s.n)]),
    ) + `\n\nTimer: performance.now() steps of ${c.resolutionUs.toFixed(1)} µs in the page (cross-origin isolated: ${c.crossOriginIsolated}); medians and p99s are whole steps, the mean of many quantised calls is finer. Findings per pass over the inputs: ${c.findings}.${c.warmup ? ` Each variant: ${c.warmup} warm-up calls${c.warmupMs ? ` and at least ${c.warmupMs} ms of them` : ""}, then its calls timed, one block after the other in the order of the table.` : ""}`,
  );
  const rows = [];
  for (const k of Object.values(r.keystrokes)) {
    const what = k.target === "demo" ? "demo" : "stand-in";
    if (k.error) {
      rows.push([what, "-", "-", "-", "-", "-", "-", `failed: ${k.error}`]);
      continue;
    }
    rows.push([
      what,
      `${k.typing} (${k.field})`,
      `${fmt.us(k.handler.median)} / ${fmt.us(k.handler.p99)}`,
      `${fmt.us(k.layout.median)} / ${fmt.us(k.layout.p99)}`,
      `${fmt.ms(k.nextFrame.median / 1000)} / ${fmt.ms(k.nextFrame.p99 / 1000)}`,
      k.check ? `${fmt.us(k.check.median)} / ${fmt.us(k.check.p99)}` : "-",
      k.wrapped ? k.checksPerKey.toFixed(2) : "-",
      fmt.ms(k.appReady),
    ]);
  }
  out.push(
    table(
      [
        { title: "form" },
        { title: "typing into" },
        { title: "input handler µs", align: "r" },
        { title: "+ style & layout µs", align: "r" },
        { title: "to next frame ms", align: "r" },
        { title: "inside checkMeasure µs", align: "r" },
        { title: "checks per key", align: "r" },
        { title: "navigation → form shown ms", align: "r" },
      ],
      rows,
    ) +
      `\n\nPer keystroke, median / p99. Forms: demo = web-demo (${r.demo}); stand-in = bench/browser/form.html.` +
      (Object.values(r.keystrokes).some((k) => k.target === "demo" && !k.error) ? "" : " The keystroke figures are the stand-in form's; the script types into the real form as soon as web-demo/dist/index.html or web-demo/build.mjs exists.") +
      ' "To next frame" includes waiting for the frame (60 Hz), not only work.' +
      (r.problems.length ? `\nPage problems: ${r.problems.join("; ")}` : ""),
  );
  return out.join("\n\n");
}

if (process.argv[1] === SELF) {
  const r = await browserJob({ quick: process.argv.includes("--quick"), log: (m) => process.stderr.write(`${m}\n`) });
  console.log(browserTables(r));
}
