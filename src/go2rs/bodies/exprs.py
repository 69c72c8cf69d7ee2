"""Go expressions -> Rust expressions, typed enough to place casts, borrows and clones.

Integers are i64 (Go's int), lengths and indexes are usize: the translator inserts `as`
where the two meet, borrows where Rust parameters borrow, and `.clone()` where Go copied a
value that is used again (the `// go2rs: clone` rule: prefer code that compiles).
"""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from go2rs.bodies.env import (
    BOOL,
    ERROR,
    INT,
    SHARED_RX,
    STRING,
    E,
    Env,
    Untranslatable,
    elem_type,
    is_copy,
    is_float,
    is_int,
    is_string,
    map_types,
)
from go2rs.context import MutexPlan, type_params_in_scope
from go2rs.gomodel import (
    Field,
    GoType,
    TArray,
    TChan,
    TFunc,
    TMap,
    TName,
    TPointer,
    TSlice,
    TStruct,
    substitute,
)
from go2rs.idioms import enums
from go2rs.idioms.consts import const_value
from go2rs.idioms.literals import (
    go_string_value,
    rust_char,
    rust_format_string,
    rust_int,
    rust_string,
)
from go2rs.idioms.types import Pos, map_type
from go2rs.parse.lower import lower_type, text
from go2rs.parse.parser import function_of

_BINARY_PREC = {
    "*": 3,
    "/": 3,
    "%": 3,
    "<<": 5,
    ">>": 5,
    "&": 6,
    "&^": 6,
    "+": 4,
    "-": 4,
    "|": 8,
    "^": 7,
    "==": 9,
    "!=": 9,
    "<": 9,
    "<=": 9,
    ">": 9,
    ">=": 9,
    "&&": 10,
    "||": 11,
}
_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})


def go_type(node: Node | None, env: Env) -> GoType:
    """A Go type written in a body (conversions, composite literals, make)."""
    written = lower_type(node, env.ctx.options.filename)
    return substitute(written, env.core_types) if env.core_types else written


def rust_type(t: GoType, env: Env) -> str:
    """The owned Rust type of a Go type, recording what it needs."""
    return env.ctx.need(map_type(t, Pos.FIELD, env.ctx))


def expr(node: Node | None, env: Env) -> E:
    if node is None:
        raise Untranslatable(None, "missing expression")
    handler = _HANDLERS.get(node.type)
    if handler is None:
        raise Untranslatable(node, f"{node.type.replace('_', ' ')} is not translated yet")
    return handler(node, env)


def owned(e: E, env: Env) -> str:
    """The value as an owned Rust value: `.to_string()` for &str, `.clone()` for borrowed or
    reused non-Copy places (Go copies on assignment; Rust moves)."""
    if e.rust == "&str":
        return f"{e.at(0)}.to_string()"
    if e.rust is not None and e.rust.startswith("&[") and not e.rust.startswith("&mut"):
        return f"{e.at(0)}.to_vec()"
    if e.rust is not None and e.rust.startswith(("&dyn", "&mut dyn", "impl ")):
        raise Untranslatable(
            None,
            "storing a borrowed trait object or closure: the field needs it owned (Box<dyn ..>)",
        )
    if e.rust is not None and e.rust.startswith("&"):
        if e.go is not None and not cloneable(e.go, env):
            raise Untranslatable(
                None, f"an owned {e.rust[1:]} from a borrow: the type is not Clone"
            )
        if e.go is not None and copyable(e.go, env):
            return f"*{e.at(1)}"
        return f"{e.at(0)}.clone()"
    if (
        _is_place(e)
        and not is_copy(e.go)
        and e.go is not None
        and not _is_enum(e.go, env)
        and not copyable(e.go, env)
    ):
        if cloneable(e.go, env):
            return f"{e.at(0)}.clone()"
        if "." in e.text or "[" in e.text:
            raise Untranslatable(
                None, f"moving `{e.text}` out of its owner (the type is not Clone)"
            )
    return e.text


def value_caps(t: GoType | None, env: Env) -> frozenset[str]:
    """What values of `t` support in a body: "clone", "copy", "default". Type parameters
    support what their bounds give; containers what their elements support."""
    if t is None:
        return frozenset()
    if isinstance(t, TPointer):
        return value_caps(t.elem, env)
    if isinstance(t, TName) and t.name in env.type_caps and t.pkg is None:
        caps = env.type_caps[t.name]
        return caps | {"clone"} if "copy" in caps else caps
    if isinstance(t, TArray):
        return value_caps(t.elem, env) - {"default"}
    if isinstance(t, TSlice | TMap):
        inner = value_caps(t.value if isinstance(t, TMap) else t.elem, env)
        if isinstance(t, TMap):
            inner &= value_caps(t.key, env)
        return (inner - {"copy"}) | {"default"}
    rtype = map_type(t, Pos.FIELD, env.ctx)
    return frozenset(
        c
        for c, ok in (("clone", rtype.clone), ("copy", rtype.copy), ("default", rtype.default))
        if ok
    )


def cloneable(t: GoType, env: Env) -> bool:
    """Whether the Rust type of `t` implements Clone (else values can only move)."""
    return "clone" in value_caps(t, env)


def copyable(t: GoType, env: Env) -> bool:
    return "copy" in value_caps(t, env)


def underlying(e: E, env: Env) -> E:
    """A value of a local named slice/map/basic type (`type ByAge []Person`) is a newtype in
    Rust: its contents are `.0`."""
    t = e.go
    if not isinstance(t, TName) or t.pkg is not None or t.name in env.ctx.decisions.enums:
        return e
    from go2rs.idioms.enums import underlying_basic

    decl = env.ctx.program.types.get(t.name)
    if (
        decl is None
        or decl.alias
        or isinstance(decl.type, TStruct)
        or env.ctx.program.interface(t.name) is not None
    ):
        return e
    if underlying_basic(decl) is None and t.name not in env.ctx.program.methods:
        return E(e.text, decl.type, e.rust, e.prec)  # a type alias: same value, Go type known
    return E(f"{e.at(0)}.0", decl.type, rust_type(decl.type, env))


def _is_place(e: E) -> bool:
    """A variable, field or element (not a fresh value): using it by value would move it."""
    return e.place


