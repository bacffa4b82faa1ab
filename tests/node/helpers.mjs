// Shared by the Node tests: the repository's paths, the fixtures, and JSON Merge Patch.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const readJson = (rel) => JSON.parse(readFileSync(join(root, rel), "utf8"));
export const readText = (rel) => readFileSync(join(root, rel), "utf8");
export const cli = join(root, "wasm", "npm", "cli.mjs");

const temps = [];

/**
 * A new folder under the system's temporary folder, removed when the test file's process
 * exits (each test file runs in its own), so that runs of the suite leave nothing behind.
 */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (temps.push(dir) === 1) {
    process.on("exit", () => {
      for (const d of temps) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

export { found, merge, sorted } from "../shared/cases.mjs";
