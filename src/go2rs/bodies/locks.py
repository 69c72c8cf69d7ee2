"""`mu.Lock(); defer mu.Unlock()` at the top of a method -> one scoped guard (Y01).

The struct idiom moved the guarded fields inside the lock, so the body reads them through the
guard: `let mut users = self.users.lock().unwrap();` (std) or `.lock().await` (tokio, in
async code); `RLock` takes a read guard. The guard unlocks when it goes out of scope, which is
what the deferred Unlock did.
"""

from __future__ import annotations

from tree_sitter import Node

from go2rs.bodies.env import Env, Local, Untranslatable, identifiers, is_copy
from go2rs.context import Ctx
from go2rs.gomodel import FuncDecl, GoType
from go2rs.idioms import naming
from go2rs.idioms.structs import lock_field_name, lock_is_tokio
from go2rs.parse.lower import text
from go2rs.parse.parser import NodeIndex, enclosing, walk

Lines = list[str]

_LOCKS = {"Lock": "write", "RLock": "read"}


def take_guard(fn: FuncDecl, nodes: list[Node], env: Env) -> tuple[list[str], list[Node]]:
    """(guard lines, the remaining statements) when the body starts by locking its receiver's
    mutex and deferring the unlock; otherwise nothing changes."""
    receiver = fn.receiver
    plan = env.ctx.decisions.mutexes.get(receiver.type_name) if receiver else None
    if receiver is None or plan is None or not nodes or not receiver.name:
        return [], nodes
    lock_call = f"{receiver.name}.{plan.mutex_field}."
    first = text(nodes[0])
    method = first.removeprefix(lock_call).removesuffix("()")
    if not first.startswith(lock_call) or method not in _LOCKS:
        if any(lock_call in text(n) for n in nodes):
            if _sections_only(nodes, lock_call):  # each section becomes a block (locked())
                env.guard_sections = True
                return [], nodes
            raise Untranslatable(nodes[0], "a lock taken mid-body (scope the guard by hand)")
        return [], nodes
    rest = nodes[1:]
    unlock = "Unlock" if method == "Lock" else "RUnlock"
    if rest and text(rest[0]) == f"defer {lock_call}{unlock}()":
        rest = rest[1:]
    elif _sections_only(nodes, lock_call):
        env.guard_sections = True
        return [], nodes
    else:
        raise Untranslatable(nodes[0], "a lock released before the end of the body")
    if any(lock_call in text(n) for n in rest):
        raise Untranslatable(nodes[0], "a lock taken twice in one body")
    field = lock_field_name(plan)
    access = _LOCKS[method] if plan.rw else "lock"
    tokio = lock_is_tokio(receiver.type_name, env.ctx)
    if tokio and not env.is_async:  # a tokio guard is awaited; blocking_* panics in a runtime
        raise Untranslatable(nodes[0], "a tokio lock taken in a method that is not async")
    acquire = f"self.{field}.{access}().await" if tokio else f"self.{field}.{access}().unwrap()"
    declared = {naming.snake(name) for node in rest for n in walk(node) for name in _declared(n)}
    guard = f"{field}_guard" if field in declared else field  # `n := c.n` keeps its own name
    if len(plan.guarded) == 1:
        env.guarded[plan.guarded[0]] = guard
    else:
        env.guarded.update({name: f"{guard}.{naming.snake(name)}" for name in plan.guarded})
    writes = (
        method == "Lock"
        and env.receiver is not None
        and any(name in env.mutated_fields for name in plan.guarded)
    )
    env.note(
        "Y01",
        f"{receiver.name}.{plan.mutex_field}.{method}() + defer Unlock → a guard "
        "that unlocks at scope end",
    )
    if writes and len(plan.guarded) > 1:  # a plain &mut lets two fields be borrowed at once
        return [f"let {guard} = &mut *{acquire};"], rest
    return [f"let {'mut ' if writes else ''}{guard} = {acquire};"], rest


