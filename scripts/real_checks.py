#!/usr/bin/env python3
"""Identity checks and schema claims on the shared real corpus (corpus/real of
$DISCLEX_SHARED, default ../shared beside the repository):
per file the exit code, tables found, tables claimed by a schema, identity
checks holding and columns of claimed tables without a canonical key; then the
totals, and every failing check with its figures.
Then the inventory (tests/golden/real_inventory.py): core tables printed and
claimed right, wrong or missed per file; sums recomputed from the JSON; and the
metadata against what the pages print.

Usage: real_checks.py [./disclex]
"""
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DISCLEX_SHARED") or ROOT.parent / "shared")
REAL = SHARED / "corpus" / "real"

sys.path.insert(0, str(ROOT / "tests" / "golden"))
import real_inventory  # noqa: E402


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    if not REAL.is_dir():
        print(f"real checks: skipped, the shared corpus is not at {SHARED} ($DISCLEX_SHARED)")
        return 0
    held = total = 0
    failing = []
    raw = {}
    for path in sorted(REAL.iterdir()):
        if path.suffix not in (".pdf", ".html"):
            continue
        out = subprocess.run([binary, "-q", str(path)], capture_output=True, timeout=300)
        raw[path.name] = out.stdout
        try:
            doc = json.loads(out.stdout)
            tables = doc.get("tables", [])
            unkeyed = sum(1 for w in doc.get("warnings", []) if w["code"] == "column_unkeyed")
        except ValueError:
            print(f"{path.name}: exit {out.returncode}, no JSON")
            continue
        checks = [(t, c) for t in tables for c in t.get("checks", [])]
        ok = sum(1 for _, c in checks if c["ok"])
        held += ok
        total += len(checks)
        failing += [(path.name, t["title"], c) for t, c in checks if not c["ok"]]
        claimed = sum(1 for t in tables if t.get("schema"))
        print(f"{path.name:48} exit {out.returncode}  tables {len(tables):3}  claimed {claimed:3}  "
              f"checks {ok}/{len(checks)}  unkeyed columns {unkeyed}")
    share = held / total if total else 1.0
    print(f"identity checks holding: {held}/{total} ({share:.2%})")
    for name, title, c in failing:
        print(f"  failing: {name}: {title}: {c['rule']} {c['row']}/{c['column']}: "
              f"expected {c['expected']}, found {c['found']}")
    real_inventory.report(lambda n: json.loads(raw[n], parse_float=Decimal))
    return 0


if __name__ == "__main__":
    sys.exit(main())
