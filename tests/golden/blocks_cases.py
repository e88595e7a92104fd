#!/usr/bin/env python3
"""Block structure (headings, items, paragraphs, contents) against goldens read off the pages.

Each tests/golden/blocks/NAME.tsv holds the blocks of one document (or of a page range of
it) as they stand on the page, one line per block:

    PAGE<TAB>KIND<TAB>TEXT

KIND is H1..H6 (a heading and its level), I0..I6 (an item of a list and its numbering's
level, 0 for a bullet), P (a paragraph) or TOC (a contents page; its entries follow, one
line each, `<TAB>E<level> p<page><TAB>TEXT`, `-` for a level or page not printed).  TEXT is
the block's text with its spaces dropped, cut to its first 14 and last 10 characters
around `…` when longer: the two ends fix where a block starts and stops.  The header
lines say which file (`# source: repo:PATH` in the repository, `# source: shared:PATH`
in the shared corpus) and which arguments (`# arguments: --pages 3-9`).  A golden is
compared whole: every block, in order.

The goldens were written by reading each page (pdftoppm -png -r 70 -f P -l P FILE) or,
for the seeds (text renderings), the text file: where a paragraph starts (its first-line
indent), where it ends, what is a heading and what a numbered item, what is page
furniture.

Usage:
  blocks_cases.py DISCLEX                 compare every golden (prints 'blocks cases: ...')
  blocks_cases.py --score DISCLEX         the share of golden blocks each document gets right
  blocks_cases.py --print DISCLEX FILE [ARGS...]   print FILE's blocks in the golden format
"""
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DISCLEX_SHARED") or ROOT.parent / "shared")
GOLDEN = ROOT / "tests" / "golden" / "blocks"
HEAD, TAIL = 14, 10


def squeeze(s):
    return "".join((s or "").split())


def short(s):
    s = squeeze(s)
    return s if len(s) <= HEAD + TAIL + 1 else s[:HEAD] + "…" + s[-TAIL:]


def render(doc):
    out = []
    for b in doc["blocks"]:
        page = b["page"] if b["page"] is not None else "-"
        if b["type"] == "toc":
            out.append(f"{page}\tTOC\t{short(b['text'])}")
            for e in b["entries"]:
                lv = e["level"] if e["level"] is not None else "-"
                pg = e["page"] if e["page"] is not None else "-"
                out.append(f"\tE{lv} p{pg}\t{short(e['text'])}")
            continue
        kind = {"heading": "H", "item": "I", "paragraph": "P"}[b["type"]]
        if b["type"] != "paragraph":
            kind += str(b["level"])
        out.append(f"{page}\t{kind}\t{short(b['text'])}")
    return out


def run(binary, path, args):
    env = dict(os.environ)
    env.setdefault("DISCLEX_SCHEMAS", str(ROOT / "schemas"))
    out = subprocess.run([binary, "-q", *args, str(path)], capture_output=True, timeout=600, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{path}: exit {out.returncode}: {out.stderr.decode(errors='replace').strip()}")
    return render(json.loads(out.stdout))


def load(golden):
    source = args = None
    lines = []
    for line in golden.read_text(encoding="utf-8").splitlines():
        if line.startswith("# source: "):
            source = line[len("# source: "):].strip()
        elif line.startswith("# arguments:"):
            args = line[len("# arguments:"):].split()
        elif line.startswith("#") or not line.strip():
            continue
        else:
            lines.append(line)
    where, _, rel = source.partition(":")
    path = (ROOT if where == "repo" else SHARED) / rel
    return path, where == "shared", args or [], lines


def score(expected, got):
    """Golden lines found, in order, in the output (the longest common subsequence)."""
    sm = difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks())


def main():
    argv = sys.argv[1:]
    mode = "check"
    if argv and argv[0] in ("--score", "--print"):
        mode = argv.pop(0)[2:]
    binary = argv[0] if argv else "./disclex"
    if mode == "print":
        print("\n".join(run(binary, Path(argv[1]), argv[2:])))
        return 0
    passed = failed = skipped = 0
    total_right = total = 0
    for golden in sorted(GOLDEN.glob("*.tsv")):
        path, shared, args, expected = load(golden)
        if shared and not path.exists():
            print(f"blocks: {golden.name}: the shared corpus is not at {SHARED} ($DISCLEX_SHARED): skipped")
            skipped += 1
            continue
        got = run(binary, path, args)
        if mode == "score":
            right = score(expected, got)
            total_right += right
            total += len(expected)
            print(f"{golden.stem}\t{right}/{len(expected)}\t{right / len(expected):.1%}")
            continue
        if got == expected:
            passed += 1
        else:
            failed += 1
            print(f"FAIL blocks {golden.name}:")
            for d in difflib.unified_diff(expected, got, "golden", "disclex", lineterm="", n=1):
                print("  " + d)
    if mode == "score":
        print(f"all\t{total_right}/{total}\t{total_right / max(total, 1):.1%}")
        return 0
    print(f"blocks cases: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
