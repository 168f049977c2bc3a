from __future__ import annotations

import numpy as np
import pytest

from ingest.matching.ambiguity import REGISTER_GROUP, ambiguous, exclusive_groups


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([20.0, 19.0], [True, True]),  # a rival within the margin: a person chooses
        ([20.0, 12.0], [False, False]),  # a clear winner
    ],
)
def test_ambiguous_marks_links_with_a_close_rival_in_a_duplicate_free_source(weights, expected) -> None:
    # record 0 (web) against registers 1 and 2
    result = ambiguous([0, 0], [1, 2], np.array(weights), [None, "reg", "reg"])
    assert result.tolist() == expected


def test_ambiguous_ignores_rivals_from_sources_that_may_repeat() -> None:
    result = ambiguous([0, 0], [1, 2], np.array([20.0, 19.5]), ["reg", None, None])
    assert result.tolist() == [False, False]


def test_exclusive_groups_are_duplicate_free_sources_then_numbered_register_records() -> None:
    groups = exclusive_groups(
        ["cuk", "fca", "fca", "web"],
        [True, True, True, False],
        [True, True, False, False],
        frozenset({"cuk"}),
    )
    assert groups == ["cuk", REGISTER_GROUP, None, None]
