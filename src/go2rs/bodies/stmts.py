"""Go statements -> Rust statements, with the error and nil idioms recognised across
statement pairs:

- `x, err := f()` + `if err != nil { return .., err }`  ->  `let x = f()?;`
- the same with any other diverging handler            ->  `let x = match f() { .. };`
- `if v, err := f(); err != nil { A } else { B }`  ->  `match f() { Err(err) => A, Ok(v) => B }`
- `v, ok := m[k]` + `if !ok { return .. }`              ->  `let Some(v) = m.get(..) else { .. };`
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from tree_sitter import Node

from go2rs.bodies.env import (
    BOOL,
    ERROR,
    INT,
    STRING,
    E,
    Env,
    FnShape,
    Local,
    Skipped,
    Untranslatable,
    elem_type,
    identifiers,
    is_copy,
    is_float,
    is_set,
    is_string,
    map_types,
    statements_under,
)
from go2rs.bodies.exprs import coerce, dyn_ref, expr, go_type, index_text, owned, rust_type
from go2rs.gomodel import GoType, Param, TFunc, TMap, TName, TPointer, TSlice
from go2rs.idioms import naming
from go2rs.idioms.comments import comment_text, safe
from go2rs.idioms.errors import returns_error
from go2rs.idioms.literals import rust_format_string
from go2rs.parse.facts import collect_facts
from go2rs.parse.lower import text

Lines = list[str]
_DIVERGING_CALLS = ("panic(", "os.Exit(", "log.Fatal", "log.Panic")


def statements(node: Node | None) -> list[Node]:
    """The statements of a block (tree-sitter-go wraps them in a statement_list)."""
    if node is None:
        return []
    if node.type == "block":
        inner = [c for c in node.named_children if c.type == "statement_list"]
        return statements(inner[0]) if inner else []
    return [c for c in node.named_children if c.type not in ("comment", "empty_statement")]


def block(nodes: list[Node], env: Env, tail: bool) -> Lines:
    """A statement list in its own scope; `tail`: the last statement's value is the block's."""
    env.push()
    try:
        out: Lines = []
        failed: list[Node] = []  # consecutive statements go2rs could not translate: one todo
        whys: list[str] = []
        i = 0
        while i < len(nodes):
            node = nodes[i]
            following = nodes[i + 1] if i + 1 < len(nodes) else None
            last = i == len(nodes) - 1 or (
                i == len(nodes) - 2
                and following is not None
                and (_is_err_check(following) or following.type == "return_statement")
            )
            scope, moved = dict(env.scopes[-1]), set(env.moved_receivers)
            try:
                held = _locked(nodes, i, env)  # statements using state shared with goroutines
                held = held or _taken(nodes, i, env)  # `if X == nil {..}; .. X.f ..; X = ..`
                paired = None if held else _paired(node, following, env, tail and last)
                if held is not None:
                    produced, step = held
                elif paired is not None:
                    produced, step = paired, 2
                else:
                    produced, step = statement(node, env, tail and i == len(nodes) - 1), 1
            except Untranslatable as exc:
                env.scopes[-1], env.moved_receivers = scope, moved  # forget its half-binds
                failed.append(node)
                whys.append(exc.why)
                if _needed_by_later(node, nodes[i + 1 :]):
                    failed += nodes[i + 1 :]
                    break
                i += 1
                continue
            if failed:
                out += kept_as_todo(failed, whys, env, more=True)
                failed, whys = [], []
            out += produced
            i += step
        if failed:
            out += kept_as_todo(failed, whys, env, more=False)
        return out
    finally:
        env.pop()


def _locked(nodes: list[Node], i: int, env: Env) -> tuple[Lines, int] | None:
    if not env.shared and not env.guard_sections:
        return None
    from go2rs.bodies.locks import locked

    return locked(nodes, i, env)


def _taken(nodes: list[Node], i: int, env: Env) -> tuple[Lines, int] | None:
    from go2rs.bodies.nilable import taken

    return taken(nodes, i, env)


def _needed_by_later(node: Node, later: list[Node]) -> bool:
    """Whether the statements after `node` depend on it: it declares a name they use, or it
    is a guard clause (`if x == nil { return }`) whose narrowing they rely on."""
    if node.type == "if_statement" and node.child_by_field_name("alternative") is None:
        handler = statements(node.child_by_field_name("consequence"))
        if handler and _diverges(handler[-1]):
            return bool(later)
    declared: set[str] = set()
    if node.type == "short_var_declaration":
        left = node.child_by_field_name("left")
        declared = {text(n) for n in (left.named_children if left else [])}
    elif node.type in ("var_declaration", "const_declaration", "type_declaration"):
        declared = {
            text(name) for spec in walk_specs(node) for name in spec.children_by_field_name("name")
        }
    declared.discard("_")
    return bool(declared) and any(declared & set(identifiers(n)) for n in later)


def walk_specs(node: Node) -> list[Node]:
    """The var/const/type specs of a declaration, grouped `( .. )` or not."""
    specs = []
    for child in node.named_children:
        if child.type.endswith("_spec") or child.type == "type_alias":
            specs.append(child)
        elif child.type.endswith("_spec_list"):
            specs += [c for c in child.named_children if c.type.endswith("_spec")]
    return specs


def kept_as_todo(nodes: list[Node], whys: list[str], env: Env, more: bool = False) -> Lines:
    """Statements go2rs cannot translate (consecutive ones, or one with the rest of its
    block when those depend on it) as the Go original in comments and one `todo!()`; the
    statements around them stay translated. `more`: Rust statements follow the todo!()."""
    why = "; ".join(dict.fromkeys(whys))
    skipped = Skipped(
        nodes[0].start_point[0],
        sum(1 + statements_under(n) for n in nodes),
        why,
        text(nodes[0]).split("\n", 1)[0].strip(),
    )
    env.skipped.append(skipped)
    lines = [f"// go2rs: not translated ({comment_text(why)}); the Go:"]
    for node in nodes:
        indent = node.start_point[1]
        for k, line in enumerate(text(node).split("\n")):
            line = line if k == 0 else _dedent(line, indent)
            lines.append(f"// {safe(line)}".rstrip())
    lines.append(f"todo!({rust_format_string('go: ' + skipped.go)}){';' if more else ''}")
    return lines


def _dedent(line: str, width: int) -> str:
    """A continuation line of a statement that started `width` columns in."""
    stripped = line.lstrip("\t ")
    return line[min(width, len(line) - len(stripped)) :]


def braced(nodes: list[Node], env: Env, tail: bool) -> str:
    body = block(nodes, env, tail)
    return "{\n" + "\n".join(body) + "\n}" if body else "{}"


def statement(node: Node, env: Env, tail: bool) -> Lines:
    handler = _STATEMENTS.get(node.type)
    if handler is None:
        raise Untranslatable(node, f"{node.type.replace('_', ' ')}")
    return handler(node, env, tail)


# --------------------------------------------------------------- paired error/nil idioms


def _is_err_check(node: Node) -> bool:
    return node.type == "if_statement" and _nil_check_name(node) is not None


def _nil_check_name(node: Node) -> str | None:
    """`if NAME != nil {` (no init, no else) -> NAME."""
    cond = node.child_by_field_name("condition")
    if (
        node.child_by_field_name("initializer") is not None
        or cond is None
        or cond.type != "binary_expression"
        or node.child_by_field_name("alternative")
    ):
        return None
    right = cond.child_by_field_name("right")
    left = cond.child_by_field_name("left")
    if (
        text(cond.child_by_field_name("operator")) != "!="
        or right is None
        or right.type != "nil"
        or left is None
        or left.type != "identifier"
    ):
        return None
    return text(left)


def _paired(node: Node, following: Node | None, env: Env, tail: bool) -> Lines | None:
    if node.type == "for_statement" and following is not None:
        from go2rs.bodies.scanner import scan_loop, scan_of

        scanner = scan_of(node, env)  # the loop and its `sc.Err()` check: one statement
        if scanner is not None and f"{scanner}.Err()" in text(following):
            lines, count = scan_loop(node, following, env, "", tail)
            return lines if count == 2 else None
    if following is not None and node.type == "var_declaration":
        return _errors_as(node, following, env, tail) or _recursive_closure(node, following, env)
    if following is None or (
        node.type != "short_var_declaration" and node.type != "assignment_statement"
    ):
        return None
    left, right = _sides(node)
    if len(right) != 1:
        return None
    names = [text(n) for n in left]
    if right[0].type == "index_expression" and len(names) == 2 and _is_not_ok(following, names[1]):
        return _let_else_lookup(names[0], right[0], following, env)
    if _nil_check_name(following) != names[-1] or right[0].type != "call_expression":
        return None
    value = expr(right[0], env)
    if not value.fallible:
        return None
    handler = statements(following.child_by_field_name("consequence"))
    err = names[-1]
    bind = _pattern(names[:-1], value, env)
    propagated = _propagation(handler, err, value, env)
    if propagated is not None:
        return [f"{bind}{propagated};" if bind else f"{propagated};"]
    if not handler or not _diverges(handler[-1]):
        raise Untranslatable(following, "an error check whose handler does not return")
    env.push()
    env.bind(err, Local(naming.snake(err), ERROR, _error_type_of(value, env)))
    handled = braced(handler, env, False)
    env.pop()
    ok = "v" if bind else "()"
    arms = f"Ok({ok}) => {ok if bind else '{}'},\nErr({naming.snake(err)}) => {handled}"
    if bind:
        return [f"{bind}match {value.text} {{\n{arms}\n}};"]
    return [f"if let Err({naming.snake(err)}) = {value.text} {handled}"]


def _recursive_closure(node: Node, following: Node, env: Env) -> Lines | None:
    """`var fib func(int) int` + `fib = func(n int) int { .. fib(n-1) .. }` -> an inner
    `fn fib(n: i64) -> i64 { .. }` (a Rust closure cannot call itself), when the literal
    captures nothing but itself."""
    specs = walk_specs(node)
    names = specs[0].children_by_field_name("name") if len(specs) == 1 else []
    left, right = _sides(following) if following.type == "assignment_statement" else ([], [])
    if (
        len(names) != 1
        or specs[0].child_by_field_name("value") is not None
        or len(left) != 1
        or len(right) != 1
        or text(left[0]) != text(names[0])
        or right[0].type != "func_literal"
    ):
        return None
    name = text(names[0])
    literal = right[0]
    declared = go_type(specs[0].child_by_field_name("type"), env)
    params = literal.child_by_field_name("parameters")
    own = set(identifiers(params)) | {name}
    captured = [n for n in identifiers(literal.child_by_field_name("body")) if n not in own]
    if not isinstance(declared, TFunc) or any(env.lookup(n) is not None for n in captured):
        return None
    env.bind(name, Local(naming.snake(name), declared, None))
    value = closure(literal, env)
    head, _, rest = value.text.removeprefix("move |").partition("|")
    env.note("F06", "a closure that calls itself → an inner fn (it captures nothing)")
    return [f"fn {naming.snake(name)}({head}){rest}"]


def _errors_as(node: Node, following: Node, env: Env, tail: bool) -> Lines | None:
    """`var ve *ValidationError` + `if errors.As(err, &ve) { .. }` -> `if let Some(ve) =
    err.downcast_ref::<ValidationError>() { .. }` (the outermost error only: Go also
    unwraps, Rust would walk `.source()`)."""
    specs = walk_specs(node)
    names = specs[0].children_by_field_name("name") if len(specs) == 1 else []
    type_node = specs[0].child_by_field_name("type") if len(specs) == 1 else None
    cond = following.child_by_field_name("condition")
    if (
        len(names) != 1
        or type_node is None
        or specs[0].child_by_field_name("value") is not None
        or following.type != "if_statement"
        or following.child_by_field_name("initializer") is not None
        or cond is None
        or cond.type != "call_expression"
        or text(cond.child_by_field_name("function")) != "errors.As"
    ):
        return None
    name = text(names[0])
    args = [a for a in (cond.child_by_field_name("arguments") or cond).named_children]
    if len(args) != 2 or text(args[1]).replace(" ", "") != f"&{name}":
        return None
    target = go_type(type_node, env)
    target = target.elem if isinstance(target, TPointer) else target
    source = downcast(expr(args[0], env), target, cond, env)
    env.note("E02", "errors.As → downcast_ref on the outermost error (walk .source() for more)")
    return _if_let_some(name, target, source, following, env, tail)


def downcast_target(target: GoType, env: Env) -> str | None:
    """Why Rust cannot test a value for Go type `target`, or None when it can: an interface
    (Rust downcasts to types only), or a foreign type go2rs has no Rust type for (its
    placeholder, perhaps an interface such as fmt.Stringer, is no type a value could have)."""
    from go2rs.idioms import packages

    named = target.elem if isinstance(target, TPointer) else target
    if isinstance(named, TName) and named.pkg is not None:  # (before naming a placeholder)
        path = env.ctx.program.import_path(named.pkg)
        if not isinstance(packages.lookup(path, named.name), packages.Mapped):
            return f"a type assertion to {named.pkg}.{named.name}, which has no Rust type here"
    if rust_type(target, env).startswith(("Box<dyn", "&dyn", "impl ")):
        return "a type assertion to an interface (Rust downcasts to types)"
    return None


def downcast(value: E, target: GoType, node: Node, env: Env) -> str:
    """`value` (an `any` or an error) as a `&T` Option: `downcast_ref::<T>()`."""
    why = downcast_target(target, env)
    if why is not None:
        raise Untranslatable(node, why)
    rust = rust_type(target, env)
    held = value.rust or ""
    if env.ctx.program.is_main and held.lstrip("&").startswith("Box<dyn std::error::Error"):
        # A binary's errors are anyhow::Error; boxed into this they hide their type.
        raise Untranslatable(node, "a type assertion on an error boxed from anyhow")
    if held.startswith("Option<"):
        return f"{value.at(0)}.as_ref().and_then(|e| e.downcast_ref::<{rust}>())"
    if held.lstrip("&").startswith(
        (
            "Box<dyn std::error::Error",
            "anyhow::Error",
            "dyn std::error::Error",
            "Box<dyn Any",
            "dyn Any",
        )
    ):
        return f"{value.at(0)}.downcast_ref::<{rust}>()"
    upcast = _as_any(value, held, env)
    if upcast is not None:
        return f"({upcast}).downcast_ref::<{rust}>()"
    raise Untranslatable(node, f"a type assertion on a {held or 'value'} Rust cannot downcast")


def _as_any(value: E, held: str, env: Env) -> str | None:
    """A `Box<dyn Trait>` / `&dyn Trait` as `&dyn Any`, when the trait has the Any supertrait
    (idioms/interfaces.py): the box itself is Any too, so it must be unboxed first."""
    from go2rs.idioms.interfaces import ANY

    bare = held.lstrip("&").removeprefix("mut ").removeprefix("Box<").removeprefix("dyn ")
    bare = bare.split("<")[0].rstrip(">")
    traits = {env.ctx.type_name(name) for name in env.ctx.decisions.any_traits}
    if bare not in traits or held.startswith("Option<"):
        return None
    if held.lstrip("&").startswith("Box<dyn "):
        return f"{value.at(0)}.as_ref() as &dyn {ANY}"
    if held.startswith("&dyn "):
        return f"{value.at(0)} as &dyn {ANY}"
    if held.startswith("&mut dyn "):
        return f"&*{value.at(0)} as &dyn {ANY}"
    return None


def _if_let_some(name: str, target: GoType, source: str, node: Node, env: Env, tail: bool) -> Lines:
    """`if <name is a T> { .. } else { .. }` as `if let Some(name) = source {..} else {..}`."""
    env.push()
    env.bind(name, Local(naming.snake(name), target, f"&{rust_type(target, env)}"))
    then = braced(statements(node.child_by_field_name("consequence")), env, tail)
    env.pop()
    rest = _else_branch(node.child_by_field_name("alternative"), env, tail)
    return [f"if let Some({naming.snake(name) if name != '_' else '_'}) = {source} {then}{rest}"]


def _else_branch(alternative: Node | None, env: Env, tail: bool) -> str:
    """` else {..}` for an if's `else` block or `else if` chain (empty without one)."""
    if alternative is None:
        return ""
    if alternative.type == "block":
        return _else_block(alternative, env, tail)
    return " else {\n" + "\n".join(_if(alternative, env, tail)) + "\n}"


