#!/usr/bin/env python3
"""Writes the small PDF seeds of fuzz/corpus/pdf (run from fuzz/corpus):
a one-page ruled table in Helvetica (rulings, text, numbers), the same page
with its rulings only, and its text only.  The image-only pages of
tests/data/scanned are seeds too, read in place (FUZZ_SEEDS_pdf in the Makefile)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import minipdf  # noqa: E402


rows = [("Item", "Code", "Total", "Fiscal"), ("Total", "", "3,260.55", "3,249.55"),
        ("General services", "201", "3,249.55", "3,249.55"), ("Office", "20103", "11.00", "-")]
xs = [60, 220, 320, 430, 540]
top = 700
lines = b"0.5 w\n"
for r in range(len(rows) + 1):
    y = top - 20 * r
    lines += b"%d %d m %d %d l S\n" % (xs[0], y, xs[-1], y)
for x in xs:
    lines += b"%d %d m %d %d l S\n" % (x, top, x, top - 20 * len(rows))
text = b"BT /F1 14 Tf 60 740 Td (Income and expenditure 2024) Tj ET\nBT /F1 9 Tf 60 715 Td (Unit: 10k yuan) Tj ET\n"
for r, row in enumerate(rows):
    for c, cell in enumerate(row):
        text += b"BT /F1 9 Tf %d %d Td (%s) Tj ET\n" % (xs[c] + 4, top - 20 * r - 14, cell.encode())
open("pdf/ruled-table.pdf", "wb").write(minipdf.page(lines + text))
open("pdf/rulings-only.pdf", "wb").write(minipdf.page(lines))
open("pdf/text-only.pdf", "wb").write(minipdf.page(text))
