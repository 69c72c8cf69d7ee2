"""Go types -> Rust types (T01..T05, I05, I06): basic kinds, containers, borrows by position.

Where a type appears decides its shape: parameters borrow (`&str`, `&[T]`), fields and
results own (`String`, `Vec<T>`). Pointers are decided by the nil idiom and passed in.
"""

from __future__ import annotations

import enum
from typing import assert_never

from go2rs.context import Ctx
from go2rs.gomodel import (
    ChanDir,
    GoType,
    Param,
    TArray,
    TChan,
    TFunc,
    TInterface,
    TMap,
    TName,
    TPointer,
    TSlice,
    TStruct,
    TUnknown,
)
from go2rs.idioms import naming, packages
from go2rs.rustmodel import RustType


class Pos(enum.Enum):
    FIELD = "field"
    PARAM = "param"
    RESULT = "result"
    ELEM = "elem"  # inside a container or a generic argument


def _copy(text: str) -> RustType:
    return RustType(text, serde=True, copy=True)


BASIC: dict[str, RustType] = {
    "int": _copy("i64"),
    "int8": _copy("i8"),
    "int16": _copy("i16"),
    "int32": _copy("i32"),
    "int64": _copy("i64"),
    "uint": _copy("u64"),
    "uint8": _copy("u8"),
    "uint16": _copy("u16"),
    "uint32": _copy("u32"),
    "uint64": _copy("u64"),
    "uintptr": _copy("usize"),
    "byte": _copy("u8"),
    "rune": _copy("char"),
    "float32": _copy("f32"),
    "float64": _copy("f64"),
    "bool": _copy("bool"),
    "complex128": _copy("(f64, f64)"),
    "complex64": _copy("(f32, f32)"),
}
STRING = RustType("String", serde=True)
STR = RustType("&str", serde=True)
DYN_ERROR = RustType(
    "Box<dyn std::error::Error + Send + Sync>", debug=True, clone=False, default=False, serde=False
)
ANY_OWNED = RustType(
    "Box<dyn Any + Send + Sync>",
    uses=frozenset({"std::any::Any"}),
    clone=False,
    default=False,
    serde=False,
)
ANY_PARAM = RustType("&dyn Any", uses=frozenset({"std::any::Any"}), default=False, serde=False)
UNIT = RustType("()", serde=True, copy=True)
_CHAN_SIDES = {ChanDir.SEND: "Sender", ChanDir.RECV: "Receiver"}


def map_type(t: GoType, pos: Pos, ctx: Ctx) -> RustType:
    """The Rust type for `t` at `pos`. Pointers map to their pointee (callers decide Option)."""
    match t:
        case TName():
            return _named(t, pos, ctx)
        case TPointer(elem):
            inner = map_type(elem, Pos.ELEM if pos is Pos.PARAM else pos, ctx)
            if pos is Pos.PARAM and not inner.text.startswith("&"):
                return inner.wrap("&{}", copy=True)
            return inner
        case TSlice(elem):
            inner = map_type(elem, Pos.ELEM, ctx)
            if pos is Pos.PARAM:
                return inner.wrap("&[{}]", copy=True, default=False)
            return inner.wrap("Vec<{}>", default=True)
        case TArray(length, elem):
            inner = map_type(elem, Pos.ELEM, ctx)
            size = length if length.isdigit() else naming.screaming(length)
            if not length.isdigit() and not length.isidentifier():
                return inner.wrap("Vec<{}>")  # `[...]T` or a computed length
            return inner.wrap(
                f"[{{}}; {size}]",
                default=inner.default and length.isdigit() and int(length) <= 32,
                copy=inner.copy,
            )
        case TMap(key, value):
            return _map(key, value, pos, ctx)
        case TChan(direction, elem):
            side = _CHAN_SIDES.get(direction, "Sender")
            inner = map_type(elem, Pos.ELEM, ctx)
            ctx.sink.idioms["C03"] += 1
            return RustType(
                f"mpsc::{side}<{inner.text}>",
                inner.uses | {"tokio::sync::mpsc"},
                inner.crates | {"tokio"},
                debug=True,
                clone=side == "Sender",
                default=False,
                serde=False,
            )
        case TFunc():
            return _func(t, pos, ctx)
        case TInterface(methods, embeds, _):
            if not methods and not embeds:
                ctx.sink.idioms["I06"] += 1
                return ANY_PARAM if pos is Pos.PARAM else ANY_OWNED
            return RustType(
                "Box<dyn Any + Send + Sync>",
                frozenset({"std::any::Any"}),
                clone=False,
                default=False,
                serde=False,
            )
        case TStruct(fields):
            return UNIT if not fields else RustType("()", serde=False)
        case TUnknown(text):
            ctx.placeholder("UnreadGoType", 0, text, f"go2rs could not read the Go type `{text}`")
            return RustType("UnreadGoType", serde=False)
        case _:
            assert_never(t)


