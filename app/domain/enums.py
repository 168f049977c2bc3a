"""Closed vocabularies stored in the database (as checked strings) and exposed by the API."""

from __future__ import annotations

from enum import StrEnum


class OrganisationStatus(StrEnum):
    """Trading status of an organisation."""

    ACTIVE = "active"
    DISSOLVED = "dissolved"


class Visibility(StrEnum):
    """Whether an organisation is shown publicly (hidden: suppressed, merged away or awaiting review)."""

    PUBLIC = "public"
    HIDDEN = "hidden"


class LocationPrecision(StrEnum):
    """How precise an organisation's coordinates are."""

    EXACT = "exact"
    POSTCODE = "postcode"
    DISTRICT = "district"
    NONE = "none"


class MatchDecisionKind(StrEnum):
    """Outcome for a candidate pair of source records; human outcomes are sticky."""

    AUTO_MERGED = "auto_merged"
    PENDING_REVIEW = "pending_review"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class SubmissionKind(StrEnum):
    """A webform entry adds an organisation or edits one."""

    NEW = "new"
    EDIT = "edit"


class SubmissionState(StrEnum):
    """Moderation state of a submission; changed only by named transitions."""

    PENDING = "pending"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Role(StrEnum):
    """Roles of signed-in users; there are no public accounts."""

    MODERATOR = "moderator"
    ADMIN = "admin"


class IngestStatus(StrEnum):
    """Lifecycle of one ingest run."""

    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class AreaKind(StrEnum):
    """Kinds of boundary that searches can be limited to."""

    COUNCIL = "council"
    WARD = "ward"
    LSOA = "lsoa"
    CUSTOM = "custom"
