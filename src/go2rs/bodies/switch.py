"""`switch` -> `match` when every case is a constant pattern, else an if / else-if chain."""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import E, Env, Untranslatable, is_string
from go2rs.bodies.exprs import expr
from go2rs.bodies.stmts import Lines, braced, statement, statements
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
    return [c for c in node.named_children if c.type in ("expression_case", "default_case")]


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
    return _if_chain(tag, cases, arms, env, tail)


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
    if default is not None:
        chain += f" else {default}"
    return [chain]
