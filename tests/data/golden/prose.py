#!/usr/bin/python3
"""Writes prose.pdf (blocks golden prose-pdf, golden case prose-pdf) beside this script: four
pages of a budget's prose set as 情况说明 are, each line placed by hand.  Deterministic
(reportlab's invariant mode, the built-in STSong font).

What the pages hold, and so what the blocks must be:
  page 1  a title set large over two lines (one heading); 目 录 and five entries with leader
          dots and page numbers (one contents block); the page number "- 1 -" (furniture).
  page 2  a running header (also on pages 3 and 4: furniture); 第一部分 (heading 1);
          一、部门职责 (heading 2); a paragraph whose lines end in 。 at the full width and go
          on at the left edge (one paragraph), ending 主要职责是：; two numbered items, the
          first wrapped; a numbered heading wrapped over two lines (one heading 2); three
          items (一)(二)(三), the third without a sentence (an item like its siblings); a
          paragraph running over the page break (one paragraph).
  page 3  the rest of it; a paragraph whose last line stands right over a table's unit line
          (the table has no title: the paragraph keeps the line); a paragraph, then a titled
          table (收支总表, 单位：万元, both the table's); items (1) and ①.
  page 4  one paragraph.
"""
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
LEFT, RIGHT = 72, 520  # body: 32 characters of 14 pt
SIZE, LEAD = 14, 24
INDENT = LEFT + 2 * SIZE
HEADER = "示例市示例局2026年度部门预算"

# Body lines: (x, text).  A full line holds 32 characters from LEFT, 30 from INDENT.
PAGE2 = [
    ("h2", "一、部门职责"),
    (INDENT, "示例市示例局是市政府工作部门，负责全市示例事务的管理。本局"),
    (LEFT, "设办公室、规划处和执行处三个内设机构，均在本部门预算中反映。"),
    (LEFT, "所属事业单位两个，分别为示例中心和示例研究所，均为公益一类。"),
    (LEFT, "主要职责是："),
    (INDENT, "1.贯彻执行国家和本市有关示例工作的方针政策和法律法规，拟订"),
    (LEFT, "全市示例工作的规划并组织实施。"),
    (INDENT, "2.负责全市示例事务的统筹协调和监督管理。"),
    (INDENT, "二、关于本部门机构设置、人员编制及所属单位构成情况"),
    (LEFT, "的说明"),
    (INDENT, "（一）基本支出。基本支出预算100.00万元，占本年支出"),
    (LEFT, "预算60.00%。"),
    (INDENT, "（二）项目支出。项目支出预算66.67万元，占40.00%。"),
    (INDENT, "（三）年终结转结余资金0万元"),
    (INDENT, "2026年本部门继续压减一般性支出，严控新增项目，按照过紧日子"),
    (LEFT, "的要求，从严从紧编制预算，确保基本支出足额保障、项目支出重点"),
]
PAGE3_TOP = [
    (LEFT, "突出、结转结余资金统筹使用，预算安排与绩效目标同步申报同步审"),
    (LEFT, "核。"),
    (INDENT, "本部门2026年收支预算总额166.67万元，收支平衡，具体收支"),
    (LEFT, "安排按收入来源和支出功能列示如下"),
]
PAGE3_MIDDLE = [
    (INDENT, "收入全部为一般公共预算拨款，支出按功能分类全部为一般公共服"),
    (LEFT, "务支出。"),
]
PAGE3_BOTTOM = [
    (INDENT, "(1)人员经费60.00万元。"),
    (INDENT, "①工资福利支出50.00万元。"),
]
PAGE4 = [
    (INDENT, "以上预算已经市财政局审核批复，本部门将按规定向社会公开。"),
]


def text(c, x, y, s, size=SIZE, how="left"):
    c.setFont(F, size)
    if how == "right":
        c.drawRightString(x, y, s)
    elif how == "centre":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def furniture(c, n, header=True):
    if header:
        text(c, W / 2, 810, HEADER, size=10, how="centre")
    text(c, W / 2, 40, f"- {n} -", size=12, how="centre")


