"""The Starlette app behind `go2rs serve`: one page, its static files, and the JSON API."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from go2rs import __version__
from go2rs.web.examples import Example, default_example, load_examples
from go2rs.web.openapi import openapi_document
from go2rs.web.service import (
    MAX_BODY_BYTES,
    BadRequest,
    highlight_css,
    option_specs,
    parse_request,
    translate_request,
)

_HERE = Path(__file__).parent
# Everything the page needs is served from here: no CDN, works offline.
_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _read_capped(request: Request) -> bytes:
    """The body, refused as soon as it is known to pass the cap (before reading it all)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _TooLarge(int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _TooLarge(size)
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(
    examples: tuple[Example, ...] | None = None, trusted_hosts: Sequence[str] | None = None
) -> Starlette:
    """The app; `trusted_hosts` (the serve command passes the loopback names) refuses requests
    whose Host header names another site, so a page elsewhere cannot reach this one through DNS
    rebinding."""
    examples = load_examples() if examples is None else examples
    by_id = {example.id: example for example in examples}
    first = default_example(examples)
    env = Environment(
        loader=FileSystemLoader(_HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    groups: dict[str, list[Example]] = {}
    for example in examples:
        groups.setdefault(example.group, []).append(example)
    page = env.get_template("index.html").render(
        version=__version__,
        options=option_specs(),
        groups=groups,
        default_example=first.id if first else "",
        max_bytes=MAX_BODY_BYTES,
    )
    css = highlight_css()
    schema = openapi_document()

    async def index(request: Request) -> Response:
        return HTMLResponse(
            page,
            headers={
                "Content-Security-Policy": _CSP,
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-store",
            },
        )

    async def highlight_stylesheet(request: Request) -> Response:
        return Response(css, media_type="text/css")

    async def translate(request: Request) -> Response:
        try:
            body = await _read_capped(request)
        except _TooLarge as exc:
            return _error(
                413,
                f"request body is {exc.size} bytes, over the {MAX_BODY_BYTES}-byte (1 MiB) "
                "limit; translate fewer files at once, or use `go2rs convert`",
            )
        try:
            parsed = parse_request(body)
        except BadRequest as exc:
            return _error(400, str(exc))
        # Off the event loop: rustfmt and tree-sitter take milliseconds to seconds.
        return JSONResponse(await run_in_threadpool(translate_request, parsed))

    async def list_examples(request: Request) -> Response:
        return JSONResponse([{"id": e.id, "group": e.group, "name": e.name} for e in examples])

    async def get_example(request: Request) -> Response:
        key = f"{request.path_params['group']}/{request.path_params['name']}"
        example = by_id.get(key)
        if example is None:
            return _error(404, f"no example {key!r}; GET /api/examples lists them")
        return JSONResponse({"id": example.id, "source": example.source})

    async def openapi(request: Request) -> Response:
        return JSONResponse(schema)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        detail = exc.detail if isinstance(exc, HTTPException) else "internal error"
        return _error(status, str(detail))

    middleware = []
    if trusted_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(trusted_hosts)))
    return Starlette(
        routes=[
            Route("/", index),
            Route("/assets/highlight.css", highlight_stylesheet),
            Route("/api/translate", translate, methods=["POST"]),
            Route("/api/examples", list_examples),
            Route("/api/examples/{group}/{name}", get_example),
            Route("/api/openapi.json", openapi),
            Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
        ],
        middleware=middleware,
        exception_handlers={HTTPException: http_error, Exception: http_error},
    )