def _else_block(block: Node | None, env: Env, tail: bool) -> str:
    """` else {..}`, or nothing for a missing or empty `else {}` (clippy: needless_else)."""
    otherwise = braced(statements(block), env, tail) if block is not None else "{}"
    return "" if otherwise == "{}" and not tail else f" else {otherwise}"


def _if_type_assertion(node: Node, init: Node, env: Env, tail: bool) -> Lines | None:
    """`if s, ok := v.(string); ok { .. }` -> `if let Some(s) = v.downcast_ref::<String>()`."""
    if init.type != "short_var_declaration":
        return None
    left, right = _sides(init)
    cond = node.child_by_field_name("condition")
    if (
        len(left) != 2
        or len(right) != 1
        or right[0].type != "type_assertion_expression"
        or cond is None
        or text(cond).replace(" ", "") not in (text(left[1]), f"!{text(left[1])}")
    ):
        return None
    operand = right[0].child_by_field_name("operand")
    type_node = right[0].child_by_field_name("type")
    if operand is None or type_node is None:
        return None
    negated = text(cond).startswith("!")
    branches = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
    if negated and any(text(left[0]) in identifiers(b) for b in branches if b is not None):
        return None  # `if x, ok := v.(T); !ok`: x is T's zero value in the then-branch
    target = go_type(type_node, env)
    source = downcast(expr(operand, env), target, right[0], env)
    env.note("N01", "type assertion with ok → if let Some(downcast_ref)")
    if negated:  # `if _, ok := v.(T); !ok { .. }`: v is not a T
        then = braced(statements(node.child_by_field_name("consequence")), env, tail)
        rest = _else_branch(node.child_by_field_name("alternative"), env, tail)
        return [f"if {source}.is_none() {then}{rest}"]
    return _if_let_some(text(left[0]), target, source, node, env, tail)


