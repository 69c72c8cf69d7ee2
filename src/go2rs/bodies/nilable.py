"""Nil-able pointers in draft bodies: where Go follows, builds or checks pointers that may be
nil, and Rust holds `Option<Box<T>>` (fields) or `Option<&T>` (parameters).

- `for n := l.head; n != nil; n = n.Next { .. }`  ->  a cursor:
  `let mut cur = self.head.as_deref(); while let Some(n) = cur { ..; cur = n.next.as_deref(); }`
  (the loop variable is only ever reassigned last in its iteration, so Rust's `n` never has to
  see the new value Go's would);
- a fresh `T` where an `Option<Box<T>>` field is expected -> `Some(Box::new(..))`, and a field
  `Option<Box<T>>` passed where `Option<&T>` / `Option<&mut T>` is expected -> `as_deref(_mut)`.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import E, Env, Local, Untranslatable, identifiers
from go2rs.gomodel import FuncDecl, GoType, TName, TPointer
from go2rs.idioms import naming
from go2rs.parse.facts import collect_facts
from go2rs.parse.lower import text
from go2rs.parse.parser import root_of, walk

Lines = list[str]

# Where a statement can sit and still be the last thing its loop iteration runs: the last
# statement of each enclosing list, up through ifs and switch cases (not loops or closures).
_PASS_THROUGH = frozenset(
    {"block", "statement_list", "expression_case", "default_case", "expression_switch_statement"}
)


def option_inner(rust: str | None) -> str | None:
    """`T` of `Option<T>`, else None."""
    if rust is None or not rust.startswith("Option<") or not rust.endswith(">"):
        return None
    return rust[len("Option<") : -1]


def _boxed(rust: str | None) -> str | None:
    """`T` of `Option<Box<T>>` (a nil-able pointer field), else None."""
    inner = option_inner(rust)
    if inner is None or not inner.startswith("Box<") or inner.startswith("Box<dyn "):
        return None
    return inner[len("Box<") : -1]


# ---------------------------------------------------------------- pointer-chasing loops


def pointer_loop(clause: Node, body: Node | None, env: Env, prefix: str) -> Lines | None:
    """`for n := start; n != nil; [n = n.F] { .. }` over nil-able pointers -> a cursor loop,
    or None when the loop is not of that shape (the caller translates it otherwise)."""
    from go2rs.bodies.stmts import braced, statements

    init = clause.child_by_field_name("initializer")
    cond = clause.child_by_field_name("condition")
    update = clause.child_by_field_name("update")
    name = _declared(init)
    if name is None or body is None or cond is None or text(cond) != f"{name} != nil":
        return None
    assigns = _assignments(body, name)
    if update is not None:
        if update.type != "assignment_statement" or _assigned_name(update) != name:
            return None
        assigns.append(update)
    if not assigns or not _only_read(body, name, assigns):
        return None
    assert init is not None
    right = init.child_by_field_name("right")
    try:
        start = _start(expr_of(right.named_children[0] if right else None, env))
    except Untranslatable:
        return None  # the loop is translated (or not) as any other
    if start is None:
        return None
    first, node_type, go = start
    if node_type == "Self" and isinstance(go, TPointer) and isinstance(go.elem, TName):
        node_type = env.ctx.type_name(go.elem.name)  # the receiver: name the type its fields hold
    cursor = _cursor_name(name, body, env)
    node_local = Local(naming.snake(name), go, f"&{node_type}")
    env.push()
    saved = env.cursors.get(name)
    try:
        env.bind(name, node_local)
        env.cursors[name] = (node_local, cursor)
        inner = braced(statements(body), env, False)
        step = cursor_step(update, env) if update is not None else None
    finally:
        if saved is None:
            env.cursors.pop(name, None)
        else:
            env.cursors[name] = saved
        env.pop()
    if step is not None:
        inner = inner[:-1] + step + "\n}" if inner != "{}" else "{\n" + step + "\n}"
    env.note("N01", "nil-terminated pointer walk → while let Some(..) over a cursor")
    loop = f"{prefix}while let Some({node_local.rust}) = {cursor} {inner}"
    return ["{", f"let mut {cursor} = {first};", loop, "}"]


def expr_of(node: Node | None, env: Env) -> E | None:
    from go2rs.bodies.exprs import expr

    return expr(node, env) if node is not None else None


def _declared(init: Node | None) -> str | None:
    """NAME of `NAME := value` (one name, one value)."""
    if init is None or init.type != "short_var_declaration":
        return None
    left, right = init.child_by_field_name("left"), init.child_by_field_name("right")
    if left is None or right is None or len(left.named_children) != 1:
        return None
    if len(right.named_children) != 1 or left.named_children[0].type != "identifier":
        return None
    return text(left.named_children[0])


def _assigned_name(node: Node) -> str | None:
    """NAME of a plain `NAME = value`."""
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if text(node.child_by_field_name("operator")) != "=" or left is None or right is None:
        return None
    if len(left.named_children) != 1 or len(right.named_children) != 1:
        return None
    return text(left.named_children[0])


def _assignments(body: Node, name: str) -> list[Node]:
    """The `name = ..` statements under `body`."""
    found, stack = [], [body]
    while stack:
        current = stack.pop()
        if current.type == "assignment_statement" and name in _left_names(current):
            found.append(current)
        stack.extend(current.named_children)
    return found


def _left_names(node: Node) -> list[str]:
    left = node.child_by_field_name("left")
    return [text(n) for n in (left.named_children if left else [])]


def _only_read(body: Node, name: str, assigns: list[Node]) -> bool:
    """Whether the loop body only reads through `name` (Rust's `n` is a `&T`) and reassigns it
    only as the last thing an iteration does, with `name = <one value>`."""
    for node in assigns:
        if _assigned_name(node) != name:
            return False
        if node.parent is not None and node.parent.type == "for_clause":
            continue  # the post statement
        if not _last_in_iteration(node, body):
            return False
    facts = collect_facts([body])
    if any(p[0] == name and len(p) > 1 for p in facts.assigned):
        return False  # `n.X = ..`: a write through the pointer
    if any(path and path[0] == name for path, _ in facts.method_calls):
        return False  # a method on the node could want it mutable or owned
    stack = [body]
    while stack:
        current = stack.pop()
        if current.type == "short_var_declaration" and name in _left_names(current):
            return False  # shadowed: the cursor bookkeeping would follow the wrong variable
        if current.type == "unary_expression" and text(current).replace(" ", "") == f"&{name}":
            return False
        if current.type == "continue_statement":
            return False  # Go runs the post statement on `continue`; keep it simple
        stack.extend(current.named_children)
    return True


def _last_in_iteration(node: Node, body: Node) -> bool:
    current = node
    while current != body:
        parent = current.parent
        if parent is None or parent.type not in _PASS_THROUGH | {"if_statement"}:
            return False
        if parent.type == "if_statement" and current not in (
            parent.child_by_field_name("consequence"),
            parent.child_by_field_name("alternative"),
        ):
            return False  # the initializer: the condition still reads the variable
        if parent.type == "statement_list":
            kept = [
                c for c in parent.named_children if c.type not in ("comment", "empty_statement")
            ]
            if kept[-1] != current:
                return False
        current = parent
    return True


def _start(start: E | None) -> tuple[str, str, GoType] | None:
    """The cursor's first value, the Rust type of a node and its Go pointer type, for the value
    a walk starts from: a nil-able field, an `Option<&T>`, or a reference that is never nil."""
    if start is None:
        return None
    go = start.go
    elem = go.elem if isinstance(go, TPointer) else go
    if not isinstance(elem, TName) or elem.pkg is not None:
        return None
    boxed = _boxed(start.rust)
    if boxed is not None:
        return f"{start.at(0)}.as_deref()", boxed, TPointer(elem)
    inner = option_inner(start.rust)
    if inner is not None and inner.startswith("&") and not inner.startswith("&mut"):
        return start.text, inner[1:], TPointer(elem)
    if start.rust is not None and start.rust.startswith("&") and not start.rust.startswith("&mut"):
        node_type = start.rust[1:]
        return f"Some({start.text})", node_type, TPointer(elem)
    return None


def _cursor_name(name: str, body: Node, env: Env) -> str:
    """`cur`, unless the Go code or a Rust local already uses that name."""
    taken = {naming.snake(n) for n in identifiers(body)} | {
        local.rust for scope in env.scopes for local in scope.values()
    }
    for candidate in ("cur", f"{naming.snake(name)}_cur", f"{naming.snake(name)}_cursor"):
        if candidate not in taken:
            return candidate
    raise Untranslatable(body, "a pointer walk whose cursor name is taken")


def cursor_step(node: Node, env: Env) -> str | None:
    """`n = n.Next` inside a pointer walk -> `cur = n.next.as_deref();` (None: not a cursor)."""
    name = _assigned_name(node) if node.type == "assignment_statement" else None
    held = env.cursors.get(name) if name is not None else None
    if name is None or held is None or env.lookup(name) is not held[0]:
        return None
    local, cursor = held
    right = node.child_by_field_name("right")
    value_node = right.named_children[0] if right is not None else None
    if value_node is not None and value_node.type == "nil":
        return f"{cursor} = None;"
    value = expr_of(value_node, env)
    assert value is not None
    if _boxed(value.rust) == (local.rust_type or "")[1:]:
        return f"{cursor} = {value.at(0)}.as_deref();"
    if option_inner(value.rust) == local.rust_type:
        return f"{cursor} = {value.text};"
    if value.rust == local.rust_type:
        return f"{cursor} = Some({value.text});"
    raise Untranslatable(node, f"a pointer walk stepping to a {value.rust or 'value'}")


# ------------------------------------------------------------------ fitting Option values


def fit(e: E, target: str, env: Env) -> str | None:
    """`e` where a nil-able Rust type is expected, or the other way round, when the two only
    differ in how Rust spells the pointer; None when they differ otherwise."""
    boxed = _boxed(target)
    if boxed is not None and e.rust == boxed and not e.place:
        return f"Some(Box::new({e.at(0)}))"  # a fresh value (`&T{..}`, a call): a new pointer
    if boxed is not None and e.rust == boxed:
        raise Untranslatable(
            None,
            f"`{e.text}` stored in a Box, but another pointer may keep the node (a Box owns it "
            "alone; Rc<RefCell<..>> or an arena index can share)",
        )
    if target == f"&{e.rust}" and e.place:
        return f"&{e.at(1)}"  # a local borrowing a nil-able field now borrows another one
    held, wanted = _boxed(e.rust), option_inner(target)  # (Option<Box<dyn T>>: exprs.coerce)
    if e.place and wanted is not None and wanted in (f"&{e.rust}", f"&mut {e.rust}"):
        return f"Some({wanted[: -len(e.rust or '')]}{e.at(1)})"  # an owned value is never nil
    if held is not None and wanted in (f"&{held}", f"&mut {held}"):
        return f"{e.at(0)}.as_deref{'_mut' if wanted.startswith('&mut') else ''}()"
    return None


def assign(node: Node, env: Env) -> str | None:
    """A Go assignment with a nil-able pointer on the left: a pointer walk's step, or
    `X = &T{.., F: X}` (a push onto a list) -> `X = Some(Box::new(T { .., f: X.take() }))`;
    None for any other assignment."""
    step = cursor_step(node, env)
    if step is not None or _assigned_name(node) is None:
        return step
    from go2rs.bodies.exprs import coerce, expr
    from go2rs.bodies.stmts import without_address

    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    assert left is not None and right is not None
    target_node, value_node = left.named_children[0], without_address(right.named_children[0])
    if value_node.type == "identifier":
        return _moved_local(node, target_node, value_node, env)
    if value_node.type != "composite_literal" or target_node.type not in (
        "selector_expression",
        "identifier",
    ):
        return None
    place = text(target_node)
    reads = [n for n in walk(value_node) if text(n) == place and n.type == target_node.type]
    if len(reads) != 1 or not _only_use_of_root(value_node, reads[0], target_node):
        return None
    target = expr(target_node, env)
    if _boxed(target.rust) is None:
        return None
    env.push()
    try:  # the one read of X in the literal takes X's pointer: X is overwritten right after
        env.bind(place, Local(f"{target.at(0)}.take()", None, target.rust))
        value = expr(value_node, env)
    finally:
        env.pop()
    env.note("N01", "a new node that links the old pointer → Option::take, then Some(Box::new(..))")
    return f"{target.text} = {coerce(value, target.rust, env)};"


def _moved_local(node: Node, target_node: Node, value_node: Node, env: Env) -> str | None:
    """`X = n` with `n := &T{..}` a local Rust holds as an owned T and X a nil-able field:
    when this is n's last use, the node moves into the Box (Go's pointer, now X's alone)."""
    from go2rs.bodies.exprs import expr

    name = text(value_node)
    local = env.lookup(name)
    if local is None or local.rust_type is None or not _last_use(node, name):
        return None
    target = expr(target_node, env)
    if _boxed(target.rust) != local.rust_type:
        return None
    env.note("N01", "a local node stored at its last use → moved into Some(Box::new(..))")
    return f"{target.text} = Some(Box::new({local.rust}));"


def _last_use(node: Node, name: str) -> bool:
    """Whether `node` (a statement) is the last one to mention `name`, declared by an earlier
    statement of the same list (so no loop runs `node` twice for one `name`), with no closure
    that could still hold it."""
    parent = node.parent
    if parent is None or parent.type != "statement_list":
        return False
    siblings = list(parent.named_children)
    at = next(k for k, sibling in enumerate(siblings) if sibling == node)
    declared = any(
        s.type == "short_var_declaration" and name in _left_names(s) for s in siblings[:at]
    )
    if not declared:
        return False
    for sibling in siblings[:at]:
        for n in walk(sibling):
            if n.type == "func_literal" and name in identifiers(n):
                return False  # a closure may hold on to it
    right = node.child_by_field_name("right")
    used_in_target = sum(1 for n in walk(node) if n.type == "identifier" and text(n) == name)
    if right is None or used_in_target != 1:
        return False
    return all(name not in identifiers(later) for later in siblings[at + 1 :])


def _only_use_of_root(value: Node, read: Node, target: Node) -> bool:
    """Whether nothing else in the literal could see the taken pointer: no calls, and no other
    mention of the variable the assigned place hangs off."""
    root = target
    while root.type == "selector_expression":
        operand = root.child_by_field_name("operand")
        if operand is None:
            return False
        root = operand
    inside_read = {n.id for n in walk(read)}
    for n in walk(value):
        if n.id in inside_read:
            continue
        if n.type == "call_expression" or (n.type == "identifier" and text(n) == text(root)):
            return False
    return True


# ------------------------------------------------------------ take, read, then replace


def taken(nodes: list[Node], i: int, env: Env) -> tuple[Lines, int] | None:
    """`if X == nil { return .. }`, reads of `X.f`, then `X = ..` (a pop: X is a nil-able
    pointer field) -> `let Some(x) = X.take() else { return .. };`, `x.f`, `X = ..;`. Between
    the guard and the reassignment nothing else can look at X (no calls, returns or other uses
    of its owner), so X being None meanwhile is invisible. Returns (lines, statements used)."""
    from go2rs.bodies.stmts import _diverges, braced, statement, statements

    guard = nodes[i]
    place = _guarded_place(guard)
    if place is None:
        return _handed_over(nodes, i, env)
    handler = statements(guard.child_by_field_name("consequence"))
    if not handler or not _diverges(handler[-1]):
        return None
    end = next(
        (
            j
            for j in range(i + 1, len(nodes))
            if nodes[j].type == "assignment_statement" and _left_names(nodes[j]) == [text(place)]
        ),
        None,
    )
    if end is None or _assigned_name(nodes[end]) is None:
        return None
    if not all(_quiet(n, place) for n in nodes[i + 1 : end + 1]):
        return None
    path = tuple(text(place).replace(" ", "").split("."))
    written = collect_facts(nodes[i + 1 : end]).assigned
    if any(p[: len(path)] == path for p in written):
        return None  # X or X.f written before the reassignment: the binding is read-only
    try:
        target = expr_of(place, env)
    except Untranslatable:
        return None  # not this idiom: the guard is translated (or not) on its own
    assert target is not None
    boxed = _boxed(target.rust)
    field = place.child_by_field_name("field")
    if boxed is None or field is None:
        return None
    name = naming.snake(text(field))
    if any(local.rust == name for scope in env.scopes for local in scope.values()):
        return None  # the binding would shadow a local the body still uses
    saved = env.checkpoint()  # on fallback the statements are translated again, once
    try:
        lines = [f"let Some({name}) = {target.at(0)}.take() else {braced(handler, env, False)};"]
        scope = env.scopes[-1]  # statements between declare locals later ones use: no push
        before = scope.get(text(place))
        env.bind(text(place), Local(name, target.go, f"Box<{boxed}>"))
        for node in nodes[i + 1 : end]:
            lines += statement(node, env, False)
        lines.append(_replace(nodes[end], target, name, env))
        if before is None:
            del scope[text(place)]
        else:
            scope[text(place)] = before
    except Untranslatable:
        env.rollback(saved)
        return None
    env.note("N01", "nil check, read, then replace → let-else on Option::take")
    return lines, end - i + 1


def _handed_over(nodes: list[Node], i: int, env: Env) -> tuple[Lines, int] | None:
    """`n.Next = l.head` right before `l.head = n`: the pointer X moves on, so the first
    statement takes it (`n.next = self.head.take();`) instead of copying the whole chain.
    The second must not read X or call anything that could (it is nil in between)."""
    from go2rs.bodies.stmts import statement

    if i + 1 >= len(nodes):
        return None
    first, second = nodes[i], nodes[i + 1]
    if first.type != "assignment_statement" or second.type != "assignment_statement":
        return None
    if _assigned_name(first) is None or _assigned_name(second) is None:
        return None
    read = first.child_by_field_name("right")
    place = read.named_children[0] if read is not None else None
    if place is None or place.type != "selector_expression":
        return None
    if _left_names(second) != [text(place)] or text(place) in _left_names(first)[0]:
        return None
    written = first.child_by_field_name("left")
    if written is None or any(n.type == "call_expression" for n in walk(written)):
        return None  # a call on the left runs after the take and could read X
    root = place.child_by_field_name("operand")
    value = second.child_by_field_name("right")
    if root is None or value is None or not _quiet(second, place):
        return None
    if any(text(n) in (text(place), text(root)) for n in walk(value)):
        return None
    try:
        target, slot = expr_of(place, env), expr_of(written.named_children[0], env)
    except Untranslatable:
        return None  # not this idiom: the statements are translated (or not) one by one
    if target is None or slot is None or _boxed(target.rust) is None or slot.rust != target.rust:
        return None  # the pointer must move into a slot of its own type, not a borrow of it
    scope = env.scopes[-1]
    before = scope.get(text(place))
    saved = env.checkpoint()
    env.bind(text(place), Local(f"{target.at(0)}.take()", None, target.rust))
    try:
        lines = statement(first, env, False)
        if before is None:
            del scope[text(place)]
        else:
            scope[text(place)] = before
        lines += statement(second, env, False)
    except Untranslatable:  # e.g. `l.head = n` where n lives on: translate them one by one
        env.rollback(saved)
        return None
    env.note("N01", "a pointer handed on right before it is replaced → Option::take")
    return lines, 2


def _guarded_place(guard: Node) -> Node | None:
    """X of `if X == nil {..}` (no init, no else), X a field selector."""
    if guard.type != "if_statement" or guard.child_by_field_name("initializer") is not None:
        return None
    if guard.child_by_field_name("alternative") is not None:
        return None
    cond = guard.child_by_field_name("condition")
    if cond is None or cond.type != "binary_expression":
        return None
    left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
    if text(cond.child_by_field_name("operator")) != "==" or right is None or right.type != "nil":
        return None
    return left if left is not None and left.type == "selector_expression" else None


def _quiet(node: Node, place: Node) -> bool:
    """Whether `node` cannot observe the place while it is taken: no calls, no leaving the
    function, and its owner (`l` of `l.head`) only used to read fields (never passed or
    called)."""
    root = place.child_by_field_name("operand")
    if root is None or root.type != "identifier":
        return False
    for n in walk(node):
        if n.type in (
            "call_expression",
            "return_statement",
            "go_statement",
            "defer_statement",
            "func_literal",
            "goto_statement",
        ):
            return False
        if n.type == "identifier" and text(n) == text(root):
            parent = n.parent
            if parent is None or parent.type != "selector_expression":
                return False
    return True


def _replace(node: Node, target: E, name: str, env: Env) -> str:
    """The statement that puts a pointer back: moving out of the taken Box needs no clone."""
    from go2rs.bodies.exprs import coerce

    right = node.child_by_field_name("right")
    value = expr_of(right.named_children[0] if right is not None else None, env)
    assert value is not None
    if value.text == "None":
        return f"{target.text} = None;"
    if value.rust == target.rust and value.text.startswith(f"{name}."):
        return f"{target.text} = {value.text};"  # `head` is not used again: move out of it
    return f"{target.text} = {coerce(value, target.rust, env)};"


# ------------------------------------------------------------------------ nil receivers


def receiver_check(node: Node, env: Env) -> Lines | None:
    """`if t == nil { .. }` on the method's own receiver: Rust's `self` is never nil (a caller
    holding an Option checks it; see `nilable_method_call`), so the check never holds and
    `if t != nil { .. }` always does."""
    from go2rs.bodies.stmts import braced, statements

    cond = node.child_by_field_name("condition")
    if (
        env.receiver is None
        or cond is None
        or node.child_by_field_name("initializer") is not None
        or node.child_by_field_name("alternative") is not None
        or text(cond) not in (f"{env.receiver} == nil", f"{env.receiver} != nil")
    ):
        return None
    root = root_of(node)
    if any(
        n.type in ("assignment_statement", "short_var_declaration")
        and env.receiver in _left_names(n)
        for n in walk(root)
    ):
        return None  # `t = t.Left`: the name no longer is the receiver
    comment = f"// go2rs: `{text(cond)}` {{}}: a Rust `self` is never nil"
    if "==" in text(cond):
        env.note("N01", "nil-receiver check → dropped: callers with an Option check it")
        return [comment.format("never holds")]
    body = braced(statements(node.child_by_field_name("consequence")), env, False)
    return [comment.format("always holds"), body]


def nil_receiver_result(method: FuncDecl) -> Node | None:
    """V of a method that starts `if t == nil { return V }` with V a literal: what Go's call
    on a nil pointer returns."""
    from go2rs.parse.parser import parse_body

    if method.receiver is None or not method.receiver.name or method.body is None:
        return None
    if len(method.results) != 1:
        return None
    root = parse_body(method.body.text)
    func = root.named_children[-1] if root.named_children else None
    body = func.child_by_field_name("body") if func is not None else None
    from go2rs.bodies.stmts import statements

    first = statements(body)[:1]
    if not first or first[0].type != "if_statement":
        return None
    guard = first[0]
    cond = guard.child_by_field_name("condition")
    if cond is None or text(cond) != f"{method.receiver.name} == nil":
        return None
    if guard.child_by_field_name("initializer") or guard.child_by_field_name("alternative"):
        return None
    handler = statements(guard.child_by_field_name("consequence"))
    if len(handler) != 1 or handler[0].type != "return_statement":
        return None
    values = [c for c in handler[0].named_children if c.type != "comment"]
    value = values[0] if len(values) == 1 else None
    if value is not None and value.type == "expression_list" and len(value.named_children) == 1:
        value = value.named_children[0]
    if value is None or value.type not in _LITERALS:
        return None
    return value


_LITERALS = frozenset({"int_literal", "float_literal", "true", "false"})


def nilable_method_call(
    method: FuncDecl, rust_name: str, receiver: E, args: list[Node], node: Node, env: Env
) -> E:
    """`x.M(..)` with `x` nil-able: Go calls M with a nil receiver, which (when M starts
    `if t == nil { return V }`) gives V -> `x.as_ref().map_or(V, |x| x.m(..))`."""
    from go2rs.bodies.calls import _local_call

    value = nil_receiver_result(method)
    inner = option_inner(receiver.rust)
    if value is None or inner is None or method.key in env.ctx.decisions.mut_receivers:
        raise Untranslatable(
            node, f"a call of `{method.name}` through a nil-able pointer it does not check"
        )
    used = set(identifiers(node)) | {b.rust for s in env.scopes for b in s.values()}
    base = text(node).split("(", 1)[0].rsplit(".", 2)
    name = naming.snake(base[-2]) if len(base) >= 2 else "it"
    name = name if name.isidentifier() and name not in used and name != "self" else "it"
    if name in used:
        raise Untranslatable(node, "a call through a nil-able pointer: no free closure name")
    bound = E(name, receiver.go, "&" + (_boxed(receiver.rust) or inner.lstrip("&")))
    call = _local_call(method, rust_name, bound, args, node, env)
    if call.fallible or call.rust is None or call.rust.startswith("Option<"):
        raise Untranslatable(node, f"a call of `{method.name}` through a nil-able pointer")
    from go2rs.bodies.exprs import coerce, expr

    default = coerce(expr(value, env), call.rust, env)
    held = receiver.at(0) if inner.startswith("&") else f"{receiver.at(0)}.as_ref()"
    env.note("N01", "method on a nil-able pointer → map_or with what its nil receiver returns")
    return E(f"{held}.map_or({default}, |{name}| {call.text})", call.go, call.rust)


def narrowed_func(func: Node, env: Env) -> E | None:
    """`r.fn` where an `if r.fn != nil` narrowed the func field to its `Some(..)` binding."""
    from go2rs.gomodel import TFunc

    local = env.lookup(text(func))
    if local is None or not isinstance(local.go, TFunc):
        return None
    return E(local.rust, local.go, local.rust_type)
