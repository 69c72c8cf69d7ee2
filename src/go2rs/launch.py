"""The `go2rs` entry point: the paste fast path first, the typer app for everything else.

A paste (`go2rs convert -`, or one Go file to stdout) is the latency users feel. Building the
typer app imports typer, its click core and (when installed) pydantic: tens to hundreds of
milliseconds before any Go is read. So the handful of argument shapes a paste uses is
recognised here, with nothing imported but go2rs.api; anything else (help, -o, folders,
batch options, errors in the arguments) goes to go2rs.cli unchanged, so typer stays the one
definition of the command line. tests/test_launch.py checks both paths give the same bytes.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass

_CHOICES = {"--comments": ("full", "brief", "none"), "--mode": ("draft", "skeleton")}


@dataclass(frozen=True, slots=True)
class PasteArgs:
    source: str | None  # None or "-": stdin
    comments: str = "full"
    format: bool = True
    placeholders: bool = True
    mode: str = "draft"


def parse_paste(argv: list[str]) -> PasteArgs | None:
    """The arguments of a plain single-input `convert` to stdout, or None to let typer decide."""
    if not argv or argv[0] != "convert":
        return None
    source: str | None = None
    seen_source = False
    choice = {"--comments": "full", "--mode": "draft"}
    fmt, placeholders = True, True
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--no-format":
            fmt = False
        elif arg == "--no-placeholders":
            placeholders = False
        elif arg.partition("=")[0] in _CHOICES:
            option, eq, value = arg.partition("=")
            value = value if eq else next(rest, "")
            if value not in _CHOICES[option]:
                return None
            choice[option] = value
        elif (arg == "-" or not arg.startswith("-")) and not seen_source:
            source, seen_source = arg, True
        else:  # -o, --stats, batch options, --help, a second input, `--`: typer's job
            return None
    if source is None and sys.stdin.isatty():
        return None  # typer prints the usage error
    if source not in (None, "-") and not os.path.isfile(source):
        return None  # folders are batch mode; unreadable paths get typer's message
    return PasteArgs(source, choice["--comments"], fmt, placeholders, choice["--mode"])


def _import_api() -> None:
    """Import the translator with the cyclic GC paused. The import creates tens of thousands of
    long-lived objects (classes, functions, templates' code); with the GC on, each of its
    collections walks them all again, about a tenth of the import's CPU time. None of them is
    garbage, so afterwards they are frozen out of the GC's way and it is switched back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        import go2rs.api  # noqa: F401
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def run_paste(args: PasteArgs) -> int:
    """What `go2rs convert` does for one input written to stdout; the exit code."""
    _import_api()
    from go2rs.api import Options, translate

    if args.source in (None, "-"):
        data, name = sys.stdin.buffer.read(), "stdin.go"
    else:
        try:
            with open(args.source, "rb") as handle:
                data = handle.read()
        except OSError:
            return -1  # raced with a rename or a permission change: typer reports it
        name = os.path.basename(args.source)
    result = translate(
        data,
        Options(
            comments=args.comments,
            format=args.format,
            placeholders=args.placeholders,
            filename=name,
            mode=args.mode,
        ),
    )
    for diagnostic in result.diagnostics:
        sys.stderr.write(f"{diagnostic}\n")
    sys.stderr.flush()
    sys.stdout.write(result.rust)
    sys.stdout.flush()
    return 0 if result.translated_anything else 1


def main() -> None:
    args = parse_paste(sys.argv[1:])
    if args is not None:
        code = run_paste(args)
        if code >= 0:
            # Everything is written and flushed, and a paste starts no threads or child
            # processes that outlive it: skip the interpreter's teardown (destroying every
            # module and object, about 15-20 ms of CPU per paste).
            os._exit(code)
    from go2rs.cli import main as typer_main

    typer_main()
