"""What a batch translates: Go packages (one per directory), found from a folder or a file list.

Reads files only; never writes. Test files, `vendor/`, `testdata/`, hidden and `_` folders and
generated files are skipped and listed, so the reviewer sees what was left out and why.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

# Go's own rule (https://go.dev/s/generatedcode): this line before the package clause.
_GENERATED = re.compile(rb"^// Code generated .* DO NOT EDIT\.$", re.MULTILINE)
_PACKAGE = re.compile(rb"^package\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
_MODULE = re.compile(r"^module\s+\"?([^\s\"]+)\"?", re.MULTILINE)
_IMPORT_ONE = re.compile(rb"^import\s+(?:[A-Za-z_.][A-Za-z0-9_]*\s+)?\"([^\"]+)\"", re.MULTILINE)
_IMPORT_BLOCK = re.compile(rb"^import\s*\((.*?)^\)", re.MULTILINE | re.DOTALL)
_IMPORT_LINE = re.compile(rb"\"([^\"]+)\"")
_MAIN_FUNC = re.compile(rb"^func\s+main\s*\(\s*\)", re.MULTILINE)
_SKIPPED_DIRS = {"vendor": "vendor/ folder", "testdata": "testdata/ folder"}


class DiscoveryError(Exception):
    """The input cannot be used at all (missing, unreadable, no Go files)."""


@dataclass(frozen=True, slots=True)
class GoSource:
    """A Go file found for translation. Its bytes are not kept: the process that translates
    its package reads it again, so a batch holds no module's worth of source."""

    path: str  # relative to the module root, posix
    file: str  # where to read it
    lines: int  # newline count, for progress
    package: str  # package clause ("" if none could be read)
    imports: tuple[str, ...]
    has_main: bool
    is_test: bool


@dataclass(frozen=True, slots=True)
class GoPackage:
    dir: str  # relative to the module root, posix; "" for the root
    files: tuple[GoSource, ...]  # sorted by path; tests (with --tests) after the others

    @property
    def name(self) -> str:
        names = [f.package for f in self.files if f.package and not f.is_test]
        return names[0] if names else ""

    @property
    def is_main(self) -> bool:
        return self.name == "main"

    @property
    def imports(self) -> frozenset[str]:
        return frozenset(i for f in self.files for i in f.imports)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class GoModule:
    root: Path
    module_path: str  # from go.mod, else the folder name
    has_go_mod: bool
    packages: tuple[GoPackage, ...]  # sorted by dir
    skipped: tuple[Skipped, ...]

    def import_path(self, package: GoPackage) -> str:
        return f"{self.module_path}/{package.dir}" if package.dir else self.module_path


def _imports(data: bytes) -> tuple[str, ...]:
    found = [m.group(1) for m in _IMPORT_ONE.finditer(data)]
    for block in _IMPORT_BLOCK.finditer(data):
        found += [m.group(1) for m in _IMPORT_LINE.finditer(block.group(1))]
    return tuple(sorted({f.decode("utf-8", "replace") for f in found}))


def _source(root: Path, path: Path) -> tuple[GoSource, bytes]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DiscoveryError(f"cannot read {path}: {exc.strerror or exc}") from None
    package = _PACKAGE.search(data)
    source = GoSource(
        PurePosixPath(path.relative_to(root).as_posix()).as_posix(),
        str(path),
        data.count(b"\n"),
        package.group(1).decode() if package else "",
        _imports(data),
        _MAIN_FUNC.search(data) is not None,
        path.name.endswith("_test.go"),
    )
    return source, data


def _is_generated(data: bytes) -> bool:
    package = _PACKAGE.search(data)
    head = data[: package.start()] if package else data
    return _GENERATED.search(head) is not None


def _module_path(root: Path) -> tuple[str, bool]:
    go_mod = root / "go.mod"
    if go_mod.is_file():
        try:
            found = _MODULE.search(go_mod.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            raise DiscoveryError(f"cannot read {go_mod}: {exc.strerror or exc}") from None
        if found:
            return found.group(1), True
    return root.resolve().name or "gocode", False


def _collect(
    root: Path, paths: Sequence[Path], tests: bool, skipped: list[Skipped]
) -> list[GoSource]:
    sources: list[GoSource] = []
    for path in paths:
        rel = path.relative_to(root).as_posix()
        try:
            source, data = _source(root, path)
        except DiscoveryError as exc:  # one unreadable file must not stop the others
            skipped.append(Skipped(rel, str(exc).replace(f"{path}: ", "", 1)))
            continue
        if source.is_test and not tests:
            skipped.append(Skipped(rel, "test file (use --tests to convert it)"))
        elif _is_generated(data):
            skipped.append(Skipped(rel, "generated file (// Code generated ... DO NOT EDIT.)"))
        else:
            sources.append(source)
    return sources


def _walk(root: Path, skipped: list[Skipped]) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            rel = (here / name).relative_to(root).as_posix()
            if name in _SKIPPED_DIRS:
                skipped.append(Skipped(rel + "/", _SKIPPED_DIRS[name]))
            elif (here / name).is_symlink():  # os.walk does not follow it: say so
                skipped.append(Skipped(rel + "/", "symlinked folder (not followed)"))
            elif name.startswith((".", "_")):
                skipped.append(Skipped(rel + "/", "hidden or _ folder (ignored by go build)"))
            elif (here / name / "go.mod").is_file():
                skipped.append(Skipped(rel + "/", "nested Go module (convert it on its own)"))
            else:
                kept.append(name)
        dirs[:] = kept
        found += [here / f for f in sorted(files) if f.endswith(".go")]
    return found


def _group(sources: list[GoSource]) -> tuple[GoPackage, ...]:
    by_dir: dict[str, list[GoSource]] = {}
    for source in sources:
        by_dir.setdefault(PurePosixPath(source.path).parent.as_posix(), []).append(source)
    return tuple(
        GoPackage(
            "" if folder == "." else folder,
            tuple(sorted(files, key=lambda f: (f.is_test, f.path))),
        )
        for folder, files in sorted(by_dir.items())
    )


def discover_dir(root: Path, tests: bool = False) -> GoModule:
    """A Go module (with go.mod) or a plain folder of packages."""
    if not root.is_dir():
        raise DiscoveryError(f"{root} is not a folder")
    skipped: list[Skipped] = []
    module_path, has_go_mod = _module_path(root)
    sources = _collect(root, _walk(root, skipped), tests, skipped)
    if not sources:
        raise DiscoveryError(f"no Go files to convert in {root}")
    return GoModule(root, module_path, has_go_mod, _group(sources), tuple(skipped))


def discover_files(files: Sequence[Path], tests: bool = False) -> GoModule:
    """Several Go files: each folder among them is a package; the crate root is their common
    folder (a go.mod there names the module)."""
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise DiscoveryError(f"{missing[0]} is not a file")
    resolved = sorted({f.resolve() for f in files})
    root = Path(os.path.commonpath([f.parent for f in resolved]))
    skipped: list[Skipped] = []
    module_path, has_go_mod = _module_path(root)
    sources = _collect(root, resolved, tests, skipped)
    if not sources:
        raise DiscoveryError("no Go files to convert among the given files")
    return GoModule(root, module_path, has_go_mod, _group(sources), tuple(skipped))
