// The real 2017 programme, checked in the page: the same call the CLI makes, so the counts
// here are the CLI's. Findings belong to the measure their pointer starts in
// (`/measures/7/...`); the rest are about the programme as a whole.
import { fill, h, hidden, uid } from "./dom.js";

const SOURCE = "data/programme-2017.json";
const SEVERITIES = ["error", "warning", "info"];

/** The index of the measure a finding's pointer is in, or -1. */
export function measureIndex(path) {
  const m = /^\/measures\/(\d+)(?:\/|$)/.exec(path);
  return m ? Number(m[1]) : -1;
}

export function createProgramme(app, panel) {
  const t = (key, params) => app.t(key, params);
  let text = null;
  let doc = null;
  let report = null;
  const filters = { rule: "", severity: "", org: "" };
  let status;
  let content;
  let results;
  let loadButton;

  function build() {
    status = h("p", { class: "prog-status", role: "status", id: "prog-status" });
    content = h("div", { class: "prog-content" });
    loadButton = h("button", { type: "button", class: "button-primary", id: "prog-load", onclick: load }, text ? t("prog.reload") : t("prog.load"));
    fill(panel, h("h2", { tabindex: "-1" }, t("prog.heading")), h("p", { class: "intro" }, t("prog.intro")), h("div", { class: "actions" }, loadButton), status, content);
  }

  async function load() {
    status.textContent = t("prog.loading");
    try {
      const response = await fetch(SOURCE, { cache: "no-store" });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      text = await response.text();
      doc = JSON.parse(text);
    } catch (error) {
      text = doc = report = null;
      status.textContent = t("prog.failed", { error: error.message });
      content.replaceChildren();
      return;
    }
    loadButton.textContent = t("prog.reload");
    run();
  }

  function run() {
    report = app.engine.checkProgramme(text, app.options());
    status.textContent = t("prog.summary", { measures: report.measures, asOf: report.asOf, ...report.summary });
    render();
  }

  /** The organisation codes a measure names as lead or partner, resolved through the registry. */
  function organisationsOf(measure) {
    const lead = Array.isArray(measure.leadBody) ? measure.leadBody : measure.leadBody ? [measure.leadBody] : [];
    const partners = Array.isArray(measure.partners) ? measure.partners : [];
    return new Set([...lead, ...partners].filter((x) => typeof x === "string").map((x) => app.organisation(x)?.code ?? x));
  }

  function render() {
    const measures = Array.isArray(doc.measures) ? doc.measures : [];
    const perMeasure = measures.map(() => []);
    const whole = [];
    for (const f of report.findings) {
      const i = measureIndex(f.path);
      (i >= 0 && i < measures.length ? perMeasure[i] : whole).push(f);
    }
    const orgSets = measures.map((m) => organisationsOf(m ?? {}));

    const ruleCounts = new Map();
    for (const f of report.findings) ruleCounts.set(f.rule, (ruleCounts.get(f.rule) ?? 0) + 1);
    const orgCodes = [...new Set(orgSets.flatMap((set) => [...set]))].sort((a, b) => a.localeCompare(b, "fi"));
    if (filters.rule && !ruleCounts.has(filters.rule)) filters.rule = "";
    if (filters.org && !orgCodes.includes(filters.org)) filters.org = "";

    const selectFor = (key, label, options) => {
      const id = `prog-filter-${key}`;
      const control = h("select", { id }, h("option", { value: "" }, t("prog.filter.all")), options.map(([value, text]) => h("option", { value }, text)));
      control.value = filters[key];
      control.addEventListener("change", () => {
        filters[key] = control.value;
        renderResults();
      });
      return h("div", { class: "field" }, h("label", { for: id }, label), control);
    };
    const filterBox = h(
      "fieldset",
      { class: "group filters" },
      h("legend", {}, t("prog.filters")),
      h(
        "div",
        { class: "filter-row" },
        selectFor("rule", t("prog.filter.rule"), [...ruleCounts].sort((a, b) => a[0].localeCompare(b[0])).map(([rule, n]) => [rule, `${rule} (${n})`])),
        selectFor("severity", t("prog.filter.severity"), SEVERITIES.map((sev) => [sev, t(`severity.${sev}`)])),
        selectFor(
          "org",
          t("prog.filter.org"),
          orgCodes.map((code) => {
            const org = app.organisation(code);
            return [code, org && org.code === code ? `${code} — ${org.name[app.state.lang]}` : code];
          }),
        ),
      ),
      h(
        "button",
        {
          type: "button",
          class: "button-secondary",
          onclick: () => {
            Object.keys(filters).forEach((k) => (filters[k] = ""));
            render();
            document.getElementById("prog-filter-rule")?.focus();
          },
        },
        t("prog.filter.clear"),
      ),
    );
    results = h("div", { class: "prog-results" });
    content.replaceChildren(filterBox, results);

    function renderResults() {
      const matches = (f) => (!filters.rule || f.rule === filters.rule) && (!filters.severity || f.severity === filters.severity);
      const filtering = Boolean(filters.rule || filters.severity);
      const rows = [];
      measures.forEach((m, i) => {
        if (filters.org && !orgSets[i].has(filters.org)) return;
        const shown = perMeasure[i].filter(matches);
        if (filtering && shown.length === 0) return;
        rows.push({ m: m ?? {}, i, findings: shown });
      });
      const wholeShown = filters.org ? [] : whole.filter(matches);
      const shownFindings = [...rows.flatMap((r) => r.findings), ...wholeShown];
      fill(
        results,
        h("p", { class: "prog-shown", role: "status" }, t("prog.shown", { shown: rows.length, total: measures.length })),
        chart(shownFindings),
        table(rows),
        wholeShown.length
          ? h(
              "section",
              { class: "prog-whole", "aria-labelledby": "prog-whole-heading" },
              h("h3", { id: "prog-whole-heading" }, t("prog.programmeLevel")),
              h(
                "ul",
                {},
                wholeShown.map((f) => h("li", { class: `finding-${f.severity}` }, h("span", { class: "badge" }, t(`severity.${f.severity}`)), hidden(": "), " ", h("code", {}, f.rule), " ", f.message)),
              ),
            )
          : null,
      );
    }
    renderResults();
  }

  function chart(findings) {
    const byRule = new Map();
    for (const f of findings) {
      const entry = byRule.get(f.rule) ?? { rule: f.rule, severity: f.severity, n: 0 };
      entry.n += 1;
      byRule.set(f.rule, entry);
    }
    const bars = [...byRule.values()].sort((a, b) => b.n - a.n || a.rule.localeCompare(b.rule));
    const headingId = uid("chart-heading");
    const section = h("section", { class: "prog-chart", "aria-labelledby": headingId }, h("h3", { id: headingId }, t("prog.chart")));
    if (bars.length === 0) {
      section.append(h("p", {}, t("prog.chart.empty")));
      return section;
    }
    // Bars of HTML, not an SVG: an SVG's text scales with its width, and at 320 px the rules'
    // names were 5 px high; these wrap and zoom as the page's text does. The widths are set
    // through the CSSOM, which the page's CSP allows where it refuses style attributes.
    const max = Math.max(...bars.map((b) => b.n));
    const descId = uid("chart-desc");
    const list = h(
      "ol",
      { class: "chart", "aria-describedby": descId },
      bars.map((b) => {
        const bar = h("span", { class: "bar-fill" });
        bar.style.width = `${(100 * b.n) / max}%`;
        return h(
          "li",
          { class: `bar bar-${b.severity}` },
          h("code", { class: "bar-label" }, b.rule),
          h("span", { class: "bar-track", "aria-hidden": "true" }, bar),
          // The severity in words as well as in colour.
          h("span", { class: "bar-value" }, String(b.n), " ", h("span", { class: "bar-severity" }, t(`severity.${b.severity}`))),
        );
      }),
    );
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, t("prog.filter.rule")),
      h("th", { scope: "col" }, t("prog.filter.severity")),
      h("th", { scope: "col", class: "num" }, t("prog.chart.count")),
    );
    const lines = bars.map((b) =>
      h("tr", {}, h("th", { scope: "row" }, h("code", {}, b.rule)), h("td", {}, t(`severity.${b.severity}`)), h("td", { class: "num" }, String(b.n))),
    );
    const data = h(
      "details",
      { class: "chart-data" },
      h("summary", {}, t("prog.chart.table")),
      h("div", { class: "table-wrap" }, h("table", {}, h("thead", {}, head), h("tbody", {}, lines))),
    );
    section.append(h("p", { id: descId, class: "visually-hidden" }, t("prog.chart.desc")), list, data);
    return section;
  }

  function table(rows) {
    const lang = app.state.lang;
    const captionId = uid("prog-caption");
    const totals = { error: 0, warning: 0, info: 0 };
    const body = rows.map(({ m, i, findings }) => {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const f of findings) counts[f.severity] += 1;
      for (const sev of SEVERITIES) totals[sev] += counts[sev];
      const titleLang = m.title?.[lang] ? lang : ["fi", "sv", "en"].find((l) => m.title?.[l]);
      const lead = Array.isArray(m.leadBody) ? m.leadBody.join(", ") : typeof m.leadBody === "string" ? m.leadBody : "";
      const id = typeof m.id === "string" ? m.id : String(i + 1);
      return h(
        "tr",
        { dataset: { index: String(i) } },
        h("th", { scope: "row" }, id),
        h("td", { lang: titleLang && titleLang !== lang ? titleLang : undefined }, h("div", { class: "clamp" }, titleLang ? m.title[titleLang] : "")),
        h("td", {}, lead),
        SEVERITIES.map((sev) => h("td", { class: ["num", counts[sev] ? `count-${sev}` : null], dataset: { severity: sev } }, String(counts[sev]))),
        h(
          "td",
          {},
          h(
            "button",
            {
              type: "button",
              class: "button-secondary small",
              onclick: () => {
                app.setMeasure(structuredClone(doc.measures[i]), "programme");
                app.setView("form", { focus: "heading" });
                app.announce(t("prog.opened", { id }));
              },
            },
            t("prog.open"),
            hidden(` ${t("prog.open.which", { id })}`),
          ),
        ),
      );
    });
    return h(
      "div",
      { class: "table-wrap", role: "region", "aria-labelledby": captionId, tabindex: "0" },
      h(
        "table",
        { class: "prog-table" },
        h("caption", { id: captionId }, t("prog.table")),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("prog.col.id")),
            h("th", { scope: "col" }, t("prog.col.title")),
            h("th", { scope: "col" }, t("prog.col.lead")),
            SEVERITIES.map((sev) => h("th", { scope: "col", class: "num" }, t(`prog.col.${sev}`))),
            h("th", { scope: "col" }, t("prog.col.open")),
          ),
        ),
        h("tbody", {}, body.length ? body : h("tr", {}, h("td", { colspan: 7 }, t("prog.none")))),
        h(
          "tfoot",
          {},
          h("tr", {}, h("th", { scope: "row", colspan: 3 }, t("prog.total")), SEVERITIES.map((sev) => h("td", { class: "num", dataset: { total: sev } }, String(totals[sev]))), h("td", {})),
        ),
      ),
    );
  }

  return {
    update(what) {
      if (what === "ruleset-refused" || what === "measure") return;
      if (what === "init" || what === "lang") build();
      if (text && (what === "lang" || what === "asOf" || what === "engine")) run();
    },
  };
}
