"""Type switches and assertions (bodies/switch.py, idioms/interfaces.py) and closures that keep
their own state (idioms/functions.py): the decisions that must not over-reach."""

from __future__ import annotations

from go2rs.api import Options, Translation, translate


def _draft(go: str) -> Translation:
    return translate(go.encode(), Options(filename="p.go", format=False))


_SHAPES = """package p

type shape interface{ area() int }

type sq struct{ s int }

func (q sq) area() int { return q.s * q.s }
"""


def test_a_generator_returns_an_fnmut_that_owns_its_counter() -> None:
    rust = _draft(
        "package p\n\nfunc seq() func() int {\n\ti := 0\n\treturn func() int {\n\t\ti++\n"
        "\t\treturn i\n\t}\n}\n\nfunc use() int {\n\tnext := seq()\n\treturn next()\n}\n"
    ).rust
    assert "fn seq() -> Box<dyn FnMut() -> i64 + Send + Sync>" in rust
    assert "let mut next: Box<dyn FnMut() -> i64 + Send + Sync> = seq();" in rust
    assert "todo!" not in rust


def test_state_two_closures_share_is_not_given_to_one_of_them() -> None:
    # `move` would give each closure its own copy of n: Go's closures share one variable.
    rust = _draft(
        "package p\n\nfunc pair() func() int {\n\tn := 0\n\tinc := func() { n++ }\n"
        "\treturn func() int {\n\t\tinc()\n\t\tn++\n\t\treturn n\n\t}\n}\n"
    ).rust
    assert "Box<dyn FnMut" not in rust
    assert "changes captured variables" in rust


def test_state_whose_address_escapes_stays_todo() -> None:
    rust = _draft(
        "package p\n\nvar keep *int\n\nfunc seq() func() int {\n\ti := 0\n\tkeep = &i\n"
        "\treturn func() int {\n\t\ti++\n\t\treturn i\n\t}\n}\n"
    ).rust
    assert "Box<dyn FnMut" not in rust


def test_only_interfaces_a_body_asserts_from_get_the_any_supertrait() -> None:
    plain = _draft(_SHAPES).rust
    assert "trait Shape {" in plain
    asserted = _draft(
        _SHAPES + "\nfunc side(s shape) int {\n\tif q, ok := s.(sq); ok {\n\t\treturn q.s\n"
        "\t}\n\treturn 0\n}\n"
    ).rust
    assert "trait Shape: std::any::Any {" in asserted
    assert "(s as &dyn std::any::Any).downcast_ref::<Sq>()" in asserted


def test_a_type_switch_stops_at_the_first_interface_case() -> None:
    # Go tests cases in order: `error` may match before a later concrete case, so that case
    # and everything after it (default too) stay one todo!(), earlier concrete cases do not.
    rust = _draft(
        'package p\n\nfunc f(v any) string {\n\tswitch v.(type) {\n\tcase int:\n\t\treturn "i"\n'
        '\tcase error:\n\t\treturn "e"\n\tcase string:\n\t\treturn "s"\n\tdefault:\n'
        '\t\treturn "d"\n\t}\n}\n'
    ).rust
    assert "if v.downcast_ref::<i64>().is_some() {" in rust
    assert "downcast_ref::<String>" not in rust
    assert 'todo!("go: case error:")' in rust


def test_case_nil_on_a_value_that_cannot_be_nil_is_dropped_with_a_comment() -> None:
    rust = _draft(
        'package p\n\nfunc f(v any) string {\n\tswitch v.(type) {\n\tcase nil:\n\t\treturn "n"\n'
        '\tcase bool:\n\t\treturn "b"\n\t}\n\treturn ""\n}\n'
    ).rust
    assert "Go's `case nil` cannot match" in rust
    assert "if v.downcast_ref::<bool>().is_some() {" in rust


_MIGRATION = """package p

type Migration struct {
	Version int
	Up      func() error
}

"""


