// The measure form: a view of `app.state.measure` that writes each change back at its JSON
// Pointer and has the engine check the whole measure again. Findings come back with a JSON
// Pointer; each is shown at the field registered for the longest prefix of it.
import { STATUSES } from "../i18n.js";
import { LISTED, fill, h, hidden, more, quietStatus } from "./dom.js";
import { explainNode } from "./explain.js";
import * as pointer from "./pointer.js";

const TEXT_LANGS = ["fi", "sv", "en"];
const THEMES = [1, 2, 3, 4, 5, 6, 7, 8];
const SEVERITIES = ["error", "warning", "info"];
/**
 * Rows the form shows at most: the schema's own limits (200 partners, 100 steps). A pasted
 * measure can have tens of thousands, which are over the limit anyway (schema.value) and made
 * the page unresponsive as rows; they stay in the JSON view, and their findings in the summary.
 */
const ROWS = { partners: 200, steps: 100 };
/** Findings a field shows at most; the summary lists them too, and the counts include them all. */
const AT_A_FIELD = 20;
// A step's text is required even while all its languages are empty.
const keepEmpty = (path) => /^\/steps\/\d+\/text$/.test(path);

const idFor = (path) => "f" + path.replace(/[^A-Za-z0-9]+/g, "-");

/** The value of a fix, as a user reads it next to the button. */
function fixValue(fix, t) {
  if (fix.op === "remove") return t("fix.remove");
  if (typeof fix.value === "string") return fix.value;
  if (fix.value && typeof fix.value === "object" && !Array.isArray(fix.value)) {
    // A schedule: its dates, in reading order, in the page's words (the JSON keys were English
    // in every language; "start" may be a year or a day, not only the month its field takes);
    // the text it came from is already on screen.
    const order = ["start", "end", "continuous"];
    return Object.entries(fix.value)
      .filter(([key, value]) => key !== "text" && value !== false)
      .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
      .map(([key, value]) => (key === "continuous" ? t("field.continuous") : order.includes(key) ? `${t(`fix.${key}`)} ${value}` : `${key}: ${value}`))
      .join(", ");
  }
  return JSON.stringify(fix.value);
}

