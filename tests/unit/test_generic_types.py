"""Generic types in the model: core types (`S ~[]E`), inference at calls, PartialOrd bounds."""

from go2rs.gomodel import FuncDecl, Param, TFunc, TMap, TName, TSlice, TypeParam, infer_type_params
from go2rs.idioms.generics import compared_by_operators
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


def test_inference_reads_slices_maps_and_func_results() -> None:
    names = frozenset({"T", "U"})
    assert infer_type_params(TSlice(TName("T")), TSlice(TName("int")), names) == {"T": TName("int")}
    f = TFunc((Param(None, TName("T")),), (Param(None, TName("U")),))
    g = TFunc((Param(None, TName("int")),), (Param(None, TName("string")),))
    assert infer_type_params(f, g, names) == {"T": TName("int"), "U": TName("string")}
    assert infer_type_params(TMap(TName("T"), TName("U")), TSlice(TName("int")), names) == {}


ORDERED = (TypeParam("T", TName("Ordered", "cmp")),)


def test_operator_only_ordered_bodies_get_partial_ord() -> None:
    assert compared_by_operators(ORDERED, "{ if a > b { return a }; return b }") == {"T"}


def test_sorting_or_calling_out_keeps_ord() -> None:
    assert compared_by_operators(ORDERED, "{ slices.Sort(xs); return xs[0] }") == frozenset()
    assert compared_by_operators(ORDERED, "{ return helper(a, b) }") == frozenset()
