#!/usr/bin/env python3
"""The output formats end to end, on two documents in the repository:
tests/data/golden/mini.txt (a text 收入决算表, figures in the file itself) and
corpus/sample/putuo-justice-2026-budget.pdf (the 普陀区司法局 2026 budget;
figures below read off its printed pages).

Usage: formats.py ./disclex   (prints 'formats: N passed, N failed')
"""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tally import Tally  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI = str(ROOT / "tests" / "data" / "golden" / "mini.txt")
PUTUO = str(ROOT / "corpus" / "sample" / "putuo-justice-2026-budget.pdf")
BAD = str(ROOT / "tests" / "data" / "bad" / "empty.pdf")

check = Tally("formats")


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


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"}


def col_number(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def read_xlsx(path):
    """{sheet name: {"cells": {(row, col): (value, number format)}, "merged": [(r0, c0, r1, c1)]}},
    in workbook order; rows and columns 1-based; a number is a str of its XML text."""
    z = zipfile.ZipFile(path)
    strings = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
               for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    styles = ET.fromstring(z.read("xl/styles.xml"))
    codes = dict(BUILTIN_FORMATS)
    for f in styles.iterfind("m:numFmts/m:numFmt", NS):
        codes[int(f.get("numFmtId"))] = f.get("formatCode")
    xf_format = [codes.get(int(xf.get("numFmtId", 0)), "?") for xf in styles.iterfind("m:cellXfs/m:xf", NS)]
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    book = {}
    for sh in ET.fromstring(z.read("xl/workbook.xml")).iterfind("m:sheets/m:sheet", NS):
        root = ET.fromstring(z.read("xl/" + rels[sh.get(f"{{{NS['r']}}}id")]))
        cells = {}
        for c in root.iterfind(".//m:sheetData/m:row/m:c", NS):
            m = re.fullmatch(r"([A-Z]+)(\d+)", c.get("r"))
            at = (int(m.group(2)), col_number(m.group(1)))
            v = c.find("m:v", NS)
            fmt = xf_format[int(c.get("s", 0))]
            if c.get("t") == "s":
                cells[at] = (strings[int(v.text)], fmt)
            elif v is not None:
                cells[at] = (float(v.text) if c.get("t") != "b" else v.text == "1", fmt, v.text)
        merged = []
        for mc in root.iterfind("m:mergeCells/m:mergeCell", NS):
            a, b = mc.get("ref").split(":")
            ma, mb = re.fullmatch(r"([A-Z]+)(\d+)", a), re.fullmatch(r"([A-Z]+)(\d+)", b)
            merged.append((int(ma.group(2)), col_number(ma.group(1)), int(mb.group(2)), col_number(mb.group(1))))
        book[sh.get("name")] = {"cells": cells, "merged": merged}
    return book


def row_of(sheet, text):
    """The sheet row holding a cell with this text (the first), or None."""
    return next((r for (r, c), v in sorted(sheet["cells"].items()) if v[0] == text), None)


def numbers_in_row(sheet, r):
    """[(number XML text, number format)] of sheet row r, left to right."""
    return [(v[2], v[1]) for (rr, c), v in sorted(sheet["cells"].items()) if rr == r and len(v) == 3]


def test_xlsx(binary, tmp):
    """The workbook read back: figures as printed on the pages, formats with their printed decimals."""
    out = Path(tmp) / "both.xlsx"
    r = run(binary, "-q", "-o", str(out), MINI, BAD, PUTUO)
    check(r.returncode == 3 and b"empty.pdf" in r.stderr, f"xlsx batch with a bad input: exit {r.returncode}")
    book = read_xlsx(out)
    names = list(book)
    check(names[0] == "tables", f"first sheet is the list: {names[:2]}")
    docs = [json.loads(run(binary, "-q", p).stdout) for p in (MINI, PUTUO)]
    tables = [(d["source"]["path"], t) for d in docs for t in d["tables"]]
    check(len(names) == 1 + len(tables), f"one sheet per table: {len(names) - 1} sheets, {len(tables)} tables")
    for name in names[1:]:
        check(len(name) <= 31 and not set(name) & set("[]:*?/\\"), f"sheet name {name!r} unsafe")
    summary = book["tables"]["cells"]
    listed = [(summary[(r, 1)][0], summary[(r, 2)][0]) for r in range(3, 3 + len(tables))]
    check(listed == [(p, t["id"]) for p, t in tables], f"the first sheet lists the tables: {listed[:3]}")
    check(summary.get((3 + len(tables), 1)) is None, "the list ends with the tables")
    for i, (p, t) in enumerate(tables):
        r = 3 + i
        sheet = summary[(r, 3)][0]
        check(sheet in book and book[sheet]["cells"][(1, 1)][0] == t["title"], f"{t['id']}: sheet {sheet!r} titled")
        check(summary[(r, 5)][0] == t["schema"] and summary[(r, 6)][0] == t["unit"]
              and summary[(r, 8)][0] == len(t["rows"]), f"{t['id']}: schema, unit and rows listed")
    nchecks = sum(len(t["checks"]) for _, t in tables) + sum(len(d["document_checks"]) for d in docs)
    listed_checks = [r for (r, c) in summary if c == 11 and r >= 3]
    check(len(listed_checks) == nchecks, f"{len(listed_checks)} checks listed, {nchecks} in the JSON")
    nwarn = sum(len(d["warnings"]) for d in docs)
    listed_warnings = [r for (r, c) in summary if c == 21 and r >= 3]
    check(len(listed_warnings) == nwarn, f"{len(listed_warnings)} warnings listed, {nwarn} in the JSON")

    # mini.txt: 合计 3,260.55 3,249.55 11.00; 20103 … 3,249.55 3,249.55 0.00 (the file's own figures)
    mini = book["t01 收入决算表"]
    check(mini["cells"][(2, 2)][0] == "万元", "mini: unit in B2")
    head = [mini["cells"].get((7, c), ("",))[0] for c in range(1, 6)]
    check(head == ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"], f"mini: header row {head}")
    got = numbers_in_row(mini, row_of(mini, "合计"))
    check(got == [("3260.55", "#,##0.00"), ("3249.55", "#,##0.00"), ("11", "0.00")], f"mini 合计: {got}")
    got = numbers_in_row(mini, row_of(mini, "20103"))
    check(got[-1] == ("0", "0.00"), f"mini 20103: 0.00 printed is 0 shown as 0.00: {got}")

    # putuo p. 11, 2026年部门收入预算总表: 行政运行 16726725.44 16726725.44 0.00 0.00 0.00 (元)
    income = book["t02 2026年部门收入预算总表"]
    check(income["cells"][(2, 2)][0] == "元" and income["cells"][(3, 2)][0] == "11", "putuo t02: unit 元, page 11")
    got = numbers_in_row(income, row_of(income, "行政运行"))
    check(got == [("16726725.44", "0.00")] * 2 + [("0", "0.00")] * 3, f"putuo t02 行政运行: {got}")
    at = next(((r, c) for (r, c), v in income["cells"].items() if v[0] == "收入预算"), None)
    span = [m for m in income["merged"] if at and m[:2] == at]
    check(span and span[0][3] > span[0][1] and span[0][0] == span[0][2],
          f"putuo t02: 收入预算 merged across columns as printed: {span}")
    # putuo p. 21, 三公: 10.81 0 0.83 9.98 0 9.98 217.83 (万元)
    three = book[next(n for n in names if n.startswith("t09 "))]
    row = next(r for (r, c), v in three["cells"].items() if len(v) == 3 and v[2] == "10.81")
    got = numbers_in_row(three, row)
    check(got == [("10.81", "0.00"), ("0", "0"), ("0.83", "0.00"), ("9.98", "0.00"), ("0", "0"),
                  ("9.98", "0.00"), ("217.83", "0.00")], f"putuo t09 三公: {got}")

    # needs a file; a run that cannot write leaves nothing
    r = run(binary, "-q", "--format", "xlsx", MINI)
    check(r.returncode == 2 and b"-o FILE.xlsx" in r.stderr, f"xlsx to standard output: exit {r.returncode}")
    r = run(binary, "-q", "-o", str(Path(tmp) / "none" / "x.xlsx"), MINI)
    check(r.returncode == 4 and b"cannot write" in r.stderr, f"xlsx into a missing directory: exit {r.returncode}")
    check(not [f for f in os.listdir(tmp) if f.startswith(".both.xlsx")], "no temporary file left")


def db_rows(path, sql, *args):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def test_sqlite(binary, tmp):
    """The database: schema, figures read off the pages, idempotence, --force, an interrupted run."""
    db = str(Path(tmp) / "corpus.db")
    r = run(binary, "-q", "--format", "sqlite", "--db", db, MINI, BAD, PUTUO)
    check(r.returncode == 3 and b"empty.pdf" in r.stderr, f"sqlite batch with a bad input: exit {r.returncode} {r.stderr!r}")
    names = {n for (n,) in db_rows(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    check({"documents", "tables", "columns", "rows", "row_values", "checks", "warnings", "value_facts"} <= names,
          f"schema: {sorted(names)}")
    check(db_rows(db, "PRAGMA user_version") == [(2,)], "user_version 2")
    fks = {(t, ref) for t in ("tables", "columns", "rows", "row_values", "checks", "warnings")
           for (_, _, ref, *_rest) in db_rows(db, f"PRAGMA foreign_key_list({t})")}
    check(("tables", "documents") in fks and ("row_values", "rows") in fks and ("row_values", "columns") in fks,
          f"foreign keys: {sorted(fks)}")
    check(db_rows(db, "PRAGMA foreign_key_check") == [], "foreign keys hold")
    docs = [json.loads(run(binary, "-q", p).stdout) for p in (MINI, PUTUO)]
    check(db_rows(db, "SELECT path, sha256 FROM documents ORDER BY id") ==
          [(d["source"]["path"], d["source"]["sha256"]) for d in docs], "documents in order, by sha256")
    nvalues = sum(len(t["rows"]) * len(t["columns"]) for d in docs for t in d["tables"])
    check(db_rows(db, "SELECT count(*) FROM value_facts") == [(nvalues,)], f"value_facts: {nvalues} values")
    nchecks = sum(len(t["checks"]) for d in docs for t in d["tables"]) + sum(len(d["document_checks"]) for d in docs)
    check(db_rows(db, "SELECT count(*) FROM checks") == [(nchecks,)], "every check")
    check(db_rows(db, "SELECT count(*) FROM warnings") == [(sum(len(d["warnings"]) for d in docs),)], "every warning")

    # mini.txt: 合计 3,260.55 / 3,249.55 / 11.00, 20103 … 0.00 (the file's own figures): exact TEXT
    got = db_rows(db, "SELECT column_key, value, typeof(value) FROM value_facts WHERE document = ? AND row_key = '合计' "
                      "ORDER BY column_key", MINI)
    check(got == [("fiscal", "3249.55", "text"), ("other", "11", "text"), ("total", "3260.55", "text")],
          f"mini 合计: {got}")
    check(db_rows(db, "SELECT value FROM value_facts WHERE document = ? AND row_code = '20103' AND column_key = 'other'",
                  MINI) == [("0",)], "mini 20103 other: 0.00 printed is 0")
    # putuo p. 11 收入预算总表, 元: 2040601 行政运行 16726725.44; p. 21 三公 (万元): 10.81, 公务接待费 0.83, 217.83
    got = db_rows(db, "SELECT year, department, schema, unit, value, value_approx, page FROM value_facts "
                      "WHERE document = ? AND schema = 'budget.income' AND row_code = '2040601' AND column_key = 'total'",
                  PUTUO)
    check(len(got) == 1 and got[0][2:5] == ("budget.income", "元", "16726725.44") and got[0][6] == 11
          and got[0][0] == 2026 and abs(got[0][5] - 16726725.44) < 1e-6, f"putuo 行政运行: {got}")
    got = sorted(v for (v,) in db_rows(db, "SELECT value FROM value_facts WHERE document = ? AND "
                                           "schema = 'budget.three_public' AND value_kind = 'number'", PUTUO))
    check({"10.81", "0.83", "9.98", "217.83"} <= set(got), f"putuo 三公: {got}")

    # idempotence: the same files again add nothing
    before = db_rows(db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM row_values), "
                         "(SELECT count(*) FROM checks), (SELECT count(*) FROM warnings)")
    r = run(binary, "--db", db, MINI, PUTUO)
    check(r.returncode == 0 and r.stderr.count(b"skipped") == 2, f"second run: exit {r.returncode}, {r.stderr[:200]!r}")
    check(db_rows(db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM row_values), "
                      "(SELECT count(*) FROM checks), (SELECT count(*) FROM warnings)") == before, "no duplicates")
    # --force: replaced, not duplicated (a new id, the same count)
    old = db_rows(db, "SELECT id FROM documents WHERE path = ?", MINI)
    r = run(binary, "-q", "--force", "-o", db, MINI)
    new = db_rows(db, "SELECT id FROM documents WHERE path = ?", MINI)
    check(r.returncode == 0 and len(new) == 1 and new != old, f"--force replaces: {old} -> {new}")
    check(db_rows(db, "SELECT count(*) FROM value_facts") == [(nvalues,)], "--force: values not duplicated")
    check(db_rows(db, "PRAGMA foreign_key_check") == [], "--force: no orphans")

    # interrupted: killed before the second document's COMMIT -> the first whole, nothing of the second
    db2 = str(Path(tmp) / "killed.sqlite")
    r = run(binary, "-q", "-o", db2, MINI, PUTUO, env={"DISCLEX_TEST_KILL_BEFORE_COMMIT": "2"})
    check(r.returncode == -signal.SIGKILL, f"the test hook kills the run: {r.returncode}")
    check(db_rows(db2, "SELECT path FROM documents") == [(MINI,)], "killed: only the whole first document")
    check(db_rows(db2, "SELECT count(*) FROM tables") == [(len(docs[0]["tables"]),)]
          and db_rows(db2, "SELECT count(*) FROM value_facts") ==
          [(sum(len(t["rows"]) * len(t["columns"]) for t in docs[0]["tables"]),)], "killed: no half document")
    r = run(binary, "-q", "-o", db2, MINI, PUTUO)
    check(r.returncode == 0 and db_rows(db2, "SELECT count(*) FROM documents") == [(2,)], "rerun completes the load")

    # bad targets
    r = run(binary, "-q", "--format", "sqlite", MINI)
    check(r.returncode == 2 and b"--db FILE" in r.stderr, f"sqlite without a database: exit {r.returncode}")
    r = run(binary, "-q", "--db", MINI, MINI)
    check(r.returncode == 2 and b"is the input" in r.stderr, f"--db naming an input: exit {r.returncode}")
    notdb = Path(tmp) / "not.db"
    notdb.write_text("hello, this is not a database\n" * 100)
    r = run(binary, "-q", "--db", str(notdb), MINI)
    check(r.returncode == 4 and b"not.db" in r.stderr and b"not a database" in r.stderr,
          f"--db naming a file that is not a database: exit {r.returncode} {r.stderr!r}")
    # a version 1 database (before failures) gets the failures table, its documents kept
    v1 = str(Path(tmp) / "v1.db")
    run(binary, "-q", "--db", v1, MINI)
    con = sqlite3.connect(v1)
    con.executescript("DROP TABLE failures; PRAGMA user_version = 1;")
    con.close()
    r = run(binary, "-q", "--db", v1, PUTUO)
    check(r.returncode == 0 and db_rows(v1, "PRAGMA user_version") == [(2,)]
          and db_rows(v1, "SELECT count(*) FROM failures") == [(0,)]
          and db_rows(v1, "SELECT count(*) FROM documents") == [(2,)], f"version 1 upgraded: {r.stderr!r}")
    con = sqlite3.connect(v1)
    con.executescript("PRAGMA user_version = 7;")
    con.close()
    r = run(binary, "-q", "--db", v1, MINI)
    check(r.returncode == 4 and b"schema version 7" in r.stderr, f"another version refused: {r.stderr!r}")
    r = run(binary, "-q", "--format", "csv", "--db", db, MINI)
    check(r.returncode == 2, f"--db with --format csv: exit {r.returncode}")


def test_wide(binary, tmp):
    """--wide DIR: one CSV per table as printed, safe names, nothing else on standard output."""
    wide = Path(tmp) / "wide"
    r = run(binary, "-q", "--wide", str(wide), MINI, PUTUO, MINI)
    check(r.returncode == 0 and r.stdout == b"", f"--wide alone: exit {r.returncode}, {len(r.stdout)} bytes on stdout")
    names = sorted(os.listdir(wide))
    check(len(names) == 1 + 9 + 1, f"one file per table of each input: {names}")
    check("mini~2.t01 收入决算表.csv" in names, "the second input named mini: mini~2")
    # mini.txt, its own figures; header paths as printed, 0.00 is 0 as in the JSON, a blank stays empty
    got = (wide / "mini.t01 收入决算表.csv").read_bytes().decode("utf-8")
    check(got == "科目编码,科目名称,本年收入合计,财政拨款收入,其他收入\r\n"
                 "合计,,3260.55,3249.55,11\r\n"
                 "201,一般公共服务支出,3249.55,3249.55,\r\n"
                 "20103,政府办公厅（室）及相关机构事务,3249.55,3249.55,0\r\n", f"mini wide CSV: {got!r}")
    # putuo p. 11: header levels joined by '/', 204 06 01 行政运行 16726725.44 … 0.00
    lines = (wide / "putuo-justice-2026-budget.t02 2026年部门收入预算总表.csv").read_text(encoding="utf-8").splitlines()
    check(lines[0].split(",")[4:6] == ["收入预算/合计", "收入预算/财政拨款收入"], f"putuo t02 header: {lines[0]}")
    check("204,06,01,行政运行,16726725.44,16726725.44,0,0,0" in lines, f"putuo t02 行政运行: {lines[:5]}")
    check(not [n for n in names if n.startswith(".")], "no temporary or hidden file left")
    # names from input names: control bytes and a leading dot made '_'
    odd = Path(tmp) / ".odd\x01name.txt"
    odd.write_bytes(Path(MINI).read_bytes())
    r = run(binary, "-q", "--wide", str(wide), str(odd))
    check(r.returncode == 0 and "_odd_name.t01 收入决算表.csv" in os.listdir(wide),
          f"a hidden, odd input name: {sorted(os.listdir(wide))[:3]}")
    # with another format: both
    r = run(binary, "-q", "--ndjson", "--wide", str(wide), MINI)
    check(r.returncode == 0 and json.loads(r.stdout)["format"] == "disclex/1", "--wide beside --ndjson")
    # DIR a file: exit 4, named
    r = run(binary, "-q", "--wide", MINI + "/x", MINI)
    check(r.returncode == 4 and b"cannot write" in r.stderr, f"--wide under a file: exit {r.returncode} {r.stderr!r}")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    with tempfile.TemporaryDirectory() as tmp:
        test_extension(binary, tmp)
        test_json_array(binary)
        test_xlsx(binary, tmp)
        test_sqlite(binary, tmp)
        test_wide(binary, tmp)
    return check.report()


if __name__ == "__main__":
    sys.exit(main())
