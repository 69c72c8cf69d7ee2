"""Rust model -> text: Jinja templates (environment built once), rustfmt, tree-sitter-rust check.

rustfmt is the normaliser; when it fails on go2rs output that is a go2rs bug, reported as a
diagnostic rather than hidden.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
from pathlib import Path

import jinja2
import tree_sitter_rust
from jinja2.bccache import Bucket
from tree_sitter import Language, Parser

from go2rs.idioms.comments import comment_text
from go2rs.idioms.literals import rust_format_string
from go2rs.parse.parser import error_nodes
from go2rs.rustmodel import (
    CommentBlock,
    Const,
    Enum,
    Fn,
    Impl,
    Item,
    Meta,
    Note,
    RustFile,
    Struct,
    Trait,
    TypeAlias,
)

_TEMPLATES: dict[type, str] = {
    Fn: "items/fn.rs.j2",
    Struct: "items/struct.rs.j2",
    Enum: "items/enum.rs.j2",
    Trait: "items/trait.rs.j2",
    Impl: "items/impl.rs.j2",
    Const: "items/const.rs.j2",
    TypeAlias: "items/alias.rs.j2",
    CommentBlock: "items/comment.rs.j2",
}


def templates_dir() -> Path:
    """Templates ship inside the wheel (go2rs/templates); a source checkout keeps them at the
    top level."""
    packaged = Path(__file__).parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def _brief_codes(notes: tuple[Note, ...]) -> str:
    return " ".join(f"go2rs[{code}]" for code in dict.fromkeys(n.code for n in notes))


def _meta(m: Meta, mode: str) -> str:
    """The comment lines above an item, field or variant: where it came from (`full` only), its
    Go docs as `///`, its Go line comments, and go2rs's notes as `--comments` asks. Plain
    Python, not a Jinja macro: it runs for every item, field and variant, and a macro call
    costs several times the few lines it writes."""
    lines: list[str] = []
    if mode == "full" and m.origin:
        lines.append(f"// {comment_text(m.origin)}")
    lines += (f"/// {comment_text(line)}" if line else "///" for line in m.docs)
    lines += (f"// {comment_text(line)}" if line else "//" for line in m.comments)
    if mode == "full":
        lines += (f"// go2rs[{n.code}]: {comment_text(n.text)}" for n in m.notes)
    elif mode == "brief" and m.notes:
        lines.append(f"// {_brief_codes(m.notes)}")
    return "".join(f"{line}\n" for line in lines)


def _attrs(attrs: tuple[str, ...]) -> str:
    return "".join(f"{attr}\n" for attr in attrs)


def _derives(derives: tuple[str, ...]) -> str:
    return f"#[derive({', '.join(derives)})]\n" if derives else ""


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between processes (keyed by the template source's checksum), so a
    paste does not compile every template again. A cache that cannot be read or written is
    skipped: it only ever saves time."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:  # a private per-user folder in the temp dir; jinja2 refuses one that is not safe
        return _BytecodeCache()
    except (OSError, RuntimeError):
        return None


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # Templates are fixed for the life of a process: without this, every item render stats
        # its template file (and the macros it imports) to check for edits.
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["brief_codes"] = _brief_codes
    env.filters["rust_str"] = rust_format_string  # todo!() text: braces are not holes
    env.filters["comment"] = comment_text  # text inside `//` comments stays inside
    env.globals["render_item"] = render_item
    env.globals["meta"] = _meta
    env.globals["attrs"] = _attrs
    env.globals["derives"] = _derives
    return env


@functools.cache
def _template(name: str) -> jinja2.Template:
    """Each template looked up once: render_item runs once per item."""
    return environment().get_template(name)


def render_item(item: Item, mode: str) -> str:
    return _template(_TEMPLATES[type(item)]).render(item=item, mode=mode)


def render_file(rust: RustFile, mode: str) -> str:
    env = environment()
    items = [render_item(i, mode).strip("\n") for i in rust.items]
    placeholders = [render_item(i, mode).strip("\n") for i in rust.placeholders]
    if placeholders:  # the section's heading comment sits right above its first item
        placeholders[:2] = ["\n".join(placeholders[:2])]
    text = env.get_template("file.rs.j2").render(file=rust, items=items, placeholders=placeholders)
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines()) + "\n"


def rustfmt(text: str) -> tuple[str, str | None]:
    """Formatted text, or the input and why it could not be formatted."""
    import subprocess  # here, not at the top: `--no-format` pastes never pay its import

    exe = shutil.which("rustfmt")
    if exe is None:
        return text, "rustfmt not found on PATH; output is not formatted"
    try:
        done = subprocess.run(
            [exe, "--edition", "2021", "--emit", "stdout"],
            input=text,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return text, f"rustfmt did not run: {exc}"
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["unknown error"])[0]
        return text, f"rustfmt rejected the output (a go2rs bug, please report): {first}"
    return done.stdout, None


@functools.cache
def _rust_parser() -> Parser:
    return Parser(Language(tree_sitter_rust.language()))


def rust_syntax_errors(text: str) -> list[tuple[int, int]]:
    """Positions (1-based) where tree-sitter-rust finds the text is not Rust."""
    tree = _rust_parser().parse(text.encode("utf-8"))
    return [(n.start_point[0] + 1, n.start_point[1] + 1) for n in error_nodes(tree.root_node)]
