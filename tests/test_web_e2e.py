"""The playground in a real headless browser: Debian's chromium driven by Playwright (no browser
download). Skips loudly without /usr/bin/chromium; under CI that is a failure instead."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path(os.environ.get("GO2RS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
ARTIFACTS = Path(os.environ.get("GO2RS_ARTIFACTS", ROOT / ".cache" / "test-artifacts"))

if not CHROMIUM.exists():
    message = (
        f"!!! {CHROMIUM} not found: the browser tests of `go2rs serve` cannot run. "
        "Install Debian's chromium (apt-get install chromium) or set GO2RS_CHROMIUM. !!!"
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)
if not os.environ.get("CI"):
    pytest.importorskip("playwright", reason="needs playwright (in the test extra)")
    pytest.importorskip("uvicorn", reason="needs the web extra")

# Imported after the chromium check above, so a missing browser skips before anything fails.
import uvicorn  # noqa: E402
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402

from go2rs.web.app import create_app  # noqa: E402
from go2rs.web.service import option_specs  # noqa: E402

SCREENSHOT_SOURCE = """package store

import (
	"errors"
	"sync"
)

// ErrNotFound is returned when no user has the given ID.
var ErrNotFound = errors.New("user not found")

var registry = map[string]*Store{}

// User is one account.
type User struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

// Store keeps users in memory.
type Store struct {
	mu    sync.RWMutex
	users map[string]*User
}

// Get returns the user with the given ID.
func (s *Store) Get(id string) (*User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[id]
	if !ok {
		return nil, ErrNotFound
	}
	return u, nil
}

// Put adds or replaces a user.
func (s *Store) Put(u *User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[u.ID] = u
}

