#!/usr/bin/env python3
"""`disclex batch` end to end on a tree made from files in the repository:
two good documents (tests/data/golden/mini.txt, the Putuo sample PDF), a
truncated PDF, a file named .pdf that is not one, a file that hangs (the
DISCLEX_TEST_HANG hook: its worker sleeps until killed by --timeout) and a
file deleted while the batch runs.  Every other input completes, each
failure is recorded with its reason (database and --errors NDJSON), stdout
holds the documents' NDJSON lines in input order, a rerun does nothing new,
and --retry-failed reads the failures again.

Usage: batch.py ./disclex   (prints 'batch: N passed, N failed')
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tally import Tally  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
check = Tally("batch")


def rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./disclex")
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        (tree / "sub").mkdir(parents=True)
        shutil.copy(ROOT / "tests/data/golden/mini.txt", tree / "a-mini.txt")
        shutil.copy(ROOT / "corpus/sample/putuo-justice-2026-budget.pdf", tree / "sub" / "b-putuo.pdf")
        shutil.copy(ROOT / "tests/data/bad/truncated.pdf", tree / "c-truncated.pdf")
        shutil.copy(ROOT / "tests/data/bad/not-a-pdf.pdf", tree / "d-not-a-pdf.pdf")
        # other bytes than a-mini.txt: the same bytes would be the same document
        (tree / "e-hang-me.txt").write_bytes((ROOT / "tests/data/golden/mini.txt").read_bytes() + b"\n")
        (tree / "f-vanish.txt").write_text("收入决算表\n", encoding="utf-8")
        (tree / "notes.md").write_text("not an input\n")
        db = str(Path(tmp) / "corpus.db")
        errors = Path(tmp) / "errors.ndjson"
        env = dict(os.environ, DISCLEX_TEST_HANG="e-hang-me")
        # one worker: the hanging file holds it for the timeout, during which f-vanish.txt is deleted
        p = subprocess.Popen([binary, "batch", "--jobs", "1", "--timeout", "3", "--db", db, "--ndjson",
                              "--errors", str(errors), str(tree)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env)
        time.sleep(1.5)
        (tree / "f-vanish.txt").unlink()
        out, err = p.communicate(timeout=120)
        err = err.decode()
        check(p.returncode == 3, f"exit {p.returncode}, expected 3 (inputs unreadable): {err[-300:]}")
        lines = out.decode().splitlines()
        paths = [json.loads(l)["source"]["path"] for l in lines]
        check(paths == [str(tree / "a-mini.txt"), str(tree / "sub" / "b-putuo.pdf")],
              f"stdout: the two documents in input order: {paths}")
        recs = {Path(r["path"]).name: r for r in map(json.loads, errors.read_text().splitlines())}
        check(sorted(recs) == ["c-truncated.pdf", "d-not-a-pdf.pdf", "e-hang-me.txt", "f-vanish.txt"],
              f"a failure record each: {sorted(recs)}")
        check(all(r["exit"] in (1, 3) and r["message"] for r in recs.values()), f"records have exit and message: {recs}")
        check("--timeout" in recs.get("e-hang-me.txt", {}).get("message", ""), "the hanging file: killed at the timeout")
        check("no such file" in recs.get("f-vanish.txt", {}).get("message", "").lower(),
              f"the deleted file: {recs.get('f-vanish.txt')}")
        check(recs.get("c-truncated.pdf", {}).get("sha256") and recs.get("f-vanish.txt", {}).get("sha256") is not None,
              "sha256 recorded (of the bytes hashed before the file went)")
        check(sorted(n for (n,) in rows(db, "SELECT path FROM documents")) ==
              [str(tree / "a-mini.txt"), str(tree / "sub" / "b-putuo.pdf")], "database: the two documents")
        check(sorted(Path(p).name for (p, c) in rows(db, "SELECT path, exit_code FROM failures")) == sorted(recs),
              "database: the four failures")
        check("4 failed" in err and "budget.income 1" in err, f"summary: {err.splitlines()[-3:]}")

        # a rerun over the same tree does nothing new, quickly
        start = time.monotonic()
        r = subprocess.run([binary, "batch", "-q", "--db", db, str(tree)], capture_output=True, env=env)
        took = time.monotonic() - start
        check(r.returncode == 0 and b"5 skipped" in r.stderr, f"rerun: exit {r.returncode} {r.stderr.decode()[-300:]}")
        check(took < 2.0, f"rerun took {took:.1f} s")
        check(rows(db, "SELECT count(*) FROM documents") == [(2,)], "rerun: no duplicates")
        # --retry-failed reads the failed ones again
        r = subprocess.run([binary, "batch", "-q", "--retry-failed", "--timeout", "2", "--db", db, str(tree)],
                           capture_output=True, env=env)
        check(r.returncode == 3 and b"3 failed" in r.stderr, f"--retry-failed: {r.stderr.decode()[-300:]}")

        # several workers: the same lines in the same order; --out writes one JSON per document
        outdir = Path(tmp) / "json"
        r1 = subprocess.run([binary, "batch", "-q", "--jobs", "1", "--timeout", "2", str(tree)], capture_output=True,
                            env=env)
        r2 = subprocess.run([binary, "batch", "-q", "--jobs", "2", "--timeout", "2", "--ndjson", "--out", str(outdir),
                             str(tree)], capture_output=True, env=env)
        check(r1.stdout == r2.stdout and len(r1.stdout.splitlines()) == 2, "--jobs 2: the same NDJSON as --jobs 1")
        names = sorted(os.listdir(outdir))
        check(len(names) == 2 and all(n.endswith(".json") for n in names), f"--out: {names}")
        # a manifest
        manifest = Path(tmp) / "list.txt"
        manifest.write_text(f"# inputs\n{tree / 'a-mini.txt'}\n\n{tree / 'missing.pdf'}\n")
        r = subprocess.run([binary, "batch", "-q", str(manifest)], capture_output=True)
        check(r.returncode == 3 and len(r.stdout.splitlines()) == 1 and b"missing.pdf" in r.stderr,
              f"manifest: exit {r.returncode} {r.stderr.decode()[-200:]}")
        # shards merged: the documents once each, the same values as one database loaded directly
        s1, s2, merged, direct = (str(Path(tmp) / n) for n in ("s1.db", "s2.db", "merged.db", "direct.db"))
        subprocess.run([binary, "-q", "--db", s1, str(tree / "a-mini.txt")], capture_output=True)
        subprocess.run([binary, "-q", "--db", s2, str(tree / "sub" / "b-putuo.pdf"), str(tree / "a-mini.txt")],
                       capture_output=True)
        subprocess.run([binary, "batch", "-q", "--db", s2, str(tree / "c-truncated.pdf")], capture_output=True)
        r = subprocess.run([binary, "merge", merged, s1, s2], capture_output=True)
        check(r.returncode == 0 and b"1 already in" in r.stderr, f"merge: exit {r.returncode} {r.stderr.decode()}")
        subprocess.run([binary, "-q", "--db", direct, str(tree / "a-mini.txt"), str(tree / "sub" / "b-putuo.pdf")],
                       capture_output=True)
        facts = ("SELECT sha256, table_key, row_key, column_key, value_kind, value, row_code, page FROM value_facts "
                 "ORDER BY 1, 2, 3, 4")
        check(rows(merged, facts) == rows(direct, facts) and len(rows(merged, facts)) > 300,
              "merged values = values loaded directly")
        for t in ("checks", "warnings", "tables", "columns", "rows"):
            check(rows(merged, f"SELECT count(*) FROM {t}") == rows(direct, f"SELECT count(*) FROM {t}"), f"merged {t}")
        check(rows(merged, "SELECT count(*) FROM failures") == [(1,)], "merged: the shard's failure")
        r = subprocess.run([binary, "merge", merged, s1, s2], capture_output=True)
        check(r.returncode == 0 and rows(merged, "SELECT count(*) FROM documents") == [(2,)]
              and rows(merged, "SELECT count(*) FROM failures") == [(1,)], "merging again adds nothing")
        check(rows(merged, "PRAGMA foreign_key_check") == [], "merged: foreign keys hold")
        r = subprocess.run([binary, "merge", merged, str(tree / "a-mini.txt")], capture_output=True)
        check(r.returncode == 3, f"merge of a file that is not a database: exit {r.returncode} {r.stderr!r}")
        # a manifest on standard input (a map step: paths in, NDJSON out)
        r = subprocess.run([binary, "batch", "-q", "-"], input=f"{tree / 'a-mini.txt'}\n".encode(), capture_output=True)
        check(r.returncode == 0 and json.loads(r.stdout)["format"] == "disclex/1", "manifest on standard input")
        # the summary counts a table no schema claims as unclaimed
        plain = Path(tmp) / "plain.txt"
        plain.write_text("会议安排表\n\n项目\t甲\t乙\n一\t1.00\t2.00\n二\t3.00\t4.00\n", encoding="utf-8")
        r = subprocess.run([binary, "batch", "-q", "-"], input=f"{plain}\n".encode(), capture_output=True)
        check(b"1 tables (unclaimed 1)" in r.stderr, f"summary of an unclaimed table: {r.stderr.decode()[-300:]}")
        r = subprocess.run([binary, "batch", "--jobs", "0", str(tree)], capture_output=True)
        check(r.returncode == 2, f"--jobs 0: exit {r.returncode}")
    return check.report()


if __name__ == "__main__":
    sys.exit(main())
