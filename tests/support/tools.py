"""External tools the checks need (gofmt, cargo, rustfmt): skip loudly when absent, fail on CI."""

from __future__ import annotations

import os
import shutil

import pytest

# Go's own install location, which is often not on PATH for non-login shells.
_EXTRA_DIRS = ("/usr/local/go/bin",)


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def find_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found is not None:
        return found
    for folder in _EXTRA_DIRS:
        found = shutil.which(name, path=folder)
        if found is not None:
            return found
    return None


def require_tool(name: str, purpose: str) -> str:
    """Path of ``name``; otherwise skip this test (or fail it when CI is set)."""
    path = find_tool(name)
    if path is not None:
        return path
    reason = f"!!! {name} NOT FOUND on PATH: {purpose} NOT CHECKED !!!"
    if on_ci():
        pytest.fail(f"{reason} (CI is set, so a missing tool is a failure)", pytrace=False)
    pytest.skip(reason)
