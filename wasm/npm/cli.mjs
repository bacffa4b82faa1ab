#!/usr/bin/env node
// measure-rules CLI: checks measure and programme files in CI. It runs the WebAssembly
// engine; the only logic here is finding files, placing findings and formatting them.
import { closeSync, fstatSync, lstatSync, openSync, readSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { availableParallelism } from "node:os";
import { basename, dirname, isAbsolute, join, posix, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { Engine, checkRulesetFileSize, locatePointers, parseSchedule, rules, version } from "./node.mjs";
import { RULE_DOCS } from "./rule-docs.js";

/** The catalogue with each rule's documentation, which the engine leaves to rule-docs.js, in the reference's order of keys. */
const documented = () => rules().map(({ params, ...r }) => ({ ...r, ...RULE_DOCS[r.id], params }));

const USAGE = `measure-rules ${version()}

Usage:
  measure-rules check <files, directories or globs, or - for standard input>... [options]
  measure-rules test <rule set files>... [--lang fi|sv|en] [--format text|json]
  measure-rules schedule <text> [--lang fi|sv|en] [--format text|json]
  measure-rules rules [rule id, or family such as lead-body] [--ruleset FILE]... [--format text|json]

Options for check:
  --format text|json|junit|sarif|github   output format (default text)
  --lang fi|sv|en                         language of the messages (default fi)
  --as-of YYYY-MM-DD                      date the status rules judge against (default today,
                                          on this machine's clock and time zone)
  --ruleset FILE                          rule set to use instead of the default; give it
                                          again for a chain (the base first, each extending
                                          the one before)
  --explain                               say why each finding was made (rule, condition,
                                          values read); with --format text or json
  --fail-on error|warning|info            exit 1 when a finding is at or above this (default error)
  --jobs N                                check the files on N threads (default: with --format
                                          json and 2,000 files or more, one per core up to 4;
                                          otherwise 1); the output is the same

-- ends the options: what follows is files or text, even when it starts with - ("-2019").

test runs the tests a rule set carries (its "tests" list), the base sets of a chain first; a
test's messages are in its "lang", or in --lang when it gives none (default fi).

schedule reads a schedule text as the engine does and prints the dates it gives.

Exit status: 0 nothing at or above --fail-on (test: every test passed; schedule: the text
was read), 1 there is (test: a test failed, there were no tests, or a file could not be read;
schedule: the text could not be read), 2 usage error (or a rule set that cannot be read or is
refused).`;

class UsageError extends Error {
  /** `usage: false` for a rule set that cannot be read or is refused: the command line was
   * right, and the usage text would push the reasons off the screen. */
  constructor(message, { usage = true } = {}) {
    super(message);
    this.usage = usage;
  }
}

const SEVERITY = { info: 0, warning: 1, error: 2 };

/** What a user giving a command another command's option most likely wanted. */
const HINTS = {
  "test --as-of": ` (a test's date is its "asOf", 2020-01-01 when it gives none)`,
  "test --ruleset": " (the rule set files themselves, the base first)",
  "rules --lang": " (the rule reference is in English; a finding's message is in --lang)",
};

/** Whether findings of `severity` fail a run with `--fail-on failOn`: the exit status and JUnit alike. */
const fails = (severity, failOn) => SEVERITY[severity] >= SEVERITY[failOn];

/**
 * The options each command takes besides --help: another command's option was taken and
 * ignored without a word (`test --as-of 2030-01-01` ran the tests on their own dates,
 * `rules --ruleset agency.json` listed the built-in rules only).
 */
const COMMAND_OPTIONS = {
  test: ["--lang", "--format"],
  schedule: ["--lang", "--format"],
  rules: ["--format", "--ruleset"],
};

function parseArgs(argv, command) {
  const opts = { format: "text", lang: "fi", asOf: undefined, ruleset: [], failOn: "error", explain: false, jobs: undefined, positional: [] };
  const takes = { "--format": "format", "--lang": "lang", "--as-of": "asOf", "--ruleset": "ruleset", "--fail-on": "failOn", "--jobs": "jobs" };
  const only = COMMAND_OPTIONS[command];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined];
    if (only && (name in takes || name === "--explain") && !only.includes(name)) {
      throw new UsageError(`${name} is not an option of ${command}, which takes ${only.join(" and ")}${HINTS[`${command} ${name}`] ?? ""}`);
    }
    if (name in takes) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      if (Array.isArray(opts[takes[name]])) opts[takes[name]].push(value);
      else opts[takes[name]] = value;
    } else if (name === "--explain") {
      opts.explain = true;
    } else if (name === "--help" || name === "-h") {
      opts.help = true;
    } else if (name === "--version" || name === "-v") {
      opts.version = true;
    } else if (arg === "--") {
      // The options' end, as POSIX tools have it: a file named "-x.json", or the schedule "-2019".
      for (const rest of argv.slice(i + 1)) opts.positional.push(rest);
      break;
    } else if (name.startsWith("-") && name !== "-") {
      throw new UsageError(`unknown option ${name}${name.startsWith("--") ? "" : " (a file or text that starts with - goes after --)"}`);
    } else {
      opts.positional.push(arg);
    }
  }
  // A language tag or locale is read by its first part, as the engine reads one: a CI job may
  // pass its $LANG ("sv_FI.UTF-8") or a page's tag ("sv-FI").
  const primary = opts.lang.split(/[-_.]/)[0].toLowerCase();
  if (!["fi", "sv", "en"].includes(primary)) throw new UsageError(`--lang takes fi, sv or en, not ${opts.lang}`);
  opts.lang = primary;
  if (!(opts.failOn in SEVERITY)) throw new UsageError(`--fail-on takes error, warning or info, not ${opts.failOn}`);
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new UsageError(`--as-of takes a date YYYY-MM-DD, not ${opts.asOf}`);
  if (opts.jobs !== undefined) {
    if (!/^[1-9]\d{0,2}$/.test(opts.jobs)) throw new UsageError(`--jobs takes a number of threads from 1 to 999, not ${opts.jobs}`);
    opts.jobs = Number(opts.jobs);
  }
  return opts;
}

// --- files -------------------------------------------------------------------------------

const SKIP_DIRS = new Set(["node_modules", ".git", "target"]);

/** A JSON file's name: "A.JSON" too, as an older system or a Windows export may write it. */
const JSON_NAME = /\.json$/i;

/** Code-unit order: the same on every machine, whatever its locale (and no collator to load). */
const codeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a, b) => codeUnits(a.name, b.name);

