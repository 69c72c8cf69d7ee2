"""Deterministic synthetic Go corpus for the benchmarks.

The corpus is a module of packages (ten files each) that look like backend code: structs with
tags and constructors, pointer and value methods, sentinel errors and `%w` wrapping,
mutex-guarded stores, worker pools with goroutines, channels, `select` and `context`, iota enums
with `String()`, interfaces and their implementations, generic helpers and containers.

File i of package p depends only on (seed, p), never on how many files were asked for, so the
2x corpus contains the 1x corpus: scaling rows measure more of the same code, not different code.
Every file is valid Go (`python benchmarks/corpus.py --check` runs gofmt over it).

    python benchmarks/corpus.py [--files N] [--out DIR] [--check]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SEED = 20_261_126
FILES_PER_PACKAGE = 10
DEFAULT_FILES = 1_000
DEFAULT_DIR = Path(__file__).resolve().parent / ".cache"  # git-ignored, never committed

_NOUNS = [
    "order",
    "invoice",
    "account",
    "ledger",
    "payment",
    "user",
    "session",
    "token",
    "cart",
    "item",
    "shipment",
    "route",
    "tenant",
    "quota",
    "metric",
    "report",
    "job",
    "task",
    "event",
    "message",
    "topic",
    "lease",
    "node",
    "shard",
    "replica",
    "snapshot",
    "record",
    "bucket",
    "blob",
    "policy",
    "role",
    "grant",
    "audit",
    "alert",
    "probe",
    "host",
    "volume",
]
_ADJS = [
    "pending",
    "active",
    "stale",
    "cached",
    "remote",
    "local",
    "primary",
    "archived",
    "hot",
    "cold",
    "draft",
]
_FIELD_TYPES = (
    ("string", '""'),
    ("int", "0"),
    ("int64", "0"),
    ("float64", "0"),
    ("bool", "false"),
    ("[]string", "nil"),
    ("map[string]int", "nil"),
    ("time.Duration", "0"),
    ("time.Time", "time.Time{}"),
    ("*string", "nil"),
)


def _camel(*words: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass
class _File:
    """One file being written: its lines and the imports they use."""

    lines: list[str]
    imports: set[str]

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)


class _Package:
    """Names are unique within a package, as Go requires."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.name = f"{rng.choice(_NOUNS)}{index}"
        self.used: set[str] = set()

    def fresh(self, *words: str) -> str:
        base = _camel(*words)
        name, n = base, 2
        while name in self.used:
            name, n = f"{base}{n}", n + 1
        self.used.add(name)
        return name


def _entity(pkg: _Package, out: _File) -> str:
    """A struct with tagged fields, a constructor, getters and a validating setter."""
    rng = pkg.rng
    noun = rng.choice(_NOUNS)
    name = pkg.fresh(rng.choice(_ADJS), noun)
    fields = [
        (_camel(rng.choice(_NOUNS), str(i)), ty)
        for i, (ty, _) in enumerate(rng.sample(_FIELD_TYPES, rng.randint(3, 7)))
    ]
    out.add(f"// {name} is a {noun} as the service stores it.", f"type {name} struct {{")
    out.add('\tID string `json:"id"`')
    for i, (member, ty) in enumerate(fields):
        if ty.startswith("time."):
            out.imports.add("time")
        out.add(f'\t{member} {ty} `json:"{noun}_{i},omitempty"`')
    out.add("}", "")
    out.add(
        f"// New{name} returns a {name} with the given ID.",
        f"func New{name}(id string) *{name} {{",
        f"\treturn &{name}{{ID: id}}",
        "}",
        "",
    )
    recv = name[0].lower()
    for member, ty in fields[:3]:
        out.add(
            f"// Get{member} returns the field; value receiver, no mutation.",
            f"func ({recv} {name}) Get{member}() {ty} {{",
            f"\treturn {recv}.{member}",
            "}",
            "",
        )
    out.imports.add("errors")
    out.add(
        "// SetID changes the ID; an empty ID is rejected.",
        f"func ({recv} *{name}) SetID(id string) error {{",
        '\tif id == "" {',
        f'\t\treturn errors.New("{noun}: empty id")',
        "\t}",
        f"\t{recv}.ID = id",
        "\treturn nil",
        "}",
        "",
    )
    return name


