from __future__ import annotations

import numpy as np
import pytest

from ingest.matching.compare import POSTCODE_DISTRICT, POSTCODE_OTHER, POSTCODE_UNIT
from ingest.matching.score import RULE_IDENTIFIER, RULE_NUMBERS_DIFFER, RULE_SCORE, score

BASE = {
    "name_ratio": 0.0,
    "name_token_sort": 0.0,
    "name_token_set": 0.0,
    "name_jaro_winkler": 0.0,
    "name_squashed": 0.0,
    "name_exact": 0.0,
    "token_jaccard": 0.0,
    "rarest_shared_idf": 0.0,
    "name_frequency": 0.0,
    "postcode_level": 0.0,
    "postcode_count": 0.0,
    "fca": 0.0,
    "companies_house": 0.0,
    "domain": 0.0,
    "domain_count": 0.0,
    "phone": 0.0,
    "incorporated": 0.0,
}


def scored(**overrides: float):
    features = {
        name: np.array([overrides.get(name, value)], dtype=np.float64) for name, value in BASE.items()
    }
    if "distance_km" in overrides:
        features["distance_km"] = np.array([overrides["distance_km"]], dtype=np.float64)
    result = score(features)
    return float(result.weight[0]), float(result.probability[0]), result.rule[0]


def exact(**more: float) -> dict[str, float]:
    return {
        "name_ratio": 100,
        "name_token_sort": 100,
        "name_token_set": 100,
        "name_squashed": 100,
        "name_exact": 1,
        "token_jaccard": 1,
        "rarest_shared_idf": 9,
        "name_frequency": 2,
        **more,
    }


@pytest.mark.parametrize(
    ("stronger", "weaker"),
    [
        (exact(postcode_level=POSTCODE_UNIT), exact(postcode_level=POSTCODE_DISTRICT)),
        (exact(postcode_level=POSTCODE_DISTRICT), exact(postcode_level=POSTCODE_OTHER)),
        (
            exact(postcode_level=POSTCODE_UNIT, postcode_count=2),
            exact(postcode_level=POSTCODE_UNIT, postcode_count=27),
        ),
        (exact(), exact(name_frequency=40)),
        (exact(phone=1), exact(phone=-1)),
        (
            {**exact(), "name_exact": 0, "name_ratio": 96},
            {
                **exact(),
                "name_exact": 0,
                "name_ratio": 80,
                "name_token_sort": 80,
                "name_squashed": 80,
                "name_token_set": 80,
            },
        ),
    ],
)
def test_score_rises_with_stronger_evidence(stronger: dict[str, float], weaker: dict[str, float]) -> None:
    assert scored(**stronger)[0] > scored(**weaker)[0]


def test_score_equal_identifier_decides_alone() -> None:
    _weight, probability, rule = scored(fca=1)
    assert rule == f"{RULE_IDENTIFIER}: FCA number"
    assert probability > 0.999


@pytest.mark.parametrize(
    ("records_with_domain", "rule"), [(2, "identifier: website domain"), (3, RULE_SCORE)]
)
def test_score_website_domain_is_an_identifier_only_when_no_third_record_uses_it(
    records_with_domain: int, rule: str
) -> None:
    assert scored(domain=1, domain_count=records_with_domain)[2] == rule


def test_score_different_numbers_forbid_even_identical_names() -> None:
    _weight, probability, rule = scored(**exact(postcode_level=POSTCODE_UNIT, fca=-1))
    assert rule == RULE_NUMBERS_DIFFER
    assert probability < 0.001


def test_score_generic_shared_tokens_do_not_merge_different_names() -> None:
    _, probability, rule = scored(
        name_ratio=55,
        name_token_sort=55,
        name_squashed=55,
        name_token_set=70,
        token_jaccard=0.2,
        postcode_level=POSTCODE_DISTRICT,
    )
    assert rule == RULE_SCORE
    assert probability < 0.5


def test_score_centroids_only_help_a_nearby_postcode_in_another_area() -> None:
    far = scored(**exact(postcode_level=POSTCODE_OTHER, distance_km=200.0))[0]
    near = scored(**exact(postcode_level=POSTCODE_OTHER, distance_km=5.0))[0]
    unknown = scored(**exact(postcode_level=POSTCODE_OTHER, distance_km=float("nan")))[0]
    assert near > far == unknown == scored(**exact(postcode_level=POSTCODE_OTHER))[0]
