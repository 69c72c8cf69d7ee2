"""The Go model: what the front end understood of the input, as frozen dataclasses.

Nothing here refers to tree-sitter; a CST never outlives `parse.lower`. Types and the few
expressions the skeleton needs (const values, sentinel errors) are small sum types matched with
`match` + `assert_never` downstream, so mypy names every unhandled kind.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

Path = tuple[str, ...]

INTEGER_KINDS = frozenset(
    [
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
        "byte",
        "rune",
    ]
)
FLOAT_KINDS = frozenset({"float32", "float64"})
"""A selector chain rooted at a name: `s.items` is ("s", "items")."""


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node starts and ends in its Go file (1-based lines and columns)."""

    file: str
    line: int
    col: int
    end_line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


# ---------------------------------------------------------------------------------------- types


class ChanDir(enum.Enum):
    BOTH = "chan"
    SEND = "chan<-"
    RECV = "<-chan"


@dataclass(frozen=True, slots=True)
class TName:
    """A named type: `int`, `User`, `time.Duration`, `Stack[T]`."""

    name: str
    pkg: str | None = None
    args: tuple[GoType, ...] = ()


@dataclass(frozen=True, slots=True)
class TPointer:
    elem: GoType


@dataclass(frozen=True, slots=True)
class TSlice:
    elem: GoType


@dataclass(frozen=True, slots=True)
class TArray:
    length: str
    elem: GoType


@dataclass(frozen=True, slots=True)
class TMap:
    key: GoType
    value: GoType


@dataclass(frozen=True, slots=True)
class TChan:
    dir: ChanDir
    elem: GoType


@dataclass(frozen=True, slots=True)
class TFunc:
    params: tuple[Param, ...]
    results: tuple[Param, ...]


@dataclass(frozen=True, slots=True)
class TStruct:
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class TInterface:
    methods: tuple[MethodSpec, ...] = ()
    embeds: tuple[GoType, ...] = ()
    terms: tuple[GoType, ...] = ()  # union terms of a constraint interface (`~int | ~float64`)


@dataclass(frozen=True, slots=True)
class TUnknown:
    """A type the front end could not read; carries the Go text for the todo."""

    text: str


GoType = TName | TPointer | TSlice | TArray | TMap | TChan | TFunc | TStruct | TInterface | TUnknown


@dataclass(frozen=True, slots=True)
class Param:
    name: str | None
    type: GoType
    variadic: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    name: str | None  # None for an embedded field
    type: GoType
    tag: str | None
    doc: tuple[str, ...]
    span: Span
    group_break: bool = False  # a blank line or comment line separates it from the field before


@dataclass(frozen=True, slots=True)
class MethodSpec:
    name: str
    params: tuple[Param, ...]
    results: tuple[Param, ...]
    doc: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class TypeParam:
    name: str
    constraint: GoType


def core_type(constraint: GoType) -> TSlice | TMap | None:
    """The one slice or map type a constraint allows (`S ~[]E`, `M ~map[K]V`): Go lets a
    value of such a type parameter be used only as that type, so Rust takes the type itself
    (`&[E]`, `HashMap<K, V>`) and drops the parameter."""
    if isinstance(constraint, TInterface) and not (constraint.methods or constraint.embeds):
        terms = constraint.terms
        constraint = terms[0] if len(terms) == 1 else constraint
    return constraint if isinstance(constraint, TSlice | TMap) else None


def substitute(gotype: GoType, names: Mapping[str, GoType]) -> GoType:
    """`gotype` with the type parameters in `names` replaced by their types."""
    match gotype:
        case TName(name=name, pkg=None, args=()) if name in names:
            return names[name]
        case TName(args=args) if args:
            return TName(gotype.name, gotype.pkg, tuple(substitute(a, names) for a in args))
        case TPointer(elem=elem):
            return TPointer(substitute(elem, names))
        case TSlice(elem=elem):
            return TSlice(substitute(elem, names))
        case TArray(length=length, elem=elem):
            return TArray(length, substitute(elem, names))
        case TChan(dir=direction, elem=elem):
            return TChan(direction, substitute(elem, names))
        case TMap(key=key, value=value):
            return TMap(substitute(key, names), substitute(value, names))
        case TFunc(params=params, results=results):
            return TFunc(substitute_params(params, names), substitute_params(results, names))
    return gotype


def infer_type_params(pattern: GoType, actual: GoType, names: frozenset[str]) -> dict[str, GoType]:
    """What the type parameters `names` stand for when `pattern` (a parameter's type) is
    given a value of type `actual`: Go's inference for the shapes a call can show."""
    match pattern, actual:
        case TName(name=name, pkg=None, args=()), _ if name in names:
            return {name: actual}
        case (TSlice(elem=p), TSlice(elem=a)) | (TPointer(elem=p), TPointer(elem=a)):
            return infer_type_params(p, a, names)
        case (TArray(elem=p), TArray(elem=a)) | (TChan(elem=p), TChan(elem=a)):
            return infer_type_params(p, a, names)
        case TMap(key=pk, value=pv), TMap(key=ak, value=av):
            return infer_type_params(pk, ak, names) | infer_type_params(pv, av, names)
        case TFunc(params=pp, results=pr), TFunc(params=ap, results=ar):
            found: dict[str, GoType] = {}
            for given, passed in zip(pp + pr, ap + ar, strict=False):
                found |= infer_type_params(given.type, passed.type, names)
            return found
    return {}


