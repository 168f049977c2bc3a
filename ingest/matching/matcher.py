"""The whole matcher: normalise -> block -> compare -> score -> cluster -> decide, as one pure function.

Records are sorted by key first, so every index-based tie-break (and therefore the result) is independent
of input order, and running twice on the same input gives the same clusters and pairs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from ingest.matching.ambiguity import ambiguous, exclusive_groups
from ingest.matching.block import Candidates, block
from ingest.matching.cluster import cluster
from ingest.matching.compare import compare
from ingest.matching.decide import decide
from ingest.matching.model import Decisions, MatchConfig, MatchRecord, MatchResult, MatchStats
from ingest.matching.normalise import prepare
from ingest.matching.score import RULE_IDENTIFIER, Scores, score


def _human_pairs(decisions: Decisions, index: dict[str, int]) -> dict[tuple[int, int], bool]:
    """Human decisions as index pairs (left < right); pairs naming unknown records are ignored."""
    human: dict[tuple[int, int], bool] = {}
    for pairs, same in ((decisions.same, True), (decisions.different, False)):
        for left_key, right_key in pairs:
            if left_key in index and right_key in index and left_key != right_key:
                a, b = sorted((index[left_key], index[right_key]))
                human[(a, b)] = same
    return human


def mutual_best(
    candidates: Candidates,
    scores: Scores,
    unclear: npt.NDArray[np.bool_],
    sources: list[str | None],
    floor: float,
) -> list[int]:
    """Pairs across two duplicate-free sources where each record is the other's best candidate there.

    One-to-one linkage: when both lists hold each organisation once, a clear mutual best at a modest
    probability is a match. `unclear` pairs (a rival within the ambiguity margin) never qualify.
    """
    lefts, rights = candidates.left.tolist(), candidates.right.tolist()
    weights = scores.weight.tolist()
    best: dict[tuple[int, str], int] = {}
    for number, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        for record, other in ((left, right), (right, left)):
            group = sources[other]
            if group is not None:
                key = (record, group)
                if key not in best or weights[number] > weights[best[key]]:
                    best[key] = number
    chosen = []
    for number in np.flatnonzero((scores.probability >= floor) & ~unclear).tolist():
        left, right = lefts[number], rights[number]
        left_group, right_group = sources[left], sources[right]
        if (
            left_group is not None
            and right_group is not None
            and left_group != right_group
            and best.get((left, right_group)) == number
            and best.get((right, left_group)) == number
        ):
            chosen.append(number)
    return chosen


def match(
    records: Sequence[MatchRecord], decisions: Decisions | None = None, config: MatchConfig | None = None
) -> MatchResult:
    """Cluster the records into organisations and explain every pair that was merged or needs review."""
    config = config or MatchConfig()
    decisions = decisions or Decisions()
    ordered = sorted(records, key=lambda record: record.key)
    index = {record.key: number for number, record in enumerate(ordered)}
    if len(index) != len(ordered):
        raise ValueError("record keys must be unique")
    seconds: dict[str, float] = {}
    started = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal started
        now = time.perf_counter()
        seconds[stage] = round(now - started, 3)
        started = now

    prepared = prepare(ordered)
    lap("normalise")
    candidates = block(prepared, config)
    lap("block")
    features = compare(prepared, candidates, config.centroids)
    lap("compare")
    scores = score(features)
    lap("score")
    human = _human_pairs(decisions, index)
    exclusive = exclusive_groups(
        prepared.sources,
        prepared.register,
        [bool(fca or company) for fca, company in zip(prepared.fca, prepared.companies_house, strict=True)],
        config.duplicate_free_sources,
    )
    unclear = ambiguous(candidates.left.tolist(), candidates.right.tolist(), scores.weight, exclusive)
    identified = np.array([rule.startswith(RULE_IDENTIFIER) for rule in scores.rule], dtype=np.bool_)
    auto = np.flatnonzero((scores.probability >= config.auto_merge) & (~unclear | identified)).tolist()
    mutual: frozenset[int] = frozenset()
    if config.mutual_best is not None:
        sources = [source if source in config.duplicate_free_sources else None for source in prepared.sources]
        mutual = frozenset(mutual_best(candidates, scores, unclear, sources, config.mutual_best))
        auto = sorted(set(auto) | mutual)
    links = [(float(scores.weight[n]), int(candidates.left[n]), int(candidates.right[n])) for n in auto]
    groups, refused = cluster(
        prepared,
        links,
        same=[pair for pair, same in human.items() if same],
        different=[pair for pair, same in human.items() if not same],
        duplicate_free=config.duplicate_free_sources,
    )
    lap("cluster")
    cluster_of = [0] * len(ordered)
    for number, members in enumerate(groups):
        for member in members:
            cluster_of[member] = number
    pairs = decide(
        prepared, candidates, features, scores, unclear, cluster_of, refused, human, config, mutual
    )
    lap("decide")
    keys = prepared.keys
    stats = MatchStats(
        records=len(ordered),
        candidate_pairs=len(candidates),
        pairs_by_pass=candidates.pairs_by_pass,
        skipped_blocks=candidates.skipped_blocks,
        largest_block=candidates.largest_block,
        seconds=seconds,
    )
    clusters = tuple(tuple(keys[member] for member in members) for members in groups)
    return MatchResult(clusters=clusters, pairs=pairs, stats=stats)


__all__ = ["match"]
