"""Errors (E01..E07): `(T, error)` -> `Result`, sentinels and custom errors -> one thiserror enum.

Libraries get `pub enum Error` with a variant per sentinel (`var ErrX = errors.New(..)`), per
custom error type (`Error() string`) and per foreign error the package wraps (io, json, ...);
`package main` uses `anyhow::Result`.
"""

from __future__ import annotations

import re

from go2rs.context import Ctx, ErrorPlan
from go2rs.gomodel import ECall, EIdent, ELit, ESelector, Param, TName, TPointer
from go2rs.idioms import naming
from go2rs.idioms.comments import doc_lines
from go2rs.idioms.literals import go_string_value, rust_format_string
from go2rs.idioms.types import Pos, map_type
from go2rs.rustmodel import Enum, Meta, RustType, Variant

ERROR = TName("error")

# Go import -> the foreign error a `#[from]` variant wraps, when the package returns errors.
FOREIGN_ERRORS: dict[str, tuple[str, str]] = {
    "os": ("Io", "std::io::Error"),
    "io": ("Io", "std::io::Error"),
    "io/ioutil": ("Io", "std::io::Error"),
    "bufio": ("Io", "std::io::Error"),
    "net": ("Io", "std::io::Error"),
    "encoding/json": ("Json", "serde_json::Error"),
    "strconv": ("ParseInt", "std::num::ParseIntError"),
}


_ADHOC_ERRORS = frozenset({(("errors",), "New"), (("fmt",), "Errorf")})


_RETURN_FIELD = re.compile(r"\{\s*return\s+(\w+)\.(\w+)\s*\}")


def unwrapped_field(type_name: str, ctx: Ctx) -> str | None:
    """The error field a custom error's `Unwrap() error { return e.Err }` exposes: Rust
    reaches the cause through `std::error::Error::source` instead (E07)."""
    return ctx.decisions.unwrap_fields.get(type_name)


def _unwrapped_field(type_name: str, ctx: Ctx) -> str | None:
    method = ctx.program.method_names(type_name).get("Unwrap")
    if method is None or method.params or method.body is None or method.receiver is None:
        return None
    found = _RETURN_FIELD.fullmatch(method.body.text.strip())
    struct = ctx.program.struct(type_name)
    if [r.type for r in method.results] != [ERROR] or not found or struct is None:
        return None
    receiver, name = found.groups()
    fields = [f for f in struct.fields if f.name == name and f.type == ERROR]
    return name if receiver == method.receiver.name and fields else None


def returns_error(results: tuple[Param, ...]) -> bool:
    return bool(results) and results[-1].type == ERROR


def has_method(ctx: Ctx, type_name: str, name: str, results: int) -> bool:
    method = ctx.program.method_names(type_name).get(name)
    return (
        method is not None
        and not method.params
        and len(method.results) == results
        and method.results[0].type == TName("string")
    )


def analyze(ctx: Ctx) -> None:
    program, decisions = ctx.program, ctx.decisions
    for type_name in program.methods:
        if has_method(ctx, type_name, "Error", 1):
            decisions.error_types.add(type_name)
            if (unwrapped := _unwrapped_field(type_name, ctx)) is not None:
                decisions.unwrap_fields[type_name] = unwrapped
        elif has_method(ctx, type_name, "String", 1):
            decisions.display_types.add(type_name)
    if program.is_main:
        return
    sentinels = tuple(_sentinels(ctx))
    any_errors = any(returns_error(f.results) for f in program.all_funcs())
    if not (sentinels or decisions.error_types or any_errors):
        return
    used = {naming.camel(v) for _, v, _ in sentinels}
    custom = []
    for type_name in sorted(decisions.error_types):
        variant = naming.camel(
            naming.strip_prefix(type_name.removesuffix("Error"), "Err") or type_name
        )
        while variant in used:
            variant += "Error"
        used.add(variant)
        custom.append((type_name, variant))
    foreign: dict[str, tuple[str, str, str]] = {}
    called = {
        program.import_path(path[0])
        for f in program.all_funcs()
        if f.body is not None
        for path, _ in f.body.facts.method_calls
    }
    if any_errors:
        for path in sorted(set(program.imports.values()) & called):
            if path in FOREIGN_ERRORS and FOREIGN_ERRORS[path][0] not in used:
                variant, rust = FOREIGN_ERRORS[path]
                foreign.setdefault(variant, (variant, rust, path))
    enum_name = (
        "Error"
        if "Error" not in program.types
        else naming.camel((program.package or "pkg") + "Error")
    )
    adhoc = any(
        f.body is not None and f.body.facts.method_calls & _ADHOC_ERRORS
        for f in program.all_funcs()
    )
    catch_all = "Other" not in used and (adhoc or not (sentinels or custom or foreign))
    decisions.errors = ErrorPlan(
        enum_name, sentinels, tuple(custom), tuple(foreign.values()), catch_all
    )


