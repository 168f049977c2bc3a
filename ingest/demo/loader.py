"""Load the shipped demo dataset (fictional organisations and areas) through the services real data uses."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.domain.enums import AreaKind
from app.domain.postcode import normalise_postcode
from app.services import areas, geocoding, ingestion, records
from app.services.areas import AreaInput
from ingest.boundaries import load_feature_collection, parse_features

DEMO_FILE = "organisations.csv"
DEMO_POSTCODES = "postcodes.csv"  # approximate centroids of a few landmark postcodes
DEMO_ORIGIN = "demo"
AREAS_FILE = "areas.geojson"
REGISTER_SOURCE = "demo"
COMMUNITY_SOURCE = "demo-community"
_LIST_FIELDS = ("other_names", "activities", "goods_services")
_SPECIAL_FIELDS = frozenset({"email_consent", "latitude", "longitude", "location_precision"})
# Every other organisation field is a plain text column of the CSV, named as the field.
_TEXT_FIELDS = tuple(
    name for name in records.ORGANISATION_FIELDS if name not in _LIST_FIELDS and name not in _SPECIAL_FIELDS
)


def demo_rows() -> Iterator[dict[str, str]]:
    """The rows of the shipped CSV."""
    text = resources.files("ingest.demo").joinpath(DEMO_FILE).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text, newline=""))


def demo_areas() -> list[AreaInput]:
    """The shipped boundaries; each feature's `kind` property says which kind of area it is."""
    collection = load_feature_collection(resources.files("ingest.demo").joinpath(AREAS_FILE).read_bytes())
    found: list[AreaInput] = []
    for kind in AreaKind:
        features = [
            {**feature, "properties": {k: v for k, v in feature["properties"].items() if k != "kind"}}
            for feature in collection["features"]
            if feature["properties"]["kind"] == kind
        ]
        if features:
            parsed = parse_features(
                {**collection, "features": features}, kind=kind, name_field="name", code_field="code"
            )
            found.extend(parsed.areas)
    return found


def row_fields(row: dict[str, str]) -> dict[str, Any]:
    """Organisation fields of one demo row (blank -> None, `;` lists, typed numbers and flags)."""
    fields: dict[str, Any] = {name: (row[name].strip() or None) for name in _TEXT_FIELDS}
    for name in _LIST_FIELDS:
        fields[name] = [part.strip() for part in row[name].split(";") if part.strip()]
    fields["email_consent"] = row["email_consent"].strip().lower() == "true"
    has_point = bool(row["latitude"].strip() and row["longitude"].strip())
    fields["latitude"] = float(row["latitude"]) if has_point else None
    fields["longitude"] = float(row["longitude"]) if has_point else None
    fields["location_precision"] = "postcode" if has_point else "none"
    return fields


def load_demo(session: Session) -> int:
    """Store every demo row as a source record and an organisation (an ingest run), then the demo areas.

    Returns how many organisations were created.
    """
    seen_at = utcnow()
    tally = ingestion.RunTally()
    for source in (REGISTER_SOURCE, COMMUNITY_SOURCE):
        run = ingestion.start_run(session, source=source, location=f"ingest/demo/{DEMO_FILE}")
        kind = "community" if source == COMMUNITY_SOURCE else "register"
        items = []
        for row in demo_rows():
            if row["kind"] != kind:
                continue
            fields = row_fields(row)
            status = "dead" if fields["status"] == "dissolved" else "live"
            items.append(
                records.RecordInput(
                    source_id=row["demo_id"], raw=dict(row), fields=fields, status_in_source=status
                )
            )
        tally.read += len(items)
        ingestion.store_batch(
            session, source=source, items=items, tally=tally, seen_at=seen_at, run_id=run.id
        )
        ingestion.finish_run(session, run.id, tally, sha256=None, etag=None, last_modified=None)
    areas.import_areas(session, demo_areas())
    geocoding.load_postcode_table(session, demo_postcodes(), DEMO_ORIGIN, normalise=normalise_postcode)
    return tally.organisations_created


def demo_postcodes() -> Iterator[tuple[str, float | None, float | None]]:
    """Centroids for `near=` searches: each demo organisation's postcode, plus a few landmarks."""
    for row in demo_rows():
        if row["postcode"].strip() and row["latitude"].strip() and row["longitude"].strip():
            yield row["postcode"], float(row["latitude"]), float(row["longitude"])
    text = resources.files("ingest.demo").joinpath(DEMO_POSTCODES).read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        yield row["postcode"], float(row["latitude"]), float(row["longitude"])
