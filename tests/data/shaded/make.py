#!/usr/bin/env python3
"""Writes the hand-made PDFs of tests/data/shaded (tables drawn as a browser
prints them: borders and shading are filled rectangles, no stroked lines):

  zebra-cells.pdf  three rows of three cells, no rules; the middle row shaded
                   light grey (0.91) cell by cell, 1 pt of paper between the
                   cells: the band runs from x 70 to 500, y 142 to 162 (from
                   the top of the page)
  ruled-empty.pdf  no text, only the ruled empty row a table leaves on the
                   next page: a box x 70 to 500, y 100 to 120 (from the top),
                   two inner verticals at x 200 and 350 (stroked, 0.75 pt)
  ruled-mark.pdf   the same row and a diagonal stroke (x 100..300,
                   y 300..500): ink that is no ruling

wrapped-small-figures.pdf is not written here: it is page 3 of the document
`scripts/gen_independent.py OUT 64` draws (pdfseparate -f 3 -l 3), a 收支总表
in 7 pt WenQuanYi Zen Hei whose figures wrap in narrow cells (33220.2 over 2).

Run from this directory: python3 make.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../..", "scripts"))
import minipdf  # noqa: E402

H = 842


def text(x, top, s):
    return b"BT /F1 10 Tf %g %g Td (%s) Tj ET\n" % (x, H - top - 14, s.encode())


rows = [(122, "Office", "100.00", "200.00"), (142, "Transport", "300.00", "400.00"),
        (162, "Schools", "500.00", "600.00")]
c = b"0.91 g\n"
for x0, x1 in ((70, 200), (201, 350), (351, 500)):
    c += b"%g %g %g %g re f\n" % (x0, H - 162, x1 - x0, 20)
c += b"0 g\n"
for top, label, a, b in rows:
    c += text(75, top, label) + text(290, top, a) + text(440, top, b)
open("zebra-cells.pdf", "wb").write(minipdf.page(c))

row = b"0.75 w 0 G 70 %g 430 20 re S 200 %g m 200 %g l S 350 %g m 350 %g l S\n" % (H - 120, H - 100, H - 120, H - 100, H - 120)
open("ruled-empty.pdf", "wb").write(minipdf.page(row))
open("ruled-mark.pdf", "wb").write(minipdf.page(row + b"1 w 100 %g m 300 %g l S\n" % (H - 300, H - 500)))
