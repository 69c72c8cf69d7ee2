"""Differential runs: a Go program's output (the oracle) against its Rust translation's output.

Every ``tests/cases/programs/*.go`` is a complete ``package main`` program.

- Go side: ``go run FILE`` once; stdout and exit status are cached under ``.cache/programs/go/``,
  keyed by a hash of the Go version and the source, so reruns do not start the Go toolchain.
- Rust side: every translation becomes one binary crate (``[[bin]] path = "main.rs"``) in a single
  cargo workspace under ``.cache/rustrun/``, built by one ``cargo build --workspace --keep-going``.
  The members depend on the same crates as ``tests/support/rustcheck.py`` and the committed pins of
  ``tests/rustcheck/Cargo.lock`` are copied in (a run that moves a pin fails). ``CARGO_TARGET_DIR``
  is ``.cache/rustrun/target`` for every run, so the dependencies are built once; it is separate
  from rustcheck's because ``cargo build`` needs full rlibs where ``cargo clippy`` keeps metadata.
- Each binary that built runs once with a timeout; it matches when stdout and exit status equal
  Go's.

Expected failures are listed in ``tests/programs_xfail.txt`` (``name  # reason``), which
``python tests/support/update_xfail.py`` rewrites from a fresh run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .cases import CASES_DIR
from .rustcheck import (
    _SUMMARY_MESSAGE,
    CARGO_TIMEOUT_S,
    RustCheckError,
    _locked,
    _verify_pins,
    cargo_env,
    cargo_path,
    layout,
)
from .tools import find_tool

REPO_ROOT = Path(__file__).resolve().parents[2]
PROGRAMS_DIR = CASES_DIR / "programs"
XFAIL_FILE = REPO_ROOT / "tests" / "programs_xfail.txt"
GO_CACHE_DIR = REPO_ROOT / ".cache" / "programs" / "go"
WORK_DIR = REPO_ROOT / ".cache" / "rustrun"
TARGET_DIR = WORK_DIR / "target"

GO_RUN_TIMEOUT_S = 120  # a cold `go run` compiles the program and the packages it imports
RUN_TIMEOUT_S = 10  # every program finishes in well under a second in Go
_REASON_MAX = 140


# ------------------------------------------------------------------------------------ programs


@dataclass(frozen=True, slots=True)
class Program:
    name: str  # file stem: tests/cases/programs/<name>.go
    path: Path

    def source(self) -> bytes:
        return self.path.read_bytes()


def discover_programs(root: Path = PROGRAMS_DIR) -> list[Program]:
    return sorted(
        (Program(p.stem, p) for p in root.glob("*.go") if not p.name.startswith(".")),
        key=lambda p: p.name,
    )


@dataclass(frozen=True, slots=True)
class RunOutput:
    stdout: str
    returncode: int
    stderr: str = ""
    timed_out: bool = False


# ------------------------------------------------------------------------------ Go: the oracle


def _go_version(go: str) -> str:
    proc = subprocess.run([go, "version"], capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout.strip()


def _go_run(go: str, program: Program) -> RunOutput:
    # Run outside any module (a go.mod above the cwd would change how the file is resolved).
    with tempfile.TemporaryDirectory(prefix="go2rs-gorun-") as tmp:
        try:
            proc = subprocess.run(
                [go, "run", str(program.path)],
                cwd=tmp,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=GO_RUN_TIMEOUT_S,
                check=False,
                env={**os.environ, "GOTOOLCHAIN": "local"},
            )
        except subprocess.TimeoutExpired as exc:
            return RunOutput(_text(exc.stdout), -1, _text(exc.stderr), timed_out=True)
    return RunOutput(_text(proc.stdout), proc.returncode, _text(proc.stderr))


def go_outputs(programs: Sequence[Program], go: str) -> dict[str, RunOutput]:
    """What each program prints under ``go run`` (cached by Go version + source hash)."""
    version = _go_version(go)
    GO_CACHE_DIR.mkdir(parents=True, exist_ok=True)

    def one(program: Program) -> RunOutput:
        key = hashlib.sha256(version.encode() + b"\0" + program.source()).hexdigest()[:24]
        cached = GO_CACHE_DIR / f"{program.name}-{key}.json"
        if cached.is_file():
            data = json.loads(cached.read_text(encoding="utf-8"))
            return RunOutput(data["stdout"], data["returncode"], data["stderr"])
        out = _go_run(go, program)
        if not out.timed_out:  # a timeout may be the machine, not the program: retry next time
            data = {"stdout": out.stdout, "returncode": out.returncode, "stderr": out.stderr}
            cached.write_text(json.dumps(data), encoding="utf-8")
        return out

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip((p.name for p in programs), pool.map(one, programs), strict=True))


# ------------------------------------------------------------------------ Rust: build and run


@dataclass
class BuildResult:
    errors: list[str] = field(default_factory=list)  # rendered rustc errors
    executable: Path | None = None

    @property
    def compiles(self) -> bool:
        return self.executable is not None and not self.errors


def build_binaries(
    files: Mapping[str, str], *, work_dir: Path = WORK_DIR
) -> dict[str, BuildResult]:
    """Build every file as a binary with one ``cargo build --workspace --keep-going`` run.

    Only an executable that cargo reports in *this* run counts: a stale binary left in the target
    directory by an earlier, successful build must not stand in for a file that no longer builds.
    """
    if not files:
        return {}
    cargo = cargo_path()
    if cargo is None:
        raise RustCheckError("cargo not found on PATH")
    with _locked(work_dir):
        names = layout(files, work_dir, binary=True)
        cmd = [cargo, "build", "--workspace", "--keep-going", "--message-format=json", "--quiet"]
        proc = subprocess.run(
            cmd,
            cwd=work_dir,
            env=cargo_env(TARGET_DIR),
            capture_output=True,
            text=True,
            timeout=CARGO_TIMEOUT_S,
            check=False,
        )
        results = {key: BuildResult() for key in names.values()}
        foreign: list[str] = []
        for line in proc.stdout.splitlines():
            if not line.startswith("{"):
                continue
            msg = json.loads(line)
            name = msg.get("target", {}).get("name", "")
            key = names.get(name)
            if msg.get("reason") == "compiler-artifact" and key is not None:
                if msg.get("executable"):
                    results[key].executable = Path(msg["executable"])
                continue
            if msg.get("reason") != "compiler-message":
                continue
            diag = msg["message"]
            if not str(diag.get("level", "")).startswith("error"):
                continue
            if _SUMMARY_MESSAGE.match(str(diag.get("message", ""))):
                continue
            text = str(diag.get("rendered") or diag.get("message", ""))
            if key is None:
                foreign.append(text)
            else:
                results[key].errors.append(text.replace(f"members/{name}/main.rs", f"{key}.rs"))
        if foreign:
            raise RustCheckError("errors outside the built programs:\n" + "\n".join(foreign))
        silent = [k for k, r in results.items() if r.executable is None and not r.errors]
        if silent:
            raise RustCheckError(
                f"cargo exited {proc.returncode} without building {silent[:5]}:\n{proc.stderr}"
            )
        _verify_pins(work_dir)
    return results


def run_binary(executable: Path, timeout_s: float = RUN_TIMEOUT_S) -> RunOutput:
    with tempfile.TemporaryDirectory(prefix="go2rs-rustrun-") as tmp:
        try:
            proc = subprocess.run(
                [str(executable)],
                cwd=tmp,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=timeout_s,
                check=False,
                # A symbolized backtrace costs ~0.2 s per panicking binary and says nothing new.
                env={**os.environ, "RUST_BACKTRACE": "0"},
            )
        except subprocess.TimeoutExpired as exc:
            return RunOutput(_text(exc.stdout), -1, _text(exc.stderr), timed_out=True)
    return RunOutput(_text(proc.stdout), proc.returncode, _text(proc.stderr))


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", "replace")


# ------------------------------------------------------------------------------- translation


def translate_program(program: Program) -> str:
    """The program in draft mode when the translator has modes, else the default mode."""
    # Imported here: conftest imports this module before it puts an uninstalled src/ on sys.path.
    from go2rs.api import Options, translate

    kwargs: dict[str, object] = {"filename": program.path.name}
    if "mode" in {f.name for f in dataclasses.fields(Options)}:
        kwargs["mode"] = "draft"
    return translate(program.source(), Options(**kwargs)).rust


# ---------------------------------------------------------------------------------- outcomes


@dataclass(frozen=True, slots=True)
class Outcome:
    name: str
    compiled: bool
    same: bool  # stdout and exit status equal Go's
    reason: str  # why not (empty when same): first compile error line, or how output differs
    details: str = ""  # everything needed to debug it: all errors, or both outputs
    go_failed: bool = False  # the oracle itself failed: a broken program, not a translator gap


@dataclass
class ProgramsRun:
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    def __repr__(self) -> str:  # pytest prints fixture values in tracebacks: keep it short
        return f"<ProgramsRun of {len(self.outcomes)} programs>"


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _REASON_MAX else text[: _REASON_MAX - 3] + "..."


def _panic_message(stderr: str) -> str:
    """``panicked: <message>`` from a Rust panic report, without the churny file:line part."""
    lines = stderr.splitlines()
    for i, line in enumerate(lines):
        if "panicked at" in line:
            message = lines[i + 1] if i + 1 < len(lines) else ""
            return f"panicked: {message}".strip()
    return lines[0] if lines else ""


_TODO_PANIC = re.compile(r"not yet implemented: go2rs: translate the Go body of ([\w.]+)")
_KEPT_TODO = re.compile(r"//\s*go2rs\[D02\]:\s*(?:body kept as todo:\s*)?(.*)")
_FN = re.compile(r"\bfn\s+(\w+)")


def _todo_reason(stderr: str, rust: str) -> str | None:
    """``todo in main: <why>`` when the binary hit a body go2rs kept as ``todo!()``.

    The why is the translator's own note (``go2rs[D02]``) above that function, so the xfail
    list says what to teach the translator, not only that the program panicked.
    """
    hit = _TODO_PANIC.search(stderr)
    if hit is None:
        return None
    go_name = hit.group(1)
    leaf = go_name.rsplit(".", 1)[-1]
    rust_name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", leaf).lower()
    why: dict[str, str] = {}
    pending: str | None = None
    for line in rust.splitlines():
        note = _KEPT_TODO.search(line)
        if note is not None:
            pending = note.group(1).strip()
            continue
        fn = _FN.search(line)
        if fn is not None and pending is not None:
            why.setdefault(fn.group(1), pending)
            pending = None
    reason = why.get(rust_name)
    return f"todo in {go_name}: {reason}" if reason else f"todo in {go_name}"


def _compare(name: str, want: RunOutput, got: RunOutput, rust: str = "") -> Outcome:
    if got.timed_out:
        reason = f"output differs: timed out after {RUN_TIMEOUT_S}s"
    elif got.stdout == want.stdout and got.returncode == want.returncode:
        return Outcome(name, compiled=True, same=True, reason="")
    elif got.returncode != want.returncode:
        reason = f"output differs: exit {got.returncode} (Go: {want.returncode})"
        if got.stderr.strip():
            reason += f", {_todo_reason(got.stderr, rust) or _panic_message(got.stderr)}"
    else:
        got_lines, want_lines = got.stdout.splitlines(), want.stdout.splitlines()
        at = next(
            (i for i, (a, b) in enumerate(zip(got_lines, want_lines, strict=False)) if a != b),
            min(len(got_lines), len(want_lines)),
        )
        got_line = got_lines[at] if at < len(got_lines) else "<end>"
        want_line = want_lines[at] if at < len(want_lines) else "<end>"
        reason = f"output differs at line {at + 1}: {got_line!r}, Go {want_line!r}"
    details = (
        f"--- Go stdout (exit {want.returncode}) ---\n{want.stdout}"
        f"--- Rust stdout (exit {got.returncode}) ---\n{got.stdout}"
        f"--- Rust stderr ---\n{got.stderr}"
    )
    return Outcome(name, compiled=True, same=False, reason=_clip(reason), details=details)


def evaluate_programs(programs: Sequence[Program], go: str) -> ProgramsRun:
    """Run every program under Go, translate, build all translations at once, run and compare."""
    expected = go_outputs(programs, go)
    sources: dict[str, str] = {}
    run = ProgramsRun()
    for program in programs:
        want = expected[program.name]
        if want.timed_out or want.returncode != 0:
            why = "timed out" if want.timed_out else f"exited {want.returncode}"
            run.outcomes[program.name] = Outcome(
                program.name,
                compiled=False,
                same=False,
                reason=_clip(f"go run {why}: {want.stderr.strip()}"),
                details=want.stderr,
                go_failed=True,
            )
            continue
        try:
            sources[program.name] = translate_program(program)
        except Exception as exc:  # translate() must never raise; report it as this program's
            reason = f"translate() raised {type(exc).__name__}: {exc}"
            run.outcomes[program.name] = Outcome(program.name, False, False, _clip(reason))
    built = build_binaries(sources)

    def one(name: str) -> Outcome:
        result = built[name]
        if not result.compiles or result.executable is None:
            first = result.errors[0].splitlines()[0] if result.errors else "no executable"
            details = f"{len(result.errors)} compile error(s):\n" + "\n".join(result.errors)
            return Outcome(name, False, False, _clip(first), details)
        return _compare(name, expected[name], run_binary(result.executable), sources[name])

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for outcome in pool.map(one, sorted(built)):
            run.outcomes[outcome.name] = outcome
    run.outcomes = dict(sorted(run.outcomes.items()))
    return run


def find_go() -> str | None:
    return find_tool("go")


# ------------------------------------------------------------------------------------- xfail


def read_xfail(path: Path = XFAIL_FILE) -> dict[str, str]:
    """``name  # reason`` per line; blank lines and lines starting with ``#`` are ignored.

    Raises ValueError for a line without a reason or a name listed twice.
    """
    listed: dict[str, str] = {}
    if not path.is_file():
        return listed
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, reason = line.partition("#")
        name, reason = name.strip(), reason.strip()
        if not sep or not reason or not name or " " in name:
            raise ValueError(f"{path.name}:{number}: expected 'name  # reason', got {raw!r}")
        if name in listed:
            raise ValueError(f"{path.name}:{number}: {name} is listed twice")
        listed[name] = reason
    return listed


XFAIL_HEADER = """\
# Programs under tests/cases/programs/ whose Rust translation does not yet print what Go prints.
# One per line: `name  # reason` (the first compile error, or how the output differs).
# tests/test_programs.py fails when a listed program matches ("promote it") and when an unlisted
# one does not, so this list only shrinks. Regenerate from a fresh run:
#     .venv/bin/python tests/support/update_xfail.py
"""


def format_xfail(run: ProgramsRun) -> str:
    listed = [o for o in run.outcomes.values() if not o.same and not o.go_failed]
    width = max((len(o.name) for o in listed), default=0)
    lines = [f"{o.name.ljust(width)}  # {o.reason}" for o in listed]
    return XFAIL_HEADER + "".join(f"{line}\n" for line in lines)


# ----------------------------------------------------------------------------------- summary


@dataclass
class ProgramsSummary:
    total: int = 0
    compiled: int = 0
    same: int = 0
    xfail: int = 0
    ran: bool = False

    def line(self) -> str:
        return (
            f"programs: compiled {self.compiled}/{self.total}, "
            f"same output {self.same}/{self.total}, xfail {self.xfail}"
        )


PROGRAMS_SUMMARY = pytest.StashKey[ProgramsSummary]()
