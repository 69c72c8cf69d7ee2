"""A counting loop over an iota enum (bodies/loops.py) visits the variants between its bounds,
but only when Go's `l++` never lands on a value the Rust enum cannot hold."""

from __future__ import annotations

from go2rs.api import Options, translate


def _loop(consts: str, loop: str) -> str:
    go = (
        "package p\n\ntype Level int\n\nconst (\n" + consts + ")\n\n"
        "func (l Level) String() string {\n\tswitch l {\n\tcase A:\n\t\treturn \"a\"\n\t}\n"
        '\treturn "?"\n}\n\nfunc Count() int {\n\tn := 0\n\t' + loop + " {\n\t\tn++\n\t}\n"
        "\treturn n\n}\n"
    )
    return translate(go.encode(), Options(filename="p.go", format=False)).rust


_IOTA = "\tA Level = iota\n\tB\n\tC\n"


def test_up_to_and_including_the_last_variant() -> None:
    rust = _loop(_IOTA, "for l := A; l <= C; l++")
    assert "for l in [Level::A, Level::B, Level::C] {" in rust


def test_a_strict_bound_and_a_downward_loop() -> None:
    assert "for l in [Level::A, Level::B] {" in _loop(_IOTA, "for l := A; l < C; l++")
    assert "for l in [Level::C, Level::B, Level::A] {" in _loop(_IOTA, "for l := C; l >= A; l--")


def test_values_between_variants_keep_the_todo() -> None:
    # A=0, B=2: Go's loop also visits 1, which no variant holds.
    rust = _loop("\tA Level = iota * 2\n\tB\n", "for l := A; l <= B; l++")
    assert "Rust enums have no ranges" in rust
