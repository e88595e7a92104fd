#!/usr/bin/env python3
"""Scanned pages read by OCR, on the scanned test PDF of the repository.

tests/data/scanned/table-scan.pdf is the top of page 10 of
corpus/generated/budget-01-2020.pdf (财政拨款收支总表, then the paragraphs under
it) drawn at 200 dpi and wrapped as an image without any text layer
(tests/data/scanned/make.py).  What must come out is what the generator printed
there: its truth, corpus/generated/budget-01-2020.expected.json.  A build without
OCR (no Tesseract, `make OCR=no`) fails here: the file then exits 5.

Usage: ocr_cases.py DISCLEX   (prints 'ocr cases: N passed, N failed')
"""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCAN = ROOT / "tests" / "data" / "scanned" / "table-scan.pdf"
TRUTH = ROOT / "corpus" / "generated" / "budget-01-2020.expected.json"


def squeeze(s):
    return "".join((s or "").split())


def amount(s):
    return Decimal(s.replace(",", ""))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL ocr: {what}")

    out = subprocess.run([binary, "-q", str(SCAN)], capture_output=True, timeout=300)
    check(out.returncode == 0, f"table-scan.pdf exits {out.returncode} (expected 0; 5 means no OCR): "
                               f"{out.stderr.decode(errors='replace').strip()}")
    if out.returncode not in (0, 5):
        print(f"ocr cases: {passed} passed, {failed} failed")
        return 1
    doc = json.loads(out.stdout, parse_float=Decimal, parse_int=Decimal)
    truth = next(t for t in json.loads(TRUTH.read_text())["tables"] if t["title"] == "财政拨款收支总表")

    # The document says which pages were read by OCR.
    ocr_pages = [w["page"] for w in doc["warnings"] if w["code"] == "page_ocr"]
    check(ocr_pages == [1], f"page_ocr warnings on pages {ocr_pages}, expected [1]")
    check(doc["source"]["text_layer"] == "none", f"text_layer {doc['source']['text_layer']}")

    # The table is found, titled, claimed, with its unit.
    tables = [t for t in doc["tables"] if t["title"] == truth["title"]]
    check(len(tables) == 1, f"{len(tables)} tables titled {truth['title']} (of {len(doc['tables'])})")
    if tables:
        t = tables[0]
        check(t["schema"] == "budget.fiscal_summary", f"schema {t['schema']}")
        check(t["unit"] == truth["unit"], f"unit {t['unit']}")
        # Every body row as printed (labels and amounts; the two header rows aside: the
        # wrapped 国有资本经营预算 over the last column is not read whole).
        got = [[squeeze(c) for c in row] for row in t["cells"][2:]]
        want = [[squeeze(c) for c in row] for row in truth["cells"][2:]]
        check(len(got) == len(want), f"{len(got)} body rows, expected {len(want)}")
        for g, w in zip(got, want):
            check(g == w, f"row {w[0] or w[2]}: {g} != {w}")
        # The amount column of the expenditure side, exactly, and its sum.
        col = [amount(row[3]) for row in truth["cells"][3:10]]
        rows = {r["label"]: r for r in t["rows"]}
        for row, value in zip(truth["cells"][3:10], col):
            label = squeeze(row[2]).split("、", 1)[1]
            r = rows.get(label)
            got_value = r and r["values"].get("total")
            check(got_value == value, f"{label} total {got_value}, expected {value}")
        check(sum(col) == amount(truth["cells"][2][3]), "the generator's own sum")
        checks = t["checks"]
        check(len(checks) >= 10 and all(c["ok"] for c in checks),
              f"{sum(c['ok'] for c in checks)}/{len(checks)} checks hold")

    # The paragraph under the table, read whole with its amount.
    text = "".join(squeeze(b["text"]) for b in doc["blocks"])
    check("2020年本部门机关运行经费453.60万元" in text, "the paragraph 机关运行经费 453.60 万元")
    check("四、其他重要事项的情况说明" in [squeeze(b["text"]) for b in doc["blocks"] if b["type"] == "heading"],
          "the heading 四、其他重要事项的情况说明")

    print(f"ocr cases: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
