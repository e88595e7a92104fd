#!/usr/bin/env python3
"""The PostgreSQL round trip: two years of one department (tests/data/golden/
mini.txt, 示例局 2024, and a 2025 edition of it written here with figures
changed by hand) loaded with disclex --db, copied into a PostgreSQL server
started for the test on loopback (initdb in a temporary directory, run as
the postgres user when this runs as root) by scripts/pg_load.sh, and the
join of scripts/pg_two_years.sql checked: each 2024 and 2025 figure and the
exact change.  Skipped, saying so, where no server can start.

Usage: postgres.py ./disclex   (prints 'postgres: N passed, N failed' or 'skip postgres: why')
"""
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tally import Tally  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "data" / "golden" / "mini.txt"


def find(tool):
    found = shutil.which(tool) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./disclex")
    initdb, pg_ctl, psql = find("initdb"), find("pg_ctl"), shutil.which("psql")
    if not (initdb and pg_ctl and psql and shutil.which("sqlite3")):
        print("skip postgres: initdb, pg_ctl, psql or sqlite3 not installed (scripts/setup.sh installs them)")
        return 0
    check = Tally("postgres")

    tmp = tempfile.mkdtemp()
    as_user = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(tmp, "postgres")
    data, log = os.path.join(tmp, "data"), os.path.join(tmp, "log")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = False
    try:
        r = subprocess.run(as_user + [initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                      "--locale=C"], capture_output=True)
        if r.returncode == 0:
            r = subprocess.run(as_user + [pg_ctl, "-D", data, "-l", log, "-w", "-o",
                                          f"-c listen_addresses=127.0.0.1 -p {port} -k {tmp}", "start"],
                               capture_output=True)
            started = r.returncode == 0
        if not started:
            print(f"skip postgres: the server did not start: {(r.stderr or r.stdout).decode()[-300:]}")
            return 0
        work = Path(tempfile.mkdtemp())
        y2025 = work / "mini-2025.txt"
        text = MINI.read_text(encoding="utf-8").replace("2024年度", "2025年度")
        text = text.replace("3,260.55\t3,249.55\t11.00", "3,300.00\t3,280.50\t19.50")
        text = text.replace("201\t一般公共服务支出\t3,249.55\t3,249.55\t", "201\t一般公共服务支出\t3,280.50\t3,280.50\t")
        text = text.replace("3,249.55\t3,249.55\t0.00", "3,280.50\t3,280.50\t0.00")
        y2025.write_text(text, encoding="utf-8")
        db = str(work / "two.db")
        r = subprocess.run([binary, "-q", "--db", db, str(MINI), str(y2025)], capture_output=True)
        check(r.returncode == 0, f"disclex --db: exit {r.returncode} {r.stderr!r}")
        conn = ["-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "postgres"]
        r = subprocess.run([str(ROOT / "scripts" / "pg_load.sh"), db] + conn, capture_output=True)
        check(r.returncode == 0, f"pg_load.sh: exit {r.returncode} {r.stderr.decode()[-400:]}")
        q = subprocess.run([psql, "-X", "-A", "-t", "-F", "|", "-v", "dept=示例局", "-v", "y1=2024", "-v", "y2=2025",
                            "-f", str(ROOT / "scripts" / "pg_two_years.sql")] + conn, capture_output=True)
        got = q.stdout.decode().split("\n")
        got = [l for l in got if l]
        # the figures of the two files, the change worked out by hand
        want = ["final.income|201|一般公共服务支出|fiscal|3249.55|3280.5|30.95",
                "final.income|201|一般公共服务支出|total|3249.55|3280.5|30.95",
                "final.income|20103|政府办公厅(室)及相关机构事务|fiscal|3249.55|3280.5|30.95",
                "final.income|20103|政府办公厅(室)及相关机构事务|other|0|0|0",
                "final.income|20103|政府办公厅(室)及相关机构事务|total|3249.55|3280.5|30.95"]
        check(got == want, f"two years joined by row code: {got} {q.stderr.decode()[-300:]}")
        counts = subprocess.run([psql, "-X", "-A", "-t", "-c",
                                 "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM value_facts)"] + conn,
                                capture_output=True).stdout.decode().strip()
        sq = subprocess.run(["sqlite3", db, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM value_facts)"],
                            capture_output=True).stdout.decode().strip()
        check(counts == sq and counts.startswith("2|"), f"the same rows in both: PostgreSQL {counts}, SQLite {sq}")
        r = subprocess.run([str(ROOT / "scripts" / "pg_load.sh"), db] + conn, capture_output=True)
        counts2 = subprocess.run([psql, "-X", "-A", "-t", "-c", "SELECT count(*) FROM documents"] + conn,
                                 capture_output=True).stdout.decode().strip()
        check(r.returncode == 0 and counts2 == "2", f"loading again replaces: {counts2}")
        shutil.rmtree(work, ignore_errors=True)
    finally:
        if started:
            subprocess.run(as_user + [pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
    return check.report()


if __name__ == "__main__":
    sys.exit(main())
