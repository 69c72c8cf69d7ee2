"""Go `for` loops -> Rust loops: counted loops become ranges, `range` becomes iterators."""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.channels import receive_head
from go2rs.bodies.env import (
    INT,
    SHARED_RX,
    STRING,
    E,
    Env,
    Local,
    NeedsMut,
    Untranslatable,
    is_int,
    is_set,
    is_string,
)
from go2rs.bodies.exprs import expr, rust_type
from go2rs.bodies.locks import written_root
from go2rs.bodies.stmts import Lines, braced, statement, statements
from go2rs.gomodel import TArray, TChan, TMap, TName, TPointer, TSlice
from go2rs.idioms import naming
from go2rs.parse.facts import IN_PLACE, collect_facts
from go2rs.parse.lower import text
from go2rs.parse.parser import walk


def three_clause(clause: Node, body: Node | None, env: Env, prefix: str) -> Lines:
    init = clause.child_by_field_name("initializer")
    cond = clause.child_by_field_name("condition")
    update = clause.child_by_field_name("update")
    ranged = _counted(init, cond, update, body, env, prefix)
    if ranged is not None:
        return ranged
    from go2rs.bodies.nilable import pointer_loop

    walk = pointer_loop(clause, body, env, prefix)  # `for n := head; n != nil; n = n.Next`
    if walk is not None:
        return walk
    if body is not None and has_continue(body):
        raise Untranslatable(
            clause, "a three-clause loop with `continue` (the post statement would be skipped)"
        )
    env.push()
    try:
        head = statement(init, env, False) if init is not None else []
        condition = expr(cond, env).text if cond is not None else "true"
        post = statement(update, env, False) if update is not None else []
        inner = braced(statements(body), env, False)
    finally:
        env.pop()
    loop = f"{prefix}while {condition} {inner[:-1]}{chr(10).join(post)}\n}}"
    return ["{", *head, loop, "}"] if head else [loop]


def has_continue(node: Node) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "continue_statement":
            return True
        if current.type not in ("for_statement", "func_literal"):
            stack.extend(current.named_children)
    return False


def counter(
    init: Node | None, update: Node | None, body: Node | None
) -> tuple[str, Node, int] | None:
    """`n := start` .. `n += k` (k constant) with `n` left alone in the body: (n, start, k)."""
    if init is None or update is None or init.type != "short_var_declaration":
        return None
    left, right = init.child_by_field_name("left"), init.child_by_field_name("right")
    if left is None or right is None or len(left.named_children) != 1:
        return None
    if len(right.named_children) != 1:
        return None
    name = text(left.named_children[0])
    step = _step(update, name)
    if step is None or (body is not None and (name,) in collect_facts([body]).assigned):
        return None
    return name, right.named_children[0], step


def _counted(
    init: Node | None,
    cond: Node | None,
    update: Node | None,
    body: Node | None,
    env: Env,
    prefix: str,
) -> Lines | None:
    """`for i := a; i < b; i++` with `i` untouched in the body -> `for i in a..b`."""
    found = counter(init, update, body)
    if found is None or cond is None:
        return None
    name, first, step = found
    if cond.type != "binary_expression" or text(cond.child_by_field_name("left")) != name:
        return None
    op = text(cond.child_by_field_name("operator"))
    start = expr(first, env)
    if start.go is not None and not is_int(start.go):
        span = _variant_span(first, cond, op, step, env)
        if span is None:
            raise Untranslatable(
                init, "a counting loop over a named type (Rust enums have no ranges)"
            )
        env.push()
        env.bind(name, Local(naming.snake(name), start.go, start.rust))
        inner = braced(statements(body), env, False)
        env.pop()
        return [f"{prefix}for {naming.snake(name)} in [{', '.join(span)}] {inner}"]
    end = expr(cond.child_by_field_name("right"), env)
    rust = end.rust if end.rust in ("usize", "i64", "i32", "u64") else start.rust or "i64"
    if rust == "usize" and start.rust == "i64" and not start.text.isdigit():
        return None
    if step > 0 and op in ("<", "<="):
        bounds = f"{start.at(11)}..{'=' if op == '<=' else ''}{_cast(end, rust)}"
        iterator = f"({bounds}).step_by({step})" if step != 1 else bounds
    elif step < 0 and op in (">", ">="):
        low = f"{_cast(end, rust)}{'' if op == '>=' else ' + 1'}"
        bounds = f"({low}..={start.at(11)}).rev()"
        if op == ">=" and start.text.endswith(" - 1") and rust == "usize":
            # `len(x)-1` down to 0: `..=len - 1` would underflow on an empty x (Go: no turn)
            bounds = f"({low}..{start.text.removesuffix(' - 1')}).rev()"
        iterator = f"{bounds}.step_by({-step})" if step != -1 else bounds
    else:
        return None
    env.push()
    env.bind(name, Local(naming.snake(name), INT, rust))
    inner = braced(statements(body), env, False)
    env.pop()
    loop = f"{prefix}for {naming.snake(name)} in {iterator} {inner}"
    if end.text.endswith(".len()") and step == 1:
        return ["#[allow(clippy::needless_range_loop)] // go2rs: Go's index loop, kept", loop]
    return [loop]


