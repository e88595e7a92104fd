#!/usr/bin/env python3
"""Key figures of the real disclosures, read off the printed pages (page images
and pdftotext -layout, never this program's output), checked against the
`cells` disclex recovers.  The sample (corpus/sample), the seeds
(tests/data/seeds) and the turned pages (tests/data) are in the repository;
the rest of the real corpus is the shared one ($DISCLEX_SHARED, default
../shared beside the repository): without it, the checks that read it are
counted and reported as skipped.

Each check names a file, a table title, a row (the first cell whose text,
spaces removed, equals the label) and the expected texts of that row's later
cells in order (None: that cell is blank).  Every real file must run to
completion (exit 0; 5 for the scanned one) with readable JSON, and a 决算 must
give each of the nine standard tables exactly once, with its title.  The
inventory of every table and document (real_inventory.py) must hold at least
as well as its floors.

Usage: real_figures.py ./disclex   (prints 'N passed, N failed, N skipped')
"""
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import real_inventory

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DISCLEX_SHARED") or ROOT.parent / "shared")
REAL = SHARED / "corpus" / "real"
SAMPLE = ROOT / "corpus" / "sample"

NINE = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表",
        "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
        "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表"]
CAPITAL = ("国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表")

# (file, title, row label, expected texts of the non-blank cells after the label, in order)
ROWS = [
    # 上海市普陀区财政局 2024 决算, page 6-7 and 8 (page images viewed)
    ("putuo-finance-bureau-2024-final.pdf", "收入支出决算总表", "本年收入合计", ["2,946.25", "本年支出合计", "2,940.05"]),
    ("putuo-finance-bureau-2024-final.pdf", "收入支出决算总表", "年初结转和结余", ["49.14", "年末结转和结余", "55.34"]),
    ("putuo-finance-bureau-2024-final.pdf", "收入支出决算总表", "总计", ["2,995.39", "总计", "2,995.39"]),
    ("putuo-finance-bureau-2024-final.pdf", "收入支出决算总表", "一、一般公共预算财政拨款收入", ["2,940.05", "一、一般公共服务支出", "2,106.66"]),
    ("putuo-finance-bureau-2024-final.pdf", "收入决算表", "行政运行", ["1,511.90", "1,511.89", "0.01"]),
    ("putuo-finance-bureau-2024-final.pdf", "收入决算表", "机关事业单位基本养老保险缴费支出", ["160.75", "160.75"]),
    ("putuo-finance-bureau-2024-final.pdf", "收入决算表", "一般行政管理事务", ["16.19", "10.00", "6.19"]),
    # 上海市普陀区规划和自然资源局 2024 决算 (pdftotext -layout, page 7)
    ("putuo-planning-2024-final.pdf", "收入支出决算总表", "本年收入合计", ["9746.50", "本年支出合计", "9759.38"]),
    ("putuo-planning-2024-final.pdf", "收入支出决算总表", "总计", ["9859.38", "总计", "9859.38"]),
    # 中共上海市普陀区委社会工作部 2024 决算 (page 5)
    ("putuo-social-work-2024-final.pdf", "收入支出决算总表", "本年收入合计", ["307.82", "本年支出合计", "307.82"]),
    # 上海市普陀区司法局 2026 预算, 财务收支预算总表 in 元 (page 10)
    ("putuo-justice-2026-budget.pdf", "2026年部门财务收支预算总表", "一、财政拨款收入", ["96,282,213.44", "一、公共安全支出", "87,267,272.44"]),
    ("putuo-justice-2026-budget.pdf", "2026年部门财务收支预算总表", "收入总计", ["96,282,213.44", "支出总计", "96,282,213.44"]),
    # 重庆市商务委员会 2026, 部门收入总体情况表 (page 9 image viewed)
    ("chongqing-commerce-2026-budget-notes.pdf", "2026年部门收入总体情况表", "合计", ["174,900.64", "101,833.84", "41,534.73", "22,070.82", "2,461.25", "6,282.98", "717.01"]),
    ("chongqing-commerce-2026-budget-notes.pdf", "2026年部门收入总体情况表", "2011350", ["事业运行", "8,945.61", "2,732.59", "484.70", "5,727.32", "1.00"]),
    # 中共江苏省委办公厅 2018 预算, 收支预算总表: expenditure told twice, by function and by use (page 3 image viewed)
    ("jiangsu-party-office-2018-budget-tables.pdf", "收支预算总表", "一、财政拨款", ["24,458.43", "一、一般公共服务支出", "20,153.75", "一、基本支出", "10,403.11"]),
    ("jiangsu-party-office-2018-budget-tables.pdf", "收支预算总表", "当年收入小计", ["24,458.43", "当年支出小计", "24,458.43"]),
    # 上海 budgets in 元: 财务收支预算总表 totals (pdftotext -layout)
    ("shanghai-finance-bureau-2025-budget.pdf", "2025年预算单位财务收支预算总表", "收入总计", ["171,915,169", "支出总计", "171,915,169", "102,464,260", "25,177,779", "44,273,130"]),
    ("shanghai-forensics-2026-budget.pdf", "2026年预算单位财务收支预算总表", "收入总计", ["70,716,064", "支出总计", "70,716,064", "3,465,480", "20,682,584", "46,568,000"]),
    ("shanghai-medical-insurance-2026-budget.pdf", "2026年预算单位财务收支预算总表", "收入总计", ["193,018,000", "支出总计", "193,018,000", "49,591,200", "9,026,800", "134,400,000"]),
    # 深圳市规划和自然资源局大鹏管理局 2026, 表1 收支总表 (pdftotext -layout)
    ("shenzhen-planning-2026-budget.pdf", "收支总表", "本年收入合计", ["4,494.81", "本年支出合计", "4,505.81"]),
    ("shenzhen-planning-2026-budget.pdf", "收支总表", "收入总计", ["4,505.81", "支出总计", "4,505.81"]),
    # 北京市审计局 2026, 预算01表 收支总表, amounts to six decimals (pdftotext -layout)
    ("beijing-audit-2026-budget-tables.pdf", "收支总表", "一、一般公共预算拨款收入", ["32,365.090089", "一、一般公共服务支出", "26,661.064552"]),
    ("beijing-audit-2026-budget-tables.pdf", "收支总表", "收入总计", ["32,852.053832", "支出总计", "32,852.053832"]),
    # 江苏省政协办公厅 2019, 公开01表 收支预算总表 (pdftotext -layout)
    ("jiangsu-cppcc-office-2019-budget-tables.pdf", "收支预算总表", "收入合计", ["13,377.11", "支出合计", "13,377.11"]),
]

