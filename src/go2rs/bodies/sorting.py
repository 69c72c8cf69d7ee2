"""`sort.Slice(xs, func(i, j int) bool { return xs[i].K < xs[j].K })` -> `xs.sort_by(..)`.

Go's comparator indexes the slice; Rust's receives the two elements. go2rs rewrites the one
comparator shape that covers nearly all uses: both sides are the same path from `xs[i]` and
`xs[j]`, compared with `<` or `>`.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import E, Env, Untranslatable, elem_type, is_float
from go2rs.bodies.exprs import expr
from go2rs.gomodel import GoType
from go2rs.parse.lower import text


def _path_after_index(node: Node, slice_name: str, index: str) -> list[str] | None:
    """`xs[i].a.b` -> ["a", "b"]; `xs[i]` -> []; anything else -> None."""
    fields: list[str] = []
    while node.type == "selector_expression":
        fields.insert(0, text(node.child_by_field_name("field")))
        operand = node.child_by_field_name("operand")
        if operand is None:
            return None
        node = operand
    if node.type != "index_expression":
        return None
    if (
        text(node.child_by_field_name("operand")) != slice_name
        or text(node.child_by_field_name("index")) != index
    ):
        return None
    return fields


def sort_slice(args: list[Node], node: Node, env: Env) -> E:
    if len(args) != 2 or args[1].type != "func_literal":
        raise Untranslatable(node, "sort.Slice with a comparator that is not a literal")
    slice_value = expr(args[0], env)
    params = args[1].child_by_field_name("parameters")
    names = [
        text(n)
        for p in (params.named_children if params else [])
        for n in p.children_by_field_name("name")
    ]
    body = args[1].child_by_field_name("body")
    statements = [
        s
        for s in (body.named_children[0].named_children if body and body.named_children else [])
        if s.type != "comment"
    ]
    if len(names) != 2 or len(statements) != 1 or statements[0].type != "return_statement":
        raise Untranslatable(node, "sort.Slice comparator shape")
    returned = statements[0].named_children[0] if statements[0].named_children else None
    if returned is not None and returned.type == "expression_list":
        returned = returned.named_children[0]
    if returned is None or returned.type != "binary_expression":
        raise Untranslatable(node, "sort.Slice comparator shape")
    op = text(returned.child_by_field_name("operator"))
    left, right = returned.child_by_field_name("left"), returned.child_by_field_name("right")
    slice_name = text(args[0])
    if left is None or right is None or op not in ("<", ">"):
        raise Untranslatable(node, "sort.Slice comparator shape")
    left_path = _path_after_index(left, slice_name, names[0])
    right_path = _path_after_index(right, slice_name, names[1])
    if left_path is None or left_path != right_path:
        raise Untranslatable(node, "sort.Slice comparator shape")
    key_type = _key_type(elem_type(slice_value.go), left_path, env)
    suffix = "".join(f".{_snake(f)}" for f in left_path)
    first, second = ("a", "b") if op == "<" else ("b", "a")
    compare = (
        f"{first}{suffix}.partial_cmp(&{second}{suffix}).unwrap()"
        if is_float(key_type)
        else f"{first}{suffix}.cmp(&{second}{suffix})"
    )
    return E(f"{slice_value.at(0)}.sort_by(|a, b| {compare})", None, "()")


def _key_type(elem: GoType | None, path: list[str], env: Env) -> GoType | None:
    from go2rs.bodies.exprs import field_of

    current = elem
    for name in path:
        found = field_of(current, name, env)
        if found is None:
            raise Untranslatable(None, f"sort key field {name}")
        current = found[1]
    return current


def _snake(name: str) -> str:
    from go2rs.idioms import naming

    return naming.snake(name)
