"""Channels, goroutines and select in bodies (tokio).

`ch := make(chan T, n)` becomes a split pair `(ch_tx, mut ch_rx)`: sends go through the sender,
receives through the receiver, `close(ch)` drops the sender. Goroutines become
`tokio::spawn(async move { .. })` with clones of the senders they capture; a local WaitGroup
becomes a `JoinSet` whose `wait()` joins every task.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import E, Env, Local, Untranslatable
from go2rs.bodies.exprs import coerce, expr, go_type, index_text, rust_type
from go2rs.gomodel import TChan
from go2rs.idioms import naming
from go2rs.parse.lower import text


def make_channel(name: str, call: Node, env: Env) -> list[str]:
    from go2rs.bodies.calls import args_of

    args = args_of(call)
    t = go_type(args[0], env)
    if not isinstance(t, TChan):
        raise Untranslatable(call, "make of a non-channel")
    capacity = index_text(expr(args[1], env)) if len(args) > 1 else "0"
    if capacity == "0":
        capacity = "1"
        env.note("C03", "unbuffered channel → capacity 1 (tokio has no rendezvous channel)")
    elem = rust_type(t.elem, env)
    env.ctx.sink.uses.add("tokio::sync::mpsc")
    env.ctx.sink.crates.add("tokio")
    rust = naming.snake(name)
    env.bind(name, Local(rust, t, None, chan_pair=True))
    env.note("C03", "channel → mpsc::channel split into a Sender and a Receiver")
    return [f"let ({rust}_tx, mut {rust}_rx) = mpsc::channel::<{elem}>({capacity});"]


def _channel(node: Node | None, env: Env, side: str) -> str:
    """The Rust value for one side (`tx`/`rx`) of the Go channel expression `node`."""
    if node is not None and node.type == "identifier":
        local = env.lookup(text(node))
        if local is not None and local.chan_pair:
            if side == "rx" and local.rust in env.moved_receivers:
                raise Untranslatable(
                    node,
                    f"`{text(node)}` is received from after a goroutine "
                    "took its receiver (share it, or restructure)",
                )
            return f"{local.rust}_{side}"
    value = expr(node, env)
    if isinstance(value.go, TChan):
        check_side(value, side, node)
        return value.text
    raise Untranslatable(node, "channel of unknown shape")


def check_side(value: E, side: str, node: Node | None) -> None:
    """A channel field holds the one half its owner uses (C04): the other half is not there."""
    held = value.rust or ""
    if (side == "rx" and held.startswith("mpsc::Sender")) or (
        side == "tx" and held.startswith("mpsc::Receiver")
    ):
        wanted = "received from" if side == "rx" else "sent on"
        raise Untranslatable(node, f"`{value.text}` is {wanted}, but go2rs kept its other half")


def send(node: Node, env: Env) -> str:
    channel = _channel(node.child_by_field_name("channel"), env, "tx")
    value = expr(node.child_by_field_name("value"), env)
    elem = value.go if value.go is not None else None
    target = rust_type(elem, env) if elem is not None else None
    return f'{channel}.send({coerce(value, target, env)}).await.expect("receiver dropped");'


def receive(operand: Node | None, env: Env) -> E:
    function = operand.child_by_field_name("function") if operand is not None else None
    holder = function.child_by_field_name("operand") if function is not None else None
    token = env.lookup(text(holder)) if holder is not None else None
    if (
        token is not None
        and token.rust_type == "CancellationToken"
        and text(function).endswith(".Done")
        and env.is_async
    ):  # `<-ctx.Done()`: wait until the token is cancelled
        return E(f"{token.rust}.cancelled().await", None, "()")
    channel = _channel(operand, env, "rx")
    value = expr(operand, env) if operand is not None and operand.type != "identifier" else None
    local = env.lookup(text(operand)) if operand is not None else None
    chan_type = local.go if local is not None else value.go if value is not None else None
    elem = chan_type.elem if isinstance(chan_type, TChan) else None
    return E(
        f"{channel}.recv().await.unwrap_or_default()",
        elem,
        rust_type(elem, env) if elem is not None else None,
    )


def close(arg: Node, env: Env) -> E:
    local = env.lookup(text(arg)) if arg.type == "identifier" else None
    if local is None or not local.chan_pair:
        raise Untranslatable(arg, "close of a channel this function does not own")
    return E(f"drop({local.rust}_tx)", None, "()")


def sender_argument(arg: Node, env: Env) -> str:
    return f"{_channel(arg, env, 'tx')}.clone()"


def receiver_argument(arg: Node, env: Env) -> str:
    if env.spawning_in_loop:
        raise Untranslatable(
            arg,
            "several goroutines receive from one channel: share the "
            "Receiver (Arc<tokio::sync::Mutex<..>>) or use async-channel",
        )
    return _channel(arg, env, "rx")


def range_channel(channel: Node, env: Env) -> str:
    return f"while let Some({{}}) = {_channel(channel, env, 'rx')}.recv().await"
