"""Go names -> Rust names (R01)."""

import pytest

from go2rs.idioms import naming


@pytest.mark.parametrize(
    ("go", "snake", "camel", "screaming"),
    [
        ("HTTPServer", "http_server", "HttpServer", "HTTP_SERVER"),
        ("userID", "user_id", "UserId", "USER_ID"),
        ("parseURL", "parse_url", "ParseUrl", "PARSE_URL"),
        ("XMLParser", "xml_parser", "XmlParser", "XML_PARSER"),
        ("ID", "id", "Id", "ID"),
        ("v2Config", "v2_config", "V2Config", "V2_CONFIG"),
        ("maxRetries", "max_retries", "MaxRetries", "MAX_RETRIES"),
        ("größe", "größe", "Größe", "GRÖSSE"),
    ],
)
def test_case_conversions(go: str, snake: str, camel: str, screaming: str) -> None:
    assert naming.snake(go) == snake
    assert naming.camel(go) == camel
    assert naming.screaming(go) == screaming


@pytest.mark.parametrize(
    ("go", "rust"),
    [
        ("type", "r#type"),
        ("match", "r#match"),
        ("self", "self_"),
        ("crate", "crate_"),
        ("super", "super_"),
        ("Self", "self_"),
        ("async", "r#async"),
        ("_", "_"),
    ],
)
def test_keywords_become_raw_or_renamed(go: str, rust: str) -> None:
    assert naming.snake(go) == rust


def test_camel_never_yields_self() -> None:
    assert naming.camel("self") == "Self_"


def test_strip_prefix_only_at_word_boundary() -> None:
    assert naming.strip_prefix("ColorRed", "Color") == "Red"
    assert naming.strip_prefix("Colorful", "Color") == "Colorful"
    assert naming.strip_prefix("Color", "Color") == "Color"
