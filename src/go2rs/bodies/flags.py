"""Go's `flag` package -> locals and a parse loop over `std::env::args` with Go's rules.

`addr := flag.String("addr", ":8080", "usage")` becomes `let mut addr = ":8080".to_string();`
(the local holds the value; Go's `*addr` reads it), `flag.StringVar(&cfg.Addr, ..)` assigns the
default to that place, and `flag.Parse()` becomes a loop doing what Go's flag.Parse does:
`-name=value`, `-name value` and `--name` forms, a bool flag alone is true, parsing stops at the
first non-flag argument or after `--`, and an unknown flag, a missing value or a bad value is
reported on stderr with exit status 2 (`-h`/`-help` exits 0). Go also prints the usage text
there; the loop does not. clap is the idiomatic replacement a reviewer may prefer.
"""

from __future__ import annotations

import re

from tree_sitter import Node

from go2rs.bodies.env import BOOL, INT, STRING, E, Env, Local, Untranslatable
from go2rs.gomodel import GoType, TName, TPointer
from go2rs.idioms import naming
from go2rs.idioms.literals import go_string_value, rust_string
from go2rs.parse.lower import text
from go2rs.parse.parser import root_of

# flag constructor -> (Go value type, Rust type)
_KINDS: dict[str, tuple[GoType, str]] = {
    "String": (STRING, "String"),
    "Int": (INT, "i64"),
    "Int64": (TName("int64"), "i64"),
    "Bool": (BOOL, "bool"),
}
_DEFINITION = re.compile(  # a flag definition in Go source (flag.String(, flag.BoolVar(, ..)
    r"\bflag\.(?:String|Int|Int64|Uint|Uint64|Bool|Float64|Duration|Func|BoolFunc|TextVar|Var)"
    r"(?:Var)?\("
)
_KEY = "flag -"  # env bindings of the flags defined so far: "flag -name" -> the Rust place


def define(name: str, call: Node, env: Env) -> list[str]:
    """`name := flag.String("flag", default, usage)` -> a mutable local with the default."""
    kind, args = _called(call)
    if kind not in _KINDS or len(args) != 3:
        raise Untranslatable(call, f"flag.{kind} has no mapping yet")
    go, rust = _KINDS[kind]
    local = Local(naming.snake(name), TPointer(go), rust)  # `*name` reads the value
    env.bind(name, local)
    default = _default(args[1], rust, env)
    _record(args[0], local.rust, kind, env)
    return [f"{_usage(args[0], args[2])}let mut {local.rust}: {rust} = {default};"]


def define_var(kind: str, args: list[Node], node: Node, env: Env) -> E:
    """`flag.StringVar(&place, "flag", default, usage)` -> `place = default`."""
    from go2rs.bodies.exprs import expr

    base = kind.removesuffix("Var")
    target = args[0] if args else None
    operand = target.child_by_field_name("operand") if target is not None else None
    if base not in _KINDS or len(args) != 4 or operand is None or not text(target).startswith("&"):
        raise Untranslatable(node, f"flag.{kind} has no mapping yet")
    place = expr(operand, env)
    _, rust = _KINDS[base]
    if place.rust != rust:
        raise Untranslatable(node, f"flag.{kind} into a {place.rust or 'value'} (not {rust})")
    _record(args[1], place.text, base, env)
    assignment = f"{place.text} = {_default(args[2], rust, env)}"
    return E(assignment, None, "()", statement=assignment)


