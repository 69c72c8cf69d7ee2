"""Method calls on placeholders of foreign types (`r.PathValue("id")` on a *http.Request).

A foreign type with no counterpart in the check set becomes a named placeholder. Where a body
calls one of the type's methods listed in idioms/packages.FOREIGN_METHODS, the call is
translated as a call of a method stub on the placeholder (its body a todo!() naming the Go
method, emitted once beside the placeholder), so the caller's own logic stays translated and
the stub is the one place a reviewer wires the real crate in.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import BOOL, INT, STRING, E, Env, Untranslatable
from go2rs.gomodel import GoType, TName, TPointer
from go2rs.idioms import naming
from go2rs.idioms.packages import FOREIGN_METHODS, FOREIGN_TYPES, Stub
from go2rs.rustmodel import Body, Fn, Param

_BASIC: dict[str, tuple[GoType, str]] = {
    "string": (STRING, "String"),
    "bool": (BOOL, "bool"),
    "int": (INT, "i64"),
}


def stub_call(receiver: E, base: TName, name: str, args: list[Node], node: Node, env: Env) -> E:
    """`recv.Method(args)` on a foreign placeholder -> `recv.method(args)` plus the stub;
    raises when the method has no stub."""
    from go2rs.bodies.exprs import rust_type

    assert base.pkg is not None
    path = env.ctx.program.import_path(base.pkg)
    go_method = f"{path}.{base.name}.{name}"
    stub = FOREIGN_METHODS.get(go_method)
    placeholder = rust_type(base, env)
    if stub is None or placeholder not in env.ctx.sink.placeholders:
        raise Untranslatable(node, f"method `{name}` on a value of unknown type")
    rendered = _arguments(stub, args, node, env)
    go, rust = _result(stub, env)
    params = tuple(Param(f"_{p}", t.replace("CancellationToken", _TOKEN)) for p, t in stub.params)
    if any(_TOKEN in p.type for p in params):
        env.ctx.sink.crates.add("tokio-util")
    crate = FOREIGN_TYPES.get(f"{path}.{base.name}")
    hint = f"; consider {crate.note} ({crate.crate} crate)" if crate is not None else ""
    todo = f"go2rs: Go's {go_method} has no Rust counterpart in this build{hint}"
    fn = Fn(naming.snake(name), True, params, rust, Body(todo, ()), self_param="&self")
    env.ctx.placeholder_method(placeholder, fn)
    env.note("T05", "methods of foreign placeholders → stubs beside them (todo!() inside)")
    return E(f"{receiver.at(0)}.{fn.name}({', '.join(rendered)})", go, rust)


_TOKEN = "tokio_util::sync::CancellationToken"


def _arguments(stub: Stub, args: list[Node], node: Node, env: Env) -> list[str]:
    from go2rs.bodies.exprs import coerce, expr

    variadic = bool(stub.params) and stub.params[-1][1].startswith("&[")
    fixed = stub.params[:-1] if variadic else stub.params
    if len(args) < len(fixed) or (not variadic and len(args) != len(fixed)):
        raise Untranslatable(node, f"a call with {len(args)} arguments of a foreign method")
    rendered = []
    for arg, (_, rust) in zip(args, fixed, strict=False):
        value = expr(arg, env)
        if rust.startswith("&") and rust != "&str":  # a value the stub borrows
            rendered.append(value.borrowed())
        else:
            rendered.append(coerce(value, rust, env))
    if variadic:
        rest = args[len(fixed) :]
        if any(a.type == "variadic_argument" for a in rest):
            raise Untranslatable(node, "a spread `args...` into a foreign method")
        values = [expr(a, env) for a in rest]  # `...any`: each shown with Debug
        rendered.append("&[" + ", ".join(v.borrowed() for v in values) + "]")
    return rendered


def _result(stub: Stub, env: Env) -> tuple[GoType | None, str | None]:
    from go2rs.bodies.exprs import rust_type

    if stub.go_result:
        return _BASIC[stub.go_result]
    if stub.result is None:
        return None, None
    path, name = stub.result
    alias = next((a for a, p in env.ctx.program.imports.items() if p == path), None)
    named = TName(name, alias or path.rsplit("/", 1)[-1])
    return (TPointer(named) if stub.pointer else named), rust_type(named, env)
