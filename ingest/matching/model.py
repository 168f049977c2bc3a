"""What the matcher takes and gives: records, human decisions, settings, explained pairs and clusters.

Plain frozen dataclasses with no behaviour beyond validation, so the later integration can build them from
source records and store the result (clusters, and every explained pair) without knowing the stages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from ingest.normalise import normalise_companies_house_number, normalise_fca_number, normalise_phone


@dataclass(frozen=True, slots=True)
class MatchRecord:
    """One source record as the matcher sees it; `key` is unique and stable (e.g. ``coops-uk:R000001``).

    `register` marks a record from an authoritative register: two register records with different
    registration numbers are never the same organisation.
    """

    key: str
    source: str
    name: str
    other_names: tuple[str, ...] = ()
    postcode: str | None = None
    fca_number: str | None = None
    companies_house_number: str | None = None
    website: str | None = None
    phone: str | None = None
    incorporated_on: date | None = None
    register: bool = False

    @classmethod
    def from_fields(
        cls, source: str, source_id: str, fields: Mapping[str, Any], *, register: bool = False
    ) -> MatchRecord:
        """Build a record from a parsed record's `fields` (the names of `ORGANISATION_FIELDS`)."""
        incorporated = fields.get("incorporated_on")
        if isinstance(incorporated, str):
            incorporated = date.fromisoformat(incorporated)
        return cls(
            key=f"{source}:{source_id}",
            source=source,
            name=fields.get("name") or "",
            other_names=tuple(fields.get("other_names") or ()),
            postcode=fields.get("postcode"),
            fca_number=normalise_fca_number(fields.get("fca_number")),
            companies_house_number=normalise_companies_house_number(fields.get("companies_house_number")),
            website=fields.get("website"),
            phone=normalise_phone(fields.get("phone")),
            incorporated_on=incorporated,
            register=register,
        )


def pair_key(left: str, right: str) -> tuple[str, str]:
    """The order-free form of a pair of record keys."""
    return (left, right) if left <= right else (right, left)


@dataclass(frozen=True, slots=True)
class Decisions:
    """Human decisions that override the score: pairs that are the same, and pairs that are not."""

    same: frozenset[tuple[str, str]] = frozenset()
    different: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of(
        cls, same: tuple[tuple[str, str], ...] = (), different: tuple[tuple[str, str], ...] = ()
    ) -> Decisions:
        """Decisions from pairs in any order; a pair both "same" and "different" counts as different."""
        different_keys = frozenset(pair_key(a, b) for a, b in different)
        same_keys = frozenset(pair_key(a, b) for a, b in same) - different_keys
        return cls(same=same_keys, different=different_keys)


class Outcome(StrEnum):
    """What became of an explained pair."""

    MERGED = "merged"  # in one cluster (auto-merge link, or joined through others)
    REVIEW = "review"  # grey band: a possible duplicate for a moderator
    KEPT_APART = "kept_apart"  # a rule refused the merge (numbers, one record per register)
    CONFIRMED = "confirmed"  # a human said "same"
    REJECTED = "rejected"  # a human said "not the same"


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a pair scored what it did: the rule that decided, the features and each one's weight in bits."""

    rule: str
    probability: float
    weight: float
    features: Mapping[str, float | int | str | None]
    contributions: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A candidate pair above the keep-apart threshold (or decided by a human), with its explanation."""

    left: str
    right: str
    outcome: Outcome
    explanation: Explanation


@dataclass(frozen=True, slots=True)
class MatchConfig:
    """Thresholds and limits; the defaults are the documented operating point."""

    auto_merge: float = 0.95
    review: float = 0.5
    max_block: int = 40
    # A token is "rare" when at most this many records contain it; only rare tokens block country-wide.
    rare_df: int = 8
    # Sources listing each organisation at most once (a register's own rows): a cluster holds at most one
    # record of each, and pairs inside one are not compared.
    duplicate_free_sources: frozenset[str] = frozenset()
    # Between two duplicate-free sources, a pair at or above this probability merges when each record is the
    # other's best candidate there and no rival comes close (one-to-one linkage). None: off.
    mutual_best: float | None = None
    # Optional postcode or outward-code centroids (latitude, longitude) for a distance feature.
    centroids: Mapping[str, tuple[float, float]] | None = None

    def __post_init__(self) -> None:
        if not 0.0 < self.review <= self.auto_merge <= 1.0:
            raise ValueError("thresholds must satisfy 0 < review <= auto_merge <= 1")
        if self.mutual_best is not None and not 0.0 < self.mutual_best <= self.auto_merge:
            raise ValueError("mutual_best must satisfy 0 < mutual_best <= auto_merge")


@dataclass(frozen=True, slots=True)
class MatchStats:
    """How much work a run did, for the evaluation and for logs."""

    records: int
    candidate_pairs: int
    pairs_by_pass: Mapping[str, int]
    skipped_blocks: int
    largest_block: int
    seconds: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MatchResult:
    """Clusters of record keys (each sorted, sorted by first key) and the explained pairs."""

    clusters: tuple[tuple[str, ...], ...]
    pairs: tuple[MatchedPair, ...]
    stats: MatchStats

    def cluster_index(self) -> dict[str, int]:
        """Map each record key to the position of its cluster."""
        return {key: number for number, cluster in enumerate(self.clusters) for key in cluster}