/**
 * The `.json` files under `dir` into `out`, down to `depth` folders below it. A folder that
 * cannot be read (no permission) goes into `unread`, and the walk goes on: one such folder
 * ended the run in a stack trace, and emptied a glob's matches. A link is walked as what it
 * leads to; `seen` holds the folders walked already (by device and inode), so that a link
 * back up the tree, or two links to one folder, are walked once; the other ways to a folder
 * go into `aliases` as [the path not walked, the path walked] (as the prefixes of the paths
 * under them), for a glob to match the files
 * by those paths too ("{a,b}/*.json" with a link to b named before b matched only a's).
 * Names that start with a dot are left out, as a shell's glob leaves them: `check .` read
 * `.vscode/settings.json` as a measure.
 */
function walk(dir, out, unread, depth = Infinity, seen = new Map(), aliases = []) {
  let entries;
  const raw = RAW.get(dir);
  // What join(dir, name) gives, for names that are plain names: without joining each one.
  const prefix = join(dir, "x").slice(0, -1);
  try {
    const { dev, ino } = statSync(raw ?? dir);
    const id = `${dev}:${ino}`;
    if (seen.has(id)) {
      aliases.push([prefix, seen.get(id)]);
      return;
    }
    seen.set(id, prefix);
    entries = readdirSync(raw ?? dir, { withFileTypes: true });
    // A name that is not UTF-8 (a Windows zip's "käynnissä.json" in Latin-1) comes with its
    // bytes replaced, and could not be opened: it was "cannot read: ENOENT" for a file that is there.
    if (raw || entries.some((e) => e.name.includes("\ufffd"))) entries = rawEntries(raw ?? Buffer.from(dir), !!raw);
  } catch (e) {
    unread.push({ file: dir, code: e.code, error: `cannot read folder: ${unreadable(e, dir)}` });
    return;
  }
  for (const entry of entries.sort(byName)) {
    if (entry.name.startsWith(".")) continue;
    const path = prefix + entry.name;
    if (entry.raw) RAW.set(path, entry.raw);
    // A link to a folder of measures was left out without a word; a broken link is kept, to
    // be reported when it is read.
    if (entry.isSymbolicLink()) linked = true;
    const to = entry.isSymbolicLink() ? statAt(path) : entry;
    if (to?.isDirectory()) {
      if (depth > 0 && !SKIP_DIRS.has(entry.name)) walk(path, out, unread, depth - 1, seen, aliases);
    } else if (JSON_NAME.test(entry.name) && (to === null || to.isFile())) {
      // Files only: a FIFO named .json blocked the run at its open for ever, and a socket or
      // a device is no document either. Named as an argument, one is read (/dev/stdin).
      out.push(path);
    }
  }
}

/** Whether a walk met a link: then two of the paths found may be one file. */
let linked = false;

/**
 * Each file once, by the first path to it: two arguments ("./a.json a.json", a folder and a
 * glob within it) or two links may lead to one file, which was checked and reported twice.
 * A file is known by its device and inode; one that cannot be read by its absolute path.
 * Only when there can be two ways to a file: one folder without links costs no look-up.
 */
