// The CLI as CI uses it: formats, exit codes, bad files among good ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, linkSync, mkdirSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Engine } from "measure-rules";
import { cli, readJson, root, tempDir } from "./helpers.mjs";

const run = (args, cwd = root) => {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const GOOD = { id: "2.1", theme: 2, title: { fi: "x" }, leadBody: "SM", partners: ["OM"], schedule: { continuous: true }, status: "continuous" };

function workspace() {
  const dir = tempDir("measure-rules-cli-");
  mkdirSync(join(dir, "measures", "theme-2"), { recursive: true });
  writeFileSync(join(dir, "measures", "good.json"), JSON.stringify(GOOD, null, 2));
  writeFileSync(join(dir, "measures", "theme-2", "warn.json"), JSON.stringify({ ...GOOD, partners: [] }, null, 2));
  writeFileSync(join(dir, "measures", "theme-2", "bad.json"), '{\n  "id": "2.1",\n  "partners": ["Tuli"],\n}\n');
  writeFileSync(join(dir, "notes.txt"), "not checked");
  return dir;
}

test("the real programme: text report with places, code frames and a roll-up", () => {
  const r = run(["check", "data/programme-2017.json", "--lang", "en", "--as-of", "2018-06-01"]);
  assert.equal(r.code, 1, "the programme has errors");
  assert.match(r.out, /data\/programme-2017\.json:\d+:\d+: error lead-body\.required \[6\.2\]: The lead body is missing\./);
  assert.match(r.out, /^> +\d+ \| /m, "code frame");
  const golden = readJson("tests/golden/programme-2017.en.json");
  const s = golden.summary;
  assert.match(r.out, new RegExp(`1 file\\(s\\) checked: ${s.error} error\\(s\\), ${s.warning} warning\\(s\\), ${s.info} info`));
  assert.match(r.out, /^ +25 +info +organisation\.alias$/m, "a repeated problem is one line of the roll-up");
});

test("code frames: a long line is cut around the finding's column, the caret under its character", () => {
  const dir = tempDir("measure-rules-frame-");
  // One line, as machine-written JSON is: an astral character early (two UTF-16 units, one
  // column), and the findings far past the 120 characters a frame shows; then a short line.
  const title = "Otsikko 😀 " + "pitkä teksti ".repeat(12);
  const text = `{"id": "2.1", "theme": 2, "title": {"fi": ${JSON.stringify(title)}}, "leadBody": "SM", "partners": ["OM"], "schedule": {"continuous": true}, "status": "continuous\\r", "zz": 1}\n\n`;
  writeFileSync(join(dir, "one-line.json"), text);
  const r = run(["check", "one-line.json", "--lang", "en"], dir);
  const frames = [...r.out.matchAll(/^one-line\.json:1:(\d+): [^\n]*\n> +1 \| ([^\n]*)\n +\| ( *)\^\n( +2 \| [^\n]*)$/gm)];
  assert.deepEqual(frames.map((m) => m[1]), ["286", "312"], r.out);
  const line = [...text.split("\n")[0]];
  for (const [, column, shown, caret, next] of frames) {
    assert.ok(shown.length <= 120 && shown.startsWith("..."), shown);
    // The character above the caret is the one at the finding's column.
    assert.equal([...shown][caret.length], line[Number(column) - 1], `${column}: ${shown}`);
    assert.match(next, /^ +2 \| $/, "an empty line after it stays empty");
  }
  // The message shows the carriage return that the value hides.
  assert.match(r.out, /continuous\u240d is not an allowed status/);
});

test("code frames: a tab is shown as four spaces, with the caret under the finding's character, and control characters as their symbols", () => {
  const dir = tempDir("measure-rules-tabs-");
  // Indented with tabs, as many editors write JSON; then a key with an escape sequence (which
  // would clear the terminal) and a NUL written raw, which is a syntax error at the first.
  writeFileSync(join(dir, "tabs.json"), '{\n\t"id": "2.1",\n\t"theme": 2,\n\t\t"leadBody": "SMM"\n}\n');
  writeFileSync(join(dir, "raw.json"), '{\n\t"id": "2.1",\n\t"x\u001b[2J\u0000": 1\n}\n');
  // And one in a file's name, shown as its symbol before each of its findings.
  writeFileSync(join(dir, "e\u001b[2J.json"), "{}");
  const r = run(["check", "tabs.json", "raw.json", "e\u001b[2J.json", "--lang", "en"], dir);
  assert.ok(r.out.includes("\ne␛[2J.json:1:1: error "), r.out);
  assert.ok(r.out.includes('tabs.json:4:3: error lead-body.unknown [2.1]: The lead body SMM is not in the organisation registry. Did you mean YM (Ministry of the Environment)?\n     3 |     "theme": 2,\n>    4 |         "leadBody": "SMM"\n       |         ^\n'), r.out);
  assert.ok(r.out.includes('raw.json:3:4: error input.syntax: '), r.out);
  assert.ok(r.out.includes('>    3 |     "x␛[2J␀": 1\n       |       ^\n'), r.out);
  assert.doesNotMatch(r.out, /[\0-\x09\x0b-\x1f\x7f]/, "no control character but the line feed reaches the terminal");
});

test("code frames: the caret stands under its character after decomposed letters, wide characters and emoji", () => {
  const dir = tempDir("measure-rules-wide-");
  // "Käyttö" as macOS writes it (a and U+0308), two CJK characters and an emoji: 2 + 2 + 1 columns
  // more or less than characters. Counted as characters, the caret stood a column off.
  writeFileSync(join(dir, "w.json"), '{"id": "2.1", "title": {"fi": "Ka\u0308ytto\u0308 日本 🚓"}, "leadBody": "SMM"}\n');
  const r = run(["check", "w.json", "--lang", "en"], dir);
  const frame = r.out.split("\n");
  const at = frame.findIndex((l) => l.startsWith("w.json:1:49: error lead-body.unknown"));
  assert.ok(at >= 0, r.out);
  // In a terminal's columns: the line's text from the 10th, the caret 49 columns on, under '"leadBody"'.
  assert.equal(frame[at + 2], `       | ${" ".repeat(49)}^`);
});

test("a glob that matches 130,000 files checks them all", () => {
  const dir = tempDir("measure-rules-many-");
  mkdirSync(join(dir, "m"));
  // Hard links to three files (a file has at most 65,000 on ext4): what matters is how many
  // names the glob matches, and links take no room of their own.
  const sources = [0, 1, 2].map((i) => {
    const file = join(dir, `source-${i}.json`);
    writeFileSync(file, JSON.stringify({ ...GOOD, id: `2.${i + 1}` }));
    return file;
  });
  for (let i = 0; i < 130_000; i++) linkSync(sources[i % 3], join(dir, "m", `${i}.json`));
  const r = run(["check", "m/*.json"], dir);
  assert.equal(r.err, "", "no stack overflow when the matches are added to the list");
  assert.equal(r.code, 0);
  assert.match(r.out, /^130000 file\(s\) checked: 0 error\(s\), 0 warning\(s\), 0 info$/m);
});

test("a file over the size limit is refused by its size, without being read in; the others are still checked", () => {
  const dir = workspace();
  // Sparse files, which take no room on disk. Read in whole, 600 MB was text longer than a
  // JavaScript string may be (the text format stopped with ERR_STRING_TOO_LONG, and every
  // other file's findings were lost), and 6 GiB was more than a Buffer holds ("cannot read",
  // after 27 s and 5 GB of memory).
  const sizes = { "huge.json": 600 * 1024 * 1024, "giant.json": 6 * 2 ** 30 };
  for (const [name, size] of Object.entries(sizes)) {
    writeFileSync(join(dir, "measures", name), '{"id": "2.1",\t"title": ');
    truncateSync(join(dir, "measures", name), size);
  }
  const text = run(["check", "measures", "--lang", "en"], dir);
  assert.equal(text.err, "");
  assert.equal(text.code, 1);
  for (const [name, size] of Object.entries(sizes)) {
    assert.ok(text.out.includes(`measures/${name}:1:1: error input.too-large: The file is ${size} bytes; at most 33554432 bytes are accepted.\n>    1 | {"id": "2.1",    "title": ␀␀␀`), name);
  }
  assert.match(text.out, /measures\/theme-2\/bad\.json:3:23: error input\.syntax/, "the other files' findings are kept");
  assert.match(text.out, /^5 file\(s\) checked: 3 error\(s\), 1 warning\(s\), 0 info$/m);
  // As JSON: the report checkDocumentJson gives the file's bytes, and the layout JSON.stringify gives.
  const json = run(["check", "measures", "--format", "json", "--lang", "sv", "--as-of", "2018-06-01"], dir);
  assert.equal(json.code, 1);
  const out = JSON.parse(json.out);
  assert.equal(json.out, JSON.stringify(out, null, 2) + "\n");
  // The totals of the text format's last line, an unreadable file counted as an error.
  const sum = (severity) => out.files.reduce((n, f) => n + (f.error ? (severity === "error" ? 1 : 0) : f.report.summary[severity]), 0);
  assert.deepEqual(out.summary, { files: out.files.length, notRead: out.files.filter((f) => f.error).length, error: sum("error"), warning: sum("warning"), info: sum("info") });
  assert.deepEqual([out.summary.files, out.summary.error, out.summary.warning], [5, 3, 1]);
  const huge = out.files.find((f) => f.file.endsWith("huge.json"));
  const bytes = new Uint8Array(sizes["huge.json"]);
  const expected = new TextDecoder().decode(new Engine().checkDocumentJson(bytes, { lang: "sv", asOf: "2018-06-01" }, 3).json);
  assert.ok(json.out.includes(`"report": ${expected}\n`), "the engine's own JSON text for the file's bytes");
  assert.equal(huge.report.findings[0].params.size, String(sizes["huge.json"]));
  // A pipe has no size to ask the file system for: its bytes are counted to its end.
  // (A shell's pipe: Node gives a child a socket, which /dev/stdin cannot be opened on.)
  const piped = spawnSync("sh", ["-c", `head -c 40000000 /dev/zero | "${process.execPath}" "${cli}" check /dev/stdin --lang en`]);
  assert.equal(piped.status, 1);
  assert.match(piped.stdout.toString(), /^\/dev\/stdin:1:1: error input\.too-large: The file is 40000000 bytes;/);
  // A file of exactly the limit is read and checked, from a file and from a pipe: its bytes
  // fill the buffer, and it was taken for one over the limit ("Cannot read properties of
  // undefined", every file's findings lost).
  const limit = 32 * 1024 * 1024;
  writeFileSync(join(dir, "exact.json"), "{}");
  truncateSync(join(dir, "exact.json"), limit);
  const exact = run(["check", "exact.json", "measures/good.json", "--lang", "en"], dir);
  assert.equal(exact.err, "");
  assert.match(exact.out, /^exact\.json:1:3: error input\.syntax: /m);
  assert.doesNotMatch(exact.out, /too-large/);
  assert.match(exact.out, /^2 file\(s\) checked: 1 error\(s\)/m);
  const exactPipe = spawnSync("sh", ["-c", `head -c ${limit} exact.json | "${process.execPath}" "${cli}" check /dev/stdin --lang en`], { cwd: dir, encoding: "utf8" });
  assert.equal(exactPipe.stderr, "");
  assert.match(exactPipe.stdout, /^\/dev\/stdin:1:3: error input\.syntax: /);
});

test("a folder that cannot be read is reported, and the files around it are still checked", () => {
  const dir = workspace();
  mkdirSync(join(dir, "measures", "locked"));
  writeFileSync(join(dir, "measures", "locked", "x.json"), "{}");
  chmodSync(join(dir, "measures", "locked"), 0o000);
  // Root reads any folder, so as root the CLI runs without the capabilities that let it.
  const as = process.getuid() === 0 ? ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps", "-dac_override,-dac_read_search"] : [];
  const check = (...args) => {
    const [command, ...rest] = [...as, process.execPath, cli, "check", ...args, "--format", "json", "--lang", "en"];
    const r = spawnSync(command, rest, { cwd: dir, encoding: "utf8" });
    return { code: r.status, err: r.stderr, files: r.stdout ? JSON.parse(r.stdout).files.map((f) => [f.file, f.error ?? f.report.summary.error]) : [] };
  };
  // It ended the run in a stack trace, and a glob over it matched nothing.
  for (const target of ["measures", "measures/**/*.json"]) {
    const r = check(target);
    assert.equal(r.err, "", target);
    assert.equal(r.code, 1, target);
    assert.deepEqual(r.files, [["measures/locked", "cannot read folder: permission denied (EACCES)"], ["measures/good.json", 0], ["measures/theme-2/bad.json", 1], ["measures/theme-2/warn.json", 0]], target);
  }
  // A glob is walked only as deep as it reaches: this one not into the folders.
  assert.deepEqual(check("measures/*.json").files, [["measures/good.json", 0]]);
  assert.deepEqual(check("nowhere/*.json").files, [["nowhere/*.json", "no such file, or nothing matches"]]);
  chmodSync(join(dir, "measures", "locked"), 0o755);
});

test("a walk takes files, folders and links to either, each folder once, not a FIFO or a device named .json; one named as an argument is read", () => {
  const dir = workspace();
  const m = join(dir, "measures");
  spawnSync("mkfifo", [join(m, "fifo.json")]);
  symlinkSync("/dev/null", join(m, "device.json"));
  symlinkSync("good.json", join(m, "link.json"));
  symlinkSync("fifo.json", join(m, "to-fifo.json"));
  symlinkSync("nowhere.json", join(m, "broken.json"));
  const check = (...args) => {
    // A FIFO with no writer blocked the run at its open: the timeout turns that into a failure.
    const r = spawnSync(process.execPath, [cli, "check", ...args, "--format", "json", "--lang", "en"], { cwd: dir, encoding: "utf8", timeout: 20000 });
    assert.equal(r.signal, null, "the run ended by itself");
    return { code: r.status, files: JSON.parse(r.stdout).files.map((f) => [f.file, f.error ?? f.report.summary.error]) };
  };
  // link.json is good.json by another name, checked once, by the name that comes first.
  // A broken link says where it leads ("cannot read: ENOENT" was all it said).
  const walked = [["measures/broken.json", "cannot read: a link to nowhere.json, which is not there (ENOENT)"], ["measures/good.json", 0], ["measures/theme-2/bad.json", 1], ["measures/theme-2/warn.json", 0]];
  assert.deepEqual(check("measures").files, walked);
  assert.deepEqual(check("measures/**/*.json").files, walked);
  // Named, it says the same (it was "no such file, or nothing matches").
  assert.deepEqual(check("measures/broken.json").files, [walked[0]]);
  // Even with a glob's characters in its name, which made it a glob that matched nothing.
  mkdirSync(join(dir, "odd"));
  symlinkSync("nowhere.json", join(dir, "odd", "a[1].json"));
  assert.deepEqual(check("odd/a[1].json").files, [["odd/a[1].json", "cannot read: a link to nowhere.json, which is not there (ENOENT)"]]);
  // Named, a device is read: /dev/null is an empty document.
  const named = check("measures/device.json");
  assert.equal(named.files[0][0], "measures/device.json");
  assert.equal(named.code, 1);
  // A link to a folder is walked as the folder: a folder of measures linked in was left out
  // without a word. A link back up the tree, or a second link to a folder, is walked once.
  mkdirSync(join(dir, "shared"));
  writeFileSync(join(dir, "shared", "linked.json"), JSON.stringify(GOOD));
  symlinkSync("../shared", join(m, "theme-3"));
  symlinkSync("../shared", join(m, "theme-4"));
  symlinkSync("..", join(m, "theme-2", "up"));
  const linked = [...walked, ["measures/theme-3/linked.json", 0]];
  assert.deepEqual(check("measures").files, linked);
  assert.deepEqual(check("measures/**/*.json").files, linked);
});

test("- is the standard input, a socket as Node gives a child, or a shell's pipe", () => {
  const dir = workspace();
  const r = spawnSync(process.execPath, [cli, "check", "-", "measures/good.json", "--format", "json", "--lang", "en"], { cwd: dir, encoding: "utf8", input: '{\n  "id": "2.1",\n}' });
  assert.equal(r.status, 1);
  const files = JSON.parse(r.stdout).files;
  assert.deepEqual(files.map((f) => [f.file, f.report.summary.error]), [["-", 1], ["measures/good.json", 0]]);
  assert.deepEqual([files[0].report.findings[0].rule, files[0].report.findings[0].line], ["input.syntax", 2]);
  const piped = spawnSync("sh", ["-c", `cat measures/theme-2/warn.json | "${process.execPath}" "${cli}" check - --lang en`], { cwd: dir, encoding: "utf8" });
  assert.equal(piped.status, 0);
  assert.match(piped.stdout, /^-:\d+:\d+: warning partners\.required/);
});

test("files and folders whose names are not UTF-8 are walked, checked and named with \\xHH for their bytes", () => {
  const dir = tempDir("measure-rules-latin1-");
  // As a Windows zip unpacks: "käynnissä" in Latin-1. They were "cannot read: ENOENT".
  const at = (...parts) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
  mkdirSync(at(dir, "/m/teema-", [0xe4]), { recursive: true });
  writeFileSync(at(dir, "/m/k", [0xe4], "ynniss", [0xe4], ".json"), JSON.stringify({ ...GOOD, partners: [] }));
  writeFileSync(at(dir, "/m/teema-", [0xe4], "/", [0xff], ".json"), JSON.stringify({ ...GOOD, id: "2.x" }));
  writeFileSync(at(dir, "/m/teema-", [0xe4], "/ok.json"), JSON.stringify(GOOD));
  const expected = [["m/k\\xE4ynniss\\xE4.json", "partners.required"], ["m/teema-\\xE4/\\xFF.json", "id.format"], ["m/teema-\\xE4/ok.json", undefined]];
  for (const args of [["m"], ["m/**/*.json"], ["m", "--jobs", "3"]]) {
    const r = run(["check", ...args, "--format", "json", "--lang", "en"], dir);
    const files = JSON.parse(r.out).files.map((f) => [f.file, f.error ?? f.report.findings[0]?.rule]);
    assert.deepEqual(files, expected, args.join(" "));
  }
  // SARIF names them by their bytes, percent-encoded.
  const sarif = JSON.parse(run(["check", "m", "--format", "sarif"], dir).out);
  const uris = new Set(sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri));
  assert.deepEqual([...uris], ["m/k%E4ynniss%E4.json", "m/teema-%E4/%FF.json"]);
  // Node gives an argument's bytes replaced, so such a name cannot be opened: the error says so.
  const named = spawnSync(process.execPath, [cli, "check", at("m/k", [0xe4], ".json"), "--lang", "en"], { cwd: dir, encoding: "utf8" });
  assert.match(named.stdout, /no such file, or nothing matches \(a name that is not UTF-8 cannot be given as an argument: give its folder\)/);
});