def _sentinels(ctx: Ctx) -> list[tuple[str, str, str]]:
    out = []
    used: set[str] = set()
    for spec in ctx.program.values("var"):
        message = sentinel_message(spec.value)
        if message is not None and spec.name != "_":
            variant = naming.camel(
                naming.strip_prefix(spec.name, "Err") if spec.name.startswith("Err") else spec.name
            )
            base, number = variant, 1
            while variant in used:  # `ErrFoo` and `Foo`, `Err_` and `Err` map to one variant
                number += 1
                variant = f"{base}{number}"
            used.add(variant)
            out.append((spec.name, variant, message))
    return out


def sentinel_message(value: object) -> str | None:
    """`errors.New("x")` or `fmt.Errorf("x")` without %w -> "x"."""
    match value:
        case ECall(ESelector(EIdent("errors"), "New"), (ELit("string", text),)):
            return go_string_value(text)
        case ECall(ESelector(EIdent("fmt"), "Errorf"), (ELit("string", text),)) if "%" not in text:
            return go_string_value(text)
    return None


def result_type(results: tuple[Param, ...], ctx: Ctx, options: frozenset[int]) -> RustType:
    """Go results -> one Rust return type: tuples, Option for nil-able pointers, Result."""
    values = results[:-1] if returns_error(results) else results
    parts: list[RustType] = []
    for i, param in enumerate(values):
        rtype = map_type(param.type, Pos.RESULT, ctx)
        if isinstance(param.type, TPointer) and i in options:
            rtype = rtype.wrap("Option<{}>")
        parts.append(rtype)
    if len(parts) == 1:
        inner = parts[0]
    else:
        inner = RustType(
            f"({', '.join(p.text for p in parts)})",
            frozenset().union(*(p.uses for p in parts)),
            frozenset().union(*(p.crates for p in parts)),
        )
    if not returns_error(results):
        return inner
    if ctx.program.is_main:
        ctx.sink.crates.add("anyhow")
        return inner.wrap("anyhow::Result<{}>")
    plan = ctx.decisions.errors
    error = plan.enum_name if plan is not None else "Box<dyn std::error::Error + Send + Sync>"
    # A Go type named Result (common) shadows the prelude's Result in the package.
    shadowed = any(ctx.type_name(name) == "Result" for name in ctx.program.types_named("result"))
    result = "std::result::Result" if shadowed else "Result"
    return inner.wrap(f"{result}<{{}}, {error}>")


def build_error_enum(plan: ErrorPlan, ctx: Ctx) -> Enum:
    ctx.sink.crates.add("thiserror")
    variants: list[Variant] = []
    docs = {s.name: doc_lines(s.doc) for s in ctx.program.values("var")}
    for go_name, variant, message in plan.sentinels:
        literal = rust_format_string(message)  # braces doubled, then Rust's escapes
        variants.append(
            Variant(
                variant,
                attrs=(f"#[error({literal})]",),
                meta=Meta(
                    docs=docs.get(go_name, ()), notes=(ctx.note("E02", f"sentinel {go_name}"),)
                ),
            )
        )
    for go_type, variant in plan.custom:
        variants.append(
            Variant(
                variant,
                payload=f"#[from] {ctx.type_name(go_type)}",
                attrs=("#[error(transparent)]",),
                meta=Meta(notes=(ctx.note("E03", f"custom error {go_type}"),)),
            )
        )
    for variant, rust, path in plan.foreign:
        crate = rust.split("::")[0]
        if crate != "std":
            ctx.sink.crates.add(crate)  # serde_json: the Rust path is the crate's name
        variants.append(
            Variant(
                variant,
                payload=f"#[from] {rust}",
                attrs=("#[error(transparent)]",),
                meta=Meta(notes=(ctx.note("E04", f"errors from Go's {path}"),)),
            )
        )
    if plan.catch_all:
        variants.append(
            Variant(
                "Other",
                payload="String",
                attrs=('#[error("{0}")]',),
                meta=Meta(
                    notes=(
                        ctx.note(
                            "E06",
                            "errors.New/fmt.Errorf without a sentinel; "
                            "replace with specific variants",
                        ),
                    )
                ),
            )
        )
    return Enum(
        plan.enum_name,
        True,
        tuple(variants),
        derives=("Debug", "thiserror::Error"),
        meta=Meta(
            docs=(f"Errors of package {ctx.program.package or 'input'}.",),
            notes=(
                ctx.note(
                    "E02",
                    "one thiserror enum lists every failure of the "
                    "package; callers match on variants",
                ),
            ),
        ),
    )
