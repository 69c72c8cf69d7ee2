"""Structs (S01..S04, N02, N03, Y01..Y03): fields, derives, serde, embedding, locks.

Derives are what every field supports (Go zero values map to `Default`); json tags bring
serde, and structs reachable from a serialized struct derive it too.
"""

from __future__ import annotations

import re

from go2rs.context import Ctx, MutexPlan, Sink
from go2rs.gomodel import (
    FLOAT_KINDS,
    Field,
    GoType,
    TArray,
    TChan,
    TMap,
    TName,
    TPointer,
    TSlice,
    TStruct,
    TypeDecl,
)
from go2rs.idioms import enums, naming
from go2rs.idioms.comments import doc_lines
from go2rs.idioms.concurrency import chan_side
from go2rs.idioms.generics import generics
from go2rs.idioms.nil import field_is_optional, value_field_is_optional
from go2rs.idioms.types import Pos, map_type
from go2rs.rustmodel import Item, Meta, Note, RustType, Struct, StructField, TypeAlias

_JSON_TAG = re.compile(r'json:"([^"]*)"')
_DERIVE_ORDER = (
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
    "Default",
    "Serialize",
    "Deserialize",
)
_OMIT_EMPTY = {
    "Option<": "Option::is_none",
    "Vec<": "Vec::is_empty",
    "String": "String::is_empty",
    "HashMap<": "HashMap::is_empty",
    "HashSet<": "HashSet::is_empty",
}


def analyze(ctx: Ctx) -> None:
    """Serde spreads from json-tagged structs to the structs their fields hold."""
    program = ctx.program
    todo = [
        n
        for n in program.types
        if any(f.tag and _JSON_TAG.search(f.tag) for f in _fields(program.struct(n)))
    ]
    serde = ctx.decisions.serde_types
    while todo:
        name = todo.pop()
        if name in serde:
            continue
        serde.add(name)
        struct = program.struct(name)
        for field in struct.fields if struct else ():
            todo.extend(_local_names(field.type, ctx))


def _fields(struct: TStruct | None) -> tuple[Field, ...]:
    return struct.fields if struct is not None else ()


def _local_names(t: GoType, ctx: Ctx) -> list[str]:
    """Local type names `t` mentions (through pointers, containers and type arguments)."""
    out: list[str] = []
    stack = [t]
    while stack:
        match stack.pop():
            case TName(name, pkg, args):
                if pkg is None and name in ctx.program.types:
                    out.append(name)
                stack.extend(args)
            case TPointer(elem) | TSlice(elem) | TArray(_, elem) | TChan(_, elem):
                stack.append(elem)
            case TMap(key, value):
                stack.extend([key, value])
    return out


# ---------------------------------------------------------------------------------- derives


def derives_for(name: str, ctx: Ctx) -> tuple[str, ...]:
    """The derive list of local type `name` (memoized; cycles assume the optimistic set)."""
    memo = ctx.decisions.derives
    if name in memo:
        return memo[name]
    decl = ctx.program.types.get(name)
    if decl is None:
        return ("Debug", "Clone", "Default")  # placeholders derive these
    if name in ctx.decisions.enums:
        memo[name] = enums.enum_derives(ctx.decisions.enums[name])
        return memo[name]
    memo[name] = ("Debug", "Clone", "Default")
    saved, ctx.sink = ctx.sink, Sink()  # a capability query must not count as emitted output
    try:
        memo[name] = _derives(decl, ctx)
    finally:
        ctx.sink = saved
    return memo[name]


def _derives(decl: TypeDecl, ctx: Ctx) -> tuple[str, ...]:
    basic = enums.underlying_basic(decl)
    if basic is not None:
        out = {"Debug", "Clone", "PartialEq", "PartialOrd", "Default"}
        if basic != "string":
            out.add("Copy")
        if basic not in FLOAT_KINDS:
            out.update({"Eq", "Hash", "Ord"})
        return _ordered(out)
    if isinstance(decl.type, TStruct):
        types = [t for _, t, _ in _field_types(decl, ctx)]
    else:
        types = [map_type(decl.type, Pos.FIELD, ctx)]
    out = {
        d
        for d, ok in (
            ("Debug", all(t.debug for t in types)),
            ("Clone", all(t.clone for t in types)),
            ("Default", all(t.default for t in types)),
        )
        if ok
    }
    if decl.name in ctx.decisions.serde_types and all(t.serde or t.default for t in types):
        out.update({"Serialize", "Deserialize"})
    return _ordered(out)


