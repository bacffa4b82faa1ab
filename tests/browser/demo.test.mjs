// The demo page and the embed example, end to end in Debian's Chromium (playwright-core):
// built with web-demo/build.mjs, served by web-demo/serve.mjs under the strict CSP, used as
// a person would (typing, clicking, the keyboard alone), compared with the CLI, scanned with
// axe-core. One browser for the file; each test opens its own pages.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { cli, readText, root } from "../node/helpers.mjs";
import { CHROMIUM, CHROMIUM_ARGS, CSP } from "./serve.mjs";
import { build } from "../../web-demo/build.mjs";
import { serveDirectory } from "../../web-demo/serve.mjs";
import { LANGS, STRINGS } from "../../web-demo/i18n.js";
import { RULE_SUMMARIES } from "../../web-demo/app/rule-summaries.js";
import { Engine, rules } from "../../wasm/npm/node.mjs";

const XSS = "<img src=x onerror=alert(1)>";
const AS_OF = "2018-06-01";
const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

let temp;
let dist;
let server;
let base;
let browser;

before(async () => {
  temp = mkdtempSync(join(tmpdir(), "measure-rules-demo-"));
  dist = build({ out: join(temp, "dist") });
  server = await serveDirectory(dist);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/**
 * Opens a page of the demo and records everything that must not happen: console errors,
 * uncaught exceptions, dialogs (an XSS payload that ran), requests outside the origin,
 * failed responses and CSP violations.
 */
async function open(path = "", { viewport = { width: 1280, height: 900 }, ready = true, setup } = {}) {
  const context = await browser.newContext({ viewport, locale: "en-US" });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(base)) problems.push(`request outside the origin: ${r.url()}`);
  });
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await setup?.(page);
  await page.goto(base + path);
  if (ready) await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
  const done = async () => {
    const violations = await page.evaluate(() => window.__violations);
    await context.close();
    assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], [], "nothing went wrong in the page");
  };
  return { page, done };
}

const errorText = (page, controlId) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    return (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter((x) => /-error-\d+$/.test(x))
      .map((x) => document.getElementById(x)?.textContent ?? "")
      .join(" ");
  }, controlId);
/** Waits for the embed page's module script (and so the engine) to have run. */
const embedReady = (page) => page.evaluate(() => import("./embed.js"));
const invalid = (page, id) => page.evaluate((x) => document.getElementById(x).getAttribute("aria-invalid"), id);

async function setAsOf(page, date) {
  await page.fill("#as-of", date);
  await page.dispatchEvent("#as-of", "change");
}

/** The CLI's JSON report of the programme, as CI would produce it. */
function cliReport(lang = "en") {
  const run = spawnSync(process.execPath, [cli, "check", "data/programme-2017.json", "--format", "json", "--as-of", AS_OF, "--lang", lang], { cwd: root, encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout).files[0].report;
}

async function axe(page, label) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `axe-core in ${label}: ${JSON.stringify(bad, null, 1)}`);
}

function get(path) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

// --- the server and the sources ---------------------------------------------------------------

