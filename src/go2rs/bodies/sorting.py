"""`sort.Slice(xs, func(i, j int) bool { return xs[i].K < xs[j].K })` -> `xs.sort_by(..)`.

Go's comparator indexes the slice; Rust's receives the two elements. go2rs rewrites the one
comparator shape that covers nearly all uses: both sides are the same path from `xs[i]` and
`xs[j]`, compared with `<` or `>`.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import INT, E, Env, Untranslatable, elem_type, is_float, is_int
from go2rs.bodies.exprs import expr
from go2rs.gomodel import GoType, TName
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
    if op == "<" and (is_int(key_type) or key_type == TName("rune")):
        # clippy: unnecessary_sort_by (an integer key is Copy)
        return E(f"{slice_value.at(0)}.sort_by_key(|a| a{suffix})", None, "()")
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


# ----------------------------------------------------------------- cmp.Compare, slices.*Func


def ordering(args: list[Node], node: Node, env: Env) -> str:
    """`cmp.Compare(x, y)` as a Rust `Ordering` (`x.cmp(&y)`), for integers and strings.

    Floats stay untranslated: Go orders NaN first and -0 equal to 0, `total_cmp` does not."""
    from go2rs.bodies.env import is_int, is_string
    from go2rs.bodies.exprs import coerce

    left, right = expr(args[0], env), expr(args[1], env)
    if is_string(left.go) and is_string(right.go):
        if left.rust == right.rust == "&str":
            return f"{left.at(0)}.cmp({right.at(1)})"  # str::cmp takes the &str itself
        if left.rust == right.rust == "String":
            return f"{left.at(0)}.cmp(&{right.at(1)})"
        return f"str::cmp({coerce(left, '&str', env)}, {coerce(right, '&str', env)})"
    if (is_int(left.go) or left.go == TName("rune")) and (
        is_int(right.go) or right.go == TName("rune")
    ):
        if left.literal is not None and right.literal is None:
            left, right = right, left
            return f"{right.at(0)}.cmp(&{coerce(left, right.rust, env)})"
        return f"{left.at(0)}.cmp(&{coerce(right, left.rust, env)})"
    raise Untranslatable(node, "cmp.Compare of values that are not integers or strings")


def compare(args: list[Node], node: Node, env: Env) -> E:
    """`cmp.Compare(x, y)` -> -1/0/1: Rust's Ordering is `repr(i8)` with exactly those values."""
    return E(f"{ordering(args, node, env)} as i64", INT, "i64", 2)


def sort_func(args: list[Node], node: Node, env: Env) -> E:
    """`slices.SortFunc(xs, cmp)` -> `xs.sort_by(..)`; a literal `func(a, b T) int` whose one
    statement returns `cmp.Compare(..)` becomes the ordering itself. Go's SortFunc is not
    stable, Rust's sort_by is: Go allows any order of equal elements, so this is one of them."""
    from go2rs.bodies.env import Local
    from go2rs.bodies.exprs import rust_type, underlying

    slice_value = underlying(expr(args[0], env), env)
    elem = elem_type(slice_value.go)
    if elem is None:
        raise Untranslatable(node, "slices.SortFunc on a value of unknown type")
    comparator = args[1]
    if comparator.type == "func_literal":
        names = _param_names(comparator)
        returned = _single_return(comparator)
        if len(names) != 2 or returned is None:
            raise Untranslatable(node, "slices.SortFunc comparator shape")
        a, b = (_snake(n) for n in names)
        env.push()
        try:
            for name, rust in zip(names, (a, b), strict=True):
                env.bind(name, Local(rust, elem, "&" + rust_type(elem, env)))
            if _is_compare_call(returned, env):
                compared = _call_args(returned)
                key = _same_key(compared, names)
                body = ordering(compared, returned, env)
                if key and is_int(expr(compared[0], env).go):
                    # clippy: unnecessary_sort_by (an integer key is Copy)
                    key_text = expr(compared[0], env).text
                    return E(f"{slice_value.at(0)}.sort_by_key(|{a}| {key_text})", None, "()")
            else:
                value = expr(returned, env)
                body = f"{value.at(0)}.cmp(&0)"
        finally:
            env.pop()
        return E(f"{slice_value.at(0)}.sort_by(|{a}, {b}| {body})", None, "()")
    function = expr(comparator, env)
    from go2rs.gomodel import TFunc

    if not isinstance(function.go, TFunc) or len(function.go.params) != 2:
        raise Untranslatable(node, "slices.SortFunc with a comparator of unknown signature")
    return E(f"{slice_value.at(0)}.sort_by(|a, b| {function.at(0)}(a, b).cmp(&0))", None, "()")