# -------------------------------------------- `p.mu.Lock(); ..; p.mu.Unlock()` in a method
#
# A method that locks its receiver's mutex for a few statements (not to its end): each
# section becomes a block that holds the guard, so the lock is released where Go unlocks.
# A name the section declares and later statements use is the block's value:
# `p.mu.Lock(); closed := p.closed; p.mu.Unlock()` ->
# `let closed = { let guard = self.closed.lock().unwrap(); *guard };`.

_UNLOCKS = {"Lock": "Unlock", "RLock": "RUnlock"}


def _sections_only(nodes: list[Node], lock_call: str) -> bool:
    """Whether the lock is used only by `Lock()`/`Unlock()` statement pairs of the body's own
    block (no nesting, none inside another statement); the last may be `Lock(); defer
    Unlock()`, which holds the lock to the end of the body."""
    open_with = ""
    for node in nodes:
        if lock_call not in text(node) or node.type == "go_statement":
            continue  # a goroutine's own sections: goroutines._receiver_task
        unlock = _UNLOCKS.get(open_with)
        if unlock is not None and text(node) == f"defer {lock_call}{unlock}()":
            open_with = "to the end"  # `mu.Lock(); defer mu.Unlock()` after other statements
            continue
        method = text(node).removeprefix(lock_call).removesuffix("()")
        if node.type != "expression_statement" or not text(node).startswith(lock_call):
            return False
        if open_with == "" and method in _UNLOCKS:
            open_with = method
        elif method == _UNLOCKS.get(open_with):
            open_with = ""
        else:
            return False
    return open_with in ("", "to the end")


def _receiver_lock(node: Node, env: Env) -> str | None:
    """ "Lock" or "RLock" when `node` is `recv.mu.Lock()` / `recv.mu.RLock()`."""
    plan = env.ctx.decisions.mutexes.get(env.receiver_type or "")
    if plan is None or env.receiver is None or node.type != "expression_statement":
        return None
    method = text(node).removeprefix(f"{env.receiver}.{plan.mutex_field}.").removesuffix("()")
    return method if method in _UNLOCKS and text(node).endswith(f".{method}()") else None


def _receiver_section(nodes: list[Node], i: int, env: Env) -> tuple[Lines, int]:
    from go2rs.bodies.stmts import kept_as_todo

    method = _receiver_lock(nodes[i], env)
    plan = env.ctx.decisions.mutexes[env.receiver_type or ""]
    unlock = f"{env.receiver}.{plan.mutex_field}.{_UNLOCKS[method or 'Lock']}()"
    if i + 1 < len(nodes) and text(nodes[i + 1]) == f"defer {unlock}":
        try:
            return _held_to_end(nodes, i, method or "Lock", env), len(nodes) - i
        except Untranslatable as exc:
            return kept_as_todo(nodes[i:], [exc.why], env, more=False), len(nodes) - i
    end = next((j for j in range(i + 1, len(nodes)) if text(nodes[j]) == unlock), None)
    if end is None:
        why = "a Lock() without its Unlock() in the same block"
        return kept_as_todo(nodes[i:], [why], env, more=False), len(nodes) - i
    try:
        lines = _guarded_block(nodes[i + 1 : end], nodes[end + 1 :], method or "Lock", env)
    except Untranslatable as exc:
        return kept_as_todo(nodes[i : end + 1], [exc.why], env, more=end + 1 < len(nodes)), (
            end + 1 - i
        )
    return lines, end + 1 - i


def _held_to_end(nodes: list[Node], i: int, method: str, env: Env) -> Lines:
    """`p.mu.Lock(); defer p.mu.Unlock()` after other statements: a guard from here to the
    end of the body, which is where the deferred Unlock runs."""
    from go2rs.bodies.stmts import block

    rest = nodes[i + 2 :]
    function = nodes[i].parent
    for _ in range(2):  # statement_list -> block -> the function
        function = function.parent if function is not None else None
    tail = (
        function is not None
        and function.type == "function_declaration"
        and env.shape.ret_rust not in (None, "()")
    )
    opening = _opening(rest, method, env)
    plan = env.ctx.decisions.mutexes[env.receiver_type or ""]
    saved = dict(env.guarded)
    if len(plan.guarded) == 1:
        env.guarded[plan.guarded[0]] = "guard"
    else:
        env.guarded.update({name: f"guard.{naming.snake(name)}" for name in plan.guarded})
    try:
        lines = block(rest, env, tail)
    finally:
        env.guarded = saved
    if not lock_is_tokio(env.receiver_type or "", env.ctx) and any(".await" in x for x in lines):
        raise Untranslatable(nodes[i], "a lock held across .await (std guards cannot be)")
    env.note("Y01", "Lock + defer Unlock mid-body → a guard to the end of the body")
    return [opening, *lines]


