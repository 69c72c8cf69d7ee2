"""Draft mode: Go function bodies -> Rust bodies.

`translate_body` either translates a whole body or raises `Untranslatable` with the reason;
the caller then keeps the skeleton (`todo!()` + the Go original) and says why. Bodies are
re-parsed from their Go text here, so the Go model never holds tree-sitter nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

from go2rs.bodies.env import Env, FnShape, Local, Untranslatable
from go2rs.bodies.stmts import block, statements
from go2rs.context import Ctx
from go2rs.gomodel import FuncDecl, TChan, TName
from go2rs.idioms import naming
from go2rs.idioms.errors import returns_error
from go2rs.parse.facts import collect_facts
from go2rs.parse.parser import parse_go
from go2rs.rustmodel import Fn

__all__ = ["BodyResult", "Untranslatable", "translate_body"]


@dataclass(frozen=True, slots=True)
class BodyResult:
    lines: tuple[str, ...]
    statements: int
    notes: tuple[tuple[str, str], ...]
    uses: frozenset[str]
    mutable_params: frozenset[str]


def count_statements(body_text: str) -> int:
    """Statements in a Go body (for the translated/seen statistics)."""
    tree = parse_go(b"package p\nfunc _() " + body_text.encode("utf-8"))
    count = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.type == "statement_list":
            count += sum(1 for c in node.named_children if c.type not in (
                "comment", "empty_statement"))
        stack.extend(node.named_children)
    return count


def translate_body(fn: FuncDecl, rust_fn: Fn, ctx: Ctx) -> BodyResult:
    assert fn.body is not None
    generic_receiver = fn.receiver is not None and bool(fn.receiver.type_args)
    if fn.type_params or generic_receiver:
        raise Untranslatable(None, "a generic body: add the trait bounds it needs, then translate")
    source = b"package p\nfunc _() " + fn.body.text.encode("utf-8")
    root = parse_go(source).root_node
    if root.has_error:
        raise Untranslatable(None, "the body has Go syntax errors")
    func = root.named_children[-1]
    body = func.child_by_field_name("body")
    plan = ctx.decisions.errors
    shape = FnShape(fn.results, returns_error(fn.results),
                    ctx.decisions.option_results.get(fn.key, frozenset()), rust_fn.ret,
                    ctx.program.is_main, plan.enum_name if plan is not None else None)
    facts = collect_facts([body]) if body is not None else fn.body.facts
    mutated = {p[0] for p in facts.assigned} | _mut_method_targets(facts, ctx)
    env = Env(ctx, shape, fn.receiver.name if fn.receiver else None,
              fn.receiver.type_name if fn.receiver else None, rust_fn.is_async,
              mutated=frozenset(mutated))
    mutable_params = _bind_params(fn, rust_fn, env)
    prologue = _named_results(fn, env)
    lines = block(statements(body), env, tail=bool(rust_fn.ret) and rust_fn.ret != "()")
    return BodyResult(tuple(prologue + lines), count_statements(fn.body.text),
                      tuple(env.notes), frozenset(env.uses), frozenset(mutable_params))


def _mut_method_targets(facts: object, ctx: Ctx) -> set[str]:
    from go2rs.gomodel import BodyFacts

    assert isinstance(facts, BodyFacts)
    mutating = {k.rsplit(".", 1)[-1] for k in ctx.decisions.mut_receivers}
    mutating |= {"WriteString", "WriteByte", "WriteRune", "Ints", "Strings", "Float64s",
                 "Sort", "Slice", "SliceStable", "Reverse"}
    targets = set()
    for path, method in facts.method_calls:
        if method in mutating:
            targets.add(path[0])
    for path in facts.sent_on | facts.received_from:
        targets.add(path[0])
    return targets | _sorted_args(facts)


def _sorted_args(facts: object) -> set[str]:
    return set()


def _bind_params(fn: FuncDecl, rust_fn: Fn, env: Env) -> set[str]:
    """Parameters become locals; those the body reassigns need `mut` in the signature."""
    mutable: set[str] = set()
    for param, rust_param in zip(fn.params, rust_fn.params, strict=False):
        if not param.name:
            continue
        t = param.type
        env.bind(param.name, Local(rust_param.name, t, rust_param.type))
        if param.name in env.mutated and not rust_param.type.startswith("&"):
            mutable.add(rust_param.name)
        if isinstance(t, TChan) and rust_param.type.startswith("mpsc::Receiver"):
            mutable.add(rust_param.name)
    return mutable


def _named_results(fn: FuncDecl, env: Env) -> list[str]:
    """Named results are variables in Go: declare them with their zero values."""
    from go2rs.bodies.calls import zero_value
    from go2rs.bodies.exprs import rust_type

    out = []
    values = fn.results[:-1] if returns_error(fn.results) else fn.results
    for result in values:
        if result.name and result.name != "_":
            rust = rust_type(result.type, env)
            env.bind(result.name, Local(naming.snake(result.name), result.type, rust))
            out.append(f"let mut {naming.snake(result.name)}: {rust} = "
                       f"{zero_value(result.type, env)};")
    return out


__all__ += ["TName", "count_statements"]
