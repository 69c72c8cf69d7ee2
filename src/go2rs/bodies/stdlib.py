"""Go standard-library calls and values -> Rust, as one table (data, not scattered ifs).

Each entry is a template over the translated arguments (`{0}`, `{1}`, ...), how each argument
is passed, and the Go/Rust type of the result. Calls needing more than a template (fmt, sort
with a comparator, errors.Is) have handlers in calls.py.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tree_sitter import Node

from go2rs.bodies.env import BOOL, INT, STRING, E, Env, Untranslatable
from go2rs.gomodel import GoType, TName, TPointer, TSlice
from go2rs.rustmodel import Body, Fn, Impl, Meta, Trait

FLOAT = TName("float64")
RUNE = TName("rune")
BYTES = TSlice(TName("byte"))
STRINGS = TSlice(STRING)
OS_FILE = TPointer(TName("File", "os"))  # *os.File
DURATION = TName("Duration", "time")
TIME = TName("Time", "time")


# A file-level item a translation needs, named in `uses` like a `use` path (so it follows the
# body's translation: kept when the body is, dropped when it falls back): build_file emits it
# once per file instead of a `use` line.
GO_DURATION = "trait GoDuration"


def go_duration(subject: str) -> str:
    """Rust for Go's Duration.String of `subject` (a std Duration or a reference to one):
    the GoDuration helper's method, emitted once per file (support_items)."""
    return f"{subject}.go_string()"


def support_items(uses: set[str]) -> list[Trait | Impl]:
    """The helper items `uses` names (GO_DURATION): Go's Duration.String, `0s`, `1.5µs`,
    `100ms`, `1.5s`, `1m30s`, `2h0m0s` (Debug prints `90s`, not `1m30s`)."""
    if GO_DURATION not in uses:
        return []
    method = Fn("go_string", False, (), "String", None, "&self")
    body = (
        "let ns = self.as_nanos();",
        "let frac = |v: u128, digits: u32| {",
        "let scale = 10u128.pow(digits);",
        "let (whole, part) = (v / scale, v % scale);",
        "if part == 0 {",
        "return whole.to_string();",
        "}",
        'let part = format!("{:0width$}", part, width = digits as usize);',
        "format!(\"{}.{}\", whole, part.trim_end_matches('0'))",
        "};",
        'if ns == 0 { "0s".to_string() }',
        'else if ns < 1_000 { format!("{}ns", ns) }',
        'else if ns < 1_000_000 { format!("{}µs", frac(ns, 3)) }',
        'else if ns < 1_000_000_000 { format!("{}ms", frac(ns, 6)) }',
        "else {",
        "let secs = ns / 1_000_000_000;",
        "let (h, m, s) = (secs / 3600, secs / 60 % 60, frac(ns % 60_000_000_000, 9));",
        'if h > 0 { format!("{}h{}m{}s", h, m, s) }',
        'else if m > 0 { format!("{}m{}s", m, s) }',
        'else { format!("{}s", s) }',
        "}",
    )
    doc = "Go's `Duration.String()` (`1.5µs`, `100ms`, `1m30s`, `2h0m0s`); Debug prints `90s`."
    return [
        Trait("GoDuration", False, (method,), meta=Meta(docs=(doc,))),
        Impl(
            "std::time::Duration",
            (dataclasses.replace(method, body=Body("", (), body)),),
            trait="GoDuration",
        ),
    ]


@dataclass(frozen=True, slots=True)
class StdFn:
    template: str
    args: tuple[str, ...]  # per argument: "recv" (method receiver), "str" (&str), "val", "f64",
    # "usize", "i64", "ref" (&T), "mut" (&mut T), "operand" (a comparison operand)
    go: GoType | None
    rust: str | None
    fallible: bool = False
    uses: tuple[str, ...] = ()
    prec: int = 0
    note: str = ""  # a T04 note for the reviewer, where the Rust differs from Go at the edges


def _s(template: str, args: str, go: GoType | None, rust: str | None, **kw: object) -> StdFn:
    return StdFn(template, tuple(args.split()), go, rust, **kw)  # type: ignore[arg-type]


JSON_OUT = (
    "json.Marshal → serde_json: a whole float prints 3.0 (Go: 3), <>& are not escaped "
    "(Go: \\u003c..), HashMap keys are unordered (Go sorts them)"
)