test("the demo is served with the strict CSP, the right types, and nothing outside dist", async () => {
  const page = await get("/");
  assert.equal(page.status, 200);
  assert.equal(page.headers["content-security-policy"], CSP);
  assert.match(page.headers["content-type"], /^text\/html/);
  const wasm = await get("/measure-rules/web/measure_rules_bg.wasm");
  assert.equal(wasm.headers["content-type"], "application/wasm");
  assert.match((await get("/app/main.js")).headers["content-type"], /^text\/javascript/);
  assert.match((await get("/data/programme-2017.json")).headers["content-type"], /^application\/json/);
  for (const path of ["/../package.json", "/%2e%2e/package.json", "/..%2fpackage.json", "/app/..%2f..%2fbuild.mjs", "/nothing.html", "/%00"]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.equal(res.headers["content-security-policy"], CSP, `${path}: the CSP is on every response`);
  }
  // CSP `default-src 'self'` forbids inline script, inline style and inline handlers; the
  // sources must not need them, and must not build HTML from strings.
  for (const name of readdirSync(join(root, "web-demo")).filter((n) => n.endsWith(".html"))) {
    const html = readText(`web-demo/${name}`);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${name}: inline script`);
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, `${name}: inline style or handler`);
  }
  for (const name of [...readdirSync(join(root, "web-demo", "app")).map((n) => `app/${n}`), "embed.js", "i18n.js"]) {
    assert.doesNotMatch(readText(`web-demo/${name}`), /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, name);
  }
});

test("the interface text exists in Finnish, Swedish and English alike", () => {
  const keys = Object.keys(STRINGS.en).sort();
  for (const lang of LANGS) assert.deepEqual(Object.keys(STRINGS[lang]).sort(), keys, lang);
  assert.equal(STRINGS.fi["field.leadBody"], "Päävastuutaho");
  assert.equal(STRINGS.sv["field.leadBody"], "Huvudansvarig");
  assert.equal(STRINGS.en["field.leadBody"], "Lead body");
  // The rules' summaries in Finnish and Swedish, one for every rule of the catalogue: a rule
  // added without them fails here.
  const ids = rules().map((r) => r.id).sort();
  for (const lang of ["fi", "sv"]) assert.deepEqual(Object.keys(RULE_SUMMARIES[lang]).sort(), ids, lang);
});

// --- the form ---------------------------------------------------------------------------------

test("typing into the form makes findings appear at their fields and clear again", async () => {
  const { page, done } = await open();
  await setAsOf(page, AS_OF);
  await page.getByRole("button", { name: "New measure" }).click();
  assert.equal(await invalid(page, "f-leadBody"), "true");
  assert.match(await errorText(page, "f-leadBody"), /The lead body is missing\./);
  assert.match(await page.textContent(".summary-count"), /Errors: 5/);

  // A typo in the lead body: an error with a suggestion, then the suggested fix.
  await page.locator("#f-leadBody").pressSequentially("Tuli");
  assert.match(await errorText(page, "f-leadBody"), /The lead body Tuli is not in the organisation registry\. Did you mean Tulli \(Finnish Customs\)\?/);
  assert.equal(await invalid(page, "f-leadBody"), "true");
  await page.locator("#f-leadBody-error").getByRole("button", { name: /Apply fix/ }).click();
  assert.equal(await page.inputValue("#f-leadBody"), "Tulli");
  assert.equal(await errorText(page, "f-leadBody"), "");
  assert.equal(await invalid(page, "f-leadBody"), null);
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-leadBody", "the fix leaves focus at its field");

  // The schedule: free text read by the parser, shown live, and the requirement met.
  assert.match(await errorText(page, "f-schedule-start"), /The schedule is missing/);
  await page.locator("#f-schedule-text").pressSequentially("Syksy 2018");
  assert.equal(await page.textContent("#f-schedule-text-preview .preview-text"), "2018-09 to 2018-11");
  assert.doesNotMatch(await errorText(page, "f-schedule-start"), /The schedule is missing/);
  await page.click("#f-schedule-text-preview-use");
  assert.equal(await page.inputValue("#f-schedule-start"), "2018-09");
  assert.equal(await page.inputValue("#f-schedule-end"), "2018-11");
  // A date that does not exist, typed by hand.
  await page.fill("#f-schedule-end", "2018-13");
  assert.match(await errorText(page, "f-schedule-end"), /2018-13 does not exist/);
  await page.fill("#f-schedule-end", "2018-11");
  assert.equal(await errorText(page, "f-schedule-end"), "");

  // The measure number: the published form is recognised and its canonical form offered.
  await page.locator("#f-id").pressSequentially("2.6. a)");
  assert.match(await errorText(page, "f-id"), /2\.6\. a\) is written 2\.6a/);
  assert.equal(await invalid(page, "f-id"), null, "a warning does not make a field invalid");
  assert.match(await errorText(page, "f-theme"), /The theme is missing; measure 2\.6a belongs to theme 2/);
  await page.selectOption("#f-theme", "2");
  assert.equal(await errorText(page, "f-theme"), "");

  // Partners: added from the picker, a duplicate, then removed again.
  assert.match(await errorText(page, "f-partners-add"), /Partners named: 0; the measure needs at least 1\./);
  await page.fill("#f-partners-add", "PO");
  await page.press("#f-partners-add", "Enter");
  assert.equal(await page.inputValue("#f-partners-0"), "PO");
  assert.equal(await page.textContent("#f-partners-0-org"), "Police Department of the Ministry of the Interior (PO)");
  assert.doesNotMatch(await errorText(page, "f-partners-add"), /partners/);
  await page.fill("#f-partners-add", "Poliisiosasto");
  await page.press("#f-partners-add", "Enter");
  assert.match(await errorText(page, "f-partners-1"), /already/);
  await page.click("#f-partners-1-remove");
  assert.equal(await page.locator("#f-partners-1").count(), 0);
  // Focus moved to the row that took its place, and what happened is said.
  await page.waitForFunction(() => document.getElementById("announcer").textContent.includes("removed"));
  assert.equal(await page.textContent("#announcer"), "Partner Poliisiosasto removed.");

  await page.fill("#f-title-fi", "Vahvistetaan itärajan valvontaa.");
  await page.selectOption("#f-status", "planned");
  assert.match(await page.textContent(".summary-count"), /Errors: 0 · warnings: 1/);
  await page.locator("#f-id-error").getByRole("button", { name: /Apply fix/ }).click();
  assert.equal(await page.inputValue("#f-id"), "2.6a");
  assert.equal(await page.textContent(".summary-count"), "No findings: the measure passes every rule.");
  assert.equal(await page.locator('#panel-form [aria-invalid="true"]').count(), 0);

  // The summary is the engine's whole report on the measure, as Node's engine gives it.
  await page.click("#tab-json");
  const measure = JSON.parse(await page.inputValue("#json-text"));
  const report = new Engine().checkMeasure(measure, { lang: "en", asOf: AS_OF });
  const summary = await page.$$eval(".summary-list li", (lis) => lis.map((li) => li.textContent));
  assert.equal(summary.length, report.findings.length);
  report.findings.forEach((f, i) => assert.ok(summary[i].includes(f.message), `${summary[i]} / ${f.message}`));
  await done();
});

test("a joint lead and pasted partners are separated by commas, and a name with a comma of its own is one organisation", async () => {
  const { page, done } = await open();
  await setAsOf(page, AS_OF);
  await page.getByRole("button", { name: "New measure" }).click();
  const leadBody = async () => {
    await page.click("#tab-json");
    const value = JSON.parse(await page.inputValue("#json-text")).leadBody;
    await page.click("#tab-form");
    return value;
  };
  await page.fill("#f-leadBody", "SM, TEM");
  assert.deepEqual(await leadBody(), ["SM", "TEM"]);
  assert.match(await errorText(page, "f-leadBody"), /The measure has 2 lead bodies \(SM, TEM\)/);
  assert.equal(await page.textContent("#f-leadBody-org"), "Ministry of the Interior (SM) · Ministry of Economic Affairs and Employment (TEM)");
  // The ELY centres' Finnish name has a comma: it was two unknown leads and a joint lead.
  await page.fill("#f-leadBody", "Elinkeino-, liikenne- ja ympäristökeskukset");
  assert.equal(await leadBody(), "Elinkeino-, liikenne- ja ympäristökeskukset");
  assert.equal(await page.textContent("#f-leadBody-org"), "Centres for Economic Development, Transport and the Environment (ELY)");
  const text = await errorText(page, "f-leadBody");
  assert.match(text, /is a name of Centres for Economic Development, Transport and the Environment; its code is ELY\./);
  assert.doesNotMatch(text, /lead bodies|not in the organisation registry/);
  // Partners pasted as the programme prints them are added one by one, the ELY name whole.
  await page.fill("#f-partners-add", "PO, PEO, Elinkeino-, liikenne- ja ympäristökeskukset");
  await page.press("#f-partners-add", "Enter");
  assert.equal(await page.inputValue("#f-partners-0"), "PO");
  assert.equal(await page.inputValue("#f-partners-1"), "PEO");
  assert.equal(await page.inputValue("#f-partners-2"), "Elinkeino-, liikenne- ja ympäristökeskukset");
  assert.equal(await page.locator("#f-partners-3").count(), 0);
  assert.equal(await page.inputValue("#f-partners-add"), "");
  // And as one of a joint lead's.
  await page.fill("#f-leadBody", "SM, Elinkeino-, liikenne- ja ympäristökeskukset");
  assert.deepEqual(await leadBody(), ["SM", "Elinkeino-, liikenne- ja ympäristökeskukset"]);
  assert.match(await errorText(page, "f-leadBody"), /The measure has 2 lead bodies/);
  assert.doesNotMatch(await errorText(page, "f-leadBody"), /not in the organisation registry/);
  await done();
});

test("the form's count is spoken once typing pauses, the example keeps focus, and a fix is named in the page's words", async () => {
  const { page, done } = await open();
  await setAsOf(page, AS_OF);
  await page.getByRole("button", { name: "Suomi", exact: true }).click();
  // The example measure: focus stays on its button (it fell to the page's body), and the
  // change is announced.
  await page.focus("#form-example");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "form-example");
  await page.waitForFunction(() => document.getElementById("announcer").textContent !== "");
  assert.equal(await page.textContent("#announcer"), "Esimerkkitoimenpide on lomakkeella.");
  // The visible count follows each keystroke; the region a screen reader reads speaks once,
  // after the typing, and only the count it ends at. The schedule's preview is no live region.
  const region = page.locator('#form-spoken[role="status"]');
  assert.equal(await region.count(), 1);
  assert.equal(await page.locator('#panel-form .summary-count[role], #panel-form [aria-live]').count(), 0);
  await page.evaluate(() => {
    window.spoken = [];
    new MutationObserver(() => window.spoken.push(document.getElementById("form-spoken").textContent)).observe(
      document.getElementById("form-spoken"),
      { childList: true, characterData: true, subtree: true },
    );
  });
  await page.fill("#f-schedule-text", "");
  await page.locator("#f-schedule-text").pressSequentially("Jatkuvaa toimintaa", { delay: 30 });
  await page.waitForTimeout(1500);
  const visible = await page.textContent(".summary-count");
  assert.deepEqual(await page.evaluate(() => window.spoken), [visible]);
  // The fix of a schedule text names the form's fields, not the JSON keys.
  await page.getByRole("button", { name: "Uusi toimenpide" }).click();
  for (const [text, fix] of [["Jatkuvaa toimintaa", ": Jatkuvaa toimintaa"], ["Syksy 2018", ": Alku 2018-09, Loppu 2018-11"]]) {
    await page.fill("#f-schedule-text", text);
    await page.locator("#panel-form form .fix-value").first().waitFor();
    assert.deepEqual(await page.locator("#panel-form form .fix-value").allTextContents(), [fix]);
  }
  await done();
});

test("the language control switches the interface and the engine's messages", async () => {
  const { page, done } = await open();
  await page.getByRole("button", { name: "New measure" }).click();
  const expected = {
    Suomi: ["fi", "Päävastuutaho (pakollinen)", "Päävastuutaho puuttuu."],
    Svenska: ["sv", "Huvudansvarig (obligatorisk)", "Huvudansvarig saknas."],
    English: ["en", "Lead body (required)", "The lead body is missing."],
  };
  for (const [name, [lang, label, message]] of Object.entries(expected)) {
    const button = page.getByRole("button", { name, exact: true });
    await button.click();
    assert.equal(await button.getAttribute("aria-pressed"), "true");
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.textContent('label[for="f-leadBody"]'), label);
    assert.equal(await page.getByLabel(label, { exact: true }).getAttribute("id"), "f-leadBody");
    assert.match(await errorText(page, "f-leadBody"), new RegExp(message.replace(/\./g, "\\.")));
    assert.equal(await page.textContent("#tab-form"), STRINGS[lang]["tab.form"]);
    for (const other of Object.keys(expected).filter((n) => n !== name)) {
      assert.equal(await page.getByRole("button", { name: other, exact: true }).getAttribute("aria-pressed"), "false");
    }
  }
  await done();
});

test("the form works with the keyboard alone", async () => {
  const { page, done } = await open();
  // The skip link comes first and moves focus to the content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "main");

  const tabTo = async (predicate, { back = false, limit = 80 } = {}) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
      if (await page.evaluate(predicate)) return;
    }
    assert.fail(`not reached with Tab: ${predicate}`);
  };
  // The example measure has a partner that is not in the registry; its summary item leads
  // to the field.
  await tabTo(() => document.activeElement.matches(".summary-link") && /Partner 4/.test(document.activeElement.textContent));
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-partners-3");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Tulli");
  assert.equal(await errorText(page, "f-partners-3"), "");
  // Back up to the summary; Space works as well as Enter on its items.
  await tabTo(() => document.activeElement.matches(".summary-link") && /Lead body/.test(document.activeElement.textContent), { back: true });
  await page.keyboard.press(" ");
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-leadBody");
  // On to the partner picker: type, Enter adds, focus stays to add another.
  await tabTo(() => document.activeElement.id === "f-partners-add");
  await page.keyboard.type("Tulli");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-partners-add");
  assert.equal(await page.inputValue("#f-partners-4"), "Tulli");
  assert.match(await errorText(page, "f-partners-4"), /already/);
  // Remove it again from the keyboard.
  await page.keyboard.press("Shift+Tab");
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-partners-4-remove");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#f-partners-4").count(), 0);

  // The views are a tab list: arrow keys move between them, and Tab leaves it.
  await tabTo(() => document.activeElement.id === "tab-form", { back: true });
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-json");
  assert.equal(await page.getAttribute("#tab-json", "aria-selected"), "true");
  assert.equal(await page.isVisible("#panel-json"), true);
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-rules");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-form");
  await page.keyboard.press("Tab");
  assert.notEqual(await page.evaluate(() => document.activeElement.getAttribute("role")), "tab", "one tab stop for the tab list");
  await done();
});

// --- JSON, programme, rules, link -----------------------------------------------------------------

test("the JSON view follows the form, drives it, and places findings at line and column", async () => {
  const { page, done } = await open();
  await page.locator("#f-id").fill("3.1");
  await page.click("#tab-json");
  const text = await page.inputValue("#json-text");
  assert.equal(JSON.parse(text).id, "3.1");
  // A finding from the text has its line and column, and "Go to" puts the caret there.
  const item = page.locator(".json-findings li", { hasText: "Tuli" });
  const line = text.split("\n").findIndex((l) => l.includes('"Tuli"')) + 1;
  assert.match(await item.textContent(), new RegExp(`line ${line}, column 5`));
  await item.getByRole("button", { name: /Go to/ }).click();
  const caret = await page.evaluate(() => document.getElementById("json-text").selectionStart);
  assert.equal(text.slice(caret, caret + 6), '"Tuli"');
  // An edit that parses becomes the measure.
  await page.fill("#json-text", text.replace('"3.1"', '"4.3b"'));
  assert.equal(await page.inputValue("#f-id"), "4.3b");
  // A syntax error is a finding with its place; the form keeps the last good measure.
  await page.fill("#json-text", '{\n  "id": "5.1",\n  "leadBody": SM\n}');
  assert.match(await page.textContent(".json-findings"), /line 3, column 15: The file is not valid JSON/);
  assert.match(await page.textContent("#json-status"), /not valid JSON/);
  assert.equal(await page.inputValue("#f-id"), "4.3b");
  assert.equal(await page.getAttribute("#json-text", "aria-invalid"), "true");
  // A finding the form has no field for (a misspelt field name) is listed in the form's
  // summary, and leads to its place in the text.
  await page.fill("#json-text", '{\n  "id": "5.1",\n  "leadbody": "SM"\n}');
  await page.click("#tab-form");
  const unknown = page.locator(".summary-link", { hasText: "Field /leadbody" });
  assert.match(await unknown.textContent(), /Unknown field leadbody\. Did you mean leadBody\? \(shown in the JSON view\)/);
  await unknown.click();
  assert.equal(await page.getAttribute("#tab-json", "aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "json-text");
  assert.equal(await page.evaluate(() => document.getElementById("json-text").selectionStart), '{\n  "id": "5.1",\n  '.length);
  // A key written twice: the form takes the last value, as JSON.parse does, and the finding
  // leads to the earlier one, which is lost.
  await page.fill("#json-text", '{\n  "id": "5.1",\n  "leadBody": "SM",\n  "leadBody": "OM"\n}');
  const repeat = page.locator(".json-findings li", { hasText: "written again" });
  assert.match(await repeat.textContent(), /line 3, column 3: The field leadBody is written again later in the same object; only the last is read/);
  await repeat.getByRole("button", { name: /Go to/ }).click();
  assert.equal(await page.evaluate(() => document.getElementById("json-text").selectionStart), '{\n  "id": "5.1",\n  '.length);
  assert.equal(await page.inputValue("#f-leadBody"), "OM");
  await done();
});

/** `text` put into the JSON view as a paste puts it (Playwright's fill waits on a textarea this long). */
async function paste(page, text) {
  await page.click("#tab-json");
  await page.evaluate((value) => {
    const area = document.getElementById("json-text");
    area.value = value;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

test("a programme pasted into the JSON view is checked as a programme, and the form keeps its measure", async () => {
  const { page, done } = await open();
  const measureId = await page.inputValue("#f-id");
  const text = readText("data/programme-2017.json");
  await paste(page, text);
  // It became the form's "measure", checked as one: "sisaisen-turvallisuuden-strategia-2017
  // is not a measure number", and "Unknown field measures. Did you mean measures?".
  assert.match(await page.textContent("#json-status"), /^This is a programme \(it has a list of measures\)/);
  const asOf = await page.inputValue("#as-of");
  const expected = new Engine().checkDocument(text, { lang: "en", asOf });
  assert.ok(expected.measures === 42 && expected.findings.length > 0);
  const messages = await page.$$eval(".json-findings li .message", (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(messages, expected.findings.map((f) => f.message));
  assert.doesNotMatch(messages.join("\n"), /not a measure number|Unknown field measures/);
  await page.click("#tab-form");
  assert.equal(await page.inputValue("#f-id"), measureId);
  await done();
});

test("a pasted document with a thousand findings lists the first 200 and counts them all", async () => {
  const { page, done } = await open();
  const fields = Array.from({ length: 1000 }, (_, i) => `"k${i}": ${i}`).join(",\n  ");
  await paste(page, `{\n  "id": "5.1",\n  ${fields}\n}`);
  const items = page.locator(".json-findings li");
  // Every finding is counted: 1,000 unknown fields and the measure's own few.
  const counts = (await page.textContent("#json-count")).match(/\d+/g).map(Number);
  const total = counts.reduce((a, b) => a + b, 0);
  assert.ok(counts[1] > 1000, `${counts}: the unknown fields are warnings`);
  assert.equal(await items.count(), 201);
  assert.equal(await items.last().textContent(), `…and ${total - 200} more findings, not listed here: the counts above include them.`);
  assert.match(await page.textContent(".json-findings li:first-child"), /line \d+, column \d+/);
  await page.click("#tab-form");
  const summary = page.locator(".summary-list > li");
  assert.equal(await summary.count(), 201);
  assert.match(await summary.last().textContent(), new RegExp(`^…and ${total - 200} more findings`));
  assert.match(await page.textContent(".summary-count"), new RegExp(`warnings: ${counts[1]}`));
  await done();
});

test("a step added after steps 1 and 3 is number 4, and two steps with one number are told at the second", async () => {
  const { page, done } = await open();
  const step = (number, fi) => ({ number, text: { fi } });
  await paste(page, JSON.stringify({ id: "5.1", theme: 5, leadBody: "SM", partners: ["PO"], steps: [step(1, "Selvitys"), step(3, "Toimeenpano")] }));
  await page.click("#tab-form");
  await page.getByRole("button", { name: "Add a step" }).click();
  await page.click("#tab-json");
  const numbers = JSON.parse(await page.inputValue("#json-text")).steps.map((s) => s.number);
  assert.deepEqual(numbers, [1, 3, 4]);
  assert.doesNotMatch(await page.textContent("#panel-json"), /steps\.duplicate-number/);

  await paste(page, JSON.stringify({ id: "5.1", theme: 5, leadBody: "SM", partners: ["PO"], steps: [step(1, "Selvitys"), step(1, "Toimeenpano")] }));
  await page.click("#tab-form");
  // At the second step's group, named by its number.
  const second = page.locator(".step-list > li").nth(1);
  assert.match(await second.textContent(), /Step number 1 is already used by an earlier step \(item 1\)\./);
  assert.doesNotMatch(await page.locator(".step-list > li").nth(0).textContent(), /already used/);
  await done();
});

test("a measure with more partners and steps than the schema allows shows the allowed rows", async () => {
  const { page, done } = await open();
  const partners = Array.from({ length: 500 }, (_, i) => `X${i}`);
  const steps = Array.from({ length: 130 }, (_, i) => ({ number: i + 1, text: { fi: `Vaihe ${i + 1}` } }));
  await paste(page, JSON.stringify({ id: "5.1", theme: 5, leadBody: "SM", partners, steps }, null, 2));
  await page.click("#tab-form");
  assert.equal(await page.locator(".partner-list > li").count(), 200);
  assert.equal(await page.locator(".step-list > li").count(), 100);
  assert.match(await page.textContent("#panel-form"), /…and 300 more partners, past the 200 a measure may name: they are in the JSON view\./);
  assert.match(await page.textContent("#panel-form"), /…and 30 more steps, past the 100 a measure may have/);
  // The partners past the rows fall to the list's own field, which shows the first 20 of them.
  const shown = await page.evaluate(() => [...document.querySelectorAll("#panel-form .group-error")].map((e) => e.querySelectorAll(":scope > .finding").length));
  assert.equal(Math.max(...shown), 20, `${shown}`);
  // The summary lists 200 and counts all 500 unknown partners.
  assert.equal(await page.locator(".summary-list > li").count(), 201);
  assert.match(await page.textContent(".summary-count"), /Errors: 5\d\d/);
  await done();
});

test("the programme loads with one click and its counts equal the CLI's", async () => {
  const cliEn = cliReport("en");
  const { page, done } = await open();
  await setAsOf(page, AS_OF);
  await page.click("#tab-programme");
  await page.getByRole("button", { name: "Load the 2017 programme" }).click();
  await page.waitForSelector(".prog-table tbody tr[data-index]");
  const { error, warning, info } = cliEn.summary;
  assert.equal(await page.textContent("#prog-status"), `${cliEn.measures} measures checked as of ${AS_OF}. Errors: ${error} · warnings: ${warning} · notes: ${info}`);

  const perMeasure = (findings) => {
    const counts = new Map();
    for (const f of findings) {
      const i = Number(/^\/measures\/(\d+)/.exec(f.path)[1]);
      const c = counts.get(i) ?? { error: 0, warning: 0, info: 0 };
      c[f.severity] += 1;
      counts.set(i, c);
    }
    return counts;
  };
  const rows = () =>
    page.$$eval(".prog-table tbody tr[data-index]", (trs) =>
      trs.map((tr) => ({
        index: Number(tr.dataset.index),
        id: tr.querySelector("th").textContent,
        ...Object.fromEntries([...tr.querySelectorAll("td[data-severity]")].map((td) => [td.dataset.severity, Number(td.textContent)])),
      })),
    );
  const totals = () => page.$$eval("tfoot td[data-total]", (tds) => Object.fromEntries(tds.map((td) => [td.dataset.total, Number(td.textContent)])));

  // Every measure, with the CLI's count of each severity.
  const all = await rows();
  assert.equal(all.length, cliEn.measures);
  const expected = perMeasure(cliEn.findings);
  for (const row of all) assert.deepEqual({ error: row.error, warning: row.warning, info: row.info }, expected.get(row.index) ?? { error: 0, warning: 0, info: 0 }, `measure ${row.id}`);
  assert.deepEqual(await totals(), cliEn.summary);

  // The chart's figures (its table) are the CLI's counts by rule.
  const byRule = {};
  for (const f of cliEn.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const chart = await page.$$eval(".chart-data tbody tr", (trs) => Object.fromEntries(trs.map((tr) => [tr.querySelector("th").textContent, Number(tr.querySelector("td.num").textContent)])));
  assert.deepEqual(chart, byRule);
  // The bars are the same figures, each with its rule's name and count in words.
  const bars = await page.$$eval(".prog-chart .chart .bar", (lis) => lis.map((li) => [li.querySelector(".bar-label").textContent, li.querySelector(".bar-value").textContent]));
  assert.deepEqual(Object.fromEntries(bars.map(([rule, value]) => [rule, Number.parseInt(value, 10)])), byRule);
  assert.ok(bars.every(([, value]) => / (Error|Warning|Note)$/.test(value)), "each bar says its severity in words, not in colour alone");
  assert.ok(await page.locator(".prog-chart .bar-severity").first().isVisible(), "in words a sighted reader sees too");

  // Filters: by rule, by severity, by organisation.
  await page.selectOption("#prog-filter-rule", "schedule.unparsed");
  const unparsed = cliEn.findings.filter((f) => f.rule === "schedule.unparsed");
  assert.equal((await rows()).length, perMeasure(unparsed).size);
  assert.deepEqual(await totals(), { error: 0, warning: unparsed.length, info: 0 });
  await page.selectOption("#prog-filter-rule", "");
  await page.selectOption("#prog-filter-severity", "error");
  const errors = cliEn.findings.filter((f) => f.severity === "error");
  assert.deepEqual((await rows()).map((r) => r.index).sort((a, b) => a - b), [...perMeasure(errors).keys()].sort((a, b) => a - b));
  assert.equal((await totals()).error, cliEn.summary.error);
  await page.selectOption("#prog-filter-severity", "");
  await page.selectOption("#prog-filter-org", "TEM");
  const programme = JSON.parse(readText("data/programme-2017.json"));
  const codes = new Map();
  for (const org of new Engine().organisations()) {
    for (const name of [org.code, ...Object.values(org.name), ...(org.aliases ?? [])]) if (!codes.has(name.toLowerCase())) codes.set(name.toLowerCase(), org.code);
  }
  const resolve = (m) => [m.leadBody, m.partners].flat().filter((x) => typeof x === "string").map((x) => codes.get(x.toLowerCase()) ?? x);
  const withTem = programme.measures.filter((m) => resolve(m).includes("TEM")).map((m) => m.id);
  assert.ok(withTem.length > 0);
  assert.deepEqual(new Set((await rows()).map((r) => r.id)), new Set(withTem));
  await page.getByRole("button", { name: "Clear filters" }).click();
  assert.equal((await rows()).length, cliEn.measures);

  // The same in Finnish: the counts do not depend on the language.
  await page.getByRole("button", { name: "Suomi", exact: true }).click();
  assert.deepEqual(await totals(), cliReport("fi").summary);
  await page.getByRole("button", { name: "English", exact: true }).click();

  // A click opens a measure in the form, with the findings the CLI gives for it.
  const index = programme.measures.findIndex((m) => m.id === "7.3");
  await page.locator(`tr[data-index="${index}"]`).getByRole("button", { name: /Open in form/ }).click();
  assert.equal(await page.isVisible("#panel-form"), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), "form-heading");
  assert.equal(await page.inputValue("#f-id"), "7.3");
  const mine = cliEn.findings.filter((f) => f.path.startsWith(`/measures/${index}/`) || f.path === `/measures/${index}`);
  const summary = await page.$$eval(".summary-list li", (lis) => lis.map((li) => li.textContent));
  assert.equal(summary.length, mine.length);
  for (const f of mine) assert.ok(summary.some((s) => s.includes(f.message)), f.message);
  await done();
});

test("the rules view documents every rule, applies a rule set as it is typed, and the link carries the state", async () => {
  const { page, done } = await open();
  await page.getByRole("button", { name: "New measure" }).click();
  await page.click("#tab-rules");
  const catalogue = JSON.parse(spawnSync(process.execPath, [cli, "rules", "--format", "json"], { cwd: root, encoding: "utf8" }).stdout);
  assert.equal(await page.locator(".rule-list > li").count(), catalogue.length);
  // The documentation is rendered from Markdown into elements: code blocks stay code.
  const doc = page.locator("article.rule", { has: page.locator("h4", { hasText: /^status\.schedule$/ }) });
  await doc.locator("summary").click();
  assert.match(await doc.locator("pre code").first().textContent(), /"status": "in-progress"/);
  assert.ok((await doc.locator("li").count()) >= 4, "the list in `what` is a list");

  // Turning a rule off applies at once to the form.
  assert.match(await errorText(page, "f-leadBody"), /lead body is missing/);
  const ruleset = { id: "fi.example.test", version: "2.0.0", rules: { "lead-body.required": "off", "partners.required": { severity: "error", min: 2 } } };
  await page.fill("#ruleset-text", JSON.stringify(ruleset, null, 2));
  assert.match(await page.textContent("#ruleset-status"), /In use: rule set fi\.example\.test 2\.0\.0/);
  assert.equal(await errorText(page, "f-leadBody"), "");
  assert.match(await errorText(page, "f-partners-add"), /at least 2/);
  assert.match(await doc.locator(".rule-meta").textContent(), /Default: Warning/);
  const leadRule = page.locator("article.rule", { has: page.locator("h4", { hasText: /^lead-body\.required$/ }) });
  assert.match(await leadRule.locator(".rule-meta").textContent(), /In this rule set: off/);

  // A refused rule set says why, and the last good one keeps running.
  await page.fill("#ruleset-text", JSON.stringify({ id: "x", version: "1", rules: { "partner.required": "off" } }));
  assert.match(await page.textContent("#ruleset-problems"), /unknown rule "partner\.required"; did you mean "partners\.required"\?/);
  assert.equal(await page.getAttribute("#ruleset-text", "aria-invalid"), "true");
  assert.match(await page.textContent("#ruleset-status"), /fi\.example\.test 2\.0\.0 stays in use/);
  assert.equal(await errorText(page, "f-leadBody"), "");
  // So is one that writes a key twice, at the earlier one: JSON keeps only the last, and the
  // author meant something by each.
  await page.fill("#ruleset-text", '{ "id": "x", "version": "1", "rules": { "lead-body.required": "off", "lead-body.required": "error" } }');
  const written = page.locator("#ruleset-problems li", { has: page.locator("code", { hasText: /^\/rules\/lead-body\.required$/ }) });
  assert.match(await written.textContent(), /: written more than once in the same object, which keeps only the last: write it once$/);
  assert.equal(await page.locator("#ruleset-problems li").count(), 1);
  assert.match(await page.textContent("#ruleset-status"), /fi\.example\.test 2\.0\.0 stays in use/);

  // The link: language, date, measure, rule set and view, restored in a fresh page.
  await page.getByRole("button", { name: "Svenska", exact: true }).click();
  await setAsOf(page, "2019-03-15");
  await page.click("#tab-form");
  await page.fill("#f-id", "4.3b");
  await page.getByRole("button", { name: "Kopiera länken" }).click();
  const link = await page.inputValue("#share-link");
  assert.ok(link.startsWith(base) && link.includes("#state="), link);
  await done();

  const { page: second, done: done2 } = await open(link.slice(base.length));
  assert.equal(await second.evaluate(() => document.documentElement.lang), "sv");
  assert.equal(await second.inputValue("#as-of"), "2019-03-15");
  assert.equal(await second.inputValue("#f-id"), "4.3b");
  assert.equal(await second.getAttribute("#tab-form", "aria-selected"), "true");
  assert.equal(JSON.parse(await second.inputValue("#ruleset-text")).id, "fi.example.test");
  assert.equal(await errorText(second, "f-leadBody"), "", "the rule set from the link is in use");
  await done2();

  // A link whose date does not exist ("2019-02-30" has the form of one) made every check
  // throw, and the page showed no findings: the date is left out, and today's is used.
  const state = (o) => `#state=${Buffer.from(JSON.stringify({ v: 1, ...o })).toString("base64url")}`;
  const { page: third, done: done3 } = await open(state({ asOf: "2019-02-30", measure: { id: "2.1" } }));
  assert.notEqual(await third.inputValue("#as-of"), "2019-02-30");
  assert.match(await errorText(third, "f-leadBody"), /The lead body is missing/);
  // A year before 1000 typed into the date is not taken either: the last day stays.
  const before = await third.inputValue("#as-of");
  await setAsOf(third, "0999-12-31");
  assert.match(await errorText(third, "f-leadBody"), /The lead body is missing/);
  await third.locator("#as-of").blur();
  assert.equal(await third.inputValue("#as-of"), before);
  await done3();
});

// --- the embed example ---------------------------------------------------------------------------

test("the embed example validates at its fields, in the page's language", async () => {
  const { page, done } = await open("embed.html", { ready: false });
  await embedReady(page);
  await page.locator("#leadBody").pressSequentially("Tuli");
  await page.waitForFunction(() => document.getElementById("leadBody-error").textContent !== "");
  assert.equal(await page.textContent("#leadBody-error"), "Päävastuutahoa Tuli ei löydy organisaatiorekisteristä. Tarkoititko tahoa Tulli?");
  assert.equal(await page.getAttribute("#leadBody", "aria-invalid"), "true");
  await page.fill("#leadBody", "SM");
  assert.equal(await page.textContent("#leadBody-error"), "");
  assert.equal(await page.getAttribute("#leadBody", "aria-invalid"), "false");
  // Untouched fields stay quiet until the form is sent; then the first error has focus.
  assert.equal(await page.textContent("#id-error"), "");
  await page.getByRole("button", { name: "Lähetä" }).click();
  assert.equal(await page.textContent("#id-error"), "Toimenpiteen numero puuttuu.");
  assert.equal(await page.evaluate(() => document.activeElement.id), "id");
  assert.equal(await page.textContent("#result"), "Korjaa merkityt kentät.");
  await page.fill("#id", "2.14");
  await page.fill("#title", "Laaditaan kyberrikollisuuden ennalta estävän toiminnan toimenpideohjelma.");
  await page.fill("#partners", "PO, OM");
  await page.fill("#schedule", "31.12.2018 saakka");
  await page.selectOption("#status", "in-progress");
  await page.getByRole("button", { name: "Lähetä" }).click();
  assert.equal(await page.textContent("#result"), "Kiitos! Tiedot ovat kunnossa.");
  // The ELY centres' name has a comma of its own; it is one partner, not two unknown ones.
  await page.fill("#partners", "PO, Elinkeino-, liikenne- ja ympäristökeskukset, OM");
  await page.getByRole("button", { name: "Lähetä" }).click();
  assert.equal(await page.textContent("#partners-error"), "");
  assert.equal(await page.textContent("#result"), "Kiitos! Tiedot ovat kunnossa.");
  await page.fill("#partners", "PO, Elinkeino, OM");
  assert.match(await page.textContent("#partners-error"), /Elinkeino/);
  // A comma typed before the next name is no blank partner.
  await page.fill("#partners", "PO, ");
  assert.equal(await page.textContent("#partners-error"), "");
  assert.equal(await page.getAttribute("#partners", "aria-invalid"), "false");
  // A joint lead is written as the programme prints it; the ELY centres lead as one body.
  await page.fill("#leadBody", "SM, TEM");
  // A warning says so in words, and does not mark the field invalid.
  assert.equal(await page.textContent("#leadBody-error"), "Varoitus: Toimenpiteellä on 2 päävastuutahoa (SM, TEM); päävastuutahoja on yleensä yksi.");
  assert.equal(await page.getAttribute("#leadBody", "aria-invalid"), "false");
  await page.fill("#leadBody", "Elinkeino-, liikenne- ja ympäristökeskukset");
  assert.equal(await page.textContent("#leadBody-error"), "");
  await done();
});

test("the embed example on a page in another language, or in none, speaks Finnish rather than failing", async () => {
  // An agency's page in Northern Sámi, in German or with no lang attribute at all.
  for (const [tag, expected] of [["se", "Päävastuutahoa Tuli"], ["", "Päävastuutahoa Tuli"], ["de-AT", "Päävastuutahoa Tuli"], ["sv-FI", "Huvudansvarig Tuli"], ["EN", "The lead body Tuli"]]) {
    const setup = (page) =>
      page.route("**/embed.html", async (route) => {
        const body = (await (await route.fetch()).text()).replace('<html lang="fi">', tag ? `<html lang="${tag}">` : "<html>");
        await route.fulfill({ body, contentType: "text/html; charset=utf-8" });
      });
    const { page, done } = await open("embed.html", { ready: false, setup });
    await embedReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), tag);
    await page.locator("#leadBody").pressSequentially("Tuli");
    await page.waitForFunction(() => document.getElementById("leadBody-error").textContent !== "");
    assert.ok((await page.textContent("#leadBody-error")).startsWith(expected), `lang="${tag}"`);
    // The Finnish title is asked for in every language, at its own field; a Swedish title
    // alone is no Finnish one.
    await page.fill("#title-sv", "Rubrik");
    await page.getByRole("button").click();
    const title = await page.textContent("#title-error");
    assert.equal(title, tag === "sv-FI" ? "Åtgärdens rubrik saknas (på finska)." : tag === "EN" ? "The measure's title is missing (in Finnish)." : "Toimenpiteen otsikko puuttuu (suomeksi).", `lang="${tag}"`);
    assert.equal(await page.textContent("#title-sv-error"), "");
    // And with it, such a page's form can be sent, with what it says in the page's language.
    await page.fill("#id", "2.14");
    await page.fill("#title", "Laaditaan toimenpideohjelma.");
    await page.fill("#leadBody", "SM");
    await page.fill("#partners", "PO");
    await page.fill("#schedule", "31.12.2018 saakka");
    await page.selectOption("#status", "delayed");
    await page.getByRole("button").click();
    const thanks = { "sv-FI": "Tack! Uppgifterna är i sin ordning.", EN: "Thank you! The details are in order." }[tag] ?? "Kiitos! Tiedot ovat kunnossa.";
    assert.equal(await page.textContent("#result"), thanks, `lang="${tag}"`);
    await done();
  }
});