def _named(t: TName, pos: Pos, ctx: Ctx) -> RustType:
    if t.pkg is not None:
        return _qualified(t, pos, ctx)
    name = t.name
    if name in BASIC:
        ctx.sink.idioms["T01"] += 1
        return BASIC[name]
    if name == "string":
        return STR if pos is Pos.PARAM else STRING
    if name == "error":
        return DYN_ERROR
    if name in ("any", "interface{}"):
        ctx.sink.idioms["I06"] += 1
        return ANY_PARAM if pos is Pos.PARAM else ANY_OWNED
    if name in ctx.type_params:
        return RustType(name, serde=False)
    args = [map_type(a, Pos.ELEM, ctx) for a in t.args]
    generic = f"<{', '.join(a.text for a in args)}>" if args else ""
    uses = frozenset().union(*(a.uses for a in args)) if args else frozenset()
    crates = frozenset().union(*(a.crates for a in args)) if args else frozenset()
    rust_name = ctx.type_name(name)
    if ctx.program.interface(name) is not None:
        ctx.sink.idioms["I05"] += 1
        text = (
            f"&dyn {rust_name}{generic}" if pos is Pos.PARAM else f"Box<dyn {rust_name}{generic}>"
        )
        return RustType(text, uses, crates, debug=False, clone=False, default=False, serde=False)
    if name not in ctx.program.types:
        ctx.placeholder(rust_name, len(t.args), name, f"`{name}` is defined outside this input")
    caps = type_caps(name, ctx)
    return RustType(rust_name + generic, uses, crates, **caps)


def type_caps(name: str, ctx: Ctx) -> dict[str, bool]:
    """What a local type derives; placeholders derive everything but serde."""
    from go2rs.idioms.structs import derives_for  # the struct idiom owns derive decisions

    derives = derives_for(name, ctx)
    return {
        "debug": "Debug" in derives,
        "clone": "Clone" in derives,
        "default": "Default" in derives,
        "serde": "Serialize" in derives,
        "copy": "Copy" in derives,
    }


def _qualified(t: TName, pos: Pos, ctx: Ctx) -> RustType:
    assert t.pkg is not None
    path = ctx.program.import_path(t.pkg)
    if ctx.options.local_packages:
        local = _module_local(t, path, pos, ctx)
        if local is not None:
            return local
    entry = packages.lookup(path, t.name)
    if isinstance(entry, packages.Mapped):
        ctx.sink.idioms["T04"] += 1
        text = entry.param if pos is Pos.PARAM and entry.param else entry.owned
        return RustType(
            text,
            frozenset(entry.uses),
            frozenset(entry.crates),
            entry.debug,
            entry.clone,
            entry.default,
            entry.serde,
            entry.copy,
        )
    placeholder = naming.camel(t.pkg) + naming.camel(t.name)
    if isinstance(entry, packages.Foreign):
        note = f"Go {path}.{t.name}; consider {entry.note} ({entry.crate} crate)"
    else:
        note = f"Go {path}.{t.name} has no mapping yet"
    ctx.sink.idioms["T05"] += 1
    ctx.placeholder(placeholder, len(t.args), f"{t.pkg}.{t.name}", note)
    rtype = RustType(placeholder, serde=False)
    return rtype.wrap("&{}") if pos is Pos.PARAM else rtype


