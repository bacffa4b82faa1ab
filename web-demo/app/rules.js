// The rules view: a list of panels, each with its own section, each an object
// { id, create(app, section) → { update(what) } } in PANELS: the rule-set editor, the rule
// set's custom rules (an organisation's own rules, written as data), its tests, and the
// catalogue of the built-in rules.
import { fill, h, hidden } from "./dom.js";
import { render as markdown } from "./markdown.js";
import { pretty, ruleTemplate, WORKED_EXAMPLE_TEXT } from "./custom-example.js";
import { goToButton, parseOrNull as parse } from "./json-view.js";
import { RULE_DOCS } from "../measure-rules/rule-docs.js";
import { ruleSummary } from "./rule-summaries.js";

const EXAMPLE_RULESET = "data/rulesets/agency-strict.json";

/** How a rule set sets a rule: "off", a severity, or undefined when it leaves the default. */
export function levelIn(ruleset, id) {
  const setting = ruleset?.rules?.[id];
  if (typeof setting === "string") return setting;
  if (setting && typeof setting === "object") {
    if (setting.enabled === false) return "off";
    return setting.severity;
  }
  return undefined;
}

/**
 * One problem of the engine's refusal (`/custom/0/when/equal`, "unknown test …") as a list
 * item. From the refusal's `problems`, not its text: a key with ": " in it ("a: b") split the
 * line at the wrong place.
 */
function problemItem({ path, message }, draft, t) {
  // As the refusal's text names it; no place for a line of an error that has no problems.
  const place = path === undefined ? "" : path || "(root)";
  const m = /^\/(custom|tests)\/(\d+)(?:\/|$)/.exec(place);
  let context = null;
  if (m && m[1] === "custom" && typeof draft?.custom?.[m[2]]?.id === "string") {
    context = t("ruleset.problem.rule", { id: draft.custom[m[2]].id });
  } else if (m && m[1] === "tests" && typeof draft?.tests?.[m[2]]?.name === "string") {
    context = t("ruleset.problem.test", { name: draft.tests[m[2]].name });
  }
  return h(
    "li",
    {},
    context ? [h("span", { class: "problem-context" }, context), " "] : null,
    place ? [h("code", {}, place), ": "] : null,
    h("span", { lang: "en" }, message),
  );
}