test("exit codes follow --fail-on", () => {
  const dir = workspace();
  assert.equal(run(["check", "measures/good.json"], dir).code, 0);
  assert.equal(run(["check", "measures/theme-2/warn.json"], dir).code, 0);
  assert.equal(run(["check", "measures/theme-2/warn.json", "--fail-on", "warning"], dir).code, 1);
  assert.equal(run(["check", "measures/good.json", "--fail-on", "info"], dir).code, 0);
  assert.equal(run(["check", "measures"], dir).code, 1);
});

test("directories and globs; a broken or missing file is reported and the others still checked", () => {
  const dir = workspace();
  const r = run(["check", "measures/**/*.json", "missing.json", "--format", "json", "--lang", "en"], dir);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.out);
  const files = out.files.map((f) => f.file).sort();
  assert.deepEqual(files, ["measures/good.json", "measures/theme-2/bad.json", "measures/theme-2/warn.json", "missing.json"]);
  const bad = out.files.find((f) => f.file.endsWith("bad.json"));
  const syntax = bad.report.findings[0];
  assert.equal(syntax.rule, "input.syntax");
  // The trailing comma itself, at the end of line 3, not the bracket after it.
  assert.deepEqual([syntax.line, syntax.column, syntax.params.problem], [3, 23, "trailing-comma"]);
  assert.match(out.files.find((f) => f.file === "missing.json").error, /no such file/);
  const good = out.files.find((f) => f.file.endsWith("good.json"));
  assert.equal(good.report.findings.length, 0);
  const viaDir = JSON.parse(run(["check", "measures", "--format", "json"], dir).out);
  assert.equal(viaDir.files.length, 3, "a directory means every .json file under it");
  // A folder with no .json file is an error, as a glob that matches nothing: a CI job given
  // the wrong folder passed, checking nothing.
  mkdirSync(join(dir, "docs", "node_modules"), { recursive: true });
  writeFileSync(join(dir, "docs", "node_modules", "x.json"), "{}");
  const empty = run(["check", "docs", "measures/good.json", "--lang", "en"], dir);
  assert.equal(empty.code, 1);
  assert.match(empty.out, /^docs: error: no \.json file in this folder\n\n/);
  assert.match(empty.out, /1 file\(s\) checked, 1 not read: 1 error\(s\)/);
});

