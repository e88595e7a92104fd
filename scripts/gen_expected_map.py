#!/usr/bin/env python3
"""Write the expected schema mapping of every generated document: NAME.expected-map.json.

How it works
  1. The documents are rebuilt exactly as scripts/gen_corpus.py builds them: its make_docs()
     and build_blocks() are imported and run (each document's random generator is seeded,
     so the data and every printed cell come out the same).  No PDF is printed.  As a guard,
     each rebuilt table's printed grid (gen_corpus.expected_cells) must equal the `cells`
     of the committed NAME.expected.json; a difference stops the script.
  2. The tables come out of gen_corpus.final_tables / budget_tables in a fixed order, so the
     position of a table in the document is what the generator built there (the 收入决算表
     is the second 决算 table, ...); that gives its schema id (docs/schemas.md)
     and the layout of its columns: which printed column holds the code, the label, the
     side and group, and which column key each figure column has.  The column keys are the
     generator's own column lists renamed to the schema's keys where the two differ
     (budget.income: 一般公共预算拨款收入 -> fiscal, 财政专户管理资金收入 -> special_account,
     上年结转 -> carryover); the title is checked against the expected one.
  3. Every figure cell of the body becomes a fact {schema, row, side, group, column, value}.
     Row key: the classification code (a code printed in split 类/款/项 columns is joined,
     a 款 row printed without its 类 takes the 类 of the rows above), else the label
     normalised as the output contract says (NFKC, no whitespace, no list ordinal such as
     一、 1、 (一)).  A half-row with no label and no code (the blank lines that pad the
     shorter side of a two-sided table, the blank slots of the 基本支出 blocks) has no key
     and gives no fact.  Value: the printed text as an exact decimal string, commas
     removed, trailing fraction zeros dropped (`1,234.50` -> `1234.5`, `0.00` -> `0`), or
     null for a blank cell.  The 行次 column (`line`) is a figure column like the others.
  4. A table printed empty (no figure in its body: a header and a blank 合计 row) with a
     note saying why (本表无数据, 空表, 无此项 …: the words of norm_is_empty_note in
     normalize/text.c) gives no fact: the output contract claims it with zero rows and
     keeps the note (warning table_empty).  Without such a note its blank row stays.

Output: {"document": NAME, "tables": [{"title", "schema", "facts": [...]}]}, one fact per
line; each fact also names its printed cell, "cell": [row, column] in the table's grid in
NAME.expected.json (header rows counted), so a miss can be told a misread cell or a
mapping error.  Usage: scripts/gen_expected_map.py [--dir corpus/generated] [--only NAME]
Standard library only.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus  # noqa: E402
from scoring import NUMBER, decimal  # noqa: E402

ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|\d+[、.]|[(]\d+[)]|[\u2460-\u2473])")
DIGITS = re.compile(r"^\d+$")

# Figure columns of the code-keyed tables, in printed order, by schema (the generator's
# column lists in final_tables / budget_tables, with schema keys).
CODE_COLUMNS = {
    "final.income": ["total", "fiscal", "superior", "business", "operating", "affiliated",
                     "other"],
    "final.expenditure": ["total", "basic", "project", "remit", "operating", "subsidy"],
    "final.general_expenditure": ["total", "basic", "project"],
    "final.fund": ["opening", "income", "total", "basic", "project", "closing"],
    "final.capital": ["total", "basic", "project"],
    "budget.income": ["total", "fiscal", "fund", "capital", "special_account", "business",
                      "operating", "other", "carryover"],
    "budget.expenditure": ["total", "basic", "project", "operating", "subsidy", "remit"],
    "budget.general_expenditure": ["total", "basic", "project"],
    "budget.fund": ["total", "basic", "project"],
    "budget.capital": ["total", "basic", "project"],
}
THREE_PUBLIC = ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation",
                "reception"]
FINAL_ORDER = ["final.summary", "final.income", "final.expenditure", "final.fiscal_summary",
               "final.general_expenditure", "final.basic_detail", "final.fund", "final.capital",
               "final.three_public"]
BUDGET_ORDER = ["budget.summary", "budget.income", "budget.expenditure",
                "budget.fiscal_summary", "budget.general_expenditure", "budget.basic_detail",
                "budget.fund", "budget.capital", "budget.three_public"]
# the schema's own title words each table's printed title must contain (a guard on the order)
TITLE_WORDS = {
    "final.summary": "收入支出决算总表", "final.income": "收入决算表",
    "final.expenditure": "支出决算表", "final.fiscal_summary": "财政拨款收入支出决算总表",
    "final.general_expenditure": "一般公共预算财政拨款支出决算表",
    "final.basic_detail": "基本支出决算", "final.fund": "政府性基金",
    "final.capital": "国有资本经营", "final.three_public": "三公",
    "budget.summary": "收支", "budget.income": "收入", "budget.expenditure": "支出",
    "budget.fiscal_summary": "财政拨款收支", "budget.general_expenditure": "一般公共预算支出",
    "budget.basic_detail": "基本支出", "budget.fund": "政府性基金", "budget.capital": "国有资本经营",
    "budget.three_public": "三公",
}


def norm_label(s):
    """NFKC, no whitespace, no list ordinal prefix."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))
    return ORDINAL.sub("", s, count=1)


