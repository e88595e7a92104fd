#!/usr/bin/env python3
"""Generate the synthetic test corpus: 决算 and 预算 disclosures as PDF, with ground truth.

How it works
  1. For each document a seeded random generator (seed 20240601 + document index) draws a
     department, its classification-coded expenditure items and economic items, and the
     funding split.  All amounts are integers in hundredths of the printed unit, so every
     parent row is the exact sum of its children and every total the exact sum of its lines.
  2. From that data it builds the document as a list of blocks: cover, contents, headings,
     paragraphs and tables.  A table is a grid of header rows and body rows whose cells may
     span rows and columns.  A per-document style decides the layout: ruling (full grid,
     horizontal rules only, top/mid/bottom rules, none), codes joined or split into 类/款/项
     columns, thousands commas, blank or 0.00 for zero, fonts and sizes, portrait or
     landscape pages, header rows repeated on continuation pages or not.
  3. The blocks are written as flat ODF text (.fodt) and printed to PDF with
     `soffice --headless --convert-to pdf`.
  4. The ground truth (NAME.expected.json) is written from the generator's own grid: one
     array per printed row, merged slots null, blank "".  The only thing read back from the
     PDF is the page each table sits on: `pdftotext -layout` is run and the pages are found
     by the table's title line (searched in document order) and its last row.

Usage: scripts/gen_corpus.py [--out corpus/generated] [--only NAME] [--keep-fodt]
Needs LibreOffice (soffice), pdftotext, and the fonts Noto Serif/Sans CJK SC,
WenQuanYi Zen Hei, AR PL UMing CN.  Standard library only.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

SEED = 20240601

# --------------------------------------------------------------------------------------
# Classification catalogues (功能分类 and 经济分类), after the national subject lists.

FUNC_CLASSES = {
    "201": "一般公共服务支出", "204": "公共安全支出", "205": "教育支出", "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出", "210": "卫生健康支出",
    "211": "节能环保支出", "212": "城乡社区支出", "213": "农林水支出", "214": "交通运输支出",
    "220": "自然资源海洋气象等支出", "221": "住房保障支出", "223": "国有资本经营预算支出",
    "224": "灾害防治及应急管理支出", "229": "其他支出",
}

FUNC_KUAN = {
    "20101": "人大事务", "20103": "政府办公厅（室）及相关机构事务", "20104": "发展与改革事务",
    "20105": "统计信息事务", "20106": "财政事务", "20108": "审计事务", "20111": "纪检监察事务",
    "20113": "商贸事务", "20131": "党委办公厅（室）及相关机构事务", "20132": "组织事务",
    "20133": "宣传事务", "20138": "市场监督管理事务", "20402": "公安", "20406": "司法",
    "20501": "教育管理事务", "20508": "进修及培训", "20601": "科学技术管理事务",
    "20604": "技术研究与开发", "20701": "文化和旅游", "20702": "文物",
    "20801": "人力资源和社会保障管理事务", "20802": "民政管理事务",
    "20805": "行政事业单位养老支出", "20808": "抚恤", "20810": "社会福利", "20825": "其他生活救助",
    "21001": "卫生健康管理事务", "21004": "公共卫生", "21011": "行政事业单位医疗",
    "21101": "环境保护管理事务", "21103": "污染防治", "21201": "城乡社区管理事务",
    "21208": "国有土地使用权出让收入安排的支出", "21301": "农业农村", "21303": "水利",
    "21401": "公路水路运输", "22001": "自然资源事务", "22102": "住房改革支出",
    "22301": "解决历史遗留问题及改革成本支出", "22401": "应急管理事务",
    "22960": "彩票公益金安排的支出",
}

# code, name, kind: admin (basic, takes the remainder), project, pension/annuity/medical/
# housing/retire (basic, tied to economic items), fund (政府性基金), capital (国有资本经营)
FUNC_ITEMS = [
    ("2010101", "行政运行", "admin"), ("2010102", "一般行政管理事务", "project"),
    ("2010104", "人大会议", "project"), ("2010108", "代表工作", "project"),
    ("2010301", "行政运行", "admin"), ("2010302", "一般行政管理事务", "project"),
    ("2010303", "机关服务", "project"), ("2010350", "事业运行", "admin"),
    ("2010399", "其他政府办公厅（室）及相关机构事务支出", "project"),
    ("2010401", "行政运行", "admin"), ("2010404", "战略规划与实施", "project"),
    ("2010408", "物价管理", "project"), ("2010450", "事业运行", "admin"),
    ("2010501", "行政运行", "admin"), ("2010505", "专项统计业务", "project"),
    ("2010507", "专项普查活动", "project"), ("2010508", "统计抽样调查", "project"),
    ("2010601", "行政运行", "admin"), ("2010602", "一般行政管理事务", "project"),
    ("2010604", "预算改革业务", "project"), ("2010607", "信息化建设", "project"),
    ("2010650", "事业运行", "admin"), ("2010699", "其他财政事务支出", "project"),
    ("2010801", "行政运行", "admin"), ("2010804", "审计业务", "project"),
    ("2010850", "事业运行", "admin"), ("2011101", "行政运行", "admin"),
    ("2011104", "大案要案查处", "project"), ("2011301", "行政运行", "admin"),
    ("2011308", "招商引资", "project"), ("2013101", "行政运行", "admin"),
    ("2013105", "专项业务", "project"), ("2013150", "事业运行", "admin"),
    ("2013202", "一般行政管理事务", "project"), ("2013302", "一般行政管理事务", "project"),
    ("2013801", "行政运行", "admin"), ("2013804", "市场主体管理", "project"),
    ("2013812", "药品事务", "project"), ("2013816", "食品安全监管", "project"),
    ("2040201", "行政运行", "admin"), ("2040219", "信息化建设", "project"),
    ("2040220", "执法办案", "project"), ("2040601", "行政运行", "admin"),
    ("2040604", "基层司法业务", "project"), ("2040605", "普法宣传", "project"),
    ("2040607", "公共法律服务", "project"), ("2040610", "社区矫正", "project"),
    ("2040612", "法治建设", "project"), ("2050101", "行政运行", "admin"),
    ("2050803", "培训支出", "project"), ("2060101", "行政运行", "admin"),
    ("2060404", "科技成果转化与扩散", "project"), ("2070101", "行政运行", "admin"),
    ("2070109", "群众文化", "project"), ("2070111", "文化创作与保护", "project"),
    ("2070204", "文物保护", "project"), ("2080101", "行政运行", "admin"),
    ("2080109", "社会保险经办机构", "project"), ("2080201", "行政运行", "admin"),
    ("2080208", "基层政权建设和社区治理", "project"),
    ("2080501", "行政单位离退休", "retire"), ("2080502", "事业单位离退休", "project"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "pension"),
    ("2080506", "机关事业单位职业年金缴费支出", "annuity"),
    ("2080599", "其他行政事业单位养老支出", "project"), ("2080801", "死亡抚恤", "project"),
    ("2081001", "儿童福利", "project"), ("2081002", "老年福利", "project"),
    ("2082501", "其他城市生活救助", "project"), ("2100101", "行政运行", "admin"),
    ("2100409", "重大公共卫生服务", "project"), ("2101101", "行政单位医疗", "medical"),
    ("2101102", "事业单位医疗", "project"), ("2101199", "其他行政事业单位医疗支出", "project"),
    ("2110101", "行政运行", "admin"), ("2110104", "生态环境保护宣传", "project"),
    ("2110301", "大气", "project"), ("2110302", "水体", "project"),
    ("2120101", "行政运行", "admin"), ("2120104", "城管执法", "project"),
    ("2120801", "征地和拆迁补偿支出", "fund"), ("2120803", "城市建设支出", "fund"),
    ("2130101", "行政运行", "admin"), ("2130108", "病虫害控制", "project"),
    ("2130306", "水利工程运行与维护", "project"), ("2140101", "行政运行", "admin"),
    ("2140106", "公路养护", "project"), ("2200101", "行政运行", "admin"),
    ("2200104", "自然资源规划及管理", "project"),
    ("2200106", "自然资源利用与保护", "project"),
    ("2200109", "自然资源调查与确权登记", "project"), ("2200150", "事业运行", "admin"),
    ("2210201", "住房公积金", "housing"), ("2210202", "提租补贴", "project"),
    ("2210203", "购房补贴", "project"),
    ("2230199", "其他解决历史遗留问题及改革成本支出", "capital"),
    ("2240101", "行政运行", "admin"), ("2240106", "安全监管", "project"),
    ("2240199", "其他应急管理支出", "project"),
    ("2296002", "用于社会福利的彩票公益金支出", "fund"),
]
ITEM_BY_CODE = {c: (n, k) for c, n, k in FUNC_ITEMS}

# department name, its own 款 codes (all their items are taken), extra items
DEPARTMENTS = [
    ("行政审批服务局", ["20103"], ["2082501", "2240199"]),
    ("司法局", ["20406"], ["2080801"]),
    ("财政局", ["20106"], ["2080599"]),
    ("审计局", ["20108"], []),
    ("统计局", ["20105"], []),
    ("发展和改革委员会", ["20104"], ["2011308"]),
    ("市场监督管理局", ["20138"], ["2082501"]),
    ("民政局", ["20802", "20810"], ["2296002", "2082501"]),
    ("卫生健康委员会", ["21001"], ["2100409", "2101102"]),
    ("生态环境局", ["21101", "21103"], []),
    ("城市管理和综合执法局", ["21201"], ["2120801", "2120803"]),
    ("农业农村局", ["21301"], ["2130306"]),
    ("交通运输局", ["21401"], ["2230199"]),
    ("自然资源和规划局", ["22001"], ["2120801"]),
    ("应急管理局", ["22401"], []),
    ("文化旅游广电体育局", ["20701", "20702"], []),
    ("科学技术局", ["20601", "20604"], []),
    ("人力资源和社会保障局", ["20801"], ["2050803"]),
    ("人民代表大会常务委员会办公室", ["20101"], []),
    ("中共委员会办公室", ["20131"], ["2013202", "2013302"]),
]
COMMON_ITEMS = ["2080501", "2080505", "2080506", "2101101", "2210201"]
EXTRA_POOL = ["2013202", "2013302", "2082501", "2240199", "2050803", "2080801",
              "2210202", "2210203", "2101199", "2080599", "2080502"]

CITIES = ["长沙市", "株洲市", "湘潭市", "衡阳市", "岳阳市", "常德市", "益阳市", "郴州市",
          "永州市", "怀化市", "娄底市", "邵阳市"]

ECON_PERSONNEL = [  # 工资福利支出 and 对个人和家庭的补助
    ("301", "工资福利支出", None),
    ("30101", "基本工资", 1.0), ("30102", "津贴补贴", 0.85), ("30103", "奖金", 0.6),
    ("30106", "伙食补助费", 0.0), ("30107", "绩效工资", 0.4),
    ("30108", "机关事业单位基本养老保险缴费", 0.45), ("30109", "职业年金缴费", 0.2),
    ("30110", "职工基本医疗保险缴费", 0.16), ("30111", "公务员医疗补助缴费", 0.12),
    ("30112", "其他社会保障缴费", 0.04), ("30113", "住房公积金", 0.5), ("30114", "医疗费", 0.0),
    ("30199", "其他工资福利支出", 0.9),
    ("303", "对个人和家庭的补助", None),
    ("30301", "离休费", 0.0), ("30302", "退休费", 0.1), ("30303", "退职（役）费", 0.0),
    ("30304", "抚恤金", 0.03), ("30305", "生活补助", 0.08), ("30306", "救济费", 0.0),
    ("30307", "医疗费补助", 0.0), ("30308", "助学金", 0.0), ("30309", "奖励金", 0.01),
    ("30310", "个人农业生产补贴", 0.0), ("30311", "代缴社会保险费", 0.0),
    ("30399", "其他对个人和家庭的补助", 0.07),
]
ECON_PUBLIC1 = [
    ("302", "商品和服务支出", None),
    ("30201", "办公费", 0.06), ("30202", "印刷费", 0.01), ("30203", "咨询费", 0.01),
    ("30204", "手续费", 0.0), ("30205", "水费", 0.01), ("30206", "电费", 0.03),
    ("30207", "邮电费", 0.01), ("30208", "取暖费", 0.0), ("30209", "物业管理费", 0.05),
    ("30211", "差旅费", 0.02), ("30212", "因公出国（境）费用", 0.0), ("30213", "维修（护）费", 0.01),
    ("30214", "租赁费", 0.0), ("30215", "会议费", 0.005), ("30216", "培训费", 0.01),
    ("30217", "公务接待费", 0.005), ("30218", "专用材料费", 0.0), ("30224", "被装购置费", 0.0),
    ("30225", "专用燃料费", 0.0), ("30226", "劳务费", 0.01), ("30227", "委托业务费", 0.02),
    ("30228", "工会经费", 0.03), ("30229", "福利费", 0.02), ("30231", "公务用车运行维护费", 0.01),
    ("30239", "其他交通费用", 0.1), ("30240", "税金及附加费用", 0.0),
    ("30299", "其他商品和服务支出", 0.08),
]
ECON_PUBLIC2 = [
    ("307", "债务利息及费用支出", None), ("30701", "国内债务付息", 0.0), ("30702", "国外债务付息", 0.0),
    ("310", "资本性支出", None), ("31002", "办公设备购置", 0.02), ("31003", "专用设备购置", 0.0),
    ("31006", "大型修缮", 0.0), ("31007", "信息网络及软件购置更新", 0.01),
    ("31013", "公务用车购置", 0.0), ("31022", "无形资产购置", 0.0), ("31099", "其他资本性支出", 0.0),
    ("399", "其他支出", None), ("39907", "国家赔偿费用支出", 0.0),
    ("39908", "对民间非营利组织和群众性自治组织补贴", 0.0), ("39999", "其他支出", 0.0),
]

SUMMARY_EXP_LINES_2024 = [
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
    "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
    "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
    "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "债务还本支出", "债务付息支出",
    "抗疫特别国债安排的支出",
]
CLASS_BY_NAME = {v: k for k, v in FUNC_CLASSES.items()}

CN_NUM = "一二三四五六七八九十"


def cn_ordinal(n):
    """1 -> 一, 12 -> 十二, 26 -> 二十六."""
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    t, u = divmod(n, 10)
    return CN_NUM[t - 1] + "十" + (CN_NUM[u - 1] if u else "")


# --------------------------------------------------------------------------------------
# Data: one department's year, all amounts integer hundredths of the printed unit.

class DeptData:
    pass


def draw_amount(rng, doc, lo, hi):
    """An amount between lo and hi 万元, in hundredths of the document's unit."""
    wan = rng.uniform(lo, hi)
    if doc.unit == "万元":
        return int(round(wan * 100))
    return int(round(wan * 1000000)) + rng.randint(0, 99)