def justified(c, x, y, s):
    """A full line: its characters spread to end at RIGHT, as a justified paragraph sets them."""
    t = c.beginText(x, y)
    t.setFont(F, SIZE)
    t.setCharSpace((RIGHT - x - c.stringWidth(s, F, SIZE)) / (len(s) - 1))
    t.textOut(s)
    t.setCharSpace(0)
    c.drawText(t)


def lines(c, y, body, runs_on=False):
    """Body lines from y down; a line followed by one at LEFT (its continuation) is full, and
    so is the last when runs_on (the paragraph goes on over the page)."""
    for i, (x, s) in enumerate(body):
        if x == "h2":
            text(c, INDENT, y, s)
        elif (i + 1 < len(body) and body[i + 1][0] == LEFT) or (runs_on and i + 1 == len(body)):
            justified(c, x, y, s)
        else:
            text(c, x, y, s)
        y -= LEAD
    return y


def table(c, y, rows):
    """A ruled table of two columns from LEFT to RIGHT, its top at y; returns its bottom."""
    xs = [LEFT, 300, RIGHT]
    h = 22
    for i, (a, b) in enumerate(rows):
        top = y - i * h
        text(c, LEFT + 6, top - 15, a, size=11)
        text(c, RIGHT - 6, top - 15, b, size=11, how="right")
    bottom = y - len(rows) * h
    c.setLineWidth(0.8)
    for i in range(len(rows) + 1):
        c.line(LEFT, y - i * h, RIGHT, y - i * h)
    for x in xs:
        c.line(x, y, x, bottom)
    return bottom


def main():
    out = Path(__file__).with_suffix(".pdf")
    c = canvas.Canvas(str(out), pagesize=(W, H), invariant=1)
    # page 1: the title over two lines, the contents
    text(c, W / 2, 760, "示例市示例局", size=22, how="centre")
    text(c, W / 2, 730, "2026年度部门预算", size=22, how="centre")
    text(c, W / 2, 670, "目　　录", size=16, how="centre")
    entries = [(LEFT, "第一部分　部门概况", "2"), (INDENT, "一、部门职责", "2"),
               (INDENT, "二、机构设置", "2"), (LEFT, "第二部分　部门预算表", "3"), (INDENT, "一、收支总表", "3")]
    y = 630
    for x, s, p in entries:
        text(c, x, y, s)
        text(c, RIGHT, y, p, how="right")
        start = x + c.stringWidth(s, F, SIZE) + 6
        dots = int((RIGHT - 14 - start) / 4)
        text(c, start, y, "." * dots, size=SIZE)
        y -= LEAD
    furniture(c, 1, header=False)
    c.showPage()
    # page 2
    furniture(c, 2)
    text(c, W / 2, 760, "第一部分　部门概况", size=18, how="centre")
    lines(c, 720, PAGE2, runs_on=True)
    c.showPage()
    # page 3
    furniture(c, 3)
    y = lines(c, 770, PAGE3_TOP)
    text(c, RIGHT, y + 6, "单位：万元", size=11, how="right")
    y = table(c, y - 2, [("项目", "预算数"), ("收入合计", "166.67"), ("支出合计", "166.67")])
    y = lines(c, y - 30, PAGE3_MIDDLE)
    text(c, W / 2, y - 10, "收支总表", size=16, how="centre")
    text(c, RIGHT, y - 30, "单位：万元", size=11, how="right")
    y = table(c, y - 36, [("项目", "预算数"), ("一般公共预算拨款", "166.67"), ("一般公共服务支出", "166.67")])
    lines(c, y - 30, PAGE3_BOTTOM)
    c.showPage()
    # page 4
    furniture(c, 4)
    lines(c, 770, PAGE4)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
