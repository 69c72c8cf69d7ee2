"""Format a whole generated crate with one rustfmt run instead of one process per file.

rustfmt follows `mod` declarations from the crate roots, so formatting the roots formats every
module file. Starting rustfmt once per Go file was most of batch mode's time; the result is the
same text, since rustfmt formats each file on its own content.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from go2rs.render import rustfmt

_TIMEOUT_S = 300


def format_crate(
    files: Mapping[str, str], roots: Sequence[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Formatted texts of every `.rs` file in `files`, and path -> why it is not formatted."""
    rust = {path: text for path, text in files.items() if path.endswith(".rs")}
    out = dict(files)
    exe = shutil.which("rustfmt")
    if exe is None:
        return out, dict.fromkeys(rust, "rustfmt not found on PATH; output is not formatted")
    with tempfile.TemporaryDirectory(prefix="go2rs-fmt-") as tmp:
        base = Path(tmp)
        for path, text in rust.items():
            target = base / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        try:
            done = subprocess.run(
                [exe, "--edition", "2021", *(str(base / r) for r in roots)],
                capture_output=True,
                text=True,
                timeout=_TIMEOUT_S,
                check=False,
            )
            ok = done.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            out.update({path: (base / path).read_text(encoding="utf-8") for path in rust})
            return out, {}
    # Something in the crate upset rustfmt: format file by file, keep what it rejects as is.
    problems: dict[str, str] = {}
    for path, text in rust.items():
        out[path], problem = rustfmt(text)
        if problem is not None:
            problems[path] = problem
    return out, problems
