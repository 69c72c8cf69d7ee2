"""A package-wide index of the Go model: what every idiom pass looks names up in.

Built once from all files of a package, so a method in one file and its struct in another,
or an interface and its implementer, meet before any Rust is emitted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from go2rs.gomodel import (
    FuncDecl,
    GoFile,
    TInterface,
    TName,
    TStruct,
    TypeDecl,
    ValueGroup,
    ValueSpec,
)

# Standard packages a snippet without a `package` line can use without importing them.
SNIPPET_IMPORTS = {
    name.rsplit("/", 1)[-1]: name
    for name in (
        "fmt",
        "errors",
        "strings",
        "strconv",
        "os",
        "io",
        "time",
        "sort",
        "slices",
        "maps",
        "math",
        "sync",
        "sync/atomic",
        "context",
        "unicode",
        "bytes",
        "bufio",
        "encoding/json",
        "net/http",
        "log",
        "log/slog",
        "regexp",
        "path/filepath",
    )
}


@dataclass
class Program:
    files: tuple[GoFile, ...]
    package: str | None
    types: dict[str, TypeDecl] = field(default_factory=dict)
    funcs: dict[str, FuncDecl] = field(default_factory=dict)
    methods: dict[str, list[FuncDecl]] = field(default_factory=dict)
    groups: list[ValueGroup] = field(default_factory=list)
    imports: dict[str, str] = field(default_factory=dict)  # local name -> import path

    @classmethod
    def of(cls, files: tuple[GoFile, ...]) -> Program:
        package = next((f.package for f in files if f.package), None)
        program = cls(files, package)
        if package is None:  # a pasted snippet: its imports were not pasted with it
            program.imports.update(SNIPPET_IMPORTS)
        for gofile in files:
            program.imports.update({i.name: i.path for i in gofile.imports})
            for decl in gofile.decls:
                if isinstance(decl, TypeDecl):
                    program.types.setdefault(decl.name, decl)
                elif isinstance(decl, FuncDecl) and decl.name == "_":
                    continue  # blank functions and methods can never be called: no Rust item
                elif isinstance(decl, FuncDecl) and decl.receiver is not None:
                    program.methods.setdefault(decl.receiver.type_name, []).append(decl)
                elif isinstance(decl, FuncDecl):
                    program.funcs.setdefault(decl.name, decl)
                elif isinstance(decl, ValueGroup):
                    program.groups.append(decl)
        return program

    @property
    def is_main(self) -> bool:
        """Binaries use anyhow and may get an async main; libraries use thiserror."""
        return self.package == "main" or "main" in self.funcs

    def all_funcs(self) -> Iterator[FuncDecl]:
        yield from self.funcs.values()
        for methods in self.methods.values():
            yield from methods

    def values(self, kind: str) -> Iterator[ValueSpec]:
        for group in self.groups:
            if group.kind == kind:
                yield from group.specs

    @cached_property
    def _types_by_key(self) -> dict[str, tuple[str, ...]]:
        keys: dict[str, list[str]] = {}
        for name in self.types:
            keys.setdefault(name.replace("_", "").lower(), []).append(name)
        return {key: tuple(names) for key, names in keys.items()}

    def types_named(self, key: str) -> tuple[str, ...]:
        """Type names that are `key` up to case and underscores (`Result`, `result_`): the only
        candidates for one Rust name, found without a scan of every type."""
        return self._types_by_key.get(key, ())

    def struct(self, name: str) -> TStruct | None:
        decl = self.types.get(name)
        return decl.type if decl is not None and isinstance(decl.type, TStruct) else None

    def interface(self, name: str) -> TInterface | None:
        decl = self.types.get(name)
        return decl.type if decl is not None and isinstance(decl.type, TInterface) else None

    def method_names(self, type_name: str) -> dict[str, FuncDecl]:
        return {m.name: m for m in self.methods.get(type_name, [])}

    def import_path(self, pkg: str) -> str:
        return self.imports.get(pkg, pkg)

    def is_local(self, t: TName) -> bool:
        return t.pkg is None and t.name in self.types
