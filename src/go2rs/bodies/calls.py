"""Calls: builtins, conversions, fmt, the standard-library table, and calls of functions and
methods defined in the input (arguments fitted to the Rust signature go2rs gave them)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from tree_sitter import Node

from go2rs.bodies.env import (
    BOOL,
    ERROR,
    INT,
    SHARED_RX,
    STRING,
    E,
    Env,
    Local,
    Untranslatable,
    elem_type,
    is_float,
    is_int,
    is_string,
)
from go2rs.bodies.exprs import (
    any_value,
    coerce,
    constant_int,
    expr,
    go_type,
    index_text,
    owned,
    rust_type,
    underlying,
)
from go2rs.bodies.fmtverbs import Verb, rehole, translate_format
from go2rs.bodies.stdlib import STD, StdFn, std_key
from go2rs.context import Sink
from go2rs.gomodel import (
    FuncDecl,
    GoType,
    TArray,
    TChan,
    TInterface,
    TMap,
    TName,
    TPointer,
    TSlice,
    TStruct,
    TUnknown,
    infer_type_params,
    substitute,
)
from go2rs.idioms import naming
from go2rs.idioms.errors import returns_error
from go2rs.idioms.generics import compared_by_operators, conversion_method
from go2rs.idioms.literals import go_string_value, rust_char, rust_string
from go2rs.parse.lower import text
from go2rs.parse.parser import root_of
from go2rs.rustmodel import Fn

_CASTS = {
    "int": "i64",
    "int64": "i64",
    "int32": "i32",
    "int16": "i16",
    "int8": "i8",
    "uint": "u64",
    "uint64": "u64",
    "uint32": "u32",
    "uint16": "u16",
    "uint8": "u8",
    "byte": "u8",
    "float64": "f64",
    "float32": "f32",
    "uintptr": "usize",
}


def args_of(node: Node) -> list[Node]:
    args = node.child_by_field_name("arguments")
    return [a for a in (args.named_children if args else []) if a.type != "comment"]


def call(node: Node, env: Env) -> E:
    func = node.child_by_field_name("function")
    if func is None:
        raise Untranslatable(node, "call without a function")
    args = args_of(node)
    if func.type == "identifier":
        name = text(func)
        if env.lookup(name) is None and name in _BUILTINS:
            return _BUILTINS[name](node, args, env)
        if env.lookup(name) is None and name in _CASTS | {"string": "", "rune": ""}:
            return _conversion(name, args, node, env)
        if env.lookup(name) is not None:
            return _closure_call(expr(func, env), args, node, env)
        decl = env.ctx.program.funcs.get(name)
        if decl is not None:
            explicit = type_arguments(node.child_by_field_name("type_arguments"), env)
            return local_call(decl, args, node, env, explicit)
        if name in env.ctx.program.types:
            return _named_conversion(name, args, node, env)
        alias = _function_alias(name, env)
        if alias is not None:
            return _package_call(*alias, args, node, env)
        raise Untranslatable(node, f"call of `{name}`, which is not defined in this input")
    if func.type == "selector_expression":
        return _selector_call(func, args, node, env)
    if func.type in ("slice_type", "array_type", "parenthesized_type", "qualified_type"):
        return type_conversion(go_type(func, env), args, node, env)
    raise Untranslatable(node, "call of a computed function")


def _function_alias(name: str, env: Env) -> tuple[str, str] | None:
    """`var p = fmt.Println` at package level, never reassigned: `p(..)` is that call."""
    from go2rs.gomodel import EIdent, ESelector

    spec = next((s for s in env.ctx.program.values("var") if s.name == name), None)
    if spec is None or spec.type is not None or not isinstance(spec.value, ESelector):
        return None
    operand = spec.value.operand
    if not isinstance(operand, EIdent) or operand.name not in env.ctx.program.imports:
        return None
    assigned = re.compile(rf"(?<![\w.]){re.escape(name)}\s*(=[^=]|,[^:=]*=[^=])")
    bodies = [f.body.text for f in env.ctx.program.all_funcs() if f.body is not None]
    if any(assigned.search(body) for body in bodies):
        return None
    return operand.name, spec.value.field


def _closure_call(callee: E, args: list[Node], node: Node, env: Env) -> E:
    """Calling a func-typed local or parameter: arguments fit its Rust Fn signature."""
    from go2rs.bodies.goroutines import CANCEL_FUNC
    from go2rs.gomodel import TFunc
    from go2rs.idioms.types import Pos, map_type

    t = callee.go
    if t == CANCEL_FUNC and not args:
        return E(f"{callee.at(0)}.cancel()", None, "()")
    if isinstance(t, TName) and t.pkg is None and not t.args:  # `type Handler func(..) ..`
        decl = env.ctx.program.types.get(t.name)
        t = decl.type if decl is not None and not decl.type_params else t
    if not isinstance(t, TFunc) or len(t.params) != len(args) or len(t.results) > 1:
        raise Untranslatable(node, "call of a function value of unknown signature")
    rendered = [
        _argument(a, env.ctx.need(map_type(p.type, Pos.PARAM, env.ctx)), env)
        for p, a in zip(t.params, args, strict=True)
    ]
    call = f"{callee.at(0)}({', '.join(rendered)})"
    if returns_error(t.results):  # `func() error` is `Fn() -> Result<(), E>` in Rust
        return E(call, None, "()", fallible=True)
    result = t.results[0].type if t.results else None
    return E(call, result, rust_type(result, env) if result is not None else None)


# ------------------------------------------------------------------------- conversions


def _conversion(name: str, args: list[Node], node: Node, env: Env) -> E:
    if len(args) != 1:
        raise Untranslatable(node, "conversion with several arguments")
    value = underlying(expr(args[0], env), env)
    if name == "string":
        if value.go == TName("rune"):
            return E(f"{value.at(0)}.to_string()", STRING, "String")
        if value.go == TSlice(TName("byte")):
            return E(f"String::from_utf8_lossy(&{value.at(1)}).into_owned()", STRING, "String")
        if value.go == TSlice(TName("rune")):
            return E(f"{value.at(0)}.iter().collect::<String>()", STRING, "String")
        if is_string(value.go):
            return value
        raise Untranslatable(node, "string(..) of an integer (a rune conversion)")
    if name == "rune":
        if value.go == TName("byte"):
            return E(f"{value.at(2)} as char", TName("rune"), "char", 2)
        raise Untranslatable(node, "rune(..) conversion")
    target = _CASTS[name]
    if isinstance(value.go, TName) and value.go.name in env.type_caps:
        if "convert" not in env.type_caps[value.go.name]:
            raise Untranslatable(node, f"a numeric conversion of type parameter {value.go.name}")
        via = "f64" if target in ("f64", "f32") else "i64"  # the numeric trait's conversions
        converted = f"{value.at(0)}.{conversion_method(via)}()"
        if via == target:
            return E(converted, TName(name), target)
        return E(f"{converted} as {target}", TName(name), target, 2)
    if value.rust == target:
        return E(value.text, TName(name), target, value.prec)
    if value.text.lstrip("-").isdigit() and not is_float(TName(name)):
        return E(value.text, TName(name), target)
    return E(f"{value.at(2)} as {target}", TName(name), target, 2)


def _named_conversion(name: str, args: list[Node], node: Node, env: Env) -> E:
    """`Celsius(x)` on a local named basic type -> the newtype constructor."""
    from go2rs.idioms.enums import underlying_basic

    decl = env.ctx.program.types[name]
    basic = underlying_basic(decl)
    if basic is None or name in env.ctx.decisions.enums or len(args) != 1:
        raise Untranslatable(node, f"conversion to {name}")
    value = expr(args[0], env)
    inner = rust_type(TName(basic), env)
    return E(
        f"{env.ctx.type_name(name)}({coerce(value, inner, env)})",
        TName(name),
        env.ctx.type_name(name),
    )


def type_conversion(t: GoType, args: list[Node], node: Node, env: Env) -> E:
    if len(args) != 1:
        raise Untranslatable(node, "conversion")
    value = expr(args[0], env)
    if t == TSlice(TName("byte")) and is_string(value.go):
        return E(f"{value.at(0)}.as_bytes().to_vec()", t, "Vec<u8>")
    if t == TSlice(TName("rune")) and is_string(value.go):
        return E(f"{value.at(0)}.chars().collect::<Vec<char>>()", t, "Vec<char>")
    raise Untranslatable(node, "type conversion")


# ---------------------------------------------------------------------------- builtins


def _len(node: Node, args: list[Node], env: Env) -> E:
    if args[0].type == "identifier":
        local = env.lookup(text(args[0]))
        if local is not None and local.chan_pair:  # buffered messages: the receiver knows
            from go2rs.bodies.channels import rx_half

            return E(f"{rx_half(local, env, node)}.len()", INT, "usize")
    value = underlying(expr(args[0], env), env)
    if isinstance(value.go, TChan):
        raise Untranslatable(node, "len of a channel")
    return E(f"{value.at(0)}.len()", INT, "usize")


def _cap(node: Node, args: list[Node], env: Env) -> E:
    if args[0].type == "identifier":
        local = env.lookup(text(args[0]))
        if local is not None and local.chan_pair:
            from go2rs.bodies.channels import rx_half

            return E(f"{rx_half(local, env, node)}.max_capacity()", INT, "usize")
    value = expr(args[0], env)
    if isinstance(value.go, TChan):
        raise Untranslatable(node, "cap of a channel")
    return E(f"{value.at(0)}.capacity()", INT, "usize")


def zero_value(t: GoType, env: Env) -> str:
    if is_int(t):
        return "0"
    if is_float(t):
        return "0.0"
    if t == BOOL:
        return "false"
    if is_string(t):
        return "String::new()"
    if t == TName("rune"):
        return "'\\0'"
    if isinstance(t, TSlice | TMap):
        return f"{rust_type(t, env).split('<')[0]}::new()"
    if isinstance(t, TName) and t.name in env.type_caps:
        if "default" not in env.type_caps[t.name]:
            raise Untranslatable(None, f"zero value of type parameter {t.name} (no Default bound)")
        return f"{t.name}::default()"
    if isinstance(t, TArray) and t.length.isdigit():
        return f"[{zero_value(t.elem, env)}; {t.length}]"
    if isinstance(t, TPointer):
        raise Untranslatable(None, "a nil pointer variable (an Option go2rs did not plan)")
    rust = rust_type(t, env)
    if (
        rust.startswith(("Box<dyn", "&", "impl "))
        or not rust.replace("_", "").replace("::", "").isalnum()
    ):
        raise Untranslatable(None, f"zero value of {rust}")
    if "::" in rust:  # a path type (serde_json::Value, another package's crate:: type)
        from go2rs.idioms.types import Pos, map_type

        if not map_type(t, Pos.FIELD, env.ctx).default:
            raise Untranslatable(None, f"zero value of {rust}, which has no Default")
    if rust in env.ctx.sink.placeholders:  # Go's zero value of a type go2rs does not know
        raise Untranslatable(None, f"zero value of the placeholder {rust}")
    return f"{rust}::default()"


def _make(node: Node, args: list[Node], env: Env) -> E:
    t = go_type(args[0], env)
    if isinstance(t, TSlice):
        rust = rust_type(t, env)
        if len(args) == 3:
            return E(f"Vec::with_capacity({index_text(expr(args[2], env))})", t, rust)
        if len(args) == 2:
            size = index_text(expr(args[1], env))
            if size == "0":
                return E("Vec::new()", t, rust)
            return E(f"vec![{zero_value(t.elem, env)}; {size}]", t, rust)
    if isinstance(t, TMap):
        rust = rust_type(t, env)
        return E(f"{rust.split('<')[0]}::new()", t, rust)
    made = env.made_channels.get((node.start_byte, node.end_byte))
    if made is not None:  # made before its struct literal (channels.channel_fields)
        return made
    raise Untranslatable(node, "make of a channel outside `ch := make(..)`")


def _new(node: Node, args: list[Node], env: Env) -> E:
    t = go_type(args[0], env)
    return E(zero_value(t, env), t, rust_type(t, env))


def _panic(node: Node, args: list[Node], env: Env) -> E:
    value = expr(args[0], env)
    if value.rust == "&str" and value.text.startswith('"'):
        return E(f"panic!({value.text.replace('{', '{{').replace('}', '}}')})", None, "!")
    return E(f'panic!("{{}}", {value.text})', None, "!")


def _min_max(name: str) -> Callable[[Node, list[Node], Env], E]:
    def build(node: Node, args: list[Node], env: Env) -> E:
        values = [expr(a, env) for a in args]
        result = values[0]
        for value in values[1:]:
            result = E(
                f"{result.at(0)}.{name}({coerce(value, result.rust, env)})", result.go, result.rust
            )
        return result

    return build


def _copy(node: Node, args: list[Node], env: Env) -> E:
    """`copy(dst, src)` copies min(len) elements and returns how many."""
    from go2rs.bodies.exprs import cloneable, copyable

    dst, src = underlying(expr(args[0], env), env), underlying(expr(args[1], env), env)
    elem = elem_type(dst.go)
    if elem is None or not cloneable(elem, env):
        raise Untranslatable(node, "copy of elements that are not Clone")
    method = "copy_from_slice" if copyable(elem, env) else "clone_from_slice"
    # Go evaluates the source once; copy(bytes, text) copies the text's UTF-8 bytes.
    source = f"&{src.at(1)}; let src = src.as_bytes()" if is_string(src.go) else f"&{src.at(0)}[..]"
    text_value = (
        f"{{ let src = {source}; let n = {dst.at(0)}.len().min(src.len()); "
        f"{dst.at(0)}[..n].{method}(&src[..n]); n }}"
    )
    return E(text_value, INT, "usize")


def _delete(node: Node, args: list[Node], env: Env) -> E:
    container, key = expr(args[0], env), expr(args[1], env)
    key_text = key.text if key.rust == "&str" else f"&{key.at(1)}"
    return E(f"{container.at(0)}.remove({key_text})", None, "()")


def _close(node: Node, args: list[Node], env: Env) -> E:
    from go2rs.bodies.channels import close

    return close(args[0], env)


def _append(node: Node, args: list[Node], env: Env) -> E:
    raise Untranslatable(node, "append outside `s = append(s, ..)`")


def _println(node: Node, args: list[Node], env: Env) -> E:
    return _print_values("eprintln", args, env, spaces=True)


_BUILTINS = {
    "len": _len,
    "cap": _cap,
    "make": _make,
    "new": _new,
    "panic": _panic,
    "min": _min_max("min"),
    "max": _min_max("max"),
    "delete": _delete,
    "close": _close,
    "append": _append,
    "println": _println,
    "copy": _copy,
}


# ---------------------------------------------------------------------------------- fmt


def displayable(t: GoType | None, env: Env) -> bool:
    """Whether `{}` prints a value of Go type `t` (else `{:?}`)."""
    if t is None:
        return False
    if is_int(t) or is_float(t) or is_string(t) or t in (BOOL, TName("rune"), ERROR):
        return True
    base = t.elem if isinstance(t, TPointer) else t
    if isinstance(base, TName) and base.pkg is None:
        decisions = env.ctx.decisions
        return base.name in decisions.display_types or base.name in decisions.error_types
    return isinstance(base, TName) and base.pkg == "time"


def go_printed(value: E, env: Env, names: bool = False, pointer: bool = False) -> E:
    """A value as Go's %v prints it, where Rust's Display differs: runes print their code
    point, slices of printable values print as `[a b c]`, structs as `{a b}` (and a pointer
    to one as `&{a b}`; `pointer`: the operand is one though go2rs typed the value)."""
    if value.go == TName("rune"):
        number = str(ord(value.literal)) if value.literal else None
        return E(f"{value.at(2)} as i32", INT, "i32", 2, literal=number)
    if value.go == TName("Duration", "time") and value.rust == "Duration":
        from go2rs.bodies.stdlib import GO_DURATION, go_duration

        env.uses.add(GO_DURATION)
        return E(go_duration(value.at(0)), STRING, "String")  # Go's String(), not Debug
    shown = _go_slice_text(value.go, value.at(0), env, depth=0)
    if shown is not None:
        formatted = Formatted("format", "[{}]", (shown,))
        return E(formatted.text, STRING, "String", fmt=formatted)
    entries = _go_map_text(value, env)
    if entries is not None:
        formatted = Formatted("format", "map[{}]", (entries,))
        return E(formatted.text, STRING, "String", fmt=formatted)
    target = value.go
    if isinstance(target, TPointer) and value.text.startswith("&mut "):
        # printing `&x` only reads it: a shared borrow (a &mut beside other reads of x
        # would not compile)
        value = dataclasses.replace(value, text="&" + value.text[len("&mut ") :])
    if isinstance(target, TPointer) and not (value.rust or "").startswith("Option<"):
        target, pointer = target.elem, True
    if _plain_struct(target, env, pointer=pointer) is None:
        return value
    simple = _SIMPLE_PATH.fullmatch(value.text) is not None
    subject = value.text if simple else "v"
    parts = _go_struct_parts(target, subject, env, 0, names, pointer=pointer)
    if parts is None:
        return value
    formatted = Formatted("format", ("&" if pointer else "") + parts[0], parts[1])
    if simple:
        return E(formatted.text, STRING, "String", fmt=formatted)
    # Go evaluates the operand once: bind it rather than repeat it per field.
    return E(f"{{ let v = &{value.at(1)}; {formatted.text} }}", STRING, "String")


def _stringer_called(t: GoType | None, env: Env, exported: bool, pointer: bool) -> bool:
    """Whether Go's fmt calls the String/Error method of a value of local type `t`: not for
    an unexported field (fmt cannot reach it), nor on a value whose method has a pointer
    receiver (the value is not addressable there)."""
    if not isinstance(t, TName) or t.pkg is not None or not displayable(t, env):
        return False
    if not exported:
        return False
    methods = env.ctx.program.method_names(t.name)
    method = methods.get("String") or methods.get("Error")
    return method is None or method.receiver is None or pointer or not method.receiver.pointer


def _go_map_text(value: E, env: Env) -> str | None:
    """`map[a:1 b:2]`: Go prints a map's entries sorted by key (a HashMap iterates in any
    order), for integer and string keys and values that print the same in both."""
    from go2rs.bodies.env import is_set

    t = value.go
    if not isinstance(t, TMap) or is_set(t) or not (is_int(t.key) or is_string(t.key)):
        return None
    shown = t.value
    if not (is_int(shown) or is_string(shown) or shown == BOOL):
        return None
    return (
        f"{{ let map = &{value.at(1)}; let mut entries: Vec<_> = map.iter().collect(); "
        "entries.sort_by_key(|entry| entry.0); "
        'entries.iter().map(|(k, v)| format!("{k}:{v}")).collect::<Vec<_>>().join(" ") }'
    )


def _plain_struct(
    t: GoType | None, env: Env, exported: bool = True, pointer: bool = False
) -> list[tuple[str, GoType, bool]] | None:
    """(Rust field, Go type, exported) of a local struct Go prints field by field (`{a b}`):
    not one whose String/Error method Go calls, nor one whose fields moved into a lock."""
    if isinstance(t, TStruct):  # an anonymous struct: a tuple, fields by position
        if any(f.name is None for f in t.fields):
            return None
        return [(str(i), f.type, (f.name or "")[:1].isupper()) for i, f in enumerate(t.fields)]
    if not isinstance(t, TName) or t.pkg is not None or _stringer_called(t, env, exported, pointer):
        return None
    if t.name in env.ctx.decisions.error_types:
        return None  # an error's fields are private to its Display; keep what Rust shows
    from go2rs.bodies.exprs import colliding_fields

    if colliding_fields(t.name, env):
        return None
    struct = env.ctx.program.struct(t.name)
    if struct is None or t.name in env.ctx.decisions.mutexes:
        return None
    fields = []
    for field in struct.fields:
        named = field.type.elem if isinstance(field.type, TPointer) else field.type
        go_name = field.name or (named.name if isinstance(named, TName) else "")
        if not go_name:
            return None
        fields.append((naming.snake(go_name), field.type, go_name[:1].isupper()))
    return fields


def _go_struct_parts(
    t: GoType | None,
    subject: str,
    env: Env,
    depth: int,
    names: bool = False,
    exported: bool = True,
    pointer: bool = False,
) -> tuple[str, tuple[str, ...]] | None:
    """Go's `{f1 f2}` for a struct value: a format template and its arguments. Fields Go
    prints differently from Rust's Display (pointers: an address; maps; interfaces) leave it
    to `{:?}`; a field's String method is used where Go's fmt calls it."""
    fields = _plain_struct(t, env, exported, pointer)
    if fields is None or depth > 2:
        return None
    holes: list[str] = []
    args: list[str] = []
    for (rust_name, ftype, public), go_name in zip(fields, _go_field_names(t, env), strict=True):
        path = f"{subject}.{rust_name}"
        label = f"{go_name}:" if names else ""  # %+v prints `{X:1 y:2}`
        basic = is_int(ftype) or is_float(ftype) or is_string(ftype) or ftype == BOOL
        if ftype == TName("rune"):  # Go prints a rune field as its number
            holes.append(label + "{}")
            args.append(f"{path} as i32")
            continue
        if basic or _stringer_called(ftype, env, public, pointer=False):
            holes.append(label + "{}")
            args.append(path)
            continue
        if _newtype_of_basic(ftype, env):  # Go prints the underlying value
            holes.append(label + "{}")
            args.append(f"{path}.0")
            continue
        shown = _go_slice_text(ftype, path, env, depth + 1)
        if shown is not None and not names:
            holes.append("[{}]")
            args.append(shown)
            continue
        inner = _go_struct_parts(ftype, path, env, depth + 1, names, exported=public)
        if inner is None:
            return None
        holes.append(label + inner[0])
        args.extend(inner[1])
    return "{{" + " ".join(holes) + "}}", tuple(args)


def _newtype_of_basic(t: GoType | None, env: Env) -> bool:
    """A local named int/float/string/bool type that go2rs made a newtype (not an enum)."""
    from go2rs.idioms.enums import underlying_basic

    if not isinstance(t, TName) or t.pkg is not None or t.name in env.ctx.decisions.enums:
        return False
    decl = env.ctx.program.types.get(t.name)
    if decl is None or decl.alias:
        return False
    basic = underlying_basic(decl)
    return (
        basic is not None
        and basic != "rune"
        and (is_int(TName(basic)) or is_float(TName(basic)) or basic in ("string", "bool"))
    )


def _go_field_names(t: GoType | None, env: Env) -> list[str]:
    """The Go names of a struct's fields (an embedded field is named by its type)."""
    struct = env.ctx.program.struct(t.name) if isinstance(t, TName) else None
    fields = t.fields if isinstance(t, TStruct) else struct.fields if struct else ()
    out = []
    for field in fields:
        named = field.type.elem if isinstance(field.type, TPointer) else field.type
        out.append(field.name or (named.name if isinstance(named, TName) else ""))
    return out


