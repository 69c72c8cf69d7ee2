"""`switch` -> `match` when every case is a constant pattern, else an if / else-if chain; a
type switch -> an if-let chain of `downcast_ref`s."""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import (
    E,
    Env,
    Local,
    Skipped,
    Untranslatable,
    identifiers,
    is_copy,
    is_string,
    statements_under,
)
from go2rs.bodies.exprs import expr, go_type, rust_type
from go2rs.bodies.stmts import Lines, braced, downcast, downcast_target, statement, statements
from go2rs.idioms import naming
from go2rs.idioms.comments import comment_text, safe
from go2rs.parse.lower import text

_PATTERN_KINDS = frozenset(
    {
        "int_literal",
        "interpreted_string_literal",
        "raw_string_literal",
        "rune_literal",
        "true",
        "false",
    }
)


def _cases(node: Node) -> list[Node]:
    kinds = ("expression_case", "type_case", "default_case")
    return [c for c in node.named_children if c.type in kinds]


def _case_values(case: Node) -> list[Node]:
    values = case.child_by_field_name("value")
    return values.named_children if values is not None else []


def _case_body(case: Node) -> list[Node]:
    body = [c for c in case.named_children if c.type == "statement_list"]
    return statements(body[0]) if body else []


def _arm_bodies(cases: list[Node]) -> list[list[Node]]:
    """Each case's statements, a trailing `fallthrough` replaced by the statements of the
    next case (and so on): Go runs the next body without testing its case."""
    bodies = [_case_body(c) for c in cases]
    arms = []
    for i in range(len(cases)):
        merged: list[Node] = []
        j = i
        while bodies[j] and bodies[j][-1].type == "fallthrough_statement":
            merged += bodies[j][:-1]
            j += 1
            if j == len(cases):
                raise Untranslatable(cases[i], "fallthrough out of the last case")
        arms.append(merged + bodies[j])
    return arms


def _breaks_switch(case: Node) -> bool:
    """An unlabeled `break` in a case leaves Go's switch; in Rust it would leave the loop.
    (A `fallthrough` is fine as the case's last statement, the only place Go allows it.)"""
    body = _case_body(case)
    last = body[-1] if body and body[-1].type == "fallthrough_statement" else None
    stack = list(case.named_children)
    while stack:
        current = stack.pop()
        if current == last:
            continue
        if (
            current.type in ("break_statement", "fallthrough_statement")
            and not current.named_children
        ):
            return True
        if current.type not in (
            "for_statement",
            "func_literal",
            "expression_switch_statement",
            "select_statement",
            "type_switch_statement",
        ):
            stack.extend(current.named_children)
    return False


def expression_switch(node: Node, env: Env, tail: bool) -> Lines:
    init = node.child_by_field_name("initializer")
    env.push()
    try:
        head = statement(init, env, False) if init is not None else []
        if node.type == "type_switch_statement":
            body = _type_switch_body(node, env, tail)
        else:
            body = _switch_body(node, env, tail)
    finally:
        env.pop()
    return ["{", *head, *body, "}"] if head else body


def _switch_body(node: Node, env: Env, tail: bool) -> Lines:
    cases = _cases(node)
    if any(_breaks_switch(c) for c in cases):
        raise Untranslatable(node, "break or fallthrough inside a switch case")
    tag_node = node.child_by_field_name("value")
    tag = expr(tag_node, env) if tag_node is not None else None
    arms = _arm_bodies(cases)
    if tag is not None and all(_is_pattern(v, env) for c in cases for v in _case_values(c)):
        return _match(tag, cases, arms, env, tail)
    if tag is None or tag_node is None or tag_node.type in ("identifier", "selector_expression"):
        return _if_chain(tag, cases, arms, env, tail)
    # Go evaluates the tag once; the chain compares it case by case
    name = _fresh("switched", node)
    bound = E(name, tag.go, tag.rust)
    return ["{", f"let {name} = {tag.text};", *_if_chain(bound, cases, arms, env, tail), "}"]


