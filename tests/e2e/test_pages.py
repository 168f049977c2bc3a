"""The pages in a real browser: they render, follow the CSP without errors, and work with a keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page that records console errors and CSP violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    new_page.errors = []
    new_page.on("console", lambda msg: msg.type == "error" and new_page.errors.append(msg.text))
    new_page.on("pageerror", lambda exc: new_page.errors.append(str(exc)))
    yield new_page
    context.close()


def test_home_without_javascript_lists_the_urls_search(browser: Any, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    static = context.new_page()
    static.goto(live_server + "/?q=housing")
    expected = httpx.get(f"{live_server}/api/organisations?q=housing&limit=50").json()["items"]
    names = static.locator("#results-list .result-name").all_inner_texts()
    assert names == [item["name"] for item in expected] != []
    assert static.locator("#json-twin").get_attribute("href") == "/api/organisations?q=housing"
    response = static.goto(live_server + "/?near=ZZ1+1ZZ")
    assert response is not None
    assert response.status == 422
    assert "near must be a UK postcode" in static.locator("#search-error").inner_text()
    assert static.locator("#near").get_attribute("aria-invalid") == "true"
    assert static.input_value("#near") == "ZZ1 1ZZ"
    context.close()


def test_keyboard_reaches_an_organisation_page(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('result-name')"):
            break
    else:
        pytest.fail("no organisation link was reachable with Tab")
    name = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisations/**")
    assert page.locator("h1").inner_text() == name
    assert not [e for e in page.errors if "net::" not in e]


def test_api_docs_render_from_vendored_assets_under_the_csp(page: Any, live_server: str) -> None:
    page.goto(live_server + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "Coopmap API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/organisations").count() >= 1
    assert not [e for e in page.errors if "Content Security Policy" in e]


def test_home_is_usable_at_320_pixels(browser: Any, live_server: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    narrow = context.new_page()
    narrow.goto(live_server + "/")
    scroll_width = narrow.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    context.close()