def _sentinels(pkg: _Package, out: _File, entity: str) -> list[str]:
    out.imports.add("errors")
    names = [pkg.fresh("err", entity, *w.split()) for w in ("not found", "conflict", "invalid")]
    out.add("var (")
    for n, what in zip(names, ("not found", "already exists", "is invalid"), strict=True):
        out.add(f"\t// {n} is returned when the {_lower(entity)} {what}.")
        out.add(f'\t{n} = errors.New("{_lower(entity)} {what}")')
    out.add(")", "")
    return names


def _store(pkg: _Package, out: _File, entity: str, errs: list[str]) -> str:
    """A mutex-guarded map with (T, error) methods and wrapped errors."""
    out.imports.update({"sync", "fmt", "context"})
    store = pkg.fresh(entity, "store")
    out.add(
        f"// {store} keeps {entity} values in memory.",
        f"type {store} struct {{",
        "\tmu    sync.RWMutex",
        f"\titems map[string]*{entity}",
        "\thits  int",
        "}",
        "",
        f"// New{store} returns an empty store.",
        f"func New{store}() *{store} {{",
        f"\treturn &{store}{{items: make(map[string]*{entity})}}",
        "}",
        "",
        f"// Get returns the {entity} with the given ID.",
        f"func (s *{store}) Get(ctx context.Context, id string) (*{entity}, error) {{",
        "\tif err := ctx.Err(); err != nil {",
        "\t\treturn nil, err",
        "\t}",
        "\ts.mu.RLock()",
        "\tdefer s.mu.RUnlock()",
        "\tv, ok := s.items[id]",
        "\tif !ok {",
        f'\t\treturn nil, fmt.Errorf("get %q: %w", id, {errs[0]})',
        "\t}",
        "\treturn v, nil",
        "}",
        "",
        "// Put stores v; an existing ID is a conflict.",
        f"func (s *{store}) Put(v *{entity}) error {{",
        '\tif v == nil || v.ID == "" {',
        f"\t\treturn {errs[2]}",
        "\t}",
        "\ts.mu.Lock()",
        "\tdefer s.mu.Unlock()",
        "\tif _, ok := s.items[v.ID]; ok {",
        f"\t\treturn {errs[1]}",
        "\t}",
        "\ts.items[v.ID] = v",
        "\ts.hits++",
        "\treturn nil",
        "}",
        "",
        "// Len reports how many values are stored.",
        f"func (s *{store}) Len() int {{",
        "\ts.mu.RLock()",
        "\tdefer s.mu.RUnlock()",
        "\treturn len(s.items)",
        "}",
        "",
    )
    if pkg.rng.random() < 0.6:
        fn = pkg.fresh("load", entity, "all")
        out.add(
            f"// {fn} fetches every ID and stops at the first failure that is not a miss.",
            f"func {fn}(ctx context.Context, s *{store}, ids []string) ([]*{entity}, error) {{",
            f"\tout := make([]*{entity}, 0, len(ids))",
            "\tfor _, id := range ids {",
            "\t\tv, err := s.Get(ctx, id)",
            "\t\tif err != nil {",
            f"\t\t\tif errors.Is(err, {errs[0]}) {{",
            "\t\t\t\tcontinue",
            "\t\t\t}",
            f'\t\t\treturn nil, fmt.Errorf("{fn}: %w", err)',
            "\t\t}",
            "\t\tout = append(out, v)",
            "\t}",
            "\treturn out, nil",
            "}",
            "",
        )
    return store