def _opening(section: list[Node], method: str, env: Env) -> str:
    """`let guard = self.<lock>.lock().unwrap();` (mut, `&mut *`, tokio's `.await` as needed)."""
    from go2rs.parse.facts import collect_facts

    plan = env.ctx.decisions.mutexes[env.receiver_type or ""]
    tokio = lock_is_tokio(env.receiver_type or "", env.ctx)
    if tokio and not env.is_async:
        raise Untranslatable(None, "a tokio lock taken in a method that is not async")
    field = lock_field_name(plan)
    access = _LOCKS[method] if plan.rw else "lock"
    base = f"{env.lock_base}{field}"  # `self.errs`, or a task's own handle `errs`
    acquire = f"{base}.{access}().await" if tokio else f"{base}.{access}().unwrap()"
    facts = collect_facts(section)
    touched = {p[1] for p in facts.assigned | {m for m, _ in facts.method_calls} if len(p) > 1}
    writes = method == "Lock" and bool(touched & set(plan.guarded))
    if writes and len(plan.guarded) > 1:
        return f"let guard = &mut *{acquire};"
    return f"let {'mut ' if writes else ''}guard = {acquire};"


def _guarded_block(section: list[Node], after: list[Node], method: str, env: Env) -> Lines:
    from go2rs.bodies.stmts import statement

    plan = env.ctx.decisions.mutexes[env.receiver_type or ""]
    if any(n.type in _EXITS for s in section for n in walk(s)):
        raise Untranslatable(section[0] if section else None, "a lock section that leaves early")
    tokio = lock_is_tokio(env.receiver_type or "", env.ctx)
    opening = _opening(section, method, env)
    guard = "guard"
    saved = dict(env.guarded)
    if len(plan.guarded) == 1:
        env.guarded[plan.guarded[0]] = guard
    else:
        env.guarded.update({name: f"{guard}.{naming.snake(name)}" for name in plan.guarded})
    used_after = {name for n in after for name in identifiers(n)}
    env.push()
    try:
        lines: Lines = []
        for node in section:
            lines += statement(node, env, False)
        kept = [name for s in section for name in _declared(s) if name in used_after]
        values = [env.scopes[-1][name] for name in kept if name in env.scopes[-1]]
    finally:
        env.pop()
        env.guarded = saved
    if not tokio and any(".await" in line for line in lines):
        raise Untranslatable(None, "a lock held across .await (std guards cannot be)")
    env.note("Y01", "a Lock..Unlock section → a block holding the guard")
    if len(values) != len(kept):
        raise Untranslatable(None, "a lock section declaring names used after it")
    if not kept:
        return ["{", opening, *lines, "}"]
    outs = [_out_of_guard(v.rust, v, env) for v in values]  # nothing may borrow the guard
    for name, local in zip(kept, values, strict=True):
        env.bind(name, Local(local.rust, local.go, _owned_type(local.rust_type)))
    names = [
        ("mut " if n in env.mutated else "") + v.rust for n, v in zip(kept, values, strict=True)
    ]
    pattern = names[0] if len(names) == 1 else f"({', '.join(names)})"
    tail = outs[0] if len(outs) == 1 else f"({', '.join(outs)})"
    last = f"let {values[0].rust} = "
    if len(values) == 1 and lines and lines[-1].startswith(last) and "\n" not in lines[-1]:
        value = lines[-1].removeprefix(last).removesuffix(";")  # clippy: let_and_return
        lines, tail = lines[:-1], _out_of_guard(value, values[0], env)
    return [f"let {pattern} = {{", opening, *lines, tail, "};"]


