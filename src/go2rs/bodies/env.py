"""Draft-mode state for one function body: locals with their types, the result shape, and the
typed expression value every translator returns.

A body either translates completely or not at all (`Untranslatable`): half-translated bodies
would not compile, so a function falls back to its skeleton with the reason noted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tree_sitter import Node

from go2rs.context import Ctx
from go2rs.parse.parser import NodeIndex

if TYPE_CHECKING:
    from go2rs.bodies.calls import Formatted
from go2rs.gomodel import (
    FLOAT_KINDS,
    INTEGER_KINDS,
    GoType,
    Param,
    TArray,
    TChan,
    TMap,
    TName,
    TPointer,
    TSlice,
    TStruct,
)

INTS = INTEGER_KINDS - {"rune"}  # a rune is a char in Rust, not an integer
COPY_KINDS = INTS | FLOAT_KINDS | {"bool", "rune"}
STRING = TName("string")
INT = TName("int")
BOOL = TName("bool")
ERROR = TName("error")


class Untranslatable(Exception):
    """Raised where go2rs cannot translate a construct faithfully; the body stays a todo."""

    def __init__(self, node: Node | None, why: str) -> None:
        where = f" (line {node.start_point[0] + 1})" if node is not None else ""
        super().__init__(f"{why}{where}")
        self.why = why
        self.statements: int | None = None  # statements of the body it stopped, when known


class NeedsMut(Exception):
    """A translation found that Rust must borrow these locals (Go names) `&mut`, which their
    declarations, already written, did not allow: the body is translated again with them
    declared `mut` (a range loop that changes the collection's shared elements in place)."""

    def __init__(self, names: frozenset[str]) -> None:
        super().__init__(", ".join(sorted(names)))
        self.names = names


@dataclass(frozen=True, slots=True)
class E:
    """A translated expression: Rust text, its Go type and Rust type when known, precedence."""

    text: str
    go: GoType | None = None
    rust: str | None = None
    prec: int = 0  # 0 atom/postfix, 1 unary, 2 `as`, 3 * / %, 4 + -, 5 shifts, 6 &, 7 ^, 8 |,
    # 9 comparisons, 10 &&, 11 ||, 12 ranges/closures
    fallible: bool = False  # a call returning Go's (.., error): a Rust Result
    results: tuple[GoType, ...] = ()  # the value types of a multi-result call
    literal: str | None = None  # the value of a literal, for folding into format strings
    fmt: Formatted | None = None  # a format!(..) kept structured for splicing
    place: bool = False  # a variable, field or element: using it by value moves out of it
    statement: str | None = None  # the text to use when the value is discarded (a statement)
    error: str | None = None  # a fallible call's Rust error type, where go2rs fixed it

    def at(self, max_prec: int) -> str:
        """The text, parenthesized if it binds looser than `max_prec` allows."""
        return f"({self.text})" if self.prec > max_prec else self.text

    def borrowed(self) -> str:
        """The value as a reference: itself when it already is one, else `&value`."""
        return self.text if (self.rust or "").startswith("&") else f"&{self.at(1)}"


SHARED_RX = "Arc<tokio::sync::Mutex<mpsc::Receiver"  # how a shared Receiver's type starts


@dataclass(frozen=True, slots=True)
class Skipped:
    """Statements a body kept as `todo!()`: one go2rs could not translate, with the rest of
    its block when those depend on it."""

    line: int  # of the first statement, in the body's own parse (line 1 is `package p`)
    statements: int  # statements skipped, nested ones included
    why: str
    go: str  # the first line of the Go statement


def statements_under(node: Node) -> int:
    """Statements nested anywhere under `node` (not counting `node` itself), iteratively."""
    count = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "statement_list":
            count += sum(
                1 for c in current.named_children if c.type not in ("comment", "empty_statement")
            )
        stack.extend(current.named_children)
    return count


@dataclass
class Local:
    rust: str
    go: GoType | None
    rust_type: str | None = None
    chan_pair: bool = False  # a `make(chan T)` local split into `<name>_tx` / `<name>_rx`
    # "state": a local goroutines write, declared `Arc<Mutex<T>>` (only locking statements use
    # it); "mutex": a local sync.Mutex whose Lock..Unlock sections lock that state instead.
    lock: str = ""
    shared_rx: bool = False  # a chan_pair whose Receiver several tasks share (Arc<Mutex<..>>)


@dataclass
class FnShape:
    """What `return` must build: the Go results and how Rust wraps them."""

    results: tuple[Param, ...]
    returns_error: bool
    options: frozenset[int]
    ret_rust: str | None
    is_main_pkg: bool
    error_enum: str | None

    @property
    def values(self) -> tuple[Param, ...]:
        return self.results[:-1] if self.returns_error else self.results


@dataclass(frozen=True, slots=True)
class Checkpoint:
    scopes: list[dict[str, Local]]
    uses: set[str]
    notes: list[tuple[str, str]]
    skipped: int  # how many statements were kept as todo!() by then


@dataclass
class Env:
    ctx: Ctx
    shape: FnShape
    receiver: str | None = None  # the Go receiver name, which becomes `self`
    receiver_type: str | None = None
    is_async: bool = False
    scopes: list[dict[str, Local]] = field(default_factory=lambda: [{}])
    mutated: frozenset[str] = frozenset()
    mutated_fields: frozenset[str] = frozenset()  # receiver fields the body changes
    spawning_in_loop: bool = False  # translating a goroutine started inside a loop
    index: NodeIndex | None = None  # the function's nodes, indexed when it spawns (goroutines)
    moved_receivers: set[str] = field(default_factory=set)  # channel receivers a task took
    # split locals whose only Sender `go f(ch)` hands to the task (its spawner only receives)
    taken_senders: frozenset[str] = frozenset()
    # `make(chan T)` calls inside a struct literal (by byte span) -> the half the field takes
    made_channels: dict[tuple[int, int], E] = field(default_factory=dict)
    local_consts: dict[str, str] = field(default_factory=dict)  # const in the body -> Rust type
    # Receiver fields that a lock guard holds: Go field name -> Rust text of the guarded value.
    guarded: dict[str, str] = field(default_factory=dict)
    # Pre-scanned Go names: locals `go func(){..}()` bodies write (declared as Arc<Mutex<T>>),
    # and local sync.Mutexes used only by `mu.Lock()` / `mu.Unlock()` statements.
    shared: frozenset[str] = frozenset()
    mutexes: frozenset[str] = frozenset()
    # locals of a lock-owning type that tasks share through &self methods: Arc<T> (locks.py)
    arc_shared: frozenset[str] = frozenset()
    guard_sections: bool = False  # the method locks its receiver in Lock..Unlock sections
    lock_base: str = "self."  # what a section locks: `self.<field>`, or a task's handle
    # Type parameters in scope -> what their bounds give a body ("copy", "default").
    type_caps: dict[str, frozenset[str]] = field(default_factory=dict)
    # Pointer-chasing loops (bodies/nilable.py): Go loop variable -> (its narrowed Local, the
    # Rust cursor that `n = n.Next` assigns).
    cursors: dict[str, tuple[Local, str]] = field(default_factory=dict)
    core_types: dict[str, GoType] = field(default_factory=dict)  # `S ~[]E`: S -> []E
    uses: set[str] = field(default_factory=set)
    notes: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def lookup(self, name: str) -> Local | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        return None

    def bind(self, name: str, local: Local) -> None:
        self.scopes[-1][name] = local

    def checkpoint(self) -> Checkpoint:
        """What a translation tried on speculation may change, for `rollback` to undo."""
        return Checkpoint(
            [dict(s) for s in self.scopes], set(self.uses), list(self.notes), len(self.skipped)
        )

    def rollback(self, saved: Checkpoint) -> None:
        self.scopes, self.uses, self.notes = saved.scopes, saved.uses, saved.notes
        del self.skipped[saved.skipped :]

    def push(self) -> None:
        self.scopes.append({})

    def pop(self) -> None:
        self.scopes.pop()

    def package_of(self, node: Node | None) -> str | None:
        """`strings` in `strings.ToUpper`: an imported package name no local shadows."""
        if node is None or node.type != "identifier":
            return None
        name = (node.text or b"").decode("utf-8", errors="replace")
        if self.lookup(name) is None and name != self.receiver and name in self.ctx.program.imports:
            return name
        return None

    def package_function(self, node: Node | None) -> str | None:
        """`import/path.Name` when `node` calls an imported package's function (aliases
        resolved; a local shadowing the package is not one), else None."""
        is_call = node is not None and node.type == "call_expression"
        func = node.child_by_field_name("function") if node is not None and is_call else None
        if func is None or func.type != "selector_expression":
            return None
        package = self.package_of(func.child_by_field_name("operand"))
        field_node = func.child_by_field_name("field")
        if package is None or field_node is None:
            return None
        name = (field_node.text or b"").decode("utf-8", errors="replace")
        return f"{self.ctx.program.import_path(package)}.{name}"

    def note(self, code: str, text: str) -> None:
        if (code, text) not in self.notes:
            self.notes.append((code, text))


def identifiers(node: Node | None) -> list[str]:
    """The identifiers used under `node`, each once, in a stable walk order (iteratively:
    bodies can nest deeply)."""
    found: dict[str, None] = {}
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            found[(current.text or b"").decode("utf-8", errors="replace")] = None
        stack.extend(current.named_children)
    return list(found)


def is_int(t: GoType | None) -> bool:
    return isinstance(t, TName) and t.pkg is None and t.name in INTS


def is_float(t: GoType | None) -> bool:
    return isinstance(t, TName) and t.pkg is None and t.name in FLOAT_KINDS


def is_string(t: GoType | None) -> bool:
    return t == STRING


def is_copy(t: GoType | None) -> bool:
    return isinstance(t, TName) and t.pkg is None and t.name in COPY_KINDS


def elem_type(t: GoType | None) -> GoType | None:
    """The element of a slice, array, pointer-to-array, channel or string (byte)."""
    if isinstance(t, TSlice | TArray | TChan):
        return t.elem
    if isinstance(t, TPointer):
        return elem_type(t.elem)
    if is_string(t):
        return TName("byte")
    return None


def is_set(t: GoType | None) -> bool:
    """`map[K]struct{}` is a HashSet in Rust."""
    return isinstance(t, TMap) and isinstance(t.value, TStruct) and not t.value.fields


def map_types(t: GoType | None) -> tuple[GoType, GoType] | None:
    return (t.key, t.value) if isinstance(t, TMap) else None
