"""iota const blocks -> enums (K01); named basic types -> newtypes (S04).

`type Color int` plus `const ( Red Color = iota; ... )` is Go's enum; Rust has a real one.
Explicit discriminants appear where Go's values are not 0, 1, 2, ...
"""

from __future__ import annotations

from go2rs.context import Ctx, EnumPlan
from go2rs.gomodel import FLOAT_KINDS, INTEGER_KINDS, EBinary, ELit, TName, TypeDecl, ValueSpec
from go2rs.idioms import naming
from go2rs.idioms.comments import doc_lines
from go2rs.idioms.literals import eval_int, go_string_value, uses_iota
from go2rs.rustmodel import Enum, Meta, Variant


def underlying_basic(decl: TypeDecl | None) -> str | None:
    """`type Color int` -> "int"; None for anything that is not a named basic type."""
    if decl is None or decl.alias or decl.type_params or not isinstance(decl.type, TName):
        return None
    t = decl.type
    if t.pkg is None and (
        t.name in INTEGER_KINDS or t.name in FLOAT_KINDS or t.name in ("string", "bool")
    ):
        return t.name
    return None


def analyze(ctx: Ctx) -> None:
    program = ctx.program
    typed: dict[str, list[ValueSpec]] = {}
    for spec in program.values("const"):
        if (
            isinstance(spec.type, TName)
            and spec.type.pkg is None
            and underlying_basic(program.types.get(spec.type.name)) is not None
        ):
            typed.setdefault(spec.type.name, []).append(spec)
    for type_name, specs in typed.items():
        plan = _plan(type_name, specs, underlying_basic(program.types[type_name]) or "")
        if plan is not None:
            ctx.decisions.enums[type_name] = plan
            ctx.decisions.enum_consts.update(s.name for s in specs)


def _plan(type_name: str, specs: list[ValueSpec], basic: str) -> EnumPlan | None:
    named = [s for s in specs if s.name != "_"]
    if not named:
        return None
    rust_names = [naming.camel(naming.strip_prefix(s.name, type_name)) for s in named]
    if len(set(rust_names)) != len(rust_names):
        return None
    if basic == "string":
        values = [s.value for s in named]
        texts = [
            go_string_value(v.text) if isinstance(v, ELit) and v.kind == "string" else None
            for v in values
        ]
        if any(t is None for t in texts) or len(set(texts)) != len(texts):
            return None
        variants = tuple(
            (s.name, r, i, s.value_text)
            for i, (s, r) in enumerate(zip(named, rust_names, strict=True))
        )
        return EnumPlan(type_name, variants, False, string_valued=True)
    if basic not in INTEGER_KINDS or not any(uses_iota(s.value) for s in specs):
        return None
    if any(isinstance(s.value, EBinary) and s.value.op == "<<" for s in specs):
        return None  # `1 << iota` flags combine with |: consts on a newtype, not an enum
    env: dict[str, int] = {}
    numbers: list[int] = []
    for spec in specs:
        value = eval_int(spec.value, spec.iota, env)
        if value is None:
            return None
        if spec.name != "_":
            env[spec.name] = value
            numbers.append(value)
    if len(set(numbers)) != len(numbers):
        return None  # aliases: two names for one value are consts, not variants
    variants = tuple(
        (s.name, r, v, s.value_text) for s, r, v in zip(named, rust_names, numbers, strict=True)
    )
    return EnumPlan(type_name, variants, numbers != list(range(len(numbers))))


def enum_derives(plan: EnumPlan) -> tuple[str, ...]:
    base = ("Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash")
    return (*base, "Default") if _default_variant(plan) is not None else base


def _default_variant(plan: EnumPlan) -> str | None:
    """Go's zero value: the variant whose value is 0 (or "")."""
    for _go_name, rust_name, value, text in plan.variants:
        if (plan.string_valued and text in ('""', "``")) or (not plan.string_valued and value == 0):
            return rust_name
    return None


def build_enum(plan: EnumPlan, decl: TypeDecl, ctx: Ctx) -> Enum:
    default = _default_variant(plan)
    specs = {s.name: s for s in ctx.program.values("const")}
    variants = []
    for go_name, rust_name, value, text in plan.variants:
        docs = doc_lines(specs[go_name].doc) if go_name in specs else ()
        if plan.string_valued:
            docs += (f"Go value: {text}",)
        variants.append(
            Variant(
                rust_name,
                discriminant=str(value) if plan.explicit else None,
                attrs=("#[default]",) if rust_name == default else (),
                meta=Meta(docs=docs),
            )
        )
    why = "string constants" if plan.string_valued else "iota constants"
    notes = [ctx.note("K01", f"`type {decl.name}` with {why} → enum")]
    if plan.explicit:
        notes.append(ctx.note("K01", "explicit discriminants keep Go's values"))
    return Enum(
        ctx.type_name(decl.name),
        naming.is_exported(decl.name),
        tuple(variants),
        derives=enum_derives(plan),
        meta=Meta(
            docs=doc_lines(decl.doc),
            notes=tuple(notes),
            origin=f"go: {decl.span.file}:{decl.span.line}",
        ),
    )


def variant_path(const_name: str, ctx: Ctx) -> str | None:
    """`Red` -> `Color::Red` when Red became an enum variant."""
    for plan in ctx.decisions.enums.values():
        for go_name, rust_name, _, _ in plan.variants:
            if go_name == const_name:
                return f"{ctx.type_name(plan.type_name)}::{rust_name}"
    return None
