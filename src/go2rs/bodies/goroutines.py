"""Goroutines and select (C01, C03): `go` -> `tokio::spawn`, `select` -> `tokio::select!`."""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.channels import check_side
from go2rs.bodies.env import BOOL, SHARED_RX, Env, Local, Untranslatable, identifiers, is_copy
from go2rs.bodies.exprs import expr, rust_type
from go2rs.bodies.stmts import Lines, braced, statements
from go2rs.gomodel import TChan, TFunc, TName
from go2rs.idioms import naming
from go2rs.idioms.receivers import is_wait_group
from go2rs.parse.lower import text
from go2rs.parse.parser import NodeIndex, function_of, root_of, walk


def _wait_group(env: Env) -> str | None:
    """The local WaitGroup (now a JoinSet) goroutines of this body join, if any."""
    for scope in reversed(env.scopes):
        for local in scope.values():
            if local.go == TName("WaitGroup", "sync"):
                return local.rust
    return None


def _captured_handles(node: Node, env: Env) -> list[str]:
    """Senders and cancellation tokens a task captures: each task gets its own clone. A task
    that only receives from a channel gets no Sender: a clone it never uses would keep the
    channel open after the spawner's close (drop), and a range over it would never end."""
    names: list[str] = []
    for name in identifiers(node):
        local = env.lookup(name)
        if local is not None and local.chan_pair:
            if local.shared_rx and _receives(node, name):  # its own handle on the Receiver
                names.append(f"{local.rust}_rx")
            if _only_receives(node, name, env):
                continue
            names.append(f"{local.rust}_tx")
        elif local is not None and (
            local.rust_type == "CancellationToken"
            or (local.rust_type or "").startswith("Arc<")
            or _closure_handles(node, name, env)
        ):
            names.append(local.rust)  # an Arc is shared by cloning the handle
    return names


def _closes_on_exit(node: Node, func: Node | None, env: Env) -> dict[Node, str]:
    """`defer close(ch)` statements of a `go func() {..}()` body whose channel can close when
    the task ends: the task is spawned once and takes the channel's only Sender, because
    after the `go` statement its spawner only receives from `ch` (or returns it). Maps each
    such defer to the channel's Rust name."""
    if func is None or func.type != "func_literal" or _in_loop(node):
        return {}
    found: dict[Node, str] = {}
    for statement in statements(func.child_by_field_name("body")):
        call = statement.named_children[0] if statement.type == "defer_statement" else None
        if call is None or call.type != "call_expression":
            continue
        function = call.child_by_field_name("function")
        args = call.child_by_field_name("arguments")
        arg = args.named_children[0] if args is not None and args.named_children else None
        if function is None or text(function) != "close" or arg is None:
            continue
        local = env.lookup(text(arg)) if arg.type == "identifier" else None
        if local is None or not local.chan_pair or not _receives_only_after(node, text(arg)):
            continue
        found[statement] = local.rust
    return found


def _senders_taken(node: Node, call: Node, env: Env) -> dict[str, str]:
    """`go produce(lines, ch)` whose spawner only receives from `ch` afterwards: the task
    takes the spawner's Sender itself (no clone), so that the callee's `close(out)` (a
    drop) closes the channel and the spawner's `range ch` ends, as in Go. Go name -> the
    Sender's Rust name."""
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if function is None or function.type == "func_literal" or arguments is None or _in_loop(node):
        return {}
    names = [text(a) for a in arguments.named_children if a.type == "identifier"]
    taken = {}
    for name in names:
        local = env.lookup(name)
        if local is None or not local.chan_pair or names.count(name) != 1:
            continue
        if name not in identifiers(function) and _receives_only_after(node, name):
            taken[name] = f"{local.rust}_tx"
    return taken