# Identity checks on real tables whose figures add up on the page: (file, title, rule, row,
# the sum read off the page).  The 收支预算总表 above: 财政拨款 24,458.43 makes 当年收入小计;
# 基本支出 10,403.11 + 项目支出 12,081.46 + 单位预留机动经费 1,973.86 make 当年支出小计 24,458.43.
REAL_CHECKS = [
    ("jiangsu-party-office-2018-budget-tables.pdf", "收支预算总表", "two_sided_total", "当年收入小计", 24458.43),
    ("jiangsu-party-office-2018-budget-tables.pdf", "收支预算总表", "two_sided_total", "当年支出小计", 24458.43),
]

SEEDS = ROOT / "tests" / "data" / "seeds"
# Figures stated in the narrative of seed 003 (read in the seed text), with the words they measure.
FACTS = [
    ("003_91be073d674ac1bc.txt", "2022年年初预算", "3284.93", "万元"),
    ("003_91be073d674ac1bc.txt", "市本级预算执行率", "90.81", "%"),
    ("003_91be073d674ac1bc.txt", "年度预算收入", "3109.67", "万元"),
    ("003_91be073d674ac1bc.txt", "2022年决算支出", "2823.84", "万元"),
    ("003_91be073d674ac1bc.txt", "“三公经费”总控制率", "87.05", "%"),
]