test("globs as a shell or globby reads them: sets, braces, absolute and upward; .JSON files; a name with a glob's characters", () => {
  const dir = workspace();
  mkdirSync(join(dir, "measures", "theme-3"));
  writeFileSync(join(dir, "measures", "theme-3", "X.JSON"), JSON.stringify(GOOD));
  writeFileSync(join(dir, "measures", "kooste [luonnos].json"), JSON.stringify(GOOD));
  const files = (args, cwd = dir) => {
    const r = run(["check", ...args, "--format", "json"], cwd);
    return JSON.parse(r.out).files.map((f) => (f.error ? `${f.file}: ${f.error}` : f.file));
  };
  // A folder's .JSON file was left out, and a glob for it matched nothing.
  assert.deepEqual(files(["measures"]), ["measures/good.json", "measures/kooste [luonnos].json", "measures/theme-2/bad.json", "measures/theme-2/warn.json", "measures/theme-3/X.JSON"]);
  assert.deepEqual(files(["measures/*/*.JSON"]), ["measures/theme-3/X.JSON"]);
  assert.deepEqual(files(["measures/*/*.json"]), ["measures/theme-2/bad.json", "measures/theme-2/warn.json"], "a glob's case is its own, as in a shell");
  // Braces and sets were read as the characters they are: "nothing matches".
  assert.deepEqual(files(["measures/{theme-2/warn,theme-3/X}.{json,JSON}"]), ["measures/theme-2/warn.json", "measures/theme-3/X.JSON"]);
  assert.deepEqual(files(["measures/theme-[0-2]/[!w]*.json"]), ["measures/theme-2/bad.json"]);
  assert.deepEqual(files(["measures/{theme-8,theme-9}/*.json"]), ["measures/{theme-8,theme-9}/*.json: no such file, or nothing matches"]);
  // A name that is there is that file, brackets and all; in a glob, a backslash makes them plain.
  assert.deepEqual(files(["measures/kooste [luonnos].json"]), ["measures/kooste [luonnos].json"]);
  assert.deepEqual(files(["measures/*\\[luonnos].json"]), ["measures/kooste [luonnos].json"]);
  // An absolute glob ($GITHUB_WORKSPACE/measures/**/*.json) or one going up matched nothing.
  assert.deepEqual(files([`${dir}/measures/theme-2/*.json`]), [join(dir, "measures/theme-2/bad.json"), join(dir, "measures/theme-2/warn.json")]);
  assert.deepEqual(files(["../theme-2/w*.json", "./*.JSON"], join(dir, "measures", "theme-3")), ["../theme-2/warn.json", "X.JSON"]);
});

