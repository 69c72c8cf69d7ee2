"""Draft bodies translate statement by statement: what go2rs cannot map becomes one todo!()
(D03) and the statements around it stay Rust, unless they depend on it."""

from __future__ import annotations

import pytest

from go2rs.api import Options, Translation, translate


def _draft(go: str) -> Translation:
    return translate(go.encode(), Options(filename="p.go", format=False))


# `x.(T)` on a value that is neither `any` nor an error has no Rust downcast: a stand-in for
# any statement go2rs cannot translate.
_UNTRANSLATABLE = "_ = s.(fmt.Stringer)"

_PRELUDE = """package p

import "fmt"

type S interface{ Area() float64 }
"""


def test_statements_after_an_independent_todo_stay_rust() -> None:
    result = _draft(
        _PRELUDE
        + f"""
func F(s S, n int) int {{
	total := n * 2
	{_UNTRANSLATABLE}
	total += 3
	return total
}}
"""
    )
    rust = result.rust
    assert "let mut total = n * 2;" in rust
    assert 'todo!("go: _ = s.(fmt.Stringer)");' in rust
    assert "total += 3;" in rust  # after the todo, still Rust
    assert "// _ = s.(fmt.Stringer)" in rust  # the Go original, in a comment
    assert "go2rs[D03]: line 9 kept as todo!()" in rust
    assert "#[allow(unused, clippy::useless_vec)]" in rust
    assert [t.span.line for t in result.todos] == [9]
    assert (result.statements_seen, result.statements_translated) == (4, 3)


def test_statements_using_what_the_todo_declares_join_it() -> None:
    rust = _draft(
        _PRELUDE
        + """
func F(s S) bool {
	count := 1
	v, ok := s.(fmt.Stringer)
	fmt.Println(v, count)
	return ok
}
"""
    ).rust
    assert "let count = 1;" in rust
    assert "// fmt.Println(v, count)" in rust  # it uses `v`: commented, not translated
    assert 'todo!("go: v, ok := s.(fmt.Stringer)")' in rust
    assert "println!" not in rust


def test_a_failed_guard_clause_takes_the_rest_of_its_block() -> None:
    rust = _draft(
        _PRELUDE
        + """
func F(s S) float64 {
	if _, ok := s.(fmt.Stringer); ok {
		return 0
	}
	return s.Area()
}
"""
    ).rust
    assert "// return s.Area()" in rust  # relied on the guard: not translated on its own
    assert "s.area()" not in rust


def test_a_body_with_nothing_translatable_keeps_its_skeleton() -> None:
    result = _draft(
        _PRELUDE
        + f"""
func F(s S) {{
	{_UNTRANSLATABLE}
}}
"""
    )
    assert "go2rs[D02]: body kept as todo" in result.rust
    assert "go2rs[D03]" not in result.rust
    assert result.statements_translated == 0


def test_a_go2rs_bug_in_one_body_keeps_that_skeleton(monkeypatch: pytest.MonkeyPatch) -> None:
    from go2rs.bodies import draft

    def broken(*_: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(draft, "translate_body", broken)
    result = _draft("package p\n\nfunc F() int {\n\treturn 1\n}\n")
    assert draft.INTERNAL_ERROR in result.rust
    assert 'todo!("go2rs: translate the Go body of F")' in result.rust
    assert result.statements_seen == 1


def test_consecutive_untranslatable_statements_share_one_todo() -> None:
    result = _draft(
        _PRELUDE
        + f"""
func F(s S, n int) int {{
	total := n
	{_UNTRANSLATABLE}
	{_UNTRANSLATABLE}
	return total
}}
"""
    )
    assert result.rust.count('todo!("go:') == 1
    assert result.rust.count("// _ = s.(fmt.Stringer)") == 2
    assert [t.span.line for t in result.todos] == [9]
    assert "total\n}" in result.rust  # the statement after them is still Rust
