"""`go2rs convert DIR -o OUT` on a terminal: progress, a summary, and the exit code."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from go2rs.batch.driver import REPORT_MD, BatchConfig, BatchError, BatchResult, Progress, run_batch


@contextmanager
def _rich_progress(stream: TextIO) -> Iterator[Progress]:
    """A rich bar (files, lines, ETA) for a terminal."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    bar = Bar(
        TextColumn("[bold]go2rs[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files · {task.fields[lines]} Go lines"),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )
    task = bar.add_task("converting", total=None, lines=0)
    state = {"lines": 0}

    def start(files: int, lines: int) -> None:
        bar.update(task, total=files)

    def advance(package: str, files: int, lines: int) -> None:
        state["lines"] += lines
        bar.update(task, advance=files, description=package, lines=state["lines"])

    with bar:
        yield Progress(start, advance)


@contextmanager
def _plain_progress(stream: TextIO) -> Iterator[Progress]:
    """One line per package when stderr is not a terminal (logs, CI)."""
    total = {"files": 0, "done": 0}

    def start(files: int, lines: int) -> None:
        total["files"] = files
        print(f"go2rs: converting {files} Go files ({lines} lines)", file=stream)

    def advance(package: str, files: int, lines: int) -> None:
        total["done"] += files
        print(
            f"go2rs: [{total['done']}/{total['files']}] {package}: {files} files, {lines} lines",
            file=stream,
        )

    yield Progress(start, advance)


@contextmanager
def _no_progress() -> Iterator[Progress]:
    yield Progress()


def summary(result: BatchResult) -> str:
    t = result.report.totals
    line = (
        f"go2rs: wrote crate {result.report.crate} to {result.out}: {t.files} Go files, "
        f"{t.ok} ok, {t.attention} need attention, {t.failed} failed"
    )
    check = result.report.check
    if check is not None:
        errors = t.cargo_errors + len(check.crate_errors)
        line += f"; cargo check: {errors} errors" if check.ran else f"; {check.note}"
    return f"{line}\ngo2rs: review report: {result.out / REPORT_MD}"


def run(
    sources: Sequence[str],
    out: Path,
    *,
    force: bool,
    tests: bool,
    quiet: bool,
    check: bool,
    jobs: int | None,
    comments: str,
    format: bool,
    mode: str | None = None,
    stream: TextIO | None = None,
) -> int:
    """Run a batch; print progress and a summary to `stream` (stderr); return the exit code."""
    stream = stream or sys.stderr
    config = BatchConfig(
        tuple(Path(s) for s in sources), out, force, tests, check, jobs, comments, format, mode
    )
    if quiet:
        display = _no_progress()
    elif stream.isatty():
        display = _rich_progress(stream)
    else:
        display = _plain_progress(stream)
    try:
        with display as progress:
            result = run_batch(config, progress)
    except BatchError as exc:
        print(f"go2rs: {exc}", file=stream)
        return 2
    if not quiet:
        for f in result.report.files:
            if f.status != "ok":
                print(f"go2rs: {f.go_path}: {f.status} (risk {f.risk})", file=stream)
        print(summary(result), file=stream)
    return result.exit_code
