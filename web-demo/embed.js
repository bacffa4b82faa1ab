// The agency's own script: measure-rules checks the form on every change and each error and
// warning is shown at its field, in the page's language (notes are for the programme's editors).
// No build step: the package's browser files are copied next to the page (measure-rules/).
import { Engine } from "./measure-rules/index.js";

const engine = new Engine();
const form = document.getElementById("measure");
// The engine writes Finnish, Swedish and English; a page in another language, or in none, gets Finnish.
const pageLang = document.documentElement.lang.split("-")[0].toLowerCase();
const lang = ["fi", "sv", "en"].includes(pageLang) ? pageLang : "fi";
const SAY = {
  fi: { warning: "Varoitus", fix: "Korjaa merkityt kentät.", ok: "Kiitos! Tiedot ovat kunnossa." },
  sv: { warning: "Varning", fix: "Rätta de markerade fälten.", ok: "Tack! Uppgifterna är i sin ordning." },
  en: { warning: "Warning", fix: "Correct the marked fields.", ok: "Thank you! The details are in order." },
}[lang];
const touched = new Set();

function measure() {
  const value = (name) => form.elements[name].value.trim() || undefined;
  // Partners are separated by commas, as the programme prints them; a comma after a hyphen is
  // within a name: "Elinkeino-, liikenne- ja ympäristökeskukset". "PO, " is PO while the next
  // name is being typed. (The engine reads a lead written "SM, TEM" the same way.)
  const partners = value("partners")?.split(/(?<!-),/).map((p) => p.trim()).filter(Boolean);
  return {
    id: value("id"),
    theme: Number.parseInt(value("id"), 10) || undefined,
    // The programme is published in Finnish, so the Finnish title is required in every language.
    title: { fi: value("title/fi"), sv: value("title/sv") },
    leadBody: value("leadBody"),
    partners,
    schedule: { text: value("schedule") },
    status: value("status"),
  };
}

function check() {
  const { findings } = engine.checkMeasure(measure(), { lang });
  for (const field of form.querySelectorAll("[aria-describedby]")) {
    const path = `/${field.name}`;
    const own = touched.has(field.name) ? findings.filter((f) => f.severity !== "info" && (f.path === path || f.path.startsWith(`${path}/`))) : [];
    field.setAttribute("aria-invalid", String(own.some((f) => f.severity === "error")));
    // A warning does not stop the form from being sent, and says so in words, not only in colour.
    const said = own.map((f) => (f.severity === "error" ? f.message : `${SAY.warning}: ${f.message}`));
    document.getElementById(`${field.id}-error`).textContent = said.join(" ");
  }
}

form.addEventListener("input", (event) => {
  touched.add(event.target.name);
  check();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  for (const field of form.elements) touched.add(field.name);
  check();
  const invalid = form.querySelector('[aria-invalid="true"]');
  document.getElementById("result").textContent = invalid ? SAY.fix : SAY.ok;
  invalid?.focus();
});
