#!/usr/bin/env python3
"""Test documents printed by a browser: 决算 and 预算 disclosures written as HTML with CSS
tables and printed to PDF by headless Chromium, each with its truth.  A third way to make
documents, beside scripts/gen_corpus.py and scripts/gen_independent.py (reportlab): another
renderer (Skia) gives other text runs, glyph positions, font subsets and lines (CSS borders
are filled rectangles, not strokes), and the browser, not the generator, decides where
lines wrap and pages break.

    gen_browser.py [--chromium PATH] [--keep-html] OUTDIR SEED...   (SEED may be a range: 1-40)

writes OUTDIR/web-SEED.pdf and OUTDIR/web-SEED.truth.json (the format scripts/
score_independent.py reads).  Needs `chromium` (`scripts/setup.sh --browser`).

How a document is made
  1. Books.  A department is given a few function classes (类 3 digits, 款 5, 项 7 from a
     small catalogue of the national classification) and each 项 its money by source
     (general budget, government fund, state capital, and the non-fiscal sources of the
     kind), in whole units or cents.  The general budget of a 项 is split into basic
     (人员/公用) and project spending; the other sources into basic, project and operating.
     Every printed figure is a sum of these leaves, so parents equal their children, totals
     their parts, the two sides of the summaries balance and the tables agree.  The basic
     spending of the general budget is spread over economic codes (301/303 personnel,
     302/310 public).
  2. Tables.  A builder per schema of spec/schemas.md gives header rows (cells with
     colspan/rowspan), body rows and the facts the spec assigns (schema, row key, side,
     group, column key, value).  Drawn per table: title wording from the spec's titles and
     the variants it lists, with or without year and department; header wordings and
     groupings (本年收入 over its sources, 财政拨款 over the three funds, 基本支出 over
     人员经费/公用经费, 项目 over 科目编码/科目名称); code joined, split 类/款/项 or with
     the name; a 序号 column; where the total row stands; empty tables with a note.
  3. Drawing (CSS).  Borders: full grid, horizontals only, outer box only, none, double or
     thick outer rules, zebra shading.  Cell padding, header and number alignment, font
     and size, column widths narrow enough to wrap labels or numbers, A4 portrait or
     landscape and margins, page numbers in the page margin or none, the title as a
     heading, a caption, a plain line or absent, the unit line (单位：万元) right, left,
     beside the department, inside the header or in the title, the form number, forced
     page breaks before a table, between title and table or inside the body, and whether
     the header is repeated on every page (thead) or printed once.
  4. Truth.  Per table: schema, title as printed, pages (found after printing: the text of
     its first and last rows in `pdftotext -raw` page by page), the axes drawn and its
     facts.  Row keys follow spec/output.md: code digits where the row has one, else the
     label after NFKC with spaces and ordinal prefixes removed; zeros printed as '-' or
     blank are null facts.
"""

import argparse
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

# ---------------------------------------------------------------- catalogue (function codes)
# (class, name, fund, [(款, name, [(项, name)])]); fund: the money that pays it
FUNC = [
    ("201", "一般公共服务支出", "general", [
        ("20101", "人大事务", [("2010101", "行政运行"), ("2010102", "一般行政管理事务")]),
        ("20103", "政府办公厅（室）及相关机构事务", [("2010301", "行政运行"), ("2010350", "事业运行")]),
        ("20106", "财政事务", [("2010601", "行政运行"), ("2010699", "其他财政事务支出")])]),
    ("205", "教育支出", "general", [
        ("20501", "教育管理事务", [("2050101", "行政运行")]),
        ("20502", "普通教育", [("2050201", "学前教育"), ("2050202", "小学教育"), ("2050203", "初中教育")])]),
    ("207", "文化旅游体育与传媒支出", "general", [
        ("20701", "文化和旅游", [("2070101", "行政运行"), ("2070109", "群众文化")])]),
    ("208", "社会保障和就业支出", "general", [
        ("20805", "行政事业单位养老支出", [("2080501", "行政单位离退休"),
                                          ("2080505", "机关事业单位基本养老保险缴费支出"),
                                          ("2080506", "机关事业单位职业年金缴费支出")])]),
    ("210", "卫生健康支出", "general", [
        ("21011", "行政事业单位医疗", [("2101101", "行政单位医疗"), ("2101102", "事业单位医疗"),
                                      ("2101103", "公务员医疗补助")])]),
    ("211", "节能环保支出", "general", [
        ("21103", "污染防治", [("2110301", "大气"), ("2110302", "水体")])]),
    ("213", "农林水支出", "general", [
        ("21301", "农业农村", [("2130101", "行政运行"), ("2130104", "事业运行")])]),
    ("221", "住房保障支出", "general", [
        ("22102", "住房改革支出", [("2210201", "住房公积金"), ("2210203", "购房补贴")])]),
    ("212", "城乡社区支出", "fund", [
        ("21208", "国有土地使用权出让收入安排的支出", [("2120801", "征地和拆迁补偿支出"),
                                                    ("2120802", "土地开发支出")])]),
    ("229", "其他支出", "fund", [
        ("22960", "彩票公益金安排的支出", [("2296002", "用于社会福利的彩票公益金支出")])]),
    ("223", "国有资本经营预算支出", "capital", [
        ("22301", "解决历史遗留问题及改革成本支出", [("2230199", "其他解决历史遗留问题及改革成本支出")])]),
]
# economic codes of basic spending: (head, name, group, [(code, name)])
ECON = [
    ("301", "工资福利支出", "personnel", [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
                                      ("30108", "机关事业单位基本养老保险缴费"), ("30113", "住房公积金")]),
    ("303", "对个人和家庭的补助", "personnel", [("30302", "退休费"), ("30305", "生活补助")]),
    ("302", "商品和服务支出", "public", [("30201", "办公费"), ("30205", "水费"), ("30206", "电费"),
                                    ("30211", "差旅费"), ("30216", "培训费"), ("30217", "公务接待费"),
                                    ("30231", "公务用车运行维护费")]),
    ("310", "资本性支出", "public", [("31002", "办公设备购置"), ("31007", "信息网络及软件购置更新")]),
]
CITIES = ["岳阳市", "株洲市", "湘潭市", "衡阳市", "怀化市", "娄底市", "益阳市", "张家界市", "吉首市",
          "浏阳市", "醴陵市", "宁乡市"]
BUREAUS = ["自然资源局", "农业农村局", "卫生健康委员会", "财政局", "司法局", "统计局", "水利局",
           "生态环境局", "市场监督管理局", "档案局", "退役军人事务局", "医疗保障局"]
SUB_UNITS = ["机关", "事务中心", "监测站", "服务中心", "研究所", "执法大队"]
FONTS = ["WenQuanYi Zen Hei", "WenQuanYi Zen Hei Sharp", "WenQuanYi Micro Hei", "AR PL UMing CN",
         "WenQuanYi Zen Hei Mono"]
ORD = "一二三四五六七八九十"


def norm_label(s):
    """A printed label as spec/output.md keys rows: NFKC, no spaces, no ordinal prefix."""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", s)
    return re.sub(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、]|\(\d+\))", "", s)


def split(rng, total, n, zero_p=0.0):
    """total (an integer) as n non-negative integers, some zero with probability zero_p."""
    if n <= 0:
        return []
    w = [0.0 if rng.random() < zero_p else rng.random() + 0.05 for _ in range(n)]
    if not any(w):
        w[rng.randrange(n)] = 1.0
    s = sum(w)
    parts = [int(total * x / s) for x in w]
    parts[max(range(n), key=lambda i: w[i])] += total - sum(parts)
    return parts


def add(a, b):
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


