"""Translation state, passed explicitly: options, the decisions passes made, and what the
emitted items ask for (uses, crates, placeholders, report entries)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from go2rs.gomodel import Span, TypeParam
from go2rs.idioms import naming
from go2rs.program import Program
from go2rs.rustmodel import Fn, Note, RustType


@dataclass(frozen=True, slots=True)
class LocalType:
    """A type from another package of the same Go module, as batch mode already emitted it."""

    trait: bool  # a Go interface, emitted as a Rust trait
    debug: bool = False
    clone: bool = False
    default: bool = False
    serde: bool = False
    copy: bool = False


@dataclass(frozen=True, slots=True)
class Options:
    comments: str = "full"  # "full" | "brief" | "none"
    format: bool = True
    placeholders: bool = True
    filename: str = "input.go"
    mode: str = "draft"  # "draft": translate bodies; "skeleton": bodies are todo!()
    # Batch mode: Go import paths of the module's own packages -> Rust module paths
    # (`example.com/m/internal/store` -> `crate::internal::store`), so `store.User` becomes
    # `crate::internal::store::User` instead of a placeholder. Empty for single files.
    local_packages: tuple[tuple[str, str], ...] = ()
    # What those packages' types support, keyed `import/path.RustName` (unknown: no derives).
    local_types: tuple[tuple[str, LocalType], ...] = ()


# ---------------------------------------------------------------------------------- decisions


@dataclass(frozen=True, slots=True)
class EnumPlan:
    type_name: str
    variants: tuple[tuple[str, str, int, str], ...]  # (go name, rust name, value, Go value text)
    explicit: bool  # discriminants differ from 0..n-1
    string_valued: bool = False


@dataclass(frozen=True, slots=True)
class ErrorPlan:
    enum_name: str
    sentinels: tuple[tuple[str, str, str], ...]  # (go var, variant, message)
    custom: tuple[tuple[str, str], ...]  # (go type, variant)
    foreign: tuple[tuple[str, str, str], ...]  # (variant, rust error type, go import)
    catch_all: bool


@dataclass(frozen=True, slots=True)
class MutexPlan:
    mutex_field: str  # Go field name of the mutex
    guarded: tuple[str, ...]  # Go field names moved inside the lock
    rw: bool
    arc: bool


@dataclass
class Decisions:
    """Filled by the idiom passes in registry order; each pass owns its fields."""

    enums: dict[str, EnumPlan] = field(default_factory=dict)
    enum_consts: set[str] = field(default_factory=set)
    errors: ErrorPlan | None = None
    error_types: set[str] = field(default_factory=set)  # types with Error() string
    display_types: set[str] = field(default_factory=set)  # types with String() string
    trait_impls: dict[str, list[str]] = field(default_factory=dict)  # type -> interfaces
    implementers: dict[str, list[str]] = field(default_factory=dict)  # interface -> types
    # interfaces whose values some body asserts to a type: their trait gets an Any supertrait
    any_traits: set[str] = field(default_factory=set)
    # memo of functions.returns_stateful_closure: FuncDecl.key -> returns an FnMut closure
    stateful_closures: dict[str, bool] = field(default_factory=dict)
    mutexes: dict[str, MutexPlan] = field(default_factory=dict)
    async_fns: set[str] = field(default_factory=set)  # FuncDecl.key / "Iface.Method"
    mut_receivers: set[str] = field(default_factory=set)
    option_results: dict[str, frozenset[int]] = field(default_factory=dict)
    nilable_fields: set[str] = field(default_factory=set)  # Go field names
    nil_checked_params: dict[str, frozenset[int]] = field(default_factory=dict)
    mutated_params: dict[str, frozenset[int]] = field(default_factory=dict)
    serde_types: set[str] = field(default_factory=set)
    recv_fields: set[str] = field(default_factory=set)  # bidirectional chan fields received from
    # (FuncDecl.key, param index): receive-only channel parameters several tasks share
    shared_receivers: set[tuple[str, int]] = field(default_factory=set)
    # (FuncDecl.key, param index): func parameters a goroutine of the body uses
    spawned_fn_params: set[tuple[str, int]] = field(default_factory=set)
    derives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # memo of structs.derives
    # memo of generics.method_zero_valued: type -> parameters its methods need a zero value of
    zero_valued: dict[str, frozenset[str]] = field(default_factory=dict)
    # error type -> the error field its `Unwrap() error` returns (errors.analyze; E07)
    unwrap_fields: dict[str, str] = field(default_factory=dict)
    # memo of functions._read_only_struct: (FuncDecl.key, param) -> only its fields are read
    read_only_params: dict[tuple[str, str], bool] = field(default_factory=dict)
    renames: dict[str, str] = field(default_factory=dict)
    _mutating_names: frozenset[str] | None = None

    def mutating_method_names(self) -> frozenset[str]:
        """Method names that need `&mut self` anywhere (plus strings.Builder's writers);
        computed once, after the passes decided the receivers."""
        if self._mutating_names is None:
            names = {k.rsplit(".", 1)[-1] for k in self.mut_receivers}
            self._mutating_names = frozenset(names | {"WriteString", "WriteByte", "WriteRune"})
        return self._mutating_names  # "ns:GoName" -> Rust name on clashes


# ------------------------------------------------------------------------------------ the sink


@dataclass(frozen=True, slots=True)
class Todo:
    span: Span
    what: str


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    arity: int
    go_name: str
    note: str
    # Stubs (todo!() bodies) for the methods of the foreign type that bodies call, so the
    # calling code stays translated (bodies/foreign.py)
    methods: tuple[Fn, ...] = ()
    # A foreign sentinel error (sql.ErrNoRows): the placeholder is an error with Go's text
    error_text: str = ""


def merge_placeholders(into: dict[str, Placeholder], more: dict[str, Placeholder]) -> None:
    """Add `more` to `into`; one placeholder used by several files keeps every stub."""
    for name, ph in more.items():
        known = into.setdefault(name, ph)
        extra = tuple(m for m in ph.methods if m.name not in {k.name for k in known.methods})
        if extra:
            into[name] = Placeholder(
                known.name,
                known.arity,
                known.go_name,
                known.note,
                known.methods + extra,
                known.error_text,
            )


@dataclass
class Sink:
    """What emitted items ask for; one per output file."""

    uses: set[str] = field(default_factory=set)
    crates: set[str] = field(default_factory=set)
    placeholders: dict[str, Placeholder] = field(default_factory=dict)
    idioms: Counter[str] = field(default_factory=Counter)
    todos: list[Todo] = field(default_factory=list)
    statements_seen: int = 0
    statements_translated: int = 0


@dataclass
class Ctx:
    program: Program
    options: Options
    decisions: Decisions = field(default_factory=Decisions)
    sink: Sink = field(default_factory=Sink)
    type_params: frozenset[str] = frozenset()
    signatures: dict[str, Fn] = field(default_factory=dict)  # Rust signatures by FuncDecl key

    def need(self, rtype: RustType) -> str:
        """Record what a type needs; return its text."""
        self.sink.uses.update(rtype.uses)
        self.sink.crates.update(rtype.crates)
        return rtype.text

    def note(self, code: str, text: str) -> Note:
        self.sink.idioms[code] += 1
        return Note(code, text)

    def type_name(self, go_name: str) -> str:
        return self.decisions.renames.get(f"type:{go_name}") or naming.camel(go_name)

    def fn_name(self, key: str) -> str:
        """`Name` or `Type.Method` (a FuncDecl key) -> its snake_case Rust name."""
        go_name = key.rsplit(".", 1)[-1]
        namespace = f"method:{key.rsplit('.', 1)[0]}" if "." in key else "fn"
        return self.decisions.renames.get(f"{namespace}:{go_name}") or naming.snake(go_name)

    def const_name(self, go_name: str) -> str:
        return self.decisions.renames.get(f"const:{go_name}") or naming.screaming(go_name)

    def placeholder(self, name: str, arity: int, go_name: str, note: str) -> None:
        self.sink.placeholders.setdefault(name, Placeholder(name, arity, go_name, note))

    def placeholder_error(self, name: str, go_name: str, note: str, text: str) -> None:
        """A placeholder standing for a foreign sentinel error whose Display is `text`."""
        self.sink.placeholders.setdefault(name, Placeholder(name, 0, go_name, note, (), text))

    def placeholder_method(self, name: str, stub: Fn) -> None:
        """A method stub on the placeholder `name` (already recorded by its type)."""
        ph = self.sink.placeholders.get(name)
        if ph is not None:
            merge_placeholders(
                self.sink.placeholders,
                {name: Placeholder(ph.name, ph.arity, ph.go_name, ph.note, (stub,), ph.error_text)},
            )


@contextmanager
def type_params_in_scope(
    ctx: Ctx, params: tuple[TypeParam, ...] | tuple[str, ...]
) -> Iterator[None]:
    saved = ctx.type_params
    names = {p if isinstance(p, str) else p.name for p in params}
    ctx.type_params = saved | names
    try:
        yield
    finally:
        ctx.type_params = saved
