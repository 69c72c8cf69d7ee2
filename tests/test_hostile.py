"""Hostile input: whatever people paste, go2rs answers with Rust plus diagnostics (or one clear
error line): never a traceback, never a hang, never a Rust comment that ends early.

Every translation here goes through `fuzz.oracle.check`: no exception, no "internal error" or
"go2rs bug" diagnostic (that includes rustfmt rejecting the output), and the output parses with
tree-sitter-rust. A few outputs are also compiled (cargo clippy) at the end of the file.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
import tree_sitter_rust
from fuzz.oracle import check
from support.rustcheck import WORK_DIR, check_rust
from support.tools import find_tool, require_tool
from tree_sitter import Language, Node, Parser
from typer.testing import CliRunner, Result

from go2rs.api import Options, Translation
from go2rs.cli import app
from go2rs.diagnostics import Severity

DEPTH = 10_000
POSITION = re.compile(r"^[^:\n]+:\d+:\d+: (error|warning|info): .+$")


def run(source: str | bytes, **options: object) -> Translation:
    return check(source, Options(filename="hostile.go", **options))  # type: ignore[arg-type]


def errors(result: Translation) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in result.diagnostics if d.severity is Severity.ERROR]


def rust_nodes(text: str, kind: str) -> list[Node]:
    tree = Parser(Language(tree_sitter_rust.language())).parse(text.encode())
    found, stack = [], [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == kind:
            found.append(node)
        stack.extend(node.children)
    return found


def code_only(rust: str) -> str:
    """The output without its `//` comment lines: what rustc will treat as code."""
    return "\n".join(line for line in rust.splitlines() if not line.lstrip().startswith("//"))


# ------------------------------------------------------------------------- nothing to work on


@pytest.mark.parametrize("source", ["", "   \n\t\r\n  ", "\n" * 1000, b"\xef\xbb\xbf"])
def test_blank_input_says_there_is_nothing_to_translate(source: str | bytes) -> None:
    result = run(source)
    assert not result.translated_anything
    assert [(line, col) for line, col, _ in errors(result)] == [(1, 1)]
    assert "nothing to translate" in errors(result)[0][2]
    assert code_only(result.rust).strip() == ""


def test_lone_closing_brace_is_a_syntax_error_at_its_position() -> None:
    result = run("\n\n   }\n")
    assert (3, 4) in [(line, col) for line, col, _ in errors(result)]
    assert not result.translated_anything
    assert code_only(result.rust).strip() == ""


# ----------------------------------------------------------------------- broken Go in the middle

BROKEN_MIDDLE = """\
package p

// Before is fine.
func Before(x int) int { return x }

func Broken(a int, , c) {
	return
}

type Mid struct {
	A int
	B = 3
}

// After is fine.
func After() bool { return true }
"""


def test_syntax_errors_mid_file_are_located_and_the_rest_is_translated() -> None:
    result = run(BROKEN_MIDDLE)
    positions = [(line, col) for line, col, _ in errors(result)]
    assert (6, 18) in positions  # the stray comma
    assert (12, 4) in positions  # `B = 3` in a struct
    for name in ("fn before", "fn after", "struct Mid"):
        assert name in result.rust


@pytest.mark.parametrize(
    ("opener", "line", "col"),
    [
        ('const S = "never closed', 5, 11),
        ("const S = `never closed", 5, 1),
        ("/* never closed", 5, 1),
    ],
    ids=["string", "raw_string", "block_comment"],
)
def test_unterminated_literals_and_comments(opener: str, line: int, col: int) -> None:
    source = f"package p\n\nfunc Before() {{}}\n\n{opener}\n\nfunc After() {{}}\n"
    result = run(source)
    assert (line, col) in [(ln, c) for ln, c, _ in errors(result)]
    assert "fn before()" in result.rust  # what came before the damage survives
    assert rust_nodes(result.rust, "block_comment") == []


def test_unterminated_rune_and_string_at_end_of_file() -> None:
    for tail in ("'", "'\\", '"abc\\', "`", "/*", "/* x *", "//"):
        result = run(f"package p\n\nfunc F() {{}}\n\nvar X = {tail}")
        assert "fn f()" in result.rust, tail


# ------------------------------------------------------------------------ not Go, or not text


def test_invalid_utf8_is_repaired_with_a_warning() -> None:
    source = b'package p\n\n// caf\xe9 \xff\xfe\nfunc F() {}\n\nconst S = "\xc3\x28"\n'
    result = run(source)
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    assert any("not valid UTF-8" in d.message for d in warnings)
    assert "fn f()" in result.rust
    assert 'const S: &str = "\ufffd("' in result.rust
    result.rust.encode("utf-8")  # no lone surrogates


@pytest.mark.parametrize(
    "source",
    [
        "package p\n\nfunc F() {\x00}\n",
        'package p\n\nconst S = "a\x00b"\n\nfunc G() {}\n',
        "package p\n\n// a NUL \x00 in a comment\nfunc H() {}\n",
        "\x00" * 64,
    ],
    ids=["code", "string", "comment", "only_nuls"],
)
def test_nul_bytes(source: str) -> None:
    result = run(source)
    assert "\x00" not in result.rust
    if source.startswith("package"):
        assert errors(result) or "\\u{0}" in result.rust


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_binary_file(seed: int) -> None:
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(32_768))
    result = run(data)
    assert errors(result)  # random bytes are not Go
    assert result.rust.startswith("// Rust draft of hostile.go")


def test_every_byte_value() -> None:
    run(bytes(range(256)) * 16)


PYTHON_FILE = """\
import os

