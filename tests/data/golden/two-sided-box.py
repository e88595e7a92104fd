#!/usr/bin/python3
"""Writes two-sided-box.pdf and two-sided-narrow.pdf (golden cases of the
same names) beside this script.  two-sided-box.pdf: a 收入支出决算总表 in an
outer box with no inner rules, small type, each side's 项目 | 行次 | 金额
under 收入 | 支出 titles, the income amounts ending a few points left of the
expenditure labels, whole amounts printed bare (0), and three income labels
wrapped round their figures (the line with the figures prints no income
label of its own: 10 | 0 | 结余分配).  two-sided-narrow.pdf: the table with
other figures, printed without separators in amount columns too narrow for
the longer ones: those wrap after seven characters (834841. over 19), the
first row's label and figures too, so that the table's first line holds no
whole amount.  two-sided-centred.pdf: a 部门收支总表 in an outer box, its
figures centred in wide cells and its header words set flush right in the
cells (预算 at the cell's right edge, right of the figures; 收入 and 支出
over them), the income 项目 letter-spaced, and rows printing a dash for
nothing on both sides (国防支出 | -) as often as rows with figures,
expenditure labels carrying no ordinal.
Deterministic (reportlab's invariant mode, the built-in
STSong font).  The figures the golden cases expect are the ones drawn
here."""
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
SIZE = 7
IN_LABEL, IN_LINE, IN_AMOUNT = 142, 258, 306  # left, right, right edges
OUT_LABEL, OUT_LINE, OUT_AMOUNT = 311, 409, 454

ROWS = [  # income label, line, amount, expenditure label, line, amount, wrap
    ("一、一般公共预算财政拨款收入", "1", "1,149,367.05", "外交支出", "13", "0", 0),
    ("二、政府性基金预算财政拨款收入", "2", "0", "教育支出", "14", "120,365.57", 12),
    ("三、国有资本经营预算财政拨款收入", "3", "0", "科学技术支出", "15", "245,908.59", 12),
    ("四、上级补助收入", "4", "0", "城乡社区支出", "16", "0", 0),
    ("五、事业收入", "5", "43,626.31", "自然资源海洋气象等支出", "17", "0", 0),
    ("六、经营收入", "6", "0", "住房保障支出", "18", "400,027.91", 0),
    ("七、附属单位上缴收入", "7", "0", "灾害防治及应急管理支出", "19", "447,778.66", 0),
    ("八、其他收入", "8", "21,087.37", "其他支出", "20", "0", 0),
    ("本年收入合计", "9", "1,214,080.73", "本年支出合计", "21", "1,214,080.73", 0),
    ("使用非财政拨款结余（含专用结余）", "10", "0", "结余分配", "22", "0", 12),
    ("年初结转和结余", "11", "0", "年末结转和结余", "23", "0", 0),
    ("总计", "12", "1,214,080.73", "总计", "24", "1,214,080.73", 0),
]


def text(c, x, y, s, right=False, centre=False):
    c.setFont(F, SIZE)
    if right:
        c.drawRightString(x, y, s)
    elif centre:
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def main():
    out = Path(__file__).with_suffix(".pdf")
    c = canvas.Canvas(str(out), pagesize=(W, H), invariant=1)
    c.setFont(F, 14)
    c.drawCentredString(W / 2, 760, "部门收入支出决算总表")
    text(c, 420, 740, "单位：万元")
    top = 732
    y = top - 10
    text(c, (IN_LABEL + IN_AMOUNT) / 2, y, "收入", centre=True)
    text(c, (OUT_LABEL + OUT_AMOUNT) / 2, y, "支出", centre=True)
    y -= 14
    text(c, IN_LABEL + 40, y, "项目")
    text(c, IN_LINE, y, "行次", right=True)
    text(c, IN_AMOUNT - 8, y, "金额", right=True)
    text(c, OUT_LABEL + 32, y, "项目")
    text(c, OUT_LINE, y, "行次", right=True)
    text(c, OUT_AMOUNT - 8, y, "金额", right=True)
    y -= 14
    for inl, inn, ina, outl, outn, outa, wrap in ROWS:
        if wrap:  # the income label in two lines, the rest centred between them
            text(c, IN_LABEL, y + 5, inl[:wrap])
            text(c, IN_LABEL, y - 5, inl[wrap:])
        else:
            text(c, IN_LABEL, y, inl)
        text(c, IN_LINE, y, inn, right=True)
        text(c, IN_AMOUNT, y, ina, right=True)
        text(c, OUT_LABEL, y, outl)
        text(c, OUT_LINE, y, outn, right=True)
        text(c, OUT_AMOUNT, y, outa, right=True)
        y -= 24 if wrap else 14
    c.setLineWidth(0.5)
    c.rect(IN_LABEL - 3, y + 6, OUT_AMOUNT + 3 - (IN_LABEL - 3), top - (y + 6))
    c.showPage()
    c.save()
    c = canvas.Canvas(str(out.with_name("two-sided-narrow.pdf")), pagesize=(W, H), invariant=1)
    narrow(c)
    c.save()
    c = canvas.Canvas(str(out.with_name("two-sided-centred.pdf")), pagesize=(842, 595), invariant=1)
    centred(c)
    c.save()