def _variant_span(first: Node, cond: Node, op: str, step: int, env: Env) -> list[str] | None:
    """`for l := Debug; l <= Error; l++` over an iota enum: the variants it visits, in order,
    when every value between the bounds is a variant (else Go would visit values Rust's enum
    cannot hold)."""
    from go2rs.idioms.enums import variant_path

    last = cond.child_by_field_name("right")
    if last is None or first.type != "identifier" or last.type != "identifier":
        return None
    plan = next(
        (
            p
            for p in env.ctx.decisions.enums.values()
            if {text(first), text(last)} <= {v[0] for v in p.variants}
        ),
        None,
    )
    if plan is None or plan.string_valued:
        return None
    values = {go_name: value for go_name, _, value, _ in plan.variants}
    by_value = {value: go_name for go_name, _, value, _ in plan.variants}
    lo, hi = values[text(first)], values[text(last)]
    if (step, op) in ((1, "<="), (1, "<")):
        visited = range(lo, hi + 1 if op == "<=" else hi)
    elif (step, op) in ((-1, ">="), (-1, ">")):
        visited = range(lo, hi - 1 if op == ">=" else hi, -1)
    else:
        return None
    if not visited or any(v not in by_value for v in visited):
        return None
    return [variant_path(by_value[v], env.ctx) or by_value[v] for v in visited]


def _cast(end: object, rust: str) -> str:
    from go2rs.bodies.env import E

    assert isinstance(end, E)
    return end.at(11) if end.rust in (rust, None) else f"{end.at(2)} as {rust}"


def _step(update: Node, name: str) -> int | None:
    if update.type == "inc_statement" and text(update.named_children[0]) == name:
        return 1
    if update.type == "dec_statement" and text(update.named_children[0]) == name:
        return -1
    if update.type == "assignment_statement":
        left, right = update.child_by_field_name("left"), update.child_by_field_name("right")
        op = text(update.child_by_field_name("operator"))
        if (
            left is not None
            and right is not None
            and text(left) == name
            and text(right).isdigit()
            and op in ("+=", "-=")
        ):
            return int(text(right)) * (1 if op == "+=" else -1)
    return None


def range_loop(clause: Node, body: Node | None, env: Env, prefix: str) -> Lines:
    left = clause.child_by_field_name("left")
    names = [text(n) for n in (left.named_children if left else [])]
    right = clause.child_by_field_name("right")
    reassigned, in_place = _changes(body) if body is not None else (set(), set())
    env.push()
    try:
        setup, head = _channel_range(names, right, env) or (
            [],
            _range_head(names, right, env, in_place - reassigned),
        )
        copies = _owned_copies(names, reassigned | in_place, env)
        inner = braced(statements(body), env, False)
    finally:
        env.pop()
    if copies:
        inner = "{\n" + "\n".join(copies) + ("\n" + inner[2:] if inner != "{}" else "\n}")
    if head.startswith("loop {"):  # channels.receive_head: the receive opens the loop body
        return [*setup, f"{prefix}{head}{inner.removeprefix('{')}"]
    return [*setup, f"{prefix}{head} {inner}"]


