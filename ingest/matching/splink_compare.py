"""`make compare-splink`: our matcher against Splink (EM-trained Fellegi-Sunter) on the real benchmark.

    make compare-splink                       # installs the `compare` extra (Splink, DuckDB) into .venv
    python -m ingest.matching.splink_compare  # real files in ../shared/data (--data, COOPMAP_SHARED_DATA)

Same records, truth, halves and metrics as `evaluate`. Splink sees what both sources share: the name (our
`core_key`, so "X Co-operative Limited" and "X" compare equal, plus every name form of the register's
other names), the postcode and its sector and district. Register records carry FCA and Companies House
numbers and community entries a website, but no identifier is on both sides, so none can help either engine.

Splink runs on DuckDB as its documentation recommends: the prior from a deterministic rule, u by random
sampling, m by EM on two blocking rules, predictions from five blocking rules (postcode, name, district +
first token, sector, rare tokens anywhere). Two ways to turn predictions into clusters: "best link", each
community entry joins its best-scoring register record when that probability reaches a threshold; and
Splink's own `cluster_using_single_best_links` with both sources duplicate-free ("one-to-one", like our
matcher's constraint). For each, the model variant (`VARIANTS`) and the threshold are chosen on the
development half only and applied unchanged to the held-back half, where Splink trains afresh (without
labels, as it would in use). Times cover everything from our records to clusters (Splink's tables,
training, prediction, clustering), measured with `time.perf_counter`; a fresh model per half and row.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ingest.matching.baseline import BASELINE_THRESHOLD, naive_clusters
from ingest.matching.benchmark import HALVES, Benchmark, load
from ingest.matching.evaluate import DEFAULT_DATA, REAL_CONFIG
from ingest.matching.matcher import match
from ingest.matching.metrics import PairwiseScore, pairwise
from ingest.matching.model import MatchRecord
from ingest.matching.normalise import core_key, name_forms
from ingest.normalise import normalise_postcode

# Candidate thresholds on the match probability, tried on the development half only.
THRESHOLDS = (0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999)
# A name token is rare (a country-wide blocking key) when at most this many records of the half contain it,
# as in our matcher's `MatchConfig.rare_df`.
RARE_DF = 8
SEED = 7
# Pairs sampled for u: a tenth of a half's ~10 million register x community pairs; 1e7 gave about the same F1
# on the development half but took 13 s instead of 3.
U_PAIRS = 1e6
# Splink names its tables after the datasets, so they must be SQL identifiers ("coops-uk" is not).
REGISTER_TABLE, COMMUNITY_TABLE = "register", "community"

Row = dict[str, Any]
Link = tuple[str, str, float]  # community key, register key, match probability


@dataclass(frozen=True, slots=True)
class Variant:
    """One Splink model specification tried on the development half."""

    name: str
    aliases: bool = True  # a level for "one record's name equals any name form of the other"
    term_frequencies: bool = True  # Splink's term-frequency adjustment on exact name matches
    token_overlap: bool = False  # an extra comparison on how many name tokens the records share
    em_rules: tuple[tuple[str, ...], ...] = (("postcode",), ("name",))


VARIANTS = (
    Variant("jw", aliases=False, term_frequencies=False),
    Variant("jw+aliases+tf"),
    Variant("jw+aliases+tf+tokens", token_overlap=True),
    Variant(
        "jw+aliases+tf+tokens, EM on first token",
        token_overlap=True,
        em_rules=(("postcode",), ("first_token",)),
    ),
)


def splink_rows(records: Sequence[MatchRecord]) -> tuple[list[Row], list[Row]]:
    """Splink's input rows (register rows, community rows), with the columns the comparisons use."""
    forms = [
        sorted({form for name in (r.name, *r.other_names) for form in name_forms(name)}) for r in records
    ]
    tokens = [sorted({token for form in names for token in form.split()}) for names in forms]
    document_frequency = Counter(token for token_list in tokens for token in token_list)
    register: list[Row] = []
    community: list[Row] = []
    for record, names, token_list in zip(records, forms, tokens, strict=True):
        name = core_key(record.name) or None
        postcode = normalise_postcode(record.postcode)
        row: Row = {
            "unique_id": record.key,
            "name": name,
            "name_forms": names or None,
            "name_tokens": token_list or None,
            "first_token": name.split()[0] if name else None,
            "rare_tokens": [t for t in token_list if document_frequency[t] <= RARE_DF] or None,
            "postcode": postcode,
            "sector": postcode[:-2] if postcode else None,
            "district": postcode.split(" ", 1)[0] if postcode else None,
        }
        (register if record.register else community).append(row)
    return register, community


