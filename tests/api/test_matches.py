"""GET /api/organisations/{id}/matches and redirects of merged-away identifiers, on both engines."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Organisation, SourceRecord
from app.services import match_decisions
from tests.factories import MATCH_CONFIG, store_records

REGISTER = {"name": "Kestrelwick Bakery Co-operative Limited", "postcode": "OX4 1DD", "fca_number": "IP777R"}
EXPORT = {"name": "Kestrelwick Bakery", "postcode": "OX4 1DD", "website": "https://kestrelwick.example"}


def public_id_of(session: Session, source: str, source_id: str) -> str:
    statement = (
        select(Organisation.public_id)
        .join(SourceRecord, SourceRecord.organisation_id == Organisation.id)
        .where(SourceRecord.source == source, SourceRecord.source_id == source_id)
    )
    return str(session.scalars(statement).one())


def test_matches_explain_an_automatic_merge(client: TestClient, session: Session) -> None:
    store_records(session, "coops-uk", {"K1": REGISTER})
    store_records(session, "digitalcommons:oxford", {"K2": EXPORT})
    session.commit()
    public_id = public_id_of(session, "coops-uk", "K1")
    response = client.get(f"/api/organisations/{public_id}/matches")
    assert response.status_code == 200
    body = response.json()
    assert body["organisation_id"] == public_id
    [pair] = body["pairs"]
    assert pair["decision"] == "auto_merged"
    assert pair["score"] >= 0.95
    assert pair["rule"]
    assert pair["contributions"]["name"] > 0
    assert {pair["left"]["source_id"], pair["right"]["source_id"]} == {"K1", "K2"}
    assert {pair["left"]["organisation_id"], pair["right"]["organisation_id"]} == {public_id}
    # Moderator notes and who decided are never part of the public explanation.
    assert "reason" not in pair
    assert "decided_by" not in str(body)


def test_matches_of_an_unknown_organisation_is_404(client: TestClient) -> None:
    response = client.get("/api/organisations/no-such-thing/matches")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_a_merged_away_identifier_redirects_to_the_survivor(client: TestClient, session: Session) -> None:
    store_records(session, "coops-uk", {"K1": REGISTER})
    store_records(session, "digitalcommons:x", {"K3": {"name": "Zephyrgate Loaves", "postcode": "M1 1AA"}})
    first, second = public_id_of(session, "coops-uk", "K1"), public_id_of(session, "digitalcommons:x", "K3")
    match_decisions.merge(session, first, second, config=MATCH_CONFIG, actor="test", reason="same bakery")
    session.commit()
    survivor = public_id_of(session, "coops-uk", "K1")
    gone = second if survivor == first else first
    slug = session.scalars(select(Organisation.slug).where(Organisation.public_id == gone)).one()
    for path, expected in (
        (f"/api/organisations/{gone}", f"/api/organisations/{survivor}"),
        (f"/api/organisations/{gone}/matches", f"/api/organisations/{survivor}/matches"),
        (f"/organisations/{slug}", f"/organisations/{survivor}"),
    ):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 301, path
        assert response.headers["location"] == expected
    assert client.get(f"/api/organisations/{gone}").json()["id"] == survivor
    listed = client.get("/api/organisations", params={"q": "Zephyrgate", "limit": 10}).json()["items"]
    assert [item["id"] for item in listed] == [survivor]
