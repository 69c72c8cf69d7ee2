"""Channels, goroutines and select in bodies (tokio).

`ch := make(chan T, n)` becomes a split pair `(ch_tx, mut ch_rx)`: sends go through the sender,
receives through the receiver, `close(ch)` drops the sender. Goroutines become
`tokio::spawn(async move { .. })` with clones of the senders they capture; a local WaitGroup
becomes a `JoinSet` whose `wait()` joins every task.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from go2rs.bodies.env import SHARED_RX, E, Env, Local, Untranslatable
from go2rs.bodies.exprs import coerce, expr, go_type, index_text, rust_type
from go2rs.context import Ctx
from go2rs.gomodel import ChanDir, TChan, TName
from go2rs.idioms import naming
from go2rs.idioms.concurrency import chan_side
from go2rs.parse.lower import text
from go2rs.parse.parser import NodeIndex, enclosing, function_of, walk


def make_channel(name: str, call: Node, env: Env) -> list[str]:
    t, made = _channel_of(call, env)
    rust = naming.snake(name)
    # Without a go statement only the spawner receives: no lookup needed.
    index = env.index
    shared = index is not None and receivers(function_of(call), name, index, env.ctx).shared
    env.bind(name, Local(rust, t, None, chan_pair=True, shared_rx=shared))
    if not shared:
        return [f"let ({rust}_tx, mut {rust}_rx) = {made};"]
    env.uses.add("std::sync::Arc")
    env.note(
        "C03",
        "a channel several tasks receive from: its Receiver is shared as "
        "Arc<tokio::sync::Mutex<..>>, locked for one receive at a time",
    )
    return [
        f"let ({rust}_tx, {rust}_rx) = {made};",
        f"let {rust}_rx = Arc::new(tokio::sync::Mutex::new({rust}_rx));",
    ]


@dataclass(frozen=True, slots=True)
class Receivers:
    """Who receives from a local channel: `shared` when more than one task does (the
    spawner counts as one, a goroutine started in a loop as many), and the parameters
    (callee, index) the channel is handed to as a receive-only argument."""

    shared: bool
    params: tuple[tuple[str, int], ...]


def receivers(function: Node, name: str, index: NodeIndex, ctx: Ctx) -> Receivers:
    owners: set[tuple[int, int] | None] = set()  # the go statements (None: the spawner)
    looped = False
    params: list[tuple[str, int]] = []
    for node in index.identifiers(name, within=function):
        parent = node.parent  # (a costly property: read only for the name's own uses)
        if parent is None:
            continue
        receives = (
            parent.type == "unary_expression"
            and text(parent.child_by_field_name("operator")) == "<-"
        ) or (parent.type == "range_clause" and parent.child_by_field_name("right") == node)
        if parent.type == "argument_list":
            handed = receive_param(parent, node, ctx)
            if handed is not None:
                params.append(handed)
                receives = True
        if not receives:
            continue
        spawn = enclosing(node, function, "go_statement")
        owners.add((spawn.start_byte, spawn.end_byte) if spawn is not None else None)
        in_loop = spawn is not None and enclosing(spawn, function, "for_statement") is not None
        looped = looped or in_loop
    shared = len(owners) > 1 or (looped and len(owners) == 1)
    return Receivers(shared, tuple(params) if shared else ())


def receive_param(arguments: Node, arg: Node, ctx: Ctx) -> tuple[str, int] | None:
    """(callee, index) when `arg` is handed to a function's receive-only channel parameter."""
    call = arguments.parent
    function = call.child_by_field_name("function") if call is not None else None
    callee = ctx.program.funcs.get(text(function)) if function is not None else None
    if function is None or function.type != "identifier" or callee is None:
        return None
    index = arguments.named_children.index(arg)
    if index >= len(callee.params) or callee.params[index].variadic:
        return None
    param = callee.params[index]
    if not isinstance(param.type, TChan):
        return None
    facts = callee.body.facts if callee.body is not None else None
    path = (param.name or "_",)
    received = facts is not None and (path in facts.received_from or path in facts.ranged)
    sent = facts is not None and path in facts.sent_on
    if param.type.dir is ChanDir.RECV or (param.type.dir is ChanDir.BOTH and received and not sent):
        return callee.key, index
    return None


def rx_half(local: Local, env: Env, node: Node | None = None) -> str:
    """The receiving end of a split local: its Receiver, or the shared one's lock."""
    if not local.shared_rx:
        return f"{local.rust}_rx"
    if not env.is_async:
        raise Untranslatable(node, "a shared Receiver locked outside async code")
    return f"{local.rust}_rx.lock().await"


def shared_end(rust: str, env: Env) -> str:
    """The split local `rust` where a shared Receiver is expected: a clone of its shared
    handle, or (once) its own Receiver, now shared."""
    pair = next(
        (
            x
            for scope in reversed(env.scopes)  # the innermost: a shadowing pair wins
            for x in scope.values()
            if x.chan_pair and x.rust == rust
        ),
        None,
    )
    if pair is not None and pair.shared_rx:
        return f"{rust}_rx.clone()"
    if rust in env.moved_receivers:
        raise Untranslatable(None, f"`{rust}`'s receiver is handed out twice")
    env.moved_receivers.add(rust)
    env.uses.add("std::sync::Arc")
    return f"Arc::new(tokio::sync::Mutex::new({rust}_rx))"


