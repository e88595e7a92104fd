#!/usr/bin/env python3
"""Facts read off the page (--facts): for each case, the figures a reader finds in
the text, written from the printed page (not from the program's output): the
figure as printed, its exact value with every printed digit, unit, what it
measures, how it relates (amount, budget, actual, increase, decrease, share,
rate, score, grade …), the comparison or base, the year its sentence states,
and the table cells it restates (schema, row key, column key, whether they
agree).  Every expected fact must be found with exactly these fields; every
figure with a unit in the case must have a subject; the text_restates_cell
checks that fail must be exactly the expected disagreements.

Cases on files of the shared corpus ($DISCLEX_SHARED, default ../shared) are
skipped, saying so, when it is absent.

Usage: facts_cases.py ./disclex
"""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DISCLEX_SHARED") or ROOT.parent / "shared")

# (page, text as printed, value as printed, unit, subject, relation, basis, year,
#  [(schema, row, column, ok), …])
CASES = {
    # A small 决算 written for this test: the 收支总表 and the 三公 table, then the
    # 情况说明 restating them; 本年支出合计 is misprinted (3,250.50 for 3,260.50).
    "tests/data/facts/final-notes.txt": [
        (None, "3,260.50万元", "3260.50", "万元", "收入、支出总计", "amount", None, 2024,
         [("final.summary", "总计", "amount", True)]),
        (None, "160.50万元", "160.50", "万元", "收入、支出总计", "increase", "2023年度", None, []),
        (None, "5.18%", "5.18", "%", "收入、支出总计", "increase", "2023年度", None, []),
        (None, "3,260.50万元", "3260.50", "万元", "本年收入合计", "amount", None, None,
         [("final.summary", "本年收入合计", "amount", True)]),
        (None, "3,200.50万元", "3200.50", "万元", "一般公共预算财政拨款收入", "amount", None, None,
         [("final.summary", "一般公共预算财政拨款收入", "amount", True)]),
        (None, "98.16%", "98.16", "%", "一般公共预算财政拨款收入", "share", None, None, []),
        (None, "60.00万元", "60.00", "万元", "其他收入", "amount", None, None,
         [("final.summary", "其他收入", "amount", True)]),
        (None, "3,250.50万元", "3250.50", "万元", "本年支出合计", "amount", None, None,
         [("final.summary", "本年支出合计", "amount", False)]),
        (None, "2,860.50万元", "2860.50", "万元", "一般公共服务支出", "amount", None, None,
         [("final.summary", "一般公共服务支出", "amount", True)]),
        (None, "40.00万元", "40.00", "万元", "本年支出合计", "decrease", "上年", None, []),
        (None, "1.22%", "1.22", "%", "本年支出合计", "decrease", "上年", None, []),
        (None, "12.50万元", "12.50", "万元", "项目支出", "increase", "上年", None, []),
        (None, "400.00万元", "400.00", "万元", "社会保障和就业支出", "amount", None, None,
         [("final.summary", "社会保障和就业支出", "amount", True)]),
        (None, "0万元", "0", "万元", "卫生健康支出", "amount", None, None, []),
        (None, "12.00万元", "12.00", "万元", "“三公”经费财政拨款支出", "budget", None, None,
         [("final.three_public", "预算数", "total", True)]),
        (None, "9.80万元", "9.80", "万元", "“三公”经费财政拨款支出", "actual", None, None,
         [("final.three_public", "决算数", "total", True)]),
        (None, "81.67%", "81.67", "%", "“三公”经费财政拨款支出", "rate", "预算", None, []),
        (None, "0.00万元", "0.00", "万元", "因公出国（境）费", "actual", None, None,
         [("final.three_public", "决算数", "overseas", True)]),
        (None, "1.20万元", "1.20", "万元", "公务接待费", "actual", None, None,
         [("final.three_public", "决算数", "reception", True)]),
        (None, "0.30万元", "0.30", "万元", "公务接待费", "decrease", "上年", None, []),
        (None, "96.50分", "96.50", "分", "部门整体支出绩效自评", "score", None, None, []),
        (None, "优", None, None, "评价等级", "grade", None, None, []),
        # The department's whole spending is the 收支总表's 本年支出合计; a part of the
        # department (局本级, 下属单位) restates no cell of the department's tables.
        (None, "3,260.50万元", "3260.50", "万元", "部门整体支出", "amount", None, 2024,
         [("final.summary", "本年支出合计", "amount", True)]),
        (None, "2,000.00万元", "2000.00", "万元", "局本级整体支出", "amount", None, 2024, []),
        (None, "1,260.50万元", "1260.50", "万元", "下属单位整体支出", "amount", None, 2024, []),
    ],
    # Seed 003 (a 绩效评价 report): amounts in sentences, a list of percentage points, the
    # total score and the grade in the conclusion.
    "tests/data/seeds/003_91be073d674ac1bc.txt": [
        (None, "3284.93 万元", "3284.93", "万元", "年初预算", "budget", None, 2022, []),
        # a part of 年度预算收入 3109.67: a budget figure
        (None, "1857.4 万元", "1857.4", "万元", "项目支出", "budget", None, 2022, []),
        (None, "33.98 万元", "33.98", "万元", "“三公经费”", "budget", None, 2022, []),
        (None, "29.58 万元", "29.58", "万元", "“三公经费”", "actual", None, 2022, []),
        (None, "1.69", "1.69", "百分点", "平均回访率", "increase", "2021年", None, []),
        (None, "1.1 个百分点", "1.1", "百分点", "平均回访率", "increase", "2021年", None, []),
        (None, "4.83 个百分点", "4.83", "百分点", "在线办结率", "decrease", "2021年", None, []),
        (None, "88.92 分", "88.92", "分", "综合评价", "score", None, 2022, []),
        (None, "良", None, None, "评价等级", "grade", None, None, []),
    ],
    # Seed 001: the 绩效自评 total score of the text against the 总分 of its
    # 部门整体支出绩效自评表 (99.7); a project's 部门评价得分 is no score of that form.
    "tests/data/seeds/001_4d7cf89fcda6ae68.txt": [
        (None, "1535.92万元", "1535.92", "万元", "整体支出", "budget", None, 2024, []),
        (None, "97.01%", "97.01", "%", "整体支出", "rate", "预算", 2024, []),
        (None, "99.7分", "99.7", "分", "绩效自评", "score", None, 2024,
         [("performance.self_assessment", "株洲市行政审批服务局", "total_score", True)]),
        (None, "优秀", None, None, "评价等级", "grade", None, None, []),
        (None, "90.99分", "90.99", "分", "部门评价", "score", None, None, []),
        # the 三公 table prints 预算数 4.03 (公务用车运行维护费 3.44) where the text says 5.5 (3.5)
        (None, "5.5万元", "5.5", "万元", "“三公”经费财政拨款支出", "budget", None, 2024,
         [("final.three_public", "预算数", "total", False)]),
        (None, "3.5万元", "3.5", "万元", "公务用车运行维护费支出", "budget", None, None,
         [("final.three_public", "预算数", "vehicle_operation", False)]),
        (None, "847.76万元", "847.76", "万元", "涉及一般公共预算支出", "amount", None, 2024, []),
        # 涉及项目8 个，共涉及资金847.76万元: the projects' money, not the whole 1489.93
        (None, "847.76万元", "847.76", "万元", "共涉及资金", "amount", None, 2024, []),
    ],
    # Seed 002 (长沙市政务服务中心 2020 决算): a sentence of the 2020 budget (根据2020年部门预算批复
    # …支出预算…；项目支出1446.00万元) restates no cell of the final accounts; the 三公 budget
    # figures restate the 三公 table's 预算数 (9.70 / 3.20 / 6.50), its 决算 figures the 决算数
    # (公务用车运行费 3.25); 项目支出's 商品和服务支出 1329.04 is not the 基本支出 table's 302
    # (166.76), nor is the whole 公务用车运行维护费 3.25 its 30231 (1.50).  No disagreement.
    "tests/data/seeds/002_07f019ba6ccc29bb.txt": [
        (None, "1446.00 万元", "1446.00", "万元", "项目支出", "budget", None, None, []),
        (None, "1.71 万元", "1.71", "万元", "社会保障和就业支出", "budget", None, 2020, []),
        (None, "3.20 万元", "3.20", "万元", "公务接待费", "budget", None, 2020,
         [("final.three_public", "预算数", "reception", True)]),
        (None, "6.50 万元", "6.50", "万元", "公务用车购置及运行费", "budget", None, 2020,
         [("final.three_public", "预算数", "vehicle", True)]),
        (None, "0.30 万元", "0.30", "万元", "公务接待费", "actual", None, None,
         [("final.three_public", "决算数", "reception", True)]),
        (None, "1329.04 万元", "1329.04", "万元", "商品和服务支出", "amount", None, None, []),
        (None, "3.25 万元", "3.25", "万元", "公务用车运行维护费", "amount", None, 2020,
         [("final.three_public", "决算数", "vehicle_operation", True)]),
        (None, "1014.41 万元", "1014.41", "万元", "工资福利支出", "amount", None, None,
         [("final.basic_detail", "301", "amount", True)]),
        # 本单位 2020 年预算安排数为 2211.20 万元, 本年追加调整预算 636.07 万元, 实际支出 2847.27
        # 万元: the unit's own spending (not the 追加调整's), its 本年支出合计
        (None, "2847.27 万元", "2847.27", "万元", "实际支出", "actual", None, 2020,
         [("final.summary", "本年支出合计", "amount", True)]),
        # 2020 年度防疫支出: 口罩 13200 元, …, 合计 87114 元: the list's total (no table holds it)
        (None, "87114 元", "87114", "元", "防疫支出", "amount", None, 2020, []),
        # 对2020年度部门整体支出开展了绩效自评，涉及资金2,847.27万元: the whole spending
        (None, "2,847.27 万元", "2847.27", "万元", "涉及资金", "amount", None, 2020,
         [("final.summary", "本年支出合计", "amount", True)]),
        (None, "1643.45 万元", "1643.45", "万元", "决算项目支出合计", "amount", None, 2020,
         [("final.general_expenditure", "合计", "project", True)]),
    ],
    # Seed 000 (长沙市行政审批服务局 2024 决算): the items' long 类/款/项 titles are the subjects of
    # their figures; the 政府性基金 section's 支出 0.00 restates no cell of the department's
    # 收支总表; the 三公 figures of 局机关 and 市政务服务中心 (a paragraph opening with the
    # unit's name) are the units', not the table's; 公用经费's 公务用车运行维护费 1.17 is the
    # 基本支出 table's 30231.  The text's 2024年公务接待费支出0.86万元，较年初预算2.85万元 are
    # 局机关's figures given for the department: the 三公 table holds 1.38 and 5.19.  The
    # failing checks of the 支出决算表 (read one column off: 本年支出合计 taken as 基本支出)
    # are not listed: only these are compared.
    "tests/data/seeds/000_457d21f7844e790a.txt": [
        (None, "790.23 万元", "790.23", "万元",
         "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）", "actual", None, None,
         [("final.general_expenditure", "2010302", "total", True)]),
        (None, "123.89 万元", "123.89", "万元",
         "一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）其他政府办公厅（室）及相关机构事务支出（项）",
         "actual", None, None, [("final.general_expenditure", "2010399", "total", True)]),
        (None, "30.00 万元", "30.00", "万元", "公务用车购置及运行维护费", "amount", None, 2024, []),
        (None, "1.28 万元", "1.28", "万元", "公务用车购置及运行维护费", "amount", None, 2024, []),
        (None, "1.17 万元", "1.17", "万元", "公务用车运行维护费", "amount", None, None,
         [("final.basic_detail", "30231", "amount", True)]),
        (None, "0.86万元", "0.86", "万元", "公务接待费支出", "amount", None, 2024,
         [("final.three_public", "决算数", "reception", False)]),
        (None, "2.85万元", "2.85", "万元", "公务接待费支出", "budget", None, 2024,
         [("final.three_public", "预算数", "reception", False)]),
        (None, "1.99万元", "1.99", "万元", "公务接待费支出", "decrease", "年初预算", 2024, []),
        # 涉及项目 22 个，共涉及资金 3260.55 万元。其中，一般公共预算项目 22 个 927.02 万元: the
        # projects hold 927.02, so 3260.55 is the whole spending (seed 001's 847.76 is its projects')
        (None, "3260.55 万元", "3260.55", "万元", "共涉及资金", "amount", None, 2024,
         [("final.summary", "本年支出合计", "amount", True)]),
    ],
    # 上海市普陀区财政局2024年度部门决算, page 21 (the 情况说明) against pages 6-7 (收支总表:
    # 总计 2,995.39, 社会保障和就业支出 326.71), 8 (收入决算表), 10 (支出决算表), 12-13
    # (财政拨款收支总表: 总计 2,961.68) and 15 (一般公共预算财政拨款支出决算表).  The page
    # prints 财政拨款收入支出总计0.3万元 and 社会保障和就业支出（类）326.72万元: two
    # disagreements with the tables.
    "$SHARED/corpus/real/putuo-finance-bureau-2024-final.pdf": [
        (21, "2995.39万元", "2995.39", "万元", "收入支出总计", "amount", None, 2024,
         [("final.summary", "总计", "amount", True)]),
        (21, "56.95万元", "56.95", "万元", "收入支出总计", "decrease", "2023年度", None, []),
        (21, "1.87%", "1.87", "%", "收入支出总计", "decrease", "2023年度", None, []),
        (21, "2946.25万元", "2946.25", "万元", "本年收入合计", "amount", None, None,
         [("final.income", "合计", "total", True), ("final.summary", "本年收入合计", "amount", True)]),
        (21, "2940.05万元", "2940.05", "万元", "财政拨款收入", "amount", None, None,
         [("final.income", "合计", "fiscal", True)]),
        (21, "99.79%", "99.79", "%", "财政拨款收入", "share", None, None, []),
        (21, "6.2万元", "6.2", "万元", "其他收入", "amount", None, None,
         [("final.income", "合计", "other", True), ("final.summary", "其他收入", "amount", True)]),
        (21, "0.21%", "0.21", "%", "其他收入", "share", None, None, []),
        (21, "2940.05万元", "2940.05", "万元", "本年支出合计", "amount", None, None,
         [("final.expenditure", "合计", "total", True), ("final.summary", "本年支出合计", "amount", True)]),
        (21, "2336.91万元", "2336.91", "万元", "基本支出", "amount", None, None,
         [("final.expenditure", "合计", "basic", True)]),
        (21, "79.49%", "79.49", "%", "基本支出", "share", None, None, []),
        (21, "603.14万元", "603.14", "万元", "项目支出", "amount", None, None,
         [("final.expenditure", "合计", "project", True)]),
        (21, "20.51%", "20.51", "%", "项目支出", "share", None, None, []),
        (21, "0.3万元", "0.3", "万元", "财政拨款收入支出总计", "amount", None, 2024,
         [("final.fiscal_summary", "总计", "amount", False)]),
        (21, "100.00%", "100.00", "%", "一般公共预算财政拨款支出", "share", "本年支出合计", None, []),
        (21, "63.14万元", "63.14", "万元", "一般公共预算财政拨款支出", "decrease", "2023年度", None, []),
        (21, "2.10%", "2.10", "%", "一般公共预算财政拨款支出", "decrease", "2023年度", None, []),
        (21, "2106.66万元", "2106.66", "万元", "一般公共服务支出（类）", "amount", None, None,
         [("final.general_expenditure", "201", "total", True),
          ("final.summary", "一般公共服务支出", "amount", True)]),
        (21, "326.72万元", "326.72", "万元", "社会保障和就业支出（类）", "amount", None, None,
         [("final.general_expenditure", "208", "total", True),
          ("final.summary", "社会保障和就业支出", "amount", False)]),
        (21, "445.69万元", "445.69", "万元", "住房保障支出（类）", "amount", None, None,
         [("final.general_expenditure", "221", "total", True),
          ("final.summary", "住房保障支出", "amount", True)]),
        (21, "2993.92万元", "2993.92", "万元", "一般公共预算财政拨款支出", "budget", None, None, []),
        (21, "98.20%", "98.20", "%", "一般公共预算财政拨款支出", "rate", "年初预算", None, []),
        # page 22: the 项 lines, one of them wrapped onto the next page's block
        (22, "1511.89万元", "1511.89", "万元", "一般公共服务支出（类）财政事务（款）行政运行（项）", "actual",
         None, None, [("final.general_expenditure", "2010601", "total", True)]),
        # an item whose 类/款/项 title is long (机关事业单位基本养老保险缴费支出): its own
        # figures, not the item's before (page 15: 2080505 160.75)
        (22, "160.75万元", "160.75", "万元",
         "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）", "actual",
         None, None, [("final.general_expenditure", "2080505", "total", True)]),
        (22, "258.50万元", "258.50", "万元", "住房保障支出（类）住房改革支出（款）购房补贴（项）", "budget",
         None, None, []),
        # page 23: 三公, blank 决算数 cells read as 0
        (23, "0.95万元", "0.95", "万元", "“三公”经费财政拨款支出", "budget", None, None,
         [("final.three_public", "预算数", "total", True)]),
        (23, "0.00万元", "0.00", "万元", "因公出国（境）费", "actual", None, None,
         [("final.three_public", "决算数", "overseas", True)]),
        # 绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分: those projects' score
        (23, "99.43分", "99.43", "分", "绩效自评的项目", "score", None, 2024, []),
        (24, "2.55万元", "2.55", "万元", "机关运行经费支出", "increase", "2023年度", None, []),
    ],
    # 上海市普陀区规划和自然资源局2024年度部门决算: the paragraph of the 事业单位离退休 line
    # starts at the foot of page 21 and its figures are printed at the top of page 22.
    "$SHARED/corpus/real/putuo-planning-2024-final.pdf": [
        (22, "28.11 万元", "28.11", "万元", "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）",
         "budget", None, None, []),
        (22, "28.11 万元", "28.11", "万元", "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）",
         "actual", None, None, [("final.general_expenditure", "2080502", "total", True)]),
        (22, "100.00%", "100.00", "%", "社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）",
         "rate", "年初预算", None, []),
        # page 21: 一般公共预算财政拨款支出…主要用于：卫生健康支出（类）236.63 万元 (page 14's 210
        # prints 236.64: a disagreement), 城乡社区支出（类）3832.36 (page 14's 212); the 收支总表's
        # rows (236.63, 3845.25) hold other money too (本年支出合计 9759.38, not 9746.50)
        (21, "236.63 万元", "236.63", "万元", "卫生健康支出（类）", "amount", None, None,
         [("final.general_expenditure", "210", "total", False)]),
        (21, "3832.36万元", "3832.36", "万元", "城乡社区支出（类）", "amount", None, None,
         [("final.general_expenditure", "212", "total", True)]),
        # page 24: 基本支出 5377.64 and 人员经费 4896.98 where pages 15-16 print 5364.75 and
        # 4884.09 (both 12.89 more in the text)
        (24, "5377.64 万元", "5377.64", "万元", "一般公共预算财政拨款基本支出", "amount", None, None,
         [("final.general_expenditure", "合计", "basic", False)]),
        (24, "4896.98 万元", "4896.98", "万元", "人员经费", "amount", None, None,
         [("final.basic_detail", "人员经费合计", "amount", False)]),
    ],
    # 重庆市商务委员会2026年部门预算: page 3, the items (一)收入预算 and (二)支出预算 each open
    # with 2026年年初预算数174,900.64万元, the 部门收支总体情况表's 合计 of either side (表一,
    # page 7); 一般公共预算拨款 / 一般公共预算财政拨款收入 101,833.84 is its
    # 一般公共预算资金 (not the 财政拨款收支总体情况表's 一般公共预算拨款 2,513.30 under 上年结转);
    # page 4, 其中:基本支出43,436.09万元 is the 一般公共预算支出情况表's (表五) 合计 基本支出,
    # which the sentence names, not the 部门支出总体情况表's 56,633.49.
    "$SHARED/corpus/real/chongqing-commerce-2026-budget-notes.pdf": [
        (3, "174,900.64万元", "174900.64", "万元", "收入预算", "budget", None, 2026,
         [("budget.summary", "合计", "amount", True)]),
        (3, "174,900.64万元", "174900.64", "万元", "支出预算", "budget", None, 2026,
         [("budget.summary", "合计", "amount", True)]),
        (3, "101,833.84万元", "101833.84", "万元", "一般公共预算拨款", "budget", None, 2026,
         [("budget.summary", "一般公共预算资金", "amount", True)]),
        (4, "101,833.84万元", "101833.84", "万元", "一般公共预算财政拨款收入", "amount", None, 2026,
         [("budget.summary", "一般公共预算资金", "amount", True)]),
        (4, "43,436.09万元", "43436.09", "万元", "基本支出", "amount", None, None,
         [("budget.general_expenditure", "合计", "basic", True)]),
    ],
}

