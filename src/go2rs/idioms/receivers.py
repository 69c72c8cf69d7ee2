"""Receivers (M01..M03): `&self` unless the method really mutates its receiver.

A pointer receiver becomes `&mut self` when the body assigns to a receiver field (outside the
fields a mutex guards: the lock gives interior mutability) or calls a `&mut self` method on
the receiver or on one of its fields. Computed to a fixpoint, then unified per trait method.
"""

from __future__ import annotations

from go2rs.context import Ctx
from go2rs.gomodel import FuncDecl, TName, TPointer
from go2rs.idioms.interfaces import unify_set


def mutation_reason(fn: FuncDecl, ctx: Ctx, mutating: set[str]) -> str | None:
    """Why `fn` needs `&mut self`, or None."""
    if fn.receiver is None or fn.body is None or not fn.receiver.pointer:
        return None
    name = fn.receiver.name or "_"
    plan = ctx.decisions.mutexes.get(fn.receiver.type_name)
    guarded = set(plan.guarded) if plan else set()
    facts = fn.body.facts
    for path in sorted(facts.assigned):
        if path == (name,):
            return f"assigns `*{name}`"
        if path[0] == name and len(path) > 1 and path[1] not in guarded:
            return f"assigns `{'.'.join(path)}`"
    for path in sorted(facts.received_from):
        if len(path) == 2 and path[0] == name:
            return f"receives from `{'.'.join(path)}` (a Receiver needs &mut)"
    for path, method in sorted(facts.method_calls):
        if path == (name,) and f"{fn.receiver.type_name}.{method}" in mutating:
            return f"calls `&mut self` method `{method}`"
        if (
            len(path) == 2
            and path[0] == name
            and method in ("Add", "Wait")
            and is_wait_group(fn.receiver.type_name, path[1], ctx)  # JoinSet spawn/join_next
        ):
            return f"`{path[1]}.{method}` spawns into or joins its JoinSet (&mut)"
        if len(path) == 2 and path[0] == name and path[1] not in guarded:
            owner = _field_type_name(fn.receiver.type_name, path[1], ctx)
            if owner is not None and f"{owner}.{method}" in mutating:
                return f"calls `&mut self` method `{path[1]}.{method}`"
    return None


def is_wait_group(struct_name: str, field_name: str, ctx: Ctx) -> bool:
    """Whether the struct's field is a sync.WaitGroup (a JoinSet in Rust)."""
    struct = ctx.program.struct(struct_name)
    return any(
        f.name == field_name
        and isinstance(f.type, TName)
        and f.type.name == "WaitGroup"
        and f.type.pkg is not None
        and ctx.program.import_path(f.type.pkg) == "sync"
        for f in (struct.fields if struct else ())
    )


def _field_type_name(struct_name: str, field_name: str, ctx: Ctx) -> str | None:
    struct = ctx.program.struct(struct_name)
    for field in struct.fields if struct else ():
        if field.name == field_name or (
            field.name is None and isinstance(field.type, TName) and field.type.name == field_name
        ):
            t = field.type.elem if isinstance(field.type, TPointer) else field.type
            return t.name if isinstance(t, TName) and t.pkg is None else None
    return None


def analyze(ctx: Ctx) -> None:
    mutating = ctx.decisions.mut_receivers
    methods = [m for ms in ctx.program.methods.values() for m in ms]
    changed = True
    while changed:
        changed = False
        for fn in methods:
            if fn.key not in mutating and mutation_reason(fn, ctx, mutating) is not None:
                mutating.add(fn.key)
                changed = True
        changed = unify_set(mutating, ctx) or changed
