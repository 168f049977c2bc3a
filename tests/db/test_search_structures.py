"""The dialect's spatial and text structures follow the organisations table on each engine."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

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
