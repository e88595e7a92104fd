#!/usr/bin/env python3
"""The user's documents say what the program does: `disclex --help`, the man
page (docs/disclex.1), the README and the bash completion (cli/disclex.bash)
name the same options; --help, the man page, the README and cli/exitcodes.h
the same exit codes; --version, the man page and the JSON `source.generator`
the same version.  The man page formats without a groff warning; the README's
quick start converts a file that is in the repository, and the documents it
links to are there.

Usage: docs_agree.py ./disclex   (prints 'N passed, N failed')
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tally import Tally  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MAN = ROOT / "docs" / "disclex.1"
README = ROOT / "README.md"
COMPLETION = ROOT / "cli" / "disclex.bash"
EXITCODES = ROOT / "cli" / "exitcodes.h"

OPTION = re.compile(r"(?<![\w-])(--?[a-z][a-z-]*)")


def section(text, start, end):
    """The lines of text from the line matching start up to the next matching end."""
    m = re.search(start, text, re.M)
    if not m:
        return ""
    rest = text[m.end():]
    n = re.search(end, rest, re.M)
    return rest[:n.start()] if n else rest


def help_options(help_text):
    opts = set()
    for line in help_text.splitlines():
        m = re.match(r"^  (-\w, )?(--[a-z-]+)", line) or re.match(r"^      (--[a-z-]+)", line)
        if m:
            opts.update(o.rstrip(",") for o in m.group(0).split())
    return opts


def man_options(man):
    body = section(man, r"^\.SH OPTIONS", r"^\.SH ")
    opts = set()
    for tag in re.findall(r"^\.TP\n(.*)$", body, re.M):
        opts.update(OPTION.findall(tag.replace("\\-", "-")))
    return opts


def readme_options(readme):
    body = section(readme, r"^## Usage", r"^## ")
    opts = set()
    for line in body.splitlines():
        m = re.match(r"^\| `([^`]+)` \|", line)
        if m:
            opts.update(OPTION.findall(m.group(1)))
    return opts


def completion_options():
    out = subprocess.run(["bash", "-c", f"source '{COMPLETION}'; COMP_WORDS=(disclex -); COMP_CWORD=1; "
                          "_disclex; printf '%s\\n' \"${COMPREPLY[@]}\""], capture_output=True, text=True)
    return set(out.stdout.split())


def completion_words(words):
    script = (f"source '{COMPLETION}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); "
              "_disclex; printf '%s\\n' \"${COMPREPLY[@]}\"")
    return set(subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout.split())


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "./disclex"
    check = Tally("docs")

    help_text = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
    man = MAN.read_text(encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    want = help_options(help_text)
    check(len(want) >= 10, f"--help lists {sorted(want)}")
    for name, got in (("man page", man_options(man)), ("README", readme_options(readme)),
                      ("bash completion", completion_options())):
        check(got == want, f"{name} options differ from --help: missing {sorted(want - got)}, "
                           f"not in --help {sorted(got - want)}")

    # Exit codes: the enum, the help's closing lines, the man page and the README table.
    enum = {int(v) for v in re.findall(r"^\s*EXIT_\w+ = (\d+),", EXITCODES.read_text(), re.M)}
    said = section(help_text, r"^Exit codes:", r"^\Z")
    in_help = {int(v) for v in re.findall(r"(\d) [a-z]", "Exit codes:" + said)}
    in_man = {int(v) for v in re.findall(r"^\.TP\n\.B (\d+)$", section(man, r"^\.SH EXIT STATUS", r"^\.SH "), re.M)}
    in_readme = {int(v) for v in re.findall(r"^\| (\d+) \|", section(readme, r"^## Exit codes", r"^## "), re.M)}
    check(len(enum) == 7, f"cli/exitcodes.h names {sorted(enum)}")
    for name, got in (("--help", in_help), ("man page", in_man), ("README", in_readme)):
        check(got == enum, f"{name} exit codes {sorted(got)}, cli/exitcodes.h {sorted(enum)}")

    # One version everywhere.
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    check(re.fullmatch(r"disclex \d+\.\d+\.\d+", version) is not None, f"--version prints {version!r}")
    th = re.search(r'^\.TH DISCLEX 1 \S+ "([^"]+)"', man, re.M)
    check(th is not None and th.group(1) == version, f"man page .TH names {th and th.group(1)!r}, not {version!r}")
    out = subprocess.run([binary, "-q", str(ROOT / "tests" / "data" / "golden" / "mini.txt")],
                         capture_output=True, text=True)
    generator = json.loads(out.stdout)["source"].get("generator") if out.returncode == 0 else None
    check(generator == version, f"source.generator is {generator!r}, not {version!r}")

    # The completion offers each option's values.
    check(completion_words("disclex --format ''") == {"json", "ndjson", "csv", "xlsx", "sqlite", "html"}, "completion of --format")
    check(completion_words("disclex --input-format ''") == {"pdf", "html", "text"}, "completion of --input-format")

    # The man page formats cleanly.
    if shutil.which("groff"):
        lint = subprocess.run(["groff", "-k", "-man", "-Tutf8", "-ww", "-z", str(MAN)], capture_output=True, text=True)
        check(lint.returncode == 0 and not lint.stderr.strip(), f"groff warns on the man page: {lint.stderr.strip()}")
    else:
        print("skip: groff is not installed, the man page is not formatted")

    # The README's quick start and links stay inside the repository.
    sample = re.search(r"\./disclex (corpus/sample/\S+\.pdf)", readme)
    check(sample is not None and (ROOT / sample.group(1)).is_file(), "README quick start names a sample in the repository")
    links = re.findall(r"\]\(([^)#]+)\)", readme)
    missing = [link for link in links if "://" not in link and not (ROOT / link).exists()]
    check(not missing, f"README links to missing files {missing}")
    commands = [line for line in readme.splitlines() if line.startswith("    ")]
    check(commands and not any("../" in c for c in commands),
          "README's commands read nothing beside the repository")

    return check.report()


if __name__ == "__main__":
    sys.exit(main())