def _receives_only_after(node: Node, name: str) -> bool:
    """Whether every use of `name` after `node` (in its function) receives from it, ranges
    over it, returns it or takes its len/cap: nothing else would hold a Sender."""
    stack = [function_of(node)]
    while stack:
        current = stack.pop()
        stack.extend(current.named_children)
        if current.type != "identifier" or text(current) != name:
            continue
        if current.start_byte < node.end_byte:
            continue
        parent = current.parent
        if parent is None:
            return False
        receive = parent.type == "unary_expression" and text(parent).startswith("<-")
        ranged = parent.type == "range_clause" and parent.child_by_field_name("right") == current
        returned = parent.type == "expression_list" and (
            parent.parent is not None and parent.parent.type == "return_statement"
        )
        measured = parent.type == "argument_list" and text(
            parent.parent.child_by_field_name("function") if parent.parent else None
        ) in ("len", "cap")
        if not (receive or ranged or returned or measured):
            return False
    return True


def _only_receives(node: Node, name: str, env: Env) -> bool:
    """Whether every use of `name` under `node` receives from it, ranges over it or hands
    it to a receive-only parameter."""
    from go2rs.bodies.channels import receive_param

    stack = [node]
    while stack:
        current = stack.pop()
        stack.extend(current.named_children)
        if current.type != "identifier" or text(current) != name:
            continue
        parent = current.parent
        receive = (
            parent is not None
            and parent.type == "unary_expression"
            and text(parent.child_by_field_name("operator")) == "<-"
        )
        ranged = (
            parent is not None
            and parent.type == "range_clause"
            and parent.child_by_field_name("right") == current
        )
        handed = (
            parent is not None
            and parent.type == "argument_list"
            and receive_param(parent, current, env.ctx) is not None
        )
        if not (receive or ranged or handed):
            return False
    return True


def _receives(node: Node, name: str) -> bool:
    """Whether `name` is received from, ranged over or handed to a call under `node`."""
    for current in walk(node):
        parent = current.parent
        if current.type != "identifier" or text(current) != name or parent is None:
            continue
        if parent.type == "argument_list" or (
            parent.type == "range_clause" and parent.child_by_field_name("right") == current
        ):
            return True
        if (
            parent.type == "unary_expression"
            and text(parent.child_by_field_name("operator")) == "<-"
        ):
            return True
    return False


def _in_loop(node: Node) -> bool:
    parent = node.parent
    while parent is not None and parent.type not in ("func_literal", "function_declaration"):
        if parent.type == "for_statement":
            return True
        parent = parent.parent
    return False


def _borrowed_captures(call: Node, env: Env) -> list[str]:
    """Names a spawned task would capture by reference: tasks must own what they use."""
    found = []
    for name in _task_names(call):
        local = env.lookup(name)
        rust = (local.rust_type if local is not None else "") or ""
        static = rust.startswith("impl ") and rust.endswith("'static")  # it moves into the task
        if name == env.receiver or (rust.startswith(("&", "impl ")) and not static):
            found.append(name)
    return found


def _shared_state(node: Node, call: Node, env: Env) -> list[str]:
    """Locals a task would share with its spawner (Go shares memory; a task must own its
    data): anything the task assigns, and non-Copy values the spawner still uses afterwards
    (or spawns again, in a loop). Values used only by the task simply move into it."""
    from go2rs.bodies.exprs import copyable
    from go2rs.parse.facts import collect_facts

    assigned = {p[0] for p in collect_facts([call]).assigned} | _addressed(call)
    in_loop = _in_loop(node)
    shared = []
    for name in _task_names(call):
        local = env.lookup(name)
        if (
            local is None
            or local.chan_pair
            or local.rust_type == "CancellationToken"
            or (local.rust_type or "").startswith("Arc<")
            or local.go == TName("WaitGroup", "sync")
            or local.lock == "mutex"  # its sections lock the shared state itself
        ):
            continue
        copy = local.go is not None and copyable(local.go, env)
        if _closure_handles(node, name, env) is not None:
            continue  # a closure of handles and Copy values: each task gets its own
        if name in assigned or (not copy and (in_loop or _used_later(node, name))):
            shared.append(name)
    return sorted(set(shared))


def _task_names(call: Node) -> list[str]:
    """Names the task itself uses. The arguments of `go func(s string) {..}(in)` are
    evaluated by the spawner, which hands the task its own copies (`_bind_arguments`), so
    they are not shared, unless one lends a pointer (`&x`)."""
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if function is None or function.type != "func_literal":
        return identifiers(call)
    lent = _addressed(arguments) if arguments is not None else set()
    return [*identifiers(function), *sorted(lent)]


