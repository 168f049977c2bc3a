"""Match and merge (issue 7): pure stages that cluster source records into organisations, explainably.

`match(records, decisions, config) -> MatchResult` runs normalise -> block -> compare -> score -> cluster
-> decide. Nothing here touches the database; the ingest integration builds `MatchRecord`s from source
records, passes stored human decisions in as data, and stores the clusters and explained pairs.
"""

from ingest.matching.matcher import match
from ingest.matching.model import (
    Decisions,
    Explanation,
    MatchConfig,
    MatchedPair,
    MatchRecord,
    MatchResult,
    MatchStats,
    Outcome,
    pair_key,
)

__all__ = [
    "Decisions",
    "Explanation",
    "MatchConfig",
    "MatchRecord",
    "MatchResult",
    "MatchStats",
    "MatchedPair",
    "Outcome",
    "match",
    "pair_key",
]