export function createForm(app, panel) {
  const t = (key, params) => app.t(key, params);
  /** path → { control, error, label, group } */
  let fields = new Map();
  /**
   * What describes each control: its hint and preview, and the error containers whose
   * messages are read with it. The containers hold fix and "Why?" buttons too, so a control is
   * described by its messages' own ids, set at each check; a screen reader read "Apply fix:
   * 2.6a Why?" as part of the field's description.
   */
  let descriptions = new Map();
  /** Pointers of the fields the engine's rule set requires (see `requiredFields`). */
  let required = new Set();
  let report = null;
  let summaryCount;
  // One region for the form's life, so that what it last said survives a rebuild, beside the
  // page's announcer: in the summary, a screen reader reading line by line met the count twice.
  const spoken = quietStatus();
  spoken.region.id = "form-spoken";
  document.getElementById("announcer").after(spoken.region);
  let summaryList;
  /** The explanations a reader has open, by rule and path, kept open as the findings change. */
  const openExplanations = new Set();

  const measure = () => app.state.measure;

  function commit(path, value) {
    const m = measure();
    if (value === undefined || value === "") pointer.remove(m, path, keepEmpty);
    else pointer.set(m, path, value);
    app.setMeasure(m, "form");
  }

  /**
   * Changes that add or remove fields rebuild the form, then put focus where it belongs, and
   * say what changed: focus alone moving to another field told a screen reader nothing.
   */
  function restructure(change, focusId, said) {
    const m = measure();
    change(m);
    app.setMeasure(m, "structure");
    document.getElementById(focusId)?.focus();
    if (said) app.announce(said);
  }

  function register(path, entry) {
    fields.set(path, entry);
  }

  /** `ids` are of the hint and the preview; `errors` are containers of findings. */
  function describe(control, ids, errors = []) {
    const entry = descriptions.get(control) ?? { ids: new Set(), errors: new Set() };
    descriptions.set(control, entry);
    for (const id of ids) if (id) entry.ids.add(id);
    for (const error of errors) entry.errors.add(error);
    setDescription(control, entry);
  }

  function setDescription(control, { ids, errors }) {
    const all = [...ids, ...[...errors].flatMap((error) => [...error.querySelectorAll(":scope > .finding > .finding-text")].map((el) => el.id))];
    if (all.length) control.setAttribute("aria-describedby", all.join(" "));
    else control.removeAttribute("aria-describedby");
  }

  /**
   * The fields the rule set requires: where it reports an error on an empty measure, and the
   * theme when it does on one with only a number (the theme is required once there is a number
   * to take it from; the number's other errors may be that measure's own, as a custom rule
   * about measure 1.1 would give). Asked of the engine rather than listed here, since a rule
   * set can turn a rule off, require a title in Swedish, or add a custom rule that requires a
   * field. What a rule requires only of some measures (those an organisation leads) is not
   * marked: it is told at the field when it applies.
   */
  function requiredFields() {
    const options = { ...app.options(), explain: false };
    const errors = (m) => app.engine.checkMeasure(m, options).findings.filter((f) => f.severity === "error");
    return new Set([...errors({}), ...errors({ id: "1.1" }).filter((f) => f.path === "/theme")].map((f) => f.path));
  }

  /** " (required)" after a label, in words: a colour or an asterisk alone says nothing to some. */
  const requiredMark = (path) => (required.has(path) ? h("span", { class: "required" }, ` (${t("required")})`) : null);

  // --- field builders ----------------------------------------------------------------------

  function field({ path, label, hint, control, extra, summaryLabel }) {
    const id = idFor(path);
    control.id = id;
    const error = h("div", { id: `${id}-error`, class: "field-error" });
    const hintEl = hint ? h("p", { id: `${id}-hint`, class: "hint" }, hint) : null;
    // The schedule preview describes the field by its words, not its button's (`dataset.describe`).
    describe(control, [hintEl?.id, ...(extra?.dataset.describe?.split(" ") ?? [extra?.id])], [error]);
    if (required.has(path)) control.setAttribute("aria-required", "true");
    register(path, { control, error, label: summaryLabel ?? label });
    // The schedule preview (`extra`) reads what was typed, so it follows the field in reading
    // and tab order; it came before it.
    return h("div", { class: "field" }, h("label", { for: id }, label, requiredMark(path)), hintEl, error, control, extra);
  }

  function textInput(path, value, { multiline = false, list, oninput } = {}) {
    const control = multiline
      ? h("textarea", { rows: 2, spellcheck: "true" })
      : h("input", { type: "text", autocomplete: "off", spellcheck: "false", list });
    control.value = value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
    control.addEventListener("input", () => (oninput ? oninput(control.value) : commit(path, control.value)));
    return control;
  }

  /**
   * The organisations typed into a field, a joint lead's separated by commas. A name that has
   * a comma of its own ("Elinkeino-, liikenne- ja ympäristökeskukset") is one organisation:
   * at each part, the longest run of parts the registry knows as one name is taken. Runs of
   * at most five parts are tried (the registry's names have at most one comma), so that a
   * pasted list of thousands is split in linear time.
   */
  function orgParts(typed) {
    const parts = typed.split(",");
    const out = [];
    for (let i = 0; i < parts.length; ) {
      let j = Math.min(parts.length, i + 5);
      while (j > i + 1 && !app.organisation(parts.slice(i, j).join(","))) j--;
      out.push(parts.slice(i, j).join(",").trim());
      i = j;
    }
    return out;
  }

  /** Shows the registry's name for what is typed into an organisation field. */
  function orgMatch(id, value) {
    const el = h("p", { id: `${id}-org`, class: "org-match" });
    const show = (text) => {
      const names = orgParts(String(text))
        .map((part) => app.organisation(part))
        .filter(Boolean)
        .map((org) => `${org.name[app.state.lang]} (${org.code})`);
      el.textContent = names.join(" · ");
    };
    show(value);
    return { el, show };
  }

  function orgField(path, label, value, { summaryLabel, commitValue } = {}) {
    const text = Array.isArray(value) ? value.join(", ") : (value ?? "");
    const match = orgMatch(idFor(path), text);
    const control = textInput(path, text, {
      list: "organisations",
      oninput: (typed) => {
        match.show(typed);
        commit(path, commitValue ? commitValue(typed) : typed);
      },
    });
    return field({ path, label, control, extra: match.el, summaryLabel });
  }

  /** A joint lead is typed with commas and stored as a list, as the data model has it. */
  function leadValue(typed) {
    const parts = orgParts(typed).filter(Boolean);
    if (parts.length > 1) return parts;
    return typed.includes(",") && !app.organisation(typed) ? (parts[0] ?? "") : typed;
  }

  function select(path, value, options, { numeric = false } = {}) {
    const control = h("select", {}, h("option", { value: "" }, t("choose")));
    for (const [code, text] of options) control.append(h("option", { value: String(code) }, text));
    // A value the form has no option for (typed in the JSON view) stays visible, so its
    // finding has something to point at.
    if (value !== undefined && value !== null && value !== "" && !options.some(([code]) => String(code) === String(value))) {
      control.append(h("option", { value: String(value) }, String(value)));
    }
    control.value = value === undefined || value === null ? "" : String(value);
    control.addEventListener("change", () => {
      const chosen = control.value;
      commit(path, chosen === "" ? undefined : numeric && /^\d+$/.test(chosen) ? Number(chosen) : chosen);
    });
    return control;
  }

  function group({ path, legend, hint, primary, className, children }) {
    const id = idFor(path);
    const error = h("div", { id: `${id}-error`, class: "field-error group-error" });
    const hintEl = hint ? h("p", { id: `${id}-hint`, class: "hint" }, hint) : null;
    const fieldset = h("fieldset", { class: ["group", className] }, h("legend", {}, legend, requiredMark(path)), hintEl, error, children);
    describe(fieldset, [hintEl?.id], [error]);
    register(path, { control: primary, error, label: legend, group: true });
    if (primary) describe(primary, [], [error]);
    return fieldset;
  }

  // --- the form ------------------------------------------------------------------------------

  function titleGroup(m) {
    const inputs = TEXT_LANGS.map((lang) => {
      const path = `/title/${lang}`;
      const control = textInput(path, m.title?.[lang], { multiline: true });
      control.setAttribute("lang", lang);
      return { control, el: field({ path, label: t(`lang.${lang}`), control, summaryLabel: t(`field.title.${lang}`) }) };
    });
    return group({ path: "/title", legend: t("field.title"), hint: t("field.title.hint"), primary: inputs[0].control, children: inputs.map((i) => i.el) });
  }

  function partnersGroup(m) {
    const partners = Array.isArray(m.partners) ? m.partners : [];
    const rows = partners.slice(0, ROWS.partners).map((value, i) => {
      const path = `/partners/${i}`;
      const label = t("field.partner", { n: i + 1 });
      return h(
        "li",
        { class: "row" },
        orgField(path, label, value),
        h(
          "button",
          {
            type: "button",
            class: "button-secondary remove",
            id: `${idFor(path)}-remove`,
            onclick: () => {
              const next = partners.length > 1 ? idFor(`/partners/${Math.min(i, partners.length - 2)}`) : idFor("/partners/add");
              restructure((doc) => doc.partners.splice(i, 1), next, t("said.partnerRemoved", { name: String(value ?? "") }));
            },
          },
          t("remove"),
          hidden(` ${t("field.partner.remove", { n: i + 1 })}`),
        ),
      );
    });
    const addInput = h("input", { type: "text", id: idFor("/partners/add"), list: "organisations", autocomplete: "off", spellcheck: "false" });
    // "PO, PEO, RVL", pasted as the programme prints partners, adds three.
    const add = () => {
      const values = orgParts(addInput.value).filter(Boolean);
      if (!values.length) return;
      restructure((doc) => {
        if (!Array.isArray(doc.partners)) doc.partners = [];
        doc.partners.push(...values);
      }, idFor("/partners/add"), t("said.partnersAdded", { names: values.join(", ") }));
    };
    addInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        add();
      }
    });
    const addRow = h(
      "div",
      { class: "add-row" },
      h("label", { for: addInput.id }, t("field.partner.add")),
      h("div", { class: "row" }, addInput, h("button", { type: "button", class: "button-secondary", onclick: add }, t("add"))),
    );
    return group({
      path: "/partners",
      legend: t("field.partners"),
      hint: t("field.partners.hint"),
      primary: addInput,
      children: [rows.length ? h("ol", { class: "partner-list" }, rows) : null, more("p", partners.length, ROWS.partners, (count) => t("partners.beyond", { count })), addRow],
    });
  }

  function schedulePreview(path, text) {
    const id = `${idFor(path)}-preview`;
    const output = h("span", { class: "preview-text", id: `${id}-text` });
    const use = h("button", { type: "button", class: "button-secondary", id: `${id}-use` }, t("preview.use"));
    // Not a live region: it changed on every keystroke. The field is described by its words
    // (not by the button's), and the form's count is spoken when typing pauses.
    const box = h(
      "div",
      { class: "preview", id, dataset: { describe: `${id}-label ${id}-text` } },
      h("span", { class: "preview-label", id: `${id}-label` }, t("preview.label"), " "),
      output,
      " ",
      use,
    );
    const base = path.replace(/\/text$/, "");
    let reading = null;
    const show = (value) => {
      reading = value.trim() ? app.pkg.parseSchedule(value, app.state.lang) : null;
      output.textContent = reading ? reading.message : t("preview.empty");
      box.classList.toggle("preview-bad", Boolean(reading && !reading.ok));
      use.hidden = !(reading && reading.ok);
    };
    use.addEventListener("click", () => {
      if (!reading?.ok) return;
      restructure((doc) => {
        for (const key of ["start", "end"]) {
          if (reading[key]) pointer.set(doc, `${base}/${key}`, reading[key]);
          else pointer.remove(doc, `${base}/${key}`);
        }
        if (reading.continuous) pointer.set(doc, `${base}/continuous`, true);
        else pointer.remove(doc, `${base}/continuous`);
      }, use.id);
    });
    show(text ?? "");
    return { box, show };
  }

  function scheduleGroup(m) {
    const s = m.schedule && typeof m.schedule === "object" ? m.schedule : {};
    const start = textInput("/schedule/start", s.start);
    const end = textInput("/schedule/end", s.end);
    for (const c of [start, end]) c.setAttribute("inputmode", "numeric");
    const continuous = h("input", { type: "checkbox", id: idFor("/schedule/continuous") });
    continuous.checked = s.continuous === true;
    continuous.addEventListener("change", () => commit("/schedule/continuous", continuous.checked ? true : undefined));
    const preview = schedulePreview("/schedule/text", typeof s.text === "string" ? s.text : "");
    const text = textInput("/schedule/text", s.text, {
      oninput: (value) => {
        preview.show(value);
        commit("/schedule/text", value);
      },
    });
    const continuousError = h("div", { id: `${continuous.id}-error`, class: "field-error" });
    describe(continuous, [], [continuousError]);
    register("/schedule/continuous", { control: continuous, error: continuousError, label: t("field.continuous") });
    return group({
      path: "/schedule",
      legend: t("field.schedule"),
      hint: t("field.schedule.hint"),
      primary: start,
      className: "schedule",
      children: [
        h(
          "div",
          { class: "pair" },
          field({ path: "/schedule/start", label: t("field.start"), hint: t("field.date.hint"), control: start }),
          field({ path: "/schedule/end", label: t("field.end"), hint: t("field.date.hint"), control: end }),
        ),
        h("div", { class: "field checkbox" }, continuousError, continuous, h("label", { for: continuous.id }, t("field.continuous"))),
        field({ path: "/schedule/text", label: t("field.scheduleText"), hint: t("field.scheduleText.hint"), control: text, extra: preview.box }),
      ],
    });
  }

  function statusOptions() {
    return STATUSES.map((code) => [code, t(`status.${code}`)]);
  }

  function stepsGroup(m) {
    const steps = Array.isArray(m.steps) ? m.steps : [];
    const items = steps.slice(0, ROWS.steps).map((step, i) => {
      const base = `/steps/${i}`;
      const stepLabel = t("field.step", { n: step?.number ?? i + 1 });
      const texts = TEXT_LANGS.map((lang) => {
        const path = `${base}/text/${lang}`;
        const control = textInput(path, step?.text?.[lang], { multiline: true });
        control.setAttribute("lang", lang);
        return { control, el: field({ path, label: t(`field.stepText.${lang}`), control, summaryLabel: `${stepLabel}: ${t(`field.stepText.${lang}`)}` }) };
      });
      const scheduleText = step?.schedule?.text;
      const preview = schedulePreview(`${base}/schedule/text`, typeof scheduleText === "string" ? scheduleText : "");
      const scheduleControl = textInput(`${base}/schedule/text`, scheduleText, {
        oninput: (value) => {
          preview.show(value);
          commit(`${base}/schedule/text`, value);
        },
      });
      const scheduleField = field({
        path: `${base}/schedule/text`,
        label: t("field.scheduleText"),
        control: scheduleControl,
        extra: preview.box,
        summaryLabel: `${stepLabel}: ${t("field.scheduleText")}`,
      });
      fields.set(`${base}/schedule`, fields.get(`${base}/schedule/text`));
      const status = select(`${base}/status`, step?.status, statusOptions());
      const remove = h(
        "button",
        {
          type: "button",
          class: "button-secondary remove",
          onclick: () => {
            const numbered = steps.every((s, n) => s?.number === n + 1);
            const next = steps.length > 1 ? idFor(`/steps/${Math.min(i, steps.length - 2)}/text/fi`) : idFor("/steps/add");
            restructure((doc) => {
              doc.steps.splice(i, 1);
              if (numbered) doc.steps.forEach((s, n) => (s.number = n + 1));
              if (doc.steps.length === 0) delete doc.steps;
            }, next, t("said.stepRemoved", { n: step?.number ?? i + 1 }));
          },
        },
        t("step.remove", { n: step?.number ?? i + 1 }),
      );
      return h(
        "li",
        {},
        group({
          path: base,
          legend: stepLabel,
          primary: texts[0].control,
          className: "step",
          children: [
            texts.map((x) => x.el),
            orgField(`${base}/leadBody`, t("field.leadBody"), step?.leadBody, { summaryLabel: `${stepLabel}: ${t("field.leadBody")}`, commitValue: leadValue }),
            scheduleField,
            field({ path: `${base}/status`, label: t("field.status"), control: status, summaryLabel: `${stepLabel}: ${t("field.status")}` }),
            remove,
          ],
        }),
      );
    });
    const addStep = h(
      "button",
      {
        type: "button",
        class: "button-secondary",
        id: idFor("/steps/add"),
        onclick: () =>
          restructure((doc) => {
            if (!Array.isArray(doc.steps)) doc.steps = [];
            // After the highest number, not the count: steps 1 and 3 get a 4, not a second 3.
            const numbers = doc.steps.map((s) => (Number.isInteger(s?.number) ? s.number : 0));
            doc.steps.push({ number: Math.max(0, ...numbers) + 1, text: {} });
          }, idFor(`/steps/${steps.length}/text/fi`), t("said.stepAdded")),
      },
      t("step.add"),
    );
    return group({
      path: "/steps",
      legend: t("field.steps"),
      hint: t("field.steps.hint"),
      primary: addStep,
      className: "steps",
      children: [items.length ? h("ol", { class: "step-list" }, items) : h("p", { class: "hint" }, t("steps.none")), more("p", steps.length, ROWS.steps, (count) => t("steps.beyond", { count })), addStep],
    });
  }

  function build() {
    const focused = panel.contains(document.activeElement) ? document.activeElement.id : null;
    fields = new Map();
    descriptions = new Map();
    required = requiredFields();
    const m = measure();
    const heading = h("h2", { tabindex: "-1", id: "form-heading" }, t("form.heading"));
    summaryCount = h("p", { class: "summary-count" });
    summaryList = h("ul", { class: "summary-list" });
    const summary = h(
      "section",
      { class: "summary", "aria-labelledby": "summary-heading" },
      h("h3", { id: "summary-heading" }, t("summary.heading")),
      summaryCount,
      summaryList,
    );
    const idInput = textInput("/id", m.id);
    const theme = select(
      "/theme",
      m.theme,
      THEMES.map((n) => [n, `${n} ${t(`theme.${n}`)}`]),
      { numeric: true },
    );
    const form = h(
      "form",
      { class: "measure-form", novalidate: true, "aria-labelledby": "form-heading" },
      h(
        "div",
        { class: "pair" },
        field({ path: "/id", label: t("field.id"), hint: t("field.id.hint"), control: idInput }),
        field({ path: "/theme", label: t("field.theme"), hint: t("field.theme.hint"), control: theme }),
      ),
      titleGroup(m),
      orgField("/leadBody", t("field.leadBody"), m.leadBody, { commitValue: leadValue }),
      partnersGroup(m),
      scheduleGroup(m),
      field({ path: "/status", label: t("field.status"), control: select("/status", m.status, statusOptions()) }),
      stepsGroup(m),
    );
    // The lead body's hint names the joint-lead convention; it goes under the label.
    const leadField = fields.get("/leadBody");
    const leadHint = h("p", { id: `${leadField.control.id}-hint`, class: "hint" }, t("field.leadBody.hint"));
    leadField.control.closest(".field").querySelector("label").after(leadHint);
    describe(leadField.control, [leadHint.id]);
    // Enter in a text field must not send the page anywhere: the form is checked as it is typed.
    form.addEventListener("submit", (event) => event.preventDefault());
    fill(
      panel,
      h(
        "div",
        { class: "panel-head" },
        heading,
        h(
          "div",
          { class: "actions" },
          h("button", { type: "button", class: "button-secondary", onclick: () => restructure((doc) => Object.keys(doc).forEach((k) => delete doc[k]), idFor("/id"), t("said.new")) }, t("form.new")),
          // With an id, the rebuilt form gives it focus back; a keyboard user was left on the
          // page's body, at its start.
          h(
            "button",
            {
              type: "button",
              id: "form-example",
              class: "button-secondary",
              onclick: () => {
                app.setMeasure(structuredClone(app.example), "example");
                app.announce(t("form.exampleLoaded"));
              },
            },
            t("form.example"),
          ),
        ),
      ),
      h("p", { class: "intro" }, t("form.intro")),
      summary,
      form,
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  /** The field a finding's pointer belongs to: the longest registered prefix. */
  function target(path) {
    let tokens;
    try {
      tokens = pointer.parse(path);
    } catch {
      return null;
    }
    for (let n = tokens.length; n > 0; n--) {
      const entry = fields.get(pointer.format(tokens.slice(0, n)));
      if (entry) return entry;
    }
    return null;
  }

  function focusField(entry) {
    if (!entry?.control) return;
    entry.control.focus();
    entry.control.scrollIntoView?.({ block: "center" });
  }

  /** `id`, when given, is the finding's text's, by which its field is described. */
  function findingNode(finding, id) {
    const node = h(
      "p",
      { class: `finding finding-${finding.severity}` },
      h("span", { class: "finding-text", id }, h("span", { class: "badge" }, t(`severity.${finding.severity}`)), hidden(": "), " ", h("span", { class: "message" }, finding.message)),
    );
    if (finding.fix) {
      node.append(
        " ",
        h(
          "button",
          {
            type: "button",
            class: "button-fix",
            onclick: () => {
              const m = pointer.applyOp(measure(), finding.fix);
              app.setMeasure(m, "fix");
              focusField(target(finding.fix.path));
            },
          },
          t("fix.apply"),
          h("span", { class: "fix-value" }, `: ${fixValue(finding.fix, t)}`),
        ),
      );
    }
    return node;
  }

  /** "Why?" for a finding: its explanation, open again if it was open before this check. */
  function explanation(finding) {
    const key = `${finding.rule}\u0000${finding.path}`;
    return explainNode(finding, t, {
      lang: app.state.lang,
      open: openExplanations.has(key),
      onToggle: (open) => (open ? openExplanations.add(key) : openExplanations.delete(key)),
    });
  }

  function showFindings() {
    const invalid = new Set();
    for (const entry of fields.values()) {
      entry.error.replaceChildren();
      entry.control?.removeAttribute("aria-invalid");
    }
    const items = [];
    const shownAt = new Map();
    for (const finding of report.findings) {
      const entry = finding.path === "" ? null : target(finding.path);
      if (entry) {
        // A field shows its first few; the rows past `ROWS` all fall to their list's field.
        const n = (shownAt.get(entry) ?? 0) + 1;
        shownAt.set(entry, n);
        if (n <= AT_A_FIELD) entry.error.append(findingNode(finding, `${entry.error.id}-${n}`), explanation(finding));
        // Invalid is for errors alone: a warning does not stop the measure, and a screen reader
        // announcing "invalid" for it (and a red border) said otherwise. The embed example does so too.
        if (finding.severity === "error" && entry.control && /^(INPUT|SELECT|TEXTAREA)$/.test(entry.control.tagName)) invalid.add(entry.control);
      }
      if (items.length === LISTED) continue;
      const where = finding.path === "" ? t("summary.whole") : entry ? entry.label : t("summary.field", { path: finding.path });
      const button = h(
        "button",
        {
          type: "button",
          class: "summary-link",
          onclick: () => (entry ? focusField(entry) : app.views.json.reveal(finding)),
        },
        h("span", { class: "summary-where" }, `${where}: `),
        finding.message,
        entry ? null : h("span", { class: "summary-note" }, ` ${t("summary.inJson")}`),
      );
      items.push(
        h(
          "li",
          { class: `finding-${finding.severity}` },
          h("span", { class: "badge" }, t(`severity.${finding.severity}`)),
          hidden(": "),
          " ",
          button,
          entry || !finding.fix ? null : findingNode(finding).querySelector(".button-fix"),
          // A finding with no field of its own is explained here.
          entry ? null : explanation(finding),
        ),
      );
    }
    for (const control of invalid) control.setAttribute("aria-invalid", "true");
    for (const [control, entry] of descriptions) setDescription(control, entry);
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, report.summary[s]]));
    summaryCount.textContent = report.findings.length ? t("summary.count", counts) : t("summary.none");
    spoken.say(summaryCount.textContent);
    const rest = more("li", report.findings.length, LISTED, (count) => t("summary.more", { count }));
    if (rest) items.push(rest);
    summaryList.replaceChildren(...items);
    summaryList.hidden = items.length === 0;
  }

  function check() {
    report = app.engine.checkMeasure(measure(), { ...app.options(), explain: true });
    showFindings();
  }

  return {
    get report() {
      return report;
    },
    /** Shows the form with focus at a finding's field (or the finding in the JSON view). */
    reveal(finding) {
      const entry = finding.path === "" ? null : target(finding.path);
      if (!entry) {
        app.views.json.reveal(finding);
        return;
      }
      app.setView("form", { focus: "none" });
      focusField(entry);
    },
    update(what, source) {
      if (what === "measure" && source === "form") {
        check();
        return;
      }
      if (what === "ruleset-refused") return;
      if (what === "asOf") {
        check();
        return;
      }
      if (what === "engine") {
        // New organisations change what the pickers recognise.
        build();
        check();
        return;
      }
      build();
      check();
    },
  };
}
