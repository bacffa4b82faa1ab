// The measure as JSON text. The engine checks the text itself, so every finding has a line
// and a column, and a syntax error is a finding like any other. Text that parses to an
// object becomes the measure, unless it is a programme, which is checked as one; anything
// else leaves the form at its last good measure.
import { LISTED, fill, h, hidden, more } from "./dom.js";

const pretty = (value) => JSON.stringify(value, null, 2) + "\n";

/** The JSON in `text`, or null. */
export function parseOrNull(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Whether a parsed document is a programme, as the engine's `checkDocument` tells one: it has `measures`. */
const isProgramme = (doc) => doc !== null && typeof doc === "object" && !Array.isArray(doc) && Object.hasOwn(doc, "measures");

/** The offset in `text` of a 1-based line and column, the column counted in characters. */
export function offsetOf(text, line, column) {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
  const here = Array.from(lines[Math.min(line, lines.length) - 1] ?? "");
  return offset + here.slice(0, Math.max(0, column - 1)).join("").length;
}

/** Puts the caret of `textarea` at a 1-based line and column, that line in view. */
export function caretTo(textarea, line, column) {
  const offset = offsetOf(textarea.value, line, column);
  textarea.focus();
  textarea.setSelectionRange(offset, offset);
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/** A "Go to" button that puts the caret of `textarea` at a finding's line and column, which it names to screen readers. */
export function goToButton(t, textarea, line, column) {
  const place = t("json.at", { line, column });
  return h("button", { type: "button", class: "button-secondary small", onclick: () => caretTo(textarea, line, column) }, t("json.goto"), hidden(` ${place}`));
}

export function createJsonView(app, panel) {
  const t = (key, params) => app.t(key, params);
  let textarea;
  let status;
  // Written only when it changes: an edit that leaves the text invalid JSON had the same
  // sentence spoken again at each keystroke.
  const tell = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };
  let list;
  let count;
  let report = null;
  let text = pretty(app.state.measure);

  function build() {
    textarea = h("textarea", {
      id: "json-text",
      class: "code",
      rows: 24,
      spellcheck: "false",
      autocomplete: "off",
      autocapitalize: "off",
      "aria-describedby": "json-intro json-status json-count",
    });
    textarea.value = text;
    textarea.addEventListener("input", edited);
    status = h("p", { id: "json-status", class: "json-status", role: "status" });
    count = h("p", { id: "json-count", class: "summary-count" });
    list = h("ul", { class: "json-findings" });
    fill(
      panel,
      h("div", { class: "panel-head" }, h("h2", { tabindex: "-1" }, t("json.heading")), h("div", { class: "actions" }, h("button", { type: "button", class: "button-secondary", onclick: format }, t("json.format")))),
      h("p", { class: "intro", id: "json-intro" }, t("json.intro")),
      h(
        "div",
        { class: "json-layout" },
        h("div", { class: "field" }, h("label", { for: textarea.id }, t("json.label")), status, textarea),
        h("section", { class: "summary", "aria-labelledby": "json-findings-heading" }, h("h3", { id: "json-findings-heading" }, t("json.findings")), count, list),
      ),
    );
  }

  function edited() {
    text = textarea.value;
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      tell(t("json.invalid"));
      check(null);
      return;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      tell(t("json.notObject"));
      check(parsed);
      return;
    }
    // A programme pasted here (its export, say) became the form's "measure", and was checked
    // as one: "sisaisen-turvallisuuden-strategia-2017 is not a measure number", its measures
    // an unknown field. It is checked as the programme it is, and the form keeps its measure.
    if (isProgramme(parsed)) {
      tell(t("json.programme"));
      check(parsed);
      return;
    }
    tell("");
    app.setMeasure(parsed, "json");
    check(parsed);
  }

  function format() {
    try {
      const parsed = JSON.parse(textarea.value);
      textarea.value = text = pretty(parsed);
      check(parsed);
    } catch {
      // Unparsable text is left as it is; its syntax finding says where.
    }
    textarea.focus();
  }

  /** Checks the text; `parsed` is its JSON when the caller has read it already (an edit). */
  function check(parsed = parseOrNull(textarea.value)) {
    const value = textarea.value;
    report = isProgramme(parsed) ? app.engine.checkDocument(value, app.options()) : app.engine.checkMeasure(value, app.options());
    const items = report.findings.slice(0, LISTED).map((f) => {
      const place = f.line ? t("json.at", { line: f.line, column: f.column }) : "";
      return h(
        "li",
        { class: `finding-${f.severity}` },
        h("span", { class: "badge" }, t(`severity.${f.severity}`)),
        hidden(": "),
        " ",
        place ? h("span", { class: "place" }, `${place}: `) : null,
        h("span", { class: "message" }, f.message),
        f.line ? [" ", goToButton(t, textarea, f.line, f.column)] : null,
      );
    });
    const rest = more("li", report.findings.length, LISTED, (count) => t("summary.more", { count }));
    list.replaceChildren(...items, ...(rest ? [rest] : []));
    count.textContent = report.findings.length ? t("summary.count", report.summary) : t("json.none");
    if (report.summary.error > 0) textarea.setAttribute("aria-invalid", "true");
    else textarea.removeAttribute("aria-invalid");
  }

  // While the view is hidden, changes only mark it stale: the form's keystrokes should cost
  // one check, not two.
  let stale = false;
  function refresh() {
    stale = false;
    check();
  }

  return {
    update(what, source) {
      // This view's own edit, which edited() has checked: a second check of every keystroke.
      if (what === "ruleset-refused" || (what === "measure" && source === "json")) return;
      if (what === "init" || what === "lang") {
        if (textarea) text = textarea.value;
        build();
      }
      if (what === "measure") {
        text = pretty(app.state.measure);
        textarea.value = text;
      }
      if (panel.hidden) stale = true;
      else refresh();
    },
    shown() {
      if (stale) refresh();
    },
    /** Shows a finding the form has no field for at its place in the text. */
    reveal(finding) {
      app.setView("json", { focus: "none" });
      const here = report.findings.find((f) => f.rule === finding.rule && f.path === finding.path && f.line);
      if (here) caretTo(textarea, here.line, here.column);
      else textarea.focus();
    },
  };
}
