// Shared by the Node tests: the repository's paths, the fixtures, and JSON Merge Patch.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const readJson = (rel) => JSON.parse(readFileSync(join(root, rel), "utf8"));
export const readText = (rel) => readFileSync(join(root, rel), "utf8");
export const cli = join(root, "wasm", "npm", "cli.mjs");

export { found, merge, sorted } from "../shared/cases.mjs";
