"""Is this you? Organisations already listed that a new submission probably is.

Candidates come from the text search on the submitted name (typo-tolerant, capped); the matching
engine then scores each against the submission exactly as it scores source records, and only those at
or above the review threshold are shown, most likely first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain.submission import SubmissionForm
from app.services.search import SearchQuery, search
from ingest.matching import MatchConfig, MatchRecord, match

CANDIDATES = 20
SHOWN = 5
_SUBMISSION = "submission:new"


@dataclass(frozen=True, slots=True)
class Likely:
    """An existing organisation the submission may be."""

    public_id: str
    slug: str
    name: str
    locality: str | None
    postcode: str | None
    probability: float


def likely_existing(session: Session, form: SubmissionForm, config: MatchConfig) -> list[Likely]:
    """Up to five listed organisations the submission probably is, most likely first."""
    hits = search(session, SearchQuery(q=form.name[:200]), limit=CANDIDATES).hits
    if not hits:
        return []
    values = form.values()
    records = [MatchRecord.from_fields("submission", "new", values)] + [
        MatchRecord.from_fields(
            "listed",
            hit.row.public_id,
            {"name": hit.row.name, "postcode": hit.row.postcode, "website": hit.row.website},
        )
        for hit in hits
    ]
    rows = {hit.row.public_id: hit.row for hit in hits}
    result = match(records, config=config)
    found: dict[str, float] = {}
    for pair in result.pairs:
        if _SUBMISSION in (pair.left, pair.right):
            other = pair.right if pair.left == _SUBMISSION else pair.left
            public_id = other.split(":", 1)[1]
            found[public_id] = max(found.get(public_id, 0.0), pair.explanation.probability)
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:SHOWN]
    return [
        Likely(
            public_id=public_id,
            slug=rows[public_id].slug,
            name=rows[public_id].name,
            locality=rows[public_id].locality,
            postcode=rows[public_id].postcode,
            probability=round(probability, 3),
        )
        for public_id, probability in ranked
    ]
