// The peer ajv 8 (JSON Schema 2020-12) with the project's compiled measure schema:
// every error (`allErrors`), messages in Finnish by ajv-i18n. ajv-formats is not loaded:
// schemas/measure.schema.json uses no `format`. `allowUnionTypes` because the schema's
// `leadBody` is "string or array"; otherwise ajv's default strict mode.
//
// What it checks: the shape only (types, unknown fields, lengths, ranges, required `text` of
// steps and progress notes). The schema requires no field of a measure, knows no
// organisation codes, no status codes, no dates and no schedule: which fields are required
// and which values are allowed is the rules' business (a rule set can change it).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import localizeFi from "ajv-i18n/localize/fi/index.js";
import { root } from "../lib.mjs";

export const AJV_OPTIONS = { allErrors: true, allowUnionTypes: true };
export const measureSchema = () => JSON.parse(readFileSync(join(root, "schemas", "measure.schema.json"), "utf8"));

/** `check(measure)` returns ajv's errors with Finnish messages ([] when valid). */
export function makeAjv() {
  const ajv = new Ajv2020.default(AJV_OPTIONS);
  const validate = ajv.compile(measureSchema());
  return {
    validate,
    check(m) {
      if (validate(m)) return [];
      localizeFi(validate.errors);
      return validate.errors;
    },
  };
}