def substitute_params(params: tuple[Param, ...], names: Mapping[str, GoType]) -> tuple[Param, ...]:
    return tuple(Param(p.name, substitute(p.type, names), p.variadic) for p in params)


# ----------------------------------------------------------------------------------- expressions


@dataclass(frozen=True, slots=True)
class ELit:
    kind: str  # "int" | "float" | "string" | "rune" | "bool" | "nil" | "imaginary"
    text: str


@dataclass(frozen=True, slots=True)
class EIdent:
    name: str


@dataclass(frozen=True, slots=True)
class ESelector:
    operand: Expr
    field: str


@dataclass(frozen=True, slots=True)
class ECall:
    func: Expr
    args: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class EBinary:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class EUnary:
    op: str
    operand: Expr


@dataclass(frozen=True, slots=True)
class EOther:
    """Any expression the skeleton does not need to understand."""

    text: str


Expr = ELit | EIdent | ESelector | ECall | EBinary | EUnary | EOther


# ---------------------------------------------------------------------------------- body facts


@dataclass(frozen=True, slots=True)
class BodyFacts:
    """What a function body does, as far as its signature depends on it."""

    assigned: frozenset[Path] = frozenset()  # roots of assignment targets, `s.m[k] = v` -> s.m
    method_calls: frozenset[tuple[Path, str]] = frozenset()  # `s.add(x)` -> (("s",), "add")
    calls: frozenset[str] = frozenset()  # plain calls `f(x)`
    called_methods: frozenset[str] = frozenset()  # any `x.M(...)` method name
    nil_compared: frozenset[Path] = frozenset()
    nil_assigned: frozenset[Path] = frozenset()
    nil_keyed_fields: frozenset[str] = frozenset()  # `T{Next: nil}`
    returns_nil: frozenset[int] = frozenset()  # result positions that some `return` fills with nil
    returns_nil_with_nil_error: frozenset[int] = frozenset()  # ... while the error slot is nil
    sent_on: frozenset[Path] = frozenset()
    received_from: frozenset[Path] = frozenset()  # `<-x`
    ranged: frozenset[Path] = frozenset()  # `for .. range x` (a channel only if x is one)
    chan_locals: frozenset[str] = frozenset()  # `x := make(chan T)`
    asserted: frozenset[str] = frozenset()  # local type names of `x.(T)` and `case T:`
    lent: frozenset[str] = frozenset()  # `&x`, `p := &T{}` (p), `sort.Ints(x)`: Rust's x is mut
    has_go: bool = False
    has_select: bool = False
    makes_chan: bool = False
    sleeps: bool = False
    uses_ctx: bool = False
    statements: int = 0  # statements at any depth, closures' included (comments and `;` not)

    def uses_channels(self, chan_names: frozenset[str]) -> bool:
        """Sends, receives, or ranges over a channel (`chan_names`: channel params/fields)."""
        known = chan_names | self.chan_locals
        ranged = any(p[-1] in known for p in self.ranged)
        return bool(self.sent_on or self.received_from) or self.makes_chan or ranged


# ---------------------------------------------------------------------------------- declarations


@dataclass(frozen=True, slots=True)
class Body:
    text: str  # the Go source of the block, braces included
    facts: BodyFacts
    span: Span


@dataclass(frozen=True, slots=True)
class Receiver:
    name: str | None
    type_name: str
    type_args: tuple[str, ...]
    pointer: bool


@dataclass(frozen=True, slots=True)
class FuncDecl:
    name: str
    receiver: Receiver | None
    type_params: tuple[TypeParam, ...]
    params: tuple[Param, ...]
    results: tuple[Param, ...]
    body: Body | None
    doc: tuple[str, ...]
    span: Span
    # Type parameters Go lets the body use only as their core type (`S ~[]E` -> `[]E`).
    core_types: tuple[tuple[str, GoType], ...] = ()

    @property
    def key(self) -> str:
        """`Type.Method` for methods, the bare name for functions."""
        return f"{self.receiver.type_name}.{self.name}" if self.receiver else self.name


@dataclass(frozen=True, slots=True)
class TypeDecl:
    name: str
    type_params: tuple[TypeParam, ...]
    type: GoType
    doc: tuple[str, ...]
    span: Span
    alias: bool = False


@dataclass(frozen=True, slots=True)
class ValueSpec:
    """One name of a `const` or `var` spec, with iota already known for consts."""

    name: str
    type: GoType | None
    value: Expr | None
    value_text: str
    iota: int
    doc: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class ValueGroup:
    kind: str  # "const" | "var"
    specs: tuple[ValueSpec, ...]
    doc: tuple[str, ...]
    span: Span


@dataclass(frozen=True, slots=True)
class Statements:
    """Bare statements at top level (a pasted snippet without a function around it)."""

    text: str
    facts: BodyFacts
    span: Span


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A region tree-sitter could not parse; it becomes a todo and a diagnostic."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Comment:
    """A free-standing Go comment that belongs to no declaration."""

    text: str
    span: Span


Decl = FuncDecl | TypeDecl | ValueGroup | Statements | Unparsed | Comment


@dataclass(frozen=True, slots=True)
class Import:
    path: str
    alias: str | None

    @property
    def name(self) -> str:
        return self.alias or self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class GoFile:
    name: str
    package: str | None
    imports: tuple[Import, ...]
    decls: tuple[Decl, ...]
    line_count: int
    notes: tuple[str, ...] = field(default=())
