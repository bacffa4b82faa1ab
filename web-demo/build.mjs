#!/usr/bin/env node
// Assembles the demo into one self-contained folder (web-demo/dist/ by default): the page's
// sources as they are (no bundler, no transform), the package's browser files under
// measure-rules/, and the data the page loads. Any static server can serve the result; the
// folder needs nothing outside itself.
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");

/** The page's own files, relative to web-demo/. */
export const SOURCES = ["index.html", "embed.html", "style.css", "embed.css", "favicon.svg", "i18n.js", "embed.js", "app"];

/** What else goes in: [from, relative to the repository; to, relative to the output]. */
export const ASSETS = [
  ["wasm/npm/index.js", "measure-rules/index.js"],
  // The rules' documentation, for the catalogue tab (the engine leaves it out).
  ["wasm/npm/rule-docs.js", "measure-rules/rule-docs.js"],
  ["wasm/npm/web/measure_rules.js", "measure-rules/web/measure_rules.js"],
  ["wasm/npm/web/measure_rules_bg.wasm", "measure-rules/web/measure_rules_bg.wasm"],
  // The glue's own modules (wasm-bindgen's snippets: wasm/src/tape.mjs, size.mjs, options.mjs).
  ["wasm/npm/web/snippets", "measure-rules/web/snippets"],
  ["data/programme-2017.json", "data/programme-2017.json"],
  ["tests/fixtures/rulesets/agency-strict.json", "data/rulesets/agency-strict.json"],
];

/** Builds the demo into `out` and returns its path. */
export function build({ out = join(here, "dist") } = {}) {
  const missing = ASSETS.map(([from]) => from).filter((from) => !existsSync(join(root, from)));
  if (missing.length) {
    throw new Error(`missing ${missing.join(", ")}: build the package first (\`bash wasm/build.sh\` or \`make\`)`);
  }
  out = resolve(out);
  // Built beside the target and moved in at the end, so a server running on the old build
  // never serves half of a new one.
  const staging = `${out}.building-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const name of SOURCES) cpSync(join(here, name), join(staging, name), { recursive: true });
  for (const [from, to] of ASSETS) {
    mkdirSync(dirname(join(staging, to)), { recursive: true });
    cpSync(join(root, from), join(staging, to), { recursive: true });
  }
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const out = build({ out: process.argv[2] });
    process.stdout.write(`demo built in ${out}\n`);
  } catch (error) {
    process.stderr.write(`web-demo/build.mjs: ${error.message}\n`);
    process.exit(1);
  }
}
