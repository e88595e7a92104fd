#!/usr/bin/env python3
"""The output formats end to end, on two documents in the repository:
tests/data/golden/mini.txt (a text 收入决算表, figures in the file itself) and
corpus/sample/putuo-justice-2026-budget.pdf (the 普陀区司法局 2026 budget;
figures below read off its printed pages).

Usage: formats.py ./disclex   (prints 'formats: N passed, N failed')
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MINI = str(ROOT / "tests" / "data" / "golden" / "mini.txt")
PUTUO = str(ROOT / "corpus" / "sample" / "putuo-justice-2026-budget.pdf")
BAD = str(ROOT / "tests" / "data" / "bad" / "empty.pdf")

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL formats: {what}")


def run(binary, *args, env=None):
    e = dict(os.environ)
    if env:
        e.update(env)
    return subprocess.run([binary, *args], capture_output=True, env=e)


def test_extension(binary, tmp):
    """-o NAME.EXT picks the format; --format wins over the extension."""
    out = Path(tmp) / "v.csv"
    r = run(binary, "-q", "-o", str(out), MINI)
    check(r.returncode == 0, f"-o v.csv: exit {r.returncode} {r.stderr!r}")
    text = out.read_text(encoding="utf-8")
    check(text.startswith("doc,table_id,schema,page,row_code"), f"-o v.csv writes CSV, not {text[:30]!r}")
    out = Path(tmp) / "V.NDJSON"
    run(binary, "-q", "-o", str(out), MINI, MINI)
    lines = out.read_text(encoding="utf-8").splitlines()
    check(len(lines) == 2 and all(json.loads(l)["format"] == "disclex/1" for l in lines),
          "-o V.NDJSON writes one line per document")
    out = Path(tmp) / "forced.csv"
    run(binary, "-q", "--format", "json", "-o", str(out), MINI)
    check(json.loads(out.read_text(encoding="utf-8"))["format"] == "disclex/1", "--format json wins over .csv")
    out = Path(tmp) / "other.txt"
    run(binary, "-q", "-o", str(out), MINI)
    check(json.loads(out.read_text(encoding="utf-8"))["format"] == "disclex/1", "-o other.txt writes JSON")


def test_json_array(binary):
    """Several inputs in JSON: one array of the documents read (a bad one left out, the rest in order)."""
    r = run(binary, "-q", MINI, BAD, PUTUO)
    check(r.returncode == 3, f"json batch with a bad input: exit {r.returncode}")
    check(b"empty.pdf" in r.stderr, "json batch names the bad input")
    docs = json.loads(r.stdout)
    check(isinstance(docs, list) and len(docs) == 2, "two readable inputs give an array of two")
    check([d["source"]["path"] for d in docs] == [MINI, PUTUO], "array in input order")
    one = json.loads(run(binary, "-q", MINI).stdout)
    check(isinstance(one, dict) and one == docs[0], "one input stays one object, the same as in the array")
    check(json.loads(run(binary, "-q", BAD, BAD).stdout) == [], "no readable input of several: []")
    r = run(binary, "-q", "--timeout", "60", MINI, MINI)
    check(len(json.loads(r.stdout)) == 2, "--timeout: still one array")
    r = run(binary, "-q", "--ndjson", MINI, PUTUO)
    lines = r.stdout.decode().splitlines()
    check(len(lines) == 2 and [json.loads(l)["source"]["path"] for l in lines] == [MINI, PUTUO],
          "NDJSON: one line per document")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    with tempfile.TemporaryDirectory() as tmp:
        test_extension(binary, tmp)
        test_json_array(binary)
    print(f"formats: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
