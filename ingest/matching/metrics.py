"""Pairwise precision, recall and F1 of clusters against ground-truth entity labels (pure)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True, slots=True)
class PairwiseScore:
    """Cluster-induced pairs compared with the true pairs."""

    true_positives: int
    predicted: int
    actual: int
    false_register_merges: int

    @property
    def precision(self) -> float:
        """Share of predicted pairs that are true (1.0 when nothing was predicted)."""
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of true pairs that were predicted (1.0 when there are none)."""
        return self.true_positives / self.actual if self.actual else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _pairs(groups: Iterable[Sequence[str]]) -> set[tuple[str, str]]:
    return {(a, b) if a <= b else (b, a) for group in groups for a, b in combinations(group, 2)}


def pairwise(
    clusters: Iterable[Sequence[str]], truth: Mapping[str, str], register: Iterable[str] = ()
) -> PairwiseScore:
    """Score clusters of record keys against `truth` (record key -> entity); count merged register pairs.

    `register` names the register records: two of them in one cluster with different entities is a false
    merge of distinct register organisations.
    """
    predicted = _pairs(clusters)
    by_entity: defaultdict[str, list[str]] = defaultdict(list)
    for key, entity in truth.items():
        by_entity[entity].append(key)
    actual = _pairs(by_entity.values())
    registered = set(register)
    false_merges = sum(
        1 for a, b in predicted if a in registered and b in registered and truth.get(a) != truth.get(b)
    )
    return PairwiseScore(
        true_positives=len(predicted & actual),
        predicted=len(predicted),
        actual=len(actual),
        false_register_merges=false_merges,
    )