def _go_slice_text(t: GoType | None, subject: str, env: Env, depth: int) -> str | None:
    """`[1 2 3]` / `[[0 1] [1 2]]` / `[{a 1} {b 2}]`: the elements joined with spaces, as Go
    prints slices."""
    if not isinstance(t, TSlice | TArray) or depth > 2:
        return None
    elem = t.elem
    var = "x" if depth == 0 else f"x{depth}"
    if displayable(elem, env) and elem != TName("rune"):
        item = f"{var}.to_string()"
    elif (parts := _go_struct_parts(elem, var, env, depth + 1)) is not None:
        item = Formatted("format", *parts).text
    else:
        inner = _go_slice_text(elem, var, env, depth + 1)
        if inner is None:
            return None
        item = 'format!("[{}]", ' + inner + ")"
    return subject + ".iter().map(|" + var + "| " + item + ').collect::<Vec<_>>().join(" ")'


def _check_debug_prints_as_go(value: E, env: Env) -> None:
    """`{:?}` is the fallback for a value without Display; for a known Go composite type
    (a struct, slice, map, pointer) Rust's Debug text is never Go's: stay untranslated
    rather than print something else. (A value of unknown type, e.g. a constant, keeps it.)"""
    t = value.go
    if t is None or is_int(t) or is_float(t) or t == BOOL:
        return
    shown = t.name if isinstance(t, TName) else type(t).__name__.removeprefix("T").lower()
    raise Untranslatable(None, f"printing a {shown} value, whose Go text go2rs does not build")


