"""The home page and /embed: the server-rendered list for the URL's search, its links, framing rules."""

from __future__ import annotations

import html
import json
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.main import create_app
from tests.factories import make_organisation

HTML = {"accept": "text/html"}
OXFORD = "-1.40,51.65,-1.10,51.85"


def listed_slugs(page: str) -> list[str]:
    return re.findall(r'class="result-name" href="/organisations/([^"]+)"', page)


def map_config(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="map-config">(.*?)</script>', page, re.S)
    assert match
    loaded: dict[str, object] = json.loads(match.group(1))
    return loaded


def test_home_lists_the_urls_search_with_its_json_twin_and_exports(client: TestClient) -> None:
    page = client.get("/", params={"q": "food", "bbox": OXFORD}, headers=HTML).text
    expected = client.get("/api/organisations", params={"q": "food", "bbox": OXFORD, "limit": 50}).json()
    assert expected["items"]
    assert listed_slugs(page) == [item["slug"] for item in expected["items"]]
    query = "q=food&amp;bbox=-1.40%2C51.65%2C-1.10%2C51.85"
    assert f'href="/api/organisations?{query}"' in page
    assert f'href="/api/organisations?{query}&amp;format=csv"' in page
    assert f'href="/api/organisations?{query}&amp;format=geojson"' in page
    assert f'href="/export/map?{query}"' in page
    assert 'value="food"' in page
    assert 'aria-live="polite"' in page


def test_home_around_a_postcode_lists_the_whole_radius(client: TestClient) -> None:
    params = {"near": "OX4 1DD", "radius_km": "3", "bbox": "-1.24,51.74,-1.23,51.75"}
    page = client.get("/", params=params, headers=HTML).text
    expected = client.get("/api/organisations", params={"near": "OX4 1DD", "radius_km": 3}).json()
    assert listed_slugs(page) == [item["slug"] for item in expected["items"]]
    assert "km</span>" in page  # distances are shown
    centre = map_config(page)["centre"]
    assert isinstance(centre, dict)
    assert centre["radiusKm"] == 3


def test_home_filter_menus_offer_the_values_in_use(client: TestClient) -> None:
    page = client.get("/", params={"sector": "housing"}, headers=HTML).text
    sectors = client.get("/api/filters").json()["filters"]["sector"]
    for value in sectors:
        assert f'<option value="{html.escape(value["value"])}"' in page
    assert re.search(r'<option value="Housing" selected>', page)
    assert "<legend>Filters</legend>" in page
    housing = client.get("/api/organisations", params={"sector": "Housing", "limit": 50}).json()["items"]
    assert listed_slugs(page) == [item["slug"] for item in housing]


def test_home_ignores_blank_form_fields(client: TestClient) -> None:
    response = client.get("/?q=&near=&radius_km=&sector=&status=", headers=HTML)
    assert response.status_code == 200
    assert len(listed_slugs(response.text)) == 50


def test_home_with_an_unknown_postcode_is_an_html_422(client: TestClient) -> None:
    response = client.get("/", params={"near": "ZZ9 9ZZ"}, headers=HTML)
    assert response.status_code == 422
    assert "near must be a UK postcode" in response.text


def test_home_list_escapes_stored_markup_and_links_only_http_websites(
    client: TestClient, session: Session
) -> None:
    make_organisation(session, name="<img src=x onerror=alert(1)> Zedland", website="javascript:alert(2)")
    make_organisation(session, name="Zedland Safe Co-op", website="https://safe.example/")
    session.commit()
    page = client.get("/", params={"q": "zedland"}, headers=HTML).text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; Zedland" in page
    assert 'href="javascript:' not in page
    assert 'href="https://safe.example/"' in page


def test_map_config_is_json_data_that_cannot_end_its_script(settings: Settings, database: Database) -> None:
    hostile = settings.model_copy(update={"tile_attribution": "</script><script>alert(1)</script>"})
    with TestClient(create_app(hostile, database)) as client:
        page = client.get("/", headers=HTML).text
    assert "<script>alert(1)" not in page
    assert map_config(page)["tileAttribution"] == "</script><script>alert(1)</script>"


def test_embed_is_frameable_and_opens_organisations_in_a_new_tab(client: TestClient) -> None:
    response = client.get("/embed", params={"q": "food", "bbox": OXFORD}, headers=HTML)
    assert response.status_code == 200
    assert "x-frame-options" not in response.headers
    assert "frame-ancestors *" in response.headers["content-security-policy"]
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    assert 'class="site-header"' not in page
    assert 'class="site-footer"' not in page
    links = re.findall(r'<a class="result-name" href="/organisations/[^"]+"([^>]*)>', page)
    assert links
    assert all('target="_blank" rel="noopener"' in attributes for attributes in links)
    assert map_config(page)["embed"] is True


def test_every_other_page_refuses_to_be_framed(client: TestClient, session: Session) -> None:
    org = make_organisation(session)
    session.commit()
    for path in ("/", f"/organisations/{org.slug}", "/docs", "/api/organisations", "/embed/x", "/embedx"):
        headers = client.get(path, headers=HTML).headers
        assert headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path


def test_embed_frame_ancestors_come_from_the_setting(settings: Settings, database: Database) -> None:
    partners = "https://www.oxford.gov.uk https://*.example.org"
    app: FastAPI = create_app(settings.model_copy(update={"embed_frame_ancestors": partners}), database)
    with TestClient(app) as client:
        csp = client.get("/embed", headers=HTML).headers["content-security-policy"]
        assert f"frame-ancestors {partners};" in csp
        assert "frame-ancestors 'none'" in client.get("/", headers=HTML).headers["content-security-policy"]