def parse(node: Node, env: Env) -> E:
    """`flag.Parse()` -> the parse loop over the flags this body defined before it; the
    arguments after the flags are `flag_args` when the body asks for them (flag.Args)."""
    flags = [
        (key[len(_KEY) :], local)
        for scope in env.scopes
        for key, local in scope.items()
        if key.startswith(_KEY)
    ]
    source = text(root_of(node))
    written = len(_DEFINITION.findall(source))
    if not flags or written > len(flags):  # some defined where this scope cannot see them
        raise Untranslatable(node, "flag.Parse with flags go2rs did not see defined")
    if any(local.rust.split(".")[0] in _INTERNAL for _, local in flags):
        raise Untranslatable(node, "a flag variable named like the parse loop's own")
    env.bind("flag.Args", Local("flag_args", None, "Vec<String>"))
    named = "flag.Arg" in source or "flag.NArg" in source  # (flag.Args too)
    arms = [_bool_arm(n, local.rust) for n, local in flags if local.rust_type == "bool"]
    valued = [(n, local) for n, local in flags if local.rust_type != "bool"]
    if valued:
        names = " | ".join(rust_string(n) for n, _ in valued)
        sets = "\n".join(_value_arm(n, local.rust, local.rust_type or "") for n, local in valued)
        arms.append(
            f"{names} => {{\nif flag_value.is_none() && !flag_rest.is_empty() {{\n"
            "flag_value = Some(flag_rest.remove(0));\n}\n"
            "let Some(flag_value) = flag_value else {\n"
            'eprintln!("flag needs an argument: -{}", flag_name);\nstd::process::exit(2);\n};\n'
            f"match flag_name.as_str() {{\n{sets}\n_ => unreachable!(),\n}}\n}}"
        )
    defined = {n for n, _ in flags}
    if not defined & {"h", "help"}:
        arms.append('"h" | "help" => std::process::exit(0),')
    arms.append(
        '_ => {\neprintln!("flag provided but not defined: -{}", flag_name);\n'
        "std::process::exit(2);\n}"
    )
    env.note("T04", "flag → a loop with Go's flag rules over std::env::args (or use clap)")
    head = "let flag_args: Vec<String> = " if named else ""
    loop = (
        f"{head}{{\nlet mut flag_rest: Vec<String> = std::env::args().skip(1).collect();\n"
        "while let Some(flag_arg) = flag_rest.first().cloned() {\n"
        "if flag_arg.len() < 2 || !flag_arg.starts_with('-') {\nbreak;\n}\n"
        "flag_rest.remove(0);\n"
        'if flag_arg == "--" {\nbreak;\n}\n'
        'let flag_body = flag_arg.strip_prefix("--").unwrap_or(&flag_arg[1..]);\n'
        "if flag_body.is_empty() || flag_body.starts_with(['-', '=']) {\n"
        'eprintln!("bad flag syntax: {}", flag_arg);\nstd::process::exit(2);\n}\n'
        "let (flag_name, mut flag_value) = match flag_body.split_once('=') {\n"
        "Some((name, value)) => (name.to_string(), Some(value.to_string())),\n"
        "None => (flag_body.to_string(), None),\n};\n"
        f"match flag_name.as_str() {{\n{chr(10).join(arms)}\n}}\n}}\n"
        f"{'flag_rest' if named else 'drop(flag_rest);'}\n}}"
    )
    return E(loop, None, "()", statement=loop)


_INTERNAL = frozenset({"flag_rest", "flag_arg", "flag_body", "flag_name", "flag_value"})


def args_call(name: str, args: list[Node], node: Node, env: Env) -> E:
    """flag.Args / NArg / Arg(i) after the parse loop: the arguments it left."""
    from go2rs.bodies.exprs import expr, index_text

    rest = env.lookup("flag.Args")
    if rest is None:
        raise Untranslatable(node, f"flag.{name} before flag.Parse")
    if name == "Args" and not args:
        return E(rest.rust, TName("[]string"), "Vec<String>", place=True)
    if name == "NArg" and not args:
        return E(f"{rest.rust}.len()", INT, "usize")
    if name == "Arg" and len(args) == 1:  # Go: "" past the end
        index = index_text(expr(args[0], env))
        return E(f"{rest.rust}.get({index}).cloned().unwrap_or_default()", STRING, "String")
    raise Untranslatable(node, f"flag.{name} has no mapping yet")


