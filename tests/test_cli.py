"""The ``go2rs convert`` command, driven through typer's CliRunner (stdout and stderr apart)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from go2rs.api import Options, translate
from go2rs.cli import app

# Idioms with explanatory comments: sentinel errors, `?` propagation, wrapping, receivers.
GO_SOURCE = """\
package store

import (
	"errors"
	"fmt"
)

// ErrNotFound is returned when a key is missing.
var ErrNotFound = errors.New("not found")

// Store keeps values by key.
type Store struct {
	items map[string]int
}

// Get returns the value stored under key.
func (s *Store) Get(key string) (int, error) {
	v, ok := s.items[key]
	if !ok {
		return 0, fmt.Errorf("get %q: %w", key, ErrNotFound)
	}
	return v, nil
}

// Double doubles the value stored under key.
func (s *Store) Double(key string) (int, error) {
	v, err := s.Get(key)
	if err != nil {
		return 0, err
	}
	return v * 2, nil
}
"""

# Valid functions around one whose parameter list is broken.
GO_MALFORMED = """\
package broken

// Good is fine.
func Good(x int) int { return x + 1 }

// Bad has a broken parameter list.
func Bad(a int, , c) error {
	return nil
}

// AlsoGood is fine.
func AlsoGood() bool { return true }
"""

POSITION = re.compile(r"\b\d+:\d+\b")  # line:col, as in "input.go:7:17: error: ..."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def convert(runner: CliRunner, *args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, ["convert", *args], input=stdin)


def assert_no_traceback(result: Result) -> None:
    assert "Traceback" not in result.output, result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)


def write_go(tmp_path: Path, text: str, name: str = "store.go") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_stdin_dash(runner: CliRunner) -> None:
    result = convert(runner, "-", stdin=GO_SOURCE)
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert "fn " in result.stdout
    assert "fn " not in result.stderr


def test_stdin_without_source_argument(runner: CliRunner) -> None:
    with_dash = convert(runner, "-", stdin=GO_SOURCE)
    without = convert(runner, stdin=GO_SOURCE)
    assert without.exit_code == 0, without.output
    assert without.stdout == with_dash.stdout


def test_file_path_matches_api(runner: CliRunner, tmp_path: Path) -> None:
    path = write_go(tmp_path, GO_SOURCE)
    result = convert(runner, str(path))
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    expected = translate(GO_SOURCE, Options(filename=path.name)).rust
    assert "fn " in expected
    assert result.stdout == expected


def test_output_option_writes_file(runner: CliRunner, tmp_path: Path) -> None:
    path = write_go(tmp_path, GO_SOURCE)
    target = tmp_path / "out" / "store.rs"
    target.parent.mkdir()
    result = convert(runner, str(path), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.is_file(), "-o PATH did not create the file"
    written = target.read_text(encoding="utf-8")
    assert written == translate(GO_SOURCE, Options(filename=path.name)).rust
    assert "fn " not in result.stdout, "with -o the Rust goes to the file, not stdout"


def test_comments_brief_is_shorter_but_keeps_codes(runner: CliRunner) -> None:
    full = convert(runner, "-", "--comments", "full", stdin=GO_SOURCE)
    brief = convert(runner, "-", "--comments", "brief", stdin=GO_SOURCE)
    assert full.exit_code == 0 and brief.exit_code == 0, brief.output
    assert "go2rs[" in full.stdout, "full comments carry go2rs[CODE] markers"
    assert "go2rs[" in brief.stdout, "brief comments still carry go2rs[CODE] markers"
    assert len(brief.stdout) < len(full.stdout), "brief comments must drop the explanations"


def test_comments_none_has_no_markers(runner: CliRunner) -> None:
    result = convert(runner, "-", "--comments", "none", stdin=GO_SOURCE)
    assert result.exit_code == 0, result.output
    assert "fn " in result.stdout
    assert "go2rs[" not in result.stdout


@pytest.mark.parametrize("flag", ["--no-format", "--no-placeholders"])
def test_switches_are_accepted(runner: CliRunner, flag: str) -> None:
    result = convert(runner, "-", flag, stdin=GO_SOURCE)
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert "fn " in result.stdout


def test_malformed_input_gives_partial_output(runner: CliRunner, tmp_path: Path) -> None:
    path = write_go(tmp_path, GO_MALFORMED, "broken.go")
    result = convert(runner, str(path))
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert "fn " in result.stdout, "the valid functions around the error are still translated"
    assert POSITION.search(result.stderr), f"no line:col in diagnostics: {result.stderr!r}"
    for line in filter(POSITION.search, result.stderr.splitlines()):
        assert line not in result.stdout, "diagnostics belong on stderr only"


@pytest.mark.parametrize("text", ["", "\n  \n"], ids=["empty", "blank"])
def test_empty_input_is_an_error(runner: CliRunner, text: str) -> None:
    result = convert(runner, "-", stdin=text)
    assert result.exit_code == 1, result.output
    assert_no_traceback(result)
    assert result.stderr.strip(), "empty input needs a message on stderr"
    assert "fn " not in result.stdout


def test_missing_file_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.go"
    result = convert(runner, str(missing))
    assert result.exit_code == 2, result.output
    assert_no_traceback(result)
    assert "nope.go" in result.stderr, f"the message should name the file: {result.stderr!r}"
