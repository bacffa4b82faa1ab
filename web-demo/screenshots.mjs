#!/usr/bin/env node
// Takes the README's screenshots of the demo: builds it, serves it on a free port, and has
// Debian's Chromium capture each view into docs/screenshots/. `node web-demo/screenshots.mjs`
// (or `npm run demo:screenshots`) after the package is built.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build } from "./build.mjs";
import { serveDirectory } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, "..", "docs", "screenshots");
// The date the README's figures are given for: just after the spring 2018 update.
const AS_OF = "2018-06-01";
const SIZE = { width: 1200, height: 1000 };

const dist = build();
const server = await serveDirectory(dist);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--hide-scrollbars"],
});
mkdirSync(out, { recursive: true });

async function page(path) {
  const context = await browser.newContext({ viewport: SIZE, locale: "en-US", deviceScaleFactor: 1 });
  const p = await context.newPage();
  p.on("pageerror", (e) => {
    throw e;
  });
  await p.goto(base + path);
  return p;
}

async function shot(p, name, scrollTo) {
  if (scrollTo) await p.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: "start" }), scrollTo);
  await p.screenshot({ path: join(out, `${name}.png`) });
  process.stdout.write(`docs/screenshots/${name}.png\n`);
}

try {
  const demo = await page("");
  await demo.waitForSelector("html[data-ready]");
  await demo.fill("#as-of", AS_OF);
  await demo.dispatchEvent("#as-of", "change");

  // The example measure: a typo, a name for a code, an unread schedule, a late status.
  await shot(demo, "form", ".tabs");

  await demo.click("#tab-json");
  await shot(demo, "json", ".tabs");

  await demo.click("#tab-programme");
  await demo.click("#prog-load");
  await demo.waitForSelector(".prog-table tbody tr");
  await shot(demo, "programme", ".tabs");

  // The worked example of custom rules, applied to the example measure, and its tests run.
  await demo.click("#tab-rules");
  await demo.getByRole("button", { name: "Load the worked example" }).click();
  await demo.waitForFunction(() => /custom-rules/.test(document.getElementById("ruleset-status").textContent));
  await demo.getByRole("button", { name: "Run the tests" }).click();
  await demo.waitForFunction(() => document.getElementById("tests-summary").textContent !== "");
  // The editor keeps its custom list in view; the focus ring is left out of the picture.
  await demo.evaluate(() => document.activeElement.blur());
  await demo.mouse.move(0, 0);
  await shot(demo, "rules", 'label[for="ruleset-text"]');

  const embed = await page("embed.html");
  await embed.evaluate(() => import("./embed.js"));
  await embed.fill("#id", "2.6. a)");
  await embed.locator("#leadBody").pressSequentially("Tuli");
  await embed.locator("#schedule").pressSequentially("vuoden 2018 aikana");
  await embed.locator("#title").click();
  await shot(embed, "embed");
} finally {
  await browser.close();
  server.close();
}
