from __future__ import annotations

from ingest.matching.cluster import REFUSED_HUMAN, REFUSED_NUMBERS, REFUSED_SOURCE, cluster
from ingest.matching.normalise import prepare
from tests.ingest.matching.factories import record, register


def run(records, links, **options):
    prepared = prepare(records)
    groups, refused = cluster(prepared, links, **options)
    keys = prepared.keys
    return [[keys[i] for i in group] for group in groups], {
        (keys[a], keys[b]): why for (a, b), why in refused.items()
    }


def test_cluster_refuses_two_register_records_with_different_numbers() -> None:
    records = [
        register("reg:1", "Winsham Shop Limited", "TA20 4HU", fca_number="30001R"),
        register("reg:2", "Winsham Shop Limited", "TA20 4HU", fca_number="31234R"),
        record("web:1", "Winsham Shop", "TA20 4HU"),
    ]
    groups, refused = run(records, [(20.0, 0, 2), (19.0, 1, 2), (25.0, 0, 1)])
    assert groups == [["reg:1", "web:1"], ["reg:2"]]
    assert refused == {("reg:1", "reg:2"): REFUSED_NUMBERS, ("reg:2", "web:1"): REFUSED_NUMBERS}


def test_cluster_refuses_a_register_record_with_another_registers_number() -> None:
    records = [
        register("reg:1", "Alpha Limited", fca_number="100R"),
        register("reg:2", "Alpha Limited", companies_house_number="01234567"),
    ]
    groups, refused = run(records, [(20.0, 0, 1)])
    assert groups == [["reg:1"], ["reg:2"]]
    assert refused == {("reg:1", "reg:2"): REFUSED_NUMBERS}


def test_cluster_accepts_an_fca_number_without_its_suffix() -> None:
    records = [
        register("reg:1", "Alpha", fca_number="7334"),
        register("reg:2", "Alpha", fca_number="7334CBS"),
    ]
    groups, _ = run(records, [(20.0, 0, 1)])
    assert groups == [["reg:1", "reg:2"]]


def test_cluster_keeps_one_record_per_duplicate_free_source_best_link_first() -> None:
    records = [record("reg:1", "A"), record("reg:2", "A"), record("web:1", "A")]
    groups, refused = run(records, [(15.0, 0, 2), (18.0, 1, 2)], duplicate_free=frozenset({"reg"}))
    assert groups == [["reg:1"], ["reg:2", "web:1"]]
    assert refused == {("reg:1", "web:1"): REFUSED_SOURCE}


def test_cluster_never_overrides_a_human_not_the_same_even_through_a_chain() -> None:
    records = [record("a:1", "A"), record("b:1", "A"), record("c:1", "A")]
    groups, refused = run(records, [(30.0, 0, 1), (29.0, 1, 2)], same=[(0, 2)], different=[(0, 2)])
    assert not any({"a:1", "c:1"} <= set(group) for group in groups)
    assert REFUSED_HUMAN in refused.values()


def test_cluster_applies_a_human_same_below_any_threshold() -> None:
    records = [record("a:1", "A"), record("b:1", "Completely Different")]
    groups, _ = run(records, [], same=[(0, 1)])
    assert groups == [["a:1", "b:1"]]
