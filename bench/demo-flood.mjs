#!/usr/bin/env node
// How long the demo's JSON view takes to show a pasted measure with many unknown fields, or
// with many partners (BENCHMARKS.md, item 46): the text set as a paste sets it, then the time
// until both views are rendered and laid out, in Debian's Chromium. For the demo's authors; not
// part of `npm run bench`. Needs the package built (`npm run build`).
//
//   node bench/demo-flood.mjs [--partners] [COUNT ...]     (default: 1000 20000 130000)
import { chromium } from "playwright-core";
import { build } from "../web-demo/build.mjs";
import { serveDirectory } from "../web-demo/serve.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/browser/serve.mjs";
import { table } from "./lib.mjs";

const partners = process.argv.includes("--partners");
const sizes = process.argv.slice(2).filter((a) => a !== "--partners").map(Number);
const server = await serveDirectory(build());
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
try {
  for (const n of sizes.length ? sizes : [1000, 20000, 130000]) {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(base);
    await page.waitForSelector("html[data-ready]");
    await page.click("#tab-json");
    const ms = await page.evaluate(([n, partners]) => {
      const many = partners
        ? `"leadBody": "SM", "partners": ${JSON.stringify(Array.from({ length: n }, (_, i) => `X${i}`))}`
        : Array.from({ length: n }, (_, i) => `"k${i}": ${i}`).join(", ");
      const text = document.getElementById("json-text");
      const start = performance.now();
      text.value = `{"id": "2.1", "theme": 2, ${many}}`;
      text.dispatchEvent(new Event("input", { bubbles: true }));
      // The views render in the input handler; at the next frame the page's layout is forced,
      // which is what a browser must do before it can paint them.
      return new Promise((resolve) =>
        requestAnimationFrame(() => {
          document.body.getBoundingClientRect();
          resolve(performance.now() - start);
        }),
      );
    }, [n, partners]);
    const listed = await page.evaluate(() => document.querySelectorAll(".json-findings li").length);
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    rows.push([String(n), String(Math.round(ms)), String(listed), String(nodes), errors.length ? errors.join("; ") : "none"]);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  table(
    [{ title: partners ? "partners pasted" : "unknown fields pasted" }, { title: "ms until laid out", align: "r" }, { title: "items in the JSON view's list", align: "r" }, { title: "elements in the page", align: "r" }, { title: "page errors" }],
    rows,
  ),
);
