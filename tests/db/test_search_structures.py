"""The dialect's spatial and text structures follow the organisations table on each engine."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.dialect import organisation_batch_insert
from app.db.models import Organisation
from app.db.repositories.matching import MatchingRepository
from app.services.linking import new_public_id
from tests.factories import make_organisation


def rtree_row(session: Session, org_id: int) -> tuple[float, float] | None:
    row = session.execute(
        text("SELECT min_lat, min_lon FROM organisations_rtree WHERE id = :i"), {"i": org_id}
    ).first()
    return None if row is None else (row[0], row[1])


def postgis_point(session: Session, org_id: int) -> tuple[float, float] | None:
    row = session.execute(
        text("SELECT ST_Y(geog::geometry), ST_X(geog::geometry) FROM organisations WHERE id = :i"),
        {"i": org_id},
    ).first()
    return None if row is None or row[0] is None else (row[0], row[1])


def indexed_point(session: Session, org_id: int) -> tuple[float, float] | None:
    """The point the spatial index holds for an organisation, on either engine."""
    if session.get_bind().dialect.name == "sqlite":
        return rtree_row(session, org_id)
    return postgis_point(session, org_id)


def text_hits(session: Session, word: str) -> set[int]:
    """Organisation ids whose indexed text contains the word."""
    if session.get_bind().dialect.name == "sqlite":
        sql = "SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH :w"
    else:
        sql = "SELECT id FROM organisations WHERE search_tsv @@ plainto_tsquery('simple', :w)"
    return set(session.scalars(text(sql), {"w": word}))


def test_spatial_index_follows_insert_update_and_delete(session: Session) -> None:
    org = make_organisation(session, latitude=51.7482, longitude=-1.2386)
    point = indexed_point(session, org.id)
    assert point == pytest.approx((51.7482, -1.2386), abs=1e-4)
    org.latitude, org.longitude = 53.7632, -2.7031
    session.flush()
    assert indexed_point(session, org.id) == pytest.approx((53.7632, -2.7031), abs=1e-4)
    org.latitude = org.longitude = None
    session.flush()
    assert indexed_point(session, org.id) is None
    org_id = org.id
    session.delete(org)
    session.flush()
    assert indexed_point(session, org_id) is None


def test_text_index_follows_name_and_description(session: Session) -> None:
    org = make_organisation(session, name="Quokkaberry Workers Co-operative", description="Sourdough and rye")
    assert text_hits(session, "quokkaberry") == {org.id}
    assert org.id in text_hits(session, "sourdough")
    org.name = "Wombatfield Co-operative"
    session.flush()
    assert text_hits(session, "quokkaberry") == set()
    assert text_hits(session, "wombatfield") == {org.id}


def batch_row(name: str, latitude: float | None, longitude: float | None) -> dict[str, Any]:
    now = utcnow()
    return {
        "public_id": new_public_id(),
        "slug": name.lower().replace(" ", "-"),
        "name": name,
        "sort_name": name.lower(),
        "latitude": latitude,
        "longitude": longitude,
        "visibility": "public",
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def test_a_batch_insert_indexes_its_rows_and_the_indexes_follow_later_rows_again(
    session: Session,
) -> None:
    earlier = make_organisation(session, name="Numbatvale Bakery")
    rows = [batch_row("Quollbridge Housing", 53.48, -2.24), batch_row("Bilbyford Stores", None, None)]
    ids = MatchingRepository(session).insert_organisations(rows)
    assert text_hits(session, "quollbridge") == {ids[0]}
    assert text_hits(session, "bilbyford") == {ids[1]}
    assert text_hits(session, "numbatvale") == {earlier.id}  # not indexed twice, not lost
    assert indexed_point(session, ids[0]) == pytest.approx((53.48, -2.24), abs=1e-4)
    assert indexed_point(session, ids[1]) is None
    later = make_organisation(session, name="Dunnartown Cycles", latitude=50.72, longitude=-3.53)
    assert text_hits(session, "dunnartown") == {later.id}
    assert indexed_point(session, later.id) == pytest.approx((50.72, -3.53), abs=1e-4)


def test_a_batch_that_fails_and_is_carried_past_still_indexes_what_it_inserted(session: Session) -> None:
    def insert_then_fail() -> None:
        with organisation_batch_insert(session):
            session.execute(insert(Organisation), [batch_row("Kowarifield Farm", 52.2, 0.12)])
            raise RuntimeError("halfway")

    with pytest.raises(RuntimeError, match="halfway"):
        insert_then_fail()
    inserted = session.scalars(text("SELECT id FROM organisations WHERE name = 'Kowarifield Farm'")).one()
    assert text_hits(session, "kowarifield") == {inserted}
    assert indexed_point(session, inserted) == pytest.approx((52.2, 0.12), abs=1e-4)
    later = make_organisation(session, name="Potoroo Press")
    assert text_hits(session, "potoroo") == {later.id}


@pytest.mark.parametrize("engine", [pytest.param("postgis", marks=pytest.mark.postgis)], indirect=True)
def test_postgis_spatial_index_is_used_for_radius_queries(session: Session) -> None:
    session.execute(text("SET LOCAL enable_seqscan = off"))
    plan = "\n".join(
        session.scalars(
            text(
                "EXPLAIN SELECT id FROM organisations WHERE ST_DWithin(geog, "
                "ST_SetSRID(ST_MakePoint(-1.25, 51.75), 4326)::geography, 2000)"
            )
        )
    )
    assert "ix_organisations_geog" in plan
