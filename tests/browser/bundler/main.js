// Bundled by Vite as an agency front end would: the package is imported by name.
import { Engine, version } from "measure-rules";

const report = new Engine().checkMeasure({ id: "2.6. a)", theme: 2, leadBody: "Tuli" }, { lang: "sv", asOf: "2019-06-01" });
window.__results = { version: version(), rules: report.findings.map((f) => f.rule), message: report.findings.find((f) => f.rule === "lead-body.unknown")?.message };
document.getElementById("status").textContent = "done";
