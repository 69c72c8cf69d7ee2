"""Draft mode's seam with the skeleton builder: try to translate a body, keep the skeleton
(`todo!()` + Go original + the reason) when go2rs cannot translate it faithfully."""

from __future__ import annotations

import dataclasses

from go2rs.bodies import BodyResult, Untranslatable, translate_body
from go2rs.context import Ctx, Todo
from go2rs.gomodel import FuncDecl
from go2rs.rustmodel import Body, Fn, Meta, Param


def apply_draft(decl: FuncDecl, fn: Fn, ctx: Ctx) -> Fn:
    """`fn` with its body translated (draft mode), or unchanged with a note saying why not."""
    if decl.body is None or fn.body is None:
        return fn
    if ctx.options.mode != "draft":
        ctx.sink.statements_seen += decl.body.facts.statements
        return fn
    try:
        result = translate_body(decl, fn, ctx)
    except Untranslatable as exc:
        ctx.sink.statements_seen += exc.statements or 0
        note = ctx.note("D02", f"body kept as todo: {exc}")
        return dataclasses.replace(fn, meta=_with_note(fn.meta, note))
    except Exception as exc:  # a go2rs bug in one body: keep its skeleton, not the whole file
        ctx.sink.statements_seen += decl.body.facts.statements
        why = f"{INTERNAL_ERROR} ({type(exc).__name__}: {exc}); please report this input"
        return dataclasses.replace(fn, meta=_with_note(fn.meta, ctx.note("D02", why)))
    return _drafted(fn, result, ctx, decl)


INTERNAL_ERROR = "body kept as todo: go2rs internal error"  # the suite fails on any


def _drafted(fn: Fn, result: BodyResult, ctx: Ctx, decl: FuncDecl) -> Fn:
    ctx.sink.statements_seen += result.statements
    ctx.sink.statements_translated += result.statements - sum(s.statements for s in result.skipped)
    ctx.sink.uses.update(result.uses)
    ctx.sink.idioms["F05"] -= 1  # the skeleton body it replaces was counted
    notes = [ctx.note(code, text) for code, text in result.notes]
    assert decl.body is not None
    for skipped in result.skipped:
        line = decl.body.span.line + skipped.line - 1  # the body's parse starts a line early
        ctx.sink.todos.append(Todo(dataclasses.replace(decl.body.span, line=line), skipped.go))
        notes.append(ctx.note("D03", f"line {line} kept as todo!(): {skipped.why}"))
    notes.append(ctx.note("D01", "body translated; review ownership (clones) and casts"))
    params = tuple(
        Param(f"mut {p.name}", p.type) if p.name in result.mutable_params else p for p in fn.params
    )
    body = Body("", (), result.lines or ("",))
    meta = fn.meta
    for note in notes:
        meta = _with_note(meta, note)
    attrs = (_UNTIL_PORTED, *fn.attrs) if result.skipped else fn.attrs
    return dataclasses.replace(fn, params=params, body=body, meta=meta, attrs=attrs)


# What a body with todo!()s for some statements warns about only because the Go they stand
# for is not Rust yet: locals that code would use, change or grow, and what follows a todo!().
_UNTIL_PORTED = "#[allow(unused, clippy::useless_vec)]"


def _with_note(meta: Meta, note: object) -> Meta:
    from go2rs.rustmodel import Note

    assert isinstance(note, Note)
    return dataclasses.replace(meta, notes=(*meta.notes, note))


def draft_display(decl: FuncDecl, fmt: Fn, ctx: Ctx) -> Fn:
    """`func (t T) String() string {..}` -> Display::fmt writing what the Go body returns."""
    if ctx.options.mode != "draft" or decl.body is None:
        return fmt
    as_fn = Fn("string", False, (), "String", Body("", ()), "&self")
    try:
        result = translate_body(decl, as_fn, ctx)
    except Untranslatable as exc:
        ctx.sink.statements_seen += exc.statements or 0
        return dataclasses.replace(
            fmt, meta=_with_note(fmt.meta, ctx.note("D02", f"body kept as todo: {exc}"))
        )
    return _drafted(fmt, dataclasses.replace(result, lines=_write(result.lines)), ctx, decl)


def _write(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The lines of a String-returning body, as the body of Display::fmt."""
    if len(lines) == 1 and lines[0].startswith("format!(") and lines[0].endswith(")"):
        return ("write!(f, " + lines[0][len("format!(") :],)
    if len(lines) == 1 and lines[0].endswith(".to_string()") and lines[0].startswith('"'):
        return (f"f.write_str({lines[0].removesuffix('.to_string()')})",)
    inner = "\n".join(lines)
    if not any("return " in line for line in lines):
        return (f"let text: String = {{\n{inner}\n}};", "f.write_str(&text)")
    return (
        "#[allow(clippy::redundant_closure_call)]",
        f"let text: String = (|| -> String {{\n{inner}\n}})();",
        "f.write_str(&text)",
    )