func broken(a int, b string c) error {
	return nil
}
"""


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in this process."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(trusted_hosts=["127.0.0.1"]), log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(
        viewport={"width": 1400, "height": 860},
        permissions=["clipboard-read", "clipboard-write"],
    )
    tab = context.new_page()
    tab.set_default_timeout(8000)
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    tab.on("console", console)
    # Offline: the page must not ask anything of any other server.
    tab.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((base_url, "data:"))
            else problems.append(f"off-site request: {request.url}")
        ),
    )
    yield tab
    context.close()
    assert problems == []


def _translations(page: Page) -> int:
    return int(page.locator("body").get_attribute("data-translations") or 0)


# Waits are CSS selectors, not JS predicates: the page's Content-Security-Policy forbids the
# eval that wait_for_function needs, and the tests keep that policy on.
def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body:not([data-translations='0'])[data-state=idle]", state="attached")


def _wait_for_translation_after(page: Page, count: int) -> None:
    page.wait_for_selector(
        f"body:not([data-translations='{count}'])[data-state=idle]", state="attached"
    )


def _rust_text(page: Page) -> str:
    return str(page.evaluate("document.querySelector('#rust pre').textContent"))


def _api(base_url: str, source: str, **options: object) -> dict[str, Any]:
    import httpx2

    body = httpx2.post(
        f"{base_url}/api/translate", json={"source": source, "options": options}, timeout=30
    )
    result: dict[str, Any] = body.json()
    return result


def test_paste_a_go_function_and_see_the_rust(page: Page, base_url: str) -> None:
    _open(page, base_url + "/")
    assert "pub fn load_config" in _rust_text(page)  # the default example
    before = _translations(page)
    page.locator("#go").fill("package p\n\nfunc Add(a, b int) int {\n\treturn a + b\n}\n")
    _wait_for_translation_after(page, before)  # debounced: no click, no key
    assert "pub fn add(a: i64, b: i64) -> i64" in _rust_text(page)
    assert page.locator("#example").input_value() == ""
    assert "5 Go lines" in (page.locator("#status").text_content() or "")
    assert page.locator("#rust span.k").count() > 0  # highlighted on the server


def test_ctrl_enter_translates_at_once(page: Page, base_url: str) -> None:
    _open(page, base_url + "/")
    before = _translations(page)
    # Set the text without an input event: only Ctrl+Enter can start this translation.
    twice = "package p\nfunc Twice(x int) int { return 2 * x }\n"
    page.evaluate("text => { document.getElementById('go').value = text; }", twice)
    page.wait_for_timeout(500)
    assert _translations(page) == before
    page.locator("#go").press("Control+Enter")
    _wait_for_translation_after(page, before)
    assert "pub fn twice(x: i64) -> i64" in _rust_text(page)


def test_switching_options_changes_the_rust(page: Page, base_url: str) -> None:
    _open(page, base_url + "/")
    assert "// go2rs[E01]" in _rust_text(page)
    before = _translations(page)
    page.locator("select[data-option=comments]").select_option("none")
    _wait_for_translation_after(page, before)
    assert "go2rs[" not in _rust_text(page)
    assert "pub fn load_config" in _rust_text(page)
    if any(spec.name == "mode" for spec in option_specs()):  # once drafts exist
        before = _translations(page)
        page.locator("select[data-option=mode]").select_option("skeleton")
        _wait_for_translation_after(page, before)
        assert "todo!(" in _rust_text(page)


def test_clicking_a_diagnostic_highlights_the_go_and_rust_lines(page: Page, base_url: str) -> None:
    _open(page, base_url + "/")
    before = _translations(page)
    page.locator("#example").select_option("malformed/broken_params")
    _wait_for_translation_after(page, before)
    error = page.locator("#problems button[data-kind=error]")
    assert error.count() == 1
    assert "Go 7:27" in (error.text_content() or "")
    error.click()
    band = page.locator("#go-band")
    assert band.is_visible()
    assert (band.get_attribute("data-start"), band.get_attribute("data-end")) == ("7", "7")
    # The band sits on Go line 7: same top as the 7th line's place in the textarea.
    geometry = page.evaluate(
        """() => {
          const go = document.getElementById('go'), band = document.getElementById('go-band');
          const style = getComputedStyle(go);
          const line = parseFloat(style.lineHeight), pad = parseFloat(style.paddingTop);
          return {top: band.offsetTop, expected: pad + 6 * line - go.scrollTop};
        }"""
    )
    assert abs(geometry["top"] - geometry["expected"]) < 1
    lit = page.locator("#rust span.hl")
    assert lit.count() == 1
    assert (lit.text_content() or "").startswith("pub fn bad(")
    assert lit.get_attribute("id") == f"r-{error.get_attribute('data-rust-line')}"


def test_clicking_a_todo_highlights_its_go_lines(page: Page, base_url: str) -> None:
    _open(page, base_url + "/")
    before = _translations(page)
    page.locator("#example").select_option("malformed/truncated_struct")
    _wait_for_translation_after(page, before)
    todo = page.locator("#problems button[data-kind=todo]")
    assert todo.count() == 1
    todo.click()
    band = page.locator("#go-band")
    assert (band.get_attribute("data-start"), band.get_attribute("data-end")) == ("4", "7")
    assert "TODO(go2rs)" in (page.locator("#rust span.hl").text_content() or "")


def test_copy_puts_the_rust_on_the_clipboard(page: Page, base_url: str) -> None:
    _open(page, base_url + "/")
    source = page.locator("#go").input_value()
    page.locator("#copy").click()
    page.locator("#copy", has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == _api(base_url, source)["rust"]
    assert copied == _rust_text(page)


def test_the_url_reproduces_the_draft(page: Page, browser: Browser, base_url: str) -> None:
    _open(page, base_url + "/")
    before = _translations(page)
    draft = (
        "package p\n\n// Greet says hello. ünï 🦀\n"
        "func Greet(name string) string {\n\treturn name\n}\n"
    )
    page.locator("#go").fill(draft)
    _wait_for_translation_after(page, before)
    before = _translations(page)
    page.locator("select[data-option=comments]").select_option("brief")
    _wait_for_translation_after(page, before)
    deadline = time.monotonic() + 5
    while "#z=" not in page.url:  # the fragment is written right after each translation
        assert time.monotonic() < deadline, page.url
        page.wait_for_timeout(50)
    link = page.url
    assert len(link) < len(base_url) + 400  # compressed, and nothing but the draft
    other = browser.new_context().new_page()
    try:
        _open(other, link)
        assert other.locator("#go").input_value() == draft
        assert other.locator("select[data-option=comments]").input_value() == "brief"
        assert _rust_text(other) == _rust_text(page)
    finally:
        other.context.close()


def test_a_link_made_elsewhere_opens(page: Page, base_url: str) -> None:
    """The fragment format is plain deflate + base64url, so scripts can make links too."""
    draft = "package p\n\nfunc Answer() int {\n\treturn 42\n}\n"
    state = json.dumps({"source": draft, "options": {"comments": "none"}}).encode()
    packer = zlib.compressobj(level=9, wbits=-15)  # raw deflate, as CompressionStream writes
    packed = packer.compress(state) + packer.flush()
    fragment = base64.urlsafe_b64encode(packed).decode().rstrip("=")
    _open(page, f"{base_url}/#z={fragment}")
    assert page.locator("#go").input_value() == draft
    assert "pub fn answer() -> i64" in _rust_text(page)
    assert "go2rs[" not in _rust_text(page)


def test_screenshot(page: Page, base_url: str) -> None:
    """Saved as a test artifact; GO2RS_UPDATE_SCREENSHOT=1 also refreshes docs/playground.png."""
    _open(page, base_url + "/")
    before = _translations(page)
    page.locator("#go").fill(SCREENSHOT_SOURCE)
    page.locator("#go").press("Control+Enter")
    _wait_for_translation_after(page, before)
    page.wait_for_timeout(500)  # let the pending debounce run, so the shot shows settled output
    page.wait_for_selector("body[data-state=idle]", state="attached")
    page.locator("#problems button[data-kind=todo]").first.click()
    page.evaluate("document.getElementById('rust').scrollTop = 0")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "playground.png"
    page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1400, 860)
    assert len(data) > 30_000  # a blank or unstyled page compresses far smaller
    if os.environ.get("GO2RS_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, ROOT / "docs" / "playground.png")
