"""Concurrency signatures (C01..C05): async colouring, channels, CancellationToken.

A function that spawns, uses channels or select, takes a context.Context, or sleeps in a
program with goroutines is `async`; so is every caller in the input (async colouring), and a
trait method whenever one implementation is.
"""

from __future__ import annotations

from go2rs.context import Ctx
from go2rs.gomodel import ChanDir, FuncDecl, GoType, TChan, TFunc, TName
from go2rs.idioms.interfaces import own_methods, unify_set


def is_context(t: GoType, ctx: Ctx) -> bool:
    return (
        isinstance(t, TName)
        and t.pkg is not None
        and t.name == "Context"
        and ctx.program.import_path(t.pkg) == "context"
    )


def chan_names(fn: FuncDecl, ctx: Ctx) -> frozenset[str]:
    """Names that hold channels in `fn`: channel params and the receiver's channel fields."""
    names = {p.name for p in fn.params if p.name and isinstance(p.type, TChan)}
    if fn.receiver is not None:
        struct = ctx.program.struct(fn.receiver.type_name)
        names.update(
            f.name
            for f in (struct.fields if struct else ())
            if f.name and isinstance(f.type, TChan)
        )
    return frozenset(names)


def _directly_async(fn: FuncDecl, ctx: Ctx, program_spawns: bool) -> bool:
    if any(is_context(p.type, ctx) for p in fn.params):
        return True
    if fn.body is None:
        return False
    facts = fn.body.facts
    return (
        facts.has_go
        or facts.has_select
        or facts.uses_channels(chan_names(fn, ctx))
        or (facts.sleeps and program_spawns)
        or _joins_wait_group_field(fn, ctx)
    )


def _joins_wait_group_field(fn: FuncDecl, ctx: Ctx) -> bool:
    """`g.wg.Wait()` on a WaitGroup field: joining its JoinSet awaits (join_next)."""
    from go2rs.idioms.receivers import is_wait_group

    if fn.receiver is None or fn.body is None:
        return False
    return any(
        method == "Wait"
        and len(path) == 2
        and path[0] == fn.receiver.name
        and is_wait_group(fn.receiver.type_name, path[1], ctx)
        for path, method in fn.body.facts.method_calls
    )


def analyze(ctx: Ctx) -> None:
    program, decisions = ctx.program, ctx.decisions
    funcs = list(program.all_funcs())
    spawns = any(f.body is not None and f.body.facts.has_go for f in funcs)
    colored = decisions.async_fns
    colored.update(f.key for f in funcs if _directly_async(f, ctx, spawns))
    for iface in program.types:
        decl = program.interface(iface)
        for method in own_methods(decl) if decl else ():
            if any(is_context(p.type, ctx) for p in method.params):
                colored.add(f"{iface}.{method.name}")
    changed = True
    while changed:
        changed = unify_set(colored, ctx)
        async_funcs = {k for k in colored if "." not in k}
        async_methods = {k.rsplit(".", 1)[1] for k in colored if "." in k}
        for fn in funcs:
            if fn.key in colored or fn.body is None:
                continue
            facts = fn.body.facts
            if facts.calls & async_funcs or facts.called_methods & async_methods:
                colored.add(fn.key)
                changed = True
    _receive_only_fields(ctx)
    _spawning_bodies(ctx)


def _spawning_bodies(ctx: Ctx) -> None:
    """Parameters whose Rust type depends on the goroutines of their function's body. Only
    bodies that spawn are parsed again (the Go model keeps text, not syntax trees).

    - Receive-only channel parameters that several tasks share: a local channel handed to
      `go worker(jobs)` in a loop (a worker pool) is received from by every worker, so the
      parameter takes `Arc<tokio::sync::Mutex<Receiver>>`.
    - Func parameters a goroutine uses (`go func() { fn() }()`): the task outlives the call,
      so the closure must be `Send + Sync + 'static`."""
    from go2rs.bodies.channels import receivers
    from go2rs.parse.parser import NodeIndex, parse_body

    for fn in ctx.program.all_funcs():
        if fn.body is None or not fn.body.facts.has_go:
            continue
        function = parse_body(fn.body.text).named_children[-1]
        index = NodeIndex(function)
        for name in fn.body.facts.chan_locals:
            ctx.decisions.shared_receivers.update(receivers(function, name, index, ctx).params)
        funcs = {p.name: i for i, p in enumerate(fn.params) if p.name and isinstance(p.type, TFunc)}
        for go in index.nodes(("go_statement",), within=function) if funcs else ():
            ctx.decisions.spawned_fn_params.update(
                (fn.key, i) for name, i in funcs.items() if index.identifiers(name, within=go)
            )


def _receive_only_fields(ctx: Ctx) -> None:
    """Bidirectional channel fields that methods only receive from become Receivers."""
    received: set[str] = set()
    sent: set[str] = set()
    for fn in ctx.program.all_funcs():
        if fn.body is not None:
            facts = fn.body.facts
            received.update(p[-1] for p in facts.received_from | facts.ranged if len(p) > 1)
            sent.update(p[-1] for p in facts.sent_on if len(p) > 1)
    ctx.decisions.recv_fields = received - sent


def chan_side(t: TChan, receives: bool) -> ChanDir:
    if t.dir is not ChanDir.BOTH:
        return t.dir
    return ChanDir.RECV if receives else ChanDir.SEND
