#!/usr/bin/env python3
"""Writes the image-only PDFs of tests/data/scanned (no text layer):

  white-page.pdf   one page that is one large image, all white (a blank scan)
  sparse-scan.pdf  one page that is one large image, white but for a short
                   dark bar (a scanned cover: too little ink for a raster test)

Run from this directory: python3 make.py
"""
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
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


w, h = 620, 877
white = [[255] * w for _ in range(h)]
open("white-page.pdf", "wb").write(pdf(white, w, h))
sparse = [[0 if (100 <= y < 102 and 250 <= x < 290) else 255 for x in range(w)] for y in range(h)]
open("sparse-scan.pdf", "wb").write(pdf(sparse, w, h))