NARROW_ROWS = [  # income label, line, amount, expenditure label, line, amount
    ("一、一般公共预算财政拨款收入", "1", "834841.19", "国防支出", "13", "-"),
    ("二、政府性基金预算财政拨款收入", "2", "57785.70", "社会保障和就业支出", "14", "260781.58"),
    ("三、事业收入", "3", "33364.92", "节能环保支出", "15", "629050.14"),
    ("四、经营收入", "4", "29829.25", "城乡社区支出", "16", "57785.70"),
    ("五、其他收入", "5", "29807.99", "农林水支出", "17", "38011.63"),
    ("本年收入合计", "6", "985629.05", "本年支出合计", "18", "985629.05"),
    ("年初结转和结余", "7", "-", "年末结转和结余", "19", "-"),
    ("总计", "8", "985629.05", "总计", "20", "985629.05"),
]


def narrow(c):
    """The same table with narrow amount columns: figures wrap after 7 characters."""
    in_label, in_line, in_amount = 60, 190, 222
    out_label, out_line, out_amount = 230, 340, 372
    c.setFont(F, 14)
    c.drawCentredString(W / 2, 760, "部门收入支出决算总表")
    text(c, 320, 740, "单位：万元")
    top = 732
    y = top - 10
    text(c, in_label + 50, y, "收入项目")
    text(c, in_line, y, "行次", right=True)
    text(c, in_amount, y, "决算数", right=True)
    text(c, out_label + 40, y, "支出项目")
    text(c, out_line, y, "行次", right=True)
    text(c, out_amount, y, "决算数", right=True)
    y -= 20
    for inl, inn, ina, outl, outn, outa in NARROW_ROWS:
        wrap = len(inl) > 12 or len(ina) > 7 or len(outa) > 7
        for x, v, right in ((in_label, inl, False), (in_amount, ina, True), (out_label, outl, False),
                            (out_amount, outa, True)):
            cut = 7 if right else 12
            if len(v) > cut:
                text(c, x, y + 4, v[:cut], right=right)
                text(c, x, y - 4, v[cut:], right=right)
            else:
                text(c, x, y, v, right=right)
        text(c, in_line, y, inn, right=True)
        text(c, out_line, y, outn, right=True)
        y -= 20 if wrap else 12
    c.setLineWidth(0.5)
    c.rect(in_label - 3, y + 6, out_amount + 3 - (in_label - 3), top - (y + 6))
    c.showPage()


CENTRED_ROWS = [  # income label, amount, expenditure label, amount
    ("一、一般公共预算拨款收入", "1,343,573.86", "一般公共服务支出", "603,192.55"),
    ("二、政府性基金预算拨款收入", "-", "国防支出", "-"),
    ("三、国有资本经营预算拨款收入", "-", "文化旅游体育与传媒支出", "-"),
    ("四、事业收入", "105,316.53", "卫生健康支出", "572,197.04"),
    ("五、事业单位经营收入", "-", "城乡社区支出", "-"),
    ("六、其他收入", "56,495.25", "农林水支出", "329,996.05"),
    ("七、上级补助收入", "-", "交通运输支出", "-"),
    ("本年收入合计", "1,505,385.64", "本年支出合计", "1,505,385.64"),
    ("上年结转", "-", "结转下年", "-"),
    ("收入总计", "1,505,385.64", "支出总计", "1,505,385.64"),
]


def centred(c):
    """Four wide cells a side; figures centred in theirs, header words flush right."""
    edges = [40, 300, 440, 700, 800]  # cell borders: 项目 | 预算 | 项目 | 预算
    c.setFont(F, 14)
    c.drawCentredString(421, 540, "预算01表 部门收支总表")
    text(c, 740, 520, "单位：万元")
    top = 512
    y = top - 10
    text(c, edges[2] - 2, y, "收入", right=True)
    text(c, edges[4] - 2, y, "支出", right=True)
    y -= 12
    text(c, 150, y, "项")
    text(c, 165, y, "目")
    text(c, edges[2] - 2, y, "预算", right=True)
    text(c, edges[3] - 50, y, "项目", right=True)
    text(c, edges[4] - 2, y, "预算", right=True)
    y -= 14
    for inl, ina, outl, outa in CENTRED_ROWS:
        text(c, edges[0] + 3, y, inl)
        text(c, (edges[1] + edges[2]) / 2, y, ina, centre=True)
        text(c, edges[2] + 3, y, outl)
        text(c, (edges[3] + edges[4]) / 2, y, outa, centre=True)
        y -= 12
    c.setLineWidth(0.5)
    c.rect(edges[0], y + 6, edges[4] - edges[0], top - (y + 6))
    c.showPage()


if __name__ == "__main__":
    main()