def _is_enum(t: GoType, env: Env) -> bool:
    return isinstance(t, TName) and t.pkg is None and t.name in env.ctx.decisions.enums


CHANNEL_PAIR = "(mpsc::Sender, mpsc::Receiver)"  # the Rust type of a split `make(chan T)` local


def _channel_end(e: E, target: str | None, env: Env) -> str:
    """A split channel where one end is expected: the Receiver moves (once), Senders clone."""
    if target is not None and target.startswith(SHARED_RX):
        from go2rs.bodies.channels import shared_end

        return shared_end(e.text, env)
    if target is not None and target.startswith("mpsc::Receiver"):
        if e.text in env.moved_receivers:
            raise Untranslatable(None, f"`{e.text}`'s receiver is handed out twice")
        env.moved_receivers.add(e.text)
        return f"{e.text}_rx"
    if target is not None and target.startswith("mpsc::Sender"):
        return f"{e.text}_tx.clone()"
    raise Untranslatable(None, f"channel `{e.text}` where {target or 'a value'} is expected")


def _mpsc_half(held: str | None, target: str) -> bool:
    """Whether a Sender stands where a Receiver is expected, or the other way round."""
    halves = ("mpsc::Sender", "mpsc::Receiver")
    return bool(held) and any(
        (held or "").startswith(a) and target.startswith(b)
        for a in halves
        for b in halves
        if a != b
    )


def _check_implements(e: E, target: str, env: Env) -> None:
    """A value boxed as `Box<dyn Trait>` must implement the trait in Rust: Go also counts
    methods promoted from embedded fields, which Rust does not forward."""
    ctx = env.ctx
    trait = target.removeprefix("Box<dyn ").split(" ", 1)[0].rstrip(">")
    is_local_trait = any(
        ctx.type_name(name) == trait and ctx.program.interface(name) is not None
        for name in ctx.program.types
    )
    if not is_local_trait or not isinstance(e.go, TName) or e.go.pkg is not None:
        return
    implemented = {ctx.type_name(i) for i in ctx.decisions.trait_impls.get(e.go.name, [])}
    if trait not in implemented:
        raise Untranslatable(None, f"{e.rust} as a {trait}: Rust has no impl (promoted methods?)")


def dyn_ref(boxed: str) -> str:
    """`Box<dyn T + Send>` -> `(dyn T + Send)`: the type a reference to the box's value has
    (bounds after `&` need the parentheses)."""
    dyn = boxed[len("Box<") : -1]
    return f"({dyn})" if " + " in dyn else dyn


def any_value(e: E, target: str, env: Env) -> str | None:
    """Go text and untyped constants stored in an `any` as the types go2rs gives Go's string
    and int: an owned String and `41_i64`, so a `downcast_ref::<String>()` / `::<i64>()`
    finds them (a `&str` is not even Any, and a bare `41` would be Rust's i32)."""
    if not target.startswith(("&dyn Any", "Box<dyn Any")):
        return None
    if is_string(e.go) and e.rust == "&str":
        value = owned(e, env)
    elif is_int(e.go) and e.rust is None and e.text.lstrip("-").replace("_", "").isalnum():
        value = f"{e.text}_i64"
    elif (
        (held := e.rust or "").startswith("Vec<")
        and e.text.startswith("vec![")
        and ";" not in e.text
    ):
        # `vec![1]` would be a Vec<i32> by Rust's inference: name the element type
        items = e.text.removeprefix("vec![").removesuffix("]")
        value = f"Vec::{held[3:]}::" + (f"from([{items}])" if items else "new()")
    else:
        return None
    return f"&{value}" if target.startswith("&") else f"Box::new({value})"


def _newtype_inner(target: str, env: Env) -> str | None:
    """The Rust type inside `target` when it is the newtype of a local named basic type
    (`type level int` -> `struct Level(i64)`), not an enum."""
    from go2rs.idioms.enums import underlying_basic

    if not target.isidentifier():
        return None
    for name, decl in env.ctx.program.types.items():
        if env.ctx.type_name(name) != target or name in env.ctx.decisions.enums:
            continue
        basic = underlying_basic(decl)
        if basic is not None and not decl.alias:
            return rust_type(TName(basic), env)
    return None


def coerce(e: E, target: str | None, env: Env) -> str:
    """Fit `e` to a Rust place of type `target` (a parameter, field or result)."""
    if e.rust == CHANNEL_PAIR:
        return _channel_end(e, target, env)
    if target is None:
        return e.text
    if e.rust == f"Arc<{target}>" and e.place:  # locks.arc_locals: returned once joined
        from go2rs.bodies.locks import into_inner

        return into_inner(e.text)
    if e.rust in (f"&mut {target}", f"&{target}") and is_copy(e.go):  # a lock guard's value
        return f"*{e.at(1)}"
    if e.rust is None and e.literal is not None and (inner := _newtype_inner(target, env)):
        return f"{target}({coerce(e, inner, env)})"  # an untyped constant takes the named type
    if _mpsc_half(e.rust, target):
        raise Untranslatable(None, f"a {e.rust} where a {target} is expected")
    held = e.rust or ""
    if held.startswith("Option<Box<dyn ") and target == f"Option<&{dyn_ref(held[7:-1])}>":
        return f"{e.at(0)}.as_deref()"  # an interface value borrowed (nil stays None)
    if e.rust and e.rust != target and "Option<" in (e.rust[:7], target[:7]):
        from go2rs.bodies.nilable import fit

        if (fitted := fit(e, target, env)) is not None:
            return fitted
    if (e.rust or "").startswith("Option<") != target.startswith("Option<") and e.rust:
        raise Untranslatable(None, f"a nil-able value ({e.rust}) where {target} is expected")
    if target in ("f64", "f32") and e.literal is not None and e.text.isdigit():
        return e.text + ".0"
    if target in ("f64", "f32") and is_int(e.go) and e.rust is None and e.text[1:].isdigit():
        return e.text + ".0"  # `-1` in a float context is an untyped constant: -1.0
    if target == "String":
        return owned(e, env) if e.rust in ("&str", "&String", None) or _is_place(e) else e.text
    if target.startswith("&dyn ") and (e.rust or "").lstrip("&").startswith("Box<dyn "):
        return f"{e.at(0)}.as_ref()"  # &Box<dyn T> does not coerce to &dyn T by itself
    if target == "&str":
        return e.borrowed()
    if target.startswith("&mut "):
        return e.text if (e.rust or "").startswith("&mut") else f"&mut {e.at(1)}"
    if target.startswith("&[") and e.text.startswith("vec![") and e.text.endswith("]"):
        return "&" + e.text[len("vec!") :]  # clippy: useless_vec
    if target.startswith("Box<dyn Fn") and isinstance(e.go, TFunc) and e.prec == 12:
        if e.rust == "borrowing closure":
            raise Untranslatable(
                None,
                "a stored closure that captures a borrowed value (it "
                "must own what it uses: clone into it)",
            )
        return f"Box::new({e.text})"
    if (boxed := any_value(e, target, env)) is not None:
        return boxed
    if target.startswith("&"):
        return e.borrowed()
    if target.startswith("Box<dyn std::error::Error") and e.rust != target:
        return f"{owned(e, env)}.into()"  # any error (and text) boxes with From
    if target.startswith("Box<dyn ") and e.rust is not None and not e.rust.startswith("Box<"):
        _check_implements(e, target, env)
        return f"Box::new({owned(e, env)})"  # a concrete value where Go stored an interface
    if target in ("i64", "i32", "u64", "u32", "u8", "usize", "i8", "i16", "u16", "f64", "f32"):
        if e.rust and e.rust != target and (is_int(e.go) or is_float(e.go)):
            return f"{e.at(2)} as {target}"
        return e.text
    named = e.rust and e.rust.isidentifier() and target.isidentifier() and e.rust != target
    if named and not (is_int(e.go) or is_float(e.go)):
        raise Untranslatable(None, f"a {e.rust} where a {target} is expected")
    return owned(e, env)


