#!/usr/bin/env python3
"""Fills start/end/continuous of every schedule in data/programme-2017.json from its text,
as the engine's parser reads it, keeping the file's key order. Unreadable text gets no
dates, so the engine reports it. Run after changing the parser or the data; the test
`schedule_dates_agree_with_the_parser` fails until you do."""
import json, subprocess, sys, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
subprocess.run(["cargo", "build", "-q", "-p", "measure-rules", "--example", "check"], cwd=root, check=True)
exe = root / "target" / "debug" / "examples" / "check"
path = root / "data" / "programme-2017.json"
doc = json.loads(path.read_text(encoding="utf-8"))

def fill(s):
    text = s.get("text")
    if not isinstance(text, str):
        return
    out = subprocess.run([str(exe), "--schedule", text], capture_output=True, text=True)
    reading = json.loads(out.stdout)
    keep = {k: v for k, v in s.items() if k not in ("start", "end", "continuous", "text")}
    s.clear()
    s["text"] = text
    if reading["ok"]:
        if "start" in reading: s["start"] = reading["start"]
        if "end" in reading: s["end"] = reading["end"]
        if reading["continuous"]: s["continuous"] = True
    s.update(keep)

for m in doc["measures"]:
    if isinstance(m.get("schedule"), dict): fill(m["schedule"])
    for step in m.get("steps", []):
        if isinstance(step.get("schedule"), dict): fill(step["schedule"])
path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print("filled", path, file=sys.stderr)
