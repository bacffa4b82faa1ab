// The form job's inputs, the same for every peer: the 42 measures of the real 2017 programme
// and the first case of ten rules from the shared fixtures (the base measure with the case's
// patch), so that some inputs are broken in the ways a form sees.
import { merge } from "../tests/shared/cases.mjs";
import { readJson } from "./lib.mjs";

export const AS_OF = "2018-06-01";
export const LANG = "fi";

/** Rules whose first shared case joins the inputs. */
export const CASE_RULES = [
  "lead-body.required",
  "lead-body.unknown",
  "partners.required",
  "partners.unknown",
  "schedule.required",
  "schedule.order",
  "status.required",
  "status.invalid",
  "status.schedule",
  "schema.type",
];

export function formInputs() {
  const programme = readJson("data/programme-2017.json");
  const cases = readJson("tests/fixtures/cases.json");
  const inputs = programme.measures.map((m) => ({ name: `programme ${m.id}`, measure: m }));
  for (const rule of CASE_RULES) {
    const c = cases.measures.find((x) => x.rule === rule && !x.ruleset);
    if (c) inputs.push({ name: `case ${c.name}`, measure: merge(cases.base, c.patch) });
  }
  return inputs;
}
