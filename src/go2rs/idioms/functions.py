"""Functions and methods (F01..F05, M01..M03, N04, C01, C02, E01, E05): Rust signatures.

One builder for free functions, inherent methods, trait declarations and trait impls, so a
trait and its implementations cannot disagree: every decision is read by key, and the idiom
passes unified the keys of a trait method with those of its implementations.
"""

from __future__ import annotations

from dataclasses import dataclass

from tree_sitter import Node

from go2rs.context import Ctx
from go2rs.gomodel import (
    Body,
    FuncDecl,
    GoType,
    Param,
    Span,
    TChan,
    TFunc,
    TName,
    TPointer,
    TSlice,
    TypeParam,
)
from go2rs.idioms import naming
from go2rs.idioms.comments import doc_lines, go_source_lines
from go2rs.idioms.concurrency import chan_side, is_context
from go2rs.idioms.errors import result_type, returns_error
from go2rs.idioms.generics import compared_by_operators, generics, zero_valued
from go2rs.idioms.types import Pos, map_type
from go2rs.parse.facts import collect_facts
from go2rs.parse.lower import text as _text
from go2rs.parse.parser import parse_body, walk
from go2rs.rustmodel import Body as RustBody
from go2rs.rustmodel import Fn, Meta, Note, RustType
from go2rs.rustmodel import Param as RustParam


@dataclass(frozen=True, slots=True)
class Signature:
    """What a Go function or interface method says, independent of where it is emitted."""

    key: str
    name: str
    params: tuple[Param, ...]
    results: tuple[Param, ...]
    type_params: tuple[TypeParam, ...] = ()
    receiver_pointer: bool | None = None  # None: no receiver; trait methods use decisions
    receiver_name: str | None = None
    zero_valued: frozenset[str] = frozenset()  # type params the body needs a zero value of
    partial_ordered: frozenset[str] = frozenset()  # cmp.Ordered params needing only PartialOrd

    @classmethod
    def of(cls, fn: FuncDecl) -> Signature:
        receiver = fn.receiver
        names = {p.name: p.name for p in fn.type_params}
        return cls(
            fn.key,
            fn.name,
            fn.params,
            fn.results,
            fn.type_params,
            receiver.pointer if receiver else None,
            receiver.name if receiver else None,
            zero_valued(names, fn.body.text) if fn.body is not None and names else frozenset(),
            compared_by_operators(fn.type_params, fn.body.text) if fn.body else frozenset(),
        )


def build_fn(
    sig: Signature,
    ctx: Ctx,
    *,
    pub: bool,
    body: Body | None,
    span: Span | None,
    doc: tuple[str, ...] = (),
    in_trait: bool = False,
) -> Fn:
    notes: list[Note] = []
    generic_text, generic_notes = generics(
        sig.type_params, ctx, defaults=sig.zero_valued, partial_ordered=sig.partial_ordered
    )
    notes += generic_notes
    self_param = _self_param(sig, ctx, notes, in_trait)
    params = tuple(_param(sig, i, ctx, notes) for i in range(len(sig.params)))
    options = ctx.decisions.option_results.get(sig.key, frozenset())
    ret = result_type(sig.results, ctx, options)
    if ret.text.startswith("Box<dyn Fn(") and returns_stateful_closure(sig.key, ctx):
        ret = RustType(ret.text.replace("Fn(", "FnMut(", 1), ret.uses, ret.crates)
        notes.append(
            ctx.note("T03", "the returned closure changes its captured state → Box<dyn FnMut>")
        )
    _result_notes(sig, ret, options, ctx, notes)
    is_async = sig.key in ctx.decisions.async_fns
    attrs: tuple[str, ...] = ()
    if is_async:
        if sig.key == "main":
            attrs = ("#[tokio::main]",)
            ctx.sink.crates.add("tokio")
            notes.append(ctx.note("C05", "main drives goroutines → #[tokio::main] async fn"))
        else:
            notes.append(
                ctx.note(
                    "C01",
                    "spawns, uses channels/select/context, or calls such a function → async fn",
                )
            )
    name = "main" if sig.key == "main" else ctx.fn_name(sig.key)
    if name.startswith("r#") or (name.endswith("_") and not sig.name.endswith("_")):
        notes.append(ctx.note("R01", f"`{sig.name}` is a Rust keyword"))
    rust_body = _body(sig, body, ctx) if body is not None or not in_trait else None
    origin = f"go: {span.file}:{span.line}" if span is not None else None
    return Fn(
        name,
        pub,
        params,
        ctx.need(ret),
        rust_body,
        self_param,
        is_async,
        generic_text,
        attrs,
        Meta(docs=doc_lines(doc), notes=tuple(notes), origin=origin),
    )


