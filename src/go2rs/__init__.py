"""go2rs: turn Go code into an idiomatic Rust first draft.

The pipeline, one package or module per stage:
parse (tree-sitter-go) -> gomodel -> idioms (analysis passes) -> build (rustmodel) -> render.
"""

__version__ = "0.1.0"
