// Shared by the Node tests: the repository's paths, the fixtures, and JSON Merge Patch.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const readJson = (rel) => JSON.parse(readFileSync(join(root, rel), "utf8"));
export const readText = (rel) => readFileSync(join(root, rel), "utf8");
export const cli = join(root, "wasm", "npm", "cli.mjs");

/** JSON Merge Patch (RFC 7386), as the Rust tests apply it. */
export function merge(target, patch) {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return structuredClone(patch);
  const out = target !== null && typeof target === "object" && !Array.isArray(target) ? structuredClone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = merge(out[k], v);
  }
  return out;
}

/** [rule, path] (or [rule, path, line, column]) of every finding, sorted as the Rust tests sort. */
export function found(report, withPlace = false) {
  return report.findings
    .map((f) => (withPlace ? [f.rule, f.path, f.line ?? null, f.column ?? null] : [f.rule, f.path]))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

export const sorted = (list) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
