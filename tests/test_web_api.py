"""The playground's JSON API, page and `go2rs serve` command, without a browser."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

if not os.environ.get("CI"):
    pytest.importorskip("starlette", reason="needs the web extra: pip install -e '.[web,test]'")
    pytest.importorskip("httpx2", reason="needs httpx2 (in the test extra)")

from starlette.testclient import TestClient

from go2rs.cli import app as cli_app
from go2rs.web import examples as examples_mod
from go2rs.web.app import create_app
from go2rs.web.examples import BUNDLED_DIR, load_examples
from go2rs.web.server import is_loopback
from go2rs.web.service import MAX_BODY_BYTES, option_specs

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
WEB = ROOT / "src" / "go2rs" / "web"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def schema(client: TestClient) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def _check(value: Any, node: dict[str, Any], document: dict[str, Any], where: str = "$") -> None:
    """A small JSON Schema check (the subset openapi.py uses) so responses keep the contract."""
    if "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        _check(value, target, document, where)
        return
    kinds = node.get("type")
    if kinds is not None:
        allowed = kinds if isinstance(kinds, list) else [kinds]
        python = {
            "object": dict,
            "array": list,
            "string": str,
            "boolean": bool,
            "null": type(None),
            "integer": int,
            "number": (int, float),
        }
        ok = any(
            isinstance(value, python[k]) and not (k in {"integer", "number"} and value is True)
            for k in allowed
        )
        assert ok, f"{where}: {value!r} is not {allowed}"
    if "enum" in node:
        assert value in node["enum"], f"{where}: {value!r} not in {node['enum']}"
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key in node.get("required", []):
            assert key in value, f"{where}: missing {key}"
        extra = node.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                _check(item, props[key], document, f"{where}.{key}")
            elif extra is False:
                raise AssertionError(f"{where}: unexpected key {key}")
            elif isinstance(extra, dict):
                _check(item, extra, document, f"{where}.{key}")
    if isinstance(value, list) and "items" in node:
        for index, item in enumerate(value):
            _check(item, node["items"], document, f"{where}[{index}]")


def _conforms(body: Any, document: dict[str, Any], path: str, status: str) -> None:
    operation = next(iter(document["paths"][path].values()))
    node = operation["responses"][status]["content"]["application/json"]["schema"]
    _check(body, node, document)


def _post(client: TestClient, source: str, **options: object) -> dict[str, Any]:
    response = client.post("/api/translate", json={"source": source, "options": options})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# ---------------------------------------------------------------------------- translate


def test_translate_returns_rust_highlighting_and_matches_the_schema(
    client: TestClient, schema: dict[str, Any]
) -> None:
    source = (CASES / "seed" / "result_propagation.go").read_text()
    body = _post(client, source)
    _conforms(body, schema, "/api/translate", "200")
    assert "pub fn load_config(dir: &str) -> Result<i64, Error>" in body["rust"]
    assert body["translated_anything"] is True
    assert body["go_lines"] == source.count("\n") + 1 or body["go_lines"] == source.count("\n")
    # One span per Rust line, so the page can point at line N.
    assert len(re.findall(r'<span id="r-\d+">', body["rust_html"])) == body["rust_lines"]
    assert '<span class="k">pub</span>' in body["rust_html"] or 'class="k"' in body["rust_html"]
    assert body["idioms"]["E01"] >= 1


def test_options_reach_the_translator(client: TestClient) -> None:
    source = (CASES / "seed" / "result_propagation.go").read_text()
    full = _post(client, source, comments="full")
    bare = _post(client, source, comments="none")
    assert "// go2rs[E01]" in full["rust"]
    assert "go2rs[" not in bare["rust"]
    assert bare["options"]["comments"] == "none"
    if any(spec.name == "mode" for spec in option_specs()):  # drafts exist
        skeleton = _post(client, source, mode="skeleton")
        draft = _post(client, source, mode="draft")
        assert "todo!(" in skeleton["rust"]
        assert skeleton["rust"] != draft["rust"]
        assert (skeleton["options"]["mode"], draft["options"]["mode"]) == ("skeleton", "draft")


@pytest.mark.parametrize("comments", ["full", "brief", "none"])
def test_diagnostic_points_at_the_go_line_and_the_rust_line(
    client: TestClient, comments: str
) -> None:
    body = _post(client, (CASES / "malformed" / "broken_params.go").read_text(), comments=comments)
    [diag] = body["diagnostics"]
    assert (diag["severity"], diag["line"]) == ("error", 7)
    rust_lines = body["rust"].splitlines()
    assert diag["rust_line"] is not None
    assert rust_lines[diag["rust_line"] - 1].startswith("pub fn bad(")


@pytest.mark.parametrize("comments", ["full", "none"])
def test_todo_points_at_the_rust_todo(client: TestClient, comments: str) -> None:
    body = _post(
        client, (CASES / "malformed" / "truncated_struct.go").read_text(), comments=comments
    )
    [todo] = body["todos"]
    assert (todo["line"], todo["end_line"]) == (4, 7)
    assert "TODO(go2rs)" in body["rust"].splitlines()[todo["rust_line"] - 1]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"source": "package x', "malformed JSON: Unterminated string"),
        (b"", "malformed JSON: Expecting value at line 1 column 1"),
        (b"\xff\xfe\x00garbage", "malformed JSON"),
        (b"[1, 2]", 'expected a JSON object like {"source": "..."}, got an array'),
        (b'{"options": {}}', '"source" must be a string of Go code, got null'),
        (b'{"source": 3}', '"source" must be a string of Go code, got a number'),
        (b'{"source": "", "options": []}', '"options" must be an object, got an array'),
        (b'{"source": "", "src": ""}', "unknown field 'src'"),
        (b'{"source": "", "options": {"color": true}}', "unknown option 'color'"),
        (b'{"source": "", "options": {"comments": "all"}}', "must be one of full, brief, none"),
        (b'{"source": "", "options": {"format": "yes"}}', "must be true or false, got a string"),
        (b"[" * 100_000, "malformed JSON"),
    ],
)
def test_bad_requests_get_400_with_a_message(
    client: TestClient, schema: dict[str, Any], body: bytes, message: str
) -> None:
    response = client.post(
        "/api/translate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert message in response.json()["error"]
    _conforms(response.json(), schema, "/api/translate", "400")


def test_body_over_the_cap_is_413_with_or_without_a_length(
    client: TestClient, schema: dict[str, Any]
) -> None:
    too_big = json.dumps({"source": "x" * MAX_BODY_BYTES}).encode()
    declared = client.post("/api/translate", content=too_big)
    assert declared.status_code == 413
    assert "limit" in declared.json()["error"]
    _conforms(declared.json(), schema, "/api/translate", "413")

    def chunks() -> Iterator[bytes]:  # chunked transfer: no Content-Length to trust
        for start in range(0, len(too_big), 64 * 1024):
            yield too_big[start : start + 64 * 1024]

    streamed = client.post("/api/translate", content=chunks())
    assert streamed.status_code == 413


def test_body_at_exactly_the_cap_is_read(client: TestClient) -> None:
    at_cap = b"{" + b" " * (MAX_BODY_BYTES - 1)
    response = client.post("/api/translate", content=at_cap)
    assert response.status_code == 400  # read and parsed, not refused for size
    assert "malformed JSON" in response.json()["error"]


def test_translator_crash_is_a_diagnostic_not_a_500(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("go2rs.web.service.translate", explode)
    response = client.post("/api/translate", json={"source": "package p\nvar x = 1\n"})
    assert response.status_code == 200
    body = response.json()
    assert [d["severity"] for d in body["diagnostics"]] == ["error"]
    assert "internal error (RuntimeError)" in body["diagnostics"][0]["message"]
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "source",
    ["", "\x00\x01\x02", "func (" * 2000, "package p\nfunc f() {" + "{" * 3000, "ünïcödé 🦀"],
)
def test_hostile_go_is_answered_with_200(client: TestClient, source: str) -> None:
    body = _post(client, source)
    assert isinstance(body["rust"], str)
    assert "Traceback" not in json.dumps(body)


# ---------------------------------------------------------------------------- the rest


def test_openapi_documents_translate_and_its_error_codes(schema: dict[str, Any]) -> None:
    assert schema["openapi"].startswith("3.1")
    responses = schema["paths"]["/api/translate"]["post"]["responses"]
    assert set(responses) == {"200", "400", "413"}
    offered = schema["components"]["schemas"]["TranslateRequest"]["properties"]["options"]
    assert set(offered["properties"]) == {spec.name for spec in option_specs()}
    assert offered["properties"]["comments"]["enum"] == ["full", "brief", "none"]


def test_examples_come_from_the_test_cases(client: TestClient, schema: dict[str, Any]) -> None:
    listing = client.get("/api/examples").json()
    _conforms(listing, schema, "/api/examples", "200")
    ids = [item["id"] for item in listing]
    on_disk = sorted(f"{p.parent.name}/{p.stem}" for p in CASES.glob("*/*.go"))
    assert sorted(ids) == on_disk
    assert listing[0]["group"] == "seed"
    one = client.get("/api/examples/errors/sentinels")
    assert one.status_code == 200
    assert one.json()["source"] == (CASES / "errors" / "sentinels.go").read_text()
    missing = client.get("/api/examples/errors/nope")
    assert missing.status_code == 404
    assert "no example 'errors/nope'" in missing.json()["error"]


def test_bundled_examples_are_exact_copies_of_test_cases() -> None:
    bundled = sorted(BUNDLED_DIR.glob("*/*.go"))
    assert len(bundled) >= 5
    for path in bundled:
        original = CASES / path.relative_to(BUNDLED_DIR)
        assert original.is_file(), f"{path} has no test case"
        assert path.read_bytes() == original.read_bytes(), f"{path} drifted from {original}"
    loaded = load_examples(BUNDLED_DIR)
    assert {e.id for e in loaded} == {f"{p.parent.name}/{p.stem}" for p in bundled}
    assert examples_mod.default_example(loaded) is not None
    assert examples_mod.default_example(loaded).id == examples_mod.DEFAULT_EXAMPLE


def test_page_offers_the_options_and_loads_nothing_from_elsewhere(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    for spec in option_specs():
        assert f'data-option="{spec.name}"' in page
    assert 'data-option="mode"' in page or not any(s.name == "mode" for s in option_specs())
    assert '<option value="seed/result_propagation">' in page
    for asset in ("/static/app.js", "/static/style.css", "/assets/highlight.css"):
        assert client.get(asset).status_code == 200, asset
        assert asset in page
    # Works offline: no asset of the page points off this server.
    shipped = [page] + [p.read_text() for p in (WEB / "static").iterdir()]
    for text in shipped:
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
        assert not re.search(r"""url\(\s*["']?(https?:)?//""", text)
        assert not re.search(r"""fetch\(\s*["'`]https?:""", text)


def test_unknown_host_header_is_refused_when_hosts_are_trusted() -> None:
    with TestClient(create_app(trusted_hosts=["127.0.0.1", "localhost"])) as strict:
        assert strict.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert strict.get("/", headers={"host": "evil.example"}).status_code == 400


# ---------------------------------------------------------------------------- the command


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "[::1]", "localhost", "127.1.2.3"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "8.8.8.8"])
def test_non_loopback_hosts(host: str) -> None:
    assert not is_loopback(host)


