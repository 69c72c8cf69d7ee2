"""The idiom passes decide shapes from Go evidence: each test feeds Go and checks a decision."""

from go2rs.context import Ctx, Options
from go2rs.parse.lower import lower
from go2rs.passes import run_passes
from go2rs.program import Program


def analyze(source: str) -> Ctx:
    ctx = Ctx(Program.of((lower(source).file,)), Options())
    run_passes(ctx)
    return ctx


def test_pointer_receiver_is_mut_only_when_it_mutates() -> None:
    ctx = analyze("""package p
type S struct{ n int; items []int }
func (s *S) Inc() { s.n++ }
func (s *S) Push(x int) { s.items = append(s.items, x) }
func (s *S) Get() int { return s.n }
func (s *S) IncTwice() { s.Inc(); s.Inc() }
""")
    assert ctx.decisions.mut_receivers == {"S.Inc", "S.Push", "S.IncTwice"}


def test_lock_guarded_fields_do_not_need_mut_self() -> None:
    ctx = analyze("""package p
import "sync"
type C struct {
	mu sync.Mutex
	n  int
}
func (c *C) Inc() { c.mu.Lock(); defer c.mu.Unlock(); c.n++ }
""")
    assert ctx.decisions.mutexes["C"].guarded == ("n",)
    assert "C.Inc" not in ctx.decisions.mut_receivers


def test_option_result_only_when_nil_comes_with_nil_error() -> None:
    ctx = analyze("""package p
type U struct{}
var ErrNo = errors.New("no")
func Find(id int) (*U, error) { return nil, ErrNo }
func Maybe(id int) (*U, error) { return nil, nil }
func Pick() *U { return nil }
""")
    assert "Find" not in ctx.decisions.option_results
    assert ctx.decisions.option_results["Maybe"] == frozenset({0})
    assert ctx.decisions.option_results["Pick"] == frozenset({0})


def test_async_colouring_reaches_callers() -> None:
    ctx = analyze("""package p
func worker(ch chan int) { ch <- 1 }
func start() { go worker(make(chan int)) }
func run() { start() }
func pure() int { return 1 }
""")
    assert {"worker", "start", "run"} <= ctx.decisions.async_fns
    assert "pure" not in ctx.decisions.async_fns


def test_implicit_interface_satisfaction_and_unified_receivers() -> None:
    ctx = analyze("""package p
type Counter interface { Add(n int); Total() int }
type A struct{ n int }
func (a *A) Add(n int) { a.n += n }
func (a *A) Total() int { return a.n }
type B struct{}
func (b B) Add(n int) {}
func (b B) Total() int { return 0 }
type C struct{}
func (c C) Add(n int) {}
""")
    assert ctx.decisions.implementers["Counter"] == ["A", "B"]
    # A mutates in Add, so the trait method and every implementation take &mut self.
    assert {"Counter.Add", "A.Add", "B.Add"} <= ctx.decisions.mut_receivers
    assert "Counter.Total" not in ctx.decisions.mut_receivers


def test_iota_enum_with_explicit_discriminants() -> None:
    ctx = analyze("""package p
type Level int
const (
	Debug Level = iota + 1
	Info
	_
	Warn
)
""")
    plan = ctx.decisions.enums["Level"]
    assert [(v[1], v[2]) for v in plan.variants] == [("Debug", 1), ("Info", 2), ("Warn", 4)]
    assert plan.explicit


def test_sentinels_and_custom_errors_join_one_enum() -> None:
    ctx = analyze("""package p
import ("errors"; "os")
var ErrNotFound = errors.New("not found")
type BadInput struct{ Field string }
func (e *BadInput) Error() string { return e.Field }
func Load(p string) ([]byte, error) { return os.ReadFile(p) }
""")
    plan = ctx.decisions.errors
    assert plan is not None
    assert plan.sentinels == (("ErrNotFound", "NotFound", "not found"),)
    assert plan.custom == (("BadInput", "BadInput"),)
    assert [v[0] for v in plan.foreign] == ["Io"]


def test_clashing_names_are_renamed() -> None:
    ctx = analyze("package p\nfunc Total() int { return 0 }\nfunc total() int { return 1 }\n")
    assert ctx.fn_name("Total") == "total"
    assert ctx.fn_name("total") == "total_priv"