# Standard tables each seed prints (read in the seed text; 001 prints the title of its
# 基本支出决算明细表 but no body), and every identity check on them must hold.
SEED_SCHEMAS = {
    "000_457d21f7844e790a.txt": ["final.summary", "final.income", "final.expenditure", "final.fiscal_summary",
                                 "final.general_expenditure", "final.basic_detail", "final.fund",
                                 "final.capital", "final.three_public"],
    "001_4d7cf89fcda6ae68.txt": ["final.summary", "final.income", "final.expenditure", "final.fiscal_summary",
                                 "final.general_expenditure", "final.fund", "final.capital",
                                 "final.three_public", "performance.self_assessment"],
    "002_07f019ba6ccc29bb.txt": ["final.summary", "final.income", "final.expenditure", "final.fiscal_summary",
                                 "final.general_expenditure", "final.basic_detail", "final.fund",
                                 "final.capital", "final.three_public"],
    "004_c182bc71c99e727c.txt": ["budget.summary", "budget.income", "budget.expenditure", "budget.fiscal_summary",
                                 "budget.general_expenditure", "budget.basic_detail", "budget.fund",
                                 "budget.three_public", "budget.project_performance"],
}

# Grid widths seen on the page images: (file, title, columns).
SHAPES = [
    ("putuo-finance-bureau-2024-final.pdf", "收入支出决算总表", 4),
    ("putuo-finance-bureau-2024-final.pdf", "收入决算表", 11),       # 类 款 项 科目名称 + 7 figures
    ("putuo-finance-bureau-2024-final.pdf", "财政拨款“三公”经费支出决算表", 12),
    ("putuo-planning-2024-final.pdf", "收入决算表", 9),              # 编码 名称 + 7 figures
    ("chongqing-commerce-2026-budget-notes.pdf", "2026年部门收入总体情况表", 12),
]

FINALS = ["putuo-finance-bureau-2024-final.pdf", "putuo-planning-2024-final.pdf",
          "putuo-social-work-2024-final.pdf", "final-accounts-template.pdf"]


def squeeze(s):
    return "".join((s or "").split())


# Every real file runs to completion: exit 0, but 5 (no text layer) for the scanned one.
SCANNED = {"beijing-data-2026-budget-notes-scanned.pdf"}


def where(name):
    """The file's path: the sample in the repository, else the shared corpus."""
    return SAMPLE / name if (SAMPLE / name).exists() else REAL / name


def readable(name):
    """False when the file is in the shared corpus and that corpus is absent."""
    return (SAMPLE / name).exists() or REAL.is_dir()


RAW = {}  # file name -> the program's JSON output, run once


def output(binary, name):
    if name not in RAW:
        RAW[name] = subprocess.run([binary, "-q", str(where(name))], capture_output=True, timeout=300).stdout
    return RAW[name]


