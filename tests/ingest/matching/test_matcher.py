from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.matching import Decisions, MatchConfig, Outcome, match, pair_key
from ingest.matching.decide import AMBIGUOUS, MUTUAL_BEST
from ingest.matching.synthetic import generate
from tests.ingest.matching.factories import record, register

SMALL = generate(300, seed=3)
CONFIG = MatchConfig(duplicate_free_sources=frozenset({"register"}))


def test_match_never_merges_two_registered_winsham_shops_with_different_numbers() -> None:
    records = [
        register("fca:1", "Winsham Shop Limited", "TA20 4HU", fca_number="30001R"),
        register("fca:2", "Winsham Shop Limited", "TA20 4HU", fca_number="31234R"),
        record("web:1", "The Winsham Shop", "TA20 4HU"),
    ]
    result = match(records)
    assert result.clusters == (("fca:1",), ("fca:2",), ("web:1",))
    # The directory entry fits both equally: a person chooses, with the reason.
    assert {(p.left, p.right, p.outcome) for p in result.pairs} == {
        ("fca:1", "web:1", Outcome.REVIEW),
        ("fca:2", "web:1", Outcome.REVIEW),
    }
    assert all(p.explanation.rule.endswith(AMBIGUOUS) for p in result.pairs)
    # Even a human "same" for both cannot put the two registered shops in one cluster.
    forced = match(records, Decisions.of(same=(("fca:1", "web:1"), ("fca:2", "web:1"))))
    cluster_of = forced.cluster_index()
    assert cluster_of["fca:1"] != cluster_of["fca:2"]


def test_match_merges_register_and_directory_entries_and_explains_them() -> None:
    records = [
        register("cuk:1", "Cinderhill Garden Co-operative Limited", "OL14 6BU", fca_number="1234R"),
        record("web:1", "Cinderhill Garden Co-op", "OL14 6BU", website="http://cinderhill.coop"),
        record(
            "web:2", "Cinderhill Garden Cooperative", "OL14 6BU", website="https://www.cinderhill.coop/about"
        ),
        register("cuk:2", "Hebden Bridge Housing Co-operative Limited", "HX7 8AD", fca_number="999R"),
    ]
    result = match(records)
    assert ("cuk:1", "web:1", "web:2") in result.clusters
    merged = [p for p in result.pairs if p.outcome is Outcome.MERGED]
    assert merged
    for pair in merged:
        assert pair.explanation.rule
        assert pair.explanation.features["name_ratio"] is not None
        assert set(pair.explanation.contributions) >= {"name", "postcode"}


def test_match_puts_a_moderate_pair_in_the_grey_band_with_its_explanation() -> None:
    records = [
        register("cuk:1", "Laggan Community Trading Limited", "PH20 1AH"),
        record("web:1", "Laggan Community Housing", "PH20 1AH"),
    ]
    result = match(records)
    assert len(result.clusters) == 2
    [pair] = result.pairs
    assert pair.outcome is Outcome.REVIEW
    assert 0.5 <= pair.explanation.probability < 0.95


def test_match_human_decisions_override_the_score() -> None:
    records = [
        register("cuk:1", "Laggan Community Trading Limited", "PH20 1AH"),
        record("web:1", "Laggan Community Housing", "PH20 1AH"),
    ]
    same = match(records, Decisions.of(same=(("web:1", "cuk:1"),)))
    assert same.clusters == (("cuk:1", "web:1"),)
    assert same.pairs[0].outcome is Outcome.CONFIRMED
    records = [
        register("cuk:1", "Zephyr Bakery Limited", "OX4 3NH"),
        record("web:1", "Zephyr Bakery", "OX4 3NH"),
    ]
    apart = match(records, Decisions.of(different=(("cuk:1", "web:1"),)))
    assert len(apart.clusters) == 2
    assert apart.pairs[0].outcome is Outcome.REJECTED


def test_match_rejects_duplicate_keys() -> None:
    with pytest.raises(ValueError, match="unique"):
        match([record("a:1", "A"), record("a:1", "B")])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_match_clusters_do_not_depend_on_input_order(shuffler: random.Random) -> None:
    records = list(SMALL.records)
    expected = match(records, config=CONFIG)
    shuffler.shuffle(records)
    shuffled = match(records, config=CONFIG)
    assert shuffled.clusters == expected.clusters
    assert [(p.left, p.right, p.outcome) for p in shuffled.pairs] == [
        (p.left, p.right, p.outcome) for p in expected.pairs
    ]


def test_match_rerun_changes_nothing() -> None:
    first = match(SMALL.records, config=CONFIG)
    second = match(SMALL.records, config=CONFIG)
    assert first.clusters == second.clusters
    assert first.pairs == second.pairs


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_match_never_overrides_a_human_not_the_same(data: st.DataObject) -> None:
    baseline = match(SMALL.records, config=CONFIG)
    merged = [cluster for cluster in baseline.clusters if len(cluster) > 1]
    cluster = data.draw(st.sampled_from(merged))
    left, right = data.draw(st.lists(st.sampled_from(cluster), min_size=2, max_size=2, unique=True))
    # Humans also claim the opposite, and "same" for every other pair in that cluster: still never merged.
    others = tuple(pair_key(a, b) for a in cluster for b in cluster if a < b and {a, b} != {left, right})
    decisions = Decisions.of(same=((left, right), *others), different=((left, right),))
    result = match(SMALL.records, decisions, CONFIG)
    cluster_of = result.cluster_index()
    assert cluster_of[left] != cluster_of[right]


ONE_TO_ONE = MatchConfig(duplicate_free_sources=frozenset({"reg", "dir"}), mutual_best=0.1)
RACKENFORD = [
    register("reg:1", "Rackenford Village Shop Limited", "EX16 8DZ", fca_number="1R"),
    record("dir:2", "Rackenford Village Stores", "EX16 8DZ"),
]


def test_match_links_a_clear_mutual_best_between_two_one_to_one_lists_and_says_why() -> None:
    plain = match(RACKENFORD, config=MatchConfig(duplicate_free_sources=frozenset({"reg", "dir"})))
    assert [p.outcome for p in plain.pairs] == [Outcome.REVIEW]
    linked = match(RACKENFORD, config=ONE_TO_ONE)
    assert linked.clusters == (("dir:2", "reg:1"),)
    [pair] = linked.pairs
    assert pair.outcome is Outcome.MERGED
    assert pair.explanation.rule.endswith(MUTUAL_BEST)
    assert pair.explanation.probability < ONE_TO_ONE.auto_merge


def test_match_does_not_link_a_mutual_best_with_a_close_rival() -> None:
    rival = [*RACKENFORD, record("dir:3", "Rackenford Village Stores", "EX16 8DZ")]
    result = match(rival, config=ONE_TO_ONE)
    assert result.cluster_index()["dir:2"] != result.cluster_index()["reg:1"]
    assert result.cluster_index()["dir:3"] != result.cluster_index()["reg:1"]


def test_mutual_best_must_not_exceed_the_auto_merge_threshold() -> None:
    with pytest.raises(ValueError, match="mutual_best"):
        MatchConfig(mutual_best=0.99)