def split_amount(rng, total, n):
    """Split a nonnegative integer into n nonnegative parts that sum to it."""
    if n == 1:
        return [total]
    weights = [rng.uniform(0.3, 1.0) for _ in range(n)]
    s = sum(weights)
    parts = [int(total * w / s) for w in weights]
    parts[0] += total - sum(parts)
    return parts


def make_data(rng, doc):
    d = DeptData()
    dept_name, kuans, extras = doc.profile
    codes = set(c for c, _, _ in FUNC_ITEMS if c[:5] in kuans)
    codes.update(extras)
    codes.update(COMMON_ITEMS)
    if doc.big:
        codes.update(rng.sample(EXTRA_POOL, 7))
        # a few more departments' own items, as in a 汇总 with several units
        for other in rng.sample(DEPARTMENTS, 3):
            codes.update(c for c, _, _ in FUNC_ITEMS if c[:5] in other[1][:1])
    if doc.force_fund:
        codes.add("2296002")
    if doc.force_capital:
        codes.add("2230199")
    d.items = sorted(codes)

    # economic items of the general-budget basic expenditure
    scale = rng.uniform(80, 900) * (2.5 if doc.big else 1.0)  # 基本工资, 万元
    econ = {}
    for group in (ECON_PERSONNEL, ECON_PUBLIC1, ECON_PUBLIC2):
        for code, _, w in group:
            if w is None:
                continue
            if w == 0.0 and rng.random() < 0.9:
                econ[code] = 0
            else:
                w = w if w > 0 else 0.01
                econ[code] = draw_amount(rng, doc, scale * w * 0.7, scale * w * 1.3)
    for group in (ECON_PERSONNEL, ECON_PUBLIC1, ECON_PUBLIC2):
        for code, _, w in group:
            if w is None:
                econ[code] = sum(v for k, v in econ.items() if len(k) == 5 and k[:3] == code)
    d.econ = econ
    d.personnel = econ["301"] + econ["303"]
    d.public = econ["302"] + econ["307"] + econ["310"] + econ["399"]
    d.basic_total = d.personnel + d.public

    # basic expenditure per function item
    basic = {c: 0 for c in d.items}
    tied = {"pension": econ["30108"], "annuity": econ["30109"],
            "medical": econ["30110"] + econ["30111"], "housing": econ["30113"],
            "retire": econ["30301"] + econ["30302"]}
    used = 0
    for c in d.items:
        kind = ITEM_BY_CODE[c][1]
        if kind in tied:
            basic[c] = tied[kind]
            used += tied[kind]
    admins = [c for c in d.items if ITEM_BY_CODE[c][1] == "admin"]
    for c, part in zip(admins, split_amount(rng, d.basic_total - used, len(admins))):
        basic[c] = part
    project = {}
    for c in d.items:
        kind = ITEM_BY_CODE[c][1]
        if kind in ("project", "fund", "capital"):
            project[c] = draw_amount(rng, doc, scale * 0.02, scale * 1.2)
        elif kind == "admin" and rng.random() < 0.3:
            project[c] = draw_amount(rng, doc, scale * 0.01, scale * 0.2)
        else:
            project[c] = 0
    # funding: fund / capital rows; some project money from 事业收入 / 其他收入
    d.fund_items = [c for c in d.items if ITEM_BY_CODE[c][1] == "fund"]
    d.capital_items = [c for c in d.items if ITEM_BY_CODE[c][1] == "capital"]
    business, other = {}, {}
    for c in d.items:
        business[c] = other[c] = 0
        if doc.has_nonfiscal and ITEM_BY_CODE[c][1] == "project" and project[c] > 0:
            r = rng.random()
            if r < 0.3:
                business[c] = project[c] * rng.randint(20, 60) // 100
            elif r < 0.45:
                other[c] = project[c] * rng.randint(10, 40) // 100
    d.basic, d.project, d.business, d.other = basic, project, business, other
    d.total = {c: basic[c] + project[c] for c in d.items}
    d.fiscal = {c: d.total[c] - business[c] - other[c] for c in d.items}
    d.general = {c: (0 if c in d.fund_items or c in d.capital_items else d.fiscal[c])
                 for c in d.items}
    # carryover: extra non-fiscal income not spent
    d.income_extra = {c: (business[c] // 5 if business[c] and rng.random() < 0.5 else 0)
                      for c in d.items}
    d.opening = draw_amount(rng, doc, 1, 60) if doc.has_nonfiscal else 0

    # 三公: budget and actual
    def three(pre):
        ov = 0 if rng.random() < 0.7 else draw_amount(rng, doc, 1, 12)
        vp = 0 if rng.random() < 0.6 else draw_amount(rng, doc, 15, 30)
        vo = draw_amount(rng, doc, 2, 20)
        rc = draw_amount(rng, doc, 0.5, 8)
        return {"overseas": ov, "vehicle_purchase": vp, "vehicle_operation": vo,
                "reception": rc, "vehicle": vp + vo, "total": ov + vp + vo + rc}
    d.three_budget = three("b")
    d.three_final = {k: v for k, v in d.three_budget.items()}
    for k in ("overseas", "vehicle_purchase", "vehicle_operation", "reception"):
        d.three_final[k] = d.three_budget[k] * rng.randint(55, 100) // 100
    f = d.three_final
    f["vehicle"] = f["vehicle_purchase"] + f["vehicle_operation"]
    f["total"] = f["overseas"] + f["vehicle"] + f["reception"]
    d.units = [doc.dept] + ([doc.city + u for u in rng.sample(
        ["政务服务中心", "信息中心", "综合事务中心", "机关服务中心", "公共资源交易中心",
         "法律援助中心", "事业发展中心"], rng.randint(1, 3))] if doc.big or rng.random() < 0.4
        else [])
    return d


def roll_up(d, values):
    """Rows for code-keyed tables: [(code, name, level, {col: amount})] with 类/款 sums.

    values: dict col -> dict code7 -> amount.  Items whose amounts are all zero are
    dropped; 款 and 类 rows are the sums of their children."""
    cols = list(values)
    leaves = [c for c in d.items if any(values[k][c] for k in cols)]
    rows = []
    for cls in sorted(set(c[:3] for c in leaves)):
        in_cls = [c for c in leaves if c[:3] == cls]
        rows.append((cls, FUNC_CLASSES[cls], 1,
                     {k: sum(values[k][c] for c in in_cls) for k in cols}))
        for kuan in sorted(set(c[:5] for c in in_cls)):
            in_k = [c for c in in_cls if c[:5] == kuan]
            rows.append((kuan, FUNC_KUAN[kuan], 2,
                         {k: sum(values[k][c] for c in in_k) for k in cols}))
            for c in in_k:
                rows.append((c, ITEM_BY_CODE[c][0], 3, {k: values[k][c] for k in cols}))
    total = {k: sum(values[k][c] for c in leaves) for k in cols}
    return rows, total


# --------------------------------------------------------------------------------------
# Document model handed to the writer.

class Table:
    def __init__(self, title, number, unit_line, header, body, widths, col_align,
                 landscape=False, note=None, dept_line=None, total_rows=()):
        self.title = title
        self.number = number          # printed form number, or None
        self.unit_line = unit_line    # e.g. "单位：万元"
        self.header = header          # rows of cells (str or (text, colspan, rowspan))
        self.body = body
        self.widths = widths          # relative column widths
        self.col_align = col_align    # per column: L, C or R for body cells
        self.landscape = landscape
        self.note = note
        self.dept_line = dept_line
        self.total_rows = set(total_rows)  # body row indexes printed bold


def cell_parts(c):
    if isinstance(c, tuple):
        return c[0], c[1], (c[2] if len(c) > 2 else 1)
    return c, 1, 1


def layout_grid(rows, ncols):
    """Place cells with spans; returns grid rows of (text, colspan, rowspan) or None
    (covered).  Raises when a row does not fill the width exactly."""
    grid = [[False] * ncols for _ in rows]
    placed = [[None] * ncols for _ in rows]
    for r, row in enumerate(rows):
        col = 0
        for c in row:
            while col < ncols and grid[r][col]:
                col += 1
            text, cs, rs = cell_parts(c)
            if col + cs > ncols or r + rs > len(rows):
                raise ValueError("cell overflows grid at row %d: %r" % (r, row))
            for rr in range(r, r + rs):
                for cc in range(col, col + cs):
                    if grid[rr][cc]:
                        raise ValueError("overlapping span at row %d" % r)
                    grid[rr][cc] = True
            placed[r][col] = (text, cs, rs)
            col += cs
        if not all(grid[r]):
            raise ValueError("row %d does not fill %d columns: %r" % (r, ncols, row))
    return placed


def expected_cells(table):
    n = len(table.widths)
    out = []
    for part in (table.header, table.body):
        for row in layout_grid(part, n):
            out.append([None if c is None else c[0].replace("\n", "") for c in row])
    return out


# --------------------------------------------------------------------------------------
# Document style and builder.

class Doc:
    pass


def fmt(doc, v, zero=None):
    """Format hundredths of the unit as printed; zero follows the document's style."""
    if v == 0:
        return doc.zero if zero is None else zero
    s = "%d.%02d" % divmod(v, 100)
    if doc.commas:
        ip, fp = s.split(".")
        ip = "{:,}".format(int(ip))
        s = ip + "." + fp
    return s


def code_cols(doc, code, name):
    """Code cells for a code-keyed row: joined (one column) or split 类/款/项."""
    if doc.codes == "joined":
        return [code, name]
    lei, kuan, xiang = code[:3], code[3:5], code[5:7]
    if len(code) == 3:
        return [lei, "", "", name]
    if len(code) == 5:
        return [lei if doc.kuan_with_lei else "", kuan, "", name]
    return [lei, kuan, xiang, name]


def code_header(doc, top="项目", code_word="科目代码", name_word="科目名称", rows=2):
    """Header cells over the code/name columns, `rows` header rows high (2 or 3)."""
    if doc.codes == "joined":
        if rows == 1:
            return [[code_word, name_word]]
        r1 = [(top, 2, rows - 1)]
        return [r1] + [[] for _ in range(rows - 2)] + [[code_word, name_word]]
    word = "科目编码" if doc.rng.random() < 0.6 else "功能分类科目编码"
    if rows == 1:
        return [["类", "款", "项", name_word]]
    r1 = [(word, 3, rows - 1), (name_word, 1, rows)]
    return [r1] + [[] for _ in range(rows - 2)] + [["类", "款", "项"]]


def code_widths(doc):
    return [1.0, 3.4] if doc.codes == "joined" else [0.5, 0.5, 0.5, 3.2]


def merge_header(left, right):
    return [a + b for a, b in zip(left, right)]


def total_row(doc, label, ncode):
    """The 合计 row's leading cells."""
    if doc.total_span:
        return [(label, ncode)]
    return [""] * (ncode - 1) + [label]


def stub_row(doc, ncode):
    """栏次 row leading cells."""
    if doc.total_span:
        return [("栏次", ncode)]
    return ["栏次"] + [""] * (ncode - 1)


def unit_line(doc):
    return ("金额单位：" if doc.unit_word_long else "单位：") + doc.unit


def number(doc, n):
    if not doc.numbered:
        return None
    prefix = "公开" if doc.kind == "final_accounts" else "预算"
    if doc.number_spaced:
        return "%s %02d 表" % (prefix, n)
    return "%s%02d表" % (prefix, n)


def code_table(doc, title, num, cols, rows_data, total, landscape=False, note=None,
               group_header=None, first_rows=2):
    """A code-keyed table: cols = [(key, header)], optional group_header spanning
    some value columns: (start_index, count, text)."""
    ncode = 2 if doc.codes == "joined" else 4
    hdr_rows = 2
    head = code_header(doc, rows=hdr_rows)
    vals = []
    for i, (key, text) in enumerate(cols):
        vals.append((i, text))
    # value header cells
    right = [[] for _ in range(hdr_rows)]
    i = 0
    while i < len(cols):
        if group_header and i == group_header[0]:
            right[0].append((group_header[2], group_header[1], 1))
            for j in range(group_header[1]):
                right[1].append(cols[i + j][1])
            i += group_header[1]
        else:
            right[0].append((cols[i][1], 1, hdr_rows))
            i += 1
    header = merge_header(head, right)
    if doc.stub_numbers:
        header.append(stub_row(doc, ncode) + [str(k + 1) for k in range(len(cols))])
    body = []
    bold = []
    bold.append(len(body))
    body.append(total_row(doc, "合计", ncode) + [fmt(doc, total[k]) for k, _ in cols])
    for code, name, level, v in rows_data:
        body.append(code_cols(doc, code, name) + [fmt(doc, v[k]) for k, _ in cols])
    widths = code_widths(doc) + [1.4] * len(cols)
    align = ["L"] * ncode + ["R"] * len(cols)
    return Table(title, num, unit_line(doc), header, body, widths, align,
                 landscape=landscape, note=note, dept_line=doc.dept_line,
                 total_rows=bold)


def empty_code_table(doc, title, num, cols, note, landscape=False, group_header=None):
    """A table with no rows: only the 合计 row (blank or zeros)."""
    total = {k: 0 for k, _ in cols}
    t = code_table(doc, title, num, cols, [], total, landscape=landscape, note=note,
                   group_header=group_header)
    return t


# ---- 决算 tables --------------------------------------------------------------------

def final_tables(doc, d):
    T = []
    yr = doc.year
    line_no = doc.line_numbers
    exp_lines = SUMMARY_EXP_LINES_2024 if yr >= 2020 else SUMMARY_EXP_LINES_2024[:-1]
    cls_total = {}
    for c in d.items:
        cls_total[c[:3]] = cls_total.get(c[:3], 0) + d.total[c]
    income = {c: d.total[c] + d.income_extra[c] for c in d.items}
    inc_total = sum(income.values())
    exp_total = sum(d.total.values())
    general = sum(d.general.values())
    fund = sum(d.fiscal[c] for c in d.fund_items)
    capital = sum(d.fiscal[c] for c in d.capital_items)
    business = sum(d.business[c] + d.income_extra[c] for c in d.items)
    other = sum(d.other.values())
    closing = d.opening + inc_total - exp_total

    # 01 收入支出决算总表
    inc_lines = [("一、一般公共预算财政拨款收入", general), ("二、政府性基金预算财政拨款收入", fund),
                 ("三、国有资本经营预算财政拨款收入", capital), ("四、上级补助收入", 0),
                 ("五、事业收入", business), ("六、经营收入", 0), ("七、附属单位上缴收入", 0),
                 ("八、其他收入", other)]
    n_exp = len(exp_lines)
    if line_no:
        header = [[("收入", 3), ("支出", 3)], ["项目", "行次", "金额", "项目", "行次", "金额"]]
        if doc.stub_numbers:
            header.append(["栏次", "", "1", "栏次", "", "2"])
    else:
        header = [[("收入", 2), ("支出", 2)], ["项目", "金额", "项目", "金额"]]
    body = []
    il = n_exp + 4
    for i in range(n_exp):
        e_label = cn_ordinal(i + 1) + "、" + exp_lines[i]
        e_val = cls_total.get(CLASS_BY_NAME.get(exp_lines[i], "x"), 0)
        if i < len(inc_lines):
            left = [inc_lines[i][0], str(i + 1), fmt(doc, inc_lines[i][1])]
        else:
            left = ["", str(i + 1), ""]
        right = [e_label, str(il + i + 1), fmt(doc, e_val)]
        if not line_no:
            left, right = [left[0], left[2]], [right[0], right[2]]
        body.append(left + right)
    tail = [("本年收入合计", inc_total, "本年支出合计", exp_total),
            ("使用非财政拨款结余（含专用结余）", 0, "结余分配", 0),
            ("年初结转和结余", d.opening, "年末结转和结余", closing),
            ("总计", inc_total + d.opening, "总计", inc_total + d.opening)]
    bold = []
    for j, (a, av, b, bv) in enumerate(tail):
        if a in ("本年收入合计", "总计"):
            bold.append(len(body))
        if line_no:
            body.append([a, str(n_exp + j + 1), fmt(doc, av), b, str(il + n_exp + j + 1),
                         fmt(doc, bv)])
        else:
            body.append([a, fmt(doc, av), b, fmt(doc, bv)])
    widths = [3.6, 0.7, 1.5, 3.6, 0.7, 1.5] if line_no else [3.6, 1.5, 3.6, 1.5]
    align = ["L", "C", "R", "L", "C", "R"] if line_no else ["L", "R", "L", "R"]
    T.append(Table(doc.title_prefix + "收入支出决算总表", number(doc, 1), unit_line(doc), header,
                   body, widths, align, note="注：本表反映部门本年度的总收支和年末结转结余情况。",
                   dept_line=doc.dept_line, total_rows=bold))

    # 02 收入决算表
    cols = [("total", "本年收入合计"), ("fiscal", "财政拨款收入"), ("superior", "上级补助收入"),
            ("business", "事业收入"), ("operating", "经营收入"), ("affiliated", "附属单位上缴收入"),
            ("other", "其他收入")]
    zero = {c: 0 for c in d.items}
    vals = {"total": income, "fiscal": d.fiscal, "superior": zero,
            "business": {c: d.business[c] + d.income_extra[c] for c in d.items},
            "operating": zero, "affiliated": zero, "other": d.other}
    rows, tot = roll_up(d, vals)
    T.append(code_table(doc, doc.title_prefix + "收入决算表", number(doc, 2), cols, rows, tot,
                        landscape=doc.wide_landscape,
                        note="注：本表反映部门本年度取得的各项收入情况。"))
    # 03 支出决算表
    cols = [("total", "本年支出合计"), ("basic", "基本支出"), ("project", "项目支出"),
            ("remit", "上缴上级支出"), ("operating", "经营支出"), ("subsidy", "对附属单位补助支出")]
    vals = {"total": d.total, "basic": d.basic, "project": d.project, "remit": zero,
            "operating": zero, "subsidy": zero}
    rows, tot = roll_up(d, vals)
    T.append(code_table(doc, doc.title_prefix + "支出决算表", number(doc, 3), cols, rows, tot,
                        landscape=doc.wide_landscape,
                        note="注：本表反映部门本年度各项支出情况。"))

    # 04 财政拨款收入支出决算总表
    header = [[("收入", 3), ("支出", 6)],
              ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款",
               "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]]
    if doc.stub_numbers:
        header.append(["栏次", "", "1", "栏次", "", "2", "3", "4", "5"])
    gen_cls, fund_cls, cap_cls = {}, {}, {}
    for c in d.items:
        tgt = fund_cls if c in d.fund_items else cap_cls if c in d.capital_items else gen_cls
        tgt[c[:3]] = tgt.get(c[:3], 0) + d.fiscal[c]
    fi_lines = [("一、一般公共预算财政拨款", general), ("二、政府性基金预算财政拨款", fund),
                ("三、国有资本经营预算财政拨款", capital)]
    body = []
    il = n_exp + 6
    for i in range(n_exp):
        cls = CLASS_BY_NAME.get(exp_lines[i], "x")
        g, f_, k = gen_cls.get(cls, 0), fund_cls.get(cls, 0), cap_cls.get(cls, 0)
        left = [fi_lines[i][0], str(i + 1), fmt(doc, fi_lines[i][1])] if i < 3 else \
            ["", str(i + 1), ""]
        body.append(left + [cn_ordinal(i + 1) + "、" + exp_lines[i], str(il + i + 1),
                            fmt(doc, g + f_ + k), fmt(doc, g), fmt(doc, f_), fmt(doc, k)])
    fiscal_total = general + fund + capital
    z = fmt(doc, 0)
    bold = [len(body)]
    body.append(["本年收入合计", str(n_exp + 1), fmt(doc, fiscal_total), "本年支出合计",
                 str(il + n_exp + 1), fmt(doc, fiscal_total), fmt(doc, general), fmt(doc, fund),
                 fmt(doc, capital)])
    body.append(["年初财政拨款结转和结余", str(n_exp + 2), z, "年末财政拨款结转和结余",
                 str(il + n_exp + 2), z, z, z, z])
    for j, lab in enumerate(["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]):
        body.append([lab, str(n_exp + 3 + j), z, "", str(il + n_exp + 3 + j), "", "", "", ""])
    bold.append(len(body))
    body.append(["总计", str(n_exp + 6), fmt(doc, fiscal_total), "总计", str(il + n_exp + 6),
                 fmt(doc, fiscal_total), fmt(doc, general), fmt(doc, fund), fmt(doc, capital)])
    T.append(Table(doc.title_prefix + "财政拨款收入支出决算总表", number(doc, 4), unit_line(doc),
                   header, body, [3.0, 0.6, 1.3, 3.0, 0.6, 1.3, 1.4, 1.4, 1.4],
                   ["L", "C", "R", "L", "C", "R", "R", "R", "R"], landscape=True,
                   note="注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营"
                        "预算财政拨款的总收支和年末结转结余情况。",
                   dept_line=doc.dept_line, total_rows=bold))

    # 05 一般公共预算财政拨款支出决算表
    gb = {c: (d.basic[c] if d.general[c] else 0) for c in d.items}
    gp = {c: d.general[c] - gb[c] for c in d.items}
    cols = [("total", "小计"), ("basic", "基本支出"), ("project", "项目支出")]
    rows, tot = roll_up(d, {"total": d.general, "basic": gb, "project": gp})
    T.append(code_table(doc, doc.title_prefix + "一般公共预算财政拨款支出决算表", number(doc, 5),
                        cols, rows, tot, group_header=(0, 3, "本年支出"),
                        note="注：本表反映部门本年度一般公共预算财政拨款支出情况。"))

    # 06 一般公共预算财政拨款基本支出决算表: three side-by-side blocks
    e = d.econ
    blk = [ECON_PERSONNEL, ECON_PUBLIC1, ECON_PUBLIC2]
    n = max(len(b) for b in blk)
    header = [[("人员经费", 3), ("公用经费", 6)],
              ["科目代码", "科目名称", "决算数"] * 3]
    body = []
    for i in range(n):
        row = []
        for b in blk:
            if i < len(b):
                code, name, _ = b[i]
                row += [code, name, fmt(doc, e[code])]
            else:
                row += ["", "", ""]
        body.append(row)
    body.append([("人员经费合计", 2), fmt(doc, d.personnel), ("公用经费合计", 5),
                 fmt(doc, d.public)])
    title6 = "一般公共预算财政拨款基本支出决算" + ("明细表" if doc.rng.random() < 0.4 else "表")
    T.append(Table(doc.title_prefix + title6, number(doc, 6), unit_line(doc), header, body,
                   [0.8, 2.6, 1.2, 0.8, 2.2, 1.2, 0.8, 2.6, 1.2], ["L", "L", "R"] * 3,
                   landscape=doc.wide_landscape,
                   note="注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
                   dept_line=doc.dept_line, total_rows=[len(body) - 1]))

    # 07 政府性基金预算财政拨款收入支出决算表
    cols = [("opening", "年初结转和结余"), ("income", "本年收入"), ("total", "小计"),
            ("basic", "基本支出"), ("project", "项目支出"), ("closing", "年末结转和结余")]
    title7 = doc.title_prefix + "政府性基金预算财政拨款收入支出决算表"
    note7 = "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"
    T.append(fund_table(doc, d, title7, number(doc, 7), cols, note7))
    # 08 国有资本经营预算财政拨款支出决算表
    cols = [("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")]
    title8 = doc.title_prefix + "国有资本经营预算财政拨款支出决算表"
    note8 = "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"
    if d.capital_items:
        capv = {c: (d.fiscal[c] if c in d.capital_items else 0) for c in d.items}
        rows, tot = roll_up(d, {"total": capv, "basic": zero, "project": capv})
        T.append(code_table(doc, title8, number(doc, 8), cols, rows, tot,
                            group_header=(0, 3, "本年支出"), note=note8))
    else:
        T.append(empty_code_table(doc, title8, number(doc, 8), cols, note8,
                                  group_header=(0, 3, "本年支出")))
    # 09 三公
    T.append(three_public_final(doc, d))
    return T


def fund_table(doc, d, title, num, cols, note):
    """政府性基金 table: 年初/本年收入/本年支出(小计,基本,项目)/年末."""
    zero = {c: 0 for c in d.items}
    fv = {c: (d.fiscal[c] if c in d.fund_items else 0) for c in d.items}
    vals = {"opening": zero, "income": fv, "total": fv, "basic": zero, "project": fv,
            "closing": zero}
    rows, tot = roll_up(d, vals)
    return code_table(doc, title, num, cols, rows, tot, landscape=doc.wide_landscape,
                      group_header=(2, 3, "本年支出"), note=note)


def three_public_final(doc, d):
    b, f = d.three_budget, d.three_final
    veh = "公务用车购置及运行维护费" if doc.rng.random() < 0.6 else "公务用车购置及运行费"
    half = lambda: ["合计", "因公出国（境）费", veh, "公务接待费"]  # noqa: E731
    r1 = [("预算数", 6), ("决算数", 6)]
    r2 = []
    for _ in range(2):
        r2 += [("合计", 1, 2), ("因公出国\n（境）费", 1, 2), (veh, 3), ("公务接待费", 1, 2)]
    r3 = ["小计", "公务用车\n购置费", "公务用车\n运行维护费"] * 2
    header = [r1, r2, r3]
    if doc.stub_numbers:
        header.append([str(i) for i in range(1, 13)])
    keys = ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]
    body = [[fmt(doc, b[k]) for k in keys] + [fmt(doc, f[k]) for k in keys]]
    del half
    return Table(doc.title_prefix + "财政拨款“三公”经费支出决算表", number(doc, 9), unit_line(doc),
                 header, body, [1.0] * 12, ["R"] * 12, landscape=True,
                 note="注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”"
                      "经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度"
                      "结转资金安排的实际支出。",
                 dept_line=doc.dept_line)


# ---- 预算 tables --------------------------------------------------------------------

def budget_tables(doc, d):
    T = []
    zero = {c: 0 for c in d.items}
    exp_total = sum(d.total.values())
    general = sum(d.general.values())
    fund = sum(d.fiscal[c] for c in d.fund_items)
    capital = sum(d.fiscal[c] for c in d.capital_items)
    business = sum(d.business.values())
    other = sum(d.other.values())
    basic = sum(d.basic.values())
    project = sum(d.project.values())
    tp = doc.title_prefix
    names = doc.budget_titles

    # 01 收支总表: income sources vs expenditure by 类 (or by basic/project)
    inc = [("一、一般公共预算拨款收入", general), ("二、政府性基金预算拨款收入", fund),
           ("三、国有资本经营预算拨款收入", capital), ("四、财政专户管理资金收入", 0),
           ("五、事业收入", business), ("六、事业单位经营收入", 0), ("七、上级补助收入", 0),
           ("八、附属单位上缴收入", 0), ("九、其他收入", other)]
    cls_total = {}
    for c in d.items:
        cls_total[c[:3]] = cls_total.get(c[:3], 0) + d.total[c]
    exp = [(cn_ordinal(i + 1) + "、" + FUNC_CLASSES[c], v)
           for i, (c, v) in enumerate(sorted(cls_total.items()))]
    n = max(len(inc), len(exp))
    header = [[("收入", 2), ("支出", 2)], ["项目", "本年预算", "项目", "本年预算"]]
    body = []
    for i in range(n):
        a = inc[i] if i < len(inc) else ("", None)
        b = exp[i] if i < len(exp) else ("", None)
        body.append([a[0], "" if a[1] is None else fmt(doc, a[1]),
                     b[0], "" if b[1] is None else fmt(doc, b[1])])
    bold = [len(body)]
    body.append(["本年收入合计", fmt(doc, exp_total), "本年支出合计", fmt(doc, exp_total)])
    body.append(["上年结转结余", fmt(doc, 0), "年终结转结余", fmt(doc, 0)])
    bold.append(len(body))
    body.append(["收入总计", fmt(doc, exp_total), "支出总计", fmt(doc, exp_total)])
    T.append(Table(tp + names[0], number(doc, 1), unit_line(doc), header, body,
                   [3.4, 1.5, 3.4, 1.5], ["L", "R", "L", "R"], note="注：本表反映部门本年度的收支总体情况。",
                   dept_line=doc.dept_line, total_rows=bold))

    # 02 收入总表
    cols = [("total", "合计"), ("general", "一般公共预算拨款收入"), ("fund", "政府性基金预算拨款收入"),
            ("capital", "国有资本经营预算拨款收入"), ("special", "财政专户管理资金收入"),
            ("business", "事业收入"), ("operating", "事业单位经营收入"), ("other", "其他收入"),
            ("carry", "上年结转")]
    fv = {c: (d.fiscal[c] if c in d.fund_items else 0) for c in d.items}
    cv = {c: (d.fiscal[c] if c in d.capital_items else 0) for c in d.items}
    vals = {"total": d.total, "general": d.general, "fund": fv, "capital": cv, "special": zero,
            "business": d.business, "operating": zero, "other": d.other, "carry": zero}
    rows, tot = roll_up(d, vals)
    T.append(code_table(doc, tp + names[1], number(doc, 2), cols, rows, tot, landscape=True,
                        group_header=(1, 3, "财政拨款收入"),
                        note="注：本表反映部门本年度取得的各项收入情况。"))
    # 03 支出总表
    cols = [("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"),
            ("operating", "事业单位经营支出"), ("subsidy", "对附属单位补助支出"), ("remit", "上缴上级支出")]
    vals = {"total": d.total, "basic": d.basic, "project": d.project, "operating": zero,
            "subsidy": zero, "remit": zero}
    rows, tot = roll_up(d, vals)
    T.append(code_table(doc, tp + names[2], number(doc, 3), cols, rows, tot,
                        landscape=doc.wide_landscape, note="注：本表反映部门本年度各项支出情况。"))
    # 04 财政拨款收支总表
    gen_cls, fund_cls, cap_cls = {}, {}, {}
    for c in d.items:
        tgt = fund_cls if c in d.fund_items else cap_cls if c in d.capital_items else gen_cls
        tgt[c[:3]] = tgt.get(c[:3], 0) + d.fiscal[c]
    ft = general + fund + capital
    header = [[("收入", 2), ("支出", 5)],
              ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]]
    left = [("一、本年收入", ft), ("1、一般公共预算拨款收入", general), ("2、政府性基金预算拨款收入", fund),
            ("3、国有资本经营预算拨款收入", capital)]
    right = [("一、本年支出", ft, general, fund, capital)]
    classes = sorted(set(gen_cls) | set(fund_cls) | set(cap_cls))
    for i, c in enumerate(classes):
        g, f_, k = gen_cls.get(c, 0), fund_cls.get(c, 0), cap_cls.get(c, 0)
        right.append(("%d、%s" % (i + 1, FUNC_CLASSES[c]), g + f_ + k, g, f_, k))
    n = max(len(left), len(right))
    body = []
    for i in range(n):
        a = left[i] if i < len(left) else ("", None)
        row = [a[0], "" if a[1] is None else fmt(doc, a[1])]
        if i < len(right):
            row += [right[i][0]] + [fmt(doc, v) for v in right[i][1:]]
        else:
            row += ["", "", "", "", ""]
        body.append(row)
    body.append(["二、上年结转", fmt(doc, 0), "二、结转下年", fmt(doc, 0), fmt(doc, 0), fmt(doc, 0),
                 fmt(doc, 0)])
    bold = [len(body)]
    body.append(["收入总计", fmt(doc, ft), "支出总计", fmt(doc, ft), fmt(doc, general),
                 fmt(doc, fund), fmt(doc, capital)])
    T.append(Table(tp + names[3], number(doc, 4), unit_line(doc), header, body,
                   [3.0, 1.3, 3.0, 1.3, 1.3, 1.3, 1.3], ["L", "R", "L", "R", "R", "R", "R"],
                   landscape=doc.wide_landscape, note="注：本表反映部门本年度财政拨款的总收支情况。",
                   dept_line=doc.dept_line, total_rows=bold))
    # 05 一般公共预算支出表
    gb = {c: (d.basic[c] if d.general[c] else 0) for c in d.items}
    gp = {c: d.general[c] - gb[c] for c in d.items}
    cols = [("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")]
    rows, tot = roll_up(d, {"total": d.general, "basic": gb, "project": gp})
    T.append(code_table(doc, tp + names[4], number(doc, 5), cols, rows, tot,
                        note="注：本表反映部门本年度一般公共预算支出情况。"))
    # 06 一般公共预算基本支出表: by economic code, personnel vs public
    e = d.econ
    cols = [("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")]
    header = [["经济科目编码", "经济科目名称"] + [c[1] for c in cols]]
    if doc.stub_numbers:
        header.append(["栏次", "", "1", "2", "3"])
    body = [["", "合计", fmt(doc, d.basic_total), fmt(doc, d.personnel), fmt(doc, d.public)]]
    for group, is_pers in ((ECON_PERSONNEL, True), (ECON_PUBLIC1, False), (ECON_PUBLIC2, False)):
        for code, name, _ in group:
            v = e[code]
            if v == 0:
                continue
            body.append([code, name, fmt(doc, v), fmt(doc, v) if is_pers else fmt(doc, 0),
                         fmt(doc, 0) if is_pers else fmt(doc, v)])
    T.append(Table(tp + names[5], number(doc, 6), unit_line(doc), header, body,
                   [1.2, 3.6, 1.5, 1.5, 1.5], ["L", "L", "R", "R", "R"],
                   note="注：本表反映部门本年度一般公共预算基本支出情况。", dept_line=doc.dept_line,
                   total_rows=[0]))
    # 07 政府性基金预算支出表
    cols = [("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")]
    fv = {c: (d.fiscal[c] if c in d.fund_items else 0) for c in d.items}
    note7 = "注：本表反映部门本年度政府性基金预算支出情况。"
    if d.fund_items:
        rows, tot = roll_up(d, {"total": fv, "basic": zero, "project": fv})
        T.append(code_table(doc, tp + names[6], number(doc, 7), cols, rows, tot, note=note7))
    else:
        T.append(empty_code_table(doc, tp + names[6], number(doc, 7), cols,
                                  note7 + "本部门无政府性基金预算支出，故本表无数据。"))
    k = 8
    if doc.with_capital_table:
        cv = {c: (d.fiscal[c] if c in d.capital_items else 0) for c in d.items}
        note8 = "注：本表反映部门本年度国有资本经营预算支出情况。"
        if d.capital_items:
            rows, tot = roll_up(d, {"total": cv, "basic": zero, "project": cv})
            T.append(code_table(doc, tp + names[7], number(doc, k), cols, rows, tot, note=note8))
        else:
            T.append(empty_code_table(doc, tp + names[7], number(doc, k), cols, note8))
        k += 1
    # 三公 by unit
    T.append(three_public_budget(doc, d, number(doc, k), tp + names[8]))
    return T


def three_public_budget(doc, d, num, title):
    units = d.units
    rng = doc.rng
    per = []
    if len(units) == 1:
        per = [d.three_budget]
    else:
        shares = {k: split_amount(rng, d.three_budget[k], len(units))
                  for k in ("overseas", "vehicle_purchase", "vehicle_operation", "reception")}
        for i in range(len(units)):
            x = {k: shares[k][i] for k in shares}
            x["vehicle"] = x["vehicle_purchase"] + x["vehicle_operation"]
            x["total"] = x["overseas"] + x["vehicle"] + x["reception"]
            per.append(x)
    header = [[("单位名称", 1, 2), ("合计", 1, 2), ("因公出国（境）费", 1, 2),
               ("公务用车购置及运行费", 3), ("公务接待费", 1, 2)],
              ["小计", "公务用车购置费", "公务用车运行费"]]
    keys = ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]
    body = [["合计"] + [fmt(doc, d.three_budget[k]) for k in keys]]
    for u, x in zip(units, per):
        body.append([u] + [fmt(doc, x[k]) for k in keys])
    return Table(title, num, unit_line(doc), header, body, [3.2] + [1.3] * 6,
                 ["L"] + ["R"] * 6, landscape=doc.wide_landscape,
                 note="注：本表反映部门本年度财政拨款“三公”经费预算情况。", dept_line=doc.dept_line,
                 total_rows=[0])


# ---- narrative ------------------------------------------------------------------------

FILLER = [
    "主要原因是根据工作需要调整了部分项目经费安排，同时严格落实过紧日子要求，压减一般性支出。",
    "本部门坚持厉行节约，从严控制各项经费开支，切实提高财政资金使用效益。",
    "按照全面实施预算绩效管理的要求，对项目支出开展绩效目标管理和绩效运行监控，确保资金使用安全、规范、有效。",
    "其中人员经费主要用于在职人员工资福利和对个人和家庭的补助，公用经费主要用于保障机构正常运转。",
    "项目支出主要用于保障部门履行职能、完成重点工作任务，包括信息化系统运行维护、专项业务工作经费等。",
    "与上年相比，支出结构进一步优化，重点支出保障有力，一般性支出持续压减。",
]


def money(doc, v):
    return fmt(doc, v, zero="0.00") + doc.unit


def narrative_final(doc, d):
    inc = sum(d.total[c] + d.income_extra[c] for c in d.items)
    exp = sum(d.total.values())
    r = doc.rng
    parts = []
    parts.append(("一、收入支出决算总体情况说明",
                  ["%d年度收、支总计%s。与上年相比，%s，%s" % (
                      doc.year, money(doc, inc + d.opening),
                      r.choice(["收支总计有所增加", "收支总计有所减少", "收支规模基本持平"]),
                      "".join(r.sample(FILLER, 3)))]))
    parts.append(("二、收入决算情况说明",
                  ["%d年度收入合计%s，其中：财政拨款收入%s，占%s；事业收入%s；其他收入%s。%s" % (
                      doc.year, money(doc, inc), money(doc, sum(d.fiscal.values())),
                      pct(sum(d.fiscal.values()), inc), money(doc, sum(d.business.values())),
                      money(doc, sum(d.other.values())), r.choice(FILLER))]))
    parts.append(("三、支出决算情况说明",
                  ["%d年度支出合计%s，其中：基本支出%s，占%s；项目支出%s，占%s。%s" % (
                      doc.year, money(doc, exp), money(doc, sum(d.basic.values())),
                      pct(sum(d.basic.values()), exp), money(doc, sum(d.project.values())),
                      pct(sum(d.project.values()), exp), "".join(r.sample(FILLER, 2)))]))
    parts.append(("四、一般公共预算财政拨款基本支出决算情况说明",
                  ["%d年度一般公共预算财政拨款基本支出%s，其中：人员经费%s，主要包括基本工资、津贴补贴、"
                   "奖金、机关事业单位基本养老保险缴费、职业年金缴费、住房公积金、退休费等；公用经费%s，"
                   "主要包括办公费、邮电费、差旅费、培训费、工会经费、福利费、公务用车运行维护费、"
                   "其他交通费用等。%s" % (doc.year, money(doc, d.basic_total),
                                    money(doc, d.personnel), money(doc, d.public),
                                    r.choice(FILLER))]))
    t = d.three_final
    parts.append(("五、财政拨款“三公”经费支出决算情况说明",
                  ["%d年度“三公”经费财政拨款支出预算为%s，支出决算为%s。其中：因公出国（境）费%s；"
                   "公务用车购置费%s，公务用车运行维护费%s；公务接待费%s。决算数小于预算数的主要原因是"
                   "积极贯彻落实中央关于厉行节约的要求，从严控制公务接待和公务用车运行维护支出。" % (
                       doc.year, money(doc, d.three_budget["total"]), money(doc, t["total"]),
                       money(doc, t["overseas"]), money(doc, t["vehicle_purchase"]),
                       money(doc, t["vehicle_operation"]), money(doc, t["reception"]))]))
    parts.append(("六、关于机关运行经费支出说明",
                  ["本部门%d年度机关运行经费支出%s，%s" % (doc.year, money(doc, d.public),
                                                r.choice(FILLER))]))
    return parts


def pct(a, b):
    if b == 0:
        return "0.00%"
    v = (a * 10000 * 2 + b) // (2 * b)
    return "%d.%02d%%" % divmod(v, 100)


def narrative_budget(doc, d):
    exp = sum(d.total.values())
    r = doc.rng
    return [
        ("一、部门收支总体情况",
         ["%d年本部门收入预算%s，其中：一般公共预算拨款收入%s，政府性基金预算拨款收入%s，事业收入%s，"
          "其他收入%s。支出预算%s，其中：基本支出%s，项目支出%s。%s" % (
              doc.year, money(doc, exp), money(doc, sum(d.general.values())),
              money(doc, sum(d.fiscal[c] for c in d.fund_items)),
              money(doc, sum(d.business.values())), money(doc, sum(d.other.values())),
              money(doc, exp), money(doc, sum(d.basic.values())),
              money(doc, sum(d.project.values())), "".join(r.sample(FILLER, 2)))]),
        ("二、一般公共预算拨款支出",
         ["%d年本部门一般公共预算拨款支出%s。（一）基本支出：%d年本部门基本支出预算数%s，主要是为保障"
          "部门正常运转、完成日常工作任务而发生的各项支出，包括用于基本工资、津贴补贴等人员经费以及"
          "办公费、印刷费、水电费、办公设备购置等公用经费。（二）项目支出：主要是部门为完成特定行政"
          "工作任务或事业发展目标而发生的支出。%s" % (
              doc.year, money(doc, sum(d.general.values())), doc.year,
              money(doc, d.basic_total), r.choice(FILLER))]),
        ("三、政府性基金预算支出",
         ["%d年本部门%s" % (doc.year, "政府性基金预算支出%s。" % money(
             doc, sum(d.fiscal[c] for c in d.fund_items)) if d.fund_items
             else "无政府性基金安排的支出。")]),
        ("四、其他重要事项的情况说明",
         ["（一）机关运行经费：%d年本部门机关运行经费%s，%s" % (
             doc.year, money(doc, d.public), r.choice(FILLER)),
          "（二）“三公”经费预算：%d年本部门“三公”经费预算数为%s，其中：公务接待费%s，公务用车购置及"
          "运行费%s，因公出国（境）费%s。%s" % (
              doc.year, money(doc, d.three_budget["total"]),
              money(doc, d.three_budget["reception"]), money(doc, d.three_budget["vehicle"]),
              money(doc, d.three_budget["overseas"]), r.choice(FILLER)),
          "（三）政府采购情况：%d年本部门政府采购预算总额%s，其中货物类采购预算、服务类采购预算"
          "均按规定编制，严格执行政府采购有关规定。%s" % (
              doc.year, money(doc, sum(d.project.values()) // 7), r.choice(FILLER))]),
    ]


# --------------------------------------------------------------------------------------
# Documents and their styles.

FONTS = {
    "serif": ("Noto Serif CJK SC", "roman"),
    "sans": ("Noto Sans CJK SC", "swiss"),
    "zenhei": ("WenQuanYi Zen Hei", "swiss"),
    "uming": ("AR PL UMing CN", "roman"),
}

BUDGET_TITLE_SETS = [
    ["部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表", "一般公共预算支出表",
     "一般公共预算基本支出表", "政府性基金预算支出表", "国有资本经营预算支出表", "“三公”经费支出表"],
    ["部门收支总体情况表", "部门收入总体情况表", "部门支出总体情况表", "财政拨款收支总体情况表",
     "一般公共预算支出情况表", "一般公共预算基本支出情况表", "政府性基金预算支出情况表",
     "国有资本经营预算支出情况表", "一般公共预算“三公”经费支出情况表"],
    ["收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "一般公共预算支出功能分类预算表",
     "部门预算基本支出预算表", "政府性基金预算支出功能分类预算表", "国有资本经营预算支出预算表",
     "财政拨款“三公”经费支出表"],
]


def make_docs():
    docs = []
    n_final, n_budget = 14, 12
    for i in range(n_final + n_budget):
        rng = random.Random(SEED + i)
        doc = Doc()
        doc.rng = rng
        doc.index = i
        final = i < n_final
        j = i if final else i - n_final
        doc.kind = "final_accounts" if final else "budget"
        doc.year = (2019 + j % 6) if final else (2020 + j % 7)
        doc.city = CITIES[i % len(CITIES)]
        doc.profile = DEPARTMENTS[i % len(DEPARTMENTS)]
        doc.dept = doc.city + doc.profile[0]
        if doc.profile[0].startswith("中共"):
            doc.dept = "中共" + doc.city + doc.profile[0][2:]
        # style, cycled so that every option appears in both kinds
        doc.rule = ["grid", "hrules", "grid", "none", "booktabs", "grid", "hrules"][j % 7]
        doc.codes = "split" if j % 3 == 1 else "joined"
        doc.kuan_with_lei = rng.random() < 0.5
        doc.commas = j % 4 != 2
        doc.zero = "" if j % 5 in (1, 3) else "0.00"
        doc.unit = "元" if j % 6 == 4 else "万元"
        doc.unit_word_long = doc.unit == "元" or j % 4 == 3
        doc.font = ["serif", "sans", "uming", "zenhei"][j % 4]
        doc.table_font = doc.font if j % 3 else ["sans", "serif", "serif", "uming"][j % 4]
        doc.body_size = [12, 10.5, 12, 11, 10.5][j % 5]
        doc.table_size = [9, 8, 9.5, 8.5, 10, 7.5][j % 6]
        doc.repeat_header = j % 4 in (0, 1)
        doc.big = j % 3 == 2 or j in (0, 7)
        doc.wide_landscape = j % 2 == 0
        doc.table_new_page = j % 5 != 4
        doc.narrative_between = (j % 4 == 3) if final else (j % 3 == 0)
        doc.numbered = j % 6 != 5
        doc.number_spaced = j % 4 == 1
        doc.stub_numbers = j % 3 != 1
        doc.line_numbers = j % 5 != 2
        doc.total_span = doc.rule == "grid" and j % 2 == 0
        doc.has_nonfiscal = j % 3 == 0 or doc.big
        doc.force_fund = j % 4 == 1
        doc.force_capital = j % 7 == 3
        doc.with_capital_table = j % 2 == 1
        doc.footer = ["- {} -", "第 {} 页", "{}", "— {} —"][j % 4]
        doc.running_header = j % 5 == 1
        doc.dept_line = None
        if j % 3 != 2:
            doc.dept_line = ("部门：" if final else "部门名称：") + doc.dept
        doc.title_prefix = "" if (final or j % 3 != 1) else "%d年" % doc.year
        doc.budget_titles = BUDGET_TITLE_SETS[j % 3]
        if final:
            doc.title = "%d年度%s部门决算" % (doc.year, doc.dept)
            doc.name = "final-%02d-%d" % (j + 1, doc.year)
        else:
            doc.title = "%s%d年部门预算" % (doc.dept, doc.year) if j % 2 else \
                "%d年度%s部门预算" % (doc.year, doc.dept)
            doc.name = "budget-%02d-%d" % (j + 1, doc.year)
        docs.append(doc)
    return docs


def build_blocks(doc):
    """The document as blocks: ('cover', lines), ('toc', lines), ('h', level, text),
    ('p', text), ('table', Table), ('break',)."""
    d = make_data(doc.rng, doc)
    doc.data = d
    blocks = []
    if doc.kind == "final_accounts":
        blocks.append(("cover", ["%d年度" % doc.year, doc.dept, "部门决算"]))
        tables = final_tables(doc, d)
        narr = narrative_final(doc, d)
        part1 = "第一部分 %s概况" % doc.dept
        part2 = "第二部分 %d年度部门决算表" % doc.year
        part3 = "第三部分 %d年度部门决算情况说明" % doc.year
    else:
        blocks.append(("cover", [doc.dept, "%d年部门预算" % doc.year]))
        tables = budget_tables(doc, d)
        narr = narrative_budget(doc, d)
        part1 = "第一部分 %s概况" % doc.dept
        part2 = "第二部分 %d年部门预算表" % doc.year
        part3 = "第三部分 %d年部门预算情况说明" % doc.year
    toc = [part1, "一、部门职责", "二、机构设置", part2] + \
        ["%s、%s" % (cn_ordinal(i + 1), strip_year(t.title)) for i, t in enumerate(tables)] + \
        [part3] + [h for h, _ in narr]
    blocks.append(("toc", toc))
    blocks.append(("h", 1, part1))
    blocks.append(("h", 2, "一、部门职责"))
    blocks.append(("p", "%s是%s人民政府工作部门，主要职责是：贯彻落实中央、省、市有关方针政策和法律法规，"
                   "负责起草有关地方性法规、规章草案和规范性文件并组织实施；负责本行业、本领域的综合研究"
                   "和发展规划；指导、协调、推进有关改革工作；完成市委、市政府交办的其他任务。" % (
                       doc.dept, doc.city)))
    blocks.append(("p", "".join(doc.rng.sample(FILLER, 4))))
    blocks.append(("h", 2, "二、机构设置"))
    units = "、".join(d.units)
    blocks.append(("p", "本部门%s编制范围的单位包括：%s，共%d个单位。内设机构包括办公室、政策法规科、"
                   "计划财务科、综合业务科、机关党委（人事科）等。" % (
                       "决算" if doc.kind == "final_accounts" else "预算", units, len(d.units))))
    blocks.append(("h", 1, part2))
    if doc.narrative_between:
        # 说明 interleaved: one section after each of the first tables
        for i, t in enumerate(tables):
            blocks.append(("table", t))
            if i < len(narr):
                h, ps = narr[i]
                blocks.append(("h", 2, h))
                for p in ps:
                    blocks.append(("p", p))
        blocks.append(("h", 1, part3))
        blocks.append(("p", "以上各表的情况说明见各表之后。" + "".join(doc.rng.sample(FILLER, 3))))
    else:
        for t in tables:
            blocks.append(("table", t))
        blocks.append(("h", 1, part3))
        for h, ps in narr:
            blocks.append(("h", 2, h))
            for p in ps:
                blocks.append(("p", p))
    blocks.append(("h", 1, "第四部分 名词解释"))
    blocks.append(("p", "1.财政拨款收入：指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、"
                   "政府性基金预算财政拨款和国有资本经营预算财政拨款。2.基本支出：指为保障机构正常运转、"
                   "完成日常工作任务而发生的人员经费和公用经费。3.项目支出：指在基本支出之外为完成特定"
                   "行政任务和事业发展目标所发生的支出。4.“三公”经费：指用财政拨款安排的因公出国（境）费、"
                   "公务用车购置及运行维护费和公务接待费。"))
    return blocks


def strip_year(t):
    return re.sub(r"^\d{4}年度?", "", t)


# --------------------------------------------------------------------------------------
# FODT writer.

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')


class Writer:
    def __init__(self, doc):
        self.doc = doc
        self.auto = []
        self.body = []
        self.cell_styles = {}
        self.ntab = 0
        self.orient = "P"

    def text_props(self, font, size, bold=False):
        fname = FONTS[font][0]
        b = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
        return ('<style:text-properties style:font-name="%s" style:font-name-asian="%s" '
                'fo:font-size="%spt" style:font-size-asian="%spt"%s/>' % (
                    fname, fname, size, size, b))

    def para_style(self, name, font, size, align="start", bold=False, extra="", master=None,
                   indent=False, keep=False, margin_below="0.1cm", margin_above="0cm"):
        m = ' style:master-page-name="%s"' % master if master else ""
        ind = ' fo:text-indent="%.2fcm"' % (size * 2 * 0.03528) if indent else ""
        kp = ' fo:keep-with-next="always"' if keep else ""
        self.auto.append(
            '<style:style style:name="%s" style:family="paragraph"%s>'
            '<style:paragraph-properties fo:text-align="%s" fo:margin-top="%s" '
            'fo:margin-bottom="%s"%s%s%s/>%s</style:style>' % (
                name, m, align, margin_above, margin_below, ind, kp, extra,
                self.text_props(font, size, bold)))

    def cell_style(self, top, bottom, left, right, valign):
        key = (top, bottom, left, right, valign)
        if key not in self.cell_styles:
            name = "ce%d" % len(self.cell_styles)
            self.cell_styles[key] = name

            def b(w):
                return "%.2fpt solid #000000" % w if w else "none"
            self.auto.append(
                '<style:style style:name="%s" style:family="table-cell">'
                '<style:table-cell-properties fo:padding-left="0.1cm" fo:padding-right="0.1cm" '
                'fo:padding-top="0.03cm" fo:padding-bottom="0.03cm" fo:border-top="%s" '
                'fo:border-bottom="%s" fo:border-left="%s" fo:border-right="%s" '
                'style:vertical-align="%s"/></style:style>' % (
                    name, b(top), b(bottom), b(left), b(right), valign))
        return self.cell_styles[key]

    def setup(self):
        doc = self.doc
        f, tf = doc.font, doc.table_font
        bs, ts = doc.body_size, doc.table_size
        for orient, master in (("P", "Standard"), ("L", "Landscape")):
            self.para_style("Title" + orient, f, 16 if ts > 8 else 14, "center", bold=True,
                            master=master, keep=True, margin_below="0.2cm")
            self.para_style("H1" + orient, f, bs + 6, "center", bold=True, master=master,
                            keep=True, margin_below="0.4cm", margin_above="0.3cm")
        self.para_style("TitleFlow", f, 16 if ts > 8 else 14, "center", bold=True, keep=True,
                        margin_below="0.2cm", margin_above="0.5cm")
        self.para_style("MetaFlow", tf, ts + 1, "end", keep=True, margin_below="0.05cm")
        self.para_style("H1", f, bs + 6, "center", bold=True, keep=True, margin_below="0.4cm",
                        margin_above="0.3cm")
        self.para_style("H2", f, bs + 1, "start", bold=True, keep=True, margin_above="0.2cm")
        self.para_style("Body", f, bs, "justify", indent=True, extra="")
        self.para_style("Cover", f, 26, "center", bold=True, margin_below="0.6cm")
        self.para_style("CoverFirst", f, 26, "center", bold=True, margin_below="0.6cm",
                        margin_above="6cm")
        self.para_style("Toc", f, bs, "start")
        self.para_style("TocHead", f, bs + 6, "center", bold=True, master="Standard",
                        margin_below="0.5cm")
        self.para_style("Note", tf, ts, "start", margin_above="0.1cm")
        # the line 部门：… with the unit at the right end: a right tab stop
        for orient, w in (("P", 17.0), ("L", 25.7)):
            self.auto.append(
                '<style:style style:name="Dept%s" style:family="paragraph">'
                '<style:paragraph-properties fo:margin-bottom="0.05cm" fo:keep-with-next="always">'
                '<style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="right"/>'
                '</style:tab-stops></style:paragraph-properties>%s</style:style>' % (
                    orient, w - 0.05, self.text_props(tf, ts + 1)))
        for a, al in (("L", "start"), ("C", "center"), ("R", "end")):
            self.para_style("C" + a, tf, ts, al, margin_below="0cm")
            self.para_style("CB" + a, tf, ts, al, bold=doc.bold_totals, margin_below="0cm")
            self.para_style("CH" + a, tf, ts, al, bold=doc.bold_header, margin_below="0cm")
        self.auto.append('<style:style style:name="Row" style:family="table-row">'
                         '<style:table-row-properties fo:keep-together="always"/></style:style>')

    def p(self, style, text):
        self.body.append('<text:p text:style-name="%s">%s</text:p>' % (style, esc(text)))

    def add(self, block):
        kind = block[0]
        doc = self.doc
        if kind == "cover":
            for i, line in enumerate(block[1]):
                self.p("CoverFirst" if i == 0 else "Cover", line)
        elif kind == "toc":
            self.p("TocHead", "目　录")
            for line in block[1]:
                self.p("Toc", line)
        elif kind == "h":
            if block[1] == 1:
                self.orient = "P"
                self.p("H1P", block[2])
            else:
                self.p("H2", block[2])
        elif kind == "p":
            self.p("Body", block[1])
        elif kind == "table":
            self.table(block[1])

    def table(self, t):
        doc = self.doc
        orient = "L" if t.landscape else "P"
        new_page = doc.table_new_page or orient != self.orient
        t.new_page = new_page
        self.orient = orient
        if new_page:
            self.p("Title" + orient, t.title)
        else:
            self.p("TitleFlow", t.title)
        meta = "MetaFlow"
        if t.number:
            self.p(meta, t.number)
        dept = t.dept_line
        if dept:
            self.body.append('<text:p text:style-name="Dept%s">%s<text:tab/>%s</text:p>' % (
                orient, esc(dept), esc(t.unit_line)))
        else:
            self.p(meta, t.unit_line)
        self.ntab += 1
        name = "Tab%d" % self.ntab
        avail = 25.7 if orient == "L" else 17.0
        scale = avail / sum(t.widths)
        if doc.table_narrow and sum(t.widths) * 0.8 > 0:
            scale = min(scale, avail * 0.92 / sum(t.widths))
        widths = fit_widths(t, [w * scale for w in t.widths], avail, doc.table_size)
        self.auto.append('<style:style style:name="%s" style:family="table">'
                         '<style:table-properties style:width="%.3fcm" table:align="center"/>'
                         '</style:style>' % (name, sum(widths)))
        for i, w in enumerate(widths):
            self.auto.append('<style:style style:name="%s.c%d" style:family="table-column">'
                             '<style:table-column-properties style:column-width="%.3fcm"/>'
                             '</style:style>' % (name, i, w))
        out = ['<table:table table:name="%s" table:style-name="%s">' % (name, name)]
        for i in range(len(widths)):
            out.append('<table:table-column table:style-name="%s.c%d"/>' % (name, i))
        ncols = len(widths)
        hgrid = layout_grid(t.header, ncols)
        bgrid = layout_grid(t.body, ncols)
        nh, nb = len(hgrid), len(bgrid)
        rule = doc.rule

        def borders(r, c, rs, cs):
            """Border widths for the cell at grid row r (header rows first)."""
            last = r + rs - 1
            total = nh + nb
            if rule == "grid":
                return (0.5, 0.5, 0.5, 0.5)
            if rule == "none":
                return (0, 0, 0, 0)
            if rule == "hrules":
                return (0.5 if r == 0 else 0, 0.5, 0, 0)
            # booktabs: top rule, rule under the header, bottom rule
            top = 1.0 if r == 0 else 0
            bottom = 0.5 if last == nh - 1 else (1.0 if last == total - 1 else 0)
            return (top, bottom, 0, 0)

        def emit_rows(grid, offset, is_header):
            for r, row in enumerate(grid):
                gr = r + offset
                bold = (not is_header) and r in t.total_rows
                out.append('<table:table-row table:style-name="Row">')
                for c, cell in enumerate(row):
                    if cell is None:
                        out.append('<table:covered-table-cell/>')
                        continue
                    text, cs, rs = cell
                    bt, bb, bl, br = borders(gr, c, rs, cs)
                    cst = self.cell_style(bt, bb, bl, br, "middle")
                    span = ""
                    if cs > 1:
                        span += ' table:number-columns-spanned="%d"' % cs
                    if rs > 1:
                        span += ' table:number-rows-spanned="%d"' % rs
                    if is_header:
                        ps = "CHC"
                    else:
                        a = t.col_align[c]
                        if cs > 1 or (a == "L" and text in ("合计", "栏次") and c == 0):
                            a = "C" if cs > 1 else a
                        ps = ("CB" if bold else "C") + a
                    lines = text.split("\n")
                    inner = "<text:line-break/>".join(esc(x) for x in lines)
                    out.append('<table:table-cell table:style-name="%s" office:value-type="string"'
                               '%s><text:p text:style-name="%s">%s</text:p></table:table-cell>' % (
                                   cst, span, ps, inner))
                out.append('</table:table-row>')

        if doc.repeat_header:
            out.append('<table:table-header-rows>')
            emit_rows(hgrid, 0, True)
            out.append('</table:table-header-rows>')
        else:
            emit_rows(hgrid, 0, True)
        emit_rows(bgrid, nh, False)
        out.append('</table:table>')
        self.body.append("".join(out))
        if t.note:
            self.p("Note", t.note)

    def render(self):
        doc = self.doc
        faces = "".join('<style:font-face style:name="%s" svg:font-family="&apos;%s&apos;" '
                        'style:font-family-generic="%s"/>' % (n, n, g) for n, g in FONTS.values())
        foot = esc(doc.footer).replace("{}", '<text:page-number text:select-page="current"/>')
        head = ""
        if doc.running_header:
            head = '<style:header><text:p text:style-name="RunHead">%s</text:p></style:header>' % \
                esc(doc.title)
        self.para_style("Foot", doc.font, 9, "center")
        self.para_style("RunHead", doc.font, 9, "end")
        layouts = []
        masters = []
        for name, w, h, orient in (("Standard", 21.0, 29.7, "portrait"),
                                   ("Landscape", 29.7, 21.0, "landscape")):
            layouts.append(
                '<style:page-layout style:name="pl%s"><style:page-layout-properties '
                'fo:page-width="%.1fcm" fo:page-height="%.1fcm" style:print-orientation="%s" '
                'fo:margin-top="1.6cm" fo:margin-bottom="1.4cm" fo:margin-left="2cm" '
                'fo:margin-right="2cm"/>%s<style:footer-style><style:header-footer-properties '
                'fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style>'
                '</style:page-layout>' % (
                    name, w, h, orient,
                    '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" '
                    'fo:margin-bottom="0.3cm"/></style:header-style>' if head else ""))
            masters.append('<style:master-page style:name="%s" style:page-layout-name="pl%s">%s'
                           '<style:footer><text:p text:style-name="Foot">%s</text:p></style:footer>'
                           '</style:master-page>' % (name, name, head, foot))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document %s>'
                '<office:font-face-decls>%s</office:font-face-decls>'
                '<office:styles><style:style style:name="Standard" style:family="paragraph"/>'
                '</office:styles>'
                '<office:automatic-styles>%s%s</office:automatic-styles>'
                '<office:master-styles>%s</office:master-styles>'
                '<office:body><office:text>%s</office:text></office:body></office:document>\n' % (
                    NS, faces, "".join(layouts), "\n".join(self.auto), "".join(masters),
                    "\n".join(self.body)))


def text_width(s, size):
    """Estimated printed width in cm: CJK one em, Latin and digits a little over half."""
    return sum(size if ord(ch) >= 0x2E80 else 0.58 * size for ch in s) * 0.03528


def fit_widths(t, widths, avail, size):
    """Widen columns so that no number or code wraps; label columns give the room back
    (down to five characters), so long labels wrap inside their cell instead."""
    n = len(widths)
    grid = layout_grid(t.body, n)
    need, flex = [], []
    for c in range(n):
        texts = [row[c][0] for row in grid if row[c] is not None and row[c][1] == 1]
        texts = [x for x in texts if x] or ["0.00"]
        is_label = any(ord(ch) >= 0x2E80 for x in texts for ch in x)
        w = max(text_width(x, size) for x in texts) + 0.45
        if is_label:
            need.append(min(w, 5 * size * 0.03528 + 0.45))
            flex.append(True)
        else:
            need.append(w)
            flex.append(False)
    out = [max(w, m) for w, m in zip(widths, need)]
    excess = sum(out) - avail
    if excess > 0:
        room = sum(out[c] - need[c] for c in range(n) if flex[c])
        if room > 0:
            k = min(1.0, excess / room)
            out = [out[c] - (out[c] - need[c]) * k if flex[c] else out[c] for c in range(n)]
    return out


def esc(s):
    return escape(s)


def write_fodt(doc, blocks):
    w = Writer(doc)
    w.setup()
    for b in blocks:
        w.add(b)
    return w.render()


# --------------------------------------------------------------------------------------
# Pages of each table, from the printed PDF.

def squash(s):
    return re.sub(r"\s+", "", s)


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                         stdout=subprocess.PIPE).stdout.decode("utf-8")
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def row_signatures(cells_row):
    """Strings that identify a printed row on a pdftotext -layout page."""
    vals = [c for c in cells_row if c]
    sigs = []
    nums = []
    for c in reversed(vals):  # the numeric cells right of the last label
        if not re.fullmatch(r"[\d,.\-]+", c):
            break
        nums.insert(0, c)
    if vals:
        sigs.append(squash("".join(vals)))
    if len(nums) >= 2:
        sigs.append(squash("".join(nums)))
    return sigs


def find_pages(pdf, tables):
    """Pages (1-based) of each table: from its title line (searched in document order) to
    the last page before the next table's title that holds the table's last row."""
    pages = page_texts(pdf)
    lines = [[squash(x) for x in p.split("\n")] for p in pages]
    flat = [squash(p) for p in pages]
    starts = []
    cursor = 0
    for t in tables:
        key = squash(t.title)
        start = next((pi for pi in range(cursor, len(pages)) if key in lines[pi]), None)
        if start is None:
            raise RuntimeError("%s: title %r not found after page %d" % (pdf, t.title, cursor + 1))
        starts.append(start)
        cursor = start
    result = []
    for i, t in enumerate(tables):
        start = starts[i]
        if i + 1 < len(tables):
            bound = starts[i + 1] - (1 if tables[i + 1].new_page else 0)
        else:
            bound = min(start + 8, len(pages) - 1)
        cells = expected_cells(t)
        sigs = [x for x in row_signatures(cells[-1]) if len(x) >= 6]
        end = None
        if sigs:
            for pi in range(bound, start - 1, -1):
                if any(x in flat[pi] for x in sigs):
                    end = pi
                    break
            if end is None:
                raise RuntimeError("%s: last row of %r not found" % (pdf, t.title))
        else:
            end = start
        result.append(list(range(start + 1, end + 2)))
        # sanity: every amount printed whole (no number wrapped inside its cell)
        tokens = set()
        for pi in range(start, end + 1):
            tokens.update(pages[pi].split())
        for row in cells:
            for c in row:
                if c and re.fullmatch(r"[\d,]+\.\d\d", c) and c not in tokens:
                    print("gen_corpus: warning: %s: %r: amount %s not printed whole" % (
                        os.path.basename(pdf), t.title, c), file=sys.stderr)
        cursor = end
    return result


# --------------------------------------------------------------------------------------

def normalize_number(n):
    return None if n is None else re.sub(r"\s+", "", n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="corpus/generated")
    ap.add_argument("--only", help="generate only this document name")
    ap.add_argument("--keep-fodt", action="store_true", help="keep the .fodt sources in --out")
    args = ap.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("gen_corpus: soffice (LibreOffice) not found")
    os.makedirs(args.out, exist_ok=True)
    docs = make_docs()
    work = tempfile.mkdtemp(prefix="gen_corpus.")
    profile = "file://" + os.path.join(work, "profile")
    try:
        todo = []
        for doc in docs:
            doc.bold_totals = doc.index % 2 == 0
            doc.bold_header = doc.index % 3 != 2
            doc.table_narrow = doc.index % 4 == 2
            blocks = build_blocks(doc)
            doc.blocks = blocks
            if args.only and doc.name != args.only:
                continue
            src = os.path.join(work, doc.name + ".fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(write_fodt(doc, blocks))
            if args.keep_fodt:
                shutil.copy(src, os.path.join(args.out, doc.name + ".fodt"))
            todo.append(doc)
        if not todo:
            sys.exit("gen_corpus: no document named %r" % args.only)
        subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                        "--convert-to", "pdf", "--outdir", work] +
                       [os.path.join(work, d.name + ".fodt") for d in todo],
                       check=True, stdout=subprocess.DEVNULL)
        for doc in todo:
            pdf = os.path.join(work, doc.name + ".pdf")
            tables = [b[1] for b in doc.blocks if b[0] == "table"]
            pages = find_pages(pdf, tables)
            exp = {
                "document": {"kind": doc.kind, "year": doc.year, "department": doc.dept,
                             "title": doc.title},
                "headings": [b[2] for b in doc.blocks if b[0] == "h"],
                "tables": [{"title": t.title, "number": normalize_number(t.number),
                            "unit": doc.unit, "pages": pg, "cells": expected_cells(t)}
                           for t, pg in zip(tables, pages)],
            }
            shutil.copy(pdf, os.path.join(args.out, doc.name + ".pdf"))
            with open(os.path.join(args.out, doc.name + ".expected.json"), "w",
                      encoding="utf-8") as f:
                json.dump(exp, f, ensure_ascii=False, indent=1)
                f.write("\n")
            ncells = sum(len(r) for t in exp["tables"] for r in t["cells"])
            print("%s: %d tables, %d cells, %d pages" % (
                doc.name, len(tables), ncells, len(page_texts(pdf))))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
