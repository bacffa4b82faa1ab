// The demo's rules view for rule authors (issue 5), end to end in Debian's Chromium: a
// custom rule written in the page applies to the measure in the form, the rule set's tests
// run in the page with the results Node's engine gives, "Why?" shows a finding's
// explanation, a bad rule is refused with its reasons, and axe-core finds nothing serious.
// One browser for the file; each test opens its own page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { root } from "../node/helpers.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "./serve.mjs";
import { build } from "../../web-demo/build.mjs";
import { serveDirectory } from "../../web-demo/serve.mjs";
import { Engine } from "../../wasm/npm/node.mjs";

const AS_OF = "2018-06-01";
const axeSource = readFileSync(join(root, "node_modules", "axe-core", "axe.min.js"), "utf8");

let temp;
let server;
let base;
let browser;

before(async () => {
  temp = mkdtempSync(join(tmpdir(), "measure-rules-demo-rules-"));
  server = await serveDirectory(build({ out: join(temp, "dist") }));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

/** Opens the demo; `done` closes it and fails on console errors, exceptions and CSP violations. */
async function open({ viewport = { width: 1280, height: 900 } } = {}) {
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
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(base);
  await page.waitForSelector("html[data-ready]", { timeout: 30_000 });
  await page.fill("#as-of", AS_OF);
  await page.dispatchEvent("#as-of", "change");
  const done = async () => {
    const violations = await page.evaluate(() => window.__violations);
    await context.close();
    assert.deepEqual([...problems, ...violations.map((v) => `CSP violation: ${v}`)], [], "nothing went wrong in the page");
  };
  return { page, done };
}

/** The text of the findings shown at a control (the findings' texts that describe it; no buttons, no explanations). */
const errorText = (page, controlId) =>
  page.evaluate((id) => {
    const el = document.getElementById(id);
    return (el.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter((x) => /-error-\d+$/.test(x))
      .map((x) => document.getElementById(x)?.textContent ?? "")
      .join(" ");
  }, controlId);

async function axe(page, label) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `axe-core in ${label}: ${JSON.stringify(bad, null, 1)}`);
}

/** Loads the worked example into the rule-set editor and waits for the engine to take it. */
async function loadExample(page) {
  await page.click("#tab-rules");
  await page.getByRole("button", { name: "Load the worked example" }).click();
  assert.match(await page.textContent("#ruleset-status"), /In use: rule set fi\.example\.custom-rules 1\.0\.0/);
  return page.inputValue("#ruleset-text");
}

/** Runs the tests in the page and waits for the live region to say how they went. */
async function runTests(page) {
  await page.getByRole("button", { name: "Run the tests" }).click();
  await page.waitForFunction(() => document.getElementById("tests-summary").textContent !== "");
  return page.textContent("#tests-summary");
}

const THEME_7 = {
  id: "fi.kuntaliitto.demo",
  version: "0.1.0",
  custom: [
    {
      id: "kuntaliitto/theme-7-partner",
      severity: "error",
      description: { fi: "Teeman 7 toimenpiteissä on Kuntaliitto.", sv: "Åtgärder inom tema 7 har Kommunförbundet.", en: "Measures of theme 7 name Kuntaliitto." },
      when: { path: "/theme", equals: 7 },
      require: { path: "/partners", organisation: "Kuntaliitto" },
      path: "/partners",
      params: { theme: "/theme" },
      message: {
        fi: "Teeman {theme} toimenpiteellä on oltava Kuntaliitto kumppanina.",
        sv: "En åtgärd inom tema {theme} ska ha Kommunförbundet som partner.",
        en: "A measure of theme {theme} needs Kuntaliitto as a partner.",
      },
    },
  ],
};

test("a custom rule written in the rules view shows its finding at the form's field, in the page's language, and clears when fixed", async () => {
  const { page, done } = await open();
  await page.getByRole("button", { name: "New measure" }).click();
  await page.click("#tab-rules");
  assert.match(await page.textContent("#custom-list"), /has no custom rules/);
  // The rule set in use is the one the editor shows, from the first visit on: it was the
  // built-in rules alone ("default 0.1.0") until "back to the default" applied the editor's.
  assert.equal(JSON.parse(await page.inputValue("#ruleset-text")).id, "demo");
  assert.match(await page.textContent("#ruleset-status"), /In use: rule set demo 1\.0\.0\./);
  await page.fill("#ruleset-text", JSON.stringify(THEME_7, null, 2));
  assert.match(await page.textContent("#ruleset-status"), /In use: rule set fi\.kuntaliitto\.demo 0\.1\.0/);
  // The active custom rules, as the engine lists them, in the page's language.
  const rule = page.locator('article[data-rule="kuntaliitto/theme-7-partner"]');
  assert.match(await rule.textContent(), /Measures of theme 7 name Kuntaliitto\./);
  assert.match(await rule.textContent(), /No finding on the measure in the form/);

  // The rule applies to the measure in the form: theme 7, no Kuntaliitto.
  await page.click("#tab-form");
  assert.doesNotMatch(await errorText(page, "f-partners-add"), /Kuntaliitto/);
  await page.selectOption("#f-theme", "7");
  assert.match(await errorText(page, "f-partners-add"), /A measure of theme 7 needs Kuntaliitto as a partner\./);
  assert.match(await page.textContent(".summary-list"), /Partners: A measure of theme 7 needs Kuntaliitto as a partner\./);
  await page.getByRole("button", { name: "Suomi", exact: true }).click();
  assert.match(await errorText(page, "f-partners-add"), /Teeman 7 toimenpiteellä on oltava Kuntaliitto kumppanina\./);
  await page.getByRole("button", { name: "Svenska", exact: true }).click();
  assert.match(await errorText(page, "f-partners-add"), /En åtgärd inom tema 7 ska ha Kommunförbundet som partner\./);
  await page.getByRole("button", { name: "English", exact: true }).click();
  // The rules view shows the same finding, and leads to its field.
  await page.click("#tab-rules");
  assert.match(await rule.textContent(), /On the measure in the form:.*A measure of theme 7 needs Kuntaliitto as a partner\./s);
  await rule.getByRole("button", { name: /Show in the form/ }).click();
  assert.equal(await page.getAttribute("#tab-form", "aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "f-partners-add");

  // Fixed by its Finnish name: the finding clears.
  await page.fill("#f-partners-add", "Suomen Kuntaliitto");
  await page.press("#f-partners-add", "Enter");
  assert.doesNotMatch(await errorText(page, "f-partners-add"), /Kuntaliitto/);
  assert.doesNotMatch(await page.textContent(".summary-list"), /needs Kuntaliitto/);

  // "Add a custom rule" puts a working rule in the editor, and it applies at once: a measure in
  // progress needs a step.
  await page.click("#tab-rules");
  await page.getByRole("button", { name: "Add a custom rule" }).click();
  assert.match(await page.textContent("#custom-status"), /The rule example\/new-rule-1 is now at the end of the custom list/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "ruleset-text");
  const text = await page.inputValue("#ruleset-text");
  assert.deepEqual(JSON.parse(text).custom.map((r) => r.id), ["kuntaliitto/theme-7-partner", "example/new-rule-1"]);
  const caret = await page.evaluate(() => document.getElementById("ruleset-text").selectionStart);
  assert.ok(text.slice(caret).startsWith('"id": "example/new-rule-1"'), "the caret is at the new rule");
  await page.click("#tab-form");
  await page.selectOption("#f-status", "in-progress");
  assert.match(await errorText(page, "f-steps-add"), /A measure in progress needs at least one step\./);
  await page.getByRole("button", { name: "Add a step" }).click();
  assert.doesNotMatch(await errorText(page, "f-steps-add"), /needs at least one step/);
  await done();
});

/** The accessible description Chromium computes for an element, as a screen reader gets it. */
async function description(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  const { root: doc } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: doc.nodeId, selector });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.description?.value ?? "";
}

test("the fields the rule set requires are marked in words and follow the rule set, and a field is described by its findings' texts, not their buttons", async () => {
  const { page, done } = await open();
  const marked = () =>
    page.evaluate(() => ({
      labels: [...document.querySelectorAll("#panel-form label, #panel-form legend")].filter((l) => l.querySelector(".required")).map((l) => l.textContent),
      aria: [...document.querySelectorAll('#panel-form [aria-required="true"]')].map((c) => c.id),
    }));
  // The built-in rules: an error on an empty measure (or on one with only a number, for the
  // theme). Partners are a warning, so they are not required.
  assert.deepEqual(await marked(), {
    labels: ["Measure number (required)", "Theme (required)", "In Finnish (required)", "Lead body (required)", "Schedule (required)", "Status (required)"],
    aria: ["f-id", "f-theme", "f-title-fi", "f-leadBody", "f-status"],
  });
  await page.click("#tab-rules");
  await page.fill(
    "#ruleset-text",
    JSON.stringify({
      id: "fi.required.demo",
      version: "1.0.0",
      rules: { "status.required": "off", "title.required": { languages: ["fi", "sv"] }, "partners.required": { severity: "error", min: 1 } },
      custom: [
        {
          id: "demo/steps",
          severity: "error",
          require: { path: "/steps", present: true },
          path: "/steps",
          message: { fi: "Anna vaiheet.", sv: "Ange stegen.", en: "Give the steps." },
        },
        // Required of measure 1.1 alone: not marked as required of every measure.
        {
          id: "demo/one-one",
          severity: "error",
          when: { path: "/id", equals: "1.1" },
          require: { path: "/title/en", present: true },
          path: "/title/en",
          message: { fi: "Englanniksi.", sv: "På engelska.", en: "In English." },
        },
      ],
    }),
  );
  assert.match(await page.textContent("#ruleset-status"), /In use: rule set fi\.required\.demo 1\.0\.0/);
  await page.click("#tab-form");
  assert.deepEqual(await marked(), {
    labels: ["Measure number (required)", "Theme (required)", "In Finnish (required)", "In Swedish (required)", "Lead body (required)", "Partners (required)", "Schedule (required)", "Implementation steps (required)"],
    aria: ["f-id", "f-theme", "f-title-fi", "f-title-sv", "f-leadBody"],
  });

  // The example's misspelt partner has a fix and a "Why?": the field's description is the
  // finding's text, which a screen reader reads with the field, and not the buttons' words.
  // (Chromium reads the badge as styled, in capitals.)
  await page.click("#tab-rules");
  await page.getByRole("button", { name: /back to the default/i }).click();
  await page.click("#tab-form");
  await page.getByRole("button", { name: "Example measure" }).click();
  const partner = await description(page, "#f-partners-3");
  assert.match(partner, /^Error ?: The partner Tuli is not in the organisation registry\. Did you mean Tulli \(Finnish Customs\)\?$/i);
  assert.doesNotMatch(partner, /Apply fix|Why\?/);
  // The schedule's preview, by its words, not its button's.
  const schedule = await description(page, "#f-schedule-text");
  assert.match(schedule, /The parser reads: 2018/);
  assert.doesNotMatch(schedule, /Use these dates/);
  await page.locator("#f-partners-3-error").getByRole("button", { name: /Apply fix/ }).click();
  assert.doesNotMatch(await description(page, "#f-partners-3"), /Error/, "a fixed field's description loses the finding");
  await done();
});

test("the rule set's tests run in the page with the results Node's engine gives, and a failure shows what differs", async () => {
  const { page, done } = await open();
  const text = await loadExample(page);
  assert.equal(JSON.parse(text).custom.length, 3);
  assert.equal(JSON.parse(text).tests.length, 3);
  // The results go to a polite live region.
  assert.equal(await page.getAttribute("#tests-summary", "role"), "status");
  assert.equal(await page.getAttribute("#tests-summary", "aria-live"), "polite");

  const expected = new Engine(text).runTests();
  assert.deepEqual([expected.passed, expected.failed], [3, 0]);
  assert.equal(await runTests(page), "3 tests: 3 passed, 0 failed.");
  assert.equal(await page.locator(".test-result.test-passed").count(), 3);

  // A change to a rule that its tests catch: the finding now points at the theme.
  const broken = text.replace('"path": "/partners",\n      "params"', '"path": "/theme",\n      "params"');
  assert.notEqual(broken, text);
  await page.fill("#ruleset-text", broken);
  assert.match(await page.textContent("#tests-results"), /The rule set has changed since this run/);
  const report = new Engine(broken).runTests();
  assert.deepEqual([report.passed, report.failed], [2, 1]);
  assert.equal(await runTests(page), `3 tests: ${report.passed} passed, ${report.failed} failed.`);
  assert.doesNotMatch(await page.textContent("#tests-results"), /has changed since/);

  // Test by test, the page shows Node's verdict and the same diff.
  const shown = await page.$$eval(".test-result", (items) =>
    items.map((li) => ({
      name: li.querySelector(".test-name").textContent,
      passed: li.classList.contains("test-passed"),
      missing: [...li.querySelectorAll(".diff-missing")].map((x) => [...x.querySelectorAll("code")].map((c) => c.textContent)),
      unexpected: [...li.querySelectorAll(".diff-unexpected")].map((x) => [...x.querySelectorAll("code")].map((c) => c.textContent)),
      text: li.textContent,
    })),
  );
  assert.equal(shown.length, report.results.length);
  report.results.forEach((r, i) => {
    assert.equal(shown[i].name, r.name);
    assert.equal(shown[i].passed, r.passed, r.name);
    assert.deepEqual(shown[i].missing, r.missing.map((f) => [f.rule, f.path]), r.name);
    assert.deepEqual(shown[i].unexpected, r.unexpected.map((f) => [f.rule, f.path]), r.name);
    for (const f of r.unexpected) assert.ok(shown[i].text.includes(f.message), f.message);
  });
  const failed = page.locator(".test-result.test-failed");
  assert.match(await failed.textContent(), /Failed: +theme 7 without Kuntaliitto.*Expected, not found:.*example\/theme-7-partner at \/partners \(Error\).*Found, not expected:.*example\/theme-7-partner at \/theme \(Error\): A measure of theme 7 must name Kuntaliitto as a partner\./s);

  // The failing test's measure opens in the form, as of the test's date, with the finding.
  await failed.getByRole("button", { name: /Open the test's measure in the form/ }).click();
  assert.equal(await page.getAttribute("#tab-form", "aria-selected"), "true");
  assert.equal(await page.inputValue("#f-id"), "7.1");
  assert.equal(await page.inputValue("#as-of"), "2020-01-01");
  assert.match(await errorText(page, "f-theme"), /A measure of theme 7 must name Kuntaliitto as a partner\./);
  await done();
});

test("Why? shows a finding's explanation: the rule, the values, and a custom rule's when/require trace", async () => {
  const { page, done } = await open();
  const text = await loadExample(page);
  await page.click("#tab-form");
  // The example measure is led by the ministry and has no Swedish title.
  assert.match(await errorText(page, "f-title-sv"), /The Ministry of the Interior leads this measure, so it needs a title in Swedish\./);
  const why = page.locator("#f-title-sv-error details.explain");
  assert.equal(await why.getAttribute("open"), null, "closed until asked");
  // A native disclosure: opened from the keyboard.
  await why.locator("summary").focus();
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^Why\? the finding of example\/sm-swedish-title$/);
  await page.keyboard.press("Enter");
  assert.equal(await why.getAttribute("open"), "");
  const body = await why.locator(".explain-body").textContent();
  assert.match(body, /Rule: example\/sm-swedish-title — Measures the Ministry of the Interior leads have a Swedish title\./);
  assert.match(body, /Values the rule looked at:.*\/leadBody: "Sisäministeriö".*\/title\/sv: nothing/s);

  // The trace is the engine's, step by step, as Node's engine gives it.
  const measure = JSON.parse(await page.inputValue("#json-text"));
  const report = new Engine(text).checkMeasure(measure, { lang: "en", asOf: AS_OF, explain: true });
  const finding = report.findings.find((f) => f.rule === "example/sm-swedish-title");
  const trace = (steps) => steps.map((s) => `${s.result ? "✓" : "✗"} ${s.path} ${s.test}`);
  const shownSteps = (which) => why.locator(`.trace >> nth=${which}`).locator("li").evaluateAll((lis) => lis.map((li) => [...li.childNodes].slice(0, 5).map((n) => n.textContent).join("")));
  assert.deepEqual(await shownSteps(0), trace(finding.explain.when));
  assert.deepEqual(await shownSteps(1), trace(finding.explain.require));
  assert.match(body, /The rule applies when:.*\/leadBody organisation "SM" · found "Sisäministeriö" · holds/s);
  assert.match(body, /What must then hold:.*\/title\/sv present true · found nothing · does not hold/s);

  // It stays open while the measure changes elsewhere, and follows the language.
  await page.fill("#f-id", "2.6b");
  assert.equal(await why.getAttribute("open"), "");
  await page.getByRole("button", { name: "Suomi", exact: true }).click();
  assert.match(await why.locator("summary").textContent(), /^Miksi\?/);
  assert.match(await why.locator(".explain-body").textContent(), /Sisäministeriön johtamilla toimenpiteillä on ruotsinkielinen otsikko\..*ei täyty/s);
  await page.getByRole("button", { name: "Svenska", exact: true }).click();
  assert.match(await why.locator("summary").textContent(), /^Varför\?/);
  await page.getByRole("button", { name: "English", exact: true }).click();

  // A built-in rule's explanation: the case that matched and the value it read.
  const partner = page.locator("#f-partners-3-error details.explain");
  await partner.locator("summary").click();
  const builtIn = await partner.locator(".explain-body").textContent();
  assert.match(builtIn, /Rule: partners\.unknown — /);
  assert.match(builtIn, /Case: suggest/);
  assert.match(builtIn, /\/partners\/3: "Tuli"/);
  // Its summary in the page's language, marked as English only where it is.
  const summaryOf = () => partner.locator(".explain-body p").first().locator("span").last().evaluate((el) => [el.lang, el.textContent]);
  assert.deepEqual(await summaryOf(), ["en", "Each partner is in the organisation registry."]);
  await page.getByRole("button", { name: "Suomi", exact: true }).click();
  assert.deepEqual(await summaryOf(), ["fi", "Jokainen muu vastuutaho löytyy organisaatiorekisteristä."]);
  await page.getByRole("button", { name: "English", exact: true }).click();

  // A finding with no field of its own (a misspelt field name, typed in the JSON view) is
  // explained in the summary.
  await page.click("#tab-json");
  await page.fill("#json-text", JSON.stringify({ ...measure, sttus: "planned" }, null, 2));
  await page.click("#tab-form");
  const item = page.locator(".summary-list li", { hasText: "Field /sttus" });
  await item.locator("details.explain summary").click();
  assert.match(await item.locator(".explain-body").textContent(), /Rule: schema\.unknown-field — .*\/sttus: "planned"/s);

  // Fixed: the Swedish title is given, and the finding and its explanation are gone.
  await page.fill("#f-title-sv", "Gränsövervakningen vid östgränsen stärks.");
  assert.equal(await errorText(page, "f-title-sv"), "");
  assert.equal(await page.locator("#f-title-sv-error details").count(), 0);
  await done();
});

test("a bad rule is refused with the engine's reasons next to the editor, naming the rule, and the last good rule set stays in use", async () => {
  const { page, done } = await open();
  const text = await loadExample(page);
  const bad = JSON.parse(text);
  bad.custom[0].when = { path: "/theme", equal: 7 };
  delete bad.custom[2].message.sv;
  bad.tests[0].expected = bad.tests[0].expect;
  delete bad.tests[0].expect;
  // A key with ": " in it: the place was read from the refusal's text, up to its first ": ".
  bad.rules = { ...bad.rules, "lead-body: joint": "off" };
  await page.fill("#ruleset-text", JSON.stringify(bad, null, 2));
  assert.ok((await page.$$eval("#ruleset-problems li code", (cs) => cs.map((c) => c.textContent))).includes("/rules/lead-body: joint"));
  assert.equal(await page.getAttribute("#ruleset-text", "aria-invalid"), "true");
  assert.match(await page.textContent("#ruleset-status"), /This rule set is refused; rule set fi\.example\.custom-rules 1\.0\.0 stays in use\./);
  const problems = await page.$$eval("#ruleset-problems li", (lis) => lis.map((li) => li.textContent));
  const engineSays = (() => {
    try {
      new Engine(JSON.stringify(bad));
    } catch (error) {
      return error.message.split("\n").slice(1).map((l) => l.trim());
    }
    return [];
  })();
  assert.equal(problems.length, engineSays.length);
  engineSays.forEach((line, i) => assert.ok(problems[i].endsWith(line), `${problems[i]} / ${line}`));
  assert.ok(problems.some((p) => /^In the custom rule example\/sm-swedish-title: \/custom\/0\/when\/equal: unknown test "equal" \(did you mean "equals"\?\)/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^In the custom rule example\/completed-progress: \/custom\/2\/message: missing required key "sv"/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /^In the test “theme 7 without Kuntaliitto”: \/tests\/0\/expected: unknown key/.test(p)), problems.join("\n"));
  // The editor is described by the problems, and the rules in use are still listed.
  assert.match(await page.getAttribute("#ruleset-text", "aria-describedby"), /ruleset-problems/);
  assert.equal(await page.locator("#custom-list article").count(), 3);

  // A rule's own text is shown as text wherever it appears.
  const XSS = "<img src=x onerror=alert(1)>";
  const hostile = JSON.parse(text);
  hostile.custom[0].description.en = XSS;
  hostile.custom[0].message.en = `${XSS} {value}`;
  await page.fill("#ruleset-text", JSON.stringify(hostile));
  assert.match(await page.textContent("#custom-list"), /<img src=x onerror=alert\(1\)>/);
  await page.click("#tab-form");
  assert.match(await errorText(page, "f-title-sv"), /<img src=x onerror=alert\(1\)>/);
  await page.locator("#f-title-sv-error details.explain summary").click();
  assert.match(await page.textContent("#f-title-sv-error .explain-body"), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator("img").count(), 0);
  await page.click("#tab-rules");

  // Text that is not JSON: the engine's syntax finding, in the page's language, where the fix
  // goes (the comma itself; the refusal's parser stopped at the next line's bracket), with a
  // button that puts the caret there.
  const comma = '{\n  "id": "x",\n}';
  const syntax = new Engine().checkDocument(comma, { lang: "en" }).findings[0];
  assert.deepEqual([syntax.rule, syntax.line, syntax.column], ["input.syntax", 2, 12]);
  await page.fill("#ruleset-text", comma);
  assert.equal(await page.textContent("#ruleset-problems p"), `${syntax.message} Go to line 2, column 12`);
  await page.locator("#ruleset-problems").getByRole("button", { name: "Go to line 2, column 12" }).click();
  assert.deepEqual(await page.$eval("#ruleset-text", (t) => [document.activeElement === t, t.selectionStart]), [true, comma.indexOf(",\n}")]);
  // In the language the page switches to, with the text kept.
  await page.click('[data-lang="fi"]');
  assert.match(await page.textContent("#ruleset-problems p"), /rivillä 2, sarakkeessa 12: poista pilkku ennen sulkevaa sulkua\. Siirry rivi 2, sarake 12$/);
  await page.click('[data-lang="en"]');
  // "Add a custom rule" says so and leaves the text alone.
  await page.fill("#ruleset-text", '{ "id": "x", ');
  assert.match(await page.textContent("#ruleset-problems"), /The file ends early at line 1, column 13/);
  await page.getByRole("button", { name: "Add a custom rule" }).click();
  assert.match(await page.textContent("#custom-status"), /not valid JSON: correct it first/);
  assert.equal(await page.inputValue("#ruleset-text"), '{ "id": "x", ');
  await done();
});

test("axe-core finds no serious or critical violation in the rules view with custom rules, tests and explanations, which fit 320 px", async () => {
  const { page, done } = await open();
  const text = await loadExample(page);
  await page.fill("#ruleset-text", text.replace('"partners": ["Suomen Kuntaliitto"]', '"partners": ["PO"]'));
  await runTests(page);
  assert.equal(await page.locator(".test-result.test-failed").count(), 1);
  await page.locator(".rule-language summary").click();
  await axe(page, "rules view with the worked example, a failed test and the rule language");
  await page.getByRole("button", { name: "Suomi", exact: true }).click();
  await axe(page, "rules view in Finnish");
  await page.getByRole("button", { name: "English", exact: true }).click();
  await page.click("#tab-form");
  for (const summary of await page.locator("details.explain summary").all()) await summary.click();
  await axe(page, "form view with every explanation open");
  await page.setViewportSize({ width: 320, height: 640 });
  for (const view of ["form", "rules"]) {
    await page.click(`#tab-${view}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${view} view is ${width} px wide`);
  }
  await done();
});
