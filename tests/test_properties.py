"""Property tests (hypothesis): generated Go programs and mutated golden cases.

For every input: translate() does not raise and reports no go2rs bug, the output parses as Rust
(fuzz.oracle.check), every top-level Go declaration that parsed is translated (its Rust name is
in the code) or named in a todo/diagnostic, and translating twice gives the same result.

The example budget is fixed and derandomized so CI is fast and repeatable; raise it locally with
GO2RS_HYPOTHESIS_EXAMPLES=2000.
"""

from __future__ import annotations

import os
import re
from functools import cache

from fuzz.oracle import check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cases import discover_cases

from go2rs.api import Options, Translation
from go2rs.context import Ctx
from go2rs.gomodel import FuncDecl, TypeDecl, ValueGroup
from go2rs.idioms import naming
from go2rs.idioms.literals import go_string_value, rust_string
from go2rs.parse.lower import lower
from go2rs.passes import run_passes
from go2rs.program import Program

BUDGET = int(os.environ.get("GO2RS_HYPOTHESIS_EXAMPLES", "150"))
PROPERTY = settings(
    max_examples=BUDGET,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---------------------------------------------------------------------------- a small Go grammar

NAME_POOL = [
    "Store", "store", "Item", "userID", "HTTPServer", "Config", "total", "Total", "x", "a1",
    "match", "type2", "impl", "self", "Self", "crate", "fn", "mod", "async", "Ωmega", "größe",
    "名前", "Err", "ErrNotFound", "ErrNotFound2", "_x", "X_", "value", "Value", "New", "String",
    "Error", "Len", "Close", "Run", "data", "mu", "ctx",
]  # fmt: skip
BASIC = ["int", "int64", "uint8", "float64", "string", "bool", "byte", "rune", "error", "any"]
STRINGS = [
    '"plain"', '"tab\\tnew\\nline"', '"\\a\\v\\x7f\\u00e9\\U0001F600\\101"', '"*/ /* {x}"',
    '`raw "# text`', '"bidi \\u202e"', '"quote \\" back \\\\"', '""',
]  # fmt: skip


@st.composite
def go_type(draw: st.DrawFn, local: tuple[str, ...], depth: int = 0) -> str:
    leaves = [*BASIC, *local, "time.Duration", "[]byte", "context.Context"]
    if depth >= 3 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(leaves))
    inner = draw(go_type(local, depth + 1))
    shape = draw(st.sampled_from(["*", "[]", "map", "chan", "<-chan", "[4]", "func"]))
    if shape == "map":
        return f"map[{draw(st.sampled_from(['string', 'int', *local[:1]]))}]{inner}"
    if shape == "func":
        return f"func({inner}) error"
    return f"{shape}{' ' if 'chan' in shape else ''}{inner}"


