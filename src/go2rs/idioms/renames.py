"""Name clashes (R01): Go names that differ only in case map to one Rust name
(`Total` and `total` are both `total`). The exported one keeps it; the others get a suffix."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from go2rs.context import Ctx
from go2rs.idioms import naming

_SUFFIX: dict[Callable[[str], str], str] = {
    naming.snake: "_priv",
    naming.camel: "Priv",
    naming.screaming: "_PRIV",
}


def analyze(ctx: Ctx) -> None:
    program = ctx.program
    _assign(ctx, "type", program.types, naming.camel)
    _assign(ctx, "fn", program.funcs, naming.snake)
    _assign(ctx, "const", [s.name for g in program.groups for s in g.specs], naming.screaming)
    for type_name, methods in program.methods.items():
        _assign(ctx, f"method:{type_name}", [m.name for m in methods], naming.snake)


def _assign(ctx: Ctx, namespace: str, names: Iterable[str], convert: Callable[[str], str]) -> None:
    by_rust: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        by_rust.setdefault(convert(name), []).append(name)
    taken = set(by_rust)
    for rust, go_names in by_rust.items():
        if len(go_names) < 2:
            continue
        keep = next((n for n in go_names if naming.is_exported(n)), go_names[0])
        for go_name in go_names:
            if go_name == keep:
                continue
            new = rust.removeprefix("r#") + _SUFFIX[convert]
            while new in taken:
                new += "_"
            taken.add(new)
            ctx.decisions.renames[f"{namespace}:{go_name}"] = new