def best_links(predictions: Iterable[Link]) -> dict[str, tuple[str, float]]:
    """Each community key's single best register key and probability; ties go to the lower key."""
    best: dict[str, tuple[str, float]] = {}
    for community, register, probability in predictions:
        held = best.get(community)
        if held is None or probability > held[1] or (probability == held[1] and register < held[0]):
            best[community] = (register, probability)
    return best


def link_clusters(
    keys: Iterable[str], best: Mapping[str, tuple[str, float]], threshold: float
) -> list[list[str]]:
    """Clusters (sorted keys) joining each community key to its best register key at >= `threshold`."""
    parent = {key: key for key in keys}
    for community, (register, probability) in best.items():
        if probability >= threshold:
            parent[community] = register
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for key, root in parent.items():
        groups[root].append(key)
    return sorted(sorted(group) for group in groups.values())


def best_threshold(
    clusters_at: Callable[[float], Sequence[Sequence[str]]],
    truth: Mapping[str, str],
    register: Iterable[str],
    thresholds: Iterable[float] = THRESHOLDS,
) -> tuple[float, float]:
    """The threshold whose clusters have the best F1 (the higher threshold on a tie), and that F1."""
    registered = frozenset(register)
    f1, threshold = max((pairwise(clusters_at(t), truth, registered).f1, t) for t in thresholds)
    return threshold, f1


@dataclass(frozen=True, slots=True)
class SplinkRun:
    """A trained Splink model on one half: its predictions, each entry's best link, and the time taken."""

    linker: Any
    predictions: Any
    best: dict[str, tuple[str, float]]
    scored_pairs: int
    seconds: float  # our records -> Splink's tables -> training -> predictions -> best links


def _name_comparison(variant: Variant) -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    exact = cll.ExactMatchLevel("name")
    if variant.term_frequencies:
        exact.configure(tf_adjustment_column="name")
    levels: list[Any] = [cll.NullLevel("name"), exact]
    if variant.aliases:
        alias = cll.ArrayIntersectLevel("name_forms", min_intersection=1)
        alias.configure(label_for_charts="A name form in common")
        levels.append(alias)
    levels += [cll.JaroWinklerLevel("name", threshold) for threshold in (0.95, 0.88, 0.7)]
    return cl.CustomComparison(comparison_levels=[*levels, cll.ElseLevel()], output_column_name="name")


def run_splink(records: Sequence[MatchRecord], variant: Variant) -> SplinkRun:
    """Build Splink's tables from `records`, train the model, predict and keep each entry's best link."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    register_rows, community_rows = splink_rows(records)
    db_api = DuckDBAPI()
    tables = [
        db_api.register(register_rows, dataset_display_name=REGISTER_TABLE),
        db_api.register(community_rows, dataset_display_name=COMMUNITY_TABLE),
    ]
    comparisons: list[Any] = [_name_comparison(variant), cl.PostcodeComparison("postcode")]
    if variant.token_overlap:
        comparisons.append(cl.ArrayIntersectAtSizes("name_tokens", [3, 2, 1]))
    settings = SettingsCreator(
        link_type="link_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=[
            block_on("postcode"),
            block_on("name"),
            block_on("district", "first_token"),
            block_on("sector"),
            block_on("rare_tokens", arrays_to_explode=["rare_tokens"]),
        ],
        retain_matching_columns=False,
    )
    linker = Linker(tables, settings, log_level=None)
    # The prior from pairs equal on name and postcode, guessed to find 60% of the matches (a guess made
    # without labels, as a Splink user would).
    linker.training.estimate_probability_two_random_records_match([block_on("name", "postcode")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=SEED)
    for columns in variant.em_rules:
        linker.training.estimate_parameters_using_expectation_maximisation(block_on(*columns))
    predictions = linker.inference.predict(threshold_match_probability=min(THRESHOLDS))
    relation = predictions.as_duckdbpyrelation()
    links: list[Link] = []
    for left, right, left_table, probability in relation.project(
        "unique_id_l, unique_id_r, source_dataset_l, match_probability"
    ).fetchall():
        community, register = (left, right) if left_table == COMMUNITY_TABLE else (right, left)
        links.append((str(community), str(register), float(probability)))
    best = best_links(links)
    return SplinkRun(linker, predictions, best, len(links), time.perf_counter() - started)


def one_to_one_clusters(run: SplinkRun, threshold: float) -> list[list[str]]:
    """Splink's own `cluster_using_single_best_links`, both sources duplicate-free, at `threshold`."""
    clustered = run.linker.clustering.cluster_using_single_best_links(
        run.predictions,
        duplicate_free_datasets=[REGISTER_TABLE, COMMUNITY_TABLE],
        threshold_match_probability=threshold,
    )
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for cluster_id, key in clustered.as_duckdbpyrelation().project("cluster_id, unique_id").fetchall():
        groups[str(cluster_id)].append(str(key))
    return sorted(sorted(group) for group in groups.values())


