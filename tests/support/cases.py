"""Golden Go cases: every ``tests/cases/**/*.go`` file, found automatically.

A case's id is its path below ``tests/cases`` without the ``.go`` suffix, with ``/`` separators
(``structs/json_tags``). Ids name the pytest parameters and the snapshot files
(``snapshots/cases/structs/json_tags.rs``), so they must stay stable: renaming a case file renames
its snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = REPO_ROOT / "tests" / "cases"
MALFORMED_DIR = "malformed"


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    path: Path

    @property
    def malformed(self) -> bool:
        """Cases under ``tests/cases/malformed/`` are deliberately invalid Go."""
        return self.id.split("/", 1)[0] == MALFORMED_DIR

    @property
    def filename(self) -> str:
        """The bare file name handed to the translator (no directories: no paths in output)."""
        return self.path.name

    def source(self) -> bytes:
        return self.path.read_bytes()


def case_id(path: Path, root: Path = CASES_DIR) -> str:
    return path.relative_to(root).with_suffix("").as_posix()


def discover_cases(root: Path = CASES_DIR) -> list[Case]:
    """All ``*.go`` files below ``root``, sorted by id (hidden files and folders skipped)."""
    found = [
        Case(id=case_id(path, root), path=path)
        for path in root.rglob("*.go")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts)
    ]
    return sorted(found, key=lambda case: case.id)
