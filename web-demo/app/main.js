// The demo page: one state (view, language, date, measure, rule set), one engine built from
// the rule set, and four views that show the state and change it through `app`.
import { LANGS, translate } from "../i18n.js";
import { decode, encode, isDay, VIEWS } from "./share.js";

const DEFAULT_RULESET = `{
  "id": "demo",
  "version": "1.0.0",
  "rules": {}
}
`;

/** What the form shows on a first visit: a real measure (2.6a) keyed in as people do. */
export const EXAMPLE_MEASURE = {
  id: "2.6. a)",
  theme: 2,
  title: {
    fi: "Vahvistetaan itärajan valvontaa sekä rajatarkastuksia, päivitetään varautumissuunnitelmat ja tiivistetään yhteistyötä Frontexin kanssa.",
  },
  leadBody: "Sisäministeriö",
  partners: ["PO", "PEO", "RVL", "Tuli"],
  schedule: { text: "vuoden 2018 aikana" },
  status: "in-progress",
  steps: [
    {
      number: 1,
      text: { fi: "Rajavartiolaitos toteuttaa henkilöstön kohdentamista itärajan valvontaan erillisen suunnitelman mukaisesti." },
    },
  ],
};

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function preferredLang() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (LANGS.includes(base)) return base;
  }
  return "en";
}

function translateStatic(lang) {
  document.documentElement.lang = lang;
  document.title = translate(lang, "doc.title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = translate(lang, el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", translate(lang, el.dataset.i18nLabel));
  for (const button of document.querySelectorAll("[data-lang]")) button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
}

