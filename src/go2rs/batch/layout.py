"""Where each Go package and file lands in the crate, and the module files that tie them.

Library packages mirror the Go tree under `src/` (`internal/store/user.go` ->
`src/internal/store/user.rs`, package module `src/internal/store.rs`, root package in
`src/lib.rs`); `package main` folders become binaries (`src/main.rs` at the root,
`src/bin/<name>/main.rs` elsewhere). Go packages share one namespace across files, so each
package module re-exports its files' items and each file module imports its siblings.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

import tree_sitter_rust
from tree_sitter import Language, Parser

from go2rs.batch.discover import GoModule, GoPackage
from go2rs.idioms.naming import RUST_KEYWORDS

_KEYWORDS = RUST_KEYWORDS  # module file names must not be Rust keywords
_RESERVED = frozenset({"error", "unmapped", "tests", "lib", "main", "bin", "std", "core"})
_ALLOW = "#[allow(unused_imports)]"


def ident(text: str) -> str:
    """A snake_case Rust module name for a Go file stem or folder name."""
    name = re.sub(r"[^a-z0-9_]", "_", text.lower()).strip("_") or "go"
    if name[0].isdigit():
        name = f"m_{name}"
    return f"{name}_go" if name in _KEYWORDS else name


def crate_name(module_path: str) -> str:
    parts = [p for p in module_path.split("/") if p]
    if len(parts) > 1 and re.fullmatch(r"v\d+", parts[-1]):
        parts.pop()  # example.com/lib/v2 -> lib
    name = re.sub(r"[^a-z0-9_-]", "-", (parts[-1] if parts else "gocode").lower()).strip("-_")
    if not name or name[0].isdigit():
        name = f"go-{name or 'crate'}"
    return name


def _unique(wanted: Sequence[str], taken: set[str]) -> list[str]:
    out = []
    for name in wanted:
        candidate = name if name not in taken else f"{name}_go"
        n = 2
        while candidate in taken:
            candidate = f"{name}_{n}"
            n += 1
        taken.add(candidate)
        out.append(candidate)
    return out


@dataclass(frozen=True, slots=True)
class FilePlan:
    go_path: str
    module: str | None  # None: merged into the binary's main.rs
    rust_path: str  # relative to OUT
    is_test: bool


@dataclass(frozen=True, slots=True)
class PackagePlan:
    package: GoPackage
    import_path: str
    module_file: str  # the package's module file (lib.rs, src/a/b.rs, src/bin/x/main.rs ...)
    rust_path: str | None  # `a::b` from the crate root ("" for the root); None for binaries
    files: tuple[FilePlan, ...]
    error_module: str  # path of its error.rs

    @property
    def is_bin(self) -> bool:
        return self.rust_path is None


@dataclass(frozen=True, slots=True)
class NodePlan:
    """A library folder: a module file, whether or not the folder holds a Go package."""

    go_dir: str  # "" for the root
    rust: tuple[str, ...]  # module names from the crate root
    module_file: str
    children: tuple[str, ...]  # child module names


@dataclass(frozen=True, slots=True)
class CrateLayout:
    name: str
    has_lib: bool
    packages: tuple[PackagePlan, ...]  # in GoModule order
    nodes: tuple[NodePlan, ...]  # every library folder, sorted by go_dir

    @property
    def ident(self) -> str:
        return self.name.replace("-", "_")

    @property
    def unmapped_file(self) -> str:
        return "src/unmapped.rs"

    def unmapped_path(self, plan: PackagePlan) -> str:
        """How code in `plan` names the placeholder module."""
        if plan.is_bin and self.has_lib:
            return f"{self.ident}::unmapped"
        return "crate::unmapped"

    def local_packages(self, plan: PackagePlan) -> tuple[tuple[str, str], ...]:
        """Go import path -> Rust path for every library package, as seen from `plan`."""
        root = self.ident if plan.is_bin else "crate"
        return tuple(
            (p.import_path, f"{root}::{p.rust_path}" if p.rust_path else root)
            for p in self.packages
            if p.rust_path is not None
        )


def _children(dirs: set[tuple[str, ...]], node: tuple[str, ...]) -> list[str]:
    return sorted({d[len(node)] for d in dirs if len(d) > len(node) and d[: len(node)] == node})


def _file_modules(
    package: GoPackage, folder: str, taken: set[str], merge_main: bool
) -> tuple[FilePlan, ...]:
    main_file = next((f.path for f in package.files if f.has_main), None) if merge_main else None
    sources = [f for f in package.files if f.path != main_file]
    names = _unique([ident(PurePosixPath(f.path).stem) for f in sources], set(taken))
    plans = [
        FilePlan(f.path, name, f"{folder}/{name}.rs", f.is_test)
        for f, name in zip(sources, names, strict=True)
    ]
    if main_file is not None:
        plans.insert(0, FilePlan(main_file, None, f"{folder}/main.rs", False))
    return tuple(plans)


def plan_crate(module: GoModule) -> CrateLayout:
    name = crate_name(module.module_path)
    libs = [p for p in module.packages if not p.is_main]
    bins = [p for p in module.packages if p.is_main]
    root_main_only = not libs and len(bins) == 1 and bins[0].dir == ""
    has_lib = not root_main_only
    # Library module names per folder component (sanitised, unique among siblings).
    dir_names: dict[tuple[str, ...], tuple[str, ...]] = {(): ()}
    lib_dirs: set[tuple[str, ...]] = {()} if has_lib else set()
    for package in libs:
        parts = tuple(package.dir.split("/")) if package.dir else ()
        for depth in range(1, len(parts) + 1):
            lib_dirs.add(parts[:depth])
    for node in sorted(lib_dirs, key=len):
        subdirs = _children(lib_dirs, node)
        unique = _unique([ident(k) for k in subdirs], set(_RESERVED))
        for kid, rust in zip(subdirs, unique, strict=True):
            dir_names[(*node, kid)] = (*dir_names[node], rust)
    plans: dict[str, PackagePlan] = {}
    for package in libs:
        go_parts = tuple(package.dir.split("/")) if package.dir else ()
        rust_parts = dir_names[go_parts]
        kids = {dir_names[(*go_parts, k)][-1] for k in _children(lib_dirs, go_parts)}
        folder = "src/" + "/".join(rust_parts) if rust_parts else "src"
        module_file = f"src/{'/'.join(rust_parts)}.rs" if rust_parts else "src/lib.rs"
        files = _file_modules(package, folder, set(_RESERVED | kids), merge_main=False)
        plans[package.dir] = PackagePlan(
            package,
            module.import_path(package),
            module_file,
            "::".join(rust_parts),
            files,
            f"{folder}/error.rs",
        )
    root_kids = {dir_names[(k,)][-1] for k in _children(lib_dirs, ())}
    root_lib_files = {f.module for p in plans.values() if p.rust_path == "" for f in p.files}
    root_bin = {name.replace("-", "_")} if any(not p.dir for p in bins) else set()
    bin_names = _unique([ident(PurePosixPath(p.dir).name) for p in bins if p.dir], root_bin)
    named = iter(bin_names)
    for package in bins:
        taken = set(_RESERVED)
        if package.dir:
            folder = f"src/bin/{next(named)}"
        else:
            folder = "src"
            taken |= root_kids | {m for m in root_lib_files if m}
        files = _file_modules(package, folder, taken, merge_main=True)
        plans[package.dir] = PackagePlan(
            package, module.import_path(package), f"{folder}/main.rs", None, files, ""
        )
    ordered = tuple(plans[p.dir] for p in module.packages)
    nodes = tuple(
        NodePlan(
            "/".join(node),
            dir_names[node],
            f"src/{'/'.join(dir_names[node])}.rs" if node else "src/lib.rs",
            tuple(sorted(dir_names[(*node, k)][-1] for k in _children(lib_dirs, node))),
        )
        for node in sorted(lib_dirs)
    )
    return CrateLayout(name, has_lib, ordered, nodes)


# ------------------------------------------------------------------------------ module texts

_PRIVATE_ITEMS = frozenset(
    {
        "function_item",
        "struct_item",
        "enum_item",
        "union_item",
        "trait_item",
        "type_item",
        "const_item",
        "static_item",
    }
)


@functools.cache
def _rust_parser() -> Parser:
    return Parser(Language(tree_sitter_rust.language()))


def share_with_siblings(text: str) -> str:
    """Unexported Go names are package-wide; a Rust file module keeps private items to itself,
    so top-level private items become `pub(super)` (visible to the package and its files)."""
    data = text.encode("utf-8")
    root = _rust_parser().parse(data).root_node
    starts = [
        node.start_byte
        for node in root.named_children
        if node.type in _PRIVATE_ITEMS
        and not any(child.type == "visibility_modifier" for child in node.named_children)
    ]
    for start in reversed(starts):
        data = data[:start] + b"pub(super) " + data[start:]
    return data.decode("utf-8")


def file_module_text(rust: str, is_test: bool = False) -> str:
    """A file module: the translation plus the sibling import. Test modules keep their
    items private (nothing outside uses them)."""
    head, body = _split_header(rust)
    sibling = f"{_ALLOW}\nuse super::*;\n"
    return f"{head}{sibling}\n{body if is_test else share_with_siblings(body)}"


def _split_header(rust: str) -> tuple[str, str]:
    """The file's leading comment block (up to its first blank line), and the rest."""
    lines = rust.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("//"):
        n += 1
    if n == 0 or (n < len(lines) and lines[n].strip()):
        return "", rust  # no header block: the first comment belongs to an item
    head = "".join(lines[:n]).rstrip("\n")
    return head + "\n\n", "".join(lines[n:]).lstrip("\n")


