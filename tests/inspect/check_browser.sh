#!/bin/sh
# disclex inspect in a browser: page 10 of the sample opened in headless
# Chromium; the DOM it builds holds the cell elements with their keys, and the
# screenshot shows the page drawn (dark text pixels) and the cells tinted over
# it.  Skipped (exit 0, said so) when no chromium is installed
# (scripts/setup.sh --browser installs it).
# Usage: check_browser.sh ./disclex
set -eu
exe=$1
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "inspect-browser: skipped: no chromium (scripts/setup.sh --browser installs it)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdf=$(ls corpus/sample/*.pdf | head -1)
"$exe" inspect --pages 10 "$pdf" -o "$tmp/page.html"
flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$tmp/profile"
timeout 120 "$browser" $flags --dump-dom "file://$tmp/page.html" >"$tmp/dom.html" 2>/dev/null
timeout 120 "$browser" $flags --window-size=1200,900 --screenshot="$tmp/shot.png" "file://$tmp/page.html" \
	>/dev/null 2>&1
python3 - "$tmp" <<'PY'
import re, sys, zlib, struct
tmp = sys.argv[1]
dom = open(f"{tmp}/dom.html", encoding="utf-8").read()
cells = re.findall(r'<div class="cell" data-table="[^"]+" data-row="[^"]*" data-column="[^"]+" data-page="10"', dom)
fails = []
if len(cells) < 10:
    fails.append(f"{len(cells)} cell elements in the DOM Chromium built")
if 'data-row="公共安全支出"' not in dom:
    fails.append("no cell of 公共安全支出 in the DOM")
# Decode the screenshot (PNG, 8-bit RGB or RGBA, no interlace) and count pixels.
data = open(f"{tmp}/shot.png", "rb").read()
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
bpp = 4 if ctype == 6 else 3
stride = w * bpp
prev = bytearray(stride)
dark = tinted = 0
off = 0
for y in range(h):
    f = raw[off]; line = bytearray(raw[off + 1:off + 1 + stride]); off += 1 + stride
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp):
        r, g, bl = line[x], line[x + 1], line[x + 2]
        if r < 80 and g < 80 and bl < 80: dark += 1
        if bl > 245 and r < 243 and bl - r > 10: tinted += 1
    prev = line
if dark < 1000:
    fails.append(f"the page image did not render ({dark} dark pixels)")
if tinted < 1000:
    fails.append(f"the cell boxes did not render ({tinted} tinted pixels)")
for f in fails:
    print("inspect-browser:", f)
if fails:
    sys.exit(1)
print(f"inspect-browser: {len(cells)} cells in the DOM; {dark} text and {tinted} cell pixels drawn")
PY
