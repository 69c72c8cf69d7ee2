"""Differential test: each tests/cases/programs/*.go, run by Go and by its Rust translation.

The Go toolchain is the oracle. A program passes when its translation builds and prints exactly
what ``go run`` prints (same stdout, same exit status). Programs that do not yet are listed in
tests/programs_xfail.txt; see tests/support/rustrun.py for how the runs are built and cached.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.rustrun import (
    PROGRAMS_SUMMARY,
    XFAIL_FILE,
    Outcome,
    Program,
    ProgramsRun,
    RunOutput,
    _compare,
    discover_programs,
    evaluate_programs,
    format_xfail,
    read_xfail,
)
from support.tools import require_tool

PROGRAMS = discover_programs()
MIN_PROGRAMS = 32


@pytest.fixture(scope="session")
def xfail() -> dict[str, str]:
    return read_xfail()


@pytest.fixture(scope="session")
def programs_run(request: pytest.FixtureRequest, xfail: dict[str, str]) -> ProgramsRun:
    """All programs: Go run (cached), translated, built in one cargo run, run and compared."""
    go = require_tool("go", "the Go oracle of the differential program test (go run)")
    require_tool("cargo", "building the translated programs (cargo build)")
    run = evaluate_programs(PROGRAMS, go)
    summary = request.config.stash[PROGRAMS_SUMMARY]
    summary.ran = True
    summary.total = len(run.outcomes)
    summary.compiled = sum(o.compiled for o in run.outcomes.values())
    summary.same = sum(o.same for o in run.outcomes.values())
    summary.xfail = len(xfail)
    return run


def test_program_inventory(xfail: dict[str, str]) -> None:
    assert len(PROGRAMS) >= MIN_PROGRAMS, f"only {len(PROGRAMS)} programs, want {MIN_PROGRAMS}+"
    unknown = sorted(set(xfail) - {p.name for p in PROGRAMS})
    assert not unknown, f"{XFAIL_FILE.name} lists programs that do not exist: {unknown}"


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_program_output(program: Program, programs_run: ProgramsRun, xfail: dict[str, str]) -> None:
    outcome = programs_run.outcomes[program.name]
    listed = xfail.get(program.name)
    if outcome.go_failed:
        pytest.fail(f"{program.name}.go itself fails under go run:\n{outcome.details}", False)
    if outcome.same:
        if listed is not None:
            pytest.fail(
                f"{program.name} now prints exactly what Go prints: "
                f"promote it: remove from xfail ({XFAIL_FILE.name}: {listed})",
                pytrace=False,
            )
        return
    if listed is not None:
        pytest.xfail(f"listed in {XFAIL_FILE.name}: {outcome.reason}")
    pytest.fail(
        f"{program.name}: {outcome.reason}\n{outcome.details}\n"
        f"(not listed in {XFAIL_FILE.name}; fix the translation, or list it with its reason)",
        pytrace=False,
    )


# ------------------------------------------------------------- the harness itself (no tools)


def test_xfail_file_parses(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("# header\n\nhello_world  # output differs: exit 101\nmaps # error[E0308]\n")
    assert read_xfail(good) == {"hello_world": "output differs: exit 101", "maps": "error[E0308]"}
    for bad in ("hello_world\n", "hello_world  #\n", "a # x\na # y\n", "two words # x\n"):
        path = tmp_path / "bad.txt"
        path.write_text(bad)
        with pytest.raises(ValueError):
            read_xfail(path)


def test_compare_needs_same_stdout_and_exit_status() -> None:
    want = RunOutput("a\nb\n", 0)
    assert _compare("p", want, RunOutput("a\nb\n", 0)).same
    exit_differs = _compare(
        "p", want, RunOutput("a\nb\n", 101, "thread 'main' panicked at x:\nboom\n")
    )
    assert not exit_differs.same
    assert exit_differs.reason == "output differs: exit 101 (Go: 0), panicked: boom"
    line_differs = _compare("p", want, RunOutput("a\nc\n", 0))
    assert line_differs.reason == "output differs at line 2: 'c', Go 'b'"
    shorter = _compare("p", want, RunOutput("a\n", 0))
    assert shorter.reason == "output differs at line 2: '<end>', Go 'b'"
    hung = _compare("p", want, RunOutput("a\nb\n", -1, timed_out=True))
    assert not hung.same and "timed out" in hung.reason


def test_xfail_list_is_written_from_failures_only(tmp_path: Path) -> None:
    run = ProgramsRun(
        {
            "ok": Outcome("ok", compiled=True, same=True, reason=""),
            "bad": Outcome("bad", compiled=False, same=False, reason="error[E0425]: nope"),
        }
    )
    path = tmp_path / "xfail.txt"
    path.write_text(format_xfail(run))
    assert read_xfail(path) == {"bad": "error[E0425]: nope"}


def test_todo_panic_names_the_translators_reason() -> None:
    rust = (
        "// go2rs[D02]: body kept as todo: call of `copy` (line 16)\n"
        "fn make_tea() {\n    todo!()\n}\n"
        "// go2rs[D02]: body kept as todo: select with default (line 30)\n"
        "fn main() {\n    todo!()\n}\n"
    )
    stderr = (
        "thread 'main' panicked at x:\nnot yet implemented: go2rs: translate the Go body of main\n"
    )
    got = _compare("p", RunOutput("", 0), RunOutput("", 101, stderr), rust)
    assert got.reason == (
        "output differs: exit 101 (Go: 0), todo in main: select with default (line 30)"
    )
    tea = stderr.replace("of main", "of makeTea")
    got = _compare("p", RunOutput("", 0), RunOutput("", 101, tea), rust)
    assert got.reason.endswith("todo in makeTea: call of `copy` (line 16)")
