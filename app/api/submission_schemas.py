"""Request and response models of POST /api/submissions."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.domain.enums import SubmissionKind, SubmissionState
from app.domain.submission import SubmissionForm


class SubmissionRequest(SubmissionForm):
    """The webform's fields, plus which organisation an edit is for."""

    organisation_id: str | None = Field(
        default=None,
        max_length=100,
        description="Public id or slug of the organisation this edits (omit for new).",
    )


class PossibleMatch(BaseModel):
    """A listed organisation the submission may be ("is this you?")."""

    id: str
    slug: str
    name: str
    postcode: str | None
    probability: float


class SubmissionReceipt(BaseModel):
    """What was stored: never the private contact, never the IP."""

    id: str = Field(description="Reference of the submission.")
    kind: SubmissionKind
    state: SubmissionState
    duplicate: bool = Field(description="True when an identical pending submission already existed.")
    possible_matches: list[PossibleMatch] = Field(
        description="Listed organisations this new entry may be; suggest an edit to one instead if so."
    )
