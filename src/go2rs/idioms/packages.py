"""Go standard-library and ecosystem types -> Rust, as data (one place, no scattered ifs).

Keys are `import/path.Type`. A `Mapped` entry names a Rust type from std or a crate in the
check set; a `Foreign` entry has no one-to-one counterpart in that set and becomes a named
placeholder whose comment names the crate a reviewer should reach for.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mapped:
    owned: str  # in fields, results, containers
    param: str | None = None  # in parameters, when different
    uses: tuple[str, ...] = ()
    crates: tuple[str, ...] = ()
    debug: bool = True
    clone: bool = True
    default: bool = True
    serde: bool = False
    note: str = ""
    copy: bool = False


@dataclass(frozen=True, slots=True)
class Foreign:
    crate: str  # what a reviewer should consider
    note: str


_NOT_CLONE = {"clone": False}

STD_TYPES: dict[str, Mapped] = {
    "time.Duration": Mapped("Duration", uses=("std::time::Duration",), serde=True, copy=True),
    "time.Time": Mapped(
        "SystemTime",
        uses=("std::time::SystemTime",),
        default=False,
        serde=True,
        note="time.Time -> SystemTime; chrono/jiff for calendars",
        copy=True,
    ),
    "context.Context": Mapped(
        "CancellationToken", uses=("tokio_util::sync::CancellationToken",), crates=("tokio-util",)
    ),
    "sync.WaitGroup": Mapped(
        "JoinSet<()>", uses=("tokio::task::JoinSet",), crates=("tokio",), clone=False
    ),
    "sync.Once": Mapped("Once", uses=("std::sync::Once",), clone=False, default=False),
    "sync/atomic.Int64": Mapped("AtomicI64", uses=("std::sync::atomic::AtomicI64",), clone=False),
    "sync/atomic.Int32": Mapped("AtomicI32", uses=("std::sync::atomic::AtomicI32",), clone=False),
    "sync/atomic.Uint64": Mapped("AtomicU64", uses=("std::sync::atomic::AtomicU64",), clone=False),
    "sync/atomic.Uint32": Mapped("AtomicU32", uses=("std::sync::atomic::AtomicU32",), clone=False),
    "sync/atomic.Bool": Mapped("AtomicBool", uses=("std::sync::atomic::AtomicBool",), clone=False),
    "io.Reader": Mapped(
        "Box<dyn Read + Send>",
        "&mut dyn Read",
        uses=("std::io::Read",),
        debug=False,
        clone=False,
        default=False,
    ),
    "io.Writer": Mapped(
        "Box<dyn Write + Send>",
        "&mut dyn Write",
        uses=("std::io::Write",),
        debug=False,
        clone=False,
        default=False,
    ),
    "io.ReadCloser": Mapped(
        "Box<dyn Read + Send>",
        "&mut dyn Read",
        uses=("std::io::Read",),
        debug=False,
        clone=False,
        default=False,
        note="Close() is Drop in Rust",
    ),
    "io.WriteCloser": Mapped(
        "Box<dyn Write + Send>",
        "&mut dyn Write",
        uses=("std::io::Write",),
        debug=False,
        clone=False,
        default=False,
        note="Close() is Drop in Rust",
    ),
    "bytes.Buffer": Mapped("Vec<u8>", serde=True),
    "strings.Builder": Mapped("String", serde=True),
    "encoding/json.RawMessage": Mapped(
        "serde_json::Value", crates=("serde_json",), serde=True, default=True
    ),
    "os.File": Mapped("File", uses=("std::fs::File",), clone=False, default=False),
    "net.Conn": Mapped(
        "TcpStream", uses=("tokio::net::TcpStream",), crates=("tokio",), clone=False, default=False
    ),
    "golang.org/x/sync/errgroup.Group": Mapped(
        "JoinSet<anyhow::Result<()>>",
        uses=("tokio::task::JoinSet",),
        crates=("tokio", "anyhow"),
        clone=False,
    ),
    # permission bits, as std's unix OpenOptionsExt::mode / PermissionsExt take them
    "os.FileMode": Mapped("u32", copy=True, serde=True),
    "io/fs.FileMode": Mapped("u32", copy=True, serde=True),
    "math/big.Int": Mapped("i128", note="big.Int -> i128 here; num-bigint for unbounded"),
}

FOREIGN_TYPES: dict[str, Foreign] = {
    "net/http.Request": Foreign("axum", "an axum extractor (server) or reqwest::Request (client)"),
    "net/http.ResponseWriter": Foreign("axum", "axum handlers return impl IntoResponse"),
    "net/http.Handler": Foreign("axum", "an axum Router / tower Service"),
    "net/http.HandlerFunc": Foreign("axum", "an axum handler fn"),
    "net/http.Client": Foreign("reqwest", "reqwest::Client"),
    "net/http.Server": Foreign("axum", "axum::serve with a tokio TcpListener"),
    "net/http.ServeMux": Foreign("axum", "axum::Router"),
    "net/http.Response": Foreign("reqwest", "reqwest::Response"),
    "net/http.Header": Foreign("http", "http::HeaderMap"),
    "database/sql.Row": Foreign("sqlx", "sqlx query_as! / fetch_one results"),
    "database/sql.DB": Foreign("sqlx", "sqlx::PgPool (or another sqlx Pool)"),
    "database/sql.Tx": Foreign("sqlx", "sqlx::Transaction"),
    "database/sql.Rows": Foreign("sqlx", "sqlx query_as! results"),
    "log/slog.Logger": Foreign("tracing", "tracing macros; no logger value to pass"),
    "log.Logger": Foreign("tracing", "tracing macros; no logger value to pass"),
    "regexp.Regexp": Foreign("regex", "regex::Regex"),
    "net/url.URL": Foreign("url", "url::Url"),
    "github.com/google/uuid.UUID": Foreign("uuid", "uuid::Uuid"),
    "google.golang.org/grpc.ClientConn": Foreign("tonic", "tonic::transport::Channel"),
    "google.golang.org/grpc.Server": Foreign("tonic", "tonic::transport::Server"),
    "github.com/prometheus/client_golang/prometheus.Counter": Foreign(
        "metrics", "metrics::counter!"
    ),
    "bufio.Scanner": Foreign("std", "std::io::BufRead::lines()"),
    "bufio.Reader": Foreign("std", "std::io::BufReader"),
    "bufio.Writer": Foreign("std", "std::io::BufWriter"),
    "github.com/spf13/cobra.Command": Foreign("clap", "a clap derive Parser"),
}


@dataclass(frozen=True, slots=True)
class Stub:
    """A method of a foreign type that bodies may call on its placeholder: the placeholder gets
    a method stub (todo!() body) with this Rust signature, so the caller stays translated.
    Only methods whose Go signature has no error result: a foreign error type is not one the
    package's error enum knows."""

    params: tuple[tuple[str, str], ...]  # (Rust name, Rust type) after &self
    result: tuple[str, str] | None = None  # (Go import path, type name) it returns
    pointer: bool = False  # the result is a *T
    go_result: str = ""  # a basic Go result type: "string", "bool", "int"


