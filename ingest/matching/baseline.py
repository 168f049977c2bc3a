"""The naive baseline the issue compares against: postcode-district blocks + token_set_ratio + union-find."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from rapidfuzz import fuzz

from ingest.matching.model import MatchRecord
from ingest.normalise import name_key, normalise_postcode, postcode_district

BASELINE_THRESHOLD = 90.0


def naive_clusters(
    records: Sequence[MatchRecord], threshold: float = BASELINE_THRESHOLD
) -> tuple[list[list[str]], int]:
    """Clusters (sorted keys) linking records in one postcode district whose name keys score >= threshold.

    Returns the clusters and the number of pairs compared. No identifiers, no constraints: the point of
    the baseline is to show what they are worth.
    """
    ordered = sorted(records, key=lambda record: record.key)
    parent = list(range(len(ordered)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    names = [name_key(record.name) for record in ordered]
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for number, record in enumerate(ordered):
        postcode = normalise_postcode(record.postcode)
        if postcode:
            blocks[postcode_district(postcode)].append(number)
    compared = 0
    for members in blocks.values():
        for left, right in combinations(members, 2):
            compared += 1
            if fuzz.token_set_ratio(names[left], names[right], score_cutoff=threshold):
                parent[find(left)] = find(right)
    groups: defaultdict[int, list[str]] = defaultdict(list)
    for number, record in enumerate(ordered):
        groups[find(number)].append(record.key)
    return sorted(sorted(group) for group in groups.values()), compared