def _placeholder_use(path: str, names: Sequence[str]) -> str:
    if not names:
        return ""
    listed = ", ".join(names)
    return (
        f"{_ALLOW}\nuse {path}::{{{listed}}};\n"
        if len(names) > 1
        else (f"{_ALLOW}\nuse {path}::{listed};\n")
    )


def package_module_text(
    layout: CrateLayout,
    node: NodePlan,
    plan: PackagePlan | None,
    has_error: bool,
    placeholders: Sequence[str],
) -> str:
    """`src/a/b.rs` (or lib.rs): child folders, file modules re-exported, error module."""
    lines: list[str] = []
    where = node.go_dir or "the module root"
    children = node.children
    if plan is not None:
        lines.append(
            f"// Go package {plan.package.name} ({plan.import_path}), translated by go2rs."
        )
        lines.append("// One module per Go file; a Go package is one namespace, so every file's")
        lines.append("// items are re-exported here and each file module does `use super::*`.")
    else:
        lines.append(f"// Folder {where} of the Go module (no Go files of its own).")
    lines.append("")
    if not node.rust and layout.has_lib:
        lines += ["pub mod unmapped;", ""]
    lines += [f"pub mod {child};" for child in children]
    if children:
        lines.append("")
    if plan is not None:
        for f in plan.files:
            if f.is_test:
                lines += ["#[cfg(test)]", f"mod {f.module};"]
            else:
                lines += [f"mod {f.module};", f"pub use {f.module}::*;"]
        if has_error:
            lines += ["mod error;", "pub use error::*;"]
        lines.append("")
    text = "\n".join(lines)
    text += _placeholder_use("crate::unmapped", placeholders)
    return text.rstrip("\n") + "\n"


def bin_main_text(
    layout: CrateLayout, plan: PackagePlan, main_rust: str | None, placeholders: Sequence[str]
) -> str:
    """A binary's main.rs: the Go file with `func main` plus the package's other files."""
    modules = [f for f in plan.files if f.module is not None]
    decls: list[str] = []
    if not layout.has_lib:
        decls.append("mod unmapped;")
    for f in modules:
        if f.is_test:
            decls += ["#[cfg(test)]", f"mod {f.module};"]
        else:
            decls += [f"mod {f.module};", _ALLOW, f"use {f.module}::*;"]
    block = "\n".join(decls) + ("\n" if decls else "")
    block += _placeholder_use(layout.unmapped_path(plan), placeholders)
    if main_rust is None:
        main_rust = (
            f"// go2rs: Go package main ({plan.package.dir or 'root'}) has no func main.\n\n"
            'fn main() {\n    todo!("go2rs: this Go package main has no func main")\n}\n'
        )
    head, body = _split_header(main_rust)
    return f"{head}{block}\n{body}" if block else f"{head}{body}"


def error_module_text(enum_rust: str) -> str:
    return f"// The package's error enum (go2rs E02).\n\n{_ALLOW}\nuse super::*;\n\n{enum_rust}"
