"""Shared hooks: golden-case parametrization and the end-of-session rust check summary."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from support.cases import Case, discover_cases
from support.rustrun import PROGRAMS_SUMMARY, ProgramsSummary
from support.summary import RUST_CHECK_SUMMARY, RustCheckSummary

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT / "src") not in sys.path:  # an uninstalled checkout still tests its own code
    sys.path.insert(0, str(REPO_ROOT / "src"))


def pytest_configure(config: pytest.Config) -> None:
    config.stash[RUST_CHECK_SUMMARY] = RustCheckSummary()
    config.stash[PROGRAMS_SUMMARY] = ProgramsSummary()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``case``: every Go case; ``valid_case`` / ``malformed_case``: one kind only.

    The case id is the test id: ``test_snapshot[structs/json_tags]``.
    """
    cases = discover_cases()
    kinds: dict[str, list[Case]] = {
        "case": cases,
        "valid_case": [c for c in cases if not c.malformed],
        "malformed_case": [c for c in cases if c.malformed],
    }
    for argname, selected in kinds.items():
        if argname in metafunc.fixturenames:
            metafunc.parametrize(argname, selected, ids=[c.id for c in selected])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    programs = terminalreporter.config.stash.get(PROGRAMS_SUMMARY, None)
    if programs is not None and programs.ran:  # tests/test_programs.py: the differential run
        terminalreporter.write_line(programs.line())
    summary = terminalreporter.config.stash.get(RUST_CHECK_SUMMARY, None)
    if summary is None or not summary.ran:
        return
    terminalreporter.write_line(summary.line())
    for note in summary.notes:
        terminalreporter.write_line(f"rust check: {note}")
