"""Method calls on foreign placeholders (bodies/foreign.py): listed methods become calls of
stubs emitted beside the placeholder; the stubs of several files of a package are merged."""

from __future__ import annotations

from go2rs.api import Options, translate, translate_package

_HANDLER = """package web

import "net/http"

func Show(w http.ResponseWriter, r *http.Request) string {
	w.Header().Set("Content-Type", "text/plain")
	return r.PathValue("id")
}
"""


def test_a_listed_method_is_a_call_of_a_stub_on_the_placeholder() -> None:
    rust = translate(_HANDLER.encode(), Options(filename="web.go", format=False)).rust
    assert 'w.header().set("Content-Type", "text/plain");' in rust
    assert 'r.path_value("id")' in rust
    assert "impl HttpRequest {" in rust
    assert "pub fn path_value(&self, _name: &str) -> String {" in rust
    assert "net/http.Request.PathValue has no Rust counterpart" in rust
    assert 'todo!("go: ' not in rust  # no statement of the body stayed todo


def test_an_unlisted_method_keeps_its_statement_todo() -> None:
    go = _HANDLER.replace('r.PathValue("id")', 'r.Referer() + r.PathValue("id")')
    rust = translate(go.encode(), Options(filename="web.go", format=False)).rust
    assert "method `Referer` on a value of unknown type" in rust
    assert "fn referer" not in rust


def test_stubs_of_several_files_are_merged_on_one_placeholder() -> None:
    other = """package web

import "net/http"

func Lang(r *http.Request) string {
	return r.FormValue("lang")
}
"""
    package = translate_package(
        [("a.go", _HANDLER.encode()), ("b.go", other.encode())], Options(format=False)
    )
    request = next(p for p in package.placeholders if p.name == "HttpRequest")
    assert sorted(m.name for m in request.methods) == ["form_value", "path_value"]


_ROWS = """package users

import (
	"database/sql"
	"errors"
)

func Missing(err error) bool {
	return errors.Is(err, sql.ErrNoRows)
}
"""


def test_a_foreign_sentinel_is_a_placeholder_error_found_among_the_causes() -> None:
    rust = translate(_ROWS.encode(), Options(filename="users.go", format=False)).rust
    assert ".any(|e| e.is::<SqlErrNoRows>())" in rust
    assert "impl std::error::Error for SqlErrNoRows {" in rust
    assert 'f.write_str("sql: no rows in result set")' in rust  # Go's text


def test_a_sentinel_placeholder_keeps_its_text_across_a_package() -> None:
    package = translate_package(
        [("a.go", _ROWS.encode()), ("b.go", _HANDLER.replace("web", "users").encode())],
        Options(format=False),
    )
    rows = next(p for p in package.placeholders if p.name == "SqlErrNoRows")
    assert rows.error_text == "sql: no rows in result set"