# ------------------------------------------------------------------------------- leaves


def _identifier(node: Node, env: Env) -> E:
    name = text(node)
    if name == env.receiver:
        return E("self", TName(env.receiver_type or "_"), "&Self")
    local = env.lookup(name)
    if local is not None and local.chan_pair:
        return E(local.rust, local.go, CHANNEL_PAIR, place=True)
    if local is not None and local.lock:  # bodies/locks.py: only whole statements lock it
        why = "shared with goroutines" if local.lock == "state" else "a mutex: only Lock..Unlock"
        raise Untranslatable(node, f"`{name}` ({why}) used where go2rs cannot lock it")
    if local is not None:
        return E(local.rust, local.go, local.rust_type, place=True)
    ctx = env.ctx
    if (path := enums.variant_path(name, ctx)) is not None:
        return E(path, TName(path.split("::")[0]))
    for spec in ctx.program.values("const"):
        if spec.name == name:
            value = const_value(spec.value, ctx, {}, spec.iota)
            rust = value.type if value else None
            return E(ctx.const_name(name), spec.type or _rust_to_go(rust), rust)
    if name in ctx.program.funcs:
        return E(ctx.fn_name(name), None)
    plan = ctx.decisions.errors
    sentinels = plan.sentinels if plan is not None and not env.shape.is_main_pkg else ()
    for go_name, variant, _ in sentinels:
        if go_name == name and plan is not None:  # a library's sentinel: its enum variant
            return E(f"{plan.enum_name}::{variant}", ERROR, plan.enum_name)
    if env.shape.is_main_pkg:  # a binary's sentinel error: an anyhow error with its text
        from go2rs.bodies.calls import _main_sentinel_message

        message = _main_sentinel_message(name, env)
        if message is not None:
            ctx.sink.crates.add("anyhow")
            return E(f"anyhow::anyhow!({rust_format_string(message)})", ERROR, "anyhow::Error")
    raise Untranslatable(node, f"`{name}` is not defined in this input")


def _rust_to_go(rust: str | None) -> GoType | None:
    return {
        "i64": INT,
        "f64": TName("float64"),
        "&str": STRING,
        "bool": BOOL,
        "char": TName("rune"),
    }.get(rust or "")


def _int_literal(node: Node, env: Env) -> E:
    return E(rust_int(text(node)), INT, None, literal=text(node) if text(node).isdigit() else None)


def _float_literal(node: Node, env: Env) -> E:
    raw = text(node).replace("_", "")
    if raw.lower().startswith("0x"):
        raise Untranslatable(node, "hex float literal")
    raw = "0" + raw if raw.startswith(".") else raw
    raw = raw + "0" if raw.endswith(".") else raw
    if not any(c in raw for c in ".eE"):
        raw += ".0"
    return E(raw, TName("float64"), "f64")


def _string_literal(node: Node, env: Env) -> E:
    value = go_string_value(text(node))
    if value is None:
        raise Untranslatable(node, "malformed string literal")
    return E(rust_string(value), STRING, "&str", literal=value)


def _rune_literal(node: Node, env: Env) -> E:
    value = go_string_value(text(node))
    if value is None or len(value) != 1:
        raise Untranslatable(node, "rune literal")
    return E(rust_char(value), TName("rune"), "char", literal=value)


def _bool(node: Node, env: Env) -> E:
    return E(node.type, BOOL, "bool", literal=node.type)


def _nil(node: Node, env: Env) -> E:
    return E("None", None, None)


def _paren(node: Node, env: Env) -> E:
    inner = expr(node.named_children[0] if node.named_children else None, env)
    return E(inner.text, inner.go, inner.rust, inner.prec)


# -------------------------------------------------------------------------- operators


