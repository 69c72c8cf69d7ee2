"""Format a whole generated crate with one rustfmt run instead of one process per file.

rustfmt follows `mod` declarations from the crate roots, so formatting the roots formats every
module file. Starting rustfmt once per Go file was most of batch mode's time; the result is the
same text, since rustfmt formats each file on its own content.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from go2rs.render import rustfmt

_TIMEOUT_S = 300


def format_tree(base: Path, rust_paths: Sequence[str], roots: Sequence[str]) -> dict[str, str]:
    """Format the crate staged under `base` in place; path -> why a file is not formatted."""
    exe = shutil.which("rustfmt")
    if exe is None:
        return dict.fromkeys(rust_paths, "rustfmt not found on PATH; output is not formatted")
    try:
        done = subprocess.run(
            [exe, "--edition", "2021", *(str(base / r) for r in roots)],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            check=False,
        )
        if done.returncode == 0:
            return {}
    except (OSError, subprocess.TimeoutExpired):
        pass
    # Something in the crate upset rustfmt: format file by file, keep what it rejects as is.
    problems: dict[str, str] = {}
    for path in rust_paths:
        target = base / path
        text, problem = rustfmt(target.read_text(encoding="utf-8"))
        if problem is not None:
            problems[path] = problem
        else:
            target.write_text(text, encoding="utf-8")
    return problems
