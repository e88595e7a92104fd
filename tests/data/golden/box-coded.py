#!/usr/bin/python3
"""Writes box-coded.pdf (golden case box-coded) beside this script: a
支出预算总表 drawn with an outer box and no inner rules, joined codes, its
header centred in the cells over right-aligned amounts.  科目名称 is centred
in a wide label cell one line below 合计, so it stands in the gap between the
short labels and the figures; 上缴上级支出 wraps in its narrow cell (上缴上级支
over 出, centred) over a column that prints only dashes.  Deterministic
(reportlab's invariant mode, the built-in STSong font).  The figures the
golden case expects are the ones drawn here."""
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
LEFT, RIGHT_EDGE = 40, 555
CODE, LABEL = 45, 95
# cells: code 40-90, label 90-260, 合计 260-335, 基本支出 335-410, 项目支出 410-485, 上缴上级支出 485-555
CELLS = [(40, 90), (90, 260), (260, 335), (335, 410), (410, 485), (485, 555)]
ROWS = [  # code, label, 合计, 基本支出, 项目支出
    ("", "总计", "1457016.73", "411510.99", "1045505.74"),
    ("205", "教育支出", "300.00", "120.50", "179.50"),
    ("20502", "普通教育", "300.00", "120.50", "179.50"),
    ("2050203", "初中教育", "300.00", "120.50", "179.50"),
    ("208", "社会保障", "1456716.73", "411390.49", "1045326.24"),
    ("20805", "养老支出", "1456716.73", "411390.49", "1045326.24"),
    ("2080505", "养老缴费", "1456716.73", "411390.49", "1045326.24"),
]


def text(c, x, y, s, size=9, how="left"):
    c.setFont(F, size)
    if how == "right":
        c.drawRightString(x, y, s)
    elif how == "centre":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def centre(i):
    return (CELLS[i][0] + CELLS[i][1]) / 2


def main():
    out = Path(__file__).with_suffix(".pdf")
    c = canvas.Canvas(str(out), pagesize=(W, H), invariant=1)
    text(c, W / 2, 780, "支出预算总表", size=16, how="centre")
    text(c, 480, 755, "单位：万元")
    top = 745
    # header: the figures' headers on the upper line, the label headers on the lower one
    text(c, centre(0), 728, "科目编码", how="centre")
    text(c, centre(2), 728, "合计", how="centre")
    text(c, centre(3), 728, "基本支出", how="centre")
    text(c, centre(4), 728, "项目支出", how="centre")
    text(c, centre(5), 728, "上缴上级支", how="centre")
    text(c, centre(5), 718, "出", how="centre")
    text(c, centre(1), 718, "科目名称", how="centre")
    y = 698
    for code, label, *figures in ROWS:
        text(c, CODE, y, code)
        text(c, LABEL, y, label)
        for i, v in enumerate(figures + ["-"]):
            text(c, CELLS[2 + i][1] - 3, y, v, how="right")
        y -= 15
    c.setLineWidth(0.8)
    c.rect(LEFT, y + 8, RIGHT_EDGE - LEFT, top - (y + 8))
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