# ---------------------------------------------------------------- books
class Books:
    """The department's money, in integer minor units (cents, or whole units when whole)."""

    FINAL_NF = ["superior", "business", "operating", "affiliated", "other"]
    BUDGET_NF = ["special_account", "business", "operating", "superior", "affiliated", "other",
                 "carryover"]

    def __init__(self, rng, kind, whole):
        self.rng, self.kind, self.whole = rng, kind, whole
        m = 1 if whole else 100
        gen = [f for f in FUNC if f[2] == "general"]
        cls = rng.sample(gen, rng.randint(3, 5))
        if rng.random() < 0.7:
            cls.append(rng.choice([f for f in FUNC if f[2] == "fund"]))
        if rng.random() < 0.3:
            cls.append([f for f in FUNC if f[2] == "capital"][0])
        cls.sort(key=lambda f: f[0])
        nf = self.FINAL_NF if kind == "final" else self.BUDGET_NF
        self.nf = nf
        self.nf_used = [s for s in nf if rng.random() < 0.55]
        self.classes = []   # (code, name, fund, [(code, name, [(code, name, leafvals)])])
        for c, cname, fund, kuans in cls:
            ks = []
            for k, kname, xiangs in rng.sample(kuans, rng.randint(1, len(kuans))):
                xs = []
                for x, xname in rng.sample(xiangs, rng.randint(1, len(xiangs))):
                    xs.append((x, xname, self.leaf(fund, m)))
                xs.sort()
                ks.append((k, kname, xs))
            ks.sort()
            self.classes.append((c, cname, fund, ks))
        self.has = {f: any(c[2] == f for c in self.classes) for f in ("general", "fund", "capital")}
        basic_g = self.total("basic_g")
        pers = self.total("pers_g")
        self.econ = []   # (head, name, group, [(code, name, value)])
        for head, name, group, items in ECON:
            self.econ.append([head, name, group, [], 0])
        for group, tot in (("personnel", pers), ("public", basic_g - pers)):
            heads = [e for e in self.econ if e[2] == group]
            for e, part in zip(heads, split(rng, tot, len(heads), 0.2 if group == "public" else 0)):
                items = rng.sample(dict((h[0], h[3]) for h in ECON)[e[0]],
                                   rng.randint(2, len(dict((h[0], h[3]) for h in ECON)[e[0]])))
                items.sort()
                e[3] = [(code, nm, v) for (code, nm), v in zip(items, split(rng, part, len(items), 0.15))]
                e[4] = part
        self.three = {}
        for which in ("budget", "final"):
            v = {"overseas": 0 if rng.random() < 0.5 else rng.randint(5, 80) * m * 100,
                 "vehicle_purchase": 0 if rng.random() < 0.6 else rng.randint(10, 40) * m * 1000,
                 "vehicle_operation": rng.randint(5, 90) * m * 100 + rng.randint(0, 99) * (1 if whole else 1),
                 "reception": rng.randint(5, 60) * m * 100 + rng.randint(0, 99)}
            v["vehicle"] = v["vehicle_purchase"] + v["vehicle_operation"]
            v["total"] = v["vehicle"] + v["overseas"] + v["reception"]
            self.three[which] = v
        self.opening = {"fund": 0 if rng.random() < 0.5 else rng.randint(1, 50) * 1000 * m,
                        "capital": 0}
        self.carry = 0 if rng.random() < 0.5 else rng.randint(1, 90) * 1000 * m   # 年初结转和结余

    def leaf(self, fund, m):
        rng = self.rng
        v = {}
        size = rng.randint(20, 900) * 1000 * m + rng.randint(0, 999 * m)
        if fund == "general":
            v["general"] = size
            for s in self.nf_used:
                if rng.random() < 0.35:
                    v[s] = rng.randint(1, 200) * 100 * m + rng.randint(0, 99 * m)
            bshare = rng.choice([0, 0.3, 0.6, 0.9, 1.0])
            v["basic_g"] = int(size * bshare)
            v["pers_g"] = int(v["basic_g"] * rng.uniform(0.5, 0.9))
        else:
            v[fund] = size
            v["basic_g"] = v["pers_g"] = 0
        v["project_g"] = v.get("general", 0) - v["basic_g"]
        nf = sum(v.get(s, 0) for s in self.nf if s != "operating")
        v["basic_n"] = int(nf * rng.choice([0, 0.4, 1.0]))
        v["project_n"] = nf - v["basic_n"]
        v["basic"] = v["basic_g"] + v["basic_n"]
        v["project"] = v["project_g"] + v["project_n"] + v.get("fund", 0) + v.get("capital", 0)
        v["exp_operating"] = v.get("operating", 0)
        v["income"] = sum(v.get(s, 0) for s in ["general", "fund", "capital"] + self.nf)
        v["fiscal_total"] = sum(v.get(s, 0) for s in ("general", "fund", "capital"))
        return v

    def leaves(self):
        for c in self.classes:
            for k in c[3]:
                for x in k[2]:
                    yield c, k, x

    def total(self, key, fund=None):
        return sum(x[2].get(key, 0) for c, k, x in self.leaves() if fund is None or c[2] == fund)

    def rows(self, val, keep=lambda leaf: True):
        """(code, name, level, values) per class/款/项 whose leaves keep; values by val(leaf)."""
        out = []
        for c, cname, fund, ks in self.classes:
            crow = None
            sub = []
            for k, kname, xs in ks:
                xr = [(x, xname, 3, val(v)) for x, xname, v in xs if keep(v)]
                if not xr:
                    continue
                kv = {}
                for r in xr:
                    kv = add(kv, r[3])
                sub.append((k, kname, 2, kv))
                sub.extend(xr)
            if not sub:
                continue
            cv = {}
            for r in sub:
                if r[2] == 2:
                    cv = add(cv, r[3])
            crow = (c, cname, 1, cv)
            out.append(crow)
            out.extend(sub)
        return out


# ---------------------------------------------------------------- number formats
class Fmt:
    def __init__(self, rng, whole):
        self.m = 1 if whole else 100
        self.dp = 2 if not whole else rng.choice([0, 0, 2])
        self.thousands = rng.random() < 0.4
        self.zero = rng.choice(["0", "0", "-", "", "0"])
        self.axes = {"amounts": "2dp" if self.dp else "int", "thousands": "yes" if self.thousands else "no",
                     "zeros": {"0": "0.00" if self.dp else "0", "-": "-", "": "blank"}[self.zero]}

    def text(self, v):
        if v is None:
            return ""
        if v == 0 and self.zero != "0":
            return self.zero
        whole, frac = divmod(v, self.m)
        s = "{:,}".format(whole) if self.thousands else str(whole)
        if self.dp:
            s += ".%02d" % (frac if self.m == 100 else 0)
        return s

    def value(self, v):
        if v is None or (v == 0 and self.zero != "0"):
            return None
        whole, frac = divmod(v, self.m)
        s = str(whole) + ("." + "%02d" % frac if self.m == 100 else "")
        s = s.rstrip("0").rstrip(".") if "." in s else s
        return s


# ---------------------------------------------------------------- tables
class Cell:
    def __init__(self, text, cls="t", colspan=1, rowspan=1, indent=0):
        self.text, self.cls, self.colspan, self.rowspan, self.indent = text, cls, colspan, rowspan, indent


class Tab:
    def __init__(self, schema, title):
        self.schema, self.title = schema, title
        self.head = []        # header rows of Cells
        self.body = []        # body rows of Cells
        self.kinds = []       # per leaf column: code, label, num, seq
        self.facts = []
        self.axes = {}
        self.note = None      # text of an empty table's note
        self.number = None

    def fact(self, row, col, value, side=None, group=None, coded=False):
        self.facts.append({"schema": self.schema, "row": row, "side": side, "group": group,
                           "column": col, "value": value, "coded": coded})


def pick_title(rng, b, titles):
    """A title from the spec's wordings, with the year, the department or 部门 before it."""
    t = rng.choice(titles)
    pre = rng.choice(["", "", "year", "dept", "deptyear", "bu"])
    y = "%d%s" % (b.year, rng.choice(["年", "年度"]))
    if pre == "year":
        t = y + t
    elif pre == "dept":
        t = b.dept + t
    elif pre == "deptyear":
        t = b.dept + y + t
    elif pre == "bu" and not t.startswith("部门"):
        t = "部门" + t
    return t


