"""The idiom catalog: one stable code per mapping, with the docs a reviewer looks up.

Output comments (`// go2rs[E01]: ...`), the report and docs/idioms.md all come from this table,
so they never disagree. Codes never change meaning; retired codes are not reused.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Idiom:
    code: str
    title: str
    go: str
    rust: str
    why: str
    review: str


_ENTRIES = (
    Idiom(
        "S01",
        "struct",
        "type User struct { Name string; age int }",
        "pub struct User { pub name: String, age: i64 }",
        "exported fields become `pub`, names become snake_case",
        "derives are what every field supports; add PartialEq/Eq where values are compared",
    ),
    Idiom(
        "S02",
        "embedded struct",
        "type Admin struct { User }",
        "pub struct Admin { pub user: User }",
        "Rust has no field promotion: `a.Name` becomes `a.user.name`",
        "call sites that used promoted fields or methods need the extra hop",
    ),
    Idiom(
        "S03",
        "json tags",
        'Name string `json:"name,omitempty"`',
        '#[serde(rename = "name", skip_serializing_if = "String::is_empty")]',
        "serde derives replace encoding/json reflection",
        "omitempty on numbers and bools has no serde one-liner; check those fields",
    ),
    Idiom(
        "S04",
        "named basic type",
        "type UserID int64",
        "pub struct UserId(pub i64);",
        "a newtype keeps Go's distinct type without runtime cost",
        "arithmetic needs `.0`",
    ),
    Idiom(
        "M01",
        "value receiver",
        "func (c Circle) Area() float64",
        "fn area(&self) -> f64",
        "a value receiver only reads",
        "none",
    ),
    Idiom(
        "M02",
        "mutating pointer receiver",
        "func (s *Stack) Push(x int) { s.items = ... }",
        "fn push(&mut self, x: i64)",
        "the body assigns to receiver fields or calls a &mut method",
        "callers need a mutable binding",
    ),
    Idiom(
        "M03",
        "read-only pointer receiver",
        "func (s *Store) Len() int",
        "fn len(&self) -> i64",
        "the body never mutates the receiver, so a shared borrow is enough",
        "none",
    ),
    Idiom(
        "M04",
        "impl block per type",
        "methods spread over a file",
        "one `impl T { .. }` per type",
        "Rust groups a type's methods",
        "none",
    ),
    Idiom(
        "F01",
        "multiple results",
        "func f() (int, string)",
        "fn f() -> (i64, String)",
        "Go's result lists become tuples",
        "consider a named struct for 3+ results",
    ),
    Idiom(
        "F02",
        "named results",
        "func f() (n int, err error)",
        "fn f() -> Result<i64, Error>",
        "result names are documentation in Rust; bare `return` needs explicit values",
        "none",
    ),
    Idiom(
        "F03",
        "variadic parameter",
        "func f(xs ...int)",
        "fn f(xs: &[i64])",
        "Rust has no variadics; callers pass a slice",
        "call sites wrap arguments in `&[..]`",
    ),
    Idiom(
        "F04",
        "borrowed parameters",
        "func f(s string, xs []int)",
        "fn f(s: &str, xs: &[i64])",
        "borrow in, own out",
        "a parameter the body stores needs an owned type",
    ),
    Idiom(
        "F05",
        "skeleton body",
        "func body",
        "todo!() with the Go body in comments",
        "skeleton mode keeps signatures only",
        "translate the body (draft mode)",
    ),
    Idiom(
        "F06",
        "recursive closure",
        "var fib func(int) int; fib = func(n int) int { .. fib(n-1) .. }",
        "an inner fn fib(n: i64) -> i64 { .. }",
        "a Rust closure cannot name itself; a closure capturing nothing is a fn",
        "none",
    ),
    Idiom(
        "E01",
        "(T, error) result",
        "func f() (T, error)",
        "fn f() -> Result<T, Error>",
        "errors are part of the type; `?` replaces `if err != nil`",
        "none",
    ),
    Idiom(
        "E02",
        "sentinel error",
        'var ErrNotFound = errors.New("not found")',
        '#[error("not found")] NotFound',
        "one thiserror enum per package lists every failure",
        "`errors.Is(err, ErrNotFound)` becomes `matches!(err, Error::NotFound)`",
    ),
    Idiom(
        "E03",
        "custom error type",
        "func (e *MyErr) Error() string",
        "impl Display + std::error::Error, and an Error variant with #[from]",
        "custom errors join the package enum",
        "check the Display text",
    ),
    Idiom(
        "E04",
        "wrapped foreign error",
        'fmt.Errorf("read: %w", err) on os/json/strconv errors',
        "#[error(transparent)] Io(#[from] std::io::Error)",
        "`?` converts via From",
        "add context in the #[error] text where Go wrapped with a message",
    ),
    Idiom(
        "E05",
        "errors in a binary",
        "package main",
        "anyhow::Result<T>",
        "binaries report errors, they do not match on them",
        "none",
    ),
    Idiom(
        "E06",
        "catch-all error",
        "fmt.Errorf / errors.New in bodies",
        "Error::Other(String)",
        "ad-hoc Go errors need a home",
        "replace with specific variants",
    ),
    Idiom(
        "E07",
        "error unwrapping",
        "func (e *MyErr) Unwrap() error { return e.Err }",
        "fn source(&self) -> Option<&(dyn Error + 'static)> in impl std::error::Error",
        "Rust walks an error's causes through source(), as errors.Is/As walk Unwrap",
        "none",
    ),
    Idiom(
        "N01",
        "nil-able pointer result",
        "func f() *User { return nil }",
        "fn f() -> Option<User>",
        "no nil in safe Rust; None must be handled",
        "none",
    ),
    Idiom(
        "N02",
        "nil-able pointer field",
        "Next *Node  (nil-checked)",
        "next: Option<Box<Node>>",
        "the field is checked or set to nil somewhere, so it is optional",
        "none",
    ),
    Idiom(
        "N03",
        "never-nil pointer field",
        "Cfg *Config (never nil-checked)",
        "cfg: Config",
        "Rust owns the value; no indirection needed",
        "share with Arc if Go shared it",
    ),
    Idiom(
        "N04",
        "pointer parameter",
        "func f(u *User)",
        "fn f(u: &User) / &mut User / Option<&User>",
        "borrow by mutation; Option only where the body nil-checks",
        "none",
    ),
    Idiom(
        "I01",
        "interface",
        "type Store interface { Get(id string) (*User, error) }",
        "pub trait Store { fn get(&self, id: &str) -> Result<User, Error>; }",
        "traits are nominal",
        "object safety if used as dyn",
    ),
    Idiom(
        "I02",
        "implicit implementation",
        "a struct with the interface's methods",
        "impl Store for MemStore { .. }",
        "implementations are explicit and grep-able",
        "none",
    ),
    Idiom(
        "I03",
        "embedded interface",
        "type ReadWriter interface { Reader; Writer }",
        "pub trait ReadWriter: Reader + Writer {}",
        "embedding becomes supertraits",
        "none",
    ),
    Idiom(
        "I04",
        "Stringer and error",
        "func (t T) String() string / Error() string",
        "impl std::fmt::Display (+ std::error::Error)",
        "formatting is a trait in Rust",
        "none",
    ),
    Idiom(
        "I05",
        "interface value",
        "var s Store",
        "Box<dyn Store> / &dyn Store",
        "runtime dispatch is opt-in",
        "consider generics where one type is used",
    ),
    Idiom(
        "I06",
        "empty interface",
        "interface{} / any",
        "Box<dyn Any>",
        "prefer generics with bounds; Any is the last resort",
        "replace with a real type",
    ),
    Idiom(
        "C01",
        "async colouring",
        "a function that spawns, uses channels or select",
        "async fn (callers too)",
        "futures run only when awaited",
        "none",
    ),
    Idiom(
        "C02",
        "context.Context",
        "ctx context.Context",
        "token: CancellationToken",
        "cancellation is explicit: select on token.cancelled()",
        "deadlines: tokio::time::timeout",
    ),
    Idiom(
        "C03",
        "channel",
        "chan<- T / <-chan T",
        "mpsc::Sender<T> / mpsc::Receiver<T>",
        "sender and receiver are separate types",
        "unbuffered channels become capacity 1",
    ),
    Idiom(
        "C04",
        "bidirectional channel",
        "ch chan T",
        "split into (Sender, Receiver)",
        "one side per owner",
        "check which side this owner needs",
    ),
    Idiom(
        "C05",
        "async main",
        "func main() { go ... }",
        "#[tokio::main] async fn main()",
        "a runtime drives the tasks",
        "none",
    ),
    Idiom(
        "C06",
        "ticker",
        "t := time.NewTicker(d); case <-t.C:",
        "tokio::time::interval_at(now + d, d); _ = t.tick() =>",
        "Go's first tick comes after one period; tokio's interval() would tick at once",
        "check missed-tick behaviour (MissedTickBehavior) if the loop can fall behind",
    ),
    Idiom(
        "Y01",
        "mutex-guarded fields",
        "mu sync.Mutex; data map[K]V",
        "data: Mutex<HashMap<K, V>>",
        "the lock owns the data; forgetting to lock does not compile",
        "lock scope",
    ),
    Idiom(
        "Y02",
        "shared with goroutines",
        "a struct used from goroutines",
        "Arc<Mutex<..>>",
        "tasks share ownership through Arc",
        "none",
    ),
    Idiom(
        "Y03",
        "WaitGroup / errgroup",
        "wg sync.WaitGroup",
        "tokio::task::JoinSet",
        "the set owns its tasks and joins them",
        "none",
    ),
    Idiom(
        "Y04",
        "sync primitive",
        "sync.Once / atomic.Int64",
        "std::sync::Once / AtomicI64",
        "the standard library has the same primitive",
        "none",
    ),
    Idiom(
        "T01",
        "basic type",
        "int / uint / byte / rune / float64",
        "i64 / u64 / u8 / char / f64",
        "Go's int is 64-bit here",
        "narrow where the domain allows",
    ),
    Idiom("T02", "set-like map", "map[K]struct{}", "HashSet<K>", "Go has no set type", "none"),
    Idiom(
        "T03",
        "function type",
        "func(int) error",
        "impl Fn(i64) -> Result<..> / Box<dyn Fn..>",
        "closures are generic parameters or boxed when stored",
        "Send + Sync for shared use",
    ),
    Idiom(
        "T04",
        "standard library type",
        "time.Duration / io.Reader / bytes.Buffer",
        "std::time::Duration / std::io::Read / Vec<u8>",
        "the Rust std counterpart",
        "none",
    ),
    Idiom(
        "T05",
        "foreign package type",
        "*http.Request / *sql.DB",
        "a named placeholder",
        "no crate in this build maps it one to one",
        "use the crate named in the comment",
    ),
    Idiom(
        "G01",
        "generics",
        "[T any] / [K comparable] / [T cmp.Ordered]",
        "<T> / <K: Eq + Hash> / <T: Ord>",
        "monomorphized, zero cost",
        "floats are PartialOrd, not Ord",
    ),
    Idiom(
        "G02",
        "constraint interface",
        "type Number interface { ~int | ~float64 }",
        "pub trait Number {} + impl Number for i64 ..",
        "type sets become marker traits",
        "add the operator bounds the body needs",
    ),
    Idiom(
        "K01",
        "iota enum",
        "const ( Red Color = iota; Green )",
        "pub enum Color { Red, Green }",
        "an enum makes every match exhaustive",
        "none",
    ),
    Idiom(
        "K02",
        "constant",
        "const MaxSize = 10",
        "pub const MAX_SIZE: i64 = 10;",
        "constants are SCREAMING_SNAKE_CASE and typed",
        "none",
    ),
    Idiom(
        "K03",
        "package variable",
        "var cache = map[string]int{}",
        "static with LazyLock",
        "global mutable state needs a lock",
        "prefer passing state explicitly",
    ),
    Idiom(
        "P01",
        "placeholder",
        "a name defined outside the input",
        "pub struct Name;",
        "so the draft compiles on its own",
        "replace with the real definition",
    ),
    Idiom(
        "R01",
        "keyword name",
        "type / match / self as a Go name",
        "r#type / self_",
        "Rust keywords need raw identifiers or a rename",
        "none",
    ),
    Idiom(
        "D01",
        "translated body",
        "a Go function body",
        "the Rust body (draft mode)",
        "go2rs translated every statement; Go copies become clones, ints meet usize with casts",
        "review ownership (clones), integer casts and error variants",
    ),
    Idiom(
        "D02",
        "body kept as todo",
        "a body with a construct go2rs cannot translate faithfully",
        "todo!() with the Go original and the reason",
        "a half-translated body would not compile; the reason names the construct",
        "translate by hand, starting from the construct named",
    ),
    Idiom(
        "D03",
        "statement kept as todo",
        "a statement go2rs cannot translate faithfully, inside a body it otherwise translates",
        "the statements before it in Rust, then todo!() with the Go original of it and the rest "
        "of its block",
        "Rust never reaches what follows a todo!(), so the rest of that block stays Go in comments",
        "translate the statement named and the commented Go after it",
    ),
    Idiom(
        "X01",
        "syntax error",
        "Go that does not parse",
        "a todo!() and a diagnostic",
        "nothing is silently dropped",
        "fix the Go input",
    ),
    Idiom(
        "X02",
        "bare statements",
        "statements without a function",
        "fn snippet() { .. }",
        "Rust statements live in functions",
        "none",
    ),
    Idiom(
        "X03",
        "untranslated",
        "Go that go2rs cannot map",
        "todo!() with the Go original",
        "nothing is silently dropped",
        "translate by hand",
    ),
)

CATALOG: dict[str, Idiom] = {}
for _idiom in _ENTRIES:
    if _idiom.code in CATALOG:
        raise ValueError(f"duplicate idiom code {_idiom.code}")
    CATALOG[_idiom.code] = _idiom


def _code(text: str) -> str:
    """A Markdown code span that survives backticks and table pipes in the text."""
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def markdown() -> str:
    """docs/idioms.md: one section per code (the test suite keeps the file in sync)."""
    lines = [
        "# go2rs idiom codes",
        "",
        "Every explanatory comment go2rs writes carries one of these codes, e.g.",
        "`// go2rs[E01]: (T, error) → Result; ...`. `--comments brief` keeps only the codes;",
        "`--comments none` drops them. Generated from `src/go2rs/idioms/catalog.py`",
        "(`python -m go2rs.idioms.catalog > docs/idioms.md`).",
        "",
        "| code | idiom | Go | Rust |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [{i.code}](#{i.code.lower()}) | {i.title} | {_code(i.go)} | {_code(i.rust)} |"
        for i in CATALOG.values()
    ]
    for idiom in CATALOG.values():
        lines += [
            "",
            f"## {idiom.code}",
            "",
            f"**{idiom.title}**",
            "",
            f"- Go: {_code(idiom.go)}",
            f"- Rust: {_code(idiom.rust)}",
            f"- Why: {idiom.why}",
            f"- Reviewer: {idiom.review}",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