const rulesetPanel = {
  id: "ruleset",
  create(app, section) {
    const t = (key, params) => app.t(key, params);
    let textarea;
    let status;
    let problems;
    // The editor's text survives a change of language even while it is refused.
    let text = app.rulesetDraft ?? app.state.ruleset;

    function apply() {
      text = textarea.value;
      app.setRuleset(text);
      show();
    }

    function show() {
      const info = app.engine.ruleset;
      if (app.rulesetError) {
        const [first, ...rest] = app.rulesetError.split("\n");
        status.textContent = t("ruleset.refused", { id: info.id, version: info.version });
        // The engine words its refusals in English only; they name JSON Pointers and rule ids.
        // A problem inside a custom rule or a test is also named by that rule's id or that
        // test's name, read from the text in the editor.
        const draft = parse(textarea.value);
        // Text that is not JSON: the engine's syntax finding for it, as the JSON view shows a
        // document's, in the page's language and where the fix goes. The refusal's own words
        // are the parser's, in English, at the place it stopped (the line after a trailing comma).
        const syntax = draft === null ? app.engine.checkDocument(textarea.value, app.options()).findings.find((f) => f.rule === "input.syntax") : undefined;
        if (syntax) {
          fill(problems, h("p", {}, syntax.message, " ", goToButton(t, textarea, syntax.line, syntax.column)));
        } else {
          const list = app.rulesetProblems ?? rest.map((line) => ({ path: undefined, message: line.trim() }));
          fill(problems, h("p", { lang: "en" }, first), list.length ? h("ul", {}, list.map((p) => problemItem(p, draft, t))) : null);
        }
        problems.hidden = false;
        textarea.setAttribute("aria-invalid", "true");
      } else {
        status.textContent = t("ruleset.applied", { id: info.id, version: info.version });
        problems.replaceChildren();
        problems.hidden = true;
        textarea.removeAttribute("aria-invalid");
      }
    }

    async function loadExample() {
      try {
        const response = await fetch(EXAMPLE_RULESET, { cache: "no-store" });
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        textarea.value = await response.text();
      } catch (error) {
        status.textContent = error.message;
        return;
      }
      apply();
      textarea.focus();
      // From the top: a new rule set is read from its id down.
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
    }

    // The other panels write into the editor through this, as if the author had typed.
    app.rulesetEditor = {
      text: () => textarea.value,
      /** Replaces the text, applies it, and puts the caret at `caret` (an offset) in view. */
      replace(next, caret = 0) {
        textarea.value = next;
        apply();
        textarea.focus();
        textarea.setSelectionRange(caret, caret);
        const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
        textarea.scrollTop = Math.max(0, (next.slice(0, caret).split("\n").length - 2) * lineHeight);
      },
    };

    function build() {
      textarea = h("textarea", { id: "ruleset-text", class: "code", rows: 16, spellcheck: "false", autocomplete: "off", autocapitalize: "off", "aria-describedby": "ruleset-hint ruleset-status ruleset-problems" });
      textarea.value = text;
      textarea.addEventListener("input", apply);
      status = h("p", { id: "ruleset-status", class: "ruleset-status", role: "status" });
      problems = h("div", { id: "ruleset-problems", class: "field-error ruleset-problems" });
      fill(
        section,
        h("h3", { id: "ruleset-heading" }, t("ruleset.heading")),
        h("p", { class: "intro" }, t("ruleset.intro")),
        h(
          "div",
          { class: "field" },
          h("label", { for: textarea.id }, t("ruleset.label")),
          h("p", { class: "hint", id: "ruleset-hint" }, t("ruleset.hint")),
          problems,
          textarea,
          status,
        ),
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", class: "button-secondary", onclick: loadExample }, t("ruleset.example")),
          h(
            "button",
            {
              type: "button",
              class: "button-secondary",
              onclick: () => {
                textarea.value = app.defaultRuleset;
                apply();
                textarea.focus();
              },
            },
            t("ruleset.reset"),
          ),
        ),
      );
      show();
    }

    return {
      update(what) {
        if (what === "init" || what === "lang") build();
        else if (what === "engine" && app.state.ruleset !== textarea.value && !app.rulesetError) {
          // A rule set that came in by a link.
          text = textarea.value = app.state.ruleset;
          show();
        } else if (what === "engine" || what === "ruleset-refused") show();
      },
    };
  },
};

const cataloguePanel = {
  id: "catalogue",
  create(app, section) {
    const t = (key, params) => app.t(key, params);
    // The engine's catalogue with each rule's documentation, which the package ships apart.
    const all = app.pkg.rules().map((r) => ({ ...r, ...RULE_DOCS[r.id] }));
    let filter = "";
    let list;
    let count;

    function ruleset() {
      try {
        return JSON.parse(app.state.ruleset);
      } catch {
        return null;
      }
    }

    function renderList() {
      const set = ruleset();
      const needle = filter.trim().toLowerCase();
      const shown = all.filter((r) => !needle || [r.id, r.summary, ruleSummary(r.id, r.summary, app.state.lang).text, r.what].some((x) => x.toLowerCase().includes(needle)));
      count.textContent = t("catalogue.count", { shown: shown.length, total: all.length });
      list.replaceChildren(
        ...shown.map((rule) => {
          const headingId = `rule-${rule.id.replace(/[^a-z0-9]+/gi, "-")}`;
          const level = levelIn(set, rule.id);
          const levelText = level === "off" ? t("rule.off") : level ? t(`severity.${level}`) : null;
          const summary = ruleSummary(rule.id, rule.summary, app.state.lang);
          const params = rule.params.length
            ? [
                h("h5", {}, t("rule.params")),
                h(
                  "ul",
                  {},
                  rule.params.map((p) => h("li", {}, h("code", {}, p.name), ` (${t("rule.param.default", { value: p.default })}): `, h("span", { lang: "en" }, p.doc))),
                ),
              ]
            : null;
          return h(
            "li",
            {},
            h(
              "article",
              { class: "rule", "aria-labelledby": headingId },
              h("h4", { id: headingId }, h("code", {}, rule.id)),
              h(
                "p",
                { class: "rule-meta" },
                h("span", { class: `badge badge-${rule.severity}` }, t("rule.default", { severity: t(`severity.${rule.severity}`) })),
                levelText ? [" ", h("span", { class: `badge badge-${level === "off" ? "off" : level}` }, t("rule.inSet", { level: levelText }))] : null,
              ),
              h("p", { class: "rule-summary", lang: summary.lang }, summary.text),
              h(
                "details",
                {},
                h("summary", {}, t("rule.docs", { id: rule.id })),
                h(
                  "div",
                  { class: "rule-docs" },
                  h("h5", {}, t("rule.what")),
                  h("div", { lang: "en" }, markdown(rule.what)),
                  h("h5", {}, t("rule.why")),
                  h("div", { lang: "en" }, markdown(rule.why)),
                  h("h5", {}, t("rule.example")),
                  h("div", { lang: "en" }, markdown(rule.example)),
                  params,
                ),
              ),
            ),
          );
        }),
      );
    }

    function build() {
      const input = h("input", { type: "search", id: "catalogue-filter", autocomplete: "off", "aria-describedby": "catalogue-count" });
      input.value = filter;
      input.addEventListener("input", () => {
        filter = input.value;
        renderList();
      });
      count = h("p", { id: "catalogue-count", class: "hint", role: "status" });
      list = h("ul", { class: "rule-list" });
      fill(
        section,
        h("h3", {}, t("catalogue.heading")),
        h("p", { class: "intro" }, t("catalogue.intro")),
        h("div", { class: "field" }, h("label", { for: input.id }, t("catalogue.filter")), input),
        count,
        list,
      );
      renderList();
    }

    return {
      update(what) {
        if (what === "init" || what === "lang") build();
        else if (what === "engine") renderList();
      },
    };
  },
};

