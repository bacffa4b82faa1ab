// Size job: the package's files (what bench/size.sh prints), raw and `gzip -9`, beside the
// peers' browser bundles built by bench/bundles.mjs with the same Vite, and measure-rules
// bundled the same way.
//
//   node bench/size.mjs
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { OUT, buildBundles } from "./bundles.mjs";
import { fmt, root, table } from "./lib.mjs";

const SELF = fileURLToPath(import.meta.url);

/** Bytes and `gzip -9 -c` bytes of a file (the gzip command, as bench/size.sh measures). */
export function sizeOf(path) {
  return { bytes: readFileSync(path).length, gzip: execFileSync("gzip", ["-9", "-c", path], { maxBuffer: 1 << 26 }).length };
}

/** wasm-bindgen puts the glue's own modules (wasm/src/*.mjs) under a folder named by a hash. */
function snippet(build, name) {
  const dir = join("wasm", "npm", build, "snippets");
  const crates = existsSync(join(root, dir)) ? readdirSync(join(root, dir)) : [];
  return join(dir, crates[0] ?? "(not built)", "src", name);
}

export const PACKAGE_FILES = [
  ["web/measure_rules_bg.wasm (browser)", "wasm/npm/web/measure_rules_bg.wasm"],
  ["web/measure_rules.js (browser glue)", "wasm/npm/web/measure_rules.js"],
  ["web/snippets/*/src/tape.mjs (browser glue: building reports from their tape)", snippet("web", "tape.mjs")],
  ["web/snippets/*/src/size.mjs (browser glue: an object's least JSON size, before JSON.stringify)", snippet("web", "size.mjs")],
  ["web/snippets/*/src/options.mjs (browser glue: the usual options in one call)", snippet("web", "options.mjs")],
  ["index.js (browser entry)", "wasm/npm/index.js"],
  ["node/measure_rules_bg.wasm (Node)", "wasm/npm/node/measure_rules_bg.wasm"],
  ["node/measure_rules.js (Node glue)", "wasm/npm/node/measure_rules.js"],
  ["node.mjs (Node ESM entry)", "wasm/npm/node.mjs"],
  ["cli.mjs", "wasm/npm/cli.mjs"],
  ["rule-docs.js (the rules' documentation, for pages and tools that show it; not in the wasm)", "wasm/npm/rule-docs.js"],
  ["web/measure_rules.d.ts (types)", "wasm/npm/web/measure_rules.d.ts"],
];

export async function sizeJob({ log = () => {} } = {}) {
  const pkg = PACKAGE_FILES.map(([label, rel]) => ({ label, file: rel, ...sizeOf(join(root, rel)) }));
  const bundles = await buildBundles(undefined, { log });
  const sized = {};
  for (const [name, b] of Object.entries(bundles)) sized[name] = b.files.map((f) => ({ file: f.file, ...sizeOf(join(OUT, name, f.file)) }));
  // The registry the json-rules-engine bundle carries, for comparison (measure-rules embeds it too).
  const registry = JSON.stringify(JSON.parse(readFileSync(join(root, "data", "organisations.json"), "utf8")));
  const registryGzip = execFileSync("gzip", ["-9", "-c"], { input: registry }).length;
  return { package: pkg, bundles: sized, registry: { bytes: Buffer.byteLength(registry), gzip: registryGzip } };
}

export function sizeTables(r) {
  const pkg = table(
    [{ title: "package file" }, { title: "bytes", align: "r" }, { title: "gzip -9", align: "r" }],
    r.package.map((f) => [f.label, String(f.bytes), String(f.gzip)]),
  );
  const get = (label) => r.package.find((f) => f.label.startsWith(label));
  // What a browser loads: the entry, the glue and every snippet the package lists, the wasm last.
  const snippets = r.package.filter((f) => f.label.startsWith("web/snippets/"));
  const browser = [get("index.js"), get("web/measure_rules.js"), ...snippets, get("web/measure_rules_bg.wasm")].filter(Boolean);
  const sum = (list, k) => list.reduce((n, f) => n + f[k], 0);
  const bundleRow = (name, label) => {
    const files = r.bundles[name];
    const wasm = files.filter((f) => f.file.endsWith(".wasm"));
    const js = files.filter((f) => !f.file.endsWith(".wasm"));
    return [label, String(sum(js, "bytes")), String(sum(js, "gzip")), wasm.length ? String(sum(wasm, "bytes")) : "none", wasm.length ? String(sum(wasm, "gzip")) : "-", fmt.kb(sum(files, "gzip"))];
  };
  const rows = [
    [
      `measure-rules, the package as shipped (index.js + web glue and its ${browser.filter((f) => f.label.startsWith("web/snippets")).length > 1 ? "snippets" : "snippet"} + .wasm)`,
      String(sum(browser.slice(0, -1), "bytes")),
      String(sum(browser.slice(0, -1), "gzip")),
      String(browser.at(-1).bytes),
      String(browser.at(-1).gzip),
      fmt.kb(sum(browser, "gzip")),
    ],
    bundleRow("measure-rules", "measure-rules through Vite (JS minified, .wasm as asset)"),
    bundleRow("ajv-runtime", "ajv 8 (2020 draft) + ajv-i18n fi + schema, compiled in the browser"),
    bundleRow("ajv-standalone", "ajv standalone validator of the schema + ajv-i18n fi"),
    bundleRow("json-rules-engine", "json-rules-engine 7 + the four checks + organisation registry"),
  ];
  const cmp = table(
    [
      { title: "what a browser loads" },
      { title: "JS bytes", align: "r" },
      { title: "JS gzip", align: "r" },
      { title: "wasm bytes", align: "r" },
      { title: "wasm gzip", align: "r" },
      { title: "total gzip KB", align: "r" },
    ],
    rows,
  );
  return `${pkg}\n\n${cmp}\n\nNone of the peers has a WebAssembly build. The organisation registry alone (data/organisations.json, minified) is ${r.registry.bytes} bytes, ${r.registry.gzip} gzipped; the json-rules-engine bundle includes it, measure-rules' wasm embeds it.`;
}

if (process.argv[1] === SELF) {
  console.log(sizeTables(await sizeJob({ log: (m) => process.stderr.write(`${m}\n`) })));
}