test("github, junit and sarif formats", () => {
  const dir = workspace();
  const gh = run(["check", "measures", "--format", "github", "--lang", "en"], dir).out;
  assert.match(gh, /^::error file=measures\/theme-2\/bad\.json,line=3,col=23,title=input\.syntax::/m);
  assert.match(gh, /^::warning file=measures\/theme-2\/warn\.json,line=\d+,col=\d+,title=partners\.required::/m);
  // The totals last, as a notice: GitHub shows only a step's first annotations of each kind.
  assert.match(gh, /\n::notice title=measure-rules::3 file\(s\) checked: 1 error\(s\), 1 warning\(s\), \d+ info\n$/);
  const junit = run(["check", "measures", "--format", "junit"], dir).out;
  assert.match(junit, /<testsuite name="measure-rules" tests="3" failures="1">/);
  assert.match(junit, /<failure type="input.syntax"/);
  assert.match(junit, /<system-out>measures\/theme-2\/warn\.json:\d+:\d+: warning partners\.required \/partners: /);
  // With --fail-on warning the job is red for the warning too, and the report says so: it
  // counted only errors as failures, so a red job's report showed every file passing.
  const strict = run(["check", "measures", "--format", "junit", "--fail-on", "warning"], dir);
  assert.equal(strict.code, 1);
  assert.match(strict.out, /<testsuite name="measure-rules" tests="3" failures="2">/);
  assert.match(strict.out, /name="measures\/theme-2\/warn\.json" file="measures\/theme-2\/warn\.json"><failure type="partners\.required"/);
  const sarif = JSON.parse(run(["check", "measures", "--format", "sarif"], dir).out);
  assert.equal(sarif.version, "2.1.0");
  const results = sarif.runs[0].results;
  assert.ok(results.some((x) => x.ruleId === "partners.required" && x.level === "warning" && x.locations[0].physicalLocation.region.startLine > 0));
  assert.ok(sarif.runs[0].tool.driver.rules.some((r) => r.id === "status.schedule"));
  // Every result's rule is described, a rule set's custom rules and unreadable files too.
  const custom = JSON.parse(run(["check", "measures", "missing.json", "--ruleset", join(root, "tests/fixtures/rulesets/ministry.json"), "--format", "sarif", "--lang", "sv"], dir).out);
  const described = new Map(custom.runs[0].tool.driver.rules.map((r) => [r.id, r]));
  assert.ok(custom.runs[0].results.some((x) => x.ruleId === "sm/swedish-title") && custom.runs[0].results.some((x) => x.ruleId === "input.unreadable"));
  for (const x of custom.runs[0].results) assert.ok(described.has(x.ruleId), x.ruleId);
  assert.deepEqual(described.get("sm/swedish-title"), { id: "sm/swedish-title", shortDescription: { text: "Åtgärder som inrikesministeriet leder har en svensk titel." }, defaultConfiguration: { level: "error" } });
  // The built-in rules at the rule set's levels, as its results are (the catalogue's were given).
  assert.equal(described.get("partners.required").defaultConfiguration.level, "error");
  assert.equal(sarif.runs[0].tool.driver.rules.find((r) => r.id === "partners.required").defaultConfiguration.level, "warning");
  // A URI reference, percent-encoded: a space, "#" and "ä" are not URI characters (they went
  // into the log as they were). Relative as given, or a file: URI when absolute.
  writeFileSync(join(dir, "measures", "väylä #1.json"), JSON.stringify({ id: "2.1" }));
  writeFileSync(join(dir, "measures", "väylä #2.json"), JSON.stringify({ id: "2.1" }));
  const named = JSON.parse(run(["check", "measures/väylä #1.json", join(dir, "measures", "väylä #2.json"), "--format", "sarif"], dir).out);
  const uris = [...new Set(named.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))];
  assert.deepEqual(uris, ["measures/v%C3%A4yl%C3%A4%20%231.json", pathToFileURL(join(dir, "measures", "väylä #2.json")).href]);
  assert.equal(fileURLToPath(new URL(uris[0], pathToFileURL(join(dir, "/")))), join(dir, "measures", "väylä #1.json"));
  // XML 1.0 cannot hold a control character, not even as a reference: one in a file's name
  // made the whole JUnit report not well-formed. A line break is kept as a reference.
  writeFileSync(join(dir, "measures", "a\u0001b\nc.json"), '{"id": "2.1",}');
  const xml = run(["check", "measures", "--format", "junit", "--lang", "en"], dir).out;
  assert.doesNotMatch(xml, /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/);
  assert.match(xml, /<testcase classname="measure-rules" name="measures\/a\u2401b&#10;c\.json" file="measures\/a\u2401b&#10;c\.json"><failure type="input\.syntax"/);
  // One <failure> and one <system-out> a test case, each with every finding and its message
  // a line: Jenkins showed only the first of each, and GitLab could not read two <system-out>.
  writeFileSync(join(dir, "many.json"), JSON.stringify({ id: "2.1", theme: 3, partners: ["Tuli", "Tuli"] }));
  const many = run(["check", "many.json", "--format", "junit", "--lang", "en", "--as-of", "2018-06-01"], dir).out;
  const testcase = many.match(/<testcase [^>]*>(.*)<\/testcase>/)[1];
  assert.equal(testcase.match(/<failure /g).length, 1);
  assert.equal(testcase.match(/<system-out>/g).length, 1);
  const failure = testcase.match(/<failure [^>]*message="([^"]*)">(.*?)<\/failure>/);
  assert.match(failure[1], /\(and \d+ more\)$/);
  const lines = failure[2].split("&#10;");
  assert.ok(lines.length > 3 && lines.every((l) => /^many\.json:\d+:\d+: error [\w.-]+ \/\S*: \S/.test(l)), failure[2]);
  assert.ok(lines.some((l) => l.includes("partners.unknown /partners/0: The partner Tuli is not in the organisation registry")), failure[2]);
  // SARIF says what its columns count; GitHub's commands show a control character of a name as its symbol.
  const run0 = JSON.parse(run(["check", "measures", "--format", "sarif", "--lang", "sv"], dir).out).runs[0];
  assert.equal(run0.columnKind, "unicodeCodePoints");
  assert.equal(run0.automationDetails.id, "measure-rules/sv/");
  writeFileSync(join(dir, "measures", "esc\u001b.json"), "{");
  assert.match(run(["check", "measures/esc\u001b.json", "--format", "github"], dir).out, /^::error file=measures\/esc\u241b\.json,line=1,col=1,title=input\.syntax::/);
  // --explain has no place in these formats, and is refused rather than dropped.
  for (const format of ["junit", "sarif", "github"]) {
    const r = run(["check", "measures", "--format", format, "--explain"], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, new RegExp(`--explain is for --format text and json, not ${format}`));
  }
});

