"""One readable ``.rs`` snapshot file per golden case, mirroring the case's path.

``tests/cases/structs/json_tags.go`` is snapshotted as ``snapshots/cases/structs/json_tags.rs``.
``pytest --snapshot-update`` writes them; a snapshot whose case was deleted is reported as unused
(and deleted by ``--snapshot-update``) when the whole suite runs (``pytest`` without path
arguments, as scripts/test.sh does). Runs restricted to paths or node ids leave unrelated snapshots
alone.

Within a snapshot file's collection the single snapshot is named ``test_snapshot[<case id>]`` so
that syrupy can relate it both to the file and to the test that owns it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from .cases import Case

if TYPE_CHECKING:
    from syrupy.data import SnapshotCollection
    from syrupy.location import PyTestLocation
    from syrupy.types import SnapshotIndex

REPO_ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT_ROOT = REPO_ROOT / "snapshots"
CASE_SNAPSHOTS = SNAPSHOT_ROOT / "cases"
SNAPSHOT_TEST = "test_snapshot"
_BRACKETED_ID = re.compile(r"\[(?P<id>.+)\]$")


def _case_id(test_location: PyTestLocation) -> str | None:
    """The case id of a test parametrized over :class:`Case` values, if it is one."""
    callspec = getattr(test_location.item, "callspec", None)
    if callspec is not None:
        for value in callspec.params.values():
            if isinstance(value, Case):
                return value.id
    match = _BRACKETED_ID.search(test_location.nodename or "")
    return match.group("id") if match else None


def _require_case_id(test_location: PyTestLocation) -> str:
    case_id = _case_id(test_location)
    if case_id is None:
        raise ValueError(f"{test_location.nodeid} is not parametrized over a Case")
    return case_id


def _under(path: str | Path, root: Path) -> bool:
    return Path(path).resolve().is_relative_to(root.resolve())


class RustSnapshotExtension(SingleFileSnapshotExtension):
    """Store ``str`` data as ``snapshots/cases/<case id>.rs`` (UTF-8 text)."""

    file_extension = "rs"
    _write_mode = WriteMode.TEXT

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        case_id = _case_id(test_location)
        if case_id is None:  # syrupy asks this for every collected test file
            return str(CASE_SNAPSHOTS)
        return str((CASE_SNAPSHOTS / case_id).parent)

    @classmethod
    def discovery_dirname(cls, *, test_location: PyTestLocation) -> str:
        # One shared folder for every case, so snapshots of deleted cases are found too.
        return str(SNAPSHOT_ROOT)

    @classmethod
    def get_snapshot_name(cls, *, test_location: PyTestLocation, index: SnapshotIndex = 0) -> str:
        if index not in (0, ""):
            raise ValueError("a case has exactly one snapshot: assert it once per test")
        return f"{SNAPSHOT_TEST}[{_require_case_id(test_location)}]"

    @classmethod
    def get_file_basename(cls, *, test_location: PyTestLocation, index: SnapshotIndex) -> str:
        return Path(_require_case_id(test_location)).name

    @classmethod
    def matches_test_location(
        cls, *, test_location: PyTestLocation, snapshot_location: str
    ) -> bool:
        case_id = _case_id(test_location)
        return case_id is not None and Path(snapshot_location) == CASE_SNAPSHOTS / f"{case_id}.rs"

    def owns_snapshot_collection(self, *, filepath: str, test_location: PyTestLocation) -> bool:
        return filepath.endswith(".rs") and _under(filepath, CASE_SNAPSHOTS)

    def read_snapshot_collection(self, *, snapshot_location: str) -> SnapshotCollection:
        collection = super().read_snapshot_collection(snapshot_location=snapshot_location)
        case_id = Path(snapshot_location).relative_to(CASE_SNAPSHOTS).with_suffix("").as_posix()
        renamed = type(collection)(location=snapshot_location)
        for snapshot in collection:
            renamed.add(type(snapshot)(name=f"{SNAPSHOT_TEST}[{case_id}]", data=snapshot.data))
        return renamed

    def delete_snapshots(self, *, snapshot_location: str, snapshot_names: set[str]) -> None:
        super().delete_snapshots(snapshot_location=snapshot_location, snapshot_names=snapshot_names)
        folder = Path(snapshot_location).parent
        while (
            folder != CASE_SNAPSHOTS
            and _under(folder, CASE_SNAPSHOTS)
            and not any(folder.iterdir())
        ):
            folder.rmdir()
            folder = folder.parent
