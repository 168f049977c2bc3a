"""The postcode cache on SQLite and PostGIS: batched upserts, chunked look-ups, district centroids."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.db.repositories.postcodes import DISTRICT_ORIGIN, UPSERT_BATCH, PostcodeRepository

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def row(
    postcode: str,
    latitude: float | None,
    longitude: float | None,
    *,
    origin: str = "table",
    at: datetime = T0,
) -> dict[str, Any]:
    return {
        "postcode": postcode,
        "district": postcode.split(" ")[0],
        "latitude": latitude,
        "longitude": longitude,
        "origin": origin,
        "fetched_at": at,
    }


def synthetic_postcodes(count: int) -> list[str]:
    """Distinct well-formed postcodes in the (unused) ZE9 district."""
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return [f"ZE9 {n % 10}{letters[n // 10 % 20]}{letters[n // 200 % 20]}" for n in range(count)]


def test_upsert_many_inserts_then_replaces_by_postcode(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW15 1FL", 58.99, -2.97), row("KW15 1GL", 58.98, -2.97)])
    repository.upsert_many([row("KW15 1FL", 58.5, -2.5, origin="postcodes.io", at=T0 + timedelta(days=1))])

    found = repository.lookup(["KW15 1FL", "KW15 1GL"])
    assert (found["KW15 1FL"].latitude, found["KW15 1FL"].longitude) == (58.5, -2.5)
    assert found["KW15 1FL"].origin == "postcodes.io"
    assert found["KW15 1FL"].fetched_at == T0 + timedelta(days=1)
    assert found["KW15 1GL"].latitude == 58.98
    assert found["KW15 1GL"].district == "KW15"


def test_upsert_many_miss_does_not_erase_a_located_postcode(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW15 1FL", 58.99, -2.97)])
    repository.upsert_many([row("KW15 1FL", None, None, origin="onspd")])

    cached = repository.lookup(["KW15 1FL"])["KW15 1FL"]
    assert (cached.latitude, cached.longitude, cached.origin) == (58.99, -2.97, "table")


def test_upsert_many_located_row_replaces_a_cached_miss(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW15 1FL", None, None, origin="postcodes.io")])
    repository.upsert_many([row("KW15 1FL", 58.99, -2.97, origin="onspd")])

    cached = repository.lookup(["KW15 1FL"])["KW15 1FL"]
    assert (cached.latitude, cached.longitude, cached.origin) == (58.99, -2.97, "onspd")


def test_upsert_many_same_postcode_twice_in_a_batch_keeps_the_located_row(session: Session) -> None:
    repository = PostcodeRepository(session)
    sent = repository.upsert_many(
        [row("KW15 1FL", 58.99, -2.97), row("KW15 1FL", None, None), row("KW15 1GL", None, None)]
    )

    assert sent == 2
    assert repository.lookup(["KW15 1FL"])["KW15 1FL"].latitude == 58.99


def test_upsert_many_more_rows_than_a_batch_stores_them_all(session: Session) -> None:
    repository = PostcodeRepository(session)
    before = repository.count()
    postcodes = synthetic_postcodes(UPSERT_BATCH * 2 + 17)

    sent = repository.upsert_many(row(pc, 60.0, -1.0) for pc in postcodes)

    assert sent == len(postcodes)
    assert repository.count() == before + len(postcodes)


def test_lookup_more_than_500_postcodes_returns_every_cached_row(session: Session) -> None:
    repository = PostcodeRepository(session)
    postcodes = synthetic_postcodes(1234)
    repository.upsert_many(row(pc, 60.0 + n / 10_000, -1.0) for n, pc in enumerate(postcodes))

    found = repository.lookup([*postcodes, "KW15 9ZZ"])

    assert set(found) == set(postcodes)
    assert found[postcodes[1000]].latitude == pytest.approx(60.1)


def test_lookup_after_an_upsert_returns_the_new_values(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW15 1FL", None, None)])
    assert repository.lookup(["KW15 1FL"])["KW15 1FL"].latitude is None

    repository.upsert_many([row("KW15 1FL", 58.99, -2.97)])

    assert repository.lookup(["KW15 1FL"])["KW15 1FL"].latitude == 58.99


def test_district_centroid_averages_the_located_postcodes_of_the_district(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many(
        [
            row("KW15 1FL", 59.0, -3.0),
            row("KW15 1GL", 58.0, -2.0),
            row("KW15 1HP", None, None),  # a cached miss does not pull the mean
            row("KW16 3AA", 10.0, 10.0),  # another district
        ]
    )

    centroid = repository.district_centroid("KW15")

    assert centroid == pytest.approx((58.5, -2.5))


def test_district_centroid_prefers_a_stored_district_row(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW15 1FL", 59.0, -3.0), row("KW15", 58.98, -2.96, origin=DISTRICT_ORIGIN)])

    assert repository.district_centroid("KW15") == (58.98, -2.96)


def test_district_centroid_unknown_or_unlocated_district_returns_none(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW17 2AA", None, None)])

    assert repository.district_centroid("KW17") is None
    assert repository.district_centroid("ZE9") is None


def test_district_centroids_many_districts_in_one_call(session: Session) -> None:
    repository = PostcodeRepository(session)
    repository.upsert_many([row("KW15 1FL", 59.0, -3.0), row("KW16 3AA", 58.9, -3.3)])

    found = repository.district_centroids(["KW15", "KW16", "KW17"])

    assert found == {"KW15": (59.0, -3.0), "KW16": (58.9, -3.3)}


def test_count_located_and_misses_split_the_total(session: Session) -> None:
    repository = PostcodeRepository(session)
    before = (repository.count(), repository.count(located=True), repository.count(located=False))
    repository.upsert_many([row("KW15 1FL", 59.0, -3.0), row("KW15 1HP", None, None)])

    after = (repository.count(), repository.count(located=True), repository.count(located=False))

    assert tuple(b - a for a, b in zip(before, after, strict=True)) == (2, 1, 1)