function once(files, args) {
  if (!linked && args.length < 2) return [...new Set(files)];
  const seen = new Set();
  return files.filter((f) => {
    let key = `path:${f}`;
    if (f !== STDIN) {
      try {
        const { dev, ino } = statSync(RAW.get(f) ?? f);
        key = `${dev}:${ino}`;
      } catch {
        // A broken link or a name that is not there: known by its folder's real path and its name.
        try {
          key = `path:${join(realpathSync(dirname(RAW.get(f) ?? f)), basename(f))}`;
        } catch {
          key = `path:${resolve(f)}`;
        }
      }
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The paths, as bytes, of the files and folders a walk found under names that are not UTF-8,
 * by the names they are shown as (`nameOf`): they are opened by these. (A name given as an
 * argument is not here: Node gives arguments as text, with such bytes replaced.)
 */
const RAW = new Map();

/**
 * A folder's entries read with their names as bytes, each named as `nameOf` shows it; those
 * that must be opened by their bytes (all, under a folder that must be) carry them as `raw`.
 */
function rawEntries(dir, all) {
  const slash = Buffer.from(sep);
  return readdirSync(dir, { withFileTypes: true, encoding: "buffer" }).map((entry) => {
    const bytes = entry.name;
    if (all || !isUtf8(bytes)) entry.raw = Buffer.concat([dir, slash, bytes]);
    entry.name = nameOf(bytes);
    return entry;
  });
}

/** Bytes as text with each sequence that is not UTF-8 replaced, a leading BOM kept as a character. */
const LOSSY = new TextDecoder("utf-8", { ignoreBOM: true });

/** A byte as two upper-case hex digits ("E4"). */
const hex = (b) => b.toString(16).toUpperCase().padStart(2, "0");

/**
 * A file name's bytes as text: as they are when they are UTF-8, else with each byte that is
 * not as \xHH (as git and `ls -b` show them), so that two such names stay two, and can be
 * told apart in a report.
 */
function nameOf(bytes) {
  let name = "";
  let rest = bytes;
  while (!isUtf8(rest)) {
    const at = firstBadByte(rest);
    name += `${LOSSY.decode(rest.subarray(0, at))}\\x${hex(rest[at])}`;
    rest = rest.subarray(at + 1);
  }
  return name + LOSSY.decode(rest);
}

/** The system's reasons a file or folder is not read, in words; the code follows, to search for. */
const READ_ERRORS = { ENOENT: "no such file", EACCES: "permission denied", EPERM: "permission denied", EISDIR: "a folder", ELOOP: "a loop of links", ENOTDIR: "a part of the path is not a folder", ENAMETOOLONG: "the name is too long", EIO: "an input/output error" };

/**
 * Why `path` could not be read: "cannot read: ENOENT" was all a broken link in a repository
 * got, and a CI engineer had to find out which link and where it led.
 */
function unreadable(e, path) {
  if (e.code === "ENOENT") {
    try {
      const to = symbols(readlinkSync(RAW.get(path) ?? path, "utf8"));
      return `a link to ${to}, which is not there (ENOENT)`;
    } catch {
      // Not a link: a name that is not there.
    }
  }
  return READ_ERRORS[e.code] ? `${READ_ERRORS[e.code]} (${e.code})` : (e.code ?? e.message);
}

/** Whether `path` is a link, whether or not it leads anywhere. */
function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What a link leads to, or null when it leads nowhere. */
function statAt(path) {
  try {
    return statSync(RAW.get(path) ?? path);
  } catch {
    return null;
  }
}

/** The characters that make an argument a glob (when no file has it as its name). */
const GLOB = /[*?[{]/;

/**
 * A glob as a regular expression: `**` any folders, `*` any name part, `?` one character,
 * `[abc]`, `[a-z]` and `[!abc]` one of a set, `{a,b}` either, as in a shell or globby (a
 * pattern such as "measures/{2017,2018}/*.json" matched nothing). A bracket or brace that is
 * not closed is itself, and so is any character after a backslash ("luonnos \[2018]/*.json").
 */
function globToRegExp(glob) {
  const literal = (s) => s.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  let re = "";
  let open = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const end = c === "[" ? glob.indexOf("]", i + 2) : -1;
    if (c === "\\" && i + 1 < glob.length) re += literal(glob[++i]);
    else if (c === "*" && glob[i + 1] === "*") {
      re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (end > 0 && !glob.slice(i + 1, end).includes("/")) {
      const set = glob.slice(i + 1, end);
      const not = set[0] === "!" || set[0] === "^";
      // Escaped but for "-", which makes a range; a set never matches the folders' "/".
      re += `[${not ? "^/" : ""}${(not ? set.slice(1) : set).replace(/[\\\]^[]/g, "\\$&")}]`;
      i = end;
    } else if (c === "{" && closes(glob, i)) {
      re += "(?:";
      open++;
    } else if (c === "," && open > 0) re += "|";
    else if (c === "}" && open > 0) {
      re += ")";
      open--;
    } else re += literal(c);
  }
  return new RegExp(`^${re}$`);
}

/** Whether the brace at `at` has its closing brace, braces within it counted. */
function closes(glob, at) {
  let depth = 0;
  for (let i = at; i < glob.length; i++) {
    if (glob[i] === "{") depth++;
    else if (glob[i] === "}" && --depth === 0) return true;
  }
  return false;
}

const NO_MATCH = "no such file, or nothing matches";

/**
 * Expands the arguments to files, in a stable order; arguments that match nothing are errors,
 * and so are the folders that cannot be read (`unread`).
 */
function expand(args) {
  const files = [];
  const missing = [];
  const unread = [];
  for (const arg of args) {
    let st;
    try {
      st = arg === STDIN ? undefined : statSync(arg);
    } catch {
      // Not a file: a glob, if it is one, or a name that is not there.
    }
    if (arg === STDIN) files.push(arg);
    // A name that is there is that file, even with a glob's characters ("kooste [luonnos].json").
    else if (!st && GLOB.test(arg) && !isLink(arg)) {
      const base = arg.slice(0, arg.search(GLOB)).replace(/[^/]*$/, "") || ".";
      // Matched against the paths as the walk gives them, which start as the argument does
      // ("/srv/measures/…", "../measures/…"): tried against a path relative to the working
      // folder, an absolute glob or one going up matched nothing.
      const pattern = globToRegExp(posix.normalize(arg));
      // Only as deep as the glob reaches: "*.json" is the base folder's own files.
      const rest = arg.slice(base === "." ? 0 : base.length);
      const depth = rest.includes("**") ? Infinity : rest.split("/").length - 1;
      const found = [];
      const failed = [];
      const aliases = [];
      walk(base, found, failed, depth, new Map(), aliases);
      // The files under a folder not walked again were found by the path it was walked by; a
      // glob is matched against the other paths too. Only the walked paths are rewritten (an
      // alias within an alias is not followed), so that links cannot multiply the paths.
      const walked = found.length;
      for (const [alias, under] of aliases) {
        for (let i = 0; i < walked; i++) {
          const via = found[i].startsWith(under) ? alias + found[i].slice(under.length) : undefined;
          if (via !== undefined && pattern.test(via.split(sep).join("/"))) found.push(via);
        }
      }
      // A base folder that does not exist is a glob that matches nothing.
      const denied = failed.filter((f) => !(f.file === base && (f.code === "ENOENT" || f.code === "ENOTDIR")));
      for (const f of denied) unread.push(f);
      const matched = found.filter((f) => pattern.test(f.split(sep).join("/")));
      if (matched.length === 0 && denied.length === 0) missing.push({ file: arg, error: NO_MATCH });
      // Item by item: spreading an array passes each item as an argument, and a glob that
      // matches some 120,000 files overflowed the stack.
      for (const f of matched) files.push(f);
    } else if (!st && isLink(arg)) {
      // A link that leads nowhere, named: checked as a file, which says where it leads, as a
      // walk of its folder does (it was "no such file, or nothing matches").
      files.push(arg);
    } else if (!st) {
      // Node gives an argument's bytes that are not UTF-8 replaced, so such a name cannot be opened.
      missing.push({ file: arg, error: arg.includes("\ufffd") ? `${NO_MATCH} (a name that is not UTF-8 cannot be given as an argument: give its folder)` : NO_MATCH });
    } else {
      if (!st.isDirectory()) files.push(arg);
      else {
        const [had, failed] = [files.length, unread.length];
        walk(arg, files, unread);
        // As a glob that matches nothing: a CI job given the wrong folder passed, checking nothing.
        if (files.length === had && unread.length === failed) missing.push({ file: arg, error: "no .json file in this folder" });
      }
    }
  }
  return { files: once(files, args), missing, unread };
}

// --- check -------------------------------------------------------------------------------

const DECODER = new TextDecoder();

let shared = Buffer.allocUnsafe(1 << 16);

/** A buffer with room for `need` more bytes after the first `length` of `buf`, which it keeps. */
function grown(buf, length, need) {
  if (length + need <= buf.length) return buf;
  const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, length + need));
  buf.copy(bigger, 0, 0, length);
  return bigger;
}

/** Bytes kept of a file over the size limit, for the code frame of its one finding (line 1). */
const HEAD_BYTES = 1 << 16;

/**
 * A file's bytes, read into one buffer kept for every file: a view, valid until the next
 * read. A CI job reads thousands of small files, and a new buffer for each (readFileSync)
 * cost a tenth of the run in allocation and `fstat`s.
 *
 * A file over the engine's size limit is not read on, but given as `{ size, head }`: its
 * size and its first bytes. Read whole, a file of 600 MB took 2 GB of memory and its text
 * was longer than a JavaScript string may be (the text format failed with
 * ERR_STRING_TOO_LONG), and one of 5 GB took 27 s to be "cannot read" (BENCHMARKS.md, item 47).
 */
function readShared(engine, file) {
  const fd = file === STDIN ? 0 : openSync(RAW.get(file) ?? file, "r");
  try {
    const read = readUpTo(fd, shared, (size) => engine.checkFileSize(size) !== undefined);
    shared = read.buf;
    if (read.size !== undefined) return { size: read.size, head: shared.subarray(0, HEAD_BYTES) };
    return shared.subarray(0, read.length);
  } finally {
    if (file !== STDIN) closeSync(fd);
  }
}

/**
 * Reads `fd` to its end into `buf`, grown as it fills (to twice its size), unless a file any
 * longer than a full buffer would be `over` the limit: then only its size is read on, and
 * given as `size` when that is over too. A file of exactly the limit is all in the buffer
 * by then; it was taken for one over it, and the CLI failed on the missing refusal.
 */
function readUpTo(fd, buf, over) {
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (over(length + 1)) {
        const size = sizeOf(fd, length);
        return over(size) ? { buf, length, size } : { buf, length };
      }
      buf = grown(buf, length, 1);
    }
    const n = readAll(fd, buf, length);
    if (n === 0) return { buf, length };
    length += n;
  }
}

/** "-": the standard input, read from its descriptor, which may be a socket (/dev/stdin cannot be opened on one). */
const STDIN = "-";

/**
 * readSync into `buf` from `at`, waiting while there is nothing yet: a standard input that
 * another program left non-blocking gives EAGAIN instead of waiting.
 */
function readAll(fd, buf, at) {
  for (;;) {
    try {
      return readSync(fd, buf, at, buf.length - at, null);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
      Atomics.wait(PAUSE, 0, 0, 10);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * The size of a file read `length` bytes into: the file system's for a file, else (a pipe
 * such as /dev/stdin) the bytes counted to its end, without keeping them.
 */
function sizeOf(fd, length) {
  const st = fstatSync(fd);
  if (st.isFile()) return Math.max(st.size, length);
  const scratch = Buffer.allocUnsafe(HEAD_BYTES);
  for (let n; (n = readAll(fd, scratch, 0)) > 0; ) length += n;
  return length;
}

/** `value` as JSON.stringify(…, null, 2) writes it `depth` levels deep in a larger document. */
function nested(value, depth) {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/**
 * Checks files in order. Each result is plain data, so that it can come back from a worker
 * thread: the file, and its summary with the report as the engine's JSON text (`json`,
 * already indented to its place in the `--format json` output), or as objects with the
 * file's bytes (`report`, `bytes`, for the formats that quote lines), or the read `error`.
 */
function checkFiles(engine, files, options, asText) {
  const results = [];
  for (const file of files) {
    let bytes;
    try {
      bytes = readShared(engine, file);
    } catch (e) {
      results.push({ file, error: `cannot read: ${unreadable(e, file)}` });
      continue;
    }
    if (bytes.head) {
      const report = engine.checkFileSize(bytes.size, options);
      // As the engine's JSON text (`checkDocumentJson`) is laid out.
      if (asText) results.push({ file, summary: report.summary, json: Buffer.from(nested(report, 3)) });
      else results.push({ file, summary: report.summary, report, bytes: Uint8Array.from(bytes.head) });
      continue;
    }
    // The engine reads the bytes, so that a file that is not UTF-8 is reported at its first
    // bad byte; the text (bad bytes replaced) is only for showing the lines (`textOf`).
    if (asText) {
      const { summary, json } = engine.checkDocumentJson(bytes, options, 3);
      results.push({ file, summary, json });
    } else {
      const report = engine.checkDocument(bytes, options);
      results.push({ file, summary: report.summary, report, bytes: Uint8Array.from(bytes) });
    }
  }
  return results;
}

/** UTF-8 output written into one buffer, instead of a buffer for every piece joined at the end. */
class ByteWriter {
  constructor(size) {
    this.buf = Buffer.allocUnsafe(size);
    this.length = 0;
  }
  text(s) {
    this.buf = grown(this.buf, this.length, s.length * 3);
    this.length += this.buf.write(s, this.length);
  }
  bytes(b) {
    this.buf = grown(this.buf, this.length, b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  done() {
    return this.buf.subarray(0, this.length);
  }
}

/** The file's text, decoded once, by the formats that show lines. */
function textOf(r) {
  return (r.text ??= DECODER.decode(r.bytes));
}

/** Files a thread of its own is worth starting for, by default. */
const FILES_PER_THREAD = 1000;
const AUTO_MIN_FILES = 2000;
const AUTO_MAX_THREADS = 4;
/** Most files a thread claims at a time: few enough that the threads finish together. */
const MAX_BATCH = 32;

/**
 * Checks batches of `files` until none are left: first the thread's own (`first`), so that
 * every thread has a share however late it starts, then the next unclaimed one from the
 * shared counter. Threads start at different times and run at different speeds (V8 compiles
 * each engine's hot code while it runs), so fixed shares left the first thread done waiting
 * for the last.
 */
function checkClaimed(engine, { files, next, first, batch }, options, asText) {
  const parts = [];
  for (let start = first * batch; start < files.length; start = Atomics.add(next, 0, batch)) {
    parts.push({ start, results: checkFiles(engine, files.slice(start, start + batch), options, asText) });
  }
  return parts;
}

async function check(opts) {
  if (opts.positional.length === 0) throw new UsageError("check needs files, directories or globs");
  const out = FORMATS[opts.format];
  if (!out) throw new UsageError(`--format takes text, json, junit, sarif or github, not ${opts.format}`);
  const asText = opts.format === "json";
  const rulesets = rulesetTexts(opts.ruleset);
  const engine = engineOf(rulesets, opts.ruleset, opts.lang, "A chain of rule sets is given as --ruleset once per set, the base first.");
  const { files, missing, unread } = expand(opts.positional);
  const options = { lang: opts.lang, asOf: opts.asOf, explain: opts.explain };
  // Whether the day exists (2019-02-30 does not) is the engine's to judge, as it judges it for
  // every file: asked once here, a usage error instead of a stack trace from the first file.
  try {
    engine.checkDocument("{}", options);
  } catch (e) {
    throw new UsageError(`--as-of takes a day that exists, not ${opts.asOf} (${e.message})`);
  }
  // Each thread starts Node and compiles the wasm again (about 90 ms), and reports as objects
  // are copied back field by field, so by default only JSON reports (bytes) of a large set of
  // files are checked on several threads (BENCHMARKS.md, "Where measure-rules' time goes").
  const auto = asText && files.length >= AUTO_MIN_FILES ? Math.min(availableParallelism(), AUTO_MAX_THREADS) : 1;
  const jobs = Math.max(1, Math.min(opts.jobs ?? auto, Math.ceil(files.length / (opts.jobs ? 1 : FILES_PER_THREAD))));
  const batch = Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / (jobs * 8))));
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = jobs * batch;
  const share = (first) => ({ files, next, first, batch, raw: first ? [...RAW] : [] });
  // A thread that cannot start or fails reports nothing; its batches are checked here below.
  const others = Array.from({ length: jobs - 1 }, (_, i) =>
    inWorker({ ...share(i + 1), rulesets, options, asText }).catch((e) => {
      process.stderr.write(`measure-rules: a checking thread failed (${e.message}); its files are checked here\n`);
      return [];
    }),
  );
  const parts = checkClaimed(engine, share(0), options, asText);
  for (const part of await Promise.all(others)) for (const p of part) parts.push(p);
  parts.sort((a, b) => a.start - b.start);
  // An empty part at the end, so that files after the last part are a gap like any other.
  parts.push({ start: files.length, results: [] });
  const results = [...missing];
  for (const { file, error } of unread) results.push({ file, error });
  let done = 0;
  for (const { start, results: checked } of parts) {
    if (start > done) for (const r of checkFiles(engine, files.slice(done, start), options, asText)) results.push(r);
    for (const r of checked) results.push(r);
    done = start + checked.length;
  }
  const failed = results.some((r) => r.error || Object.keys(SEVERITY).some((s) => fails(s, opts.failOn) && r.summary[s] > 0));
  process.stdout.write(out(results, opts, engine));
  return failed ? 1 : 0;
}

/**
 * A thread's results ready to post: the reports' JSON texts copied into one buffer, which is
 * moved to the main thread instead of cloned, and each report replaced by its place in it.
 */
function packed(parts) {
  const texts = parts.flatMap((p) => p.results.filter((r) => r.json));
  const all = new Uint8Array(texts.reduce((n, r) => n + r.json.length, 0));
  let at = 0;
  for (const r of texts) {
    const { length } = r.json;
    all.set(r.json, at);
    r.json = { at, length };
    at += length;
  }
  return { parts, all };
}

function unpacked({ parts, all }) {
  for (const p of parts) for (const r of p.results) if (r.json) r.json = all.subarray(r.json.at, r.json.at + r.json.length);
  return parts;
}

/** Checks claimed batches on a worker thread running this module; its batches' results. */
function inWorker(job) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { measureRulesCheck: job } });
    worker.once("message", (message) => {
      resolvePromise(unpacked(message));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

/**
 * A rule-set file's bytes, read no further than the engine takes a rule set: over the limit,
 * its size (a pipe's counted to its end, as a document's are) is refused with the engine's
 * `Error`. Read whole, `--ruleset /dev/zero` took 21 GB in 100 s and went on.
 */
function readRuleset(file) {
  const fd = openSync(file, "r");
  try {
    const read = readUpTo(fd, Buffer.allocUnsafe(HEAD_BYTES), rulesetOver);
    if (read.size !== undefined) checkRulesetFileSize(read.size);
    return read.buf.subarray(0, read.length);
  } finally {
    closeSync(fd);
  }
}

/** Whether the engine refuses a rule set of `size` bytes by its size. */
function rulesetOver(size) {
  try {
    checkRulesetFileSize(size);
    return false;
  } catch {
    return true;
  }
}

/** What a rule set's path most likely meant, where its error code alone leaves one guessing. */
const RULESET_READ_HINTS = {
  EISDIR: " (a folder: give each rule set's file, the base first)",
  [STDIN]: ` (${STDIN} is the standard input for the documents checked; a rule set is given as its file)`,
};

/** The texts of a chain of rule-set files. */
function rulesetTexts(files) {
  return files.map((file) => {
    let bytes;
    try {
      bytes = readRuleset(file);
    } catch (e) {
      if (e.problems) throw new UsageError(`${file}: ${e.message}`, { usage: false });
      throw new UsageError(`cannot read rule set ${file}: ${e.code ?? e.message}${RULESET_READ_HINTS[file === STDIN ? STDIN : e.code] ?? ""}`, { usage: false });
    }
    // Bytes that are not UTF-8 are refused at their place, as a document's are, not replaced:
    // a rule set saved as Latin-1 put "Ty\ufffdryhm\ufffdn" into its messages without a word.
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const at = firstBadByte(bytes);
      const before = DECODER.decode(bytes.subarray(0, at));
      const line = before.split("\n").length;
      const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
      const byte = hex(bytes[at] ?? 0);
      throw new UsageError(`cannot read rule set ${file}: not UTF-8 at line ${line}, column ${column} (byte 0x${byte}); save it as UTF-8`, { usage: false });
    }
  });
}

/**
 * Where the first sequence that is not UTF-8 starts in `bytes`, which hold one: the first
 * byte that differs once they are decoded with replacement characters and encoded again,
 * since everything before it comes back as it was (a U+FFFD written in the file too).
 */
function firstBadByte(bytes) {
  const again = Buffer.from(LOSSY.decode(bytes));
  let at = 0;
  while (at < bytes.length && bytes[at] === again[at]) at++;
  return at;
}

/** The engine of a chain of rule sets' texts (the default rule set when there are none). */
function engineOf(texts, files = [], lang = "en", chain = "") {
  try {
    return texts.length === 0 ? new Engine() : new Engine(texts.length === 1 ? texts[0] : texts);
  } catch (e) {
    // The engine says a chain is out of order, not how this command takes one.
    const how = e.problems?.some((p) => p.path === "/extends") ? `\n${chain}` : "";
    throw new UsageError(syntaxError(texts, files, lang) ?? `${files.join(", ")}: ${placedRefusal(e, texts, files)}${how}`, { usage: false });
  }
}

/**
 * A rule set's refusal with each problem on a line of its own that starts with its place in
 * its file, `file:line:column:`, as compilers write it and as editors and CI logs link it, then
 * its pointer. A chain's problem says which set it is in ("rule set 2: …"): that names the file,
 * so the words go.
 */
function placedRefusal(e, texts, files) {
  if (!e.problems?.length || files.length !== texts.length) return e.message;
  const problems = e.problems.map((p) => {
    const label = texts.length > 1 ? /^rule set (\d+)(?: \([^)]*\))?: /.exec(p.message) : null;
    return { ...p, set: label ? Number(label[1]) - 1 : 0, message: label ? p.message.slice(label[0].length) : p.message };
  });
  // Each file walked once for all its problems (a refusal names up to 200, and a rule set may
  // be 4 MiB), not once a problem.
  const places = new Map();
  for (const [set, text] of texts.entries()) {
    const mine = problems.filter((p) => p.set === set);
    if (mine.length === 0) continue;
    const found = locatePointers(text, mine.map((p) => p.path));
    mine.forEach((p, i) => places.set(p, [found[2 * i], found[2 * i + 1]]));
  }
  const lines = problems.map((p) => {
    const [line, column] = places.get(p) ?? [0, 0];
    if (files[p.set] === undefined) return `  ${p.path || "(root)"}: ${p.message}`;
    return `${files[p.set]}${line ? `:${line}:${column}` : ""}: ${p.path || "(root)"}: ${p.message}`;
  });
  return `rule set refused:\n${lines.join("\n")}`;
}

/**
 * A rule set's JSON syntax error as a document's is told, in the reader's language (the
 * refusal says the same in English), with its place and a code frame.
 */
function syntaxError(texts, files, lang) {
  const engine = new Engine();
  for (const [i, text] of texts.entries()) {
    const f = engine.checkDocument(text, { lang }).findings.find((f) => f.rule === "input.syntax");
    if (f) return `${files[i]}:${f.line}:${f.column}: rule set refused: ${f.message}\n${codeFrame({ text }, f.line, f.column)}`;
  }
  return undefined;
}

/** The engine of a chain of rule-set files (the default rule set when there are none). */
function engineFor(files, lang) {
  return engineOf(rulesetTexts(files), files, lang, "A chain of rule sets is given as its files in order, the base first.");
}

/** Runs the tests of a rule-set chain: passes, and failures with what differed. */
function runTests(opts) {
  if (opts.positional.length === 0) throw new UsageError("test needs rule set files (the base first)");
  const report = engineFor(opts.positional, opts.lang).runTests(opts.lang);
  if (opts.format === "json") {
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  } else {
    const lines = [];
    for (const r of report.results) {
      lines.push(`${r.passed ? "pass" : "FAIL"}  ${r.ruleset}${r.path}  ${r.name}`);
      for (const f of r.missing) lines.push(`        - expected ${f.rule} at ${f.path || "(root)"}${f.severity ? ` (${f.severity})` : ""}${f.message ? `: ${f.message}` : ""}, not found`);
      for (const f of r.unexpected) lines.push(`        + found ${f.rule} at ${f.path || "(root)"} (${f.severity}): ${f.message}`);
    }
    const sets = report.rulesets.map((s) => `${s.id} ${s.version}`).join(" > ");
    lines.push("", `${sets}: ${report.passed} passed, ${report.failed} failed`);
    // A set with no tests tests nothing: exit 1 says so, and this line why.
    if (report.results.length === 0) lines.push('no tests: a rule set carries its tests in its "tests" list (docs/rule-language.md)');
    process.stdout.write(lines.join("\n") + "\n");
  }
  return report.failed > 0 || report.results.length === 0 ? 1 : 0;
}

function explanation(e) {
  const out = [`    why: ${e.rule}${e.condition ? ` (${e.condition})` : ""}`];
  for (const [path, value] of Object.entries(e.values)) out.push(`      ${path || "(root)"} = ${JSON.stringify(value)}`);
  for (const [part, steps] of [["when", e.when ?? []], ["require", e.require ?? []]]) {
    for (const s of steps) {
      const found = s.actual === undefined ? "nothing" : JSON.stringify(s.actual);
      out.push(`      ${part} ${s.path || "(root)"} ${s.test} ${JSON.stringify(s.expected)}: found ${found} -> ${s.result}`);
    }
  }
  return out.join("\n");
}

function byPlace(a, b) {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || codeUnits(a.rule, b.rule);
}

/** Widest line a code frame shows, in UTF-16 units; a longer one is cut around the column. */
const FRAME_WIDTH = 120;

/**
 * The file's lines, split once: a file has a code frame for each finding, and splitting a large
 * file's text for each of its thousands of findings took minutes (BENCHMARKS.md, item 44).
 */
function linesOf(r) {
  return (r.lines ??= textOf(r).split(/\r?\n/));
}

/**
 * Where character `column` (as the engine counts them: code points from 1) of `line` is, in
 * UTF-16 units. The findings of a file come in the order of the text, so a long line is walked
 * on from where the last finding on it was, not from its start each time.
 */
function unitOf(r, line, column) {
  const at = (r.at ??= { line: 0, column: 1, unit: 0 });
  if (at.line !== line || at.column > column) Object.assign(at, { line, column: 1, unit: 0 });
  const s = linesOf(r)[line - 1] ?? "";
  while (at.column < column && at.unit < s.length) {
    at.unit += s.codePointAt(at.unit) > 0xffff ? 2 : 1;
    at.column++;
  }
  return at.unit;
}

/**
 * Text as a frame shows it: a tab as four spaces, so that the caret line (spaces) lines up
 * with it on every terminal, and the other control characters as their symbols (␀, ␛, ␡), as
 * messages show them, so that a file's bytes put nothing raw on a terminal or in a CI log.
 */
const shown = (s) => s.replace(/[\0-\x1f\x7f]/g, (c) => (c === "\t" ? "    " : symbol(c)));

/** A control character's symbol: U+2400 on (␀, ␛), and ␡ for DEL. */
const symbol = (c) => String.fromCharCode(c === "\x7f" ? 0x2421 : 0x2400 + c.charCodeAt(0));

/** Text with each control character as its symbol: a file's name or a link's target, in a line of output. */
const symbols = (s) => s.replace(/[\0-\x1f\x7f]/g, symbol);

/**
 * Columns a terminal gives `s`: none to a combining mark or a zero-width character (a "ä" that
 * macOS wrote decomposed is "a" and U+0308), two to a wide one (CJK, Hangul, full-width forms,
 * emoji), one to the rest, so that the caret stands under its character after them. Counted
 * as characters, each such one put the caret a column off.
 */
function columns(s) {
  // Latin letters and signs (to U+02FF), each one column: what nearly every line holds.
  if (!/[^\0-\u02ff]/.test(s)) return s.length;
  let n = 0;
  for (const c of s) n += ZERO_WIDTH.test(c) ? 0 : WIDE.test(c) ? 2 : 1;
  return n;
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u;
const WIDE = /^[\p{Emoji_Presentation}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]$/u;

/** The line of a finding and the lines around it, cut to `FRAME_WIDTH` around its column, and a caret under it. */
function codeFrame(r, line, column) {
  const lines = linesOf(r);
  const unit = unitOf(r, line, column);
  // One window for all three lines, so that they stay aligned: from the line's start, or when
  // the column is past the first two thirds of the width, from 40 characters before it.
  let from = unit < FRAME_WIDTH - 40 ? 0 : unit - 40;
  if (/[\udc00-\udfff]/.test(lines[line - 1]?.[from] ?? "")) from--;
  const cut = (s) => {
    if (s.length <= FRAME_WIDTH && from === 0) return shown(s);
    const end = from + FRAME_WIDTH - (from ? 6 : 3);
    return `${from && s ? "..." : ""}${shown(s.slice(from, end))}${end < s.length ? "..." : ""}`;
  };
  const out = [];
  for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) {
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(4)} | ${cut(lines[n - 1])}`);
    if (n === line) {
      const before = columns(shown(lines[n - 1].slice(from, unit))) + (from ? 3 : 0);
      out.push(`       | ${" ".repeat(before)}^`);
    }
  }
  return out.join("\n");
}

/**
 * A file as SARIF names it: a URI reference, percent-encoded ("väylä #1.json" is
 * "v%C3%A4yl%C3%A4%20%231.json", which a code-scanning upload can resolve), relative as given
 * or a file: URI when absolute.
 */
function uriOf(file) {
  const raw = RAW.get(file);
  if (raw) {
    // A name that is not UTF-8, by its bytes: "k\xE4y.json" is "k%E4y.json".
    const path = Array.from(raw, (b) => (b < 0x80 && /[\w.~/-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${hex(b)}`)).join("");
    return isAbsolute(file) ? `file://${path}` : path;
  }
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(sep).map(encodeURIComponent).join("/");
}

