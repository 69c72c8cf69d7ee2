"""The OpenAPI 3.1 description of the playground's JSON API (served at /api/openapi.json).

Written out rather than generated: the API is three operations, and the schema doubles as the
contract tests/test_web_api.py checks real responses against."""

from __future__ import annotations

from typing import Any

from go2rs import __version__
from go2rs.web.service import MAX_BODY_BYTES, option_specs

_ERROR = {"$ref": "#/components/schemas/Error"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def openapi_document() -> dict[str, Any]:
    options: dict[str, Any] = {}
    for spec in option_specs():
        if spec.is_flag:
            options[spec.name] = {
                "type": "boolean",
                "default": spec.default,
                "description": spec.help,
            }
        else:
            options[spec.name] = {
                "type": "string",
                "enum": list(spec.choices),
                "default": spec.default,
                "description": spec.help,
            }
    nullable_int = {"type": ["integer", "null"]}
    schemas: dict[str, Any] = {
        "TranslateRequest": {
            "type": "object",
            "required": ["source"],
            "additionalProperties": False,
            "properties": {
                "source": {"type": "string", "description": "Go code: a file or a fragment."},
                "options": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": options,
                },
            },
        },
        "Diagnostic": {
            "type": "object",
            "required": ["severity", "line", "col", "message", "rust_line"],
            "additionalProperties": False,
            "properties": {
                "severity": {"type": "string", "enum": ["error", "warning", "info"]},
                "line": {"type": "integer", "description": "Go line (1-based)"},
                "col": {"type": "integer", "description": "Go column (1-based)"},
                "message": {"type": "string"},
                "rust_line": {**nullable_int, "description": "Rust output line, when known"},
            },
        },
        "Todo": {
            "type": "object",
            "required": ["what", "line", "end_line", "rust_line"],
            "additionalProperties": False,
            "properties": {
                "what": {"type": "string"},
                "line": {"type": "integer", "description": "first Go line (1-based)"},
                "end_line": {"type": "integer", "description": "last Go line"},
                "rust_line": {**nullable_int, "description": "Rust output line, when known"},
            },
        },
        "TranslateResponse": {
            "type": "object",
            "required": [
                "rust",
                "rust_html",
                "translated_anything",
                "go_lines",
                "rust_lines",
                "diagnostics",
                "todos",
                "idioms",
                "options",
                "elapsed_ms",
            ],
            "additionalProperties": False,
            "properties": {
                "rust": {"type": "string", "description": "The Rust draft."},
                "rust_html": {
                    "type": "string",
                    "description": "The draft highlighted by Pygments; line N is span#r-N.",
                },
                "translated_anything": {"type": "boolean"},
                "go_lines": {"type": "integer"},
                "rust_lines": {"type": "integer"},
                "diagnostics": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Diagnostic"},
                },
                "todos": {"type": "array", "items": {"$ref": "#/components/schemas/Todo"}},
                "idioms": {
                    "type": "object",
                    "additionalProperties": {"type": "integer"},
                    "description": "idiom code -> times applied",
                },
                "options": {
                    "type": "object",
                    "description": "the options used, defaults filled in",
                    "additionalProperties": {"type": ["string", "boolean"]},
                },
                "elapsed_ms": {"type": "number"},
            },
        },
        "Example": {
            "type": "object",
            "required": ["id", "group", "name"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string"},
                "group": {"type": "string"},
                "name": {"type": "string"},
            },
        },
        "ExampleSource": {
            "type": "object",
            "required": ["id", "source"],
            "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "source": {"type": "string"}},
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "additionalProperties": False,
            "properties": {"error": {"type": "string", "description": "what went wrong"}},
        },
    }
    translate_op = {
        "operationId": "translate",
        "summary": "Translate Go code into a Rust draft",
        "description": (
            "Never fails for bad Go: problems come back as diagnostics next to whatever "
            f"could be translated. The request body is capped at {MAX_BODY_BYTES} bytes."
        ),
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/TranslateRequest"}}
            },
        },
        "responses": {
            "200": _json({"$ref": "#/components/schemas/TranslateResponse"}, "the translation"),
            "400": _json(_ERROR, "malformed JSON, or a field of the wrong type or value"),
            "413": _json(_ERROR, f"the body is over {MAX_BODY_BYTES} bytes"),
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "go2rs playground API",
            "version": __version__,
            "description": "Go in, idiomatic Rust draft out (the API behind `go2rs serve`).",
        },
        "paths": {
            "/api/translate": {"post": translate_op},
            "/api/examples": {
                "get": {
                    "operationId": "listExamples",
                    "summary": "The Go examples the page offers",
                    "responses": {
                        "200": _json(
                            {"type": "array", "items": {"$ref": "#/components/schemas/Example"}},
                            "examples, seed cases first",
                        )
                    },
                }
            },
            "/api/examples/{group}/{name}": {
                "get": {
                    "operationId": "getExample",
                    "summary": "One example's Go source",
                    "parameters": [
                        {
                            "name": part,
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": f"the example's {part}, e.g. {sample}",
                        }
                        for part, sample in (("group", "seed"), ("name", "result_propagation"))
                    ],
                    "responses": {
                        "200": _json({"$ref": "#/components/schemas/ExampleSource"}, "the source"),
                        "404": _json(_ERROR, "no such example"),
                    },
                }
            },
        },
        "components": {"schemas": schemas},
    }
