"""The home page's map and list in a real browser: counts agree with the API, search narrows both, the
URL is the state, text stays text, the keyboard reaches everything, and /embed alone may be framed."""

from __future__ import annotations

import csv
import io
import random
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from sqlalchemy.orm import Session

from app.services.clusters import POINT_LIMIT
from tests.conftest import free_port
from tests.e2e.conftest import ARTIFACTS, serve
from tests.factories import add_located_organisations, make_organisation

pytestmark = pytest.mark.browser

OXFORD_CLOSE = {"bbox": "-1.26,51.74,-1.22,51.76", "zoom": "16"}
AROUND_TEST_ORGANISATION = {"bbox": "-1.27,51.74,-1.23,51.76", "zoom": "16"}  # factories' default place
XSS_NAME = "<img src=x onerror=window.__xss=1>"


def _page(browser: Any, base: str, width: int = 1280, height: int = 900) -> Any:
    """A page whose requests to anywhere but `base` fail at once (tests never reach the internet)."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route(lambda url: not url.startswith(base), lambda route: route.abort())
    page = context.new_page()
    page.errors = []
    page.on(
        "console",
        lambda msg: msg.type == "error" and "net::" not in msg.text and page.errors.append(msg.text),
    )
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh 1280x900 page on the demo server."""
    new_page = _page(browser, live_server)
    yield new_page
    new_page.context.close()


def draws(page: Any) -> int:
    """How many times the map has drawn an /api/map answer."""
    return int(page.evaluate("Number(document.documentElement.dataset.mapDraws || 0)"))


def wait_for_draw(page: Any, after: int) -> None:
    """Wait until the map has drawn more than `after` times."""
    page.wait_for_function(f"() => Number(document.documentElement.dataset.mapDraws || 0) > {after}")


def open_map(page: Any, url: str) -> None:
    """Open a map page and wait for its first drawing and its list."""
    page.goto(url)
    page.wait_for_function("() => document.documentElement.dataset.mapReady === '1'")
    page.wait_for_function("() => document.querySelector('#result-count').textContent.includes('on the map')")


def url_state(page: Any) -> dict[str, list[str]]:
    """The page URL's query, parsed."""
    return parse_qs(urlsplit(page.url).query)


def listed(base: str, params: dict[str, str]) -> list[dict[str, Any]]:
    """Every organisation /api/organisations finds for `params` (all pages)."""
    found: list[dict[str, Any]] = []
    query: dict[str, str] = {**params, "limit": "500"}
    while True:
        body = httpx.get(f"{base}/api/organisations", params=query).json()
        found.extend(body["items"])
        if body["next_cursor"] is None:
            return found
        query["cursor"] = body["next_cursor"]


VISIBLE_MARKER = """
() => {
  const box = document.querySelector("#map").getBoundingClientRect();
  const icons = [...document.querySelectorAll(".leaflet-marker-icon:not(.marker-cluster)")];
  return icons.findIndex((icon) => {
    const r = icon.getBoundingClientRect();
    return r.left > box.left + 40 && r.right < box.right - 40 && r.top > box.top + 80
      && r.bottom < box.bottom - 40;
  });
}
"""


def visible_marker(page: Any) -> Any:
    """An organisation's marker well inside the map's visible area."""
    index = page.evaluate(VISIBLE_MARKER)
    assert index >= 0, "no single marker is in view"
    return page.locator(".leaflet-marker-icon:not(.marker-cluster)").nth(index)


def shown_on_map(page: Any) -> int:
    """The number of organisations the map shows (its benchmark hook)."""
    return int(page.evaluate("Number(document.documentElement.dataset.mapShown)"))


def test_map_shows_what_the_api_finds_in_the_view(page: Any, live_server: str) -> None:
    open_map(page, live_server + "/")
    state = url_state(page)
    bbox, zoom = state["bbox"][0], state["zoom"][0]
    api = httpx.get(f"{live_server}/api/map", params={"bbox": bbox, "zoom": zoom}).json()
    in_view = [item for item in listed(live_server, {"bbox": bbox}) if item["latitude"] is not None]
    assert shown_on_map(page) == api["total"] == len(in_view) > 0
    assert page.locator("#results-list li.result").count() == min(50, len(in_view))
    assert page.evaluate("performance.getEntriesByName('coopmap:map-drawn').length") == 1
    page.click("#show-more")
    more = min(100, len(in_view))
    page.wait_for_function(f"() => document.querySelectorAll('#results-list li.result').length === {more}")
    names = page.locator("#results-list .result-name").all_inner_texts()
    assert len(set(names)) == more, "Show more repeats no organisation"
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=False)
    assert page.errors == []


