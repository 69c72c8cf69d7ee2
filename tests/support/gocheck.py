"""Is a Go case valid Go? ``gofmt -e`` on stdin, which also accepts fragments (no package line)."""

from __future__ import annotations

import subprocess

from .tools import require_tool


def gofmt_errors(source: bytes) -> str | None:
    """gofmt's complaints about ``source`` (all of them, ``-e``), or None if it parses.

    Skips the calling test when gofmt is missing (fails instead when env CI is set).
    """
    gofmt = require_tool("gofmt", "Go case validity (gofmt -e)")
    proc = subprocess.run([gofmt, "-e"], input=source, capture_output=True, timeout=60, check=False)
    if proc.returncode == 0:
        return None
    return proc.stderr.decode("utf-8", "replace").strip() or f"gofmt exited {proc.returncode}"
