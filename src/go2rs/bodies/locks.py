"""`mu.Lock(); defer mu.Unlock()` at the top of a method -> one scoped guard (Y01).

The struct idiom moved the guarded fields inside the lock, so the body reads them through the
guard: `let mut users = self.users.lock().unwrap();` (std) or `.lock().await` (tokio, in
async code); `RLock` takes a read guard. The guard unlocks when it goes out of scope, which is
what the deferred Unlock did.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import Env, Untranslatable
from go2rs.gomodel import FuncDecl
from go2rs.idioms import naming
from go2rs.idioms.structs import lock_field_name, lock_is_tokio
from go2rs.parse.lower import text

_LOCKS = {"Lock": "write", "RLock": "read"}


def take_guard(fn: FuncDecl, nodes: list[Node], env: Env) -> tuple[list[str], list[Node]]:
    """(guard lines, the remaining statements) when the body starts by locking its receiver's
    mutex and deferring the unlock; otherwise nothing changes."""
    receiver = fn.receiver
    plan = env.ctx.decisions.mutexes.get(receiver.type_name) if receiver else None
    if receiver is None or plan is None or not nodes or not receiver.name:
        return [], nodes
    lock_call = f"{receiver.name}.{plan.mutex_field}."
    first = text(nodes[0])
    method = first.removeprefix(lock_call).removesuffix("()")
    if not first.startswith(lock_call) or method not in _LOCKS:
        if any(lock_call in text(n) for n in nodes):
            raise Untranslatable(nodes[0], "a lock taken mid-body (scope the guard by hand)")
        return [], nodes
    rest = nodes[1:]
    unlock = "Unlock" if method == "Lock" else "RUnlock"
    if rest and text(rest[0]) == f"defer {lock_call}{unlock}()":
        rest = rest[1:]
    else:
        raise Untranslatable(nodes[0], "a lock released before the end of the body")
    if any(lock_call in text(n) for n in rest):
        raise Untranslatable(nodes[0], "a lock taken twice in one body")
    field = lock_field_name(plan)
    access = _LOCKS[method] if plan.rw else "lock"
    tokio = lock_is_tokio(receiver.type_name, env.ctx)
    if tokio and not env.is_async:  # a tokio guard is awaited; blocking_* panics in a runtime
        raise Untranslatable(nodes[0], "a tokio lock taken in a method that is not async")
    acquire = f"self.{field}.{access}().await" if tokio else f"self.{field}.{access}().unwrap()"
    guard = field
    if len(plan.guarded) == 1:
        env.guarded[plan.guarded[0]] = guard
    else:
        env.guarded.update({name: f"{guard}.{naming.snake(name)}" for name in plan.guarded})
    writes = (
        method == "Lock"
        and env.receiver is not None
        and any(name in env.mutated_fields for name in plan.guarded)
    )
    env.note(
        "Y01",
        f"{receiver.name}.{plan.mutex_field}.{method}() + defer Unlock → a guard "
        "that unlocks at scope end",
    )
    if writes and len(plan.guarded) > 1:  # a plain &mut lets two fields be borrowed at once
        return [f"let {guard} = &mut *{acquire};"], rest
    return [f"let {'mut ' if writes else ''}{guard} = {acquire};"], rest
