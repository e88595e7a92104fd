#!/usr/bin/env python3
"""Writes the image-only PDFs of tests/data/scanned (no text layer):

  white-page.pdf   one page that is one large image, all white (a blank scan)
  sparse-scan.pdf  one page that is one large image, white but for a short
                   dark bar (a scanned cover: too little ink for a raster test)

Run from this directory: python3 make.py
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../..", "scripts"))
import minipdf  # noqa: E402
import zlib


def pdf(image_rows, w, h):
    data = zlib.compress(bytes(b for row in image_rows for b in row))
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
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
