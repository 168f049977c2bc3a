from __future__ import annotations

import pytest

from ingest.matching.metrics import pairwise


def test_pairwise_counts_true_predicted_and_register_false_merges() -> None:
    truth = {"r1": "A", "w1": "A", "r2": "B", "w2": "B", "r3": "C"}
    score = pairwise([["r1", "w1", "r2"], ["w2"], ["r3"]], truth, register={"r1", "r2", "r3"})
    assert (score.true_positives, score.predicted, score.actual) == (1, 3, 2)
    assert score.false_register_merges == 1
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(0.4)


def test_pairwise_of_nothing_is_perfect() -> None:
    score = pairwise([["a"], ["b"]], {"a": "A", "b": "B"})
    assert (score.precision, score.recall) == (1.0, 1.0)