def _workers(pkg: _Package, out: _File, entity: str) -> None:
    """A worker pool: goroutines, WaitGroup, channels, select on ctx.Done()."""
    out.imports.update({"sync", "context"})
    fn = pkg.fresh("process", entity, "batch")
    n = pkg.rng.randint(2, 8)
    out.add(
        f"// {fn} runs handle on every input with {n} workers and collects the results.",
        f"func {fn}(ctx context.Context, in []*{entity}, handle func(*{entity}) (int, error)) "
        "([]int, error) {",
        f"\tjobs := make(chan *{entity})",
        "\tresults := make(chan int, len(in))",
        "\terrc := make(chan error, 1)",
        "\tvar wg sync.WaitGroup",
        f"\tfor w := 0; w < {n}; w++ {{",
        "\t\twg.Add(1)",
        "\t\tgo func() {",
        "\t\t\tdefer wg.Done()",
        "\t\t\tfor job := range jobs {",
        "\t\t\t\tr, err := handle(job)",
        "\t\t\t\tif err != nil {",
        "\t\t\t\t\tselect {",
        "\t\t\t\t\tcase errc <- err:",
        "\t\t\t\t\tdefault:",
        "\t\t\t\t\t}",
        "\t\t\t\t\tcontinue",
        "\t\t\t\t}",
        "\t\t\t\tresults <- r",
        "\t\t\t}",
        "\t\t}()",
        "\t}",
        "\tfor _, v := range in {",
        "\t\tselect {",
        "\t\tcase <-ctx.Done():",
        "\t\t\tclose(jobs)",
        "\t\t\twg.Wait()",
        "\t\t\treturn nil, ctx.Err()",
        "\t\tcase jobs <- v:",
        "\t\t}",
        "\t}",
        "\tclose(jobs)",
        "\twg.Wait()",
        "\tclose(results)",
        "\tselect {",
        "\tcase err := <-errc:",
        "\t\treturn nil, err",
        "\tdefault:",
        "\t}",
        "\tvar out []int",
        "\tfor r := range results {",
        "\t\tout = append(out, r)",
        "\t}",
        "\treturn out, nil",
        "}",
        "",
    )
    if pkg.rng.random() < 0.5:
        out.imports.add("time")
        tick = pkg.fresh("watch", entity)
        out.add(
            f"// {tick} reports a heartbeat until stop is closed.",
            f"func {tick}(stop <-chan struct{{}}, beats chan<- time.Time, every time.Duration) {{",
            "\tt := time.NewTicker(every)",
            "\tdefer t.Stop()",
            "\tfor {",
            "\t\tselect {",
            "\t\tcase <-stop:",
            "\t\t\tclose(beats)",
            "\t\t\treturn",
            "\t\tcase now := <-t.C:",
            "\t\t\tbeats <- now",
            "\t\t}",
            "\t}",
            "}",
            "",
        )


def _enum(pkg: _Package, out: _File) -> None:
    """An iota enum with a String method."""
    rng = pkg.rng
    name = pkg.fresh(rng.choice(_NOUNS), "state")
    values = [pkg.fresh(name, a) for a in rng.sample(_ADJS, rng.randint(3, 6))]
    out.add(f"// {name} is where a {name} is in its life.", f"type {name} int", "", "const (")
    out.add(f"\t{values[0]} {name} = iota")
    for v in values[1:]:
        out.add(f"\t{v}")
    out.add(")", "", f"func (s {name}) String() string {{", "\tswitch s {")
    for v in values:
        out.add(f"\tcase {v}:", f'\t\treturn "{v[len(name) :].lower()}"')
    out.add("\tdefault:", '\t\treturn "unknown"', "\t}", "}", "")


