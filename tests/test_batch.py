"""Batch mode: Go modules under tests/modules/ become crates that compile, with a review report.

Each module is converted once per session (serially); the crates are compiled with `cargo check`
against the pinned crates of tests/rustcheck/Cargo.lock in the shared target dir, so the suite
builds no dependency the golden-case check does not already build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.rustcheck import PINNED_LOCK, TARGET_DIR, _external_pins
from support.snapshot import SNAPSHOT_ROOT
from support.tools import require_tool
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from typer.testing import CliRunner

from go2rs.batch import BatchConfig, run_batch
from go2rs.batch import work as batch_work
from go2rs.batch.cargo import CheckOutcome, cargo_check
from go2rs.batch.layout import crate_name, ident
from go2rs.cli import app

MODULES_DIR = Path(__file__).resolve().parent / "modules"
MODULES = ("httpsvc", "library", "workerpool")
BATCH_SNAPSHOTS = SNAPSHOT_ROOT / "batch"


class ReportSnapshot(SingleFileSnapshotExtension):
    """The Markdown review report as snapshots/batch/<test>[<module>].md."""

    file_extension = "md"
    _write_mode = WriteMode.TEXT

    @classmethod
    def dirname(cls, *, test_location: Any) -> str:
        return str(BATCH_SNAPSHOTS)


def tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under root: bytes and mtime (ns), to prove nothing changed."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def contents(root: Path) -> dict[str, bytes]:
    return {k: v for k, (v, _) in tree(root).items()}


def convert(source: Path | list[Path], out: Path, *args: str) -> tuple[int, str]:
    sources = [str(s) for s in (source if isinstance(source, list) else [source])]
    result = CliRunner().invoke(app, ["convert", *sources, "-o", str(out), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stderr


def check_crate(out: Path, monkeypatch: pytest.MonkeyPatch) -> CheckOutcome:
    """`cargo check` the crate with the test harness's pinned dependencies."""
    require_tool("cargo", "generated crates compiling (cargo check)")
    shutil.copyfile(PINNED_LOCK, out / "Cargo.lock")
    monkeypatch.setenv("CARGO_TARGET_DIR", str(TARGET_DIR))
    monkeypatch.delenv("RUSTFLAGS", raising=False)
    outcome = cargo_check(out)
    pinned = _external_pins(PINNED_LOCK.read_text(encoding="utf-8"))
    used = _external_pins((out / "Cargo.lock").read_text(encoding="utf-8"))
    assert set(used.items()) <= set(pinned.items()), "cargo moved a pinned crate"
    return outcome


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every module converted once, serially, as skeletons (bodies todo!()): the layout,
    cross-package paths, placeholders and error modules, independent of body translation."""
    out: dict[str, Path] = {}
    for name in MODULES:
        target = tmp_path_factory.mktemp("batch") / name
        result = run_batch(BatchConfig((MODULES_DIR / name,), target, jobs=1, mode="skeleton"))
        assert result.exit_code == 0, result.report.files
        out[name] = target
    return out


# Modules whose draft-mode crate (bodies translated) does not compile yet, with the first
# errors. Strict: a module that starts compiling must be taken off this list.
def _report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "go2rs-report.json").read_text(encoding="utf-8"))
    return data


# ---------------------------------------------------------------------------------- inputs


@pytest.mark.parametrize("name", MODULES)
def test_modules_are_valid_go(name: str) -> None:
    go = require_tool("go", "tests/modules validity (go vet)")
    gofmt = require_tool("gofmt", "tests/modules formatting (gofmt -l)")
    module = MODULES_DIR / name
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}
    vet = subprocess.run(
        [go, "vet", "./..."], cwd=module, capture_output=True, text=True, env=env, check=False
    )
    assert vet.returncode == 0, vet.stderr
    unformatted = subprocess.run([gofmt, "-l", "."], cwd=module, capture_output=True, text=True)
    assert unformatted.stdout == ""


# ----------------------------------------------------------------------------------- crates


@pytest.mark.parametrize("name", MODULES)
def test_crate_compiles(
    name: str, converted: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    outcome = check_crate(converted[name], monkeypatch)
    assert outcome.ran, outcome.note
    assert outcome.errors == (), "\n".join(
        f"{e.rust_path}:{e.rust_line}: {e.message}" for e in outcome.errors
    )


@pytest.mark.parametrize("name", MODULES)
def test_draft_crate_compiles(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / name
    run_batch(BatchConfig((MODULES_DIR / name,), out, jobs=1))  # the default: draft bodies
    outcome = check_crate(out, monkeypatch)
    assert outcome.ran, outcome.note
    assert outcome.errors == (), "\n".join(
        f"{e.rust_path}:{e.rust_line}: {e.message}" for e in outcome.errors
    )


def test_module_tree_mirrors_packages(converted: dict[str, Path]) -> None:
    out = converted["httpsvc"]
    files = set(contents(out))
    assert {
        "Cargo.toml",
        "src/lib.rs",
        "src/unmapped.rs",
        "src/internal.rs",
        "src/internal/store.rs",
        "src/internal/store/user.rs",
        "src/internal/store/memory.rs",
        "src/internal/store/error.rs",
        "src/internal/api.rs",
        "src/internal/api/handlers.rs",
        "src/internal/api/routes.rs",
        "src/bin/server/main.rs",
    } <= files
    store = (out / "src/internal/store.rs").read_text(encoding="utf-8")
    assert "mod user;\npub use user::*;" in store
    assert "mod error;\npub use error::*;" in store
    handlers = (out / "src/internal/api/handlers.rs").read_text(encoding="utf-8")
    assert "use super::*;" in handlers
    # Cross-package types are crate paths, not placeholders.
    assert "crate::internal::store::Memory" in handlers
    assert "crate::internal::store::User" in handlers
    unmapped = (out / "src/unmapped.rs").read_text(encoding="utf-8")
    assert "StoreUser" not in unmapped and "pub struct HttpRequest;" in unmapped
    assert "axum" in unmapped  # the crate to consider, next to the placeholder
    main = (out / "src/bin/server/main.rs").read_text(encoding="utf-8")
    assert "fn main()" in main


def test_cargo_toml(converted: dict[str, Path]) -> None:
    text = (converted["httpsvc"] / "Cargo.toml").read_text(encoding="utf-8")
    manifest = tomllib.loads(text)
    assert manifest["package"]["name"] == "httpsvc"
    assert manifest["package"]["edition"] == "2021"
    deps = manifest["dependencies"]
    assert {"tokio", "tokio-util", "thiserror", "serde"} <= set(deps)
    pinned = tomllib.loads((PINNED_LOCK.parent / "deps.toml").read_text(encoding="utf-8"))
    assert set(deps) <= set(pinned["workspace"]["dependencies"])  # compiles offline
    assert "# replaces Go: context\ntokio-util" in text
    assert "# axum = " in text  # net/http: suggested, not compiled


def test_skeleton_crate_for_a_plain_folder(tmp_path: Path) -> None:
    source = tmp_path / "in" / "calc"
    source.mkdir(parents=True)
    (source / "calc.go").write_text("package calc\n\nfunc Add(a, b int) int { return a + b }\n")
    code, _ = convert(source, tmp_path / "out", "--quiet")
    assert code == 0
    assert tomllib.loads((tmp_path / "out/Cargo.toml").read_text())["package"]["name"] == "calc"
    assert "pub fn add(a: i64, b: i64) -> i64" in (tmp_path / "out/src/calc.rs").read_text()


# ----------------------------------------------------------------------------------- report


@pytest.mark.parametrize("name", MODULES)
def test_report_snapshot(
    name: str, converted: dict[str, Path], snapshot: SnapshotAssertion
) -> None:
    text = (converted[name] / "go2rs-report.md").read_text(encoding="utf-8")
    assert text == snapshot.use_extension(ReportSnapshot)


@pytest.mark.parametrize("name", MODULES)
def test_report_json_is_consistent(name: str, converted: dict[str, Path]) -> None:
    out = converted[name]
    data = _report(out)
    assert data["schema_version"] == 1
    files = data["files"]
    assert [f["risk"] for f in files] == sorted((f["risk"] for f in files), reverse=True)
    totals = data["totals"]
    assert totals["files"] == len(files)
    assert totals["go_lines"] == sum(f["go_lines"] for f in files)
    for f in files:
        go = (MODULES_DIR / name / f["go_path"]).read_text(encoding="utf-8").splitlines()
        rust = (out / f["rust_path"]).read_text(encoding="utf-8").splitlines()
        assert f["go_lines"] == len(go)
        assert f["rust_lines"] == len(rust)
        for note in f["notes"]:  # every entry jumps to a real Go line and the Rust note
            assert 1 <= note["go_line"] <= len(go)
            assert f"go2rs[{note['code']}]: {note['text']}" in rust[note["rust_line"] - 1]


def test_report_ranks_and_counts(converted: dict[str, Path]) -> None:
    data = _report(converted["workerpool"])
    idioms = data["totals"]["idioms"]
    assert idioms["C03"] >= 1 and idioms["C02"] >= 1 and idioms["E01"] >= 1
    pool = next(f for f in data["files"] if f["go_path"] == "pool.go")
    assert pool["items"] >= 5 and pool["body_todos"] >= 5
    assert data["files"][0]["risk"] >= data["files"][-1]["risk"]


# ----------------------------------------------------------------------------------- safety


def test_second_run_without_force_refuses(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _ = convert(MODULES_DIR / "library", out, "--quiet")
    assert code == 0
    before = tree(out)
    code, err = convert(MODULES_DIR / "library", out)
    assert code == 2
    assert "--force" in err
    assert tree(out) == before
    code, _ = convert(MODULES_DIR / "library", out, "--force", "--quiet")
    assert code == 0
    assert contents(out) == {k: v for k, (v, _) in before.items()}


def test_input_tree_is_untouched(tmp_path: Path) -> None:
    before = tree(MODULES_DIR)
    code, _ = convert(MODULES_DIR / "httpsvc", tmp_path / "out", "--quiet")
    assert code == 0
    assert tree(MODULES_DIR) == before
    assert not list(tmp_path.rglob("*.go2rs-tmp"))  # atomic writes leave no temp files


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["{src}"], id="no-output"),
        pytest.param(["{src}/nope", "-o", "{out}"], id="missing-input"),
        pytest.param(["{src}", "-o", "{src}"], id="output-is-input"),
        pytest.param(["{src}", "{src}/go.mod", "-o", "{out}"], id="folder-and-file"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(MODULES_DIR / "library", src)
    before = tree(src)
    argv = [a.format(src=src, out=tmp_path / "out") for a in args]
    result = CliRunner().invoke(app, ["convert", *argv])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert tree(src) == before


# ------------------------------------------------------------------ failures and skipped files

BROKEN = """\
package library