def _owned_type(rust: str | None) -> str | None:
    """The owned Rust type `_out_of_guard` makes of a reference type."""
    if rust == "&str":
        return "String"
    if rust is not None and rust.startswith("&[") and rust.endswith("]"):
        return f"Vec<{rust[2:-1]}>"
    return (rust or "").removeprefix("&mut ").removeprefix("&") or None


def _out_of_guard(value: str, local: Local, env: Env) -> str:
    """`value` as an owned result of a section: a reference into the guard is copied or
    cloned (the guard, and with it the lock, ends with the section)."""
    from go2rs.bodies.exprs import cloneable

    rust = local.rust_type or ""
    if not rust.startswith("&"):
        return value
    if rust == "&str":
        return f"{value}.to_string()"
    if rust.startswith("&["):
        return f"{value}.to_vec()"
    if is_copy(local.go):
        return f"*{value}"
    if local.go is not None and cloneable(local.go, env):
        return f"{value}.clone()"
    raise Untranslatable(None, f"a lock section lending out {local.rust} (not Clone)")


# ------------------------------------------------- state goroutines share with their spawner
#
# Go lets a goroutine write a local of the function that starts it; a tokio task must own
# what it uses. Such a local becomes `Arc<Mutex<T>>` from its declaration on (each task
# clones the handle), and every statement that touches it holds its lock:
#
# - `mu.Lock(); ..; mu.Unlock()` (mu a local sync.Mutex) -> one block holding the guard for
#   the whole section, so what Go did atomically stays atomic;
# - any other simple statement (or a `for .. range x`) -> a block that locks it for that
#   statement only.
#
# Anything else that names such a local (an expression, a declaration, a closure) stays
# untranslated: `_identifier` refuses a "state" local outside these blocks.

_SIMPLE = ("expression_statement", "assignment_statement", "inc_statement", "dec_statement")
_EXITS = (
    "return_statement",
    "break_statement",
    "continue_statement",
    "goto_statement",
    "go_statement",
    "defer_statement",
    "func_literal",
)


def _declared(node: Node) -> list[str]:
    """Names a declaration-like node introduces."""
    names: list[Node] = []
    if node.type == "short_var_declaration" or (
        node.type == "range_clause" and ":=" in text(node).split("range", 1)[0]
    ):
        left = node.child_by_field_name("left")
        names = left.named_children if left is not None else []
    elif node.type in ("var_spec", "parameter_declaration"):
        names = node.children_by_field_name("name")
    return [text(n) for n in names if n.type == "identifier"]


def written_root(node: Node | None) -> str | None:
    """`results` in `results[i]`, `s.total`, `(x)`: the local a write lands in."""
    while node is not None and node.type != "identifier":
        if node.type in ("index_expression", "selector_expression"):
            node = node.child_by_field_name("operand")
        elif node.type == "parenthesized_expression" and node.named_children:
            node = node.named_children[0]
        else:
            return None
    return text(node) if node is not None else None


def _written(node: Node) -> set[str]:
    """Locals assigned, incremented or lent out (`&x`) anywhere under `node`."""
    found: set[str] = set()
    for current in walk(node):
        targets: list[Node] = []
        if current.type == "assignment_statement":
            left = current.child_by_field_name("left")
            targets = left.named_children if left is not None else []
        elif current.type in ("inc_statement", "dec_statement"):
            targets = current.named_children[:1]
        elif (
            current.type == "unary_expression"
            and text(current.child_by_field_name("operator")) == "&"
        ):
            targets = [n for n in [current.child_by_field_name("operand")] if n is not None]
        found.update(r for r in map(written_root, targets) if r is not None)
    return found


_DECLARING = ("short_var_declaration", "range_clause", "var_spec", "parameter_declaration")