_LOG = (("msg", "&str"), ("args", "&[&dyn std::fmt::Debug]"))
_QUERY = (("query", "&str"), ("args", "&[&dyn std::fmt::Debug]"))

# `import/path.Type.Method` -> its stub; methods not listed keep their caller a todo!().
FOREIGN_METHODS: dict[str, Stub] = {
    "net/http.Request.PathValue": Stub((("name", "&str"),), go_result="string"),
    "net/http.Request.FormValue": Stub((("key", "&str"),), go_result="string"),
    "net/http.Request.Context": Stub((), ("context", "Context")),
    "net/http.ResponseWriter.Header": Stub((), ("net/http", "Header")),
    "net/http.ResponseWriter.WriteHeader": Stub((("status_code", "i64"),)),
    "net/http.Header.Set": Stub((("key", "&str"), ("value", "&str"))),
    "net/http.Header.Add": Stub((("key", "&str"), ("value", "&str"))),
    "net/http.Header.Get": Stub((("key", "&str"),), go_result="string"),
    "net/http.Header.Del": Stub((("key", "&str"),)),
    "log/slog.Logger.Debug": Stub(_LOG),
    "log/slog.Logger.Info": Stub(_LOG),
    "log/slog.Logger.Warn": Stub(_LOG),
    "log/slog.Logger.Error": Stub(_LOG),
    "database/sql.DB.QueryRow": Stub(_QUERY, ("database/sql", "Row"), pointer=True),
    "database/sql.DB.QueryRowContext": Stub(
        (("ctx", "&CancellationToken"), *_QUERY), ("database/sql", "Row"), pointer=True
    ),
    "regexp.Regexp.MatchString": Stub((("s", "&str"),), go_result="bool"),
}

# Sentinel errors of foreign packages -> (placeholder error type, Go's text, what to use).
# errors.Is(err, sql.ErrNoRows) looks for that type among err's causes.
FOREIGN_SENTINELS: dict[str, tuple[str, str, str]] = {
    "database/sql.ErrNoRows": (
        "SqlErrNoRows",
        "sql: no rows in result set",
        "sqlx::Error::RowNotFound",
    ),
    "database/sql.ErrTxDone": (
        "SqlErrTxDone",
        "sql: transaction has already been committed or rolled back",
        "sqlx: the Transaction is consumed by commit/rollback",
    ),
    "database/sql.ErrConnDone": (
        "SqlErrConnDone",
        "sql: connection is already closed",
        "sqlx::Error::PoolClosed",
    ),
}

# Go import path -> the Rust crate a reviewer expects (seed-mappings' package table).
CRATE_FOR_IMPORT: dict[str, str] = {
    "net/http": "axum / reqwest",
    "github.com/go-chi/chi/v5": "axum",
    "github.com/gin-gonic/gin": "axum",
    "github.com/labstack/echo/v4": "axum",
    "google.golang.org/grpc": "tonic + prost",
    "database/sql": "sqlx",
    "github.com/jmoiron/sqlx": "sqlx",
    "gorm.io/gorm": "sqlx (or sea-orm)",
    "encoding/json": "serde + serde_json",
    "log": "tracing",
    "log/slog": "tracing",
    "go.uber.org/zap": "tracing",
    "github.com/rs/zerolog": "tracing",
    "github.com/spf13/viper": "config / figment",
    "github.com/spf13/cobra": "clap",
    "flag": "clap",
    "errors": "thiserror / anyhow",
    "github.com/pkg/errors": "thiserror / anyhow",
    "context": "tokio-util (CancellationToken)",
    "sync": "std::sync / tokio::sync",
    "golang.org/x/sync/errgroup": "tokio (JoinSet)",
    "time": "std::time / tokio::time",
    "github.com/cenkalti/backoff/v4": "backon",
    "github.com/prometheus/client_golang/prometheus": "metrics",
    "github.com/go-playground/validator/v10": "validator",
}


def lookup(path: str, name: str) -> Mapped | Foreign | None:
    key = f"{path}.{name}"
    return STD_TYPES.get(key) or FOREIGN_TYPES.get(key)