def _print_args(args: list[Node], env: Env) -> tuple[list[E], list[bool]]:
    """Println's operands, and which of them are Go strings (Print spaces the others); a
    float constant is printed here as Go prints it (`6e+11`), which Rust's `{}` (never an
    exponent) cannot, and a local declared as `&T{..}` (go2rs types it as the T it builds)
    prints as the pointer it is in Go."""
    out, strings = [], []
    for arg in args:
        value = expr(arg, env)
        strings.append(is_string(value.go))
        value = _go_constant_float(arg, env) or value
        out.append(go_printed(value, env, pointer=True) if _declared_address(arg) else value)
    return out, strings


def _declared_address(node: Node) -> bool:
    """Whether identifier `node` was last declared (before it, in its function) with
    `name := &T{..}` or `var name = &T{..}`."""
    if node.type != "identifier":
        return False
    name = text(node)
    root = root_of(node)
    latest: tuple[int, bool] | None = None  # (where, declared as an address)
    stack = [root]
    while stack:
        current = stack.pop()
        stack.extend(current.named_children)
        if current.start_byte > node.start_byte:
            continue
        if current.type == "short_var_declaration":
            left, right = current.child_by_field_name("left"), current.child_by_field_name("right")
        elif current.type == "var_spec":
            left, right = current, current.child_by_field_name("value")
        else:
            continue
        if left is None:
            continue
        declared = (
            left.children_by_field_name("name")
            if current.type == "var_spec"
            else left.named_children
        )
        names = [text(n) for n in declared]
        if name not in names or (latest is not None and latest[0] > current.start_byte):
            continue
        values = right.named_children if right else []
        value = values[names.index(name)] if len(values) == len(names) else None
        inner = value.child_by_field_name("operand") if value is not None else None
        address = (
            value is not None
            and value.type == "unary_expression"
            and text(value).startswith("&")
            and inner is not None
            and inner.type == "composite_literal"
        )
        latest = (current.start_byte, address)
    return latest is not None and latest[1]


def _go_constant_float(node: Node, env: Env) -> E | None:
    """A float64 constant Go prints in exponent form, folded to that text."""
    from go2rs.bodies.constfloat import constant_value, go_float_text

    value = constant_value(node, env)
    if value is None or not value[1]:
        return None
    shown = go_float_text(float(value[0]))
    if "e" not in shown:
        return None  # Rust's `{}` prints the same plain digits
    return E(rust_string(shown), STRING, "&str", literal=shown)


def _printable(value: E, node: Node | None) -> E:
    """Go prints an interface value as its dynamic value; a `Box<dyn Any>` has no Display
    and its Debug shows `Any { .. }`, so printing one stays untranslated."""
    if isinstance(value.go, TInterface) or value.go == TName("any"):
        raise Untranslatable(node, "printing an interface value (Go prints its dynamic value)")
    if value.go == ERROR and (value.rust or "").startswith("Option<"):  # Go prints nil as <nil>
        text = f'{value.at(0)}.as_ref().map_or("<nil>".to_string(), |e| e.to_string())'
        return E(text, STRING, "String")
    return value


def _print_values(macro: str, args: list[Node], env: Env, spaces: bool) -> E:
    """Println/Print: one hole per value, spaced the way Go spaces them (Print: a space
    between operands when neither is a string, judged by their Go types)."""
    values, strings = _print_args(args, env)
    values = [go_printed(_printable(v, None), env) for v in values]
    holes = []
    for i, value in enumerate(values):
        hole = "{}" if displayable(value.go, env) else "{:?}"
        if hole == "{:?}":
            _check_debug_prints_as_go(value, env)
        if i and (spaces or not (strings[i - 1] or strings[i])):
            hole = " " + hole
        holes.append(hole)
    newline = macro.endswith("ln")
    formatted = render_format(
        macro.removesuffix("ln"), "".join(holes) + ("\n" if newline else ""), values
    )
    return E(formatted.text, None, "()", fmt=formatted)


def format_call(macro: str, args: list[Node], node: Node, env: Env) -> Formatted:
    """`Printf("x=%d", x)` -> `print!("x={}", x)` (the macro name is the caller's)."""
    if not args or args[0].type not in ("interpreted_string_literal", "raw_string_literal"):
        raise Untranslatable(node, "format string that is not a literal")
    value = go_string_value(text(args[0]))
    translated = translate_format(value) if value is not None else None
    if translated is None:
        raise Untranslatable(node, "format verbs go2rs does not map")
    rust_format, verbs = translated
    values = [_printable(expr(a, env), a) for a in args[1:]]
    if len(values) != len(verbs):
        raise Untranslatable(node, "format verbs and arguments do not match")
    adjusted = [
        _verb_value(v, verb, a, env) for v, verb, a in zip(values, verbs, args[1:], strict=True)
    ]
    values, verbs = [v for v, _ in adjusted], [verb for _, verb in adjusted]
    rust_format = rehole(rust_format, verbs)
    return render_format(macro, _debug_holes(rust_format, verbs, values, env), values)


def _verb_value(value: E, verb: Verb, node: Node, env: Env) -> tuple[E, Verb]:
    """One argument as its Go verb prints it, where Rust's same-looking spec differs."""
    value, verb = _verb_value_unaligned(value, verb, node, env)
    numeric = is_int(value.go) or is_float(value.go)
    if verb.width and not numeric and not verb.flags.replace("+", "").replace("#", ""):
        # Go pads on the left unless `-`; Rust's default for text is the right side.
        return value, dataclasses.replace(verb, spec=">" + verb.spec)
    return value, verb


def _verb_value_unaligned(value: E, verb: Verb, node: Node, env: Env) -> tuple[E, Verb]:
    if verb.kind == "v" and (folded := _go_constant_float(node, env)) is not None:
        return folded, dataclasses.replace(verb, spec=verb.spec.replace("+", ""))
    if verb.kind in ("v", "d"):
        names = verb.kind == "v" and "+" in verb.flags  # %+v: field names, never a sign
        spec = verb.spec.replace("+", "") if verb.kind == "v" else verb.spec
        pointer = verb.kind == "v" and _declared_address(node)
        printed = go_printed(value, env, names=names, pointer=pointer)
        return printed, dataclasses.replace(verb, spec=spec)
    if verb.kind == "s" and value.go == TName("Duration", "time"):  # its String method
        return go_printed(value, env), verb
    if verb.kind == "T":
        shown = _go_type_name(value, node, env)
        if shown is None:
            raise Untranslatable(node, "%T of a value whose exact type go2rs does not know")
        return E(rust_string(shown), STRING, "&str", literal=shown), verb
    if verb.kind == "c":
        return _char_value(value, node), verb
    if verb.kind in ("e", "E"):
        return _exponent_value(value, verb, node)
    if verb.kind == "U":
        return _code_point_value(value, verb, node)
    if verb.kind in ("x", "X", "o", "b") and is_int(value.go) and value.go != TName("byte"):
        if value.text.lstrip("-").isdigit() and value.text.startswith("-"):
            shown = format(int(value.text), verb.kind)  # Go prints -ff where Rust prints ..f01
            return E(rust_string(shown), STRING, "&str", literal=shown), _plain(verb)
        constant = _NONNEGATIVE_INT.fullmatch(value.text) is not None
        if not constant and not _unsigned(value.go):
            raise Untranslatable(
                node, f"%{verb.kind} of a signed integer (Go prints -ff, Rust two's complement)"
            )
    if verb.kind in ("x", "X") and (is_string(value.go) or value.go == TSlice(TName("byte"))):
        upper = verb.kind == "X"
        if value.literal is not None and is_string(value.go):
            digits = value.literal.encode("utf-8").hex()
            digits = digits.upper() if upper else digits
            return E(rust_string(digits), STRING, "&str", literal=digits), _plain(verb)
        source = f"{value.at(0)}.bytes()" if is_string(value.go) else f"{value.at(0)}.iter()"
        byte = "{b:02X}" if upper else "{b:02x}"
        text_value = f'{source}.map(|b| format!("{byte}")).collect::<String>()'
        return E(text_value, STRING, "String"), _plain(verb)
    return value, verb


_NONNEGATIVE_INT = re.compile(r"0[xob][0-9a-fA-F_]+|[0-9][0-9_]*")


def _unsigned(t: GoType | None) -> bool:
    return isinstance(t, TName) and t.pkg is None and t.name.startswith(("uint", "byte"))