def receive_head(pattern: str, rx: str, shared: bool) -> str:
    """A `for v := range ch` loop's head. A shared Receiver is locked for each receive
    only (`let .. else`): a `while let` would hold the lock through the loop body."""
    if shared:
        return f"loop {{\nlet Some({pattern}) = {rx}.lock().await.recv().await else {{\nbreak;\n}};"
    return f"while let Some({pattern}) = {rx}.recv().await"


def _channel_of(call: Node, env: Env) -> tuple[TChan, str]:
    """(the channel type, the `mpsc::channel::<T>(n)` call) of `make(chan T[, n])`."""
    from go2rs.bodies.calls import args_of

    args = args_of(call)
    t = go_type(args[0], env) if args else None
    if not isinstance(t, TChan):
        raise Untranslatable(call, "make of a non-channel")
    capacity = index_text(expr(args[1], env)) if len(args) > 1 else "0"
    if capacity == "0":
        capacity = "1"
        env.note("C03", "unbuffered channel → capacity 1 (tokio has no rendezvous channel)")
    elem = rust_type(t.elem, env)
    env.ctx.sink.uses.add("tokio::sync::mpsc")
    env.ctx.sink.crates.add("tokio")
    env.note("C03", "channel → mpsc::channel split into a Sender and a Receiver")
    return t, f"mpsc::channel::<{elem}>({capacity})"


def channel_fields(node: Node, env: Env) -> list[str]:
    """`w := op{key: k, resp: make(chan bool)}`: each channel the literal makes is made
    first, as `(w_resp_tx, w_resp_rx)`. The field keeps the half its struct holds (C04);
    the local keeps the other, so `<-w.resp` reads `w_resp_rx` (even after `w` moved into
    a send, as Go's request/response pattern does). Lines for nothing else: []."""
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    names = left.named_children if left is not None else []
    values = right.named_children if right is not None else []
    literal = values[0] if len(values) == 1 else None
    if len(names) != 1 or literal is None or literal.type != "composite_literal":
        return []
    made = [(k, v) for k, v in _keyed(literal) if _makes_channel(v)]
    if not made:
        return []
    name = text(names[0])
    t = go_type(literal.child_by_field_name("type"), env)
    struct = env.ctx.program.struct(t.name) if isinstance(t, TName) and t.pkg is None else None
    if struct is None or _reassigned(node, name):  # a new `w` would leave stale halves
        raise Untranslatable(literal, "make of a channel outside `ch := make(..)`")
    lines: list[str] = []
    for key, value in made:
        field = next((f for f in struct.fields if f.name == key), None)
        if field is None or not isinstance(field.type, TChan):
            raise Untranslatable(value, f"make of a channel for field {key}")
        chan, channel = _channel_of(value, env)
        held = chan_side(field.type, field.name in env.ctx.decisions.recv_fields)
        kept, other = ("rx", "tx") if held is ChanDir.SEND else ("tx", "rx")
        half = f"{naming.snake(name)}_{naming.snake(key)}"
        elem = rust_type(chan.elem, env)
        halves = {"tx": f"mpsc::Sender<{elem}>", "rx": f"mpsc::Receiver<{elem}>"}
        env.made_channels[(value.start_byte, value.end_byte)] = E(
            f"{half}_{other}", chan, halves[other]
        )
        env.bind(f"{name}.{key}", Local(f"{half}_{kept}", chan, halves[kept]))
        mut = "mut " if kept == "rx" else ""
        lines.append(f"let ({half}_tx, {mut}{half}_rx) = {channel};")
    if _only_read(node, name, {key for key, _ in made}):  # `<-w.resp` reads the local half
        env.mutated = env.mutated - {name}
    env.note(
        "C04", "a channel made in a struct literal: the field takes one half, the local the other"
    )
    return lines


def _reassigned(declaration: Node, name: str) -> bool:
    """Whether `name = ..` appears in the function that declares it."""
    for node in walk(function_of(declaration)):
        left = node.child_by_field_name("left") if node.type == "assignment_statement" else None
        if left is not None and any(text(n) == name for n in left.named_children):
            return True
    return False


def _only_read(declaration: Node, name: str, made: set[str]) -> bool:
    """Whether the function only reads `name` (its made channels are separate locals):
    no field of it is written, no method called on it, no pointer to it taken."""
    for node in walk(function_of(declaration)):
        if node.type != "identifier" or text(node) != name or node.parent is None:
            continue
        parent = node.parent
        if parent.type == "unary_expression" and text(parent).startswith("&"):
            return False
        if (
            parent.type != "selector_expression"
            or text(parent.child_by_field_name("field")) in made
        ):
            continue
        user = parent.parent
        if user is None or user.type in ("inc_statement", "dec_statement", "call_expression"):
            return False
        if user.type == "expression_list" and user.parent is not None:
            target = user.parent.child_by_field_name("left")
            if user.parent.type == "assignment_statement" and target == user:
                return False
    return True


