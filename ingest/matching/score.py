"""Stage 4: a match weight in bits per pair (a small hand-set Fellegi-Sunter model), and its probability.

Each feature contributes log2(P(agreement | same) / P(agreement | different)) at its level; the weights
below are set from how the registers behave (dedupe-anchors sections 1 and 5.3), not fitted to rows:
an identical, rare name is strong evidence, a shared postcode unit strong unless it is a hub (accountants,
development bodies) where the weight falls with the number of organisations there, a postcode in another
area counts against because most organisations do not move. The probability is the logistic of the
weight against a prior; equal identifiers (FCA or Companies House number, a website domain no third record
uses) decide alone, different registration numbers forbid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ingest.matching.compare import (
    POSTCODE_AREA,
    POSTCODE_DISTRICT,
    POSTCODE_OTHER,
    POSTCODE_SECTOR,
    POSTCODE_UNIT,
    Features,
)

Array = npt.NDArray[np.float64]

IDENTIFIER_BITS = 30.0
PRIOR_BITS = 9.0  # the weight at which a pair is as likely the same as not
# Name similarity levels: (minimum best score, bits), most similar first; an exact key is scored apart.
NAME_LEVELS: tuple[tuple[float, float], ...] = (
    (95.0, 9.0),
    (90.0, 7.0),
    (85.0, 4.0),
    (75.0, 1.0),
    (60.0, -3.0),
)
NAME_FLOOR_BITS = -8.0
NAME_EXACT_BITS = 15.0
# One name's tokens all inside the other's ("Growing Devon Schools" in "... Schools Partnership"): as good
# as a close fuzzy match, no better, because "X Credit Union" is inside "North X Credit Union" too.
NAME_CONTAINED_SCORE, NAME_CONTAINED_BITS = 95.0, 4.0
CLOSE_NAME_SCORE = 90.0
POSTCODE_BITS = {
    POSTCODE_UNIT: 8.0,
    POSTCODE_SECTOR: 5.0,
    POSTCODE_DISTRICT: 3.0,
    POSTCODE_AREA: 0.0,
    POSTCODE_OTHER: -3.0,
}
RARE_TOKEN_IDF = 6.0  # a shared token in fewer than about 1 record in 150
RARE_TOKEN_BITS = 2.0
DISJOINT_TOKENS_BITS = -3.0
DOMAIN_BITS, PHONE_BITS, DATE_BITS, DISAGREE_BITS, DATE_DISAGREE_BITS = 8.0, 8.0, 4.0, -1.0, -2.0
MAX_FREQUENCY_DISCOUNT = 6.0
# With centroids, a postcode in another area close by (across an area boundary) counts like one in the
# same area. Distance is no evidence against: a registered office (accountant, head office) is often far
# from where the organisation trades, and a penalty cost recall on the development half.
NEAR_KM, NEAR_BITS = 15.0, 1.5

RULE_SCORE, RULE_IDENTIFIER, RULE_NUMBERS_DIFFER = "score", "identifier", "different registration numbers"
# A website domain is an identifier only when no third record uses it ("unique among the records"): a
# development body's site shared by the societies it hosts is evidence, not identity.
DOMAIN_IDENTIFIER_MAX_RECORDS = 2


@dataclass(frozen=True, slots=True)
class Scores:
    """Per pair: total weight, probability, deciding rule, and each feature group's bits."""

    weight: Array
    probability: Array
    rule: tuple[str, ...]
    contributions: dict[str, Array]


def _frequency_discount(count: Array) -> Array:
    """Bits to remove for a value shared by `count` records (a pair alone gets none)."""
    return np.minimum(np.log2(np.maximum(count, 2.0) / 2.0), MAX_FREQUENCY_DISCOUNT)


def _name_bits(features: Features) -> Array:
    best = np.maximum.reduce([features["name_ratio"], features["name_token_sort"], features["name_squashed"]])
    bits = np.full(best.shape, NAME_FLOOR_BITS)
    for minimum, value in reversed(NAME_LEVELS):
        bits = np.where(best >= minimum, value, bits)
    contained = features["name_token_set"] >= NAME_CONTAINED_SCORE
    bits = np.where(contained, np.maximum(bits, NAME_CONTAINED_BITS), bits)
    exact = NAME_EXACT_BITS - _frequency_discount(features["name_frequency"])
    return np.where(features["name_exact"] > 0, np.maximum(exact, bits), bits)


def _rarity_bits(features: Features) -> Array:
    shared_rare = np.where(features["rarest_shared_idf"] >= RARE_TOKEN_IDF, RARE_TOKEN_BITS, 0.0)
    # Disjoint tokens count against only when the names are not close as strings (a typo changes a token).
    close = np.maximum(features["name_ratio"], features["name_squashed"]) >= CLOSE_NAME_SCORE
    disjoint = (features["token_jaccard"] < 0.3) & ~close
    return np.where(disjoint, DISJOINT_TOKENS_BITS, shared_rare)


def _postcode_bits(features: Features) -> Array:
    level = features["postcode_level"]
    bits = np.zeros(level.shape)
    for value, weight in POSTCODE_BITS.items():
        bits = np.where(level == value, weight, bits)
    hub = _frequency_discount(features["postcode_count"])
    bits = np.where(level == POSTCODE_UNIT, bits - hub, bits)
    if "distance_km" in features:
        near = np.nan_to_num(features["distance_km"], nan=np.inf) <= NEAR_KM
        bits = np.where((level == POSTCODE_OTHER) & near, bits + NEAR_BITS, bits)
    return bits


def _agreement_bits(agreement: Array, agree: float, disagree: float) -> Array:
    return np.where(agreement > 0, agree, np.where(agreement < 0, disagree, 0.0))


def score(features: Features) -> Scores:
    """Weights, probabilities and rules for every pair of the features."""
    domain = _agreement_bits(features["domain"], DOMAIN_BITS, DISAGREE_BITS)
    domain = np.where(features["domain"] > 0, domain - _frequency_discount(features["domain_count"]), domain)
    contributions = {
        "name": _name_bits(features),
        "rarity": _rarity_bits(features),
        "postcode": _postcode_bits(features),
        "domain": domain,
        "phone": _agreement_bits(features["phone"], PHONE_BITS, DISAGREE_BITS),
        "incorporated": _agreement_bits(features["incorporated"], DATE_BITS, DATE_DISAGREE_BITS),
    }
    weight = np.sum(list(contributions.values()), axis=0) if contributions["name"].size else np.zeros(0)
    fca, company = features["fca"] > 0, features["companies_house"] > 0
    domain_id = (features["domain"] > 0) & (features["domain_count"] <= DOMAIN_IDENTIFIER_MAX_RECORDS)
    identifier = fca | company | domain_id
    conflict = (features["fca"] < 0) | (features["companies_house"] < 0)
    weight = np.where(conflict, -IDENTIFIER_BITS, np.where(identifier, IDENTIFIER_BITS, weight))
    probability = 1.0 / (1.0 + np.exp2(-(weight - PRIOR_BITS)))
    rule = tuple(
        RULE_NUMBERS_DIFFER
        if c
        else f"{RULE_IDENTIFIER}: FCA number"
        if f
        else f"{RULE_IDENTIFIER}: Companies House number"
        if h
        else f"{RULE_IDENTIFIER}: website domain"
        if d
        else RULE_SCORE
        for c, f, h, d in zip(
            conflict.tolist(), fca.tolist(), company.tolist(), domain_id.tolist(), strict=True
        )
    )
    return Scores(weight=weight, probability=probability, rule=rule, contributions=contributions)