// Broken has a syntax error in its parameter list.
func Broken(a int, , b) error {
	return nil
}

// Fine still translates.
func Fine() int { return 1 }
"""

TEST_FILE = """\
package library

import "testing"

func TestStackPush(t *testing.T) {
	var s Stack[int]
	s.Push(1)
	if s.Len() != 1 {
		t.Fatalf("len = %d", s.Len())
	}
}
"""


@pytest.fixture()
def messy_module(tmp_path: Path) -> Path:
    """The library module plus a syntax error, a test, vendor/, testdata/, a generated file."""
    src = tmp_path / "messy"
    shutil.copytree(MODULES_DIR / "library", src)
    (src / "broken.go").write_text(BROKEN)
    (src / "stack_test.go").write_text(TEST_FILE)
    (src / "zz_generated.go").write_text(
        "// Code generated by stringer; DO NOT EDIT.\n\npackage library\n\nconst Gen = 1\n"
    )
    for folder in ("vendor/example.com/dep", "testdata"):
        (src / folder).mkdir(parents=True)
        (src / folder / "x.go").write_text("package x\n")
    return src


def test_syntax_error_is_reported_and_batch_goes_on(
    messy_module: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    code, err = convert(messy_module, out)
    assert code == 1  # some files need attention
    assert "broken.go: attention" in err
    data = _report(out)
    broken = next(f for f in data["files"] if f["go_path"] == "broken.go")
    assert broken["status"] == "attention"
    assert any(d["severity"] == "error" and d["go_line"] == 4 for d in broken["diagnostics"])
    assert data["files"][0]["go_path"] == "broken.go"  # riskiest first
    others = [f for f in data["files"] if f["go_path"] != "broken.go"]
    assert len(others) == 6 and all(f["status"] == "ok" for f in others)
    assert "pub fn fine() -> i64" in (out / "src/broken.rs").read_text()

    skipped = {s["path"]: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {"stack_test.go", "zz_generated.go", "vendor/", "testdata/"}
    assert "--tests" in skipped["stack_test.go"]
    assert "generated" in skipped["zz_generated.go"]
    skeleton = tmp_path / "skeleton"
    run_batch(BatchConfig((messy_module,), skeleton, jobs=1, mode="skeleton"))
    assert check_crate(skeleton, monkeypatch).errors == ()  # the partial file still compiles


def test_tests_flag_converts_test_files(
    messy_module: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _ = convert(messy_module, tmp_path / "draft", "--tests", "--quiet")
    assert code == 1  # broken.go still needs attention
    out = tmp_path / "out"
    result = run_batch(BatchConfig((messy_module,), out, tests=True, jobs=1, mode="skeleton"))
    assert result.exit_code == 1
    lib = (out / "src/lib.rs").read_text()
    assert "#[cfg(test)]\nmod stack_test;" in lib
    test_rust = (out / "src/stack_test.rs").read_text()
    assert "#[test]\nfn test_stack_push() {" in test_rust
    outcome = check_crate(out, monkeypatch)  # --all-targets: the test module compiles too
    assert outcome.errors == ()


def test_a_failing_package_becomes_stub_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = batch_work.translate_package

    def explode(sources: Any, options: Any) -> Any:
        if any(name.startswith("internal/api/") for name, _ in sources):
            raise RuntimeError("boom")
        return real(sources, options)

    monkeypatch.setattr(batch_work, "translate_package", explode)
    out = tmp_path / "out"
    result = run_batch(BatchConfig((MODULES_DIR / "httpsvc",), out, jobs=1))
    assert result.exit_code == 1
    failed = {f.go_path for f in result.report.files if f.status == "failed"}
    assert failed == {"internal/api/handlers.go", "internal/api/routes.go"}
    stub = (out / "src/internal/api/handlers.rs").read_text()
    assert 'todo!("go2rs: internal/api/handlers.go: internal error (RuntimeError: boom)' in stub
    assert (out / "src/internal/store/user.rs").is_file()  # the rest of the batch went on
    report_md = (out / "go2rs-report.md").read_text()
    assert "**Not translated** (stub module): internal error (RuntimeError: boom)" in report_md


def test_packages_stubbing_one_placeholder_keep_every_stub(tmp_path: Path) -> None:
    source = tmp_path / "web"
    for package, method in (("users", "PathValue"), ("search", "FormValue")):
        (source / package).mkdir(parents=True)
        (source / package / f"{package}.go").write_text(
            f'package {package}\n\nimport "net/http"\n\n'
            f'func Key(r *http.Request) string {{\n\treturn r.{method}("k")\n}}\n'
        )
    (source / "go.mod").write_text("module example.com/web\n\ngo 1.22\n")
    out = tmp_path / "out"
    run_batch(BatchConfig((source,), out, jobs=1, format=False))
    unmapped = (out / "src/unmapped.rs").read_text(encoding="utf-8")
    assert "fn path_value(" in unmapped and "fn form_value(" in unmapped


def test_check_flag_runs_cargo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_tool("cargo", "go2rs convert --check")
    source = tmp_path / "calc"
    source.mkdir()
    (source / "calc.go").write_text("package calc\n\nfunc Add(a, b int) int { return a + b }\n")
    out = tmp_path / "out"
    out.mkdir()
    shutil.copyfile(PINNED_LOCK, out / "Cargo.lock")  # pinned crates: no new downloads
    monkeypatch.setenv("CARGO_TARGET_DIR", str(TARGET_DIR))
    code, err = convert(source, out, "--force", "--check")
    assert code == 0, err
    assert "cargo check: 0 errors" in err
    check = _report(out)["check"]
    assert check["ran"] is True and check["crate_errors"] == []


def test_check_folds_cargo_errors_into_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A compile error lands on the file it is in, with its Go line, and ranks it first."""
    require_tool("cargo", "go2rs convert --check")
    from go2rs.batch import driver

    out = tmp_path / "out"
    result = run_batch(BatchConfig((MODULES_DIR / "workerpool",), out, jobs=1, mode="skeleton"))
    pool = out / "src/pool.rs"
    lines = pool.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if "pub fn results(&self)" in line)
    lines.insert(at, '    pub fn broken(&self) -> i64 { "not a number" }')
    pool.write_text("\n".join(lines) + "\n")
    rep = driver._fold_check(result.report, check_crate(out, monkeypatch), out)
    pool_report = rep.files[0]
    assert pool_report.rust_path == "src/pool.rs"
    assert pool_report.status == "attention"
    (error,) = pool_report.cargo_errors
    assert "E0308" in error.text
    assert error.rust_line == at + 1
    go_line = next(
        n
        for n, t in enumerate((MODULES_DIR / "workerpool/pool.go").open(), 1)
        if t.startswith("func (p *Pool) Results()")
    )
    assert error.go_line == go_line
    assert rep.totals.cargo_errors == 1 and rep.totals.attention == 1


