"""Type parameters with a core type (`S ~[]E`) are replaced by that type in the Go model."""

from go2rs.gomodel import FuncDecl, Param, TMap, TName, TSlice
from go2rs.parse.lower import lower


def _func(source: str) -> FuncDecl:
    decl = lower(source.encode(), "t.go").file.decls[-1]
    assert isinstance(decl, FuncDecl)
    return decl


def test_slice_core_type_replaces_the_parameter() -> None:
    fn = _func("package p\nfunc F[S ~[]E, E any](s S) S { return s }\n")
    assert [p.name for p in fn.type_params] == ["E"]
    assert fn.params == (Param("s", TSlice(TName("E"))),)
    assert fn.results == (Param(None, TSlice(TName("E"))),)
    assert fn.core_types == (("S", TSlice(TName("E"))),)


def test_map_core_type_without_tilde() -> None:
    fn = _func("package p\nfunc K[M map[string]V, V any](m M) int { return len(m) }\n")
    assert fn.params[0].type == TMap(TName("string"), TName("V"))


def test_union_and_method_constraints_stay_parameters() -> None:
    fn = _func("package p\nfunc F[T ~int | ~float64, U fmt.Stringer](t T, u U) {}\n")
    assert [p.name for p in fn.type_params] == ["T", "U"]
    assert fn.core_types == ()