def shared_locals(body: Node, index: NodeIndex) -> tuple[frozenset[str], frozenset[str]]:
    """(locals `go func(){..}()` bodies write, local sync.Mutexes used only as
    `mu.Lock()` / `mu.Unlock()` statements), by Go name. Names declared twice in the body,
    or declared inside any function literal too, are left out: a name must mean one local."""
    outer: dict[str, int] = {}
    inner: set[str] = set()
    written: set[str] = set()
    mutex_types: dict[str, str] = {}
    for node in index.nodes(_DECLARING, within=body):
        names = _declared(node)
        in_literal = bool(names) and _inside(node, body, "func_literal")
        for name in names:
            if in_literal:
                inner.add(name)
            else:
                outer[name] = outer.get(name, 0) + 1
        if names and node.type == "var_spec" and not in_literal:
            type_text = text(node.child_by_field_name("type"))
            if type_text.startswith("sync."):  # a lock or WaitGroup is never the state
                mutex_types.update({name: type_text for name in names})
    for node in index.nodes(("go_statement",), within=body):
        call = node.named_children[0] if node.named_children else None
        function = call.child_by_field_name("function") if call is not None else None
        if function is not None and function.type == "func_literal":
            written |= _written(function)
    once = {name for name, count in outer.items() if count == 1} - inner
    lent = {  # `atomic.AddInt64(&n, 1)`, `f(&x)`: a pointer to it is not a lock guard
        text(n.child_by_field_name("operand"))
        for n in index.nodes(("unary_expression",), within=body)
        if text(n.child_by_field_name("operator")) == "&"
    }
    shared = frozenset((written & once) - set(mutex_types) - lent)
    mutexes = frozenset(
        name
        for name, type_text in mutex_types.items()
        if type_text == "sync.Mutex" and name in once and shared and _only_locked(body, name, index)
    )  # with no shared local, a mutex guards something else: it stays untranslated
    return shared, mutexes


def _inside(node: Node, top: Node, kind: str) -> bool:
    """Whether `node` sits inside a `kind` node (a func literal, a go statement) below `top`."""
    return enclosing(node, top, kind) is not None


def _only_locked(body: Node, name: str, index: NodeIndex) -> bool:
    """Whether every use of `name` (but its declaration) is a `name.Lock()` or
    `name.Unlock()` statement."""
    for node in index.identifiers(name, within=body):
        selector = node.parent
        if selector is not None and selector.type == "var_spec":
            continue
        call = selector.parent if selector is not None else None
        statement = call.parent if call is not None else None
        lock = _lock_statement(statement)
        if lock is None or lock[0] != name or statement is None or call is None:
            return False
        if call != statement.named_children[0] or selector != call.child_by_field_name("function"):
            return False
    return True


def _lock_statement(node: Node | None) -> tuple[str, str] | None:
    """(mutex, "Lock" or "Unlock") for a `mu.Lock()` / `mu.Unlock()` statement."""
    call = (
        node.named_children[0] if node is not None and node.type == "expression_statement" else None
    )
    if call is None or call.type != "call_expression":
        return None
    function = call.child_by_field_name("function")
    args = call.child_by_field_name("arguments")
    if function is None or function.type != "selector_expression" or args is None:
        return None
    operand = function.child_by_field_name("operand")
    method = text(function.child_by_field_name("field"))
    if operand is None or operand.type != "identifier" or args.named_children:
        return None
    if method not in ("Lock", "Unlock"):
        return None
    return text(operand), method


def declare_shared(name: str, value: str, rust: str | None, go: GoType | None, env: Env) -> str:
    """`total := 0`, written by goroutines -> `let total: Arc<Mutex<i64>> = ..;`."""
    if rust is None and go is not None:  # an untyped constant: Go gave it its default type
        from go2rs.bodies.exprs import rust_type

        rust = rust_type(go, env)
    if not rust or rust.startswith(("&", "impl ")):
        raise Untranslatable(None, f"a local goroutines write ({name}) of an unknown owned type")
    shared = f"Arc<Mutex<{rust}>>"
    env.bind(name, Local(naming.snake(name), go, shared, lock="state"))
    env.uses.update({"std::sync::Arc", "std::sync::Mutex"})
    env.note("C01", "a local goroutines write → Arc<Mutex<T>>; each statement using it locks it")
    return f"let {naming.snake(name)}: {shared} = Arc::new(Mutex::new({value}));"