def _sides(node: Node) -> tuple[list[Node], list[Node]]:
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    return (left.named_children if left else [], right.named_children if right else [])


def _pattern(names: list[str], value: E, env: Env) -> str:
    """`let x = ` / `let (a, b) = ` binding the values of a call (types recorded)."""
    if not names:
        return ""
    types = value.results or (value.go,)
    for name, t in zip(names, types, strict=False):
        if name != "_":
            env.bind(name, Local(naming.snake(name), t, rust_type(t, env) if t else None))
    rendered = [_let_name(n, env) for n in names]
    return f"let {rendered[0]} = " if len(rendered) == 1 else f"let ({', '.join(rendered)}) = "


def _address_of_local(node: Node, env: Env) -> Local | None:
    """The local `v` in `&v`, when it holds a value (not a pointer) of a known Rust type."""
    operand = node.child_by_field_name("operand") if node.type == "unary_expression" else None
    if operand is None or operand.type != "identifier" or text(node).lstrip()[:1] != "&":
        return None
    local = env.lookup(text(operand))
    if local is None or local.go is None or isinstance(local.go, TPointer) or not local.rust_type:
        return None
    if local.chan_pair or local.rust_type.startswith("&"):
        return None
    return local


def _error_slot_type(env: Env) -> str:
    """What a Go `error` variable holds in Rust: the function's own error type when it
    returns one (so `return err` needs no conversion), else a boxed std error."""
    ret = env.shape.ret_rust or ""
    if env.shape.returns_error and ret.startswith("anyhow::Result"):
        return "anyhow::Error"
    if env.shape.returns_error and env.shape.error_enum is not None:
        return env.shape.error_enum
    return "Box<dyn std::error::Error + Send + Sync>"


def _held_error_type(value: E, env: Env) -> str:
    """The Rust error type a fallible call fails with (a boxed one for std's many types)."""
    held = _error_type_of(value, env)
    return "Box<dyn std::error::Error + Send + Sync>" if held == "std" else held


def _error_of(value: E, slot: str, env: Env) -> str:
    """`err = f()` where `f` returns only an error: its error as an Option, converted into
    the variable's error type when the two differ."""
    held = _error_type_of(value, env)
    same = f"Option<{held}>" == slot
    return f"{value.text}.err()" + ("" if same else ".map(Into::into)")


def _error_as_option(name: str, err: str, result: GoType, value: E, env: Env) -> Lines:
    """`v, err := f()` checked later, not next: the error becomes an `Option` (Go's nil
    error is None) and `v` keeps Go's zero value when the call failed."""
    from go2rs.bodies.calls import zero_value

    zero = zero_value(result, env)
    env.note("E01", "an error checked later, not next: kept as an Option (None = Go's nil)")
    err_type = _error_type_of(value, env)
    err_rust = f"Option<{_held_error_type(value, env)}>"
    bound = _pattern([name], dataclasses.replace(value, results=(), go=result), env)
    if err != "_":
        env.bind(err, Local(naming.snake(err), ERROR, err_rust))
    pattern = f"({bound.removeprefix('let ').removesuffix(' = ')}, {_let_name(err, env)})"
    return [
        f"let {pattern}: ({rust_type(result, env)}, {err_rust}) = match {value.text} {{",
        "Ok(v) => (v, None),",
        f"Err(e) => ({zero}, Some(e{'' if err_type != 'std' else '.into()'})),",
        "};",
    ]


def _let_name(name: str, env: Env) -> str:
    if name == "_":
        return "_"
    rust = naming.snake(name)
    return f"mut {rust}" if name in env.mutated else rust


def _error_type_of(value: E, env: Env) -> str:
    if value.error is not None:
        return value.error
    if (declared := _closure_error(value, env)) is not None:
        return declared
    if value.text.endswith(".await") or (
        "(" in value.text
        and not value.text.startswith(("std::", '"', "serde_json::", "File::"))  # std errors
        and ".parse::" not in value.text
    ):
        return env.shape.error_enum or "anyhow::Error"
    return "std"


def _closure_error(value: E, env: Env) -> str | None:
    """The error type of a call of a func-typed local or parameter (`task()`), which its Rust
    type states: `impl Fn() -> Result<(), E>`."""
    callee = value.text.split("(", 1)[0]
    local = next(
        (x for scope in reversed(env.scopes) for x in scope.values() if x.rust == callee),
        None,
    )
    signature = (local.rust_type or "") if local is not None else ""
    if (
        not signature.startswith(("impl Fn", "&dyn Fn", "Box<dyn Fn"))
        or "-> Result<" not in signature
    ):
        return None
    inner = signature.split("-> Result<", 1)[1]
    depth, start = 0, None
    for i, ch in enumerate(inner):
        if ch in "<(":
            depth += 1
        elif ch in ">)":
            if depth == 0:
                return inner[start:i].strip() if start is not None else None
            depth -= 1
        elif ch == "," and depth == 0:
            start = i + 1
    return None


def _propagation(handler: list[Node], err: str, value: E, env: Env) -> str | None:
    """`if err != nil { return .., err }` -> `call?` (with map_err when Go wrapped it)."""
    if len(handler) != 1 or handler[0].type != "return_statement" or not env.shape.returns_error:
        return None
    returned = _return_values(handler[0])
    if not returned or not all(_is_zero(v) for v in returned[:-1]):
        return None
    last = returned[-1]
    if last.type == "identifier" and text(last) == err:
        if env.shape.error_enum is None and not env.shape.is_main_pkg:
            return None
        return f"{value.text}?"
    if last.type == "call_expression" and err in text(last):
        env.push()
        env.bind(err, Local(naming.snake(err), ERROR, value.error or "std"))
        wrapped = expr(last, env)
        env.pop()
        return f"{value.text}.map_err(|{naming.snake(err)}| {wrapped.text})?"
    return None


def _is_zero(node: Node) -> bool:
    return (
        node.type in ("nil", "int_literal", "interpreted_string_literal", "false", "float_literal")
        and text(node) in ("nil", "0", '""', "false", "0.0")
    ) or (
        node.type == "composite_literal"
        and not text(node.child_by_field_name("body")).strip("{} \n\t")
    )


def _diverges(node: Node) -> bool:
    if node.type in ("return_statement", "continue_statement", "break_statement", "goto_statement"):
        return True
    if node.type == "expression_statement":
        return text(node).startswith(_DIVERGING_CALLS)
    return False


def _is_not_ok(node: Node, ok: str) -> bool:
    cond = node.child_by_field_name("condition")
    return (
        node.type == "if_statement"
        and cond is not None
        and text(cond) == f"!{ok}"
        and node.child_by_field_name("initializer") is None
        and node.child_by_field_name("alternative") is None
        and bool(statements(node.child_by_field_name("consequence")))
        and _diverges(statements(node.child_by_field_name("consequence"))[-1])
    )


def _membership(getter: str, index: Node, env: Env) -> str:
    """`m.get(k)` -> `m.contains_key(k)` (sets: `contains`), for the outermost lookup."""
    container = expr(index.child_by_field_name("operand"), env)
    method = ".contains(" if is_set(container.go) else ".contains_key("
    head, _, tail = getter.rpartition(".get(")
    return f"{head}{method}{tail}"


def _lookup(index: Node, env: Env) -> tuple[str, GoType]:
    """`m[k]` on a map -> (`m.get(k)`, value type)."""
    container = expr(index.child_by_field_name("operand"), env)
    kv = map_types(container.go)
    if kv is None:
        raise Untranslatable(index, "comma-ok on something that is not a map")
    key = expr(index.child_by_field_name("index"), env)
    key_text = key.borrowed()
    return f"{container.at(0)}.get({key_text})", kv[1]


def _returns_none(handler: list[Node], env: Env) -> bool:
    """`return nil` in a function whose only result is an Option: `?` says it (clippy)."""
    if len(handler) != 1 or handler[0].type != "return_statement":
        return False
    values = _return_values(handler[0])
    return (
        len(values) == 1
        and values[0].type == "nil"
        and env.shape.options == {0}
        and not env.shape.returns_error
        and len(env.shape.results) == 1
    )


def _let_else_lookup(name: str, index: Node, check: Node, env: Env) -> Lines:
    getter, value_type = _lookup(index, env)
    handler = statements(check.child_by_field_name("consequence"))
    if name != "_" and _returns_none(handler, env):
        env.bind(name, Local(naming.snake(name), value_type, rust_type(value_type, env)))
        clone = "copied" if is_copy(value_type) else "cloned"
        return [f"let {_let_name(name, env)} = {getter}.{clone}()?;"]
    handled = braced(handler, env, False)
    env.note("N01", "comma-ok lookup → let-else on Option")
    if name == "_":
        return [f"if !{_membership(getter, index, env)} {handled}"]
    from go2rs.bodies.exprs import cloneable

    if not cloneable(value_type, env):
        raise Untranslatable(index, "a comma-ok read of values that are not Clone")
    env.bind(name, Local(naming.snake(name), value_type, rust_type(value_type, env)))
    clone = "copied" if is_copy(value_type) else "cloned"
    return [f"let Some({_let_name(name, env)}) = {getter}.{clone}() else {handled};"]