def _keyed(literal: Node) -> list[tuple[str, Node]]:
    """(field name, value expression) of each `key: value` of a struct literal."""
    body = literal.child_by_field_name("body")
    found = []
    for element in body.named_children if body is not None else []:
        parts = [_unwrap(c) for c in element.named_children]
        if element.type == "keyed_element" and len(parts) == 2 and parts[0].type == "identifier":
            found.append((text(parts[0]), parts[1]))
    return found


def _unwrap(node: Node) -> Node:
    """A `literal_element`'s expression."""
    if node.type == "literal_element" and node.named_children:
        return node.named_children[0]
    return node


def _makes_channel(node: Node) -> bool:
    args = node.child_by_field_name("arguments") if node.type == "call_expression" else None
    return (
        text(node.child_by_field_name("function")) == "make"
        and args is not None
        and bool(args.named_children)
        and args.named_children[0].type == "channel_type"
    )


def half(node: Node, side: str, env: Env) -> str | None:
    """The local half of a channel a struct literal made (`w.resp` -> `w_resp_rx`), if
    `node` names one and the local kept `side`."""
    operand = node.child_by_field_name("operand")
    if node.type != "selector_expression" or operand is None:
        return None
    for scope in reversed(env.scopes):  # the innermost `w` must be the one that made it
        if text(node) in scope:
            local = scope[text(node)]
            break
        if text(operand) in scope:
            return None
    else:
        return None
    wanted = "mpsc::Receiver" if side == "rx" else "mpsc::Sender"
    return local.rust if (local.rust_type or "").startswith(wanted) else None


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
            return rx_half(local, env, node) if side == "rx" else f"{local.rust}_tx"
    if node is not None and (kept := half(node, side, env)) is not None:
        return kept
    value = expr(node, env)
    if isinstance(value.go, TChan):
        check_side(value, side, node)
        if (value.rust or "").startswith(SHARED_RX):
            if not env.is_async:
                raise Untranslatable(node, "a shared Receiver locked outside async code")
            return f"{value.at(0)}.lock().await"
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
    if value.fallible:  # Go sends the call's error, nil included; a Result is not one
        raise Untranslatable(node, "a send of a call's error (Go's may be nil)")
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
    if local is not None and local.chan_pair:
        return E(f"drop({local.rust}_tx)", None, "()")
    if local is not None and (local.rust_type or "").startswith("mpsc::Sender") and _last(arg):
        # a Sender parameter is this function's own handle: dropping it is its close
        env.note("C03", "close(param) → drop: the channel closes once every Sender is dropped")
        return E(f"drop({local.rust})", None, "()")
    raise Untranslatable(arg, "close of a channel this function does not own")


def _last(arg: Node) -> bool:
    """Whether the `close(arg)` statement ends its function: the body's last statement, or
    one a `return` follows (nothing can use the dropped Sender after it)."""
    call = arg.parent.parent if arg.parent is not None else None
    statement = call.parent if call is not None else None
    if statement is None or statement.type != "expression_statement":
        return False
    after = statement.next_named_sibling
    while after is not None and after.type == "comment":
        after = after.next_named_sibling
    if after is not None:
        return after.type == "return_statement"
    block = statement.parent.parent if statement.parent is not None else None
    function = block.parent if block is not None else None
    return function is not None and function.type in ("function_declaration", "method_declaration")


def sender_argument(arg: Node, env: Env) -> str:
    name = text(arg) if arg.type == "identifier" else ""
    local = env.lookup(name) if name in env.taken_senders else None
    if local is not None:  # goroutines._senders_taken: the task takes the only Sender
        env.taken_senders = env.taken_senders - {name}
        return f"{local.rust}_tx"
    return f"{_channel(arg, env, 'tx')}.clone()"


def receiver_argument(arg: Node, env: Env, shared: bool = False) -> str:
    """A channel handed to a receive-only parameter: the Receiver moves; a parameter that
    several tasks share (`Arc<tokio::sync::Mutex<..>>`) gets a clone of the shared handle."""
    local = env.lookup(text(arg)) if arg.type == "identifier" else None
    if shared:
        if local is not None and local.chan_pair:
            return shared_end(local.rust, env)
        value = expr(arg, env)
        if (value.rust or "").startswith(SHARED_RX):
            return f"{value.at(0)}.clone()"
        raise Untranslatable(arg, "a Receiver where several tasks share one")
    held = (local.rust_type or "") if local is not None else ""
    if local is not None and (local.shared_rx or held.startswith(SHARED_RX)):
        raise Untranslatable(arg, "a shared Receiver where a function takes one of its own")
    if env.spawning_in_loop:
        raise Untranslatable(
            arg,
            "several goroutines receive from one channel: share the "
            "Receiver (Arc<tokio::sync::Mutex<..>>) or use async-channel",
        )
    return _channel(arg, env, "rx")