/** The building blocks of custom rules, each with an example, for the reference list. */
const RULE_KEYS = [
  ["id", '"example/theme-7-partner"'],
  ["severity", '"error"'],
  ["description", '{ "fi": "…", "sv": "…", "en": "…" }'],
  ["when", '{ "path": "/theme", "equals": 7 }'],
  ["require", '{ "path": "/partners", "organisation": "Kuntaliitto" }'],
  ["path", '"/partners"'],
  ["message", '{ "fi": "…", "sv": "…", "en": "…" }'],
  ["params", '{ "theme": "/theme" }'],
];
const RULE_TESTS = [
  ["present", '{ "path": "/title/sv", "present": true }'],
  ["equals", '{ "path": "/status", "equals": "completed" }'],
  ["in", '{ "path": "/status", "in": ["planned", "delayed"] }'],
  ["contains", '{ "path": "/partners", "contains": "PO" }'],
  ["organisation", '{ "path": "/leadBody", "organisation": "SM" }'],
  ["length", '{ "path": "/progress", "length": { "min": 1 } }'],
  ["before", '{ "path": "/schedule/end", "before": "asOf" }'],
  ["after", '{ "path": "/schedule/start", "after": "2018-06" }'],
  ["every", '{ "path": "/steps", "every": { "path": "/schedule", "present": true } }'],
  ["some", '{ "path": "/steps", "some": { "path": "/status", "equals": "delayed" } }'],
  ["all", '{ "all": [ … ] }, { "any": [ … ] }, { "not": { … } }'],
];

/** A rule id as an element id. */
const idPart = (id) => id.replace(/[^a-z0-9]+/gi, "-");

