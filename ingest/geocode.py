"""Geocoding inputs: a postcode table file read as a stream, and postcodes.io for postcodes not in it.

`run_geocode` loads the table into the postcode cache and then locates every organisation through
`app.services.geocoding`; the caller owns the transaction and commits.
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import httpx
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.domain.errors import SourceError
from app.services import geocoding
from ingest.normalise import normalise_postcode, parse_postcode_district

TableRow = tuple[str, float | None, float | None]

# Accepted header names, first match wins: ours, then the ONS Postcode Directory's (pcds, lat, long).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "postcode": ("postcode", "pcds", "pcd"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "long", "lon", "lng"),
}
POSTCODES_IO_BATCH = 100  # the bulk endpoint refuses more
_RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


def read_postcode_table(path: Path) -> Iterator[TableRow]:
    """Stream (postcode, latitude, longitude) rows from a CSV whose header names those columns.

    Columns may come in any order among others. Blank, unparsable or out-of-range coordinates (ONSPD
    writes 99.999999 for "no grid reference") are None. The header is checked at once: a missing
    column raises ValueError naming it; an unreadable file raises SourceError.
    """
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        reader = csv.reader(handle)
        positions = _column_positions(next(reader, []), path)
    except BaseException:
        handle.close()
        raise
    return _rows(handle, reader, positions)


def _column_positions(header: list[str], path: Path) -> tuple[int, int, int]:
    names = [name.strip().lower() for name in header]
    positions = []
    for column, accepted in COLUMN_NAMES.items():
        found = next((names.index(name) for name in accepted if name in names), None)
        if found is None:
            raise ValueError(
                f"{path}: no {column!r} column in the header (accepted names: {', '.join(accepted)})"
            )
        positions.append(found)
    postcode, latitude, longitude = positions
    return postcode, latitude, longitude


def _rows(handle: TextIO, reader: Iterator[list[str]], positions: tuple[int, int, int]) -> Iterator[TableRow]:
    postcode, latitude, longitude = positions
    width = max(positions)
    with handle:
        for row in reader:
            if len(row) <= width or not row[postcode].strip():
                continue
            point = _point(row[latitude], row[longitude])
            yield (row[postcode], *point) if point is not None else (row[postcode], None, None)


def _point(latitude: Any, longitude: Any) -> tuple[float, float] | None:
    """(latitude, longitude) as floats when both are valid WGS84 degrees, else None."""
    if isinstance(latitude, bool) or isinstance(longitude, bool):
        return None
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


class PostcodesIoClient:
    """The postcodes.io bulk look-up, 100 postcodes per request, retrying transient failures."""

    def __init__(
        self,
        client: httpx.Client,
        base_url: str,
        retries: int,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.client = client
        self.url = f"{base_url.rstrip('/')}/postcodes?filter=postcode,longitude,latitude"
        self.retries = retries
        self.sleep = sleep

    def lookup(self, postcodes: Sequence[str]) -> dict[str, tuple[float, float] | None]:
        """(latitude, longitude) by postcode as sent; None for postcodes postcodes.io does not know."""
        unique = list(dict.fromkeys(postcodes))
        found: dict[str, tuple[float, float] | None] = {}
        for start in range(0, len(unique), POSTCODES_IO_BATCH):
            found.update(self._post(unique[start : start + POSTCODES_IO_BATCH]))
        return found

    def _post(self, postcodes: list[str]) -> dict[str, tuple[float, float] | None]:
        reason = "no attempt made"
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(min(30.0, 0.5 * 2 ** (attempt - 1)))
            try:
                response = self.client.post(self.url, json={"postcodes": postcodes})
            except httpx.TimeoutException:
                reason = "timed out"
                continue
            except httpx.TransportError as exc:
                reason = f"{exc.__class__.__name__}: {exc}"
                continue
            if response.status_code in _RETRYABLE_STATUS:
                reason = f"HTTP {response.status_code}"
                continue
            if response.status_code >= 400:
                raise SourceError(f"postcodes.io refused the look-up: HTTP {response.status_code}")
            return _parse_bulk(response)
        raise SourceError(f"postcodes.io look-up failed after {self.retries + 1} attempts ({reason})")


def _parse_bulk(response: httpx.Response) -> dict[str, tuple[float, float] | None]:
    """`{"status": 200, "result": [{"query": ..., "result": {...} | null}, ...]}` -> point by query."""
    try:
        payload = response.json()
    except ValueError:
        raise SourceError("postcodes.io answered with something that is not JSON") from None
    results = payload.get("result") if isinstance(payload, dict) else None
    if not isinstance(results, list):
        raise SourceError("postcodes.io answered without a result list")
    found: dict[str, tuple[float, float] | None] = {}
    for item in results:
        if not isinstance(item, dict) or not isinstance(item.get("query"), str):
            continue
        result = item.get("result")
        # null for an unknown or terminated postcode; a known one may still lack coordinates.
        found[item["query"]] = (
            _point(result.get("latitude"), result.get("longitude")) if isinstance(result, dict) else None
        )
    return found


def run_geocode(
    session: Session, *, postcodes_file: Path | None, client: httpx.Client | None, settings: Settings
) -> geocoding.GeocodeReport:
    """Load the postcode table file (if given), then locate every organisation (postcodes.io if a client)."""
    table_rows = 0
    if postcodes_file is not None:
        table_rows = geocoding.load_postcode_table(
            session,
            read_postcode_table(postcodes_file),
            origin=postcodes_file.name[:40],
            normalise=normalise_postcode,
        )
    lookup = (
        PostcodesIoClient(client, settings.postcodes_io_url, settings.download_retries).lookup
        if client is not None
        else None
    )
    report = geocoding.resolve_organisations(
        session, lookup, normalise=normalise_postcode, district_of=parse_postcode_district
    )
    report.table_rows = table_rows
    return report