def binary_search(args: list[Node], node: Node, env: Env) -> E:
    """`i, found := slices.BinarySearch(xs, v)` -> Go's answer exactly: the first index whose
    element is not less than `v` (`partition_point`; Rust's binary_search may return any of
    several equal elements), and whether that element equals `v`."""
    import re

    from go2rs.bodies.env import is_int, is_string
    from go2rs.bodies.exprs import coerce, rust_type, underlying

    slice_value = underlying(expr(args[0], env), env)
    elem = elem_type(slice_value.go)
    if not (is_int(elem) or is_string(elem)) or elem is None:
        raise Untranslatable(node, "slices.BinarySearch on elements that are not ints or strings")
    xs = slice_value.at(0)
    if re.search(r"\b(needle|at)\b", xs):
        raise Untranslatable(node, "slices.BinarySearch on a slice named like its helpers")
    target = expr(args[1], env)
    if is_string(elem):
        needle, below = f"let needle: &str = {coerce(target, '&str', env)};", "x.as_str() < needle"
    else:
        rust = rust_type(elem, env)
        needle, below = f"let needle: {rust} = {coerce(target, rust, env)};", "*x < needle"
    text_value = (
        f"{{ {needle} let at = {xs}.partition_point(|x| {below}); "
        f"(at as i64, at < {xs}.len() && {xs}[at] == needle) }}"
    )
    return E(text_value, None, None, results=(INT, TName("bool")))


def _same_key(compared: list[Node], names: list[str]) -> bool:
    """`a.age` / `b.age`, `len(a)` / `len(b)`: the same key of each side, the first
    parameter's first (so `sort_by_key` says it)."""
    import re

    first, second = (text(n) for n in compared)
    a, b = names
    uses = re.compile(rf"(?<![\w.]){re.escape(a)}\b")
    if not uses.search(first) or re.search(rf"(?<![\w.]){re.escape(b)}\b", first):
        return False
    return uses.sub(b, first) == second


def _param_names(literal: Node) -> list[str]:
    params = literal.child_by_field_name("parameters")
    return [
        text(n)
        for p in (params.named_children if params else [])
        for n in p.children_by_field_name("name")
    ]


def _single_return(literal: Node) -> Node | None:
    """The returned expression of a func literal whose body is one `return x`."""
    body = literal.child_by_field_name("body")
    statements = [
        s
        for s in (body.named_children[0].named_children if body and body.named_children else [])
        if s.type != "comment"
    ]
    if len(statements) != 1 or statements[0].type != "return_statement":
        return None
    returned = statements[0].named_children[0] if statements[0].named_children else None
    if returned is not None and returned.type == "expression_list":
        if len(returned.named_children) != 1:
            return None
        returned = returned.named_children[0]
    return returned


def _is_compare_call(node: Node, env: Env) -> bool:
    if node.type != "call_expression":
        return False
    func = node.child_by_field_name("function")
    if func is None or func.type != "selector_expression":
        return False
    package = env.package_of(func.child_by_field_name("operand"))
    return (
        package is not None
        and env.ctx.program.import_path(package) == "cmp"
        and text(func.child_by_field_name("field")) == "Compare"
        and len(_call_args(node)) == 2
    )


def _call_args(node: Node) -> list[Node]:
    args = node.child_by_field_name("arguments")
    return [a for a in (args.named_children if args else []) if a.type != "comment"]