def _self_param(sig: Signature, ctx: Ctx, notes: list[Note], in_trait: bool) -> str | None:
    if sig.receiver_pointer is None and not in_trait:
        return None
    if sig.key in ctx.decisions.mut_receivers:
        notes.append(ctx.note("M02", "the body mutates the receiver → &mut self"))
        return "&mut self"
    if sig.receiver_pointer:
        notes.append(ctx.note("M03", "pointer receiver, but the body never mutates it → &self"))
    elif sig.receiver_pointer is False:
        notes.append(ctx.note("M01", "value receiver → &self"))
    return "&self"


def _param(sig: Signature, index: int, ctx: Ctx, notes: list[Note]) -> RustParam:
    param = sig.params[index]
    name = naming.snake(param.name) if param.name else "_"
    t = param.type
    mutated = index in ctx.decisions.mutated_params.get(sig.key, frozenset())
    if is_context(t, ctx):
        notes.append(
            ctx.note(
                "C02",
                f"`{param.name}` context.Context → CancellationToken; select on token.cancelled()",
            )
        )
        name = "token" if param.name in ("ctx", None) else name
        return RustParam(name, ctx.need(map_type(t, Pos.FIELD, ctx)))
    if param.variadic:
        notes.append(ctx.note("F03", f"variadic `{param.name}` → slice"))
        return RustParam(name, ctx.need(map_type(TSlice(t), Pos.PARAM, ctx)))
    if isinstance(t, TPointer):
        return RustParam(name, ctx.need(_pointer_param(sig, index, mutated, ctx, notes)))
    if isinstance(t, TChan):
        receives = param.name is not None and _receives(sig, param.name, ctx)
        side = chan_side(t, receives)
        if side is not t.dir:
            notes.append(
                ctx.note(
                    "C04",
                    f"bidirectional `{param.name}`: this function "
                    f"{'receives' if receives else 'sends'}; split with "
                    "mpsc::channel and pass that half",
                )
            )
        half = map_type(TChan(side, t.elem), Pos.PARAM, ctx)
        if (sig.key, index) in ctx.decisions.shared_receivers:  # idioms/concurrency.py
            notes.append(ctx.note("C03", f"`{param.name}`: a Receiver several tasks share"))
            half = RustType(
                f"Arc<tokio::sync::Mutex<{half.text}>>", half.uses | {"std::sync::Arc"}, half.crates
            )
        return RustParam(name, ctx.need(half))
    rtype = map_type(t, Pos.PARAM, ctx)
    if param.name and _read_only_struct(sig, param.name, t, ctx):
        notes.append(ctx.note("F04", f"`{param.name}` is not Clone and only read → borrowed"))
        rtype = rtype.wrap("&{}")
    if (sig.key, index) in ctx.decisions.spawned_fn_params and rtype.text.startswith("impl Fn"):
        notes.append(ctx.note("C01", f"`{param.name}` runs in a task: Send + Sync + 'static"))
        rtype = RustType(f"{rtype.text} + Send + Sync + 'static", rtype.uses, rtype.crates)
    if mutated and rtype.text.startswith("&") and not rtype.text.startswith("&mut"):
        rtype = RustType("&mut " + rtype.text[1:], rtype.uses, rtype.crates)
    if rtype.text.startswith("&") and not any(n.code == "F04" for n in notes):
        notes.append(ctx.note("F04", "string/slice/map parameters are borrowed"))
    return RustParam(name, ctx.need(rtype))


