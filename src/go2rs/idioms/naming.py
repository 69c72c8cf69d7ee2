"""Go names -> Rust names: snake_case values, CamelCase types, SCREAMING consts, raw keywords.

Pure functions; acronyms are one word (`HTTPServer` -> `HttpServer`, `userID` -> `user_id`).
"""

from __future__ import annotations

import functools

RUST_KEYWORDS = frozenset(
    [
        "as",
        "break",
        "const",
        "continue",
        "crate",
        "else",
        "enum",
        "extern",
        "false",
        "fn",
        "for",
        "if",
        "impl",
        "in",
        "let",
        "loop",
        "match",
        "mod",
        "move",
        "mut",
        "pub",
        "ref",
        "return",
        "self",
        "Self",
        "static",
        "struct",
        "super",
        "trait",
        "true",
        "type",
        "unsafe",
        "use",
        "where",
        "while",
        "async",
        "await",
        "dyn",
        "abstract",
        "become",
        "box",
        "do",
        "final",
        "macro",
        "override",
        "priv",
        "typeof",
        "unsized",
        "virtual",
        "yield",
        "try",
        "gen",
        "union",
    ]
)
# Keywords that cannot be raw identifiers: they get a trailing underscore instead.
_NOT_RAW = frozenset({"self", "Self", "super", "crate", "_"})


def words(name: str) -> list[str]:
    """Split a Go identifier into words, keeping acronyms and trailing digits together."""
    out: list[str] = []
    current = ""
    for i, ch in enumerate(name):
        if ch == "_":
            if current:
                out.append(current)
            current = ""
            continue
        prev = name[i - 1] if i else ""
        nxt = name[i + 1] if i + 1 < len(name) else ""
        boundary = (
            bool(current)
            and ch.isupper()
            and (prev.islower() or prev.isdigit() or (prev.isupper() and nxt.islower()))
        )
        if boundary:
            out.append(current)
            current = ""
        current += ch
    if current:
        out.append(current)
    return out


def is_exported(name: str) -> bool:
    return name[:1].isupper()


@functools.cache
def snake(name: str) -> str:
    """`userID` -> `user_id`; keywords become raw identifiers."""
    if name == "_":
        return "_"
    result = "_".join(w.lower() for w in words(name)) or "_"
    if name.startswith("_") and not result.startswith("_"):
        result = "_" + result
    return escape_keyword(result)


@functools.cache
def camel(name: str) -> str:
    """`HTTPServer` -> `HttpServer`, `userStore` -> `UserStore`."""
    result = "".join(w[:1].upper() + w[1:].lower() for w in words(name)) or "Unnamed"
    if result[0].isdigit():
        result = "T" + result
    return result if result != "Self" else "Self_"


@functools.cache
def screaming(name: str) -> str:
    """`maxRetries` -> `MAX_RETRIES`."""
    return "_".join(w.upper() for w in words(name)) or "_"


def escape_keyword(name: str) -> str:
    if name in _NOT_RAW and name != "_":
        return name + "_"
    if name in RUST_KEYWORDS:
        return "r#" + name
    return name


def strip_prefix(name: str, prefix: str) -> str:
    """`ColorRed` with prefix `Color` -> `Red` (Rust scopes variants by their enum)."""
    if name.startswith(prefix) and len(name) > len(prefix):
        rest = name[len(prefix) :]
        if rest[0].isupper() or rest[0] == "_":
            return rest.lstrip("_") or name
    return name