def declare_mutex(name: str, go: GoType, env: Env) -> Lines:
    """`var mu sync.Mutex` used only to guard shared locals: Rust locks the data itself."""
    env.bind(name, Local(naming.snake(name), go, None, lock="mutex"))
    env.note("Y01", "a local sync.Mutex → each Lock..Unlock section holds the data's own lock")
    return [
        f"// go2rs: `var {name} sync.Mutex`: each Lock..Unlock section locks the data it guards"
    ]


def locked(nodes: list[Node], i: int, env: Env) -> tuple[Lines, int] | None:
    """(lines, statements used) when `nodes[i]` locks shared state: a `mu.Lock()` section,
    or a statement naming a shared local; None for every other statement."""
    node = nodes[i]
    if env.guard_sections and _receiver_lock(node, env) is not None:
        return _receiver_section(nodes, i, env)
    lock = _lock_statement(node)
    mutex = env.lookup(lock[0]) if lock is not None else None
    if lock is not None and lock[1] == "Lock" and mutex is not None and mutex.lock == "mutex":
        return _section(nodes, i, lock[0], env)
    # Only shared locals are "state" (declare_shared); a go statement clones their Arcs.
    names = _state_in(node, env) if env.shared and node.type != "go_statement" else []
    if not names:
        return None
    if len(names) > 1:
        raise Untranslatable(node, f"one statement locking {', '.join(names)} (lock order)")
    if node.type in _SIMPLE and not any(n.type in _EXITS for n in walk(node)):
        return _hold(names[0], [node], node, env), 1
    clause = next((c for c in node.named_children if c.type == "range_clause"), None)
    body = node.child_by_field_name("body")
    if (
        node.type == "for_statement"
        and clause is not None
        and text(clause.child_by_field_name("right")) == names[0]
        and names[0] not in identifiers(body)
        and not any(n.type in _EXITS[3:] for n in walk(node))
    ):
        return _hold(names[0], [node], node, env), 1
    return None


def _state_in(node: Node, env: Env) -> list[str]:
    """Shared ("state") locals a statement names outside the goroutines it starts."""
    found: list[str] = []
    for current in walk(node):
        if current.type != "identifier":
            continue
        name = text(current)
        local = env.lookup(name)
        if local is None or local.lock != "state" or name in found:
            continue
        if not _inside(current, node, "go_statement"):
            found.append(name)
    return found


def _section(nodes: list[Node], i: int, mutex: str, env: Env) -> tuple[Lines, int]:
    """`mu.Lock(); ..; mu.Unlock()` -> one block holding the guarded local's lock."""
    from go2rs.bodies.stmts import kept_as_todo

    end = next(
        (j for j in range(i + 1, len(nodes)) if _lock_statement(nodes[j]) == (mutex, "Unlock")),
        None,
    )
    try:
        if end is None:
            raise Untranslatable(nodes[i], f"{mutex}.Lock() without {mutex}.Unlock() in its block")
        section = nodes[i + 1 : end]
        if any(mutex in identifiers(n) for n in section):
            raise Untranslatable(nodes[i], f"{mutex} used again inside its own section")
        if any(n.type in _EXITS for s in section for n in walk(s)):
            raise Untranslatable(nodes[i], "a lock section that returns, jumps or starts tasks")
        names = sorted({name for s in section for name in _state_in(s, env)})
        if len(names) != 1:
            guarded = ", ".join(names) if names else "no local goroutines write"
            raise Untranslatable(nodes[i], f"a {mutex}.Lock() section guarding {guarded}")
        declared = {name for s in section for name in _declared(s)}
        if declared & {name for later in nodes[end + 1 :] for name in identifiers(later)}:
            raise Untranslatable(nodes[i], "a lock section declaring names used after it")
        lines = _hold(names[0], section, nodes[i], env)
    except Untranslatable as exc:
        stop = len(nodes) if end is None else end + 1
        return kept_as_todo(nodes[i:stop], [exc.why], env, more=stop < len(nodes)), stop - i
    return lines, end - i + 1