test("a walk leaves hidden names out, a glob sees a folder by every way to it, and each file is checked once", () => {
  const dir = tempDir("measure-rules-walk-");
  for (const d of ["a", "b", ".hidden"]) mkdirSync(join(dir, "m", d), { recursive: true });
  writeFileSync(join(dir, "m", "a", "x.json"), JSON.stringify(GOOD));
  writeFileSync(join(dir, "m", "b", "y.json"), JSON.stringify(GOOD));
  writeFileSync(join(dir, "m", ".hidden", "z.json"), JSON.stringify(GOOD));
  writeFileSync(join(dir, "m", ".settings.json"), "{}");
  // A link to b that sorts before it, and one back up the tree.
  symlinkSync("b", join(dir, "m", "0link"));
  symlinkSync("..", join(dir, "m", "a", "up"));
  const files = (args) => JSON.parse(run(["check", ...args, "--format", "json"], dir).out).files.map((f) => f.file);
  // b was walked by the link first, and the glob that names b found none of its files.
  assert.deepEqual(files(["m/{a,b}/*.json"]), ["m/a/x.json", "m/b/y.json"]);
  assert.deepEqual(files(["m"]), ["m/0link/y.json", "m/a/x.json"]);
  assert.deepEqual(files(["m/**/*.json"]), ["m/0link/y.json", "m/a/x.json"]);
  // Named, a hidden file is checked; two ways to one file check it once.
  assert.deepEqual(files(["m/.settings.json"]), ["m/.settings.json"]);
  // (The folder m/a leads up to m by its link, and so to y.json as well.)
  assert.deepEqual(files(["./m/a/x.json", "m/a/x.json", "m/a/../a/x.json", "m/a"]), ["./m/a/x.json", "m/a/up/0link/y.json"]);
  // Every file is counted, one that could not be read too, and its error is in the roll-up.
  const text = run(["check", "m/a/x.json", "m/nope.json", "--lang", "en"], dir).out;
  assert.match(text, /^1 file\(s\) checked, 1 not read: 1 error\(s\)/m);
  assert.match(text, /^ +1 +error +input\.unreadable$/m);
  // A language tag or a locale, as a job's $LANG gives it.
  assert.match(run(["check", "m/nope.json", "--lang", "sv_FI.UTF-8"], dir).out, /file\(s\) checked/);
  assert.equal(run(["check", "m/a/x.json", "--lang", "sv-FI"], dir).code, 0);
});

