// The peer json-rules-engine (7.3), given the four checks a form needs, written the way its
// documentation suggests: the measure is a runtime fact, derived values are dynamic facts
// (computed once per run and cached by the almanac), conditions compare facts with facts,
// and each failed check is an event carrying a fixed Finnish message.
//
// What it checks (and what it cannot):
//   1. lead body: present (`lead-body.required`); every lead a code, alias, name or
//      PARENT/CODE path of data/organisations.json, compared case- and space-insensitively
//      (`lead-body.unknown`). No "did you mean", no alias-to-code fix.
//   2. partners: at least one (`partners.required`).
//   3. schedule: present, as the engine counts it (start, end, continuous or text, or every
//      step scheduled) (`schedule.required`); start not after end, comparing the first day of
//      the start with the last day of the end, so "2018-05" to "2018" is in order
//      (`schedule.order`). Dates only: the free-text schedule ("Syksy 2018") is not read.
//   4. status: present (`status.required`), one of the seven codes (`status.invalid`), and
//      consistent with the schedule's dates as of `asOf` (`status.schedule`): completed with
//      a future start, planned with a past start, in progress past its end, continuous with
//      a schedule that ends. Only explicit dates count (no text parsing).
// Messages are Finnish, fixed per rule; the offending value is put in by the engine's
// `replaceFactsInEventParams`. Conditions name facts, not JSONPath: in a trial, reading the
// status with `path: "$.status"` (jsonpath-plus) made each run 1.5 to 2 times slower, so the
// peer avoids it.

export const STATUSES = ["planned", "in-progress", "continuous", "completed", "delayed", "suspended", "cancelled"];

const fold = (s) => s.trim().split(/\s+/).join(" ").toLowerCase();

/** Every name under which the registry knows an organisation, folded. */
export function knownNames(registry) {
  const names = new Set();
  for (const o of registry.organisations) {
    names.add(fold(o.code));
    for (const a of o.aliases ?? []) names.add(fold(a));
    if (o.parent) names.add(fold(`${o.parent}/${o.code}`));
    for (const n of Object.values(o.name)) names.add(fold(n));
  }
  return names;
}

/** A date at year, month or day precision as [first day, last day] in days since 1970, or null. */
function days(text) {
  if (typeof text !== "string") return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const y = +m[1];
  const mo = m[2] ? +m[2] : null;
  const d = m[3] ? +m[3] : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  const DAY = 86_400_000;
  if (mo === null) return [Date.UTC(y, 0, 1) / DAY, Date.UTC(y, 11, 31) / DAY];
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d === null) return [Date.UTC(y, mo - 1, 1) / DAY, Date.UTC(y, mo - 1, last) / DAY];
  if (d < 1 || d > last) return null;
  return [Date.UTC(y, mo - 1, d) / DAY, Date.UTC(y, mo - 1, d) / DAY];
}

const nonEmpty = (s) => typeof s === "string" && s.trim() !== "";
const hasSchedule = (s) =>
  s !== null && typeof s === "object" && (nonEmpty(s.start) || nonEmpty(s.end) || s.continuous === true || nonEmpty(s.text));

const event = (type, path, message, extra = {}) => ({ type, params: { path, message, ...extra } });

