"""The one entry point the CLI, batch mode and tests use: `translate(source, options)`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from go2rs.build import build_file
from go2rs.context import Ctx, Options, Placeholder, Sink, Todo, merge_placeholders
from go2rs.diagnostics import Diagnostic, Severity
from go2rs.gomodel import Comment, Unparsed
from go2rs.idioms.errors import build_error_enum
from go2rs.parse.lower import Lowered, lower
from go2rs.passes import run_passes
from go2rs.program import Program
from go2rs.render import render_file, rust_syntax_errors, rustfmt
from go2rs.rustmodel import RustFile

__all__ = ["Options", "PackageTranslation", "Translation", "translate", "translate_package"]


@dataclass(frozen=True, slots=True)
class Translation:
    rust: str
    diagnostics: tuple[Diagnostic, ...]
    translated_anything: bool
    idioms: Counter[str] = field(default_factory=Counter)  # code -> times applied
    todos: tuple[Todo, ...] = ()
    go_lines: int = 0
    statements_seen: int = 0  # Go statements in function bodies
    statements_translated: int = 0  # of those, in bodies draft mode translated


_BUGS = (
    RecursionError,
    MemoryError,
    ValueError,
    KeyError,
    AttributeError,
    TypeError,
    AssertionError,
    IndexError,
)


def translate(source: str | bytes, options: Options | None = None) -> Translation:
    """Translate one Go file or fragment. Never raises for bad input: problems come back as
    diagnostics next to whatever could be translated."""
    options = options or Options()
    try:
        return _translate(source, options)
    except _BUGS as exc:  # a go2rs bug must not become a traceback
        return _internal_error(options.filename, exc)


def _internal_error(filename: str, exc: BaseException) -> Translation:
    message = f"internal error ({type(exc).__name__}: {exc}); please report this input"
    diag = Diagnostic(filename, 1, 1, Severity.ERROR, message)
    return Translation(f"// go2rs could not translate {filename}: {message}\n", (diag,), False)


def _translate(source: str | bytes, options: Options) -> Translation:
    lowered = lower(source, options.filename)
    ctx = Ctx(Program.of((lowered.file,)), options)
    run_passes(ctx)
    rust_file = build_file(
        lowered.file, ctx, emit_error_enum=True, placeholders=options.placeholders
    )
    return _finish(render_file(rust_file, options.comments), lowered, ctx, options)


def _finish(text: str, lowered: Lowered, ctx: Ctx, options: Options) -> Translation:
    """Format and validate rendered text; collect what the user must hear about."""
    gofile = lowered.file
    diagnostics = list(lowered.diagnostics)
    translated = any(not isinstance(d, Comment | Unparsed) for d in gofile.decls)
    if not translated:
        what = "empty" if not gofile.decls else "has no Go declarations or statements"
        diagnostics.append(
            Diagnostic(
                gofile.name, 1, 1, Severity.ERROR, f"nothing to translate: the input is {what}"
            )
        )
    if options.format:
        text, problem = rustfmt(text)
        if problem is not None:
            diagnostics.append(Diagnostic(gofile.name, 1, 1, Severity.WARNING, problem))
    for line, col in rust_syntax_errors(text)[:5]:
        diagnostics.append(
            Diagnostic(
                gofile.name,
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
        ctx.sink.statements_seen,
        ctx.sink.statements_translated,
    )


@dataclass(frozen=True, slots=True)
class PackageTranslation:
    """A Go package translated as a whole: types, interfaces, sentinels and method sets are
    resolved across its files before any file is emitted."""

    files: tuple[Translation, ...]  # one per input file, same order; no error enum or
    # placeholders (they are package-level, below)
    error_enum: str | None  # Rust source of the package's error enum (library packages)
    placeholders: tuple[Placeholder, ...]  # names defined outside the package
    crates: frozenset[str]  # crates the package's files need


def translate_package(
    sources: Sequence[tuple[str, bytes]], options: Options | None = None
) -> PackageTranslation:
    """Translate the files of one Go package together (batch mode's unit of work)."""
    options = options or Options()
    lowered = [lower(source, name) for name, source in sources]
    ctx = Ctx(Program.of(tuple(item.file for item in lowered)), options)
    run_passes(ctx)
    files: list[Translation] = []
    placeholders: dict[str, Placeholder] = {}
    crates: set[str] = set()
    for item in lowered:
        ctx.sink = Sink()
        try:
            rust_file = build_file(item.file, ctx, emit_error_enum=False, placeholders=False)
            files.append(_finish(render_file(rust_file, options.comments), item, ctx, options))
        except _BUGS as exc:  # one bad file never stops the package
            files.append(_internal_error(item.file.name, exc))
        merge_placeholders(placeholders, ctx.sink.placeholders)
        crates |= ctx.sink.crates
    error_enum = None
    if ctx.decisions.errors is not None and not ctx.program.is_main:
        ctx.sink = Sink()
        enum = build_error_enum(ctx.decisions.errors, ctx)
        error_enum = render_file(RustFile((), (), (enum,)), options.comments)
        if options.format:
            error_enum = rustfmt(error_enum)[0]
        crates |= ctx.sink.crates
    local = set(ctx.program.types)
    kept = tuple(p for name, p in sorted(placeholders.items()) if p.go_name not in local)
    return PackageTranslation(tuple(files), error_enum, kept, frozenset(crates))
