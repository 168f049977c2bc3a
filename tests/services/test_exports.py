"""The printable map of a search, on both engines: rows, truncation, title, credits, escaping, no CDN."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.services import exports, search
from app.services.search import SearchQuery
from tests.factories import make_organisation

LOOK = exports.MapLook("Coopmap", "https://tiles.example/{z}/{x}/{y}.png", "© Example tiles {contributors}")
NOON = datetime(2026, 3, 4, 12, 30, tzinfo=UTC)


def _export(session: Session, query: SearchQuery, cap: int = 5000) -> exports.MapExport:
    return exports.printable_map(session, query, look=LOOK, cap=cap, now=NOON)


def _marker_rows(page: str) -> list[dict[str, object]]:
    data = re.search(r'<script type="application/json" id="coopmap-rows">(.*?)</script>', page, re.S)
    assert data
    rows: list[dict[str, object]] = json.loads(data.group(1))["rows"]
    return rows


def _search_names(session: Session, query: SearchQuery) -> list[str]:
    return [hit.row.name for hit in search.search(session, query, limit=5000).hits]


def test_map_lists_and_marks_every_result_of_the_search(session: Session) -> None:
    query = SearchQuery(near="OX4 1DD", radius_km=2, q="food")
    made = _export(session, query)
    expected = _search_names(session, query)
    assert made.count == len(expected) > 0
    assert not made.truncated
    assert [row["name"] for row in _marker_rows(made.html)] == expected
    table = made.html.split('<table class="coopmap-table">', 1)[1]
    assert table.count("<tr><td>") == len(expected)
    assert "The search found more organisations" not in made.html


def test_map_is_cut_at_the_cap_and_says_so(session: Session) -> None:
    query = SearchQuery(near="OX4 1DD", radius_km=3)
    made = _export(session, query, cap=4)
    assert made.truncated
    assert made.count == 4
    assert [row["name"] for row in _marker_rows(made.html)] == _search_names(session, query)[:4]
    assert "only the first 4 are included" in made.html


def test_a_search_of_exactly_the_cap_is_not_cut(session: Session) -> None:
    query = SearchQuery(near="OX4 1DD", radius_km=1)
    total = len(_search_names(session, query))
    made = _export(session, query, cap=total)
    assert (made.count, made.truncated) == (total, False)


def test_title_says_what_the_search_was_and_when(session: Session) -> None:
    query = SearchQuery(q="bakery", near="ox4 1dd", radius_km=3, filters={"sector": ["Manufacturing"]})
    made = _export(session, query)
    title = "Coopmap: Organisations matching “bakery”; within 3 km of OX4 1DD; sector: Manufacturing"
    assert f"<title>{title}</title>" in made.html
    assert f"<h1>{title}</h1>" in made.html
    assert "Made 4 March 2026 at 12:30 UTC" in made.html
    assert made.filename == "coopmap-map-2026-03-04.html"
    assert "<title>Coopmap: All organisations</title>" in _export(session, SearchQuery(), cap=1).html


def test_credits_name_the_sources_and_the_tiles(session: Session) -> None:
    make_organisation(session, source="coops-uk", name="Credited Co-operative", latitude=51.1, longitude=-1.1)
    made = _export(session, SearchQuery(q="Credited Co-operative"))
    credits = re.search(r'<p class="coopmap-credits">(.*?)</p>', made.html)
    assert credits
    assert "Co-operatives UK" in credits.group(1)
    assert "ODC-By 1.0" in credits.group(1)
    assert "Map tiles: © Example tiles {contributors}" in credits.group(1)


def test_tiles_come_from_settings_and_nothing_else_is_linked(session: Session) -> None:
    page = _export(session, SearchQuery(bbox="-1.30,51.70,-1.20,51.80")).html
    assert '"https://tiles.example/{z}/{x}/{y}.png"' in page
    assert re.findall(r"<script[^>]*\ssrc=", page) == []
    assert re.findall(r"<link[^>]*\shref=", page) == []
    for cdn_host in ("cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "bootstrapcdn.com"):
        assert cdn_host not in page
    assert "L.map(" in page
    assert "Leaflet" in page


def test_user_text_is_escaped_in_the_table_and_is_data_for_the_markers(session: Session) -> None:
    make_organisation(
        session,
        name="<img src=x onerror=alert(1)> `${alert(2)}` {{ 7*7 }}",
        sector="</script><script>alert(3)</script>",
        website="javascript:alert(4)",
        latitude=51.2,
        longitude=-1.2,
    )
    page = _export(session, SearchQuery(bbox="-1.3,51.1,-1.1,51.3")).html
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "</script><script>alert(3)" not in page
    assert "javascript:alert(4)" not in page
    # The name reaches the markers as JSON data, verbatim: branca's template pass never saw it.
    assert _marker_rows(page)[0]["name"] == "<img src=x onerror=alert(1)> `${alert(2)}` {{ 7*7 }}"
    # The table shows the braces as typed: no template engine rendered them to 49.
    assert "&lt;img src=x onerror=alert(1)&gt; `${alert(2)}` {{ 7*7 }}" in page


def test_tile_attribution_braces_do_not_reach_a_template(session: Session) -> None:
    look = exports.MapLook("Coopmap", "https://tiles.example/{z}/{x}/{y}.png", "{{ 7*7 }} tiles")
    page = exports.printable_map(session, SearchQuery(), look=look, cap=2).html
    # HTML entities (Leaflet shows attribution as HTML), JSON-escaped by folium: braces for the reader only.
    assert "\\u0026#123;\\u0026#123; 7*7 \\u0026#125;\\u0026#125; tiles" in page
    assert "49 tiles" not in page


def test_bad_input_names_the_parameter(session: Session) -> None:
    with pytest.raises(InvalidInput) as raised:
        _export(session, SearchQuery(bbox="1,2"))
    assert raised.value.field == "bbox"
