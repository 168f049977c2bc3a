"""Response models of matching explanations: why records were merged, or may be."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.domain.enums import MatchDecisionKind
from app.services.match_decisions import PairView


class MatchedRecord(BaseModel):
    """One side of a pair: the source record and the organisation it belongs to now."""

    source: str = Field(examples=["coops-uk"])
    source_id: str = Field(examples=["R008893"])
    name: str | None = Field(examples=["Swap and Re-use Hub Co-operative (Edinburgh) Limited"])
    postcode: str | None = Field(examples=["EH1 1JG"])
    organisation_id: str | None = Field(description="Public id of its organisation now.")


class MatchPair(BaseModel):
    """A candidate pair with its decision, its score and the evidence behind it."""

    id: int
    decision: MatchDecisionKind = Field(
        description="auto_merged, pending_review (possible duplicate), confirmed or rejected (by a person)."
    )
    score: float = Field(description="Match probability (0..1).")
    rule: str | None = Field(description="What decided: an identifier, the score, or a person.")
    weight: float | None = Field(description="Total evidence in bits (log2 of the odds).")
    features: dict[str, float | int | str | None] = Field(description="Compared features of the two records.")
    contributions: dict[str, float] = Field(description="Each feature's evidence in bits (+ for, - against).")
    left: MatchedRecord
    right: MatchedRecord

    @classmethod
    def from_view(cls, view: PairView) -> MatchPair:
        """From the service's view of a stored pair."""
        sides = [
            MatchedRecord(
                source=record.source,
                source_id=record.source_id,
                name=record.name,
                postcode=record.postcode,
                organisation_id=record.organisation_public_id,
            )
            for record in (view.left, view.right)
        ]
        return cls(
            id=view.id,
            decision=view.decision,
            score=view.score,
            rule=view.rule,
            weight=view.weight,
            features=view.features,
            contributions=view.contributions,
            left=sides[0],
            right=sides[1],
        )


class MatchPairs(BaseModel):
    """Every explained pair touching an organisation's records."""

    organisation_id: str
    pairs: list[MatchPair]