def _interface(pkg: _Package, out: _File, entity: str) -> None:
    """An interface and a type that implements it implicitly."""
    out.imports.add("fmt")
    iface = pkg.fresh(entity, "sink")
    impl = pkg.fresh("log", entity, "sink")
    out.add(
        f"// {iface} receives {entity} values.",
        f"type {iface} interface {{",
        f"\tSend(v *{entity}) error",
        "\tClose() error",
        "}",
        "",
        f"// {impl} prints what it receives.",
        f"type {impl} struct {{",
        "\tprefix string",
        "\tsent   int",
        "\tclosed bool",
        "}",
        "",
        f"func (l *{impl}) Send(v *{entity}) error {{",
        "\tif l.closed {",
        f'\t\treturn fmt.Errorf("{_lower(impl)}: send after close")',
        "\t}",
        '\tfmt.Printf("%s %s\\n", l.prefix, v.ID)',
        "\tl.sent++",
        "\treturn nil",
        "}",
        "",
        f"func (l *{impl}) Close() error {{",
        "\tl.closed = true",
        "\treturn nil",
        "}",
        "",
    )


def _generics(pkg: _Package, out: _File, entity: str) -> None:
    """Generic functions, a constraint interface and a generic container with methods."""
    rng = pkg.rng
    num = pkg.fresh(entity, "number")
    mapf = pkg.fresh("map", entity, "values")
    sumf = pkg.fresh("sum", entity, "values")
    out.add(
        f"// {num} is what {sumf} can add.",
        f"type {num} interface {{",
        "\t~int | ~int64 | ~float64",
        "}",
        "",
        f"// {mapf} applies f to every element.",
        f"func {mapf}[T, U any](xs []T, f func(T) U) []U {{",
        "\tout := make([]U, 0, len(xs))",
        "\tfor _, x := range xs {",
        "\t\tout = append(out, f(x))",
        "\t}",
        "\treturn out",
        "}",
        "",
        f"// {sumf} adds the elements.",
        f"func {sumf}[N {num}](xs []N) N {{",
        "\tvar total N",
        "\tfor _, x := range xs {",
        "\t\ttotal += x",
        "\t}",
        "\treturn total",
        "}",
        "",
    )
    if rng.random() < 0.7:
        cache = pkg.fresh(entity, "cache")
        out.add(
            f"// {cache} is a bounded cache keyed by K.",
            f"type {cache}[K comparable, V any] struct {{",
            "\tdata  map[K]V",
            "\torder []K",
            "\tlimit int",
            "}",
            "",
            f"func New{cache}[K comparable, V any](limit int) *{cache}[K, V] {{",
            f"\treturn &{cache}[K, V]{{data: make(map[K]V), limit: limit}}",
            "}",
            "",
            f"func (c *{cache}[K, V]) Get(k K) (V, bool) {{",
            "\tv, ok := c.data[k]",
            "\treturn v, ok",
            "}",
            "",
            f"func (c *{cache}[K, V]) Put(k K, v V) {{",
            "\tif _, ok := c.data[k]; !ok {",
            "\t\tc.order = append(c.order, k)",
            "\t}",
            "\tc.data[k] = v",
            "\tif len(c.order) > c.limit {",
            "\t\toldest := c.order[0]",
            "\t\tc.order = c.order[1:]",
            "\t\tdelete(c.data, oldest)",
            "\t}",
            "}",
            "",
        )


def _logic(pkg: _Package, out: _File, entity: str) -> None:
    """Plain business logic: loops, switches, closures, multiple results."""
    rng = pkg.rng
    fn = pkg.fresh("summarize", entity)
    out.imports.update({"strings", "sort"})
    limit = rng.randint(3, 50)
    out.add(
        f"// {fn} groups names by their first letter and counts long ones.",
        f"func {fn}(names []string) (map[string][]string, int) {{",
        "\tgroups := make(map[string][]string)",
        "\tlong := 0",
        "\tfor i, n := range names {",
        "\t\tn = strings.TrimSpace(n)",
        '\t\tif n == "" {',
        "\t\t\tcontinue",
        "\t\t}",
        "\t\tswitch {",
        f"\t\tcase len(n) > {limit}:",
        "\t\t\tlong++",
        f"\t\tcase i%{rng.randint(2, 9)} == 0:",
        "\t\t\tn = strings.ToUpper(n)",
        "\t\tdefault:",
        "\t\t}",
        "\t\tkey := n[:1]",
        "\t\tgroups[key] = append(groups[key], n)",
        "\t}",
        "\tfor _, g := range groups {",
        "\t\tsort.Strings(g)",
        "\t}",
        "\treturn groups, long",
        "}",
        "",
    )
    if rng.random() < 0.5:
        fn2 = pkg.fresh("score", entity)
        out.add(
            f"// {fn2} weighs values with a closure.",
            f"func {fn2}(values []int, weight float64) float64 {{",
            "\tscale := func(v int) float64 {",
            "\t\tif v < 0 {",
            "\t\t\treturn 0",
            "\t\t}",
            "\t\treturn float64(v) * weight",
            "\t}",
            "\tvar total float64",
            "\tfor _, v := range values {",
            "\t\ttotal += scale(v)",
            "\t}",
            "\treturn total",
            "}",
            "",
        )