# ------------------------------------------------------------------------------ determinism


def multi_package_module(tmp_path: Path) -> Path:
    """httpsvc with the library module inside it: several packages per dependency level."""
    source = tmp_path / "module"
    shutil.copytree(MODULES_DIR / "httpsvc", source)
    shutil.copytree(MODULES_DIR / "library", source / "lib")
    (source / "lib" / "go.mod").unlink()
    for go in (source / "lib").rglob("*.go"):
        go.write_text(go.read_text().replace('"example.com/library/', '"example.com/httpsvc/lib/'))
    return source


def test_parallel_and_serial_runs_are_byte_identical(tmp_path: Path) -> None:
    source = multi_package_module(tmp_path)
    serial = run_batch(BatchConfig((source,), tmp_path / "serial", jobs=1))
    parallel = run_batch(BatchConfig((source,), tmp_path / "parallel", jobs=4))
    assert serial.exit_code == parallel.exit_code == 0
    assert contents(tmp_path / "serial") == contents(tmp_path / "parallel")
    assert len(serial.written) > 15


# -------------------------------------------------------------------------------- naming


@pytest.mark.parametrize(
    ("stem", "module"),
    [("user", "user"), ("type", "type_go"), ("my-file", "my_file"), ("2fa", "m_2fa")],
)
def test_module_names(stem: str, module: str) -> None:
    assert ident(stem) == module


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("example.com/httpsvc", "httpsvc"),
        ("github.com/acme/Widget/v2", "widget"),
        ("gocode", "gocode"),
    ],
)
def test_crate_names(path: str, name: str) -> None:
    assert crate_name(path) == name


