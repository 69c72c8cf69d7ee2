"""Interfaces (I01..I03, G02): traits, supertraits, and explicit `impl Trait for T`.

Go satisfies interfaces implicitly; Rust wants `impl Trait for Type`. Every type whose method
set covers an interface in the input gets one. A trait and its implementations must agree on
`&mut self`, `async` and Option results, so those decisions are unified per trait method.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from go2rs.context import Ctx
from go2rs.gomodel import FuncDecl, GoType, MethodSpec, Param, TInterface, TName, substitute
from go2rs.idioms import naming
from go2rs.rustmodel import Body, Fn, Meta

# Std interfaces an interface may embed, by the methods they require.
STD_METHODS: dict[str, frozenset[str]] = {
    "error": frozenset({"Error"}),
    "fmt.Stringer": frozenset({"String"}),
    "io.Reader": frozenset({"Read"}),
    "io.Writer": frozenset({"Write"}),
    "io.Closer": frozenset({"Close"}),
}
# Std interfaces that become supertraits (their methods become trait impls go2rs writes).
STD_SUPERTRAITS = {"error": "std::error::Error", "fmt.Stringer": "std::fmt::Display"}
SPECIAL_METHODS = {"Error": "std::error::Error", "String": "std::fmt::Display"}
# The supertrait that lets a `&dyn Trait` upcast to `&dyn Any` (Rust 1.86), so a Go type
# assertion from the interface to a concrete type becomes `downcast_ref::<T>()`.
ANY = "std::any::Any"


def embed_key(t: GoType) -> str:
    if isinstance(t, TName):
        return f"{t.pkg}.{t.name}" if t.pkg else t.name
    return ""


def is_constraint(iface: TInterface) -> bool:
    return bool(iface.terms)


def own_methods(iface: TInterface) -> tuple[MethodSpec, ...]:
    """Methods the trait declares itself (Error/String become supertraits instead)."""
    return tuple(m for m in iface.methods if not _special(m))


def _special(m: MethodSpec) -> bool:
    return (
        m.name in SPECIAL_METHODS
        and not m.params
        and len(m.results) == 1
        and m.results[0].type == TName("string")
    )


def method_set(
    name: str, ctx: Ctx, seen: frozenset[str] = frozenset()
) -> dict[str, MethodSpec | None]:
    """All methods an implementer of `name` needs, through embedded interfaces
    (None for a std interface's method, of which only the name matters here)."""
    iface = ctx.program.interface(name)
    if iface is None or name in seen:
        return {}
    out: dict[str, MethodSpec | None] = {m.name: m for m in iface.methods}
    for embed in iface.embeds:
        key = embed_key(embed)
        if key in STD_METHODS:
            out.update(dict.fromkeys(STD_METHODS[key]))
        else:
            out.update(method_set(key, ctx, seen | {name}))
    return out


def supertraits(iface: TInterface, ctx: Ctx, name: str) -> list[str]:
    out: list[str] = []
    if name in ctx.decisions.any_traits:
        out.append(ANY)
    for embed in iface.embeds:
        key = embed_key(embed)
        if key in STD_SUPERTRAITS:
            out.append(STD_SUPERTRAITS[key])
        elif ctx.program.interface(key) is not None:
            out.append(ctx.type_name(key))
    out.extend(SPECIAL_METHODS[m.name] for m in iface.methods if _special(m))
    return list(dict.fromkeys(out))


def analyze(ctx: Ctx) -> None:
    program = ctx.program
    interfaces = [
        n
        for n, d in program.types.items()
        if isinstance(d.type, TInterface) and not is_constraint(d.type)
    ]
    embedding = {n for n in program.types if promoted_methods(n, ctx)}
    for type_name in sorted(set(program.methods) | embedding):
        if program.interface(type_name) is not None:
            continue
        methods = promoted_methods(type_name, ctx) | program.method_names(type_name)
        for iface in interfaces:
            required = method_set(iface, ctx)
            generic = bool(program.types[iface].type_params)
            if required and all(_matches(required[m], methods.get(m), generic) for m in required):
                ctx.decisions.trait_impls.setdefault(type_name, []).append(iface)
                ctx.decisions.implementers.setdefault(iface, []).append(type_name)
    asserted = frozenset().union(
        *(f.body.facts.asserted for f in program.all_funcs() if f.body is not None)
    )
    for iface, types in ctx.decisions.implementers.items():
        # Over-approximate (the pass does not know which interface a body asserts from):
        # any interface a type asserted to implements. `Any` only asks implementers to be
        # 'static, which go2rs's owned structs are.
        generic = any(d.type_params for t in types if (d := program.types.get(t)) is not None)
        if asserted.intersection(types) and not generic:
            ctx.decisions.any_traits.add(iface)


def _matches(spec: MethodSpec | None, method: FuncDecl | None, generic: bool) -> bool:
    """Whether `method` satisfies `spec`: in Go, identical parameter and result types (names
    aside). A generic interface's methods name its type parameters, which each implementer
    instantiates its own way: there only the counts are compared."""
    if method is None:
        return False
    if spec is None:
        return True
    if len(spec.params) != len(method.params) or len(spec.results) != len(method.results):
        return False
    return generic or (
        _types(spec.params) == _types(method.params)
        and _types(spec.results) == _types(method.results)
    )


# Go's predeclared aliases: `Write(p []byte)` satisfies `Write(p []uint8)`.
_ALIASES: dict[str, GoType] = {"byte": TName("uint8"), "rune": TName("int32"), "any": TInterface()}


def _types(params: tuple[Param, ...]) -> tuple[tuple[GoType, bool], ...]:
    return tuple((substitute(p.type, _ALIASES), p.variadic) for p in params)


def trait_groups(ctx: Ctx) -> Iterator[list[str]]:
    """[`Iface.M`, `T1.M`, `T2.M`, ...] for every trait method: keys that must agree (a
    method promoted from an embedded struct by the key of the method Go promoted)."""
    for iface, types in ctx.decisions.implementers.items():
        decl = ctx.program.interface(iface)
        if decl is None:
            continue
        for method in own_methods(decl):
            keys = [f"{iface}.{method.name}"]
            for t in types:
                own = ctx.program.method_names(t).get(method.name)
                promoted = promoted_methods(t, ctx).get(method.name)
                keys.append(promoted.key if own is None and promoted else f"{t}.{method.name}")
            yield keys


def promoted_methods(type_name: str, ctx: Ctx) -> dict[str, FuncDecl]:
    """Methods Go promotes to a struct from the local structs it embeds by value: a name
    exactly one embedded field has (one level; the struct's own methods win, see callers)."""
    struct = ctx.program.struct(type_name)
    if struct is None:
        return {}
    found: dict[str, list[FuncDecl]] = {}
    for field in struct.fields:
        inner = field.type
        if field.name is not None or not isinstance(inner, TName) or inner.pkg is not None:
            continue
        for name, method in ctx.program.method_names(inner.name).items():
            if name not in SPECIAL_METHODS:  # Display / Error impls are not forwarded
                found.setdefault(name, []).append(method)
    return {name: methods[0] for name, methods in found.items() if len(methods) == 1}


def forwarders(type_name: str, names: set[str], ctx: Ctx) -> tuple[Fn, ...]:
    """Trait methods a struct has only by promotion: `fn m(&self, ..) { self.inner.m(..) }`
    (Go's promoted method is that call; Rust forwards by hand)."""
    from go2rs.idioms.functions import Signature, build_fn

    own = ctx.program.method_names(type_name)
    out = []
    for name, method in sorted(promoted_methods(type_name, ctx).items()):
        if name not in names or name in own or method.receiver is None:
            continue
        fn = build_fn(Signature.of(method), ctx, pub=False, body=None, span=None, in_trait=True)
        field = naming.snake(method.receiver.type_name)
        args = ", ".join(p.name for p in fn.params)
        call = f"self.{field}.{ctx.fn_name(method.key)}({args}){'.await' if fn.is_async else ''}"
        note = ctx.note("S02", f"promoted from embedded {method.receiver.type_name}: forwarded")
        out.append(dataclasses.replace(fn, body=Body("", (), (call,)), meta=Meta(notes=(note,))))
    return tuple(out)


def unify_set(keys: set[str], ctx: Ctx) -> bool:
    """Spread membership across each trait group; True when anything changed."""
    changed = False
    for group in trait_groups(ctx):
        if any(k in keys for k in group) and not all(k in keys for k in group):
            keys.update(group)
            changed = True
    return changed


def unify_map(table: dict[str, frozenset[int]], ctx: Ctx) -> None:
    for group in trait_groups(ctx):
        merged = frozenset().union(*(table.get(k, frozenset()) for k in group))
        if merged:
            table.update(dict.fromkeys(group, merged))
