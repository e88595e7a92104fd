#!/usr/bin/env python3
"""Score disclex on the independent documents of scripts/gen_independent.py.

    score_independent.py [--disclex ./disclex] [--min F] [-j N] [-v] DIR|FILE.pdf...

For every NAME.pdf with a NAME.truth.json beside it, runs `DISCLEX -q NAME.pdf` and
compares the values it maps with the truth.

How it scores
  1. Facts.  A fact is (schema, row, side, group, column, value).  The truth lists them per
     table.  The program's come from its JSON, read with every number kept as its text (no
     binary floating point): for each table with a schema, each row and each key of its
     `values`; row = `code` when not null, else `label`; value the canonical decimal
     (trailing fraction zeros dropped) or null.  In a two-sided table a null in a column
     the schema gives to the other side only (schemas/*.xml, <column side=...>) is no fact:
     the program fills every key on every row.  A value under a key its schema does not
     declare (a column the program could not key, named by its header) is no fact either;
     such values are counted apart.
  2. Matching.  Per document, facts are multisets per schema; when several tables claim one
     schema their multisets merge by the larger count.  matched = sum of min(expected,
     found); precision = matched / found, recall = matched / expected, F1 their harmonic
     mean, summed over documents per kind (决算 final_accounts, 预算 budget).
  3. Tables claimed: a truth table is claimed when a program table with its schema shares
     a page with it.  Column-exact code rows: a truth row with a code whose every value is
     found on that code, side, group and column.  Identity checks: the program's `checks`
     and `document_checks` that are not ok (the truth's amounts add up, so each one is a
     misread or mismapped value).  Silent losses: a truth table that loses facts (expected
     but not found) while the program's `warnings` name none of its pages — a loss nobody
     is told of; counted in tables and in facts.
  4. Losses by axis: every truth table carries the layout choices it was drawn with
     (drawing style, header alignment, title placement, page break, repeated header, ...);
     per value of each axis the facts expected, matched and found for those tables' schemas
     are summed, and the axes are listed by facts lost.  -v adds per table what was lost,
     with examples of missed and extra facts.  --only AXIS=VALUE,... scores the tables
     drawn so alone (and the program's tables of their schemas).

Closing line: `independent F1: 0.9712 (决算 0.9800, 预算 0.9600)`.  Exit status 0 when the
overall F1 >= --min, 1 below it, 2 on a usage error or when the program crashes, times out
or prints no JSON.
"""

import argparse
import collections
import concurrent.futures
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from scoring import decimal, prf  # noqa: E402

KINDS = [("final_accounts", "决算"), ("budget", "预算")]


def canon(v):
    return None if v is None else decimal(str(v))


def column_sides(schema_dir):
    """schema id -> {column key: side or None} for every column the schema declares."""
    sides = {}
    for path in sorted(glob.glob(os.path.join(schema_dir, "*.xml"))):
        for s in ET.parse(path).getroot().iter("schema"):
            sides[s.get("id")] = {c.get("key"): c.get("side") for c in s.iter("column")}
    return sides


def key(f):
    return (f["schema"], f["row"], f.get("side"), f.get("group"), f["column"], canon(f["value"]))


def run(disclex, pdf, timeout):
    try:
        p = subprocess.run([disclex, "-q", pdf], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if p.returncode not in (0, 6) or not p.stdout.strip():
        return None, "exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace")[:200])
    try:
        return json.loads(p.stdout, parse_float=str, parse_int=str), None
    except ValueError as e:
        return None, "bad JSON: %s" % e


def found_facts(out, sides, unkeyed):
    per = collections.defaultdict(collections.Counter)
    for t in out.get("tables", []):
        s = t.get("schema")
        if not s:
            continue
        c = collections.Counter()
        side_of = sides.get(s, {})
        for r in t.get("rows", []):
            row = r.get("code") if r.get("code") is not None else r.get("label")
            for col, v in (r.get("values") or {}).items():
                if col not in side_of:
                    unkeyed[0] += 1
                    continue
                if v is None and side_of.get(col) and r.get("side") and side_of[col] != r.get("side"):
                    continue
                c[(s, row, r.get("side"), r.get("group"), col, canon(v))] += 1
        for k, n in c.items():
            per[s][k] = max(per[s][k], n)
    return per


class Tally:
    def __init__(self):
        self.exp = self.found = self.match = 0

    def add(self, e, f, m):
        self.exp += e
        self.found += f
        self.match += m

    def prf(self):
        return prf(self.match, self.found, self.exp)


