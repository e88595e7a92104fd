#!/usr/bin/env python3
"""Score disclex's table recovery against the generated corpus's ground truth.

For every DIR/NAME.pdf that has a DIR/NAME.expected.json, runs `DISCLEX NAME.pdf` (with a
time limit), reads the JSON it prints, and compares tables[].cells with the expected grid.

How tables are scored
  1. Matching.  Each expected table is paired with at most one output table, each output
     table with at most one expected table: first by title (normalised: NFKC, no
     whitespace, no leading year, ordinal or form number), choosing among same-titled
     tables the one with the most exact cells; then the expected tables still unpaired
     take the unused output table with the most exact cells, if that is at least a fifth
     of the table.  An expected table left unpaired is missing: all its cells are wrong.
  2. Rows.  The expected and output rows are aligned as sequences (difflib, on the rows'
     whitespace-free text), so one dropped or invented row does not shift the rest; rows
     in a replaced stretch are paired in order.  Expected rows with no partner are wrong.
  3. Cells.  A paired cell is exact when both are null or both are strings equal after
     deleting all whitespace.  Output cells with no expected partner (an invented row, a
     repeated header left in, extra columns) are counted as extra and added to the
     denominator, so leaving junk in a table costs as much as losing cells.
  4. Fragments.  A table split into pieces scores only the piece it is paired with; the
     other pieces are reported as `split`.  Two tables run together score as one (the
     other is missing) and are reported as `merged`.

Closing line: `table cells: EXACT/TOTAL exact (PCT%)`, TOTAL = expected + extra cells.
Exit status: 0 when EXACT/TOTAL >= --min, 1 when below, 2 on a usage error or when the
program crashes, times out or prints no JSON on a file.
"""

import argparse
import concurrent.futures
import difflib
import glob
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scoring import add_runner_args, check_runner_args, run_json  # noqa: E402

TITLE_NOISE = re.compile(
    r"^(?:\d{4}年度?|[一二三四五六七八九十]+、|\d+[、.．]|[（(][一二三四五六七八九十\d]+[)）])+")
FORM_NUMBER = re.compile(r"(?:公开|预算|附)?\d+表$|^(?:公开|预算)\d+表")


def squash(s):
    return re.sub(r"\s+", "", s)


def norm_title(t):
    if not t:
        return ""
    t = squash(unicodedata.normalize("NFKC", t))
    t = TITLE_NOISE.sub("", t)
    t = FORM_NUMBER.sub("", t)
    return t.replace("\u201c", "").replace("\u201d", "").replace('"', "")


def norm_cell(c):
    if c is None:
        return None
    if not isinstance(c, str):
        c = json.dumps(c, ensure_ascii=False) if isinstance(c, (list, dict)) else str(c)
    return squash(c)


def norm_grid(cells):
    if not isinstance(cells, list):
        return []
    return [[norm_cell(c) for c in row] if isinstance(row, list) else [] for row in cells]


def row_key(row):
    return "\x1f".join("\x00" if c is None else c for c in row)


def compare(exp, out):
    """Align rows of two normalised grids; returns (exact, extra, pairs, unpaired_exp)."""
    sm = difflib.SequenceMatcher(None, [row_key(r) for r in exp], [row_key(r) for r in out],
                                 autojunk=False)
    exact = extra = 0
    pairs = []
    unpaired = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        n = min(i2 - i1, j2 - j1) if op in ("equal", "replace") else 0
        for k in range(n):
            pairs.append((i1 + k, j1 + k))
        unpaired.extend(range(i1 + n, i2))
        for j in range(j1 + n, j2):
            extra += len(out[j])
    for i, j in pairs:
        e, o = exp[i], out[j]
        for k, c in enumerate(e):
            if k < len(o) and o[k] == c:
                exact += 1
        extra += max(0, len(o) - len(e))
    return exact, extra, pairs, unpaired


def ncells(grid):
    return sum(len(r) for r in grid)