def _code_point_value(value: E, verb: Verb, node: Node) -> tuple[E, Verb]:
    """%U of a constant: `U+0041` (Rust has no spec for it)."""
    code = None
    if value.go == TName("rune") and value.literal is not None and len(value.literal) == 1:
        code = ord(value.literal)
    elif is_int(value.go) and _NONNEGATIVE_INT.fullmatch(value.text) is not None:
        digits = value.text.replace("_", "")
        code = int(digits, 0) if digits[:2].lower() in ("0x", "0o", "0b") else int(digits)
    if code is None or verb.flags or verb.width or verb.precision:
        raise Untranslatable(node, "%U of a computed value")
    shown = f"U+{code:04X}"
    return E(rust_string(shown), STRING, "&str", literal=shown), Verb("", "s", False)


def _plain(verb: Verb) -> Verb:
    """The verb's width and alignment kept, its radix or exponent letter dropped."""
    return dataclasses.replace(verb, spec=verb.spec.rstrip("xXeEob?"))


def _char_value(value: E, node: Node) -> E:
    """%c: the character with that code point (U+FFFD when there is none, as in Go)."""
    rune = TName("rune")
    if value.go == rune:
        return value
    if not is_int(value.go):
        raise Untranslatable(node, "%c of a value that is not an integer")
    if value.literal is not None and value.literal.isdigit():
        code = int(value.literal)
        char = chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return E(rust_char(char), rune, "char", literal=char)
    return E(f"char::from_u32({value.at(2)} as u32).unwrap_or('\\u{{fffd}}')", rune, "char")


_FLOAT_TEXT = re.compile(r"-?\d+(\.\d*)?([eE][-+]?\d+)?")


def _exponent_value(value: E, verb: Verb, node: Node) -> tuple[E, Verb]:
    """%e of a constant: Go's `1.234000e+08` (a signed, two-digit exponent) has no Rust spec,
    so the constant is formatted here, exactly as Go formats it."""
    if not is_float(value.go) or _FLOAT_TEXT.fullmatch(value.text) is None:
        raise Untranslatable(node, "%e of a computed value (Go's exponent form has no Rust spec)")
    if verb.flags.replace("-", ""):
        raise Untranslatable(node, "%e with flags")
    precision = int(verb.precision) if verb.precision and verb.precision.isdigit() else 6
    shown = format(float(value.text), f".{precision}{verb.kind}")
    width = int(verb.width) if verb.width and verb.width.isdigit() else 0
    shown = shown.ljust(width) if "-" in verb.flags else shown.rjust(width)
    plain = Verb("", "s", False)
    return E(rust_string(shown), STRING, "&str", literal=shown), plain


def _go_type_name(value: E, node: Node, env: Env) -> str | None:
    """What %T prints for a value whose static type is its dynamic type (not an interface)."""
    if node.type == "unary_expression":
        return None  # `&T{..}` is typed as the T go2rs builds, not as Go's *T
    if node.type == "int_literal":
        return "int"
    if node.type == "rune_literal":
        return "int32"
    if node.type == "float_literal":
        return "float64"
    return _go_type_text(value.go, env)


def _go_type_text(t: GoType | None, env: Env) -> str | None:
    aliases = {"rune": "int32", "byte": "uint8"}
    if isinstance(t, TName) and t.pkg is None:
        if t.name in ("any", "error") or env.ctx.program.interface(t.name) is not None:
            return None
        if t.name in env.ctx.program.types:
            return f"{env.ctx.program.package}.{t.name}"
        if t.name in env.type_caps:
            return None
        return aliases.get(t.name, t.name)
    if isinstance(t, TSlice):
        inner = _go_type_text(t.elem, env)
        return f"[]{inner}" if inner else None
    if isinstance(t, TArray) and t.length.isdigit():
        inner = _go_type_text(t.elem, env)
        return f"[{t.length}]{inner}" if inner else None
    if isinstance(t, TMap):
        key, val = _go_type_text(t.key, env), _go_type_text(t.value, env)
        return f"map[{key}]{val}" if key and val else None
    if isinstance(t, TPointer):
        inner = _go_type_text(t.elem, env)
        return f"*{inner}" if inner else None
    return None


_SIMPLE_PATH = re.compile(r"(r#)?[A-Za-z_]\w*(\.(r#)?[A-Za-z_]\w*)*")  # `a.b`, `o.r#in`


@dataclass(frozen=True, slots=True)
class Formatted:
    """A format macro call kept structured, so a `format!` inside another can be spliced."""

    macro: str
    template: str  # Rust format string contents, braces escaped
    args: tuple[str, ...]

    @property
    def text(self) -> str:
        if self.macro == "format" and not self.args:  # clippy: useless_format
            plain = self.template.replace("{{", "{").replace("}}", "}")
            return f"{rust_string(plain)}.to_string()"
        if self.macro.endswith("ln") and not self.template and not self.args:
            return f"{self.macro}!()"
        return f"{self.macro}!({rust_string(self.template)}{''.join(', ' + a for a in self.args)})"


def render_format(macro: str, template: str, values: list[E]) -> Formatted:
    """A format macro call; literal arguments are folded into the string (clippy's
    print_literal), nested format! calls are spliced in (format_in_format_args) and
    print!("..\\n") becomes println! (print_with_newline)."""
    out: list[str] = []
    args: list[str] = []
    index = i = 0
    while i < len(template):
        if template.startswith(("{{", "}}"), i):
            out.append(template[i : i + 2])
            i += 2
            continue
        if template[i] == "{":
            end = template.index("}", i)
            hole, value = template[i : end + 1], values[index]
            index += 1
            i = end + 1
            if hole == "{}" and value.literal is not None:
                out.append(value.literal.replace("{", "{{").replace("}", "}}"))
            elif hole == "{}" and value.fmt is not None and value.fmt.macro == "format":
                out.append(value.fmt.template)
                args.extend(value.fmt.args)
            else:
                out.append(hole)
                stripped = value.text.removesuffix(".to_string()")
                sliced = stripped != value.text and stripped.endswith("]")
                shown = value.text
                if hole == "{}" and value.rust == "String" and stripped != value.text:
                    # clippy: to_string_in_format_args (what to_string showed, {} shows)
                    shown = f"&{stripped}" if sliced else stripped
                args.append(shown)
            continue
        out.append(template[i])
        i += 1
    rendered = "".join(out)
    if macro in ("print", "eprint") and rendered.endswith("\n"):
        macro, rendered = macro + "ln", rendered[:-1]
    return Formatted(macro, rendered, tuple(args))


def _debug_holes(rust_format: str, verbs: list[Verb], values: list[E], env: Env) -> str:
    """`%v` holes print with `{:?}` when the value has no Display form."""
    out: list[str] = []
    index = i = 0
    while i < len(rust_format):
        ch = rust_format[i]
        if rust_format.startswith("{{", i) or rust_format.startswith("}}", i):
            out.append(rust_format[i : i + 2])
            i += 2
            continue
        if ch == "{":
            end = rust_format.index("}", i)
            hole = rust_format[i : end + 1]
            verb = verbs[index]
            if verb.debug_if_not_display and not displayable(values[index].go, env):
                _check_debug_prints_as_go(values[index], env)
                hole = hole[:-1] + (":?}" if hole == "{}" else "?}")
            out.append(hole)
            index += 1
            i = end + 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _fmt(name: str, args: list[Node], node: Node, env: Env) -> E:
    if name in ("Println", "Print"):
        return _print_values(
            "println" if name == "Println" else "print",
            args,
            env,
            spaces=name == "Println",
        )
    if name == "Printf":
        return E(format_call("print", args, node, env).text, None, "()")
    if name == "Sprintf":
        formatted = format_call("format", args, node, env)
        return E(formatted.text, STRING, "String", fmt=formatted)
    if name == "Sprint":
        printed = _print_values("format", args, env, spaces=False)
        return E(printed.text, STRING, "String", fmt=printed.fmt)
    if name == "Errorf":
        wrapped = _wrapping_errorf(args, node, env)
        if wrapped is not None:
            return wrapped
        return error_value(format_call("format", args, node, env).text, env)
    if name in ("Fprintln", "Fprintf", "Fprint") and args and text(args[0]) in _STD_STREAMS:
        macro = _STD_STREAMS[text(args[0])]  # Go ignores a failed write to them too
        if name == "Fprintf":
            return E(format_call(macro, args[1:], node, env).text, None, "()")
        line = name == "Fprintln"
        return _print_values(f"{macro}ln" if line else macro, args[1:], env, spaces=line)
    if name in ("Fprintf", "Fprintln", "Fprint") and args:
        return _fprint(name, args, node, env)
    raise Untranslatable(node, f"fmt.{name}")


_STD_STREAMS = {"os.Stdout": "print", "os.Stderr": "eprint"}


def _fprint(name: str, args: list[Node], node: Node, env: Env) -> E:
    """`fmt.Fprintf(&b, ..)` into a strings.Builder (a String) -> `write!(b, ..)`; writing
    into a String cannot fail, so the ignored Go error is an unwrap that never panics."""
    target = args[0]
    if target.type == "unary_expression" and text(target.child_by_field_name("operator")) == "&":
        target = target.child_by_field_name("operand") or target
    builder = expr(target, env)
    base = builder.go.elem if isinstance(builder.go, TPointer) else builder.go
    writer = (builder.rust or "").startswith(("&mut dyn Write", "Box<dyn Write"))
    if writer:  # an io.Writer: `write!` into it; Go's (n, err) result must be unused
        parent = node.parent
        if parent is None or parent.type != "expression_statement":
            raise Untranslatable(node, f"fmt.{name}'s byte count and error used")
    elif base != TName("Builder", "strings"):
        raise Untranslatable(node, f"fmt.{name} to a writer that is not a strings.Builder")
    if name == "Fprintf":
        formatted = format_call("format", args[1:], node, env)
        macro = "write"
    else:
        formatted = _print_values(
            "format", args[1:], env, spaces=name == "Fprintln"
        ).fmt or Formatted("format", "", ())
        macro = "writeln" if name == "Fprintln" else "write"
    rest = "".join(", " + a for a in formatted.args)
    template = rust_string(formatted.template)
    if writer:  # the type's `use std::io::Write` brings write_fmt; a failed write is an Err
        if macro == "write" and formatted.template.endswith("\n"):  # clippy: writeln!
            macro, template = "writeln", rust_string(formatted.template[:-1])
        return E(f"{macro}!({builder.at(0)}, {template}{rest})", None, "()", fallible=True)
    env.uses.add("std::fmt::Write")
    return E(f"{macro}!({builder.at(0)}, {template}{rest}).unwrap()", None, "()")


def _errors_is(args: list[Node], node: Node, env: Env) -> E:
    """`errors.Is(err, ErrNotFound)` -> `matches!(err, Error::NotFound)` on the package enum."""
    plan = env.ctx.decisions.errors
    target = text(args[1])
    variant = next((v for go, v, _ in plan.sentinels if go == target), None) if plan else None
    value = expr(args[0], env)
    rust = (value.rust or "").lstrip("&")
    if rust.startswith("Option<"):  # an error kept as an Option: nil is never a match
        inner = E("err", ERROR, rust[len("Option<") : -1])
        test = _errors_is_value(inner, target, variant, node, env)
        return E(f"{value.at(0)}.as_ref().is_some_and(|err| {test.text})", BOOL, "bool")
    return _errors_is_value(value, target, variant, node, env)


