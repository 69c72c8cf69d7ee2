"""Go constant expressions of float type, evaluated exactly (Go's constants are arbitrary
precision), and Go's %v text for a float64: Rust's `{}` never uses an exponent, Go's does
from 1e+06 up and below 1e-04, so printing a float constant folds it to Go's text."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from tree_sitter import Node

from go2rs.bodies.env import Env
from go2rs.gomodel import EBinary, ECall, EIdent, ELit, EUnary, Expr, TName
from go2rs.parse.lower import lower_expr, text
from go2rs.parse.parser import root_of

Const = tuple[Fraction, bool]  # the exact value, and whether it is of float kind
_MAX_DEPTH = 20  # constants naming constants: deep enough for code, bounded for cycles


def constant_value(node: Node, env: Env) -> Const | None:
    """The value of a constant expression in a body (literals, local and package consts,
    + - * / << >>, float64(..)), or None when it is not one go2rs can evaluate exactly."""
    return _node_value(node, env, 0)


def _node_value(node: Node | None, env: Env, depth: int) -> Const | None:
    if node is None or depth > _MAX_DEPTH:
        return None
    if node.type == "identifier":
        return _named(text(node), node, env, depth)
    if node.type == "parenthesized_expression" and node.named_children:
        return _node_value(node.named_children[0], env, depth + 1)
    if node.type in ("int_literal", "float_literal"):
        return _expr_value(lower_expr(node), env, depth + 1)
    if node.type == "unary_expression":
        inner = _node_value(node.child_by_field_name("operand"), env, depth + 1)
        op = text(node.child_by_field_name("operator"))
        if inner is None or op not in ("-", "+"):
            return None
        return (-inner[0] if op == "-" else inner[0]), inner[1]
    if node.type == "binary_expression":
        left = _node_value(node.child_by_field_name("left"), env, depth + 1)
        right = _node_value(node.child_by_field_name("right"), env, depth + 1)
        return _arith(text(node.child_by_field_name("operator")), left, right)
    if node.type == "call_expression":
        return _expr_value(lower_expr(node), env, depth + 1)
    return None


def _named(name: str, node: Node, env: Env, depth: int) -> Const | None:
    """A local const (its declaration is found in the enclosing function) or a package one;
    a local variable of the same name is not a constant."""
    if name in env.local_consts:
        spec = _local_spec(name, node)
        if spec is None:
            return None
        if spec.child_by_field_name("type") is not None and not _float_type(spec):
            return None
        values = spec.child_by_field_name("value")
        names = spec.children_by_field_name("name")
        if values is None or len(values.named_children) != len(names):
            return None
        index = [text(n) for n in names].index(name)
        value = _node_value(values.named_children[index], env, depth + 1)
        return _typed(value, spec, env)
    if env.lookup(name) is not None:
        return None
    package = next((s for s in env.ctx.program.values("const") if s.name == name), None)
    if package is None:
        return None
    value = _expr_value(package.value, env, depth + 1)
    if package.type is not None:
        if package.type not in (TName("float64"), TName("int")):
            return None
        return (value[0], package.type == TName("float64")) if value is not None else None
    return value


def _float_type(spec: Node) -> bool:
    return text(spec.child_by_field_name("type")) in ("float64", "int")


def _typed(value: Const | None, spec: Node, env: Env) -> Const | None:
    type_node = spec.child_by_field_name("type")
    if value is None or type_node is None:
        return value
    return value[0], text(type_node) == "float64"


def _local_spec(name: str, node: Node) -> Node | None:
    """The `const` spec declaring `name` in the function around `node`, before it."""
    root = root_of(node)
    found = None
    stack = [root]
    while stack:
        current = stack.pop()
        if current.start_byte > node.start_byte:
            continue
        declares = current.type == "const_spec" and name in (
            text(n) for n in current.children_by_field_name("name")
        )
        if declares and (found is None or current.start_byte > found.start_byte):
            found = current
        stack.extend(current.named_children)
    return found


def _expr_value(expr: Expr | None, env: Env, depth: int) -> Const | None:
    if expr is None or depth > _MAX_DEPTH:
        return None
    match expr:
        case ELit("int", raw):
            from go2rs.idioms.literals import go_int_value

            number = go_int_value(raw)
            return (Fraction(number), False) if number is not None else None
        case ELit("float", raw):
            clean = raw.replace("_", "")
            if clean.lower().startswith("0x"):
                return None
            try:
                parsed = Decimal(clean)
            except ArithmeticError:
                return None
            exponent = parsed.as_tuple().exponent
            if not isinstance(exponent, int) or abs(exponent) > 400:
                return None  # no float64 needs more: do not build a huge exact integer
            return Fraction(parsed), True
        case EIdent(name):
            spec = next((s for s in env.ctx.program.values("const") if s.name == name), None)
            if spec is None or (spec.type is not None and spec.type != TName("float64")):
                return None
            value = _expr_value(spec.value, env, depth + 1)
            if value is not None and spec.type is not None:
                return value[0], True
            return value
        case EUnary("-", operand):
            inner = _expr_value(operand, env, depth + 1)
            return (-inner[0], inner[1]) if inner is not None else None
        case EBinary(op, left, right):
            return _arith(op, _expr_value(left, env, depth + 1), _expr_value(right, env, depth + 1))
        case ECall(EIdent("float64"), (arg,)):
            inner = _expr_value(arg, env, depth + 1)
            return (inner[0], True) if inner is not None else None
    return None


_MAX_BITS = 4096  # far beyond float64's range: bigger constants are not evaluated here


def _arith(op: str, left: Const | None, right: Const | None) -> Const | None:
    result = _arith_unbounded(op, left, right)
    if result is None:
        return None
    value = result[0]
    if max(value.numerator.bit_length(), value.denominator.bit_length()) > _MAX_BITS:
        return None
    return result


def _arith_unbounded(op: str, left: Const | None, right: Const | None) -> Const | None:
    if left is None or right is None:
        return None
    (a, a_float), (b, b_float) = left, right
    is_float = a_float or b_float
    if op == "+":
        return a + b, is_float
    if op == "-":
        return a - b, is_float
    if op == "*":
        return a * b, is_float
    integers = not is_float and a.denominator == 1 and b.denominator == 1
    if op in ("<<", ">>") and integers and 0 <= b <= 1024:
        shifted = a.numerator << int(b) if op == "<<" else a.numerator >> int(b)
        return Fraction(shifted), False
    if op == "/" and b != 0:
        if is_float:
            return a / b, True
        quotient = abs(a.numerator) // abs(b.numerator)  # integer constants truncate
        return Fraction(quotient if (a < 0) == (b < 0) else -quotient), False
    return None


def go_float_text(x: float) -> str:
    """Go's %v of a float64: the shortest digits that read back as `x`, in exponent form
    when the decimal exponent is below -4 or at least 6 (what `go run` prints)."""
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "+Inf" if x > 0 else "-Inf"
    if x == 0:
        return "-0" if str(x).startswith("-") else "0"
    sign, digits, exponent = Decimal(repr(x)).normalize().as_tuple()
    assert isinstance(exponent, int)
    shown = "".join(map(str, digits))
    exp10 = len(shown) + exponent - 1
    negative = "-" if sign else ""
    if exp10 < -4 or exp10 >= 6:
        mantissa = shown[0] + ("." + shown[1:] if len(shown) > 1 else "")
        return f"{negative}{mantissa}e{'-' if exp10 < 0 else '+'}{abs(exp10):02d}"
    if exponent >= 0:
        return negative + shown + "0" * exponent
    point = len(shown) + exponent
    if point > 0:
        return negative + shown[:point] + "." + shown[point:]
    return negative + "0." + "0" * (-point) + shown