STD: dict[str, StdFn] = {
    # strings
    "strings.Contains": _s("{0}.contains({1})", "recv str", BOOL, "bool"),
    "strings.ContainsRune": _s("{0}.contains({1})", "recv val", BOOL, "bool"),
    "strings.HasPrefix": _s("{0}.starts_with({1})", "recv str", BOOL, "bool"),
    "strings.HasSuffix": _s("{0}.ends_with({1})", "recv str", BOOL, "bool"),
    "strings.Index": _s("{0}.find({1}).map_or(-1, |i| i as i64)", "recv str", INT, "i64"),
    "strings.ToUpper": _s("{0}.to_uppercase()", "recv", STRING, "String"),
    "strings.ToLower": _s("{0}.to_lowercase()", "recv", STRING, "String"),
    "strings.TrimSpace": _s("{0}.trim().to_string()", "recv", STRING, "String"),
    "strings.TrimPrefix": _s(
        "{0}.strip_prefix({1}).unwrap_or(&{0}).to_string()", "recv str", STRING, "String"
    ),
    "strings.TrimSuffix": _s(
        "{0}.strip_suffix({1}).unwrap_or(&{0}).to_string()", "recv str", STRING, "String"
    ),
    "strings.Split": _s(
        "{0}.split({1}).map(String::from).collect::<Vec<String>>()",
        "recv str",
        STRINGS,
        "Vec<String>",
    ),
    "strings.Fields": _s(
        "{0}.split_whitespace().map(String::from).collect::<Vec<String>>()",
        "recv",
        STRINGS,
        "Vec<String>",
    ),
    "strings.Join": _s("{0}.join({1})", "recv str", STRING, "String"),
    "strings.Repeat": _s("{0}.repeat({1})", "recv usize", STRING, "String"),
    "strings.ReplaceAll": _s("{0}.replace({1}, {2})", "recv str str", STRING, "String"),
    "strings.Count": _s("{0}.matches({1}).count() as i64", "recv str", INT, "i64", prec=2),
    # Go folds case per code point (é/É, K/Kelvin sign), not only ASCII
    "strings.EqualFold": _s(
        "{{ let (a, b) = ({0}, {1}); a.chars().count() == b.chars().count() && "
        "a.chars().zip(b.chars()).all(|(x, y)| x == y || x.to_lowercase().eq(y.to_lowercase()) "
        "|| x.to_uppercase().eq(y.to_uppercase())) }}",
        "str str",
        BOOL,
        "bool",
    ),
    # a cutset: any of its code points, trimmed from the end(s)
    "strings.Trim": _s(
        "{0}.trim_matches(|c| {1}.contains(c)).to_string()", "recv recv", STRING, "String"
    ),
    "strings.TrimLeft": _s(
        "{0}.trim_start_matches(|c| {1}.contains(c)).to_string()", "recv recv", STRING, "String"
    ),
    "strings.TrimRight": _s(
        "{0}.trim_end_matches(|c| {1}.contains(c)).to_string()", "recv recv", STRING, "String"
    ),
    "strings.ContainsAny": _s("{0}.contains(|c| {1}.contains(c))", "recv recv", BOOL, "bool"),
    "strings.IndexByte": _s(
        "{0}.bytes().position(|b| b == {1}).map_or(-1, |i| i as i64)", "recv byte", INT, "i64"
    ),
    "strings.IndexRune": _s("{0}.find({1}).map_or(-1, |i| i as i64)", "recv val", INT, "i64"),
    "strings.LastIndex": _s("{0}.rfind({1}).map_or(-1, |i| i as i64)", "recv str", INT, "i64"),
    # strconv
    "strconv.Itoa": _s("{0}.to_string()", "recv", STRING, "String"),
    "strconv.Atoi": _s("{0}.parse::<i64>()", "recv", INT, "i64", fallible=True),
    "strconv.ParseFloat": _s("{0}.parse::<f64>()", "recv val", FLOAT, "f64", fallible=True),
    "strconv.Quote": _s('format!("{{:?}}", {0})', "val", STRING, "String"),
    "strconv.FormatBool": _s("{0}.to_string()", "recv", STRING, "String"),
    # math
    "math.Sqrt": _s("{0}.sqrt()", "frecv", FLOAT, "f64"),
    "math.Pow": _s("{0}.powf({1})", "frecv f64", FLOAT, "f64"),
    "math.Abs": _s("{0}.abs()", "frecv", FLOAT, "f64"),
    "math.Floor": _s("{0}.floor()", "frecv", FLOAT, "f64"),
    "math.Ceil": _s("{0}.ceil()", "frecv", FLOAT, "f64"),
    "math.Round": _s("{0}.round()", "frecv", FLOAT, "f64"),
    "math.Trunc": _s("{0}.trunc()", "frecv", FLOAT, "f64"),
    "math.Max": _s("{0}.max({1})", "frecv f64", FLOAT, "f64"),
    "math.Min": _s("{0}.min({1})", "frecv f64", FLOAT, "f64"),
    "math.Mod": _s("{0} % {1}", "frecv f64", FLOAT, "f64", prec=3),
    "math.Log": _s("{0}.ln()", "frecv", FLOAT, "f64"),
    "math.Exp": _s("{0}.exp()", "frecv", FLOAT, "f64"),
    "math.Sin": _s("{0}.sin()", "frecv", FLOAT, "f64"),
    "math.Cos": _s("{0}.cos()", "frecv", FLOAT, "f64"),
    "math.Hypot": _s("{0}.hypot({1})", "frecv f64", FLOAT, "f64"),
    "math.Inf": _s("f64::INFINITY", "val", FLOAT, "f64"),
    "math.Log2": _s("{0}.log2()", "frecv", FLOAT, "f64"),
    "math.Log10": _s("{0}.log10()", "frecv", FLOAT, "f64"),
    "math.Cbrt": _s("{0}.cbrt()", "frecv", FLOAT, "f64"),
    "math.Tan": _s("{0}.tan()", "frecv", FLOAT, "f64"),
    "math.Atan": _s("{0}.atan()", "frecv", FLOAT, "f64"),
    "math.Atan2": _s("{0}.atan2({1})", "frecv f64", FLOAT, "f64"),
    "math.IsNaN": _s("{0}.is_nan()", "frecv", BOOL, "bool"),
    "math.NaN": _s("f64::NAN", "", FLOAT, "f64"),
    "math.Signbit": _s("{0}.is_sign_negative()", "frecv", BOOL, "bool"),
    # sort and slices (in place: the receiver is borrowed mutably)
    "sort.Ints": _s("{0}.sort()", "recv", None, "()"),
    "sort.Strings": _s("{0}.sort()", "recv", None, "()"),
    "sort.Float64s": _s("{0}.sort_by(f64::total_cmp)", "recv", None, "()"),
    "slices.Sort": _s("{0}.sort()", "recv", None, "()"),
    "slices.Reverse": _s("{0}.reverse()", "recv", None, "()"),
    "slices.IsSorted": _s("{0}.is_sorted()", "recv", BOOL, "bool"),
    "slices.Contains": _s("{0}.contains(&{1})", "recv val", BOOL, "bool"),
    # Go compares lengths, then elements with ==: exactly what Vec/slice == does
    "slices.Equal": _s("{0} == {1}", "operand operand", BOOL, "bool", prec=9),
    "slices.Index": _s(
        "{0}.iter().position(|x| *x == {1}).map_or(-1, |i| i as i64)", "recv val", INT, "i64"
    ),
    "sort.IntsAreSorted": _s("{0}.is_sorted()", "recv", BOOL, "bool"),
    "sort.StringsAreSorted": _s("{0}.is_sorted()", "recv", BOOL, "bool"),
    # os
    "os.Exit": _s("std::process::exit({0})", "i32", None, "!"),
    "os.Getenv": _s("std::env::var({0}).unwrap_or_default()", "str", STRING, "String"),
    # Go's os.Open is read-only, as File::open is; the *os.File is the File
    "os.Open": _s(
        "File::open({0})",
        "str",
        OS_FILE,
        "File",
        fallible=True,
        uses=("std::fs::File",),
    ),
    # Go's Create opens read-write, creating (0o666 before the umask) or truncating
    "os.Create": _s(
        "File::options().read(true).write(true).create(true).truncate(true).open({0})",
        "str",
        OS_FILE,
        "File",
        fallible=True,
        uses=("std::fs::File",),
    ),
    "os.Getwd": _s(
        "std::env::current_dir().map(|p| p.to_string_lossy().into_owned())",
        "",
        STRING,
        "String",
        fallible=True,
    ),
    "os.ReadFile": _s("std::fs::read({0})", "str", BYTES, "Vec<u8>", fallible=True),
    # time
    "time.Now": _s(
        "SystemTime::now()",
        "",
        TName("Time", "time"),
        "SystemTime",
        uses=("std::time::SystemTime",),
    ),
    "time.Since": _s("{0}.elapsed().unwrap_or_default()", "recv", DURATION, "Duration"),
    # encoding/json -> serde_json (struct field names follow the serde attributes go2rs
    # derived from the json tags)
    "encoding/json.Marshal": _s(
        "serde_json::to_vec({0})", "ref", BYTES, "Vec<u8>", fallible=True, note=JSON_OUT
    ),
    "encoding/json.Unmarshal": _s(  # Go fills the target in place; serde returns the value
        "serde_json::from_slice({0}).map(|v| {1} = v)", "ref target", None, "()", fallible=True
    ),
    # a count of nanoseconds as a factor: `d * time.Duration(n)` is `d * n` (Mul<u32>);
    # where a Duration itself is expected, coerce refuses the u32
    "time.Duration": _s("{0} as u32", "term", DURATION, "u32", prec=2),
    # methods of standard types, keyed by package path, type and method (receiver is {0})
    "time.Time.Add": _s("{0} + {1}", "term term", TIME, "SystemTime", prec=4),
    "time.Time.Sub": _s(  # Go's negative durations clamp to zero: std Durations are unsigned
        "{0}.duration_since({1}).unwrap_or_default()", "recv val", DURATION, "Duration"
    ),
    "time.Time.Before": _s("{0} < {1}", "operand operand", BOOL, "bool", prec=9),
    "time.Time.After": _s("{0} > {1}", "operand operand", BOOL, "bool", prec=9),
    "time.Time.Equal": _s("{0} == {1}", "operand operand", BOOL, "bool", prec=9),
    "time.Duration.String": _s(go_duration("{0}"), "term", STRING, "String", uses=(GO_DURATION,)),
    "time.Duration.Seconds": _s("{0}.as_secs_f64()", "recv", FLOAT, "f64"),
    # Go: whole units plus the remainder's fraction, in that float arithmetic
    "time.Duration.Minutes": _s(
        "{{ let ns = {0}.as_nanos(); (ns / 60_000_000_000) as f64 "
        "+ (ns % 60_000_000_000) as f64 / 60e9 }}",
        "term",
        FLOAT,
        "f64",
    ),
    "time.Duration.Hours": _s(
        "{{ let ns = {0}.as_nanos(); (ns / 3_600_000_000_000) as f64 "
        "+ (ns % 3_600_000_000_000) as f64 / 3600e9 }}",
        "term",
        FLOAT,
        "f64",
    ),
    "time.Duration.Microseconds": _s("{0}.as_micros() as i64", "recv", INT, "i64", prec=2),
    "time.Duration.Nanoseconds": _s("{0}.as_nanos() as i64", "recv", INT, "i64", prec=2),
    # seconds since 1970, floored as Go's are for times before it
    "time.Time.Unix": _s(
        "match {0}.duration_since(std::time::UNIX_EPOCH) {{ Ok(d) => d.as_secs() as i64, "
        "Err(e) => -(e.duration().as_nanos().div_ceil(1_000_000_000) as i64) }}",
        "term",
        INT,
        "i64",
    ),
    "time.Time.UnixMilli": _s(
        "match {0}.duration_since(std::time::UNIX_EPOCH) {{ Ok(d) => d.as_millis() as i64, "
        "Err(e) => -(e.duration().as_nanos().div_ceil(1_000_000) as i64) }}",
        "term",
        INT,
        "i64",
    ),
    "time.Duration.Milliseconds": _s("{0}.as_millis() as i64", "recv", INT, "i64", prec=2),
    # unicode
    "unicode.IsUpper": _s("{0}.is_uppercase()", "recv", BOOL, "bool"),
    "unicode.IsLower": _s("{0}.is_lowercase()", "recv", BOOL, "bool"),
    "unicode.IsDigit": _s("{0}.is_ascii_digit()", "recv", BOOL, "bool"),
    "unicode.IsLetter": _s("{0}.is_alphabetic()", "recv", BOOL, "bool"),
    "unicode.IsSpace": _s("{0}.is_whitespace()", "recv", BOOL, "bool"),
    # Go maps one rune to one rune (ß stays ß); Rust's full mapping may give several chars
    "unicode.ToUpper": _s(
        "{{ let original = {0}; let mut mapped = original.to_uppercase(); "
        "match (mapped.next(), mapped.next()) {{ (Some(c), None) => c, _ => original }} }}",
        "val",
        RUNE,
        "char",
    ),
    "unicode.ToLower": _s(
        "{{ let original = {0}; let mut mapped = original.to_lowercase(); "
        "match (mapped.next(), mapped.next()) {{ (Some(c), None) => c, "
        "_ if original == '\\u{{130}}' => 'i', _ => original }} }}",  # İ: Go's simple i
        "val",
        RUNE,
        "char",
    ),
    "utf8.RuneCountInString": _s("{0}.chars().count()", "recv", INT, "usize"),
}

