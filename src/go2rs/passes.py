"""The idiom passes, in the order they run. Each idioms/ module owns one family of mappings
(see catalog.py for the codes); later passes read what earlier ones decided."""

from __future__ import annotations

from collections.abc import Callable

from go2rs.context import Ctx
from go2rs.idioms import (
    concurrency,
    enums,
    errors,
    interfaces,
    nil,
    receivers,
    renames,
    structs,
    sync,
)

Pass = Callable[[Ctx], None]

PASSES: tuple[tuple[str, Pass], ...] = (
    ("renames", renames.analyze),  # Rust names that would clash, before anything is named
    ("enums", enums.analyze),  # iota groups before anything names a type's derives
    ("errors", errors.analyze),  # error types and sentinels
    ("sync", sync.analyze),  # guarded fields, before receivers read them
    ("structs", structs.analyze),  # serde reachability
    ("interfaces", interfaces.analyze),  # impl Trait for T, the groups later passes unify
    ("receivers", receivers.analyze),  # &mut self, unified per trait method
    ("concurrency", concurrency.analyze),  # async colouring, unified per trait method
    ("nil", nil.analyze),  # Option results/fields/params, unified per trait method
)


def run_passes(ctx: Ctx) -> None:
    for _name, analyze in PASSES:
        analyze(ctx)
