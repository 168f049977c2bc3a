"""Stage 6: the outcome and explanation of every pair worth showing a person.

A pair is explained when its probability reaches the review threshold or a human decided it: merged when
both records ended in one cluster, kept apart when a rule refused the link (with that rule), review when it
sits in the grey band, confirmed or rejected for human decisions. Pairs below the review threshold are
keep-apart and are only counted, so the result stays proportional to the records.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from ingest.matching.block import Candidates
from ingest.matching.compare import Features
from ingest.matching.model import Explanation, MatchConfig, MatchedPair, Outcome
from ingest.matching.normalise import Prepared
from ingest.matching.score import Scores

HUMAN_SAME, HUMAN_DIFFERENT = "human: same", "human: not the same"
MUTUAL_BEST = "mutual best link between two lists that hold each organisation once"
AMBIGUOUS = "ambiguous: another candidate in a duplicate-free source scores almost as well"


def _features_at(columns: dict[str, list[float]], number: int) -> dict[str, float | int | str | None]:
    # Columns are rounded already; NaN (distance without centroids) is the only value to translate.
    return {name: None if (value := values[number]) != value else value for name, values in columns.items()}


def _outcome(
    probability: float, same_cluster: bool, refused: str | None, unclear: bool, config: MatchConfig
) -> tuple[Outcome, str | None]:
    if same_cluster:
        return Outcome.MERGED, None
    if refused is not None:
        return Outcome.KEPT_APART, refused
    if unclear:
        return Outcome.REVIEW, AMBIGUOUS
    if probability >= config.auto_merge:
        # An auto-merge link whose records were already split by constraints on their clusters.
        return Outcome.KEPT_APART, "kept apart by the clusters' constraints"
    return Outcome.REVIEW, None


def decide(
    prepared: Prepared,
    candidates: Candidates,
    features: Features,
    scores: Scores,
    unclear: npt.NDArray[np.bool_],
    cluster_of: list[int],
    refused: Mapping[tuple[int, int], str],
    human: Mapping[tuple[int, int], bool],
    config: MatchConfig,
    mutual: frozenset[int] = frozenset(),
) -> tuple[MatchedPair, ...]:
    """Explained pairs: human decisions first, then scored pairs at or above the review threshold.

    `mutual` holds candidate numbers linked as one-to-one mutual best links; they are explained even
    below the review threshold, so every automatic merge says why.
    """
    keys = prepared.keys
    pairs: list[MatchedPair] = []
    # Columns as Python lists once: indexing numpy arrays element by element is ten times slower.
    columns = {name: np.round(values, 3).tolist() for name, values in features.items()}
    bits = {name: np.round(values, 2).tolist() for name, values in scores.contributions.items()}
    weights, probabilities = scores.weight.tolist(), scores.probability.tolist()
    position = {
        (left, right): number
        for number, (left, right) in enumerate(
            zip(candidates.left.tolist(), candidates.right.tolist(), strict=True)
        )
    }
    for (left, right), same in sorted(human.items()):
        number = position.get((left, right))
        explanation = Explanation(
            rule=HUMAN_SAME if same else HUMAN_DIFFERENT,
            probability=probabilities[number] if number is not None else (1.0 if same else 0.0),
            weight=weights[number] if number is not None else 0.0,
            features=_features_at(columns, number) if number is not None else {},
            contributions=(
                {name: values[number] for name, values in bits.items()} if number is not None else {}
            ),
        )
        outcome = Outcome.CONFIRMED if same and cluster_of[left] == cluster_of[right] else Outcome.REJECTED
        if same and outcome is Outcome.REJECTED:
            explanation = Explanation(
                rule=f"{HUMAN_SAME}, refused: {refused.get((left, right), 'constraint')}",
                probability=explanation.probability,
                weight=explanation.weight,
                features=explanation.features,
                contributions=explanation.contributions,
            )
        pairs.append(MatchedPair(keys[left], keys[right], outcome, explanation))
    lefts, rights = candidates.left.tolist(), candidates.right.tolist()
    shown = sorted(set(np.flatnonzero(scores.probability >= config.review).tolist()) | mutual)
    for number in shown:
        left, right = lefts[number], rights[number]
        if (left, right) in human:
            continue
        probability = probabilities[number]
        outcome, reason = _outcome(
            probability,
            cluster_of[left] == cluster_of[right],
            refused.get((left, right)),
            bool(unclear[number]),
            config,
        )
        rule = scores.rule[number] + (f"; {MUTUAL_BEST}" if number in mutual else "")
        explanation = Explanation(
            rule=rule if reason is None else f"{rule}; {reason}",
            probability=round(probability, 6),
            weight=round(weights[number], 3),
            features=_features_at(columns, number),
            contributions={name: values[number] for name, values in bits.items()},
        )
        pairs.append(MatchedPair(keys[left], keys[right], outcome, explanation))
    return tuple(pairs)


__all__ = ["AMBIGUOUS", "HUMAN_DIFFERENT", "HUMAN_SAME", "MUTUAL_BEST", "decide"]