def _closure_handles(node: Node, name: str, env: Env) -> bool | None:
    """For a closure local (`inc := func(..) {..}`) that captures only Copy values, Arcs
    and tokens (a WaitGroup only to call Done, which the JoinSet does): whether it holds a
    handle (so a task clones it; else it is Copy). None for anything else."""
    local = env.lookup(name)
    if local is None or not isinstance(local.go, TFunc) or local.rust_type is not None:
        return None
    index = env.index
    assert index is not None  # only go statements ask, and a body with one is indexed
    literals = []
    for declaration in index.nodes(("short_var_declaration",), within=function_of(node)):
        left = declaration.child_by_field_name("left")
        right = declaration.child_by_field_name("right")
        if left is None or right is None:
            continue
        if [text(n) for n in left.named_children] == [name]:
            literals += right.named_children
    if len(literals) != 1 or literals[0].type != "func_literal":
        return None
    literal = literals[0]
    params = set(identifiers(literal.child_by_field_name("parameters")))
    handles = False
    for captured in identifiers(literal.child_by_field_name("body")):
        held = env.lookup(captured) if captured not in params else None
        if held is None or (held.go is not None and is_copy(held.go)):
            continue
        if held.rust_type == "CancellationToken" or (
            (held.rust_type or "").startswith("Arc<") and not held.lock
        ):
            handles = True
        elif held.go != TName("WaitGroup", "sync") or not _only_done(literal, captured, index):
            return None
    return handles


def _only_done(node: Node, name: str, index: NodeIndex) -> bool:
    """Whether every use of `name` under `node` is a `name.Done()` call."""
    for current in index.identifiers(name, within=node):
        selector = current.parent
        if selector is None or selector.type != "selector_expression":
            return False
        if text(selector.child_by_field_name("field")) != "Done":
            return False
    return True


def _addressed(node: Node) -> set[str]:
    """Names whose address `&x` is taken under `node` (atomic.AddInt32(&n, 1) changes n):
    a task given a copy of them would change its copy, not the spawner's."""
    found = set()
    stack = [node]
    while stack:
        current = stack.pop()
        stack.extend(current.named_children)
        if current.type == "unary_expression" and text(current).startswith("&"):
            operand = current.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier":
                found.add(text(operand))
    return found


def _used_later(node: Node, name: str) -> bool:
    """Whether `name` appears in a statement after `node` in any enclosing block."""
    current = node
    while current.parent is not None and current.type not in (
        "func_literal",
        "function_declaration",
    ):
        parent = current.parent
        if parent.type == "statement_list":
            later = False
            for sibling in parent.named_children:
                if later and name in identifiers(sibling):
                    return True
                later = later or sibling == current
        current = parent
    return False


def _receivers_taken(call: Node, env: Env) -> set[str]:
    """Channel receivers the task receives from: they move into it."""
    from go2rs.parse.facts import collect_facts

    facts = collect_facts([call])
    taken = set()
    for name in identifiers(call):
        local = env.lookup(name)
        if (
            local is not None
            and local.chan_pair
            and not local.shared_rx  # each task clones the shared handle
            and ((name,) in facts.received_from or (name,) in facts.ranged)
        ):
            taken.add(local.rust)
    return taken


