#!/usr/bin/env python3
"""Score disclex's general table finder on the ICDAR 2013 table competition (EU half).

    score_icdar.py [--disclex ./disclex] [--min F] [-v] [--dev|--held] DIR
    score_icdar.py --self-test

DIR holds eu-NNN.pdf with eu-NNN-str.xml (structure truth) and eu-NNN-reg.xml (region
truth) beside it (README.md of the set).  For each PDF the program is run (`DISCLEX -q`)
and its tables' `cells` and `spans` are compared with the truth.

How it scores (the competition's structure measure, Göbel et al. 2012/2013)
  1. Cells.  A truth cell is a <cell> of a <region> with its start/end row and column and
     its <content>; a program cell is a non-null entry of a table's `cells` grid, its extent
     from `spans` ([row, col, rows, cols]).  Empty cells are left out.
  2. Adjacency relations.  For each non-empty cell A and each row it covers, the nearest
     non-empty cell B to the right of A's last column in that row gives the relation
     (A, B, right); likewise for each column it covers, the nearest non-empty cell below
     gives (A, B, down).  A relation is counted once per pair of cells.  Each truth region
     and each program table is its own grid.
  3. Text.  Cell texts are compared after NFKC and case folding, with dashes and quotes made
     plain and all whitespace removed (as the competition did: spacing is not structure; the
     truth itself writes some cells in lower case, "domestic(%)" over a printed "Domestic (%)").  A second,
     spaced figure keeps one space between words, to follow how words are split or joined.
  4. Matching.  Per document, the truth's relations (all regions) and the program's (all
     tables) are multisets of (text A, text B, direction): matched = sum of min(counts);
     precision = matched / program's, recall = matched / truth's, F1 their harmonic mean.
     Tables the program reports that are not tables cost precision.  The mean over
     documents is the headline; the pooled figure sums matched, found and expected.
  5. Regions.  A truth region is found when a program table on its page overlaps it
     by at least half of the smaller box (program boxes, top-left origin, are turned to the
     truth's bottom-left origin with the page height); a program table overlapping no truth
     region is a false table.

Development and held-out halves: the PDFs sorted by name, the 1st, 3rd, 5th, ... are
development (read them one by one, -v), the 2nd, 4th, ... held out (reported in aggregate
only).  eu-009b's truth (a second reading of eu-009a.pdf) has no PDF of its own and is not
scored.

Exit status 0 when the mean structure F1 over all documents >= --min, 1 below it, 2 on a
usage error or when the program crashes or prints no JSON.
"""

import argparse
import collections
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"), "-")
QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}


def norm(text, spaced):
    t = unicodedata.normalize("NFKC", text or "").translate(DASHES).translate(QUOTES).casefold()
    t = " ".join(t.split())
    return t if spaced else t.replace(" ", "")


def relations(cells, spaced):
    """cells: list of (r0, c0, r1, c1, text) with inclusive ends; returns a Counter of
    (textA, textB, dir) over the adjacency relations of the non-empty cells."""
    live = [c for c in cells if norm(c[4], spaced)]
    at = {}
    for i, (r0, c0, r1, c1, _) in enumerate(live):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                at[(r, c)] = i
    if not at:
        return collections.Counter()
    maxr = max(r for r, _ in at)
    maxc = max(c for _, c in at)
    pairs = set()
    for i, (r0, c0, r1, c1, _) in enumerate(live):
        for r in range(r0, r1 + 1):
            for c in range(c1 + 1, maxc + 1):
                j = at.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "right"))
                    break
        for c in range(c0, c1 + 1):
            for r in range(r1 + 1, maxr + 1):
                j = at.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "down"))
                    break
    return collections.Counter(
        (norm(live[i][4], spaced), norm(live[j][4], spaced), d) for i, j, d in pairs)


def truth_grids(path):
    """The structure truth: a list of (page, cells) per region."""
    grids = []
    for region in ET.parse(path).getroot().iter("region"):
        cells = []
        for cell in region.iter("cell"):
            r0 = int(cell.get("start-row"))
            c0 = int(cell.get("start-col"))
            r1 = int(cell.get("end-row", r0))
            c1 = int(cell.get("end-col", c0))
            content = cell.find("content")
            cells.append((r0, c0, r1, c1, content.text if content is not None else ""))
        grids.append((int(region.get("page")), cells))
    return grids


def truth_regions(path):
    """The region truth: a list of (page, x1, y1, x2, y2), PDF origin bottom left."""
    out = []
    for region in ET.parse(path).getroot().iter("region"):
        box = region.find("bounding-box")
        out.append((int(region.get("page")),) + tuple(float(box.get(k)) for k in ("x1", "y1", "x2", "y2")))
    return out


