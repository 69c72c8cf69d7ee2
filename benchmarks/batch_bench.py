"""Batch-mode throughput: Go files/s and lines/s, serial (--jobs 1) vs parallel (all cores).

Two inputs: one test module as it is (tests/modules/<name>), and a scaled module made of
COPIES copies of all three test modules (each copy its own packages, imports rewritten), so the
process pool has enough packages to spread. Output goes to a temporary folder; the input tree is
never touched. Numbers are wall-clock, best of --repeat runs.

    .venv/bin/python benchmarks/batch_bench.py [--module httpsvc] [--copies 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from go2rs.batch import BatchConfig, run_batch

ROOT = Path(__file__).resolve().parents[1]
MODULES = ROOT / "tests" / "modules"


def scaled_module(dest: Path, copies: int) -> Path:
    """A module `example.com/bench` holding `copies` copies of every test module."""
    dest.mkdir(parents=True)
    (dest / "go.mod").write_text("module example.com/bench\n\ngo 1.22\n", encoding="utf-8")
    for module in sorted(p for p in MODULES.iterdir() if (p / "go.mod").is_file()):
        old = (module / "go.mod").read_text(encoding="utf-8").split()[1]
        for n in range(copies):
            new = f"example.com/bench/{module.name}{n}"
            for src in sorted(module.rglob("*.go")):
                target = dest / f"{module.name}{n}" / src.relative_to(module)
                target.parent.mkdir(parents=True, exist_ok=True)
                text = src.read_text(encoding="utf-8").replace(f'"{old}/', f'"{new}/')
                target.write_text(text, encoding="utf-8")
    return dest


def measure(source: Path, jobs: int | None, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    files = lines = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = run_batch(BatchConfig((source,), Path(tmp) / "out", jobs=jobs))
            best = min(best, time.perf_counter() - start)
            files = result.report.totals.files
            lines = result.report.totals.go_lines
    return best, files, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--module", default="httpsvc")
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    # Other work on the machine changes these numbers a lot: the load average says how much.
    rustfmt = "yes" if shutil.which("rustfmt") else "NO"
    print(f"cores: {cores}; load average: {load}; rustfmt: {rustfmt}")
    print(
        f"{'input':<28} {'mode':<14} {'files':>6} {'lines':>7} {'s':>7} {'files/s':>8} "
        f"{'lines/s':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        inputs = [
            (f"tests/modules/{args.module}", MODULES / args.module),
            (f"scaled x{args.copies}", scaled_module(Path(tmp) / "bench", args.copies)),
        ]
        for label, source in inputs:
            for mode, jobs in (("serial", 1), (f"parallel ({cores})", None)):
                seconds, files, lines = measure(source, jobs, args.repeat)
                print(
                    f"{label:<28} {mode:<14} {files:>6} {lines:>7} {seconds:>7.2f} "
                    f"{files / seconds:>8.1f} {lines / seconds:>8.0f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
