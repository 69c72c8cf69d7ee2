"""Golden cases: every tests/cases/**/*.go is translated, snapshotted, parsed, compiled, formatted.

Snapshots: snapshots/cases/<case id>.rs (update with ``pytest --snapshot-update``).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support.cases import Case, discover_cases
from support.gocheck import gofmt_errors
from support.rustcheck import (
    RustCheckResult,
    check_rust,
    crate_name,
    rustfmt_check,
    rustfmt_format,
)
from support.rustparse import syntax_problems
from support.snapshot import RustSnapshotExtension
from support.summary import RUST_CHECK_SUMMARY
from support.tools import find_tool, require_tool
from support.translations import (
    TranslationCache,
    TranslationLike,
    severity_name,
    translate_case,
)
from syrupy.assertion import SnapshotAssertion


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    return snapshot.use_extension(RustSnapshotExtension)


@pytest.fixture(scope="session")
def translations() -> TranslationCache:
    return TranslationCache()


@pytest.fixture
def translated(case: Case, translations: TranslationCache) -> TranslationLike:
    return translations.get(case)


@dataclass
class RustCheckRun:
    results: dict[str, RustCheckResult] = field(default_factory=dict)
    untranslated: set[str] = field(default_factory=set)

    def __repr__(self) -> str:  # pytest prints fixture values in tracebacks: keep it short
        return f"<RustCheckRun of {len(self.results)} outputs>"


@pytest.fixture(scope="session")
def rust_check(
    request: pytest.FixtureRequest, translations: TranslationCache
) -> Iterator[RustCheckRun]:
    """Translate all cases (malformed ones too) and check every output in one cargo run."""
    require_tool("cargo", "compiling the generated Rust (cargo clippy)")
    if find_tool("cargo-clippy") is None:
        require_tool("clippy-driver", "clippy lints on the generated Rust")
    cases = discover_cases()
    run = RustCheckRun()
    outputs: dict[str, str] = {}
    summary = request.config.stash[RUST_CHECK_SUMMARY]
    for case in cases:
        tr = translations.get_or_none(case)
        if tr is None:
            run.untranslated.add(case.id)
        else:
            outputs[case.id] = tr.rust
            summary.statements_seen += getattr(tr, "statements_seen", 0)
            summary.statements_translated += getattr(tr, "statements_translated", 0)
        # Skeleton mode (bodies are todo!()) must compile too: checked in the same cargo run.
        outputs[SKELETON + case.id] = translate_case(case, mode="skeleton").rust
    run.results = check_rust(outputs)
    summary.ran = True
    summary.total = len(cases)
    summary.compiled = sum(r.compiles for k, r in run.results.items() if k in outputs and
                           not k.startswith(SKELETON))
    summary.clean = sum(r.clean for k, r in run.results.items() if not k.startswith(SKELETON))
    summary.skeleton_compiled = sum(r.clean for k, r in run.results.items()
                                    if k.startswith(SKELETON))
    summary.allowed_failures = len(draft_allow_list())
    if run.untranslated:
        summary.notes.append(f"translate() raised for {len(run.untranslated)} case(s)")
    yield run


def test_case_inventory() -> None:
    cases = discover_cases()
    assert cases, "no Go cases found under tests/cases/"
    ids = [c.id.lower() for c in cases]  # snapshot files must not clash on case-insensitive disks
    assert len(set(ids)) == len(ids), "case ids differ only in letter case"
    crates = {crate_name(c.id) for c in cases}
    assert len(crates) == len(cases), "two case ids map to one crate name"


def test_snapshot(case: Case, translated: TranslationLike, snapshot: SnapshotAssertion) -> None:
    assert translated.rust == snapshot


def test_go_input_is_valid(valid_case: Case) -> None:
    errors = gofmt_errors(valid_case.source())
    assert errors is None, f"{valid_case.id} is not valid Go (gofmt -e):\n{errors}"


def test_malformed_input_is_malformed(malformed_case: Case) -> None:
    errors = gofmt_errors(malformed_case.source())
    assert errors is not None, f"{malformed_case.id} is under malformed/ but gofmt -e accepts it"


def test_malformed_input_is_reported(malformed_case: Case, translations: TranslationCache) -> None:
    translated = translations.get(malformed_case)
    errors = [d for d in translated.diagnostics if severity_name(d) == "error"]
    assert errors, f"{malformed_case.id}: malformed Go produced no error diagnostic"
    assert all(d.line >= 1 and d.col >= 1 for d in errors), [str(d) for d in errors]


def test_output_parses_as_rust(case: Case, translated: TranslationLike) -> None:
    problems = syntax_problems(translated.rust)
    if problems:
        pytest.fail("tree-sitter-rust cannot parse the output:\n" + "\n".join(problems), False)


SKELETON = "skeleton/"
ALLOW_LIST = Path(__file__).parent / "draft_allowlist.txt"


def draft_allow_list() -> dict[str, str]:
    """Cases whose draft output may not compile yet: `case/id  # reason` per line."""
    if not ALLOW_LIST.exists():
        return {}
    entries = {}
    for line in ALLOW_LIST.read_text(encoding="utf-8").splitlines():
        name, _, reason = line.partition("#")
        if name.strip():
            entries[name.strip()] = reason.strip()
    return entries


def test_skeleton_output_compiles(case: Case, rust_check: RustCheckRun) -> None:
    _assert_clean(f"{case.id} (skeleton mode)", rust_check.results[SKELETON + case.id])


def test_output_compiles(case: Case, rust_check: RustCheckRun) -> None:
    if case.id in rust_check.untranslated:
        pytest.fail(f"translate() raised for {case.id}; nothing to compile", pytrace=False)
    result = rust_check.results[case.id]
    allowed = draft_allow_list()
    if case.id in allowed:
        if result.compiles and not result.warnings:
            pytest.fail(f"{case.id} compiles now: remove it from {ALLOW_LIST.name}", False)
        pytest.xfail(f"draft allow-list: {allowed[case.id]}")
    _assert_clean(case.id, result)


def _assert_clean(name: str, result: RustCheckResult) -> None:
    if result.errors:
        head = f"{len(result.errors)} compile error(s) in {name}.rs:\n"
        pytest.fail(head + "\n".join(result.errors), pytrace=False)
    if result.warnings:
        head = (
            f"{len(result.warnings)} warning(s) in {name}.rs (outputs must be clippy-clean):\n"
        )
        pytest.fail(head + "\n".join(result.warnings), pytrace=False)


def test_output_is_rustfmt_stable(case: Case, translated: TranslationLike) -> None:
    require_tool("rustfmt", "rustfmt stability of the output")
    if rustfmt_check(translated.rust):
        return
    try:
        formatted = rustfmt_format(translated.rust)
    except ValueError as exc:
        pytest.fail(str(exc), pytrace=False)
    diff = difflib.unified_diff(
        translated.rust.splitlines(keepends=True),
        formatted.splitlines(keepends=True),
        "output",
        "rustfmt",
    )
    pytest.fail("rustfmt changes the output:\n" + "".join(diff), pytrace=False)


def test_deterministic(case: Case, translated: TranslationLike) -> None:
    again = translate_case(case)
    assert again.rust == translated.rust, "two translations of the same input differ"
    assert [str(d) for d in again.diagnostics] == [str(d) for d in translated.diagnostics]


def test_no_body_hit_an_internal_error(case: Case, translated: TranslationLike) -> None:
    """Draft mode keeps a body's skeleton when go2rs itself fails on it (users get output, not
    a traceback); the case set must never need that."""
    from go2rs.bodies.draft import INTERNAL_ERROR

    assert INTERNAL_ERROR not in translated.rust
