"""Go comments -> Rust comments that can never end early or upset rustc.

Everything becomes `//` or `///` line comments (a `*/` inside Go text is then harmless), and
characters rustc rejects in comments (bidi overrides, control bytes) are shown escaped.
"""

from __future__ import annotations

import re
import textwrap

# rustc denies bidirectional-override code points in comments (text_direction_codepoint lint)
# and a bare CR in doc comments; other control characters (C0 and C1) would make the output
# unreadable, and U+2028/U+2029 end a line for some editors and for tree-sitter-rust.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def safe(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{{{ord(m.group()):x}}}", text).replace("\t", "    ")


def comment_text(text: str) -> str:
    """Any text as the rest of one `//` line (the templates' `comment` filter): a line break
    inside a note, origin or doc line would end the comment and leave the rest as code."""
    return " ".join(safe(text).split("\n"))


def comment_lines(comment: str) -> list[str]:
    """The text lines of one Go comment, without `//` or `/* */` markers."""
    if comment.startswith("//"):
        body = comment[2:].rstrip("\r")  # CRLF files: the CR is part of the comment's text
        return [safe(body[1:] if body.startswith(" ") else body).rstrip()]
    inner = comment[2:-2] if comment.endswith("*/") else comment[2:]
    lines = [safe(line.strip().lstrip("*").rstrip()) for line in inner.splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return [line[1:] if line.startswith(" ") else line for line in lines]


def doc_lines(comments: tuple[str, ...]) -> tuple[str, ...]:
    """Go doc comments -> the lines of a `///` block (directives like //go: dropped)."""
    out: list[str] = []
    for comment in comments:
        if comment.startswith(("//go:", "//nolint", "//lint:")):
            continue
        out.extend(comment_lines(comment))
    return tuple(out)


def go_source_lines(source: str) -> tuple[str, ...]:
    """Go source shown inside Rust comments: dedented, safe, without blank edges."""
    lines = textwrap.dedent(source.expandtabs(4)).splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return tuple(safe(line).rstrip() for line in lines)
