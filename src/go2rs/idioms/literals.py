"""Go constant expressions -> Rust: literal syntax, escapes, and integer evaluation (iota).

Go and Rust string escapes differ (`\a`, `\v`, octal `\101`, `\x80` in strings); every Go
literal is decoded to its value and re-encoded the Rust way, never copied as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import assert_never

from go2rs.gomodel import EBinary, ECall, EIdent, ELit, EOther, ESelector, EUnary, Expr

_GO_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
}
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)", re.S)


def go_string_value(literal: str) -> str | None:
    """The value of a Go string or rune literal; None if it is malformed."""
    if len(literal) < 2:
        return None
    quote, body = literal[0], literal[1:-1]
    if quote == "`":
        return body.replace("\r", "")
    if literal[-1] != quote:
        return None
    raw = bytearray()
    pos = 0
    for match in _ESCAPE.finditer(body):
        raw += body[pos : match.start()].encode()
        pos = match.end()
        esc = match.group(1)
        if esc[0] in "xX" and len(esc) == 3:
            raw.append(int(esc[1:], 16))  # a byte, maybe not valid UTF-8 on its own
        elif esc[0] in "uU":
            raw += chr(int(esc[1:], 16)).encode("utf-8", errors="replace")
        elif esc[0] in "01234567" and len(esc) == 3:
            raw.append(int(esc, 8) & 0xFF)
        elif esc in _GO_ESCAPES:
            raw += _GO_ESCAPES[esc].encode()
        else:
            return None
    raw += body[pos:].encode()
    return raw.decode("utf-8", errors="replace")


# What a Rust string literal must escape: quotes, backslashes, control characters and the
# bidirectional overrides that would make the source read differently from what it does.
_RUST_ESCAPED = re.compile('["\\\\\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]')
_RUST_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _rust_escape(match: re.Match[str]) -> str:
    ch = match.group()
    return _RUST_SHORT_ESCAPES.get(ch) or f"\\u{{{ord(ch):x}}}"


def rust_string(value: str) -> str:
    """A Rust string literal for `value`, escaping what Rust requires and nothing exotic.

    One regex pass: most text needs no escape at all, and a per-character loop showed up in
    profiles (todo!() messages and doc strings run through here)."""
    return '"' + _RUST_ESCAPED.sub(_rust_escape, value) + '"'


def rust_format_string(value: str) -> str:
    """A Rust string literal for a format macro (`todo!`, `anyhow!`, `#[error]`): braces in
    `value` are text, not holes."""
    return rust_string(value.replace("{", "{{").replace("}", "}}"))


def rust_char(value: str) -> str:
    inner = rust_string(value)[1:-1].replace('\\"', '"')
    return "'" + ("\\'" if inner == "'" else inner) + "'"


def go_int_value(text: str) -> int | None:
    """Go integer literal syntax (0x, 0o, 0b, legacy octal 0755, underscores) -> int."""
    clean = text.replace("_", "").lower()
    try:
        if clean.startswith(("0x", "0o", "0b")):
            return int(clean, 0)
        if len(clean) > 1 and clean.startswith("0"):
            return int(clean, 8)
        return int(clean)
    except ValueError:
        return None


def rust_int(text: str) -> str:
    value = go_int_value(text)
    if value is None:
        return text
    clean = text.replace("_", "").lower()
    if clean.startswith(("0x", "0b", "0o")):
        return text.replace("0X", "0x").replace("0B", "0b").replace("0O", "0o")
    if len(clean) > 1 and clean.startswith("0"):
        return f"0o{value:o}"
    return text


def _int_op(op: str, a: int, b: int) -> int | None:
    """Go's integer operators on constants; None for what is not constant-safe."""
    shift_ok = 0 <= b < 128
    results: dict[str, int | None] = {
        "+": a + b,
        "-": a - b,
        "*": a * b,
        "|": a | b,
        "&": a & b,
        "^": a ^ b,
        "&^": a & ~b,
        "/": int(a / b) if b else None,
        "%": a - b * int(a / b) if b else None,
        "<<": a << b if shift_ok else None,
        ">>": a >> b if shift_ok else None,
    }
    return results.get(op)


def eval_int(expr: Expr | None, iota: int, env: Mapping[str, int]) -> int | None:
    """Evaluate an integer constant expression; None when it is not one."""
    match expr:
        case None:
            return None
        case ELit("int", text):
            return go_int_value(text)
        case ELit("rune", text):
            value = go_string_value(text)
            return ord(value) if value is not None and len(value) == 1 else None
        case ELit():
            return None
        case EIdent("iota"):
            return iota
        case EIdent(name):
            return env.get(name)
        case EBinary(op, left, right):
            a, b = eval_int(left, iota, env), eval_int(right, iota, env)
            return _int_op(op, a, b) if a is not None and b is not None else None
        case EUnary(op, operand):
            number = eval_int(operand, iota, env)
            if number is None:
                return None
            return {"-": -number, "+": number, "^": ~number}.get(op)
        case ECall(EIdent(_), (arg,)):
            return eval_int(arg, iota, env)  # a conversion like `Color(3)`
        case ECall() | ESelector() | EOther():
            return None
        case _:
            assert_never(expr)


def uses_iota(expr: Expr | None) -> bool:
    match expr:
        case EIdent("iota"):
            return True
        case EBinary(_, left, right):
            return uses_iota(left) or uses_iota(right)
        case EUnary(_, operand):
            return uses_iota(operand)
        case ECall(_, args):
            return any(uses_iota(a) for a in args)
        case _:
            return False
