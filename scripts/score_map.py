#!/usr/bin/env python3
"""Score disclex's schema mapping against the generated corpus: every value on the right
schema, row key and column key.

For every DIR/NAME.pdf that has a DIR/NAME.expected-map.json (scripts/gen_expected_map.py),
runs `DISCLEX NAME.pdf` (with a time limit) and compares facts.

How it scores
  1. Facts.  A fact is (schema, row, side, group, column, value).  The expected facts are
     read from NAME.expected-map.json.  The program's come from its JSON: for each table
     with a schema, each row and each key of its `values`; row = `code` when not null,
     else `label`; side and group as printed (null when absent); value as an exact decimal
     string (the JSON number's own text, trailing fraction zeros dropped, `0.00` -> `0`), or
     null.  The JSON is read with numbers kept as text, so no binary floating point is
     involved.  In a two-sided table a null in a column the schema gives to the other side
     only (schemas/*.xml, <column side=...>) is not a fact: the program fills every key of
     every row, and the other side's columns are not printed on that row.
  2. Matching.  Facts are multisets (a two-sided table may print one label twice on a
     side).  A schema claimed by several tables of a document counts each fact once: the
     multisets of its tables are merged by taking the larger count, not the sum.  Tables
     with a null schema give no facts, so their expected facts count as misses (and not
     against precision).  matched = sum over facts of min(expected, found count).
  3. precision = matched / facts found, recall = matched / facts expected, F1 their
     harmonic mean; per document and in total over all facts.
  -v lists the misses by schema and column and by kind.  Table recovery is blamed when,
     as scripts/score_tables.py pairs tables, rows and cells against NAME.expected.json,
     the program did not read exactly the fact's printed cell (its `cell`: `misread cell`),
     a label or code cell left of it in its row (`misread label`) or a header cell of its
     table (`misread header`: a wrong header misplaces key columns too).  The others are mapping errors: `no table` (no table claims the
     schema), `no row` (no fact with that schema, row, side and group), `no column` (the
     row is there without that column), `value` (same place, other value).  -vv adds
     examples.

Closing line: `mapping F1: 0.9712 (precision 0.9800, recall 0.9600, N expected facts)`.
Exit status: 0 when F1 >= --min, 1 when below, 2 on a usage error or when the program
crashes, times out or prints no JSON on a file.
"""

