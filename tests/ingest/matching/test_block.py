from __future__ import annotations

from ingest.matching import MatchConfig
from ingest.matching.block import block
from ingest.matching.normalise import prepare
from tests.ingest.matching.factories import record


def pairs_of(records, config=None):
    prepared = prepare(records)
    candidates = block(prepared, config or MatchConfig())
    keys = prepared.keys
    return {
        (keys[a], keys[b]) for a, b in zip(candidates.left.tolist(), candidates.right.tolist(), strict=True)
    }, candidates


def test_block_finds_a_moved_organisation_by_its_rare_token() -> None:
    records = [
        record("reg:1", "Zephyrwood Bakery Limited", "OX4 3NH"),
        record("web:1", "Zephyrwood Bakers", "LS6 1AA"),
        *[record(f"reg:x{n}", f"Town{n} Community Bakery", f"M{n % 9 + 1} 1AA") for n in range(30)],
    ]
    pairs, candidates = pairs_of(records)
    assert ("reg:1", "web:1") in pairs
    assert candidates.pairs_by_pass["rare_token"] >= 1


def test_block_pairs_same_postcode_and_same_name_and_identifiers() -> None:
    records = [
        record("a:1", "Alpha", "OX4 3NH"),
        record("b:1", "Beta", "OX4 3NH"),
        record("a:2", "Gamma Housing", "LS6 1AA"),
        record("b:2", "Gamma Housing", "BN1 1AA"),
        record("a:3", "Delta", None, fca_number="123R"),
        record("b:3", "Epsilon", None, fca_number="123R"),
    ]
    pairs, candidates = pairs_of(records)
    assert {("a:1", "b:1"), ("a:2", "b:2"), ("a:3", "b:3")} <= pairs
    assert candidates.pairs_by_pass["fca_number"] == 1


def test_block_skips_blocks_over_the_cap_and_counts_them() -> None:
    records = [record(f"a:{n}", f"Name{n}", "OX4 3NH") for n in range(12)]
    pairs, candidates = pairs_of(records, MatchConfig(max_block=10))
    assert pairs == set()
    assert candidates.skipped_blocks == 1


def test_block_never_pairs_records_inside_one_duplicate_free_source() -> None:
    records = [
        record("reg:1", "Same Name", "OX4 3NH"),
        record("reg:2", "Same Name", "OX4 3NH"),
        record("web:1", "Same Name", "OX4 3NH"),
    ]
    pairs, _ = pairs_of(records, MatchConfig(duplicate_free_sources=frozenset({"reg"})))
    assert pairs == {("reg:1", "web:1"), ("reg:2", "web:1")}