def test_file_names_that_clash_with_the_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "src"
    (src / "util").mkdir(parents=True)
    (src / "go.mod").write_text("module example.com/clash\n")
    (src / "error.go").write_text(
        'package clash\n\nimport "errors"\n\nvar ErrBad = errors.New("bad")\n\n'
        "func Check() error { return ErrBad }\n"
    )
    (src / "util.go").write_text("package clash\n\ntype Config struct{ N int }\n")
    (src / "type.go").write_text("package clash\n\ntype Kind int\n")
    (src / "util" / "util.go").write_text("package util\n\nfunc Help() {}\n")
    out = tmp_path / "out"
    result = run_batch(BatchConfig((src,), out, jobs=1, mode="skeleton"))
    assert result.exit_code == 0, result.report.files
    files = set(contents(out))
    assert {"src/error_go.rs", "src/error.rs", "src/util_go.rs", "src/util.rs"} <= files
    assert "src/type_go.rs" in files
    assert check_crate(out, monkeypatch).errors == ()


@pytest.fixture(autouse=True)
def _no_stray_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CARGO_BUILD_TARGET", raising=False)
    yield


# ------------------------------------------------------------------------- command line


def test_several_files_become_one_crate(tmp_path: Path) -> None:
    files = [MODULES_DIR / "library" / n for n in ("shape.go", "circle.go", "errors.go")]
    code, err = convert(files, tmp_path / "out")
    assert code == 0, err
    lib = (tmp_path / "out/src/lib.rs").read_text()
    assert "mod shape;" in lib and "mod circle;" in lib and "mod stack;" not in lib
    assert "impl Shape for Circle" in (tmp_path / "out/src/circle.rs").read_text()


