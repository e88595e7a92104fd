#!/usr/bin/env python3
"""Independent test documents for disclex: 决算 and 预算 PDFs drawn directly with reportlab,
each with its truth, every layout choice drawn at random from a seed.

    gen_independent.py OUTDIR SEED...        (SEED may be a range: 1-40)

writes OUTDIR/ind-SEED.pdf and OUTDIR/ind-SEED.truth.json.  The same seed gives the same
document (reportlab's invariant mode: no dates or random ids in the file).

How a document is made
  1. Data.  A department gets a few function classes (3-digit codes), each with 款 (5
     digits) and 项 (7 digits) from a small catalogue.  Each 项 gets amounts in whole cents
     per source (general budget, government fund, superior, business, operating, other, ...)
     and a basic share; every table is then derived from these leaves by summing upwards,
     so parents equal the sum of their children, 合计 the sum of the classes, total the sum
     of its parts, both sides of the two-sided tables balance and the tables agree with
     each other.  Basic expenditure of the general budget is spread over economic codes
     (301/303 personnel, 302/310 public) for the basic-detail table.
  2. Tables.  Each builder returns a table: leaf columns (kind, canonical key from
     spec/schemas.md, header path such as ('本年支出', '小计')), body rows (printed strings,
     merges) and the facts (schema, row key, side, group, column key, value) the spec
     assigns.  Template variants are drawn here: title wording and prefix, form number
     (公开02表, 表二, 预算02表, none), fund-source column sets, 人员经费/公用经费 under
     基本支出, 序号 column, code joined or split into 类/款/项, an empty column after the
     label, bare 预算/决算 amount headers, 栏次 line, empty tables printed with a note.
  3. Drawing.  A small flow layout: per table a drawing style (full grid, horizontals only,
     outer box only, none), header alignment, fonts (embedded WenQuanYi or the standard
     non-embedded STSong-Light CID font), font size, narrow columns that wrap labels and
     numbers, how the title relates to the table (above it, left alone at the bottom of the
     previous page, in the running page header, absent), where pages break (fresh page,
     flowing on, a forced break inside the table) and what is repeated on a continuation
     page (the whole header, its last line only, nothing).  Amount formats: two decimals
     or whole numbers, with or without thousands separators, zeros as 0.00, 0, '-' or
     blank (blank and '-' are null facts).
  4. Truth.  Per table: schema, title as printed, pages it was drawn on, the axes drawn
     (for the scorer's breakdown) and its facts.  Row keys follow spec/output.md: code
     digits where the row has one, else the label after NFKC with spaces and ordinal
     prefixes removed; side for two-sided tables; group for the basic-detail blocks.  A
     table printed empty (no figure, maybe a blank 合计 row) with a note saying so has no
     facts: it is claimed with no rows (README, warning table_empty).
"""

import json
import os
import random
import re
import sys
import unicodedata

try:
    import reportlab  # noqa: F401
except ImportError:  # a Python outside the system one: use Debian's python3-reportlab
    sys.path.append("/usr/lib/python3/dist-packages")
from reportlab import rl_config  # noqa: E402

rl_config.invariant = 1
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT_FILES = ["/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"]


def register_fonts():
    fonts = []
    for path in FONT_FILES:
        if os.path.exists(path):
            pdfmetrics.registerFont(TTFont("WQY", path, subfontIndex=0))
            fonts.append("WQY")
            break
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    fonts.append("STSong-Light")
    return fonts


# ---------------------------------------------------------------- catalogues

FUNC = [
    ("201", "一般公共服务支出", [
        ("20101", "人大事务", [("2010101", "行政运行"), ("2010104", "人大会议")]),
        ("20103", "政府办公厅（室）及相关机构事务", [("2010301", "行政运行"), ("2010302", "一般行政管理事务"), ("2010350", "事业运行")]),
        ("20129", "群众团体事务", [("2012901", "行政运行"), ("2012999", "其他群众团体事务支出")]),
    ]),
    ("204", "公共安全支出", [
        ("20402", "公安", [("2040201", "行政运行"), ("2040220", "执法办案")]),
    ]),
    ("205", "教育支出", [
        ("20502", "普通教育", [("2050201", "学前教育"), ("2050202", "小学教育"), ("2050203", "初中教育")]),
        ("20508", "进修及培训", [("2050803", "培训支出")]),
    ]),
    ("206", "科学技术支出", [
        ("20601", "科学技术管理事务", [("2060101", "行政运行"), ("2060199", "其他科学技术管理事务支出")]),
    ]),
    ("207", "文化旅游体育与传媒支出", [
        ("20701", "文化和旅游", [("2070101", "行政运行"), ("2070109", "群众文化")]),
    ]),
    ("208", "社会保障和就业支出", [
        ("20805", "行政事业单位养老支出", [("2080501", "行政单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"), ("2080506", "机关事业单位职业年金缴费支出")]),
        ("20808", "抚恤", [("2080801", "死亡抚恤")]),
    ]),
    ("210", "卫生健康支出", [
        ("21011", "行政事业单位医疗", [("2101101", "行政单位医疗"), ("2101102", "事业单位医疗"), ("2101103", "公务员医疗补助")]),
    ]),
    ("211", "节能环保支出", [
        ("21103", "污染防治", [("2110301", "大气"), ("2110302", "水体")]),
    ]),
    ("213", "农林水支出", [
        ("21301", "农业农村", [("2130101", "行政运行"), ("2130104", "事业运行"), ("2130153", "农田建设")]),
    ]),
    ("221", "住房保障支出", [
        ("22102", "住房改革支出", [("2210201", "住房公积金"), ("2210203", "购房补贴")]),
    ]),
    ("224", "灾害防治及应急管理支出", [
        ("22401", "应急管理事务", [("2240101", "行政运行"), ("2240106", "安全监管")]),
    ]),
]

# Function classes printed with zero on the two-sided summaries when the department has none.
OTHER_CLASSES = [("202", "外交支出"), ("203", "国防支出"), ("212", "城乡社区支出"),
                 ("214", "交通运输支出"), ("215", "资源勘探工业信息等支出"),
                 ("220", "自然资源海洋气象等支出"), ("229", "其他支出")]

# Leaves funded by the government fund budget only.
FUND = [
    ("212", "城乡社区支出", [
        ("21208", "国有土地使用权出让收入安排的支出", [("2120801", "征地和拆迁补偿支出"), ("2120803", "城市建设支出")]),
    ]),
    ("229", "其他支出", [
        ("22960", "彩票公益金安排的支出", [("2296002", "用于社会福利的彩票公益金支出"), ("2296003", "用于体育事业的彩票公益金支出")]),
    ]),
]

ECON_PERSONNEL = [
    ("301", "工资福利支出", [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
                          ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"),
                          ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"),
                          ("30113", "住房公积金"), ("30199", "其他工资福利支出")]),
    ("303", "对个人和家庭的补助", [("30301", "离休费"), ("30302", "退休费"), ("30305", "生活补助"),
                              ("30309", "奖励金")]),
]
ECON_PUBLIC = [
    ("302", "商品和服务支出", [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"),
                           ("30206", "电费"), ("30207", "邮电费"), ("30211", "差旅费"),
                           ("30213", "维修（护）费"), ("30215", "会议费"), ("30216", "培训费"),
                           ("30217", "公务接待费"), ("30228", "工会经费"), ("30229", "福利费"),
                           ("30231", "公务用车运行维护费"), ("30239", "其他交通费用"),
                           ("30299", "其他商品和服务支出")]),
    ("310", "资本性支出", [("31002", "办公设备购置"), ("31003", "专用设备购置"),
                        ("31007", "信息网络及软件购置更新")]),
]

DEPTS = ["长沙市行政审批服务局", "湘潭市应急管理局", "株洲市农业农村局", "岳阳市生态环境局",
         "常德市文化旅游广电体育局", "衡阳市卫生健康委员会", "益阳市科学技术局",
         "郴州市住房和城乡建设局", "邵阳市教育局", "永州市民政局"]
UNITS_BELOW = ["机关服务中心", "信息中心", "执法支队", "培训中心", "档案馆"]

