#!/usr/bin/env python3
"""Writes tests/data/type3/scaled-matrix.pdf: one line "科目 科目" at 7.5 pt,
the first two ideographs in a Type 3 font whose FontMatrix is 1/2048 (widths
2048: one em, as a browser's PDF printer writes its synthetic bold faces),
the last two in one whose FontMatrix is 1/1000 (widths 1000).  Both pairs
print the same size; poppler reports the first pair's size doubled.

Run from this directory: python3 make.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../..", "scripts"))
import minipdf  # noqa: E402

TOUNICODE = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
             b"/CMapName /T3 def 1 begincodespacerange <00> <FF> endcodespacerange\n"
             b"2 beginbfchar <01> <79D1> <02> <76EE> endbfchar\n"
             b"endcmap CMapName currentdict /CMap defineresource pop end end")


def font(matrix, width, charprocs, tounicode):
    return (b"<< /Type /Font /Subtype /Type3 /FontMatrix [%s 0 0 %s 0 0] /FontBBox [0 0 %d %d]"
            b" /FirstChar 1 /LastChar 2 /Widths [%d %d] /Encoding << /Type /Encoding /Differences [1 /a /b] >>"
            b" /CharProcs %d 0 R /ToUnicode %d 0 R >>" % (matrix, matrix, width, width, width, width, charprocs, tounicode))


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


content = (b"BT /F1 7.5 Tf 1 0 0 1 60 700 Tm <0102> Tj ET\n"
           b"BT /F2 7.5 Tf 1 0 0 1 100 700 Tm <0102> Tj ET")
objs = [
    font(b".00048828125", 2048, 7, 10),
    font(b".001", 1000, 8, 10),
    b"<< /a 9 0 R /b 9 0 R >>",
    b"<< /a 11 0 R /b 11 0 R >>",
    stream(b"2048 0 0 0 2048 2048 d1 0 0 2048 2048 re f"),
    stream(TOUNICODE),
    stream(b"1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f"),
]
open("scaled-matrix.pdf", "wb").write(minipdf.page(content, b"/Font << /F1 5 0 R /F2 6 0 R >>", objs))