def score_doc(pdf, truth, out, sides, verbose):
    """Per-document results: tallies per table and the rest."""
    unkeyed = [0]
    found = found_facts(out, sides, unkeyed)
    res = {"unkeyed": unkeyed[0], "tables": [], "extra_found": 0, "checks": 0, "checks_bad": [], "coded": 0,
           "coded_exact": 0, "claimed": 0, "ntables": 0}
    truth_schemas = {t["schema"] for t in truth["tables"]}
    warned_pages = {int(w["page"]) for w in out.get("warnings", []) if w.get("page") is not None}
    for s, c in found.items():
        if s not in truth_schemas:
            res["extra_found"] += sum(c.values())
            res.setdefault("extra_schemas", []).append(s)
    for t in truth["tables"]:
        exp = collections.Counter(key(f) for f in t["facts"])
        fc = found.get(t["schema"], collections.Counter())
        m = sum(min(n, fc[k]) for k, n in exp.items())
        pages = set(t["pages"])
        claimed = any(o.get("schema") == t["schema"] and pages & {int(p) for p in o.get("pages", [])}
                      for o in out.get("tables", []))
        res["ntables"] += 1
        res["claimed"] += claimed
        rows = collections.defaultdict(list)
        for f in t["facts"]:
            if f.get("coded"):
                rows[(f["row"], f.get("side"), f.get("group"))].append(key(f))
        exact = sum(all(fc[k] > 0 for k in ks) for ks in rows.values())
        res["coded"] += len(rows)
        res["coded_exact"] += exact
        entry = {"schema": t["schema"], "pages": t["pages"], "axes": t["axes"],
                 "exp": sum(exp.values()), "found": sum(fc.values()), "match": m,
                 "claimed": claimed, "warned": bool(pages & warned_pages)}
        if verbose:
            entry["missed"] = [k for k, n in exp.items() if fc[k] < n]
            entry["extra"] = [k for k, n in fc.items() if exp[k] < n]
        res["tables"].append(entry)
    for t in out.get("tables", []):
        for c in t.get("checks", []):
            res["checks"] += 1
            if c.get("ok") is False:
                res["checks_bad"].append((t.get("id"), t.get("schema"), c))
    for c in out.get("document_checks", []):
        res["checks"] += 1
        if c.get("ok") is False:
            res["checks_bad"].append((None, None, c))
    return res


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--disclex", default="./disclex")
    ap.add_argument("--schemas", default=os.path.join(HERE, "..", "schemas"))
    ap.add_argument("--min", type=float, default=None)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="count", default=0)
    ap.add_argument("--axes", default=None, help="comma-separated axes to break down (default all)")
    ap.add_argument("--only", default=None,
                    help="score only the truth tables drawn so: AXIS=VALUE[,AXIS=VALUE...]")
    a = ap.parse_args(argv[1:])
    pdfs = []
    for i in a.inputs:
        if os.path.isdir(i):
            pdfs += sorted(glob.glob(os.path.join(i, "*.pdf")))
        else:
            pdfs.append(i)
    pdfs = [p for p in pdfs if os.path.exists(p[:-4] + ".truth.json")]
    if not pdfs:
        sys.stderr.write("score_independent: no NAME.pdf with NAME.truth.json in %s\n" % a.inputs)
        return 2
    sides = column_sides(a.schemas)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        outs = list(ex.map(lambda p: run(a.disclex, p, a.timeout), pdfs))
    status = 0
    kinds = {k: Tally() for k, _ in KINDS}
    total = Tally()
    claimed = collections.Counter()
    ntab = collections.Counter()
    coded = collections.Counter()
    coded_exact = collections.Counter()
    checks = checks_bad = unkeyed_n = 0
    losing = silent = silent_facts = 0
    axes = collections.defaultdict(lambda: collections.defaultdict(Tally))
    axis_tables = collections.defaultdict(collections.Counter)
    per_table = []
    for pdf, (out, err) in zip(pdfs, outs):
        with open(pdf[:-4] + ".truth.json", encoding="utf-8") as f:
            truth = json.load(f)
        k = truth["kind"]
        if out is None:
            sys.stderr.write("score_independent: %s: %s\n" % (pdf, err))
            status = 2
            out = {"tables": []}
        if a.only:
            conds = [c.split("=", 1) for c in a.only.split(",")]
            truth["tables"] = [t for t in truth["tables"]
                               if all(dict(t["axes"], schema=t["schema"]).get(n) == v
                                      for n, v in conds)]
            keep = {t["schema"] for t in truth["tables"]}
            out = dict(out, tables=[t for t in out.get("tables", []) if t.get("schema") in keep],
                       document_checks=[])
        r = score_doc(pdf, truth, out, sides, a.verbose)
        for t in r["tables"]:
            kinds[k].add(t["exp"], t["found"], t["match"])
            total.add(t["exp"], t["found"], t["match"])
            ax = dict(t["axes"])
            ax["schema"] = t["schema"]
            for name, val in ax.items():
                axes[name][val].add(t["exp"], t["found"], t["match"])
                axis_tables[name][val] += 1
            per_table.append((pdf, t))
            if t["match"] < t["exp"]:
                losing += 1
                if not t["warned"]:
                    silent += 1
                    silent_facts += t["exp"] - t["match"]
        kinds[k].add(0, r["extra_found"], 0)
        total.add(0, r["extra_found"], 0)
        if r["extra_found"]:
            axes["schema"]["(not in truth)"].add(0, r["extra_found"], 0)
            if a.verbose:
                print("%s: facts under schemas the truth has not: %s (%d)" % (
                    os.path.basename(pdf), ", ".join(r["extra_schemas"]), r["extra_found"]))
        claimed[k] += r["claimed"]
        ntab[k] += r["ntables"]
        coded[k] += r["coded"]
        coded_exact[k] += r["coded_exact"]
        checks += r["checks"]
        unkeyed_n += r["unkeyed"]
        checks_bad += len(r["checks_bad"])
        if a.verbose > 1:
            for tid, s, c in r["checks_bad"]:
                print("%s: check %s %s %s row %s column %s: expected %s found %s" % (
                    os.path.basename(pdf), tid, s, c.get("rule"), c.get("row"), c.get("column"),
                    c.get("expected"), c.get("found")))
    if a.verbose:
        print("== tables by facts lost (file, pages, schema, matched/expected, found)")
        per_table.sort(key=lambda x: -(x[1]["exp"] - x[1]["match"] + x[1]["found"] - x[1]["match"]))
        for pdf, t in per_table:
            lost = t["exp"] - t["match"]
            if not lost and t["found"] == t["match"]:
                continue
            ax = t["axes"]
            print("%s p%s %s: %d/%d found %d%s%s  [draw=%s title=%s break=%s repeat=%s pages=%s"
                  " code=%s depth=%s narrow=%s]" % (
                      os.path.basename(pdf), ",".join(map(str, t["pages"])), t["schema"],
                      t["match"], t["exp"], t["found"], "" if t["claimed"] else " NOT CLAIMED",
                      " SILENT" if lost and not t["warned"] else "",
                      ax.get("draw"), ax.get("title"), ax.get("break"), ax.get("repeat"),
                      ax.get("pages"), ax.get("code"), ax.get("depth"), ax.get("narrow")))
            for m in t["missed"][:a.verbose * 3]:
                print("    missed", m[1:])
            for m in t["extra"][:a.verbose * 3]:
                print("    extra ", m[1:])
    want = a.axes.split(",") if a.axes else None
    print("== losses by axis (value: tables, expected facts, recall, precision, F1, lost)")
    order = []
    for name, vals in axes.items():
        if want and name not in want:
            continue
        lost = sum(t.exp - t.match for t in vals.values())
        order.append((lost, name))
    for lost, name in sorted(order, reverse=True):
        vals = axes[name]
        parts = []
        for v, t in sorted(vals.items(), key=lambda kv: -(kv[1].exp - kv[1].match)):
            p, r, f = t.prf()
            parts.append("  %-32s %4d tables %6d facts  R %.3f  P %.3f  F1 %.3f  lost %d" % (
                v, axis_tables[name][v], t.exp, r, p, f, t.exp - t.match))
        print("%s:" % name)
        print("\n".join(parts))
    print("== figures (%d documents)" % len(pdfs))
    f1s = {}
    for k, label in KINDS:
        t = kinds[k]
        if not t.exp and not t.found:
            continue
        p, r, f = t.prf()
        f1s[label] = f
        print("%s: F1 %.4f (precision %.4f, recall %.4f, %d facts); tables claimed %d/%d; "
              "column-exact code rows %d/%d (%.1f%%)" % (
                  label, f, p, r, t.exp, claimed[k], ntab[k], coded_exact[k], coded[k],
                  100.0 * coded_exact[k] / coded[k] if coded[k] else 100.0))
    p, r, f = total.prf()
    print("identity checks failing: %d of %d; values under no column key of their schema: %d"
          % (checks_bad, checks, unkeyed_n))
    print("tables losing facts: %d; of them with no warning on their pages: %d (%d facts lost silently)"
          % (losing, silent, silent_facts))
    print("independent F1: %.4f (%s)" % (f, ", ".join("%s %.4f" % kv for kv in f1s.items())))
    if a.min is not None and f < a.min and status == 0:
        print("score_independent: F1 %.4f below the floor %.4f" % (f, a.min))
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