_OUTERMOST = (
    "errors.Is → downcast_ref on the outermost error (Go also unwraps: walk .source() for "
    "wrapped ones)"
)


def _errors_is_value(value: E, target: str, variant: str | None, node: Node, env: Env) -> E:
    plan = env.ctx.decisions.errors
    rust = (value.rust or "").lstrip("&")
    wrapped = bool(env.ctx.decisions.unwrap_fields)  # an error type wraps another (E07)
    if plan is not None and variant is not None and rust == plan.enum_name and not wrapped:
        env.note("E02", "errors.Is → matches! on the error enum")
        return E(f"matches!({value.text}, {plan.enum_name}::{variant})", BOOL, "bool")
    if plan is not None and variant is not None:  # (wrapped, or not the enum itself)
        if not rust.startswith(("Box<dyn std::error::Error", "anyhow::Error", plan.enum_name)):
            raise Untranslatable(node, "errors.Is on an error that is not this package's enum")
        enum = plan.enum_name
        if not wrapped:
            env.note("E02", _OUTERMOST)
            outermost = f"{value.at(0)}.downcast_ref::<{enum}>()"
            return E(f"matches!({outermost}, Some({enum}::{variant}))", BOOL, "bool")
        is_variant = f"matches!(e.downcast_ref::<{enum}>(), Some({enum}::{variant}))"
        env.note("E02", "errors.Is → the error or a cause (source(), Go's Unwrap) is the variant")
        return E(_any_cause(value, rust, is_variant), BOOL, "bool")
    if not rust.startswith(("Box<dyn std::error::Error", "anyhow::Error")):
        raise Untranslatable(node, "errors.Is on an error that is not this package's enum")
    placeholder = _foreign_sentinel(target, env)
    if placeholder is not None:  # a foreign package's sentinel: its placeholder error type
        env.note("E02", f"errors.Is({target}) → a cause of the placeholder type {placeholder}")
        return E(_any_cause(value, rust, f"e.is::<{placeholder}>()"), BOOL, "bool")
    env.note("E02", _OUTERMOST)
    message = _main_sentinel_message(target, env) if rust == "anyhow::Error" else None
    if message is not None:  # a binary's sentinel is anyhow!(message): match it in the chain
        text_value = rust_string(message)
        env.note("E02", f"errors.Is({target}) → a cause in the chain whose text is {text_value}")
        return E(f"{value.at(0)}.chain().any(|e| e.to_string() == {text_value})", BOOL, "bool")
    foreign = _FOREIGN_SENTINELS.get(target)
    if foreign is None:
        raise Untranslatable(node, f"errors.Is against {target}, which has no Rust counterpart")
    error_type, test = foreign
    check = ".is_some()" if test is None else f".is_some_and(|e| {test})"
    return E(f"{value.at(0)}.downcast_ref::<{error_type}>(){check}", BOOL, "bool")


def _foreign_sentinel(target: str, env: Env) -> str | None:
    """`sql.ErrNoRows` -> its placeholder error type (recorded), or None."""
    from go2rs.idioms.packages import FOREIGN_SENTINELS

    pkg, _, name = target.partition(".")
    found = FOREIGN_SENTINELS.get(f"{env.ctx.program.import_path(pkg)}.{name}")
    if found is None or env.lookup(pkg) is not None:
        return None
    placeholder, message, instead = found
    path = env.ctx.program.import_path(pkg)
    note = f"Go {path}.{name}, an error saying {message!r}; consider {instead}"
    env.ctx.placeholder_error(placeholder, target, note, message)
    return placeholder


def _any_cause(value: E, rust: str, test: str) -> str:
    """`test` (on `e: &dyn Error`) holds for the error or one of its causes, as Go's
    errors.Is walks Unwrap."""
    if rust == "anyhow::Error":
        return f"{value.at(0)}.chain().any(|e| {test})"
    start = f"{value.at(0)}.as_ref()" if rust.startswith("Box<") else value.text
    if not (value.rust or "").startswith("&") and not rust.startswith("Box<"):
        start = f"&{value.at(0)}"
    first = f"Some({start} as &(dyn std::error::Error + 'static))"
    return f"std::iter::successors({first}, |e| e.source()).any(|e| {test})"


def _main_sentinel_message(name: str, env: Env) -> str | None:
    """The text of `var ErrX = errors.New("..")` in a package main (where the value is
    `anyhow!("..")`), or None."""
    from go2rs.idioms.errors import sentinel_message

    if not env.shape.is_main_pkg:
        return None
    for spec in env.ctx.program.values("var"):
        message = sentinel_message(spec.value) if spec.name == name else None
        if message is not None:
            return message
    return None


_IO_KIND = "e.kind() == std::io::ErrorKind::"
# Standard sentinel errors -> (the Rust error type carrying them, the test on it).
_FOREIGN_SENTINELS: dict[str, tuple[str, str | None]] = {
    "fs.ErrNotExist": ("std::io::Error", _IO_KIND + "NotFound"),
    "os.ErrNotExist": ("std::io::Error", _IO_KIND + "NotFound"),
    "fs.ErrExist": ("std::io::Error", _IO_KIND + "AlreadyExists"),
    "os.ErrExist": ("std::io::Error", _IO_KIND + "AlreadyExists"),
    "fs.ErrPermission": ("std::io::Error", _IO_KIND + "PermissionDenied"),
    "os.ErrPermission": ("std::io::Error", _IO_KIND + "PermissionDenied"),
    "context.DeadlineExceeded": ("tokio::time::error::Elapsed", None),
}


def _wrapping_errorf(args: list[Node], node: Node, env: Env) -> E | None:
    """`fmt.Errorf("process %d: %w", arg, err)` in a binary: Go's message, with the wrapped
    error kept as its source (`context`), so errors.As/Is (downcast_ref) still find it."""
    if not env.shape.is_main_pkg or not args:
        return None
    value = go_string_value(text(args[0])) if args[0].type.endswith("string_literal") else None
    translated = translate_format(value) if value is not None else None
    if translated is None:
        return None
    kinds = [verb.kind for verb in translated[1]]
    if kinds.count("w") != 1 or len(kinds) != len(args) - 1:
        return None
    operand = args[1 + kinds.index("w")]
    local = env.lookup(text(operand)) if operand.type == "identifier" else None
    if local is None and operand.type == "identifier":  # a sentinel: its anyhow error
        sentinel = expr(operand, env)
        local = Local(sentinel.text, ERROR, sentinel.rust) if sentinel.go == ERROR else None
    rust = (local.rust_type or "") if local is not None else ""
    if local is None or local.go != ERROR or rust.startswith(("Option<", "&")):
        return None
    if rust.startswith("Box<dyn") and "Send + Sync" not in rust:
        return None  # anyhow::Error::from needs a Send + Sync error
    message = format_call("format", args, node, env).text
    env.ctx.sink.crates.add("anyhow")
    source = local.rust if rust == "anyhow::Error" else f"anyhow::Error::from({local.rust})"
    return E(f"{{ let message = {message}; {source}.context(message) }}", ERROR, "anyhow::Error")


def error_value(message: str, env: Env) -> E:
    """An ad-hoc Go error (errors.New / fmt.Errorf) as the function's Rust error type."""
    if env.shape.is_main_pkg:
        env.ctx.sink.crates.add("anyhow")
        inner = message[len("format!(") : -1] if message.startswith("format!(") else message
        return E(f"anyhow::anyhow!({inner})", ERROR, "anyhow::Error")
    plan = env.ctx.decisions.errors
    if plan is None or not plan.catch_all:
        raise Untranslatable(None, "ad-hoc error without a catch-all variant")
    owned_message = message if message.startswith("format!(") else f"{message}.to_string()"
    return E(f"{plan.enum_name}::Other({owned_message})", ERROR, plan.enum_name)


# ----------------------------------------------------------------------- selector calls


def _selector_call(func: Node, args: list[Node], node: Node, env: Env) -> E:
    operand = func.child_by_field_name("operand")
    name = text(func.child_by_field_name("field"))
    package = env.package_of(operand)
    if package is not None:
        return _package_call(package, name, args, node, env)
    decoder = env.package_function(operand) == "encoding/json.NewDecoder"
    if name == "Decode" and decoder and operand is not None:
        return _json_decode(operand, args, node, env)
    from go2rs.bodies.nilable import narrowed_func

    if (checked := narrowed_func(func, env)) is not None:  # `r.fn(..)` in `if r.fn != nil {`
        return _closure_call(checked, args, node, env)
    receiver = expr(operand, env)
    base = receiver.go.elem if isinstance(receiver.go, TPointer) else receiver.go
    if base == TName("Builder", "strings"):
        return _builder(receiver, name, args, node, env)
    if base == TName("Scanner", "bufio"):
        from go2rs.bodies.scanner import method

        return method(receiver, name, args, node, env)
    if base == TName("WaitGroup", "sync"):
        from go2rs.bodies.goroutines import wait

        if name == "Wait":
            return E(wait(receiver.text, env), None, "()")
        if name in ("Add", "Done"):
            return E(f"// go2rs: wg.{name}() — the JoinSet counts its tasks", None, "()")
        raise Untranslatable(node, f"WaitGroup.{name}")
    if (
        isinstance(base, TName)
        and base.pkg is None
        and not args
        and (
            (name == "String" and base.name in env.ctx.decisions.display_types)
            or (name == "Error" and base.name in env.ctx.decisions.error_types)
        )
    ):
        return E(f"{receiver.at(0)}.to_string()", STRING, "String")  # it became Display
    if (
        isinstance(base, TName)
        and base.pkg is not None
        and env.ctx.program.import_path(base.pkg) == "sync/atomic"
    ):
        return _atomic(receiver, name, args, node, env)
    if isinstance(base, TName) and base.pkg is None:
        methods = env.ctx.program.method_names(base.name)
        if name in methods:
            rust_name = env.ctx.fn_name(f"{base.name}.{name}")
            if (receiver.rust or "").startswith("Option<"):  # Go calls it with a nil receiver
                from go2rs.bodies.nilable import nilable_method_call

                return nilable_method_call(methods[name], rust_name, receiver, args, node, env)
            return _local_call(methods[name], rust_name, receiver, args, node, env)
        iface = env.ctx.program.interface(base.name)
        bound = [c[6:] for c in env.type_caps.get(base.name, ()) if c.startswith("trait:")]
        if iface is None and bound:  # a type parameter: its constraint declares the method
            base = TName(bound[0])
            iface = env.ctx.program.interface(base.name)
        if iface is not None:
            spec = next((m for m in iface.methods if m.name == name), None)
            if spec is not None:
                fake = FuncDecl(name, None, (), spec.params, spec.results, None, (), spec.span)
                key = f"{base.name}.{name}"
                return _local_call(fake, env.ctx.fn_name(key), receiver, args, node, env, key)
        promoted = _promoted_receiver(receiver, base, name, env)
        if promoted is not None:
            return _selector_method(promoted, name, args, node, env)
        from go2rs.bodies.exprs import field_of
        from go2rs.gomodel import TFunc

        found = field_of(receiver.go, name, env)
        if found is not None and isinstance(found[1], TFunc):  # `m.Up()`: a func-typed field
            field = E(f"({receiver.at(0)}.{found[0]})", found[1], rust_type(found[1], env))
            return _closure_call(field, args, node, env)
    if base == TName("error") and name == "Error":
        return E(f"{receiver.at(0)}.to_string()", STRING, "String")
    if receiver.rust == "CancellationToken" and name == "Err" and not args:
        env.note("C02", "ctx.Err() → an error saying the token was cancelled")
        return error_value('"context canceled"', env)
    if isinstance(base, TName) and base.pkg is not None:
        key = f"{env.ctx.program.import_path(base.pkg)}.{base.name}.{name}"
        if (entry := STD.get(key)) is not None:
            values = [receiver, *(expr(a, env) for a in args)]
            return _std_call(entry, f"{base.pkg}.{base.name}.{name}", values, node, env)
        from go2rs.bodies.foreign import stub_call

        return stub_call(receiver, base, name, args, node, env)  # on a placeholder: a stub
    raise Untranslatable(node, f"method `{name}` on a value of unknown type")


