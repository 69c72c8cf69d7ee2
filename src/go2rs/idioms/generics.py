"""Generics (G01, G02): type parameters and their constraints -> Rust bounds and traits.

`any` -> `Clone`, `comparable` -> `Eq + Hash + Clone`, `cmp.Ordered` -> `Ord + Clone` (floats
would need `PartialOrd`; Go copies every value these sets allow, so Rust bodies may clone them),
an interface in the input -> that trait; a constraint interface with a type set
(`~int | ~float64`) -> a marker trait implemented for each member type.
"""

from __future__ import annotations

import re

from go2rs.context import Ctx
from go2rs.gomodel import (
    FLOAT_KINDS,
    INTEGER_KINDS,
    GoType,
    TInterface,
    TMap,
    TName,
    TStruct,
    TypeDecl,
    TypeParam,
)
from go2rs.idioms import naming
from go2rs.idioms.interfaces import embed_key
from go2rs.idioms.types import Pos, map_type
from go2rs.rustmodel import Body, Fn, Impl, Meta, Note, Trait

_NAMED_BOUNDS = {
    "any": "Clone",  # Go copies any value on assignment; Rust must be allowed to clone it
    "comparable": "Eq + Hash + Clone",
    "cmp.Ordered": "Ord + Clone",
    "constraints.Ordered": "Ord + Clone",
    "constraints.Integer": "Copy + Ord",
    "constraints.Signed": "Copy + Ord",
    "constraints.Unsigned": "Copy + Ord",
    "constraints.Float": "Copy + PartialOrd",
    "fmt.Stringer": "std::fmt::Display",
}


_NUMERIC = INTEGER_KINDS | FLOAT_KINDS


NUMERIC_SUPERTRAITS = (
    "Copy",
    "Default",
    "PartialOrd",
    "std::ops::Add<Output = Self>",
    "std::ops::Sub<Output = Self>",
    "std::ops::Mul<Output = Self>",
    "std::ops::Div<Output = Self>",
    "std::ops::AddAssign",
)


def named_caps(constraint: GoType) -> frozenset[str]:
    """What a named constraint's bound lets a body do with its values ("clone", "copy")."""
    rust = _NAMED_BOUNDS.get(embed_key(constraint), "")
    return frozenset(cap for cap, trait in (("clone", "Clone"), ("copy", "Copy")) if trait in rust)


def is_numeric_set(iface: TInterface) -> bool:
    return bool(iface.terms) and all(
        isinstance(t, TName) and t.pkg is None and t.name in _NUMERIC for t in iface.terms
    )


def bound(constraint: GoType, ctx: Ctx) -> tuple[str, Note | None]:
    """The Rust bound for a Go constraint (may be empty), and a note when it needs a look."""
    if isinstance(constraint, TName):
        key = embed_key(constraint)
        if key == "any":
            return _NAMED_BOUNDS[key], None
        if key == "comparable":
            ctx.sink.uses.add("std::hash::Hash")
            return _NAMED_BOUNDS[key], None
        if key in _NAMED_BOUNDS:
            note = (
                ctx.note("G01", "Ord rejects floats; use PartialOrd for float types")
                if "Ord" in _NAMED_BOUNDS[key]
                else None
            )
            return _NAMED_BOUNDS[key], note
        if constraint.pkg is None and constraint.name in ctx.program.types:
            return ctx.type_name(constraint.name), None
    if isinstance(constraint, TInterface) and is_numeric_set(constraint):
        return "Copy + PartialOrd", ctx.note(
            "G02", "inline type set → Copy + PartialOrd; add the operator bounds the body needs"
        )
    return "", ctx.note("G01", "constraint not mapped; add the bounds the body needs")


_ORDERED = frozenset({"cmp.Ordered", "constraints.Ordered"})
# Uses of a value that need a total order (sorting, cmp.Compare, min/max, map keys).
_TOTAL_ORDER_USES = re.compile(r"\b(?:cmp|slices|sort|maps)\.|\bmap\[")
_CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
_HARMLESS_CALLS = frozenset(
    {"len", "cap", "append", "make", "panic", "if", "for", "switch", "return"}
)


def compared_by_operators(params: tuple[TypeParam, ...], body_text: str) -> frozenset[str]:
    """The cmp.Ordered parameters of a function whose body only compares their values with
    operators and calls nothing that could need a total order: `PartialOrd` is enough
    there, and Go's float instantiations still compile (f64 is not `Ord`)."""
    ordered = frozenset(p.name for p in params if embed_key(p.constraint) in _ORDERED)
    if not ordered or _TOTAL_ORDER_USES.search(body_text):
        return frozenset()
    calls = set(_CALL.findall(body_text)) - _HARMLESS_CALLS
    return frozenset() if calls else ordered


