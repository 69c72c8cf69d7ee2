"""Every input the fuzzer (or a property test) ever crashed go2rs with, replayed on every run.

Files in tests/fuzz/regressions/ are raw bytes, exactly as libFuzzer wrote them (renamed to say
what they found). Each must now translate robustly, both fast (no rustfmt) and formatted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fuzz.oracle import check
from go2rs.api import Options

REGRESSIONS = sorted((Path(__file__).parent / "regressions").iterdir())


def test_there_are_regressions() -> None:
    assert REGRESSIONS, "tests/fuzz/regressions/ is empty"


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
@pytest.mark.parametrize("formatted", [False, True], ids=["fast", "rustfmt"])
def test_regression(path: Path, formatted: bool) -> None:
    check(path.read_bytes(), Options(filename=path.name, format=formatted))
