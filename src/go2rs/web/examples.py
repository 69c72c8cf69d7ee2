"""The example picker's Go files: the repository's test cases when go2rs runs from a checkout,
else the few copies shipped inside the package (a wheel has no tests/)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BUNDLED_DIR = Path(__file__).parent / "examples"
_REPO = Path(__file__).resolve().parents[3]  # src/go2rs/web/ -> the checkout, when it is one
REPO_CASES_DIR = _REPO / "tests" / "cases"
DEFAULT_EXAMPLE = "seed/result_propagation"
_MAX_EXAMPLE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Example:
    id: str  # "<group>/<name>", as in tests/cases/<group>/<name>.go
    group: str
    name: str
    source: str

    @property
    def title(self) -> str:
        return self.name.replace("_", " ")


def load_examples(root: Path | None = None) -> tuple[Example, ...]:
    """Read every `<group>/<name>.go` under root (default: the repo's cases, else the bundled
    ones), sorted with the seed cases first since they show the most idioms at once."""
    if root is None:
        in_repo = (_REPO / "pyproject.toml").is_file() and REPO_CASES_DIR.is_dir()
        root = REPO_CASES_DIR if in_repo else BUNDLED_DIR
    examples = [example for path in sorted(root.glob("*/*.go")) for example in _read(root, path)]
    return tuple(sorted(examples, key=lambda e: (e.group != "seed", e.group, e.name)))


def _read(root: Path, path: Path) -> Iterable[Example]:
    try:
        data = path.read_bytes()
    except OSError:
        return ()
    if len(data) > _MAX_EXAMPLE_BYTES:
        return ()
    group = path.parent.relative_to(root).as_posix()
    source = data.decode("utf-8", errors="replace")
    return (Example(f"{group}/{path.stem}", group, path.stem, source),)


def default_example(examples: tuple[Example, ...]) -> Example | None:
    for example in examples:
        if example.id == DEFAULT_EXAMPLE:
            return example
    return examples[0] if examples else None
