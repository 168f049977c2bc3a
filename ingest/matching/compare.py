"""Stage 3: comparison features for each candidate pair, as numpy arrays (one value per pair).

Name similarity is the best over the two records' name variants of several rapidfuzz scorers (`ratio`,
`token_sort_ratio`, `token_set_ratio`, Jaro-Winkler, and `ratio` with spaces removed for "A B C" vs "ABC"),
computed in one `cpdist` call per scorer. Token rarity weighs shared tokens by inverse document frequency,
so sharing "winsham" counts for more than sharing "community". Agreement features are 1 (agree), -1
(disagree) or 0 (missing on either side).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import distance, fuzz, process

from ingest.matching.block import Candidates
from ingest.matching.normalise import Prepared

Features = dict[str, npt.NDArray[np.float64]]

# Postcode agreement levels, most specific first.
POSTCODE_UNIT, POSTCODE_SECTOR, POSTCODE_DISTRICT, POSTCODE_AREA, POSTCODE_OTHER, POSTCODE_MISSING = (
    5,
    4,
    3,
    2,
    1,
    0,
)
_EARTH_RADIUS_KM = 6371.0


def _name_scores(prepared: Prepared, candidates: Candidates) -> Features:
    """Best score per pair over all combinations of the two records' name variants, per scorer."""
    owners: list[int] = []
    lefts: list[str] = []
    rights: list[str] = []
    variants = prepared.name_variants
    for number, (left, right) in enumerate(
        zip(candidates.left.tolist(), candidates.right.tolist(), strict=True)
    ):
        for a in variants[left]:
            for b in variants[right]:
                owners.append(number)
                lefts.append(a)
                rights.append(b)
    owner = np.array(owners, dtype=np.int64)
    size = len(candidates)
    scorers: dict[str, Any] = {
        "name_ratio": fuzz.ratio,
        "name_token_sort": fuzz.token_sort_ratio,
        "name_token_set": fuzz.token_set_ratio,
        "name_jaro_winkler": distance.JaroWinkler.normalized_similarity,
    }
    scores: Features = {}
    for feature, scorer in scorers.items():
        values = process.cpdist(lefts, rights, scorer=scorer, dtype=np.float64, workers=1)
        if feature == "name_jaro_winkler":
            values = values * 100.0
        best = np.zeros(size, dtype=np.float64)
        np.maximum.at(best, owner, values)
        scores[feature] = best
    squashed_left = [text.replace(" ", "") for text in lefts]
    squashed_right = [text.replace(" ", "") for text in rights]
    values = process.cpdist(squashed_left, squashed_right, scorer=fuzz.ratio, dtype=np.float64, workers=1)
    best = np.zeros(size, dtype=np.float64)
    np.maximum.at(best, owner, values)
    scores["name_squashed"] = best
    exact = np.zeros(size, dtype=np.float64)
    np.maximum.at(
        exact, owner, np.array([a == b for a, b in zip(lefts, rights, strict=True)], dtype=np.float64)
    )
    scores["name_exact"] = exact
    return scores


def _rarity(prepared: Prepared, candidates: Candidates) -> Features:
    """IDF-weighted Jaccard of the name tokens, the IDF of the rarest shared token, and name frequency."""
    idf = prepared.idf
    jaccard: list[float] = []
    rarest: list[float] = []
    frequency: list[float] = []
    for left, right in zip(candidates.left.tolist(), candidates.right.tolist(), strict=True):
        a, b = prepared.tokens[left], prepared.tokens[right]
        shared = a & b
        union = sum(idf[t] for t in a | b)
        jaccard.append(sum(idf[t] for t in shared) / union if union else 0.0)
        rarest.append(max((idf[t] for t in shared), default=0.0))
        common = set(prepared.name_variants[left]) & set(prepared.name_variants[right])
        frequency.append(float(min((prepared.name_count[n] for n in common), default=0)))
    return {
        "token_jaccard": np.array(jaccard, dtype=np.float64),
        "rarest_shared_idf": np.array(rarest, dtype=np.float64),
        "name_frequency": np.array(frequency, dtype=np.float64),
    }