def _hold(name: str, nodes: list[Node], at: Node, env: Env) -> Lines:
    """`{ let total = &mut *total.lock().unwrap(); <nodes> }`: the statements see the guarded
    value (a copy, when they only read a Copy value) while the block holds the lock."""
    from go2rs.bodies.env import is_copy
    from go2rs.bodies.stmts import block

    local = env.lookup(name)
    assert local is not None and local.rust_type is not None
    inner = local.rust_type.removeprefix("Arc<Mutex<").removesuffix(">>")
    writes = any(name in _written(n) for n in nodes)
    skipped, notes = len(env.skipped), len(env.notes)
    env.push()
    try:
        if is_copy(local.go) and not writes:
            guard = f"let {local.rust} = *{local.rust}.lock().unwrap();"
            env.bind(name, Local(local.rust, local.go, inner))
        elif nodes[0].type == "for_statement" and not writes:  # a range only reads it
            guard = f"let {local.rust} = &*{local.rust}.lock().unwrap();"
            env.bind(name, Local(local.rust, local.go, f"&{inner}"))
        else:
            guard = f"let {local.rust} = &mut *{local.rust}.lock().unwrap();"
            env.bind(name, Local(local.rust, local.go, f"&mut {inner}"))
        lines = block(nodes, env, False)
    finally:
        env.pop()
    if any(".await" in line for line in lines):
        del env.skipped[skipped:], env.notes[notes:]
        raise Untranslatable(
            at, "a lock held across .await (std guards cannot be; tokio::sync::Mutex would)"
        )
    return ["{", guard, *lines, "}"]


# --------------------------------- values tasks share through their lock-guarded methods
#
# `c := Container{..}` whose type's mutex owns its state (Y01: every method locks for itself
# and takes &self) and that goroutines (or closures they run) use while the spawner does too:
# Go shares the one value; Rust shares it as `Arc<Container>`, each task (and each closure)
# holding its own handle. Only method calls that take &self may use such a local.


def arc_locals(body: Node, index: NodeIndex, ctx: Ctx) -> frozenset[str]:
    """Go names of the locals declared (once) from a literal of a lock-owning type that more
    than one task, closure or the spawner call &self methods on, and nothing else uses."""
    declared: dict[str, int] = {}
    types: dict[str, str] = {}
    for node in index.nodes(_DECLARING, within=body):
        names = _declared(node)
        for name in names:
            declared[name] = declared.get(name, 0) + 1
        right = node.child_by_field_name("right") if node.type == "short_var_declaration" else None
        values = right.named_children if right is not None else []
        literal = _literal_type(values[0]) if len(names) == 1 and len(values) == 1 else None
        if literal is not None:
            types[names[0]] = literal
    return frozenset(
        name
        for name, type_name in types.items()
        if declared.get(name) == 1
        and type_name in ctx.decisions.mutexes
        and _shared_by_method_calls(body, name, type_name, index, ctx)
    )


def _literal_type(value: Node) -> str | None:
    """`T` of a `T{..}` or `&T{..}` literal of a named type."""
    if value.type == "unary_expression" and text(value.child_by_field_name("operator")) == "&":
        operand = value.child_by_field_name("operand")
        value = operand if operand is not None else value
    kind = value.child_by_field_name("type") if value.type == "composite_literal" else None
    return text(kind) if kind is not None and kind.type == "type_identifier" else None


