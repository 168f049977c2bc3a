"""`make eval-matching`: accuracy on the real registers (two halves) against the naive baseline, and speed.

    python -m ingest.matching.evaluate                   # real files in ../shared/data
    python -m ingest.matching.evaluate --synthetic 20000 # seeded synthetic records, speed and memory

Real data: Co-operatives UK 2017 organisations are the register records, the Digital Commons 2023 file
without its identifiers the community entries, and the truth an equal CUK id (see `benchmark`). Both
sources list each organisation once, so both are declared duplicate-free. Figures are pairwise over
cluster-induced pairs; "false merges" counts pairs of distinct register organisations in one cluster.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ingest.matching.baseline import BASELINE_THRESHOLD, naive_clusters
from ingest.matching.benchmark import (
    COMMUNITY_SOURCE,
    HALVES,
    REGISTER_SOURCE,
    Benchmark,
    load,
    load_centroids,
)
from ingest.matching.matcher import match
from ingest.matching.metrics import PairwiseScore, pairwise
from ingest.matching.model import MatchConfig, MatchRecord, MatchResult, Outcome
from ingest.matching.synthetic import REGISTER_SOURCE as SYNTHETIC_REGISTER
from ingest.matching.synthetic import generate

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
# Both evaluation sources list each organisation once, so one-to-one linkage applies (chosen on the
# development half: the floor with the best F1 at precision >= 0.998 among 0.5, 0.3, 0.2, 0.1, 0.05, 0.02).
REAL_CONFIG = MatchConfig(
    duplicate_free_sources=frozenset({REGISTER_SOURCE, COMMUNITY_SOURCE}), mutual_best=0.1
)
SYNTHETIC_CONFIG = MatchConfig(duplicate_free_sources=frozenset({SYNTHETIC_REGISTER}))


def _line(
    label: str, records: int, result: PairwiseScore, pairs: int, seconds: float, extra: str = ""
) -> str:
    return (
        f"{label:<34} {records:>7} {result.precision:>9.4f} {result.recall:>7.4f} {result.f1:>7.4f}"
        f" {result.false_register_merges:>7} {pairs:>10} {seconds:>8.2f}s {extra}"
    )


HEADER = (
    f"{'method / half':<34} {'records':>7} {'precision':>9} {'recall':>7} {'F1':>7} {'false':>7}"
    f" {'pairs':>10} {'time':>9}"
)


def _after_review(result: MatchResult, truth: dict[str, str]) -> list[list[str]]:
    """The clusters after a perfect moderator said "same" to every true pair of the review band."""
    cluster_of = result.cluster_index()
    parent = list(range(len(result.clusters)))

    def find(number: int) -> int:
        while parent[number] != number:
            number = parent[number]
        return number

    for pair in result.pairs:
        if pair.outcome is Outcome.REVIEW and truth.get(pair.left) == truth.get(pair.right):
            parent[find(cluster_of[pair.left])] = find(cluster_of[pair.right])
    merged: dict[int, list[str]] = {}
    for number, cluster in enumerate(result.clusters):
        merged.setdefault(find(number), []).extend(cluster)
    return list(merged.values())


def evaluate_matcher(
    label: str,
    records: Sequence[MatchRecord],
    truth: dict[str, str],
    register: frozenset[str],
    config: MatchConfig,
) -> str:
    """One line for the matcher on these records (plus the review band size)."""
    started = time.perf_counter()
    result = match(records, config=config)
    seconds = time.perf_counter() - started
    outcomes = Counter(pair.outcome for pair in result.pairs)
    score = pairwise(result.clusters, truth, register)
    reviewed = pairwise(_after_review(result, truth), truth, register)
    extra = f"review band {outcomes[Outcome.REVIEW]} pairs, F1 {reviewed.f1:.4f} if a moderator settles them"
    return _line(label, len(records), score, result.stats.candidate_pairs, seconds, extra)


def evaluate_baseline(label: str, benchmark: Benchmark) -> str:
    """One line for the naive baseline."""
    started = time.perf_counter()
    clusters, compared = naive_clusters(benchmark.records)
    seconds = time.perf_counter() - started
    score = pairwise(clusters, benchmark.truth, benchmark.register_keys)
    return _line(label, len(benchmark.records), score, compared, seconds)


def real(data: Path, limit: int | None = None) -> list[str]:
    """Lines for both halves of the real benchmark: matcher, matcher with district centroids, baseline."""
    benchmark = load(data, limit)
    with_centroids = replace(REAL_CONFIG, centroids=load_centroids(data))
    lines = [HEADER]
    for label, config in (("matcher", REAL_CONFIG), ("matcher + centroids", with_centroids)):
        for half in HALVES:
            part = benchmark.half(half)
            lines.append(
                evaluate_matcher(f"{label}, {half}", part.records, part.truth, part.register_keys, config)
            )
    for half in HALVES:
        lines.append(
            evaluate_baseline(f"baseline (tsr>={BASELINE_THRESHOLD:g}), {half}", benchmark.half(half))
        )
    return lines


def synthetic(count: int, seed: int) -> list[str]:
    """A line for the matcher on `count` synthetic records, with the process's peak memory."""
    generated = generate(count, seed)
    line = evaluate_matcher(
        f"matcher, synthetic seed {seed}",
        generated.records,
        generated.truth,
        generated.register_keys,
        SYNTHETIC_CONFIG,
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [HEADER, f"{line}; peak RSS {peak_mb:.0f} MB"]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the evaluation; exit 2 when the real data is missing."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("COOPMAP_SHARED_DATA", DEFAULT_DATA))
    )
    parser.add_argument("--synthetic", type=int, metavar="N", help="match N synthetic records instead")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, help="only the first N CUK ids of the real files (a quick run)")
    options = parser.parse_args(argv)
    if options.synthetic:
        print("\n".join(synthetic(options.synthetic, options.seed)))
        return 0
    if not options.data.is_dir():
        print(f"shared data not found at {options.data} (set --data or COOPMAP_SHARED_DATA)", file=sys.stderr)
        return 2
    print("\n".join(real(options.data, options.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
