"""Format a generated crate with a few rustfmt runs instead of one process per file, and
without one run over the whole crate.

rustfmt follows the `mod x;` declarations of the files it is given, so one run over the crate
roots formats every module file, but it also holds the whole crate in memory: about 250 MB for
1,000 Go files, growing with the module. Files that declare no out-of-line module are formatted
in chunks of `_CHUNK` per run; the few module files (one per package) go through stdin, where
rustfmt follows nothing. rustfmt formats each file on its own content, so the text is the same
as from one run over the crate.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from go2rs.render import rustfmt

_TIMEOUT_S = 300
_CHUNK = 64  # files per rustfmt run: its memory follows the chunk, its start-up cost is shared
_MOD_DECL = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*;", re.MULTILINE)


def format_tree(base: Path, rust_paths: Sequence[str]) -> dict[str, str]:
    """Format the crate staged under `base` in place; path -> why a file is not formatted."""
    exe = shutil.which("rustfmt")
    if exe is None:
        return dict.fromkeys(rust_paths, "rustfmt not found on PATH; output is not formatted")
    leaves: list[str] = []
    modules: list[str] = []
    for path in rust_paths:
        declares = _MOD_DECL.search((base / path).read_text(encoding="utf-8"))
        (modules if declares else leaves).append(path)
    problems: dict[str, str] = {}
    for start in range(0, len(leaves), _CHUNK):
        chunk = leaves[start : start + _CHUNK]
        if not _formatted(exe, [base / path for path in chunk]):
            problems.update(_one_by_one(base, chunk))  # keep what rustfmt rejects as is
    problems.update(_one_by_one(base, modules))
    return problems


def _formatted(exe: str, files: list[Path]) -> bool:
    try:
        done = subprocess.run(
            [exe, "--edition", "2021", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _one_by_one(base: Path, paths: Sequence[str]) -> dict[str, str]:
    """Each file through rustfmt's stdin (which follows no `mod`); path -> why not formatted."""
    problems: dict[str, str] = {}
    for path in paths:
        target = base / path
        text, problem = rustfmt(target.read_text(encoding="utf-8"))
        if problem is not None:
            problems[path] = problem
        else:
            target.write_text(text, encoding="utf-8")
    return problems
