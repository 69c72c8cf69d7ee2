"""The review report (go2rs-report.json and .md): what was translated, and where to look first.

Every entry points at a Go `file:line` and the Rust `file:line` it became, so a reviewer can
jump between the two. Schema: docs/report-schema.md (bump SCHEMA_VERSION on any change).
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace

from go2rs.batch.cargo import CompilerError, Dependency
from go2rs.batch.discover import Skipped
from go2rs.batch.spool import Spool
from go2rs.context import Placeholder, Todo
from go2rs.diagnostics import Diagnostic, Severity
from go2rs.idioms.catalog import CATALOG

SCHEMA_VERSION = 1
_MARKER = re.compile(r"^\s*// go: (\S+):(\d+)\s*$")
_NOTE = re.compile(r"^\s*// go2rs\[([A-Z]\d\d)\]: (.*?)\s*$")
_ITEM = re.compile(
    r"^\s*(?:#\[test\]\s*)?(?:pub(?:\([a-z]+\))? )?(?:async )?(?:unsafe )?"
    r"(?:fn|struct|enum|trait|type|const|static|impl)\b"
)
# Weights for the risk ranking: what most likely needs a human first.
RISK_FAILED = 100
RISK_CARGO_ERROR = 20
RISK_ERROR = 10
RISK_WARNING = 3
RISK_TODO = 5
RISK_NOTE = 1


@dataclass(frozen=True, slots=True)
class Entry:
    go_line: int | None
    rust_line: int | None
    text: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class DiagnosticEntry:
    severity: str
    go_line: int
    column: int
    message: str


@dataclass(frozen=True, slots=True)
class FileReport:
    go_path: str
    rust_path: str
    package: str  # Go import path
    status: str  # "ok" | "attention" | "failed"
    risk: int
    go_lines: int
    rust_lines: int
    items: int
    idioms: dict[str, int]
    statements: int  # Go statements in function bodies
    statements_translated: int  # of those, translated to Rust (draft mode)
    todos: tuple[Entry, ...]  # todo!() left for Go that was not translated
    body_todos: int  # skeleton bodies (every function body is todo!() in a draft)
    notes: tuple[Entry, ...]  # explanatory notes that need a reviewer's decision
    diagnostics: tuple[DiagnosticEntry, ...]
    cargo_errors: tuple[Entry, ...]
    failed: str | None  # why the file is a stub module


@dataclass(frozen=True, slots=True)
class PlaceholderEntry:
    name: str
    arity: int  # generic parameters
    go_type: str
    note: str
    packages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Totals:
    files: int
    ok: int
    attention: int
    failed: int
    go_lines: int
    rust_lines: int
    items: int
    statements: int
    statements_translated: int
    todos: int
    body_todos: int
    notes: int
    errors: int
    warnings: int
    cargo_errors: int
    placeholders: int
    idioms: dict[str, int]


@dataclass(frozen=True, slots=True)
class CheckReport:
    ran: bool
    note: str
    crate_errors: tuple[CompilerError, ...]  # errors outside the Go files' modules


@dataclass(frozen=True, slots=True)
class Report:
    schema_version: int
    module: str
    crate: str
    totals: Totals
    files: Sequence[FileReport]  # riskiest first (a Spool in batch runs: kept on disk)
    placeholders: tuple[PlaceholderEntry, ...]
    dependencies: tuple[DependencyEntry, ...]
    skipped: tuple[dict[str, str], ...]
    check: CheckReport | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # crate file -> its role


class LineMap:
    """Go line <-> Rust line in one generated file, from the `// go: file:line` markers."""

    def __init__(self, rust: str) -> None:
        self.pairs: list[tuple[int, int]] = []  # (rust line, go line), in Rust order
        for number, line in enumerate(rust.splitlines(), 1):
            found = _MARKER.match(line)
            if found:
                self.pairs.append((number, int(found.group(2))))
        self._by_go = sorted((g, r) for r, g in self.pairs)

    def rust_line(self, go_line: int) -> int | None:
        """The item the Go line falls in: the last marker at or before it."""
        i = bisect.bisect_right(self._by_go, (go_line, 1 << 30)) - 1
        return self._by_go[i][1] if i >= 0 else None

    def go_line(self, rust_line: int) -> int | None:
        """The Go item a Rust line belongs to: the nearest marker above it, else below."""
        rust_lines = [r for r, _ in self.pairs]
        i = bisect.bisect_right(rust_lines, rust_line) - 1
        if i >= 0:
            return self.pairs[i][1]
        return self.pairs[0][1] if self.pairs else None


def needs_decision(code: str) -> bool:
    idiom = CATALOG.get(code)
    return idiom is not None and idiom.review.strip().lower() != "none"


def file_report(
    *,
    go_path: str,
    rust_path: str,
    package: str,
    rust: str,
    go_lines: int,
    idioms: dict[str, int],
    statements: tuple[int, int],
    todos: Sequence[Todo],
    diagnostics: Sequence[Diagnostic],
    cargo_errors: Sequence[CompilerError],
    failed: str | None,
) -> FileReport:
    lines = LineMap(rust)
    todo_entries = tuple(
        Entry(t.span.line, lines.rust_line(t.span.line), t.what)
        for t in sorted(todos, key=lambda t: (t.span.line, t.what))
    )
    notes = []
    for number, line in enumerate(rust.splitlines(), 1):
        found = _NOTE.match(line)
        if found and needs_decision(found.group(1)):
            notes.append(Entry(lines.go_line(number), number, found.group(2), found.group(1)))
    diags = tuple(
        DiagnosticEntry(d.severity.value, d.line, d.col, d.message)
        for d in sorted(diagnostics, key=lambda d: (d.line, d.col, d.message))
    )
    errors = tuple(Entry(lines.go_line(e.rust_line), e.rust_line, e.message) for e in cargo_errors)
    n_errors = sum(d.severity == Severity.ERROR.value for d in diags)
    n_warnings = sum(d.severity == Severity.WARNING.value for d in diags)
    risk = (
        RISK_FAILED * (failed is not None)
        + RISK_CARGO_ERROR * len(errors)
        + RISK_ERROR * n_errors
        + RISK_WARNING * n_warnings
        + RISK_TODO * len(todo_entries)
        + RISK_NOTE * len(notes)
    )
    status = "failed" if failed else "attention" if (n_errors or errors) else "ok"
    return FileReport(
        go_path,
        rust_path,
        package,
        status,
        risk,
        go_lines,
        len(rust.splitlines()),
        sum(1 for line in rust.splitlines() if _ITEM.match(line)),
        dict(sorted(idioms.items())),
        statements[0],
        statements[1],
        todo_entries,
        rust.count('todo!("go2rs: translate the Go body'),
        tuple(notes),
        diags,
        errors,
        failed,
    )


def totals(files: Iterable[FileReport], placeholders: int) -> Totals:
    """The sums over `files`, in one pass (batch reports are read back from disk)."""
    idioms: Counter[str] = Counter()
    status: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    for f in files:
        idioms.update(f.idioms)
        status[f.status] += 1
        sums.update(
            go_lines=f.go_lines,
            rust_lines=f.rust_lines,
            items=f.items,
            statements=f.statements,
            statements_translated=f.statements_translated,
            todos=len(f.todos),
            body_todos=f.body_todos,
            notes=len(f.notes),
            errors=sum(d.severity == "error" for d in f.diagnostics),
            warnings=sum(d.severity == "warning" for d in f.diagnostics),
            cargo_errors=len(f.cargo_errors),
        )
    return Totals(
        sum(status.values()),
        status["ok"],
        status["attention"],
        status["failed"],
        sums["go_lines"],
        sums["rust_lines"],
        sums["items"],
        sums["statements"],
        sums["statements_translated"],
        sums["todos"],
        sums["body_todos"],
        sums["notes"],
        sums["errors"],
        sums["warnings"],
        sums["cargo_errors"],
        placeholders,
        dict(sorted(idioms.items())),
    )


_STATUS_RANK = {"failed": 0, "attention": 1, "ok": 2}


def ranked(files: Sequence[FileReport]) -> Sequence[FileReport]:
    """Riskiest first: failed files, then files with errors, then by risk score (a spooled
    sequence stays on disk: only its order changes)."""
    keys = [(_STATUS_RANK[f.status], -f.risk, f.go_path) for f in files]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if isinstance(files, Spool):
        return files.reordered(order)
    return tuple(files[i] for i in order)


def placeholder_entries(
    found: Sequence[tuple[str, Placeholder]],
) -> tuple[PlaceholderEntry, ...]:
    """(package, placeholder) pairs -> one entry per name, listing every package that uses it."""
    by_name: dict[str, tuple[Placeholder, set[str]]] = {}
    for package, ph in found:
        by_name.setdefault(ph.name, (ph, set()))[1].add(package)
    return tuple(
        PlaceholderEntry(name, ph.arity, ph.go_name, ph.note, tuple(sorted(pkgs)))
        for name, (ph, pkgs) in sorted(by_name.items())
    )


@dataclass(frozen=True, slots=True)
class DependencyEntry:
    crate: str
    used: bool  # in [dependencies]; else suggested, commented out
    replaces: tuple[str, ...]  # Go packages


def dependency_entries(deps: Iterable[Dependency]) -> tuple[DependencyEntry, ...]:
    return tuple(DependencyEntry(d.crate, d.used, d.go_packages) for d in deps)


def skipped_entries(skipped: Iterable[Skipped]) -> tuple[dict[str, str], ...]:
    return tuple({"path": s.path, "reason": s.reason} for s in sorted(skipped, key=str))


def to_json(report: Report) -> str:
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """`to_json`'s text in pieces, a file entry at a time: `asdict` of a whole module's report
    (and one string of it) took far more memory than the report itself."""
    head = json.dumps(asdict(replace(report, files=())), indent=2, ensure_ascii=False)
    before, marker, after = head.partition(_EMPTY_FILES)
    assert marker, "the report has a top-level files list"
    if not report.files:
        yield head + "\n"
        return
    yield before + '\n  "files": ['
    for i, entry in enumerate(report.files):
        text = json.dumps(asdict(entry), indent=2, ensure_ascii=False)
        yield ("," if i else "") + "\n    " + text.replace("\n", "\n    ")
    yield "\n  ]" + after + "\n"


_EMPTY_FILES = '\n  "files": []'  # the files list of the report's JSON, at its top level


# ---------------------------------------------------------------------------------- markdown


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _loc(path: str, line: int | None) -> str:
    return f"`{path}:{line}`" if line is not None else f"`{path}`"


def to_markdown(report: Report) -> str:
    return "".join(markdown_chunks(report))


def markdown_chunks(report: Report) -> Iterator[str]:
    """`to_markdown`'s text in pieces: the summary, then a section per file."""
    t = report.totals
    out = [
        f"# go2rs review report: `{report.module}` → crate `{report.crate}`",
        "",
        f"{t.files} Go files ({t.go_lines} lines) → {t.rust_lines} Rust lines, {t.items} items. "
        f"Files: {t.ok} ok, {t.attention} need attention, {t.failed} failed (stub modules).",
        "",
        f"- `todo!()` for Go that was not translated: {t.todos} "
        f"(plus {t.body_todos} function bodies left as todo!())",
        f"- notes that need a decision: {t.notes}",
        f"- diagnostics: {t.errors} errors, {t.warnings} warnings",
        f"- placeholder types in `src/unmapped.rs`: {t.placeholders}",
    ]
    if t.statements:  # draft mode counts the statements of the bodies it translates
        out.insert(
            4, f"- Go statements in bodies: {t.statements}, translated: {t.statements_translated}"
        )
    check = report.check
    if check is None:
        out.append("- cargo check: not run (use `--check`)")
    elif not check.ran:
        out.append(f"- cargo check: not run ({check.note})")
    else:
        total = t.cargo_errors + len(check.crate_errors)
        out.append(f"- cargo check: {total} errors ({check.note})")
    out += ["", "## Where to look first", ""]
    out += [
        "| # | Go file | Rust file | risk | status | todo!() | decisions | diagnostics | cargo |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, f in enumerate(report.files, 1):
        out.append(
            f"| {n} | `{f.go_path}` | `{f.rust_path}` | {f.risk} | {f.status} | "
            f"{len(f.todos)} | {len(f.notes)} | {len(f.diagnostics)} | {len(f.cargo_errors)} |"
        )
    if check is not None and check.crate_errors:
        out += ["", "## cargo check errors outside file modules", ""]
        out += [f"- {_loc(e.rust_path, e.rust_line)} {_md(e.message)}" for e in check.crate_errors]
    out += ["", "## Idioms applied", "", "| code | idiom | count |", "|---|---|---|"]
    for code, count in sorted(t.idioms.items(), key=lambda kv: (-kv[1], kv[0])):
        title = CATALOG[code].title if code in CATALOG else code
        out.append(f"| {code} | {_md(title)} | {count} |")
    if report.placeholders:
        out += ["", "## Placeholders (`src/unmapped.rs`)", ""]
        out += ["| Rust name | Go type | note | used by |", "|---|---|---|---|"]
        for p in report.placeholders:
            out.append(f"| `{p.name}` | `{p.go_type}` | {_md(p.note)} | {', '.join(p.packages)} |")
    if report.dependencies:
        out += ["", "## Cargo dependencies", ""]
        for dep in report.dependencies:
            state = "used" if dep.used else "suggested (commented out)"
            out.append(f"- `{dep.crate}` — {state}; replaces Go {', '.join(dep.replaces)}")
    if report.skipped:
        out += ["", "## Skipped", ""]
        out += [f"- `{s['path']}`: {s['reason']}" for s in report.skipped]
    out += ["", "## Files", ""]
    pending = "\n".join(out)
    for f in report.files:
        yield pending
        pending = "\n" + "\n".join(_file_md(f))
    yield pending.rstrip("\n") + "\n"


def _file_md(f: FileReport) -> list[str]:
    out = [
        f"### `{f.go_path}` → `{f.rust_path}`",
        "",
        f"{f.status}, risk {f.risk}: {f.go_lines} Go lines → {f.rust_lines} Rust lines, "
        f"{f.items} items, {f.body_todos} bodies left as todo!().",
    ]
    if f.statements:
        out[-1] += f" Body statements translated: {f.statements_translated}/{f.statements}."
    if f.failed:
        out += ["", f"**Not translated** (stub module): {_md(f.failed)}"]
    if f.idioms:
        listed = ", ".join(f"{code} {n}" for code, n in f.idioms.items())
        out += ["", f"Idioms: {listed}"]
    sections: list[tuple[str, list[str]]] = [
        (
            "cargo check errors",
            [
                f"- {_loc(f.go_path, e.go_line)} → {_loc(f.rust_path, e.rust_line)} {_md(e.text)}"
                for e in f.cargo_errors
            ],
        ),
        (
            "Diagnostics",
            [
                f"- {_loc(f.go_path, d.go_line)} {d.severity}: {_md(d.message)}"
                for d in f.diagnostics
            ],
        ),
        (
            "todo!() left",
            [
                f"- {_loc(f.go_path, e.go_line)} → {_loc(f.rust_path, e.rust_line)} {_md(e.text)}"
                for e in f.todos
            ],
        ),
        (
            "Needs a decision",
            [
                f"- [{e.code}] {_loc(f.go_path, e.go_line)} → {_loc(f.rust_path, e.rust_line)} "
                f"{_md(e.text)}"
                for e in f.notes
            ],
        ),
    ]
    for title, lines in sections:
        if lines:
            out += ["", f"{title}:", "", *lines]
    out.append("")
    return out
