"""A fast smoke run of the evaluation on a subset of the real files (skipped when they are absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.matching.benchmark import HALVES, load
from ingest.matching.evaluate import REAL_CONFIG, main, real, synthetic
from ingest.matching.matcher import match
from ingest.matching.metrics import pairwise

ROOT = Path(os.environ.get("COOPMAP_SHARED_DATA", Path(__file__).resolve().parents[4] / "shared" / "data"))


def require_shared_data() -> None:
    if not (ROOT / "coops-uk").is_dir() or not (ROOT / "digitalcommons").is_dir():
        pytest.skip(f"shared data not found at {ROOT}")


@pytest.mark.shared_data
def test_evaluate_on_a_subset_of_the_real_files_merges_no_distinct_register_organisations() -> None:
    require_shared_data()
    benchmark = load(ROOT, limit=1500)
    community = [r for r in benchmark.records if not r.register]
    assert community
    assert all(r.companies_house_number is None for r in community)
    assert all(benchmark.truth[r.key] not in r.key for r in community)  # the answer is not in the key
    result = match(benchmark.records, config=REAL_CONFIG)
    score = pairwise(result.clusters, benchmark.truth, benchmark.register_keys)
    assert score.false_register_merges == 0
    assert score.precision >= 0.98
    assert score.recall >= 0.9


@pytest.mark.shared_data
def test_evaluate_prints_both_halves_and_the_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    require_shared_data()
    lines = real(ROOT, limit=600)
    labels = [line.split(",")[0] for line in lines[1:]]
    assert labels == ["matcher"] * 2 + ["matcher + centroids"] * 2 + ["baseline (tsr>=90)"] * 2
    assert main(["--data", str(ROOT), "--limit", "300"]) == 0
    assert "held-back" in capsys.readouterr().out


def test_evaluate_synthetic_prints_figures() -> None:
    lines = synthetic(400, seed=2)
    assert "precision" in lines[0]
    assert "peak RSS" in lines[1]


def test_evaluate_exits_2_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path / "absent")]) == 2
    assert "shared data not found" in capsys.readouterr().err


@pytest.mark.shared_data
@pytest.mark.parametrize("half", HALVES)
def test_the_real_evaluation_meets_the_acceptance_figures_on_each_half(half: str) -> None:
    require_shared_data()
    part = load(ROOT).half(half)
    result = match(part.records, config=REAL_CONFIG)
    score = pairwise(result.clusters, part.truth, part.register_keys)
    assert score.false_register_merges == 0
    assert score.precision >= 0.995
    assert score.f1 >= 0.98
