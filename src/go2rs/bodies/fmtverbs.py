"""Go format strings (`fmt.Printf`, `Sprintf`, `Errorf`) -> Rust `format!` strings.

`%v` prints values with `{}` when they have a Display form and `{:?}` otherwise; widths,
precision, padding and flags carry over (`%-8s` -> `{:<8}`, `%06.2f` -> `{:06.2}`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VERB = re.compile(r"%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*))?([a-zA-Z%])")
_SIMPLE = {
    "d": "",
    "s": "",
    "v": "",
    "t": "",
    "c": "",
    "f": "",
    "g": "",
    "q": "?",
    "x": "x",
    "X": "X",
    "o": "o",
    "b": "b",
    "e": "e",
    "E": "E",
    "w": "",
    "U": "?",
    "T": "",  # the type's name, known when the argument's type is (calls.py folds it in)
}


@dataclass(frozen=True, slots=True)
class Verb:
    spec: str  # the Rust spec after `:` (may be empty)
    kind: str  # the Go verb letter
    debug_if_not_display: bool  # %v: `{:?}` for values without Display
    flags: str = ""  # the Go flags (`-+# 0`), width and precision, as written
    width: str | None = None
    precision: str | None = None


def translate_format(text: str) -> tuple[str, list[Verb]] | None:
    """Go format -> (Rust format with `{}` holes, one Verb per argument); None if unsupported."""
    out: list[str] = []
    verbs: list[Verb] = []
    pos = 0
    for match in _VERB.finditer(text):
        out.append(_escape_braces(text[pos : match.start()]))
        pos = match.end()
        flags, width, precision, verb = match.groups()
        if verb == "%":
            out.append("%")
            continue
        if (
            verb not in _SIMPLE
            or width == "*"
            or precision == "*"
            or "#" in flags  # %#v is Go syntax, %#o a 0 prefix: no Rust spec prints them
        ):
            return None
        spec = ""
        if "-" in flags:
            spec += "<"
        if "+" in flags:
            spec += "+"
        if "0" in flags and "-" not in flags:
            spec += "0"
        spec += width or ""
        if precision is not None:
            spec += f".{precision}"
        elif verb == "f":
            spec += ".6"  # Go's %f prints six decimals; Rust's {} prints the shortest form
        spec += _SIMPLE[verb]
        verbs.append(Verb(spec, verb, verb == "v" and "#" not in flags, flags, width, precision))
        out.append("{" + (":" + spec if spec else "") + "}")
    out.append(_escape_braces(text[pos:]))
    return "".join(out), verbs


def rehole(rust_format: str, verbs: list[Verb]) -> str:
    """The Rust format with each `{..}` hole rewritten from its (possibly changed) verb."""
    out: list[str] = []
    index = i = 0
    while i < len(rust_format):
        if rust_format.startswith(("{{", "}}"), i):
            out.append(rust_format[i : i + 2])
            i += 2
            continue
        if rust_format[i] == "{":
            spec = verbs[index].spec
            out.append("{" + (":" + spec if spec else "") + "}")
            index += 1
            i = rust_format.index("}", i) + 1
            continue
        out.append(rust_format[i])
        i += 1
    return "".join(out)


def _escape_braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")