test("rule sets, languages, dates", () => {
  const dir = workspace();
  writeFileSync(join(dir, "strict.json"), JSON.stringify({ id: "strict", version: "1", rules: { "partners.required": { min: 3, severity: "error" } } }));
  assert.equal(run(["check", "measures/good.json", "--ruleset", "strict.json"], dir).code, 1);
  writeFileSync(join(dir, "typo.json"), JSON.stringify({ id: "t", version: "1", rules: { "partner.required": "off" } }));
  const typo = run(["check", "measures/good.json", "--ruleset", "typo.json"], dir);
  assert.equal(typo.code, 2);
  assert.match(typo.err, /did you mean "partners.required"/);
  // A syntax error is told as a document's: the comma itself (the parser stopped at the next
  // line's bracket, "trailing comma at line 3 column 1"), in the reader's language, framed.
  writeFileSync(join(dir, "comma.json"), '{"id": "c", "version": "1",\n "rules": {"partners.required": "off"},\n}\n');
  for (const [command, lang, said] of [["check", "en", "remove the comma before the closing bracket"], ["test", "sv", "ta bort kommatecknet"]]) {
    const r = run(command === "check" ? ["check", "measures/good.json", "--ruleset", "comma.json", "--lang", lang] : ["test", "comma.json", "--lang", lang], dir);
    assert.equal(r.code, 2, command);
    assert.ok(r.err.startsWith(`measure-rules: comma.json:2:39: rule set refused: `) && r.err.includes(said), r.err);
    assert.ok(r.err.includes('>    2 |  "rules": {"partners.required": "off"},\n       |                                       ^\n'), r.err);
  }
  const sv = run(["check", "measures/theme-2/warn.json", "--lang", "sv"], dir).out;
  assert.match(sv, /Antal övriga ansvariga: 0; minst 1 krävs\./);
});

test("a rule set file over the 4 MiB limit is refused by its size, without being read in; a pipe's size counted to its end", () => {
  const dir = workspace();
  // Sparse: 6 GiB that take no room. Read whole, it was "cannot read rule set: ERR_FS_FILE_TOO_LARGE",
  // and --ruleset /dev/zero took 21 GB in 100 s.
  writeFileSync(join(dir, "huge.json"), "");
  truncateSync(join(dir, "huge.json"), 6 * 2 ** 30);
  for (const command of [["check", "measures/good.json", "--ruleset"], ["test"]]) {
    const r = run([...command, "huge.json"], dir);
    assert.equal(r.code, 2, command[0]);
    assert.equal(r.err, "measure-rules: huge.json: rule set refused:\n  (root): the rule set is 6442450944 bytes; at most 4194304 are accepted\n", command[0]);
  }
  const piped = spawnSync("sh", ["-c", `head -c 9000000 /dev/zero | "${process.execPath}" "${cli}" check measures/good.json --ruleset /dev/stdin`], { cwd: dir, encoding: "utf8" });
  assert.equal(piped.status, 2);
  assert.match(piped.stderr, /the rule set is 9000000 bytes; at most 4194304 are accepted/);
  // At the limit, a rule set is read (and this one, all spaces, is not JSON).
  writeFileSync(join(dir, "spaces.json"), " ".repeat(4 * 2 ** 20));
  assert.doesNotMatch(run(["check", "measures/good.json", "--ruleset", "spaces.json"], dir).err, /bytes; at most/);
});

test("a rule set given as a folder or as - says what to give instead", () => {
  for (const command of [["check", "data/programme-2017.json", "--ruleset"], ["test"]]) {
    const folder = run([...command, "tests/fixtures/rulesets"]);
    assert.deepEqual([folder.code, folder.err], [2, "measure-rules: cannot read rule set tests/fixtures/rulesets: EISDIR (a folder: give each rule set's file, the base first)\n"]);
  }
  const dash = run(["check", "data/programme-2017.json", "--ruleset", "-"]);
  assert.deepEqual([dash.code, dash.err], [2, "measure-rules: cannot read rule set -: ENOENT (- is the standard input for the documents checked; a rule set is given as its file)\n"]);
  assert.equal(run(["check", "data/programme-2017.json", "--ruleset", "nope.json"]).err, "measure-rules: cannot read rule set nope.json: ENOENT\n");
});