def go_statement(node: Node, env: Env) -> Lines:
    call = node.named_children[0] if node.named_children else None
    if call is None or call.type != "call_expression":
        raise Untranslatable(node, "go of something that is not a call")
    func = call.child_by_field_name("function")
    borrowed = _borrowed_captures(call, env)
    receiver_task = _receiver_task(func, env)
    if receiver_task is not None:  # it takes a handle on the receiver's lock instead
        borrowed = [name for name in borrowed if name != env.receiver]
    shared = _shared_state(node, call, env)
    if shared:
        raise Untranslatable(
            node,
            f"a goroutine sharing {', '.join(shared)} with its spawner "
            "(wrap shared state in Arc<Mutex<..>>)",
        )
    copies = _owned_copies(borrowed, env)
    if copies is None:
        raise Untranslatable(
            node,
            f"a goroutine using borrowed {', '.join(sorted(set(borrowed)))} "
            "(a task must own its data: clone it or use Arc)",
        )
    env.ctx.sink.crates.add("tokio")
    closes = _closes_on_exit(node, func, env)
    taken = _senders_taken(node, call, env)
    saved_loop, env.spawning_in_loop = env.spawning_in_loop, _in_loop(node)
    saved_taken, env.taken_senders = env.taken_senders, frozenset(taken)
    saved_lock = env.guard_sections, env.lock_base
    if receiver_task is not None and receiver_task[0]:
        env.guard_sections, env.lock_base = True, ""  # sections lock the task's own handle
    env.push()  # inside the task, the borrowed names are the task's own copies
    try:
        for name, local in copies.items():
            env.bind(name, local)
        prelude, task = _task(call, func, node, env, closes)
    finally:
        env.pop()
        env.spawning_in_loop = saved_loop
        env.taken_senders = saved_taken
        env.guard_sections, env.lock_base = saved_lock
    group = _wait_group(env)
    if receiver_task is not None and receiver_task[1]:
        group = f"self.{naming.snake(receiver_task[1])}"
    if receiver_task is not None and receiver_task[0]:
        prelude = [f"let {receiver_task[0]} = self.{receiver_task[0]}.clone();", *prelude]
    spawn = f"{group}.spawn({task});" if group else f"tokio::spawn({task});"
    env.note("C01", "goroutine → tokio task")
    env.moved_receivers |= _receivers_taken(call, env)
    moved = {f"{closes[d]}_tx" for d in closes} | set(taken.values())  # the only Sender: no clone
    handles = [h for h in _captured_handles(call, env) if h not in moved]
    owned = [f"let {c.rust} = {_owning(c)};" for c in copies.values()]
    setup = owned + [f"let {s} = {s}.clone();" for s in handles] + prelude
    return ["{", *setup, spawn, "}"] if setup else [spawn]


def _receiver_task(func: Node | None, env: Env) -> tuple[str, str | None] | None:
    """`go func() { defer g.wg.Done(); .. g.mu.Lock(); g.errs = ..; g.mu.Unlock() }()` in a
    method: a task that uses its receiver only to leave its WaitGroup field and to lock the
    mutex (shared through an Arc, Y02) around the guarded fields. Returns (the Rust lock
    field the task clones, or "" when it locks nothing; the WaitGroup field it leaves), or
    None for any other task."""
    from go2rs.idioms.structs import lock_field_name

    if func is None or func.type != "func_literal" or env.receiver is None:
        return None
    plan = env.ctx.decisions.mutexes.get(env.receiver_type or "")
    locks = {plan.mutex_field} if plan is not None and plan.arc else set()
    guarded = set(plan.guarded) if plan is not None and plan.arc else set()
    left: str | None = None
    locking = False
    assert env.index is not None  # the body has a go statement: it is indexed
    for node in env.index.identifiers(env.receiver, within=func):
        selector = node.parent
        field = text(selector.child_by_field_name("field")) if selector is not None else ""
        if selector is None or selector.type != "selector_expression" or field == "":
            return None
        method = selector.parent.child_by_field_name("field") if selector.parent else None
        if text(method) == "Done" and is_wait_group(env.receiver_type or "", field, env.ctx):
            left = field
        elif field in locks or field in guarded:
            locking = True
        else:
            return None
    if left is None and not locking:
        return None
    if left is not None and f"{env.receiver}.{left}.Add(" not in text(root_of(func)):
        return None  # without Add the method need not be &mut self: no self.wg.spawn
    return (lock_field_name(plan) if locking and plan is not None else "", left)