def score_document(expected, output):
    """Score one document; returns a dict of counts and per-table details."""
    etabs = expected.get("tables", [])
    otabs = output.get("tables", []) if isinstance(output, dict) else []
    if not isinstance(otabs, list):
        otabs = []
    eg = [norm_grid(t.get("cells")) for t in etabs]
    og = [norm_grid(t.get("cells") if isinstance(t, dict) else None) for t in otabs]
    et = [norm_title(t.get("title")) for t in etabs]
    ot = [norm_title(t.get("title") if isinstance(t, dict) else None) for t in otabs]
    cache = {}

    def cmp(i, j):
        if (i, j) not in cache:
            cache[(i, j)] = compare(eg[i], og[j])
        return cache[(i, j)]

    def whole_rows(i, j, among=None):
        """Expected rows of table i found unchanged in output table j."""
        return sum(1 for a, b in cmp(i, j)[2] if (among is None or a in among) and
                   row_key(eg[i][a]) == row_key(og[j][b]))

    match = [None] * len(etabs)
    used = set()
    for i in range(len(etabs)):
        cands = [j for j in range(len(otabs)) if j not in used and ot[j] and ot[j] == et[i]]
        if cands:
            j = max(cands, key=lambda j: (cmp(i, j)[0], -j))
            match[i] = j
            used.add(j)
    for i in range(len(etabs)):
        if match[i] is not None:
            continue
        best, best_j = 0, None
        for j in range(len(otabs)):
            if j in used:
                continue
            s = cmp(i, j)[0]
            if s > best:
                best, best_j = s, j
        if best_j is not None and best * 5 >= ncells(eg[i]) and best > 0:
            match[i] = best_j
            used.add(best_j)

    res = {"expected": 0, "exact": 0, "extra": 0, "found": 0, "missing": 0, "merged": 0,
           "split": 0, "pages_wrong": 0, "tables": []}
    for i, t in enumerate(etabs):
        total = ncells(eg[i])
        res["expected"] += total
        info = {"title": t.get("title"), "expected": total, "exact": 0, "extra": 0,
                "status": "found", "wrong": []}
        j = match[i]
        if j is None:
            info["status"] = "missing"
            res["missing"] += 1
            # run together with another table?
            for j2 in used:
                if whole_rows(i, j2) * 2 >= len(eg[i]) and eg[i]:
                    info["status"] = "merged"
                    res["merged"] += 1
                    break
        else:
            res["found"] += 1
            exact, extra, pairs, unpaired = cmp(i, j)
            info["exact"], info["extra"] = exact, extra
            res["exact"] += exact
            res["extra"] += extra
            if unpaired:
                for j2 in range(len(otabs)):
                    if j2 in used:
                        continue
                    if whole_rows(i, j2, set(unpaired)) >= 2:
                        info["status"] = "split"
                        res["split"] += 1
                        break
            pages = otabs[j].get("pages") if isinstance(otabs[j], dict) else None
            if t.get("pages") and pages != t.get("pages"):
                res["pages_wrong"] += 1
                info["pages"] = (t.get("pages"), pages)
            pmap = dict(pairs)
            for r, row in enumerate(eg[i]):
                if r not in pmap:
                    info["wrong"].append((r, None, "row missing"))
                    continue
                orow = og[j][pmap[r]]
                for k, c in enumerate(row):
                    got = orow[k] if k < len(orow) else "<absent>"
                    if got != c:
                        info["wrong"].append((r, k, "%r != %r" % (got, c)))
        res["tables"].append(info)
    res["extra_tables"] = len(otabs) - len(used)
    return res


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def main():
    ap = argparse.ArgumentParser(description="Score disclex's tables against NAME.expected.json.")
    add_runner_args(ap, "ratio")
    ap.add_argument("-v", "--verbose", action="count", default=0,
                    help="list tables; twice: list wrong cells")
    ap.add_argument("dir", help="directory holding NAME.pdf and NAME.expected.json")
    args = ap.parse_args()
    check_runner_args(ap, args)
    pdfs = sorted(glob.glob(os.path.join(args.dir, "*.pdf")))
    work = []
    for pdf in pdfs:
        exp = pdf[:-4] + ".expected.json"
        if os.path.exists(exp):
            work.append((pdf, exp))
        else:
            print("score: %s: no expected file, skipped" % os.path.basename(pdf), file=sys.stderr)
    if not work:
        ap.error("no NAME.pdf with NAME.expected.json in %s" % args.dir)

    failed = []
    tot = {"expected": 0, "exact": 0, "extra": 0, "found": 0, "missing": 0, "merged": 0,
           "split": 0, "tables": 0, "pages_wrong": 0, "extra_tables": 0}
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        runs = [pool.submit(run_json, args.disclex, pdf, args.timeout) for pdf, _ in work]
        for (pdf, expf), fut in zip(work, runs):
            name = os.path.basename(pdf)[:-4]
            with open(expf, encoding="utf-8") as f:
                expected = json.load(f)
            data, err = fut.result()
            if err:
                failed.append(name)
                print("%s: FAILED: %s" % (name, err))
                data = {"tables": []}
            r = score_document(expected, data)
            for k in ("expected", "exact", "extra", "found", "missing", "merged", "split",
                      "pages_wrong", "extra_tables"):
                tot[k] += r[k]
            tot["tables"] += len(r["tables"])
            denom = r["expected"] + r["extra"]
            flags = "".join(", %d %s" % (r[k], k.replace("_", " ")) for k in
                            ("merged", "split", "extra_tables", "pages_wrong") if r[k])
            print("%s: tables %d/%d found, %d missing%s; cells %d/%d exact (%.2f%%)%s" % (
                name, r["found"], len(r["tables"]), r["missing"], flags, r["exact"], denom,
                pct(r["exact"], denom), ", %d extra" % r["extra"] if r["extra"] else ""))
            if args.verbose:
                for t in r["tables"]:
                    bad = t["expected"] - t["exact"] + t["extra"]
                    if bad or args.verbose > 1 or t["status"] != "found":
                        print("  %-40s %-8s %d/%d exact, %d extra%s" % (
                            t["title"], t["status"], t["exact"], t["expected"], t["extra"],
                            "  pages %s, got %s" % t["pages"] if "pages" in t else ""))
                    if args.verbose > 1:
                        for row, col, what in t["wrong"][:20]:
                            print("    row %d col %s: %s" % (row, col, what))
    denom = tot["expected"] + tot["extra"]
    ratio = tot["exact"] / denom if denom else 1.0
    print("tables: %d/%d found, %d missing, %d merged wrongly, %d split, %d extra, "
          "%d with wrong pages" % (tot["found"], tot["tables"], tot["missing"], tot["merged"],
                                   tot["split"], tot["extra_tables"], tot["pages_wrong"]))
    print("expected cells: %d, extra cells: %d" % (tot["expected"], tot["extra"]))
    print("table cells: %d/%d exact (%.2f%%)" % (tot["exact"], denom, 100.0 * ratio))
    if failed:
        print("score: the program failed on %d file(s): %s" % (len(failed), " ".join(failed)),
              file=sys.stderr)
        return 2
    return 0 if ratio >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