def _fresh(name: str, node: Node) -> str:
    """`name`, or a longer one, that no identifier under `node` uses (it must not shadow)."""
    used = set(identifiers(node))
    while name in used:
        name += "_"
    return name


def _is_pattern(node: Node, env: Env) -> bool:
    if node.type in _PATTERN_KINDS:
        return True
    if node.type == "unary_expression" and text(node).startswith("-"):
        return node.named_children[-1].type == "int_literal"
    if node.type == "identifier":
        from go2rs.idioms.enums import variant_path

        return variant_path(text(node), env.ctx) is not None
    return False


def _match(tag: E, cases: list[Node], arms_body: list[list[Node]], env: Env, tail: bool) -> Lines:
    scrutinee = f"{tag.at(0)}.as_str()" if is_string(tag.go) and tag.rust != "&str" else tag.at(0)
    arms = []
    default = "_ => {}"
    for case, statements_of in zip(cases, arms_body, strict=True):
        body = braced(statements_of, env, tail)
        if case.type == "default_case":
            default = f"_ => {body}"
            continue
        patterns = " | ".join(expr(v, env).text for v in _case_values(case))
        arms.append(f"{patterns} => {body}")
    return [f"match {scrutinee} {{", *arms, default, "}"]


def _if_chain(
    tag: E | None, cases: list[Node], arms_body: list[list[Node]], env: Env, tail: bool
) -> Lines:
    branches = []
    default: str | None = None
    for case, statements_of in zip(cases, arms_body, strict=True):
        body = braced(statements_of, env, tail)
        if case.type == "default_case":
            default = body
            continue
        conditions = []
        for value_node in _case_values(case):
            value = expr(value_node, env)
            if tag is None:
                conditions.append(value.at(10))
            else:
                conditions.append(f"{tag.at(8)} == {value.at(8)}")
        branches.append(f"if {' || '.join(conditions)} {body}")
    if not branches:
        return [default] if default else []
    chain = " else ".join(branches)
    if default is not None and (default != "{}" or tail):  # Go's empty `default:` says nothing
        chain += f" else {default}"
    return [chain]


# ------------------------------------------------------------------------------ type switches

_INTERFACE_CASE = "a type switch case Rust cannot test (an interface, or no Rust type)"


def _type_switch_body(node: Node, env: Env, tail: bool) -> Lines:
    """`switch x := v.(type) { case T: .. case U, W: .. default: .. }` -> `if let Some(x) =
    <v as T> {..} else if <v is U> || <v is W> {..} else {..}`. Go tests the cases in order;
    concrete types exclude each other, so the chain keeps Go's result up to the first case on
    an interface type, which Rust cannot test: that case and every later one (the default
    too) stay one todo!() in the last `else`."""
    cases = _cases(node)
    if any(_breaks_switch(c) for c in cases):
        raise Untranslatable(node, "break inside a type switch case")
    value_node = node.child_by_field_name("value")
    if value_node is None:
        raise Untranslatable(node, "type switch without a value")
    value = expr(value_node, env)
    alias_node = node.child_by_field_name("alias")
    alias = text(alias_node).strip() if alias_node is not None else None
    head: Lines = []
    if value_node.type not in ("identifier", "selector_expression"):
        # Go evaluates the switched expression once; the chain tests it case by case
        name = naming.snake(alias) if alias not in (None, "_") else _fresh("switched", node)
        head = [f"let {name} = {value.text};"]
        value = E(name, value.go, value.rust)
    nilable = (value.rust or "").startswith("Option<")
    branches: list[str] = []
    default: Node | None = None
    rest: list[Node] = []  # from the first case Rust cannot test on
    dropped: Lines = []
    seen: set[str] = set()  # Rust types the chain already tests
    for case in cases:
        if rest or case.type == "default_case":
            if case.type == "default_case":
                default = case
            else:
                rest.append(case)
            continue
        types = [t for t in case.children_by_field_name("type") if t.is_named]
        tests: list[tuple[str, str]] = []  # (downcast, rust type); "" for nil
        for t in types:
            if text(t) == "nil":
                tests.append(("", ""))
                continue
            target = go_type(t, env)
            if downcast_target(target, env) is not None:
                rest.append(case)
                break
            rust = rust_type(target, env)
            if rust in seen:  # `case T:` and `case *T:` are one Rust type: Go tells them apart
                raise Untranslatable(t, "a type switch on both a type and a pointer to it")
            seen.add(rust)
            tests.append((downcast(value, target, t, env), rust))
        if rest:
            continue
        branch = _type_case(case, tests, value, alias, nilable, env, tail)
        if branch is not None:
            branches.append(branch)
        elif not dropped:
            dropped = [f"// go2rs: Go's `case nil` cannot match: a {value.rust} is never nil"]
    env.note("I06", "type switch → if let Some(downcast_ref) chain")
    tail_cases = rest + ([default] if default is not None else [])
    otherwise: str | None = None
    if rest and any(_case_body(c) for c in tail_cases):
        otherwise = "{\n" + "\n".join(_kept_cases(tail_cases, env)) + "\n}"
    elif default is not None:
        otherwise = _bound_body(default, value, alias, env, tail)
    if not branches:
        lines = dropped + ([otherwise] if otherwise else [])
    else:
        chain = " else ".join(branches)
        lines = [*dropped, chain + (f" else {otherwise}" if otherwise else "")]
    return ["{", *head, *lines, "}"] if head else lines  # the binding is the switch's own


