#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/seeds/<target>/ from the project's
own data: the 2017 programme and each of its measures, the example rule sets (and a chain
of two, split by a NUL byte as the ruleset target reads it), the rule-set example of
docs/rule-language.md and the demo's worked example (if Node is installed), and every schedule text of tests/fixtures/schedules.json and of the
programme, prefixed by its language's first letter (the schedule target reads byte 0 mod 3:
f=Finnish, s=Swedish, e=English). The structured target's seeds are one byte each: the index
of a measure, with no edits.

Run from the repository root: python3 fuzz/make_seeds.py
Then start a target with its seeds:  cargo fuzz run <target> fuzz/corpus/<target> fuzz/seeds/<target>
"""
import hashlib
import json
import os
import re
import subprocess

ROOT = "fuzz/seeds"


def write(target, name, data):
    d = os.path.join(ROOT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


with open("data/programme-2017.json", encoding="utf-8") as f:
    prog_text = f.read()
prog = json.loads(prog_text)
write("check_document", "programme-2017.json", prog_text)
# The programme as published is over 64 KiB, libFuzzer's -max_len here; compact, it fits.
write("check_document", "programme-2017.min.json",
      json.dumps(prog, ensure_ascii=False, separators=(",", ":")))
for i, m in enumerate(prog["measures"]):
    write("check_document", f"measure-{i:02}.json", json.dumps(m, ensure_ascii=False, indent=2))

rulesets = {}
for name in sorted(os.listdir("tests/fixtures/rulesets")):
    with open(os.path.join("tests/fixtures/rulesets", name), encoding="utf-8") as f:
        rulesets[name] = f.read()
    write("ruleset", name, rulesets[name])
write("ruleset", "chain-ministry-kuntaliitto.json",
      rulesets["ministry.json"] + "\0" + rulesets["agency-kuntaliitto.json"])
with open("docs/rule-language.md", encoding="utf-8") as f:
    for n, block in enumerate(re.findall(r"```json\n(.*?)```", f.read(), re.S)):
        try:
            value = json.loads(block)
        except ValueError:
            continue
        if isinstance(value, dict) and "id" in value:
            write("ruleset", f"doc-rule-language-{n}.json", block)

# The demo's worked example of custom rules, when Node is there to read it.
try:
    example = subprocess.run(
        ["node", "--input-type=module", "-e",
         'import { WORKED_EXAMPLE_TEXT } from "./web-demo/app/custom-example.js";'
         " process.stdout.write(WORKED_EXAMPLE_TEXT);"],
        capture_output=True, check=True, text=True).stdout
    write("ruleset", "demo-worked-example.json", example)
except (OSError, subprocess.CalledProcessError):
    pass

with open("tests/fixtures/schedules.json", encoding="utf-8") as f:
    texts = {(s["lang"], s["text"]) for s in json.load(f)}
for m in prog["measures"]:
    schedule = m.get("schedule")
    if isinstance(schedule, dict) and isinstance(schedule.get("text"), str):
        texts.add(("fi", schedule["text"]))
for lang, text in sorted(texts):
    data = lang[0].encode() + text.encode()
    write("schedule", hashlib.sha1(data).hexdigest()[:16], data)

for i in range(len(prog["measures"])):
    write("structured", f"measure-{i:02}", bytes([i]))

print({t: len(os.listdir(os.path.join(ROOT, t))) for t in sorted(os.listdir(ROOT))})
