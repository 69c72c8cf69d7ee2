"""Range variables (bodies/loops.py): Go's are copies of the element. A changed copy becomes
an owned Rust copy; a slice or map element changed in place is the collection's own element,
iterated `&mut` (the programs case `range_copies` checks the behaviour against `go run`)."""

from __future__ import annotations

from go2rs.api import Options, translate


def _rust(go: str) -> str:
    return translate(go.encode(), Options(filename="p.go", format=False)).rust


def test_a_reassigned_range_value_is_an_owned_copy() -> None:
    rust = _rust(
        'package p\n\nimport "strings"\n\n'
        "func Clean(xs []string) int {\n\tn := 0\n\tfor _, x := range xs {\n"
        "\t\tx = strings.TrimSpace(x)\n\t\tn += len(x)\n\t}\n\treturn n\n}\n"
    )
    assert "for x in xs {\nlet mut x = x.clone();\nx = x.trim().to_string();" in rust


def test_rows_sorted_in_place_iterate_mutably_and_the_local_becomes_mut() -> None:
    rust = _rust(
        'package p\n\nimport "sort"\n\n'
        "func Sorted() [][]int {\n\tgrid := [][]int{{2, 1}, {4, 3}}\n"
        "\tfor _, row := range grid {\n\t\tsort.Ints(row)\n\t}\n\treturn grid\n}\n"
    )
    assert "let mut grid = vec![vec![2, 1], vec![4, 3]];" in rust  # the second pass
    assert "for row in grid.iter_mut() {" in rust


def test_in_place_changes_through_a_borrowed_collection_stay_todo() -> None:
    """`grid` is the caller's `&[Vec<i64>]`: sorting its rows needs `&mut`, which the
    signature does not give; the body stays Go rather than sort copies."""
    rust = _rust(
        'package p\n\nimport "sort"\n\n'
        "func SortRows(grid [][]int) {\n\tfor _, row := range grid {\n"
        "\t\tsort.Ints(row)\n\t}\n}\n"
    )
    assert "changes shared elements of a borrowed collection" in rust
    assert "sort()" not in rust