def main():
    print("hi", os.getcwd())

if __name__ == "__main__":
    main()
"""

RUST_FILE = """\
use std::fmt;

pub struct S {
    x: i32,
}

impl fmt::Display for S {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.x)
    }
}

fn main() {
    println!("{}", S { x: 1 });
}
"""


@pytest.mark.parametrize("source", [PYTHON_FILE, RUST_FILE], ids=["python", "rust"])
def test_another_language_by_mistake(source: str) -> None:
    result = run(source)
    assert errors(result)
    # The foreign text is only ever quoted inside comments, never emitted as code.
    assert "println!" not in code_only(result.rust)
    assert "__main__" not in code_only(result.rust)


# ---------------------------------------------------------------------------------- sheer size

NESTED = {
    "blocks": "package p\n\nfunc Deep() {\n" + "{" * DEPTH + "}" * DEPTH + "\n}\n",
    "ifs": "package p\n\nfunc Deep(x bool) {\n" + "if x {" * DEPTH + "}" * DEPTH + "\n}\n",
    "parens": "package p\n\nvar Deep = " + "(" * DEPTH + "1" + ")" * DEPTH + "\n",
    "calls": "package p\n\nvar Deep = " + "f(" * DEPTH + ")" * DEPTH + "\n",
    "sum": "package p\n\nconst Deep = " + "1 + " * DEPTH + "1\n",
    "unary": "package p\n\nconst Deep = " + "-" * DEPTH + "1\n",
    "slices": "package p\n\ntype Deep " + "[]" * DEPTH + "int\n",
    "pointers": "package p\n\ntype Deep " + "*" * DEPTH + "int\n",
    "maps": "package p\n\ntype Deep " + "map[string]" * DEPTH + "int\n",
    "chans": "package p\n\ntype Deep " + "chan " * DEPTH + "int\n",
    "funcs": "package p\n\ntype Deep " + "func() " * DEPTH + "\n",
    "structs": "package p\n\ntype Deep " + "struct { X " * DEPTH + "int" + " }" * DEPTH + "\n",
    "literals": "package p\n\nvar Deep = " + "[]any{" * DEPTH + "}" * DEPTH + "\n",
    "closures": "package p\n\nvar Deep = " + "func() {" * DEPTH + "}" * DEPTH + "\n",
    "unclosed": "package p\n\nfunc Deep() {\n" + "{(" * DEPTH + "\n",
}


@pytest.mark.parametrize("kind", NESTED)
def test_deep_nesting_does_not_recurse(kind: str) -> None:
    limit = sys.getrecursionlimit()
    result = run(NESTED[kind])
    assert sys.getrecursionlimit() == limit
    if kind != "unclosed":
        assert not errors(result), errors(result)
        translated = re.search(r"\b(deep|Deep|DEEP)\b", code_only(result.rust))
        assert translated or any("Deep" in todo.what for todo in result.todos), kind


def generated_go(size: int) -> tuple[str, int]:
    """A Go file of about `size` bytes: the shapes generated code has (types, methods,
    sentinel errors, consts). Returns the source and how many types it defines."""
    parts = ['package big\n\nimport "errors"\n']
    total = count = 0
    while total < size:
        i = count
        chunk = (
            f"\n// Item{i} is generated.\ntype Item{i} struct {{\n\tID   int64\n"
            f'\tName string `json:"name"`\n\tTags []string\n}}\n\n'
            f"// Get{i} returns a value.\nfunc (it *Item{i}) Get{i}(k string) (int, error) {{\n"
            f'\tif k == "" {{\n\t\treturn 0, ErrEmpty{i}\n\t}}\n\tit.Name = k\n'
            f"\treturn len(k), nil\n}}\n\n"
            f'var ErrEmpty{i} = errors.New("empty key {i}")\n\nconst Limit{i} = {i} * 2\n'
        )
        parts.append(chunk)
        total += len(chunk)
        count += 1
    return "".join(parts), count


def test_large_generated_file_loses_nothing() -> None:
    # The 5 MB measurement is done by hand (see the fuzz README section); this keeps CI quick.
    source, count = generated_go(256 * 1024)
    result = run(source, format=False)
    assert not errors(result)
    code = code_only(result.rust)
    assert len(re.findall(r"^pub struct Item\d+ \{", code, re.M)) == count
    assert len(re.findall(r"pub fn get\d+\(&mut self", code)) == count
    assert len(re.findall(r"^pub const LIMIT\d+: i64 = ", code, re.M)) == count
    assert len(re.findall(r"#\[error\(\"empty key \d+\"\)\]", code)) == count


def test_very_long_lines() -> None:
    long_string = "x" * 200_000
    funcs = "; ".join(f"func F{i}() {{}}" for i in range(2_000))
    expr = " + ".join(f"a{i}" for i in range(20_000))
    source = (
        f'package p\n\nconst S = "{long_string}"\n\n{funcs}\n\nfunc G() int {{ return {expr} }}\n'
    )
    result = run(source, format=False)
    assert not errors(result)
    assert long_string in result.rust
    assert all(f"pub fn f{i}()" in result.rust for i in (0, 999, 1999))
    assert "pub fn g() -> i64" in result.rust


# ----------------------------------------------------------------------------------- identifiers

KEYWORDS = """\
package p