async function boot() {
  const fromLink = decode(location.hash) ?? {};
  const lang = fromLink.lang ?? preferredLang();
  translateStatic(lang);
  let pkg;
  try {
    pkg = await import("../measure-rules/index.js");
  } catch (error) {
    document.getElementById("loading").textContent = translate(lang, "load.failed", { error: error.message });
    return;
  }
  const [{ createForm }, { createJsonView }, { createProgramme }, { createRules }] = await Promise.all([
    import("./form.js"),
    import("./json-view.js"),
    import("./programme.js"),
    import("./rules.js"),
  ]);

  const app = {
    pkg,
    state: {
      view: fromLink.view ?? "form",
      lang,
      asOf: fromLink.asOf ?? today(),
      measure: fromLink.measure ?? structuredClone(EXAMPLE_MEASURE),
      ruleset: DEFAULT_RULESET,
    },
    defaultRuleset: DEFAULT_RULESET,
    example: EXAMPLE_MEASURE,
    /** A rule set from a link that the engine refused: the editor shows it with the reasons. */
    rulesetDraft: undefined,
    // The rule set the editor shows, as "back to the default" applies it: the built-in rules
    // alone named the page's first reports "default 0.1.0" beside an editor holding "demo 1.0.0".
    engine: new pkg.Engine(DEFAULT_RULESET),
    /** The message of the rule set last refused, while the editor holds it. */
    rulesetError: null,
    /** The refusal's problems as the engine gives them, `{ path, message }` each. */
    rulesetProblems: null,
    organisations: [],
    views: {},
    t: (key, params) => translate(app.state.lang, key, params),
    options: () => ({ lang: app.state.lang, asOf: app.state.asOf }),

    /** Replaces the measure; `source` is the view the change came from, which keeps its DOM. */
    setMeasure(measure, source) {
      app.state.measure = measure;
      notify("measure", source);
    },
    setLang(next) {
      if (!LANGS.includes(next) || next === app.state.lang) return;
      app.state.lang = next;
      translateStatic(next);
      refreshOrganisations();
      notify("lang");
    },
    setAsOf(date) {
      app.state.asOf = date;
      notify("asOf");
    },
    /** Builds an engine from the rule set text; a refused one leaves the last good engine running. */
    setRuleset(text) {
      let engine;
      try {
        engine = new pkg.Engine(text);
      } catch (error) {
        app.rulesetError = error.message ?? String(error);
        app.rulesetProblems = error.problems ?? null;
        notify("ruleset-refused");
        return false;
      }
      app.engine.free();
      app.engine = engine;
      app.state.ruleset = text;
      app.rulesetError = null;
      app.rulesetProblems = null;
      refreshOrganisations();
      notify("engine");
      return true;
    },
    setView(view, { focus = "tab" } = {}) {
      selectTab(view, focus);
    },
    announce(text) {
      const announcer = document.getElementById("announcer");
      // Emptied first so that the same text said twice is announced twice.
      announcer.textContent = "";
      setTimeout(() => (announcer.textContent = text), 50);
    },
    /** The organisation a code, name or alias stands for, as the registry and rule set know it. */
    organisation(value) {
      return orgIndex.get(String(value ?? "").trim().toLowerCase());
    },
  };

  let orgIndex = new Map();
  function refreshOrganisations() {
    app.organisations = app.engine.organisations();
    orgIndex = new Map();
    for (const org of app.organisations) {
      for (const name of [org.code, ...Object.values(org.name), ...(org.aliases ?? [])]) {
        const key = name.toLowerCase();
        if (!orgIndex.has(key)) orgIndex.set(key, org);
      }
    }
    // One list for every organisation picker on the page, in the current language.
    const list = document.getElementById("organisations") ?? document.body.appendChild(document.createElement("datalist"));
    list.id = "organisations";
    list.replaceChildren(
      ...app.organisations.map((org) => {
        const option = document.createElement("option");
        option.value = org.code;
        option.label = org.name[app.state.lang];
        return option;
      }),
    );
  }

  if (fromLink.ruleset !== undefined && fromLink.ruleset !== DEFAULT_RULESET) {
    try {
      app.engine = new pkg.Engine(fromLink.ruleset);
      app.state.ruleset = fromLink.ruleset;
    } catch (error) {
      app.rulesetError = error.message ?? String(error);
      app.rulesetProblems = error.problems ?? null;
      app.rulesetDraft = fromLink.ruleset;
    }
  }
  refreshOrganisations();

  const panels = {
    form: document.getElementById("panel-form"),
    json: document.getElementById("panel-json"),
    programme: document.getElementById("panel-programme"),
    rules: document.getElementById("panel-rules"),
  };
  app.views.form = createForm(app, panels.form);
  app.views.json = createJsonView(app, panels.json);
  app.views.programme = createProgramme(app, panels.programme);
  app.views.rules = createRules(app, panels.rules);

  function notify(what, source) {
    for (const view of Object.values(app.views)) view.update(what, source);
    updateFooter();
    scheduleLink();
  }

  // --- the link -------------------------------------------------------------------------
  const shareInput = document.getElementById("share-link");
  const shareStatus = document.getElementById("share-status");
  let linkTimer = 0;
  function writeLink() {
    clearTimeout(linkTimer);
    linkTimer = 0;
    const { view, lang, asOf, measure, ruleset } = app.state;
    const hash = encode({ view, lang, asOf, measure, ruleset });
    if (location.hash !== hash) {
      history.replaceState(null, "", hash);
      // "Link copied" was said of the previous link.
      shareStatus.textContent = "";
    }
    shareInput.value = location.href;
  }
  // Typing changes the state at every key; the address follows a moment later. At most one
  // write is pending, and a new change does not postpone it: a stream of changes less than
  // 250 ms apart (fast typing, a test) must not keep the address stale.
  function scheduleLink() {
    if (!linkTimer) linkTimer = setTimeout(writeLink, 250);
  }
  document.getElementById("share-copy").addEventListener("click", async () => {
    writeLink();
    try {
      await navigator.clipboard.writeText(shareInput.value);
      shareStatus.textContent = app.t("share.copied");
    } catch {
      shareInput.select();
      shareStatus.textContent = app.t("share.failed");
    }
  });
  // A link pasted into the address bar of an open page.
  window.addEventListener("hashchange", () => {
    const next = decode(location.hash);
    if (!next) return;
    if (next.lang) app.setLang(next.lang);
    if (next.asOf) {
      asOfInput.value = next.asOf;
      app.setAsOf(next.asOf);
    }
    if (next.ruleset !== undefined && next.ruleset !== app.state.ruleset) app.setRuleset(next.ruleset);
    if (next.measure) app.setMeasure(next.measure, "link");
    if (next.view) selectTab(next.view, "none");
  });

  // --- language, date, footer -------------------------------------------------------------
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.addEventListener("click", () => app.setLang(button.dataset.lang));
  }
  const asOfInput = document.getElementById("as-of");
  asOfInput.value = app.state.asOf;
  // A cleared or half-typed date keeps the last full one: the rules need a day.
  asOfInput.addEventListener("change", () => {
    if (isDay(asOfInput.value)) app.setAsOf(asOfInput.value);
  });
  asOfInput.addEventListener("blur", () => {
    if (!isDay(asOfInput.value)) asOfInput.value = app.state.asOf;
  });
  function updateFooter() {
    const report = app.views.form.report;
    document.getElementById("versions").textContent = app.t("footer.versions", {
      engine: pkg.version(),
      ruleset: app.engine.ruleset.id,
      rulesetVersion: app.engine.ruleset.version,
      registry: report?.registry ?? "",
    });
  }

  // --- tabs (WAI-ARIA tabs pattern, activation follows focus) ---------------------------------
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  function selectTab(view, focus) {
    if (!VIEWS.includes(view)) return;
    app.state.view = view;
    for (const tab of tabs) {
      const selected = tab.dataset.view === view;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels[tab.dataset.view].hidden = !selected;
    }
    app.views[view].shown?.();
    if (focus === "tab") tabs.find((t) => t.dataset.view === view).focus();
    else if (focus === "heading") panels[view].querySelector("h2")?.focus();
    scheduleLink();
  }
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab.dataset.view, "tab"));
    tab.addEventListener("keydown", (event) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      selectTab(tabs[(to + tabs.length) % tabs.length].dataset.view, "tab");
    });
  }

  // The skip link's own fragment would replace the state in the address: move focus instead.
  document.querySelector(".skip-link").addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main").focus();
  });

  document.getElementById("loading").remove();
  document.getElementById("app").hidden = false;
  selectTab(app.state.view, "none");
  for (const view of Object.values(app.views)) view.update("init");
  updateFooter();
  writeLink();
  // The end-to-end tests and the benchmark wait for this.
  document.documentElement.dataset.ready = "true";
}

boot();
