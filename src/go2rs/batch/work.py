"""The per-package work a pool process does: translate one Go package, never raise."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from go2rs.api import Translation, translate_package
from go2rs.context import Options, Placeholder, Todo
from go2rs.diagnostics import Diagnostic, Severity
from go2rs.parse.parser import line_count

# Markers the translator writes above every item (`// go: internal/store/user.go:16`).
_NOT_PARSED = "does not parse"
_INTERNAL = "internal error"


@dataclass(frozen=True, slots=True)
class FileResult:
    go_path: str
    rust: str
    diagnostics: tuple[Diagnostic, ...]
    idioms: dict[str, int]
    todos: tuple[Todo, ...]
    go_lines: int
    failed: str | None = None  # why the file became a stub module
    statements: tuple[int, int] = (0, 0)  # Go body statements: seen, translated


@dataclass(frozen=True, slots=True)
class UnitResult:
    dir: str
    files: tuple[FileResult, ...]
    error_enum: str | None
    placeholders: tuple[Placeholder, ...]
    crates: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Unit:
    dir: str
    sources: tuple[tuple[str, str], ...]  # (Go path in the module, file to read it from)
    options: Options
    tests: tuple[str, ...] = ()  # paths of `_test.go` files among the sources


def stub(go_path: str, reason: str, with_main: bool = False) -> str:
    """What stands in for a file go2rs could not translate: the crate still compiles."""
    safe = reason.replace("\\", "\\\\").replace('"', '\\"')
    body = "fn main" if with_main else "pub(super) fn go2rs_untranslated"
    return (
        f"// go2rs could not translate {go_path}: {reason}\n"
        "// Translate this file by hand; the reason is in go2rs-report.md.\n\n"
        f'{body}() {{\n    todo!("go2rs: {go_path}: {safe}")\n}}\n'
    )


def _failure(translation: Translation) -> str | None:
    for diag in translation.diagnostics:
        if diag.severity is Severity.ERROR and (
            _INTERNAL in diag.message or _NOT_PARSED in diag.message
        ):
            return diag.message
    return None


_TEST_FN = re.compile(r"^(\s*)(?:pub )?fn (test_\w+)\(\w+: &TestingT\) \{", re.M)


def as_rust_tests(rust: str) -> str:
    """`func TestX(t *testing.T)` -> a `#[test] fn test_x()`; assertions are the reviewer's."""
    return _TEST_FN.sub(lambda m: f"{m[1]}#[test]\n{m[1]}fn {m[2]}() {{", rust)


def _file(go_path: str, translation: Translation, is_test: bool) -> FileResult:
    failed = _failure(translation)
    rust = translation.rust
    if failed is None and is_test:
        rust = as_rust_tests(rust)
    return FileResult(
        go_path,
        rust,
        translation.diagnostics,
        dict(translation.idioms),
        translation.todos,
        translation.go_lines,
        failed,
        # Body translation counts (draft mode); absent in translators without it.
        (
            getattr(translation, "statements_seen", 0),
            getattr(translation, "statements_translated", 0),
        ),
    )


def _read(path: str) -> tuple[bytes, str | None]:
    """A source's bytes (read here, in the process translating it), or why it cannot be."""
    try:
        return Path(path).read_bytes(), None
    except OSError as exc:
        return b"", f"cannot read it any more: {exc.strerror or exc}"


def _failed(path: str, data: bytes, reason: str) -> FileResult:
    lines = line_count(data)
    diagnostic = Diagnostic(path, 1, 1, Severity.ERROR, reason)
    return FileResult(path, "", (diagnostic,), {}, (), lines, reason)


def translate_unit(unit: Unit) -> UnitResult:
    """One Go package. A crash here must not stop the batch: every file becomes a stub."""
    read = [(path, *_read(file)) for path, file in unit.sources]
    sources = [(path, data) for path, data, _ in read]
    try:
        done = translate_package(sources, unit.options)
    except Exception as exc:  # any bug in one package is reported, the batch goes on
        reason = f"internal error ({type(exc).__name__}: {exc}); please report this input"
        return UnitResult(unit.dir, tuple(_failed(p, d, reason) for p, d in sources), None, ())
    files = tuple(
        _failed(path, b"", unread)
        if unread is not None
        else _file(path, translation, path in unit.tests)
        for (path, _, unread), translation in zip(read, done.files, strict=True)
    )
    return UnitResult(unit.dir, files, done.error_enum, done.placeholders, done.crates)


def translate_units(units: Sequence[Unit]) -> list[UnitResult]:
    return [translate_unit(u) for u in units]
