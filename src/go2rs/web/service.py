"""What `POST /api/translate` does, free of any web framework: request bytes in, a JSON-ready
dict out. Kept apart from the app so it is tested (and typed) without a server."""

from __future__ import annotations

import dataclasses
import difflib
import enum
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import RustLexer

from go2rs.api import Options, Translation, translate
from go2rs.diagnostics import Diagnostic, Severity

MAX_BODY_BYTES = 1024 * 1024  # 1 MiB: far above any Go file a person pastes
PLAYGROUND_FILENAME = "input.go"

# Options the page and the API offer, when go2rs.api.Options has them (an option another change
# adds, such as `mode`, shows up here once it exists; one it removes disappears).
_CHOICES: Mapping[str, tuple[str, ...]] = {
    "comments": ("full", "brief", "none"),
    "mode": ("draft", "skeleton"),
}
_FLAGS = ("format", "placeholders")
_LABELS: Mapping[str, tuple[str, str]] = {
    "mode": ("Mode", "draft: translate bodies; skeleton: signatures and todo!() bodies"),
    "comments": ("Comments", "explanatory comments: full, brief (codes only) or none"),
    "format": ("rustfmt", "format the output with rustfmt"),
    "placeholders": ("Placeholders", "placeholder types for names defined outside the input"),
}


class BadRequest(Exception):
    """The request cannot be translated as sent; the message says why (HTTP 400)."""


@dataclass(frozen=True, slots=True)
class OptionSpec:
    name: str
    label: str
    help: str
    default: str | bool
    choices: tuple[str, ...] = ()  # empty: a flag (bool)
    enum_type: type[enum.Enum] | None = None  # Options stores an enum, the API a string

    @property
    def is_flag(self) -> bool:
        return not self.choices

    def json_value(self, value: object) -> str | bool:
        if isinstance(value, enum.Enum):
            return str(value.value)
        return value if isinstance(value, bool) else str(value)


def option_specs() -> tuple[OptionSpec, ...]:
    """The offered options, read off go2rs.api.Options so the page never offers a dead one."""
    specs: list[OptionSpec] = []
    fields = {f.name: f for f in dataclasses.fields(Options)}
    for name in ("mode", "comments", *_FLAGS):
        field = fields.get(name)
        if field is None:
            continue
        default = field.default
        label, help_text = _LABELS[name]
        if isinstance(default, bool):
            specs.append(OptionSpec(name, label, help_text, default))
        elif isinstance(default, enum.Enum):
            choices = tuple(str(member.value) for member in type(default))
            specs.append(
                OptionSpec(name, label, help_text, str(default.value), choices, type(default))
            )
        elif isinstance(default, str) and name in _CHOICES:
            choices = _CHOICES[name] if default in _CHOICES[name] else (default,)
            specs.append(OptionSpec(name, label, help_text, default, choices))
    return tuple(specs)


@dataclass(frozen=True, slots=True)
class Request:
    source: str
    options: Options