def _ordered(derives: set[str]) -> tuple[str, ...]:
    return tuple(d for d in _DERIVE_ORDER if d in derives)


# ----------------------------------------------------------------------------------- fields


def _field_types(decl: TypeDecl, ctx: Ctx) -> list[tuple[Field, RustType, list[Note]]]:
    """Every kept field with its Rust type (locks folded in), in Go order."""
    assert isinstance(decl.type, TStruct)
    plan = ctx.decisions.mutexes.get(decl.name)
    out = []
    for field in decl.type.fields:
        if plan is not None and _field_key(field) == plan.mutex_field:
            continue
        rtype, notes = field_type(decl.name, field, ctx)
        if plan is not None and field.name in plan.guarded:
            if field.name != plan.guarded[0]:
                continue
            rtype, notes = _locked(decl, plan, rtype, ctx)
        out.append((field, rtype, notes))
    return out


def _field_key(field: Field) -> str:
    if field.name is not None:
        return field.name
    t = field.type.elem if isinstance(field.type, TPointer) else field.type
    return t.name if isinstance(t, TName) else ""


def field_type(owner: str, field: Field, ctx: Ctx) -> tuple[RustType, list[Note]]:
    notes: list[Note] = []
    t = field.type
    if isinstance(t, TPointer):
        rtype = map_type(t.elem, Pos.FIELD, ctx)
        optional, why = field_is_optional(owner, field, ctx)
        if optional:
            boxed = rtype.text.startswith("Box<")
            rtype = rtype.wrap("Option<{}>" if boxed else "Option<Box<{}>>", default=True)
            notes.append(ctx.note("N02", f"*T field → {rtype.text}: {why}"))
        else:
            notes.append(ctx.note("N03", f"*T field → owned: {why}"))
        return rtype, notes
    if isinstance(t, TChan):
        receives = field.name in ctx.decisions.recv_fields
        side = chan_side(t, receives)
        rtype = map_type(TChan(side, t.elem), Pos.FIELD, ctx)
        if t.dir is not side:
            notes.append(
                ctx.note(
                    "C04",
                    f"bidirectional chan field: this owner "
                    f"{'receives' if receives else 'sends'}; keep the "
                    "other half where Go used it",
                )
            )
        return rtype, notes
    if value_field_is_optional(field, ctx):
        rtype = map_type(t, Pos.FIELD, ctx).wrap("Option<{}>", default=True)
        notes.append(ctx.note("N02", f"nil-checked func/interface field → {rtype.text}"))
        return rtype, notes
    return map_type(t, Pos.FIELD, ctx), notes


def _locked(
    decl: TypeDecl, plan: MutexPlan, first: RustType, ctx: Ctx
) -> tuple[RustType, list[Note]]:
    """The guarded field(s) inside the lock: `Mutex<T>`, or `Mutex<StructState>` for several."""
    inner = first if len(plan.guarded) == 1 else _state_type(decl, plan, ctx)
    is_async = lock_is_tokio(decl.name, ctx)
    lock = "RwLock" if plan.rw else "Mutex"
    if is_async:
        wrapper = f"tokio::sync::{lock}<{{}}>"
        crates = {"tokio"}
        uses: set[str] = set()
    else:
        wrapper, crates, uses = f"{lock}<{{}}>", set(), {f"std::sync::{lock}"}
    if plan.arc:
        wrapper = f"Arc<{wrapper}>"
        uses.add("std::sync::Arc")
    rtype = RustType(
        wrapper.format(inner.text),
        inner.uses | uses,
        inner.crates | crates,
        debug=inner.debug,
        clone=plan.arc,
        default=inner.default,
        serde=False,
    )
    guarded = ", ".join(plan.guarded)
    notes = [
        ctx.note(
            "Y01",
            f"`{plan.mutex_field}` guarded {guarded}: the lock now owns "
            f"{'them' if len(plan.guarded) > 1 else 'it'}",
        )
    ]
    if plan.arc:
        notes.append(ctx.note("Y02", "goroutines share this struct, so the lock is in an Arc"))
    return rtype, notes


