"""Server-rendered pages: the home list, an organisation's page, errors, docs, security headers."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.services import ingestion
from tests.factories import make_organisation

HTML = {"accept": "text/html"}


def _day(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def _text(fragment: str) -> str:
    """The fragment's text, tags dropped and white space collapsed."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([,.:;)])", r"\1", text)


def _facts(page: str) -> dict[str, str]:
    """The page's facts list as label -> text (value and provenance)."""
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", page, re.S)
    return {_text(label): _text(value) for label, value in pairs}


def test_home_lists_organisations_and_links_docs_and_json_twin(client: TestClient) -> None:
    response = client.get("/", headers=HTML)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    first_page = client.get("/api/organisations?limit=50").json()["items"]
    for item in first_page:
        assert f'href="/organisations/{item["slug"]}"' in response.text
    assert 'href="/docs"' in response.text
    assert 'href="/api/organisations"' in response.text


def test_home_next_page_link_continues_the_list(client: TestClient) -> None:
    first = client.get("/", headers=HTML).text
    match = re.search(r'rel="next" href="(/\?cursor=[^"]+)"', first)
    assert match
    second = client.get(match.group(1).replace("&amp;", "&"), headers=HTML)
    assert second.status_code == 200
    page_two = client.get("/api/organisations?limit=50").json()["next_cursor"]
    expected = client.get(f"/api/organisations?limit=50&cursor={page_two}").json()["items"][0]
    assert f'/organisations/{expected["slug"]}"' in second.text


def test_organisation_page_shows_facts_provenance_and_json_twin(client: TestClient, session: Session) -> None:
    org = make_organisation(
        session,
        source="coops-uk",
        name="Cowley Road Bakers",
        sector="Food service, Accommodation and Pubs",
        legal_form="Society",
        street_address="1 Cowley Road",
        locality="Oxford",
        postcode="OX4 1AA",
    )
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML)
    assert page.status_code == 200
    assert "<h1>Cowley Road Bakers</h1>" in page.text
    today = _day(utcnow())
    facts = _facts(page.text)
    assert facts["Sector"] == f"Food service, Accommodation and Pubs From Co-operatives UK, {today}"
    assert facts["Legal form"] == f"Society From Co-operatives UK, {today}"
    assert facts["Address"] == f"1 Cowley Road, Oxford, OX4 1AA From Co-operatives UK, {today}"
    assert f"Last verified {today}." in page.text
    assert page.text.count(f'href="/api/organisations/{org.public_id}"') >= 2  # the page and the footer


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("coops-uk", "Co-operatives UK"),
        ("fca", "FCA Mutuals Public Register"),
        ("digitalcommons:owned-by-oxford", "Digital Commons export (owned-by-oxford)"),
        ("community", "Community submission"),
        ("demo", "Demo data"),
    ],
)
def test_organisation_page_names_sources_in_words(
    client: TestClient, session: Session, source: str, words: str
) -> None:
    org = make_organisation(session, source=source, sector="Housing")
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    assert _facts(page)["Sector"] == f"Housing From {words}, {_day(utcnow())}"
    assert f"<strong>{words}</strong>, record {source}-" in page


def test_organisation_page_lists_sources_with_status_and_dates(client: TestClient, session: Session) -> None:
    org = make_organisation(session, source="fca")
    session.commit()
    today = _day(utcnow())
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    source = _text(page.split('<ul class="sources">', 1)[1].split("</ul>", 1)[0])
    assert re.fullmatch(
        rf"FCA Mutuals Public Register, record fca-\d+: live \(first seen {today}, last seen {today}\)",
        source,
    )


def test_organisation_page_says_a_missing_record_left_the_register(
    client: TestClient, session: Session
) -> None:
    org = make_organisation(session, source="fca")
    ingestion.mark_missing(session, source="fca", present_ids=set(), run_id=None)
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    assert 'class="source source-missing"' in page
    assert f"no longer in the register since {_day(utcnow())}" in _text(page)


def test_organisation_page_draws_its_small_map_from_json_data(client: TestClient, session: Session) -> None:
    org = make_organisation(session, name="Mapped </script> Co-op", latitude=51.7, longitude=-1.2)
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    data = re.search(
        r'<script type="application/json" id="organisation-map-config">(.*?)</script>', page, re.S
    )
    assert data
    config = json.loads(data.group(1))
    assert config["latitude"] == 51.7
    assert config["longitude"] == -1.2
    assert config["name"] == "Mapped </script> Co-op"
    assert config["tile_url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert 'id="organisation-map"' in page
    assert '<script src="/static/js/organisation.js" defer></script>' in page
    assert '<link rel="stylesheet" href="/static/css/organisation.css">' in page


def test_organisation_page_without_a_location_has_no_map(client: TestClient, session: Session) -> None:
    org = make_organisation(session, latitude=None, longitude=None, location_precision="none")
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    assert "organisation-map" not in page
    assert "leaflet" not in page


def test_organisation_page_links_its_edit_form(client: TestClient, session: Session) -> None:
    org = make_organisation(session)
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    assert "Is this your organisation?" in page
    assert f'<a href="/organisations/{org.slug}/edit">Suggest an edit</a>' in page
    assert client.get(f"/organisations/{org.slug}/edit", headers=HTML).status_code == 200


def test_organisation_page_escapes_stored_markup(client: TestClient, session: Session) -> None:
    org = make_organisation(
        session,
        name='<img src=x onerror="alert(1)">',
        description="<script>alert('x')</script>",
        website="javascript:alert(1)",
    )
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    assert "<img src=x" not in page
    assert "<script>alert" not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert 'href="javascript:' not in page


def test_organisation_page_hides_unconsented_email(client: TestClient, session: Session) -> None:
    org = make_organisation(session, email="secret@example.org", email_consent=False)
    session.commit()
    assert "secret@example.org" not in client.get(f"/organisations/{org.slug}", headers=HTML).text


def test_organisation_page_shows_a_consented_email_and_an_http_website(
    client: TestClient, session: Session
) -> None:
    org = make_organisation(
        session, email="hello@example.org", email_consent=True, website="https://bakers.example/"
    )
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    assert _facts(page)["Email"].startswith("hello@example.org From test")
    assert '<a href="https://bakers.example/" rel="nofollow noopener">https://bakers.example/</a>' in page


def test_unknown_organisation_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/organisations/no-such-organisation", headers=HTML)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Not found" in response.text


def test_bad_home_cursor_is_an_html_422(client: TestClient) -> None:
    response = client.get("/?cursor=garbage", headers=HTML)
    assert response.status_code == 422
    assert "cursor is not valid" in response.text


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    headers = client.get("/", headers=HTML).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script(client: TestClient) -> None:
    for path in ("/", "/docs"):
        html = client.get(path, headers=HTML).text
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)


@pytest.mark.parametrize("path", ["/", "/docs"])
def test_pages_load_every_asset_locally(client: TestClient, path: str) -> None:
    html = client.get(path, headers=HTML).text
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), f"{path} loads {asset} from elsewhere"
        assert client.get(asset).status_code == 200


def test_organisation_page_has_no_inline_script_and_loads_assets_locally(
    client: TestClient, session: Session
) -> None:
    org = make_organisation(session)
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML).text
    for tag in re.findall(r"<script[^>]*>", page):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)
    assert "/static/vendor/leaflet/leaflet.js" in assets
    assert "/static/js/organisation.js" in assets
    for asset in assets:
        assert asset.startswith("/static/")
        assert client.get(asset).status_code == 200