def zero_valued(names: dict[str, str], body_text: str) -> frozenset[str]:
    """The type parameters a body declares a zero value of (`var zero T`), by their
    declared names (`names`: the name the body uses -> the declared name). Rust's zero value
    is `T::default()`, so those parameters get a `Default` bound."""
    found = set()
    for used, declared in names.items():
        if re.search(rf"\bvar\s+\w+(?:\s*,\s*\w+)*\s+{re.escape(used)}\s*$", body_text, re.M):
            found.add(declared)
    return frozenset(found)


def method_zero_valued(type_name: str, ctx: Ctx) -> frozenset[str]:
    """Type parameters of a generic type whose zero value some method body needs (scanned
    once per type: every method's signature and body asks)."""
    memo = ctx.decisions.zero_valued
    if type_name not in memo:
        memo[type_name] = _method_zero_valued(type_name, ctx)
    return memo[type_name]


def _method_zero_valued(type_name: str, ctx: Ctx) -> frozenset[str]:
    decl = ctx.program.types.get(type_name)
    if decl is None or not decl.type_params:
        return frozenset()
    declared = [p.name for p in decl.type_params]
    # Map fields whose values are a type parameter: a comma-ok read of one yields Go's zero
    # value when the key is missing.
    map_values = {
        f.name: f.type.value.name
        for f in (decl.type.fields if isinstance(decl.type, TStruct) else ())
        if f.name and isinstance(f.type, TMap) and isinstance(f.type.value, TName)
    }
    found: frozenset[str] = frozenset()
    for method in ctx.program.methods.get(type_name, []):
        if method.body is not None and method.receiver is not None:
            names = dict(zip(method.receiver.type_args, declared, strict=False))
            found |= zero_valued(names, method.body.text)
            found |= {
                value
                for field, value in map_values.items()
                if value in declared
                and re.search(
                    rf"\b\w+\s*,\s*\w+\s*:?=\s*{re.escape(method.receiver.name or '_')}"
                    rf"\.{re.escape(field)}\[",
                    method.body.text,
                )
            }
    return found


def generics(
    params: tuple[TypeParam, ...],
    ctx: Ctx,
    bounds: bool = True,
    defaults: frozenset[str] = frozenset(),
    partial_ordered: frozenset[str] = frozenset(),
) -> tuple[str, list[Note]]:
    """`[K comparable, V any]` -> ("<K: Eq + Hash, V>", notes)."""
    if not params:
        return "", []
    parts, notes = [], []
    for param in params:
        text, note = bound(param.constraint, ctx) if bounds else ("", None)
        if bounds and param.name in partial_ordered:
            text = "PartialOrd + Clone"
            note = ctx.note("G01", "cmp.Ordered compared with operators only → PartialOrd")
        if param.name in defaults and "Default" not in text:
            text = f"{text} + Default" if text else "Default"
            notes.append(ctx.note("G01", f"Go's zero value of {param.name} → Default bound"))
        parts.append(f"{param.name}: {text}" if text else param.name)
        if note is not None:
            notes.append(note)
    notes.append(ctx.note("G01", "Go type parameters → Rust generics with trait bounds"))
    return f"<{', '.join(parts)}>", notes


def constraint_trait(decl: TypeDecl, iface: TInterface, ctx: Ctx) -> list[Trait | Impl]:
    """`type Number interface { ~int | ~float64 }` -> a marker trait and one impl per type."""
    name = ctx.type_name(decl.name)
    numeric = is_numeric_set(iface)
    text = "Go type set → trait implemented for each member type" + (
        "; numeric members, so it carries the arithmetic and the conversions "
        "(float64(x), int(x)) the body can use"
        if numeric
        else ""
    )
    note = ctx.note("G02", text)
    items: list[Trait | Impl] = [
        Trait(
            name,
            naming.is_exported(decl.name),
            tuple(_conversion(rust, None) for rust in NUMERIC_CONVERSIONS) if numeric else (),
            supertraits=NUMERIC_SUPERTRAITS if numeric else (),
            meta=Meta(notes=(note,), origin=f"go: {decl.span.file}:{decl.span.line}"),
        )
    ]
    seen: set[str] = set()
    for term in iface.terms:
        rust = ctx.need(map_type(term, Pos.FIELD, ctx))
        if rust not in seen and isinstance(term, TName):
            seen.add(rust)
            fns = tuple(_conversion(to, rust) for to in NUMERIC_CONVERSIONS) if numeric else ()
            items.append(Impl(rust, fns, trait=name))
    return items


# What a numeric type set's trait converts to: Go's float64(x) and int(x) of a T.
NUMERIC_CONVERSIONS = ("f64", "i64")


def conversion_method(rust: str) -> str:
    return f"to_{rust}"


def _conversion(to: str, member: str | None) -> Fn:
    """`fn to_f64(self) -> f64` of a numeric trait; with its body (`self as f64`) for
    `member`'s impl."""
    body = None
    if member is not None:
        body = Body("", (), ("self" if member == to else f"self as {to}",))
    return Fn(conversion_method(to), False, (), to, body, "self")