def test_progress_lines_and_quiet(tmp_path: Path) -> None:
    code, err = convert(MODULES_DIR / "httpsvc", tmp_path / "a")
    assert code == 0
    lines = err.splitlines()
    assert lines[0] == "go2rs: converting 5 Go files (212 lines)"
    assert "go2rs: [5/5] cmd/server: 1 files, 40 lines" in lines
    assert lines[-1].startswith("go2rs: review report: ")
    code, err = convert(MODULES_DIR / "httpsvc", tmp_path / "b", "--quiet")
    assert code == 0 and err == ""


def test_nothing_usable_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(sources: Any, options: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch_work, "translate_package", explode)
    result = run_batch(BatchConfig((MODULES_DIR / "library",), tmp_path / "out", jobs=1))
    assert result.exit_code == 2
    assert {f.status for f in result.report.files} == {"failed"}


def test_schema_doc_names_every_report_field(converted: dict[str, Path]) -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "report-schema.md").read_text()
    data = _report(converted["workerpool"])
    keys = set(data) | set(data["files"][0]) | set(data["totals"]) | set(data["placeholders"][0])
    missing = sorted(k for k in keys if f"`{k}`" not in doc)
    assert missing == []


def test_crate_formatting_falls_back_file_by_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_tool("rustfmt", "batch formatting")
    from go2rs.batch import rustfmt as batch_rustfmt

    files = {
        "src/lib.rs": "mod a;\nmod b;\npub   fn  lib()  {}\n",
        "src/a.rs": "pub fn a( {\n",  # rustfmt rejects it: the one-run path fails
        "src/b.rs": "pub   fn  b()->i64{1}\n",
        "Cargo.toml": "[package]\n",
    }

    def staged() -> dict[str, str]:
        for path, text in files.items():
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(text)
        return files

    rust = ["src/lib.rs", "src/a.rs", "src/b.rs"]
    staged()
    problems = batch_rustfmt.format_tree(tmp_path, rust)
    out = {path: (tmp_path / path).read_text() for path in files}
    assert out["src/lib.rs"] == "mod a;\nmod b;\npub fn lib() {}\n"
    assert out["src/b.rs"] == "pub fn b() -> i64 {\n    1\n}\n"
    assert out["src/a.rs"] == files["src/a.rs"] and set(problems) == {"src/a.rs"}
    assert out["Cargo.toml"] == files["Cargo.toml"]
    monkeypatch.setattr(batch_rustfmt.shutil, "which", lambda name: None)
    staged()
    problems = batch_rustfmt.format_tree(tmp_path, rust)
    assert {path: (tmp_path / path).read_text() for path in files} == files
    assert set(problems) == set(rust)


def test_a_broken_pool_falls_back_to_serial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import Executor
    from concurrent.futures.process import BrokenProcessPool

    from go2rs.batch import driver

    calls: list[object] = []

    class DeadPool(Executor):
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            calls.append(args)
            raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(driver, "_pool", lambda config, packages: DeadPool())
    source = multi_package_module(tmp_path)
    broken = run_batch(BatchConfig((source,), tmp_path / "a", jobs=2, mode="skeleton"))
    serial = run_batch(BatchConfig((source,), tmp_path / "b", jobs=1, mode="skeleton"))
    assert calls  # the pool was asked, and failed
    assert broken.exit_code == serial.exit_code == 0
    assert contents(tmp_path / "a") == contents(tmp_path / "b")
