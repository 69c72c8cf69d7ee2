"""Coverage-guided fuzzing of go2rs.api.translate with atheris (libFuzzer).

One command (from the repository root; `pip install -e '.[fuzz]'` first):

    .venv/bin/python tests/fuzz/fuzz_translate.py -max_total_time=600

The seed corpus is every Go case under tests/cases; new interesting inputs go to
.cache/fuzz/corpus, and a crashing input is written to tests/fuzz/regressions/ (libFuzzer's
`crash-<sha1>`), where tests/fuzz/test_regressions.py replays it on every test run. Rename it to
say what it found. Any other libFuzzer flag can be added (e.g. -jobs=2, -timeout=10).

A crash is: an exception out of translate(), an "internal error" or "go2rs bug" diagnostic, or
output tree-sitter-rust cannot parse. rustfmt is skipped (format=False) to keep executions fast;
GO2RS_FUZZ_RUSTFMT=1 runs it on every input too (about 5x slower, but rustfmt rejects Rust that
tree-sitter-rust accepts, such as `fn _()`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
sys.path[:0] = [str(TESTS), str(REPO / "src")]

with atheris.instrument_imports(include=["go2rs"]):
    from go2rs.api import Options

from fuzz.oracle import check  # noqa: E402  (needs the sys.path entries above)

OPTIONS = Options(filename="fuzz.go", format=os.environ.get("GO2RS_FUZZ_RUSTFMT") == "1")


def test_one_input(data: bytes) -> None:
    check(data, OPTIONS)


def main() -> None:
    corpus = REPO / ".cache" / "fuzz" / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    regressions = Path(__file__).resolve().parent / "regressions"
    args = [
        sys.argv[0],
        f"-artifact_prefix={regressions}/",
        f"-dict={Path(__file__).resolve().parent / 'go.dict'}",
        "-timeout=20",
        "-rss_limit_mb=4096",
        "-max_len=16384",
        *sys.argv[1:],
        str(corpus),
        str(TESTS / "cases"),
    ]
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