type fn struct {
	match  int
	impl   string
	self   bool
	crate  int
	super  int
	async  int
	await  int
	dyn    int
	Move   int
	Type   string
	Unsafe bool
}

type Self struct{ Where int }

func (s Self) Self() int  { return s.Where }
func (s *fn) Loop(ref int) { s.match = ref }
func mod(use, trait, as int) (where int) { return use + trait + as }

type crate int

const (
	unsafe = 1
	priv   = 2
	yield  = 3
)

var static = "s"
"""

UNICODE = """\
package p

// Größe has Unicode names.
type Größe struct {
	Ωmega int
	名前    string
	façade  bool
}

func Ñandú(π float64) float64 { return π * 2 }

func (g *Größe) Setλ(值 int) { g.Ωmega = 值 }

const Δ = 3

type Währung int

const (
	Euro Währung = iota
	Złoty
)
"""


def test_rust_keywords_as_go_identifiers() -> None:
    result = run(KEYWORDS)
    code = code_only(result.rust)
    for rust in ("r#match:", "r#impl:", "self_:", "crate_:", "super_:", "r#async:", "r#dyn:"):
        assert rust in code
    for rust in ("fn r#mod(", "fn r#loop(", "const UNSAFE", "static STATIC", "struct Self_"):
        assert rust in code, rust


def test_unicode_identifiers() -> None:
    result = run(UNICODE)
    code = code_only(result.rust)
    for rust in ("pub struct Größe", "pub ωmega: i64", "名前: String", "pub fn ñandú(π: f64)"):
        assert rust in code, rust
    assert "pub const Δ" in code


# -------------------------------------------------------------------- comments and string text

DELIMITERS = """\
package p

import "errors"

/* A block comment with a */ /* pair and a lone /* opener. */

// Tricky ends a comment early in C: */ and starts one: /* -- both stay inside `//`.
type Tricky struct {
	// Field doc with */ and /*.
	A int `json:"a,omitempty" note:"*/ /*"`
	B string // trailing */ /* comment
}

/*
Block doc with a star-slash inside a line: a */
*/
func Run() {}

// Close is the text of a comment delimiter.
const Close = "*/"

// Open is the other one.
const Open = "/*"

// ErrDelims has both in its message.
var ErrDelims = errors.New("bad */ token /* here")
"""


def test_comment_delimiters_never_open_or_close_a_rust_comment() -> None:
    result = run(DELIMITERS)
    assert rust_nodes(result.rust, "block_comment") == []
    lines = result.rust.splitlines()
    for text in ("Tricky ends a comment early in C: */ and starts one: /*", "Field doc with */"):
        assert any(line.lstrip().startswith("//") and text in line for line in lines), text
    code = code_only(result.rust)
    assert 'CLOSE: &str = "*/"' in code
    assert 'OPEN: &str = "/*"' in code
    assert '#[error("bad */ token /* here")]' in code


RAW_STRINGS = """\
package p

import "errors"

const Hash = `a "# b "## c`

const Quote = `"`

const Backslashes = `C:\\path\\n\\x00`

const MultiLine = `line one
	"# line two`

var ErrRaw = errors.New(`raw "# {braces}`)
"""


def test_raw_strings_with_quote_hash() -> None:
    result = run(RAW_STRINGS)
    code = code_only(result.rust)
    assert 'HASH: &str = "a \\"# b \\"## c";' in code
    assert 'QUOTE: &str = "\\"";' in code
    assert 'BACKSLASHES: &str = "C:\\\\path\\\\n\\\\x00";' in code
    assert 'MULTI_LINE: &str = "line one\\n\\t\\"# line two";' in code
    assert '#[error("raw \\"# {{braces}}")]' in code


ESCAPES = r"""package p

