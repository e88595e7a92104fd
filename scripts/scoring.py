"""What the scorers share (scripts/score_map.py, score_tables.py, score_independent.py and
gen_expected_map.py): the canonical decimal string of a figure, running the program on one
file for its JSON (and the options that go with it), and precision/recall/F1.

A figure is compared as text: sign, digits without leading zeros, fraction without trailing
zeros (`-0012.50` -> `-12.5`, `0.00` -> `0`), so no binary floating point is involved.
"""

import json
import os
import re
import subprocess

NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def decimal(s):
    """s as the canonical decimal string when it is a plain number (NUMBER), else s."""
    if not NUMBER.match(s):
        return s
    neg = s.startswith("-")
    s = s.lstrip("-")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    s = s.lstrip("0") or "0"
    if s.startswith("."):
        s = "0" + s
    return "-" + s if neg and s != "0" else s


def add_runner_args(ap, measure):
    """The options of a scorer that runs the program on each file of a directory."""
    ap.add_argument("--disclex", default="./disclex", help="the program to run (./disclex)")
    ap.add_argument("--min", type=float, default=0.99, help="fail below this %s (0.99)" % measure)
    ap.add_argument("--timeout", type=float, default=60, help="seconds per file (60)")
    ap.add_argument("--jobs", type=int, default=2, help="files run at once (2)")


def check_runner_args(ap, args):
    """Usage errors in those options and the directory argument (exit 2)."""
    if not os.path.isdir(args.dir):
        ap.error("not a directory: %s" % args.dir)
    if not (os.path.isfile(args.disclex) and os.access(args.disclex, os.X_OK)):
        ap.error("not an executable: %s" % args.disclex)
    if not 0 <= args.min <= 1:
        ap.error("--min must be between 0 and 1")


def run_json(disclex, pdf, timeout, numbers_as_text=False):
    """Runs `DISCLEX PDF`; returns (its JSON object or None, error message or None).
    numbers_as_text: JSON numbers are kept as their own text."""
    try:
        p = subprocess.run([disclex, pdf], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %gs" % timeout
    except OSError as e:
        return None, "cannot run: %s" % e
    if p.returncode < 0:
        return None, "killed by signal %d" % -p.returncode
    try:
        text = p.stdout.decode("utf-8")
        if numbers_as_text:
            data = json.loads(text, parse_float=str, parse_int=str)
        else:
            data = json.loads(text)
    except (UnicodeDecodeError, ValueError) as e:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "exit %d, no JSON (%s)%s" % (p.returncode, e,
                                                  (": " + err[-1]) if err else "")
    if not isinstance(data, dict):
        return None, "exit %d, JSON is not an object" % p.returncode
    return data, None


def prf(matched, nfound, nexp):
    """(precision, recall, F1) of matched facts among nfound found and nexp expected."""
    p = matched / nfound if nfound else (1.0 if not nexp else 0.0)
    r = matched / nexp if nexp else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