def _changes(body: Node) -> tuple[set[str], set[str]]:
    """(locals the loop body rebinds: `v = ..`, `v++`, `&v`; locals it changes in place:
    `v[i] = ..`, `v.f = ..`, `sort.Strings(v)`)."""
    reassigned: set[str] = set()
    in_place: set[str] = set()
    for node in walk(body):
        kind = node.type
        if kind in ("assignment_statement", "inc_statement", "dec_statement"):
            left = node.child_by_field_name("left")
            targets = left.named_children if left is not None else node.named_children[:1]
            for target in targets:
                if target.type == "identifier":
                    reassigned.add(text(target))
                elif (root := written_root(target)) is not None:
                    in_place.add(root)
        elif kind == "unary_expression" and text(node.child_by_field_name("operator")) == "&":
            operand = node.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier":
                reassigned.add(text(operand))
        elif kind == "call_expression" and text(node.child_by_field_name("function")) in IN_PLACE:
            args = node.child_by_field_name("arguments")
            first = args.named_children[0] if args is not None and args.named_children else None
            if first is not None and first.type == "identifier":
                in_place.add(text(first))
    return reassigned, in_place


def _owned_copies(names: list[str], changed: set[str], env: Env) -> Lines:
    """Go's range variables are copies the body may change; Rust's borrow the element. A
    changed one becomes an owned copy: `let mut v = v.clone();` (`let mut v = v;` for a
    Copy value). Those iterated mutably (`&mut`, see `_range_head`) are the element itself."""
    lines: Lines = []
    for name in names:
        local = env.lookup(name) if name != "_" and name in changed else None
        if local is None or local.rust_type is None or local.rust_type.startswith("&mut "):
            continue
        owned = local.rust_type.removeprefix("&")
        env.bind(name, Local(local.rust, local.go, owned))
        copy = ".clone()" if local.rust_type.startswith("&") else ""
        lines.append(f"let mut {local.rust} = {local.rust}{copy};")
    return lines


def _channel_range(names: list[str], right: Node | None, env: Env) -> tuple[Lines, str] | None:
    """`for v := range ch` over a Receiver that is not a split local (a parameter, or a call
    returning `<-chan T`): `while let Some(v) = rx.recv().await`, the call made once."""
    if right is None or not env.is_async:
        return None
    if right.type == "identifier":
        local = env.lookup(text(right))
        if local is None or local.chan_pair:
            return None
    source = expr(right, env)
    if not isinstance(source.go, TChan) or source.rust is None:
        return None
    shared = source.rust.startswith(SHARED_RX)
    if not source.rust.startswith("mpsc::Receiver") and not shared:
        return None
    value = _bind(names[0], source.go.elem, rust_type(source.go.elem, env), env) if names else "_"
    if right.type == "identifier":
        return [], receive_head(value, source.at(0), shared)
    receiver = f"{value}_rx" if value != "_" else "values_rx"
    return [f"let mut {receiver} = {source.text};"], (
        f"while let Some({value}) = {receiver}.recv().await"
    )


def _shares(elem: object, name: str, in_place: set[str], right: Node | None, env: Env) -> bool:
    """Whether the range value `name` is a slice or map the body changes in place: Go's copy
    shares its elements with the collection's, so Rust iterates the collection `&mut`, which
    must then be an owned local declared `mut` (see NeedsMut)."""
    if name not in in_place or not isinstance(elem, TSlice | TMap):
        return False
    local = env.lookup(text(right)) if right is not None and right.type == "identifier" else None
    if local is None or not (local.rust_type or "").startswith(("Vec<", "HashMap<")):
        raise Untranslatable(right, "a range that changes shared elements of a borrowed collection")
    if text(right) not in env.mutated:
        raise NeedsMut(frozenset({text(right)}))
    return True


def _bind(name: str, go: object, rust: str | None, env: Env) -> str:
    if name == "_":
        return "_"
    env.bind(name, Local(naming.snake(name), go, rust))  # type: ignore[arg-type]
    return naming.snake(name)