def build_header(rng, t, code_mode, label_head, num_cols, seq, group_heads=None):
    """Header rows over [序号] code columns, label, and num_cols [(key, (path...))].
    group_heads unused; a path of two makes a two-line header with the first spanning."""
    depth = max([len(p) for _, p in num_cols] + [1])
    code_heads = {"joined": ["科目编码"], "split": ["类", "款", "项"], "withname": [], "none": []}[code_mode]
    two_code = code_mode in ("joined", "split") and rng.random() < 0.5
    depth = max(depth, 2 if two_code or code_mode == "split" else 1)
    rows = [[] for _ in range(depth)]
    if seq:
        rows[0].append(Cell("序号", "h", rowspan=depth))
        t.kinds.append("seq")
    if code_heads:
        if depth >= 2 and (two_code or code_mode == "split"):
            top = rng.choice(["科目编码", "功能分类科目编码", "项目"]) if code_mode == "split" else \
                rng.choice(["项目", "功能分类科目", "支出功能分类科目"])
            if code_mode == "split":
                rows[0].append(Cell(top, "h", colspan=3, rowspan=depth - 1))
                for h in code_heads:
                    rows[depth - 1].append(Cell(h, "h"))
                rows[0].append(Cell(label_head, "h", rowspan=depth))
            else:
                rows[0].append(Cell(top, "h", colspan=2, rowspan=depth - 1))
                rows[depth - 1].append(Cell(rng.choice(["科目编码", "编码", "功能科目编码"]), "h"))
                rows[depth - 1].append(Cell(rng.choice(["科目名称", "名称"]), "h"))
        else:
            rows[0].append(Cell(rng.choice(["科目编码", "功能分类科目编码", "科目代码"]), "h", rowspan=depth))
            rows[0].append(Cell(label_head, "h", rowspan=depth))
        t.kinds += ["code"] * len(code_heads) + ["label"]
    else:
        rows[0].append(Cell(label_head, "h", rowspan=depth))
        t.kinds.append("label")
    i = 0
    while i < len(num_cols):
        key, path = num_cols[i]
        if len(path) == 1:
            rows[0].append(Cell(path[0], "h", rowspan=depth))
            i += 1
            continue
        j = i
        while j < len(num_cols) and len(num_cols[j][1]) > 1 and num_cols[j][1][0] == path[0]:
            j += 1
        rows[0].append(Cell(path[0], "h", colspan=j - i, rowspan=depth - 1))
        for _, p in num_cols[i:j]:
            rows[depth - 1].append(Cell(p[1], "h"))
        i = j
    t.kinds += ["num"] * len(num_cols)
    t.head = rows
    t.axes["depth"] = str(depth)


def coded_table(rng, b, schema, titles, num_cols, rows, total_label=("合计",), label_head=None,
                codes=True):
    """A table keyed by function code: rows (code, name, level, values) under a total row."""
    t = Tab(schema, pick_title(rng, b, titles))
    fmt = Fmt(rng, b.whole)
    seq = rng.random() < 0.2
    code_mode = rng.choice(["joined", "joined", "split", "split", "withname"]) if codes else "none"
    label_head = label_head or rng.choice(["科目名称", "项目", "功能分类科目名称"])
    if code_mode == "withname":
        label_head = rng.choice(["科目编码及名称", "功能分类科目", "项目"])
    build_header(rng, t, code_mode, label_head, num_cols, seq)
    total_pos = rng.choice(["top", "top", "bottom"])
    tl = rng.choice(total_label)
    tl_print = rng.choice([tl, tl, " ".join(tl)]) if len(tl) == 2 else tl
    ncode = {"joined": 1, "split": 3}.get(code_mode, 0)
    tot = {}
    for r in rows:
        if r[2] == 1:
            tot = add(tot, r[3])
    body = [(None, tl_print, 0, tot)] + rows if total_pos == "top" else rows + [(None, tl_print, 0, tot)]
    indent = rng.random() < 0.5
    for n, (code, name, level, vals) in enumerate(body, 1):
        cells = []
        if seq:
            cells.append(Cell(str(n), "c"))
        if code is None:
            if ncode:
                cells.append(Cell(tl_print, "lab", colspan=ncode + 1))
            else:
                cells.append(Cell(tl_print, "lab"))
        else:
            if code_mode == "joined":
                cells.append(Cell(code, "c"))
            elif code_mode == "split":
                parts = [code[:3], code[3:5], code[5:7]]
                cells += [Cell(p, "c") for p in parts]
            if code_mode == "withname":
                cells.append(Cell(code + rng.choice([" ", "  ", "　"]) + name, "lab",
                                  indent=level - 1 if indent else 0))
            else:
                cells.append(Cell(name, "lab", indent=level - 1 if indent else 0))
        for key, _ in num_cols:
            v = vals.get(key, 0)
            cells.append(Cell(fmt.text(v), "n"))
            t.fact(code if code else norm_label(tl_print), key, fmt.value(v), coded=code is not None)
        t.body.append(cells)
    t.axes.update(fmt.axes)
    t.axes.update({"code": code_mode, "seq": "yes" if seq else "no", "total": total_pos,
                   "empty": "no"})
    return t


def empty_table(rng, b, schema, titles, num_cols, note):
    t = Tab(schema, pick_title(rng, b, titles))
    code_mode = rng.choice(["joined", "split", "withname"])
    build_header(rng, t, code_mode, rng.choice(["科目名称", "项目"]), num_cols, False)
    how = rng.choice(["note_row", "note_row", "note_below", "blank_rows"])
    ncols = len(t.kinds)
    if how == "note_row":
        t.body.append([Cell(note, "lab", colspan=ncols)])
    elif how == "blank_rows":
        t.body.append([Cell(rng.choice(["合计", "合 计"]), "lab", colspan=ncols - len(num_cols))] +
                      [Cell("", "n") for _ in num_cols])
        # No facts: a claimed table printing no amounts and a note saying why has no rows
        # (README, warning table_empty), its blank 合计 row included.
        t.body.append([Cell("", "lab") for _ in range(ncols)])
        t.note = note
    else:
        t.note = note
    t.axes.update({"code": code_mode, "seq": "no", "empty": how, "amounts": "-", "thousands": "-",
                   "zeros": "-", "total": "-"})
    return t


def two_sided(rng, b, schema, titles, inc, exp, inc_cols, exp_cols):
    """inc/exp: [(printed label, values)]; *_cols [(key, header path)]."""
    t = Tab(schema, pick_title(rng, b, titles))
    fmt = Fmt(rng, b.whole)
    grouped = rng.random() < 0.55
    depth = 2 if grouped or any(len(p) > 1 for _, p in exp_cols) else 1
    if grouped and any(len(p) > 1 for _, p in exp_cols):
        depth = 3
    rows = [[] for _ in range(depth)]
    for side, cols, top, lab in (("income", inc_cols, "收入", rng.choice(["项目", "项 目", "收入项目"])),
                                 ("expenditure", exp_cols, "支出", rng.choice(["项目", "项 目", "支出项目"]))):
        r0 = 0
        if grouped:
            width = 1 + len(cols)
            rows[0].append(Cell(top, "h", colspan=width))
            r0 = 1
        elif lab in ("项目", "项 目"):
            lab = top + "项目" if rng.random() < 0.7 else lab
        sub = depth - r0
        rows[r0].append(Cell(lab, "h", rowspan=sub))
        i = 0
        while i < len(cols):
            key, path = cols[i]
            if len(path) == 1 or sub == 1:
                rows[r0].append(Cell(path[-1], "h", rowspan=sub))
                i += 1
                continue
            j = i
            while j < len(cols) and len(cols[j][1]) > 1 and cols[j][1][0] == path[0]:
                j += 1
            rows[r0].append(Cell(path[0], "h", colspan=j - i))
            for _, p in cols[i:j]:
                rows[r0 + 1].append(Cell(p[1], "h"))
            i = j
        t.kinds += ["label"] + ["num"] * len(cols)
    t.head = rows
    n = max(len(inc), len(exp))
    for i in range(n):
        cells = []
        for side, lst, cols in (("income", inc, inc_cols), ("expenditure", exp, exp_cols)):
            if i < len(lst):
                lab, vals = lst[i]
                cells.append(Cell(lab, "lab"))
                for key, _ in cols:
                    v = vals.get(key) if vals is not None else None
                    cells.append(Cell(fmt.text(v), "n"))
                    t.fact(norm_label(lab), key, fmt.value(v) if v is not None else None, side=side)
            else:
                cells.append(Cell("", "lab"))
                cells += [Cell("", "n") for _ in cols]
        t.body.append(cells)
    t.axes.update(fmt.axes)
    t.axes.update({"code": "none", "seq": "no", "total": "-", "empty": "no", "depth": str(depth)})
    return t


