"""Batch mode never harms the user's files: the input tree is never modified, no partial output
file is left behind, and the report (or one clear error line) says what happened.

Failures a test machine cannot produce for real (an unreadable file when running as root, a full
disk) are simulated by making the one call fail the way the OS would.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from go2rs.cli import app

LIBRARY = Path(__file__).resolve().parent / "modules" / "library"
REPORT = "go2rs-report.json"


def state(root: Path) -> dict[str, tuple[str, bytes | str, int]]:
    """Every entry under root, symlinks not followed: kind, content or link target, mtime."""
    found: dict[str, tuple[str, bytes | str, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            info = path.lstat()
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[rel] = ("link", os.readlink(path), info.st_mtime_ns)
            elif path.is_dir():
                found[rel] = ("dir", b"", 0)
            else:
                found[rel] = ("file", path.read_bytes(), info.st_mtime_ns)
    return found


def convert(*args: str) -> Result:
    """In this process (-j 1), so a simulated failure reaches the code that writes."""
    result = CliRunner().invoke(app, ["convert", *args, "-q", "-j", "1", "--no-format"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def report(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / REPORT).read_text(encoding="utf-8"))
    return data


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob("*") if p.name.endswith(".go2rs-tmp"))


@pytest.fixture
def module(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    shutil.copytree(LIBRARY, root)
    return root


# ------------------------------------------------------------------------- where the output goes


def test_output_folder_inside_the_input_tree(module: Path) -> None:
    before = state(module)
    out = module / "rust"
    first = convert(str(module), "-o", str(out))
    assert first.exit_code in (0, 1), first.stderr
    after = state(module)
    assert {k: v for k, v in after.items() if not k.startswith("rust")} == before
    # A second run must not read its own output as Go input.
    second = convert(str(module), "-o", str(out), "--force")
    assert second.exit_code == first.exit_code
    files = report(out)["files"]
    assert isinstance(files, list)
    assert not any(str(f["go_path"]).startswith("rust") for f in files)
    assert {k: v[:2] for k, v in state(module).items()} == {k: v[:2] for k, v in after.items()}


@pytest.mark.parametrize("where", ["same", "parent"])
def test_output_folder_that_holds_the_input_is_refused(module: Path, where: str) -> None:
    parent_before = state(module.parent)
    out = module if where == "same" else module.parent
    result = convert(str(module), "-o", str(out), "--force")
    assert result.exit_code == 2
    assert result.stderr.startswith("go2rs: ") and len(result.stderr.splitlines()) == 1
    assert state(module.parent) == parent_before


# ----------------------------------------------------------------------------------- symlinks


def test_symlinks_pointing_outside(module: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.go").write_text("package lib\n\n// Secret is outside.\nfunc Secret() {}\n")
    (outside / "victim.rs").write_text("// not go2rs output\n")
    (module / "linked.go").symlink_to(outside / "secret.go")
    (module / "linked_dir").symlink_to(outside)
    (module / "loop.go").symlink_to(module / "loop.go")
    (module / "dangling.go").symlink_to(tmp_path / "nowhere.go")
    out = tmp_path / "out"
    (out / "src").mkdir(parents=True)
    (out / "src" / "lib.rs").symlink_to(outside / "victim.rs")  # a trap in the output folder
    inputs, outside_before = state(module), state(outside)

    result = convert(str(module), "-o", str(out), "--force")
    assert result.exit_code in (0, 1), result.stderr
    assert state(module) == inputs
    assert state(outside) == outside_before  # written through no symlink
    lib = out / "src" / "lib.rs"
    assert lib.is_file() and not lib.is_symlink()
    skipped = {s["path"]: s["reason"] for s in report(out)["skipped"]}  # type: ignore[attr-defined]
    assert "loop.go" in skipped and "dangling.go" in skipped
    assert "linked_dir/" in skipped
    assert leftovers(out) == []


# ------------------------------------------------------------------------------ unreadable files


def test_unreadable_file_is_skipped_and_reported(
    module: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = (module / "stack.go").resolve()
    read_bytes = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.resolve() == victim:  # what chmod 000 does for anyone but root
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return read_bytes(self)

    inputs = state(module)
    monkeypatch.setattr(Path, "read_bytes", denied)
    out = tmp_path / "out"
    result = convert(str(module), "-o", str(out))
    monkeypatch.undo()
    assert result.exit_code in (0, 1), result.stderr
    assert state(module) == inputs
    skipped = {s["path"]: s["reason"] for s in report(out)["skipped"]}  # type: ignore[attr-defined]
    assert "Permission denied" in skipped["stack.go"]
    assert (out / "src" / "circle.rs").is_file()  # the others were translated
    assert not (out / "src" / "stack.rs").exists()


# ------------------------------------------------------------------------------------ full disk


def fail_writes_after(monkeypatch: pytest.MonkeyPatch, under: Path, allowed: int) -> list[Path]:
    """Path.write_text under `under` writes half the text, then fails with ENOSPC, from the
    (allowed+1)-th call on. Returns the paths that were attempted."""
    write_text = Path.write_text
    attempted: list[Path] = []

    def full(self: Path, data: str, *args: object, **kwargs: object) -> int:
        if not self.resolve().is_relative_to(under.resolve()):
            return write_text(self, data, *args, **kwargs)  # type: ignore[arg-type]
        attempted.append(self)
        if len(attempted) > allowed:
            write_text(self, data[: len(data) // 2], *args, **kwargs)  # type: ignore[arg-type]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return write_text(self, data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", full)
    return attempted


@pytest.mark.parametrize("allowed", [0, 3, 9])
def test_full_disk_leaves_no_partial_file(
    module: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allowed: int
) -> None:
    reference = tmp_path / "reference"
    assert convert(str(module), "-o", str(reference)).exit_code in (0, 1)
    expected = state(reference)
    inputs = state(module)

    out = tmp_path / "out"
    attempted = fail_writes_after(monkeypatch, out, allowed)
    result = convert(str(module), "-o", str(out))
    assert len(attempted) == allowed + 1  # it stopped at the first failed write
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert state(module) == inputs
    assert leftovers(out) == []
    for rel, (kind, content, _) in state(out).items():  # what is there is whole
        if kind == "file":
            assert content == expected[rel][1], rel
    assert not (out / REPORT).exists()  # written last, after every crate file


def test_full_disk_single_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: Path
) -> None:
    target = tmp_path / "out"
    target.mkdir()
    fail_writes_after(monkeypatch, target, 0)
    result = CliRunner().invoke(
        app, ["convert", str(module / "stack.go"), "-o", str(target / "stack.rs")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("go2rs: cannot write") and "No space left" in result.stderr
    assert list(target.iterdir()) == []
