// The worked example of the rules view: a rule set with three custom rules (an
// organisation's own requirements, written as data; the first applies to the form's example
// measure) and tests for them, and the template the "Add a custom rule" button starts from.

/** JSON as people format it by hand: a value that fits on its line (`width`) stays on one. */
export function pretty(value, width = 100, indent = "", lead = 0) {
  const flat = inline(value);
  if (value === null || typeof value !== "object" || indent.length + lead + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + pretty(v, width, inner)).join(",\n")}\n${indent}]`;
  }
  const lines = Object.entries(value).map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + pretty(v, width, inner, key.length);
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

function inline(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(", ")} }` : "{}";
}

const SCHEDULED = { start: "2018", end: "2019" };

export const WORKED_EXAMPLE = {
  id: "fi.example.custom-rules",
  version: "1.0.0",
  description: "An organisation's own requirements as custom rules, with tests.",
  rules: {},
  custom: [
    {
      id: "example/sm-swedish-title",
      severity: "error",
      description: {
        fi: "Sisäministeriön johtamilla toimenpiteillä on ruotsinkielinen otsikko.",
        sv: "Åtgärder som inrikesministeriet leder har en svensk rubrik.",
        en: "Measures the Ministry of the Interior leads have a Swedish title.",
      },
      when: { path: "/leadBody", organisation: "SM" },
      require: { path: "/title/sv", present: true },
      path: "/title/sv",
      message: {
        fi: "Toimenpidettä johtaa sisäministeriö, joten sillä on oltava otsikko ruotsiksi.",
        sv: "Åtgärden leds av inrikesministeriet och ska därför ha en rubrik på svenska.",
        en: "The Ministry of the Interior leads this measure, so it needs a title in Swedish.",
      },
    },
    {
      id: "example/theme-7-partner",
      severity: "error",
      description: {
        fi: "Teeman 7 toimenpiteissä Kuntaliitto on vastuutahona.",
        sv: "Kommunförbundet är ansvarig i åtgärderna inom tema 7.",
        en: "Measures of theme 7 name Kuntaliitto as a partner.",
      },
      when: { path: "/theme", equals: 7 },
      require: { path: "/partners", organisation: "Kuntaliitto" },
      path: "/partners",
      params: { theme: "/theme" },
      message: {
        fi: "Teeman {theme} toimenpiteen muissa vastuutahoissa on oltava Kuntaliitto.",
        sv: "En åtgärd inom tema {theme} ska ha Kommunförbundet bland de övriga ansvariga.",
        en: "A measure of theme {theme} must name Kuntaliitto as a partner.",
      },
    },
    {
      id: "example/completed-progress",
      severity: "warning",
      description: {
        fi: "Valmiista toimenpiteestä on edistymismerkintä.",
        sv: "En slutförd åtgärd har en lägesrapport.",
        en: "A completed measure has a progress note.",
      },
      when: { path: "/status", equals: "completed" },
      require: { path: "/progress", length: { min: 1 } },
      path: "/status",
      message: {
        fi: "Toimenpide on merkitty valmiiksi, mutta siitä ei ole edistymismerkintää (progress, JSON-näkymässä).",
        sv: "Åtgärden är markerad som slutförd men saknar lägesrapport (progress, i JSON-vyn).",
        en: "The measure is marked completed but has no progress note (progress, in the JSON view).",
      },
    },
  ],
  tests: [
    {
      name: "theme 7 without Kuntaliitto",
      measure: { id: "7.1", theme: 7, title: { fi: "Esimerkki", sv: "Exempel" }, leadBody: "PO", partners: ["SM"], schedule: SCHEDULED, status: "planned" },
      expect: [{ rule: "example/theme-7-partner", path: "/partners", severity: "error" }],
    },
    {
      name: "theme 7 with Kuntaliitto by its Finnish name",
      measure: { id: "7.1", theme: 7, title: { fi: "Esimerkki", sv: "Exempel" }, leadBody: "PO", partners: ["Suomen Kuntaliitto"], schedule: SCHEDULED, status: "planned" },
      expect: [],
    },
    {
      name: "completed and led by the ministry: a progress note and a Swedish title are missing",
      measure: { id: "2.1", theme: 2, title: { fi: "Esimerkki" }, leadBody: "Sisäministeriö", partners: ["PO"], schedule: { start: "2018", end: "2018" }, status: "completed" },
      expect: [
        { rule: "example/completed-progress", path: "/status" },
        { rule: "example/sm-swedish-title", path: "/title/sv" },
      ],
    },
  ],
};

export const WORKED_EXAMPLE_TEXT = `${pretty(WORKED_EXAMPLE)}\n`;

/** A new custom rule that works as it is: a measure in progress needs a step. */
export function ruleTemplate(id) {
  return {
    id,
    severity: "warning",
    description: {
      fi: "Käynnissä olevalla toimenpiteellä on vähintään yksi vaihe.",
      sv: "En pågående åtgärd har minst ett steg.",
      en: "A measure in progress has at least one step.",
    },
    when: { path: "/status", equals: "in-progress" },
    require: { path: "/steps", length: { min: 1 } },
    path: "/steps",
    message: {
      fi: "Käynnissä olevalla toimenpiteellä on oltava vähintään yksi vaihe.",
      sv: "En pågående åtgärd ska ha minst ett steg.",
      en: "A measure in progress needs at least one step.",
    },
  };
}
