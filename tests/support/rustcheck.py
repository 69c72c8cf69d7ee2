"""Compile many generated Rust files with one ``cargo clippy`` run.

Each file becomes its own library crate (``[lib] path`` = the file) in a cargo workspace generated
under ``.cache/rustcheck/``. One invocation with ``--keep-going`` checks them all, and the JSON
messages are attributed back to the file they came from, so a file that does not even parse cannot
hide another file's verdict, and ``crate::`` paths resolve as they would in a standalone file.

External crate versions are pinned by ``tests/rustcheck/Cargo.lock`` (committed). It is copied into
the generated workspace before each run; cargo then only adds the path members to the copy.
``CARGO_TARGET_DIR`` is ``.cache/rustcheck/target`` for every run, so the dependencies build once.

Regenerate the pins after editing ``tests/rustcheck/deps.toml``::

    python tests/support/rustcheck.py lock
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PINS_DIR = REPO_ROOT / "tests" / "rustcheck"
DEPS_TOML = PINS_DIR / "deps.toml"
PINNED_LOCK = PINS_DIR / "Cargo.lock"
WORK_DIR = REPO_ROOT / ".cache" / "rustcheck"
TARGET_DIR = WORK_DIR / "target"
EDITION = "2021"

# Cold builds compile tokio & co. (~1-2 minutes on 2 cores); warm runs take seconds.
CARGO_TIMEOUT_S = 1800
# rustc's closing lines ("aborting due to 2 previous errors", "3 warnings emitted") only repeat
# what the file's own messages already say.
_SUMMARY_MESSAGE = re.compile(
    r"^(aborting due to|\d+ warnings? emitted|warning: \d+ warnings? emitted)"
)


class RustCheckError(RuntimeError):
    """The check itself could not run (bad manifest, dependency build failure, stale pins...)."""


@dataclass
class RustCheckResult:
    """Rendered compiler messages for one checked file (paths shown as ``<key>.rs``)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def compiles(self) -> bool:
        return not self.errors

    @property
    def clean(self) -> bool:
        return not self.errors and not self.warnings


def cargo_path() -> str | None:
    return shutil.which("cargo")


def rustfmt_path() -> str | None:
    return shutil.which("rustfmt")


def crate_name(key: str) -> str:
    """A stable, valid cargo package name for a file key such as ``structs/json_tags``."""
    slug = re.sub(r"[^a-z0-9_]+", "_", key.lower()).strip("_")[:48] or "file"
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"m_{slug}_{digest}"


def _deps_table() -> str:
    return DEPS_TOML.read_text(encoding="utf-8")


def _dep_names() -> list[str]:
    data = tomllib.loads(_deps_table())
    return list(data["workspace"]["dependencies"])


def _member_manifest(name: str, binary: bool = False) -> str:
    deps = "\n".join(f"{dep}.workspace = true" for dep in _dep_names())
    target = f'[[bin]]\nname = "{name}"\npath = "main.rs"' if binary else '[lib]\npath = "lib.rs"'
    return (
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "{EDITION}"\npublish = false\n\n'
        f"{target}\n\n"
        f"[dependencies]\n{deps}\n\n"
        "[lints.rust]\n"
        # `dead_code` is in the `unused` group; the group needs a lower priority than the lint.
        'unused = { level = "allow", priority = -1 }\n'
        'dead_code = "allow"\n'
    )


def _workspace_manifest(members: list[str], binary: bool = False) -> str:
    listed = "".join(f'    "members/{m}",\n' for m in members)
    # Binaries are only run: no debug info halves their link time.
    profile = "[profile.dev]\ndebug = false\n\n" if binary else ""
    return f'[workspace]\nresolver = "2"\nmembers = [\n{listed}]\n\n{profile}{_deps_table()}'


