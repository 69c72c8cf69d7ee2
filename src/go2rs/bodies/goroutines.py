"""Goroutines and select (C01, C03): `go` -> `tokio::spawn`, `select` -> `tokio::select!`."""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import Env, Local, Untranslatable
from go2rs.bodies.exprs import expr
from go2rs.bodies.stmts import Lines, braced, statements
from go2rs.gomodel import TChan, TName
from go2rs.idioms import naming
from go2rs.parse.lower import text


def _wait_group(env: Env) -> str | None:
    """The local WaitGroup (now a JoinSet) goroutines of this body join, if any."""
    for scope in reversed(env.scopes):
        for local in scope.values():
            if local.go == TName("WaitGroup", "sync"):
                return local.rust
    return None


def _captured_handles(node: Node, env: Env) -> list[str]:
    """Senders and cancellation tokens a task captures: each task gets its own clone."""
    names: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            local = env.lookup(text(current))
            handle = None
            if local is not None and local.chan_pair:
                handle = f"{local.rust}_tx"
            elif local is not None and local.rust_type == "CancellationToken":
                handle = local.rust
            if handle is not None and handle not in names:
                names.append(handle)
        stack.extend(current.named_children)
    return names


def _in_loop(node: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.type not in ("func_literal", "function_declaration"):
        if parent.type == "for_statement":
            return True
        parent = parent.parent
    return False


def _borrowed_captures(node: Node, env: Env) -> list[str]:
    """Names a spawned task would capture by reference: tasks must own what they use."""
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            name = text(current)
            local = env.lookup(name)
            rust = local.rust_type if local is not None else ""
            if name == env.receiver or (rust or "").startswith(("&", "impl ")):
                found.append(name)
        stack.extend(current.named_children)
    return found


def go_statement(node: Node, env: Env) -> Lines:
    call = node.named_children[0] if node.named_children else None
    if call is None or call.type != "call_expression":
        raise Untranslatable(node, "go of something that is not a call")
    func = call.child_by_field_name("function")
    borrowed = _borrowed_captures(call, env)
    if borrowed:
        raise Untranslatable(
            node,
            f"a goroutine using borrowed {', '.join(sorted(set(borrowed)))} "
            "(a task must own its data: clone it or use Arc)",
        )
    env.ctx.sink.crates.add("tokio")
    saved_loop, env.spawning_in_loop = env.spawning_in_loop, _in_loop(node)
    try:
        task = _task(call, func, node, env)
    finally:
        env.spawning_in_loop = saved_loop
    group = _wait_group(env)
    spawn = f"{group}.spawn({task});" if group else f"tokio::spawn({task});"
    env.note("C01", "goroutine → tokio task")
    clones = [f"let {s} = {s}.clone();" for s in _captured_handles(call, env)]
    return ["{", *clones, spawn, "}"] if clones else [spawn]


def _task(call: Node, func: Node | None, node: Node, env: Env) -> str:
    if func is not None and func.type == "func_literal":
        args = call.child_by_field_name("arguments")
        if args is not None and args.named_children:
            raise Untranslatable(node, "go func(..){..}(args): pass the values by capture")
        saved = env.is_async
        env.is_async = True
        body = braced(statements(func.child_by_field_name("body")), env, False)
        env.is_async = saved
        return f"async move {body}"
    spawned = expr(call, env)
    if spawned.text.endswith(".await"):
        return spawned.text[: -len(".await")]
    return f"async move {{ {spawned.text}; }}"


def wait(group: str) -> str:
    return f"while {group}.join_next().await.is_some() {{}}"


def select(node: Node, env: Env) -> Lines:
    arms: list[str] = []
    for case in node.named_children:
        if case.type == "default_case":
            raise Untranslatable(case, "select with default (a non-blocking try_recv)")
        if case.type != "communication_case":
            continue
        communication = case.child_by_field_name("communication")
        body_nodes = [c for c in case.named_children if c.type == "statement_list"]
        env.push()
        pattern, future = _arm_head(communication, env)
        body = braced(statements(body_nodes[0]) if body_nodes else [], env, False)
        env.pop()
        arms.append(f"{pattern} = {future} => {body}")
    env.ctx.sink.crates.add("tokio")
    env.note("C03", "select → tokio::select!")
    return ["tokio::select! {", *arms, "}"]


def _arm_head(node: Node | None, env: Env) -> tuple[str, str]:
    if node is None:
        raise Untranslatable(None, "select case")
    if node.type == "send_statement":
        from go2rs.bodies.channels import send

        return "_", send(node, env).removesuffix('.await.expect("receiver dropped");')
    receive = node
    names: list[str] = []
    if node.type == "receive_statement":
        left = node.child_by_field_name("left")
        names = [text(n) for n in (left.named_children if left else [])]
        receive = node.child_by_field_name("right") or node
    if receive.type == "expression_statement":
        receive = receive.named_children[0]
    operand = receive.child_by_field_name("operand") if receive.type == "unary_expression" else None
    if operand is None:
        raise Untranslatable(node, "select case")
    source = text(operand)
    if source.endswith(".Done()"):
        return "_", f"{_token(operand, env)}.cancelled()"
    arguments = operand.child_by_field_name("arguments")
    if source.startswith("time.After(") and arguments is not None and arguments.named_children:
        duration = expr(arguments.named_children[0], env)
        return "_", f"tokio::time::sleep({duration.text})"
    local = env.lookup(source)
    if local is not None and local.chan_pair:
        channel = f"{local.rust}_rx"
        elem = local.go.elem if isinstance(local.go, TChan) else None
    else:
        value = expr(operand, env)
        channel = value.text
        elem = value.go.elem if isinstance(value.go, TChan) else None
    if names and names[0] != "_":
        env.bind(names[0], Local(naming.snake(names[0]), elem, None))
        return f"Some({naming.snake(names[0])})", f"{channel}.recv()"
    return "_", f"{channel}.recv()"


def _token(operand: Node, env: Env) -> str:
    inner = operand.child_by_field_name("function")
    base = inner.child_by_field_name("operand") if inner is not None else None
    local = env.lookup(text(base)) if base is not None else None
    if local is None:
        raise Untranslatable(operand, "Done() on an unknown context")
    return local.rust
