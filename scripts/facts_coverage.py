#!/usr/bin/env python3
"""How well --facts reads the prose: on the seeds (tests/data/seeds) and the
情况说明 of the shared real corpus, per file and in all

  amounts   money, percent and score figures in the text (facts with a unit)
  subject   of those, the share whose subject names something: present, two
            characters or more, not a bare relation or linking word (占, 下降,
            年初预算为, 其中 …) unless the budget figure's measure is that word
            alone (2022年年初预算3284.93万元: the budget itself), and not starting
            with punctuation.  A program
            without a `subject` field is judged by its `measure`.
  restated  money facts that restate a total of a 收支总表: the clause names a
            总计/合计, or the value is that of a 合计/总计 row of a
            *.summary or *.fiscal_summary table of the same document (not its
            栏次 line numbers); not a change (增加, 减少, 增长, 下降), nor a budget
            figure in final accounts
  linked    of those, the share whose `cells` name a table cell
  failing   text_restates_cell checks that do not hold (text and table differ);
            "in doubt": of those, the ones against a table carrying a doubt of its
            own (column_unkeyed, value_not_amount, check_failed, unit_missing),
            which may be read wrong rather than the text

Usage: facts_coverage.py [./disclex] [-v]   (-v lists the facts without a subject
and the restated totals not linked)
"""
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DISCLEX_SHARED") or ROOT.parent / "shared")
REAL = SHARED / "corpus" / "real"
SEEDS = ROOT / "tests" / "data" / "seeds"
# The real files whose prose restates their tables (情况说明), and prose-only notes.
REAL_FILES = [
    "putuo-finance-bureau-2024-final.pdf",
    "putuo-planning-2024-final.pdf",
    "putuo-social-work-2024-final.pdf",
    "chongqing-commerce-2026-budget-notes.pdf",
    "beijing-finance-2026-budget-notes.pdf",
    "beijing-commerce-2026-budget-notes.pdf",
]
MONEY = {"元", "千元", "万元", "亿元"}
# Words that alone say how a figure relates, not what it measures (judging only).
BARE = {"占", "下降", "增长", "增加", "减少", "上升", "降低", "年初预算", "支出决算", "决算", "预算",
        "其中", "合计", "总计", "为", "达", "共计", "分别", "中的", "比上年", "同比", "未", "低于",
        "高于", "远大于", "大于", "完成年初预算的", "完成预算的", "占比", "平均得分", "得分", "扣"}
PUNCT = tuple("、，,；;：:。（(）)")


def named(s, measure=None):
    if not s:
        return False
    s = s.strip()
    # a figure stating the budget itself (2022年年初预算3284.93万元): the measure is the
    # word and a year, nothing else, so the word is what is measured
    if measure and re.fullmatch(r"(20\d\d年度?)?" + re.escape(s), measure.replace(" ", "")):
        return len(s) >= 2
    if len(s) < 2 or s.startswith(PUNCT):
        return False
    for w in BARE:
        if s == w:
            return False
    return True


def run(binary, path):
    out = subprocess.run([binary, "-q", "--facts", str(path)], capture_output=True, text=True)
    if out.returncode not in (0, 6):
        return None
    return json.loads(out.stdout)


def summary_totals(doc):
    vals = set()
    for t in doc.get("tables", []):
        if not t.get("schema") or not (t["schema"].endswith(".summary") or t["schema"].endswith(".fiscal_summary")):
            continue
        for r in t["rows"]:
            label = r.get("label") or ""
            if label.endswith("合计") or label.endswith("总计"):
                for k, v in r["values"].items():
                    if k != "line" and v is not None and not isinstance(v, str):
                        vals.add(Decimal(str(v)))
    return vals


def measure(binary, files, verbose):
    tot = {"amounts": 0, "subject": 0, "restated": 0, "linked": 0, "failing": 0, "doubt": 0}
    for name, path in files:
        doc = run(binary, path)
        if doc is None:
            print(f"{name}: unreadable")
            continue
        totals = summary_totals(doc)
        c = {"amounts": 0, "subject": 0, "restated": 0, "linked": 0, "failing": 0, "doubt": 0}
        for f in doc.get("facts", []):
            if not f.get("unit"):
                continue
            c["amounts"] += 1
            subj = f.get("subject", f.get("measure"))
            if named(subj, f.get("measure") if f.get("relation") == "budget" else None):
                c["subject"] += 1
            elif verbose:
                print(f"  {name}: no subject: p{f.get('page')} b{f['block']} {f.get('measure')!r} {f['value']}{f['unit']}")
            if f["unit"] in MONEY:
                m = f.get("measure") or ""
                v = Decimal(str(f["value"])) if f["value"] is not None else None
                change = f.get("relation") in ("increase", "decrease") or any(
                    w in m for w in ("增加", "减少", "增长", "下降"))
                # a budget figure restates no cell of final accounts
                budget = f.get("relation") == "budget" and doc["document"].get("kind") != "budget"
                if not change and not budget and ("总计" in m or "合计" in m or (v is not None and v != 0 and v in totals)):
                    c["restated"] += 1
                    if f.get("cells"):
                        c["linked"] += 1
                    elif verbose:
                        print(f"  {name}: not linked: p{f.get('page')} {m!r} {f['value']}{f['unit']}")
        failing = [k for k in doc.get("document_checks", []) if k["rule"] == "text_restates_cell" and not k["ok"]]
        doubted = {w.get("table") for w in doc.get("warnings", [])
                   if w["code"] in ("column_unkeyed", "value_not_amount", "check_failed", "unit_missing")}
        c["failing"] = len(failing)
        c["doubt"] = sum(1 for k in failing if k["tables"] and k["tables"][0] in doubted)
        print(f"{name}: amounts {c['amounts']}, with a subject {c['subject']}, "
              f"restated totals {c['restated']}, linked {c['linked']}, failing checks {c['failing']} "
              f"({c['doubt']} in doubt)")
        for k in tot:
            tot[k] += c[k]
    pct = lambda a, b: f"{100.0 * a / b:.1f}%" if b else "-"
    print(f"ALL: amounts {tot['amounts']}, with a subject {tot['subject']} ({pct(tot['subject'], tot['amounts'])}); "
          f"restated totals {tot['restated']}, linked {tot['linked']} ({pct(tot['linked'], tot['restated'])}); "
          f"failing checks {tot['failing']} ({tot['doubt']} against a table read with a doubt)")


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv[1:]
    binary = args[0] if args else "./disclex"
    files = [(p.name, p) for p in sorted(SEEDS.glob("*.txt"))]
    if REAL.is_dir():
        files += [(n, REAL / n) for n in REAL_FILES if (REAL / n).exists()]
    else:
        print(f"facts_coverage: {REAL} not found: the real files are skipped")
    measure(binary, files, verbose)


if __name__ == "__main__":
    main()