def _write_if_changed(path: Path, text: str) -> None:
    """Leave unchanged files alone so cargo's fingerprints (and cached messages) stay valid."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@contextmanager
def _locked(work_dir: Path) -> Iterator[None]:
    """Serialise concurrent test sessions that share the generated workspace."""
    work_dir.mkdir(parents=True, exist_ok=True)
    with open(work_dir / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _external_pins(lock_text: str) -> dict[str, str]:
    """``name@version`` -> source for every registry/git package in a Cargo.lock."""
    packages = tomllib.loads(lock_text).get("package", [])
    return {f"{p['name']}@{p['version']}": p["source"] for p in packages if "source" in p}


def layout(files: Mapping[str, str], work_dir: Path, binary: bool = False) -> dict[str, str]:
    """Write the workspace (library crates, or binaries); return crate name -> file key."""
    names: dict[str, str] = {}
    for key in files:
        name = crate_name(key)
        if name in names:
            raise RustCheckError(f"file keys {names[name]!r} and {key!r} map to one crate name")
        names[name] = key
    members_dir = work_dir / "members"
    members_dir.mkdir(parents=True, exist_ok=True)
    for stale in members_dir.iterdir():
        if stale.name not in names:
            shutil.rmtree(stale)
    for name, key in names.items():
        _write_if_changed(members_dir / name / "Cargo.toml", _member_manifest(name, binary))
        _write_if_changed(members_dir / name / ("main.rs" if binary else "lib.rs"), files[key])
    _write_if_changed(work_dir / "Cargo.toml", _workspace_manifest(sorted(names), binary))
    if PINNED_LOCK.is_file():
        shutil.copyfile(PINNED_LOCK, work_dir / "Cargo.lock")
    return names


def cargo_env(target_dir: Path = TARGET_DIR) -> dict[str, str]:
    env = dict(os.environ)
    env["CARGO_TARGET_DIR"] = str(target_dir)
    env.pop("RUSTFLAGS", None)  # a user's flags would change fingerprints and rebuild the deps
    env.setdefault("CARGO_TERM_COLOR", "never")
    return env


def _run_clippy(work_dir: Path) -> subprocess.CompletedProcess[str]:
    cargo = cargo_path()
    if cargo is None:
        raise RustCheckError("cargo not found on PATH")
    cmd = [cargo, "clippy", "--workspace", "--keep-going", "--message-format=json", "--quiet"]
    return subprocess.run(
        cmd,
        cwd=work_dir,
        env=cargo_env(),
        capture_output=True,
        text=True,
        timeout=CARGO_TIMEOUT_S,
        check=False,
    )


def _attribute(
    stdout: str, names: Mapping[str, str]
) -> tuple[dict[str, RustCheckResult], list[str], set[str]]:
    """Split cargo's JSON stream into per-file results, foreign errors, crates that built."""
    results = {key: RustCheckResult() for key in names.values()}
    foreign: list[str] = []
    finished: set[str] = set()
    for line in stdout.splitlines():
        if not line.startswith("{"):
            continue
        msg = json.loads(line)
        name = msg.get("target", {}).get("name", "")
        key = names.get(name)
        if msg.get("reason") == "compiler-artifact" and key is not None:
            finished.add(key)
        if msg.get("reason") != "compiler-message":
            continue
        diag = msg["message"]
        level = str(diag.get("level", ""))
        text = str(diag.get("rendered") or diag.get("message", ""))
        if key is not None:  # point at the file the caller knows, not the generated crate
            text = text.replace(f"members/{name}/lib.rs", f"{key}.rs")
        if _SUMMARY_MESSAGE.match(str(diag.get("message", ""))):
            continue
        if key is None:
            if level.startswith("error"):
                foreign.append(text)
            continue
        if level.startswith("error"):
            results[key].errors.append(text)
        elif level == "warning":
            results[key].warnings.append(text)
    return results, foreign, finished


