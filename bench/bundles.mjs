// Browser bundles of the peers, built with the repository's Vite (8, Rolldown; ES module,
// minified, ES2022), for the size table and for the browser job. Written to bench/.out/
// (ignored by git). None of the peers ships a prebuilt browser bundle for this use (ajv's
// package has no dist bundle of the 2020 draft with i18n; json-rules-engine is CommonJS).
//
//   ajv-runtime         ajv/dist/2020 + ajv-i18n fi + the schema, compiled in the browser
//                       (needs `new Function`: refused under the demo's CSP)
//   ajv-standalone      the schema compiled ahead of time by ajv's standalone code generator,
//                       + its runtime helpers + ajv-i18n fi (what a CSP-strict page ships)
//   json-rules-engine   json-rules-engine + the four checks + the organisation names
//   measure-rules       the package imported by name, as an agency front end bundles it
//                       (JS minified; the .wasm is an asset beside it)
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./lib.mjs";

export const OUT = join(root, "bench", ".out");

const abs = (rel) => JSON.stringify(join(root, rel));

const ENTRIES = {
  "ajv-runtime": () => `
import Ajv2020 from "ajv/dist/2020.js";
import localizeFi from "ajv-i18n/localize/fi/index.js";
import schema from ${abs("schemas/measure.schema.json")};
export function makeCheck() {
  const validate = new Ajv2020(${JSON.stringify({ allErrors: true, allowUnionTypes: true })}).compile(schema);
  return (m) => (validate(m) ? [] : (localizeFi(validate.errors), validate.errors));
}
`,
  "ajv-standalone": () => `
import validate from "./ajv-measure-validator.mjs";
import localizeFi from "ajv-i18n/localize/fi/index.js";
export function makeCheck() {
  return (m) => (validate(m) ? [] : (localizeFi(validate.errors), validate.errors));
}
`,
  "json-rules-engine": () => `
import { Engine } from "json-rules-engine";
import { makeRulesEngine } from ${abs("bench/peers/json-rules-engine-rules.mjs")};
import registry from ${abs("data/organisations.json")};
export function makeCheck(asOf) {
  const jre = makeRulesEngine(Engine, registry);
  return (m) => jre.check(m, asOf);
}
`,
  "measure-rules": () => `
export * from "measure-rules";
`,
};

/** ajv's standalone code for the measure schema, as an ES module. */
async function standalone() {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: standaloneCode } = await import("ajv/dist/standalone/index.js");
  const { measureSchema, AJV_OPTIONS } = await import("./peers/ajv.mjs");
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const validate = ajv.compile(measureSchema());
  return standaloneCode(ajv, validate);
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Builds every bundle (or those named); returns { name: { files: [{ file, bytes, gzip }] } }. */
export async function buildBundles(names = Object.keys(ENTRIES), { log = () => {} } = {}) {
  const { build } = await import("vite");
  const src = join(OUT, "src");
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "ajv-measure-validator.mjs"), await standalone());
  const out = {};
  for (const name of names) {
    log(`bundles: ${name}`);
    const entry = join(src, `${name}.mjs`);
    writeFileSync(entry, ENTRIES[name]());
    const dir = join(OUT, name);
    rmSync(dir, { recursive: true, force: true });
    // The peers as libraries; measure-rules as an application build, because library mode
    // inlines every `new URL(..., import.meta.url)` asset (the .wasm) as base64.
    const lib = name !== "measure-rules";
    await build({
      configFile: false,
      root,
      logLevel: "error",
      publicDir: false,
      build: {
        outDir: dir,
        emptyOutDir: true,
        target: "es2022",
        minify: true,
        reportCompressedSize: false,
        assetsInlineLimit: 0,
        ...(lib
          ? { lib: { entry, formats: ["es"], fileName: () => `${name}.js` } }
          : { rollupOptions: { input: entry, preserveEntrySignatures: "strict", output: { entryFileNames: `${name}.js`, assetFileNames: "[name][extname]" } } }),
      },
    });
    const files = [];
    const walk = (d) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else files.push({ file: p.slice(dir.length + 1), bytes: statSync(p).size, gzip: gz(readFileSync(p)) });
      }
    };
    walk(dir);
    out[name] = { files };
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  console.log(JSON.stringify(await buildBundles(undefined, { log: (m) => process.stderr.write(`${m}\n`) }), null, 2));
}