def _binary(node: Node, env: Env) -> E:
    op = text(node.child_by_field_name("operator"))
    left_node, right_node = node.child_by_field_name("left"), node.child_by_field_name("right")
    if op in ("==", "!=") and (right_node is not None and right_node.type == "nil"):
        return _nil_compare(expr(left_node, env), op, node)
    prec = _BINARY_PREC.get(op)
    if prec is None:
        raise Untranslatable(node, f"operator {op}")
    if op == "+" and _string_typed(node, env):
        return _concat([expr(n, env) for n in _concat_operands(node)])
    left, right = expr(left_node, env), expr(right_node, env)
    left, right = _deref(left, right), _deref(right, left)
    left, right = _float_literal_beside(left, right), _float_literal_beside(right, left)
    left, right = _byte_literal_beside(left, right), _byte_literal_beside(right, left)
    rust_op = "& !" if op == "&^" else op
    newtype = _newtype_of(left, env) or _newtype_of(right, env)
    if newtype is not None:
        left, right = _unwrap(left, env), _unwrap(right, env)
    lhs, rhs = left.at(prec), right.at(8 if prec == 9 else prec - 1)
    if op not in ("<<", ">>"):
        rhs = _cast_to(left, right, prec)
    if op in _COMPARISONS:
        special = _emptiness(left, right, op) or _constant(node, op)
        if special is not None:
            return special
        lhs, rhs = _compare_strings(left, right, lhs, rhs)
        return E(f"{lhs} {rust_op} {rhs}", BOOL, "bool", prec)
    if op == "&&" and (contains := _range_contains(left_node, right_node, env)) is not None:
        return contains
    if (
        op in ("&&", "||")
        and left.literal in ("true", "false")
        and right.literal in ("true", "false")
    ):
        both = (left.literal == "true", right.literal == "true")
        value = (both[0] and both[1]) if op == "&&" else (both[0] or both[1])
        word = "true" if value else "false"
        return E(word, BOOL, "bool", literal=word)
    result_go = BOOL if op in ("&&", "||") else left.go if left.go is not None else right.go
    result_rust = left.rust if left.rust else right.rust
    if "Duration" in (left.rust, right.rust) and op in ("*", "/"):
        result_rust = "Duration"  # a scale of a Duration is a Duration (Mul<u32>)
    if newtype is not None and op not in ("&&", "||"):
        return E(f"{newtype}({lhs} {rust_op} {rhs})", TName(newtype), newtype)
    return E(f"{lhs} {rust_op} {rhs}", result_go, result_rust, prec)


def _emptiness(left: E, right: E, op: str) -> E | None:
    """`s == ""` and `len(x) == 0` -> `is_empty()` (clippy: comparison_to_empty, len_zero)."""
    if op not in ("==", "!=", ">"):
        return None
    subject = None
    if right.literal == "" and right.rust == "&str" and op != ">":
        subject = left.at(0)
    elif right.literal == "0" and left.text.endswith(".len()"):
        subject = left.text.removesuffix(".len()")
    if subject is None:
        return None
    negate = "" if op == "==" else "!"
    return E(f"{negate}{subject}.is_empty()", BOOL, "bool", 1 if negate else 0)


def constant_int(node: Node | None) -> int | None:
    """The value of an integer constant written in place (`3`, `-0`, `1 << 4`), else None."""
    from go2rs.idioms.literals import eval_int
    from go2rs.parse.lower import lower_expr

    return eval_int(lower_expr(node), 0, {})


def _constant(node: Node, op: str) -> E | None:
    """A comparison of two constant integer expressions (`8%4 == 0`) is its value; Rust's
    linter rejects comparing constants (clippy: eq_op)."""
    left = constant_int(node.child_by_field_name("left"))
    right = constant_int(node.child_by_field_name("right"))
    if left is None or right is None:
        return None
    result = {
        "==": left == right,
        "!=": left != right,
        "<": left < right,
        "<=": left <= right,
        ">": left > right,
        ">=": left >= right,
    }[op]
    return E("true" if result else "false", BOOL, "bool", literal="true" if result else "false")


def _range_contains(left: Node | None, right: Node | None, env: Env) -> E | None:
    """`x >= a && x <= b` -> `(a..=b).contains(&x)` (clippy: manual_range_contains)."""
    while left is not None and left.type == "parenthesized_expression":
        left = left.named_children[0] if left.named_children else None
    while right is not None and right.type == "parenthesized_expression":
        right = right.named_children[0] if right.named_children else None
    if (
        left is None
        or right is None
        or left.type != "binary_expression"
        or right.type != "binary_expression"
    ):
        return None
    lop, rop = (
        text(left.child_by_field_name("operator")),
        text(right.child_by_field_name("operator")),
    )
    subject = text(left.child_by_field_name("left"))
    if lop != ">=" or rop not in ("<=", "<") or text(right.child_by_field_name("left")) != subject:
        return None
    x = expr(left.child_by_field_name("left"), env)
    low, high = (
        expr(left.child_by_field_name("right"), env),
        expr(right.child_by_field_name("right"), env),
    )
    if not (is_int(x.go) or is_float(x.go) or x.go == TName("rune")) or x.rust not in (
        low.rust or x.rust,
        high.rust or x.rust,
    ):
        return None
    dots = "..=" if rop == "<=" else ".."
    ascii_class = (
        _ASCII_CLASSES.get((low.literal or "", high.literal or "")) if dots == "..=" else None
    )
    if ascii_class is not None and x.go == TName("rune"):
        return E(f"{x.at(0)}.{ascii_class}()", BOOL, "bool")  # clippy: manual_is_ascii_check
    return E(f"({low.at(11)}{dots}{high.at(11)}).contains(&{x.at(1)})", BOOL, "bool")


_ASCII_CLASSES = {
    ("A", "Z"): "is_ascii_uppercase",
    ("a", "z"): "is_ascii_lowercase",
    ("0", "9"): "is_ascii_digit",
}


def _string_typed(node: Node, env: Env) -> bool:
    left = node.child_by_field_name("left")
    while (
        left is not None
        and left.type == "binary_expression"
        and text(left.child_by_field_name("operator")) == "+"
    ):
        left = left.child_by_field_name("left")
    return is_string(expr(left, env).go) or is_string(
        expr(node.child_by_field_name("right"), env).go
    )


def _concat_operands(node: Node) -> list[Node]:
    """`a + b + c` (left-associative) -> [a, b, c]."""
    operands: list[Node] = []
    current: Node | None = node
    while (
        current is not None
        and current.type == "binary_expression"
        and text(current.child_by_field_name("operator")) == "+"
    ):
        right = current.child_by_field_name("right")
        if right is not None:
            operands.insert(0, right)
        current = current.child_by_field_name("left")
    if current is not None:
        operands.insert(0, current)
    return operands


_REFERENCE_FREE = ("&str", "&[", "&dyn", "&mut dyn", "&mut [")


def _deref(side: E, other: E) -> E:
    """`*x` for a reference met by a value (a range variable, a `&self` receiver)."""
    rust = side.rust or ""
    if (
        rust.startswith("&")
        and not rust.startswith(_REFERENCE_FREE)
        and not (other.rust or "").startswith("&")
    ):
        return E(f"*{side.at(1)}", side.go, rust.removeprefix("&mut ").removeprefix("&"), 1)
    return side