def _decl(key: str, ctx: Ctx) -> FuncDecl | None:
    """The function or method with this key (`F`, `T.M`)."""
    return (
        ctx.program.funcs.get(key)
        if "." not in key
        else next((m for m in ctx.program.methods.get(key.split(".")[0], []) if m.key == key), None)
    )


def _read_only_struct(sig: Signature, name: str, t: GoType, ctx: Ctx) -> bool:
    """A by-value parameter of a local struct that is not Clone (it holds a func or an
    interface) and that the body only reads fields of: `&T`. Go copied it, which an owner
    cannot do, and a reader does not need. Trait methods keep `T` (every implementation must
    agree)."""
    from go2rs.idioms.structs import derives_for

    if not isinstance(t, TName) or t.pkg is not None or ctx.program.struct(t.name) is None:
        return False
    if "Clone" in derives_for(t.name, ctx):
        return False
    memo = ctx.decisions.read_only_params  # every build of the signature asks (a body parse)
    if (sig.key, name) not in memo:
        memo[sig.key, name] = _only_fields_read(sig, name, ctx)
    return memo[sig.key, name]


def _only_fields_read(sig: Signature, name: str, ctx: Ctx) -> bool:
    from go2rs.idioms.interfaces import method_set

    fn = _decl(sig.key, ctx)
    if fn is None or fn.body is None:
        return False
    if fn.receiver is not None:
        traits = ctx.decisions.trait_impls.get(fn.receiver.type_name, [])
        if any(fn.name in method_set(i, ctx) for i in traits):
            return False
    facts = fn.body.facts
    mutating = ctx.decisions.mutating_method_names()
    if any(p[0] == name for p in facts.assigned) or any(
        p[0] == name and m in mutating for p, m in facts.method_calls
    ):
        return False
    root = parse_body(fn.body.text)
    uses = [n for n in walk(root) if n.type == "identifier" and _text(n) == name]
    return all(
        (parent := n.parent) is not None
        and parent.type == "selector_expression"
        and parent.child_by_field_name("operand") == n
        for n in uses
    )


def _receives(sig: Signature, name: str, ctx: Ctx) -> bool:
    fn = _decl(sig.key, ctx)
    if fn is None or fn.body is None:
        return False
    facts = fn.body.facts
    return ((name,) in facts.received_from or (name,) in facts.ranged) and (
        name,
    ) not in facts.sent_on


def _pointer_param(
    sig: Signature, index: int, mutated: bool, ctx: Ctx, notes: list[Note]
) -> RustType:
    param = sig.params[index]
    assert isinstance(param.type, TPointer)
    inner = map_type(param.type.elem, Pos.FIELD, ctx)
    if inner.text.startswith("Box<dyn "):
        dyn = "dyn " + inner.text[8:-1]
        # `&dyn Fn() + Send` is ambiguous to rustc: bounds after a reference need parentheses.
        inner = RustType(f"({dyn})" if " + " in dyn else dyn, inner.uses, inner.crates)
    checked = index in ctx.decisions.nil_checked_params.get(sig.key, frozenset())
    ref = "&mut " if mutated else "&"
    if checked:
        notes.append(ctx.note("N04", f"`{param.name}` is nil-checked → Option<{ref.strip()}T>"))
        return inner.wrap(f"Option<{ref}{{}}>")
    notes.append(
        ctx.note(
            "N04",
            f"*T parameter `{param.name}` → {ref.strip()}T"
            f"{' (the body mutates it)' if mutated else ''}",
        )
    )
    return inner.wrap(ref + "{}")