const XML_ESCAPES = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/**
 * One character as XML 1.0 may hold it. The other control characters cannot be in an XML
 * document at all, not even as references: one in a file's name made the whole JUnit report
 * "not well-formed", and a CI job lost every file's findings. They are shown as their symbols
 * (␁), as in the text format's code frames. Tab and line breaks are references, which keep
 * them in an attribute's value (a parser turns a raw one into a space).
 */
const xmlChar = (c) => XML_ESCAPES[c] ?? (c < " " ? symbol(c) : "\ufffd");

/**
 * The totals: every file is counted, as JUnit counts its test cases, one that could not be
 * read and an argument that matched nothing too, and such a file is an error.
 */
function totals(results) {
  const t = { files: results.length, notRead: 0, error: 0, warning: 0, info: 0 };
  for (const r of results) {
    if (r.error) {
      t.notRead++;
      t.error++;
    } else for (const severity of ["error", "warning", "info"]) t[severity] += r.summary[severity];
  }
  return t;
}

/** The totals as the text format's last line says them. */
function summaryLine(results) {
  const t = totals(results);
  return `${t.files - t.notRead} file(s) checked${t.notRead ? `, ${t.notRead} not read` : ""}: ${t.error} error(s), ${t.warning} warning(s), ${t.info} info`;
}