def _float_literal_beside(side: E, other: E) -> E:
    """An untyped integer literal next to a float is a float literal in Rust."""
    if side.literal is not None and side.text.isdigit() and is_float(other.go):
        return E(side.text + ".0", other.go, other.rust or "f64")
    return side


def _byte_literal_beside(side: E, other: E) -> E:
    """A rune literal compared with a byte (`s[i] == ':'`) is a byte literal."""
    if (
        side.rust == "char"
        and other.rust == "u8"
        and side.literal is not None
        and side.literal.isascii()
    ):
        return E("b" + side.text, other.go, "u8")
    return side


def _newtype_of(side: E, env: Env) -> str | None:
    """The Rust name of a local named basic type (`type Celsius float64`), else None."""
    from go2rs.idioms.enums import underlying_basic

    t = side.go
    if (
        isinstance(t, TName)
        and t.pkg is None
        and t.name not in env.ctx.decisions.enums
        and underlying_basic(env.ctx.program.types.get(t.name)) is not None
    ):
        return env.ctx.type_name(t.name)
    return None


def _unwrap(side: E, env: Env) -> E:
    from go2rs.idioms.enums import underlying_basic

    if _newtype_of(side, env) is None:
        return side
    assert isinstance(side.go, TName)
    basic = underlying_basic(env.ctx.program.types.get(side.go.name)) or "int"
    inner = TName(basic)
    base = side.text[1:] if side.text.startswith("*") and side.prec == 1 else side.at(0)
    return E(f"{base}.0", inner, rust_type(inner, env))  # `.0` auto-derefs


def _cast_to(left: E, right: E, prec: int) -> str:
    """The right operand, cast when its Rust integer type differs (usize meets i64)."""
    rhs = right.at(8 if prec == 9 else prec - 1)
    numeric = (is_int(left.go) or is_float(left.go)) and (is_int(right.go) or is_float(right.go))
    if (
        not numeric
        or left.rust == right.rust
        or left.rust is None
        or right.rust is None
        or right.literal is not None
    ):
        return rhs
    return f"{right.at(2)} as {left.rust}"


def _compare_strings(left: E, right: E, lhs: str, rhs: str) -> tuple[str, str]:
    """`String == &str` works in Rust, `&str == String` does not: put owned values left."""
    if (
        is_string(left.go)
        and is_string(right.go)
        and left.rust == "&str"
        and right.rust == "String"
    ):
        return lhs, f"{right.at(0)}.as_str()"
    return lhs, rhs


def _nil_compare(left: E, op: str, node: Node) -> E:
    """`x == nil`: Option -> is_none(); slices and maps are never nil in Rust -> is_empty()."""
    rust = left.rust or ""
    if left.fallible and left.go is None and not left.results:  # `f() == nil`: it succeeded
        return E(f"{left.at(0)}.{'is_ok' if op == '==' else 'is_err'}()", BOOL, "bool")
    if rust.startswith(("Option<", "&Option<")):
        method = "is_none" if op == "==" else "is_some"
        return E(f"{left.at(0)}.{method}()", BOOL, "bool")
    if isinstance(left.go, TSlice | TMap):
        prefix = "" if op == "==" else "!"
        return E(f"{prefix}{left.at(0)}.is_empty()", BOOL, "bool", 1 if prefix else 0)
    raise Untranslatable(node, "nil comparison of a value go2rs did not make an Option")


def _concat(operands: list[E]) -> E:
    """Go's `a + b + c` on strings -> one `format!`, literals folded into the template."""
    from go2rs.bodies.calls import render_format

    formatted = render_format("format", "{}" * len(operands), operands)
    return E(formatted.text, STRING, "String", fmt=formatted)


def _unary(node: Node, env: Env) -> E:
    op = text(node.child_by_field_name("operator"))
    operand_node = node.child_by_field_name("operand")
    if op == "<-":
        from go2rs.bodies.channels import receive

        return receive(operand_node, env)
    if op == "&":
        inner = expr(operand_node, env)
        if operand_node is not None and operand_node.type == "composite_literal":
            return inner  # &T{..} -> an owned T; Rust decides boxing at the use site
        return E(
            f"&mut {inner.at(1)}",
            TPointer(inner.go) if inner.go else None,
            f"&mut {inner.rust}" if inner.rust else None,
            1,
        )
    operand = expr(operand_node, env)
    if op == "*":
        elem = operand.go.elem if isinstance(operand.go, TPointer) else operand.go
        rust = operand.rust or ""
        if rust and not rust.startswith(("&", "Box<", "Option<", "Rc<", "Arc<")):
            # `p := &T{..}` holds the T itself in Rust: `*p` is that value
            return E(operand.text, elem, operand.rust, operand.prec, place=operand.place)
        return E(f"*{operand.at(1)}", elem, None, 1)
    if op == "!" and operand.literal in ("true", "false"):
        word = "false" if operand.literal == "true" else "true"
        return E(word, BOOL, "bool", literal=word)
    if op == "!" and operand_node is not None and operand_node.type == "call_expression":
        inverted = _inverted_comparison(operand)  # a method that became `a < b` (time.Before)
        if inverted is not None:
            return inverted
    rust_op = {"!": "!", "-": "-", "^": "!", "+": ""}.get(op)
    if rust_op is None:
        raise Untranslatable(node, f"unary {op}")
    return E(f"{rust_op}{operand.at(1)}", operand.go, operand.rust, 1 if rust_op else operand.prec)


_INVERSE = {"<": ">=", ">": "<=", "<=": ">", ">=": "<", "==": "!=", "!=": "=="}