def norm_value(s):
    """Printed figure -> exact decimal string as the program prints it, or None for blank."""
    s = re.sub(r"[\s,]", "", s)
    if s == "":
        return None
    if not NUMBER.match(s):
        raise ValueError("not a figure: %r" % s)
    return decimal(s)


def text(cell):
    """Text of a laid-out grid slot (None for a covered slot)."""
    return None if cell is None else cell[0]


class Facts:
    """The facts of one table; `cell` is the fact's [row, column] in the printed grid of
    NAME.expected.json (header rows first), so a miss can be traced to the cell."""

    def __init__(self, schema, header_rows):
        self.schema = schema
        self.header_rows = header_rows
        self.list = []

    def add(self, r, c, row, column, cell_text, side=None, group=None):
        """r, c: body row and grid column of the printed cell."""
        self.list.append({"schema": self.schema, "row": row, "side": side, "group": group,
                          "column": column, "value": norm_value(cell_text),
                          "cell": [self.header_rows + r, c]})


def body_grid(t):
    """Body rows as lists of cell texts (None for a covered slot)."""
    return [[text(c) for c in row] for row in gen_corpus.layout_grid(t.body, len(t.widths))]


def code_table_facts(f, doc, t):
    keys = CODE_COLUMNS[f.schema]
    ncode = 2 if doc.codes == "joined" else 4
    if len(t.widths) != ncode + len(keys):
        raise ValueError("%s: %d columns, expected %d" % (t.title, len(t.widths),
                                                          ncode + len(keys)))
    lei = None
    for r, cells in enumerate(body_grid(t)):
        if cells[0] and not DIGITS.match(cells[0]):  # 合计 spanning the code columns
            code, label = "", cells[0]
        elif doc.codes == "joined":
            code, label = cells[0] or "", cells[1] or ""
        else:
            a, b, c = (x or "" for x in cells[:3])
            if a and not b:
                code = a
            elif b and not c:
                code = (a or lei) + b
            elif c:
                code = a + b + c
            else:
                code = ""
            label = cells[3] or ""
        if code:
            if not DIGITS.match(code) or len(code) not in (3, 5, 7):
                raise ValueError("%s: bad code %r" % (t.title, code))
            if len(code) == 3:
                lei = code
            elif code[:3] != lei:
                raise ValueError("%s: code %s outside class %s" % (t.title, code, lei))
            key = code
        else:
            key = norm_label(label)
            if key != "合计":
                raise ValueError("%s: uncoded row %r" % (t.title, label))
        for i, k in enumerate(keys):
            f.add(r, ncode + i, key, k, cells[ncode + i])


def two_sided_facts(f, t, income_cols, exp_cols):
    """income_cols / exp_cols: column keys after each side's label column."""
    if len(t.widths) != 2 + len(income_cols) + len(exp_cols):
        raise ValueError("%s: %d columns" % (t.title, len(t.widths)))
    n = 1 + len(income_cols)
    for r, cells in enumerate(body_grid(t)):
        for side, first, keys in (("income", 0, income_cols), ("expenditure", n, exp_cols)):
            label = norm_label(cells[first] or "")
            if not label:
                continue
            for i, k in enumerate(keys):
                f.add(r, first + 1 + i, label, k, cells[first + 1 + i], side=side)


def basic_detail_final_facts(f, t):
    grid = body_grid(t)
    for r, cells in enumerate(grid[:-1]):
        for b, group in enumerate(("personnel", "public", "public")):
            code, name, val = cells[3 * b:3 * b + 3]
            if not code:
                if name or val:
                    raise ValueError("%s: uncoded row %r" % (t.title, cells))
                continue
            f.add(r, 3 * b + 2, code, "amount", val, group=group)
    r, last = len(grid) - 1, grid[-1]
    if last[0] != "人员经费合计" or last[3] != "公用经费合计":
        raise ValueError("%s: last row %r" % (t.title, last))
    f.add(r, 2, "人员经费合计", "amount", last[2], group="personnel")
    f.add(r, 8, "公用经费合计", "amount", last[8], group="public")


def basic_detail_budget_facts(f, t):
    for r, cells in enumerate(body_grid(t)):
        key = cells[0] if cells[0] else norm_label(cells[1])
        for i, k in enumerate(("total", "personnel", "public")):
            f.add(r, 2 + i, key, k, cells[2 + i])


