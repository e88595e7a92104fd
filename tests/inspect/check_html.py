#!/usr/bin/env python3
"""disclex inspect: the page it writes for the sample PDF, checked structurally.

Every cell element carries data-table, data-row, data-column, data-page and a
title, and lies inside its page image; a value read off page 10 of the sample
(公共安全支出 87,267,272.44, budget summary) has a cell whose box covers the
word as `pdftotext -bbox` places it; no text from the PDF, nor the file's name,
can open a tag; a
non-PDF input is refused with exit 3 naming the file; the main command's
--format html writes the same page.
Usage: check_html.py ./disclex
"""
import glob, html.parser, os, re, subprocess, sys, tempfile

DPI_SCALE = 96 / 72

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = {}  # page -> (width, height)
        self.cells = []
        self.scripts = 0
        self.imgs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "img":
            self.imgs.append(a)
        if tag == "img" and "page-image" in a.get("class", ""):
            self.images[int(a["data-page"])] = (int(a["width"]), int(a["height"]))
        if tag == "div" and a.get("class") == "cell":
            self.cells.append(a)

def box(cell):
    st = dict(kv.split(":") for kv in cell["style"].split(";"))
    x, y = float(st["left"][:-2]), float(st["top"][:-2])
    return x, y, x + float(st["width"][:-2]), y + float(st["height"][:-2])

def main():
    exe = sys.argv[1]
    pdf = sorted(glob.glob("corpus/sample/*.pdf"))[0]
    fails = []
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "page.html")
        r = subprocess.run([exe, "inspect", pdf, "-o", out], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"inspect: exit {r.returncode}: {r.stderr}")
        text = open(out, encoding="utf-8").read()
        p = Page()
        p.feed(text)
        if not p.cells:
            fails.append("no cell elements")
        if p.scripts:
            fails.append("the page holds a script")
        for c in p.cells:
            for k in ("data-table", "data-row", "data-column", "data-page", "title", "style"):
                if not c.get(k) and k != "data-row":
                    fails.append(f"cell without {k}: {c}")
            if "data-row" not in c:
                fails.append(f"cell without data-row: {c}")
            pg = int(c["data-page"])
            if pg not in p.images:
                fails.append(f"cell on page {pg} without its image")
                continue
            w, h = p.images[pg]
            x0, y0, x1, y1 = box(c)
            if not (0 <= x0 < x1 <= w + 0.5 and 0 <= y0 < y1 <= h + 0.5):
                fails.append(f"cell outside its page image ({w}x{h}): {c['title']} {c['style']}")
        # The known value, against the word's position on the page.
        bbox = subprocess.run(["pdftotext", "-f", "10", "-l", "10", "-bbox", pdf, "-"],
                              capture_output=True, text=True).stdout
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">87,267,272\.44</word>', bbox)
        if not m:
            fails.append("pdftotext does not place 87,267,272.44 on page 10")
        else:
            wx = (float(m[1]) + float(m[3])) / 2 * DPI_SCALE
            wy = (float(m[2]) + float(m[4])) / 2 * DPI_SCALE
            hits = [c for c in p.cells if c["data-page"] == "10" and c.get("data-value") == "87267272.44"
                    and "公共安全支出" in c["data-row"]]
            if len(hits) != 1:
                fails.append(f"{len(hits)} cells hold 公共安全支出 87267272.44 on page 10")
            else:
                x0, y0, x1, y1 = box(hits[0])
                if not (x0 <= wx <= x1 and y0 <= wy <= y1):
                    fails.append(f"the cell of 87267272.44 ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) "
                                 f"is not over the word at ({wx:.0f},{wy:.0f})")
            # No other cell of the page covers that word (the income side's cells stay on their side).
            others = [c for c in p.cells if c["data-page"] == "10" and c not in hits
                      and box(c)[0] <= wx <= box(c)[2] and box(c)[1] <= wy <= box(c)[3]]
            if others:
                fails.append(f"other cells over 87,267,272.44: {[c['title'] for c in others]}")
        # A hostile file name (shown on the page) opens no tag: it is text.
        hostile = os.path.join(tmp, '<img src=x onerror=alert(1)>"x.pdf')
        with open(pdf, "rb") as src, open(hostile, "wb") as dst:
            dst.write(src.read())
        hout = os.path.join(tmp, "hostile.html")
        r = subprocess.run([exe, "inspect", hostile, "-o", hout], capture_output=True, text=True)
        h = Page()
        htext = open(hout, encoding="utf-8").read() if os.path.exists(hout) else ""
        h.feed(htext)
        if r.returncode != 0 or "<img src=x" in htext or "&lt;img src=x onerror=alert(1)&gt;" not in htext:
            fails.append(f"a hostile file name: exit {r.returncode}, not shown escaped")
        if any(t.get("onerror") for t in h.imgs):
            fails.append("a hostile file name made an element")
        # Bad input: not a PDF.
        bad = os.path.join(tmp, "not-a-pdf.pdf")
        open(bad, "w").write("hello\n")
        r = subprocess.run([exe, "inspect", bad, "-o", os.path.join(tmp, "x.html")], capture_output=True, text=True)
        if r.returncode != 3 or "not-a-pdf.pdf" not in r.stderr or os.path.exists(os.path.join(tmp, "x.html")):
            fails.append(f"a non-PDF: exit {r.returncode}, stderr {r.stderr!r}")
        # The main command's --format html (from the .html extension) writes the same page.
        same = os.path.join(tmp, "same.html")
        r = subprocess.run([exe, "-q", pdf, "-o", same], capture_output=True, text=True)
        q = Page()
        q.feed(open(same, encoding="utf-8").read() if os.path.exists(same) else "")
        if r.returncode != 0 or q.cells != p.cells:
            fails.append(f"disclex FILE -o page.html: exit {r.returncode}, {len(q.cells)} cells, not inspect's")
        r = subprocess.run([exe, "-f", "html", "tests/data/golden/mini.txt"], capture_output=True, text=True)
        if r.returncode != 3 or "mini.txt" not in r.stderr:
            fails.append(f"--format html of a text file: exit {r.returncode}, {r.stderr!r}")
    for f in fails[:20]:
        print("inspect:", f)
    if fails:
        sys.exit(1)
    print(f"inspect: {len(p.cells)} cells on {len(p.images)} pages checked")

main()