def test_a_read_only_struct_that_is_not_clone_is_borrowed() -> None:
    rust = _draft(_MIGRATION + "func Run(m Migration) error {\n\treturn m.Up()\n}\n").rust
    assert "pub fn run(m: &Migration)" in rust


def test_a_struct_the_body_hands_on_whole_stays_owned() -> None:
    rust = _draft(
        _MIGRATION + "var all []Migration\n\nfunc Keep(m Migration) {\n\tall = append(all, m)\n}\n"
    ).rust
    assert "pub fn keep(m: Migration)" in rust


def test_an_assertion_on_a_mutably_borrowed_interface_reborrows_it_shared() -> None:
    rust = _draft(
        "package p\n\ntype shape interface{ grow(n int) }\n\ntype sq struct{ s int }\n\n"
        "func (q *sq) grow(n int) { q.s += n }\n\nfunc side(s shape) int {\n\ts.grow(1)\n"
        "\tif q, ok := s.(*sq); ok {\n\t\treturn q.s\n\t}\n\treturn 0\n}\n"
    ).rust
    assert "fn side(s: &mut dyn Shape)" in rust
    assert "(&*s as &dyn std::any::Any).downcast_ref::<Sq>()" in rust


def test_a_foreign_interface_case_is_not_tested_as_its_placeholder() -> None:
    rust = _draft(
        'package p\n\nimport "fmt"\n\nfunc f(v any) string {\n\tswitch v.(type) {\n'
        '\tcase int:\n\t\treturn "i"\n\tcase fmt.Stringer:\n\t\treturn "s"\n\t}\n'
        '\treturn ""\n}\n'
    ).rust
    assert "downcast_ref::<FmtStringer>" not in rust
    assert 'todo!("go: case fmt.Stringer:")' in rust


def test_a_switch_on_a_type_and_its_pointer_stays_todo() -> None:
    rust = _draft(
        "package p\n\ntype T struct{ n int }\n\nfunc f(v any) int {\n\tswitch v.(type) {\n"
        "\tcase T:\n\t\treturn 1\n\tcase *T:\n\t\treturn 2\n\t}\n\treturn 0\n}\n"
    ).rust
    assert "a type switch on both a type and a pointer to it" in rust


def test_a_returned_closure_never_moves_out_what_it_keeps() -> None:
    # Rust would move the captured String out of the closure on the first call.
    rust = _draft(
        "package p\n\nfunc Echo(p string) func() string {\n\treturn func() string { return p }\n}\n"
        "\nfunc Namer(prefix string) func() string {\n\treturn func() string {\n"
        '\t\tprefix += "!"\n\t\treturn prefix\n\t}\n}\n'
    ).rust
    assert "a returned closure that returns what it captured" in rust
    assert "a returned closure that changes captured non-Copy state" in rust


def test_a_binary_does_not_downcast_an_error_parameter_anyhow_may_have_boxed() -> None:
    # main's errors are anyhow::Error; `.into()` a Box<dyn Error> hides their concrete type,
    # so a downcast would silently miss: keep the todo.
    rust = _draft(
        "package main\n\ntype e1 struct{}\n\nfunc (e1) Error() string { return \"e1\" }\n\n"
        "func kind(err error) string {\n\tif _, ok := err.(e1); ok {\n\t\treturn \"e1\"\n\t}\n"
        '\treturn "other"\n}\n\nfunc main() {\n\tprintln(kind(e1{}))\n}\n'
    ).rust
    assert "an error boxed from anyhow" in rust


def test_a_computed_switch_tag_is_bound_once_under_a_name_no_case_uses() -> None:
    rust = _draft(
        "package p\n\nfunc f() int { return 1 }\n\nfunc g(switched int) string {\n"
        '\tswitch f() {\n\tcase switched:\n\t\treturn "same"\n\t}\n\treturn "other"\n}\n'
    ).rust
    assert "let switched_ = f();" in rust
    assert "if switched_ == switched {" in rust