# ------------------------------------------------------------------------- declarations


def _short_var(node: Node, env: Env, tail: bool) -> Lines:
    from go2rs.bodies.channels import channel_fields

    # `w := op{resp: make(chan T)}`: the literal's channels are made first
    return channel_fields(node, env) + _short_var_value(node, env, tail)


def _short_var_value(node: Node, env: Env, tail: bool) -> Lines:
    left, right = _sides(node)
    names = [text(n) for n in left]
    borrowed = _address_of_local(right[0], env) if len(names) == 1 and len(right) == 1 else None
    if borrowed is not None and borrowed.go is not None:
        # `p := &v`: Go's pointer lets writes through p reach v; a Rust `&mut v` does too
        pointer = Local(naming.snake(names[0]), TPointer(borrowed.go), f"&mut {borrowed.rust_type}")
        env.bind(names[0], pointer)
        return [f"let {pointer.rust} = &mut {borrowed.rust};"]
    if (
        len(right) == 1
        and right[0].type == "call_expression"
        and text(right[0].child_by_field_name("function")) == "make"
        and len(names) == 1
    ):
        args = right[0].child_by_field_name("arguments")
        if (
            args is not None
            and args.named_children
            and args.named_children[0].type == "channel_type"
        ):
            from go2rs.bodies.channels import make_channel

            return make_channel(names[0], right[0], env)
    called = env.package_function(right[0]) if len(right) == 1 else None
    if called is not None and called.startswith("flag.") and len(names) == 1:
        from go2rs.bodies.flags import define

        return define(names[0], right[0], env)  # `addr := flag.String(..)`
    if called == "time.NewTicker" and len(names) == 1:
        from go2rs.bodies.goroutines import new_ticker

        return new_ticker(names[0], right[0], env)
    if called == "os/signal.NotifyContext":
        from go2rs.bodies.goroutines import signal_context

        return signal_context(names, right[0], env)
    if called in ("context.WithCancel", "context.WithTimeout"):
        from go2rs.bodies.goroutines import child_context

        return child_context(names, right[0], called.removeprefix("context."), env)
    if len(names) == 2 and len(right) == 1 and right[0].type == "index_expression":
        return _comma_ok(names, right[0], env)
    if (
        len(right) == 1
        and len(names) == 2
        and right[0].type == "unary_expression"
        and text(right[0].child_by_field_name("operator")) == "<-"
    ):
        return _receive_ok(names, right[0], env)
    if len(right) == 1 and len(names) > 1:
        value = expr(right[0], env)
        if value.fallible and names[-1] == "_":  # Go keeps the zero value on error
            env.note(
                "E01", "the Go code ignored this error: unwrap_or_default keeps its zero value"
            )
            ok_value = E(f"{value.text}.unwrap_or_default()", value.go, None)
            bound = _pattern(names[:-1], dataclasses.replace(ok_value, results=value.results), env)
            return [f"{bound}{ok_value.text};"]
        single = value.results[0] if len(value.results) == 1 else value.go
        if value.fallible and len(names) == 2 and len(value.results) < 2 and single is not None:
            return _error_as_option(names[0], names[1], single, value, env)
        if value.fallible or len(value.results) != len(names):
            raise Untranslatable(node, "multi-value assignment whose error is not checked next")
        return [f"{_pattern(names, value, env)}{value.text};"]
    if len(names) != len(right):
        raise Untranslatable(node, "assignment count mismatch")
    out: Lines = []
    values = [expr(without_address(r), env) for r in right]
    for name, value in zip(names, values, strict=True):
        if value.fallible and len(names) == 1 and not value.results and value.go is None:
            slot = f"Option<{_held_error_type(value, env)}>"  # `err := f()`, checked later
            env.bind(name, Local(naming.snake(name), ERROR, slot))
            out.append(f"let {_let_name(name, env)}: {slot} = {_error_of(value, slot, env)};")
            continue
        if value.fallible:
            raise Untranslatable(node, "an error result that is not checked")
        existing = env.scopes[-1].get(name)
        if existing is not None:
            out.append(f"{existing.rust} = {coerce(value, existing.rust_type, env)};")
            continue
        out.append(_let(name, value, env))
    return out


def _receive_ok(names: list[str], receive: Node, env: Env) -> Lines:
    """`v, ok := <-ch` -> `let (v, ok) = match rx.recv().await { .. }` (ok: still open)."""
    from go2rs.bodies.channels import receive as receive_value

    value = receive_value(receive.child_by_field_name("operand"), env)
    channel = value.text.removesuffix(".unwrap_or_default()")
    if value.go is not None:
        env.bind(names[0], Local(naming.snake(names[0]), value.go, value.rust))
    env.bind(names[1], Local(naming.snake(names[1]), BOOL, "bool"))
    left = ", ".join(_let_name(n, env) for n in names)
    return [
        f"let ({left}) = match {channel} {{\nSome(v) => (v, true),\n"
        f"None => (Default::default(), false),\n}};"
    ]


_FLOAT_LITERAL = re.compile(r"-?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?")


def _let(name: str, value: E, env: Env, declared: GoType | None = None) -> str:
    if name == "_":
        return f"let _ = {value.text};"
    go = declared or value.go
    rust = rust_type(declared, env) if declared is not None else value.rust
    text_value = value.text
    if is_string(go) and (name in env.mutated or value.rust is None or value.rust.startswith("&")):
        text_value, rust = owned(value, env) if value.rust != "String" else value.text, "String"
    elif declared is not None:
        text_value = coerce(value, rust, env)
    elif value.rust is not None and value.rust.startswith("&") and name in env.mutated:
        text_value, rust = owned(value, env), value.rust.lstrip("&")
    elif _moves_place(value) or (value.place and "[" in value.text and not is_copy(value.go)):
        try:
            text_value = owned(value, env)
            rust = rust.lstrip("&") if rust else rust
        except Untranslatable:
            if "." not in value.text or not rust or rust.startswith("&"):
                raise
            # Go copied a field it only reads through (an interface, a func): borrow it.
            text_value, rust = f"&{value.at(1)}", f"&{rust}"
    env.bind(name, Local(naming.snake(name), go, rust))
    constructor = text_value.endswith(("::new()", "::with_capacity(")) or text_value.startswith(
        ("Vec::with_capacity(", "vec![]")
    )
    boxed = (
        rust is not None
        and rust.startswith(("Vec<Box<dyn ", "Box<dyn "))
        and not text_value.startswith("Box::new(")
    )
    if name in env.shared:  # goroutines write it: Arc<Mutex<T>> from the start
        from go2rs.bodies.locks import declare_shared

        return declare_shared(name, text_value, rust, go, env)
    if name in env.arc_shared:  # tasks share it through its locking methods: Arc<T>
        from go2rs.bodies.locks import declare_arc

        return declare_arc(name, text_value, rust, go, env)
    annotation = f": {rust}" if (declared is not None or constructor or boxed) and rust else ""
    if not annotation and go is not None and is_float(go) and _FLOAT_LITERAL.fullmatch(text_value):
        annotation = f": {rust_type(go, env)}"  # `let x = 8.0;` is {float}: no x.sqrt()
    binding = _let_name(name, env)
    if (rust or "").startswith("Box<dyn FnMut(") and not binding.startswith("mut "):
        binding = f"mut {binding}"  # calling an FnMut changes it
    return f"let {binding}{annotation} = {text_value};"


def _moves_place(value: E) -> bool:
    """Go copies a variable on `:=`; Rust would move it, so non-Copy places are cloned."""
    return (
        value.prec == 0
        and value.go is not None
        and not is_copy(value.go)
        and value.text.replace("_", "").replace(".", "").isalnum()
        and value.text != "self"
        and not value.text[:1].isupper()
        and not value.text[:1].isdigit()
        and value.text not in ("true", "false")
    )