def _owned_copies(borrowed: list[str], env: Env) -> dict[str, Local] | None:
    """The task's own copies of borrowed text, slices and Clone values it only reads (Go
    shares them; a Rust task must own them), or None when one cannot be copied."""
    from go2rs.bodies.exprs import cloneable

    copies: dict[str, Local] = {}
    for name in dict.fromkeys(borrowed):
        local = env.lookup(name)
        rust = (local.rust_type or "") if local is not None else ""
        if local is None or name == env.receiver or rust.startswith(("&mut", "&dyn", "impl ")):
            return None
        if rust == "&str":
            owned = "String"
        elif rust.startswith("&[") and rust.endswith("]"):
            owned = f"Vec<{rust[2:-1]}>"
        elif rust.startswith("&") and local.go is not None and cloneable(local.go, env):
            owned = rust[1:]
        else:
            return None
        copies[name] = Local(local.rust, local.go, owned)
    return copies


def _owning(copy: Local) -> str:
    """The expression that makes a task's own copy of a borrowed value."""
    if copy.rust_type == "String":
        return f"{copy.rust}.to_string()"
    if (copy.rust_type or "").startswith("Vec<"):
        return f"{copy.rust}.to_vec()"
    return f"{copy.rust}.clone()"


def _task(
    call: Node, func: Node | None, node: Node, env: Env, closes: dict[Node, str]
) -> tuple[list[str], str]:
    """(lines that prepare the task's inputs, the future to spawn)."""
    if func is not None and func.type == "func_literal":
        env.push()
        saved = env.is_async
        try:
            prelude = _bind_arguments(call, func, env)
            env.is_async = True
            nodes = [n for n in statements(func.child_by_field_name("body")) if n not in closes]
            body = braced(nodes, env, False)
        finally:
            env.is_async = saved
            env.pop()
        notes = [
            f"// go2rs: `{text(d)}`: the task owns {closes[d]}'s only Sender; it drops, "
            "closing the channel, when the task ends"
            for d in closes
        ]
        if notes:
            body = "{\n" + "\n".join(notes) + ("\n" + body[1:] if body != "{}" else "\n}")
        return prelude, f"async move {body}"
    spawned = expr(call, env)
    if spawned.text.endswith(".await"):
        return [], spawned.text[: -len(".await")]
    return [], f"async move {{ {spawned.text}; }}"


def _bind_arguments(call: Node, func: Node, env: Env) -> list[str]:
    """`go func(msg string) {..}("hi")`: the task owns its arguments: `let msg = ..;`."""
    from go2rs.bodies.calls import args_of
    from go2rs.bodies.exprs import owned
    from go2rs.parse.lower import _Lowerer

    params = _Lowerer(env.ctx.options.filename).params(func.child_by_field_name("parameters"))
    args = args_of(call)
    if len(params) != len(args) or any(p.variadic for p in params):
        raise Untranslatable(call, "goroutine arguments")
    lines = []
    for param, arg in zip(params, args, strict=True):
        value = expr(arg, env)
        name = naming.snake(param.name or "_")
        bound = owned(value, env)
        if bound != name:  # `go func(i int){..}(i)`: the task already captures its own copy
            lines.append(f"let {name} = {bound};")
        env.bind(
            param.name or "_",
            Local(
                name,
                param.type,
                (value.rust or "").lstrip("&") if value.rust != "&str" else "String",
            ),
        )
    return lines


def wait(group: str, env: Env) -> str:
    if not env.is_async:
        raise Untranslatable(None, "waiting on a WaitGroup in a function that is not async")
    return f"while {group}.join_next().await.is_some() {{}}"


def select(node: Node, env: Env, tail: bool = False) -> Lines:
    """`select` -> `tokio::select!`; as a body's last statement (`tail`), Go makes every
    case end the function, so each arm's last statement is the select's value."""
    if any(case.type == "default_case" for case in node.named_children):
        return _select_default(node, env)
    arms: list[str] = []
    for case in node.named_children:
        if case.type != "communication_case":
            continue
        communication = case.child_by_field_name("communication")
        body_nodes = [c for c in case.named_children if c.type == "statement_list"]
        env.push()
        pattern, future, prelude = _arm_head(communication, env)
        body = braced(statements(body_nodes[0]) if body_nodes else [], env, tail)
        if prelude:
            body = "\n".join(["{", *prelude, body.removeprefix("{").lstrip("\n")])
        env.pop()
        arms.append(f"{pattern} = {future} => {body}")
    env.ctx.sink.crates.add("tokio")
    env.note("C03", "select → tokio::select!")
    return indented(["tokio::select! {", *arms, "}"])