def _agreement(values: tuple[str | None, ...], candidates: Candidates) -> npt.NDArray[np.float64]:
    out = np.zeros(len(candidates), dtype=np.float64)
    for number, (left, right) in enumerate(
        zip(candidates.left.tolist(), candidates.right.tolist(), strict=True)
    ):
        a, b = values[left], values[right]
        if a and b:
            out[number] = 1.0 if a == b else -1.0
    return out


def _postcode_level(prepared: Prepared, left: int, right: int) -> int:
    if not prepared.postcode[left] or not prepared.postcode[right]:
        return POSTCODE_MISSING
    for level, values in (
        (POSTCODE_UNIT, prepared.postcode),
        (POSTCODE_SECTOR, prepared.sector),
        (POSTCODE_DISTRICT, prepared.district),
        (POSTCODE_AREA, prepared.area),
    ):
        if values[left] == values[right]:
            return level
    return POSTCODE_OTHER


def _distance_km(
    prepared: Prepared, left: int, right: int, centroids: Mapping[str, tuple[float, float]]
) -> float:
    """Great-circle distance between postcode (else district) centroids; NaN when either is unknown."""
    points = []
    for index in (left, right):
        postcode, district = prepared.postcode[index], prepared.district[index]
        point = centroids.get(postcode or "") or centroids.get(district or "")
        if point is None:
            return math.nan
        points.append(point)
    (lat1, lon1), (lat2, lon2) = points
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _fca_agreement(prepared: Prepared, candidates: Candidates) -> npt.NDArray[np.float64]:
    """1 when the FCA numbers agree (same key, suffixes equal or one missing), -1 when they differ."""
    out = np.zeros(len(candidates), dtype=np.float64)
    for number, (left, right) in enumerate(
        zip(candidates.left.tolist(), candidates.right.tolist(), strict=True)
    ):
        if prepared.fca[left] and prepared.fca[right]:
            out[number] = 1.0 if same_fca(prepared.fca[left], prepared.fca[right]) else -1.0
    return out


def same_fca(a: str, b: str) -> bool:
    """Two canonical FCA numbers name one society: equal, or one lacks the suffix the other has."""
    if a == b:
        return True
    digits_a, digits_b = a.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), b.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return digits_a == digits_b and (digits_a in (a, b)) and not a[:1].isalpha()


def compare(
    prepared: Prepared, candidates: Candidates, centroids: Mapping[str, tuple[float, float]] | None = None
) -> Features:
    """All comparison features of the candidate pairs."""
    features = _name_scores(prepared, candidates)
    features.update(_rarity(prepared, candidates))
    pairs = list(zip(candidates.left.tolist(), candidates.right.tolist(), strict=True))
    features["postcode_level"] = np.array(
        [_postcode_level(prepared, a, b) for a, b in pairs], dtype=np.float64
    )
    features["postcode_count"] = np.array(
        [
            prepared.postcode_count.get(prepared.postcode[a] or "", 0)
            if prepared.postcode[a] == prepared.postcode[b]
            else 0
            for a, b in pairs
        ],
        dtype=np.float64,
    )
    if centroids:
        features["distance_km"] = np.array([_distance_km(prepared, a, b, centroids) for a, b in pairs])
    features["fca"] = _fca_agreement(prepared, candidates)
    features["companies_house"] = _agreement(prepared.companies_house, candidates)
    features["domain"] = _agreement(prepared.domain, candidates)
    features["domain_count"] = np.array(
        [float(prepared.domain_count.get(prepared.domain[a] or "", 0)) for a, _ in pairs], dtype=np.float64
    )
    features["phone"] = _agreement(prepared.phone, candidates)
    features["incorporated"] = _agreement(prepared.incorporated, candidates)
    return features
