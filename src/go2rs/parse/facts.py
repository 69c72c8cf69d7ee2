"""Body facts: one iterative walk over a function body that records what its signature needs.

Receiver mutability, Option results, nil-able params and async colouring are all decided from
these facts, and the statement statistics are counted in the same walk, so each body is walked
exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tree_sitter import Node

from go2rs.gomodel import BodyFacts, Path

_ASSIGN_KINDS = {"assignment_statement", "inc_statement", "dec_statement"}
_NOT_STATEMENTS = ("comment", "empty_statement")  # inside a statement_list, not counted
# Calls that sort or reverse their first argument in place: Rust needs it `mut`.
IN_PLACE = frozenset(
    {
        "sort.Ints",
        "sort.Strings",
        "sort.Float64s",
        "sort.Slice",
        "sort.SliceStable",
        "slices.Sort",
        "slices.Reverse",
        "slices.SortFunc",
    }
)
_IN_PLACE_METHODS = frozenset(name.split(".")[1] for name in IN_PLACE)


def path_of(node: Node | None) -> Path | None:
    """`s.items[i]` -> ("s", "items"); `*p` -> ("p",); anything else -> None."""
    parts: list[str] = []
    while node is not None:
        kind = node.type
        if kind == "identifier":
            parts.append(_text(node))
            return tuple(reversed(parts))
        if kind == "selector_expression":
            name = node.child_by_field_name("field")
            if name is not None:
                parts.append(_text(name))
            node = node.child_by_field_name("operand")
        elif kind in ("index_expression", "slice_expression"):
            parts.clear()  # the container is what is mutated: s.m[k] = v mutates s.m
            node = node.child_by_field_name("operand")
        elif kind == "parenthesized_expression" or (
            kind == "unary_expression" and _op(node) == "*"
        ):
            node = node.named_children[0] if node.named_children else None
        else:
            return None
    return None


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", errors="replace")


def _op(node: Node) -> str:
    op = node.child_by_field_name("operator")
    return _text(op) if op is not None else ""


def _is_nil(node: Node | None) -> bool:
    return node is not None and node.type == "nil"


@dataclass
class _Collector:
    result_count: int
    error_last: bool
    assigned: set[Path] = field(default_factory=set)
    method_calls: set[tuple[Path, str]] = field(default_factory=set)
    calls: set[str] = field(default_factory=set)
    called_methods: set[str] = field(default_factory=set)
    nil_compared: set[Path] = field(default_factory=set)
    nil_assigned: set[Path] = field(default_factory=set)
    nil_keyed_fields: set[str] = field(default_factory=set)
    returns_nil: set[int] = field(default_factory=set)
    returns_nil_with_nil_error: set[int] = field(default_factory=set)
    sent_on: set[Path] = field(default_factory=set)
    received_from: set[Path] = field(default_factory=set)
    ranged: set[Path] = field(default_factory=set)
    chan_locals: set[str] = field(default_factory=set)
    asserted: set[str] = field(default_factory=set)
    lent: set[str] = field(default_factory=set)
    has_go: bool = False
    has_select: bool = False
    makes_chan: bool = False
    sleeps: bool = False
    uses_ctx: bool = False
    statements: int = 0

    def visit(self, node: Node, in_closure: bool) -> None:
        kind = node.type
        if kind == "statement_list":
            self.statements += sum(1 for c in node.named_children if c.type not in _NOT_STATEMENTS)
        elif kind in _ASSIGN_KINDS:
            self._assignment(node)
        elif kind == "call_expression":
            self._call(node)
        elif kind == "binary_expression" and _op(node) in ("==", "!="):
            left = node.child_by_field_name("left")
            right = node.child_by_field_name("right")
            other = left if _is_nil(right) else right if _is_nil(left) else None
            if other is not None and (p := path_of(other)) is not None:
                self.nil_compared.add(p)
        elif kind == "keyed_element" and len(node.named_children) == 2:
            key, value = node.named_children
            if _is_nil(value.named_children[0] if value.named_children else value):
                self.nil_keyed_fields.add(_text(key).strip())
        elif kind == "return_statement" and not in_closure:
            self._return(node)
        elif kind == "send_statement":
            if (p := path_of(node.child_by_field_name("channel"))) is not None:
                self.sent_on.add(p)
        elif kind == "unary_expression":
            self._unary(node)
        elif kind == "range_clause":
            if (p := path_of(node.child_by_field_name("right"))) is not None:
                self.ranged.add(p)
        elif kind == "short_var_declaration":
            self._short_var(node)
        elif kind == "go_statement":
            self.has_go = True
        elif kind == "select_statement":
            self.has_select = True
        elif kind == "channel_type":
            self.makes_chan = True
        elif kind == "type_assertion_expression":
            self._asserted(node.child_by_field_name("type"))
        elif kind == "type_case":
            for t in node.children_by_field_name("type"):
                self._asserted(t)

    def _unary(self, node: Node) -> None:
        op = _op(node)
        if op == "<-":
            if (p := path_of(node.child_by_field_name("operand"))) is not None:
                self.received_from.add(p)
        elif op == "&":
            operand = node.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier":
                self.lent.add(_text(operand))

    def _asserted(self, node: Node | None) -> None:
        """`x.(T)` / `case T:` with a local type name T (`*T` counts as T)."""
        if node is not None and node.type == "pointer_type" and node.named_children:
            node = node.named_children[0]
        if node is not None and node.type == "type_identifier":
            self.asserted.add(_text(node))

    def _assignment(self, node: Node) -> None:
        left = node.child_by_field_name("left") or (
            node.named_children[0] if node.named_children else None
        )
        right = node.child_by_field_name("right")
        targets = (
            left.named_children
            if left is not None and left.type == "expression_list"
            else [left]
            if left is not None
            else []
        )
        values = (
            right.named_children
            if right is not None and right.type == "expression_list"
            else [right]
            if right is not None
            else []
        )
        for i, target in enumerate(targets):
            if (p := path_of(target)) is None:
                continue
            self.assigned.add(p)
            direct = target.type in ("identifier", "selector_expression")
            if direct and len(targets) == len(values) and _is_nil(values[i]):
                self.nil_assigned.add(p)

    def _short_var(self, node: Node) -> None:
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        if left is None or right is None:
            return
        if any(v.type == "unary_expression" and _op(v) == "&" for v in right.named_children):
            self.lent.update(_text(n) for n in left.named_children)  # `p := &T{}`: p is mut
        for target, value in zip(left.named_children, right.named_children, strict=False):
            func = (
                value.child_by_field_name("function") if value.type == "call_expression" else None
            )
            args = value.child_by_field_name("arguments") if func is not None else None
            if (
                func is not None
                and _text(func) == "make"
                and args is not None
                and args.named_children
                and args.named_children[0].type == "channel_type"
            ):
                self.chan_locals.add(_text(target))

    def _call(self, node: Node) -> None:
        func = node.child_by_field_name("function")
        if func is None:
            return
        if func.type == "identifier":
            self.calls.add(_text(func))
            args = node.child_by_field_name("arguments")
            first = args.named_children[0] if args is not None and args.named_children else None
            if _text(func) == "copy" and (p := path_of(first)) is not None:
                self.assigned.add(p)  # copy(dst, src) writes into dst
        elif func.type == "selector_expression":
            operand = func.child_by_field_name("operand")
            name_node = func.child_by_field_name("field")
            name = _text(name_node) if name_node is not None else ""
            self.called_methods.add(name)
            if name in _IN_PLACE_METHODS and _text(func) in IN_PLACE:
                args = node.child_by_field_name("arguments")
                first = args.named_children[0] if args is not None and args.named_children else None
                if first is not None and first.type == "identifier":
                    self.lent.add(_text(first))
            base = path_of(operand)
            if base is not None:
                self.method_calls.add((base, name))
                if base == ("time",) and name == "Sleep":
                    self.sleeps = True
                if base == ("context",) or (name in ("Done", "Err") and base[-1] == "ctx"):
                    self.uses_ctx = True

    def _return(self, node: Node) -> None:
        values = node.named_children
        if len(values) == 1 and values[0].type == "expression_list":
            values = values[0].named_children
        if len(values) != self.result_count:
            return
        error_nil = not self.error_last or _is_nil(values[-1])
        for i, value in enumerate(values):
            if _is_nil(value):
                self.returns_nil.add(i)
                if error_nil and not (self.error_last and i == len(values) - 1):
                    self.returns_nil_with_nil_error.add(i)

    def freeze(self) -> BodyFacts:
        return BodyFacts(
            assigned=frozenset(self.assigned),
            method_calls=frozenset(self.method_calls),
            calls=frozenset(self.calls),
            called_methods=frozenset(self.called_methods),
            nil_compared=frozenset(self.nil_compared),
            nil_assigned=frozenset(self.nil_assigned),
            nil_keyed_fields=frozenset(self.nil_keyed_fields),
            returns_nil=frozenset(self.returns_nil),
            returns_nil_with_nil_error=frozenset(self.returns_nil_with_nil_error),
            sent_on=frozenset(self.sent_on),
            received_from=frozenset(self.received_from),
            ranged=frozenset(self.ranged),
            chan_locals=frozenset(self.chan_locals),
            asserted=frozenset(self.asserted),
            lent=frozenset(self.lent),
            has_go=self.has_go,
            has_select=self.has_select,
            makes_chan=self.makes_chan,
            sleeps=self.sleeps,
            uses_ctx=self.uses_ctx,
            statements=self.statements,
        )


# The node kinds _Collector.visit acts on; every other node is only walked through.
_VISITED = _ASSIGN_KINDS | {
    "statement_list",
    "call_expression",
    "binary_expression",
    "keyed_element",
    "return_statement",
    "send_statement",
    "unary_expression",
    "range_clause",
    "short_var_declaration",
    "go_statement",
    "select_statement",
    "channel_type",
    "type_assertion_expression",
    "type_case",
}


def collect_facts(nodes: list[Node], result_count: int = 0, error_last: bool = False) -> BodyFacts:
    """Walk `nodes` iteratively; closures count for concurrency but not for `return`.

    This walk touches every named node of every body, so it is the hot loop of lowering: facts
    are sets and flags, so visiting order does not matter, and the bodies of closures are
    walked after the rest instead of tagging every stack entry with an in-closure flag."""
    collector = _Collector(result_count, error_last)
    visit = collector.visit
    closures: list[Node] = []
    for in_closure, stack in ((False, list(nodes)), (True, closures)):
        while stack:
            node = stack.pop()
            kind = node.type
            if kind in _VISITED:
                visit(node, in_closure)
            if kind == "func_literal" and not in_closure:
                closures.extend(node.named_children)
            else:
                stack.extend(node.named_children)
    return collector.freeze()
