"""Go literal syntax and constant evaluation -> Rust."""

import pytest

from go2rs.gomodel import EBinary, EIdent, ELit
from go2rs.idioms import literals


@pytest.mark.parametrize(
    ("go", "value"),
    [
        (r'"a\tb"', "a\tb"),
        (r'"\a\v\x7f"', "\a\v\x7f"),
        (r'"\u00e9\U0001F600"', "é😀"),
        (r'"\101"', "A"),
        ('`raw \\n "#`', 'raw \\n "#'),
        (r"'\''", "'"),
    ],
)
def test_go_string_values(go: str, value: str) -> None:
    assert literals.go_string_value(go) == value


def test_rust_string_escapes_what_rust_needs() -> None:
    assert literals.rust_string('say "hi"\\\n') == r'"say \"hi\"\\\n"'
    assert literals.rust_string("\a\x7f") == r'"\u{7}\u{7f}"'
    assert literals.rust_string("*/ /*") == '"*/ /*"'


@pytest.mark.parametrize(
    ("go", "rust"), [("0755", "0o755"), ("0x1F", "0x1F"), ("1_000", "1_000"), ("0b101", "0b101")]
)
def test_rust_int(go: str, rust: str) -> None:
    assert literals.rust_int(go) == rust


def test_eval_int_follows_iota() -> None:
    shift = EBinary("<<", ELit("int", "1"), EBinary("*", ELit("int", "10"), EIdent("iota")))
    assert [literals.eval_int(shift, i, {}) for i in range(3)] == [1, 1024, 1 << 20]
    assert literals.eval_int(EBinary("+", EIdent("iota"), EIdent("Base")), 2, {"Base": 5}) == 7
    assert literals.eval_int(EBinary("/", ELit("int", "1"), ELit("int", "0")), 0, {}) is None
