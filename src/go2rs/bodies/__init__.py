"""Draft mode: Go function bodies -> Rust bodies.

`translate_body` either translates a whole body or raises `Untranslatable` with the reason;
the caller then keeps the skeleton (`todo!()` + the Go original) and says why. Bodies are
re-parsed from their Go text here, so the Go model never holds tree-sitter nodes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tree_sitter import Node

from go2rs.bodies.env import Env, FnShape, Local, NeedsMut, Skipped, Untranslatable
from go2rs.bodies.locks import arc_locals, shared_locals, take_guard
from go2rs.bodies.stmts import block, statements
from go2rs.context import Ctx
from go2rs.gomodel import BodyFacts, FuncDecl, TChan, TName, TSlice, TypeParam
from go2rs.idioms import naming
from go2rs.idioms.errors import returns_error
from go2rs.parse.parser import NodeIndex, parse_body
from go2rs.rustmodel import Fn

__all__ = ["BodyResult", "Skipped", "Untranslatable", "translate_body"]


@dataclass(frozen=True, slots=True)
class BodyResult:
    lines: tuple[str, ...]
    statements: int
    skipped: tuple[Skipped, ...]  # statements kept as todo!() inside an otherwise translated body
    notes: tuple[tuple[str, str], ...]
    uses: frozenset[str]
    mutable_params: frozenset[str]


def translate_body(fn: FuncDecl, rust_fn: Fn, ctx: Ctx) -> BodyResult:
    assert fn.body is not None
    root = parse_body(fn.body.text)
    statement_count = fn.body.facts.statements  # counted by lower's walk of the same text
    try:
        return _translate(fn, rust_fn, ctx, root, statement_count)
    except Untranslatable as exc:
        exc.statements = statement_count  # the caller reports them as seen, not translated
        raise


def _translate(fn: FuncDecl, rust_fn: Fn, ctx: Ctx, root: Node, statement_count: int) -> BodyResult:
    if root.has_error:
        raise Untranslatable(None, "the body has Go syntax errors")
    if _deeper_than(root, MAX_BODY_DEPTH):  # the translation below recurses over the tree
        raise Untranslatable(None, f"the body nests deeper than {MAX_BODY_DEPTH} syntax levels")
    func = root.named_children[-1]
    body = func.child_by_field_name("body")
    plan = ctx.decisions.errors
    shape = FnShape(
        fn.results,
        returns_error(fn.results),
        ctx.decisions.option_results.get(fn.key, frozenset()),
        rust_fn.ret,
        ctx.program.is_main,
        plan.enum_name if plan is not None else None,
    )
    if body is None:
        raise Untranslatable(None, "no body")
    assert fn.body is not None  # translate_body's precondition
    mutated = frozenset(_mutated_names(fn.body.facts, ctx))
    while True:
        try:
            return _attempt(fn, rust_fn, ctx, func, body, shape, mutated, statement_count)
        except NeedsMut as exc:
            if exc.names <= mutated:  # cannot happen: the names were mut the first time
                raise Untranslatable(None, f"locals that must be mut: {exc}") from None
            mutated |= exc.names


def _attempt(
    fn: FuncDecl,
    rust_fn: Fn,
    ctx: Ctx,
    func: Node,
    body: Node,
    shape: FnShape,
    mutated: frozenset[str],
    statement_count: int,
) -> BodyResult:
    """One translation of the body, with `mutated` the Go locals declared `mut`."""
    assert fn.body is not None
    facts = fn.body.facts  # lower walked this same body text: no second facts walk
    env = Env(
        ctx,
        shape,
        fn.receiver.name if fn.receiver else None,
        fn.receiver.type_name if fn.receiver else None,
        rust_fn.is_async,
        mutated=mutated,
    )
    env.type_caps = _type_caps(fn, ctx)
    env.core_types = dict(fn.core_types)
    if facts.has_go:  # only goroutines share locals: most bodies build no index
        env.index = index = NodeIndex(func)
        env.shared, env.mutexes = shared_locals(body, index)
        env.arc_shared = arc_locals(body, index, ctx)
    mutable_params = _bind_params(fn, rust_fn, env)
    env.mutated_fields = frozenset(
        p[1]
        for p in facts.assigned | {path for path, _ in facts.method_calls}
        if len(p) > 1 and fn.receiver is not None and p[0] == fn.receiver.name
    )
    prologue = _receiver_copy(fn, env) + _named_results(fn, env)
    guard, nodes = take_guard(fn, statements(body), env)
    lines = block(nodes, env, tail=bool(rust_fn.ret) and rust_fn.ret != "()")
    prologue += guard
    if env.skipped and sum(s.statements for s in env.skipped) >= statement_count:
        raise Untranslatable(None, env.skipped[0].why)  # nothing translated: keep the skeleton
    return BodyResult(
        tuple(prologue + lines),
        statement_count,
        tuple(env.skipped),
        tuple(env.notes),
        frozenset(env.uses),
        frozenset(mutable_params),
    )


MAX_BODY_DEPTH = 200  # syntax-tree levels; hand-written Go stays far below, 10,000 `{` do not


def _deeper_than(root: Node, limit: int) -> bool:
    """Whether the tree is deeper than `limit`, found without recursion. A TreeCursor moves in C
    and builds no Node objects on the way, so this costs a fraction of a walk; and a tree of at
    most `limit` nodes below the root (most bodies) cannot be deeper, so it needs no walk."""
    if root.descendant_count <= limit:
        return False
    cursor = root.walk()
    depth = 0
    while True:
        if cursor.goto_first_child():
            depth += 1
            if depth > limit:
                return True
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return False
            depth -= 1


def _mutated_names(facts: BodyFacts, ctx: Ctx) -> set[str]:
    """Locals Rust must declare `mut`: assigned, mutated through &mut methods, sorted in
    place, or lent out with `&x` (all found by lower's facts walk)."""
    mutating = ctx.decisions.mutating_method_names()
    names = {p[0] for p in facts.assigned} | set(facts.lent)
    names |= {path[0] for path, method in facts.method_calls if method in mutating}
    names |= {p[0] for p in facts.sent_on | facts.received_from}
    return names


def _bind_params(fn: FuncDecl, rust_fn: Fn, env: Env) -> set[str]:
    """Parameters become locals; those the body reassigns need `mut` in the signature."""
    mutable: set[str] = set()
    for param, rust_param in zip(fn.params, rust_fn.params, strict=False):
        if not param.name:
            continue
        t = TSlice(param.type) if param.variadic else param.type
        env.bind(param.name, Local(rust_param.name, t, rust_param.type))
        if param.name in env.mutated and not rust_param.type.startswith(
            ("&", "mpsc::Sender", "Arc<")  # a shared Receiver is locked, not mutated
        ):
            mutable.add(rust_param.name)
        if isinstance(t, TChan) and rust_param.type.startswith("mpsc::Receiver"):
            mutable.add(rust_param.name)
    return mutable


def _type_caps(fn: FuncDecl, ctx: Ctx) -> dict[str, frozenset[str]]:
    """What each type parameter's bound lets a body do: numeric type sets are Copy + Default
    (their traits carry the arithmetic); named constraints what their Rust bound says."""
    from go2rs.gomodel import TInterface
    from go2rs.idioms.functions import Signature
    from go2rs.idioms.generics import is_numeric_set, method_zero_valued, named_caps

    defaults = Signature.of(fn).zero_valued  # these got a Default bound with the signature
    params = list(fn.type_params)
    if fn.receiver is not None and fn.receiver.type_args:
        decl = ctx.program.types.get(fn.receiver.type_name)
        if decl is not None:
            impl_defaults = method_zero_valued(decl.name, ctx)
            defaults |= {
                a
                for p, a in zip(decl.type_params, fn.receiver.type_args, strict=False)
                if p.name in impl_defaults
            }
            params += [
                dataclasses.replace(p, name=a)
                for p, a in zip(decl.type_params, fn.receiver.type_args, strict=False)
            ]
        else:
            params += [TypeParam(a, TName("any")) for a in fn.receiver.type_args]
    caps: dict[str, frozenset[str]] = {}
    for param in params:
        constraint = param.constraint
        if isinstance(constraint, TName) and constraint.pkg is None:
            constraint = ctx.program.interface(constraint.name) or constraint
        numeric = isinstance(constraint, TInterface) and is_numeric_set(constraint)
        caps[param.name] = (
            frozenset({"copy", "default"}) if numeric else named_caps(param.constraint)
        ) | ({"default"} if param.name in defaults else frozenset())
        if numeric and isinstance(param.constraint, TName):  # its trait converts (generics.py)
            caps[param.name] |= {"convert"}
        if isinstance(param.constraint, TName) and ctx.program.interface(param.constraint.name):
            caps[param.name] |= {f"trait:{param.constraint.name}"}  # its methods can be called
    return caps


def _receiver_copy(fn: FuncDecl, env: Env) -> list[str]:
    """A value receiver the body changes is Go's private copy: `let mut r = self.clone();`."""
    from go2rs.bodies.exprs import cloneable

    receiver = fn.receiver
    if (
        receiver is None
        or receiver.pointer
        or not receiver.name
        or receiver.name not in env.mutated
    ):
        return []
    t = TName(receiver.type_name)
    if not cloneable(t, env):
        raise Untranslatable(None, "a value receiver the body changes, on a type without Clone")
    name = naming.snake(receiver.name)
    env.receiver = None
    env.bind(receiver.name, Local(name, t, env.ctx.type_name(receiver.type_name)))
    return [f"let mut {name} = self.clone();"]


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
            out.append(
                f"let mut {naming.snake(result.name)}: {rust} = {zero_value(result.type, env)};"
            )
    return out