def _shared_by_method_calls(
    body: Node, name: str, type_name: str, index: NodeIndex, ctx: Ctx
) -> bool:
    """Whether every use of `name` calls a method of `type_name` that takes &self, from more
    than one owner (the spawner, a goroutine, a func literal) or from a goroutine in a loop."""
    known = {m.name for m in ctx.program.methods.get(type_name, [])}
    owners: dict[tuple[int, int] | None, str] = {}  # owner span -> its node type
    looped = returned = False
    for node in index.identifiers(name, within=body):
        parent = node.parent
        if parent is None:
            continue
        holder = parent.parent
        if (
            holder is not None
            and holder.type == "short_var_declaration"
            and holder.child_by_field_name("left") == parent
        ):
            continue  # the declaration
        if _returned_after_join(node, body):
            owners[None] = ""
            returned = True
            continue
        call = parent.parent if parent.type == "selector_expression" else None
        method = text(parent.child_by_field_name("field")) if call is not None else ""
        if (
            call is None
            or call.type != "call_expression"
            or call.child_by_field_name("function") != parent
            or method not in known
            or f"{type_name}.{method}" in ctx.decisions.mut_receivers
        ):
            return False
        owner = _outermost(node, body)
        span = (owner.start_byte, owner.end_byte) if owner is not None else None
        owners[span] = owner.type if owner is not None else ""
        looped = looped or (owner is not None and _inside(owner, body, "for_statement"))
    if returned and any(
        span is not None and kind != "go_statement" for span, kind in owners.items()
    ):
        return False  # a closure could still hold a handle when the function returns it
    return len(owners) > 1 or (looped and len(owners) == 1)


def _returned_after_join(node: Node, body: Node) -> bool:
    """`return h` as the body's last statement, after `wg.Wait()` and with no goroutine
    started after that wait: every task (all spawn into the WaitGroup's JoinSet) has ended
    and dropped its handle, so the function can take the value out of its Arc."""
    statement = node.parent.parent if node.parent is not None else None
    if statement is None or statement.type != "return_statement" or node.parent is None:
        return False
    if node.parent.type != "expression_list" or len(node.parent.named_children) != 1:
        return False
    top = statement.parent
    if top is None or top.parent != body:
        return False  # not a statement of the function's own block
    siblings = [s for s in top.named_children if s.type != "comment"]
    if siblings[-1] != statement:
        return False
    waits = [i for i, s in enumerate(siblings) if text(s).endswith(".Wait()") and _is_wait(s)]
    return bool(waits) and not any(
        n.type == "go_statement" for s in siblings[waits[-1] :] for n in walk(s)
    )


def _is_wait(statement: Node) -> bool:
    call = statement.named_children[0] if statement.type == "expression_statement" else None
    function = call.child_by_field_name("function") if call is not None else None
    operand = function.child_by_field_name("operand") if function is not None else None
    return (
        operand is not None
        and operand.type == "identifier"
        and _declared_wait_group(statement, text(operand))
    )


def _declared_wait_group(statement: Node, name: str) -> bool:
    """Whether `var name sync.WaitGroup` is declared in the same block before `statement`."""
    top = statement.parent
    for sibling in top.named_children if top is not None else []:
        if sibling == statement:
            return False
        for spec in walk(sibling) if sibling.type == "var_declaration" else []:
            if spec.type == "var_spec" and name in _declared(spec):
                return text(spec.child_by_field_name("type")) == "sync.WaitGroup"
    return False


def into_inner(value: str) -> str:
    """A shared value returned after its tasks were joined (see `_returned_after_join`)."""
    return f'Arc::into_inner({value}).expect("every task sharing it has ended")'


def _outermost(node: Node, top: Node) -> Node | None:
    """The outermost go statement or func literal holding `node` below `top`."""
    found = None
    parent = node.parent
    while parent is not None and parent != top:
        if parent.type in ("go_statement", "func_literal"):
            found = parent
        parent = parent.parent
    return found


def declare_arc(name: str, value: str, rust: str | None, go: GoType | None, env: Env) -> str:
    """`c := Container{..}` (see arc_locals) -> `let c = Arc::new(Container { .. });`."""
    if not rust or rust.startswith(("&", "impl ", "Arc<", "Box<")):
        raise Untranslatable(None, f"a value tasks share ({name}) of an unexpected type")
    env.bind(name, Local(naming.snake(name), go, f"Arc<{rust}>"))
    env.uses.add("std::sync::Arc")
    env.note("Y02", "a value tasks share through its locking methods → Arc<T>, a handle per task")
    return f"let {naming.snake(name)} = Arc::new({value});"