def indented(lines: list[str]) -> list[str]:
    """Lines re-indented by their brace depth: rustfmt keeps a macro's body as written
    (shifting it as a whole), so `tokio::select!` arms are indented here."""
    out: list[str] = []
    depth = 0
    for line in "\n".join(lines).split("\n"):
        code = line.strip()
        opens, closes = _braces(code)
        level = depth - 1 if code.startswith(("}", ")", "]")) else depth
        out.append("    " * max(level, 0) + code if code else "")
        depth = max(depth + opens - closes, 0)
    return out


def _braces(code: str) -> tuple[int, int]:
    """Opening and closing brackets of one line of Rust, outside strings, chars and comments."""
    opens = closes = 0
    i, quoted = 0, False
    while i < len(code):
        ch = code[i]
        if quoted:
            if ch == "\\":
                i += 1
            elif ch == '"':
                quoted = False
        elif ch == '"':
            quoted = True
        elif code.startswith("//", i):
            break
        elif ch == "'" and i + 2 < len(code) and code[i + 2] == "'":
            i += 2  # a char literal such as '{'
        elif ch in "{([":
            opens += 1
        elif ch in "})]":
            closes += 1
        i += 1
    return opens, closes


def _select_default(node: Node, env: Env) -> Lines:
    """`select { case v := <-ch: ..; default: .. }` -> a `try_recv` match: an empty channel
    takes the default; a value (or, once closed, Go's zero value) takes the case."""
    cases = [c for c in node.named_children if c.type == "communication_case"]
    default = next(c for c in node.named_children if c.type == "default_case")
    if len(cases) != 1:
        raise Untranslatable(node, "select with default and several cases")
    communication = cases[0].child_by_field_name("communication")
    names: list[str] = []
    receive = communication
    if communication is not None and communication.type == "receive_statement":
        left = communication.child_by_field_name("left")
        names = [text(n) for n in (left.named_children if left else [])]
        receive = communication.child_by_field_name("right")
    elif communication is not None and communication.type == "expression_statement":
        receive = communication.named_children[0] if communication.named_children else None
    operand = (
        receive.child_by_field_name("operand")
        if receive is not None and receive.type == "unary_expression"
        else None
    )
    if operand is None or len(names) > 1 or text(operand).startswith("time.After("):
        raise Untranslatable(node, "select with default on a case other than a receive")
    local = env.lookup(text(operand))
    if local is not None and local.shared_rx:
        raise Untranslatable(node, "select on a Receiver several tasks share")
    if local is not None and local.chan_pair:
        channel, chan_type = f"{local.rust}_rx", local.go
    else:
        value = expr(operand, env)
        check_side(value, "rx", operand)
        if (value.rust or "").startswith(SHARED_RX):
            raise Untranslatable(node, "select on a Receiver several tasks share")
        channel, chan_type = value.text, value.go
    elem = chan_type.elem if isinstance(chan_type, TChan) else None
    env.push()
    try:
        bind: list[str] = []
        if names and names[0] != "_":
            from go2rs.bodies.exprs import value_caps

            if elem is None or "default" not in value_caps(elem, env):
                raise Untranslatable(node, "a non-blocking receive of values without Default")
            name = naming.snake(names[0])
            env.bind(names[0], Local(name, elem, rust_type(elem, env)))
            bind = [f"let {name} = received.unwrap_or_default();"]
        case_body = braced(_case_statements(cases[0]), env, False)
    finally:
        env.pop()
    default_body = braced(_case_statements(default), env, False)
    env.ctx.sink.crates.add("tokio")
    env.ctx.sink.uses.add("tokio::sync::mpsc")
    env.note("C03", "select with default → try_recv (Empty takes the default)")
    case_arm = (
        ["received => {", *bind, case_body.strip()[1:-1].strip(), "}"]
        if bind
        else [f"_ => {case_body}"]
    )
    return [
        f"match {channel}.try_recv() {{",
        f"Err(mpsc::error::TryRecvError::Empty) => {default_body}",
        *case_arm,
        "}",
    ]