test("usage errors exit 2", () => {
  for (const args of [[], ["check"], ["check", "x.json", "--format", "xml"], ["check", "x.json", "--lang", "de"], ["check", "x.json", "--as-of", "2019"], ["check", "data/programme-2017.json", "--as-of", "2019-02-30"], ["frobnicate"], ["check", "--bogus"], ["check", "x.json", "--jobs", "0"], ["check", "x.json", "--jobs", "two"], ["test", "x.json", "--format", "junit"], ["schedule", "syksy 2018", "--format", "xml"], ["rules", "--format", "sarif"]]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(" "));
    // With no command at all, the usage alone, on stderr (a job writing stdout into a report
    // wrote the usage there); otherwise what was wrong, then it.
    const usage = /^measure-rules \d+\.\d+\.\d+\n\nUsage:\n/;
    if (args.length === 0) assert.match(r.err, usage);
    else assert.match(r.err.replace(/^measure-rules: .*\n\n/, ""), usage, args.join(" "));
  }
  // A rule set that cannot be read, or is refused, exits 2 as well, with its reasons and
  // without the usage text, which would push them off the screen.
  const dir = workspace();
  writeFileSync(join(dir, "typo.json"), JSON.stringify({ id: "t", version: "1", rules: { "partner.required": "off" } }));
  // Saved as Latin-1, as an editor on Windows may: "ä" (0xE4) looks like the lead of three
  // bytes, and was read as U+FFFD into the rule's message without a word.
  const latin1 = Buffer.from('{"id": "t", "version": "1",\n  "custom": [{"message": {"fi": "Ty\u00f6ryhm\u00e4n"}}]}', "latin1");
  writeFileSync(join(dir, "latin1.json"), latin1);
  writeFileSync(join(dir, "cut.json"), Buffer.concat([Buffer.from('\ufeff{"id": "t"}'), Buffer.from([0xe2, 0x82])]));
  const refusals = {
    "missing.json": "cannot read rule set missing.json: ENOENT",
    // Each problem at its place in the file, as editors and CI logs link it.
    "typo.json": 'typo.json: rule set refused:\ntypo.json:1:34: /rules/partner.required: unknown rule "partner.required"; did you mean "partners.required"?\n',
    "latin1.json": "cannot read rule set latin1.json: not UTF-8 at line 2, column 36 (byte 0xF6); save it as UTF-8",
    "cut.json": "cannot read rule set cut.json: not UTF-8 at line 1, column 12 (byte 0xE2); save it as UTF-8",
  };
  for (const [file, said] of Object.entries(refusals)) {
    for (const args of [["check", "measures/good.json", "--ruleset", file], ["test", file]]) {
      const r = run(args, dir);
      assert.equal(r.code, 2, file);
      assert.ok(r.err.startsWith(`measure-rules: ${said}`), `${file}: ${r.err}`);
      assert.doesNotMatch(r.err, /Usage:/, file);
    }
  }
  // "--" ends the options, as POSIX tools have it: a file named "-x.json" could not be given.
  writeFileSync(join(dir, "-x.json"), JSON.stringify(GOOD));
  const dashed = run(["check", "-x.json"], dir);
  assert.equal(dashed.code, 2);
  assert.match(dashed.err, /^measure-rules: unknown option -x\.json \(a file or text that starts with - goes after --\)\n/);
  const ended = run(["check", "--format", "json", "--", "-x.json", "--lang"], dir);
  assert.deepEqual(JSON.parse(ended.out).files.map((f) => [f.file, f.error]), [["--lang", "no such file, or nothing matches"], ["-x.json", undefined]]);
  assert.equal(run(["schedule", "--format", "json", "--", "-", "2019"]).code, 1, "text after -- is read as text");
});

test("a command refuses another command's options, which it used to ignore without a word", () => {
  const ministry = "tests/fixtures/rulesets/ministry.json";
  for (const [args, said] of [
    [["test", ministry, "--as-of", "2030-01-01"], '--as-of is not an option of test, which takes --lang and --format (a test\'s date is its "asOf", 2020-01-01 when it gives none)'],
    [["test", ministry, "--fail-on=info"], "--fail-on is not an option of test, which takes --lang and --format"],
    [["rules", "--as-of", "2030-01-01"], "--as-of is not an option of rules, which takes --format and --ruleset"],
    [["rules", "--lang", "sv"], "--lang is not an option of rules, which takes --format and --ruleset (the rule reference is in English; a finding's message is in --lang)"],
    [["schedule", "2019", "--explain"], "--explain is not an option of schedule, which takes --lang and --format"],
  ]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.ok(r.err.startsWith(`measure-rules: ${said}\n`), r.err);
  }
  assert.equal(run(["test", ministry, "--lang", "sv", "--format", "json"]).code, 0);
  assert.equal(run(["schedule", "--lang=sv", "hösten 2018"]).code, 0);
});

test("schedule and rules commands", () => {
  const unknown = run(["rules", "partners.requird"]);
  assert.deepEqual([unknown.code, unknown.out, unknown.err], [2, "", 'measure-rules: no rule "partners.requird"; did you mean partners.required? (`measure-rules rules` lists them)\n']);
  // A family by its first part, in the catalogue's order.
  const family = run(["rules", "lead-body", "--format", "json"]);
  assert.deepEqual(JSON.parse(family.out).map((r) => r.id), ["lead-body.required", "lead-body.unknown", "lead-body.joint"]);
  assert.equal(run(["rules", "lead-body.required", "status.invalid"]).code, 2, "one id or family");
  assert.equal(run(["rules", ""]).err, 'measure-rules: no rule "" (`measure-rules rules` lists them)\n');
  const s = run(["schedule", "hösten", "2018", "--lang", "sv", "--format", "json"]);
  assert.equal(s.code, 0);
  assert.deepEqual({ start: JSON.parse(s.out).start, end: JSON.parse(s.out).end }, { start: "2018-09", end: "2018-11" });
  const bad = run(["schedule", "Työ käynnistynyt", "--lang", "en"]);
  assert.equal(bad.code, 1);
  assert.match(bad.out, /cannot be read as dates/);
  const list = run(["rules"]);
  assert.match(list.out, /^partners\.required +warning /m);
  const one = run(["rules", "status.schedule"]);
  assert.match(one.out, /What it checks/);
  assert.equal(run(["rules", "no.such"]).code, 2);
  // With a chain, each rule at the chain's level, and its custom rules after the built-in ones.
  const sets = ["--ruleset", "tests/fixtures/rulesets/ministry.json", "--ruleset", "tests/fixtures/rulesets/agency-kuntaliitto.json"];
  const chained = run(["rules", ...sets]);
  assert.equal(chained.code, 0, chained.err);
  assert.match(chained.out, /^partners\.required +error +/m, "the ministry's level, not the catalogue's warning");
  assert.match(chained.out, /^sm\/steps-scheduled +off +Every step of a measure in progress has a schedule\.$/m, "turned off by the agency");
  assert.match(chained.out, /^kuntaliitto\/theme-7-partner error +Measures of theme 7 name Kuntaliitto as a partner\.$/m);
  assert.equal(chained.out.trim().split("\n").length, list.out.trim().split("\n").length + 4);
  assert.match(run(["rules", "partners.required", ...sets]).out, /^partners\.required \(error in this rule set; warning by default\): /);
  assert.deepEqual(run(["rules", "sm", "--ruleset", "tests/fixtures/rulesets/ministry.json"]).out.split("\n").filter(Boolean).map((l) => l.split(/ +/).slice(0, 2).join(" ")), ["sm/swedish-title error", "sm/completed-progress warning", "sm/steps-scheduled info"]);
  const json = JSON.parse(run(["rules", "partners.required", "--format", "json", ...sets]).out);
  assert.deepEqual([json[0].id, json[0].severity, json[0].level], ["partners.required", "warning", "error"]);
  assert.equal(run(["--version"]).out.trim(), readJson("wasm/npm/package.json").version);
});

