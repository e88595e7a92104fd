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
completion (exit 0, the scanned one too: read by OCR) with readable JSON, and a 决算 must
give each of the nine standard tables exactly once, with its title.  The
inventory of every table and document (real_inventory.py) must hold at least
as well as its floors.

Usage: real_figures.py ./disclex   (prints 'N passed, N failed, N skipped')
"""
import json
import os
import re
from decimal import Decimal
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
    # 烟台市住房和城乡建设局 2026, 公开表1 (page 9 image viewed), 公开表10 and 公开表11 (pdftotext -layout)
    ("yantai-housing-2026-budget.pdf", "收支总体情况表", "收入总计", ["45,967.29", "支出总计", "45,967.29"]),
    ("yantai-housing-2026-budget.pdf", "收支总体情况表", "一、财政拨款收入", ["45,832.29", "一、一般公共服务支出"]),
    ("yantai-housing-2026-budget.pdf", "基本支出预算情况表", "工资福利支出", ["501", "机关工资福利支出", "1,219.44", "1,219.44", "1,219.44"]),
    ("yantai-housing-2026-budget.pdf", "项目支出预算情况表", "房租物业及建设管理等补助", ["其他运转类", "650.00", "630.00", "630.00", "20.00"]),
    # 江苏省人大常委会办公厅 2018, 公开06表 (pdftotext -layout, page 12)
    ("jiangsu-npc-office-2018-budget.pdf", "财政拨款基本支出预算表（经济科目）", "30101", ["基本工资", "1,186.73"]),
    # 北京市医疗保障局 2026, 预算10表 (pdftotext -layout, page 12)
    ("beijing-medical-insurance-2026-budget-tables.pdf", "政府采购预算明细表", "A-货物", ["567.936205"]),
    # 深圳市人力资源和社会保障局 2026, 表5 项目支出总表 (page 151 image viewed): 435,216.17 and
    # 142,220.85 wrapped inside the narrow 总计 cell, one amount each
    ("shenzhen-hrss-2026-budget.pdf", "项目支出总表", "深圳市人力资源和社会保障局", ["435,216.17", "401,100.54", "0.00", "0.00", "14,036.67", "8,707.67", "0.00", "0.00", "0.00", "3,298.27", "8,073.01"]),
    ("shenzhen-hrss-2026-budget.pdf", "项目支出总表", "深圳市人力资源和社会保障局（本级）", ["142,220.85", "135,859.00", "0.00", "0.00", "6,001.08", "0.00", "0.00", "0.00", "0.00", "0.00", "360.77"]),
    # 北京市医疗保障局 2026, 预算04表 财政拨款收支总表 (page 5 image viewed): no border is drawn
    # between 508.642853 and 年终结转结余 on that row; they are two cells
    ("beijing-medical-insurance-2026-budget-tables.pdf", "财政拨款收支总表", "上年结转结余", ["508.642853", "年终结转结余"]),
]

# Tables each file prints, read off the pages (page images and pdftotext -layout): (file,
# title, schema, form number, pages).  Yantai prints 部门（单位）：… under each title and
# repeats title and form number on every page a table runs over; Jiangsu's 公开01表 wraps
# its 部门名称 over two lines around the unit.
YANTAI = [("收支总体情况表", "budget.summary"), ("收入总体情况表", "budget.income"),
          ("支出总体情况表", "budget.expenditure"), ("财政拨款收支总体情况表", "budget.fiscal_summary"),
          ("一般公共预算支出情况表", "budget.general_expenditure"),
          ("一般公共预算基本支出情况表", "budget.basic_detail"),
          ("一般公共预算“三公”经费支出情况表", "budget.three_public"),
          ("政府性基金预算支出情况表", "budget.fund"), ("国有资本经营预算支出情况表", "budget.capital"),
          ("基本支出预算情况表", "budget.basic_detail"), ("项目支出预算情况表", "budget.project_expenditure"),
          ("政府采购预算表", "budget.procurement")]
YANTAI_PAGES = {
    "yantai-housing-2026-budget.pdf": [[9], [10, 11, 12], [13, 14, 15], [16, 17], [18, 19], [20, 21, 22], [23],
                                       [24], [25], [26, 27, 28], [29, 30, 31], [32]],
    "yantai-statistics-2026-budget.pdf": [[7], [8, 9], [10, 11], [12, 13], [14, 15], [16, 17], [18], [19], [20],
                                          [21, 22, 23], [24], [25]],
}
CLAIMS = [(name, title, schema, f"公开表{i + 1}", pages[i])
          for name, pages in YANTAI_PAGES.items() for i, (title, schema) in enumerate(YANTAI)]
CLAIMS += [
    ("jiangsu-npc-office-2018-budget.pdf", "收支预算总表", "budget.summary", "公开01表", [8]),
    ("jiangsu-npc-office-2018-budget.pdf", "财政拨款支出预算表（功能科目）", "budget.general_expenditure", "公开05表", [11]),
    ("jiangsu-npc-office-2018-budget.pdf", "财政拨款基本支出预算表（经济科目）", "budget.basic_detail", "公开06表", [12]),
    ("jiangsu-npc-office-2018-budget.pdf", "政府性基金预算财政拨款支出预算表", "budget.fund", "公开10表", [15]),
    ("jiangsu-npc-office-2018-budget.pdf", "政府采购支出预算表", "budget.procurement", "公开12表", [17, 18]),
    ("jiangsu-cppcc-office-2019-budget-tables.pdf", "财政拨款支出预算表（功能科目）", "budget.general_expenditure", "公开05表", [5]),
    ("jiangsu-cppcc-office-2019-budget-tables.pdf", "财政拨款基本支出预算表（经济科目）", "budget.basic_detail", "公开06表", [6]),
    ("jiangsu-party-office-2018-budget-tables.pdf", "财政拨款支出预算表", "budget.general_expenditure", None, [7]),
    ("jiangsu-party-office-2018-budget-tables.pdf", "财政拨款基本支出预算表", "budget.basic_detail", None, [8]),
    ("beijing-medical-insurance-2026-budget-tables.pdf", "政府采购预算明细表", "budget.procurement", "预算10表", [12]),
    ("chongqing-gov-office-2026-budget.pdf", "2026年政府性基金预算支出情况表", "budget.fund", None, [19]),
]
# Entities read in captions: (file, title, entity).
ENTITIES = [
    ("jiangsu-npc-office-2018-budget.pdf", "收支预算总表", "江苏省人大常委会办公厅"),
    ("yantai-housing-2026-budget.pdf", "收支总体情况表", "烟台市住房和城乡建设局"),
]
# Tables printed empty with a note saying so: no rows, a table_empty warning with the note.
EMPTY = [
    ("jiangsu-npc-office-2018-budget.pdf", "政府性基金预算财政拨款支出预算表", "本部门无相关收支项目"),
    ("chongqing-gov-office-2026-budget.pdf", "2026年政府性基金预算支出情况表", "故此表无数据"),
    ("yantai-statistics-2026-budget.pdf", "政府性基金预算支出情况表", "没有使用政府性基金预算拨款安排的支出"),
    ("yantai-statistics-2026-budget.pdf", "国有资本经营预算支出情况表", "没有使用国有资本经营预算拨款安排的支出"),
    # 三公 决算 printed blank (预算数 | 决算数 under each item, one blank line), page 14.
    ("putuo-social-work-2024-final.pdf", "财政拨款“三公”经费支出决算表", "没有财政拨款“三公”经费支出"),
]
# Document warnings: the 2017 Jiangsu budget names its twelve tables but prints them apart
# ("具体公开表样附后", page 5).
DOC_WARNINGS = [("jiangsu-party-office-2017-budget.pdf", "tables_not_found")]

# Identity checks on real tables whose figures add up on the page: (file, title, rule, row,
# the sum read off the page).  The 收支预算总表 above: 财政拨款 24,458.43 makes 当年收入小计;
# 基本支出 10,403.11 + 项目支出 12,081.46 + 单位预留机动经费 1,973.86 make 当年支出小计 24,458.43.
REAL_CHECKS = [
    ("jiangsu-party-office-2018-budget-tables.pdf", "收支预算总表", "two_sided_total", "当年收入小计", 24458.43),
    ("jiangsu-party-office-2018-budget-tables.pdf", "收支预算总表", "two_sided_total", "当年支出小计", 24458.43),
    # 深圳 hrss 表7 一般公共预算支出表（按功能分类）, printed unit by unit (pdftotext -layout, pages
    # 167-169): 技师学院 29,083.29 = 205 24,476.79 + 208 1,797.69 + 210 537.93 + 221 2,270.88;
    # its 205 = 20503 17,404.29 + 20509 7,072.50 (its own rows, not the other units' 205).
    ("shenzhen-hrss-2026-budget.pdf", "一般公共预算支出表（按功能分类）", "children_sum", "深圳鹏城技师学院", 29083.29, "total"),
    ("shenzhen-hrss-2026-budget.pdf", "一般公共预算支出表（按功能分类）", "children_sum", "深圳鹏城技师学院", 17963.53, "basic"),
    # 烟台市住房和城乡建设局 公开表1 收支总体情况表 (page 9, pdftotext -layout): 收入总计 45,967.29
    # = 本年收入合计 45,907.29 + 上级补助收入 60.00
    ("yantai-housing-2026-budget.pdf", "收支总体情况表", "two_sided_grand_total", "收入总计", 45967.29, "amount"),
    # 北京市医疗保障局 财政拨款收支总表 (page 5): 收入总计 110,896.619602 = 本年收入合计
    # 110,387.976749 + 上年结转结余 508.642853
    ("beijing-medical-insurance-2026-budget-tables.pdf", "财政拨款收支总表", "two_sided_grand_total", "收入总计", 110896.619602, "amount"),
]

# Failed checks that are printed so (the page's own figures do not add up): (file, title, rule,
# row, column, sum of the printed addends, printed total).  Every other check of the file holds.
PRINTED_FAILURES = {
    # 预算05表 一般公共预算支出表 (page 6, pdftotext -layout): the fifteen rows printed add up to
    # 29,117.619602 (project 17,956.061373), the 合计 prints 110,896.619602 (99,735.061373)
    "beijing-medical-insurance-2026-budget-tables.pdf": [
        ("一般公共预算支出表", "total_sum", "合计", "total", 29117.619602, 110896.619602),
        ("一般公共预算支出表", "total_sum", "合计", "project", 17956.061373, 99735.061373),
        ("一般公共预算支出表", "total_sum", "合计", "project_excl_construction", 17956.061373, 99735.061373),
    ],
    # 一般公共预算基本支出部门预算经济分类预算表 (pdftotext -layout): the eighteen 302xx items
    # add up to 24,840,778 元, the 302 row prints 24,840,779
    "shanghai-finance-bureau-2025-budget.pdf": [
        ("2025年预算单位一般公共预算基本支出部门预算经济分类预算表", "children_sum", "302", "total", 24840778, 24840779),
        ("2025年预算单位一般公共预算基本支出部门预算经济分类预算表", "children_sum", "302", "public", 24840778, 24840779),
    ],
    "shenzhen-hrss-2026-budget.pdf": [],
    "shenzhen-civil-affairs-2026-budget.pdf": [],
    "shenzhen-planning-2026-budget.pdf": [],
    "beijing-audit-2026-budget-tables.pdf": [],
    "chongqing-gov-office-2026-budget.pdf": [],
    "chongqing-water-2026-budget.pdf": [],
}

SPLIT_FILES = ["yantai-housing-2026-budget.pdf", "yantai-statistics-2026-budget.pdf"]

# Pages that print one table each with the same title, read off the page images: a 绩效 form per
# project (烟台 政策和项目预算绩效目标表 pp. 38, 39, … each with its own 项目名称 and 资金 head) is
# no piece of the form before it; 北京 医保 预算12表 项目支出绩效目标表 runs as one list over
# pp. 21-23 (its header repeated), so its pieces are named.  (file, title, pieces named)
SPLIT_WARNINGS = [
    ("yantai-housing-2026-budget.pdf", "政策和项目预算绩效目标表", 0),
    ("beijing-medical-insurance-2026-budget-tables.pdf", "项目支出绩效目标表", 2),
]

# Column keys of printed columns, in the order printed (header read on the page images).
KEYS = [
    # 深圳 hrss 表3 基本支出总表 (page 114): 合计, 财政拨款 (小计, 一般公共预算拨款, 政府性基金预算拨款,
    # 国有资本经营预算拨款), 财政专户管理资金, 单位资金 (事业收入 … 其他收入), 上年结余、结转
    ("shenzhen-hrss-2026-budget.pdf", "基本支出总表",
     ["total", "fiscal_total", "fiscal", "fund", "capital", "special_account", "business", "operating_income",
      "superior", "affiliated", "other", "carryover"]),
    # 表2 支出总表 (page 65): 支出总计 … 上缴上级支出, 2026年政府采购项目 (小计, 其中 two shares)
    ("shenzhen-hrss-2026-budget.pdf", "支出总表",
     ["total", "basic", "project", "operating", "subsidy", "remit", "procurement", "procurement_sme",
      "procurement_micro"]),
    # 北京市审计局 预算02表 收入总表 (page 2): 合计, 本年收入 (小计, 一般公共预算资金 … 其他收入),
    # 上年结转结余 (小计, 一般公共预算资金 … 单位资金)
    ("beijing-audit-2026-budget-tables.pdf", "收入总表",
     ["total", "current", "fiscal", "fund", "capital", "special_account", "business", "operating", "superior",
      "affiliated", "other", "carryover", "carryover_general", "carryover_fund", "carryover_capital",
      "carryover_special_account", "carryover_unit"]),
    # 重庆市人民政府办公厅 2026年财政拨款“三公”经费支出情况表: 2025年预算数 and 2026年预算数 blocks
    # side by side, one row each
    ("chongqing-gov-office-2026-budget.pdf", "2026年财政拨款“三公”经费支出情况表",
     ["total", "overseas", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"]),
    # 上海市普陀区规划和自然资源局 2024 决算, 政府性基金预算财政拨款收入支出决算表 (page 18 image
    # viewed): 本年支出's 合计 | 基本支出 | 项目支出 printed in the 合计 row of a table with no data
    ("putuo-planning-2024-final.pdf", "政府性基金预算财政拨款收入支出决算表",
     ["opening", "income", "total", "basic", "project", "closing"]),
    # 烟台市统计局 公开表2 收入总体情况表 (page 8, pdftotext -layout): 合计, 财政拨款收入 (小计,
    # 一般公共预算, 政府性基金, 国有资本经营), 财政专户管理资金收入, 事业收入（不含教育收费）,
    # 事业单位经营收入, 其他收入, 上级补助收入, 附属单位上缴收入, 使用非财政拨款结余, 上年结转
    ("yantai-statistics-2026-budget.pdf", "收入总体情况表",
     ["total", "fiscal_total", "fiscal", "fund", "capital", "special_account", "business", "operating", "other",
      "superior", "affiliated", "nonfiscal_balance", "carryover"]),
    # 江苏省政协办公厅 公开01表 收支预算总表 (pdftotext -layout, page 1): 收入 项目名称 金额; 支出
    # 功能分类 (功能科目名称, 金额) beside 支出用途 (项目名称, 金额)
    ("jiangsu-cppcc-office-2019-budget-tables.pdf", "收支预算总表", ["amount", "use_item", "use_amount"]),
    # 烟台市住房和城乡建设局 公开表6 一般公共预算基本支出情况表 (page 20 image viewed): 科目编码 类 款
    # and 部门预算支出经济分类科目名称, then 科目编码 类 款 and 政府预算支出经济分类科目名称, then
    # 基本支出预算 (小计, 人员支出, 日常公用支出)
    ("yantai-housing-2026-budget.pdf", "一般公共预算基本支出情况表", ["gov_economic", "total", "personnel", "public"]),
    # 上海 财务收支预算总表: 本年收入 / 本年支出 sides; 预算数 合计, 人员经费, 公用经费, 项目支出
    ("shanghai-forensics-2026-budget.pdf", "2026年预算单位财务收支预算总表",
     ["amount", "personnel", "public", "project"]),
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

# 绩效 tables: how many tables each schema claims in a file (a form per project), read off the
# page images (yantai housing: one 政策和项目预算绩效目标表 per project on pages 37-113, the
# project on page 74 running onto page 75; yantai statistics: pages 30-33).
PERF_TABLES = [
    ("yantai-housing-2026-budget.pdf", "budget.project_performance", 76),
    ("yantai-statistics-2026-budget.pdf", "budget.project_performance", 4),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", 1),
    ("guangzhou-ecology-2026-performance.pdf", "budget.department_performance", 1),
    ("guangzhou-govservice-2026-performance.pdf", "budget.project_performance", 1),
    ("chongqing-water-2026-budget.pdf", "budget.project_performance", 3),  # pages 31, 32 and 33
    ("beijing-audit-2026-budget-tables.pdf", "budget.department_performance", 1),
    ("shenzhen-civil-affairs-2026-budget.pdf", "budget.project_performance", 1),
]

# 绩效 values read off the page images: (file, schema, row group, row label, key, value as printed).
PERF_VALUES = [
    # 宁德市人民政府办公室 部门整体绩效自评表 (2024): budget block, an indicator, the total
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "form", "127部门整体", "initial", "9209.55"),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "form", "127部门整体", "score_weight", "10"),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "form", "127部门整体", "score", "7"),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "form", "127部门整体", "total_score", "92.33"),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "indicator", "产出指标/数量指标/市政府常务会议场次", "target", "≥30次"),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "indicator", "产出指标/数量指标/市政府常务会议场次", "actual", "20"),
    ("ningde-gov-office-2024-performance.pdf", "performance.self_assessment", "indicator", "产出指标/数量指标/市政府常务会议场次", "score", "1.33"),
    # 烟台市住房和城乡建设局 pages 37 and 38
    ("yantai-housing-2026-budget.pdf", "budget.project_performance", "form", "城市更新城市体检", "amount", "87.45"),
    ("yantai-housing-2026-budget.pdf", "budget.project_performance", "form", "城市更新城市体检", "unit", "烟台市住房和城乡建设局"),
    ("yantai-housing-2026-budget.pdf", "budget.project_performance", "indicator", "产出指标/数量指标/建设城市体检平台数量", "target", "=1个"),
    ("yantai-housing-2026-budget.pdf", "budget.project_performance", "form", "冬季清洁取暖绩效评价服务", "amount", "108.35"),
    # 烟台市统计局 page 32: 成本指标/经济成本 merged over two rows
    ("yantai-statistics-2026-budget.pdf", "budget.project_performance", "form", "统计周期性调查", "amount", "368.00"),
    ("yantai-statistics-2026-budget.pdf", "budget.project_performance", "indicator", "成本指标/经济成本/培训单位成本", "target", "≤450元/人"),
    # 重庆 市级重点专项资金绩效目标表 (water page 31, commerce page 26)
    ("chongqing-water-2026-budget.pdf", "budget.project_performance", "form", "水库移民后期扶持", "amount", "12,700.00"),
    ("chongqing-water-2026-budget.pdf", "budget.project_performance", "form", "水库移民后期扶持", "transfer", "12,700.00"),
    ("chongqing-commerce-2026-budget-notes.pdf", "budget.project_performance", "form", "市商务发展专项", "local", "40,624.00"),
    # 广州市生态环境局 部门整体预算绩效目标申报表
    ("guangzhou-ecology-2026-performance.pdf", "budget.department_performance", "form", "广州市生态环境局", "basic_expenditure", "58,118.59"),
    ("guangzhou-ecology-2026-performance.pdf", "budget.department_performance", "indicator", "产出指标/数量指标/柴油车用油品抽检数量", "target", "200个"),
    # 广州市政务服务和数据管理局: one row per project, the first the 合计; each project's
    # indicators printed in one cell (page 1: 1、1-产出指标；11-数量指标；会议活动保障次数；…)
    ("guangzhou-govservice-2026-performance.pdf", "budget.project_performance", "form", "合计", "amount", "86,246.64"),
    ("guangzhou-govservice-2026-performance.pdf", "budget.project_performance", "form", "政务信息化项目管理经费", "amount", "365.50"),
    ("guangzhou-govservice-2026-performance.pdf", "budget.project_performance", "indicator", "产出指标/数量指标/会议活动保障次数", "target", "每年≥20场"),
    ("guangzhou-govservice-2026-performance.pdf", "budget.project_performance", "indicator", "产出指标/数量指标/立项\\终验审核数量值", "period_target", "≥400个"),
    # 北京市医疗保障局 预算12表 page 15 and 预算13表 page 27
    ("beijing-medical-insurance-2026-budget-tables.pdf", "budget.project_performance", "indicator", "产出指标/数量指标/宣传评估报告", "amount", "76.436338"),
    ("beijing-medical-insurance-2026-budget-tables.pdf", "budget.department_performance", "form", "北京市医疗保障局", "amount", "110,896.619602"),
    ("beijing-medical-insurance-2026-budget-tables.pdf", "budget.department_performance", "form", "北京市医疗保障局", "project_expenditure", "99,735.061373"),
    ("beijing-audit-2026-budget-tables.pdf", "budget.department_performance", "form", "北京市审计局", "basic_expenditure", "25,218.537585"),
    # 深圳市民政局 page 11: an untitled list of 7 projects (设置并编报7个项目绩效目标), its goals wrapped
    ("shenzhen-civil-affairs-2026-budget.pdf", "budget.project_performance", "form", "福利彩票公益金项目", "amount", "19,336.15"),
    ("shenzhen-civil-affairs-2026-budget.pdf", "budget.project_performance", "form", "安全生产和应急管理专项经费", "goal", "全市民政服务机构应急预案的实用性和可操作性显著提升,有效保障服务对象生命财产安全。"),
]

# 绩效 checks that must hold, with the sum read off the page: (file, rule, row, expected).
# 宁德: scores 7 + 85.33 = 92.33, weights 10 + 90; 重庆 commerce: weights 75 on page 26 and 25 on 27.
PERF_CHECKS = [
    ("ningde-gov-office-2024-performance.pdf", "score_sum", "127部门整体", "92.33"),
    ("ningde-gov-office-2024-performance.pdf", "weight_sum", "127部门整体", "100"),
    ("chongqing-water-2026-budget.pdf", "weight_sum", "水库移民后期扶持", "100"),
    ("chongqing-commerce-2026-budget-notes.pdf", "weight_sum", "市商务发展专项", "100"),
]

FINALS = ["putuo-finance-bureau-2024-final.pdf", "putuo-planning-2024-final.pdf",
          "putuo-social-work-2024-final.pdf", "final-accounts-template.pdf"]


def squeeze(s):
    return "".join((s or "").split())


# Every real file runs to completion with exit 0, the scanned one too (read by OCR).
SCANNED = "beijing-data-2026-budget-notes-scanned.pdf"
# The amounts its 情况说明 prints (page images, pages 5-7: 收入, 支出, 三公, 政府采购, 机关运行经费), as
# printed; they add up in its own totals: 38,197.01 + 63,408.16 + 67.86 = 101,673.03 (支出),
# 101,673.03 - 99,003.18 = 2,669.85, 51.3 + 7.25 + 21.56 = 80.11 (三公), 12.53 + 9.03 = 21.56,
# 1,168.3 + 105.2 + 54,033.95 = 55,307.45 (政府采购).
SCANNED_AMOUNTS = ["101,673.03", "99,003.18", "2,669.85", "4,950.85", "38,197.01", "63,408.16", "67.86",
                   "80.11", "8.35", "51.3", "7.25", "21.56", "12.53", "9.03", "55,307.45", "1,168.3",
                   "105.2", "54,033.95", "760.36"]


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


def load_exact(binary, name, cache={}):
    """The output with its numbers as exact decimals."""
    if name not in cache:
        out = subprocess.run([binary, "-q", str(REAL / name)], capture_output=True, timeout=120)
        cache[name] = json.loads(out.stdout, parse_float=Decimal, parse_int=Decimal)
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
        want = 0
        try:
            doc = json.loads(out.stdout)
        except ValueError:
            doc = None
        if out.returncode == want and doc is not None:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {path.name}: exit {out.returncode} (expected {want}), JSON {'read' if doc else 'unreadable'}")
    # The scanned file: every page read by OCR, every amount of its prose read as printed.
    if readable(SCANNED):
        doc = load(binary, SCANNED)
        ocr_pages = sorted(w["page"] for w in doc["warnings"] if w["code"] == "page_ocr")
        text = "".join("".join(b["text"].split()) for b in doc["blocks"])
        missing = [a for a in SCANNED_AMOUNTS if a not in text]
        if ocr_pages == list(range(1, 9)) and not missing:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {SCANNED}: pages read by OCR {ocr_pages}, amounts not read {missing}")
    else:
        skipped += 1
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
    for name, title, schema, number, pages in CLAIMS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        got = [(t["schema"], t["number"], t["pages"]) for t in doc["tables"] if squeeze(t["title"]) == squeeze(title)]
        if got == [(schema, number, pages)]:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: expected {(schema, number, pages)}, got {got}")
    for name, title, entity in ENTITIES:
        if not readable(name):
            skipped += 1
            continue
        got = [t["entity"] for t in load(binary, name)["tables"] if squeeze(t["title"]) == squeeze(title)]
        if got == [entity]:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: entity {got}, expected {entity}")
    for name, title, note in EMPTY:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        tables = [t for t in doc["tables"] if squeeze(t["title"]) == squeeze(title)]
        warned = [w for w in doc["warnings"] if tables and w["code"] == "table_empty" and w["table"] == tables[0]["id"]
                  and note in w["message"]]
        if len(tables) == 1 and tables[0]["schema"] and tables[0]["rows"] == [] and warned:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: expected claimed, no rows, table_empty with '{note}'")
    for name, code in DOC_WARNINGS:
        if not readable(name):
            skipped += 1
            continue
        if any(w["code"] == code and w["table"] is None for w in load(binary, name)["warnings"]):
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: no {code} warning")
    for name, title, rule, label, total, *column in REAL_CHECKS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        checks = [c for t in doc["tables"] if squeeze(t["title"]) == squeeze(title) for c in t["checks"]]
        hit = [c for c in checks if c["rule"] == rule and c["row"] == label and (not column or c["column"] == column[0])]
        bad = [c for c in checks if not c["ok"]]
        if hit and all(c["ok"] and abs(c["expected"] - total) < 0.005 for c in hit) and not bad:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: {rule} on {label}: got {hit}, failing {bad}")
    for name, printed in PRINTED_FAILURES.items():
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        failing = sorted((squeeze(t["title"]), c["rule"], c["row"], c["column"], round(c["expected"], 6), round(c["found"], 6))
                         for t in doc["tables"] for c in t["checks"] if not c["ok"])
        want = sorted((squeeze(t), r, w, k, round(e, 6), round(f, 6)) for t, r, w, k, e, f in printed)
        if failing == want:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: failing checks {failing}, expected the printed ones {want}")
    # 烟台 收入/支出总体情况表 run over pages with the title repeated and come out in pieces:
    # each failing sum is on a piece a table_split warning names (it or the piece after it).
    for name in SPLIT_FILES:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        named = set()
        for w in doc["warnings"]:
            if w["code"] == "table_split":
                named.add(w["table"])
                named.add(w["message"].split("continue table ")[1].split()[0])
        failing = {t["id"] for t in doc["tables"] for c in t["checks"] if not c["ok"]}
        if failing <= named:  # none once the pieces are joined
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: failing checks on {sorted(failing)}, pieces named by table_split {sorted(named)}")
    for name, title, want in SPLIT_WARNINGS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        titles = {t["id"]: squeeze(t["title"] or "") for t in doc["tables"]}
        named = sum(1 for w in doc["warnings"]
                    if w["code"] == "table_split" and titles.get(w["table"]) == squeeze(title))
        if named == want:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: {named} table_split warnings, expected {want}")
    for name, title, keys in KEYS:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        found = [[c["key"] for c in t["columns"]] for t in doc["tables"] if squeeze(t["title"]) == squeeze(title)]
        if found and all(f == keys for f in found):  # every piece of a table kept in pieces
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {title}: column keys {found}, expected [{keys}]")
        if name == "chongqing-gov-office-2026-budget.pdf":
            rows = [r["label"] for t in doc["tables"] if squeeze(t["title"]) == squeeze(title) for r in t["rows"]]
            if rows == ["上年预算数", "本年预算数"]:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {name}: {title}: rows {rows}, expected one per year block")
    # The same table (page 20): row 301 01 基本工资 beside 501 01 工资奖金津补贴 (gov_economic
    # "50101 工资奖金津补贴": code and name kept apart by one space), 295.56; the
    # row's code is the department's economic code alone, never joined with the 501 beside it.
    # The 2026年部门整体绩效目标表 (page 22) prints weights only (指标权重(%): 市政府门户网站优化整改次数
    # 10) and no money: no unit is printed and none is missing (no unit_missing warning).
    name = "chongqing-gov-office-2026-budget.pdf"
    if readable(name):
        doc = load(binary, name)
        tabs = [t for t in doc["tables"] if squeeze(t["title"]) == "2026年部门整体绩效目标表"]
        row = next((r for t in tabs for r in t["rows"] if r["label"] == "市政府门户网站优化整改次数"), None)
        if (len(tabs) == 1 and row and str(row["values"].get("weight")) == "10"
                and not any(w["code"] == "unit_missing" and w["table"] == tabs[0]["id"] for w in doc["warnings"])):
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: 2026年部门整体绩效目标表: weight 10 of 市政府门户网站优化整改次数, no unit_missing")
    else:
        skipped += 1
    name = "yantai-housing-2026-budget.pdf"
    if readable(name):
        rows = [r for t in load(binary, name)["tables"] if squeeze(t["title"]) == "一般公共预算基本支出情况表"
                for r in t["rows"]]
        first = next((r for r in rows if r.get("code") == "30101"), None)
        if (first and first["label"] == "基本工资" and first["values"].get("gov_economic") == "50101 工资奖金津补贴"
                and str(first["values"].get("total")) == "295.56" and all(len(r["code"] or "") <= 5 for r in rows)):
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: 一般公共预算基本支出情况表: row 30101 {first}, or a code joined with the second classification")
    else:
        skipped += 1
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
    for name, schema, count in PERF_TABLES:
        if not readable(name):
            skipped += 1
            continue
        doc = load(binary, name)
        n = sum(1 for t in doc["tables"] if t["schema"] == schema)
        if n == count:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {n} tables claimed by {schema}, expected {count}")
    for name, schema, group, label, key, printed in PERF_VALUES:
        if not readable(name):
            skipped += 1
            continue
        doc = load_exact(binary, name)
        want = Decimal(printed.replace(",", "")) if re.fullmatch(r"[\d,]+(\.\d+)?", printed) else printed
        got = [r["values"].get(key) for t in doc["tables"] if t["schema"] == schema
               for r in t["rows"] if r["group"] == group and r["label"] == label]
        # A text column keeps the printed text; an amount column gives the exact number.
        if got and (got[0] == want if not isinstance(got[0], str) else got[0] == printed):
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {schema} {group} '{label}' {key}: expected {printed}, got {got[:3]}")
    for name, rule, label, total in PERF_CHECKS:
        if not readable(name):
            skipped += 1
            continue
        doc = load_exact(binary, name)
        hit = [c for t in doc["tables"] if t["schema"] and "performance" in t["schema"]
               for c in t["checks"] if c["rule"] == rule and c["row"] == label]
        if hit and all(c["ok"] and c["expected"] == Decimal(total) for c in hit):
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {rule} on {label}: got {hit}")
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
        # Values are compared as printed by the exact decimal writer (no float in between).
        facts = json.loads(out.stdout, parse_float=str, parse_int=str).get("facts", [])
        hit = [f for f in facts if f["measure"] == measure and f["unit"] == unit]
        if hit and any(f["value"] == value for f in hit):
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