test("the embed snippet in both READMEs is the embed example itself", () => {
  const snippet = (readme) => {
    const text = readText(readme);
    const start = text.indexOf("<!-- embed snippet: web-demo/embed.html and web-demo/embed.js -->");
    assert.ok(start >= 0, `${readme} has the embed snippet`);
    const html = /```html\n([\s\S]*?)```/.exec(text.slice(start));
    const js = /```js\n([\s\S]*?)```/.exec(text.slice(start));
    return { html: html[1], js: js[1] };
  };
  const a = snippet("README.md");
  const b = snippet("wasm/npm/README.md");
  assert.deepEqual(a, b, "the two READMEs show the same snippet");
  assert.equal(a.js, readText("web-demo/embed.js"));
  const trimmed = (s) => s.split("\n").map((l) => l.trim()).filter(Boolean);
  const page = trimmed(readText("web-demo/embed.html")).join("\n");
  assert.ok(page.includes(trimmed(a.html).join("\n")), "the HTML of the snippet is in embed.html as it is");
});

// --- safety and accessibility ---------------------------------------------------------------------

test("text typed into any field is shown as text and runs nothing", async () => {
  const { page, done } = await open();
  for (const id of ["f-id", "f-title-fi", "f-leadBody", "f-partners-3", "f-schedule-text", "f-schedule-start", "f-steps-0-text-fi", "f-steps-0-leadBody"]) {
    await page.fill(`#${id}`, XSS);
  }
  await page.fill("#f-partners-add", XSS);
  await page.press("#f-partners-add", "Enter");
  assert.match(await errorText(page, "f-leadBody"), /The lead body <img src=x onerror=alert\(1\)> is not in the organisation registry/);
  assert.match(await page.textContent("#f-schedule-text-preview"), /<img src=x onerror=alert\(1\)>/);
  // The JSON view: as a value and as a field name, and the summary lists it as text.
  await page.click("#tab-json");
  await page.fill("#json-text", JSON.stringify({ id: XSS, [XSS]: XSS, leadBody: XSS }, null, 2));
  assert.match(await page.textContent(".json-findings"), /Unknown field <img src=x onerror=alert\(1\)>/);
  await page.click("#tab-form");
  assert.match(await page.textContent(".summary-list"), /Field \/<img src=x onerror=alert\(1\)>/);
  // The rule set editor: an id is shown back in the status line.
  await page.click("#tab-rules");
  await page.fill("#ruleset-text", JSON.stringify({ id: XSS, version: XSS, rules: {} }));
  assert.match(await page.textContent("#ruleset-status"), /<img src=x onerror=alert\(1\)>/);
  await page.click("#tab-programme");
  await page.click("#prog-load");
  await page.waitForSelector(".prog-table tbody tr[data-index]");
  assert.equal(await page.locator("img").count(), 0);
  // "Copy link" writes the address at once (it otherwise follows the state 250 ms later).
  await page.click("#share-copy");
  const link = await page.inputValue("#share-link");
  await done();

  // A crafted link holds the payload everywhere; it is still text.
  const { page: again, done: done2 } = await open(link.slice(base.length));
  assert.equal(await again.inputValue("#f-leadBody"), XSS);
  assert.equal(await again.locator("img").count(), 0);
  await done2();

  const { page: embed, done: done3 } = await open("embed.html", { ready: false });
  await embedReady(embed);
  for (const id of ["id", "title", "leadBody", "partners", "schedule"]) await embed.fill(`#${id}`, XSS);
  await embed.waitForFunction(() => document.getElementById("leadBody-error").textContent.includes("<img"));
  assert.equal(await embed.locator("img").count(), 0);
  await done3();
});