def program_grids(doc):
    """The program's tables: a list of cells lists, as truth_grids' cells."""
    grids = []
    for table in doc.get("tables", []):
        span = {(s[0], s[1]): (s[2], s[3]) for s in table.get("spans") or []}
        cells = []
        for r, row in enumerate(table.get("cells") or []):
            for c, text in enumerate(row):
                if text is None:
                    continue
                rs, cs = span.get((r, c), (1, 1))
                cells.append((r, c, r + rs - 1, c + cs - 1, text))
        grids.append(cells)
    return grids


def prf(matched, found, expected):
    p = matched / found if found else 0.0
    r = matched / expected if expected else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def compare(truth_cell_lists, program_cell_lists, spaced=False):
    """(matched, found, expected) of one document's relations."""
    want = collections.Counter()
    for cells in truth_cell_lists:
        want.update(relations(cells, spaced))
    got = collections.Counter()
    for cells in program_cell_lists:
        got.update(relations(cells, spaced))
    matched = sum(min(n, got[k]) for k, n in want.items())
    return matched, sum(got.values()), sum(want.values())


def page_heights(pdf):
    """Displayed page heights (a page turned by /Rotate 90 or 270 shows its width)."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", pdf], capture_output=True, text=True).stdout
    sizes = {int(m.group(1)): (float(m.group(2)), float(m.group(3)))
             for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", out)}
    turned = {int(m.group(1)) for m in re.finditer(r"Page\s+(\d+) rot:\s+(90|270)\b", out)}
    return {p: (w if p in turned else h) for p, (w, h) in sizes.items()}


def region_counts(regions, doc, heights):
    """(truth regions found, truth regions, program tables overlapping no truth region)."""
    boxes = []
    for table in doc.get("tables", []):
        for b in table.get("bbox") or []:
            page, x0, y0, x1, y1 = b
            h = heights.get(page, 842.0)
            boxes.append((table["id"], page, x0, h - y1, x1, h - y0))

    def overlaps(a, b):
        w = min(a[3], b[3]) - max(a[1], b[1])
        h = min(a[4], b[4]) - max(a[2], b[2])
        if w <= 0 or h <= 0:
            return False
        small = min((a[3] - a[1]) * (a[4] - a[2]), (b[3] - b[1]) * (b[4] - b[2]))
        return small > 0 and w * h >= 0.5 * small

    found = sum(1 for g in regions if any(b[1] == g[0] and overlaps(g, b[1:]) for b in boxes))
    hit = {b[0] for b in boxes if any(b[1] == g[0] and overlaps(g, b[1:]) for g in regions)}
    false = len({b[0] for b in boxes} - hit)
    return found, len(regions), false


def run(disclex, pdf):
    proc = subprocess.run([disclex, "-q", pdf], capture_output=True, timeout=300)
    if proc.returncode not in (0, 6) or not proc.stdout.strip():
        raise RuntimeError(f"{pdf}: exit {proc.returncode}: {proc.stderr.decode(errors='replace')[:300]}")
    return json.loads(proc.stdout)


def score_one(disclex, pdf):
    stem = pdf[:-4]
    doc = run(disclex, pdf)
    truth = [cells for _, cells in truth_grids(stem + "-str.xml")]
    mine = program_grids(doc)
    res = {"name": os.path.basename(stem),
           "strict": compare(truth, mine),
           "spaced": compare(truth, mine, spaced=True),
           "regions": region_counts(truth_regions(stem + "-reg.xml"), doc, page_heights(pdf)),
           "tables": len(mine)}
    if VERBOSE:
        want = collections.Counter()
        for cells in truth:
            want.update(relations(cells, False))
        got = collections.Counter()
        for cells in mine:
            got.update(relations(cells, False))
        res["missed"] = list((want - got).elements())[:8]
        res["extra"] = list((got - want).elements())[:8]
    return res


VERBOSE = False


def summary(label, results):
    if not results:
        return 0.0
    f1s = [prf(*r["strict"])[2] for r in results]
    spaced = [prf(*r["spaced"])[2] for r in results]
    pooled = prf(*(sum(r["strict"][i] for r in results) for i in range(3)))
    found = sum(r["regions"][0] for r in results)
    regions = sum(r["regions"][1] for r in results)
    false = sum(r["regions"][2] for r in results)
    tables = sum(r["tables"] for r in results)
    mean = sum(f1s) / len(f1s)
    print(f"{label}: {len(results)} documents, structure F1 mean {mean:.3f} "
          f"(pooled P {pooled[0]:.3f} R {pooled[1]:.3f} F1 {pooled[2]:.3f}; spaced mean "
          f"{sum(spaced) / len(spaced):.3f}); regions found {found}/{regions}, "
          f"tables not in the truth {false}/{tables}")
    return mean


def self_test():
    """The metric on a hand-made pair: a 3x3 truth with a header spanning two columns,
    and a result that splits the spanned header, joins two words and misses one cell."""
    truth = [[(0, 0, 0, 0, ""), (0, 1, 0, 2, "Total"),
              (1, 0, 1, 0, "Item"), (1, 1, 1, 1, "2012"), (1, 2, 1, 2, "2013"),
              (2, 0, 2, 0, "Fixed  assets"), (2, 1, 2, 1, "1 200"), (2, 2, 2, 2, "–3")]]
    # truth relations: Total>2012 down, Total>2013 down, Item>2012 right, 2012>2013 right,
    # Item>Fixed assets down, 2012>1 200 down, 2013>-3 down, Fixed assets>1 200 right,
    # 1 200>-3 right: 9.
    assert sum(relations(truth[0], False).values()) == 9, relations(truth[0], False)
    result = {"tables": [{"cells": [["", "Total", None], ["Item", "2012", "2013"],
                                    ["Fixedassets", "1200", ""]],
                          "spans": [[0, 1, 1, 2]]}]}
    mine = program_grids(result)
    # result relations: Total>2012, Total>2013, Item>2012, 2012>2013, Item>Fixedassets,
    # 2012>1200, Fixedassets>1200: 7, all in the truth once spaces are dropped.
    m, f, e = compare(truth, mine)
    assert (m, f, e) == (7, 7, 9), (m, f, e)
    p, r, f1 = prf(m, f, e)
    assert abs(f1 - 2 * 1.0 * (7 / 9) / (1 + 7 / 9)) < 1e-12
    # spaced: "Fixedassets" is not "Fixed assets" and "1200" not "1 200": Item>Fixedassets,
    # 2012>1200 and Fixedassets>1200 are lost.
    assert compare(truth, mine, spaced=True) == (4, 7, 9), compare(truth, mine, spaced=True)
    # a split header: the result without its span reports Total only over 2012.
    result["tables"][0]["spans"] = []
    result["tables"][0]["cells"][0][2] = ""
    assert compare(truth, program_grids(result)) == (6, 6, 9), compare(truth, program_grids(result))
    # regions: a table covering the truth box is found; a second one elsewhere is false.
    doc = {"tables": [{"id": "t01", "bbox": [[1, 100, 100, 300, 200]]},
                      {"id": "t02", "bbox": [[1, 100, 600, 300, 700]]}]}
    assert region_counts([(1, 100, 642, 300, 742)], doc, {1: 842}) == (1, 1, 1)
    print("score_icdar self-test: ok")


def main():
    global VERBOSE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?")
    ap.add_argument("--disclex", default="./disclex")
    ap.add_argument("--min", type=float, default=0.0)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="per development document: missed and extra relations")
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        self_test()
        return 0
    if not args.dir:
        ap.error("DIR is required")
    VERBOSE = args.v
    pdfs = sorted(p for p in glob.glob(os.path.join(args.dir, "*.pdf"))
                  if os.path.exists(p[:-4] + "-str.xml"))
    if not pdfs:
        print(f"score_icdar: no PDF with its -str.xml in {args.dir}", file=sys.stderr)
        return 2
    dev = set(pdfs[0::2])
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
            results = list(pool.map(lambda p: score_one(args.disclex, p), pdfs))
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
        print(f"score_icdar: {e}", file=sys.stderr)
        return 2
    devres = [r for p, r in zip(pdfs, results) if p in dev]
    heldres = [r for p, r in zip(pdfs, results) if p not in dev]
    print("development documents (structure P R F1, spaced F1, regions found, false tables):")
    for r in devres:
        p, rc, f1 = prf(*r["strict"])
        print(f"  {r['name']:10s} P {p:.3f} R {rc:.3f} F1 {f1:.3f}  spaced {prf(*r['spaced'])[2]:.3f}  "
              f"regions {r['regions'][0]}/{r['regions'][1]}  false {r['regions'][2]}/{r['tables']}")
        if VERBOSE:
            for k in r["missed"]:
                print(f"      missed {k}")
            for k in r["extra"]:
                print(f"      extra  {k}")
    summary("development", devres)
    summary("held-out", heldres)
    mean = summary("all", results)
    return 0 if mean >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
