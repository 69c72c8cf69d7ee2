"""Per-file records kept on disk: batch mode's memory follows the largest package, not the
module.

A module's per-file results (todos, diagnostics) and review-report entries grow with the number
of files, about 40 KB a file; a `Spool` pickles each into one anonymous temporary file and keeps
only its offset, so a run over thousands of files holds a few numbers per file in memory.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO, Generic, TypeVar, overload

T = TypeVar("T")


class Spool(Sequence[T], Generic[T]):
    """An append-only sequence whose items live pickled in a temporary file (deleted when the
    last view of it is dropped). Reading an item unpickles a fresh copy."""

    __slots__ = ("_file", "_spans")

    def __init__(self, file: IO[bytes] | None = None, spans: list[tuple[int, int]] | None = None):
        # The file lives as long as the spool and its views; the OS deletes it on close.
        self._file: IO[bytes] = file if file is not None else tempfile.TemporaryFile()  # noqa: SIM115
        self._spans: list[tuple[int, int]] = spans if spans is not None else []

    def append(self, item: T) -> int:
        """Store `item`; its index."""
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        start = self._file.seek(0, 2)
        self._file.write(data)
        self._spans.append((start, len(data)))
        return len(self._spans) - 1

    def reordered(self, order: Sequence[int]) -> Spool[T]:
        """A view of the same items in another order (the same file, nothing copied)."""
        return Spool(self._file, [self._spans[i] for i in order])

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return Spool(self._file, self._spans[index])
        start, size = self._spans[index]
        self._file.seek(start)
        item: T = pickle.loads(self._file.read(size))
        return item

    def __repr__(self) -> str:
        return f"Spool({list(self)!r})"

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[T]:
        for i in range(len(self._spans)):
            yield self[i]