def _result_notes(
    sig: Signature, ret: RustType, options: frozenset[int], ctx: Ctx, notes: list[Note]
) -> None:
    if returns_error(sig.results):
        if ctx.program.is_main:
            notes.append(ctx.note("E05", "package main → anyhow::Result"))
        else:
            notes.append(ctx.note("E01", "(T, error) → Result; `?` replaces `if err != nil`"))
    values = sig.results[:-1] if returns_error(sig.results) else sig.results
    if len(values) > 1:
        notes.append(ctx.note("F01", "multiple results → tuple"))
    if any(r.name for r in sig.results):
        names = ", ".join(r.name or "_" for r in sig.results)
        notes.append(ctx.note("F02", f"named results ({names}) are returned explicitly"))
    if options:
        notes.append(ctx.note("N01", "returns nil for a pointer → Option"))
    elif any(isinstance(r.type, TPointer) for r in values):
        why = (
            "nil only comes with an error, which Result carries"
            if returns_error(sig.results)
            else "never nil"
        )
        notes.append(ctx.note("N01", f"*T result {why} → owned T"))


def _body(sig: Signature, body: Body | None, ctx: Ctx) -> RustBody:
    if body is None:
        return RustBody(f"go2rs: {sig.key} has no Go body", ())
    ctx.sink.idioms["F05"] += 1
    text = body.text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    lines = go_source_lines(text)
    return RustBody(f"go2rs: translate the Go body of {sig.key}", lines)


# ------------------------------------------------------------------ closures with their own state


def returns_stateful_closure(key: str, ctx: Ctx) -> bool:
    """Whether `key` returns a func literal that assigns variables it captured (Go's
    generator: `i := 0; return func() int { i++; return i }`). Rust's `move` closure then owns
    them, which is Go's semantics only while nothing else sees them: no other func literal
    of the body names them and nothing takes their address. Memoized per key."""
    memo = ctx.decisions.stateful_closures
    if key not in memo:
        fn = _decl(key, ctx)
        memo[key] = fn is not None and _stateful(fn)
    return memo[key]


def _stateful(fn: FuncDecl) -> bool:
    if fn.body is None or len(fn.results) != 1 or not isinstance(fn.results[0].type, TFunc):
        return False
    if "func(" not in fn.body.text:
        return False
    root = parse_body(fn.body.text)
    literals = [n for n in walk(root) if n.type == "func_literal"]
    returned = [n for n in literals if _returned_here(n)]
    writes: set[str] = set()
    for literal in returned:
        writes |= captured_writes(literal)
    if not writes:
        return False
    inside = {id(n) for r in returned for n in walk(r)}
    others = [n for n in literals if id(n) not in inside]
    if any(_names(o) & writes for o in others):
        return False
    return not any(
        n.type == "unary_expression"
        and _text(n).startswith("&")
        and (o := n.child_by_field_name("operand")) is not None
        and _text(o) in writes
        for n in walk(root)
    )


def _returned_here(literal: Node) -> bool:
    """A func literal that is a value of a `return` of the function itself (not of another
    func literal)."""
    node = literal.parent
    if node is None or node.type != "expression_list":
        return False
    node = node.parent
    if node is None or node.type != "return_statement":
        return False
    while node is not None:
        if node.type == "func_literal":
            return False
        node = node.parent
    return True


def captured_writes(literal: Node) -> set[str]:
    """Names a func literal assigns (`=`, `+=`, `++`) that it did not declare itself."""
    body = literal.child_by_field_name("body")
    if body is None:
        return set()
    assigned = {p[0] for p in collect_facts([body]).assigned}
    declared: set[str] = set()
    for n in walk(literal):
        if n.type in ("parameter_declaration", "var_spec", "range_clause"):
            declared |= {_text(c) for c in n.children_by_field_name("name")}
        if n.type in ("short_var_declaration", "range_clause"):
            left = n.child_by_field_name("left")
            declared |= {_text(c) for c in (left.named_children if left else [])}
    return assigned - declared


def _names(node: Node) -> set[str]:
    return {_text(n) for n in walk(node) if n.type == "identifier"}
