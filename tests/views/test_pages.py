"""Server-rendered pages: the home list, an organisation's page, errors, docs, security headers."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.factories import make_organisation

HTML = {"accept": "text/html"}


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
        source="test-register",
        name="Cowley Road Bakers",
        sector="Food service, Accommodation and Pubs",
    )
    session.commit()
    page = client.get(f"/organisations/{org.slug}", headers=HTML)
    assert page.status_code == 200
    assert "<h1>Cowley Road Bakers</h1>" in page.text
    assert "Food service, Accommodation and Pubs" in page.text
    assert "from test-register" in page.text
    assert f'href="/api/organisations/{org.public_id}"' in page.text


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