def _json_decode(decoder: Node, args: list[Node], node: Node, env: Env) -> E:
    """`json.NewDecoder(r).Decode(&v)`: the first JSON value of the stream into v (serde's
    stream deserializer also leaves what follows unread); no value at all is Go's io.EOF."""
    from go2rs.bodies.scanner import std_reader

    readers = args_of(decoder)
    if len(readers) != 1 or len(args) != 1 or not text(args[0]).startswith("&"):
        raise Untranslatable(node, "json.Decoder.Decode of other than one &target")
    reader = std_reader(readers[0], env)
    if reader is None:
        value = expr(readers[0], env)
        if value.rust == "File":
            reader = f"&{value.at(1)}"
        elif (value.rust or "").startswith(("&mut dyn Read", "Box<dyn Read")):
            reader = value.text
        else:
            raise Untranslatable(node, "json.NewDecoder of a reader go2rs cannot read in Rust")
    target = _std_arg("target", expr(args[0], env), env)
    eof = (
        'Err(serde_json::Error::io(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "EOF")))'
    )
    stream = f"serde_json::Deserializer::from_reader({reader}).into_iter().next()"
    return E(f"{stream}.unwrap_or_else(|| {eof}).map(|v| {target} = v)", None, "()", fallible=True)


def _promoted_receiver(receiver: E, base: TName, name: str, env: Env) -> E | None:
    """`co.describe()` where `describe` belongs to an embedded struct: Rust has no method
    promotion, so the call goes through the embedded field (`co.base.describe()`). Only one
    level, and only when exactly one embedded field has the method (Go's rule)."""
    struct = env.ctx.program.struct(base.name)
    if struct is None:
        return None
    found = []
    for field in struct.fields:
        inner = field.type.elem if isinstance(field.type, TPointer) else field.type
        if field.name is not None or not isinstance(inner, TName) or inner.pkg is not None:
            continue
        if name in env.ctx.program.method_names(inner.name):
            found.append((naming.snake(inner.name), field.type))
    if len(found) != 1:
        return None
    rust_field, go = found[0]
    return E(f"{receiver.at(0)}.{rust_field}", go, rust_type(go, env), place=True)


def _selector_method(receiver: E, name: str, args: list[Node], node: Node, env: Env) -> E:
    base = receiver.go.elem if isinstance(receiver.go, TPointer) else receiver.go
    assert isinstance(base, TName)
    methods = env.ctx.program.method_names(base.name)
    rust_name = env.ctx.fn_name(f"{base.name}.{name}")
    return _local_call(methods[name], rust_name, receiver, args, node, env)


def _atomic(receiver: E, name: str, args: list[Node], node: Node, env: Env) -> E:
    """atomic.Int64 and friends: the same operations with an explicit memory ordering."""
    env.uses.add("std::sync::atomic::Ordering")
    values = [expr(a, env).text for a in args]
    if name == "Load" and not values:
        return E(f"{receiver.at(0)}.load(Ordering::SeqCst)", INT, "i64")
    if name == "Store" and len(values) == 1:
        return E(f"{receiver.at(0)}.store({values[0]}, Ordering::SeqCst)", None, "()")
    if name == "Add" and len(values) == 1:
        fetch = f"{receiver.at(0)}.fetch_add({values[0]}, Ordering::SeqCst)"
        return E(f"{fetch} + {values[0]}", INT, "i64", 4, statement=fetch)
    raise Untranslatable(node, f"atomic {name}")


def _parse_int(args: list[Node], node: Node, env: Env) -> E:
    """strconv.ParseInt(s, base, 64): base 10/16/8/2, or base 0 on a literal whose prefix
    names the base."""
    value = expr(args[0], env)
    base = text(args[1])
    digits = value.text
    if base == "0" and value.literal is not None:
        prefixes = {"0x": "16", "0X": "16", "0o": "8", "0b": "2"}
        base = next((b for p, b in prefixes.items() if value.literal.startswith(p)), "10")
        if base != "10":
            digits = rust_string(value.literal[2:])
    if base not in ("10", "16", "8", "2"):
        raise Untranslatable(node, "strconv.ParseInt with a computed base")
    target = coerce(E(digits, STRING, value.rust, value.prec), "&str", env)
    call_text = (
        f"{target}.parse::<i64>()" if base == "10" else f"i64::from_str_radix({target}, {base})"
    )
    return E(call_text, INT, "i64", fallible=True)


def _atomic_function(name: str, args: list[Node], node: Node, env: Env) -> E:
    """`atomic.AddInt32(&n, d)` / `LoadInt32(&n)` / `StoreInt32(&n, v)` on a plain local: no
    goroutine can share a Rust local without Arc (go2rs then stays a todo), so the atomic
    operation on it is the plain one."""
    kinds = ("Int32", "Int64", "Uint32", "Uint64")
    operation = next((op for op in ("Add", "Load", "Store") if name.startswith(op)), "")
    if name[len(operation) :] not in kinds or not args:
        raise Untranslatable(node, f"atomic.{name}")
    target = args[0]
    operand = target.child_by_field_name("operand") if target.type == "unary_expression" else None
    if operand is None or operand.type != "identifier" or env.lookup(text(operand)) is None:
        raise Untranslatable(node, f"atomic.{name} on something other than a local's address")
    place = expr(operand, env)
    if operation == "Load" and len(args) == 1:
        return E(place.text, place.go, place.rust)
    if len(args) != 2:
        raise Untranslatable(node, f"atomic.{name} with {len(args)} arguments")
    value = coerce(expr(args[1], env), place.rust, env)
    if operation == "Store":
        return E(f"{place.text} = {value}", None, "()")
    return E(
        f"{{ {place.text} += {value}; {place.text} }}",
        place.go,
        place.rust,
        statement=f"{place.text} += {value}",
    )


def _parse_bool(value: E, env: Env) -> E:
    """strconv.ParseBool also accepts 1, t, T, TRUE, True (and their false forms), which
    Rust's `parse::<bool>()` rejects: those are matched first, the rest parse (and fail) as
    Rust does, keeping its error type."""
    if value.literal in ("true", "false"):
        return E(f"{value.text}.parse::<bool>()", BOOL, "bool", fallible=True)
    subject = value.text if value.rust == "&str" else f"{value.at(0)}.as_str()"
    text_value = (
        f"match {subject} {{\n"
        '"1" | "t" | "T" | "TRUE" | "True" => Ok(true),\n'
        '"0" | "f" | "F" | "FALSE" | "False" => Ok(false),\n'
        "other => other.parse::<bool>(),\n}"
    )
    return E(text_value, BOOL, "bool", fallible=True)


def _builder(receiver: E, name: str, args: list[Node], node: Node, env: Env) -> E:
    """strings.Builder is a String in Rust."""
    if name == "WriteString":
        value = expr(args[0], env)
        if value.literal is not None and len(value.literal) == 1:  # clippy: single_char_add_str
            return E(f"{receiver.at(0)}.push({rust_char(value.literal)})", None, "()")
        return E(f"{receiver.at(0)}.push_str({coerce(value, '&str', env)})", None, "()")
    if name in ("WriteByte", "WriteRune"):
        value = expr(args[0], env)
        char = value.text if value.go == TName("rune") else f"{value.at(2)} as char"
        return E(f"{receiver.at(0)}.push({char})", None, "()")
    if name == "String":
        return E(f"{receiver.at(0)}.clone()", STRING, "String")
    if name == "Len":
        return E(f"{receiver.at(0)}.len()", INT, "usize")
    if name == "Reset" and not args:
        return E(f"{receiver.at(0)}.clear()", None, "()")
    if name == "Grow" and len(args) == 1:
        return E(f"{receiver.at(0)}.reserve({index_text(expr(args[0], env))})", None, "()")
    raise Untranslatable(node, f"strings.Builder.{name}")


def _package_call(pkg: str, name: str, args: list[Node], node: Node, env: Env) -> E:
    path = env.ctx.program.import_path(pkg)
    if path == "strconv" and name in _GO_NUM_ERRORS and args and env.shape.is_main_pkg:
        parsed = _package_call_of(pkg, name, args, node, env)
        return parsed if _error_ignored(node) else _go_num_error(name, parsed, args[0], env)
    return _package_call_of(pkg, name, args, node, env)


# strconv parsers whose errors a binary prints: Go's *NumError text, not Rust's
_GO_NUM_ERRORS = frozenset({"Atoi", "ParseInt", "ParseFloat", "ParseBool"})


def _error_ignored(call: Node) -> bool:
    """`v, _ := call` / `v, _ = call`: nothing reads the call's error."""
    parent = call.parent
    if parent is not None and parent.type == "expression_list":
        parent = parent.parent
    if parent is None or parent.type not in ("short_var_declaration", "assignment_statement"):
        return False
    left = parent.child_by_field_name("left")
    names = left.named_children if left is not None else []
    return bool(names) and text(names[-1]) == "_"


def _go_num_error(name: str, parsed: E, subject_node: Node, env: Env) -> E:
    """`strconv.Atoi: parsing "x": invalid syntax` (or `value out of range`) as the error of
    a binary's parse (an anyhow error, as its other errors are), where the parsed text is
    a name or literal the message can repeat."""
    subject = expr(subject_node, env)
    if not parsed.fallible or not (
        _SIMPLE_PATH.fullmatch(subject.text) or subject.literal is not None
    ):
        return parsed
    why = (
        '"invalid syntax"'
        if name in ("ParseFloat", "ParseBool")
        else "match e.kind() { std::num::IntErrorKind::PosOverflow "
        '| std::num::IntErrorKind::NegOverflow => "value out of range", _ => "invalid syntax" }'
    )
    env.ctx.sink.crates.add("anyhow")
    used = "e" if "e.kind()" in why else "_"
    call = f"({parsed.text})" if parsed.text.startswith("match ") else parsed.at(0)
    message = f'anyhow::anyhow!("strconv.{name}: parsing {{:?}}: {{}}", {subject.text}, {why})'
    mapped = f"{call}.map_err(|{used}| {message})"
    return dataclasses.replace(parsed, text=mapped, prec=0, error="anyhow::Error")