def lock_is_tokio(type_name: str, ctx: Ctx) -> bool:
    """Async methods hold the lock across awaits: tokio's lock; otherwise std's."""
    return any(m.key in ctx.decisions.async_fns for m in ctx.program.methods.get(type_name, []))


def lock_field_name(plan: MutexPlan) -> str:
    """The Rust field that holds the lock: the guarded field itself, or `state` for several."""
    return "state" if len(plan.guarded) > 1 else naming.snake(plan.guarded[0])


def _guarded_fields(
    decl: TypeDecl, plan: MutexPlan, ctx: Ctx
) -> list[tuple[Field, RustType, list[Note]]]:
    assert isinstance(decl.type, TStruct)
    return [(f, *field_type(decl.name, f, ctx)) for f in decl.type.fields if f.name in plan.guarded]


def _state_type(decl: TypeDecl, plan: MutexPlan, ctx: Ctx) -> RustType:
    """`StructState<T..>`, with what all the guarded fields support."""
    types = [t for _, t, _ in _guarded_fields(decl, plan, ctx)]
    args = f"<{', '.join(p.name for p in decl.type_params)}>" if decl.type_params else ""
    return RustType(
        state_name(decl.name, ctx) + args,
        frozenset().union(*(t.uses for t in types)),
        frozenset().union(*(t.crates for t in types)),
        debug=all(t.debug for t in types),
        clone=all(t.clone for t in types),
        default=all(t.default for t in types),
        serde=False,
    )


def _state_struct(decl: TypeDecl, plan: MutexPlan, generic_text: str, ctx: Ctx) -> Struct:
    fields = tuple(
        StructField(
            naming.snake(f.name or ""),
            ctx.need(t),
            True,
            meta=Meta(docs=doc_lines(f.doc), notes=tuple(notes)),
        )
        for f, t, notes in _guarded_fields(decl, plan, ctx)
    )
    caps = _state_type(decl, plan, ctx)
    derives = _ordered({d for d, ok in (("Debug", caps.debug), ("Default", caps.default)) if ok})
    note = ctx.note("Y01", f"the fields `{plan.mutex_field}` guarded, owned by the lock")
    return Struct(
        state_name(decl.name, ctx),
        False,
        fields,
        derives=derives,
        generics=generic_text,
        meta=Meta(notes=(note,)),
    )


def state_name(struct_name: str, ctx: Ctx) -> str:
    return ctx.type_name(struct_name) + "State"


def _rust_field_name(field: Field, plan: MutexPlan | None) -> str:
    if plan is not None and field.name == plan.guarded[0]:
        return lock_field_name(plan)
    return naming.snake(_field_key(field))


def _serde_attrs(
    field: Field, rust_name: str, rtype: RustType, ctx: Ctx
) -> tuple[tuple[str, ...], list[Note]]:
    match = _JSON_TAG.search(field.tag or "")
    if match is None:
        return (), []
    name, *options = match.group(1).split(",")
    if name == "-" and not options:
        return ("#[serde(skip)]",), []
    args = []
    if name and name != rust_name.removeprefix("r#"):
        args.append(f'rename = "{name}"')
    notes = []
    if "omitempty" in options:
        check = next(
            (fn for prefix, fn in _OMIT_EMPTY.items() if rtype.text.startswith(prefix)), None
        )
        if check is not None:
            args += ["default", f'skip_serializing_if = "{check}"']
        else:
            notes.append(ctx.note("S03", f"omitempty on {rtype.text} has no serde one-liner"))
    return ((f"#[serde({', '.join(args)})]",) if args else ()), notes


def _unique_field_name(name: str, used: set[str]) -> str:
    """Rust has no blank `_` fields (Go uses them as padding or markers), and Go names that
    differ only in case (`Self`, `self`; `Total`, `total`) map to one Rust name: number them."""
    base = "_blank" if name == "_" else name
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base}{number}"
    used.add(candidate)
    return candidate


