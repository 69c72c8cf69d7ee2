"""Numbers for the end-of-session line "rust check: N/M outputs compile, K clippy-clean"."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest


@dataclass
class RustCheckSummary:
    total: int = 0
    compiled: int = 0
    clean: int = 0
    skeleton_compiled: int = 0
    allowed_failures: int = 0
    statements_seen: int = 0
    statements_translated: int = 0
    ran: bool = False
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        share = self.statements_translated / self.statements_seen if self.statements_seen else 0
        return (
            f"rust check: draft {self.compiled}/{self.total} outputs compile, {self.clean} "
            f"clippy-clean; skeleton {self.skeleton_compiled}/{self.total} compile; "
            f"draft allow-list: {self.allowed_failures}; statements translated: "
            f"{self.statements_translated}/{self.statements_seen} ({share:.0%})"
        )


RUST_CHECK_SUMMARY = pytest.StashKey[RustCheckSummary]()
