#!/usr/bin/env node
// The worst documents the input limits let in: for the engine's authors, to see that none of
// them takes time out of proportion to its size. Not part of `npm run bench`: no peer is
// measured, and the figures are about single documents, not the jobs an agency runs.
//
//   node bench/floods.mjs [--mib M] [--limit S] [<checkout> ...]
//
// Each document is M MiB of JSON (default 32, the document limit), written once, then checked
// by each checkout's CLI (`check FILE --format json`, default: this checkout) in a fresh
// process under /usr/bin/time, killed after S seconds (default 300). Prints wall time, peak
// RSS, the findings listed and the findings counted in the summary.
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { arg, positional, root, table, timed } from "./lib.mjs";

/** `head`, then `item(i)` joined by `sep` for as many i as fit in `bytes`, then `tail`. */
function fill(bytes, head, item, tail, sep = ",") {
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const next = (i === 0 ? "" : sep) + item(i);
    if (size + next.length > bytes) break;
    parts.push(next);
    size += next.length;
  }
  parts.push(tail);
  return parts.join("");
}

const MEASURE = '"id":"1.1","title":{"fi":"Otsikko"},"leadBody":"SM","schedule":"2018","status":"ongoing"';
const num = (i) => String(i).padStart(7, "0");

// Each is one kind of finding, as many times as fits: what a generated or hostile file, or a
// form's code gone wrong, can send.
const DOCUMENTS = {
  // Unknown members of a measure: "did you mean" among the known fields, for each.
  "unknown fields": (b) => fill(b, `{${MEASURE},`, (i) => `"q${num(i)}":0`, "}"),
  // Partners the registry does not know, each different: "did you mean" among the registry's
  // names, and the repeat check's list of those seen.
  "unknown partners": (b) => fill(b, `{${MEASURE},"partners":[`, (i) => `"zq${num(i)}"`, "]}"),
  // Joint leads, then partners, half each: every partner is compared with the leads.
  "leads and partners": (b) =>
    fill(b / 2, `{"id":"1.1","title":{"fi":"Otsikko"},"schedule":"2018","status":"ongoing","leadBody":[`, (i) => `"zl${num(i)}"`, "],") +
    fill(b / 2, `"partners":[`, (i) => `"zp${num(i)}"`, "]}"),
  // One member written again and again: every occurrence but the last is a repeated key,
  // found by a second walk of the text, and the keys sorted to find them.
  "repeated keys": (b) => fill(b, `{${MEASURE},`, (i) => `"q":${i % 10}`, "}"),
  // A programme of many themes and a title of many references to a theme it does not have.
  "theme references": (b) =>
    fill(b / 2, `{"title":{"fi":"Ohjelma"},"themes":[`, (i) => `{"number":${10 + i}}`, "],") +
    fill(b / 2, `"measures":[{"id":"1.1","leadBody":"SM","schedule":"2018","status":"ongoing","title":{"en":"`, () => "theme 9", `"}}]}`, " "),
};

function main() {
  const mib = Number(arg("--mib", 32));
  const limitS = Number(arg("--limit", 300));
  const checkouts = positional(["--mib", "--limit"]);
  const list = (checkouts.length ? checkouts : [root]).map((c) => resolve(c));
  const dir = mkdtempSync(join(tmpdir(), "measure-rules-floods-"));
  const rows = [];
  try {
    for (const [name, make] of Object.entries(DOCUMENTS)) {
      const file = join(dir, "document.json");
      const text = make(Math.floor(mib * 1024 * 1024));
      JSON.parse(text); // a generator's mistake is not a finding to time
      writeFileSync(file, text);
      for (const checkout of list) {
        const outFile = join(dir, "report.json");
        const fd = openSync(outFile, "w");
        const r = timed(process.execPath, [join(checkout, "wasm", "npm", "cli.mjs"), "check", file, "--format", "json"], { stdout: fd, limitS });
        closeSync(fd);
        let listed = "-";
        let counted = "-";
        if (!r.timedOut) {
          const { report } = JSON.parse(readFileSync(outFile, "utf8")).files[0];
          if (!report?.summary) throw new Error(`${checkout} ${name}: ${JSON.stringify(report).slice(0, 300)}`);
          listed = report.findings.length.toLocaleString("en");
          counted = Object.values(report.summary)
            .reduce((a, b) => a + b, 0)
            .toLocaleString("en");
        }
        rows.push([name, (text.length / 1048576).toFixed(1), relative(process.cwd(), checkout) || ".", r.timedOut ? `> ${limitS}` : r.wall.toFixed(1), r.timedOut ? "-" : (r.rssKiB / 1024).toFixed(0), listed, counted]);
        process.stderr.write(`${rows.at(-1).join("  ")}\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`Each document checked once by the CLI in a fresh Node ${process.version} process (\`check FILE --format json\`), killed after ${limitS} s (then its peak RSS is not known).\n\n`);
  const columns = [
    { title: "document" },
    { title: "MiB", align: "r" },
    { title: "checkout" },
    { title: "wall s", align: "r" },
    { title: "peak RSS MiB", align: "r" },
    { title: "findings listed", align: "r" },
    { title: "counted", align: "r" },
  ];
  process.stdout.write(`${table(columns, rows)}\n`);
}

main();