def _inverted_comparison(e: E) -> E | None:
    """`!(a < b)` as `a >= b` (clippy: nonminimal_bool), for one top-level comparison of
    totally ordered values."""
    if e.prec != 9:
        return None
    depth, found = 0, []
    for i, ch in enumerate(e.text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and ch == " ":
            op = e.text[i + 1 : e.text.find(" ", i + 1)]
            if op in _INVERSE:
                found.append((i + 1, op))
    if len(found) != 1:
        return None
    at, op = found[0]
    return E(e.text[:at] + _INVERSE[op] + e.text[at + len(op) :], BOOL, "bool", 9)


# ------------------------------------------------------------------- access and indexing


def colliding_fields(struct_name: str, env: Env) -> bool:
    """Whether two fields of a local struct map to one snake_case name (`Total`, `total`):
    the struct numbers the second (`total2`), which a body's `x.total` would not know."""
    struct = env.ctx.program.struct(struct_name)
    keys = [_snake(_embedded_key(f)) for f in struct.fields] if struct else []
    return len(set(keys)) != len(keys)


def field_of(
    struct_type: GoType | None, name: str, env: Env, seen: frozenset[str] = frozenset()
) -> tuple[str, GoType] | None:
    """`x.Name` on a local struct -> (Rust path suffix, field type), following embedding
    (`seen`: the structs on the way, so `type T struct{ *T }` does not recurse forever)."""
    base = struct_type.elem if isinstance(struct_type, TPointer) else struct_type
    if isinstance(base, TStruct):  # an anonymous struct is a tuple (see _tuple_literal)
        index = next((i for i, f in enumerate(base.fields) if f.name == name), None)
        return (str(index), base.fields[index].type) if index is not None else None
    if not isinstance(base, TName) or base.pkg is not None or base.name in seen:
        return None
    struct = env.ctx.program.struct(base.name)
    if struct is None:
        return None
    if colliding_fields(base.name, env):
        raise Untranslatable(None, f"{base.name} has fields whose Rust names collide")
    plan = env.ctx.decisions.mutexes.get(base.name)
    decl = env.ctx.program.types.get(base.name)
    instance = {  # `c.data` of a `Cache[string, int]`: the field's K and V are those
        p.name: a for p, a in zip(decl.type_params if decl else (), base.args, strict=False)
    }
    for field in struct.fields:
        if field.name == name:
            if plan is not None and name in plan.guarded:
                return None  # the field lives inside a lock now
            return _snake(name), substitute(field.type, instance) if instance else field.type
    for field in struct.fields:
        if field.name is None and _embedded_key(field) == name:  # `x.Base` names the embedding
            return _snake(name), field.type
    for field in struct.fields:
        if field.name is None:
            inner = field.type.elem if isinstance(field.type, TPointer) else field.type
            found = field_of(inner, name, env, seen | {base.name})
            if found is not None and isinstance(inner, TName):
                return f"{_snake(inner.name)}.{found[0]}", found[1]
    return None


def _snake(name: str) -> str:
    from go2rs.idioms import naming

    return naming.snake(name)


def _selector(node: Node, env: Env) -> E:
    operand_node = node.child_by_field_name("operand")
    name = text(node.child_by_field_name("field"))
    package = env.package_of(operand_node)
    if package is not None:
        from go2rs.bodies.stdlib import package_value

        return package_value(package, name, node, env)
    narrowed = env.lookup(text(node))  # `s.Profile` after `if s.Profile == nil { return }`
    if narrowed is not None:
        return E(narrowed.rust, narrowed.go, narrowed.rust_type, place=True)
    if operand_node is not None and text(operand_node) == env.receiver and name in env.guarded:
        ftype = _receiver_field_type(name, env)
        guard = env.guarded[name]
        rust = rust_type(ftype, env)
        return E(guard, ftype, rust if "." in guard else "&mut " + rust, place=True)
    operand = expr(operand_node, env)
    if (operand.rust or "").startswith("Option<"):
        raise Untranslatable(
            node,
            f"`.{name}` through a nil-able pointer (check it with `let Some(..) = .. else` first)",
        )
    found = field_of(operand.go, name, env)
    if found is None:
        raise Untranslatable(node, f"field `{name}` of an unknown or locked type")
    path, ftype = found
    rust = _declared_field_type(operand.go, name, env) or rust_type(ftype, env)
    return E(f"{operand.at(0)}.{path}", ftype, rust, place=True)


def _declared_field_type(owner: GoType | None, name: str, env: Env) -> str | None:
    """The Rust type of a `*T` or channel field of a local struct as the struct declares it:
    owned or `Option<Box<T>>` (nil-checked); the Sender or Receiver half the owner uses."""
    from go2rs.idioms.structs import field_type

    base = owner.elem if isinstance(owner, TPointer) else owner
    struct = env.ctx.program.struct(base.name) if isinstance(base, TName) else None
    from go2rs.idioms.nil import value_field_is_optional

    for field in struct.fields if struct else ():
        if field.name == name and (
            isinstance(field.type, TPointer | TChan) or value_field_is_optional(field, env.ctx)
        ):
            assert isinstance(base, TName)
            return field_type(base.name, field, env.ctx)[0].text
    return None


def map_key(key: E, key_type: GoType, env: Env) -> str:
    """A map lookup key: borrowed, and cast to the key type when integer kinds differ."""
    if (key.rust or "").startswith("&"):
        return key.text
    return (
        f"&{coerce(key, rust_type(key_type, env), env)}"
        if key.literal is None or key.rust != "&str"
        else key.text
    )


def _receiver_field_type(name: str, env: Env) -> GoType:
    struct = env.ctx.program.struct(env.receiver_type or "")
    for field in struct.fields if struct else ():
        if field.name == name:
            return field.type
    raise Untranslatable(None, f"field {name}")


def index_text(index: E) -> str:
    if index.text.isdigit():
        return index.text
    if index.rust == "usize":
        return index.text
    return f"{index.at(2)} as usize"


def _index(node: Node, env: Env) -> E:
    operand = underlying(expr(node.child_by_field_name("operand"), env), env)
    index = expr(node.child_by_field_name("index"), env)
    kv = map_types(operand.go)
    if kv is not None:
        key, value = kv
        key_text = map_key(index, key, env)
        if not {"clone", "default"} <= value_caps(value, env):
            raise Untranslatable(node, "a map read whose value type is not Clone + Default")
        getter = "copied" if copyable(value, env) else "cloned"
        return E(
            f"{operand.at(0)}.get({key_text}).{getter}().unwrap_or_default()",
            value,
            rust_type(value, env),
        )
    if is_string(operand.go):
        return E(f"{operand.at(0)}.as_bytes()[{index_text(index)}]", TName("byte"), "u8")
    elem = elem_type(operand.go)
    if elem is None:
        raise Untranslatable(node, "index into a value of unknown type")
    return E(f"{operand.at(0)}[{index_text(index)}]", elem, rust_type(elem, env), place=True)


def _slice(node: Node, env: Env) -> E:
    operand = underlying(expr(node.child_by_field_name("operand"), env), env)
    start_node, end_node = node.child_by_field_name("start"), node.child_by_field_name("end")
    start = index_text(expr(start_node, env)) if start_node is not None else ""
    end = index_text(expr(end_node, env)) if end_node is not None else ""
    if node.child_by_field_name("capacity") is not None:
        raise Untranslatable(node, "three-index slice")
    if is_string(operand.go):
        return E(f"{operand.at(0)}[{start}..{end}].to_string()", STRING, "String")
    elem = elem_type(operand.go)
    if elem is None:
        raise Untranslatable(node, "slice of a value of unknown type")
    if not cloneable(elem, env):
        raise Untranslatable(node, "a sub-slice copy of elements that are not Clone")
    go = TSlice(elem_type(operand.go) or INT)
    return E(f"{operand.at(0)}[{start}..{end}].to_vec()", go, rust_type(go, env))


# -------------------------------------------------------------------------- literals


def composite(node: Node, env: Env) -> E:
    type_node = node.child_by_field_name("type")
    return literal(go_type(type_node, env), node.child_by_field_name("body"), env)


def literal(t: GoType | None, body: Node | None, env: Env) -> E:
    """A composite literal's `{..}` for type `t` (given, or implied by its container)."""
    if body is None:
        raise Untranslatable(None, "composite literal without a body")
    node = body
    elements = [c for c in body.named_children if c.type != "comment"]
    if isinstance(t, TSlice | TArray):
        values = [_element(e, t.elem, env) for e in elements]
        if isinstance(t, TArray):
            return E(f"[{', '.join(values)}]", t, rust_type(t, env))
        if _only_sorted(body):
            return E(f"Vec::from([{', '.join(values)}])", t, rust_type(t, env))
        return E(f"vec![{', '.join(values)}]", t, rust_type(t, env))
    if isinstance(t, TMap):
        pairs = []
        for element in elements:
            if element.type != "keyed_element" or len(element.named_children) != 2:
                raise Untranslatable(element, "map literal element")
            key, value = element.named_children
            pairs.append(f"({_element(key, t.key, env)}, {_element(value, t.value, env)})")
        rust = rust_type(t, env)
        base = rust.split("<")[0]
        return E(f"{base}::from([{', '.join(pairs)}])" if pairs else f"{base}::new()", t, rust)
    if isinstance(t, TName) and t.pkg is None and env.ctx.program.struct(t.name) is not None:
        return _struct_literal(node, t, elements, env)
    if isinstance(t, TStruct):
        return _tuple_literal(node, t, elements, env)
    raise Untranslatable(node, "composite literal of this type")


def _tuple_literal(node: Node, t: TStruct, elements: list[Node], env: Env) -> E:
    """An anonymous struct value (`struct{ name string; ok bool }{"Rex", true}`) is a tuple
    in Rust: its fields by position (`dog.name` -> `dog.0`, see field_of)."""
    if any(f.name is None for f in t.fields):
        raise Untranslatable(node, "anonymous struct with an embedded field")
    given: dict[str, Node] = {}
    for i, element in enumerate(elements):
        if element.type == "keyed_element" and len(element.named_children) == 2:
            key, value = element.named_children
            given[text(key).strip()] = value
        elif i < len(t.fields):
            given[t.fields[i].name or ""] = element
        else:
            raise Untranslatable(element, "anonymous struct literal element")
    from go2rs.bodies.calls import zero_value

    values = []
    for field in t.fields:
        given_value = given.get(field.name or "")
        values.append(
            _element(given_value, field.type, env)
            if given_value is not None
            else zero_value(field.type, env)
        )
    rust = [rust_type(f.type, env) for f in t.fields]
    if len(values) == 1:
        return E(f"({values[0]},)", t, f"({rust[0]},)")
    return E(f"({', '.join(values)})", t, f"({', '.join(rust)})")


_SORTS = (
    "slices.Sort(",
    "slices.SortFunc(",
    "sort.Ints(",
    "sort.Strings(",
    "sort.Float64s(",
    "slices.BinarySearch(",
)


def _only_sorted(body: Node) -> bool:
    """`xs := []T{..}` that the function sorts in place (or searches) but never grows: clippy
    would call `vec![..]` useless there (an array does that too), so the Vec is built with
    `Vec::from([..])`, which keeps it a Go slice."""
    literal = body.parent
    declaration = literal.parent.parent if literal and literal.parent else None
    if declaration is None or declaration.type != "short_var_declaration":
        return False
    left = declaration.child_by_field_name("left")
    names = [text(n) for n in (left.named_children if left else [])]
    if len(names) != 1:
        return False
    source = text(function_of(declaration))
    name = names[0]
    sorted_here = any(f"{sort}{name}," in source or f"{sort}{name})" in source for sort in _SORTS)
    grown = f"append({name}," in source or f"{name} = " in source
    return sorted_here and not grown


def _element(node: Node, target: GoType, env: Env) -> str:
    inner = (
        node.named_children[0] if node.type == "literal_element" and node.named_children else node
    )
    if inner.type == "literal_value":
        elem = target.elem if isinstance(target, TPointer) else target
        return literal(elem, inner, env).text
    value = expr(inner, env)
    return coerce(value, _target(target, env), env)


def _target(t: GoType, env: Env) -> str:
    if isinstance(t, TPointer):
        return rust_type(t.elem, env)
    return rust_type(t, env)


def _struct_literal(node: Node, t: TName, elements: list[Node], env: Env) -> E:
    from go2rs.idioms.structs import derives_for, field_type

    struct = env.ctx.program.struct(t.name)
    assert struct is not None
    if colliding_fields(t.name, env):
        raise Untranslatable(node, f"{t.name} has fields whose Rust names collide")
    fields = {_embedded_key(f): f for f in struct.fields}
    given: dict[str, str] = {}  # Go field name -> Rust value
    for i, element in enumerate(elements):
        if element.type == "keyed_element" and len(element.named_children) == 2:
            key, value = element.named_children
            name = text(key).strip()
        else:
            if i >= len(struct.fields):
                raise Untranslatable(element, "positional struct literal")
            name, value = _embedded_key(struct.fields[i]), element
        if name not in fields:
            raise Untranslatable(element, f"field {name}")
        rtype, _ = field_type(t.name, fields[name], env.ctx)
        inner = (
            value.named_children[0]
            if value.type == "literal_element" and value.named_children
            else value
        )
        if rtype.text.startswith("Option<") and inner.type == "nil":
            given[name] = "None"
            continue
        if inner.type == "literal_value":
            ftype = fields[name].type
            rendered = literal(
                ftype.elem if isinstance(ftype, TPointer) else ftype, inner, env
            ).text
        else:
            given_value = expr(inner, env)
            rendered = coerce(given_value, rtype.text, env)
            if (given_value.rust or "").startswith("Option<"):  # already nil-able: as it is
                given[name] = rendered
                continue
        if rtype.text.startswith("Option<Box<") and not rendered.startswith(("Some(", "None")):
            rendered = f"Some(Box::new({rendered}))"
        elif rtype.text.startswith("Option<") and not rendered.startswith(("Some(", "None")):
            rendered = f"Some({rendered})"
        given[name] = rendered
    plan = env.ctx.decisions.mutexes.get(t.name)
    if plan is not None:
        rust_fields = _locked_fields(node, t, plan, given, env)
        kept = len(fields) - len(plan.guarded)  # the mutex and what it guards: one field
    else:
        rust_fields, kept = {_snake(name): value for name, value in given.items()}, len(fields)
    decl = env.ctx.program.types.get(t.name)
    if plan is None and decl is not None and decl.type_params and len(rust_fields) < kept:
        # derive(Default) on a generic struct bounds every parameter by Default: the
        # fields the literal leaves out get their zero values spelled out instead.
        from go2rs.bodies.calls import zero_value

        args = dict(zip((p.name for p in decl.type_params), t.args, strict=False))
        for f in struct.fields:
            missing = _embedded_key(f)
            if missing not in given:
                with type_params_in_scope(env.ctx, decl.type_params):  # the declared type
                    rtype, _ = field_type(t.name, f, env.ctx)
                zero = "None" if rtype.text.startswith("Option<") else None
                rust_fields[_snake(missing)] = zero or zero_value(substitute(f.type, args), env)
    parts = [n if value == n else f"{n}: {value}" for n, value in rust_fields.items()]
    if len(rust_fields) < kept:
        if "Default" not in derives_for(t.name, env.ctx):
            raise Untranslatable(
                node, f"{t.name} literal leaves fields to zero values, and the type has no Default"
            )
        parts.append("..Default::default()")
    name = env.ctx.type_name(t.name)
    return E(f"{name} {{ {', '.join(parts)} }}", t, name)


def _locked_fields(
    node: Node, t: TName, plan: MutexPlan, given: dict[str, str], env: Env
) -> dict[str, str]:
    """The literal's fields in Rust: the mutex and the fields it guards become one lock
    field built around them (`state: Mutex::new(State { .. })`); the others keep their
    Rust names."""
    from go2rs.idioms.structs import lock_field_name, lock_is_tokio, state_name

    if plan.mutex_field in given:
        raise Untranslatable(node, "a struct literal that sets the mutex itself")
    from go2rs.bodies.calls import zero_value

    struct = env.ctx.program.struct(t.name)
    assert struct is not None
    types = {f.name: f.type for f in struct.fields}
    guarded = {  # Go's zero values, not Default: a generic state need not be Default
        name: given[name] if name in given else zero_value(types[name], env)
        for name in plan.guarded
    }
    if len(plan.guarded) == 1:
        inner = guarded[plan.guarded[0]]
    else:
        parts = [f"{_snake(name)}: {value}" for name, value in guarded.items()]
        inner = f"{state_name(t.name, env.ctx)} {{ {', '.join(parts)} }}"
    lock = "RwLock" if plan.rw else "Mutex"
    built = f"{'tokio::sync::' if lock_is_tokio(t.name, env.ctx) else ''}{lock}::new({inner})"
    if plan.arc:
        built = f"Arc::new({built})"
    out = {_snake(name): value for name, value in given.items() if name not in plan.guarded}
    out[lock_field_name(plan)] = built
    return out


def _embedded_key(field: Field) -> str:
    """A struct literal keys an embedded field by its type name: `Admin{User: u}`."""
    if field.name is not None:
        return field.name
    t = field.type.elem if isinstance(field.type, TPointer) else field.type
    return t.name if isinstance(t, TName) else ""


def _func_literal(node: Node, env: Env) -> E:
    from go2rs.bodies.stmts import closure

    return closure(node, env)


def _call(node: Node, env: Env) -> E:
    from go2rs.bodies.calls import call

    return call(node, env)


def _type_conversion(node: Node, env: Env) -> E:
    """`[]byte("..")` where tree-sitter reads a conversion, not a call: the same rules."""
    from go2rs.bodies.calls import type_conversion

    operand = node.child_by_field_name("operand")
    if operand is None:
        raise Untranslatable(node, "type conversion expression")
    written = node.child_by_field_name("type")
    generic = written.child_by_field_name("type") if written is not None else None
    if written is not None and written.type == "generic_type" and generic is not None:
        decl = env.ctx.program.funcs.get(text(generic))
        if decl is not None and env.lookup(text(generic)) is None:  # `f[K, V](x)`: a call
            from go2rs.bodies.calls import local_call, type_arguments

            explicit = type_arguments(written.child_by_field_name("type_arguments"), env)
            return local_call(decl, [operand], node, env, explicit)
    return type_conversion(go_type(written, env), [operand], node, env)


def _composite(node: Node, env: Env) -> E:
    return composite(node, env)


_HANDLERS: dict[str, Callable[[Node, Env], E]] = {
    "identifier": _identifier,
    "int_literal": _int_literal,
    "float_literal": _float_literal,
    "interpreted_string_literal": _string_literal,
    "raw_string_literal": _string_literal,
    "rune_literal": _rune_literal,
    "true": _bool,
    "false": _bool,
    "nil": _nil,
    "parenthesized_expression": _paren,
    "binary_expression": _binary,
    "unary_expression": _unary,
    "selector_expression": _selector,
    "index_expression": _index,
    "slice_expression": _slice,
    "composite_literal": _composite,
    "func_literal": _func_literal,
    "call_expression": _call,
    "type_conversion_expression": _type_conversion,
}