def test_search_and_a_filter_narrow_map_and_list(page: Any, live_server: str) -> None:
    open_map(page, live_server + "/")
    everything = shown_on_map(page)
    before = draws(page)
    page.fill("#q", "food")
    page.click("#search-form button[type=submit]")
    wait_for_draw(page, before)
    page.wait_for_url("**q=food**")
    bbox = url_state(page)["bbox"][0]
    food = [item for item in listed(live_server, {"bbox": bbox, "q": "food"}) if item["latitude"] is not None]
    assert 0 < shown_on_map(page) == len(food) < everything
    names = page.locator("#results-list .result-name").all_inner_texts()
    assert names == [item["name"] for item in food[:50]]

    before = draws(page)
    page.select_option("#filter-sector", "Retail")
    wait_for_draw(page, before)
    page.wait_for_url("**sector=Retail**")
    retail = listed(live_server, {"bbox": bbox, "q": "food", "sector": "Retail"})
    assert 0 < shown_on_map(page) == len(retail) < len(food)
    page.wait_for_function(
        f"() => document.querySelectorAll('#results-list li.result').length === {len(retail)}"
    )
    assert page.errors == []


def test_clicking_a_marker_opens_its_popup(page: Any, live_server: str) -> None:
    open_map(page, f"{live_server}/?{urlencode(OXFORD_CLOSE)}")
    marker = visible_marker(page)
    name = marker.get_attribute("alt")
    marker.click()
    popup = page.locator(".leaflet-popup-content .popup-name")
    popup.wait_for()
    assert popup.inner_text() == name
    assert popup.get_attribute("href", timeout=1000).startswith("/organisations/")


def test_hovering_highlights_the_other_side(page: Any, live_server: str) -> None:
    open_map(page, f"{live_server}/?{urlencode(OXFORD_CLOSE)}")
    marker = visible_marker(page)
    name = marker.get_attribute("alt")
    item = page.locator("#results-list li.result", has=page.locator(".result-name", has_text=name)).first
    marker.hover()
    page.wait_for_function("() => document.querySelectorAll('#results-list li.is-highlighted').length === 1")
    assert "is-highlighted" in (item.get_attribute("class") or "")
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.querySelectorAll('#results-list li.is-highlighted').length === 0")
    item.hover()
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-marker-icon.is-highlighted').length === 1"
    )
    assert page.locator(".leaflet-marker-icon.is-highlighted").get_attribute("alt") == name


def test_the_url_holds_the_state_across_reload_and_back(page: Any, live_server: str) -> None:
    open_map(page, f"{live_server}/?q=housing")
    before = draws(page)
    page.locator("#map").focus()
    page.keyboard.press("Equal")
    wait_for_draw(page, before)
    zoomed = url_state(page)
    assert zoomed["q"] == ["housing"]
    shown = shown_on_map(page)
    names = page.locator("#results-list .result-name").all_inner_texts()
    page.reload()
    open_map(page, page.url)
    assert url_state(page) == zoomed
    assert page.input_value("#q") == "housing"
    assert shown_on_map(page) == shown
    assert page.locator("#results-list .result-name").all_inner_texts() == names

    before = draws(page)
    page.fill("#q", "bakery")
    page.press("#q", "Enter")
    wait_for_draw(page, before)
    assert url_state(page)["q"] == ["bakery"]
    before = draws(page)
    page.go_back()
    wait_for_draw(page, before)
    assert url_state(page) == zoomed
    assert page.input_value("#q") == "housing"
    assert shown_on_map(page) == shown


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server whose only organisation has a script in its name and a javascript: website."""

    def fill(session: Session) -> None:
        make_organisation(
            session, name=XSS_NAME, website="javascript:window.__xss=2", sector="Retail", locality="Oxford"
        )

    yield from serve(tmp_path_factory.mktemp("hostile") / "hostile.db", fill)


@pytest.fixture(scope="module")
def crowded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server with more organisations in view than the map gets as points."""
    rng = random.Random(5)
    points = [(rng.uniform(51.0, 52.0), rng.uniform(-2.0, 0.0)) for _ in range(POINT_LIMIT + 200)]
    yield from serve(
        tmp_path_factory.mktemp("crowded") / "crowded.db",
        lambda session: add_located_organisations(session, points),
    )


def test_server_clusters_add_up_and_open_with_the_keyboard(browser: Any, crowded_server: str) -> None:
    page = _page(browser, crowded_server)
    open_map(page, f"{crowded_server}/?bbox=-2.5,50.8,0.5,52.2&zoom=8")
    state = url_state(page)
    api = httpx.get(
        f"{crowded_server}/api/map", params={"bbox": state["bbox"][0], "zoom": state["zoom"][0]}
    ).json()
    assert api["mode"] == "clusters"
    counts = page.locator(".marker-cluster span").all_inner_texts()
    assert len(counts) == len(api["clusters"])
    assert sum(map(int, counts)) == shown_on_map(page) == api["total"] == POINT_LIMIT + 200
    before = draws(page)
    page.locator(".marker-cluster").first.focus()
    page.keyboard.press("Enter")
    wait_for_draw(page, before)
    assert int(url_state(page)["zoom"][0]) > 8
    page.context.close()


