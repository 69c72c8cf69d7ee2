"""Batch mode streams: per-file records wait on disk (batch/spool.py) and the report is written
in pieces, with the same bytes as the whole-report encoders."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

from go2rs.batch import BatchConfig, run_batch
from go2rs.batch.report import (
    FileReport,
    Report,
    json_chunks,
    markdown_chunks,
    to_markdown,
    totals,
)
from go2rs.batch.spool import Spool
from go2rs.context import Todo
from go2rs.gomodel import Span

MODULES = Path(__file__).resolve().parents[1] / "modules"


def test_spool_keeps_items_on_disk_and_reorders_views() -> None:
    spool: Spool[Todo] = Spool()
    todos = [Todo(Span("a.go", n, 1, n), f"todo {n}") for n in range(5)]
    assert [spool.append(t) for t in todos] == list(range(5))
    assert list(spool) == todos and len(spool) == 5
    assert spool[3] == todos[3] and spool[3] is not todos[3]  # a fresh copy from the file
    view = spool.reordered([4, 0, 2])
    assert list(view) == [todos[4], todos[0], todos[2]]
    assert list(spool[1:3]) == todos[1:3]
    spool.append(todos[0])  # the view is unaffected by later appends
    assert len(view) == 3 and len(spool) == 6


def test_streamed_report_matches_the_whole_encoders(tmp_path: Path) -> None:
    result = run_batch(BatchConfig((MODULES / "library",), tmp_path / "out", jobs=1))
    rep = result.report
    assert isinstance(rep.files, Spool) and len(rep.files) > 1
    whole = replace(rep, files=tuple(rep.files))
    expected = json.dumps(asdict(whole), indent=2, ensure_ascii=False) + "\n"
    assert "".join(json_chunks(rep)) == expected
    assert (tmp_path / "out" / "go2rs-report.json").read_text(encoding="utf-8") == expected
    assert "".join(markdown_chunks(rep)) == to_markdown(whole)
    assert all(isinstance(f, FileReport) for f in rep.files)


def test_streamed_report_without_files() -> None:
    empty = Report(1, "m", "c", totals((), 0), (), (), (), ())
    text = "".join(json_chunks(empty))
    assert json.loads(text)["files"] == []
    assert text == json.dumps(asdict(empty), indent=2) + "\n"


def test_sources_are_read_where_their_package_is_translated(tmp_path: Path) -> None:
    """Discovery keeps paths and line counts, not bytes; a file gone by the time its package is
    translated becomes a failed stub with the reason, and its package's other files translate."""
    from go2rs.batch.discover import discover_dir
    from go2rs.batch.work import Unit, translate_unit
    from go2rs.context import Options

    (tmp_path / "a.go").write_text("package p\n\nfunc A() int { return 1 }\n")
    (tmp_path / "b.go").write_text("package p\n\nfunc B() int { return A() }\n")
    (package,) = discover_dir(tmp_path, False).packages
    assert [(f.path, f.lines) for f in package.files] == [("a.go", 3), ("b.go", 3)]
    (tmp_path / "b.go").unlink()
    unit = Unit("", tuple((f.path, f.file) for f in package.files), Options(format=False))
    a, b = translate_unit(unit).files
    assert a.failed is None and "pub fn a() -> i64" in a.rust
    assert b.failed is not None and b.failed.startswith("cannot read it any more")
