"""The pages in a real browser: they render, follow the CSP without errors, and work with a keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import ARTIFACTS

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


def test_home_lists_the_first_page_of_organisations(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    expected = httpx.get(f"{live_server}/api/organisations?limit=50").json()["items"]
    rows = page.locator("table.org-table tbody tr")
    assert rows.count() == len(expected) == 50
    assert rows.first.locator("a").inner_text() == expected[0]["name"]
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=False)
    assert page.errors == []


def test_keyboard_reaches_an_organisation_page(page: Any, live_server: str) -> None:
    first = httpx.get(f"{live_server}/api/organisations?limit=1").json()["items"][0]
    page.goto(live_server + "/")
    # Tab order: skip link, brand, two nav links, the intro's two links, then the first organisation.
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == f"/organisations/{first['slug']}":
            break
    else:
        pytest.fail("the first organisation link was not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/organisations/{first['slug']}")
    assert page.locator("h1").inner_text() == first["name"]
    assert page.errors == []


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
