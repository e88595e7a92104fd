#!/usr/bin/env python3
"""Table structure across pages on independent documents at fixed seeds.

Each case draws one development seed with scripts/gen_independent.py into a
temporary directory, runs disclex on it and checks what was read off the
rendered pages (pdftoppm): which tables there are, over which pages, their
titles and the cells that must come out.  Usage: independent_cases.py DISCLEX
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cells_text(t):
    return [c for row in t["cells"] for c in row if c]


def case_orphan_title_tall_header(doc):
    """Seed 25, pages 5-7: the title 财政拨款收入支出决算总表 and its unit line
    stand at the foot of page 5; the table (no vertical rules, narrow amount
    columns whose headers wrap down ten lines under 收入 | 支出 and 决算数)
    fills page 6 and goes on at the top of page 7 under its header printed
    again.  One table over pages 6 and 7, its title from page 5."""
    ts = [t for t in doc["tables"] if set(t["pages"]) & {6, 7}]
    assert len(ts) == 1, [(t["id"], t["pages"], t["title"]) for t in ts]
    t = ts[0]
    assert t["pages"] == [6, 7], t["pages"]
    assert t["title"] == "财政拨款收入支出决算总表", t["title"]
    assert t["schema"] == "final.fiscal_summary", t["schema"]
    assert t["unit"] == "万元", t["unit"]
    text = cells_text(t)
    for want in ("收入", "支出", "决算数", "一、一般公共预算财政拨款", "1,319,074.15", "住房保障支出", "199,298.05"):
        assert want in text, want
    # The header printed again on page 7 is dropped: 收入 stands once, 决算数 twice (over the
    # income figures and over the expenditure columns), as on page 6.
    assert text.count("收入") == 1 and text.count("决算数") == 2, (text.count("收入"), text.count("决算数"))
    assert any(w["code"] == "caption_page_before" and w.get("table") == t["id"] for w in doc["warnings"])


def case_continuation_longer_label(doc):
    """Seed 25, pages 9-10: 一般公共预算财政拨款基本支出决算表 printed without
    vertical rules in three blocks (科目编码 | 科目名称 | 金额); its part on
    page 10 prints a longer label (机关事业单位基本养老保险缴费) than any on
    page 9, so the label column reaches further right there: the label stays
    whole and its figure a figure.  (Page 10 also prints 政府性基金预算财政拨款
    收入支出决算表 as its header alone, a table of its own, final.fund.)"""
    ts = [t for t in doc["tables"] if set(t["pages"]) & {9, 10} and t["schema"] != "final.fund"]
    assert len(ts) == 1, [(t["id"], t["pages"], t["title"]) for t in ts]
    t = ts[0]
    assert t["pages"] == [9, 10], t["pages"]
    assert t["schema"] == "final.basic_detail", t["schema"]
    rows = [r for r in t["cells"] if r and r[0] == "30108"]
    assert len(rows) == 1 and rows[0][1:3] == ["机关事业单位基本养老保险缴费", "98327.71"], rows
    rows = [r for r in t["cells"] if r and r[0] == "30309"]
    assert len(rows) == 1 and rows[0][1:3] == ["奖励金", "12736.15"], rows


def case_continuation_cut_by_its_own_words(doc):
    """Seed 56, pages 4-5: 收入预算总表 drawn with an outer box only; page 4
    holds its header (类 款 项 centred under 科目编码, 科目名称 centred in a
    wide cell) and the 合计 row alone, the rows go on at the top of page 5
    with no header.  The label column on page 5 starts right after the 项
    codes, left of where page 4's header put the border: each row's codes
    stay in 类/款/项 and its name whole in the label column."""
    ts = [t for t in doc["tables"] if set(t["pages"]) & {4, 5} and t["schema"] == "budget.income"]
    assert len(ts) == 1, [(t["id"], t["pages"], t["title"]) for t in ts]
    t = ts[0]
    assert t["pages"] == [4, 5], t["pages"]
    rows = [r[:5] for r in t["cells"] if r and r[0] == "204"]
    assert rows == [["204", "", "", "公共安全支出", "315767.45"], ["204", "02", "", "公安", "315767.45"],
                    ["204", "02", "01", "行政运行", "315767.45"]], rows
    rows = [r[:6] for r in t["cells"] if r and r[:3] == ["208", "05", "05"]]
    assert rows == [["208", "05", "05", "机关事业单位基本养老保险缴费支出", "211222.39", "209501.42"]], rows
    assert any(w["code"] == "continuation_guessed" and w.get("table") == t["id"] for w in doc["warnings"])


CASES = [(25, case_orphan_title_tall_header), (25, case_continuation_longer_label),
         (56, case_continuation_cut_by_its_own_words)]


def main():
    disclex = sys.argv[1]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        docs = {}
        for seed, check in CASES:
            if seed not in docs:
                subprocess.run([sys.executable, str(ROOT / "scripts/gen_independent.py"), tmp, str(seed)],
                               check=True, stdout=subprocess.DEVNULL)
                pdf = Path(tmp) / ("ind-%04d.pdf" % seed)
                out = subprocess.run([disclex, "-q", str(pdf)], capture_output=True, text=True)
                docs[seed] = json.loads(out.stdout)
            try:
                check(docs[seed])
                print("ok   seed %d %s" % (seed, check.__name__))
            except AssertionError as e:
                failed += 1
                print("FAIL seed %d %s: %s" % (seed, check.__name__, e))
    print("independent cases: %d passed, %d failed" % (len(CASES) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