def three_public_final_facts(f, t):
    grid = body_grid(t)
    if len(grid) != 1:
        raise ValueError("%s: %d body rows" % (t.title, len(grid)))
    for b, label in enumerate(("预算数", "决算数")):
        for i, k in enumerate(THREE_PUBLIC):
            f.add(0, 6 * b + i, label, k, grid[0][6 * b + i])


def three_public_budget_facts(f, t):
    for r, cells in enumerate(body_grid(t)):
        label = norm_label(cells[0])
        for i, k in enumerate(THREE_PUBLIC):
            f.add(r, 1 + i, label, k, cells[1 + i])


# Words of a note saying a table is printed empty (normalize/text.c, norm_is_empty_note).
EMPTY_NOTE_WORDS = ("无数据", "为空", "空表", "无此项", "无该项", "无相关", "没有", "未安排",
                    "不涉及", "未发生")


def printed_empty(t, facts):
    """No figure in the body, and a note saying why."""
    return (all(x["value"] is None for x in facts) and t.note is not None
            and any(w in t.note for w in EMPTY_NOTE_WORDS))


def table_facts(doc, schema, t):
    f = Facts(schema, len(gen_corpus.layout_grid(t.header, len(t.widths))))
    if schema in CODE_COLUMNS:
        code_table_facts(f, doc, t)
    elif schema == "final.summary":
        cols = ["line", "amount"] if doc.line_numbers else ["amount"]
        two_sided_facts(f, t, cols, cols)
    elif schema == "final.fiscal_summary":
        two_sided_facts(f, t, ["line", "amount"], ["line", "total", "general", "fund", "capital"])
    elif schema == "budget.summary":
        two_sided_facts(f, t, ["amount"], ["amount"])
    elif schema == "budget.fiscal_summary":
        two_sided_facts(f, t, ["amount"], ["total", "general", "fund", "capital"])
    elif schema == "final.basic_detail":
        basic_detail_final_facts(f, t)
    elif schema == "budget.basic_detail":
        basic_detail_budget_facts(f, t)
    elif schema == "final.three_public":
        three_public_final_facts(f, t)
    elif schema == "budget.three_public":
        three_public_budget_facts(f, t)
    else:
        raise ValueError("no layout for %s" % schema)
    return [] if printed_empty(t, f.list) else f.list


def schemas_of(doc, tables):
    if doc.kind == "final_accounts":
        order = list(FINAL_ORDER)
    else:
        order = [s for s in BUDGET_ORDER if s != "budget.capital" or doc.with_capital_table]
    if len(order) != len(tables):
        raise ValueError("%s: %d tables, expected %d" % (doc.name, len(tables), len(order)))
    for s, t in zip(order, tables):
        if TITLE_WORDS[s] not in t.title:
            raise ValueError("%s: table %r is not %s" % (doc.name, t.title, s))
    return order


def dump(name, tables):
    """JSON with one fact per line (stable, readable diffs)."""
    out = ['{"document": %s, "tables": [' % json.dumps(name, ensure_ascii=False)]
    for i, (title, schema, facts) in enumerate(tables):
        out.append(' {"title": %s, "schema": %s, "facts": [' % (
            json.dumps(title, ensure_ascii=False), json.dumps(schema)))
        lines = ["  " + json.dumps(x, ensure_ascii=False) for x in facts]
        if lines:
            out.append(",\n".join(lines))
        out.append(" ]}" + ("," if i + 1 < len(tables) else ""))
    out.append("]}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dir", default="corpus/generated",
                    help="where NAME.expected.json are and NAME.expected-map.json go")
    ap.add_argument("--only", help="only this document name")
    args = ap.parse_args()
    docs = gen_corpus.make_docs()
    done = 0
    for doc in docs:
        blocks = gen_corpus.build_blocks(doc)
        if args.only and doc.name != args.only:
            continue
        tables = [b[1] for b in blocks if b[0] == "table"]
        with open(os.path.join(args.dir, doc.name + ".expected.json"), encoding="utf-8") as fh:
            expected = json.load(fh)
        etabs = expected["tables"]
        if len(etabs) != len(tables) or any(
                e["title"] != t.title or e["cells"] != gen_corpus.expected_cells(t)
                for e, t in zip(etabs, tables)):
            sys.exit("gen_expected_map: %s: rebuilt tables differ from %s.expected.json "
                     "(generator changed since the corpus was printed?)" % (doc.name, doc.name))
        out = []
        nfacts = 0
        for schema, t in zip(schemas_of(doc, tables), tables):
            facts = table_facts(doc, schema, t)
            nfacts += len(facts)
            out.append((t.title, schema, facts))
        path = os.path.join(args.dir, doc.name + ".expected-map.json")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(dump(doc.name, out))
        print("%s: %d tables, %d facts" % (doc.name, len(out), nfacts))
        done += 1
    if not done:
        sys.exit("gen_expected_map: no document named %r" % args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