def _case_statements(case: Node) -> list[Node]:
    body = [c for c in case.named_children if c.type == "statement_list"]
    return statements(body[0]) if body else []


def _arm_head(node: Node | None, env: Env) -> tuple[str, str, list[str]]:
    """A select case's (pattern, future, lines that open its arm)."""
    if node is None:
        raise Untranslatable(None, "select case")
    if node.type == "send_statement":
        from go2rs.bodies.channels import send

        return "_", send(node, env).removesuffix('.await.expect("receiver dropped");'), []
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
        return "_", f"{_token(operand, env)}.cancelled()", []
    arguments = operand.child_by_field_name("arguments")
    if source.startswith("time.After(") and arguments is not None and arguments.named_children:
        duration = expr(arguments.named_children[0], env)
        return "_", f"tokio::time::sleep({duration.text})", []
    holder = (
        operand.child_by_field_name("operand") if operand.type == "selector_expression" else None
    )
    ticker = env.lookup(text(holder)) if holder is not None else None
    if ticker is not None and ticker.go == TICKER and source.endswith(".C"):
        if len(names) > 1:
            raise Untranslatable(node, "a receive with ok from a ticker")
        if names and names[0] != "_":  # Go sends the wall-clock time of the tick
            now = naming.snake(names[0])
            env.bind(names[0], Local(now, TName("Time", "time"), "SystemTime"))
            env.uses.add("std::time::SystemTime")
            env.note("C06", "the time a ticker sent → SystemTime::now() less the tick's age")
            opening = [f"let {now} = SystemTime::now() - tick.elapsed(); // the tick's clock time"]
            return "tick", f"{ticker.rust}.tick()", opening
        return "_", f"{ticker.rust}.tick()", []
    local = env.lookup(source)
    if local is not None and local.shared_rx:
        raise Untranslatable(node, "select on a Receiver several tasks share")
    if local is not None and local.chan_pair:
        channel = f"{local.rust}_rx"
        elem = local.go.elem if isinstance(local.go, TChan) else None
    else:
        value = expr(operand, env)
        check_side(value, "rx", operand)
        if (value.rust or "").startswith(SHARED_RX):
            raise Untranslatable(node, "select on a Receiver several tasks share")
        channel = value.text
        elem = value.go.elem if isinstance(value.go, TChan) else None
    rust = rust_type(elem, env) if elem is not None else None
    if len(names) == 2:  # the arm must run when the channel closes, as Go's does
        from go2rs.bodies.exprs import value_caps

        if elem is None or "default" not in value_caps(elem, env):
            raise Untranslatable(node, "a receive with ok of values without Default")
        bound = [naming.snake(n) if n != "_" else "_" for n in names]
        env.bind(names[0], Local(bound[0], elem, rust))
        env.bind(names[1], Local(bound[1], BOOL, "bool"))
        opening = [
            f"let ({bound[0]}, {bound[1]}) = match received {{",
            "Some(v) => (v, true),",
            "None => (Default::default(), false), // closed: Go's zero value and false",
            "};",
        ]
        return "received", f"{channel}.recv()", opening
    if names and names[0] != "_":
        env.bind(names[0], Local(naming.snake(names[0]), elem, rust))
        return f"Some({naming.snake(names[0])})", f"{channel}.recv()", []
    return "_", f"{channel}.recv()", []


def _token(operand: Node, env: Env) -> str:
    inner = operand.child_by_field_name("function")
    base = inner.child_by_field_name("operand") if inner is not None else None
    local = env.lookup(text(base)) if base is not None else None
    if local is None:
        raise Untranslatable(operand, "Done() on an unknown context")
    return local.rust


# ------------------------------------------------------------------ tickers and contexts

TICKER = TName("Ticker", "time")
CONTEXT = TName("Context", "context")
CANCEL_FUNC = TName("CancelFunc", "context")