const FORMATS = {
  text(results) {
    const lines = [];
    const rollup = new Map();
    for (const r of results) {
      // A control character in a file's name (ESC, which a terminal obeys) as its symbol, as in frames.
      const file = symbols(r.file);
      if (r.error) {
        lines.push(`${file}: error: ${r.error}`, "");
        rollup.set("error\tinput.unreadable", (rollup.get("error\tinput.unreadable") ?? 0) + 1);
        continue;
      }
      for (const f of [...r.report.findings].sort(byPlace)) {
        const place = f.line ? `${file}:${f.line}:${f.column}` : file;
        const measure = f.measure ? ` [${f.measure}]` : "";
        lines.push(`${place}: ${f.severity} ${f.rule}${measure}: ${f.message}`);
        if (f.line) lines.push(codeFrame(r, f.line, f.column));
        if (f.explain) lines.push(explanation(f.explain));
        lines.push("");
        const key = `${f.severity}\t${f.rule}`;
        rollup.set(key, (rollup.get(key) ?? 0) + 1);
      }
    }
    lines.push(summaryLine(results));
    for (const [key, n] of [...rollup].sort((a, b) => b[1] - a[1] || codeUnits(a[0], b[0]))) {
      const [severity, rule] = key.split("\t");
      lines.push(`  ${String(n).padStart(5)}  ${severity.padEnd(7)} ${rule}`);
    }
    return lines.join("\n") + "\n";
  },
  json(results) {
    // What JSON.stringify({ version, files, summary }, null, 2) would write, as bytes: the reports are
    // the engine's JSON text already, so only the lines around them are encoded here.
    const out = new ByteWriter(results.reduce((n, r) => n + (r.json?.length ?? 0) + 256, 64));
    out.text(`{\n  "version": ${JSON.stringify(version())},\n  "files": [`);
    results.forEach((r, i) => {
      out.text(i ? ",\n    " : "\n    ");
      if (r.error) out.text(nested({ file: r.file, error: r.error }, 2));
      else {
        out.text(`{\n      "file": ${JSON.stringify(r.file)},\n      "report": `);
        out.bytes(r.json);
        out.text("\n    }");
      }
    });
    // The totals the text format's last line gives, so that a CI script need not add up the
    // files' reports.
    out.text(`${results.length ? "\n  ]" : "]"},\n  "summary": ${nested(totals(results), 1)}\n}\n`);
    return out.done();
  },
  junit(results, opts) {
    const esc = (s) => String(s).replace(/[<>&"'\0-\x1f\ufffe\uffff]/g, xmlChar);
    // A file fails as the exit status does: at or above --fail-on. With only errors as
    // failures, a job run with --fail-on warning was red while its report said all had passed.
    const failing = (f) => fails(f.severity, opts.failOn);
    const cases = [];
    let failures = 0;
    // One <failure> and one <system-out> a test case, each listing its findings a line each:
    // with one element a finding, Jenkins showed the first of each and GitLab failed to read
    // the report (two <system-out> became a list its parser does not take), and showed none of
    // the messages, which were only in an attribute.
    for (const r of results) {
      const problems = r.error ? [{ rule: "input.unreadable", severity: "error", message: r.error }] : r.report.findings;
      const line = (f) => `${f.line ? `${r.file}:${f.line}:${f.column}` : r.file}: ${f.severity} ${f.rule}${f.path ? ` ${f.path}` : ""}: ${f.message}`;
      const failed = problems.filter(failing);
      const rest = problems.filter((f) => !failing(f));
      let body = "";
      if (failed.length) {
        failures++;
        const more = failed.length > 1 ? ` (and ${failed.length - 1} more)` : "";
        body += `<failure type="${esc(failed[0].rule)}" message="${esc(failed[0].message + more)}">${esc(failed.map(line).join("\n"))}</failure>`;
      }
      if (rest.length) body += `<system-out>${esc(rest.map(line).join("\n"))}</system-out>`;
      cases.push(`  <testcase classname="measure-rules" name="${esc(r.file)}" file="${esc(r.file)}">${body}</testcase>`);
    }
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="measure-rules" tests="${results.length}" failures="${failures}">\n${cases.join("\n")}\n</testsuite>\n`;
  },
  sarif(results, opts, engine) {
    const level = { error: "error", warning: "warning", info: "note" };
    const sarifResults = [];
    for (const r of results) {
      const findings = r.error ? [{ rule: "input.unreadable", severity: "error", message: r.error }] : r.report.findings;
      for (const f of findings) {
        const region = f.line ? { startLine: f.line, startColumn: f.column } : undefined;
        sarifResults.push({
          ruleId: f.rule,
          level: level[f.severity],
          message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(r.file) }, ...(region ? { region } : {}) } }],
          ...(f.path !== undefined ? { properties: { path: f.path, measure: f.measure } } : {}),
        });
      }
    }
    // Every rule a result can name: a viewer (GitHub's code scanning, say) describes a result
    // by its rule's entry, and the rule sets' custom rules and unreadable files had none.
    // At the levels of the rule sets in use, as the results are ("none" for a rule turned off).
    const levels = engine.ruleLevels();
    const catalogue = documented().map((r) => ({
      id: r.id,
      shortDescription: { text: r.summary },
      fullDescription: { text: r.what },
      defaultConfiguration: { level: level[levels[r.id]] ?? "none" },
    }));
    for (const r of engine.customRules(opts.lang)) {
      catalogue.push({
        id: r.id,
        ...(r.description ? { shortDescription: { text: r.description } } : {}),
        defaultConfiguration: { level: level[r.severity] ?? "none" },
      });
    }
    catalogue.push({ id: "input.unreadable", shortDescription: { text: "The file could not be read." }, defaultConfiguration: { level: "error" } });
    const log = {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      // Columns count characters (code points), as the engine's do; a reader takes UTF-16 units
      // when the log does not say, and was one column off after each emoji.
      // The language in the run's category, so that code scanning keeps a Finnish and a Swedish
      // upload of the same files apart instead of one replacing the other.
      runs: [{ tool: { driver: { name: "measure-rules", version: version(), rules: catalogue } }, automationDetails: { id: `measure-rules/${opts.lang}/` }, columnKind: "unicodeCodePoints", results: sarifResults }],
    };
    return JSON.stringify(log, null, 2) + "\n";
  },
  github(results) {
    const esc = (s) => String(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
    // Other control characters of a file's name (an ESC reached the log raw) as their symbols,
    // as the text and JUnit formats show them.
    const prop = (s) => symbols(esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C"));
    const kind = { error: "error", warning: "warning", info: "notice" };
    const lines = [];
    for (const r of results) {
      if (r.error) {
        lines.push(`::error file=${prop(r.file)},title=input.unreadable::${esc(r.error)}`);
        continue;
      }
      for (const f of [...r.report.findings].sort(byPlace)) {
        const at = f.line ? `,line=${f.line},col=${f.column}` : "";
        lines.push(`::${kind[f.severity]} file=${prop(r.file)}${at},title=${prop(f.rule)}::${esc(f.message)}`);
      }
    }
    // The totals last, as a notice of the run: GitHub shows only the first annotations of each
    // kind in a step, so a run with many had no count anywhere.
    lines.push(`::notice title=measure-rules::${esc(summaryLine(results))}`);
    return lines.join("\n") + "\n";
  },
};

// --- schedule and rules --------------------------------------------------------------------

function schedule(opts) {
  const text = opts.positional.join(" ");
  if (!text) throw new UsageError("schedule needs the text to read");
  const reading = parseSchedule(text, opts.lang);
  if (opts.format === "json") process.stdout.write(JSON.stringify(reading, null, 2) + "\n");
  else if (reading.ok) {
    const parts = [`start: ${reading.start ?? "-"}`, `end: ${reading.end ?? "-"}`, `continuous: ${reading.continuous}`];
    process.stdout.write(`${reading.message}\n${parts.join("  ")}\n`);
  } else process.stdout.write(`${reading.message}\n`);
  return reading.ok ? 0 : 1;
}

/** Edits (insert, delete, replace) from `a` to `b`; enough for a rule id's typo. */
function editDistance(a, b) {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * One rule by its id, a family by its first part (`rules lead-body` lists lead-body.*), or
 * all. A mistyped id says the nearest, as the engine does for a rule set's settings. With
 * `--ruleset`, each rule's level is the chain's (`off` where it turned a rule off), and the
 * chain's custom rules follow the built-in ones, described in English as the reference is.
 */
function listRules(opts) {
  let all = documented();
  if (opts.ruleset.length) {
    const engine = engineFor(opts.ruleset, "en");
    const levels = engine.ruleLevels();
    all = all.map((r) => ({ ...r, level: levels[r.id] }));
    // A custom rule's severity as declared is not kept apart from the chain's level.
    for (const c of engine.customRules("en")) all.push({ id: c.id, custom: true, level: c.severity, summary: c.description ?? "", params: [] });
  }
  const [id, extra] = opts.positional;
  if (extra !== undefined) throw new UsageError(`rules takes one rule id or family, not ${opts.positional.length}`);
  const one = id !== undefined && all.some((r) => r.id === id);
  const chosen = id === undefined ? all : all.filter((r) => (one ? r.id === id : r.id.startsWith(`${id}.`) || r.id.startsWith(`${id}/`)));
  if (chosen.length === 0) {
    const [near] = all.map((r) => [editDistance(id, r.id), r.id]).filter(([d]) => d <= 2).sort((a, b) => a[0] - b[0]);
    throw new UsageError(`no rule ${JSON.stringify(id)}${near ? `; did you mean ${near[1]}?` : ""} (\`measure-rules rules\` lists them)`, { usage: false });
  }
  if (opts.format === "json") {
    process.stdout.write(JSON.stringify(chosen, null, 2) + "\n");
  } else if (one) {
    const r = chosen[0];
    const params = r.params.map((p) => `  ${p.name} (default ${p.default}): ${p.doc}`).join("\n");
    const level = r.level === undefined || r.level === r.severity ? r.severity : `${r.level} in this rule set; ${r.severity} by default`;
    process.stdout.write(
      r.custom
        ? `${r.id} (${r.level}, custom): ${r.summary}\n`
        : `${r.id} (${level}): ${r.summary}\n\nWhat it checks\n${r.what}\n\nWhy\n${r.why}\n\nExample\n${r.example}\n` + (params ? `\nParameters\n${params}\n` : ""),
    );
  } else {
    for (const r of chosen) process.stdout.write(`${r.id.padEnd(26)} ${(r.level ?? r.severity).padEnd(8)} ${r.summary}\n`);
  }
  return 0;
}

async function main(argv) {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      // Asked for, on stdout; as the error of a command line with no command, on stderr, so that
      // a job writing stdout into report.xml does not write the usage there.
      (command === undefined ? process.stderr : process.stdout).write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    }
    if (command === "--version" || command === "-v") {
      process.stdout.write(version() + "\n");
      return 0;
    }
    const opts = parseArgs(rest, command);
    if (opts.help) {
      process.stdout.write(USAGE + "\n");
      return 0;
    }
    // Said, not fallen back from: a CI step asking `test` for JUnit got text, and passed it on.
    if (["test", "schedule", "rules"].includes(command) && !["text", "json"].includes(opts.format)) throw new UsageError(`--format for ${command} takes text or json, not ${opts.format}`);
    // Refused rather than run without: the other formats have no place for an explanation.
    if (opts.explain && !["text", "json"].includes(opts.format)) throw new UsageError(`--explain is for --format text and json, not ${opts.format}`);
    switch (command) {
      case "check":
        return await check(opts);
      case "schedule":
        return schedule(opts);
      case "rules":
        return listRules(opts);
      case "test":
        return runTests(opts);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`measure-rules: ${e.message}\n${e.usage ? `\n${USAGE}\n` : ""}`);
      return 2;
    }
    throw e;
  }
}

if (isMainThread) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(process.argv.slice(2));
} else if (workerData?.measureRulesCheck) {
  // A thread of `check`: the same engine (the rule sets' texts come along), its share of the files.
  const { rulesets, options, asText, raw, ...share } = workerData.measureRulesCheck;
  for (const [name, bytes] of raw) RAW.set(name, Buffer.from(bytes));
  const checked = checkClaimed(engineOf(rulesets), share, options, asText);
  // For the tests: a thread that fails after claiming files, which the main thread must then check.
  if (process.env.MEASURE_RULES_FAIL_THREADS === "1") throw new Error("failing on purpose (MEASURE_RULES_FAIL_THREADS=1)");
  const message = packed(checked);
  parentPort.postMessage(message, [message.all.buffer]);
}