def _file(pkg: _Package, index: int) -> str:
    rng = pkg.rng
    out = _File([], set())
    target = rng.randint(60, 240)  # lines per file: a long tail, as in real packages
    while len(out.lines) < target:
        entity = _entity(pkg, out)
        errs = _sentinels(pkg, out, entity)
        _store(pkg, out, entity, errs)
        for part in rng.sample((_workers, _interface, _generics, _logic), rng.randint(2, 4)):
            part(pkg, out, entity)
        if rng.random() < 0.5:
            _enum(pkg, out)
    head = [f"// Package {pkg.name} is generated benchmark input (file {index}).", ""]
    head.append(f"package {pkg.name}")
    head.append("")
    if out.imports:
        head.append("import (")
        head.extend(f'\t"{imp}"' for imp in sorted(out.imports))
        head.extend([")", ""])
    return "\n".join(head + out.lines).rstrip("\n") + "\n"


def package_files(seed: int, package: int) -> list[tuple[str, str]]:
    """The files of one package, (relative path, source); depends only on (seed, package)."""
    pkg = _Package(random.Random(f"{seed}:{package}"), package)
    return [(f"{pkg.name}/{pkg.name}_{i}.go", _file(pkg, i)) for i in range(FILES_PER_PACKAGE)]


def iter_files(files: int, seed: int = SEED) -> Iterator[tuple[str, str]]:
    """The first `files` files of the corpus, in a stable order."""
    count = 0
    package = 0
    while count < files:
        for path, text in package_files(seed, package):
            if count == files:
                return
            yield path, text
            count += 1
        package += 1


def ensure(files: int, root: Path = DEFAULT_DIR, seed: int = SEED) -> list[Path]:
    """Write the corpus under root (reusing files already there) and return their paths."""
    base = root / f"seed{seed}"
    paths = []
    for rel, text in iter_files(files, seed):
        path = base / rel
        if not path.exists() or path.read_text() != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        paths.append(path)
    return paths


def gofmt_check(paths: list[Path]) -> list[str]:
    """Files gofmt cannot parse (empty when the corpus is valid Go)."""
    gofmt = shutil.which("gofmt")
    if gofmt is None:
        return ["gofmt not on PATH"]
    bad = []
    for start in range(0, len(paths), 200):
        done = subprocess.run(
            [gofmt, "-l", "-e", *map(str, paths[start : start + 200])],
            capture_output=True,
            text=True,
            check=False,
        )
        bad += [ln for ln in done.stderr.splitlines() if ln.strip()]
    return bad


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=DEFAULT_FILES)
    parser.add_argument("--out", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--check", action="store_true", help="run gofmt -e over every file")
    args = parser.parse_args()
    paths = ensure(args.files, args.out, args.seed)
    lines = sum(p.read_bytes().count(b"\n") for p in paths)
    print(f"{len(paths)} files, {lines} lines under {args.out / f'seed{args.seed}'}")
    if args.check:
        bad = gofmt_check(paths)
        print("gofmt: all files parse" if not bad else "\n".join(bad[:20]))
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