def _bool_arm(name: str, place: str) -> str:
    """strconv.ParseBool's forms, as Go's bool flags accept them."""
    return (
        f"{rust_string(name)} => {{\n{place} = match flag_value.as_deref() {{\n"
        'None | Some("1" | "t" | "T" | "true" | "TRUE" | "True") => true,\n'
        'Some("0" | "f" | "F" | "false" | "FALSE" | "False") => false,\n'
        "Some(other) => {\n"
        'eprintln!("invalid boolean value {:?} for -{}: parse error", other, flag_name);\n'
        "std::process::exit(2);\n}\n};\n}"
    )


def _value_arm(name: str, place: str, rust: str) -> str:
    if rust == "String":
        return f"{rust_string(name)} => {place} = flag_value,"
    return (  # Go parses with base 0: 0x/0o/0b prefixes and a leading 0 for octal
        f"{rust_string(name)} => {{\n{place} = match {_PARSE_INT} {{\nOk(n) => n,\n"
        "Err(why) => {\n"
        'eprintln!("invalid value {:?} for flag -{}: {}", flag_value, flag_name, why);\n'
        "std::process::exit(2);\n}\n};\n}"
    )


# strconv.ParseInt(s, 0, 64): a sign, then a 0x/0b/0o/0 prefix, digits with single `_`
# separators between them (or after the prefix); Go's two error texts
_PARSE_INT = (
    "{\nlet (negative, digits) = match flag_value.strip_prefix('-') {\n"
    "Some(rest) => (true, rest),\n"
    "None => (false, flag_value.strip_prefix('+').unwrap_or(&flag_value)),\n};\n"
    "let lower = digits.to_ascii_lowercase();\n"
    'let (radix, digits) = if let Some(rest) = lower.strip_prefix("0x") {\n(16, rest)\n'
    '} else if let Some(rest) = lower.strip_prefix("0b") {\n(2, rest)\n'
    '} else if let Some(rest) = lower.strip_prefix("0o") {\n(8, rest)\n'
    "} else if lower.len() > 1 && lower.starts_with('0') {\n(8, &lower[1..])\n"
    "} else {\n(10, lower.as_str())\n};\n"
    "let prefixed = digits.len() < lower.len();\n"
    "let separated = !digits.contains(\"__\") && !digits.ends_with('_') "
    "&& (prefixed || !digits.starts_with('_'));\n"
    "let digits = digits.replace('_', \"\");\n"
    'let signed = if negative { format!("-{}", digits) } else { digits.clone() };\n'
    "if digits.starts_with(['+', '-']) || !separated {\n"
    'Err("parse error")\n} else {\n'
    "i64::from_str_radix(&signed, radix).map_err(|e| match e.kind() {\n"
    "std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => "
    '"value out of range",\n_ => "parse error",\n})\n}\n}'
)


def _record(name_node: Node, place: str, kind: str, env: Env) -> None:
    name = go_string_value(text(name_node)) if name_node.type.endswith("string_literal") else None
    if name is None:
        raise Untranslatable(name_node, "a flag whose name is not a literal")
    _, rust = _KINDS[kind]
    env.bind(f"{_KEY}{name}", Local(place, None, rust))


def _default(node: Node, rust: str, env: Env) -> str:
    from go2rs.bodies.exprs import coerce, expr

    return coerce(expr(node, env), rust, env)


def _usage(name: Node, usage: Node) -> str:
    """The flag's Go usage text as a comment (Go prints it for -h)."""
    described = go_string_value(text(usage)) if usage.type.endswith("string_literal") else None
    if not described:
        return ""
    flag = go_string_value(text(name)) or "?"
    return f"// -{flag}: {described.splitlines()[0]}\n"


def _called(call: Node) -> tuple[str, list[Node]]:
    from go2rs.bodies.calls import args_of

    func = call.child_by_field_name("function")
    field = func.child_by_field_name("field") if func is not None else None
    return (text(field) if field is not None else ""), args_of(call)