def build_struct(decl: TypeDecl, ctx: Ctx) -> list[Item]:
    assert isinstance(decl.type, TStruct)
    plan = ctx.decisions.mutexes.get(decl.name)
    derives = derives_for(decl.name, ctx)
    serde = "Serialize" in derives
    fields: list[StructField] = []
    items: list[Item] = []
    used: set[str] = set()
    for field, rtype, notes in _field_types(decl, ctx):
        rust_name = _unique_field_name(_rust_field_name(field, plan), used)
        attrs: tuple[str, ...] = ()
        if serde and not rtype.serde:
            attrs = ("#[serde(skip)]",)
            notes.append(ctx.note("S03", f"{rtype.text} is not serializable → skipped"))
        elif serde:
            attrs, serde_notes = _serde_attrs(field, rust_name, rtype, ctx)
            notes = notes + serde_notes
        if field.name is None:
            notes.insert(
                0,
                ctx.note(
                    "S02",
                    f"embedded {_field_key(field)} → named field; "
                    "promoted fields and methods need the extra hop",
                ),
            )
        if rust_name.startswith("r#") or (
            rust_name.endswith("_") and not _field_key(field).endswith("_")
        ):
            notes.append(ctx.note("R01", f"`{_field_key(field)}` is a Rust keyword"))
        exported = naming.is_exported(_field_key(field))
        optional = rtype.text.startswith("Option<Box<dyn Fn")  # a nil-checked callback
        if optional or rtype.text.startswith("Box<dyn Fn"):  # clippy's type_complexity: name it
            alias = ctx.type_name(decl.name) + naming.camel(_field_key(field)) + "Fn"
            boxed = RustType(rtype.text[7:-1], rtype.uses, rtype.crates) if optional else rtype
            items.append(
                TypeAlias(
                    alias,
                    exported,
                    ctx.need(boxed),
                    meta=Meta(notes=(ctx.note("T03", "stored callback → boxed closure type"),)),
                )
            )
            text = f"Option<{alias}>" if optional else alias
            rtype = RustType(text, debug=False, clone=False, default=optional, serde=False)
        fields.append(
            StructField(
                rust_name,
                ctx.need(rtype),
                exported,
                attrs,
                Meta(docs=doc_lines(field.doc), notes=tuple(notes)),
            )
        )
    if decl.name in ctx.decisions.serde_types and not serde:
        ctx.sink.idioms["S03"] += 1
    if serde:
        ctx.sink.uses.update({"serde::Deserialize", "serde::Serialize"})
        ctx.sink.crates.add("serde")
    generic_text, generic_notes = generics(decl.type_params, ctx, bounds=False)
    if plan is not None and len(plan.guarded) > 1:
        items.append(_state_struct(decl, plan, generic_text, ctx))
    notes = [ctx.note("S01", "Go struct → struct; exported fields are pub"), *generic_notes]
    items.append(
        Struct(
            ctx.type_name(decl.name),
            naming.is_exported(decl.name),
            tuple(fields),
            derives=derives,
            # Go's decoders leave a field the JSON lacks at its zero value; serde would fail
            attrs=("#[serde(default)]",) if serde and "Default" in derives else (),
            generics=generic_text,
            meta=Meta(
                docs=doc_lines(decl.doc),
                notes=tuple(notes),
                origin=f"go: {decl.span.file}:{decl.span.line}",
            ),
        )
    )
    return items


def build_newtype(decl: TypeDecl, ctx: Ctx) -> Struct:
    """`type UserID int64` -> `pub struct UserId(pub i64);` (and `type Users []User` with
    methods -> `pub struct Users(pub Vec<User>);`)."""
    inner = ctx.need(map_type(decl.type, Pos.FIELD, ctx))
    derives = derives_for(decl.name, ctx)
    if "Serialize" in derives:
        ctx.sink.uses.update({"serde::Deserialize", "serde::Serialize"})
        ctx.sink.crates.add("serde")
    generic_text, notes = generics(decl.type_params, ctx, bounds=False)
    return Struct(
        ctx.type_name(decl.name),
        naming.is_exported(decl.name),
        (),
        derives=derives,
        generics=generic_text,
        tuple_type=f"pub {inner}",
        meta=Meta(
            docs=doc_lines(decl.doc),
            notes=(ctx.note("S04", f"named type over {inner} → newtype"), *notes),
            origin=f"go: {decl.span.file}:{decl.span.line}",
        ),
    )
