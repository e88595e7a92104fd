#!/usr/bin/env python3
"""Writes the image-only PDFs of tests/data/scanned (no text layer):

  white-page.pdf   one page that is one large image, all white (a blank scan)
  sparse-scan.pdf  one page that is one large image, white but for a short
                   dark bar (a scanned cover: too little ink for a raster test)
  table-scan.pdf   the top of page 10 of corpus/generated/budget-01-2020.pdf
                   (财政拨款收支总表 and the paragraphs under it) drawn grey at
                   200 dpi by pdftoppm and placed as the page's only content:
                   a scanned table for OCR (842 x 400 pt, about 100 KB)

Run from this directory: python3 make.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../..", "scripts"))
import minipdf  # noqa: E402
import subprocess
import zlib


def pdf(image_rows, w, h, pw=595, ph=842, raw=None):
    data = zlib.compress(raw, 9) if raw is not None else zlib.compress(bytes(b for row in image_rows for b in row))
    content = b"q %d 0 0 %d 0 0 cm /Im1 Do Q" % (pw, ph)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>" % (pw, ph),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (w, h, len(data)) + data + b"\nendstream",
    ]
    return minipdf.assemble(objs)


w, h = 620, 877
white = [[255] * w for _ in range(h)]
open("white-page.pdf", "wb").write(pdf(white, w, h))
sparse = [[0 if (100 <= y < 102 and 250 <= x < 290) else 255 for x in range(w)] for y in range(h)]
open("sparse-scan.pdf", "wb").write(pdf(sparse, w, h))

# A scanned table: the top 400 pt of a generated budget's page 10, grey at 200 dpi; paper
# lighter than 236 is made white (the scanner's background, and a smaller file).
dpi, pw, ph = 200, 842, 400
W, H = pw * dpi // 72, ph * dpi // 72
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../corpus/generated/budget-01-2020.pdf")
pgm = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", "10", "-l", "10", "-x", "0", "-y", "0",
                      "-W", str(W), "-H", str(H), src], capture_output=True, check=True).stdout
magic, size, depth, pixels = pgm.split(b"\n", 3)
w, h = map(int, size.split())
assert magic == b"P5" and depth == b"255" and len(pixels) == w * h
pixels = bytes(255 if b > 235 else b for b in pixels)
open("table-scan.pdf", "wb").write(pdf(None, w, h, pw, ph, raw=pixels))
