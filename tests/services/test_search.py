"""Search on both engines: the same ids for the same queries, and radius results equal to brute force."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.domain.geo import Point, haversine_m
from app.services.search import SearchQuery, search
from tests.factories import add_located_organisations

QUERIES = [
    SearchQuery(),
    SearchQuery(q="cooprative bakry"),
    SearchQuery(q="housing"),
    SearchQuery(q="solar energy"),
    SearchQuery(near="OX4 1DD", radius_km=3),
    SearchQuery(near="53.4808,-2.2426", radius_km=5, filters={"sector": ["Housing"]}),
    SearchQuery(bbox="-1.30,51.70,-1.20,51.80"),
    SearchQuery(bbox="-3.3,51.4,-3.1,51.6", filters={"status": ["active"]}),
    SearchQuery(area="custom:east-oxford"),
    SearchQuery(area="council:demo-manchester", q="co-op"),
    SearchQuery(near="OX4 1DD", radius_km=5, q="food"),
    SearchQuery(filters={"legal_form": ["Society"], "ownership_type": ["Workers"]}),
]


def _all_ids(session: Session, query: SearchQuery) -> list[str]:
    # Slugs, not public ids: public ids are random per database, slugs follow the (same) load order.
    ids: list[str] = []
    cursor = None
    while True:
        result = search(session, query, limit=37, cursor=cursor)
        ids.extend(hit.row.slug for hit in result.hits)
        cursor = result.next_cursor
        if cursor is None:
            return ids


@pytest.fixture
def both(sqlite_engine: Engine, postgis_engine: Engine) -> Iterator[tuple[Session, Session]]:
    """Read-only sessions on the demo data of each engine."""
    with sessionmaker(bind=sqlite_engine)() as lite, sessionmaker(bind=postgis_engine)() as pg:
        yield lite, pg
        lite.rollback()
        pg.rollback()


@pytest.mark.postgis
@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_the_same_query_returns_the_same_ids_on_both_engines(
    both: tuple[Session, Session], query: SearchQuery
) -> None:
    lite, pg = both
    from_sqlite = _all_ids(lite, query)
    assert from_sqlite, "every parity query should match some demo organisations"
    assert _all_ids(pg, query) == from_sqlite


UK_POINTS = st.tuples(st.floats(51.0, 51.2), st.floats(-1.2, -0.9))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    points=st.lists(UK_POINTS, min_size=1, max_size=40),
    centre=UK_POINTS,
    radius_km=st.floats(0.0, 20.0),
)
def test_radius_results_equal_brute_force_haversine(
    session: Session, points: list[tuple[float, float]], centre: tuple[float, float], radius_km: float
) -> None:
    nested = session.begin_nested()
    try:
        ids = add_located_organisations(session, points)
        by_id = dict(zip(ids, points, strict=True))
        middle = Point(*centre)
        result = search(
            session, SearchQuery(near=f"{centre[0]!r},{centre[1]!r}", radius_km=radius_km), limit=500
        )
        found = {hit.row.id: hit.distance_m for hit in result.hits if hit.row.id in by_id}
        radius_m = radius_km * 1000
        for org_id, (lat, lon) in by_id.items():
            exact = haversine_m(middle, Point(lat, lon))
            if abs(exact - radius_m) < 1e-3:
                continue  # on the circle to within a millimetre: either answer is right
            assert (org_id in found) is (exact <= radius_m), (org_id, exact, radius_m)
            if org_id in found:
                assert found[org_id] == pytest.approx(exact, abs=1e-3)
        distances = [hit.distance_m for hit in result.hits]
        assert distances == sorted(distances)  # type: ignore[type-var]
    finally:
        nested.rollback()
