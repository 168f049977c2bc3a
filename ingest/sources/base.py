"""The one small interface every source implements, and what parsing yields.

A source knows one format: where to download it (`locate`) and how to turn the downloaded bytes into
records (`parse`). It never touches the database or the network itself except through the httpx
client it is given, so it is tested with real files and `httpx.MockTransport`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, Protocol

import httpx

from app.core.config import Settings
from app.services.records import RecordInput

# One organisation as the source describes it: exactly what the ingest services store, so parsed
# records go to them unconverted. `fields` uses the names of ORGANISATION_FIELDS with JSON-safe values
# (dates as ISO strings, lists of strings, floats); `links` names records of other sources that are
# certainly the same organisation (a Digital Commons row carrying a Co-operatives UK id).
ParsedRecord = RecordInput


@dataclass(frozen=True)
class RejectedRow:
    """A row that could not be used, with the reason (reported in the run, never fatal)."""

    row_number: int
    reason: str
    source_id: str | None = None


@dataclass(frozen=True)
class SkippedRow:
    """A valid row deliberately not imported (e.g. a building society when only co-ops are wanted)."""

    row_number: int
    reason: str
    source_id: str | None = None


ParseResult = ParsedRecord | RejectedRow | SkippedRow


class Source(Protocol):
    """A source of organisation records."""

    name: ClassVar[str]
    title: ClassVar[str]

    def __init__(self, settings: Settings) -> None:
        """Sources read their options (URLs, which kinds to import) from Settings."""

    def locate(self, client: httpx.Client) -> str:
        """The URL to download when no --url or --file is given (may discover it from a landing page)."""

    def parse(self, data: bytes) -> Iterator[ParseResult]:
        """Parse a complete downloaded file; raise SourceError if it is not this source's format at all."""