def _comma_ok(names: list[str], index: Node, env: Env) -> Lines:
    getter, value_type = _lookup(index, env)
    value_name, ok_name = names
    out: Lines = []
    if value_name == "_":
        contains = _membership(getter, index, env)
        env.bind(ok_name, Local(naming.snake(ok_name), BOOL, "bool"))
        return [f"let {_let_name(ok_name, env)} = {contains};"]
    from go2rs.bodies.exprs import value_caps

    held = rust_type(value_type, env)
    if held.startswith("Box<dyn "):  # an interface value: borrow it, None where Go has nil
        borrowed = f"Option<&{dyn_ref(held)}>"
        env.bind(value_name, Local(naming.snake(value_name), value_type, borrowed))
        env.bind(ok_name, Local(naming.snake(ok_name), BOOL, "bool"))
        env.note("N01", "comma-ok read of an interface value → Option<&dyn T> (a map holds no nil)")
        return [
            f"let {_let_name(value_name, env)}: {borrowed} = {getter}.map(|v| v.as_ref());",
            f"let {_let_name(ok_name, env)} = {naming.snake(value_name)}.is_some();",
        ]
    if not {"clone", "default"} <= value_caps(value_type, env):
        raise Untranslatable(index, "a comma-ok read of values that are not Clone + Default")
    clone = "copied" if is_copy(value_type) else "cloned"
    tmp = naming.snake(value_name)
    out.append(f"let {tmp} = {getter}.{clone}();")
    env.bind(ok_name, Local(naming.snake(ok_name), BOOL, "bool"))
    out.append(f"let {_let_name(ok_name, env)} = {tmp}.is_some();")
    env.bind(value_name, Local(tmp, value_type, rust_type(value_type, env)))
    out.append(f"let {_let_name(value_name, env)} = {tmp}.unwrap_or_default();")
    return out


def _var_decl(node: Node, env: Env, tail: bool) -> Lines:
    out: Lines = []
    for spec in _specs(node, "var_spec"):
        type_node = spec.child_by_field_name("type")
        declared = go_type(type_node, env) if type_node is not None else None
        value_node = spec.child_by_field_name("value")
        values = value_node.named_children if value_node is not None else []
        for i, name_node in enumerate(spec.children_by_field_name("name")):
            name = text(name_node)
            if i < len(values):
                out.append(_let(name, expr(values[i], env), env, declared))
                continue
            if declared is None:
                raise Untranslatable(spec, "var without type or value")
            if isinstance(declared, TName) and declared.pkg == "sync" and "Mutex" in declared.name:
                if name in env.mutexes and declared.name == "Mutex":
                    from go2rs.bodies.locks import declare_mutex

                    out += declare_mutex(name, declared, env)
                    continue
                raise Untranslatable(
                    spec, "a local sync mutex: Rust locks the data itself (Arc<Mutex<T>>)"
                )
            if (
                isinstance(declared, TName)
                and declared.pkg == "sync"
                and declared.name == "WaitGroup"
            ):
                env.ctx.sink.uses.add("tokio::task::JoinSet")
                env.bind(name, Local(naming.snake(name), declared, "JoinSet<()>"))
                env.note("Y03", "sync.WaitGroup → JoinSet: spawn into it, join_next() to wait")
                out.append(f"let mut {naming.snake(name)}: JoinSet<()> = JoinSet::new();")
                continue
            if (
                isinstance(declared, TName)
                and declared.pkg is not None
                and env.ctx.program.import_path(declared.pkg) == "sync/atomic"
            ):  # a local atomic exists to be shared: goroutines clone the Arc handle
                rust = f"Arc<{rust_type(declared, env)}>"
                env.uses.add("std::sync::Arc")
                env.bind(name, Local(naming.snake(name), declared, rust))
                out.append(f"let {naming.snake(name)} = Arc::new({rust[4:-1]}::default());")
                continue
            if declared == ERROR:  # Go's nil error: None until something fails
                rust = f"Option<{_error_slot_type(env)}>"
                env.bind(name, Local(naming.snake(name), ERROR, rust))
                out.append(f"let {_let_name(name, env)}: {rust} = None;")
                continue
            from go2rs.bodies.calls import zero_value

            out.append(
                _let(
                    name,
                    E(zero_value(declared, env), declared, rust_type(declared, env)),
                    env,
                    declared,
                )
            )
    return out


def _specs(node: Node, kind: str) -> list[Node]:
    found: list[Node] = []
    for child in node.named_children:
        if child.type == kind:
            found.append(child)
        elif child.type.endswith("_spec_list"):
            found += _specs(child, kind)
    return found


def _const_decl(node: Node, env: Env, tail: bool) -> Lines:
    from go2rs.idioms.consts import const_value
    from go2rs.parse.lower import _Lowerer

    lowerer = _Lowerer(env.ctx.options.filename)
    out: Lines = []
    for group in lowerer.values(node, ()):
        for spec in group.specs:  # type: ignore[union-attr]
            value = const_value(spec.value, env.ctx, env.local_consts, spec.iota)
            if value is None:
                raise Untranslatable(node, "local constant expression")
            rust = rust_type(spec.type, env) if spec.type is not None else value.type
            go = spec.type or {
                "i64": INT,
                "&str": STRING,
                "bool": BOOL,
                "f64": TName("float64"),
            }.get(value.type)
            name = env.ctx.const_name(spec.name)
            env.local_consts[spec.name] = rust
            env.bind(spec.name, Local(name, go, rust))
            out.append(f"const {name}: {rust} = {value.text};")  # a const item, as in Go
    return out


# ------------------------------------------------------------------------- assignments


def _assignment(node: Node, env: Env, tail: bool) -> Lines:
    op = text(node.child_by_field_name("operator"))
    left, right = _sides(node)
    if op != "=":
        if len(left) != 1 or len(right) != 1:
            raise Untranslatable(node, "compound assignment of several values")
        return [_compound(left[0], op[:-1], right[0], env)]
    if len(left) == 1 and len(right) == 1:
        from go2rs.bodies.nilable import assign

        nilable = assign(node, env)  # a pointer walk's `n = n.Next`; `head = &T{Next: head}`
        return [nilable if nilable is not None else _assign_one(left[0], right[0], env)]
    if len(left) == len(right) == 2 and _is_swap(left, right):
        from go2rs.bodies.exprs import underlying

        target = underlying(expr(left[0].child_by_field_name("operand"), env), env)
        i = index_text(expr(left[0].child_by_field_name("index"), env))
        j = index_text(expr(left[1].child_by_field_name("index"), env))
        return [f"{target.at(0)}.swap({i}, {j});"]
    if len(left) == len(right):
        targets = [expr(t, env).text if text(t) != "_" else "_" for t in left]
        values = [owned(expr(v, env), env) for v in right]
        return [f"({', '.join(targets)}) = ({', '.join(values)});"]
    if len(right) == 1:
        value = expr(right[0], env)
        if value.fallible or len(value.results) != len(left):
            raise Untranslatable(node, "multi-value assignment whose error is not checked")
        targets = [expr(t, env).text if text(t) != "_" else "_" for t in left]
        return [f"({', '.join(targets)}) = {value.text};"]
    raise Untranslatable(node, "assignment shape")


def _assignable(target: E) -> E:
    """A place behind `&mut` (a lock guard) is assigned through `*`."""
    rust = target.rust or ""
    if target.place and rust.startswith("&mut ") and not target.text.startswith("*"):
        return E(f"*{target.text}", target.go, rust[len("&mut ") :], 1, place=True)
    return target


def _is_swap(left: list[Node], right: list[Node]) -> bool:
    return all(n.type == "index_expression" for n in left) and [text(n) for n in left] == [
        text(n) for n in reversed(right)
    ]


def _assign_one(target_node: Node, value_node: Node, env: Env) -> str:
    if text(target_node) == "_":
        value = expr(value_node, env)
        return f"let _ = {value.text};"
    if value_node.type == "binary_expression" and text(
        value_node.child_by_field_name("left")
    ) == text(target_node):
        op = text(value_node.child_by_field_name("operator"))
        if op in ("+", "-", "*", "/", "%", "|", "&", "^", "<<", ">>"):  # clippy: assign_op
            right = value_node.child_by_field_name("right")
            if right is not None:
                return _compound(target_node, op, right, env)
    if (
        value_node.type == "call_expression"
        and text(value_node.child_by_field_name("function")) == "append"
    ):
        return _append(target_node, value_node, env)
    if target_node.type == "index_expression":
        container = expr(target_node.child_by_field_name("operand"), env)
        kv = map_types(container.go)
        if kv is not None and is_set(container.go):
            key = expr(target_node.child_by_field_name("index"), env)
            return f"{container.at(0)}.insert({coerce(key, rust_type(kv[0], env), env)});"
        if kv is not None:
            key = expr(target_node.child_by_field_name("index"), env)
            value = expr(value_node, env)
            return (
                f"{container.at(0)}.insert({coerce(key, rust_type(kv[0], env), env)}, "
                f"{coerce(value, rust_type(kv[1], env), env)});"
            )
    target = _assignable(expr(target_node, env))
    value = expr(value_node, env)
    if value.fallible and target.go == ERROR and (target.rust or "").startswith("Option<"):
        return f"{target.text} = {_error_of(value, target.rust or '', env)};"
    if value.fallible:
        raise Untranslatable(value_node, "an error result that is not checked")
    if value.text == "None":
        if (target.rust or "").startswith("Option<"):
            return f"{target.text} = None;"
        if isinstance(target.go, TSlice | TMap):
            return f"{target.text} = {(target.rust or 'Vec').split('<')[0]}::new();"
        raise Untranslatable(value_node, "nil assigned to a value go2rs did not make an Option")
    return f"{target.text} = {coerce(value, target.rust, env)};"


