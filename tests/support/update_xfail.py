"""Rewrite tests/programs_xfail.txt from a fresh differential run of tests/cases/programs/.

    .venv/bin/python tests/support/update_xfail.py          # rewrite the list
    .venv/bin/python tests/support/update_xfail.py --check  # only show what would change

Every program whose translation does not build or does not print what Go prints is listed with
its current reason; programs that now match drop out. Refuses to write when ``go run`` itself
fails for a program (that is a broken program, not a translator gap).
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]
if str(TESTS_DIR) not in sys.path:  # run as a script: make `support` importable
    sys.path.insert(0, str(TESTS_DIR))

from support.rustrun import (  # noqa: E402
    XFAIL_FILE,
    discover_programs,
    evaluate_programs,
    format_xfail,
)
from support.tools import find_tool  # noqa: E402


def main(argv: list[str]) -> int:
    check = "--check" in argv[1:]
    go = find_tool("go")
    if go is None or find_tool("cargo") is None:
        print("update_xfail: needs both go and cargo on PATH", file=sys.stderr)
        return 2
    run = evaluate_programs(discover_programs(), go)
    broken = [o for o in run.outcomes.values() if o.go_failed]
    for outcome in broken:
        print(f"update_xfail: {outcome.name}: {outcome.reason}", file=sys.stderr)
    if broken:
        return 1
    new = format_xfail(run)
    old = XFAIL_FILE.read_text(encoding="utf-8") if XFAIL_FILE.is_file() else ""
    diff = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), "old", "new"
    )
    sys.stdout.writelines(diff)
    total = len(run.outcomes)
    compiled = sum(o.compiled for o in run.outcomes.values())
    same = sum(o.same for o in run.outcomes.values())
    print(
        f"programs: compiled {compiled}/{total}, same output {same}/{total}, xfail {total - same}"
    )
    if check:
        return 0 if new == old else 1
    XFAIL_FILE.write_text(new, encoding="utf-8")
    print(f"wrote {XFAIL_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
