"""Constants and package variables (K02, K03).

`const MaxSize = 10` -> `pub const MAX_SIZE: i64 = 10;`. Package variables are global state;
literal ones become `static`, the rest a visible todo rather than an invented initializer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from go2rs.context import Ctx, Todo
from go2rs.gomodel import (
    EBinary,
    ECall,
    EIdent,
    ELit,
    EOther,
    ESelector,
    EUnary,
    Expr,
    TName,
    ValueSpec,
)
from go2rs.idioms import enums, naming
from go2rs.idioms.comments import doc_lines, go_source_lines
from go2rs.idioms.literals import (
    eval_int,
    go_string_value,
    rust_char,
    rust_int,
    rust_string,
    uses_iota,
)
from go2rs.idioms.types import BASIC, Pos, map_type
from go2rs.rustmodel import CommentBlock, Const, Item, Meta, Note


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    type: str  # "i64", "f64", "&str", "char", "bool", "Duration", ... or "" when open


_LIT_TYPES = {"int": "i64", "float": "f64", "string": "&str", "rune": "char", "bool": "bool"}
_DURATIONS = {
    "Nanosecond": ("from_nanos", 1),
    "Microsecond": ("from_micros", 1),
    "Millisecond": ("from_millis", 1),
    "Second": ("from_secs", 1),
    "Minute": ("from_secs", 60),
    "Hour": ("from_secs", 3600),
}
_MATH = {
    "Pi": ("std::f64::consts::PI", "f64"),
    "E": ("std::f64::consts::E", "f64"),
    "Sqrt2": ("std::f64::consts::SQRT_2", "f64"),
    "Ln2": ("std::f64::consts::LN_2", "f64"),
    "MaxInt": ("i64::MAX", "i64"),
    "MinInt": ("i64::MIN", "i64"),
    "MaxInt64": ("i64::MAX", "i64"),
    "MinInt64": ("i64::MIN", "i64"),
    "MaxInt32": ("i32::MAX", "i32"),
    "MinInt32": ("i32::MIN", "i32"),
    "MaxUint32": ("u32::MAX", "u32"),
    "MaxUint8": ("u8::MAX", "u8"),
    "MaxInt8": ("i8::MAX", "i8"),
    "MaxInt16": ("i16::MAX", "i16"),
    "MaxUint16": ("u16::MAX", "u16"),
    "MaxFloat64": ("f64::MAX", "f64"),
    "SmallestNonzeroFloat64": ("f64::MIN_POSITIVE", "f64"),
}
_CASTS = {
    "int": "i64",
    "int64": "i64",
    "int32": "i32",
    "float64": "f64",
    "float32": "f32",
    "uint": "u64",
    "uint64": "u64",
    "uint32": "u32",
    "byte": "u8",
    "uint8": "u8",
}


def const_value(expr: Expr | None, ctx: Ctx, env: dict[str, str], iota: int) -> Value | None:
    """A Rust constant expression for a Go one, or None when go2rs cannot be sure."""
    if uses_iota(expr) and (number := eval_int(expr, iota, {})) is not None:
        return Value(str(number), "i64")  # fold `1 << (10 * iota)` to its value
    match expr:
        case None:
            return None
        case ELit(kind, text):
            return _literal(kind, text)
        case EIdent("iota"):
            return Value(str(iota), "i64")
        case EIdent(name):
            if (path := enums.variant_path(name, ctx)) is not None:
                return Value(path, path.split("::")[0])
            if name in env:
                return Value(ctx.const_name(name), env[name])
            return None
        case ESelector(EIdent("math"), name) if name in _MATH:
            return Value(*_MATH[name])
        case ESelector(EIdent("time"), unit) if unit in _DURATIONS:
            ctx.sink.uses.add("std::time::Duration")
            method, scale = _DURATIONS[unit]
            return Value(f"Duration::{method}({scale})", "Duration")
        case EBinary("*", ELit("int", n), ESelector(EIdent("time"), unit)) if unit in _DURATIONS:
            ctx.sink.uses.add("std::time::Duration")
            method, scale = _DURATIONS[unit]
            count = rust_int(n) if scale == 1 else f"{rust_int(n)} * {scale}"
            return Value(f"Duration::{method}({count})", "Duration")
        case EBinary(op, left, right):
            return _binary(op, left, right, ctx, env, iota)
        case EUnary(op, operand):
            inner = const_value(operand, ctx, env, iota)
            if inner is None or op not in ("-", "+", "^", "!"):
                return None
            rust_op = {"^": "!", "+": ""}.get(op, op)
            return Value(f"{rust_op}{inner.text}", inner.type)
        case ECall(EIdent(cast), (arg,)) if cast in _CASTS:
            inner = const_value(arg, ctx, env, iota)
            return Value(f"{inner.text} as {_CASTS[cast]}", _CASTS[cast]) if inner else None
        case ECall() | ESelector() | EOther():
            return None
        case _:
            assert_never(expr)


def _literal(kind: str, text: str) -> Value | None:
    if kind == "int":
        return Value(rust_int(text), "i64")
    if kind == "float":
        if text.lower().startswith("0x"):
            return None
        clean = text.replace("_", "")
        clean = "0" + clean if clean.startswith(".") else clean
        clean = clean + "0" if clean.endswith(".") else clean
        return Value(clean if any(c in clean for c in ".eE") else clean + ".0", "f64")
    if kind in ("string", "rune"):
        value = go_string_value(text)
        if value is None:
            return None
        if kind == "rune":
            return Value(rust_char(value), "char") if len(value) == 1 else None
        return Value(rust_string(value), "&str")
    if kind == "bool":
        return Value(text, "bool")
    return None


def _binary(
    op: str, left: Expr, right: Expr, ctx: Ctx, env: dict[str, str], iota: int
) -> Value | None:
    lhs, rhs = const_value(left, ctx, env, iota), const_value(right, ctx, env, iota)
    if lhs is None or rhs is None or "&str" in (lhs.type, rhs.type):
        return None  # string concatenation is not a Rust const expression
    rust_op = "& !" if op == "&^" else op
    if "Duration" in (lhs.type, rhs.type):
        return _duration(op, lhs, rhs)
    newtype = (
        lhs.type
        if lhs.type == rhs.type
        and lhs.type[:1].isupper()  # not i64/f64/&str: skips a scan of every type (big files)
        and lhs.type in {ctx.type_name(t) for t in ctx.program.types}
        else None
    )
    if newtype is not None and op in ("|", "&", "^", "&^", "+", "-"):
        return Value(f"{newtype}({lhs.text}.0 {rust_op} {rhs.text}.0)", newtype)
    if op in ("==", "!=", "<", ">", "<=", ">=", "&&", "||"):
        return Value(f"{lhs.text} {rust_op} {rhs.text}", "bool")
    kind = (
        lhs.type if lhs.type == rhs.type else "f64" if "f64" in (lhs.type, rhs.type) else lhs.type
    )
    if kind == "f64" and lhs.type != rhs.type:  # an untyped int constant in float arithmetic
        lhs = lhs if lhs.type == "f64" else Value(f"{lhs.text} as f64", "f64")
        rhs = rhs if rhs.type == "f64" else Value(f"{rhs.text} as f64", "f64")
    if op in ("<<", ">>"):
        kind = lhs.type
    return Value(f"({lhs.text} {rust_op} {rhs.text})", kind)


def _duration(op: str, lhs: Value, rhs: Value) -> Value | None:
    """Duration arithmetic through its const methods (`*`, `+`, `-`)."""
    if op == "*" and lhs.type == "Duration" and rhs.text.isdigit():
        return Value(f"{lhs.text}.saturating_mul({rhs.text})", "Duration")
    if op == "*" and rhs.type == "Duration" and lhs.text.isdigit():
        return Value(f"{rhs.text}.saturating_mul({lhs.text})", "Duration")
    if op in ("+", "-") and lhs.type == rhs.type == "Duration":
        method = "saturating_add" if op == "+" else "saturating_sub"
        return Value(f"{lhs.text}.{method}({rhs.text})", "Duration")
    return None


def build_consts(specs: tuple[ValueSpec, ...], ctx: Ctx, env: dict[str, str]) -> list[Item]:
    items: list[Item] = []
    for spec in specs:
        if spec.name in ctx.decisions.enum_consts or spec.name == "_":
            continue
        value = const_value(spec.value, ctx, env, spec.iota)
        if value is None:
            items.append(
                untranslated(
                    spec, ctx, "const", "go2rs could not evaluate this constant expression"
                )
            )
            continue
        declared = _declared_type(spec, ctx)
        rust_type = declared or value.type
        env[spec.name] = rust_type
        notes = (ctx.note("K02", "Go constant → typed Rust const"),)
        items.append(
            Const(
                ctx.const_name(spec.name),
                naming.is_exported(spec.name),
                rust_type,
                _coerce(value, declared, spec, ctx),
                meta=_meta(spec, notes),
            )
        )
    return items


def _coerce(value: Value, declared: str | None, spec: ValueSpec, ctx: Ctx) -> str:
    """Fit an untyped Go constant to its declared Rust type."""
    text = value.text[1:-1] if _balanced_outer(value.text) else value.text
    if declared is None or declared == value.type:
        return text
    if isinstance(spec.type, TName) and spec.type.name in ctx.program.types:
        return f"{declared}({text})"  # a newtype constant
    if declared in ("f32", "f64") and value.type == "i64" and text.lstrip("-").isdigit():
        return text + ".0"
    if declared == "u8" and value.type == "char" and text.isascii():
        return "b" + text
    return text


def _balanced_outer(text: str) -> bool:
    if not (text.startswith("(") and text.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _declared_type(spec: ValueSpec, ctx: Ctx) -> str | None:
    """The Rust type a constant declares; None when Go's type is defined outside the input
    (a placeholder cannot hold a value, so the constant keeps its literal's type)."""
    if spec.type is None:
        return None
    if (
        isinstance(spec.type, TName)
        and spec.type.pkg is None
        and spec.type.name not in ctx.program.types
        and spec.type.name not in BASIC
        and spec.type.name != "string"
    ):
        return None
    if isinstance(spec.type, TName) and spec.type.name == "string" and spec.type.pkg is None:
        return "&str"
    return ctx.need(map_type(spec.type, Pos.FIELD, ctx))


def build_vars(specs: tuple[ValueSpec, ...], ctx: Ctx, sentinels: set[str]) -> list[Item]:
    items: list[Item] = []
    for spec in specs:
        if spec.name in sentinels:
            continue
        if spec.name == "_":
            items.append(
                CommentBlock(
                    (f"Go: var _ = {spec.value_text}",),
                    _meta(
                        spec,
                        (
                            ctx.note(
                                "I02",
                                "compile-time interface assertion; the "
                                "`impl Trait for Type` blocks make it explicit",
                            ),
                        ),
                    ),
                )
            )
            continue
        value = const_value(spec.value, ctx, {}, 0) if spec.value is not None else None
        declared = _declared_type(spec, ctx)
        if (
            value is not None
            and value.type in ("i64", "f64", "&str", "bool", "char")
            and (declared is None or declared == value.type)
        ):
            notes = (
                ctx.note(
                    "K03",
                    "Go package variable → static; wrap in a Mutex or atomic if Go reassigns it",
                ),
            )
            items.append(
                Const(
                    ctx.const_name(spec.name),
                    naming.is_exported(spec.name),
                    value.type,
                    value.text,
                    kind="static",
                    meta=_meta(spec, notes),
                )
            )
        else:
            items.append(
                untranslated(
                    spec,
                    ctx,
                    "var",
                    "package state: pass it explicitly or use a static with LazyLock/Mutex",
                )
            )
    return items


def untranslated(spec: ValueSpec, ctx: Ctx, kind: str, why: str) -> CommentBlock:
    ctx.sink.todos.append(Todo(spec.span, f"{kind} {spec.name}"))
    source = f"{kind} {spec.name} = {spec.value_text}" if spec.value_text else f"{kind} {spec.name}"
    lines = (
        "TODO(go2rs): not translated:",
        *tuple("    " + line for line in go_source_lines(source)),
    )
    meta = Meta(
        comments=doc_lines(spec.doc),
        notes=(ctx.note("X03", why),),
        origin=f"go: {spec.span.file}:{spec.span.line}",
    )
    return CommentBlock(lines, meta)


def _meta(spec: ValueSpec, notes: tuple[Note, ...]) -> Meta:
    return Meta(
        docs=doc_lines(spec.doc), notes=notes, origin=f"go: {spec.span.file}:{spec.span.line}"
    )