def _append(target_node: Node, call: Node, env: Env) -> str:
    from go2rs.bodies.calls import args_of

    args = args_of(call)
    if not args or text(args[0]) != text(target_node):
        raise Untranslatable(call, "append to a different slice than the one assigned")
    entry = _map_entry(target_node, env)
    if entry is not None:  # m[k] = append(m[k], v): the entry API, not a copy of the slice
        container = expr(target_node.child_by_field_name("operand"), env)
        kv = map_types(container.go)
        assert kv is not None
        target = E(f"{entry[1:]}", kv[1], rust_type(kv[1], env))
    else:
        from go2rs.bodies.exprs import underlying

        target = underlying(expr(target_node, env), env)
    elem = elem_type(target.go)
    elem_rust = rust_type(elem, env) if elem is not None else None
    rest = args[1:]
    if len(rest) == 1 and rest[0].type == "variadic_argument":
        spread = expr(rest[0].named_children[0], env)
        if is_string(spread.go):
            return f"{target.at(0)}.extend_from_slice({spread.at(0)}.as_bytes());"
        borrowed = spread.borrowed()
        return f"{target.at(0)}.extend_from_slice({borrowed});"
    values = [coerce(expr(a, env), elem_rust, env) for a in rest]
    if len(values) == 1:
        return f"{target.at(0)}.push({values[0]});"
    return f"{target.at(0)}.extend([{', '.join(values)}]);"


def _map_entry(target_node: Node, env: Env) -> str | None:
    """`m[k]` as an assignment target -> `*m.entry(k).or_default()` (Go's zero value)."""
    if target_node.type != "index_expression":
        return None
    container = expr(target_node.child_by_field_name("operand"), env)
    kv = map_types(container.go)
    if kv is None:
        return None
    key = expr(target_node.child_by_field_name("index"), env)
    return f"*{container.at(0)}.entry({coerce(key, rust_type(kv[0], env), env)}).or_default()"


def _compound(target_node: Node, op: str, value_node: Node, env: Env) -> str:
    entry = _map_entry(target_node, env)
    if entry is not None:
        value = expr(value_node, env)
        return f"{entry} {'& !' if op == '&^' else op}= {value.text};"
    target = expr(target_node, env)
    value = expr(value_node, env)
    if op == "+" and is_string(target.go):
        if value.literal is not None and len(value.literal) == 1:  # clippy: single_char_add_str
            from go2rs.idioms.literals import rust_char

            return f"{target.text}.push({rust_char(value.literal)});"
        return f"{target.text}.push_str({coerce(value, '&str', env)});"
    target = _assignable(target)
    rust_op = "& !" if op == "&^" else op
    if rust_op == "& !":
        return f"{target.text} &= !{value.at(1)};"
    rhs = (
        coerce(value, target.rust, env)
        if target.rust in ("i64", "f64", "usize", "i32", "u8", "u64", "u32")
        else value.text
    )
    return f"{target.text} {rust_op}= {rhs};"


def _inc_dec(node: Node, env: Env, tail: bool) -> Lines:
    op = "+=" if node.type == "inc_statement" else "-="
    entry = _map_entry(node.named_children[0], env)
    if entry is not None:
        return [f"{entry} {op} 1;"]
    target = _assignable(expr(node.named_children[0], env))
    return [f"{target.text} {op} 1;"]


def _expression_statement(node: Node, env: Env, tail: bool) -> Lines:
    value = expr(node.named_children[0], env)
    if value.text.startswith("//") or value.text.startswith("while "):
        return [value.text]  # a comment, or a statement-shaped translation (JoinSet wait)
    if value.fallible:
        env.note("E01", "the Go code ignored this error; `let _ =` keeps that visible")
        return [f"let _ = {value.text};"]
    return [f"{value.statement or value.text};"]


# ---------------------------------------------------------------------------- returns


def _return_values(node: Node) -> list[Node]:
    values = node.named_children
    if len(values) == 1 and values[0].type == "expression_list":
        return values[0].named_children
    return [v for v in values if v.type != "comment"]


def _return(node: Node, env: Env, tail: bool) -> Lines:
    values = _return_values(node)
    shape = env.shape
    if not values:
        named = [r for r in shape.values if r.name]
        if named and len(named) == len(shape.values):
            payload = _tuple([naming.snake(r.name or "") for r in named])
            payload = f"Ok({payload})" if shape.returns_error else payload
            return [payload if tail else f"return {payload};"]
        if shape.results:
            raise Untranslatable(node, "bare return with unnamed results")
        return [] if tail else ["return;"]
    if shape.returns_error:
        if len(values) != len(shape.results):
            if len(values) == 1 and values[0].type == "call_expression":
                call = expr(values[0], env)
                return [call.text if tail else f"return {call.text};"]
            raise Untranslatable(node, "return of a multi-value call")
        if len(values) == 1 and values[0].type == "call_expression":
            call = expr(values[0], env)  # `return f()` of an error-only callee: its Result
            if call.fallible and call.go is None and not call.results:
                return [call.text if tail else f"return {call.text};"]
        err = values[-1]
        held = env.lookup(text(err)) if err.type == "identifier" else None
        if err.type == "nil":
            payload = _success(values[:-1], env)
        elif held is not None and (held.rust_type or "").startswith("Option<"):
            if len(values) != 1:
                raise Untranslatable(node, "a value returned beside an error that may be nil")
            payload = f"{held.rust}.map_or(Ok(()), Err)"  # Go's nil error: success
        else:
            payload = f"Err({error_expr(err, env)})"
    else:
        if len(values) != len(shape.results):
            if len(values) == 1 and values[0].type == "call_expression":
                call = expr(values[0], env)  # `return f()` of a callee with the same results
                if call.results == tuple(r.type for r in shape.values) and not shape.options:
                    return [call.text if tail else f"return {call.text};"]
            raise Untranslatable(node, "return of a multi-value call")
        payload = _values(values, env)
    return [payload if tail else f"return {payload};"]


def _success(values: list[Node], env: Env) -> str:
    return f"Ok({_values(values, env) or '()'})"


def success_return(values: list[Node], env: Env, tail: bool) -> Lines:
    """`return v.., err` where err is known to be Go's nil: the Ok return."""
    payload = _success(values[:-1], env)
    return [payload if tail else f"return {payload};"]


def without_address(node: Node) -> Node:
    """`&x` where Go hands out a pointer to a value Rust returns or stores owned -> `x`."""
    if node.type == "unary_expression" and text(node.child_by_field_name("operator")) == "&":
        operand = node.child_by_field_name("operand")
        if operand is not None:
            return operand
    return node


