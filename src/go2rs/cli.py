"""The command line: typer app only; the work happens in go2rs.api."""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from go2rs.api import Translation

app = typer.Typer(
    name="go2rs",
    help="Turn Go code into an idiomatic Rust first draft.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Mode(enum.StrEnum):
    draft = "draft"
    skeleton = "skeleton"


class Comments(enum.StrEnum):
    full = "full"
    brief = "brief"
    none = "none"


@app.callback()
def _root() -> None:
    """go2rs: Go in, idiomatic Rust out."""


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"go2rs: {message}", err=True)
    return typer.Exit(code)


def _read_source(source: str | None) -> tuple[bytes, str]:
    if source in (None, "-"):
        if source is None and sys.stdin.isatty():
            raise _fail("give a Go file, or pipe Go code on stdin (go2rs convert -)", 2)
        return sys.stdin.buffer.read(), "stdin.go"
    path = Path(source)
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise _fail(f"cannot read {source}: {exc.strerror or exc}", 2) from None


@app.command()
def convert(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="A Go file, or - for stdin (the default when stdin is piped). "
            "A folder (a Go module or package) or several Go files: a Cargo crate in -o OUT.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the Rust here instead of stdout.")
    ] = None,
    comments: Annotated[
        Comments, typer.Option(help="Explanatory comments: full, brief (codes only) or none.")
    ] = Comments.full,
    no_format: Annotated[bool, typer.Option("--no-format", help="Skip rustfmt.")] = False,
    no_placeholders: Annotated[
        bool,
        typer.Option(
            "--no-placeholders", help="Leave out placeholder types for names defined elsewhere."
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Batch: write into a non-empty OUT folder.")
    ] = False,
    tests: Annotated[
        bool, typer.Option("--tests", help="Batch: convert _test.go files into Rust test modules.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Batch: no progress.")] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Batch: run cargo check on OUT; errors go in the report."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Batch: processes to use (default: all cores)."),
    ] = None,
    mode: Annotated[
        Mode,
        typer.Option(help="draft: translate function bodies; skeleton: bodies are todo!()."),
    ] = Mode.draft,
    stats: Annotated[
        bool, typer.Option("--stats", help="Print statements seen/translated and todo!()s left.")
    ] = False,
) -> None:
    """Translate Go code into a Rust draft: types, signatures and, in draft mode, bodies."""
    from go2rs.api import Options, translate

    if sources and (len(sources) > 1 or Path(sources[0]).is_dir()):
        from go2rs.batch.console import run as run_batch

        if output is None:
            raise _fail("a folder or several files become a crate: give -o OUT", 2)
        code = run_batch(
            sources,
            output,
            force=force,
            tests=tests,
            quiet=quiet,
            check=check,
            jobs=jobs,
            comments=comments.value,
            format=not no_format,
            mode=mode.value,
        )
        raise typer.Exit(code)
    if force or tests or check or jobs is not None:
        raise _fail("--force, --tests, --check and --jobs need a folder or several Go files", 2)
    source = sources[0] if sources else None
    data, name = _read_source(source)
    result = translate(
        data,
        Options(
            comments=comments.value,
            format=not no_format,
            placeholders=not no_placeholders,
            filename=name,
            mode=mode.value,
        ),
    )
    for diagnostic in result.diagnostics:
        typer.echo(str(diagnostic), err=True)
    if stats:
        typer.echo(_stats_line(name, result), err=True)
    if output is not None:
        if source not in (None, "-") and output.resolve() == Path(source).resolve():
            raise _fail(f"refusing to overwrite the input file {source}", 2)
        _write_atomically(output, result.rust)
    else:
        sys.stdout.write(result.rust)
        sys.stdout.flush()
    if not result.translated_anything:
        raise typer.Exit(1)


def _stats_line(name: str, result: Translation) -> str:
    seen, done = result.statements_seen, result.statements_translated
    share = f" ({done / seen:.0%})" if seen else ""
    todos = sum(1 for line in result.rust.splitlines() if line.lstrip().startswith("todo!("))
    return f"{name}: statements translated {done}/{seen}{share}, todo!() left {todos}"


def _write_atomically(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.go2rs-tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _fail(f"cannot write {path}: {exc.strerror or exc}", 2) from None


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; loopback unless --public.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0: any free one).")] = 8000,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in the default browser.")
    ] = False,
    public: Annotated[
        bool,
        typer.Option(
            "--public", help="Allow a non-loopback --host (anyone who reaches it can use it)."
        ),
    ] = False,
) -> None:
    """Open the paste-and-see page: Go on the left, Rust on the right (needs go2rs[web])."""
    # Imported here so `go2rs convert` never loads the web stack.
    from go2rs.web.server import ServeError
    from go2rs.web.server import serve as run_server

    try:
        run_server(host, port, open_browser=open_browser, public=public)
    except ServeError as exc:
        raise _fail(str(exc), 2) from None


def main() -> None:
    app()
