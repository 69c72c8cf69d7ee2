"""The one entry point the CLI, batch mode and tests use: `translate(source, options)`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from go2rs.build import build_file
from go2rs.context import Ctx, Options, Todo
from go2rs.diagnostics import Diagnostic, Severity
from go2rs.gomodel import Comment, Unparsed
from go2rs.parse.lower import lower
from go2rs.passes import run_passes
from go2rs.program import Program
from go2rs.render import render_file, rust_syntax_errors, rustfmt

__all__ = ["Options", "Translation", "translate"]


@dataclass(frozen=True, slots=True)
class Translation:
    rust: str
    diagnostics: tuple[Diagnostic, ...]
    translated_anything: bool
    idioms: Counter[str] = field(default_factory=Counter)  # code -> times applied
    todos: tuple[Todo, ...] = ()
    go_lines: int = 0


def translate(source: str | bytes, options: Options | None = None) -> Translation:
    """Translate one Go file or fragment. Never raises for bad input: problems come back as
    diagnostics next to whatever could be translated."""
    options = options or Options()
    try:
        return _translate(source, options)
    except (
        RecursionError,
        MemoryError,
        ValueError,
        KeyError,
        AttributeError,
        TypeError,
        AssertionError,
        IndexError,
    ) as exc:  # a go2rs bug must not become a traceback
        message = f"internal error ({type(exc).__name__}: {exc}); please report this input"
        diag = Diagnostic(options.filename, 1, 1, Severity.ERROR, message)
        return Translation(
            f"// go2rs could not translate {options.filename}: {message}\n", (diag,), False
        )


def _translate(source: str | bytes, options: Options) -> Translation:
    lowered = lower(source, options.filename)
    gofile = lowered.file
    diagnostics = list(lowered.diagnostics)
    translated = any(not isinstance(d, Comment | Unparsed) for d in gofile.decls)
    if not translated:
        what = "empty" if not gofile.decls else "has no Go declarations or statements"
        diagnostics.append(
            Diagnostic(
                options.filename, 1, 1, Severity.ERROR, f"nothing to translate: the input is {what}"
            )
        )
    ctx = Ctx(Program.of((gofile,)), options)
    run_passes(ctx)
    text = render_file(build_file(gofile, ctx, emit_error_enum=True), options.comments)
    if options.format:
        text, problem = rustfmt(text)
        if problem is not None:
            diagnostics.append(Diagnostic(options.filename, 1, 1, Severity.WARNING, problem))
    for line, col in rust_syntax_errors(text)[:5]:
        diagnostics.append(
            Diagnostic(
                options.filename,
                line,
                col,
                Severity.ERROR,
                f"generated Rust does not parse at output line {line} (a go2rs bug, please report)",
            )
        )
    return Translation(
        text,
        tuple(diagnostics),
        translated,
        ctx.sink.idioms,
        tuple(ctx.sink.todos),
        gofile.line_count,
    )