def test_serve_refuses_a_public_host_without_public() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "refusing to listen on 0.0.0.0" in result.output
    assert "--public" in result.output
    assert "Traceback" not in result.output


def test_convert_does_not_import_the_web_stack() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from go2rs.cli import app\n"
        "r = CliRunner().invoke(app, ['convert', '-'], input='package p\\nfunc F() {}\\n')\n"
        "assert r.exit_code == 0, r.output\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('starlette', 'uvicorn') or m.startswith('go2rs.web'))\n"
        "print(loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_open_waits_for_the_server_then_opens_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from go2rs.web import server as server_mod

    opened: list[str] = []
    monkeypatch.setattr(server_mod.webbrowser, "open", opened.append)

    class Late:
        started = False

    late = Late()
    thread = threading.Thread(target=server_mod._open_when_up, args=(late, "http://x/"))
    thread.start()
    time.sleep(0.2)
    assert opened == []  # not before uvicorn is listening
    late.started = True
    thread.join(timeout=5)
    assert opened == ["http://x/"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_starts_answers_and_reports_a_busy_port() -> None:
    import httpx2 as httpx

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "go2rs", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith(f"go2rs playground: http://127.0.0.1:{port}/"), first
        deadline = time.monotonic() + 15
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.05)
        assert page.status_code == 200
        assert "go2rs" in page.text
        api = httpx.post(
            f"http://127.0.0.1:{port}/api/translate",
            json={"source": "package p\nfunc Add(a, b int) int { return a + b }\n"},
            timeout=30,
        )
        assert "pub fn add(a: i64, b: i64) -> i64" in api.json()["rust"]
        busy = subprocess.run(
            [sys.executable, "-m", "go2rs", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert busy.returncode == 2
        assert f"cannot listen on 127.0.0.1:{port}" in busy.stderr
        assert "Traceback" not in busy.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)