def load(binary, name, cache={}):
    if name not in cache:
        cache[name] = json.loads(output(binary, name))
    return cache[name]


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    passed = failed = skipped = 0
    if not REAL.is_dir():
        print(f"real figures: the shared corpus is not at {SHARED} ($DISCLEX_SHARED): its checks are skipped")
    files = sorted(REAL.iterdir()) if REAL.is_dir() else sorted(SAMPLE.iterdir())
    for path in files:
        if path.suffix not in (".pdf", ".html"):
            continue
        out = subprocess.run([binary, "-q", str(path)], capture_output=True, timeout=300)
        RAW[path.name] = out.stdout
        want = 5 if path.name in SCANNED else 0
        try:
            doc = json.loads(out.stdout)
        except ValueError:
            doc = None
        if out.returncode == want and doc is not None:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {path.name}: exit {out.returncode} (expected {want}), JSON {'read' if doc else 'unreadable'}")
    for name, title, label, expected in ROWS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        tables = [t for t in doc["tables"] if squeeze(t["title"]) == squeeze(title)]
        found = None
        for t in tables:
            for row in t["cells"]:
                texts = [squeeze(c) for c in row if c is not None]
                if label in texts:
                    after = texts[texts.index(label) + 1:]
                    found = [c for c in after if c]
                    break
            if found is not None:
                break
        if found == expected:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title} / {label}: expected {expected}, got {found}")
    for name, title, rule, label, total in REAL_CHECKS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        checks = [c for t in doc["tables"] if squeeze(t["title"]) == squeeze(title) for c in t["checks"]]
        hit = [c for c in checks if c["rule"] == rule and c["row"] == label]
        bad = [c for c in checks if not c["ok"]]
        if hit and all(c["ok"] and abs(c["expected"] - total) < 0.005 for c in hit) and not bad:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: {rule} on {label}: got {hit}, failing {bad}")
    # A page turned by /Rotate 90 or 270, or set sideways on an upright page, reads as the
    # unturned page (its 收入决算表, page 8 of
    # the putuo finance bureau's accounts: 行政运行 1,511.90 1,511.89 0.01).
    for name in ("rotated-90.pdf", "rotated-270.pdf", "sideways.pdf"):
        out = subprocess.run([binary, "-q", str(ROOT / "tests" / "data" / name)], capture_output=True, timeout=60)
        t = [t for t in json.loads(out.stdout)["tables"] if t["title"] == "收入决算表"]
        rows = [[squeeze(c) for c in r if c] for r in t[0]["cells"]] if t else []
        if ["201", "06", "01", "行政运行", "1,511.90", "1,511.89", "0.01"] in rows:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: the turned page's 收入决算表 row 行政运行 was not read")
    for name, title, ncols in SHAPES:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        widths = [len(t["cells"][0]) for t in doc["tables"] if squeeze(t["title"]) == squeeze(title) and t["cells"]]
        if widths == [ncols]:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: grid widths {widths}, expected [{ncols}]")
    for name in FINALS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        titles = [squeeze(t["title"]) for t in doc["tables"]]
        problems = [f"{want} x{titles.count(want)}" for want in NINE if titles.count(want) != 1]
        if sum(titles.count(c) for c in CAPITAL) != 1:
            problems.append("国有资本经营预算财政拨款…决算表 not once")
        if problems:
            failed += 1
            print(f"FAIL {name}: nine standard tables: {', '.join(problems)}")
        else:
            passed += 1
    for name, wanted in SEED_SCHEMAS.items():
        out = subprocess.run([binary, "-q", str(SEEDS / name)], capture_output=True, timeout=60)
        doc = json.loads(out.stdout)
        claimed = [t["schema"] for t in doc["tables"] if t["schema"]]
        problems = [f"{w} x{claimed.count(w)}" for w in wanted if claimed.count(w) != 1]
        bad = [(t["id"], c["rule"], c["row"], c["column"]) for t in doc["tables"] for c in t["checks"] if not c["ok"]]
        bad += [(c["rule"], c["tables"]) for c in doc["document_checks"] if not c["ok"]]
        if problems or bad:
            failed += 1
            print(f"FAIL seed {name}: schemas {problems}, failing checks {bad[:5]}")
        else:
            passed += 1
    # Every figure of the summary, income, expenditure and 三公 tables of each seed, in
    # order, is exactly a run of the figures the seed text prints (a figure that moves
    # rows, goes missing or changes by a digit breaks the run).
    figure = re.compile(r"-?\d[\d,]*\.\d+")
    core = ("summary", "income", "expenditure", "three_public")
    for name in SEED_SCHEMAS:
        stream = figure.findall((SEEDS / name).read_text(encoding="utf-8"))
        out = subprocess.run([binary, "-q", str(SEEDS / name)], capture_output=True, timeout=60)
        for t in json.loads(out.stdout)["tables"]:
            if not t["schema"] or t["schema"].split(".")[1] not in core:
                continue
            cells = [x for row in t["cells"] for c in row if c for x in figure.findall(c)]
            n = len(cells)
            if n and any(stream[i:i + n] == cells for i in range(len(stream) - n + 1)):
                passed += 1
            else:
                failed += 1
                print(f"FAIL seed {name}: {t['schema']}: its {n} figures are not the seed's run")
    for name, measure, value, unit in FACTS:
        out = subprocess.run([binary, "-q", "--facts", str(SEEDS / name)], capture_output=True, timeout=60)
        facts = json.loads(out.stdout).get("facts", [])
        # Values are compared as printed by the exact decimal writer (no float in between).
        raw = out.stdout.decode()
        hit = [f for f in facts if f["measure"] == measure and f["unit"] == unit]
        if hit and f'"measure": "{measure}", "value": {value},' in raw:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: fact {measure} = {value} {unit}: got {hit}")
    # The inventory of real_tables.tsv / real_metadata.tsv (real_inventory.py): claims,
    # recomputed sums and metadata at least as good as today.
    if REAL.is_dir():
        ok, bad, msgs = real_inventory.test(lambda n: json.loads(output(binary, n), parse_float=Decimal))
        passed += ok
        failed += bad
        for m in msgs:
            print(f"FAIL real inventory: {m}")
    else:
        skipped += 1
    print(f"real figures: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