@dataclass(frozen=True, slots=True)
class Choice:
    """A Splink clustering method with the variant and threshold chosen for it on the development half."""

    method: str  # BEST_LINK or ONE_TO_ONE
    variant: Variant
    threshold: float
    development_f1: float


BEST_LINK, ONE_TO_ONE = "splink best link", "splink one-to-one"


def clusters_of(method: str, run: SplinkRun, keys: Sequence[str], threshold: float) -> list[list[str]]:
    """The clusters of one Splink clustering method at `threshold`."""
    if method == BEST_LINK:
        return link_clusters(keys, run.best, threshold)
    return one_to_one_clusters(run, threshold)


def choose(development: Benchmark, variants: Sequence[Variant]) -> tuple[list[Choice], list[str]]:
    """On the development half only: for each method, the variant and threshold with the best F1.

    Ties go to the earlier (simpler) variant and the higher threshold. Also a note per variant and method.
    """
    keys = [r.key for r in development.records]
    best: dict[str, Choice] = {}
    notes: list[str] = []
    for variant in variants:
        run = run_splink(development.records, variant)
        for method in (BEST_LINK, ONE_TO_ONE):
            threshold, f1 = best_threshold(
                partial(clusters_of, method, run, keys), development.truth, development.register_keys
            )
            notes.append(f"  {variant.name:<42} {method:<18} p >= {threshold:<5g} F1 {f1:.4f}")
            if method not in best or f1 > best[method].development_f1:
                best[method] = Choice(method, variant, threshold, f1)
        notes.append(f"  {variant.name:<42} {run.scored_pairs} scored pairs, {run.seconds:.2f}s")
    return list(best.values()), notes


HEADER = (
    f"{'method':<30} {'half':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'wrong':>6} {'missed':>6}"
    f" {'false':>6} {'seconds':>8}"
)


def line(method: str, half: str, score: PairwiseScore, seconds: float) -> str:
    """A row of the table: wrong and missed pairs, then false merges of distinct register organisations."""
    return (
        f"{method:<30} {half:<12} {score.precision:>9.4f} {score.recall:>7.4f} {score.f1:>7.4f}"
        f" {score.predicted - score.true_positives:>6} {score.actual - score.true_positives:>6}"
        f" {score.false_register_merges:>6} {seconds:>8.2f}"
    )


def compare(benchmark: Benchmark, variants: Sequence[Variant] = VARIANTS) -> list[str]:
    """The table: ours, Splink (best link; Splink's one-to-one clustering) and the baseline, per half.

    What Splink's rows depend on (variant and threshold) is chosen on the development half only; each
    Splink row is timed from our records to its clusters (a fresh model per half and row).
    """
    choices, notes = choose(benchmark.half(HALVES[0]), variants)
    lines = [HEADER]
    for half in HALVES:
        part = benchmark.half(half)
        keys = [r.key for r in part.records]

        started = time.perf_counter()
        ours = match(part.records, config=REAL_CONFIG).clusters
        seconds = time.perf_counter() - started
        lines.append(line("ours", half, pairwise(ours, part.truth, part.register_keys), seconds))

        for choice in choices:
            run = run_splink(part.records, choice.variant)
            started = time.perf_counter()
            clusters = clusters_of(choice.method, run, keys, choice.threshold)
            seconds = run.seconds + time.perf_counter() - started
            score = pairwise(clusters, part.truth, part.register_keys)
            lines.append(line(f"{choice.method}, p >= {choice.threshold:g}", half, score, seconds))

        started = time.perf_counter()
        baseline, _ = naive_clusters(part.records)
        seconds = time.perf_counter() - started
        score = pairwise(baseline, part.truth, part.register_keys)
        lines.append(line(f"baseline (tsr>={BASELINE_THRESHOLD:g})", half, score, seconds))
    chosen = [f"  {choice.method}: {choice.variant.name}, p >= {choice.threshold:g}" for choice in choices]
    return ["Splink on the development half:", *notes, "Chosen:", *chosen, "", *lines]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the comparison; exit 2 when Splink or the real data is missing."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("COOPMAP_SHARED_DATA", DEFAULT_DATA))
    )
    options = parser.parse_args(argv)
    try:
        import splink
    except ImportError:
        print(
            "splink is not installed: make compare-splink (or pip install -e '.[compare]')", file=sys.stderr
        )
        return 2
    if not options.data.is_dir():
        print(f"shared data not found at {options.data} (set --data or COOPMAP_SHARED_DATA)", file=sys.stderr)
        return 2
    # Splink warns that 1e6 u-sampling pairs is its default, and that EM on the first token sees no pair
    # without a shared token; both are expected here.
    logging.getLogger("splink").setLevel(logging.ERROR)
    print(f"splink {splink.__version__}, duckdb {version('duckdb')}")
    print("\n".join(compare(load(options.data))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
