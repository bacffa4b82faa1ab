// Generated from core/src/rules/*.rs by `UPDATE_GENERATED=1 cargo test -p measure-rules --test generated`. Do not edit by hand.
/** Each rule's documentation by its id: what it checks, why, and an example (Markdown, in English). `rules()` gives the rest of the catalogue. */
export const RULE_DOCS = {
  "input.syntax": {
    "what": "Reads the text as JSON (RFC 8259). A byte-order mark at the start is allowed; trailing commas, comments, single quotes and truncated text are not. Nesting deeper than 127 levels is refused. A `\\u` escape of half a surrogate pair (`\\uD800`-`\\uDFFF` alone), which no character is, is reported at the escape, with the pointer of the string (or the member, for a key) that holds it, and read as U+FFFD, so the rest of the document is still checked. A JavaScript object has no lines: half a surrogate pair in one, or nesting past the limit, is reported at its field in words that name no line or column. Given bytes (a file, a `Uint8Array`), the text must be UTF-8: the first byte that is not is reported.\n\nThe message says what is wrong in the reader's language, and the parameter `problem` names it for forms with texts of their own: `trailing-comma`, `extra-comma`, `trailing-characters`, `comment`, `expected-value`, `expected-colon`, `expected-comma-list`, `expected-comma-object`, `key-not-string`, `invalid-escape`, `lone-surrogate`, `invalid-number`, `number-range`, `control-character`, `eof`, `empty`, `depth`, `utf8` (with `byte`), or `syntax`, whose message quotes the parser's own words (the parameter `detail`). The place is where the fix goes: a trailing comma on itself, a missing comma or colon right after the value or key it should follow, a line break inside quotes at the end of its line.",
    "why": "Nothing else can be checked in text that is not JSON, and the person who wrote it needs to know the exact line and column.",
    "example": "```json\n{ \"id\": \"2.1\", }\n```\nfails at line 1, column 14 (the trailing comma). `{ \"id\": \"2.1\" }` passes."
  },
  "input.duplicate-key": {
    "what": "Reports each member whose key its object writes again later, at that earlier key. JSON readers keep the last value of a repeated key (serde_json, `JSON.parse`, and this engine), so the earlier value is neither read nor checked. Only text can repeat a key: a JavaScript object, or text already read by `JSON.parse`, holds each key once.",
    "why": "A file edited by hand, or two forms' outputs joined, can hold `partners` twice: the first list is silently lost, and what the file seems to say is not what any system reads.",
    "example": "```json\n{ \"partners\": [\"OM\"], \"status\": \"planned\", \"partners\": [\"PO\"] }\n```\nwarns at line 1, column 3 (the first `partners`; only `[\"PO\"]` is read). Keep one `partners` with both: `{ \"partners\": [\"OM\", \"PO\"], \"status\": \"planned\" }` passes."
  },
  "input.too-large": {
    "what": "Refuses JSON text larger than 32 MiB before reading it, at line 1, column 1, and in JavaScript an object whose `JSON.stringify` text is, told as the document's JSON text, with no line. What is certainly over it is refused before it is copied in, by a lower bound (\"at least\").",
    "why": "A bound on input keeps a browser tab or a CI job from running out of memory on a mistaken file; the real 2017 programme is about 70 KB.",
    "example": "A 40 MiB file fails with the size and the limit in the message."
  },
  "input.too-many-findings": {
    "what": "Past 50,000 findings of one severity, the rest are counted in the summary but not listed, and this finding says how many. Errors are never crowded out by warnings.",
    "why": "2.7 million misspelt fields fit in 32 MiB; listing them all would exhaust the engine's memory.",
    "example": "60,000 unknown fields: 50,000 warnings listed, then this one."
  },
  "schema.type": {
    "what": "Checks every value against the type in `measure.schema.json` / `programme.schema.json`: `theme` is an integer, `partners` a list of strings, `title` an object of languages, and so on. A document that is not an object at all (a bare list of measures, as a spreadsheet export may write one) is told the two shapes a document has: a measure, or a programme with its measures in `measures`.",
    "why": "A form or script that writes `\"theme\": \"2\"` or `\"partners\": \"PO\"` produces a document other systems misread; the type error is reported once, and the other rules skip that field instead of reporting it again.",
    "example": "```json\n{ \"theme\": \"2\" }\n```\nfails at `/theme` (expected an integer). `{ \"theme\": 2 }` passes."
  },
  "schema.required": {
    "what": "Reports members the schema itself requires: `measures` in a programme, `text` in an implementation step or a progress note, `number` in a theme. The measure's own required fields (lead body, schedule, status, title) have their own rules, which a rule set can tune.",
    "why": "Without them the document cannot be read as what it claims to be.",
    "example": "```json\n{ \"steps\": [ { \"number\": 1 } ] }\n```\nfails at `/steps/0/text`."
  },
  "schema.unknown-field": {
    "what": "Reports members that the schema does not define, with the closest known field name as a suggestion.",
    "why": "A misspelt field (`leadbody`, `partner`) is silently ignored by every consumer, and the real field then looks missing.",
    "example": "```json\n{ \"leadbody\": \"SM\" }\n```\nwarns at `/leadbody`: did you mean `leadBody`?"
  },
  "schema.value": {
    "what": "Checks the schema's bounds: theme numbers 1-8, step numbers 1-100, text lengths (10,000 characters for text, 500 for schedule text, 200 for an organisation), list lengths (200 partners, 100 steps, 10,000 measures) and enumerations.",
    "why": "The limits are explicit so that no input can make a form or a CI job slow or run out of memory, and so that an out-of-range theme is caught where it is typed.",
    "example": "```json\n{ \"theme\": 9 }\n```\nfails at `/theme` (at most 8)."
  },
  "id.format": {
    "what": "Checks that `id` is present and reads as a measure number: a theme 1-8, a dot, a number, and optionally a letter part (`2.14`, `2.6a`). The published forms `2.6. a)`, `4.3. b.`, `1.1.` and `2.6 b)` are recognised, and so is a decimal comma (`2,6`), as Finnish and Swedish write the point.",
    "why": "The number is how measures are cited in decisions, reports and other measures; a measure without one cannot be followed up.",
    "example": "```json\n{ \"id\": \"toimenpide 2\" }\n```\nfails. `{ \"id\": \"2.6a\" }` passes."
  },
  "id.canonical": {
    "what": "When `id` is a recognised published form such as `2.6. a)` or `1.1.`, or is written with a decimal comma (`2,6a`), suggests the canonical form (`2.6a`, `1.1`) as a fix.",
    "why": "Two spellings of the same number defeat duplicate detection, cross-references and joins between systems.",
    "example": "```json\n{ \"id\": \"4.3. b.\" }\n```\nwarns with the fix `4.3b`."
  },
  "id.theme": {
    "what": "Checks that `theme` is given and equals the first number of `id` (measure `2.6a` belongs to theme 2).",
    "why": "Reports and the programme view group measures by theme; a disagreement puts a measure in the wrong group.",
    "example": "```json\n{ \"id\": \"2.6a\", \"theme\": 3 }\n```\nfails with the fix `2`."
  },
  "title.required": {
    "what": "Checks that `title` has non-blank text in every language of the `languages` parameter (Finnish only by default). Each missing language is reported at its own field (`/title/sv`), so a form shows it next to that input.",
    "why": "The title is the measure itself (Toimenpide); programmes are published in Finnish, and a ministry may also require Swedish, Finland's other official language.",
    "example": "With `{\"languages\": [\"fi\", \"sv\"]}`,\n```json\n{ \"title\": { \"fi\": \"Varmistetaan viranomaisten resurssisuunnittelu.\" } }\n```\nfails at `/title/sv`."
  },
  "lead-body.required": {
    "what": "Checks that `leadBody` is given and not blank.",
    "why": "Every measure of the programme has one accountable lead (päävastuutaho); without it nobody answers for the measure in follow-up.",
    "example": "```json\n{ \"id\": \"2.1\", \"partners\": [\"HKO\"] }\n```\nfails at `/leadBody`. `{ \"leadBody\": \"SM\" }` passes."
  },
  "lead-body.unknown": {
    "what": "Resolves `leadBody` (and a step's own lead) against the registry by code, alias, full name in any language, or `PARENT/CODE` path, ignoring case; each name of a joint lead on its own (`lead-body.joint`). When it is not found, suggests the closest registered name (as the fix, unless the name is one of several in one text, which the code alone would replace).",
    "why": "Follow-up is reported per organisation; a lead that is not in the registry is counted nowhere, and a typo (`HÄK`) is easy to fix when the form suggests `HÄKE`.",
    "example": "```json\n{ \"leadBody\": \"Sisäministeri\" }\n```\nfails: did you mean SM (Sisäministeriö)?"
  },
  "lead-body.joint": {
    "what": "Warns when `leadBody` names more than one organisation: a list (`[\"SM\", \"TEM\"]`), or a text of names separated by commas as the programme prints a joint lead (`\"SM, TEM\"`), which is read at its commas unless it is one registered name (a comma after a hyphen is inside a name: `Elinkeino-, liikenne- ja ympäristökeskukset`). A joint lead can be written, since the programme has them (measure 5.1), but it is the exception.",
    "why": "Joint accountability tends to mean no accountability; the warning asks the author to confirm it or name one lead and make the other a partner.",
    "example": "```json\n{ \"leadBody\": [\"SM\", \"TEM\"] }\n```\nwarns. `{ \"leadBody\": \"SM\", \"partners\": [\"TEM\"] }` passes."
  },
  "partners.required": {
    "what": "Checks that `partners` has at least `min` entries (1 by default).",
    "why": "The strategy's measures are carried out in broad cooperation: each names the bodies it is carried out with (muut vastuutahot). A measure without partners is either a lone effort or missing data. It is a warning by default because the published programme has such measures.",
    "example": "```json\n{ \"leadBody\": \"SM\", \"partners\": [] }\n```\nwarns at `/partners`."
  },
  "partners.unknown": {
    "what": "Resolves each entry of `partners` as `lead-body.unknown` does, with a suggestion for near misses.",
    "why": "As for the lead: unregistered partners are invisible in follow-up. A rule set can add an organisation's own bodies to the registry.",
    "example": "```json\n{ \"partners\": [\"Tuli\"] }\n```\nfails at `/partners/0`: did you mean Tulli?"
  },
  "partners.duplicate": {
    "what": "Reports a partner that resolves to the same organisation as an earlier one, after alias resolution (`POHA` and `Poliisihallitus` are one body), with a fix that removes the repeat.",
    "why": "Repeats inflate partner counts and make the list harder to read.",
    "example": "```json\n{ \"partners\": [\"POHA\", \"Poliisihallitus\"] }\n```\nwarns at `/partners/1`."
  },
  "partners.includes-lead": {
    "what": "Reports a partner that resolves to the lead body.",
    "why": "Partners are the other responsible bodies; listing the lead among them double-counts it.",
    "example": "```json\n{ \"leadBody\": \"SM\", \"partners\": [\"sisäministeriö\", \"OM\"] }\n```\nwarns at `/partners/0`."
  },
  "organisation.alias": {
    "what": "When a lead body or partner is written as a full name, alias or `PARENT/CODE` path (`Poliisihallitus`, `SM/PO`), offers the registry code as a fix (and names it, without a fix, for one of the names of a joint lead written as one text, `\"sisäministeriö, TEM\"`, which the code alone would replace).",
    "why": "Codes are stable across languages and spellings; names are for people, and the form shows them.",
    "example": "```json\n{ \"leadBody\": \"Sisäministeriö\" }\n```\ngives the fix `SM`."
  },
  "schedule.required": {
    "what": "Checks that `schedule` gives at least one of: a `start` or `end` date, `continuous: true`, or schedule `text`. A measure whose implementation steps each have their own schedule passes.",
    "why": "Follow-up compares progress against the schedule; without one a measure can never be late, and never be done.",
    "example": "```json\n{ \"id\": \"2.1\", \"schedule\": {} }\n```\nfails at `/schedule`. `{ \"schedule\": { \"text\": \"Jatkuvaa toimintaa\", \"continuous\": true } }` passes."
  },
  "schedule.unparsed": {
    "what": "When `schedule.text` is given without `start`, `end` or `continuous`, the parser must be able to read it (Finnish, Swedish or English: `12/2018`, `Syksy 2018`, `vuoden 2018 aikana`, `hösten 2018`, `by the end of 2018`, `Jatkuvaa toimintaa`; see docs/schedules.md). The parser never guesses: text such as `Työ käynnistynyt` is reported, not read.",
    "why": "A schedule that only a person can read cannot be followed up by the status rules or shown on a timeline. Giving the dates next to the text settles it.",
    "example": "```json\n{ \"schedule\": { \"text\": \"Hanke päättyy kun rahoitus loppuu\" } }\n```\nwarns. `{ \"schedule\": { \"text\": \"2018 loppuun mennessä\" } }` passes (end 2018)."
  },
  "schedule.invalid-date": {
    "what": "Checks every date field (`schedule.start` and `schedule.end` of a measure or step, `updated`, a progress note's `date`, a programme's `period`) and the dates written in `schedule.text`: the ISO forms `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and a day that exists (no 30 February, no month 13; leap years counted).",
    "why": "A date that does not exist is a typo that would otherwise travel into every report and calendar.",
    "example": "```json\n{ \"schedule\": { \"start\": \"2018-02-30\" } }\n```\nfails at `/schedule/start`."
  },
  "schedule.order": {
    "what": "Checks that `start` is not after `end`, at the precision given: a start of `2018-12` and an end of `2018` agree, since December 2018 is within 2018. Ranges in schedule text (`2020-2018`) are checked too.",
    "why": "A reversed range is always a typo, and it makes every status judgement meaningless.",
    "example": "```json\n{ \"schedule\": { \"start\": \"2019-01\", \"end\": \"2018-12\" } }\n```\nfails at `/schedule/end`."
  },
  "schedule.dates": {
    "what": "When `schedule.text` is readable and no `start`, `end` or `continuous` is given, says what the parser read and offers the dates as a fix (`Syksy 2018` reads as 2018-09 to 2018-11).",
    "why": "Dates make the measure sortable and comparable; the fix lets a form fill them in with one click, and the author sees at once whether the reading is what was meant.",
    "example": "```json\n{ \"schedule\": { \"text\": \"Syksy 2018\" } }\n```\ngives the fix `{ \"text\": \"Syksy 2018\", \"start\": \"2018-09\", \"end\": \"2018-11\", \"continuous\": false }`."
  },
  "status.required": {
    "what": "Checks that `status` is given.",
    "why": "The status is what follow-up reports; a measure without one cannot be counted as planned, under way or done.",
    "example": "```json\n{ \"id\": \"2.1\" }\n```\nfails at `/status`."
  },
  "status.invalid": {
    "what": "Checks that `status` (and a step's status) is one of the codes the rule set allows: by default `planned`, `in-progress`, `continuous`, `completed`, `delayed`, `suspended`, `cancelled`. A Finnish, Swedish or English status word (`käynnissä`, `pågår`, `done`) gets the code as a fix.",
    "why": "Codes are what reports count and what every form's status picker offers; free text cannot be counted.",
    "example": "```json\n{ \"status\": \"käynnissä\" }\n```\nfails with the fix `in-progress`."
  },
  "status.schedule": {
    "what": "Compares the status with the schedule (its dates, or what its text reads as) on the date `asOf` given to the check (today by default):\n\n- `completed` work whose whole schedule is still in the future;\n- `planned` work whose start has passed (it is late: under way, or delayed?);\n- `in-progress` work whose end has passed (it is overdue: delayed, or completed?);\n- `continuous` status with a schedule that ends and is not marked continuous.\n\nOnly certain disagreements are reported: a start of `2018` has passed only once 2018 is over.",
    "why": "A status that contradicts the schedule is the most common sign of a measure nobody has updated.",
    "example": "With `asOf` 2019-06-01,\n```json\n{ \"status\": \"in-progress\", \"schedule\": { \"end\": \"2018-12\" } }\n```\nwarns at `/status`."
  },
  "steps.duplicate-number": {
    "what": "Reports a step whose `number` an earlier step of the same measure already has. Numbers outside 1-100 are `schema.value`'s.",
    "why": "Follow-up cites steps by number (\"vaihe 2 on valmis\"); two steps with one number make that ambiguous, and a form that adds a step by copying the last one repeats its number.",
    "example": "```json\n{ \"steps\": [ { \"number\": 1, \"text\": { \"fi\": \"Selvitys\" } }, { \"number\": 1, \"text\": { \"fi\": \"Toimeenpano\" } } ] }\n```\nwarns at `/steps/1/number`."
  },
  "programme.duplicate-id": {
    "what": "Reports a measure whose number, once normalised (`2.6. a)` is `2.6a`), is already used by an earlier measure.",
    "why": "Measures are cited by number; two measures with one number make every citation ambiguous.",
    "example": "A programme with measures `2.6a` and `2.6. a)` fails at the second one's `/id`."
  },
  "programme.reference": {
    "what": "Finds references in titles, steps and progress notes (\"toimenpiteen 3.1\", \"toimenpidekokonaisuus 8\", \"åtgärd 3.1\", \"åtgärdshelhet 8\", \"measure 3.1\", \"theme 8\"), with the numbers listed after them (\"toimenpiteiden 2.1, 2.3 ja 2.9\", \"measures 2.1 and 4.9\"), and checks that the measure is in the programme, and that the theme is one of its themes (1-8 when the programme lists none).",
    "why": "Measures build on each other; a reference to a measure that was renumbered or dropped misleads the reader.",
    "example": "In a programme without measure 3.9, a step \"Jatketaan toimenpiteen 3.9 työtä\" warns."
  }
};
