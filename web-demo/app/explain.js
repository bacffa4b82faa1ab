// "Why?": a finding's explanation (the `explain: true` option of the engine) as a disclosure:
// the rule, the case that matched, the values the rule looked at, and for custom rules each
// test of `when` and `require` with what it expected, what it found and whether it held.
import { h, hidden } from "./dom.js";
import { ruleSummary } from "./rule-summaries.js";

const LONGEST = 120;

/** A JSON value as a reader sees it in a line of text, shortened when long. */
export function shown(value) {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}

function valueNode(value, t) {
  const text = shown(value);
  return text === null ? h("span", { class: "explain-nothing" }, t("explain.nothing")) : h("code", {}, text);
}

function stepNode(step, t) {
  const list = step.test === "every" || step.test === "some";
  const found = list && Array.isArray(step.actual) ? t("explain.items", { n: step.actual.length }) : null;
  return h(
    "li",
    { class: step.result ? "trace-held" : "trace-failed" },
    h("span", { class: "trace-mark", "aria-hidden": "true" }, step.result ? "✓" : "✗"),
    " ",
    h("code", {}, step.path || "/"),
    " ",
    h("code", { class: "trace-test" }, step.test),
    list ? null : [" ", h("code", {}, shown(step.expected) ?? "null")],
    " · ",
    t("explain.found"),
    " ",
    found ?? valueNode(step.actual, t),
    " · ",
    h("strong", { class: "trace-result" }, step.result ? t("explain.held") : t("explain.failed")),
  );
}

/**
 * The disclosure for one finding. The engine explains a built-in rule (an id without a slash)
 * with the catalogue's one-line summary, in English, which the page shows in its own language
 * (`lang`) where it has it; a custom rule's description is in the report's language already.
 */
export function explainNode(finding, t, { lang, open = false, onToggle } = {}) {
  const e = finding.explain;
  const details = h(
    "details",
    { class: "explain" },
    h("summary", {}, t("explain.why"), hidden(` ${t("explain.about", { rule: finding.rule })}`)),
  );
  details.open = open;
  if (onToggle) details.addEventListener("toggle", () => onToggle(details.open));
  if (!e) {
    details.append(h("div", { class: "explain-body" }, h("p", {}, t("explain.none"))));
    return details;
  }
  const summary = finding.rule.includes("/") ? null : ruleSummary(finding.rule, e.rule, lang);
  const values = Object.entries(e.values ?? {});
  const trace = (key, steps) =>
    steps?.length ? [h("p", { class: "explain-label" }, t(key)), h("ol", { class: "trace" }, steps.map((s) => stepNode(s, t)))] : null;
  details.append(
    h(
      "div",
      { class: "explain-body" },
      h(
        "p",
        {},
        h("span", { class: "explain-label" }, `${t("explain.rule")}: `),
        h("code", {}, finding.rule),
        " — ",
        h("span", { lang: summary?.lang }, summary?.text ?? e.rule),
      ),
      e.condition ? h("p", {}, h("span", { class: "explain-label" }, `${t("explain.condition")}: `), h("code", { lang: "en" }, e.condition)) : null,
      values.length
        ? [
            h("p", { class: "explain-label" }, t("explain.values")),
            h(
              "ul",
              { class: "explain-values" },
              values.map(([path, value]) => h("li", {}, h("code", {}, path || "/"), ": ", valueNode(value, t))),
            ),
          ]
        : null,
      trace("explain.when", e.when),
      trace("explain.require", e.require),
    ),
  );
  return details;
}
