// The rules view: a list of panels, each with its own section. The rule-set editor and the
// catalogue are the first two; rules written as data and their tests (issue 5) come as more
// panels in PANELS, each an object { id, create(app, section) → { update(what) } }.
import { fill, h } from "./dom.js";
import { render as markdown } from "./markdown.js";

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
        fill(problems, h("p", { lang: "en" }, first), rest.length ? h("ul", { lang: "en" }, rest.map((line) => h("li", {}, line.trim()))) : null);
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

    function build() {
      textarea = h("textarea", { id: "ruleset-text", class: "code", rows: 14, spellcheck: "false", autocomplete: "off", autocapitalize: "off", "aria-describedby": "ruleset-hint ruleset-status ruleset-problems" });
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
    const all = app.pkg.rules();
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
      const shown = all.filter((r) => !needle || [r.id, r.summary, r.what].some((x) => x.toLowerCase().includes(needle)));
      count.textContent = t("catalogue.count", { shown: shown.length, total: all.length });
      list.replaceChildren(
        ...shown.map((rule) => {
          const headingId = `rule-${rule.id.replace(/[^a-z0-9]+/gi, "-")}`;
          const level = levelIn(set, rule.id);
          const levelText = level === "off" ? t("rule.off") : level ? t(`severity.${level}`) : null;
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
              h("p", { class: "rule-summary", lang: "en" }, rule.summary),
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

/** The panels of the rules view, in page order. */
export const PANELS = [rulesetPanel, cataloguePanel];

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

