"""The Rust model: the items go2rs emits, as frozen dataclasses that templates render.

Types and signatures are already strings here (expression-level text is built in Python);
templates only lay out items and comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Note:
    """An explanatory comment, `// go2rs[CODE]: text`, controlled by --comments."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Meta:
    """What every item carries above it: Go docs, notes, and where it came from."""

    docs: tuple[str, ...] = ()  # rendered as `///` lines
    notes: tuple[Note, ...] = ()
    origin: str | None = None  # "go: file.go:12"
    comments: tuple[str, ...] = ()  # Go line comments that belonged to the item


@dataclass(frozen=True, slots=True)
class RustType:
    """A rendered Rust type and what it needs and supports."""

    text: str
    uses: frozenset[str] = frozenset()
    crates: frozenset[str] = frozenset()
    debug: bool = True
    clone: bool = True
    default: bool = True
    serde: bool = True
    copy: bool = False

    def wrap(self, template: str, **caps: bool) -> RustType:
        """`self` inside a generic: wrap("Vec<{}>") keeps uses/crates, capabilities may change."""
        return RustType(
            template.format(self.text),
            self.uses,
            self.crates,
            caps.get("debug", self.debug),
            caps.get("clone", self.clone),
            caps.get("default", self.default),
            caps.get("serde", self.serde),
            caps.get("copy", False),
        )


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str


@dataclass(frozen=True, slots=True)
class Body:
    """A skeleton body: todo!() with the Go original as comment lines, or real Rust lines
    where go2rs writes the body itself."""

    todo: str
    go_lines: tuple[str, ...]
    rust: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Fn:
    name: str
    pub: bool
    params: tuple[Param, ...]
    ret: str | None
    body: Body | None  # None in a trait declaration
    self_param: str | None = None
    is_async: bool = False
    generics: str = ""
    attrs: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)

    @property
    def signature(self) -> str:
        params = ([self.self_param] if self.self_param else []) + [
            f"{p.name}: {p.type}" for p in self.params
        ]
        head = ("pub " if self.pub else "") + ("async " if self.is_async else "")
        ret = f" -> {self.ret}" if self.ret and self.ret != "()" else ""
        return f"{head}fn {self.name}{self.generics}({', '.join(params)}){ret}"


@dataclass(frozen=True, slots=True)
class StructField:
    name: str
    type: str
    pub: bool
    attrs: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True, slots=True)
class Struct:
    name: str
    pub: bool
    fields: tuple[StructField, ...]
    derives: tuple[str, ...] = ()
    attrs: tuple[str, ...] = ()
    generics: str = ""
    tuple_type: str | None = None  # newtype `struct Id(pub i64);`
    meta: Meta = field(default_factory=Meta)

    @property
    def is_unit(self) -> bool:
        return not self.fields and self.tuple_type is None


@dataclass(frozen=True, slots=True)
class Variant:
    name: str
    discriminant: str | None = None
    payload: str | None = None  # tuple payload, e.g. `#[from] std::io::Error`
    attrs: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True, slots=True)
class Enum:
    name: str
    pub: bool
    variants: tuple[Variant, ...]
    derives: tuple[str, ...] = ()
    attrs: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True, slots=True)
class Trait:
    name: str
    pub: bool
    methods: tuple[Fn, ...]
    supertraits: tuple[str, ...] = ()
    generics: str = ""
    attrs: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)

    @property
    def bounds(self) -> str:
        return f": {' + '.join(self.supertraits)}" if self.supertraits else ""


@dataclass(frozen=True, slots=True)
class Impl:
    self_type: str
    fns: tuple[Fn, ...]
    trait: str | None = None
    generics: str = ""
    attrs: tuple[str, ...] = ()
    meta: Meta = field(default_factory=Meta)

    @property
    def head(self) -> str:
        target = f"{self.trait} for {self.self_type}" if self.trait else self.self_type
        return f"impl{self.generics} {target}"


@dataclass(frozen=True, slots=True)
class Const:
    name: str
    pub: bool
    type: str
    value: str
    kind: str = "const"  # or "static"
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True, slots=True)
class TypeAlias:
    name: str
    pub: bool
    type: str
    generics: str = ""
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True, slots=True)
class CommentBlock:
    """Free-standing comments: Go comments that belonged to no item, or untranslated regions."""

    lines: tuple[str, ...]
    meta: Meta = field(default_factory=Meta)


Item = Fn | Struct | Enum | Trait | Impl | Const | TypeAlias | CommentBlock


@dataclass(frozen=True, slots=True)
class RustFile:
    header: tuple[str, ...]
    uses: tuple[str, ...]
    items: tuple[Item, ...]
    placeholders: tuple[Item, ...] = ()