def _tuple(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"({', '.join(parts)})"


def _values(nodes: list[Node], env: Env) -> str:
    parts = []
    for i, node in enumerate(nodes):
        result = env.shape.values[i].type
        optional = i in env.shape.options
        if optional and node.type == "nil":
            parts.append("None")
            continue
        if node.type == "nil":
            raise Untranslatable(node, "nil for a result go2rs made non-optional")
        target = result.elem if isinstance(result, TPointer) else result
        node = without_address(node)
        value = expr(node, env)
        local = env.lookup(text(node)) if node.type == "identifier" else None
        if local is not None and value.rust == rust_type(target, env):
            rendered = value.text  # returning a local moves it; no clone needed
        else:
            rendered = coerce(value, rust_type(target, env), env)
        parts.append(f"Some({rendered})" if optional else rendered)
    return _tuple(parts) if parts else ""


def error_expr(node: Node, env: Env) -> str:
    """A Go error value in a return -> the function's Rust error."""
    if node.type == "identifier":
        name = text(node)
        local = env.lookup(name)
        if local is not None:
            same = local.rust_type in (env.shape.error_enum, "anyhow::Error")
            if not same and (local.rust_type or "Box<dyn").startswith("Box<dyn"):
                raise Untranslatable(node, f"`{name}` holds an error of another type")
            return local.rust if same else f"{local.rust}.into()"
        plan = env.ctx.decisions.errors
        if plan is not None:
            for go_name, variant, _ in plan.sentinels:
                if go_name == name:
                    return f"{plan.enum_name}::{variant}"
        # a binary's sentinel: expr() makes it anyhow!(its text)
    if node.type in ("unary_expression", "composite_literal"):
        value = expr(node, env)
        return f"{value.at(0)}.into()"
    value = expr(node, env)
    if value.go == ERROR and value.rust in (env.shape.error_enum, "anyhow::Error"):
        return value.text
    raise Untranslatable(node, "error expression of another error type")


# ----------------------------------------------------------------------- control flow


def _if(node: Node, env: Env, tail: bool) -> Lines:
    init = node.child_by_field_name("initializer")
    if init is not None:
        matched = _if_init_error(node, init, env, tail) or _if_type_assertion(node, init, env, tail)
        if matched is not None:
            return matched
        env.push()
        try:
            head = statement(init, env, False)
            rest = _if_chain(node, env, tail)
        finally:
            env.pop()
        return ["{", *head, *rest, "}"]
    return _if_chain(node, env, tail)


def _option_check(node: Node, env: Env, tail: bool) -> Lines | None:
    """`if p == nil { return .. }` on an Option -> `let Some(p) = p else { return .. };`,
    `if p != nil { .. }` -> `if let Some(p) = p { .. }`."""
    cond = node.child_by_field_name("condition")
    if cond is None or cond.type != "binary_expression":
        return None
    from go2rs.bodies.nilable import receiver_check

    if (receiver := receiver_check(node, env)) is not None:  # `if t == nil` on the receiver
        return receiver
    left, right = cond.child_by_field_name("left"), cond.child_by_field_name("right")
    op = text(cond.child_by_field_name("operator"))
    if left is not None and left.type == "selector_expression" and right is not None:
        return _field_option_check(node, left, op, right, env, tail)
    if left is None or left.type != "identifier" or right is None or right.type != "nil":
        return None
    local = env.lookup(text(left))
    if (
        local is not None
        and isinstance(local.go, TFunc)
        and (local.rust_type or "").startswith(("impl Fn", "&dyn Fn", "&impl Fn"))
        and op == "!="
        and node.child_by_field_name("alternative") is None
    ):  # a Rust fn parameter always holds a function: Go's nil check always passes
        body = braced(statements(node.child_by_field_name("consequence")), env, False)
        return [f"// go2rs: `{text(cond)}` always holds: a Rust fn parameter is never nil", body]
    held = (local.rust_type or "") if local is not None else ""
    borrowed = held.startswith("&Option<")  # `src := &f.primary`: Some(src) is a `&T`
    if local is None or not (borrowed or held.startswith("Option<")):
        return None
    inner = ("&" if borrowed else "") + held[held.index("<") + 1 : -1]
    consequence = statements(node.child_by_field_name("consequence"))
    alternative = node.child_by_field_name("alternative")
    if op == "==" and alternative is None and not borrowed and _returns_none(consequence, env):
        env.bind(text(left), Local(local.rust, local.go, inner))
        return [f"let {local.rust} = {local.rust}?;"]
    if op == "==" and alternative is None and consequence and _diverges(consequence[-1]):
        handled = braced(consequence, env, False)
        # An error variable lives on (a retry loop reassigns it): borrow, do not move it.
        borrow = "&" if local.go == ERROR and not borrowed else ""
        env.bind(text(left), Local(local.rust, local.go, f"{borrow}{inner}" if inner else None))
        env.note("N01", "nil check → let-else on Option")
        return [f"let Some({local.rust}) = {borrow}{local.rust} else {handled};"]
    if op == "!=":
        env.push()
        env.bind(text(left), Local(local.rust, local.go, inner))
        then = braced(consequence, env, tail)
        env.pop()
        rest = _else_branch(alternative, env, tail)
        env.note("N01", "nil check → if let Some")
        return [f"if let Some({local.rust}) = {local.rust} {then}{rest}"]
    return None


def _field_option_check(
    node: Node, left: Node, op: str, right: Node, env: Env, tail: bool
) -> Lines | None:
    """`if s.f == nil { return .. }` on an `Option<Box<T>>` field -> `let Some(f) = &s.f
    else { .. };` and later `s.f` reads use `f` (`!=`: `if let Some(f) = &s.f { .. }`), unless
    the body reassigns the field."""
    if right.type != "nil":
        return None
    value = expr(left, env)
    field = left.child_by_field_name("field")
    if not (value.rust or "").startswith("Option<") or field is None:
        return None
    if text(field) in env.mutated_fields or (text(left),) in collect_facts([node]).assigned:
        return None
    name = naming.snake(text(field))
    if any(local.rust == name for scope in env.scopes for local in scope.values()):
        return None  # the binding would shadow a local the body still uses
    assert value.rust is not None
    inner = value.rust[len("Option<") : -1]
    elem = value.go.elem if isinstance(value.go, TPointer) else value.go
    narrowed = Local(name, elem, "&" + inner)
    consequence = statements(node.child_by_field_name("consequence"))
    alternative = node.child_by_field_name("alternative")
    if op == "==" and alternative is None and consequence and _diverges(consequence[-1]):
        handled = braced(consequence, env, False)
        env.bind(text(left), narrowed)
        env.note("N01", "nil check → let-else on Option")
        return [f"let Some({name}) = &{value.at(1)} else {handled};"]
    if op == "!=" and alternative is None:
        env.push()
        env.bind(text(left), narrowed)
        then = braced(consequence, env, tail)
        env.pop()
        env.note("N01", "nil check → if let Some")
        return [f"if let Some({name}) = &{value.at(1)} {then}"]
    return None


def _if_chain(node: Node, env: Env, tail: bool) -> Lines:
    option = _option_check(node, env, tail)
    if option is not None:
        return option
    cond = expr(node.child_by_field_name("condition"), env)
    then = braced(statements(node.child_by_field_name("consequence")), env, tail)
    alternative = node.child_by_field_name("alternative")
    line = f"if {cond.text} {then}"
    if alternative is None:
        return [line]
    if alternative.type == "if_statement":
        rest = _if(alternative, env, tail)
        if alternative.child_by_field_name("initializer") is None:
            return [f"{line} else {rest[0]}", *rest[1:]]
        return [f"{line} else {{", *rest, "}"]
    return [line + _else_block(alternative, env, tail)]


def _if_init_error(node: Node, init: Node, env: Env, tail: bool) -> Lines | None:
    """`if v, err := f(); err != nil { A } else { B }` -> match; `if v, ok := m[k]; ok`."""
    if init.type != "short_var_declaration":
        return None
    left, right = _sides(init)
    names = [text(n) for n in left]
    cond = node.child_by_field_name("condition")
    if len(right) != 1 or cond is None:
        return None
    if right[0].type == "index_expression" and len(names) == 2 and text(cond) == names[1]:
        getter, value_type = _lookup(right[0], env)
        env.push()
        env.bind(
            names[0], Local(naming.snake(names[0]), value_type, "&" + rust_type(value_type, env))
        )
        then = braced(statements(node.child_by_field_name("consequence")), env, tail)
        env.pop()
        alternative = node.child_by_field_name("alternative")
        rest = _else_block(alternative, env, tail) if alternative else ""
        env.note("N01", "comma-ok lookup → if let Some")
        if names[0] == "_":
            return [f"if {_membership(getter, right[0], env)} {then}{rest}"]
        return [f"if let Some({naming.snake(names[0])}) = {getter} {then}{rest}"]
    if right[0].type != "call_expression" or text(cond) != f"{names[-1]} != nil":
        return None
    value = expr(right[0], env)
    if not value.fallible:
        return None
    err = names[-1]
    env.push()
    env.bind(err, Local(naming.snake(err), ERROR, _error_type_of(value, env)))
    then = braced(statements(node.child_by_field_name("consequence")), env, tail)
    env.pop()
    alternative = node.child_by_field_name("alternative")
    if alternative is None:
        handler = statements(node.child_by_field_name("consequence"))
        propagated = _propagation(handler, err, value, env) if len(names) == 1 else None
        if propagated is not None:  # `if err := f(); err != nil { return err }` (clippy)
            return [f"{propagated};"]
        return [f"if let Err({naming.snake(err)}) = {value.text} {then}"]
    env.push()
    bind = _pattern(names[:-1], value, env).removeprefix("let ").removesuffix(" = ") or "()"
    other = (
        braced(statements(alternative), env, tail)
        if alternative.type == "block"
        else "{\n" + "\n".join(_if(alternative, env, tail)) + "\n}"
    )
    env.pop()
    return [
        f"match {value.text} {{\nErr({naming.snake(err)}) => {then}\n"
        f"Ok({bind.replace('mut ', '')}) => {other}\n}}"
    ]


def _for(node: Node, env: Env, tail: bool) -> Lines:
    return for_loop(node, env, "")


def for_loop(node: Node, env: Env, prefix: str) -> Lines:
    """A Go `for` in all its forms; `prefix` is a Rust loop label (`'outer: `) or empty."""
    body_node = node.child_by_field_name("body")
    clause = next(
        (c for c in node.named_children if c.type in ("for_clause", "range_clause")), None
    )
    from go2rs.bodies.scanner import scan_loop, scan_of

    if scan_of(node, env) is not None:  # `for sc.Scan() { .. }`: lines()
        return scan_loop(node, None, env, prefix)[0]
    if clause is None:
        cond_node = next((c for c in node.named_children if c != body_node), None)
        if cond_node is None:
            body = statements(body_node)
            if not prefix and _runs_once(body):  # `for { ..; break }` (clippy: never_loop)
                return [braced(body[:-1], env, False)]
            return [f"{prefix}loop {braced(body, env, False)}"]
        cond = expr(cond_node, env)
        return [f"{prefix}while {cond.text} {braced(statements(body_node), env, False)}"]
    if clause.type == "range_clause":
        from go2rs.bodies.loops import range_loop

        return range_loop(clause, body_node, env, prefix)
    from go2rs.bodies.loops import three_clause

    return three_clause(clause, body_node, env, prefix)


def _runs_once(body: list[Node]) -> bool:
    """A loop body that ends in an unconditional `break` and never continues or breaks early."""
    if not body or body[-1].type != "break_statement" or body[-1].named_children:
        return False
    stack = list(body[:-1])
    while stack:
        current = stack.pop()
        if current.type in ("break_statement", "continue_statement"):
            return False
        if current.type not in ("for_statement", "func_literal"):
            stack.extend(current.named_children)
    return True


def _labeled(node: Node, env: Env, tail: bool) -> Lines:
    label_node = node.child_by_field_name("label")
    inner = [c for c in node.named_children if c is not label_node]
    if not inner or inner[0].type != "for_statement":
        raise Untranslatable(node, "label on something other than a loop")
    return for_loop(inner[0], env, f"'{naming.snake(text(label_node))}: ")


def _branch(node: Node, env: Env, tail: bool) -> Lines:
    keyword = "break" if node.type == "break_statement" else "continue"
    label = node.named_children[0] if node.named_children else None
    return [f"{keyword} '{naming.snake(text(label))};" if label else f"{keyword};"]


def _switch(node: Node, env: Env, tail: bool) -> Lines:
    from go2rs.bodies.switch import expression_switch

    return expression_switch(node, env, tail)


def _block_statement(node: Node, env: Env, tail: bool) -> Lines:
    return [braced(statements(node), env, tail)]


def _defer(node: Node, env: Env, tail: bool) -> Lines:
    call = node.named_children[0] if node.named_children else None
    called = (
        text(call.child_by_field_name("function"))
        if call is not None and call.type == "call_expression"
        else ""
    )
    method = called.rsplit(".", 1)[-1]
    if method == "Done":
        return ["// go2rs: `defer wg.Done()` — the JoinSet knows when the task ends"]
    from go2rs.bodies.goroutines import CANCEL_FUNC

    cancel = env.lookup(called)
    if cancel is not None and cancel.go == CANCEL_FUNC:
        return [f"let _cancel_on_return = {cancel.rust}.drop_guard();"]
    if method in ("Close", "Stop", "Flush") and "." in called:
        env.note("X03", f"defer {called}() → Drop runs it at scope end")
        return [f"// go2rs: `defer {called}()` — Drop does this when the value goes out of scope"]
    function = call.child_by_field_name("function") if call is not None else None
    if function is not None and function.type == "func_literal":
        if "recover()" in text(function):
            raise Untranslatable(
                node,
                "recover() in a deferred closure: Rust has no recover; return a Result where "
                "Go panics, or stop the panic at a boundary with std::panic::catch_unwind",
            )
        called = "of a closure"
    raise Untranslatable(
        node, f"defer {called}: Go runs it when the function returns (call it before each return)"
    )


def _go(node: Node, env: Env, tail: bool) -> Lines:
    from go2rs.bodies.goroutines import go_statement

    return go_statement(node, env)


def _send(node: Node, env: Env, tail: bool) -> Lines:
    from go2rs.bodies.channels import send

    return [send(node, env)]


def _select(node: Node, env: Env, tail: bool) -> Lines:
    from go2rs.bodies.goroutines import select

    return select(node, env, tail)


# ----------------------------------------------------------------------------- closures


def closure(node: Node, env: Env) -> E:
    """`func(x int) int { .. }` -> `|x: i64| -> i64 { .. }`."""
    from go2rs.idioms.types import Pos, map_type
    from go2rs.parse.lower import _Lowerer

    lowerer = _Lowerer(env.ctx.options.filename)
    params = lowerer.params(node.child_by_field_name("parameters"))
    results = lowerer.results(node.child_by_field_name("result"))
    if returns_error(results):
        raise Untranslatable(node, "closure returning an error")
    saved_shape = env.shape
    env.shape = FnShape(
        results, False, frozenset(), None, saved_shape.is_main_pkg, saved_shape.error_enum
    )
    env.push()
    try:
        rendered = []
        for param in params:
            rust = env.ctx.need(map_type(param.type, Pos.PARAM, env.ctx))
            name = naming.snake(param.name or "_")
            env.bind(param.name or "_", Local(name, param.type, rust))
            rendered.append(f"{name}: {rust}")
        ret = ""
        if len(results) == 1:
            ret = f" -> {rust_type(results[0].type, env)}"
        elif results:
            raise Untranslatable(node, "closure with several results")
        body_node = node.child_by_field_name("body")
        captured_writes = (
            {p[0] for p in collect_facts([body_node]).assigned} - {p.name for p in params}
            if body_node is not None
            else set()
        )
        # A closure the function returns as Box<dyn FnMut> (idioms/functions.py) owns them.
        stateful = (saved_shape.ret_rust or "").startswith("Box<dyn FnMut(") and (
            node.parent is not None
            and node.parent.parent is not None
            and node.parent.parent.type == "return_statement"
        )
        if not stateful and any(
            env.lookup(n) is not None and all(n not in s for s in env.scopes[-1:])
            for n in captured_writes
        ):
            raise Untranslatable(
                node,
                "a closure that changes captured variables (FnMut "
                "state; Go's func type maps to Fn)",
            )
        if stateful and any(
            (local := env.lookup(n)) is not None and not is_copy(local.go) for n in captured_writes
        ):  # the FnMut would hand out (move) the state it must keep: Go copied it
            raise Untranslatable(node, "a returned closure that changes captured non-Copy state")
        copies = _owned_captures(node, saved_shape, {p.name for p in params if p.name}, env)
        if any(_returns_name(body_node, name) for name, _ in copies):
            raise Untranslatable(node, "a returned closure that returns what it captured")
        body = braced(statements(body_node), env, bool(results))
    finally:
        env.pop()
        env.shape = saved_shape
    go = TFunc(tuple(Param(p.name, p.type) for p in params), results)
    used = set(identifiers(body_node)) - {name for name, _ in copies}
    borrowing = any(
        (local.rust_type or "").startswith("&")
        for scope in env.scopes
        for name, local in scope.items()
        if name in used
    )
    closure_text = f"move |{', '.join(rendered)}|{ret} {body}"
    handles = [  # an Arc it uses: the closure takes its own handle (Go shares the value)
        local.rust
        for name in sorted(used - {p.name for p in params})
        if (local := env.lookup(name)) is not None
        and (local.rust_type or "").startswith("Arc<")
        and not local.lock
    ]
    if handles or copies:
        clones = "".join(f"let {h} = {h}.clone();\n" for h in handles)
        clones += "".join(f"let {copy};\n" for _, copy in copies)
        closure_text = f"{{\n{clones}{closure_text}\n}}"
    return E(closure_text, go, "borrowing closure" if borrowing else None, 12)


def _returns_name(body: Node | None, name: str) -> bool:
    """Some `return` of the closure gives back the captured `name` itself (Rust would move
    it out of the closure, which must keep it for the next call)."""
    from go2rs.parse.parser import walk

    return body is not None and any(
        n.type == "return_statement" and any(text(v) == name for v in _return_values(n))
        for n in walk(body)
    )


def _owned_captures(
    node: Node, outer: FnShape, params: set[str], env: Env
) -> list[tuple[str, str]]:
    """A closure the function returns boxed outlives the call, so it must own what it
    captures: borrowed text and slices are copied into it (Go's closure kept them alive).
    Rebinds each inside the closure's scope; returns (Go name, `x = x.to_string()`)."""
    holder = node.parent.parent if node.parent is not None else None
    if holder is None or holder.type != "return_statement":
        return []
    if not (outer.ret_rust or "").startswith("Box<dyn Fn"):
        return []
    copies = []
    for name in identifiers(node.child_by_field_name("body")):
        local = env.lookup(name)
        if name in params or local is None or local.rust_type is None:
            continue
        held = local.rust_type
        if held == "&str":
            owned_type, copy = "String", f"{local.rust}.to_string()"
        elif held.startswith("&[") and held.endswith("]") and is_copy(elem_type(local.go)):
            owned_type, copy = f"Vec<{held[2:-1]}>", f"{local.rust}.to_vec()"
        else:
            continue
        env.bind(name, Local(local.rust, local.go, owned_type))
        copies.append((name, f"{local.rust} = {copy}"))
    return copies


_Handler = Callable[[Node, Env, bool], Lines]
_STATEMENTS: dict[str, _Handler] = {
    "short_var_declaration": _short_var,
    "var_declaration": _var_decl,
    "const_declaration": _const_decl,
    "assignment_statement": _assignment,
    "inc_statement": _inc_dec,
    "dec_statement": _inc_dec,
    "expression_statement": _expression_statement,
    "return_statement": _return,
    "if_statement": _if,
    "for_statement": _for,
    "labeled_statement": _labeled,
    "break_statement": _branch,
    "continue_statement": _branch,
    "expression_switch_statement": _switch,
    "type_switch_statement": _switch,
    "block": _block_statement,
    "defer_statement": _defer,
    "go_statement": _go,
    "send_statement": _send,
    "select_statement": _select,
}
