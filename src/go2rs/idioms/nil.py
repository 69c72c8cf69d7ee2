"""nil (N01..N04): Option only where Go code shows nil is a real value.

- a pointer result becomes `Option<T>` when some `return` gives nil with a nil error;
- a pointer field becomes `Option<Box<T>>` when it is nil-checked or nil-assigned anywhere
  (or the type is recursive and must be boxed), otherwise an owned `T`;
- a func or local-interface field becomes `Option<..>` when nil-checked or nil-assigned,
  directly or through a local copy (`src := f.primary; if src == nil`);
- a pointer parameter becomes `Option<&T>` when nil-checked, `&mut T` when mutated, else `&T`.
"""

from __future__ import annotations

import re

from go2rs.context import Ctx
from go2rs.gomodel import (
    BodyFacts,
    Field,
    FuncDecl,
    Statements,
    TArray,
    TFunc,
    TMap,
    TName,
    TPointer,
    TSlice,
)
from go2rs.idioms.interfaces import unify_map


def analyze(ctx: Ctx) -> None:
    decisions = ctx.decisions
    for fn in ctx.program.all_funcs():
        if fn.body is None:
            continue
        facts = fn.body.facts
        _collect_fields(facts, decisions.nilable_fields)
        decisions.nilable_fields.update(fields_through_locals(fn, set(ctx.program.imports)))
        pointers = {i for i, r in enumerate(fn.results) if isinstance(r.type, TPointer)}
        if options := frozenset(facts.returns_nil_with_nil_error & pointers):
            decisions.option_results[fn.key] = options
        checked, mutated = param_usage(fn, ctx)
        if checked:
            decisions.nil_checked_params[fn.key] = checked
        if mutated:
            decisions.mutated_params[fn.key] = mutated
    for gofile in ctx.program.files:
        for decl in gofile.decls:
            if isinstance(decl, Statements):
                _collect_fields(decl.facts, decisions.nilable_fields)
    for table in (decisions.option_results, decisions.nil_checked_params, decisions.mutated_params):
        unify_map(table, ctx)


def _collect_fields(facts: BodyFacts, fields: set[str]) -> None:
    fields.update(p[-1] for p in facts.nil_compared | facts.nil_assigned if len(p) > 1)
    fields.update(facts.nil_keyed_fields)


def fields_through_locals(fn: FuncDecl, packages: set[str]) -> set[str]:
    """Fields a body copies into a local it then nil-checks (`src := f.primary; if src ==
    nil {`): the check is about the field, so the field is nil-able too. (`packages`: imported
    names, whose `pkg.Name` is no field.)"""
    if fn.body is None:
        return set()
    params = {p.name for p in fn.params} | {fn.receiver.name if fn.receiver else None}
    locals_checked = [p[0] for p in fn.body.facts.nil_compared if len(p) == 1]
    found: set[str] = set()
    for name in locals_checked:
        if name in params:
            continue
        # `name := x.f` on a line of its own, or as a for loop's init or post statement
        copied = re.compile(
            rf"(?m)(?:^\s*|\bfor\s+|;\s*){re.escape(name)}\s*:?=\s*([A-Za-z_]\w*)\.(\w+)"
            r"\s*(?:$|;|\{)"
        )
        found.update(m[2] for m in copied.finditer(fn.body.text) if m[1] not in packages)
    return found


def param_usage(fn: FuncDecl, ctx: Ctx) -> tuple[frozenset[int], frozenset[int]]:
    """Indexes of parameters the body nil-checks, and of those it mutates through."""
    if fn.body is None:
        return frozenset(), frozenset()
    facts = fn.body.facts
    checked, mutated = set(), set()
    for i, param in enumerate(fn.params):
        if not param.name:
            continue
        if isinstance(param.type, TPointer) and (param.name,) in facts.nil_compared:
            checked.add(i)
        # `p.X = ..` / `*p = ..`, or writes into a slice or map parameter's elements
        whole = isinstance(param.type, TPointer | TSlice | TMap)
        assigned = any(p[0] == param.name and (len(p) > 1 or whole) for p in facts.assigned)
        if assigned or _calls_mutating(param.name, param.type, facts, ctx):
            mutated.add(i)
    return frozenset(checked), frozenset(mutated)


def _calls_mutating(name: str, ptype: object, facts: BodyFacts, ctx: Ctx) -> bool:
    t = ptype.elem if isinstance(ptype, TPointer) else ptype
    if not isinstance(t, TName) or t.pkg is not None:
        return False
    return any(
        path == (name,) and f"{t.name}.{method}" in ctx.decisions.mut_receivers
        for path, method in facts.method_calls
    )


def field_is_optional(owner: str, field: Field, ctx: Ctx) -> tuple[bool, str]:
    """Whether a pointer field is `Option<Box<T>>`, and why."""
    assert isinstance(field.type, TPointer)
    name = field.name or (field.type.elem.name if isinstance(field.type.elem, TName) else "")
    if name in ctx.decisions.nilable_fields:
        return True, "nil-checked or set to nil in the input"
    pointee = field.type.elem
    if isinstance(pointee, TName) and pointee.pkg is None and _reaches(pointee.name, owner, ctx):
        return True, "the type is recursive, so it needs a Box"
    return False, "never nil-checked, so the value is owned"


def value_field_is_optional(field: Field, ctx: Ctx) -> bool:
    """A func or local-interface field (Go's nil-able values besides pointers) is `Option<..>`
    when the input nil-checks it or sets it to nil: Rust's Box<dyn ..> is never null."""
    if field.name is None or field.name not in ctx.decisions.nilable_fields:
        return False
    t = field.type
    if isinstance(t, TFunc):
        return True
    return isinstance(t, TName) and t.pkg is None and ctx.program.interface(t.name) is not None


def _reaches(start: str, target: str, ctx: Ctx) -> bool:
    """Whether struct `start` contains `target` inline (without a heap container)."""
    stack, seen = [start], set()
    while stack:
        name = stack.pop()
        if name == target:
            return True
        if name in seen:
            continue
        seen.add(name)
        struct = ctx.program.struct(name)
        for field in struct.fields if struct else ():
            t = field.type
            while isinstance(t, TPointer | TArray):
                t = t.elem
            if isinstance(t, TName) and t.pkg is None:
                stack.append(t.name)
    return False