def _module_local(t: TName, path: str, pos: Pos, ctx: Ctx) -> RustType | None:
    """A type from another package of the same module (batch mode): a `crate::` path with the
    derives that package's output has, instead of a placeholder."""
    module = dict(ctx.options.local_packages).get(path)
    if module is None:
        return None
    args = [map_type(a, Pos.ELEM, ctx) for a in t.args]
    generic = f"<{', '.join(a.text for a in args)}>" if args else ""
    uses = frozenset().union(*(a.uses for a in args)) if args else frozenset()
    crates = frozenset().union(*(a.crates for a in args)) if args else frozenset()
    name = naming.camel(t.name)
    rust_path = f"{module}::{name}{generic}"
    info = dict(ctx.options.local_types).get(f"{path}.{name}")
    if info is not None and info.trait:
        ctx.sink.idioms["I05"] += 1
        text = f"&dyn {rust_path}" if pos is Pos.PARAM else f"Box<dyn {rust_path}>"
        return RustType(text, uses, crates, debug=False, clone=False, default=False, serde=False)
    if info is None:  # not emitted as a type we know (an alias, a function type ...)
        return RustType(rust_path, uses, crates, False, False, False, False)
    return RustType(
        rust_path, uses, crates, info.debug, info.clone, info.default, info.serde, info.copy
    )


def _map(key: GoType, value: GoType, pos: Pos, ctx: Ctx) -> RustType:
    k = map_type(key, Pos.ELEM, ctx)
    if isinstance(value, TStruct) and not value.fields:
        ctx.sink.idioms["T02"] += 1
        owned = RustType(
            f"HashSet<{k.text}>",
            k.uses | {"std::collections::HashSet"},
            k.crates,
            k.debug,
            k.clone,
            True,
            k.serde,
        )
    else:
        v = map_type(value, Pos.ELEM, ctx)
        owned = RustType(
            f"HashMap<{k.text}, {v.text}>",
            k.uses | v.uses | {"std::collections::HashMap"},
            k.crates | v.crates,
            k.debug and v.debug,
            k.clone and v.clone,
            True,
            k.serde and v.serde,
        )
    return owned.wrap("&{}", copy=True) if pos is Pos.PARAM else owned


def fn_trait(params: tuple[Param, ...], results: tuple[Param, ...], ctx: Ctx) -> RustType:
    """`func(string, int) error` -> `Fn(&str, i64) -> Result<(), Error>` (no Box/impl)."""
    from go2rs.idioms.errors import result_type  # results share the error idiom's rules

    args = [map_type(p.type, Pos.PARAM, ctx) for p in params]
    ret = result_type(results, ctx, frozenset())
    text = f"Fn({', '.join(a.text for a in args)})"
    if ret.text != "()":
        text += f" -> {ret.text}"
    uses = frozenset().union(ret.uses, *(a.uses for a in args))
    crates = frozenset().union(ret.crates, *(a.crates for a in args))
    return RustType(text, uses, crates)


def _func(t: TFunc, pos: Pos, ctx: Ctx) -> RustType:
    ctx.sink.idioms["T03"] += 1
    sig = fn_trait(t.params, t.results, ctx)
    if pos is Pos.PARAM:
        return sig.wrap("impl {}", debug=False, clone=False, default=False, serde=False)
    return sig.wrap(
        "Box<dyn {} + Send + Sync>", debug=False, clone=False, default=False, serde=False
    )
