"""bufio.Scanner line loops -> `BufRead::lines()`.

Go's `sc := bufio.NewScanner(r)` + `for sc.Scan() { .. sc.Text() .. }` + a check of
`sc.Err()` right after the loop is one idiom: read lines until EOF or the first read error.
Rust's `BufReader::new(r).lines()` yields `io::Result<String>` per line, so the loop is a
`for` over it whose error arm does what Go does after the loop when `sc.Err()` is not nil
(return it, or run the `if err := sc.Err(); err != nil` handler), and the code after the loop
sees Go's nil error. Scanner uses outside that shape stay todo.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import ERROR, INT, STRING, E, Env, Local, Untranslatable, identifiers
from go2rs.bodies.loops import counter, has_continue
from go2rs.bodies.stdlib import OS_FILE
from go2rs.gomodel import TName, TPointer
from go2rs.idioms import naming
from go2rs.parse.lower import text
from go2rs.parse.parser import root_of

SCANNER = TPointer(TName("Scanner", "bufio"))


def new_scanner(args: list[Node], node: Node, env: Env) -> E:
    """`bufio.NewScanner(r)` -> `BufReader::new(r).lines()`; a File is read through `&f` (so
    the file stays usable, as in Go), any other reader is handed over."""
    from go2rs.bodies.exprs import expr

    if len(args) != 1:
        raise Untranslatable(node, "bufio.NewScanner with other than one reader")
    special = std_reader(args[0], env)
    if special is not None:
        env.uses.add("std::io::BufRead")
        return E(f"{special}.lines()", SCANNER, "std::io::Lines")
    reader = expr(args[0], env)
    if reader.go != OS_FILE and not (reader.rust or "").startswith(
        ("&mut dyn Read", "Box<dyn Read")
    ):
        raise Untranslatable(node, "bufio.NewScanner of a reader go2rs cannot read in Rust")
    source = f"&{reader.at(1)}" if reader.go == OS_FILE else reader.text
    env.uses.update(("std::io::BufRead", "std::io::BufReader"))
    return E(f"BufReader::new({source}).lines()", SCANNER, "std::io::Lines")


def std_reader(arg: Node, env: Env) -> str | None:
    """os.Stdin -> `std::io::stdin()`; `strings.NewReader(s)` of a string the body holds ->
    its bytes (a `&[u8]` reads lines as it is): both are BufRead already."""
    from go2rs.bodies.env import is_string
    from go2rs.bodies.exprs import expr

    func = arg.child_by_field_name("function") if arg.type == "call_expression" else arg
    if func is None or func.type != "selector_expression":
        return None
    package = env.package_of(func.child_by_field_name("operand"))
    path = env.ctx.program.import_path(package) if package is not None else None
    field = text(func.child_by_field_name("field"))
    if arg.type == "selector_expression" and (path, field) == ("os", "Stdin"):
        return "std::io::stdin()"
    inner = arg.child_by_field_name("arguments")
    values = [c for c in inner.named_children if c.type != "comment"] if inner else []
    if arg.type != "call_expression" or (path, field) != ("strings", "NewReader"):
        return None
    if len(values) != 1:
        return None
    value = expr(values[0], env)
    borrowed = value.place or value.literal is not None or value.rust == "&str"
    if not is_string(value.go) or not borrowed:  # a temporary would not outlive the loop
        return None
    return f"{value.at(0)}.as_bytes()"


def method(receiver: E, name: str, args: list[Node], node: Node, env: Env) -> E:
    """`sc.Text()` inside its Scan loop (the line the loop bound), `sc.Err()` where the loop
    shape fixed it (the read error in the loop's error arm, nil after the loop)."""
    if args:
        raise Untranslatable(node, f"Scanner.{name} with arguments")
    subject = text(node.child_by_field_name("function")).rsplit(".", 1)[0]
    bound = env.lookup(f"{subject}.{name}()") if name in ("Text", "Err") else None
    if bound is None:
        raise Untranslatable(node, f"Scanner.{name} outside a `for sc.Scan()` loop go2rs reads")
    if name == "Text":
        once = env.lookup(f"{subject}.Text() once") is not None
        return E(bound.rust, STRING, "String", place=not once)
    if bound.rust_type == "std::io::Error":
        return E(bound.rust, ERROR, bound.rust_type)
    return E(f"{bound.rust}.into()", ERROR, bound.rust_type)  # the function's error type


def scan_of(node: Node, env: Env) -> str | None:
    """`sc` when `node` is a `for` loop whose condition is `sc.Scan()` on a local Scanner."""
    return scanned(_condition(node), env)


def _condition(node: Node) -> Node | None:
    body = node.child_by_field_name("body")
    clause = next((c for c in node.named_children if c.type == "for_clause"), None)
    if clause is not None:
        return clause.child_by_field_name("condition")
    if any(c.type == "range_clause" for c in node.named_children):
        return None
    return next((c for c in node.named_children if c != body and c.type != "comment"), None)


def scan_loop(
    node: Node, following: Node | None, env: Env, prefix: str, tail: bool = False
) -> tuple[list[str], int]:
    """`for [init]; sc.Scan(); [post] { body }`, with the statement after it when that checks
    `sc.Err()`: the Rust lines and how many Go statements they cover (1 or 2). Raises when
    the loop reads a scanner in a shape this mapping does not cover."""
    from go2rs.bodies.exprs import expr
    from go2rs.bodies.stmts import braced, statement, statements

    clause = next((c for c in node.named_children if c.type == "for_clause"), None)
    body = node.child_by_field_name("body")
    cond = _condition(node)
    name = scanned(cond, env)
    assert name is not None and cond is not None
    root = root_of(node)
    if any(f"{name}.{m}(" in text(root) for m in ("Split", "Buffer")):
        raise Untranslatable(node, "a Scanner with its own split function or buffer")
    if body is None or f"{name}.Scan()" in text(body):
        raise Untranslatable(node, "a Scan loop that scans again inside its body")
    check = following if following is not None and f"{name}.Err()" in text(following) else None
    later = _later_siblings(node)[1 if check is not None else 0 :]
    if any(name in identifiers(s) for s in later):
        raise Untranslatable(node, f"`{name}` used after its Scan loop (lines() consumed it)")
    update = clause.child_by_field_name("update") if clause else None
    init = clause.child_by_field_name("initializer") if clause else None
    counter = _counter(init, update, body)
    if update is not None and counter is None and has_continue(body):
        raise Untranslatable(node, "a Scan loop with `continue` and a post statement")
    if init is not None and check is not None and set(identifiers(init)) & set(identifiers(check)):
        raise Untranslatable(node, "a Scan loop whose error check uses a name its init shadows")
    line = "text" if "text" not in identifiers(root) else f"{naming.snake(name)}_text"
    error = f"{naming.snake(name)}_err" if "err" in identifiers(body) else "err"
    arm, after = _error_arm(check, name, error, env, tail)
    env.push()
    try:
        head, post, items = [], [], line
        if counter is not None:  # `for n := 1; sc.Scan(); n++`: numbered lines
            start = expr(counter[1], env)
            first = f"{start.text}_i64" if start.literal is not None else start.at(0)
            env.bind(counter[0], Local(naming.snake(counter[0]), INT, "i64"))
            items = f"({naming.snake(counter[0])}, {line})"
        else:
            head = statement(init, env, False) if init is not None else []
            post = statement(update, env, False) if update is not None else []
        env.bind(f"{name}.Text()", Local(line, STRING, "String"))
        if _used_once(f"{name}.Text()", body):  # the line can move into that one use
            env.bind(f"{name}.Text() once", Local(line, STRING, "String"))
        inner = braced(statements(body), env, False)
    finally:
        env.pop()
    env.note("T04", "bufio.Scanner → BufRead::lines() (a line over 64 KiB is no error in Rust)")
    read = _read_line(line, arm, error, used=f"{name}.Text()" in text(body))
    source = text(cond.child_by_field_name("function"))[: -len(".Scan")]
    if counter is not None:
        source = f"({first}..).zip({source})"
    loop = f"{prefix}for {items} in {source} "
    lines_of_body = inner[1:-1].strip("\n") if inner != "{}" else ""
    loop += "{\n" + "\n".join(x for x in (read, lines_of_body, *post) if x) + "\n}"
    out = ["{", *head, loop, "}"] if head else [loop]
    return out + after, 2 if check is not None else 1


def _read_line(line: str, arm: str, error: str, used: bool) -> str:
    """The loop's first statement: the line, or the error arm on a read error."""
    if arm == f"Err({error}) => return Err({error}.into()),":  # Go returns the error as is
        return f"let {line} = {line}?;" if used else f"{line}?;"
    if arm == "Err(_) => break,":
        return (
            f"let Ok({line}) = {line} else {{\nbreak;\n}};"
            if used
            else (f"if {line}.is_err() {{\nbreak;\n}}")
        )
    if not used:
        handled = arm.removeprefix(f"Err({error}) => ").removesuffix(",")
        return f"if let Err({error}) = {line} {handled}"
    return f"let {line} = match {line} {{\nOk({line}) => {line},\n{arm}\n}};"


def _counter(init: Node | None, update: Node | None, body: Node) -> tuple[str, Node] | None:
    """`n := start` .. `n++`, with `n` left alone in the body: (n, start)."""
    found = counter(init, update, body)
    return (found[0], found[1]) if found is not None and found[2] == 1 else None


def scanned(cond: Node | None, env: Env) -> str | None:
    """`sc` in a loop condition `sc.Scan()` on a local Scanner."""
    if cond is None or cond.type != "call_expression" or text(cond).split("(")[-1] != ")":
        return None
    func = cond.child_by_field_name("function")
    operand = func.child_by_field_name("operand") if func is not None else None
    if func is None or func.type != "selector_expression" or operand is None:
        return None
    if text(func.child_by_field_name("field")) != "Scan" or operand.type != "identifier":
        return None
    local = env.lookup(text(operand))
    return text(operand) if local is not None and local.go == SCANNER else None


def _error_arm(
    check: Node | None, name: str, error: str, env: Env, tail: bool
) -> tuple[str, list[str]]:
    """The `Err(..)` arm of the line match, and the Rust for the check after the loop."""
    from go2rs.bodies.stmts import (
        _diverges,
        _return_values,
        braced,
        statement,
        statements,
        success_return,
    )

    if check is None:  # Go ignores the read error: the loop just ends
        return "Err(_) => break,", []
    if check.type == "return_statement":
        held = _error_type(check, env)
        env.push()
        env.bind(f"{name}.Err()", Local(error, ERROR, held))
        returned = statement(check, env, False)
        env.pop()
        values = _return_values(check)
        if not values or text(values[-1]) != f"{name}.Err()":
            raise Untranslatable(check, "a return that uses sc.Err() other than as its error")
        return f"Err({error}) => {' '.join(returned).removesuffix(';')},", success_return(
            values, env, tail
        )
    init = check.child_by_field_name("initializer")
    cond = check.child_by_field_name("condition")
    if check.type != "if_statement" or check.child_by_field_name("alternative") is not None:
        raise Untranslatable(check, "sc.Err() checked in a shape go2rs does not read")
    go_error = None
    if init is not None and init.type == "short_var_declaration":
        left, right = init.child_by_field_name("left"), init.child_by_field_name("right")
        if left is None or right is None or text(right) != f"{name}.Err()":
            raise Untranslatable(check, "sc.Err() checked in a shape go2rs does not read")
        go_error = text(left)
    elif init is not None:
        raise Untranslatable(check, "sc.Err() checked in a shape go2rs does not read")
    subject = go_error or f"{name}.Err()"
    if cond is None or text(cond) != f"{subject} != nil":
        raise Untranslatable(check, "sc.Err() checked in a shape go2rs does not read")
    handler = statements(check.child_by_field_name("consequence"))
    env.push()
    env.bind(subject, Local(error, ERROR, "std::io::Error"))  # as other std errors are held
    handled = braced(handler, env, False)
    env.pop()
    if handler and _diverges(handler[-1]):
        return f"Err({error}) => {handled}", []
    return f"Err({error}) => {{\n{handled[1:-1].strip(chr(10))}\nbreak;\n}}", []


def _error_type(check: Node, env: Env) -> str:
    """What `err.into()` in a returning error arm converts into: the function's error type,
    which must take a std::io::Error."""
    plan = env.ctx.decisions.errors
    if (env.shape.ret_rust or "").startswith("anyhow::Result"):
        return "anyhow::Error"
    foreign = plan.foreign if plan is not None else ()
    if env.shape.error_enum is not None and any(r == "std::io::Error" for _, r, _ in foreign):
        return env.shape.error_enum
    raise Untranslatable(check, "sc.Err() returned as an error type without an io variant")


def _used_once(call: str, body: Node) -> bool:
    """`call` occurs once in `body`, and not inside a nested loop or closure (where a moved
    line would be moved again)."""
    found = []
    stack = [body]
    while stack:
        current = stack.pop()
        if current.type == "call_expression" and text(current) == call:
            found.append(current)
        stack.extend(current.named_children)
    if len(found) != 1:
        return False
    node = found[0].parent
    while node is not None and node != body:
        if node.type in ("for_statement", "func_literal"):
            return False
        node = node.parent
    return True


def _later_siblings(node: Node) -> list[Node]:
    out = []
    current = node.next_named_sibling
    while current is not None:
        out.append(current)
        current = current.next_named_sibling
    return out
