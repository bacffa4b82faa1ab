// The package as an agency installs it: `npm pack`, then `npm install` of the tarball into an
// empty project (no registry needed: it has no dependencies). What `files` in package.json
// leaves out, or an export that points at nothing, shows here and nowhere else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, root, tempDir } from "./helpers.mjs";

const npm = (args, cwd) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });

test("the packed package installs, and its CLI, both module forms and its declarations work", { timeout: 120_000 }, () => {
  const dir = tempDir("measure-rules-packed-");
  npm(["pack", "--pack-destination", dir], join(root, "wasm", "npm"));
  const [tarball] = readdirSync(dir).filter((f) => f.endsWith(".tgz"));
  const app = join(dir, "app");
  execFileSync("mkdir", [app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "agency-form", private: true }));
  npm(["install", join(dir, tarball)], app);

  // The CLI from node_modules/.bin, as `npx measure-rules` runs it: the same output as the
  // working copy's.
  copyFileSync(join(root, "data", "programme-2017.json"), join(app, "programme.json"));
  const args = ["check", "programme.json", "--as-of", "2018-06-01", "--lang", "sv", "--format", "json"];
  const installed = spawnSync(join(app, "node_modules", ".bin", "measure-rules"), args, { cwd: app, encoding: "utf8" });
  const here = spawnSync(process.execPath, [cli, ...args], { cwd: app, encoding: "utf8" });
  assert.equal(installed.status, 1, installed.stderr);
  assert.equal(installed.stdout, here.stdout);

  // import and require.
  writeFileSync(join(app, "esm.mjs"), 'import { Engine } from "measure-rules";\nprocess.stdout.write(JSON.stringify(new Engine().checkMeasure({ id: "1.1" }, { lang: "en" }).summary));\n');
  writeFileSync(join(app, "cjs.cjs"), 'const { Engine } = require("measure-rules");\nprocess.stdout.write(JSON.stringify(new Engine().checkMeasure({ id: "1.1" }, { lang: "en" }).summary));\n');
  const esm = execFileSync(process.execPath, ["esm.mjs"], { cwd: app, encoding: "utf8" });
  assert.equal(execFileSync(process.execPath, ["cjs.cjs"], { cwd: app, encoding: "utf8" }), esm);
  assert.deepEqual(JSON.parse(esm), { error: 5, warning: 1, info: 0 });
  // The rules' documentation, a module of its own.
  writeFileSync(join(app, "docs.mjs"), 'import { RULE_DOCS } from "measure-rules/rule-docs";\nprocess.stdout.write(RULE_DOCS["lead-body.required"].why);\n');
  writeFileSync(join(app, "docs.cjs"), 'process.stdout.write(require("measure-rules/rule-docs").RULE_DOCS["lead-body.required"].why);\n');
  const why = execFileSync(process.execPath, ["docs.mjs"], { cwd: app, encoding: "utf8" });
  assert.ok(why.length > 20, why);
  assert.equal(execFileSync(process.execPath, ["docs.cjs"], { cwd: app, encoding: "utf8" }), why);

  // The declarations, with a plain library and skipLibCheck: false, as Node resolves them
  // (ES module and CommonJS) and as a bundler does.
  const typed = 'import { Engine, type Report } from "measure-rules";\nexport const report: Report = new Engine().checkMeasure({ id: "1.1" }, { lang: "fi" });\n' +
    'import { RULE_DOCS } from "measure-rules/rule-docs";\nexport const why: string | undefined = RULE_DOCS[report.findings[0]?.rule ?? ""]?.why;\n';
  writeFileSync(join(app, "esm.mts"), typed);
  writeFileSync(join(app, "cjs.cts"), typed);
  writeFileSync(join(app, "web.ts"), typed);
  const tsc = join(root, "node_modules", ".bin", "tsc");
  const common = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--types", "", "--skipLibCheck", "false"];
  for (const [resolution, files] of [["nodenext", ["esm.mts", "cjs.cts"]], ["bundler", ["web.ts"]]]) {
    const module = resolution === "bundler" ? "esnext" : "nodenext";
    const r = spawnSync(tsc, [...common, "--module", module, "--moduleResolution", resolution, ...files], { cwd: app, encoding: "utf8" });
    assert.equal(r.status, 0, `${resolution}: ${r.stdout}${r.stderr}`);
  }
});
