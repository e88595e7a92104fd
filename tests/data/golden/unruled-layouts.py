#!/usr/bin/python3
"""Writes unruled-layouts.pdf (golden case unruled-layouts) beside this
script: a 支出决算表 printed without rules, its header set flush right over
right-aligned whole amounts (基本支出 heading 人员经费 and 公用经费; 合计 and
the label headers centred down the header's height), the first row's label
wrapped round its figures, and the table running on to a second page that
repeats only the header's last line and wraps another label round its
figures.  Deterministic (reportlab's invariant mode, the built-in STSong
font).  The figures the golden case expects are the ones drawn here."""
import sys
from pathlib import Path

sys.path.append("/usr/lib/python3/dist-packages")  # Debian's python3-reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

rl_config.invariant = 1
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
F = "STSong-Light"
W, H = 595, 842
CODE, LABEL = 60, 110
RIGHT = [300, 380, 460, 540]  # right edges: 合计, 人员经费, 公用经费, 项目支出

ROWS = [  # code, label, 合计, 人员经费, 公用经费, 项目支出
    ("201", "一般公共服务支出", "5320", "2100", "620", "2600"),
    ("20101", "人大事务", "3320", "1400", "420", "1500"),
    ("2010101", "行政运行", "1820", "1400", "420", ""),
    ("2010104", "人大会议", "1500", "", "", "1500"),
    ("20103", "政府办公厅（室）及相关机构事务", "2000", "700", "200", "1100"),
    ("2010301", "行政运行", "900", "700", "200", ""),
    ("2010350", "事业运行", "1100", "", "", "1100"),
    ("208", "社会保障和就业支出", "760", "760", "", ""),
    ("20805", "行政事业单位养老支出", "760", "760", "", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "760", "760", "", ""),
]


def text(c, x, y, s, size=9, right=False):
    c.setFont(F, size)
    if right:
        c.drawRightString(x, y, s)
    else:
        c.drawString(x, y, s)


def header(c, y, full):
    """The header from baseline y down; full=False: only its last line."""
    if full:
        text(c, RIGHT[2], y, "基本支出", right=True)
        text(c, CODE, y - 7, "科目编码")
        text(c, LABEL + 40, y - 7, "科目名称")
        text(c, RIGHT[0], y - 7, "合计", right=True)
        text(c, RIGHT[3], y - 7, "项目支出", right=True)
        y -= 14
    text(c, RIGHT[1], y, "人员经费", right=True)
    text(c, RIGHT[2], y, "公用经费", right=True)
    if not full:
        text(c, CODE, y, "科目编码")
        text(c, LABEL + 40, y, "科目名称")
        text(c, RIGHT[0], y, "合计", right=True)
        text(c, RIGHT[3], y, "项目支出", right=True)
    return y - 20


def row(c, y, r, wrap=0):
    text(c, CODE, y, r[0])
    if wrap:  # the label in two lines, the figures centred between them
        text(c, LABEL, y + 5, r[1][:wrap])
        text(c, LABEL, y - 5, r[1][wrap:])
    else:
        text(c, LABEL, y, r[1])
    for x, v in zip(RIGHT, r[2:]):
        if v:
            text(c, x, y, v, right=True)
    return y - (24 if wrap else 16)


def main():
    out = Path(__file__).with_suffix(".pdf")
    c = canvas.Canvas(str(out), pagesize=(W, H), invariant=1)
    text(c, W / 2 - 40, 780, "支出决算表", size=16)
    text(c, 480, 755, "单位：万元")
    y = header(c, 730, True)
    for i, r in enumerate(ROWS[:7]):
        y = row(c, y, r, wrap=5 if i == 0 else 0)
    c.showPage()
    y = header(c, 790, False)
    for r in ROWS[7:]:
        y = row(c, y, r, wrap=10 if len(r[1]) > 12 else 0)
    text(c, LABEL, y, "合计")
    for x, v in zip(RIGHT, ("6080", "2860", "620", "2600")):
        text(c, x, y, v, right=True)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