def ordinal(i):
    return ORD[i] + "、" if i < len(ORD) else ""


def summary_lines(rng, b, lines, numbered):
    out = []
    for i, (lab, v) in enumerate(lines):
        out.append(((ordinal(i) if numbered else "") + lab, v))
    return out


def build_final(rng, b):
    tabs = []
    T = lambda v: {"amount": v}  # noqa: E731
    src_names = [("general", rng.choice(["一般公共预算财政拨款收入", "财政拨款收入"])),
                 ("fund", "政府性基金预算财政拨款收入"), ("capital", "国有资本经营预算财政拨款收入"),
                 ("superior", "上级补助收入"), ("business", "事业收入"), ("operating", "经营收入"),
                 ("affiliated", "附属单位上缴收入"), ("other", "其他收入")]
    if src_names[0][1] == "财政拨款收入":
        src_names = [("fiscal_total", "财政拨款收入")] + src_names[3:]
    num = rng.random() < 0.6
    inc = summary_lines(rng, b, [(n, T(b.total(k))) for k, n in src_names], num)
    exp = summary_lines(rng, b, [(c[1], T(sum(x[2]["income"] for _, _, x in
                                              ((c, k, x) for k in c[3] for x in k[2]))))
                                 for c in b.classes], num)
    income = b.total("income")
    pad = max(len(inc), len(exp))
    inc += [("", None)] * (pad - len(inc))
    exp += [("", None)] * (pad - len(exp))
    inc += [("本年收入合计", T(income)), ("使用非财政拨款结余", T(0)), ("年初结转和结余", T(b.carry)),
            (rng.choice(["总计", "收入总计"]), T(income + b.carry))]
    exp += [("本年支出合计", T(income)), ("结余分配", T(0)), ("年末结转和结余", T(b.carry)),
            (rng.choice(["总计", "支出总计"]), T(income + b.carry))]
    inc2 = [(l, v) for l, v in inc]
    exp2 = [(l, v) for l, v in exp]
    ah = rng.choice(["决算数", "金额", "本年决算数"])
    t = two_sided(rng, b, "final.summary", ["收入支出决算总表", "部门收入支出决算总表", "收入支出决算总表（公开01表）"],
                  [x for x in inc2 if x[0] or True], exp2, [("amount", (ah,))], [("amount", (ah,))])
    t.facts = [f for f in t.facts if f["row"]]
    t.number = "公开01表"
    tabs.append(t)

    # income
    cols = [("total", (rng.choice(["本年收入合计", "合计", "收入合计"]),)),
            ("fiscal", ("财政拨款收入",)), ("superior", ("上级补助收入",)), ("business", ("事业收入",)),
            ("operating", ("经营收入",)), ("affiliated", ("附属单位上缴收入",)), ("other", ("其他收入",))]
    if rng.random() < 0.4:
        cols = [cols[0]] + [(k, ("本年收入",) + p if rng.random() < 2 else p) for k, p in cols[1:]]
        cols[0] = ("total", ("本年收入", "小计")) if rng.random() < 0.5 else cols[0]

    def inc_vals(v):
        return {"total": v["income"], "fiscal": v["fiscal_total"], "superior": v.get("superior", 0),
                "business": v.get("business", 0), "operating": v.get("operating", 0),
                "affiliated": v.get("affiliated", 0), "other": v.get("other", 0)}
    tabs.append(coded_table(rng, b, "final.income", ["收入决算表", "部门收入决算表", "收入决算表（公开02表）"],
                            cols, b.rows(inc_vals), ("合计", "总计")))
    tabs[-1].number = "公开02表"
    # expenditure
    cols = [("total", (rng.choice(["本年支出合计", "合计", "支出合计"]),)), ("basic", ("基本支出",)),
            ("project", ("项目支出",)), ("remit", ("上缴上级支出",)), ("operating", ("经营支出",)),
            ("subsidy", ("对附属单位补助支出",))]

    def exp_vals(v):
        return {"total": v["income"], "basic": v["basic"], "project": v["project"], "remit": 0,
                "operating": v["exp_operating"], "subsidy": 0}
    tabs.append(coded_table(rng, b, "final.expenditure", ["支出决算表", "部门支出决算表"], cols, b.rows(exp_vals),
                            ("合计", "总计")))
    tabs[-1].number = "公开03表"
    # fiscal summary
    fin = [("一般公共预算财政拨款", b.total("general")), ("政府性基金预算财政拨款", b.total("fund")),
           ("国有资本经营预算财政拨款", b.total("capital"))]
    inc = summary_lines(rng, b, [(n, {"amount": v}) for n, v in fin], num)
    exp = []
    for c in b.classes:
        g = f_ = k_ = 0
        for k in c[3]:
            for x in k[2]:
                g += x[2].get("general", 0)
                f_ += x[2].get("fund", 0)
                k_ += x[2].get("capital", 0)
        exp.append((c[1], {"total": g + f_ + k_, "general": g, "fund": f_, "capital": k_}))
    exp = summary_lines(rng, b, exp, num)
    ft = b.total("fiscal_total")
    pad = max(len(inc), len(exp))
    inc += [("", None)] * (pad - len(inc))
    exp += [("", None)] * (pad - len(exp))
    tot_exp = {"total": ft, "general": b.total("general"), "fund": b.total("fund"), "capital": b.total("capital")}
    zero = {"total": 0, "general": 0, "fund": 0, "capital": 0}
    inc += [("本年收入合计", {"amount": ft}), ("年初财政拨款结转和结余", {"amount": 0}),
            (rng.choice(["总计", "收入总计"]), {"amount": ft})]
    exp += [("本年支出合计", tot_exp), ("年末财政拨款结转和结余", zero),
            (rng.choice(["总计", "支出总计"]), tot_exp)]
    grp = rng.random() < 0.5
    ah = rng.choice(["决算数", "金额"])
    ecols = [("total", ("决算数", "合计") if grp else ("合计",)),
             ("general", ("决算数", "一般公共预算财政拨款") if grp else ("一般公共预算财政拨款",)),
             ("fund", ("决算数", "政府性基金预算财政拨款") if grp else ("政府性基金预算财政拨款",)),
             ("capital", ("决算数", "国有资本经营预算财政拨款") if grp else ("国有资本经营预算财政拨款",))]
    t = two_sided(rng, b, "final.fiscal_summary", ["财政拨款收入支出决算总表"], inc, exp,
                  [("amount", (ah,))], ecols)
    t.facts = [f for f in t.facts if f["row"]]
    t.number = "公开04表"
    tabs.append(t)
    # general expenditure
    cols = [("total", (rng.choice(["小计", "合计"]),)), ("basic", ("基本支出",)), ("project", ("项目支出",))]
    if rng.random() < 0.5:
        cols = [(k, ("本年支出",) + p) for k, p in cols]

    def gen_vals(v):
        return {"total": v.get("general", 0), "basic": v["basic_g"], "project": v["project_g"]}
    tabs.append(coded_table(rng, b, "final.general_expenditure", ["一般公共预算财政拨款支出决算表"], cols,
                            b.rows(gen_vals, lambda v: v.get("general", 0) > 0)))
    tabs[-1].number = "公开05表"
    tabs.append(final_basic_detail(rng, b))
    # fund
    if b.has["fund"]:
        cols = [("opening", ("年初结转和结余",)), ("income", ("本年收入",)),
                ("total", ("本年支出", "小计")), ("basic", ("本年支出", "基本支出")),
                ("project", ("本年支出", "项目支出")), ("closing", ("年末结转和结余",))]
        op = b.opening["fund"]
        fclasses = [c for c in b.classes if c[2] == "fund"]
        nleaf = sum(len(k[2]) for c in fclasses for k in c[3])
        ops = split(rng, op, nleaf)
        opmap = {}
        for (c, k, x), o in zip([(c, k, x) for c, k, x in b.leaves() if c[2] == "fund"], ops):
            opmap[x[0]] = o
        leafop = {id(x[2]): opmap.get(x[0], 0) for c, k, x in b.leaves()}

        def fund_vals(v):
            o = leafop.get(id(v), 0)
            return {"opening": o, "income": v["fund"], "total": v["fund"], "basic": 0, "project": v["fund"],
                    "closing": o}
        tabs.append(coded_table(rng, b, "final.fund", ["政府性基金预算财政拨款收入支出决算表"], cols,
                                b.rows(fund_vals, lambda v: v.get("fund", 0) > 0)))
    else:
        tabs.append(empty_table(rng, b, "final.fund", ["政府性基金预算财政拨款收入支出决算表"],
                                [("opening", ("年初结转和结余",)), ("income", ("本年收入",)),
                                 ("total", ("本年支出", "小计")), ("basic", ("本年支出", "基本支出")),
                                 ("project", ("本年支出", "项目支出")), ("closing", ("年末结转和结余",))],
                                rng.choice(["本单位无政府性基金预算财政拨款收入支出，故本表为空表。",
                                            "注：本部门本年度无政府性基金预算财政拨款收支，本表无数据。"])))
    tabs[-1].number = "公开07表"
    if b.has["capital"]:
        cols = [("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))]

        def cap_vals(v):
            return {"total": v["capital"], "basic": 0, "project": v["capital"]}
        tabs.append(coded_table(rng, b, "final.capital", ["国有资本经营预算财政拨款支出决算表"], cols,
                                b.rows(cap_vals, lambda v: v.get("capital", 0) > 0)))
    else:
        tabs.append(empty_table(rng, b, "final.capital", ["国有资本经营预算财政拨款支出决算表",
                                                          "国有资本经营预算财政拨款收入支出决算表"],
                                [("total", ("本年支出", "合计")), ("basic", ("本年支出", "基本支出")),
                                 ("project", ("本年支出", "项目支出"))],
                                rng.choice(["本部门无国有资本经营预算财政拨款支出，本表无数据。",
                                            "说明：无此项支出。"])))
    tabs[-1].number = "公开08表"
    tabs.append(three_public(rng, b, "final.three_public",
                             ["财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"]))
    tabs[-1].number = "公开06表"
    return tabs


def final_basic_detail(rng, b):
    t = Tab("final.basic_detail", pick_title(rng, b, ["一般公共预算财政拨款基本支出决算表",
                                                      "一般公共预算财政拨款基本支出决算明细表"]))
    fmt = Fmt(rng, b.whole)
    ch, nh, ah = rng.choice(["科目编码", "经济科目编码", "编码"]), rng.choice(["科目名称", "名称"]), \
        rng.choice(["决算数", "金额"])
    pers, pub = [], []
    for head, name, group, items, tot in b.econ:
        if not items:
            continue
        lst = pers if group == "personnel" else pub
        lst.append((head, name, tot))
        lst.extend(items)
    nb = rng.choice([2, 3])
    blocks = [("personnel", pers)]
    if nb == 2:
        blocks.append(("public", pub))
    else:
        h = (len(pub) + 1) // 2
        blocks += [("public", pub[:h]), ("public", pub[h:])]
    t.head = [[Cell("人员经费", "h", colspan=3), Cell("公用经费", "h", colspan=3 * (nb - 1))],
              [Cell(x, "h") for _ in range(nb) for x in (ch, nh, ah)]]
    t.kinds = ["code", "label", "num"] * nb
    n = max(len(x) for _, x in blocks)
    for i in range(n):
        cells = []
        for g, blk in blocks:
            if i < len(blk):
                code, name, v = blk[i]
                cells += [Cell(code, "c"), Cell(name, "lab"), Cell(fmt.text(v), "n")]
                t.fact(code, "amount", fmt.value(v), group=g, coded=True)
            else:
                cells += [Cell("", "c"), Cell("", "lab"), Cell("", "n")]
        t.body.append(cells)
    pt = sum(e[4] for e in b.econ if e[2] == "personnel")
    qt = sum(e[4] for e in b.econ if e[2] == "public")
    t.body.append([Cell("人员经费合计", "lab", colspan=2), Cell(fmt.text(pt), "n"),
                   Cell("公用经费合计", "lab", colspan=3 * (nb - 1) - 1), Cell(fmt.text(qt), "n")])
    t.fact("人员经费合计", "amount", fmt.value(pt), group="personnel")
    t.fact("公用经费合计", "amount", fmt.value(qt), group="public")
    t.axes.update(fmt.axes)
    t.axes.update({"code": "joined", "seq": "no", "depth": "2", "total": "bottom", "empty": "no",
                   "layout": "blocks%d" % nb})
    t.number = "公开09表"
    return t


def three_public_row(name):
    """The row key of a 三公 row: the spec's 预算数/决算数 for the budget and final rows of a
    决算 table (全年预算数 is the 预算数 row), else the label."""
    return "预算数" if name == "全年预算数" else norm_label(name)


def three_public(rng, b, schema, titles):
    t = Tab(schema, pick_title(rng, b, titles))
    fmt = Fmt(rng, b.whole)
    veh = rng.choice(["公务用车购置及运行（维护）费", "公务用车购置及运行费", "公务用车购置及运行维护费"])
    cols = [("total", ("合计",)), ("overseas", (rng.choice(["因公出国（境）费", "因公出国(境)费用"]),)),
            ("vehicle", (veh, "小计")), ("vehicle_purchase", (veh, "公务用车购置费")),
            ("vehicle_operation", (veh, rng.choice(["公务用车运行（维护）费", "公务用车运行维护费"]))),
            ("reception", ("公务接待费",))]
    if schema.startswith("final"):
        layout = rng.choice(["rows", "rows", "blocks"])
        rows = [(rng.choice(["预算数", "全年预算数"]), b.three["budget"]), ("决算数", b.three["final"])]
    else:
        layout = "rows"
        units = rng.sample(SUB_UNITS, rng.randint(0, 3))
        tot = b.three["budget"]
        if units:
            parts = {k: split(rng, tot[k], len(units) + 1) for k in ("overseas", "vehicle_purchase",
                                                                     "vehicle_operation", "reception")}
            rows = [("合计", tot)]
            for i, u in enumerate([b.dept] + [b.dept.split("市")[0] + "市" + u for u in units]):
                v = {k: parts[k][i] for k in parts}
                v["vehicle"] = v["vehicle_purchase"] + v["vehicle_operation"]
                v["total"] = v["vehicle"] + v["overseas"] + v["reception"]
                rows.append((u, v))
        else:
            rows = [("合计", tot)]
    if layout == "rows":
        lab = rng.choice(["项目", "单位名称"] if schema.startswith("budget") else ["项目", "项 目"])
        build_header(rng, t, "none", lab, cols, False)
        for name, v in rows:
            t.body.append([Cell(name, "lab")] + [Cell(fmt.text(v[k]), "n") for k, _ in cols])
            for k, _ in cols:
                t.fact(three_public_row(name), k, fmt.value(v[k]))
    else:
        t.head = [[], [], []]
        for name, v in rows:
            t.head[0].append(Cell(name, "h", colspan=6))
            for k, p in cols:
                if len(p) == 1:
                    t.head[1].append(Cell(p[0], "h", rowspan=2))
                elif k == "vehicle":
                    t.head[1].append(Cell(p[0], "h", colspan=3))
                    t.head[2].append(Cell(p[1], "h"))
                else:
                    t.head[2].append(Cell(p[1], "h"))
            for k, _ in cols:
                t.fact(three_public_row(name), k, fmt.value(v[k]))
        t.body.append([Cell(fmt.text(v[k]), "n") for _, v in rows for k, _ in cols])
        t.kinds = ["num"] * 12
    t.axes.update(fmt.axes)
    t.axes.update({"code": "none", "seq": "no", "layout": layout, "total": "-", "empty": "no",
                   "depth": str(len(t.head))})
    return t


def build_budget(rng, b):
    tabs = []
    num = rng.random() < 0.6
    amt = rng.choice(["预算数", "本年预算", "金额", "预算"])
    A = lambda v: {"amount": v}  # noqa: E731
    src = [("general", rng.choice(["一般公共预算拨款收入", "一般公共预算拨款"])),
           ("fund", "政府性基金预算拨款收入"), ("capital", "国有资本经营预算拨款收入"),
           ("special_account", "财政专户管理资金收入"), ("business", "事业收入"),
           ("operating", "事业单位经营收入"), ("superior", "上级补助收入"),
           ("affiliated", "附属单位上缴收入"), ("other", "其他收入")]
    inc = summary_lines(rng, b, [(n, A(b.total(k))) for k, n in src], num)
    exp = summary_lines(rng, b, [(c[1], A(sum(x[2]["income"] for k in c[3] for x in k[2])))
                                 for c in b.classes], num)
    cur = b.total("income") - b.total("carryover")
    pad = max(len(inc), len(exp))
    inc += [("", None)] * (pad - len(inc))
    exp += [("", None)] * (pad - len(exp))
    cy = b.total("carryover")
    inc += [("本年收入合计", A(cur)), (rng.choice(["上年结转", "上年结转结余"]), A(cy)),
            ("收入总计", A(cur + cy))]
    exp += [("本年支出合计", A(cur + cy)), ("结转下年", A(0)), ("支出总计", A(cur + cy))]
    t = two_sided(rng, b, "budget.summary", ["收支总表", "部门收支总表", "收支预算总表", "财务收支预算总表",
                                             "收支总体情况表", "部门收支总体情况表"],
                  inc, exp, [("amount", (amt,))], [("amount", (amt,))])
    t.facts = [f for f in t.facts if f["row"]]
    t.number = "预算01表"
    tabs.append(t)
    # income
    fin3 = rng.random() < 0.5
    cols = [("total", (rng.choice(["合计", "总计"]),))]
    if fin3:
        g = rng.choice(["财政拨款", "财政拨款收入"])
        if rng.random() < 0.5:
            cols.append(("fiscal_total", (g, "小计")))
        cols += [("fiscal", (g, "一般公共预算拨款")), ("fund", (g, "政府性基金预算拨款")),
                 ("capital", (g, "国有资本经营预算拨款"))]
    else:
        cols += [("fiscal", ("一般公共预算拨款",)), ("fund", ("政府性基金预算拨款",))]
        if b.has["capital"]:
            cols.append(("capital", ("国有资本经营预算拨款",)))
    cols += [(k, (n,)) for k, n in (("special_account", "财政专户管理资金"), ("business", "事业收入"),
                                    ("operating", "事业单位经营收入"), ("superior", "上级补助收入"),
                                    ("affiliated", "附属单位上缴收入"), ("other", "其他收入"),
                                    ("carryover", "上年结转"))
             if k in b.nf_used or rng.random() < 0.3]

    def inc_vals(v):
        out = {"total": v["income"], "fiscal_total": v["fiscal_total"], "fiscal": v.get("general", 0)}
        for k in ("fund", "capital") + tuple(Books.BUDGET_NF):
            out[k] = v.get(k, 0)
        return out
    tabs.append(coded_table(rng, b, "budget.income", ["收入总表", "收入预算总表", "部门收入总表", "收入总体情况表",
                                                      "部门收入总体情况表"], cols, b.rows(inc_vals),
                            ("合计", "总计")))
    tabs[-1].number = "预算02表"
    cols = [("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))]
    if b.total("exp_operating"):
        cols.append(("operating", ("事业单位经营支出",)))

    def exp_vals(v):
        return {"total": v["income"], "basic": v["basic"], "project": v["project"],
                "operating": v["exp_operating"]}
    tabs.append(coded_table(rng, b, "budget.expenditure", ["支出总表", "支出预算总表", "部门支出总表",
                                                           "本年支出总体情况表", "部门支出总体情况表"],
                            cols, b.rows(exp_vals), ("合计", "总计")))
    tabs[-1].number = "预算03表"
    # fiscal summary
    fin = [("一般公共预算拨款", b.total("general")), ("政府性基金预算拨款", b.total("fund")),
           ("国有资本经营预算拨款", b.total("capital"))]
    inc = summary_lines(rng, b, [(n, {"amount": v}) for n, v in fin], num)
    exp = []
    for c in b.classes:
        g = sum(x[2].get("general", 0) for k in c[3] for x in k[2])
        f_ = sum(x[2].get("fund", 0) for k in c[3] for x in k[2])
        k_ = sum(x[2].get("capital", 0) for k in c[3] for x in k[2])
        exp.append((c[1], {"total": g + f_ + k_, "general": g, "fund": f_, "capital": k_}))
    exp = summary_lines(rng, b, exp, num)
    pad = max(len(inc), len(exp))
    inc += [("", None)] * (pad - len(inc))
    exp += [("", None)] * (pad - len(exp))
    ft = b.total("fiscal_total")
    tot_exp = {"total": ft, "general": b.total("general"), "fund": b.total("fund"), "capital": b.total("capital")}
    zero = {"total": 0, "general": 0, "fund": 0, "capital": 0}
    inc += [("本年收入合计", {"amount": ft}), ("上年结转", {"amount": 0}), ("收入总计", {"amount": ft})]
    exp += [("本年支出合计", tot_exp), ("结转下年", zero), ("支出总计", tot_exp)]
    grp = rng.random() < 0.5
    ecols = [("total", (amt, "合计") if grp else ("合计",)),
             ("general", (amt, "一般公共预算") if grp else ("一般公共预算",)),
             ("fund", (amt, "政府性基金预算") if grp else ("政府性基金预算",)),
             ("capital", (amt, "国有资本经营预算") if grp else ("国有资本经营预算",))]
    t = two_sided(rng, b, "budget.fiscal_summary", ["财政拨款收支总表", "财政拨款收支预算总表",
                                                    "财政拨款收支总体情况表"], inc, exp, [("amount", (amt,))], ecols)
    t.facts = [f for f in t.facts if f["row"]]
    t.number = "预算04表"
    tabs.append(t)
    # general expenditure
    split_basic = rng.random() < 0.4
    cols = [("total", ("合计",))]
    if split_basic:
        cols += [("basic", ("基本支出", "小计")), ("personnel", ("基本支出", "人员经费")),
                 ("public", ("基本支出", "公用经费"))]
    else:
        cols.append(("basic", ("基本支出",)))
    cols.append(("project", ("项目支出",)))

    def gen_vals(v):
        return {"total": v.get("general", 0), "basic": v["basic_g"], "project": v["project_g"],
                "personnel": v["pers_g"], "public": v["basic_g"] - v["pers_g"]}
    tabs.append(coded_table(rng, b, "budget.general_expenditure", ["一般公共预算支出表", "一般公共预算支出情况表",
                                                                   "一般公共预算支出功能分类预算表"], cols,
                            b.rows(gen_vals, lambda v: v.get("general", 0) > 0)))
    tabs[-1].number = "预算05表"
    # basic detail by economic code
    rows = []
    for head, name, group, items, tot in b.econ:
        if not items:
            continue
        kv = lambda x: {"total": x, "personnel": x if group == "personnel" else 0,  # noqa: E731
                        "public": x if group == "public" else 0}
        rows.append((head, name, 1, kv(tot)))
        rows += [(c, n, 2, kv(v)) for c, n, v in items]
    rows.sort(key=lambda r: r[0])
    cols = [("total", ("合计",)), ("personnel", ("人员经费",)), ("public", ("公用经费",))]
    if rng.random() < 0.4:
        cols = [("total", ("合计",)), ("personnel", ("基本支出", "人员经费")), ("public", ("基本支出", "公用经费"))]
    t = coded_table(rng, b, "budget.basic_detail", ["一般公共预算基本支出表", "一般公共预算基本支出情况表",
                                                    "一般公共预算基本支出部门预算经济分类预算表"],
                    cols, rows, ("合计", "总计"), label_head=rng.choice(["科目名称", "经济分类科目名称"]))
    t.number = "预算06表"
    tabs.append(t)
    for fund, schema, titles in (("fund", "budget.fund", ["政府性基金预算支出表", "政府性基金预算支出情况表",
                                                          "政府性基金预算支出功能分类预算表"]),
                                 ("capital", "budget.capital", ["国有资本经营预算支出表", "国有资本经营预算支出情况表",
                                                                "国有资本经营预算支出预算表"])):
        cols = [("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))]
        if rng.random() < 0.4:
            cols = [(k, ("本年" + rng.choice(["预算", "支出"]),) + p) for k, p in cols]
        if b.has[fund]:
            tabs.append(coded_table(rng, b, schema, titles, cols,
                                    b.rows(lambda v, f=fund: {"total": v[f], "basic": 0, "project": v[f]},
                                           lambda v, f=fund: v.get(f, 0) > 0)))
        else:
            tabs.append(empty_table(rng, b, schema, titles, cols,
                                    rng.choice(["本部门没有使用%s安排的支出，故本表无数据。" % (
                                        "政府性基金预算拨款" if fund == "fund" else "国有资本经营预算拨款"),
                                        "注：本表无数据。"])))
        tabs[-1].number = "预算07表" if fund == "fund" else "预算08表"
    tabs.append(three_public(rng, b, "budget.three_public",
                             ["财政拨款“三公”经费支出表", "一般公共预算“三公”经费支出情况表",
                              "一般公共预算“三公”经费支出表"]))
    tabs[-1].number = "预算09表"
    return tabs


# ---------------------------------------------------------------- HTML
def table_css(rng, tid, ax, font_px):
    """The CSS of one table, its drawing choices recorded in ax."""
    draw = rng.choice(["grid", "grid", "horiz", "box", "none", "double", "thick", "zebra"])
    ax["draw"] = draw
    pv, ph = rng.choice([1, 2, 3, 5]), rng.choice([2, 4, 6, 8])
    ax["padding"] = "%dx%d" % (pv, ph)
    halign = rng.choice(["center", "center", "left", "right"])
    nalign = rng.choice(["right", "right", "right", "center"])
    ax["header_align"], ax["num_align"] = halign, nalign
    s = "#%s {border-collapse: collapse; font-size: %dpx;}\n" % (tid, font_px)
    s += "#%s td, #%s th {padding: %dpx %dpx; font-weight: normal;}\n" % (tid, tid, pv, ph)
    s += "#%s th {text-align: %s; vertical-align: middle;}\n" % (tid, halign)
    s += "#%s td.n {text-align: %s; white-space: nowrap;}\n" % (tid, nalign)
    s += "#%s td.c {text-align: %s;}\n" % (tid, rng.choice(["left", "center"]))
    if rng.random() < 0.3:
        s += "#%s th {font-weight: bold;}\n" % tid
    cell = "#%s td, #%s th" % (tid, tid)
    if draw == "grid":
        s += "%s {border: %s solid #000;}\n" % (cell, rng.choice(["1px", "0.5px", "1.5px"]))
    elif draw == "horiz":
        s += "%s {border-top: 1px solid #000; border-bottom: 1px solid #000;}\n" % cell
    elif draw == "box":
        s += "#%s {border: %s solid #000;}\n" % (tid, rng.choice(["1px", "2px"]))
        if rng.random() < 0.5:
            s += "#%s thead tr:last-child th, #%s tr.hl th {border-bottom: 1px solid #000;}\n" % (tid, tid)
    elif draw == "double":
        s += "#%s {border: 3px double #000;}\n%s {border: 1px solid #000;}\n" % (tid, cell)
    elif draw == "thick":
        s += "#%s {border: 2.5px solid #000;}\n%s {border: 0.5px solid #333;}\n" % (tid, cell)
    elif draw == "zebra":
        s += "#%s tbody tr:nth-child(even) td {background: #e8e8e8;}\n" % tid
        s += "#%s th {background: #c8d4e4;}\n" % tid
    if draw in ("grid", "thick") and rng.random() < 0.3:
        s += "#%s th {background: #dddddd;}\n" % tid
        ax["draw"] += "+shade"
    return s


def render_table(rng, t, tid, ax, landscape):
    """The HTML of one table (title block, unit line, table, note)."""
    out = []
    unit = t.unit
    title_mode = rng.choice(["heading", "heading", "caption", "line", "absent"])
    unit_mode = rng.choice(["right", "right", "left", "withdept", "thead", "intitle", "none"])
    if title_mode == "absent" and unit_mode == "intitle":
        unit_mode = "right"
    if title_mode == "caption" and unit_mode == "thead":
        unit_mode = "right"
    num_mode = rng.choice(["right", "left", "intitle", "none"]) if t.number else "none"
    ax["title"], ax["unit_line"], ax["form_number"] = title_mode, unit_mode, num_mode
    title = t.title
    if num_mode == "intitle":
        title = t.number + rng.choice(["", " "]) + title
    if unit_mode == "intitle":
        title += "（单位：%s）" % unit
    t.printed_title = title if title_mode != "absent" else None
    ncols = len(t.kinds)
    pieces = []
    if num_mode in ("right", "left"):
        pieces.append('<div style="text-align:%s">%s</div>' % (num_mode, html.escape(t.number)))
    if title_mode == "heading":
        tag = rng.choice(["h2", "h3", "div"])
        style = "text-align:center;font-size:%dpx;font-weight:bold;margin:6px 0" % rng.choice([15, 17, 20, 22])
        pieces.append('<%s style="%s">%s</%s>' % (tag, style, html.escape(title), tag))
    elif title_mode == "line":
        pieces.append('<p style="text-align:%s;margin:4px 0">%s</p>' % (
            rng.choice(["center", "left"]), html.escape(title)))
    unit_txt = rng.choice(["单位：", "单位:", "金额单位：", "单位： "]) + unit
    if unit_mode == "right":
        pieces.append('<div style="text-align:right;font-size:11px">%s</div>' % unit_txt)
    elif unit_mode == "left":
        pieces.append('<div style="text-align:left;font-size:11px">%s</div>' % unit_txt)
    elif unit_mode == "withdept":
        pieces.append('<div style="display:flex;justify-content:space-between;font-size:11px">'
                      '<span>%s%s</span><span>%s</span></div>' % (
                          rng.choice(["编制单位：", "部门：", "单位名称："]), html.escape(t.dept), unit_txt))
    head_block = "\n".join(pieces)
    # page-break choice
    brk = t.brk
    out.append('<section style="%s">' % ("break-before: page;" if brk in ("fresh", "title_split") else
                                           "margin-top: 18px;"))
    out.append(head_block)
    if brk == "title_split":
        out.append('<div style="break-after: page"></div>')
    # widths
    narrow = rng.choice(["no", "no", "labels", "numbers", "both"])
    ax["narrow"] = narrow
    widths = []
    for k in t.kinds:
        if k == "seq":
            widths.append(4)
        elif k == "code":
            widths.append(rng.choice([8, 10]) if t.axes.get("code") != "split" else 5)
        elif k == "label":
            widths.append(rng.choice([8, 10]) if narrow in ("labels", "both") else rng.choice([18, 24, 30]))
        else:
            widths.append(rng.choice([5, 6]) if narrow in ("numbers", "both") else rng.choice([9, 11, 13]))
    tot = float(sum(widths))
    # fixed widths only where numbers may wrap (break-all); elsewhere the browser widens a
    # column to its longest number, so no figure runs into its neighbour
    layout_fixed = narrow in ("numbers", "both")
    tw = rng.choice([100, 100, 96, 90])
    style = "width:%d%%;%s" % (tw, "table-layout:fixed;" if layout_fixed else "")
    out.append('<table id="%s" style="%s">' % (tid, style))
    if title_mode == "caption":
        out.append('<caption style="caption-side:top;font-size:16px;font-weight:bold;padding:6px">%s</caption>'
                   % html.escape(title))
    out.append("<colgroup>%s</colgroup>" % "".join('<col style="width:%.1f%%">' % (100 * w / tot) for w in widths))
    repeat = rng.random() < 0.6
    ax["repeat"] = "thead" if repeat else "once"
    hrows = []
    if unit_mode == "thead":
        hrows.append('<tr class="unit"><th colspan="%d" style="text-align:right;border:none;font-size:11px">%s</th></tr>'
                     % (ncols, unit_txt))
    for r in t.head:
        hrows.append("<tr>%s</tr>" % "".join(
            '<th%s%s>%s</th>' % (' colspan="%d"' % c.colspan if c.colspan > 1 else "",
                                 ' rowspan="%d"' % c.rowspan if c.rowspan > 1 else "", html.escape(c.text))
            for c in r))
    if repeat:
        out.append("<thead>%s</thead>" % "".join(hrows))
        out.append("<tbody>")
    else:
        out.append("<tbody>%s" % "".join(x.replace("<tr>", '<tr class="hl">', 1) for x in hrows))
    inside = t.brk == "inside" and len(t.body) > 6
    cut = rng.randint(2, len(t.body) - 3) if inside else -1
    if t.brk == "inside" and not inside:
        ax["break"] = "flow"
    for i, r in enumerate(t.body):
        cells = []
        for c in r:
            st = []
            if c.indent:
                st.append("padding-left:%dem" % (c.indent))
            if c.cls == "n" and narrow in ("numbers", "both"):
                st.append("white-space:normal;word-break:break-all")
            if c.cls == "lab" and c.colspan > 1 and c.text.replace(" ", "") in ("合计", "总计"):
                st.append("text-align:center")
            cells.append('<td class="%s"%s%s>%s</td>' % (
                c.cls, ' colspan="%d"' % c.colspan if c.colspan > 1 else "",
                ' style="%s"' % ";".join(st) if st else "", html.escape(c.text)))
        out.append('<tr%s>%s</tr>' % (' style="break-before: page"' if i == cut else "", "".join(cells)))
    out.append("</tbody></table>")
    if t.note:
        out.append('<p style="font-size:12px">%s</p>' % html.escape(t.note))
    out.append("</section>")
    return "\n".join(out)


def document(rng, seed, kind):
    year = rng.randint(2019, 2025)
    dept = rng.choice(CITIES) + rng.choice(BUREAUS)
    whole = rng.random() < 0.4
    b = Books(rng, kind, whole)
    b.year, b.dept = year, dept
    unit = rng.choice(["万元", "元", "万元"])
    tabs = build_final(rng, b) if kind == "final" else build_budget(rng, b)
    landscape = rng.random() < 0.5
    margin = rng.choice([8, 12, 15, 20, 25])
    font = rng.choice(FONTS)
    font_px = rng.choice([11, 12, 13, 14])
    pagenum = rng.choice(["none", "center", "dash"])
    word = "决算" if kind == "final" else "预算"
    css = ["@page {size: A4 %s; margin: %dmm;%s}" % (
        "landscape" if landscape else "portrait", margin,
        {"none": "", "center": ' @bottom-center {content: "第 " counter(page) " 页"; font-size: 9px}',
         "dash": ' @bottom-right {content: "- " counter(page) " -"; font-size: 9px}'}[pagenum]),
           'body {font-family: "%s", "WenQuanYi Zen Hei", sans-serif; margin: 0;}' % font,
           "tr {break-inside: avoid;}"]
    bodyh = ['<div style="text-align:center;margin-top:40%%;font-size:30px">%s<br>%d年%s部门%s</div>' % (
        html.escape(dept), year, rng.choice(["度", ""]), word),
        '<div style="break-before:page"></div>',
        '<h2>第一部分 部门概况</h2><p>%s主要职能包括贯彻执行国家有关方针政策，负责本行业的规划和管理。'
        '本部门%s公开表格共%d张，金额单位为%s。</p>' % (html.escape(dept), word, len(tabs), unit)]
    if rng.random() < 0.5:
        bodyh.append('<h2>第二部分 %d年度部门%s表</h2>' % (year, word))
    truth_tabs = []
    for i, t in enumerate(tabs):
        tid = "t%02d" % (i + 1)
        t.unit, t.dept = unit, dept
        ax = {}
        t.brk = rng.choice(["fresh", "fresh", "flow", "flow", "title_split", "inside"])
        ax["break"] = t.brk
        css.append(table_css(rng, tid, ax, font_px + rng.choice([-1, 0, 0, 1])))
        bodyh.append(render_table(rng, t, tid, ax, landscape))
        ax.update(t.axes)
        ax.update({"font": font, "font_size": str(font_px), "orient": "landscape" if landscape else "portrait",
                   "margin": str(margin), "pagenum": pagenum})
        t.axes = ax
    page = ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>%s</title><style>\n%s\n"
            "</style></head><body>\n%s\n</body></html>\n") % (
        html.escape(dept + word), "\n".join(css), "\n".join(bodyh))
    meta = {"format": "disclex-independent-truth/1", "generator": "gen_browser", "seed": seed,
            "kind": "final_accounts" if kind == "final" else "budget", "year": year, "department": dept,
            "unit": unit}
    return page, tabs, meta


# ---------------------------------------------------------------- printing and pages
def squash(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8", "replace")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [squash(p) for p in pages]


def locate(tabs, pages):
    """Pages of each table: from its first header or body text to its last body row, searched
    in order through the document's text (pdftotext -raw follows the drawing order)."""
    doc = "".join(pages)
    starts = []
    pos = 0
    for p in pages:
        starts.append(pos)
        pos += len(p)

    def page_of(off):
        n = 0
        for i, s in enumerate(starts):
            if s <= off:
                n = i
        return n + 1

    cur = 0
    for t in tabs:
        head = squash("".join(c.text for c in t.head[-1])) if t.head else ""
        rows = [(squash("".join(c.text for c in r)), r) for r in t.body]
        rows = [(s, r) for s, r in rows if s]
        first_key = squash("".join(c.text for c in t.head[0]))
        a = doc.find(first_key, cur) if first_key else -1
        if a < 0:
            a = doc.find(head, cur) if head else -1
        if a < 0:
            raise RuntimeError("table %s: header text not found after printing" % t.schema)
        end = a + len(first_key)
        for r, cells in rows:
            j = doc.find(r, end)
            if j < 0:
                # a row whose cells wrapped may come out in another order: its longest cell
                big = max((squash(c.text) for c in cells if c.text), key=len, default="")
                j = doc.find(big, end) if big else -1
                if j < 0:
                    continue
                end = j + len(big)
            else:
                end = j + len(r)
        if t.note:
            j = doc.find(squash(t.note), end)
            if j >= 0:
                end = j + len(squash(t.note))
        t.pages = list(range(page_of(a), page_of(max(a, end - 1)) + 1))
        cur = end


def find_chromium(given):
    for c in ([given] if given else []) + ["chromium", "chromium-browser", "google-chrome"]:
        p = shutil.which(c)
        if p:
            return p
    return None


def generate(outdir, seed, chromium, keep_html):
    rng = random.Random("web-%d" % seed)
    kind = "final" if seed % 2 else "budget"
    page, tabs, meta = document(rng, seed, kind)
    base = os.path.join(outdir, "web-%04d" % seed)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "doc.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(page)
        if keep_html:
            shutil.copy(src, base + ".html")
        pdf = base + ".pdf"
        p = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--user-data-dir=" + os.path.join(tmp, "profile"),
                            "--print-to-pdf=" + os.path.abspath(pdf), "file://" + src],
                           capture_output=True, timeout=120)
        if p.returncode != 0 or not os.path.exists(pdf):
            raise RuntimeError("chromium failed on seed %d: %s" % (seed, p.stderr.decode()[-400:]))
    locate(tabs, page_texts(pdf))
    meta["tables"] = []
    for t in tabs:
        t.axes["pages"] = "multi" if len(t.pages) > 1 else "single"
        if t.axes["pages"] == "single" and t.axes["repeat"] != "-":
            t.axes["repeat"] = "n/a"
        meta["tables"].append({"schema": t.schema, "title": t.printed_title, "number": t.number,
                               "pages": t.pages, "axes": t.axes, "facts": t.facts})
    with open(base + ".truth.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def seeds_of(args):
    out = []
    for a in args:
        m = re.fullmatch(r"(\d+)-(\d+)", a)
        out += list(range(int(m.group(1)), int(m.group(2)) + 1)) if m else [int(a)]
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("seeds", nargs="+")
    ap.add_argument("--chromium", default=None, help="the browser to print with (chromium)")
    ap.add_argument("--keep-html", action="store_true", help="keep NAME.html beside each PDF")
    a = ap.parse_args(argv[1:])
    chromium = find_chromium(a.chromium)
    if not chromium:
        sys.stderr.write("gen_browser: chromium not found (scripts/setup.sh --browser installs it)\n")
        return 2
    if not shutil.which("pdftotext"):
        sys.stderr.write("gen_browser: pdftotext not found (poppler-utils)\n")
        return 2
    try:
        seeds = seeds_of(a.seeds)
    except (AttributeError, ValueError):
        sys.stderr.write("gen_browser: a seed is a number or a range N-M\n")
        return 2
    os.makedirs(a.outdir, exist_ok=True)
    for s in seeds:
        generate(a.outdir, s, chromium, a.keep_html)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