def test_stored_markup_is_shown_as_text_and_runs_nothing(browser: Any, hostile_server: str) -> None:
    page = _page(browser, hostile_server)
    open_map(page, f"{hostile_server}/?{urlencode(AROUND_TEST_ORGANISATION)}")
    assert page.locator("#results-list .result-name").inner_text() == XSS_NAME
    assert page.locator("#results-list img").count() == 0
    assert page.locator("#results-list a[href^='javascript']").count() == 0
    visible_marker(page).click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator(".popup-name").inner_text() == XSS_NAME
    assert popup.locator("img").count() == 0
    assert popup.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    page.context.close()


def test_markers_take_the_keyboard(page: Any, live_server: str) -> None:
    open_map(page, f"{live_server}/?{urlencode(OXFORD_CLOSE)}")
    marker = visible_marker(page)
    marker.focus()
    page.wait_for_function("() => document.querySelectorAll('#results-list li.is-highlighted').length === 1")
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content .popup-name")
    link.wait_for()
    assert link.inner_text() == marker.get_attribute("alt")
    assert page.evaluate("document.activeElement.classList.contains('popup-name')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisations/**")


def test_at_320_pixels_the_map_sits_above_the_list(browser: Any, live_server: str) -> None:
    page = _page(browser, live_server, width=320, height=640)
    open_map(page, live_server + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    map_box = page.locator("#map").bounding_box()
    list_box = page.locator("#results").bounding_box()
    assert map_box["width"] <= 320
    assert map_box["y"] + map_box["height"] <= list_box["y"]
    assert page.locator("#results-list li.result").count() > 0
    page.context.close()


def test_without_tiles_the_map_says_so_and_the_list_works(page: Any, live_server: str) -> None:
    open_map(page, live_server + "/")
    notice = page.locator("#map-notice")
    notice.wait_for(state="visible")
    assert notice.inner_text() == "Map background unavailable"
    first = page.locator("#results-list .result-name").first
    first.click()
    page.wait_for_url("**/organisations/**")


class _PartnerPage(BaseHTTPRequestHandler):
    """A partner's empty page, on another origin than the app (the test fills it with iframes)."""

    def do_GET(self) -> None:
        body = b"<!doctype html><title>Partner</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def partner_site() -> Iterator[str]:
    """Another origin on loopback (a public one may not frame loopback: Local Network Access)."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _PartnerPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_embed_can_be_framed_and_the_home_page_cannot(page: Any, live_server: str, partner_site: str) -> None:
    page.context.route(partner_site, lambda route: route.continue_())
    page.goto(partner_site)
    embed_url = f"{live_server}/embed?{urlencode(OXFORD_CLOSE)}"
    page.set_content(
        f'<iframe name="embed" src="{embed_url}" width="900" height="700"></iframe>'
        f'<iframe name="home" src="{live_server}/" width="900" height="700"></iframe>'
    )
    embed = page.frame(name="embed")
    embed.wait_for_function("() => document.documentElement.dataset.mapReady === '1'")
    assert embed.url.startswith(f"{live_server}/embed")
    assert embed.locator(".site-header").count() == 0
    link = embed.locator("#results-list .result-name").first
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("rel") == "noopener"
    home = page.frame(name="home")
    home.wait_for_load_state()
    assert not home.url.startswith(live_server), "the home page was shown inside a frame"
    assert any("frame-ancestors 'none'" in error for error in page.errors)


def test_an_unknown_postcode_is_announced(page: Any, live_server: str) -> None:
    open_map(page, live_server + "/")
    page.fill("#near", "ZZ1 1ZZ")
    page.press("#near", "Enter")
    count = page.locator("#result-count")
    page.wait_for_function("() => document.querySelector('#result-count').textContent.includes('ZZ1 1ZZ')")
    assert count.get_attribute("aria-live") == "polite"
    assert "postcode" in count.inner_text()


def test_find_food_near_a_postcode_open_one_and_export_the_list(page: Any, live_server: str) -> None:
    open_map(page, live_server + "/")
    page.fill("#q", "food")
    page.fill("#near", "OX4 1DD")
    page.fill("#radius_km", "3")
    page.click("#search-form button[type=submit]")
    page.wait_for_url("**near=OX4**")
    expected = listed(live_server, {"q": "food", "near": "OX4 1DD", "radius_km": "3"})
    assert expected
    names = [item["name"] for item in expected[:50]]
    page.wait_for_function(
        "(first) => document.querySelector('#results-list .result-name')?.textContent === first", arg=names[0]
    )
    assert page.locator("#results-list .result-name").all_inner_texts() == names
    assert page.locator("#export-print").get_attribute("href").startswith("/export/map?")

    page.locator("#results-list .result-name").first.click()
    page.wait_for_url("**/organisations/**")
    assert page.locator("h1").inner_text() == names[0]
    page.go_back()
    page.wait_for_url("**near=OX4**")

    with page.expect_download() as download_info:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(download_info.value.path().read_text(encoding="utf-8"))))
    assert [row["name"] for row in rows] == [item["name"] for item in expected]