_HTTP_STATUS = {
    "OK": "200",
    "Created": "201",
    "Accepted": "202",
    "NoContent": "204",
    "MovedPermanently": "301",
    "Found": "302",
    "NotModified": "304",
    "BadRequest": "400",
    "Unauthorized": "401",
    "Forbidden": "403",
    "NotFound": "404",
    "MethodNotAllowed": "405",
    "Conflict": "409",
    "Gone": "410",
    "UnprocessableEntity": "422",
    "TooManyRequests": "429",
    "InternalServerError": "500",
    "NotImplemented": "501",
    "BadGateway": "502",
    "ServiceUnavailable": "503",
    "GatewayTimeout": "504",
}

# Package-level values: `math.Pi`, `time.Second`, `os.Args`.
VALUES: dict[str, tuple[str, GoType, str]] = {
    "math.Pi": ("std::f64::consts::PI", FLOAT, "f64"),
    "math.E": ("std::f64::consts::E", FLOAT, "f64"),
    "math.MaxInt64": ("i64::MAX", INT, "i64"),
    "math.MinInt64": ("i64::MIN", INT, "i64"),
    "math.MaxInt": ("i64::MAX", INT, "i64"),
    "math.MaxInt32": ("i32::MAX", TName("int32"), "i32"),
    "math.MinInt32": ("i32::MIN", TName("int32"), "i32"),
    "math.MaxInt16": ("i16::MAX", TName("int16"), "i16"),
    "math.MaxInt8": ("i8::MAX", TName("int8"), "i8"),
    "math.MaxUint8": ("u8::MAX", TName("uint8"), "u8"),
    "math.MaxUint16": ("u16::MAX", TName("uint16"), "u16"),
    "math.MaxUint32": ("u32::MAX", TName("uint32"), "u32"),
    "math.MaxFloat64": ("f64::MAX", FLOAT, "f64"),
    # the smallest subnormal (f64::MIN_POSITIVE is the smallest normal number)
    "math.SmallestNonzeroFloat64": ("f64::from_bits(1)", FLOAT, "f64"),
    "time.Nanosecond": ("Duration::from_nanos(1)", DURATION, "Duration"),
    "time.Microsecond": ("Duration::from_micros(1)", DURATION, "Duration"),
    "time.Millisecond": ("Duration::from_millis(1)", DURATION, "Duration"),
    "time.Second": ("Duration::from_secs(1)", DURATION, "Duration"),
    "time.Minute": ("Duration::from_secs(60)", DURATION, "Duration"),
    "time.Hour": ("Duration::from_secs(3600)", DURATION, "Duration"),
    "os.Args": ("std::env::args().collect::<Vec<String>>()", STRINGS, "Vec<String>"),
    # the standard streams as writers (an io.Writer parameter takes `&mut` of them)
    "os.Stdout": ("std::io::stdout()", OS_FILE, "std::io::Stdout"),
    "os.Stderr": ("std::io::stderr()", OS_FILE, "std::io::Stderr"),
    # net/http status codes are untyped int constants in Go
    **{f"net/http.Status{name}": (code, INT, "i64") for name, code in _HTTP_STATUS.items()},
}


def package_value(pkg: str, name: str, node: Node, env: Env) -> E:
    key = f"{env.ctx.program.import_path(pkg)}.{name}"
    if key not in VALUES:
        raise Untranslatable(node, f"{pkg}.{name} has no mapping yet")
    text, go, rust = VALUES[key]
    if text.startswith("Duration::"):
        env.uses.add("std::time::Duration")
    return E(text, go, rust)


def std_key(pkg: str, name: str, env: Env) -> str:
    path = env.ctx.program.import_path(pkg)
    return f"{path.rsplit('/', 1)[-1] if path.startswith('unicode/') else path}.{name}"