test("--jobs: the files checked on several threads give the same output, in every format", () => {
  const dir = workspace();
  // Files of every kind: the bad-input suite (bad UTF-8, syntax errors, BOM, CRLF), the real
  // programme, good and bad measures, and a file that cannot be read (a dangling link).
  const bad = join(root, "tests", "fixtures", "bad-input");
  for (const f of readdirSync(bad)) copyFileSync(join(bad, f), join(dir, "measures", `bad-${f}`));
  copyFileSync(join(root, "data", "programme-2017.json"), join(dir, "measures", "programme.json"));
  symlinkSync(join(dir, "nowhere.json"), join(dir, "measures", "dangling.json"));
  // And one over the size limit (sparse), which is refused by its size on whichever thread.
  writeFileSync(join(dir, "measures", "huge.json"), "{");
  truncateSync(join(dir, "measures", "huge.json"), 600 * 1024 * 1024);
  const rulesets = ["ministry.json", "agency-kuntaliitto.json"].flatMap((f) => ["--ruleset", join(root, "tests", "fixtures", "rulesets", f)]);
  for (const format of ["text", "json", "junit", "sarif", "github"]) {
    const args = ["check", "measures", "missing.json", "--format", format, "--lang", "sv", "--as-of", "2018-06-01", ...rulesets];
    const one = run([...args, "--jobs", "1"], dir);
    assert.equal(one.code, 1, format);
    assert.match(one.out, /dangling\.json/, `${format}: the unreadable file is reported`);
    for (const jobs of ["2", "5"]) {
      const many = run([...args, "--jobs", jobs], dir);
      assert.equal(many.err, "", `${format}, --jobs ${jobs}`);
      assert.equal(many.code, one.code, `${format}, --jobs ${jobs}`);
      assert.equal(many.out, one.out, `${format}, --jobs ${jobs}`);
    }
  }
  // Threads that fail after taking files: their files are checked by the main thread, in place.
  for (const format of ["json", "text"]) {
    const args = ["check", "measures", "--format", format, "--as-of", "2018-06-01"];
    const one = run([...args, "--jobs", "1"], dir);
    const r = spawnSync(process.execPath, [cli, ...args, "--jobs", "3"], { cwd: dir, encoding: "utf8", env: { ...process.env, MEASURE_RULES_FAIL_THREADS: "1" } });
    assert.equal(r.stdout, one.out, format);
    assert.equal(r.status, one.code, format);
    assert.equal(r.stderr.match(/a checking thread failed \(failing on purpose/g)?.length, 2, r.stderr);
  }
  const json = JSON.parse(run(["check", "measures", "--format", "json", "--jobs", "3"], dir).out);
  assert.ok(json.files.length > 30, `${json.files.length} files`);
  assert.ok(json.files.some((f) => f.report?.findings.some((x) => x.rule === "input.syntax")));
  assert.equal(json.files.find((f) => f.file.endsWith("huge.json")).report.findings[0].rule, "input.too-large");
});

test("findings at one place and the roll-up's ties are in code-unit order of rule ids, whatever the locale", () => {
  const dir = tempDir("measure-rules-cli-rule-order-");
  mkdirSync(join(dir, "m"));
  writeFileSync(join(dir, "m", "a.json"), JSON.stringify(GOOD));
  // Two custom rules at the same place, once each: "-" sorts before "_" in code units (the
  // engine's own order), after it in the collator used before (localeCompare).
  const rule = (id) => ({ id, severity: "warning", description: { fi: "d", sv: "d", en: "d" }, require: { path: "/nope", present: true }, path: "/title", message: { fi: "m", sv: "m", en: "m" } });
  writeFileSync(join(dir, "rs.json"), JSON.stringify({ id: "test.order", version: "1.0.0", engine: ">=0.1.0", custom: [rule("t/x_1"), rule("t/x-1")] }));
  for (const lang of ["fi_FI.UTF-8", "sv_SE.UTF-8", "C"]) {
    const r = spawnSync(process.execPath, [cli, "check", "m", "--ruleset", "rs.json", "--as-of", "2018-06-01"], { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: lang, LC_ALL: lang } });
    const order = (re) => [...r.stdout.matchAll(re)].map((m) => m[1]);
    assert.deepEqual(order(/^m\/a\.json:\d+:\d+: warning (t\/x\S+)/gm), ["t/x-1", "t/x_1"], `findings, ${lang}`);
    assert.deepEqual(order(/^ +1 +warning (t\/x\S+)$/gm), ["t/x-1", "t/x_1"], `roll-up, ${lang}`);
  }
});

test("folders are walked in code-unit order of names, whatever the locale", () => {
  const dir = tempDir("measure-rules-cli-order-");
  mkdirSync(join(dir, "m", "b-dir"), { recursive: true });
  const names = ["ä.json", "B.json", "a.json", "Z.json", "a-b.json", "ab.json", "b-dir/x.json", "10.json", "9.json"];
  for (const n of names) writeFileSync(join(dir, "m", n), JSON.stringify(GOOD));
  // Code units: digits, then capitals, then "-" before letters, then lower case, then "ä";
  // the collator used before (localeCompare) gave a-b, a, ä, ab, b-dir, B, Z.
  const expected = ["10.json", "9.json", "B.json", "Z.json", "a-b.json", "a.json", "ab.json", "b-dir/x.json", "ä.json"].map((n) => `m/${n}`);
  for (const lang of ["fi_FI.UTF-8", "sv_SE.UTF-8", "C"]) {
    const r = spawnSync(process.execPath, [cli, "check", "m", "--format", "json"], { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: lang, LC_ALL: lang } });
    assert.deepEqual(JSON.parse(r.stdout).files.map((f) => f.file), expected, lang);
  }
});