CN_NUM = "一二三四五六七八九十"


def norm_label(s):
    """A printed label as spec/output.md keys rows: NFKC, no spaces, no ordinal prefix."""
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"\s+", "", s)
    s = re.sub(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、]|\(\d+\))", "", s)
    return s


# ---------------------------------------------------------------- data

def split_cents(rng, total, n, zero_p=0.0):
    """total cents split into n non-negative parts (some zero with probability zero_p)."""
    if n <= 0:
        return []
    w = [0 if rng.random() < zero_p else rng.random() + 0.05 for _ in range(n)]
    if sum(w) == 0:
        w[0] = 1
    s = sum(w)
    parts = [int(total * x / s) for x in w]
    parts[max(range(n), key=lambda i: w[i])] += total - sum(parts)
    return parts


class Data:
    """The department's amounts, in cents; `whole` makes every amount whole yuan/万元."""

    def __init__(self, rng, kind, whole):
        self.rng = rng
        self.kind = kind
        q = 100 if whole else 1
        self.q = q

        def amt(lo, hi):
            return rng.randint(lo, hi) // q * q

        self.has_fund = rng.random() < 0.45
        classes = rng.sample(FUNC, rng.randint(3, 6))
        classes.sort(key=lambda c: c[0])
        tree = []
        for code, name, kuans in classes:
            ks = sorted(rng.sample(kuans, rng.randint(1, len(kuans))), key=lambda k: k[0])
            tree.append((code, name, [(kc, kn, sorted(rng.sample(xs, rng.randint(1, len(xs)))))
                                      for kc, kn, xs in ks], False))
        if self.has_fund:
            fc = rng.choice(FUND)
            tree.append((fc[0], fc[1], [(kc, kn, xs) for kc, kn, xs in fc[2]], True))
            tree.sort(key=lambda c: c[0])
        self.leaves = []  # dict per 项
        for code, name, kuans, fund in tree:
            for kc, kn, xs in kuans:
                for xc, xn in xs:
                    L = {"code": xc, "name": xn, "kuan": kc, "cls": code}
                    if fund:
                        src = {"fund": amt(50000, 9000000)}
                    else:
                        src = {"general": amt(100000, 30000000)}
                        for k, p in (("business", 0.25), ("other", 0.3), ("superior", 0.1),
                                     ("operating", 0.08), ("affiliated", 0.05), ("special", 0.15)):
                            if rng.random() < p:
                                src[k] = amt(10000, 3000000)
                    for k in ("general", "fund", "capital", "business", "other", "superior",
                              "operating", "affiliated", "special"):
                        src.setdefault(k, 0)
                    L["src"] = src
                    L["basic_general"] = 0 if fund or rng.random() < 0.35 else \
                        rng.randint(0, src["general"]) // q * q
                    nonfiscal = src["business"] + src["other"] + src["superior"] + \
                        src["operating"] + src["affiliated"] + src["special"]
                    L["basic_other"] = rng.randint(0, nonfiscal) // q * q if nonfiscal else 0
                    self.leaves.append(L)
        self.tree = [(c, n, [(kc, kn, [x for x in xs]) for kc, kn, xs in ks], f)
                     for c, n, ks, f in tree]
        self.names = {}
        for c, n, ks, f in tree:
            self.names[c] = n
            for kc, kn, xs in ks:
                self.names[kc] = kn
                for xc, xn in xs:
                    self.names[xc] = xn
        # Economic split of the general budget's basic expenditure.
        gb = sum(L["basic_general"] for L in self.leaves)
        pers = gb * rng.randint(60, 85) // 100 // q * q
        self.econ = {"personnel": self._econ(ECON_PERSONNEL, pers),
                     "public": self._econ(ECON_PUBLIC, gb - pers)}
        self.opening = amt(0, 500000) if rng.random() < 0.5 else 0
        self.three = {}
        for which in ("budget", "final"):
            ov = amt(0, 200000) if rng.random() < 0.4 else 0
            vp = amt(0, 3000000) if rng.random() < 0.2 else 0
            vo = amt(10000, 800000)
            rc = amt(5000, 400000)
            self.three[which] = {"overseas": ov, "vehicle_purchase": vp, "vehicle_operation": vo,
                                 "reception": rc}

    def _econ(self, cat, total):
        rng = self.rng
        heads = [h for h in cat if rng.random() < 0.85] or [cat[0]]
        out = []
        parts = split_cents(rng, total // self.q, len(heads))
        for (hc, hn, items), part in zip(heads, parts):
            its = sorted(rng.sample(items, rng.randint(2, len(items))))
            vals = [v * self.q for v in split_cents(rng, part, len(its), 0.2)]
            out.append((hc, hn, list(zip([i[0] for i in its], [i[1] for i in its], vals))))
        return out

    def rows(self, leafval, keep=lambda L: True):
        """[(code, name, level, values)] of the function tree, values summed upwards;
        `leafval` maps a leaf to {column: cents}; leaves `keep` rejects are left out, and
        so are parents left without leaves."""
        out = []
        for c, n, ks, f in self.tree:
            crow = []
            for kc, kn, xs in ks:
                xrows = []
                for xc, xn in xs:
                    L = next(L for L in self.leaves if L["code"] == xc)
                    if keep(L):
                        xrows.append((xc, xn, 3, leafval(L)))
                if xrows:
                    crow.append(((kc, kn, 2, sumvals(r[3] for r in xrows)), xrows))
            if crow:
                out.append((c, n, 1, sumvals(k[0][3] for k in crow)))
                for k, xrows in crow:
                    out.append(k)
                    out.extend(xrows)
        return out


def sumvals(dicts):
    out = {}
    for d in dicts:
        for k, v in d.items():
            out[k] = out.get(k, 0) + v
    return out


def leaf_income(L):
    s = L["src"]
    return s["general"] + s["fund"] + s["capital"] + s["business"] + s["other"] + \
        s["superior"] + s["operating"] + s["affiliated"] + s["special"]


# ---------------------------------------------------------------- tables

class Col:
    def __init__(self, kind, key, path, side=None, group=None):
        self.kind = kind      # code, label, num, line, seq, blank
        self.key = key        # canonical column key, or None
        self.path = tuple(path)
        self.side = side
        self.group = group


class Table:
    def __init__(self, schema, title):
        self.schema = schema
        self.title = title
        self.cols = []
        self.rows = []        # dict: cells, merges [(col, span)], total
        self.facts = []
        self.note = None
        self.axes = {}
        self.number = None


class Fmt:
    """How one table prints amounts."""

    def __init__(self, rng, whole):
        self.dec = 0 if whole else 2
        self.sep = rng.random() < 0.6
        self.zero = rng.choices(["0.00", "0", "-", ""], [5, 1, 2, 2])[0]
        if whole and self.zero == "0.00":
            self.zero = "0"

    def text(self, cents):
        if cents == 0:
            return self.zero
        neg = cents < 0
        cents = abs(cents)
        whole, frac = divmod(cents, 100)
        s = "{:,}".format(whole) if self.sep else str(whole)
        if self.dec:
            s += ".%02d" % frac
        return "-" + s if neg else s

    def value(self, cents):
        """The fact the printed text gives: a canonical decimal string, or None."""
        if cents == 0 and self.zero in ("-", ""):
            return None
        neg = cents < 0
        cents = abs(cents)
        whole, frac = divmod(cents, 100)
        s = str(whole)
        if frac:
            s += (".%02d" % frac).rstrip("0")
        return "-" + s if neg and s != "0" else s


def title_of(rng, d, titles, year, dept):
    t = rng.choice(titles)
    p = rng.random()
    if p < 0.35:
        return t
    if p < 0.6:
        return "%d年%s" % (year, t)
    if p < 0.7:
        return "%d年度%s" % (year, t)
    if p < 0.85:
        return "%s%d年%s" % (dept, year, t)
    return "%s%d年%s" % (dept, year, t) if t.startswith("部门") else "%s%s" % (dept, t)


class Builder:
    def __init__(self, rng, data, kind, year, dept, whole):
        self.rng = rng
        self.d = data
        self.kind = kind
        self.year = year
        self.dept = dept
        self.whole = whole

    # -- shared pieces
    def code_cols(self, t, head="科目编码"):
        rng = self.rng
        style = rng.choices(["joined", "split", "split_own"], [6, 2, 1])[0]
        t.axes["code"] = style
        if style == "joined":
            return style, [Col("code", None, (head,) if rng.random() < 0.5 else ("项目", head))]
        top = rng.choice([head, "功能分类科目编码", "科目编码"])
        return style, [Col("code", None, (top, "类")), Col("code", None, (top, "款")),
                       Col("code", None, (top, "项"))]

    def code_cells(self, style, code):
        if style == "joined":
            return [code]
        parts = [code[:3], code[3:5], code[5:7]]
        if style == "split":
            return [p for p in parts]
        lvl = {3: 0, 5: 1, 7: 2}[len(code)]
        return ["" if i != lvl else parts[i] for i in range(3)]

    def coded_table(self, schema, titles, colspec, rows, label_head="科目名称"):
        """A code-keyed table: colspec [(key, path)], rows [(code, name, level, values)]."""
        rng = self.rng
        t = Table(schema, title_of(rng, self.d, titles, self.year, self.dept))
        fmt = Fmt(rng, self.whole)
        t.fmt = fmt
        seq = rng.random() < 0.15
        t.axes["seq"] = "yes" if seq else "no"
        if seq:
            t.cols.append(Col("seq", None, ("序号",)))
        style, ccols = self.code_cols(t)
        lab = Col("label", None, (ccols[0].path[0], label_head) if len(ccols[0].path) == 2 and
                  ccols[0].path[0] == "项目" else (label_head,))
        t.cols += ccols + [lab]
        spacer = rng.random() < 0.12
        t.axes["spacer"] = "yes" if spacer else "no"
        if spacer:
            t.cols.append(Col("blank", None, lab.path))
        for key, path in colspec:
            t.cols.append(Col("num", key, path))
        t.axes["depth"] = str(max(len(c.path) for c in t.cols))
        total_first = rng.random() < 0.75
        tot = sumvals(r[3] for r in rows if r[2] == 1)
        body = []
        label_total = rng.choice(["合计", "合计", "总计"]) if rows else "合计"
        total_row = (None, label_total, 0, {k: tot.get(k, 0) for k, _ in colspec})
        allrows = ([total_row] + rows) if total_first else (rows + [total_row])
        empty = not rows
        t.axes["empty"] = "no"
        if empty:
            mode = rng.choice(["total_row", "note_row", "header_only"])
            t.axes["empty"] = mode
            if mode != "total_row":
                allrows = []
            if mode == "note_row":
                cells = [""] * len(t.cols)
                cells[0] = rng.choice(["本表无数据", "（本表无数据）", "无"])
                body.append({"cells": cells, "merges": [(0, len(t.cols))], "total": False})
            t.note = rng.choice([
                "注：本单位无%s，故本表为空表。" % ("政府性基金预算财政拨款收支" if "fund" in schema
                                            else "国有资本经营预算财政拨款收支"),
                "说明：本表无数据。", None if mode != "header_only" else "本表无数据。"])
        n = 0
        for code, name, level, vals in allrows:
            cells = []
            for c in t.cols:
                if c.kind == "seq":
                    n += 1
                    cells.append(str(n))
                elif c.kind == "code":
                    cells.append(None)
                elif c.kind == "label":
                    cells.append(name)
                elif c.kind == "blank":
                    cells.append("")
                else:
                    cells.append(fmt.text(vals.get(c.key, 0)))
            ci = [i for i, c in enumerate(t.cols) if c.kind == "code"]
            merges = []
            if code:
                for i, s in zip(ci, self.code_cells(style, code)):
                    cells[i] = s
            else:
                # 合计: label across the code and name cells, or in the name cell
                li = [i for i, c in enumerate(t.cols) if c.kind == "label"][0]
                if rng.random() < 0.6:
                    cells[ci[0]] = name
                    cells[li] = ""
                    for i in ci[1:]:
                        cells[i] = ""
                    merges.append((ci[0], li - ci[0] + 1))
                else:
                    for i in ci:
                        cells[i] = ""
            body.append({"cells": cells, "merges": merges, "total": not code,
                         "level": level, "code": code})
            rk = code if code else norm_label(name)
            for c in t.cols:
                if c.kind == "num" and c.key:
                    t.facts.append({"row": rk, "side": None, "group": None, "column": c.key,
                                    "value": fmt.value(vals.get(c.key, 0)),
                                    "coded": bool(code)})
        if empty and t.note and all(f["value"] is None for f in t.facts):
            # Printed empty with a note saying so: claimed with no rows (README, table_empty).
            t.facts = []
        t.rows = body
        return t

    def two_sided(self, schema, titles, inc, exp, inc_cols, exp_cols, line=True, heads=None):
        """inc/exp: [(label, {key: cents})] printed from the top, then totals blocks
        inc_tot/exp_tot aligned at the bottom; *_cols [(key, header path)]."""
        rng = self.rng
        t = Table(schema, title_of(rng, self.d, titles, self.year, self.dept))
        fmt = Fmt(rng, self.whole)
        t.fmt = fmt
        line = line and rng.random() < 0.5
        t.axes["line"] = "yes" if line else "no"
        (inc_items, inc_tot), (exp_items, exp_tot) = inc, exp
        top = rng.random() < 0.7
        ih, eh = heads or ("收入", "支出")
        t.axes["depth"] = "2" if top else "1"
        for side, h, cols in (("income", ih, inc_cols), ("expenditure", eh, exp_cols)):
            lab = rng.choice(["项目", "项    目"]) if top else h + "项目"
            t.cols.append(Col("label", None, (h, lab) if top else (lab,), side=side))
            if line:
                t.cols.append(Col("line", "line", (h, "行次") if top else ("行次",), side=side))
            for key, path in cols:
                t.cols.append(Col("num", key, ((h,) + tuple(path)) if top else tuple(path),
                                  side=side))
        nitems = max(len(inc_items), len(exp_items))
        inc_rows = inc_items + [None] * (nitems - len(inc_items)) + inc_tot + \
            [None] * max(0, len(exp_tot) - len(inc_tot))
        exp_rows = exp_items + [None] * (nitems - len(exp_items)) + exp_tot + \
            [None] * max(0, len(inc_tot) - len(exp_tot))
        lineno = {"income": 0, "expenditure": 0}
        lines = {}
        k = 0
        for side, rows in (("income", inc_rows), ("expenditure", exp_rows)):
            for r in rows:
                if r:
                    k += 1
                    lines[(side, id(r))] = k
        for ir, er in zip(inc_rows, exp_rows):
            cells = []
            for side, r in (("income", ir), ("expenditure", er)):
                for c in t.cols:
                    if c.side != side:
                        continue
                    if r is None:
                        cells.append("")
                    elif c.kind == "label":
                        cells.append(r[0])
                    elif c.kind == "line":
                        cells.append(str(lines[(side, id(r))]))
                    else:
                        cells.append(fmt.text(r[1].get(c.key, 0)) if c.key in r[1] else "")
                if r is not None:
                    rk = norm_label(r[0])
                    for c in t.cols:
                        if c.side != side or c.kind not in ("num", "line"):
                            continue
                        if c.kind == "line":
                            v = str(lines[(side, id(r))])
                        elif c.key in r[1]:
                            v = fmt.value(r[1][c.key])
                        else:
                            v = None
                        t.facts.append({"row": rk, "side": side, "group": None,
                                        "column": c.key, "value": v, "coded": False})
            t.rows.append({"cells": cells, "merges": [], "total": False})
        del lineno
        t.axes["seq"] = "no"
        t.axes["code"] = "none"
        t.axes["spacer"] = "no"
        t.axes["empty"] = "no"
        return t


def number_of(rng, kind, n, style):
    if style == "none":
        return None
    if style == "gk":
        return ("公开%02d表" if kind == "final" else "预算%02d表") % n
    if style == "biao":
        return "表" + (CN_NUM[n - 1] if n <= 10 else str(n))
    return "附表%d" % n


def class_exp_rows(d, val):
    """Function classes of the department plus some absent ones with zero, by code."""
    have = {c: n for c, n, ks, f in d.tree}
    rows = [(c, n, val(c)) for c, n in have.items()]
    for c, n in OTHER_CLASSES:
        if c not in have and d.rng.random() < 0.3:
            rows.append((c, n, None))
    rows.sort()
    return rows


def build_final(rng, d, year, dept, whole):
    b = Builder(rng, d, "final", year, dept, whole)
    L = d.leaves
    tabs = []
    S = lambda k: sum(x["src"][k] for x in L)  # noqa: E731
    inc_total = sum(leaf_income(x) for x in L)

    def cls_total(c, f=leaf_income):
        return sum(f(x) for x in L if x["cls"] == c)

    # 1 收入支出决算总表
    amt_head = rng.choice(["金额", "决算数", "决算数", "决算"])
    inc_items = [(lab, {"amount": v}) for lab, v in [
        ("一、一般公共预算财政拨款收入", S("general")), ("二、政府性基金预算财政拨款收入", S("fund")),
        ("三、国有资本经营预算财政拨款收入", 0), ("四、上级补助收入", S("superior")),
        ("五、事业收入", S("business") + S("special")), ("六、经营收入", S("operating")),
        ("七、附属单位上缴收入", S("affiliated")), ("八、其他收入", S("other"))]]
    exp_items = [(n, {"amount": cls_total(c) if v is not None else 0})
                 for c, n, v in class_exp_rows(d, lambda c: 1)]
    inc_tot = [("本年收入合计", {"amount": inc_total}),
               ("使用非财政拨款结余（含专用结余）", {"amount": 0}),
               ("年初结转和结余", {"amount": d.opening}),
               ("总计", {"amount": inc_total + d.opening})]
    exp_tot = [("本年支出合计", {"amount": inc_total}), ("结余分配", {"amount": 0}),
               ("年末结转和结余", {"amount": d.opening}),
               ("总计", {"amount": inc_total + d.opening})]
    tabs.append(b.two_sided("final.summary", ["收入支出决算总表", "部门收入支出决算总表"],
                            (inc_items, inc_tot), (exp_items, exp_tot),
                            [("amount", (amt_head,))], [("amount", (amt_head,))]))
    # 2 收入决算表
    cols = [("total", ("本年收入合计",) if rng.random() < 0.6 else ("合计",)),
            ("fiscal", ("财政拨款收入",)), ("superior", ("上级补助收入",)),
            ("business", ("事业收入",)), ("operating", ("经营收入",)),
            ("affiliated", ("附属单位上缴收入",)), ("other", ("其他收入",))]

    def inc_vals(x):
        s = x["src"]
        v = {"fiscal": s["general"] + s["fund"] + s["capital"], "superior": s["superior"],
             "business": s["business"] + s["special"], "operating": s["operating"],
             "affiliated": s["affiliated"], "other": s["other"]}
        v["total"] = sum(v.values())
        return v
    tabs.append(b.coded_table("final.income", ["收入决算表", "部门收入决算表"], cols, d.rows(inc_vals)))
    # 3 支出决算表
    cols = [("total", ("本年支出合计",) if rng.random() < 0.6 else ("合计",)),
            ("basic", ("基本支出",)), ("project", ("项目支出",)), ("remit", ("上缴上级支出",)),
            ("operating", ("经营支出",)), ("subsidy", ("对附属单位补助支出",))]

    def exp_vals(x):
        t = leaf_income(x)
        bas = x["basic_general"] + x["basic_other"]
        return {"total": t, "basic": bas, "project": t - bas, "remit": 0, "operating": 0,
                "subsidy": 0}
    tabs.append(b.coded_table("final.expenditure", ["支出决算表", "部门支出决算表"], cols, d.rows(exp_vals)))
    # 4 财政拨款收入支出决算总表
    G, F = S("general"), S("fund")
    inc_items = [(lab, {"amount": v}) for lab, v in [
        ("一、一般公共预算财政拨款", G), ("二、政府性基金预算财政拨款", F),
        ("三、国有资本经营预算财政拨款", 0)]]

    def fcls(c):
        g = cls_total(c, lambda x: x["src"]["general"])
        f = cls_total(c, lambda x: x["src"]["fund"])
        return {"total": g + f, "general": g, "fund": f, "capital": 0}
    exp_items = [(n, fcls(c) if v is not None else {"total": 0, "general": 0, "fund": 0, "capital": 0})
                 for c, n, v in class_exp_rows(d, lambda c: 1)]
    allf = {"total": G + F, "general": G, "fund": F, "capital": 0}
    zero4 = {"total": 0, "general": 0, "fund": 0, "capital": 0}
    inc_tot = [("本年收入合计", {"amount": G + F}), ("年初财政拨款结转和结余", {"amount": 0}),
               ("总计", {"amount": G + F})]
    exp_tot = [("本年支出合计", allf), ("年末财政拨款结转和结余", zero4), ("总计", allf)]
    sub = rng.choice(["合计", "小计"])
    long_ = rng.random() < 0.6
    tabs.append(b.two_sided("final.fiscal_summary", ["财政拨款收入支出决算总表"],
                            (inc_items, inc_tot), (exp_items, exp_tot),
                            [("amount", ("金额",) if rng.random() < 0.5 else ("决算数",))],
                            [("total", ("决算数", sub)),
                             ("general", ("决算数", "一般公共预算财政拨款" if long_ else "一般公共预算")),
                             ("fund", ("决算数", "政府性基金预算财政拨款" if long_ else "政府性基金预算")),
                             ("capital", ("决算数", "国有资本经营预算财政拨款" if long_ else "国有资本经营预算"))]))
    # 5 一般公共预算财政拨款支出决算表
    two = rng.random() < 0.6
    cols = [("total", ("本年支出", "小计") if two else ("合计",)),
            ("basic", ("本年支出", "基本支出") if two else ("基本支出",)),
            ("project", ("本年支出", "项目支出") if two else ("项目支出",))]

    def gen_vals(x):
        g = x["src"]["general"]
        return {"total": g, "basic": x["basic_general"], "project": g - x["basic_general"]}
    tabs.append(b.coded_table("final.general_expenditure", ["一般公共预算财政拨款支出决算表"], cols,
                              d.rows(gen_vals, lambda x: x["src"]["general"] > 0)))
    # 6 基本支出决算表 (blocks)
    tabs.append(final_basic_detail(b))
    # 7 政府性基金
    cols = [("opening", ("年初结转和结余",)), ("income", ("本年收入",)),
            ("total", ("本年支出", "小计")), ("basic", ("本年支出", "基本支出")),
            ("project", ("本年支出", "项目支出")), ("closing", ("年末结转和结余",))]

    def fund_vals(x):
        f = x["src"]["fund"]
        return {"opening": 0, "income": f, "total": f, "basic": 0, "project": f, "closing": 0}
    tabs.append(b.coded_table("final.fund", ["政府性基金预算财政拨款收入支出决算表"], cols,
                              d.rows(fund_vals, lambda x: x["src"]["fund"] > 0)))
    # 8 国有资本经营 (always empty here)
    cols = [("total", ("本年支出", "合计")), ("basic", ("本年支出", "基本支出")),
            ("project", ("本年支出", "项目支出"))]
    tabs.append(b.coded_table("final.capital", ["国有资本经营预算财政拨款支出决算表"], cols, []))
    # 9 三公
    tabs.append(three_public(b, "final.three_public",
                             ["财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"]))
    return tabs


def final_basic_detail(b):
    rng, d = b.rng, b.d
    t = Table("final.basic_detail", title_of(rng, d, ["一般公共预算财政拨款基本支出决算表",
                                                     "一般公共预算财政拨款基本支出决算明细表"],
                                            b.year, b.dept))
    fmt = Fmt(rng, b.whole)
    t.fmt = fmt
    chead = rng.choice(["科目编码", "科目代码"])
    ahead = rng.choice(["决算数", "金额"])
    for g, h in (("personnel", "人员经费"), ("public", "公用经费"), ("public", "公用经费")):
        for kind, key, name in (("code", None, chead), ("label", None, "科目名称"),
                                ("num", "amount", ahead)):
            t.cols.append(Col(kind, key, (h, name), group=g))

    def flat(heads):
        out = []
        for hc, hn, items in heads:
            out.append((hc, hn, sum(v for _, _, v in items)))
            out.extend(items)
        return out
    pers = flat(d.econ["personnel"])
    pub = flat(d.econ["public"])
    half = (len(pub) + 1) // 2
    blocks = [pers, pub[:half], pub[half:]]
    n = max(len(x) for x in blocks)
    for i in range(n):
        cells = []
        for bi, blk in enumerate(blocks):
            if i < len(blk):
                code, name, v = blk[i]
                cells += [code, name, fmt.text(v)]
                t.facts.append({"row": code, "side": None, "group": "personnel" if bi == 0 else "public",
                                "column": "amount", "value": fmt.value(v), "coded": True})
            else:
                cells += ["", "", ""]
        t.rows.append({"cells": cells, "merges": [], "total": False})
    ptot = sum(v for _, _, items in d.econ["personnel"] for _, _, v in items)
    qtot = sum(v for _, _, items in d.econ["public"] for _, _, v in items)
    t.rows.append({"cells": ["人员经费合计", "", fmt.text(ptot), "公用经费合计", "", "", "", "",
                             fmt.text(qtot)], "merges": [(0, 2), (3, 5)], "total": True})
    t.facts.append({"row": "人员经费合计", "side": None, "group": "personnel", "column": "amount",
                    "value": fmt.value(ptot), "coded": False})
    t.facts.append({"row": "公用经费合计", "side": None, "group": "public", "column": "amount",
                    "value": fmt.value(qtot), "coded": False})
    t.axes.update({"depth": "2", "seq": "no", "code": "joined", "spacer": "no", "empty": "no"})
    return t


def three_public(b, schema, titles):
    rng, d = b.rng, b.d
    t = Table(schema, title_of(rng, d, titles, b.year, b.dept))
    fmt = Fmt(rng, b.whole)
    t.fmt = fmt
    veh = rng.choice(["公务用车购置及运行（维护）费", "公务用车购置及运行维护费", "公务用车购置及运行费"])
    op = rng.choice(["公务用车运行（维护）费", "公务用车运行维护费"])
    sub = [("total", ("合计",)), ("overseas", ("因公出国（境）费",)),
           ("vehicle", (veh, "小计")), ("vehicle_purchase", (veh, "公务用车购置费")),
           ("vehicle_operation", (veh, op)), ("reception", ("公务接待费",))]

    def vals(x):
        v = dict(x)
        v["vehicle"] = x["vehicle_purchase"] + x["vehicle_operation"]
        v["total"] = v["vehicle"] + x["overseas"] + x["reception"]
        return v
    if schema.startswith("final"):
        rows = [("预算数", vals(d.three["budget"])), ("决算数", vals(d.three["final"]))]
        blocks = rng.random() < 0.4
        if rng.random() < 0.3:
            rows[0] = ("全年预算数", rows[0][1])
        if blocks:
            for lab, _ in rows:
                for key, path in sub:
                    t.cols.append(Col("num", key, (lab,) + path, group=lab))
            cells = []
            for lab, v in rows:
                for key, _ in sub:
                    cells.append(fmt.text(v[key]))
                    t.facts.append({"row": "预算数" if "预算" in lab else "决算数", "side": None,
                                    "group": None, "column": key, "value": fmt.value(v[key]),
                                    "coded": False})
            t.rows.append({"cells": cells, "merges": [], "total": False})
            t.axes.update({"depth": "3", "layout": "blocks"})
        else:
            t.cols.append(Col("label", None, ("项目",)))
            for key, path in sub:
                t.cols.append(Col("num", key, path))
            for lab, v in rows:
                t.rows.append({"cells": [lab] + [fmt.text(v[k]) for k, _ in sub], "merges": [],
                               "total": False})
                for k, _ in sub:
                    t.facts.append({"row": "预算数" if "预算" in lab else "决算数", "side": None,
                                    "group": None, "column": k, "value": fmt.value(v[k]),
                                    "coded": False})
            t.axes.update({"depth": "2"})
    else:
        extra = rng.random() < 0.3
        if extra:
            sub = sub + [("operating_costs", ("机关运行经费",)), ("meeting", ("会议费",)),
                         ("training", ("培训费",))]
        units = [b.dept] + ["%s%s" % (b.dept[:3], u) for u in rng.sample(UNITS_BELOW, rng.randint(0, 2))]
        parts = []
        for u in units:
            x = {k: v // len(units) // d.q * d.q for k, v in d.three["budget"].items()}
            parts.append((u, x))
        if extra:
            for u, x in parts:
                x.update({"operating_costs": rng.randint(100000, 5000000) // d.q * d.q,
                          "meeting": rng.randint(0, 200000) // d.q * d.q,
                          "training": rng.randint(0, 300000) // d.q * d.q})
        rows = [(u, vals(x)) for u, x in parts]
        tot = sumvals(v for _, v in rows)
        rows = [("合计", tot)] + (rows if len(rows) > 1 else [])
        t.cols.append(Col("label", None, (rng.choice(["单位名称", "项目", "单位"]),)))
        for key, path in sub:
            t.cols.append(Col("num", key, path))
        for lab, v in rows:
            t.rows.append({"cells": [lab] + [fmt.text(v[k]) for k, _ in sub], "merges": [],
                           "total": lab == "合计"})
            for k, _ in sub:
                t.facts.append({"row": norm_label(lab), "side": None, "group": None, "column": k,
                                "value": fmt.value(v[k]), "coded": False})
        t.axes.update({"depth": "2"})
    t.axes.update({"seq": "no", "code": "none", "spacer": "no", "empty": "no"})
    return t


def build_budget(rng, d, year, dept, whole):
    b = Builder(rng, d, "budget", year, dept, whole)
    L = d.leaves
    tabs = []
    S = lambda k: sum(x["src"][k] for x in L)  # noqa: E731
    carry = 0
    inc_total = sum(leaf_income(x) for x in L)

    def cls_total(c, f=leaf_income):
        return sum(f(x) for x in L if x["cls"] == c)
    # 1 收支总表
    amt_head = rng.choice(["本年预算", "预算数", "金额", "预算"])
    inc_items = [(lab, {"amount": v}) for lab, v in [
        ("一、一般公共预算拨款收入", S("general")), ("二、政府性基金预算拨款收入", S("fund")),
        ("三、国有资本经营预算拨款收入", 0), ("四、财政专户管理资金收入", S("special")),
        ("五、事业收入", S("business")), ("六、事业单位经营收入", S("operating")),
        ("七、上级补助收入", S("superior")), ("八、附属单位上缴收入", S("affiliated")),
        ("九、其他收入", S("other"))]]
    exp_items = [(n, {"amount": cls_total(c) if v is not None else 0})
                 for c, n, v in class_exp_rows(d, lambda c: 1)]
    # carryover: spent this year, so expenditure = income + carry
    exp_items = [(n, dict(v)) for n, v in exp_items]
    if carry:
        exp_items[0][1]["amount"] += carry
    inc_tot = [("本年收入合计", {"amount": inc_total}), ("上年结转", {"amount": carry}),
               ("收入总计", {"amount": inc_total + carry})]
    exp_tot = [("本年支出合计", {"amount": inc_total + carry}), ("结转下年", {"amount": 0}),
               ("支出总计", {"amount": inc_total + carry})]
    tabs.append(b.two_sided("budget.summary", ["收支总表", "部门收支总表", "收支预算总表",
                                               "财务收支预算总表", "部门收支总体情况表"],
                            (inc_items, inc_tot), (exp_items, exp_tot),
                            [("amount", (amt_head,))], [("amount", (amt_head,))], line=False))
    # 2 收入总表
    variant = rng.choice(["A", "B"])
    tabs_inc_axes = {"fund_sources": variant}

    def inc_vals(x, variant=variant):
        s = x["src"]
        if variant == "A":
            v = {"fiscal": s["general"] + s["fund"], "special_account": s["special"],
                 "business": s["business"], "operating": s["operating"],
                 "superior": s["superior"], "affiliated": s["affiliated"],
                 "other": s["other"], "carryover": 0}
        else:
            v = {"fiscal": s["general"], "fund": s["fund"], "capital": 0,
                 "special_account": s["special"], "business": s["business"],
                 "operating": s["operating"], "other": s["other"] + s["superior"] + s["affiliated"],
                 "carryover": 0}
        v["total"] = sum(v.values())
        return v
    if variant == "A":
        cols = [("total", ("合计",)), ("fiscal", ("财政拨款",)),
                ("special_account", ("财政专户管理资金",)), ("business", ("事业收入",)),
                ("operating", ("事业单位经营收入",)), ("superior", ("上级补助收入",)),
                ("affiliated", ("附属单位上缴收入",)), ("other", ("其他收入",)),
                ("carryover", ("上年结转",))]
    else:
        cols = [("total", ("合计",)), ("fiscal", ("一般公共预算拨款",)),
                ("fund", ("政府性基金预算拨款",)), ("capital", ("国有资本经营预算拨款",)),
                ("special_account", ("财政专户管理资金",)),
                ("business", ("单位资金", "事业收入")), ("operating", ("单位资金", "事业单位经营收入")),
                ("other", ("单位资金", "其他收入")), ("carryover", ("上年结转",))]
    t = b.coded_table("budget.income", ["收入总表", "部门收入总表", "收入预算总表", "部门收入总体情况表"],
                      cols, d.rows(inc_vals))
    t.axes.update(tabs_inc_axes)
    tabs.append(t)
    # 3 支出总表
    split = rng.random() < 0.4

    def exp_vals(x):
        tt = leaf_income(x)
        bas = x["basic_general"] + x["basic_other"]
        p = bas * 7 // 10 // d.q * d.q
        return {"total": tt, "basic": bas, "project": tt - bas, "personnel": p, "public": bas - p}
    if split:
        cols = [("total", ("合计",)), ("basic", ("基本支出", "小计")), ("personnel", ("基本支出", "人员经费")),
                ("public", ("基本支出", "公用经费")), ("project", ("项目支出",))]
    else:
        cols = [("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))]
    rows = d.rows(exp_vals)
    t = b.coded_table("budget.expenditure", ["支出总表", "部门支出总表", "支出预算总表", "本年支出总体情况表"],
                      cols, rows)
    t.axes["personnel_split"] = "yes" if split else "no"
    tabs.append(t)
    # 4 财政拨款收支总表
    G, F = S("general"), S("fund")
    inc_items = [(lab, {"amount": v}) for lab, v in [
        ("一、一般公共预算拨款", G), ("二、政府性基金预算拨款", F), ("三、国有资本经营预算拨款", 0)]]

    def fcls(c):
        g = cls_total(c, lambda x: x["src"]["general"])
        f = cls_total(c, lambda x: x["src"]["fund"])
        return {"total": g + f, "general": g, "fund": f, "capital": 0}
    exp_items = [(n, fcls(c) if v is not None else {"total": 0, "general": 0, "fund": 0, "capital": 0})
                 for c, n, v in class_exp_rows(d, lambda c: 1)]
    allf = {"total": G + F, "general": G, "fund": F, "capital": 0}
    inc_tot = [("本年收入合计", {"amount": G + F}), ("上年结转", {"amount": 0}),
               ("收入总计", {"amount": G + F})]
    exp_tot = [("本年支出合计", allf), ("结转下年", {"total": 0, "general": 0, "fund": 0, "capital": 0}),
               ("支出总计", allf)]
    amt = rng.choice(["本年预算", "预算数", "金额"])
    tabs.append(b.two_sided("budget.fiscal_summary", ["财政拨款收支总表", "财政拨款收支预算总表",
                                                      "财政拨款收支总体情况表"],
                            (inc_items, inc_tot), (exp_items, exp_tot),
                            [("amount", (amt,))],
                            [("total", ("小计",) if rng.random() < 0.5 else ("合计",)),
                             ("general", ("一般公共预算",)), ("fund", ("政府性基金预算",)),
                             ("capital", ("国有资本经营预算",))], line=False))
    # 5 一般公共预算支出表
    two = rng.random() < 0.5
    cols = [("total", ("合计",) if not two else ("本年支出", "小计")),
            ("basic", ("基本支出",) if not two else ("本年支出", "基本支出")),
            ("project", ("项目支出",) if not two else ("本年支出", "项目支出"))]

    def gen_vals(x):
        g = x["src"]["general"]
        return {"total": g, "basic": x["basic_general"], "project": g - x["basic_general"]}
    tabs.append(b.coded_table("budget.general_expenditure",
                              ["一般公共预算支出表", "一般公共预算支出情况表", "一般公共预算支出功能分类预算表"],
                              cols, d.rows(gen_vals, lambda x: x["src"]["general"] > 0)))
    # 6 一般公共预算基本支出表 (economic codes)
    erows = []
    for g, heads in (("personnel", d.econ["personnel"]), ("public", d.econ["public"])):
        for hc, hn, items in heads:
            s = sum(v for _, _, v in items)
            erows.append((hc, hn, 1, {"total": s, g: s}))
            for ic, iname, v in items:
                erows.append((ic, iname, 2, {"total": v, g: v}))
    erows.sort(key=lambda r: (r[0][:3], r[0]))
    cols = [("total", ("合计",)), ("personnel", ("人员经费",)), ("public", ("公用经费",))]
    t = b.coded_table("budget.basic_detail", ["一般公共预算基本支出表", "一般公共预算基本支出情况表",
                                              "部门预算基本支出预算表"], cols, erows,
                      label_head=rng.choice(["科目名称", "经济分类科目名称"]))
    tabs.append(t)
    # 7 政府性基金预算支出表
    cols = [("total", ("合计",)), ("basic", ("基本支出",)), ("project", ("项目支出",))]

    def fund_vals(x):
        f = x["src"]["fund"]
        return {"total": f, "basic": 0, "project": f}
    tabs.append(b.coded_table("budget.fund", ["政府性基金预算支出表", "政府性基金预算支出情况表"], cols,
                              d.rows(fund_vals, lambda x: x["src"]["fund"] > 0)))
    # 8 国有资本经营预算支出表 (empty)
    if rng.random() < 0.5:
        tabs.append(b.coded_table("budget.capital", ["国有资本经营预算支出表", "国有资本经营预算支出情况表"],
                                  cols, []))
    # 9 三公
    tabs.append(three_public(b, "budget.three_public",
                             ["财政拨款“三公”经费支出表", "一般公共预算“三公”经费支出情况表",
                              "“三公”经费支出预算表"]))
    return tabs


# ---------------------------------------------------------------- drawing

def wrap(text, font, size, width):
    """Greedy character wrap of text into lines no wider than width."""
    if text is None or text == "":
        return [""]
    lines, cur = [], ""
    for ch in text:
        if cur and pdfmetrics.stringWidth(cur + ch, font, size) > width:
            lines.append(cur)
            cur = ch
        else:
            cur += ch
    lines.append(cur)
    return lines


class Page:
    pass


class Doc:
    def __init__(self, path, rng, fonts, kind, year, dept):
        self.rng = rng
        self.c = canvas.Canvas(path, invariant=1)
        self.c.setTitle("%d年%s部门%s" % (year, dept, "决算" if kind == "final" else "预算"))
        self.fonts = fonts
        self.kind = kind
        self.year = year
        self.dept = dept
        self.page = 0
        self.running = rng.random() < 0.4
        self.header_text = None
        self.size = None
        self.started = False

    def new_page(self, size=None):
        if self.started:
            self.footer()
            self.c.showPage()
        self.started = True
        self.page += 1
        if size:
            self.size = size
        self.c.setPageSize(self.size)
        self.w, self.h = self.size
        self.m = 42
        self.y = self.m + 10
        self.bottom = self.h - self.m - 10
        if self.running or self.header_text:
            self.c.setFont(self.fonts[0], 8)
            txt = self.header_text or "%d年%s部门%s" % (self.year, self.dept,
                                                        "决算" if self.kind == "final" else "预算")
            self.c.drawCentredString(self.w / 2, self.h - 28, txt)
            self.y = self.m + 14

    def footer(self):
        self.c.setFont(self.fonts[0], 8)
        self.c.drawCentredString(self.w / 2, 22, "- %d -" % self.page)

    def text(self, x, y, s, font, size, align="left"):
        self.c.setFont(font, size)
        yy = self.h - y
        if align == "left":
            self.c.drawString(x, yy, s)
        elif align == "right":
            self.c.drawRightString(x, yy, s)
        else:
            self.c.drawCentredString(x, yy, s)

    def line(self, x0, y0, x1, y1, w=0.6):
        self.c.setLineWidth(w)
        self.c.line(x0, self.h - y0, x1, self.h - y1)

    def close(self):
        self.footer()
        self.c.showPage()
        self.c.save()


def draw_table(doc, t, rng, font, fs, style, halign, title_mode, repeat, number, narrow,
               break_mode):
    """Lays out and draws one table, flowing over pages; returns the pages it is on."""
    c = doc.c
    lead = fs * 1.25
    pad = 2.5
    usable = doc.size[0] - 2 * doc.m   # the width of the page the table will start on
    n = len(t.cols)
    # column widths
    nat = []
    for i, col in enumerate(t.cols):
        texts = [r["cells"][i] for r in t.rows if r["cells"][i] and
                 not any(s[0] == i and s[1] > 1 for s in r["merges"])]
        wmax = max([pdfmetrics.stringWidth(s, font, fs) for s in texts] + [fs * 2])
        if col.kind == "label":
            nat.append(min(wmax, fs * 14) + 2 * pad)
        elif col.kind == "blank":
            nat.append(fs * 1.5)
        elif col.kind in ("code", "seq", "line"):   # never wrapped
            nat.append(max(wmax, fs * 2) + 2 * pad + 2)
        else:
            hw = max(pdfmetrics.stringWidth(p, font, fs) for p in col.path[-1:]) / 2
            nat.append(max(wmax, min(hw, fs * 5)) + 2 * pad + (fs * 0.8 if not narrow else 0))
            if narrow:   # the longest figures wrap, "0.00" does not
                nat[-1] = max(pdfmetrics.stringWidth("000.00", font, fs),
                              wmax * rng.uniform(0.7, 0.95)) + 2 * pad
    tot = sum(nat)
    if tot > usable:   # labels give way first, then every column alike
        for i, col in enumerate(t.cols):
            if col.kind == "label" and tot > usable:
                cut = min(nat[i] - fs * 6, tot - usable)
                if cut > 0:
                    nat[i] -= cut
                    tot -= cut
        if tot > usable:   # codes, 序号 and 行次 keep their width
            fixed = sum(x for x, col in zip(nat, t.cols) if col.kind in ("code", "seq", "line"))
            k = (usable - fixed) / (tot - fixed)
            nat = [x if col.kind in ("code", "seq", "line") else x * k
                   for x, col in zip(nat, t.cols)]
    elif not narrow and rng.random() < 0.6:
        extra = (usable - tot)
        nums = [i for i, col in enumerate(t.cols) if col.kind in ("num", "label")]
        for i in nums:
            nat[i] += extra / len(nums)
    widths = nat
    x0 = doc.m + (usable - sum(widths)) / 2
    xs = [x0]
    for wd in widths:
        xs.append(xs[-1] + wd)
    depth = max(len(col.path) for col in t.cols)

    # header cells (level, col, colspan, rowspan, text)
    hcells = []
    for lvl in range(depth):
        i = 0
        while i < n:
            p = t.cols[i].path
            if len(p) <= lvl:
                i += 1
                continue
            leaf = len(p) - 1 == lvl
            e = i + 1
            while e < n and len(t.cols[e].path) > lvl and t.cols[e].path[:lvl + 1] == p[:lvl + 1] \
                    and (len(t.cols[e].path) - 1 == lvl) == leaf:
                e += 1
            hcells.append((lvl, i, e - i, depth - lvl if leaf else 1, p[lvl]))
            i = e
    hh = [lead + 2 * pad] * depth
    for lvl, i, span, rs, txt in hcells:
        need = len(wrap(txt, font, fs, xs[i + span] - xs[i] - 2 * pad)) * lead + 2 * pad
        have = sum(hh[lvl:lvl + rs])
        if need > have:
            hh[lvl + rs - 1] += need - have

    def draw_header(y, partial):
        if partial:   # the last header line only; an empty column joins the one before
            hcs = []
            for i, col in enumerate(t.cols):
                if col.kind == "blank" and hcs:
                    lvl, j, span, rs, txt = hcs[-1]
                    hcs[-1] = (lvl, j, span + 1, rs, txt)
                else:
                    hcs.append((0, i, 1, 1, col.path[-1]))
            hts = [max(len(wrap(col.path[-1], font, fs, widths[i] - 2 * pad)) for i, col in
                       enumerate(t.cols)) * lead + 2 * pad]
        else:
            hcs, hts = hcells, hh
        tops = [y]
        for hgt in hts:
            tops.append(tops[-1] + hgt)
        for lvl, i, span, rs, txt in hcs:
            x_a, x_b = xs[i], xs[i + span]
            y_a, y_b = tops[lvl], tops[lvl + rs]
            lines = wrap(txt, font, fs, x_b - x_a - 2 * pad)
            ty = (y_a + y_b) / 2 - len(lines) * lead / 2 + fs * 0.95
            for ln in lines:
                if halign == "center":
                    doc.text((x_a + x_b) / 2, ty, ln, font, fs, "center")
                elif halign == "left":
                    doc.text(x_a + pad, ty, ln, font, fs, "left")
                else:
                    doc.text(x_b - pad, ty, ln, font, fs, "right")
                ty += lead
            if style == "grid":
                c.setLineWidth(0.6)
                c.rect(x_a, doc.h - y_b, x_b - x_a, y_b - y_a)
            elif style == "horiz":
                doc.line(x_a, y_b, x_b, y_b, 0.5)
        if style in ("horiz",):
            doc.line(xs[0], y, xs[-1], y, 0.9)
        return tops[-1]

    # body row heights
    def row_lines(r):
        out = []
        merged = {}
        for s, span in r["merges"]:
            merged[s] = span
        i = 0
        while i < n:
            span = merged.get(i, 1)
            wd = xs[i + span] - xs[i] - 2 * pad
            if t.cols[i].kind == "label" and r.get("level"):
                wd -= (r["level"] - 1) * fs * indent
            out.append((i, span, wrap(r["cells"][i], font, fs, max(wd, fs))))
            i += span
        return out
    indent = rng.choice([0, 0, 1])
    num_align = rng.choice(["right"] * 5 + ["center"])
    pages = []

    def title_block(where_y, with_table_follow=True):
        y = where_y
        if number and rng.random() < 0.5 and t.number_pos == "above":
            doc.text(doc.w - doc.m if t.number_right else doc.m, y + 9, number, font, 9,
                     "right" if t.number_right else "left")
            y += 14
        ttl = t.title if not (number and t.number_pos == "inline") else number + " " + t.title
        tsize = t.tsize
        doc.text(doc.w / 2, y + tsize, ttl, font, tsize, "center")
        y += tsize + 10
        if t.number_pos == "below" and number:
            doc.text(doc.w / 2, y + 9, number, font, 9, "center")
            y += 14
        ent = rng.random() < 0.5
        unit = t.unit_text
        if ent:
            doc.text(doc.m, y + 9, "编制单位：" + doc.dept, font, 9, "left")
        doc.text(doc.w - doc.m, y + 9, unit, font, 9, "right")
        return y + 16

    def title_height():
        return t.tsize + 10 + 16 + 14 + 14

    header_h = sum(hh)
    rows = [(r, row_lines(r)) for r in t.rows]
    heights = [max(len(ls) for _, _, ls in rl) * lead + 2 * pad for _, rl in rows]
    first_h = heights[0] if heights else 0

    # placement of the title
    if title_mode == "pageheader":
        doc.header_text = "%s  %s" % (number or "", t.title) if number else t.title
        doc.new_page()
        y = doc.y
    else:
        need = (title_height() if title_mode == "above" else 0) + header_h + first_h
        if title_mode == "orphan":   # the title at the foot of the page the last table left
            need = title_height()
        if (break_mode == "fresh" and title_mode != "orphan") or doc.y + need > doc.bottom:
            doc.header_text = None
            doc.new_page()
        y = doc.y
        if title_mode == "orphan":
            if doc.y + title_height() < doc.bottom - 40:
                y = doc.bottom - title_height()
            y = title_block(y)
            pages.append(doc.page)
            doc.new_page()
            y = doc.y
        elif title_mode == "above":
            y = title_block(y)
        else:
            y += 6
    pages.append(doc.page)
    top = y
    y = draw_header(y, False)
    forced = None
    if break_mode == "forced" and len(rows) > 3:
        forced = rng.randint(1, len(rows) - 1)
    seg_top = top

    def close_segment(y_end):
        if style == "box" or style == "grid":
            c.setLineWidth(0.9)
            c.rect(xs[0], doc.h - y_end, xs[-1] - xs[0], y_end - seg_top)
        if style == "horiz":
            doc.line(xs[0], y_end, xs[-1], y_end, 0.9)

    for k, ((r, rl), rh) in enumerate(zip(rows, heights)):
        if y + rh > doc.bottom or k == forced:
            close_segment(y)
            doc.new_page()
            pages.append(doc.page)
            y = doc.y
            seg_top = y
            if repeat == "full":
                y = draw_header(y, False)
            elif repeat == "partial":
                y = draw_header(y, True)
        for i, span, lines in rl:
            col = t.cols[i]
            x_a, x_b = xs[i], xs[i + span]
            ty = y + rh / 2 - len(lines) * lead / 2 + fs * 0.95
            for ln in lines:
                if col.kind == "num" or col.kind == "line":
                    if num_align == "right":
                        doc.text(x_b - pad, ty, ln, font, fs, "right")
                    else:
                        doc.text((x_a + x_b) / 2, ty, ln, font, fs, "center")
                elif col.kind == "label" and span == 1:
                    off = (r.get("level", 1) or 1) - 1
                    doc.text(x_a + pad + off * fs * indent, ty, ln, font, fs, "left")
                elif col.kind in ("seq",) or span > 1 and r.get("total"):
                    doc.text((x_a + x_b) / 2, ty, ln, font, fs, "center")
                else:
                    doc.text(x_a + pad, ty, ln, font, fs, "left")
                ty += lead
            if style == "grid":
                c.setLineWidth(0.6)
                c.rect(x_a, doc.h - (y + rh), x_b - x_a, rh)
        y += rh
        if style == "horiz":
            doc.line(xs[0], y, xs[-1], y, 0.4)
    close_segment(y)
    if t.note:
        doc.text(doc.m, y + 14, t.note, font, 9, "left")
        y += 20
    doc.y = y + 24
    doc.header_text = None
    return sorted(set(pages))


def generate(outdir, seed, fonts):
    rng = random.Random(seed)
    kind = "final" if seed % 2 else "budget"
    year = rng.randint(2019, 2024)
    dept = rng.choice(DEPTS)
    whole = rng.random() < 0.2
    d = Data(rng, kind, whole)
    tabs = (build_final if kind == "final" else build_budget)(rng, d, year, dept, whole)
    name = "ind-%04d" % seed
    pdf = os.path.join(outdir, name + ".pdf")
    doc = Doc(pdf, rng, fonts, kind, year, dept)
    orient = "landscape" if rng.random() < 0.35 else "portrait"
    font = rng.choice(fonts)
    doc_title = "%d年%s部门%s" % (year, dept, "决算" if kind == "final" else "预算")
    doc.new_page(landscape(A4) if orient == "landscape" else A4)
    doc.text(doc.w / 2, 200, doc_title, font, 22, "center")
    doc.text(doc.w / 2, 240, dept, font, 14, "center")
    doc.new_page()
    doc.text(doc.m, doc.y + 14, "第%s部分 %s%d年度部门%s表" % ("二" if kind == "final" else "三", dept, year,
                                                     "决算" if kind == "final" else "预算"),
             font, 14, "left")
    doc.y += 30
    numstyle = rng.choice(["gk", "gk", "biao", "none", "fu"])
    truth = {"format": "disclex-independent-truth/1", "seed": seed,
             "kind": "final_accounts" if kind == "final" else "budget", "year": year,
             "department": dept, "unit": None, "tables": []}
    unit = "元" if whole and rng.random() < 0.7 else "万元"
    truth["unit"] = unit
    for n, t in enumerate(tabs, 1):
        if rng.random() < 0.25:
            font = rng.choice(fonts)
        fs = rng.choice([7, 7.5, 8, 8.5, 9, 10])
        style = rng.choices(["grid", "horiz", "box", "none"], [5, 2, 2, 2])[0]
        halign = rng.choice(["center", "center", "left", "right"])
        title_mode = rng.choices(["above", "orphan", "pageheader", "none"], [10, 2, 1, 1])[0]
        repeat = rng.choices(["full", "partial", "absent"], [3, 1, 2])[0]
        break_mode = rng.choices(["fresh", "flow", "forced"], [4, 3, 2])[0]
        narrow = rng.random() < 0.2
        number = number_of(rng, kind, n, numstyle)
        t.number_pos = rng.choice(["above", "above", "inline", "below"])
        t.number_right = rng.random() < 0.6
        t.tsize = rng.choice([13, 14, 15, 16, 18])
        t.unit_text = rng.choice(["单位：", "金额单位：", "单位:"]) + unit
        if rng.random() < 0.15:
            o = "landscape" if doc.w < doc.h else "portrait"
            doc.size = landscape(A4) if o == "landscape" else A4
            doc.y = doc.bottom + 1  # the next table starts a page in the new orientation
        pages = draw_table(doc, t, rng, font, fs, style, halign, title_mode, repeat, number,
                           narrow, break_mode)
        ax = dict(t.axes)
        ax.update({"draw": style, "header_align": halign, "title": title_mode,
                   "break": break_mode, "repeat": repeat if len(pages) > 1 and
                   not (title_mode == "orphan" and len(pages) == 2) else "n/a",
                   "pages": "multi" if len(pages) - (title_mode == "orphan") > 1 else "single",
                   "narrow": "yes" if narrow else "no", "font": font,
                   "font_size": str(fs), "orient": "landscape" if doc.w > doc.h else "portrait",
                   "zeros": t.fmt.zero or "blank", "amounts": "whole" if t.fmt.dec == 0 else "2dp",
                   "thousands": "yes" if t.fmt.sep else "no",
                   "number": numstyle if number else "none"})
        truth["tables"].append({
            "schema": t.schema, "title": t.title, "number": number, "pages": pages, "axes": ax,
            "facts": [{"schema": t.schema, **f} for f in t.facts]})
    doc.close()
    with open(os.path.join(outdir, name + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: gen_independent.py OUTDIR SEED|FIRST-LAST...\n")
        return 2
    outdir = argv[1]
    os.makedirs(outdir, exist_ok=True)
    seeds = []
    for a in argv[2:]:
        m = re.match(r"^(\d+)-(\d+)$", a)
        if m:
            seeds += list(range(int(m.group(1)), int(m.group(2)) + 1))
        elif a.isdigit():
            seeds.append(int(a))
        else:
            sys.stderr.write("gen_independent: bad seed %r\n" % a)
            return 2
    fonts = register_fonts()
    for s in seeds:
        generate(outdir, s, fonts)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