def check_rust(
    files: Mapping[str, str], *, work_dir: Path = WORK_DIR
) -> dict[str, RustCheckResult]:
    """Check every file with one ``cargo clippy --workspace --keep-going`` run.

    ``files`` maps a key (e.g. a case id) to Rust source text. Every key gets a result. Raises
    :class:`RustCheckError` when the check itself is broken (as opposed to a file not compiling).
    """
    if not files:
        return {}
    with _locked(work_dir):
        names = layout(files, work_dir)
        proc = _run_clippy(work_dir)
        results, foreign, finished = _attribute(proc.stdout, names)
        if foreign:
            raise RustCheckError("errors outside the checked files:\n" + "\n".join(foreign))
        silent = [k for k in names.values() if k not in finished and not results[k].errors]
        if silent:
            # A crate that neither built nor reported an error: cargo failed before rustc ran.
            raise RustCheckError(
                f"cargo exited {proc.returncode} without checking {silent[:5]}:\n{proc.stderr}"
            )
        _verify_pins(work_dir)
    return results


def _verify_pins(work_dir: Path) -> None:
    """The run must not have moved any external crate away from the committed pins."""
    if not PINNED_LOCK.is_file():
        raise RustCheckError(
            f"{PINNED_LOCK} is missing; create it with: python tests/support/rustcheck.py lock"
        )
    pinned = _external_pins(PINNED_LOCK.read_text(encoding="utf-8"))
    used = _external_pins((work_dir / "Cargo.lock").read_text(encoding="utf-8"))
    if pinned != used:
        added = sorted(set(used) - set(pinned))
        removed = sorted(set(pinned) - set(used))
        raise RustCheckError(
            "tests/rustcheck/Cargo.lock is stale (deps.toml changed?): "
            f"cargo added {added[:10]}, dropped {removed[:10]}. "
            "Regenerate it: python tests/support/rustcheck.py lock"
        )


def update_lock(work_dir: Path = WORK_DIR / "lockgen") -> Path:
    """Resolve deps.toml against crates.io and write tests/rustcheck/Cargo.lock.

    The lock keeps only external packages; the per-file path crates are added by cargo at check
    time without moving any external pin.
    """
    cargo = cargo_path()
    if cargo is None:
        raise RustCheckError("cargo not found on PATH")
    shutil.rmtree(work_dir, ignore_errors=True)
    name = "lockgen"
    (work_dir / "members" / name).mkdir(parents=True)
    _write_if_changed(work_dir / "members" / name / "Cargo.toml", _member_manifest(name))
    _write_if_changed(work_dir / "members" / name / "lib.rs", "")
    _write_if_changed(work_dir / "Cargo.toml", _workspace_manifest([name]))
    subprocess.run([cargo, "generate-lockfile"], cwd=work_dir, env=cargo_env(), check=True)
    text = (work_dir / "Cargo.lock").read_text(encoding="utf-8")
    blocks = text.split("\n[[package]]\n")
    kept = [b.strip("\n") for b in blocks[:1] + [b for b in blocks[1:] if "\nsource = " in b]]
    PINNED_LOCK.write_text("\n\n[[package]]\n".join(kept).rstrip("\n") + "\n", encoding="utf-8")
    shutil.rmtree(work_dir, ignore_errors=True)
    return PINNED_LOCK


def rustfmt_format(text: str) -> str:
    """Format ``text`` with rustfmt (edition 2021); raises ValueError if rustfmt rejects it."""
    rustfmt = rustfmt_path()
    if rustfmt is None:
        raise RustCheckError("rustfmt not found on PATH")
    proc = subprocess.run(
        [rustfmt, "--edition", EDITION, "--emit", "stdout"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0:
        raise ValueError(f"rustfmt failed:\n{proc.stderr}")
    return proc.stdout


def rustfmt_check(text: str) -> bool:
    """Is ``text`` already rustfmt-formatted? (``rustfmt --check`` on stdin always exits 0.)"""
    try:
        return rustfmt_format(text) == text
    except ValueError:
        return False


def _main(argv: list[str]) -> int:
    if argv[1:] == ["lock"]:
        print(f"wrote {update_lock()}")
        return 0
    print("usage: python tests/support/rustcheck.py lock", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv))