test("axe-core finds no serious or critical violation in any view or language, or in the embed example", async () => {
  const { page, done } = await open();
  await setAsOf(page, AS_OF);
  await page.click("#tab-programme");
  await page.click("#prog-load");
  await page.waitForSelector(".prog-table tbody tr[data-index]");
  await page.click("#tab-rules");
  await page.locator("article.rule details summary").first().click();
  // Every view in English; the form, the richest in translated text, in all three.
  for (const view of ["form", "json", "programme", "rules"]) {
    await page.click(`#tab-${view}`);
    await axe(page, `${view} view`);
  }
  await page.click("#tab-form");
  for (const name of ["Suomi", "Svenska"]) {
    await page.getByRole("button", { name, exact: true }).click();
    await axe(page, `form view (${name})`);
  }
  await done();
  const { page: embed, done: done2 } = await open("embed.html", { ready: false });
  await embedReady(embed);
  await embed.getByRole("button", { name: "Lähetä" }).click();
  await axe(embed, "embed example with errors");
  await done2();
});

test("every view fits a 320 px wide screen without sideways scrolling", async () => {
  const { page, done } = await open("", { viewport: { width: 320, height: 640 } });
  await page.click("#tab-programme");
  await page.click("#prog-load");
  await page.waitForSelector(".prog-table tbody tr[data-index]");
  for (const view of ["form", "json", "programme", "rules"]) {
    await page.click(`#tab-${view}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${view} view is ${width} px wide`);
    if (view === "programme") {
      // The chart's words are drawn at the page's text size: an SVG's shrank with its width,
      // to 5 px high at 320 px.
      const heights = await page.$$eval(".chart .bar-label, .chart .bar-value", (els) => els.map((el) => el.getBoundingClientRect().height));
      assert.ok(heights.length > 0 && heights.every((px) => px >= 12), `the chart's text is ${Math.min(...heights)} px high`);
    }
  }
  await done();
  const { page: embed, done: done2 } = await open("embed.html", { viewport: { width: 320, height: 640 }, ready: false });
  await embedReady(embed);
  assert.ok((await embed.evaluate(() => document.documentElement.scrollWidth)) <= 320);
  await done2();
});
