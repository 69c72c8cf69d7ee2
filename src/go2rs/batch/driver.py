"""The batch driver: discover, translate packages (process pool, dependency order), lay out
the crate, write it atomically, report, and optionally `cargo check` it.

Results are keyed and ordered by package folder, never by completion order, so a parallel
run writes exactly the bytes a serial run writes.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from go2rs.batch import cargo, layout, report
from go2rs.batch.discover import (
    DiscoveryError,
    GoModule,
    GoPackage,
    discover_dir,
    discover_files,
)
from go2rs.batch.layout import CrateLayout, PackagePlan
from go2rs.batch.rustfmt import format_tree
from go2rs.batch.spool import Spool
from go2rs.batch.work import FileResult, Unit, UnitResult, stub, translate_unit
from go2rs.build import placeholder_items
from go2rs.context import Ctx, LocalType, Options, Placeholder, merge_placeholders
from go2rs.diagnostics import Diagnostic, Severity
from go2rs.program import Program
from go2rs.render import render_file
from go2rs.rustmodel import RustFile

REPORT_JSON = "go2rs-report.json"
REPORT_MD = "go2rs-report.md"


class BatchError(Exception):
    """Nothing usable: bad arguments, unreadable input, or an output folder we must not touch."""


@dataclass(frozen=True, slots=True)
class BatchConfig:
    inputs: tuple[Path, ...]  # one folder, or Go files
    out: Path
    force: bool = False
    tests: bool = False
    check: bool = False
    jobs: int | None = None  # None: every core; 1: serial, in this process
    comments: str = "full"
    format: bool = True
    mode: str | None = None  # Options.mode ("draft" | "skeleton"); None: the translator's default


@dataclass(frozen=True, slots=True)
class BatchResult:
    out: Path
    report: report.Report
    written: tuple[str, ...]  # paths relative to out, sorted
    exit_code: int  # 0 all translated, 1 some files need attention, 2 nothing usable


# Progress: called once before work (files, lines) and after each package (dir, files, lines).
StartHook = Callable[[int, int], None]
AdvanceHook = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class Progress:
    start: StartHook = lambda files, lines: None
    advance: AdvanceHook = lambda package, files, lines: None


# ------------------------------------------------------------------------------------ inputs


def _discover(config: BatchConfig) -> GoModule:
    try:
        if len(config.inputs) == 1 and config.inputs[0].is_dir():
            return discover_dir(config.inputs[0], config.tests)
        dirs = [p for p in config.inputs if p.is_dir()]
        if dirs:
            raise BatchError(f"give one folder, or Go files (not both): {dirs[0]}")
        not_go = [p for p in config.inputs if p.suffix != ".go"]
        if not_go:
            raise BatchError(f"not a Go file: {not_go[0]}")
        return discover_files(config.inputs, config.tests)
    except DiscoveryError as exc:
        raise BatchError(str(exc)) from None


def _check_out(out: Path, root: Path, force: bool) -> None:
    target = out.resolve()
    source = root.resolve()
    if target == source or source.is_relative_to(target):
        raise BatchError(f"the output folder {out} must not contain the Go input")
    if target.exists() and not target.is_dir():
        raise BatchError(f"{out} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise BatchError(f"{out} is not empty; use --force to write into it")


# ----------------------------------------------------------------------------- translation


def _levels(module: GoModule) -> list[list[GoPackage]]:
    """Packages in dependency order (imports of the module's own packages first), so each
    package sees what its dependencies' types derive."""
    by_path = {module.import_path(p): p for p in module.packages}
    deps = {
        p.dir: {by_path[i].dir for i in p.imports if i in by_path and by_path[i] is not p}
        for p in module.packages
    }
    done: set[str] = set()
    levels: list[list[GoPackage]] = []
    remaining = list(module.packages)
    while remaining:
        ready = [p for p in remaining if deps[p.dir] <= done] or remaining  # cycles: invalid Go
        levels.append(ready)
        done |= {p.dir for p in ready}
        remaining = [p for p in remaining if p.dir not in done]
    return levels


_DERIVE_ITEM = re.compile(
    r"#\[derive\(([^)]*)\)\]\s*(?:(?://[^\n]*|#\[[^\n]*\])\s*)*pub (?:struct|enum) (\w+)"
)
_PLAIN_ITEM = re.compile(r"^pub (struct|enum|trait|type) (\w+)", re.M)


def scan_types(rust: str) -> dict[str, LocalType]:
    """What the public types in generated Rust derive (read back from the output itself)."""
    found: dict[str, LocalType] = {}
    for kind, name in _PLAIN_ITEM.findall(rust):
        found[name] = LocalType(trait=kind == "trait")
    for derives, name in _DERIVE_ITEM.findall(rust):
        names = {d.strip().rsplit("::", 1)[-1] for d in derives.split(",")}
        found[name] = LocalType(
            False,
            "Debug" in names,
            "Clone" in names,
            "Default" in names,
            "Serialize" in names and "Deserialize" in names,
            "Copy" in names,
        )
    return found


def _unit(plan: PackagePlan, base: Options) -> Unit:
    sources = tuple((f.path, f.file) for f in plan.package.files)
    tests = tuple(f.path for f in plan.package.files if f.is_test)
    return Unit(plan.package.dir, sources, replace(base, filename=plan.package.dir), tests)


def _translate(
    module: GoModule,
    crate: CrateLayout,
    config: BatchConfig,
    pool: Executor | None,
    progress: Progress,
    staging: Path,
    spool: Spool[FileResult],
) -> dict[str, _Staged]:
    """Translate every package, level by level, staging each one's Rust files on disk as soon
    as it is done: only the per-package summaries (and the types table) stay in memory."""
    plans = {p.package.dir: p for p in crate.packages}
    local_types: dict[str, LocalType] = {}
    staged: dict[str, _Staged] = {}
    for level in _levels(module):
        units = []
        for package in level:
            plan = plans[package.dir]
            extra: dict[str, Any] = {"mode": config.mode} if config.mode else {}
            options = Options(
                comments=config.comments,
                format=False,  # the whole crate is formatted in one rustfmt run afterwards
                local_packages=crate.local_packages(plan),
                local_types=tuple(sorted(local_types.items())),
                **extra,
            )
            units.append(_unit(plan, options))

        def stage(done: UnitResult) -> None:
            staged[done.dir] = _stage(plans[done.dir], done, crate, staging, spool)
            progress.advance(done.dir or ".", len(done.files), sum(f.go_lines for f in done.files))

        _run(units, pool, stage)
        for package in level:  # fixed order: identical tables whatever finished first
            local_types.update(staged[package.dir].types)
    return staged


def _run(units: Sequence[Unit], pool: Executor | None, stage: Callable[[UnitResult], None]) -> None:
    """Each unit's result handed to `stage` as it finishes. At most _IN_FLIGHT units are
    submitted at a time, and a result is dropped once staged: a finished future keeps its
    result, so submitting a whole level at once would hold all of its Rust until the end."""
    if pool is None or len(units) == 1:
        for unit in units:
            stage(translate_unit(unit))
        return
    todo = list(reversed(units))
    in_flight: dict[Future[UnitResult], Unit] = {}
    try:
        while todo or in_flight:
            while todo and len(in_flight) < _IN_FLIGHT:
                in_flight[pool.submit(translate_unit, todo[-1])] = todo[-1]
                todo.pop()
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in finished:
                result = future.result()
                del in_flight[future]
                stage(result)
    except (BrokenProcessPool, OSError):
        # A worker died (killed, out of memory, an unimportable __main__): translate what is
        # left here. Results are the same, only slower; translate_unit itself never raises.
        for unit in [*in_flight.values(), *reversed(todo)]:
            stage(translate_unit(unit))


_IN_FLIGHT = 2 * (os.cpu_count() or 1)  # enough to keep every worker busy


# ---------------------------------------------------------------------------------- assembly


# Go path -> (package import path, Rust path, translation (without its Rust text) as an index
# into the run's spool, why it failed)
_PerFile = tuple[str, str, int, str | None]


@dataclass(frozen=True, slots=True)
class _Staged:
    """What is kept of a translated package once its Rust files are on disk (staged)."""

    per_file: dict[str, _PerFile]
    paths: tuple[str, ...]  # the crate files it wrote, relative to the crate root
    placeholders: tuple[Placeholder, ...]
    has_error_enum: bool
    crates: frozenset[str]
    types: dict[str, LocalType]  # its public types by import path, for the packages after it


def _final_file(result: FileResult, is_main: bool) -> tuple[str, str | None]:
    """The Rust for one Go file (a stub if it failed) and why it failed."""
    if result.failed is not None:
        return stub(result.go_path, result.failed, with_main=is_main), result.failed
    return result.rust, None


def _stage(
    plan: PackagePlan,
    result: UnitResult,
    crate: CrateLayout,
    staging: Path,
    spool: Spool[FileResult],
) -> _Staged:
    """Write one package's crate files under `staging`, its file results to `spool`, and keep
    its summary."""
    files: dict[str, str] = {}
    per_file: dict[str, _PerFile] = {}
    types: dict[str, LocalType] = {}
    by_path = {f.go_path: f for f in result.files}
    main_text: str | None = None
    for fplan in plan.files:
        fres = by_path[fplan.go_path]
        types.update((f"{plan.import_path}.{n}", t) for n, t in scan_types(fres.rust).items())
        rust, failed = _final_file(fres, fplan.module is None)
        kept = spool.append(replace(fres, rust=""))  # the text is staged on disk
        per_file[fplan.go_path] = (plan.import_path, fplan.rust_path, kept, failed)
        if fplan.module is None:
            main_text = rust
        else:
            files[fplan.rust_path] = layout.file_module_text(rust, fplan.is_test)
    if plan.is_bin:
        names = [p.name for p in result.placeholders]
        files[plan.module_file] = layout.bin_main_text(crate, plan, main_text, names)
    elif result.error_enum is not None:
        files[plan.error_module] = layout.error_module_text(result.error_enum)
    _write_all(staging, files.items(), "stage the crate in")
    return _Staged(
        per_file,
        tuple(files),
        result.placeholders,
        result.error_enum is not None,
        result.crates,
        types,
    )


def _module_files(crate: CrateLayout, staged: dict[str, _Staged]) -> dict[str, str]:
    """The module files that tie the packages' files together."""
    files: dict[str, str] = {}
    plans_by_dir = {p.package.dir: p for p in crate.packages if not p.is_bin}
    for node in crate.nodes:
        node_plan = plans_by_dir.get(node.go_dir)
        done = staged[node.go_dir] if node_plan is not None else None
        files[node.module_file] = layout.package_module_text(
            crate,
            node,
            node_plan,
            done is not None and done.has_error_enum,
            [p.name for p in done.placeholders] if done is not None else [],
        )
    return files


def _file_reports(
    per_file: dict[str, _PerFile],
    results: Spool[FileResult],
    staging: Path,
    fmt_problems: dict[str, str],
) -> Spool[report.FileReport]:
    """One report per Go file, each built from its staged (formatted) Rust, one at a time."""
    reports: Spool[report.FileReport] = Spool()
    for go_path, (package, rust_path, index, failed) in sorted(per_file.items()):
        fres = results[index]
        diagnostics = fres.diagnostics
        if rust_path in fmt_problems:
            problem = Diagnostic(go_path, 1, 1, Severity.WARNING, fmt_problems[rust_path])
            diagnostics = (*diagnostics, problem)
        reports.append(
            report.file_report(
                go_path=go_path,
                rust_path=rust_path,
                package=package,
                rust=(staging / rust_path).read_text(encoding="utf-8"),
                go_lines=fres.go_lines,
                idioms=fres.idioms,
                statements=fres.statements,
                todos=fres.todos,
                diagnostics=diagnostics,
                cargo_errors=(),
                failed=failed,
            )
        )
    return reports


def unmapped_text(
    entries: Sequence[report.PlaceholderEntry],
    config: BatchConfig,
    stubs: dict[str, Placeholder],
) -> str:
    """`src/unmapped.rs`: one named placeholder per Go type without a Rust counterpart (with
    the method stubs the packages' bodies call, from `stubs`)."""
    ctx = Ctx(Program.of(()), Options(comments=config.comments))
    for e in entries:
        note = f"{e.note} (used by {', '.join(e.packages)})"
        known = stubs.get(e.name, Placeholder(e.name, 0, "", ""))
        if known.error_text:
            ctx.placeholder_error(e.name, e.go_type, note, known.error_text)
        ctx.placeholder(e.name, e.arity, e.go_type, note)
        for method in known.methods:
            ctx.placeholder_method(e.name, method)
    header = (
        "Placeholders for Go types defined outside this module or without a Rust counterpart,",
        "gathered in one place: replace each with the real type (see its note).",
    )
    return render_file(RustFile(header, (), tuple(placeholder_items(ctx))), config.comments)


# ------------------------------------------------------------------------------------ output


def write_atomically(path: Path, text: str | Iterable[str]) -> None:
    """`text` (or its chunks, written as they come) into `path`, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.go2rs-tmp")
    try:
        if isinstance(text, str):
            tmp.write_text(text, encoding="utf-8")
        else:
            with tmp.open("w", encoding="utf-8") as stream:
                stream.writelines(text)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def _write_all(
    root: Path, files: Iterable[tuple[str, str | Iterable[str]]], doing: str = "write into"
) -> None:
    """Each (path, text) into `root`, in order, whole files only; the first failure stops it."""
    try:
        for rel, text in files:
            write_atomically(root / rel, text)
    except OSError as exc:
        raise BatchError(f"cannot {doing} {root}: {exc.strerror or exc}") from None


def _exit_code(rep: report.Report) -> int:
    t = rep.totals
    if t.files and t.failed == t.files:
        return 2
    crate_errors = len(rep.check.crate_errors) if rep.check is not None else 0
    return 1 if (t.attention or t.failed or crate_errors) else 0


def _pool(config: BatchConfig, packages: int) -> Executor | None:
    workers = config.jobs if config.jobs is not None else (os.cpu_count() or 1)
    workers = max(1, min(workers, packages))
    if workers == 1:
        return None
    # Not plain fork: the rich progress thread may hold a lock at fork time. A fork server
    # that has imported the translator once keeps the workers' start-up cheap.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["go2rs.batch.work"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def run_batch(config: BatchConfig, progress: Progress | None = None) -> BatchResult:
    """Convert a folder or files into a crate under config.out; raises BatchError (exit 2).

    Memory follows the largest package, not the module: each package's Rust is staged in a
    temporary folder as soon as it is translated, formatted there, and read back one file at
    a time for its report and for the copy into `out` (which gets whole files only)."""
    progress = progress or Progress()
    module = _discover(config)
    _check_out(config.out, module.root, config.force)
    crate = layout.plan_crate(module)
    progress.start(
        sum(len(p.files) for p in module.packages),
        sum(f.lines for p in module.packages for f in p.files),
    )
    with tempfile.TemporaryDirectory(prefix="go2rs-crate-") as tmp:
        staging = Path(tmp)
        pool = _pool(config, len(module.packages))
        results: Spool[FileResult] = Spool()
        try:
            staged = _translate(module, crate, config, pool, progress, staging, results)
        finally:
            if pool is not None:
                pool.shutdown()
        found = [
            (plan.import_path, p)
            for plan in crate.packages
            for p in staged[plan.package.dir].placeholders
        ]
        placeholders = report.placeholder_entries(found)
        files = _module_files(crate, staged)
        if crate.has_lib or placeholders:
            stubs: dict[str, Placeholder] = {}
            for _, placeholder in found:  # packages may stub different methods
                merge_placeholders(stubs, {placeholder.name: placeholder})
            files[crate.unmapped_file] = unmapped_text(placeholders, config, stubs)
        used = {c for done in staged.values() for c in done.crates}
        imports = {i for p in module.packages for i in p.imports}
        deps = cargo.dependencies(used, imports)
        files["Cargo.toml"] = cargo.cargo_toml(crate.name, module.module_path, deps)
        _write_all(staging, files.items(), "stage the crate in")
        paths = sorted({*files, *(path for done in staged.values() for path in done.paths)})
        fmt_problems: dict[str, str] = {}
        if config.format:
            rust = [path for path in paths if path.endswith(".rs")]
            fmt_problems = format_tree(staging, rust)
        per_file = {go: entry for done in staged.values() for go, entry in done.per_file.items()}
        reports = _file_reports(per_file, results, staging, fmt_problems)
        outputs = {path: _role(path, crate) for path in paths}
        rep = report.Report(
            report.SCHEMA_VERSION,
            module.module_path,
            crate.name,
            report.totals(reports, len(placeholders)),
            report.ranked(reports),
            placeholders,
            report.dependency_entries(deps),
            report.skipped_entries(module.skipped),
            None,
            outputs,
        )
        # the staged crate into `out`, a file at a time: a failure leaves whole files only
        staged_texts = ((rel, (staging / rel).read_text(encoding="utf-8")) for rel in paths)
        _write_all(config.out, staged_texts)
    if config.check:
        rep = _fold_check(rep, cargo.cargo_check(config.out), config.out)
    review: list[tuple[str, str | Iterable[str]]] = [
        (REPORT_JSON, report.json_chunks(rep)),
        (REPORT_MD, report.markdown_chunks(rep)),
    ]
    _write_all(config.out, review)
    written = tuple(sorted([*paths, REPORT_JSON, REPORT_MD]))
    return BatchResult(config.out, rep, written, _exit_code(rep))


def _role(path: str, crate: CrateLayout) -> str:
    if path == "Cargo.toml":
        return "manifest"
    if path == crate.unmapped_file:
        return "placeholders"
    if path.endswith("/error.rs"):
        return "error enum"
    if any(path == p.module_file for p in crate.packages if p.is_bin):
        return "binary"
    if any(path == n.module_file for n in crate.nodes):
        return "module"
    return "go file"


def _fold_check(rep: report.Report, outcome: cargo.CheckOutcome, out: Path) -> report.Report:
    """cargo's errors onto the files they point at; the ranking is redone with them."""
    table = cargo.by_file(outcome.errors)
    files: Spool[report.FileReport] = Spool()
    known: set[str] = set()
    for f in rep.files:
        errors = table.get(f.rust_path, [])
        rust = (out / f.rust_path).read_text(encoding="utf-8") if errors else ""
        files.append(_with_errors(f, errors, rust) if errors else f)
        known.add(f.rust_path)
    crate_errors = tuple(e for e in outcome.errors if e.rust_path not in known)
    ranked = report.ranked(files)
    return replace(
        rep,
        totals=report.totals(ranked, rep.totals.placeholders),
        files=ranked,
        check=report.CheckReport(outcome.ran, outcome.note, crate_errors),
    )


def _with_errors(
    f: report.FileReport, errors: list[cargo.CompilerError], rust: str
) -> report.FileReport:
    lines = report.LineMap(rust)
    entries = tuple(
        report.Entry(lines.go_line(e.rust_line), e.rust_line, e.message) for e in errors
    )
    status = "failed" if f.failed else "attention"
    risk = f.risk + report.RISK_CARGO_ERROR * len(entries)
    return replace(f, cargo_errors=entries, status=status, risk=risk)