@st.composite
def go_program(draw: st.DrawFn) -> str:
    names = draw(st.lists(st.sampled_from(NAME_POOL), min_size=4, max_size=14, unique=True))
    count = draw(st.integers(1, max(1, len(names) // 2)))
    type_names, value_names = tuple(names[:count]), names[count:]
    decls: list[str] = []
    for i, name in enumerate(type_names):
        kind = draw(st.sampled_from(["struct", "interface", "int", "enum", "alias", "generic"]))
        if kind == "struct":
            fields = draw(st.lists(st.sampled_from(NAME_POOL), max_size=5, unique=True))
            lines = []
            for field in fields:
                tag = draw(st.sampled_from(["", ' `json:"f,omitempty"`', ' `json:"-"`']))
                lines.append(f"\t{field} {draw(go_type(type_names))}{tag}")
            if draw(st.booleans()):
                lines.append("\tmu sync.Mutex")
            decls.append(f"type {name} struct {{\n" + "\n".join(lines) + "\n}")
        elif kind == "interface":
            methods = draw(st.lists(st.sampled_from(NAME_POOL[:20]), max_size=3, unique=True))
            body = "\n".join(f"\t{m}({draw(go_type(type_names))}) error" for m in methods)
            decls.append(f"type {name} interface {{\n{body}\n}}")
        elif kind == "enum":
            members = [f"{name}V{j}" for j in range(draw(st.integers(1, 4)))]
            first, *rest = members
            block = "\n".join([f"\t{first} {name} = iota", *(f"\t{m}" for m in rest)])
            decls.append(f"type {name} int\n\nconst (\n{block}\n)")
        elif kind == "alias":
            decls.append(f"type {name} = {draw(go_type(type_names[:i]))}")
        elif kind == "generic":
            decls.append(f"type {name}[T any, K comparable] struct {{\n\tItems map[K]T\n}}")
        else:
            decls.append(f"type {name} {draw(st.sampled_from(BASIC[:5]))}")
        for method in draw(st.lists(st.sampled_from(NAME_POOL), max_size=2, unique=True)):
            star = draw(st.sampled_from(["*", ""]))
            if kind in ("alias", "interface", "generic"):
                break
            result = draw(st.sampled_from(["", "error", "(int, error)", "string", "*" + name]))
            decls.append(
                f"func (r {star}{name}) {method}(v {draw(go_type(type_names))}) {result} {{\n"
                f"\t{draw(st.sampled_from(BODIES))}\n}}"
            )
    for name in value_names:
        kind = draw(st.sampled_from(["func", "const", "sentinel", "var"]))
        if kind == "func":
            params = ", ".join(
                f"p{j} {draw(go_type(type_names))}" for j in range(draw(st.integers(0, 3)))
            )
            result = draw(st.sampled_from(["", "error", "(string, error)", "bool", "[]int"]))
            body = draw(st.sampled_from(BODIES))
            decls.append(f"func {name}({params}) {result} {{\n\t{body}\n}}")
        elif kind == "const":
            value = draw(st.sampled_from([*STRINGS, "1 << 3", "'\\a'", "0x7f", "3.5", "iota"]))
            decls.append(f"const {name} = {value}")
        elif kind == "sentinel":
            decls.append(f"var {name} = errors.New({draw(st.sampled_from(STRINGS))})")
        else:
            decls.append(f"var {name} {draw(go_type(type_names))}")
    if draw(st.booleans()):
        decls.insert(draw(st.integers(0, len(decls))), "// " + draw(st.sampled_from(STRINGS)))
    header = 'package p\n\nimport (\n\t"context"\n\t"errors"\n\t"sync"\n\t"time"\n)\n'
    return header + "\n\n" + "\n\n".join(decls) + "\n"


BODIES = [
    "return",
    "return nil",
    'panic("*/ unreachable /*")',
    "go func() {}()",
    "time.Sleep(time.Second)",
    "for i := range 3 { _ = i }",
    "ch := make(chan int)\n\tch <- 1",
    "if x := 1; x > 0 {\n\t\treturn\n\t}",
]

# -------------------------------------------------------------------- mutations of golden cases


@cache
def case_sources() -> tuple[str, ...]:
    return tuple(c.source().decode("utf-8") for c in discover_cases())


TOKEN = re.compile(r"\w+|\s+|\S")
INSERTS = [
    "{", "}", "(", ")", "[", "]", '"', "`", "'", "/*", "*/", "//", "\n", "func", "type", "struct",
    "interface", ",", ";", "*", "chan", "<-", "=", ":=", "...", "\x00", "\ufffd", "_", "iota",
]  # fmt: skip


@st.composite
def mutated_case(draw: st.DrawFn) -> str:
    source = draw(st.sampled_from(case_sources()))
    tokens = TOKEN.findall(source)
    for _ in range(draw(st.integers(1, 6))):
        if not tokens:
            break
        at = draw(st.integers(0, len(tokens) - 1))
        action = draw(st.sampled_from(["delete", "insert", "truncate", "duplicate"]))
        if action == "delete":
            del tokens[at : at + draw(st.integers(1, 8))]
        elif action == "insert":
            tokens.insert(at, draw(st.sampled_from(INSERTS)))
        elif action == "truncate":
            tokens = tokens[:at]
        else:
            tokens[at:at] = tokens[at : at + draw(st.integers(1, 20))]
    return "".join(tokens)


# ------------------------------------------------------------------------------------ properties


def code_only(rust: str) -> str:
    return "\n".join(line for line in rust.splitlines() if not line.lstrip().startswith("//"))


def unaccounted(source: str, result: Translation) -> list[str]:
    """Top-level Go declarations whose Rust name is nowhere in the code and that no todo,
    diagnostic or go2rs note names: silently dropped."""
    options = Options(filename="prop.go", format=False)
    lowered = lower(source, options.filename)
    ctx = Ctx(Program.of((lowered.file,)), options)
    run_passes(ctx)
    decisions = ctx.decisions
    words = set(re.findall(r"[\w]+", code_only(result.rust)))
    notes = [line for line in result.rust.splitlines() if "go2rs" in line or "Go:" in line]
    todo_lines = {line for t in result.todos for line in range(t.span.line, t.span.end_line + 1)}
    diag_lines = {d.line for d in result.diagnostics}
    variants = {go: rust for plan in decisions.enums.values() for go, rust, _, _ in plan.variants}
    if decisions.errors is not None:
        variants.update({go: variant for go, variant, _ in decisions.errors.sentinels})

    def rust_names(name: str, key: str) -> set[str]:
        names = {
            ctx.type_name(name),
            ctx.fn_name(key),
            ctx.const_name(name),
            naming.snake(name),
            naming.camel(name),
            naming.screaming(name),
        }
        if name in variants:
            names.add(variants[name])
        return {n.removeprefix("r#") for n in names}

    missing: list[str] = []
    for decl in lowered.file.decls:
        match decl:
            case FuncDecl() | TypeDecl():
                named = [(decl.name, decl.key if isinstance(decl, FuncDecl) else decl.name)]
                line, end = decl.span.line, decl.span.end_line
            case ValueGroup():
                named = [(s.name, s.name) for s in decl.specs]
                line, end = decl.span.line, decl.span.end_line
            case _:
                continue
        for name, key in named:
            if name == "_" or not name:
                continue
            if rust_names(name, key) & words:
                continue
            if any(name in note for note in notes):
                continue
            if todo_lines & set(range(line, end + 1)) or diag_lines & set(range(line, end + 1)):
                continue
            missing.append(f"{name} (go line {line})")
    return missing


def assert_robust(source: str) -> None:
    options = Options(filename="prop.go", format=False)
    result = check(source, options)
    again = check(source, options)
    assert again.rust == result.rust, "translating twice gave different Rust"
    assert again.diagnostics == result.diagnostics
    missing = unaccounted(source, result)
    assert not missing, f"silently dropped: {missing}\n--- rust ---\n{result.rust}"


@PROPERTY
@given(go_program())
def test_generated_programs(source: str) -> None:
    assert_robust(source)


@settings(PROPERTY, max_examples=max(10, BUDGET // 10))
@given(go_program())
def test_generated_programs_pass_rustfmt(source: str) -> None:
    # rustfmt is rustc's parser: stricter than tree-sitter-rust (`fn _()`, `_: T` fields).
    check(source, Options(filename="prop.go", format=True))


@PROPERTY
@given(mutated_case())
def test_mutated_cases(source: str) -> None:
    assert_robust(source)


@PROPERTY
@given(st.binary(max_size=2048))
def test_arbitrary_bytes(data: bytes) -> None:
    check(data, Options(filename="prop.go", format=False))


# ---------------------------------------------------------------------- string literal round trip

_RUST_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "0": "\0", "'": "'", '"': '"'}
_RUST_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|x[0-7][0-9a-fA-F]|.)", re.S)


def rust_string_value(literal: str) -> str:
    """Decode a Rust string literal (non-raw) the way rustc does; raise on what rustc rejects."""
    assert literal[0] == literal[-1] == '"', literal
    body = literal[1:-1]
    out, pos = [], 0
    for match in _RUST_ESCAPE.finditer(body):
        plain = body[pos : match.start()]
        assert '"' not in plain, f"unescaped quote in {literal!r}"
        out.append(plain)
        pos = match.end()
        esc = match.group(1)
        if esc.startswith("u{"):
            out.append(chr(int(esc[2:-1], 16)))
        elif esc.startswith("x"):
            out.append(chr(int(esc[1:], 16)))
        else:
            assert esc in _RUST_SIMPLE, f"invalid Rust escape \\{esc} in {literal!r}"
            out.append(_RUST_SIMPLE[esc])
    out.append(body[pos:])
    return "".join(out)


@PROPERTY
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=64))
def test_rust_string_round_trips(value: str) -> None:
    literal = rust_string(value)
    assert rust_string_value(literal) == value
    # Nothing rustc lints against or a reader could not see is left raw.
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", literal)


GO_ESCAPES = {
    "\\a": "\a", "\\b": "\b", "\\f": "\f", "\\n": "\n", "\\r": "\r", "\\t": "\t",
    "\\v": "\v", "\\\\": "\\", '\\"': '"', "\\x7f": "\x7f", "\\x41": "A",
    "\\u00e9": "é", "\\U0001F600": "😀", "\\101": "A", "\\000": "\0", "\\177": "\x7f",
    "\\u202e": "\u202e", "\\xc3\\xa9": "é",
}  # fmt: skip


@PROPERTY
@given(
    st.lists(
        st.one_of(
            st.sampled_from(sorted(GO_ESCAPES)).map(lambda e: (e, GO_ESCAPES[e])),
            st.text("abc é{}*/#", max_size=3).map(lambda t: (t, t)),
        )
    )
)
def test_go_escapes_keep_their_value(parts: list[tuple[str, str]]) -> None:
    literal = '"' + "".join(go for go, _ in parts) + '"'
    assert go_string_value(literal) == "".join(value for _, value in parts)
    assert rust_string_value(rust_string("".join(value for _, value in parts))) == "".join(
        value for _, value in parts
    )