# Cases whose failing checks are compared only among those listed (a table read wrong
# elsewhere in the document makes others fail).
PARTIAL = {"tests/data/seeds/000_457d21f7844e790a.txt"}
# Cases where checks fail against a table read wrong (seed 000's 支出决算表, one column off
# with a column_unkeyed doubt): how many fact_disagrees_table warnings must say so.
DOUBTED = {"tests/data/seeds/000_457d21f7844e790a.txt": 1}


def named(s):
    return bool(s) and len(s) >= 2 and not s.startswith(("、", "，", "；", "：", "(", "（"))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    failed = passed = skipped = 0
    for path, want in CASES.items():
        if path.startswith("$SHARED"):
            if not SHARED.is_dir():
                print(f"skip facts {path}: needs the shared corpus, not found at {SHARED} ($DISCLEX_SHARED)")
                skipped += 1
                continue
            real = str(SHARED) + path[len("$SHARED"):]
        else:
            real = str(ROOT / path)
        out = subprocess.run([binary, "-q", "--facts", real], capture_output=True, text=True)
        doc = json.loads(out.stdout, parse_float=str, parse_int=str)
        schema_of = {t["id"]: t["schema"] for t in doc["tables"]}
        facts = doc["facts"]
        errors = []
        used = set()
        for w in want:
            page, text, value, unit, subject, relation, basis, year, cells = w
            cand = [i for i, f in enumerate(facts)
                    if i not in used and f["text"] == text and (page is None or str(f["page"]) == str(page))
                    and f["subject"] == subject]
            if not cand:
                near = [(f["page"], f["subject"], f["relation"]) for f in facts if f["text"] == text]
                errors.append(f"missing {text} p{page} {subject}: found {near}")
                continue
            i = cand[0]
            used.add(i)
            f = facts[i]
            got = (f["value"], f["unit"], f["relation"], f["basis"], int(f["year"]) if f["year"] else None,
                   [(schema_of.get(c["table"]), c["row"], c["column"], c["ok"]) for c in f["cells"]])
            exp = (value, unit, relation, basis, year, cells)
            if got != exp:
                errors.append(f"{text} p{page} {subject}: got {got}, want {exp}")
        for f in facts:
            if f["unit"] and not named(f["subject"]):
                errors.append(f"no subject: block {f['block']} {f['measure']!r} {f['text']}")
        fail_want = sorted((schema, row, col) for w in want for (schema, row, col, ok) in w[8] if not ok)
        fail_got = sorted((schema_of.get(k["tables"][0]), k.get("row"), k.get("column"))
                          for k in doc["document_checks"] if k["rule"] == "text_restates_cell" and not k["ok"])
        if path.startswith("$SHARED") or path in PARTIAL:
            fail_got = [x for x in fail_got if x in fail_want]  # the case lists some pages only
        if fail_got != fail_want:
            errors.append(f"failing checks {fail_got}, want {fail_want}")
        warned = [w for w in doc["warnings"] if w["code"] == "fact_disagrees_table"]
        in_doubt = sum(1 for w in warned if "read with a doubt" in w["message"])
        if in_doubt < DOUBTED.get(path, 0):
            errors.append(f"{in_doubt} fact_disagrees_table warnings name the table's doubt, want {DOUBTED[path]} at least")
        if len(warned) < len(fail_want):
            errors.append(f"{len(warned)} fact_disagrees_table warnings, want {len(fail_want)} at least")
        if errors:
            failed += 1
            print(f"FAIL facts {path}:")
            for e in errors:
                print("   ", e)
        else:
            passed += 1
    print(f"facts: {passed} passed, {failed} failed, {skipped} skipped")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