const customPanel = {
  id: "custom",
  create(app, section) {
    const t = (key, params) => app.t(key, params);
    let list;
    let heading;
    let status;

    function loadExample() {
      const at = WORKED_EXAMPLE_TEXT.indexOf('"custom"');
      app.rulesetEditor.replace(WORKED_EXAMPLE_TEXT, at);
    }

    /** Adds a working rule to the end of the editor's `custom` list, for the author to change. */
    function addRule() {
      const doc = parse(app.rulesetEditor.text());
      if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
        status.textContent = t("custom.notJson");
        return;
      }
      if (!Array.isArray(doc.custom)) doc.custom = [];
      const taken = new Set(doc.custom.map((r) => r?.id));
      let n = 1;
      while (taken.has(`example/new-rule-${n}`)) n += 1;
      const id = `example/new-rule-${n}`;
      doc.custom.push(ruleTemplate(id));
      const next = `${pretty(doc)}\n`;
      app.rulesetEditor.replace(next, next.indexOf(`"id": "${id}"`));
      status.textContent = t("custom.added", { id });
    }

    function renderList() {
      const info = app.engine.ruleset;
      const rules = app.engine.customRules(app.state.lang);
      const findings = app.views.form?.report?.findings ?? [];
      heading.textContent = t("custom.active", { id: info.id, version: info.version });
      if (!rules.length) {
        fill(list, h("p", { class: "hint" }, t("custom.none")));
        return;
      }
      fill(
        list,
        h(
          "ul",
          { class: "rule-list" },
          rules.map((rule) => {
            const headingId = `custom-rule-${idPart(rule.id)}`;
            const mine = findings.filter((f) => f.rule === rule.id);
            const level = rule.severity === "off" ? t("rule.off") : t(`severity.${rule.severity}`);
            return h(
              "li",
              {},
              h(
                "article",
                { class: "rule custom-rule", "aria-labelledby": headingId, "data-rule": rule.id },
                h("h5", { id: headingId }, h("code", {}, rule.id)),
                h("p", { class: "rule-meta" }, h("span", { class: `badge badge-${rule.severity}` }, level)),
                rule.description ? h("p", { class: "rule-summary" }, rule.description) : null,
                h("p", { class: "custom-on" }, mine.length ? t("custom.onMeasure") : t("custom.noFinding")),
                mine.map((f) =>
                  h(
                    "p",
                    { class: `finding finding-${f.severity}` },
                    h("span", { class: "badge" }, t(`severity.${f.severity}`)),
                    hidden(": "),
                    " ",
                    h("span", { class: "message" }, f.message),
                    " ",
                    h(
                      "button",
                      { type: "button", class: "button-fix", onclick: () => app.views.form.reveal(f) },
                      t("custom.show"),
                      hidden(` ${rule.id}`),
                    ),
                  ),
                ),
              ),
            );
          }),
        ),
      );
    }

    function build() {
      heading = h("h4", { id: "custom-active" });
      list = h("div", { class: "custom-list", id: "custom-list" });
      status = h("p", { class: "hint", id: "custom-status", role: "status" });
      const reference = h(
        "details",
        { class: "rule-language" },
        h("summary", {}, t("custom.language")),
        h("p", {}, t("custom.language.intro")),
        h("h4", {}, t("custom.keys")),
        h("dl", {}, RULE_KEYS.map(([key, example]) => [h("dt", {}, h("code", {}, key)), h("dd", {}, t(`custom.key.${key}`), " ", h("code", {}, example))])),
        h("h4", {}, t("custom.tests")),
        h("dl", {}, RULE_TESTS.map(([test, example]) => [h("dt", {}, h("code", {}, test === "all" ? "all, any, not" : test)), h("dd", {}, t(`custom.test.${test}`), " ", h("code", {}, example))])),
      );
      fill(
        section,
        h("h3", {}, t("custom.heading")),
        h("p", { class: "intro" }, t("custom.intro")),
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", class: "button-primary", id: "custom-example", onclick: loadExample }, t("custom.example")),
          h("button", { type: "button", class: "button-secondary", id: "custom-add", onclick: addRule }, t("custom.add")),
        ),
        status,
        reference,
        heading,
        list,
      );
      renderList();
    }

    return {
      update(what) {
        if (what === "init" || what === "lang") build();
        else if (what === "engine") {
          status.textContent = "";
          renderList();
        } else if (what === "measure" || what === "asOf") renderList();
      },
    };
  },
};

