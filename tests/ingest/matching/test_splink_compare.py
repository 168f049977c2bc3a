"""The pure parts of the Splink comparison; nothing here needs Splink (an optional extra)."""

from __future__ import annotations

import sys

import pytest

from ingest.matching.metrics import PairwiseScore
from ingest.matching.splink_compare import (
    best_links,
    best_threshold,
    line,
    link_clusters,
    main,
    splink_rows,
)
from tests.ingest.matching.factories import record, register


def test_splink_rows_split_by_source_with_normalised_name_and_postcode_parts() -> None:
    registers, community = splink_rows(
        [
            register(
                "coops-uk:R1",
                "The Leeds Bread Co-operative Limited",
                "ls6 1aa",
                other_names=("Leeds Bread Co-op (Bakery)",),
            ),
            record("community:a", "Leeds Bread", "LS6 1AA"),
            record("community:b", "", None),
        ]
    )
    assert [row["unique_id"] for row in registers] == ["coops-uk:R1"]
    assert [row["unique_id"] for row in community] == ["community:a", "community:b"]
    row = registers[0]
    assert row["name"] == "leeds bread"
    assert "leeds bread" in row["name_forms"]
    assert row["first_token"] == "leeds"
    assert (row["postcode"], row["sector"], row["district"]) == ("LS6 1AA", "LS6 1", "LS6")
    assert set(row["name_tokens"]) >= {"leeds", "bread"}
    empty = community[1]
    assert (empty["name"], empty["postcode"], empty["rare_tokens"]) == (None, None, None)


@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ([("c", "r2", 0.4), ("c", "r1", 0.9)], {"c": ("r1", 0.9)}),
        ([("c", "r2", 0.9), ("c", "r1", 0.9)], {"c": ("r1", 0.9)}),  # a tie goes to the lower key
        ([("c", "r1", 0.2), ("d", "r1", 0.3)], {"c": ("r1", 0.2), "d": ("r1", 0.3)}),
        ([], {}),
    ],
)
def test_best_links_keep_each_entrys_highest_probability(
    links: list[tuple[str, str, float]], expected: dict[str, tuple[str, float]]
) -> None:
    assert best_links(links) == expected


def test_link_clusters_join_entries_to_their_register_record_at_the_threshold() -> None:
    best = {"c1": ("r1", 0.9), "c2": ("r1", 0.5), "c3": ("r2", 0.49)}
    keys = ["r1", "r2", "c1", "c2", "c3"]
    assert link_clusters(keys, best, 0.5) == [["c1", "c2", "r1"], ["c3"], ["r2"]]
    assert link_clusters(keys, best, 0.95) == [["c1"], ["c2"], ["c3"], ["r1"], ["r2"]]


def test_best_threshold_picks_the_best_f1_and_the_higher_threshold_on_a_tie() -> None:
    truth = {"r1": "1", "c1": "1", "r2": "2", "c2": "3"}
    best = {"c1": ("r1", 0.8), "c2": ("r2", 0.3)}

    def clusters_at(threshold: float) -> list[list[str]]:
        return link_clusters(list(truth), best, threshold)

    assert best_threshold(clusters_at, truth, {"r1", "r2"}, thresholds=(0.1, 0.5, 0.7)) == (0.7, 1.0)
    assert best_threshold(clusters_at, truth, {"r1", "r2"}, thresholds=(0.1, 0.2)) == (0.2, 2 / 3)


def test_line_counts_wrong_and_missed_pairs() -> None:
    score = PairwiseScore(true_positives=8, predicted=10, actual=12, false_register_merges=1)
    assert line("ours", "held-back", score, 0.5).split()[-4:] == ["2", "4", "1", "0.50"]


def test_main_exits_2_without_splink(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "splink", None)  # `import splink` now raises ImportError
    assert main([]) == 2
    assert "make compare-splink" in capsys.readouterr().err
