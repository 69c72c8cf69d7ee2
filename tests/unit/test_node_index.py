"""parse.parser.NodeIndex: one walk answers the goroutine passes' repeated lookups, with the
same nodes a walk of the subtree would find."""

from __future__ import annotations

from go2rs.parse.parser import NodeIndex, parse_body, walk

BODY = """{
	jobs := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			for j := range jobs {
				println(j)
			}
		}()
	}
	jobs <- 1
}"""


def test_lookups_match_a_walk_of_the_subtree() -> None:
    function = parse_body(BODY).named_children[-1]
    index = NodeIndex(function)
    (go,) = [n for n in walk(function) if n.type == "go_statement"]
    for top in (function, go):
        walked = [n for n in walk(top) if n.type == "identifier" and n.text == b"jobs"]
        assert index.identifiers("jobs", within=top) == walked
        kinds = ("range_clause", "go_statement")
        assert index.nodes(kinds, within=top) == [
            n for kind in kinds for n in walk(top) if n.type == kind
        ]
    assert len(index.identifiers("jobs", within=function)) == 3
    assert len(index.identifiers("jobs", within=go)) == 1
    assert index.identifiers("missing", within=function) == []
