"""Does text parse as Rust? tree-sitter-rust, walking the tree iteratively (no recursion limit)."""

from __future__ import annotations

from functools import cache

import tree_sitter_rust
from tree_sitter import Language, Node, Parser


@cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_rust.language()))


def syntax_problems(text: str, limit: int = 20) -> list[str]:
    """``line:col: ERROR|MISSING ...`` per broken node (1-based), at most ``limit`` of them."""
    tree = _parser().parse(text.encode("utf-8"))
    problems: list[str] = []
    stack: list[Node] = [tree.root_node]
    while stack and len(problems) < limit:
        node = stack.pop()
        if node.is_missing or node.is_error:
            line, col = node.start_point
            kind = f"MISSING {node.type}" if node.is_missing else "ERROR"
            snippet = (node.text or b"").decode("utf-8", "replace").splitlines()[:1]
            problems.append(f"{line + 1}:{col + 1}: {kind} {snippet[0][:60] if snippet else ''}")
        if node.has_error:  # only subtrees that contain a problem need a visit
            stack.extend(reversed(node.children))
    return problems