def parse_request(body: bytes) -> Request:
    """Validate a request body; anything wrong raises BadRequest with a message for a person."""
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise BadRequest(
            f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except UnicodeDecodeError:
        raise BadRequest("malformed JSON: the body is not UTF-8 text") from None
    except RecursionError:
        raise BadRequest("malformed JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise BadRequest(f'expected a JSON object like {{"source": "..."}}, got {_kind(data)}')
    unknown = sorted(set(data) - {"source", "options"})
    if unknown:
        raise BadRequest(f"unknown field {unknown[0]!r}; known fields: source, options")
    source = data.get("source")
    if not isinstance(source, str):
        raise BadRequest(f'"source" must be a string of Go code, got {_kind(source)}')
    raw_options = data.get("options", {})
    if not isinstance(raw_options, dict):
        raise BadRequest(f'"options" must be an object, got {_kind(raw_options)}')
    return Request(source, _options(raw_options))


def _options(raw: dict[str, Any]) -> Options:
    specs = {spec.name: spec for spec in option_specs()}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        spec = specs.get(name)
        if spec is None:
            known = ", ".join(specs)
            raise BadRequest(f"unknown option {name!r}; this go2rs offers: {known}")
        if spec.is_flag:
            if not isinstance(value, bool):
                raise BadRequest(f"option {name!r} must be true or false, got {_kind(value)}")
            values[name] = value
            continue
        if value not in spec.choices:
            choices = ", ".join(spec.choices)
            raise BadRequest(f"option {name!r} must be one of {choices}; got {value!r}")
        values[name] = spec.enum_type(value) if spec.enum_type is not None else value
    return Options(filename=PLAYGROUND_FILENAME, **values)


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


# ------------------------------------------------------------------------------ translation


def translate_request(request: Request) -> dict[str, Any]:
    """Translate and describe the result: Rust text and its highlighted HTML, diagnostics and
    todo!()s with Go lines and, where the output shows it, the Rust line they landed on."""
    started = time.perf_counter()
    result = _translate_safely(request.source, request.options)
    problems = bool(result.diagnostics or result.todos)
    # Go->Rust positions come from the `// go: file:line` markers that only full comments
    # print; for other modes, translate once more with them and align the two outputs.
    anchors = _RustAnchors.of(result.rust, request) if problems else None
    todos: list[dict[str, Any]] = []
    seen_per_anchor: dict[int, int] = {}
    for todo in sorted(result.todos, key=lambda t: (t.span.line, t.span.col)):
        rust_line = None
        if anchors is not None:
            rust_line = anchors.todo_line(todo.span.line, seen_per_anchor)
        todos.append(
            {
                "what": todo.what,
                "line": todo.span.line,
                "end_line": max(todo.span.end_line, todo.span.line),
                "rust_line": rust_line,
            }
        )
    diagnostics = [
        {
            "severity": diag.severity.value,
            "line": diag.line,
            "col": diag.col,
            "message": diag.message,
            "rust_line": anchors.head_line(diag.line) if anchors is not None else None,
        }
        for diag in result.diagnostics
    ]
    effective = {
        spec.name: spec.json_value(getattr(request.options, spec.name)) for spec in option_specs()
    }
    return {
        "rust": result.rust,
        "rust_html": highlight_rust(result.rust),
        "translated_anything": result.translated_anything,
        "go_lines": result.go_lines or request.source.count("\n") + 1,
        "rust_lines": result.rust.count("\n"),
        "diagnostics": diagnostics,
        "todos": todos,
        "idioms": dict(sorted(result.idioms.items())),
        "options": effective,
        "elapsed_ms": round((time.perf_counter() - started) * 1000, 1),
    }


def _translate_safely(source: str, options: Options) -> Translation:
    try:
        return translate(source, options)
    except Exception as exc:  # the API answers with a diagnostic, never a 500 with a traceback
        message = f"internal error ({type(exc).__name__}); please report this input"
        diag = Diagnostic(options.filename, 1, 1, Severity.ERROR, message)
        return Translation(f"// go2rs could not translate this input: {message}\n", (diag,), False)


_FORMATTER = HtmlFormatter(linespans="r", cssclass="code")


def highlight_rust(rust: str) -> str:
    """Pygments HTML, one `<span id="r-N">` per line so the page can point at a line."""
    return highlight(rust, RustLexer(), _FORMATTER)


def highlight_css() -> str:
    css = _FORMATTER.get_style_defs(".code")  # type: ignore[no-untyped-call]  # stubs lack it
    return str(css)


_ORIGIN = re.compile(r"^\s*// go: .+?:(\d+)(?::\d+)?\s*$")
_TODO = re.compile(r"todo!\(|TODO\(go2rs\)")
_ALIGN_LIMIT = 20_000  # lines; difflib above this costs more than the pointer is worth


@dataclass(frozen=True, slots=True)
class _Item:
    go_line: int
    start: int  # 0-based index of the marker line in the annotated (full-comments) output
    end: int  # exclusive


@dataclass(frozen=True, slots=True)
class _RustAnchors:
    """Where each Go declaration's Rust lives, read off the annotated output and mapped onto
    the output the user asked for."""

    annotated: tuple[str, ...]
    items: tuple[_Item, ...]
    to_shown: Mapping[int, int]  # annotated line index -> shown line index

    @staticmethod
    def of(shown: str, request: Request) -> _RustAnchors | None:
        shown_lines = shown.splitlines()
        if request.options.comments == "full":
            annotated, to_shown = shown_lines, {i: i for i in range(len(shown_lines))}
        else:
            full = dataclasses.replace(request.options, comments="full")
            annotated = _translate_safely(request.source, full).rust.splitlines()
            if max(len(annotated), len(shown_lines)) > _ALIGN_LIMIT:
                return None
            to_shown = _align(annotated, shown_lines)
        markers = [
            (int(m.group(1)), index)
            for index, line in enumerate(annotated)
            if (m := _ORIGIN.match(line))
        ]
        items = tuple(
            _Item(go_line, start, markers[k + 1][1] if k + 1 < len(markers) else len(annotated))
            for k, (go_line, start) in enumerate(markers)
        )
        return _RustAnchors(tuple(annotated), items, to_shown)

    def _item_for(self, go_line: int) -> _Item | None:
        before = [item for item in self.items if item.go_line <= go_line]
        return max(before, key=lambda item: item.go_line) if before else None

    def head_line(self, go_line: int) -> int | None:
        """The 1-based shown line of the Rust item that holds this Go line (its signature)."""
        item = self._item_for(go_line)
        if item is None:
            return None
        heads = [
            i
            for i in range(item.start + 1, item.end)
            if self.annotated[i].strip() and not self.annotated[i].lstrip().startswith(("//", "#["))
        ]
        return self._shown(item, heads[0] if heads else item.start + 1)

    def todo_line(self, go_line: int, seen: dict[int, int]) -> int | None:
        """The shown line of the k-th todo!() of the item that holds this Go line."""
        item = self._item_for(go_line)
        if item is None:
            return None
        hits = [i for i in range(item.start, item.end) if _TODO.search(self.annotated[i])]
        if not hits:
            return self.head_line(go_line)
        k = seen.get(item.start, 0)
        seen[item.start] = k + 1
        return self._shown(item, hits[min(k, len(hits) - 1)])

    def _shown(self, item: _Item, index: int) -> int | None:
        # A comment line the shown mode dropped maps to the next line that survived.
        for candidate in range(index, max(item.end, index + 1)):
            if candidate in self.to_shown:
                return self.to_shown[candidate] + 1
        return None


def _align(annotated: list[str], shown: list[str]) -> dict[int, int]:
    matcher = difflib.SequenceMatcher(None, annotated, shown, autojunk=False)
    mapping: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            mapping[block.a + offset] = block.b + offset
    return mapping
