"""Go's %v text for float64 constants, and Go format verbs -> Rust specs.

The expected texts were printed by `go run` (Go 1.26): fmt.Println of each value.
"""

from __future__ import annotations

import pytest

from go2rs.bodies.constfloat import go_float_text
from go2rs.bodies.fmtverbs import rehole, translate_format

GO_PRINTED = [
    (100000.0, "100000"),
    (999999.0, "999999"),
    (999999.5, "999999.5"),
    (1234567.0, "1.234567e+06"),
    (1e6, "1e+06"),
    (0.0001, "0.0001"),
    (0.00012345, "0.00012345"),
    (1e-5, "1e-05"),
    (123456789012.0, "1.23456789012e+11"),
    (12345678901234567890.0, "1.2345678901234567e+19"),
    (1e21, "1e+21"),
    (6e11, "6e+11"),
    (3.0, "3"),
    (2.5, "2.5"),
    (1 / 3, "0.3333333333333333"),
    (7 / 3, "2.3333333333333335"),
    (1e100, "1e+100"),
    (-0.5, "-0.5"),
    (float("inf"), "+Inf"),
    (float("nan"), "NaN"),
]


@pytest.mark.parametrize(("value", "printed"), GO_PRINTED)
def test_float_text_is_what_go_prints(value: float, printed: str) -> None:
    assert go_float_text(value) == printed


def test_verbs_carry_flags_width_and_precision() -> None:
    translated = translate_format("|%-6.2f|%8s|%+d|%%")
    assert translated is not None
    rust, verbs = translated
    assert rust == "|{:<6.2}|{:8}|{:+}|%"
    assert [(v.kind, v.flags, v.width, v.precision) for v in verbs] == [
        ("f", "-", "6", "2"),
        ("s", "", "8", None),
        ("d", "+", None, None),
    ]


def test_sharp_flag_has_no_rust_spec() -> None:
    assert translate_format("%#v") is None
    assert translate_format("%#x") is None


def test_rehole_rewrites_each_hole_from_its_verb() -> None:
    translated = translate_format("{a} %6s and %x")
    assert translated is not None
    rust, verbs = translated
    changed = [verbs[0].__class__(">" + verbs[0].spec, "s", False), verbs[1]]
    assert rehole(rust, changed) == "{{a}} {:>6} and {:x}"
