"""In a real browser: the organisation page's small map, provenance and sources, and the printable map
drawing its markers from inside the file (offline: every tile request is aborted)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from app.services import map_document
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

TILE_HOST = "tile.openstreetmap.org"  # the default tile_url's host


@pytest.fixture
def offline_page(browser: Any) -> Iterator[Any]:
    """A page whose tile requests fail, as offline; it records every other request and every error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.tile_requests = []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("dialog", lambda dialog: page.errors.append(f"dialog: {dialog.message}"))

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if urlsplit(url).hostname == TILE_HOST:
            page.tile_requests.append(url)
            request_route.abort()
        else:
            page.requests.append(url)
            request_route.continue_()

    page.route("**/*", route)
    yield page
    context.close()


def _real_errors(page: Any) -> list[str]:
    """Errors other than the aborted tiles' failed loads."""
    return [e for e in page.errors if "net::ERR_FAILED" not in e and "Failed to load resource" not in e]


def test_organisation_page_shows_its_map_provenance_and_sources(offline_page: Any, live_server: str) -> None:
    page = offline_page
    first = httpx.get(f"{live_server}/api/organisations?limit=1").json()["items"][0]
    page.goto(f"{live_server}/organisations/{first['slug']}")
    marker = page.locator("#organisation-map .leaflet-marker-icon")
    marker.wait_for(state="visible", timeout=10000)
    assert marker.count() == 1
    assert marker.get_attribute("title") == first["name"]
    assert page.tile_requests  # the map asked for tiles, which failed, and the page is still whole
    assert page.locator(".facts .provenance").first.inner_text().startswith("From Demo data, ")
    assert page.locator(".sources li").first.inner_text().startswith("Demo data, record demo-")
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    page.screenshot(path=str(ARTIFACTS / "organisation.png"), full_page=True)
    assert all(urlsplit(url).hostname == "127.0.0.1" for url in page.requests)
    assert _real_errors(page) == []


def test_keyboard_reaches_the_organisation_pages_json_link(offline_page: Any, live_server: str) -> None:
    page = offline_page
    first = httpx.get(f"{live_server}/api/organisations?limit=1").json()["items"][0]
    page.goto(f"{live_server}/organisations/{first['slug']}")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == first["links"]["self"]:
            break
    else:
        pytest.fail("the JSON link was not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{first['links']['self']}")
    assert first["name"] in page.content()


def test_printable_map_draws_its_markers_with_no_request_but_tiles(
    offline_page: Any, live_server: str
) -> None:
    page = offline_page
    response = httpx.get(f"{live_server}/export/map", params={"near": "OX4 1DD", "radius_km": 1})
    assert response.status_code == 200
    expected = httpx.get(
        f"{live_server}/api/organisations", params={"near": "OX4 1DD", "radius_km": 1, "limit": 500}
    ).json()["items"]
    page.set_content(response.text)
    markers = page.locator(".leaflet-marker-icon")
    markers.first.wait_for(state="visible", timeout=10000)
    assert markers.count() == len(expected) > 0
    assert page.locator("table.coopmap-table tbody tr").count() == len(expected)
    assert page.tile_requests
    assert page.requests == []  # Leaflet, its CSS and marker images are all inside the file
    page.screenshot(path=str(ARTIFACTS / "printable-map.png"), full_page=True)
    assert _real_errors(page) == []


def test_printable_map_shows_hostile_names_as_text(offline_page: Any) -> None:
    page = offline_page
    name = "<img src=x onerror=alert(1)> `${alert(2)}` {{ 7*7 }}"
    document = map_document.MapDocument(
        title="Test",
        made="Made now",
        rows=[map_document.MapRow(name, None, None, None, None, 51.75, -1.25)],
        truncated_at=None,
        tile_url=f"https://{TILE_HOST}/{{z}}/{{x}}/{{y}}.png",
        tile_attribution="© OpenStreetMap contributors",
        credits="Credits",
    )
    page.set_content(map_document.render(document))
    page.locator(".leaflet-marker-icon").click()
    assert page.locator(".leaflet-popup-content").inner_text() == name
    assert page.locator("table.coopmap-table td").first.inner_text() == name
    assert page.locator("img[src=x]").count() == 0
    assert page.requests == []
    assert _real_errors(page) == []