const testsPanel = {
  id: "tests",
  create(app, section) {
    const t = (key, params) => app.t(key, params);
    /** The last run: its report, the rule set it ran on, and whether that has changed since. */
    let run = null;
    let summary;
    let results;

    function runTests() {
      const report = app.engine.runTests();
      run = { report, info: app.engine.ruleset, source: parse(app.state.ruleset), stale: false };
      render();
      // Emptied first, so that the same result said twice is announced twice.
      summary.textContent = "";
      setTimeout(() => (summary.textContent = summaryText()), 50);
    }

    function summaryText() {
      const { passed, failed } = run.report;
      if (passed + failed === 0) return t("tests.none");
      return t("tests.summary", { total: passed + failed, passed, failed });
    }

    /** The test a result is about, from the rule set it ran on (when that is the one written). */
    function testOf(result) {
      const m = /^\/tests\/(\d+)$/.exec(result.path);
      if (!m || run.source?.id !== result.ruleset) return null;
      return run.source.tests?.[Number(m[1])] ?? null;
    }

    function openInForm(result, test) {
      const asOf = typeof test.asOf === "string" ? test.asOf : "2020-01-01";
      const input = document.getElementById("as-of");
      if (input) input.value = asOf;
      app.setAsOf(asOf);
      app.setMeasure(structuredClone(test.measure), "test");
      app.setView("form", { focus: "heading" });
      app.announce(t("tests.opened", { name: result.name, asOf }));
    }

    function findingItem(kind, f, lang) {
      return h(
        "li",
        { class: `diff-${kind}` },
        h("span", { class: "diff-mark", "aria-hidden": "true" }, kind === "missing" ? "−" : "+"),
        " ",
        h("code", {}, f.rule),
        ` ${t("tests.at")} `,
        h("code", {}, f.path || "/"),
        f.severity ? ` (${t(`severity.${f.severity}`)})` : null,
        f.message ? [": ", h("span", { lang }, f.message)] : null,
      );
    }

    function resultItem(result, i) {
      const test = testOf(result);
      const lang = typeof test?.lang === "string" ? test.lang : "en";
      const nameId = `test-result-${i}`;
      return h(
        "li",
        { class: ["test-result", result.passed ? "test-passed" : "test-failed"], "aria-labelledby": nameId },
        h(
          "p",
          { class: "test-head", id: nameId },
          h("span", { class: `badge ${result.passed ? "badge-ok" : "badge-error"}` }, result.passed ? t("tests.passed") : t("tests.failed")),
          hidden(": "),
          " ",
          h("span", { class: "test-name" }, result.name),
          " ",
          h("span", { class: "test-where" }, `(${result.ruleset}, ${result.path})`),
        ),
        result.missing.length
          ? [h("p", { class: "diff-heading" }, t("tests.missing")), h("ul", { class: "diff" }, result.missing.map((f) => findingItem("missing", f, lang)))]
          : null,
        result.unexpected.length
          ? [h("p", { class: "diff-heading" }, t("tests.unexpected")), h("ul", { class: "diff" }, result.unexpected.map((f) => findingItem("unexpected", f, lang)))]
          : null,
        test && test.measure && typeof test.measure === "object" && !Array.isArray(test.measure)
          ? h(
              "button",
              { type: "button", class: "button-secondary small", onclick: () => openInForm(result, test) },
              t("tests.open"),
              hidden(` ${result.name}`),
            )
          : null,
      );
    }

    function render() {
      if (!run) {
        results.replaceChildren();
        return;
      }
      fill(
        results,
        h("h4", {}, t("tests.ranOn", { id: run.info.id, version: run.info.version })),
        run.stale ? h("p", { class: "tests-stale" }, t("tests.stale")) : null,
        run.report.results.length ? h("ol", { class: "test-results" }, run.report.results.map(resultItem)) : null,
      );
    }

    function build() {
      summary = h("p", { class: "tests-summary", id: "tests-summary", role: "status", "aria-live": "polite" });
      if (run) summary.textContent = summaryText();
      results = h("div", { id: "tests-results" });
      fill(
        section,
        h("h3", {}, t("tests.heading")),
        h("p", { class: "intro" }, t("tests.intro")),
        h("div", { class: "actions" }, h("button", { type: "button", class: "button-primary", id: "tests-run", onclick: runTests }, t("tests.run"))),
        summary,
        results,
      );
      render();
    }

    return {
      update(what) {
        if (what === "init" || what === "lang") build();
        else if (what === "engine" && run && !run.stale) {
          run.stale = true;
          render();
        }
      },
    };
  },
};

/** The panels of the rules view, in page order. */
export const PANELS = [rulesetPanel, customPanel, testsPanel, cataloguePanel];

export function createRules(app, panel) {
  const parts = PANELS.map((p) => {
    const section = h("section", { class: `rules-panel rules-panel-${p.id}` });
    return { section, view: p.create(app, section) };
  });
  const heading = h("h2", { tabindex: "-1" });
  fill(panel, heading, parts.map((p) => p.section));
  return {
    update(what, source) {
      if (what === "init" || what === "lang") heading.textContent = app.t("rules.heading");
      for (const part of parts) part.view.update(what, source);
    },
  };
}

