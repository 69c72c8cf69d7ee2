"""Numbers for the end-of-session line "rust check: N/M outputs compile, K clippy-clean"."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest


@dataclass
class RustCheckSummary:
    total: int = 0
    compiled: int = 0
    clean: int = 0
    ran: bool = False
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"rust check: {self.compiled}/{self.total} outputs compile, {self.clean} clippy-clean"
        )


RUST_CHECK_SUMMARY = pytest.StashKey[RustCheckSummary]()
