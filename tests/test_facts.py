"""Body facts (parse/facts.py): the statement count lower records for the seen/translated
statistics, so that nothing has to parse or walk a body again only to count its statements."""

from __future__ import annotations

from pathlib import Path

import pytest
from tree_sitter import Node

from go2rs.gomodel import FuncDecl
from go2rs.parse.lower import lower
from go2rs.parse.parser import parse_go

SOURCE = """\
package p

func F(xs []int) int {
	total := 0 // a comment is not a statement
	for _, x := range xs {
		if x > 0 {
			total += x
		} else {
		}
	}
	go func() {
		println(total)
	}()
	return total
}
"""


def _functions(source: bytes) -> list[FuncDecl]:
    return [d for d in lower(source).file.decls if isinstance(d, FuncDecl) and d.body]


def test_counts_nested_blocks_and_closures_but_not_comments() -> None:
    (fn,) = _functions(SOURCE.encode())
    assert fn.body is not None
    # total :=, for, if, total +=, go, println (in the closure), return
    assert fn.body.facts.statements == 7


def _recount(block: Node) -> int:
    """The count by its definition, recursively: named children of every statement list."""
    own = 0
    if block.type == "statement_list":
        own = sum(c.type not in ("comment", "empty_statement") for c in block.named_children)
    return own + sum(_recount(c) for c in block.named_children)


CASES = sorted(Path(__file__).parent.glob("cases/**/*.go"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_count_matches_a_recount_of_the_body_alone(path: Path) -> None:
    for fn in _functions(path.read_bytes()):
        assert fn.body is not None
        root = parse_go(b"package p\nfunc _() " + fn.body.text.encode()).root_node
        assert fn.body.facts.statements == _recount(root), fn.name


LENDING = """\
package p

import "sort"

func G(xs []int) int {
	n := 0
	p := &n
	count(&n)
	sort.Ints(xs)
	go func() {
		var q int
		use(&q)
	}()
	return *p
}
"""


def test_lent_names_are_the_locals_rust_must_declare_mut() -> None:
    """`&x` anywhere (closures too), a local declared from `&..`, an in-place sort's slice."""
    (fn,) = _functions(LENDING.encode())
    assert fn.body is not None
    assert fn.body.facts.lent == {"n", "p", "xs", "q"}