def new_ticker(name: str, call: Node, env: Env) -> Lines:
    """`t := time.NewTicker(d)` -> a tokio Interval whose first tick comes one period in, as
    Go's does (`tokio::time::interval` would tick at once)."""
    args = call.child_by_field_name("arguments")
    if not env.is_async or args is None or len(args.named_children) != 1:
        raise Untranslatable(call, "a ticker outside an async function")
    period = expr(args.named_children[0], env)
    rust = naming.snake(name)
    env.bind(name, Local(rust, TICKER, "tokio::time::Interval"))
    env.note("C06", "time.NewTicker → tokio::time::interval_at: first tick after one period")
    return [
        f"let period = {period.text};",
        f"let mut {rust} = tokio::time::interval_at(tokio::time::Instant::now() + period, period);",
    ]


def child_context(names: list[str], call: Node, kind: str, env: Env) -> Lines:
    """`ctx, cancel := context.WithCancel(parent)` -> a child token and a handle that
    cancels it; WithTimeout also starts a task that cancels it when the time is up."""
    args = call.child_by_field_name("arguments")
    parent_node = args.named_children[0] if args is not None and args.named_children else None
    parent = env.lookup(text(parent_node)) if parent_node is not None else None
    expected = 2 if kind == "WithTimeout" else 1
    if (
        parent is None
        or parent.rust_type != "CancellationToken"
        or args is None
        or len(args.named_children) != expected
        or len(names) != 2
        or (kind == "WithTimeout" and not env.is_async)
    ):
        raise Untranslatable(call, f"context.{kind} of something other than a token in scope")
    ctx, cancel = naming.snake(names[0]), naming.snake(names[1])
    lines = [f"let {ctx} = {parent.rust}.child_token();"]
    if names[1] != "_":
        lines.append(f"let {cancel} = {ctx}.clone(); // cancel() cancels the child token")
    if kind == "WithTimeout":
        duration = expr(args.named_children[1], env)
        lines += [
            "{",
            f"let {ctx} = {ctx}.clone();",
            f"let after = {duration.text};",
            "tokio::spawn(async move {",
            "tokio::time::sleep(after).await;",
            f"{ctx}.cancel();",
            "});",
            "}",
        ]
    env.bind(names[0], Local(ctx, CONTEXT, "CancellationToken"))
    if names[1] != "_":
        env.bind(names[1], Local(cancel, CANCEL_FUNC, "CancellationToken"))
    env.note("C02", f"context.{kind} → child_token(); the cancel func cancels it")
    return lines


def signal_context(names: list[str], call: Node, env: Env) -> Lines:
    """`ctx, stop := signal.NotifyContext(parent, os.Interrupt)` -> a token that a task
    cancels on Ctrl-C; `stop()` cancels it too, as Go's stop does."""
    args = call.child_by_field_name("arguments")
    values = args.named_children if args is not None else []
    if len(names) != 2 or len(values) != 2 or text(values[1]) != "os.Interrupt" or not env.is_async:
        raise Untranslatable(call, "signal.NotifyContext other than for os.Interrupt in async code")
    parent_text = text(values[0])
    parent = env.lookup(parent_text)
    if parent_text == "context.Background()":
        token = "CancellationToken::new()"
        env.uses.add("tokio_util::sync::CancellationToken")
    elif parent is not None and parent.rust_type == "CancellationToken":
        token = f"{parent.rust}.child_token()"
    else:
        raise Untranslatable(call, "signal.NotifyContext of an unknown parent context")
    ctx, stop = naming.snake(names[0]), naming.snake(names[1])
    lines = [f"let {ctx} = {token};"]
    if names[1] != "_":
        lines.append(f"let {stop} = {ctx}.clone(); // stop() cancels the token")
        env.bind(names[1], Local(stop, CANCEL_FUNC, "CancellationToken"))
    lines += [
        "{",
        f"let {ctx} = {ctx}.clone();",
        "tokio::spawn(async move {",
        "let _ = tokio::signal::ctrl_c().await; // os.Interrupt",
        f"{ctx}.cancel();",
        "});",
        "}",
    ]
    env.bind(names[0], Local(ctx, CONTEXT, "CancellationToken"))
    env.ctx.sink.crates.update({"tokio", "tokio-util"})
    env.note("C02", "signal.NotifyContext → a token cancelled by tokio::signal::ctrl_c()")
    return lines
