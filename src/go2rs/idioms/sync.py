"""sync (Y01..Y04): a mutex and the fields it guards become one `Mutex<..>` that owns them.

Go convention: a `mu sync.Mutex` field guards the fields that follow it, up to the next blank
line. Those fields move inside the lock (`Arc` when goroutines share the struct).
"""

from __future__ import annotations

from go2rs.context import Ctx, MutexPlan
from go2rs.gomodel import Field, TName, TPointer

LOCKS = {"Mutex": False, "RWMutex": True}


def lock_kind(field: Field, ctx: Ctx) -> bool | None:
    """True for an RWMutex, False for a Mutex, None for any other field."""
    t = field.type.elem if isinstance(field.type, TPointer) else field.type
    if isinstance(t, TName) and t.pkg and ctx.program.import_path(t.pkg) == "sync":
        return LOCKS.get(t.name)
    return None


def analyze(ctx: Ctx) -> None:
    program = ctx.program
    shared = _shared_with_goroutines(ctx)
    for name, _decl in program.types.items():
        struct = program.struct(name)
        if struct is None:
            continue
        fields = list(struct.fields)
        for i, field in enumerate(fields):
            rw = lock_kind(field, ctx)
            if rw is None:
                continue
            guarded = _guarded_after(fields[i + 1 :], ctx) or _guarded_after(
                [f for f in fields if f is not field], ctx, stop_at_break=False
            )
            if guarded:
                ctx.decisions.mutexes[name] = MutexPlan(
                    field.name or ("RWMutex" if rw else "Mutex"), tuple(guarded), rw, name in shared
                )
            break


def _guarded_after(fields: list[Field], ctx: Ctx, stop_at_break: bool = True) -> list[str]:
    out: list[str] = []
    for field in fields:
        if stop_at_break and field.group_break and out:
            break
        if field.name is None or lock_kind(field, ctx) is not None or _is_sync(field):
            continue
        out.append(field.name)
    return out


def _is_sync(field: Field) -> bool:
    t = field.type
    return isinstance(t, TName) and t.pkg in ("sync", "atomic")


def _shared_with_goroutines(ctx: Ctx) -> set[str]:
    """Types whose methods spawn goroutines or that a spawning function receives."""
    shared: set[str] = set()
    for fn in ctx.program.all_funcs():
        if fn.body is None or not fn.body.facts.has_go:
            continue
        if fn.receiver is not None:
            shared.add(fn.receiver.type_name)
        for param in fn.params:
            t = param.type.elem if isinstance(param.type, TPointer) else param.type
            if isinstance(t, TName) and t.pkg is None:
                shared.add(t.name)
    return shared
