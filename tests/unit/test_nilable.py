"""Nil-able pointers and values in draft bodies (bodies/nilable.py, idioms/nil.py): each Rust
shape is used only where it keeps Go's behaviour, and other shapes stay todo!()."""

from __future__ import annotations

from go2rs.api import Options, Translation, translate
from go2rs.gomodel import Body, BodyFacts, FuncDecl, Param, Span, TName, TPointer
from go2rs.idioms.nil import fields_through_locals


def _draft(go: str) -> Translation:
    return translate(go.encode(), Options(filename="p.go", format=False))


_LIST = """package p

type Node struct {
	Value int
	Next  *Node
}

type List struct {
	head *Node
	n    int
}

func (l *List) log() {}
"""


def test_a_pointer_walk_becomes_a_cursor_loop() -> None:
    rust = _draft(
        _LIST
        + """
func (l *List) Sum() int {
	total := 0
	for n := l.head; n != nil; n = n.Next {
		total += n.Value
	}
	return total
}
"""
    ).rust
    assert "let mut cur = self.head.as_deref();" in rust
    assert "while let Some(n) = cur {" in rust
    assert "cur = n.next.as_deref();" in rust
    assert "todo!(" not in rust


def test_a_walk_that_reads_the_node_after_moving_on_is_no_cursor_loop() -> None:
    # Go's `n` is the next node after `n = n.Next`; a Rust `while let` binding would not be.
    rust = _draft(
        _LIST
        + """
func (l *List) Pairs() int {
	total := 0
	for n := l.head; n != nil; {
		n = n.Next
		if n != nil {
			total += n.Value
		}
	}
	return total
}
"""
    ).rust
    assert "while let Some(" not in rust


def test_a_walk_that_writes_through_the_node_is_no_cursor_loop() -> None:
    rust = _draft(
        _LIST
        + """
func (l *List) Zero() {
	for n := l.head; n != nil; n = n.Next {
		n.Value = 0
	}
}
"""
    ).rust
    assert "while let Some(" not in rust


def test_a_push_takes_the_old_head_and_a_pop_takes_it_back() -> None:
    rust = _draft(
        _LIST
        + """
func (l *List) Push(v int) {
	l.head = &Node{Value: v, Next: l.head}
	l.n++
}

func (l *List) Pop() (int, bool) {
	if l.head == nil {
		return 0, false
	}
	v := l.head.Value
	l.head = l.head.Next
	l.n--
	return v, true
}
"""
    ).rust
    assert "self.head = Some(Box::new(Node {" in rust
    assert "next: self.head.take()" in rust
    assert "let Some(head) = self.head.take() else {" in rust
    assert "let v = head.value;" in rust
    assert "self.head = head.next;" in rust
    assert "todo!(" not in rust


def test_a_pop_that_calls_out_before_replacing_the_head_does_not_take_it() -> None:
    # l.log() could look at l.head: with take() it would see nil where Go sees the node.
    rust = _draft(
        _LIST
        + """
func (l *List) Pop() int {
	if l.head == nil {
		return 0
	}
	v := l.head.Value
	l.log()
	l.head = l.head.Next
	return v
}
"""
    ).rust
    assert ".take()" not in rust


def test_a_nil_receiver_guard_gives_the_value_for_an_absent_child() -> None:
    rust = _draft(
        """package p

type Tree struct {
	Left, Right *Tree
}

func (t *Tree) Size() int {
	if t == nil {
		return 0
	}
	return 1 + t.Left.Size() + t.Right.Size()
}

func (t *Tree) Depth() int {
	return 1
}

func (t *Tree) LeftDepth() int {
	return t.Left.Depth()
}
"""
    ).rust
    assert "// go2rs: `t == nil` never holds: a Rust `self` is never nil" in rust
    assert "self.left.as_ref().map_or(0, |left| left.size())" in rust
    # Depth has no nil guard: Go would dereference nil there, so no default is made up
    assert "a call of `Depth` through a nil-able pointer it does not check" in rust


def test_a_nil_checked_callback_field_is_an_option_called_when_present() -> None:
    rust = _draft(
        """package p

type Hook struct {
	name  string
	onHit func(string)
}

func (h *Hook) Fire() {
	if h.onHit != nil {
		h.onHit(h.name)
	}
}
"""
    ).rust
    assert "on_hit: Option<HookOnHitFn>," in rust
    assert "if let Some(on_hit) = &self.on_hit {" in rust
    assert "on_hit(&self.name);" in rust


def _fn(body: str, params: tuple[Param, ...] = ()) -> FuncDecl:
    from go2rs.parse.facts import collect_facts
    from go2rs.parse.parser import parse_go

    root = parse_go(f"package p\nfunc _() {body}".encode()).root_node
    block = root.named_children[-1].child_by_field_name("body")
    assert block is not None
    facts: BodyFacts = collect_facts([block])
    span = Span("p.go", 1, 1, 1)
    return FuncDecl("F", None, (), params, (), Body(body, facts, span), (), span)


def test_fields_copied_into_a_nil_checked_local_are_nil_able() -> None:
    body = "{\n\tsrc := f.primary\n\tif src == nil {\n\t\tsrc = f.backup\n\t}\n\t_ = src\n}"
    assert fields_through_locals(_fn(body), set()) == {"primary", "backup"}


def test_package_values_and_unchecked_locals_are_not_fields() -> None:
    body = "{\n\tnow := time.Now\n\tother := f.cfg\n\tif now == nil {\n\t}\n\t_ = other\n}"
    assert fields_through_locals(_fn(body), {"time"}) == set()
    checked_param = "{\n\tp = f.next\n\tif p == nil {\n\t}\n}"
    param = Param("p", TPointer(TName("T")))
    assert fields_through_locals(_fn(checked_param, (param,)), set()) == set()


def test_a_field_a_walk_starts_from_is_nil_able() -> None:
    body = "{\n\tfor n := l.head; n != nil; n = n.Next {\n\t}\n}"
    assert fields_through_locals(_fn(body), set()) == {"head", "Next"}


def test_a_new_node_linked_in_at_its_last_use_moves_into_the_box() -> None:
    rust = _draft(
        _LIST
        + """
func (l *List) Push(v int) {
	n := &Node{Value: v}
	n.Next = l.head
	l.head = n
}

func (l *List) Empty() bool {
	return l.head == nil
}
"""
    ).rust
    assert "n.next = self.head.take();" in rust
    assert "self.head = Some(Box::new(n));" in rust


def test_a_node_still_used_after_linking_it_stays_todo() -> None:
    # Go's l.head and n are one node; a Box would own a copy, and n's later writes miss it.
    rust = _draft(
        _LIST
        + """
func (l *List) Push(v int) {
	n := &Node{Value: v}
	n.Next = l.head
	l.head = n
	n.Value++
}

func (l *List) Empty() bool {
	return l.head == nil
}
"""
    ).rust
    assert "Some(Box::new(n))" not in rust
    assert ".take()" not in rust
    assert "another pointer may keep the node" in rust


def test_a_receiver_name_the_body_reassigns_keeps_its_nil_check() -> None:
    rust = _draft(
        """package p

type Tree struct {
	Key  int
	Left *Tree
}

func (t *Tree) Leftmost() int {
	for t.Left != nil {
		t = t.Left
	}
	if t == nil {
		return 0
	}
	return t.Key
}
"""
    ).rust
    assert "never holds" not in rust
