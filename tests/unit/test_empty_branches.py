"""An empty Go `default:` or `else {}` says nothing; Rust's `else {}` is clippy's
needless_else, so the draft leaves it out (unless the chain is the block's value)."""

from __future__ import annotations

from go2rs.api import Options, translate

GO = """package p

func Count(xs []int) (int, int) {
	small, big := 0, 0
	for _, x := range xs {
		switch {
		case x > 10:
			big++
		default:
		}
		if x == 5 {
			small++
		} else {
		}
	}
	return small, big
}
"""


def test_empty_default_and_else_are_left_out() -> None:
    rust = translate(GO.encode(), Options(filename="p.go", format=False)).rust
    assert "if x > 10 {\nbig += 1;\n}\n" in rust
    assert "if x == 5 {\nsmall += 1;\n}\n" in rust
    assert "else {}" not in rust and "else {\n}" not in rust