def _type_case(
    case: Node,
    tests: list[tuple[str, str]],
    value: E,
    alias: str | None,
    nilable: bool,
    env: Env,
    tail: bool,
) -> str | None:
    """One `case`: `if let Some(x) = ..` for one type (x is that type), else a condition
    (x keeps the switched value's type). A `nil` case can only match an Option; None when
    the case can never match in Rust."""
    conditions = [
        f"{d}.is_some()" if d else f"{value.at(0)}.is_none()" for d, _ in tests if d or nilable
    ]
    if not conditions:
        return None  # `case nil` on a value Rust never lets be nil
    used = alias is not None and alias != "_" and alias in identifiers(case)
    if len(tests) == 1 and tests[0][0]:
        source, rust = tests[0]
        target = go_type(case.children_by_field_name("type")[0], env)
        if not used or alias is None:
            return f"if {source}.is_some() {braced(_case_body(case), env, tail)}"
        env.push()
        try:
            name = naming.snake(alias)
            copy = is_copy(target)
            env.bind(alias, Local(name, target, rust if copy else f"&{rust}"))
            body = braced(_case_body(case), env, tail)
        finally:
            env.pop()
        return f"if let Some({'&' if copy else ''}{name}) = {source} {body}"
    return f"if {' || '.join(conditions)} {_bound_body(case, value, alias, env, tail)}"


def _bound_body(case: Node, value: E, alias: str | None, env: Env, tail: bool) -> str:
    """A case body where `x` is the switched value itself (several types, or default)."""
    env.push()
    try:
        if alias is not None and alias != "_":
            env.bind(alias, Local(value.text, value.go, value.rust))
        return braced(_case_body(case), env, tail)
    finally:
        env.pop()


def _kept_cases(cases: list[Node], env: Env) -> Lines:
    """The cases from the first one Rust cannot test on, as one todo!() with their Go."""
    from go2rs.idioms.literals import rust_format_string

    first = cases[0]
    go = text(first).split("\n", 1)[0].strip()
    count = sum(1 + statements_under(s) for c in cases for s in _case_body(c))
    env.skipped.append(Skipped(first.start_point[0], count, _INTERFACE_CASE, go))
    lines = [f"// go2rs: not translated ({comment_text(_INTERFACE_CASE)}); the Go:"]
    for case in cases:
        indent = case.start_point[1]
        for line in text(case).rstrip().split("\n"):
            stripped = line.lstrip("\t ")
            line = line[min(indent, len(line) - len(stripped)) :]
            lines.append(f"// {safe(line)}".rstrip())
    lines.append(f"todo!({rust_format_string('go: ' + go)})")
    return lines