def _package_call_of(pkg: str, name: str, args: list[Node], node: Node, env: Env) -> E:
    path = env.ctx.program.import_path(pkg)
    if path == "fmt":
        return _fmt(name, args, node, env)
    if path == "errors" and name == "New":
        value = expr(args[0], env)
        return error_value(value.text, env)
    if path == "errors" and name == "Is" and len(args) == 2:
        return _errors_is(args, node, env)
    if path == "strings" and name == "Replace" and len(args) == 4:
        values = [expr(a, env) for a in args]
        if values[3].text in ("-1", "-(1)"):
            return E(
                f"{values[0].at(0)}.replace({coerce(values[1], '&str', env)}, "
                f"{coerce(values[2], '&str', env)})",
                STRING,
                "String",
            )
        return E(
            f"{values[0].at(0)}.replacen({coerce(values[1], '&str', env)}, "
            f"{coerce(values[2], '&str', env)}, {index_text(values[3])})",
            STRING,
            "String",
        )
    if path == "encoding/json" and name == "MarshalIndent" and len(args) == 3:
        if (text(args[1]), text(args[2])) != ('""', '"  "'):
            raise Untranslatable(node, "json.MarshalIndent with an indent serde does not use")
        value = expr(args[0], env)
        from go2rs.bodies.stdlib import JSON_OUT

        env.note("T04", JSON_OUT)
        pretty = f"serde_json::to_vec_pretty({_std_arg('ref', value, env)})"
        return E(pretty, TSlice(TName("byte")), "Vec<u8>", fallible=True)
    if path == "strconv" and name == "ParseInt" and len(args) == 3:
        return _parse_int(args, node, env)
    if path == "sync/atomic" and name.startswith(("Add", "Load", "Store")):
        return _atomic_function(name, args, node, env)
    if path == "strings" and name == "Split" and len(args) == 2 and text(args[1]) == '""':
        value = expr(args[0], env)  # Go splits into its UTF-8 sequences; Rust's split("")
        # would add empty ends
        return E(
            f"{value.at(0)}.chars().map(String::from).collect::<Vec<String>>()",
            TSlice(STRING),
            "Vec<String>",
        )
    if path == "strconv" and name in ("FormatInt", "FormatUint") and len(args) == 2:
        return _format_int(args, node, env)
    if path == "strconv" and name == "ParseBool" and len(args) == 1:
        return _parse_bool(expr(args[0], env), env)
    if path == "time" and name == "Sleep":
        duration = expr(args[0], env).text
        if env.is_async:
            env.ctx.sink.crates.add("tokio")
            return E(f"tokio::time::sleep({duration}).await", None, "()")
        return E(f"std::thread::sleep({duration})", None, "()")
    if path == "sort" and name in ("Slice", "SliceStable"):
        from go2rs.bodies.sorting import sort_slice

        return sort_slice(args, node, env)
    if path == "slices" and name == "SortFunc" and len(args) == 2:
        from go2rs.bodies.sorting import sort_func

        return sort_func(args, node, env)
    if path == "slices" and name == "BinarySearch" and len(args) == 2:
        from go2rs.bodies.sorting import binary_search

        return binary_search(args, node, env)
    if path == "time" and name == "Unix" and len(args) == 2:
        return _time_unix(args, env)
    if path == "strconv" and name == "FormatFloat" and len(args) == 4:
        return _format_float(args, node, env)
    if path == "strings" and name == "Cut" and len(args) == 2:
        return _cut(args, node, env)
    if path == "strings" and name == "SplitN" and len(args) == 3:
        return _split_n(args, node, env)
    if path == "os" and name in ("MkdirAll", "Mkdir") and len(args) == 2:
        return _mkdir(name == "MkdirAll", args, node, env)
    if path == "os" and name == "WriteFile" and len(args) == 3:
        return _write_file(args, node, env)
    if path == "flag":
        from go2rs.bodies import flags

        if name == "Parse" and not args:
            return flags.parse(node, env)
        if name.endswith("Var"):
            return flags.define_var(name, args, node, env)
        return flags.args_call(name, args, node, env)
    if path == "bufio" and name == "NewScanner":
        from go2rs.bodies.scanner import new_scanner

        return new_scanner(args, node, env)
    if path == "cmp" and name == "Compare" and len(args) == 2:
        from go2rs.bodies.sorting import compare

        return compare(args, node, env)
    entry = STD.get(std_key(pkg, name, env))
    if entry is None:
        raise Untranslatable(node, f"{pkg}.{name} has no mapping yet")
    return _std_call(entry, f"{pkg}.{name}", [expr(a, env) for a in args], node, env)


def _format_int(args: list[Node], node: Node, env: Env) -> E:
    """strconv.FormatInt(v, base) for a literal base 2/8/10/16: Rust's {:x}/{:o}/{:b} print a
    negative i64 in two's complement, where Go writes a minus sign and the magnitude."""
    value = expr(args[0], env)
    formats = {"10": "", "16": ":x", "8": ":o", "2": ":b"}
    spec = formats.get(text(args[1]))
    if spec is None:
        raise Untranslatable(node, "strconv.FormatInt with a base other than 2, 8, 10 or 16")
    if not spec:
        return E(f"{value.at(0)}.to_string()", STRING, "String")
    if value.rust in ("u64", "u32", "usize", "u8", "u16"):
        return E(f'format!("{{{spec}}}", {value.text})', STRING, "String")
    typed = ": i64" if value.rust in (None, "i64") else ""
    return E(
        f"{{ let v{typed} = {value.text}; "
        f'if v < 0 {{ format!("-{{{spec}}}", v.unsigned_abs()) }} '
        f'else {{ format!("{{{spec}}}", v) }} }}',
        STRING,
        "String",
    )


def _time_unix(args: list[Node], env: Env) -> E:
    """time.Unix(sec, nsec): seconds and nanoseconds since 1970, either of them negative or
    unnormalized as Go allows (literals fold to one count of nanoseconds)."""
    env.uses.add("std::time::Duration")
    epoch = "std::time::UNIX_EPOCH"
    sec, nsec = (constant_int(a) for a in args)
    if sec is not None and nsec is not None:
        total = sec * 1_000_000_000 + nsec
        shift = f"Duration::from_nanos({abs(total)})"
        return E(
            f"{epoch} {'-' if total < 0 else '+'} {shift}", TName("Time", "time"), "SystemTime", 4
        )
    seconds, nanos = (_std_arg("i128", expr(a, env), env) for a in args)
    text_value = (
        f"{{ let ns = {seconds} * 1_000_000_000 + {nanos}; if ns >= 0 {{ "
        f"{epoch} + Duration::from_nanos(ns as u64) }} else {{ "
        f"{epoch} - Duration::from_nanos(ns.unsigned_abs() as u64) }} }}"
    )
    return E(text_value, TName("Time", "time"), "SystemTime")


def _format_float(args: list[Node], node: Node, env: Env) -> E:
    """strconv.FormatFloat(f, 'f', prec, 64): fixed notation with prec decimals (-1: the
    fewest that read back, as Rust's Display prints)."""
    precision = text(args[2])
    if text(args[1]) != "'f'" or text(args[3]) != "64" or not precision.lstrip("-").isdigit():
        raise Untranslatable(node, "strconv.FormatFloat other than 'f' with a literal precision")
    value = coerce(expr(args[0], env), "f64", env)
    spec = "{}" if precision == "-1" else f"{{:.{precision}}}"
    if precision.startswith("-") and precision != "-1":
        raise Untranslatable(node, "strconv.FormatFloat with a negative precision")
    formatted = Formatted("format", spec, (value,))
    return E(formatted.text, STRING, "String", fmt=formatted)


def _cut(args: list[Node], node: Node, env: Env) -> E:
    """strings.Cut(s, sep) -> (before, after, found); not found: (s, "", false)."""
    value = expr(args[0], env)
    if not (_SIMPLE_PATH.fullmatch(value.text) or value.literal is not None):
        raise Untranslatable(node, "strings.Cut of a computed string (it is used twice)")
    sep = coerce(expr(args[1], env), "&str", env)
    text_value = (
        f"match {value.at(0)}.split_once({sep}) {{\n"
        "Some((before, after)) => (before.to_string(), after.to_string(), true),\n"
        f"None => ({value.at(0)}.to_string(), String::new(), false),\n}}"
    )
    return E(text_value, None, None, results=(STRING, STRING, BOOL))


def _split_n(args: list[Node], node: Node, env: Env) -> E:
    """strings.SplitN(s, sep, n) with a literal n and a non-empty separator: at most n parts
    (the last holds the rest), all of them for n < 0, none (Go's nil) for 0."""
    count = constant_int(args[2])
    sep = expr(args[1], env)
    if count is None or not sep.literal:
        raise Untranslatable(node, "strings.SplitN with a computed count or an empty separator")
    value = expr(args[0], env)
    parts = ".map(String::from).collect::<Vec<String>>()"
    if count < 0:
        return E(f"{value.at(0)}.split({sep.text}){parts}", TSlice(STRING), "Vec<String>")
    if count == 0:
        return E("Vec::<String>::new()", TSlice(STRING), "Vec<String>")
    return E(f"{value.at(0)}.splitn({count}, {sep.text}){parts}", TSlice(STRING), "Vec<String>")


def _mkdir(recursive: bool, args: list[Node], node: Node, env: Env) -> E:
    """os.Mkdir/MkdirAll(path, perm): a DirBuilder with Go's permission bits (unix, before the
    umask as in Go); MkdirAll, like a recursive DirBuilder, accepts an existing directory."""
    from go2rs.idioms.literals import go_int_value

    perm = go_int_value(text(args[1])) if args[1].type == "int_literal" else None
    if perm is None:
        raise Untranslatable(
            node, f"os.{'MkdirAll' if recursive else 'Mkdir'} with a computed perm"
        )
    target = coerce(expr(args[0], env), "&str", env)
    env.uses.add("std::os::unix::fs::DirBuilderExt")
    builder = "std::fs::DirBuilder::new()" + (".recursive(true)" if recursive else "")
    return E(f"{builder}.mode(0o{perm:o}).create({target})", None, "()", fallible=True)


