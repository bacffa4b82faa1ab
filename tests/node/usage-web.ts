// The browser entry's declarations as a bundler resolves them (index.d.ts and the browser
// build's), checked by `tsc --noEmit` with a plain library (types.test.mjs).
import { Engine, parseSchedule } from "measure-rules";
import type { Measure, Report, ScheduleReading } from "measure-rules";
import { RULE_DOCS } from "measure-rules/rule-docs";

const measure: Measure = { id: "2.6a", theme: 2, title: { fi: "Vahvistetaan itärajan valvontaa." }, leadBody: "SM", partners: ["PO"], schedule: { continuous: true }, status: "continuous" };
const engine = new Engine();
const report: Report = engine.checkMeasure(measure, { lang: "sv", asOf: "2018-06-01" });
const reading: ScheduleReading = parseSchedule("Syksy 2018", "fi");
// The Node build's calls are not the browser's.
// @ts-expect-error checkDocumentJson is in the Node build only
engine.checkDocumentJson("{}");
engine.free();
export const errors: number = report.summary.error + (reading.ok ? 0 : 1);
export const why: string = RULE_DOCS[report.findings[0]?.rule ?? ""]?.why ?? "";
