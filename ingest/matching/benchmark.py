"""The real-data benchmark: Co-operatives UK 2017 register records against Digital Commons 2023 entries.

The Digital Commons rows become community-style entries (their `Identifier` and `Companies House Number`
removed); the truth is an equal CUK id.

Both files are read with the project's own source parsers. The community record's key is a hash of its
identifier, so nothing the matcher sees (not even a tie-break on keys) carries the answer. The split into
a development half and a held-back half is by a hash of the CUK id, so it never depends on row order.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.config import Settings
from ingest.matching.model import MatchRecord
from ingest.sources.base import ParsedRecord
from ingest.sources.coops_uk import CoopsUkSource
from ingest.sources.digitalcommons import DigitalCommonsSource

CENTROIDS_FILE = Path("postcodes/postcode-outcodes.csv")
REGISTER_FILE = Path("coops-uk/2017-06/open_data_organisations.csv")
COMMUNITY_FILE = Path("digitalcommons/coopsuk-standard-2023-03-02.csv")
REGISTER_SOURCE, COMMUNITY_SOURCE = "coops-uk", "community"
HALVES = ("development", "held-back")


@dataclass(frozen=True, slots=True)
class Benchmark:
    """Records, the truth (record key -> CUK id) and which records are register records."""

    records: tuple[MatchRecord, ...]
    truth: dict[str, str]
    register_keys: frozenset[str]

    def half(self, name: str) -> Benchmark:
        """The records whose CUK id falls in the named half (`development` or `held-back`)."""
        wanted = HALVES.index(name)
        keep = tuple(r for r in self.records if half_of(self.truth[r.key]) == wanted)
        kept = {r.key for r in keep}
        return Benchmark(
            records=keep,
            truth={k: v for k, v in self.truth.items() if k in kept},
            register_keys=frozenset(self.register_keys & kept),
        )


def half_of(cuk_id: str) -> int:
    """0 (development) or 1 (held-back), from a hash of the CUK id."""
    return hashlib.sha256(cuk_id.encode()).digest()[0] & 1


def _parsed(results: Iterator[object]) -> Iterator[ParsedRecord]:
    return (result for result in results if isinstance(result, ParsedRecord))


def community_key(identifier: str) -> str:
    """An opaque key for a community entry (the identifier would give the answer away)."""
    return f"{COMMUNITY_SOURCE}:{hashlib.sha256(identifier.encode()).hexdigest()[:16]}"


def load(root: Path, limit: int | None = None) -> Benchmark:
    """Read both files under `root` (the shared data folder); `limit` keeps the first CUK ids (sorted)."""
    settings = Settings(_env_file=None)
    register = list(_parsed(CoopsUkSource(settings).parse((root / REGISTER_FILE).read_bytes())))
    community = list(_parsed(DigitalCommonsSource(settings).parse((root / COMMUNITY_FILE).read_bytes())))
    allowed: set[str] | None = None
    if limit is not None:
        ids = sorted({r.source_id for r in register} | {r.source_id for r in community})
        allowed = set(ids[:limit])
    records: list[MatchRecord] = []
    truth: dict[str, str] = {}
    for parsed in register:
        if allowed is None or parsed.source_id in allowed:
            record = MatchRecord.from_fields(REGISTER_SOURCE, parsed.source_id, parsed.fields, register=True)
            records.append(record)
            truth[record.key] = parsed.source_id
    for parsed in community:
        if allowed is None or parsed.source_id in allowed:
            fields = {k: v for k, v in parsed.fields.items() if k != "companies_house_number"}
            record = MatchRecord.from_fields(COMMUNITY_SOURCE, parsed.source_id, fields)
            record = replace(record, key=community_key(parsed.source_id))
            records.append(record)
            truth[record.key] = parsed.source_id
    return Benchmark(
        records=tuple(records),
        truth=truth,
        register_keys=frozenset(r.key for r in records if r.register),
    )


def load_centroids(root: Path) -> dict[str, tuple[float, float]]:
    """Outward-code centroids (district -> latitude, longitude) from the shared outcode table, or {}."""
    path = root / CENTROIDS_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["outcode"].strip().upper(): (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(handle)
            if row.get("latitude") and row.get("longitude")
        }