import "errors"

const All = "\a\b\f\n\r\t\v\\\"\x7f\u00e9\U0001F600\101\000"

const Hex = "\x41\x62\xe2\x82\xac"

const Bell = '\a'

const Tab = '\v'

const Del = '\x7f'

const Smile = '\U0001F600'

const Letter = '\101'

const Apostrophe = '\''

const Bidi = "a\u202eb"

var ErrEscapes = errors.New("\a\v\x7f\u00e9\U0001F600\101 {x}")
"""


def test_every_go_escape_becomes_a_valid_rust_escape() -> None:
    code = code_only(run(ESCAPES).rust)
    expected = (
        'ALL: &str = "\\u{7}\\u{8}\\u{c}\\n\\r\\t\\u{b}\\\\\\"\\u{7f}é😀A\\u{0}";',
        'HEX: &str = "Ab€";',
        "BELL: char = '\\u{7}';",
        "TAB: char = '\\u{b}';",
        "DEL: char = '\\u{7f}';",
        "SMILE: char = '😀';",
        "LETTER: char = 'A';",
        "APOSTROPHE: char = '\\'';",
        'BIDI: &str = "a\\u{202e}b";',
        '#[error("\\u{7}\\u{b}\\u{7f}é😀A {{x}}")]',
    )
    for text in expected:
        assert text in code, text
    # Go escapes Rust does not have must not leak through as text.
    assert not re.search(r"\\[avx0-7U]", code.replace("\\u{", ""))


# ---------------------------------------------------------------------------- the command line


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def assert_clean_cli(result: Result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for line in result.stderr.splitlines():
        assert POSITION.match(line) or line.startswith("go2rs: "), line


@pytest.mark.parametrize("source", ["", " \n", "}"], ids=["empty", "ws", "brace"])
def test_cli_stdin_nothing_to_translate(runner: CliRunner, source: str) -> None:
    result = runner.invoke(app, ["convert", "-"], input=source)
    assert_clean_cli(result)
    assert result.exit_code == 1
    assert "nothing to translate" in result.stderr


def test_cli_python_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["convert", "-"], input=PYTHON_FILE)
    assert_clean_cli(result)
    assert result.exit_code in (0, 1)
    assert "stdin.go:1:1: error: syntax error" in result.stderr


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 64, b"package p\n\nfunc F\xff() {}\n", NESTED["blocks"].encode()],
    ids=["binary", "non_utf8", "deep"],
)
def test_cli_hostile_files(runner: CliRunner, tmp_path: Path, data: bytes) -> None:
    source = tmp_path / "in.go"
    source.write_bytes(data)
    out = tmp_path / "out.rs"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out)])
    assert_clean_cli(result)
    assert result.exit_code in (0, 1)
    assert out.read_text(encoding="utf-8").startswith("// Rust draft of in.go")
    assert source.read_bytes() == data  # the input is never touched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.go", "out.rs"]


def test_cli_unreadable_inputs_are_one_clear_line(runner: CliRunner, tmp_path: Path) -> None:
    # A missing file, and a folder without -o (batch mode needs an output folder).
    for path in (tmp_path / "missing.go", tmp_path):
        result = runner.invoke(app, ["convert", str(path)])
        assert_clean_cli(result)
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1
        assert result.stderr.startswith("go2rs: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_cli_unwritable_output_leaves_nothing_behind(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "in.go"
    source.write_text("package p\n\nfunc F() {}\n")
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "no" / "out.rs")])
    assert_clean_cli(result)
    assert result.exit_code == 2
    assert result.stderr.startswith("go2rs: cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.go"]


# -------------------------------------------------------------------------- hostile, yet compiles

COMPILED = {
    "keywords": KEYWORDS,
    "unicode": UNICODE,
    "delimiters": DELIMITERS,
    "raw_strings": RAW_STRINGS,
    "escapes": ESCAPES,
    "broken_middle": BROKEN_MIDDLE,
    "non_utf8": b'package p\n\n// caf\xe9\nfunc F\xff() {}\n\nconst S = "\xc3\x28"\n',
    "deep_types": NESTED["slices"],
}


def test_hostile_outputs_compile() -> None:
    require_tool("cargo", "compiling hostile outputs")
    if find_tool("cargo-clippy") is None:
        require_tool("clippy-driver", "clippy on hostile outputs")
    outputs = {f"hostile/{name}": run(source).rust for name, source in COMPILED.items()}
    # Its own workspace: the golden cases' workspace keeps its members (and cargo's cache).
    results = check_rust(outputs, work_dir=WORK_DIR.parent / "rustcheck-hostile")
    failing = {key: r.errors[:3] for key, r in results.items() if not r.compiles}
    assert not failing, failing