export const RULES = [
  {
    name: "lead-body.required",
    conditions: { all: [{ fact: "leadCount", operator: "lessThan", value: 1 }] },
    event: event("lead-body.required", "/leadBody", "Toimenpiteeltä puuttuu päävastuutaho."),
  },
  {
    name: "lead-body.unknown",
    conditions: { all: [{ fact: "unknownLeads", operator: "notEqual", value: "" }] },
    event: event("lead-body.unknown", "/leadBody", "Päävastuutaho ei ole organisaatiorekisterissä.", { value: { fact: "unknownLeads" } }),
  },
  {
    name: "partners.required",
    conditions: { all: [{ fact: "partnerCount", operator: "lessThan", value: 1 }] },
    event: event("partners.required", "/partners", "Toimenpiteellä ei ole muita vastuutahoja."),
  },
  {
    name: "schedule.required",
    conditions: { all: [{ fact: "scheduleGiven", operator: "equal", value: false }] },
    event: event("schedule.required", "/schedule", "Toimenpiteeltä puuttuu aikataulu."),
  },
  {
    name: "schedule.order",
    conditions: {
      all: [
        { fact: "scheduleEndDay", operator: "notEqual", value: null },
        { fact: "scheduleStartDay", operator: "greaterThan", value: { fact: "scheduleEndDay" } },
      ],
    },
    event: event("schedule.order", "/schedule", "Aikataulun alku on lopun jälkeen."),
  },
  {
    name: "status.required",
    conditions: { all: [{ fact: "status", operator: "equal", value: null }] },
    event: event("status.required", "/status", "Toimenpiteeltä puuttuu tila."),
  },
  {
    name: "status.invalid",
    conditions: {
      all: [
        { fact: "status", operator: "notEqual", value: null },
        { fact: "status", operator: "notIn", value: STATUSES },
      ],
    },
    event: event("status.invalid", "/status", "Tila ei ole sallittu.", { value: { fact: "status" } }),
  },
  {
    name: "status.schedule/completed-future",
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "completed" },
        { fact: "scheduleStartDay", operator: "greaterThan", value: { fact: "asOfDay" } },
      ],
    },
    event: event("status.schedule", "/status", "Toimenpide on merkitty valmiiksi, mutta sen aikataulu ei ole vielä alkanut."),
  },
  {
    name: "status.schedule/planned-late",
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "planned" },
        { fact: "scheduleStartLastDay", operator: "lessThan", value: { fact: "asOfDay" } },
      ],
    },
    event: event("status.schedule", "/status", "Toimenpide on suunnitteilla, vaikka sen alku on jo mennyt."),
  },
  {
    name: "status.schedule/in-progress-overdue",
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "in-progress" },
        { fact: "scheduleEndDay", operator: "lessThan", value: { fact: "asOfDay" } },
      ],
    },
    event: event("status.schedule", "/status", "Toimenpide on käynnissä, vaikka sen aikataulu on päättynyt."),
  },
  {
    name: "status.schedule/continuous-not-continuous",
    conditions: {
      all: [
        { fact: "status", operator: "equal", value: "continuous" },
        { fact: "scheduleContinuous", operator: "equal", value: false },
        { fact: "scheduleEndDay", operator: "notEqual", value: null },
      ],
    },
    event: event("status.schedule", "/status", "Tila on jatkuva, mutta aikataulu päättyy."),
  },
];

/**
 * A json-rules-engine `Engine` with the rules and facts above. `check(measure, asOf)` returns
 * the findings as `{ rule, path, message, value? }`.
 */
export function makeRulesEngine(Engine, registry) {
  const known = knownNames(registry);
  const engine = new Engine(RULES, { allowUndefinedFacts: true, replaceFactsInEventParams: true });
  const measure = (almanac) => almanac.factValue("measure");
  const schedule = async (almanac) => {
    const m = await measure(almanac);
    const s = m?.schedule;
    return s !== null && typeof s === "object" ? s : {};
  };
  const leads = async (almanac) => {
    const lead = (await measure(almanac))?.leadBody;
    return (Array.isArray(lead) ? lead : [lead]).filter(nonEmpty);
  };
  engine.addFact("leadCount", async (_, almanac) => (await leads(almanac)).length);
  engine.addFact("unknownLeads", async (_, almanac) =>
    (await leads(almanac))
      .filter((l) => !known.has(fold(l)))
      .join(", "),
  );
  engine.addFact("partnerCount", async (_, almanac) => {
    const p = (await measure(almanac))?.partners;
    return Array.isArray(p) ? p.filter(nonEmpty).length : 0;
  });
  engine.addFact("scheduleGiven", async (_, almanac) => {
    const m = await measure(almanac);
    if (hasSchedule(m?.schedule)) return true;
    const steps = m?.steps;
    return Array.isArray(steps) && steps.length > 0 && steps.every((s) => hasSchedule(s?.schedule));
  });
  engine.addFact("scheduleStartDay", async (_, almanac) => days((await schedule(almanac)).start)?.[0] ?? null);
  engine.addFact("scheduleStartLastDay", async (_, almanac) => days((await schedule(almanac)).start)?.[1] ?? null);
  engine.addFact("scheduleEndDay", async (_, almanac) => days((await schedule(almanac)).end)?.[1] ?? null);
  engine.addFact("scheduleContinuous", async (_, almanac) => (await schedule(almanac)).continuous === true);
  engine.addFact("status", async (_, almanac) => {
    const s = (await measure(almanac))?.status;
    return nonEmpty(s) ? s : null;
  });
  engine.addFact("asOfDay", async (_, almanac) => days(await almanac.factValue("asOf"))?.[0] ?? null);
  return {
    engine,
    async check(m, asOf) {
      const { events } = await engine.run({ measure: m, asOf });
      return events.map((e) => ({ rule: e.type, path: e.params.path, message: e.params.message, ...(e.params.value ? { value: e.params.value } : {}) }));
    },
  };
}
