"""docs/idioms.md is generated from the catalog; every code the translator emits is in it."""

import re
from pathlib import Path

from go2rs.idioms.catalog import CATALOG, markdown

ROOT = Path(__file__).resolve().parents[2]


def test_idioms_doc_is_in_sync() -> None:
    assert (ROOT / "docs" / "idioms.md").read_text(encoding="utf-8") == markdown(), (
        "regenerate: python -m go2rs.idioms.catalog > docs/idioms.md"
    )


def test_every_code_in_the_sources_is_documented() -> None:
    used = set()
    for path in (ROOT / "src" / "go2rs").rglob("*.py"):
        used |= set(re.findall(r'"([A-Z][0-9]{2})"', path.read_text(encoding="utf-8")))
    assert used, "no idiom codes found: the scan is broken"
    assert used <= set(CATALOG), f"undocumented codes: {sorted(used - set(CATALOG))}"
