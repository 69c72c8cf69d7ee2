"""The `flag` package mapping (bodies/flags.py): the translated program, run with command-line
arguments, prints and exits as the Go program does (Go is the oracle)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from support.tools import require_tool

from go2rs.api import Options, translate

_PROGRAM = """package main

import (
	"flag"
	"fmt"
	"strings"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	n := flag.Int("n", 3, "how many")
	verbose := flag.Bool("v", false, "chatty output")
	var name string
	flag.StringVar(&name, "name", "world", "who to greet")
	flag.Parse()
	fmt.Println(*addr, *n, *verbose, name)
	fmt.Println(flag.NArg(), strings.Join(flag.Args(), ","), flag.Arg(0))
}
"""

_ARGS = [
    [],
    ["-addr=:90", "-n", "0x10", "-v", "rest1", "rest2"],
    ["--n=-010", "-v=false", "-name", "bob", "--", "-x"],
    ["a", "-v"],
    ["-n", "1_000"],
    ["-n", "0_7"],
    ["-n", "-9223372036854775808"],
    ["-x"],
    ["-n"],
    ["-n", "1__0"],
    ["-n", "9223372036854775808"],
    ["-v=maybe"],
    ["---v"],
    ["-h"],
]


@pytest.fixture(scope="module")
def binaries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    go = require_tool("go", "the Go oracle of the flag mapping")
    rustc = require_tool("rustc", "building the translated flag program")
    work = tmp_path_factory.mktemp("flags")
    (work / "main.go").write_text(_PROGRAM)
    rust = translate(_PROGRAM.encode(), Options(filename="main.go")).rust
    assert "todo!(" not in rust
    (work / "main.rs").write_text(rust)
    env = {**os.environ, "GOTOOLCHAIN": "local"}
    subprocess.run([go, "build", "-o", "go_bin", "main.go"], cwd=work, check=True, env=env)
    subprocess.run([rustc, "--edition", "2021", "-o", "rust_bin", "main.rs"], cwd=work, check=True)
    return work / "go_bin", work / "rust_bin"


@pytest.mark.parametrize("args", _ARGS, ids=[" ".join(a) or "none" for a in _ARGS])
def test_the_translation_parses_flags_as_go_does(
    binaries: tuple[Path, Path], args: list[str]
) -> None:
    go_bin, rust_bin = binaries
    want = subprocess.run([go_bin, *args], capture_output=True, text=True, check=False)
    got = subprocess.run([rust_bin, *args], capture_output=True, text=True, check=False)
    assert (got.stdout, got.returncode) == (want.stdout, want.returncode)
    if want.returncode == 2:  # Go's message is the first stderr line (its usage follows)
        assert got.stderr.splitlines()[0] == want.stderr.splitlines()[0]


def test_a_flag_defined_out_of_the_parse_scope_keeps_parse_todo() -> None:
    go = _PROGRAM.replace(
        "\tflag.Parse()", '\tif true {\n\t\t_ = flag.Bool("q", false, "quiet")\n\t}\n\tflag.Parse()'
    )
    rust = translate(go.encode(), Options(filename="main.go", format=False)).rust
    assert "flag.Parse with flags go2rs did not see defined" in rust


def test_a_body_asking_only_for_nargs_gets_the_leftover_arguments() -> None:
    go = 'package main\n\nimport (\n\t"flag"\n\t"fmt"\n)\n\nfunc main() {\n'
    go += '\tv := flag.Bool("v", false, "")\n\tflag.Parse()\n\tfmt.Println(*v, flag.NArg())\n}\n'
    rust = translate(go.encode(), Options(filename="nargs.go", format=False)).rust
    assert "let flag_args: Vec<String> = " in rust
    assert "flag_args.len()" in rust