def _range_head(names: list[str], right: Node | None, env: Env, in_place: set[str]) -> str:
    """The loop head; a slice or map element of reference type (a slice, a map) that the
    body changes in place (`sort.Strings(v)`, `v[i] = ..`) is iterated mutably, since Go's
    copy of it shares the elements."""
    if right is not None and right.type == "identifier":
        local = env.lookup(text(right))
        if local is not None and local.chan_pair:
            assert isinstance(local.go, TChan)
            value = (
                _bind(names[0], local.go.elem, rust_type(local.go.elem, env), env) if names else "_"
            )
            return receive_head(value, f"{local.rust}_rx", local.shared_rx)
    from go2rs.bodies.exprs import underlying

    source = underlying(expr(right, env), env)
    t = source.go.elem if isinstance(source.go, TPointer) else source.go
    if is_int(t):
        index = _bind(names[0], INT, source.rust or "i64", env) if names else "_"
        return f"for {index} in 0..{source.at(11)}"
    if is_string(t):
        if len(names) == 2:
            i = _bind(names[0], INT, "usize", env)
            c = _bind(names[1], TName("rune"), "char", env)
            return f"for ({i}, {c}) in {source.at(0)}.char_indices()"
        i = _bind(names[0], INT, "usize", env) if names else "_"
        return f"for ({i}, _) in {source.at(0)}.char_indices()"
    if is_set(t):
        assert isinstance(t, TMap)
        k = _bind(names[0], t.key, "&" + rust_type(t.key, env), env) if names else "_"
        return f"for {k} in &{source.at(1)}"
    if isinstance(t, TMap):
        key_rust = "&" + rust_type(t.key, env)
        mutable = len(names) == 2 and _shares(t.value, names[1], in_place, right, env)
        ref = "&mut " if mutable else "&"
        if len(names) == 2 and names[0] == "_":
            v = _bind(names[1], t.value, ref + rust_type(t.value, env), env)
            return f"for {v} in {source.at(0)}.values{'_mut' if mutable else ''}()"
        if len(names) == 2:
            k = _bind(names[0], t.key, key_rust, env)
            v = _bind(names[1], t.value, ref + rust_type(t.value, env), env)
            return f"for ({k}, {v}) in {ref}{source.at(1)}"
        k = _bind(names[0], t.key, key_rust, env) if names else "_"
        return f"for {k} in {source.at(0)}.keys()"
    if isinstance(t, TSlice | TArray):
        from go2rs.bodies.exprs import copyable

        elem = t.elem
        copy = copyable(elem, env)
        if source.text.startswith("vec![") and source.text.endswith("]") and ";" not in source.text:
            source = E(source.text[len("vec!") :], source.go, None)  # clippy: useless_vec
        value_rust = rust_type(elem, env) if copy else "&" + rust_type(elem, env)
        borrowed = source.borrowed()
        if len(names) == 2 and _shares(elem, names[1], in_place, right, env):
            v = _bind(names[1], elem, "&mut " + rust_type(elem, env), env)
            if names[0] == "_":
                return f"for {v} in {source.at(0)}.iter_mut()"
            i = _bind(names[0], INT, "usize", env)
            return f"for ({i}, {v}) in {source.at(0)}.iter_mut().enumerate()"
        if len(names) == 2:
            v = _bind(names[1], elem, value_rust, env)
            pattern = f"&{v}" if copy and v != "_" else v
            if names[0] == "_":
                return f"for {pattern} in {borrowed}"
            i = _bind(names[0], INT, "usize", env)
            return f"for ({i}, {pattern}) in {source.at(0)}.iter().enumerate()"
        if names and names[0] != "_":
            i = _bind(names[0], INT, "usize", env)
            return (
                f"#[allow(clippy::needless_range_loop)] // go2rs: Go's index loop, kept\n"
                f"for {i} in 0..{source.at(0)}.len()"
            )
        return f"for _ in {borrowed}"
    if t == STRING:
        raise Untranslatable(right, "range")
    raise Untranslatable(right, "range over a value of unknown type")
