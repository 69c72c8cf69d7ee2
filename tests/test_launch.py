"""The `go2rs` entry point's paste fast path (go2rs.launch) must be indistinguishable from the
typer command it short-cuts: same stdout, stderr and exit code; everything else goes to typer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from go2rs.cli import app
from go2rs.launch import PasteArgs, parse_paste

GO = """\
package store

import "errors"

// ErrNotFound is returned when a key is missing.
var ErrNotFound = errors.New("not found")

// Get returns the value stored under key.
func (s *Store) Get(key string) (int, error) {
	v, ok := s.items[key]
	if !ok {
		return 0, ErrNotFound
	}
	return v, nil
}
"""

BROKEN = """\
package broken

// Bad has a broken parameter list.
func Bad(a int, , c) error {
	return nil
}
"""


def fast(args: list[str], stdin: str) -> tuple[str, str, int]:
    """Run the real entry point in a fresh process, as a paste does."""
    done = subprocess.run(
        [sys.executable, "-m", "go2rs", *args],
        input=stdin.encode(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    return done.stdout.decode(), done.stderr.decode(), done.returncode


def typer_path(args: list[str], stdin: str) -> tuple[str, str, int]:
    result = CliRunner().invoke(app, args, input=stdin)
    return result.stdout, result.stderr, result.exit_code


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["convert", "-"], GO),
        (["convert", "--no-format", "-"], GO),
        (["convert", "--comments", "brief", "--no-placeholders", "-"], GO),
        (["convert", "--comments=none", "-", "--no-format"], GO),
        (["convert", "--mode", "skeleton", "--no-format", "-"], GO),
        (["convert", "--mode=draft", "-"], GO),
        (["convert", "--no-format"], BROKEN),  # no source argument: piped stdin
        (["convert", "-"], ""),  # nothing to translate: exit 1 and a diagnostic
    ],
)
def test_fast_path_matches_typer(args: list[str], stdin: str) -> None:
    assert parse_paste(args) is not None, "this shape should take the fast path"
    assert fast(args, stdin) == typer_path(args, stdin)


def test_file_argument_matches_typer(tmp_path: Path) -> None:
    path = tmp_path / "store.go"
    path.write_text(GO, encoding="utf-8")
    args = ["convert", "--no-format", str(path)]
    assert parse_paste(args) == PasteArgs(str(path), "full", False, True, "draft")
    assert fast(args, "") == typer_path(args, "")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["convert", "--help"],
        ["convert", "-", "-o", "out.rs"],
        ["convert", "-", "--output=out.rs"],
        ["convert", "a.go", "b.go"],
        ["convert", "-", "-"],
        ["convert", "--comments", "loud", "-"],
        ["convert", "--comments"],
        ["convert", "--mode", "fast", "-"],
        ["convert", "--stats", "-"],
        ["convert", "-", "--jobs", "2"],
        ["convert", "--", "-"],
        ["serve"],
    ],
)
def test_other_shapes_go_to_typer(args: list[str]) -> None:
    assert parse_paste(args) is None


def test_folders_and_missing_files_go_to_typer(tmp_path: Path) -> None:
    assert parse_paste(["convert", str(tmp_path)]) is None  # batch mode
    assert parse_paste(["convert", str(tmp_path / "missing.go")]) is None  # typer's message
