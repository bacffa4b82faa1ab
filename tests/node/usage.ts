// A typed use of the package, checked by `tsc --noEmit` (types.test.mjs): every input and
// output has a declared type, and misuse is a type error.
import { Engine, checkRulesetFileSize, parseSchedule, rules, version } from "measure-rules";
import { RULE_DOCS } from "measure-rules/rule-docs";
import type { RuleDocs } from "measure-rules/rule-docs";
import type { CheckOptions, Condition, CustomRuleInfo, Finding, Measure, Programme, Report, ReportJson, RuleLevel, RuleMeta, RuleSetDocument, ScheduleReading, Severity, TestReport, TraceStep } from "measure-rules";

const measure: Measure = {
  id: "2.6a",
  theme: 2,
  title: { fi: "Vahvistetaan itärajan valvontaa.", sv: "Gränsövervakningen stärks." },
  leadBody: ["SM", "TEM"],
  partners: ["PO", "RVL"],
  schedule: { start: "2018-01", end: "2018-12", text: "vuoden 2018 aikana" },
  status: "in-progress",
  steps: [{ number: 1, text: { fi: "Vaihe" }, schedule: { continuous: true } }],
  progress: [{ date: "2018-05", text: { fi: "Käynnissä." } }],
};
const programme: Programme = { measures: [measure] };
const ruleset: RuleSetDocument = {
  id: "fi.example",
  version: "1.0.0",
  rules: { "lead-body.joint": "off", "partners.required": { min: 2, severity: "error" }, "title.required": { languages: ["fi", "sv"] } },
  organisations: [{ code: "ESIM", kind: "agency", name: { fi: "E", sv: "E", en: "E" } }],
};
const options: CheckOptions = { lang: "sv", asOf: "2019-06-01" };

const engine = new Engine(ruleset);
const report: Report = engine.checkMeasure(measure, options);
const fromText: Report = engine.checkMeasure(JSON.stringify(measure));
const whole: Report = engine.checkProgramme(programme, { lang: "en" });
const doc: Report = engine.checkDocument("{}");
// Node: the report as UTF-8 JSON text, for writing out.
const written: ReportJson = engine.checkDocumentJson(new TextEncoder().encode("{}"), { lang: "sv" }, 2);
const bytes: Uint8Array = written.json;
const failing: boolean = written.summary.error > 0 && bytes.length > 0;
void failing;
// Node: a file refused by its size alone, or undefined when it may be read.
const refusal: Report | undefined = engine.checkFileSize(6 * 2 ** 30, { lang: "en" });
const refused: boolean = refusal !== undefined && refusal.summary.error === 1;
void refused;
// Node: each built-in rule's level under the rule sets.
const joint: RuleLevel | undefined = engine.ruleLevels()["lead-body.joint"];
void joint;
// Node: a rule-set file over the limit throws as the constructor would, by its size alone.
const fits: void = checkRulesetFileSize(4096);
void fits;
const errors: number = report.summary.error + whole.summary.warning + doc.summary.info + fromText.measures;
const first: Finding | undefined = report.findings[0];
const severity: Severity | undefined = first?.severity;
const place: string = first ? `${first.path}:${first.line ?? 0}:${first.column ?? 0} ${first.params?.value ?? ""}` : "";
if (first?.fix?.op === "replace") {
  const value: unknown = first.fix.value;
  void value;
}
const reading: ScheduleReading = parseSchedule("hösten 2018", "sv");
const start: string | undefined = engine.parseSchedule("Syksy 2018").start ?? reading.end;
const catalogue: RuleMeta[] = rules();
const v: string = version();
// The rules' documentation, from its own module; a custom rule's id has none.
const docs: RuleDocs | undefined = RULE_DOCS[catalogue[0]?.id ?? ""];
const what: string = docs?.what ?? "";
// @ts-expect-error: an id the catalogue does not list has no documentation
const unchecked: string = RULE_DOCS["kuntaliitto/theme-7"].what;
const ids: string[] = catalogue.map((r) => `${r.id} ${r.severity} ${r.params.map((p) => p.name).join(",")}`);
const orgs: string[] = engine.organisations().map((o) => o.name.fi);
engine.free();

// Rules as data: a chain of rule sets with a custom rule and a test, explanations.
const partnerRule: Condition = { any: [{ path: "/partners", organisation: "Kuntaliitto" }, { not: { path: "/theme", in: [7] } }] };
const agency: RuleSetDocument = {
  id: "fi.example.agency",
  version: "2.0.0",
  engine: "^0.1",
  extends: { id: "fi.example", version: "^1.0" },
  custom: [{ id: "example/theme-7", severity: "error", require: partnerRule, path: "/partners", message: { fi: "a", sv: "b", en: "c" } }],
  tests: [{ name: "t", measure: { id: "7.1", theme: 7 }, expect: [{ rule: "example/theme-7", path: "/partners" }] }],
};
const chain = new Engine([ruleset, agency]);
const tests: TestReport = chain.runTests();
const customs: CustomRuleInfo[] = chain.customRules("fi");
const steps: TraceStep[] = chain.checkMeasure(measure, { explain: true }).findings.flatMap((f) => f.explain?.require ?? []);
const chainIds: string[] = chain.rulesets.map((r) => r.id).concat(customs.map((c) => c.severity), [String(tests.failed + steps.length)]);
// @ts-expect-error: a condition has a known test
const badCondition: Condition = { path: "/theme", equal: 7 };

// A page's own language tag is a string ("sv-AX" on Åland's pages); the engine reads its first
// part, and refuses a language it does not speak when called.
const pageLang: string = "sv-AX";
new Engine().checkMeasure(measure, { lang: pageLang });
parseSchedule("syksyllä 2018", pageLang);
// @ts-expect-error: a measure's theme is a number
const wrong: Measure = { theme: "2" };

export { errors, severity, place, start, ids, orgs, v, wrong, chainIds, badCondition, what, unchecked };
