// A static file server for the browser tests: the repository's package, fixtures and data,
// on 127.0.0.1 only, with the strict Content-Security-Policy the demo page is served with.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css" };
/** Debian's Chromium, or the one `CHROMIUM` names. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** Flags for Debian's Chromium on a machine with no network but the loopback. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const REPOSITORY = ["wasm/npm/", "tests/", "data/", "schemas/"];

/** Serves `root`; only paths under one of `allowed` (the repository's public folders by default). */
export function serve(root, { port = 0, allowed = REPOSITORY } = {}) {
  const server = createServer(async (req, res) => {
    if (req.url === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^[/\\]+/, "");
    if (path.includes("..") || !allowed.some((p) => path.split(sep).join("/").startsWith(p))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(root, path));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "content-security-policy": CSP, "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/**
 * Serves `dir` (as `serve` does, with `options`), opens `path` on it in Debian's Chromium,
 * waits up to `timeout` ms for the page to set `window.__results`, and returns them with
 * every problem the page had: console errors, uncaught errors, responses of 400 or more,
 * requests outside the server's origin, a crash. The pages that run a suite in the browser
 * (the package, the bad-input suite, a Vite bundle) all report this way.
 */
export async function resultsOfPage(dir, path, { timeout = 60_000, ...options } = {}) {
  const { chromium } = await import("playwright-core");
  const server = await serve(dir, options);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const page = await browser.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(`${origin}/`)) problems.push(`request outside the origin: ${r.url()}`);
    });
    page.on("crash", () => problems.push("the page crashed"));
    await page.goto(`${origin}/${path}`);
    await page.waitForFunction(() => window.__results, null, { timeout });
    return { problems, results: await page.evaluate(() => window.__results) };
  } finally {
    await browser.close();
    server.close();
  }
}
