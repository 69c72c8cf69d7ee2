"""What "robust" means for one input, shared by the fuzz target and the tests that replay its
findings: translate() returns (never raises), reports no internal error, and its Rust parses."""

from __future__ import annotations

from support.rustparse import syntax_problems

from go2rs.api import Options, Translation, translate

# Diagnostics go2rs itself labels as its own bug (api.py: internal errors, unparsable output,
# rustfmt rejecting the output).
BUG_MARKERS = ("internal error", "a go2rs bug")


def problems(result: Translation) -> list[str]:
    """Everything wrong with one translation; empty when it is robust."""
    found = [str(d) for d in result.diagnostics if any(m in d.message for m in BUG_MARKERS)]
    found.extend(f"output does not parse as Rust: {p}" for p in syntax_problems(result.rust, 5))
    return found


def check(source: str | bytes, options: Options | None = None) -> Translation:
    """Translate `source`; raise AssertionError naming every problem (the fuzzer's crash)."""
    options = options or Options(filename="fuzz.go", format=False)
    result = translate(source, options)
    found = problems(result)
    if any("internal error" in p for p in found):
        # translate() turned a Python exception into a diagnostic; rerun the inner pipeline so the
        # report carries the real traceback.
        from go2rs.api import _translate

        _translate(source, options)
    assert not found, "\n".join(found)
    return result
