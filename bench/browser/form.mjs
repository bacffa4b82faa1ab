// A stand-in for the demo's form, used by the browser job while web-demo/ is not built: six
// fields, and on every input event the whole measure is checked and every finding is shown
// under its field, in Finnish, as an agency form would do it.
const { Engine } = await import("/wasm/npm/index.js");
const engine = new Engine();
const AS_OF = "2018-06-01";
const programme = await (await fetch("/data/programme-2017.json")).json();
const base = programme.measures.find((m) => m.id === "2.1");

const field = (name) => document.getElementById(`f-${name}`);
field("id").value = base.id;
field("title").value = base.title.fi;
field("leadBody").value = base.leadBody ?? "";
field("partners").value = (base.partners ?? []).join(", ");
field("schedule").value = base.schedule?.text ?? "";
field("status").value = base.status ?? "";

function measure() {
  const partners = field("partners").value.split(",").map((s) => s.trim()).filter(Boolean);
  const m = { id: field("id").value, theme: base.theme, title: { fi: field("title").value } };
  if (field("leadBody").value.trim()) m.leadBody = field("leadBody").value.trim();
  if (partners.length) m.partners = partners;
  if (field("schedule").value.trim()) m.schedule = { text: field("schedule").value };
  if (field("status").value.trim()) m.status = field("status").value.trim();
  if (base.steps) m.steps = base.steps;
  return m;
}

function validate() {
  const report = engine.checkMeasure(measure(), { lang: "fi", asOf: AS_OF });
  const byField = new Map();
  for (const f of report.findings) {
    const top = f.path.split("/")[1] ?? "";
    if (!byField.has(top)) byField.set(top, []);
    byField.get(top).push(f);
  }
  for (const name of ["id", "title", "leadBody", "partners", "schedule", "status"]) {
    const box = document.getElementById(`e-${name}`);
    box.replaceChildren(...(byField.get(name) ?? []).map((f) => Object.assign(document.createElement("p"), { textContent: `${f.severity}: ${f.message}` })));
  }
  const s = report.summary;
  document.getElementById("summary").textContent = `${s.error} virhettä, ${s.warning} varoitusta, ${s.info} huomautusta`;
}

document.getElementById("form").addEventListener("input", validate);
validate();
document.getElementById("loading").hidden = true;
document.getElementById("form").hidden = false;
