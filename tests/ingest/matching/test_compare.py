from __future__ import annotations

import math

import pytest

from ingest.matching import MatchConfig
from ingest.matching.block import block
from ingest.matching.compare import (
    POSTCODE_AREA,
    POSTCODE_DISTRICT,
    POSTCODE_MISSING,
    POSTCODE_OTHER,
    POSTCODE_SECTOR,
    POSTCODE_UNIT,
    compare,
    same_fca,
)
from ingest.matching.normalise import prepare
from tests.ingest.matching.factories import record


def features_of(left, right, centroids=None):
    prepared = prepare([left, right])
    candidates = block(prepared, MatchConfig())
    assert len(candidates) == 1
    return {name: float(values[0]) for name, values in compare(prepared, candidates, centroids).items()}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("7334CBS", "7334CBS", True),
        ("7334", "7334CBS", True),
        ("4198CS", "4198R", False),
        ("IP000348", "IP000349", False),
        ("26814R", "26815R", False),
    ],
)
def test_same_fca_accepts_a_missing_suffix_only(a: str, b: str, expected: bool) -> None:
    assert same_fca(a, b) is expected
    assert same_fca(b, a) is expected


@pytest.mark.parametrize(
    ("left", "right", "level"),
    [
        ("OX4 3NH", "OX4 3NH", POSTCODE_UNIT),
        ("OX4 3NH", "OX4 3AB", POSTCODE_SECTOR),
        ("OX4 3NH", "OX4 1AB", POSTCODE_DISTRICT),
        ("OX4 3NH", "OX1 1AB", POSTCODE_AREA),
        ("OX4 3NH", "LS6 1AB", POSTCODE_OTHER),
        ("OX4 3NH", None, POSTCODE_MISSING),
    ],
)
def test_compare_grades_postcode_agreement(left: str, right: str | None, level: int) -> None:
    features = features_of(record("a:1", "Zephyr Bakery", left), record("b:1", "Zephyr Bakery", right))
    assert features["postcode_level"] == level


def test_compare_scores_names_over_variants_and_rarity() -> None:
    features = features_of(
        record("a:1", "Cinderhill Garden Co-operative Limited", "OL14 6BU"),
        record("b:1", "The Cinderhill Garden Co-op", "OL14 5RW"),
    )
    assert features["name_exact"] == 1.0
    assert features["name_ratio"] == 100.0
    assert features["token_jaccard"] == 1.0


def test_compare_distance_needs_centroids_and_falls_back_to_districts() -> None:
    centroids = {"OX4": (51.73, -1.23), "OX1": (51.75, -1.26)}
    features = features_of(
        record("a:1", "Zephyr Bakery", "OX4 3NH"), record("b:1", "Zephyr Bakery", "OX1 1AB"), centroids
    )
    assert 2.0 < features["distance_km"] < 4.0
    missing = features_of(
        record("a:1", "Zephyr Bakery", "OX4 3NH"), record("b:1", "Zephyr Bakery", "LS6 1AB"), centroids
    )
    assert math.isnan(missing["distance_km"])


def test_compare_agreement_features_are_one_minus_one_or_zero() -> None:
    features = features_of(
        record("a:1", "Zephyr Bakery", "OX4 3NH", phone="01865123456", website="https://zephyr.coop"),
        record("b:1", "Zephyr Bakery", "OX4 3NH", phone="01865999999"),
    )
    assert (features["phone"], features["domain"], features["fca"]) == (-1.0, 0.0, 0.0)