import argparse
import collections
import concurrent.futures
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_tables  # noqa: E402
from scoring import add_runner_args, check_runner_args, decimal, prf, run_json  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def canon(v):
    """A value as the canonical decimal string (or None, or text for text columns)."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if not isinstance(v, str):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return decimal(v)


def load_sides(dirs):
    """schema id -> {column key: side} for the columns declared on one side only."""
    sides = {}
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.xml"))):
            try:
                root = ET.parse(path).getroot()
            except (ET.ParseError, OSError) as e:
                raise SystemExit("score_map: %s: %s" % (path, e))
            for s in root.iter("schema"):
                cols = {}
                for c in s.iter("column"):
                    if c.get("side"):
                        cols[c.get("key")] = c.get("side")
                sides[s.get("id")] = cols
    return sides


def fact_key(f):
    return (f.get("schema"), f.get("row"), f.get("side"), f.get("group"), f.get("column"),
            canon(f.get("value")))


def expected_facts(exp):
    """Counter of the expected facts, and each fact's printed cells as
    (table index, row, column), in order."""
    c = collections.Counter()
    cells = collections.defaultdict(list)
    for i, t in enumerate(exp.get("tables", [])):
        for f in t.get("facts", []):
            k = fact_key(f)
            c[k] += 1
            pos = f.get("cell")
            cells[k].append((i, pos[0], pos[1]) if isinstance(pos, list) and len(pos) == 2
                            else None)
    return c, cells


def found_facts(data, sides):
    """Counter of the program's facts (schemas merged by max), and the number of values in
    tables no schema claims."""
    per_schema = collections.defaultdict(collections.Counter)
    unclaimed = 0
    tables = data.get("tables") if isinstance(data, dict) else None
    for t in tables if isinstance(tables, list) else []:
        if not isinstance(t, dict):
            continue
        schema = t.get("schema")
        rows = t.get("rows") if isinstance(t.get("rows"), list) else []
        if not schema:
            unclaimed += sum(len(r.get("values") or {}) for r in rows if isinstance(r, dict))
            continue
        only = sides.get(schema, {})
        c = collections.Counter()
        for r in rows:
            if not isinstance(r, dict):
                continue
            row = r.get("code") if r.get("code") is not None else r.get("label")
            side, group = r.get("side"), r.get("group")
            values = r.get("values") if isinstance(r.get("values"), dict) else {}
            for k, v in values.items():
                if v is None and side and k in only and only[k] != side:
                    continue
                c[(schema, row, side, group, k, canon(v))] += 1
        merged = per_schema[schema]
        for f, n in c.items():
            if n > merged[f]:
                merged[f] = n
    total = collections.Counter()
    for c in per_schema.values():
        total.update(c)
    return total, unclaimed


FIGURE = re.compile(r"^[-\d,.%]*$")


class Misread:
    """The expected printed cells the program did not read exactly, by score_tables'
    pairing of tables, rows and cells; answers why a fact at (table, row, column) may be
    lost to table recovery: its own cell, a label or code cell left of it in its row, or
    a header cell of its table."""

    def __init__(self, expected_cells, data, header_rows):
        self.grids = [t.get("cells") or [] for t in expected_cells.get("tables", [])]
        self.header_rows = header_rows
        self.bad = set()
        res = score_tables.score_document(expected_cells, data)
        for i, t in enumerate(res["tables"]):
            if t["status"] in ("missing", "merged"):
                self.bad.add((i, None, None))
                continue
            for r, c, _ in t["wrong"]:
                self.bad.add((i, r, c))

    def _bad(self, i, r, c):
        return (i, None, None) in self.bad or (i, r, None) in self.bad or \
            (i, r, c) in self.bad

    def why(self, cell):
        """'misread cell', 'misread label', 'misread header' (some header cell of the table,
        which may shift its key columns) or None."""
        if cell is None or cell[0] >= len(self.grids):
            return None
        i, r, c = cell
        if self._bad(i, r, c):
            return "misread cell"
        grid = self.grids[i]
        row = grid[r] if r < len(grid) else []
        for k in range(min(c, len(row))):
            if row[k] and not FIGURE.match(row[k]) and self._bad(i, r, k):
                return "misread label"
        heads = self.header_rows.get(i, 0)
        if any(self._bad(i, h, k) for h in range(heads) for k in range(len(grid[h]))):
            return "misread header"
        return None


def classify(missed, found, misread):
    """Why each missed expected fact was missed: (fact, kind).  missed: (fact, cell)."""
    schemas = set(f[0] for f in found)
    rows = set(f[:4] for f in found)
    places = set(f[:5] for f in found)
    out = []
    for f, cell in missed:
        why = misread.why(cell) if misread else None
        if why:
            kind = why
        elif f[0] not in schemas:
            kind = "no table"
        elif f[:4] not in rows:
            kind = "no row"
        elif f[:5] not in places:
            kind = "no column"
        else:
            kind = "value"
        out.append((f, kind))
    return out


def main():
    ap = argparse.ArgumentParser(
        description="Score disclex's schema mapping against NAME.expected-map.json.")
    add_runner_args(ap, "F1")
    ap.add_argument("--schemas", default=os.path.join(os.path.dirname(HERE), "schemas"),
                    help="schema directories, ':'-separated, for the sides of columns "
                         "(schemas/ of this repository)")
    ap.add_argument("-v", "--verbose", action="count", default=0,
                    help="list the misses by schema, column and kind; twice: with examples")
    ap.add_argument("dir", help="directory holding NAME.pdf and NAME.expected-map.json")
    args = ap.parse_args()
    check_runner_args(ap, args)
    sdirs = [d for d in args.schemas.split(":") if d]
    for d in sdirs:
        if not os.path.isdir(d):
            ap.error("not a schema directory: %s" % d)
    sides = load_sides(sdirs)
    work = []
    for pdf in sorted(glob.glob(os.path.join(args.dir, "*.pdf"))):
        exp = pdf[:-4] + ".expected-map.json"
        if os.path.exists(exp):
            work.append((pdf, exp))
        else:
            print("score_map: %s: no expected map, skipped" % os.path.basename(pdf),
                  file=sys.stderr)
    if not work:
        ap.error("no NAME.pdf with NAME.expected-map.json in %s" % args.dir)

    failed = []
    t_exp = t_found = t_match = t_unclaimed = 0
    misses = collections.Counter()
    extras = collections.Counter()
    examples = collections.defaultdict(list)
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        runs = [pool.submit(run_json, args.disclex, pdf, args.timeout, True) for pdf, _ in work]
        for (pdf, expf), fut in zip(work, runs):
            name = os.path.basename(pdf)[:-4]
            with open(expf, encoding="utf-8") as fh:
                exp, exp_cells = expected_facts(json.load(fh))
            data, err = fut.result()
            if err:
                failed.append(name)
                print("%s: FAILED: %s" % (name, err))
                data = {"tables": []}
            found, unclaimed = found_facts(data, sides)
            matched = sum(min(n, found[f]) for f, n in exp.items())
            nexp, nfound = sum(exp.values()), sum(found.values())
            t_exp += nexp
            t_found += nfound
            t_match += matched
            t_unclaimed += unclaimed
            p, r, f1 = prf(matched, nfound, nexp)
            print("%s: F1 %.4f (precision %.4f, recall %.4f; %d/%d expected facts, %d found%s)"
                  % (name, f1, p, r, matched, nexp, nfound,
                     ", %d values in unclaimed tables" % unclaimed if unclaimed else ""))
            if args.verbose:
                misread = None
                gridf = pdf[:-4] + ".expected.json"
                if os.path.exists(gridf):
                    heads = {}
                    for cells in exp_cells.values():
                        for c in cells:
                            if c is not None:
                                heads[c[0]] = min(heads.get(c[0], c[1]), c[1])
                    with open(gridf, encoding="utf-8") as fh:
                        misread = Misread(json.load(fh), data, heads)
                missed = []
                for fct, n in exp.items():
                    k = max(0, n - found[fct])
                    # when some of a repeated fact matched, blame the misread cells first
                    cells = sorted(exp_cells[fct],
                                   key=lambda c: not (misread and misread.why(c)))
                    missed += [(fct, c) for c in cells[:k]]
                for fct, kind in classify(missed, found, misread):
                    key = (fct[0], fct[4], kind)
                    misses[key] += 1
                    if len(examples[key]) < 3:
                        have = [g[5] for g in found if g[:5] == fct[:5]]
                        examples[key].append("%s: row %s%s%s: expected %s%s" % (
                            name, fct[1], "/" + fct[2] if fct[2] else "",
                            "/" + fct[3] if fct[3] else "", fct[5],
                            ", found %s" % have if have else ""))
                for fct, n in found.items():
                    if n > exp[fct]:
                        extras[(fct[0], fct[4])] += n - exp[fct]
    if args.verbose and misses:
        print("misses by schema, column and kind:")
        for (schema, col, kind), n in sorted(misses.items(), key=lambda x: (-x[1], x[0])):
            print("  %5d  %-28s %-18s %s" % (n, schema, col, kind))
            if args.verbose > 1:
                for e in examples[(schema, col, kind)]:
                    print("           %s" % e)
    if args.verbose and extras:
        print("facts found but not expected, by schema and column:")
        for (schema, col), n in sorted(extras.items(), key=lambda x: (-x[1], x[0])):
            print("  %5d  %-28s %s" % (n, schema, col))
    p, r, f1 = prf(t_match, t_found, t_exp)
    if t_unclaimed:
        print("values in tables no schema claims: %d" % t_unclaimed)
    print("mapping F1: %.4f (precision %.4f, recall %.4f, %d expected facts)" % (
        f1, p, r, t_exp))
    if failed:
        print("score_map: the program failed on %d file(s): %s" % (len(failed), " ".join(failed)),
              file=sys.stderr)
        return 2
    return 0 if f1 >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