def _write_file(args: list[Node], node: Node, env: Env) -> E:
    """`os.WriteFile(name, data, perm)`: create-or-truncate, then write. std::fs::write
    creates files with mode 0o666 (before the umask, as Go's perm is); another perm needs
    OpenOptions with the mode (unix: Go ignores all but the read-only bit elsewhere)."""
    from go2rs.idioms.literals import go_int_value

    value = expr(args[1], env)
    if value.text.endswith(".as_bytes().to_vec()"):  # `[]byte("..")`: the bytes will do
        value = E(value.text.removesuffix(".to_vec()"), value.go, "&[u8]")
    name, data = coerce(expr(args[0], env), "&str", env), _std_arg("ref", value, env)
    perm = go_int_value(text(args[2])) if args[2].type == "int_literal" else None
    if perm == 0o666:
        return E(f"std::fs::write({name}, {data})", None, "()", fallible=True)
    if perm is None:
        mode = expr(args[2], env)
        mode_text = mode.text if mode.rust == "u32" else f"{mode.at(2)} as u32"
    else:
        mode_text = f"0o{perm:o}"
    env.uses.update(("std::io::Write", "std::os::unix::fs::OpenOptionsExt"))
    env.note("T04", "os.WriteFile with a perm → OpenOptions + mode (unix; 0o666 is fs::write)")
    opened = (
        "std::fs::OpenOptions::new().write(true).create(true).truncate(true)"
        f".mode({mode_text}).open({name})"
    )
    return E(f"{opened}.and_then(|mut f| f.write_all({data}))", None, "()", fallible=True)


def _std_call(entry: StdFn, label: str, values: list[E], node: Node, env: Env) -> E:
    """A call the STD table maps: its arguments (a method's receiver first) fitted in."""
    if len(entry.args) != len(values) and entry.args != ("val",):
        raise Untranslatable(node, f"{label} with {len(values)} arguments")
    rendered = [_std_arg(kind, v, env) for kind, v in zip(entry.args, values, strict=False)]
    env.uses.update(entry.uses)
    if entry.note:
        env.note("T04", entry.note)
    if entry.template == 'format!("{{:?}}", {0})':  # kept structured: print!s splice it
        formatted = Formatted("format", "{:?}", (rendered[0],))
        return E(formatted.text, entry.go, entry.rust, fmt=formatted)
    return E(
        entry.template.format(*rendered), entry.go, entry.rust, entry.prec, fallible=entry.fallible
    )


def _std_arg(kind: str, value: E, env: Env) -> str:
    if kind == "recv":
        if value.text.startswith("vec![") and value.text.endswith("]"):
            return value.text[len("vec!") :]  # clippy: useless_vec (a temporary slice)
        return value.at(0)
    if kind == "frecv":  # a float method receiver: Go's untyped int constants convert
        if value.rust == "f64" or is_float(value.go):
            return value.at(0)
        if value.literal is not None and value.text.isdigit():
            return f"{value.text}.0_f64"
        return f"({value.at(2)} as f64)"
    if kind == "str":
        return coerce(value, "&str", env)
    if kind == "f64":
        return coerce(value, "f64", env)
    if kind == "usize":
        return index_text(value)
    if kind == "i128":  # widened for arithmetic that must not overflow
        return f"{value.text}_i128" if value.text.isdigit() else f"({value.at(2)} as i128)"
    if kind == "byte":  # a byte operand: 'h' is b'h', other integers convert
        if value.text.startswith("'") and value.text.isascii() and len(value.text) <= 4:
            return "b" + value.text
        return value.text if value.rust == "u8" else f"{value.at(2)} as u8"
    if kind == "i32":
        return value.text if value.literal is not None else f"{value.at(2)} as i32"
    if kind == "operand":
        return value.at(8)
    if kind == "term":
        return value.at(3)
    if kind == "target":  # Go's `&v` out-parameter: the place itself
        return value.text.removeprefix("&mut ").removeprefix("&")
    if kind == "ref":
        return value.borrowed()
    return value.text


# --------------------------------------------------------------- calls of local functions


def signature(decl: FuncDecl, env: Env, key: str | None = None) -> Fn:
    """The Rust signature go2rs gives `decl` (built once, without counting as output)."""
    from go2rs.idioms.functions import Signature, build_fn

    ctx = env.ctx
    sig = Signature.of(decl)
    if key is not None:
        sig = Signature(key, decl.name, decl.params, decl.results)
    cached = ctx.signatures.get(sig.key)
    if cached is None:
        saved, ctx.sink = ctx.sink, Sink()
        try:
            cached = build_fn(sig, ctx, pub=False, body=None, span=None, in_trait=key is not None)
        finally:
            ctx.sink = saved
        ctx.signatures[sig.key] = cached
    return cached


def type_arguments(node: Node | None, env: Env) -> tuple[GoType, ...]:
    """The types of an explicit instantiation's `[K, V]`."""
    elems = node.named_children if node is not None else []
    return tuple(go_type(e.named_children[0] if e.named_children else e, env) for e in elems)


def local_call(
    decl: FuncDecl, args: list[Node], node: Node, env: Env, explicit: tuple[GoType, ...]
) -> E:
    """`f[K, V](x)`, which tree-sitter reads as a conversion to a generic type."""
    return _local_call(decl, env.ctx.fn_name(decl.name), None, args, node, env, explicit=explicit)


def _local_call(
    decl: FuncDecl,
    rust_name: str,
    receiver: E | None,
    args: list[Node],
    node: Node,
    env: Env,
    key: str | None = None,
    explicit: tuple[GoType, ...] = (),
) -> E:
    """A call of a function or method of this input; `explicit`: the type arguments of
    `f[K, V](..)` (Rust needs them too where no argument mentions a type parameter)."""
    generic = bool(decl.type_params or (decl.receiver and decl.receiver.type_args))
    if explicit and len(explicit) != len(decl.type_params):
        raise Untranslatable(node, "an instantiation with a partial type argument list")
    passed = [expr(a, env).go for a in args] if generic else []  # for inference, read once
    _reject_ord_floats(decl, passed, node)
    fn = signature(decl, env, key)
    rendered: list[str] = []
    params = list(fn.params)
    variadic = bool(decl.params) and decl.params[-1].variadic
    fixed = len(params) - (1 if variadic else 0)
    for param, arg in zip(params[:fixed], args[:fixed], strict=False):
        rendered.append(_argument(arg, param.type, env))
    if variadic:
        rest = args[fixed:]
        elem = decl.params[-1].type
        if len(rest) == 1 and rest[0].type == "variadic_argument":
            spread = expr(rest[0].named_children[0], env)
            rendered.append(spread.borrowed())
        else:
            target = rust_type(elem, env)
            rendered.append(f"&[{', '.join(coerce(expr(a, env), target, env) for a in rest)}]")
    if len(args) < fixed:
        raise Untranslatable(node, "call with fewer arguments than parameters")
    turbofish = ""
    if explicit and not any(p.type.startswith("impl ") for p in fn.params):
        turbofish = f"::<{', '.join(rust_type(t, env) for t in explicit)}>"
    call_text = f"{rust_name}{turbofish}({', '.join(rendered)})"
    if receiver is not None:
        call_text = f"{receiver.at(0)}.{call_text}"
    if fn.is_async:
        call_text += ".await"
    values = decl.results[:-1] if returns_error(decl.results) else decl.results
    go = values[0].type if len(values) == 1 else None
    if go is not None and explicit:
        go = substitute(go, {p.name: t for p, t in zip(decl.type_params, explicit, strict=True)})
    elif go is not None and generic:
        go = _result_at_call(go, decl, receiver, passed)
    options = env.ctx.decisions.option_results.get(decl.key, frozenset())
    rust = None
    if len(values) == 1:
        rust = (
            rust_type(go.elem, env)
            if isinstance(go, TPointer)
            else rust_type(go, env)
            if go is not None
            else None
        )
        if 0 in options:
            rust = f"Option<{rust}>"
        if (fn.ret or "").startswith("Box<dyn FnMut("):
            rust = fn.ret  # a closure with its own state (idioms/functions.py)
    return E(
        call_text,
        go,
        rust,
        fallible=returns_error(decl.results),
        results=tuple(v.type for v in values) if len(values) > 1 else (),
    )


def _result_at_call(
    result: GoType, decl: FuncDecl, receiver: E | None, passed: list[GoType | None]
) -> GoType | None:
    """A generic function's or method's result type at this call: type parameters inferred
    from the arguments, a generic type's from the receiver's type arguments (None when the
    call does not show them all)."""
    names = frozenset(p.name for p in decl.type_params)
    bound: dict[str, GoType] = {}
    if decl.receiver is not None and receiver is not None:
        given = receiver.go.elem if isinstance(receiver.go, TPointer) else receiver.go
        names |= frozenset(decl.receiver.type_args)
        if isinstance(given, TName) and len(given.args) == len(decl.receiver.type_args):
            bound |= dict(zip(decl.receiver.type_args, given.args, strict=True))
    for param, given_type in zip(decl.params, passed, strict=False):
        if not param.variadic and given_type is not None:
            bound |= infer_type_params(param.type, given_type, names)
    unknown = {name: TUnknown(name) for name in names - bound.keys()}
    result = substitute(result, bound)
    return None if substitute(result, unknown) != result else result


def _reject_ord_floats(decl: FuncDecl, passed: list[GoType | None], node: Node) -> None:
    """cmp.Ordered became `Ord`, which f64 does not implement: calling it with floats would
    not compile, so say so instead."""
    partial = compared_by_operators(decl.type_params, decl.body.text) if decl.body else frozenset()
    ordered = any(
        isinstance(p.constraint, TName) and p.constraint.name == "Ordered" and p.name not in partial
        for p in decl.type_params
    )
    if not ordered:
        return
    for t in passed:
        if is_float(t) or is_float(elem_type(t)):
            raise Untranslatable(
                node,
                "a cmp.Ordered function called with floats (Rust's Ord "
                "excludes f64: use PartialOrd or total_cmp)",
            )


def _argument(arg: Node, target: str, env: Env) -> str:
    """One argument fitted to its Rust parameter type."""
    if target.startswith("impl Fn"):
        return expr(arg, env).text
    if arg.type == "unary_expression" and text(arg.child_by_field_name("operator")) == "&":
        inner = expr(arg.child_by_field_name("operand"), env)
        if target.startswith("&mut"):
            return f"&mut {inner.at(1)}"
        if target.startswith("Option<&mut"):
            return f"Some(&mut {inner.at(1)})"
        if target.startswith("Option<&"):
            return f"Some(&{inner.at(1)})"
        if target.startswith("&"):
            return f"&{inner.at(1)}"
        return owned(inner, env)
    value = expr(arg, env)
    if target.startswith("Option<") and arg.type == "nil":
        return "None"
    if target.startswith("mpsc::Sender"):
        from go2rs.bodies.channels import sender_argument

        return sender_argument(arg, env)
    if target.startswith(("mpsc::Receiver", SHARED_RX)):
        from go2rs.bodies.channels import receiver_argument

        return receiver_argument(arg, env, shared=target.startswith("Arc<"))
    if target == "CancellationToken":
        return f"{value.at(0)}.clone()"
    if target.startswith("&dyn ") and (value.rust or "").lstrip("&").startswith("Box<dyn "):
        return coerce(value, target, env)
    if (boxed := any_value(value, target, env)) is not None:
        return boxed
    if target.startswith("&dyn") or target.startswith("&mut dyn"):
        ref = "&mut " if target.startswith("&mut") else "&"
        return value.text if (value.rust or "").startswith("&") else f"{ref}{value.at(1)}"
    if isinstance(value.go, TInterface | TArray) and target.startswith("&"):
        return f"&{value.at(1)}"
    return coerce(value, target, env)
