"""Typo-tolerant relevance of an organisation's text to a query (pure, rapidfuzz).

A query is split into words the way the indexes split text (letters and digits; "co-op" is two words).
Each query word scores its best match among the words of a field: 100 for the same word, 95 for a prefix
(as typed so far), otherwise rapidfuzz's normalised Indel similarity ("bakry" -> "bakery" is 91). Adjacent
field words are also tried joined, so "cooperative" meets "co-operative". A document matches when every
query word reaches `WORD_MATCH_MIN` somewhere; its score is the mean over query words of the best
field-weighted match, so a word in the name counts for more than the same word in the description.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from rapidfuzz import fuzz, process

from app.domain.text import NON_ALNUM_RE, fold

MAX_QUERY_WORDS: Final = 8
MAX_WORD_LENGTH: Final = 40
PREFIX_MIN: Final = 2  # a single letter is never taken as a prefix (it would match everything)
PREFIX_SCORE: Final = 95.0
WORD_MATCH_MIN: Final = 86.0  # one slip in a word of 5+ letters (bakry: 91), not housing~hosting (85.7)
# Misspellings considered when expanding a query word against an index's vocabulary.
VARIANT_MIN: Final = 86.0
MAX_VARIANTS: Final = 12
MAX_PHRASE_HEAD: Final = 3  # "co", "eco", "re": short first halves of hyphenated words

FIELD_WEIGHTS: Final = {"name": 1.0, "other_names": 0.95, "goods_services": 0.9, "description": 0.8}


def words(text: str) -> list[str]:
    """The words of a text as the indexes see them: folded, split on anything but letters and digits."""
    return [word for word in NON_ALNUM_RE.split(fold(text)) if word]


def query_words(query: str) -> list[str]:
    """The distinct words of a query, at most `MAX_QUERY_WORDS`, each cut to `MAX_WORD_LENGTH`."""
    unique = dict.fromkeys(word[:MAX_WORD_LENGTH] for word in words(query))
    return list(unique)[:MAX_QUERY_WORDS]


def _candidates(field_words: Sequence[str]) -> list[str]:
    joined = [a + b for a, b in pairwise(field_words)]
    return list(dict.fromkeys([*field_words, *joined]))


def word_score(word: str, candidates: Sequence[str]) -> float:
    """How well one query word is matched by the best of the candidate words (0-100)."""
    if not candidates:
        return 0.0
    if word in candidates:
        return 100.0
    if len(word) >= PREFIX_MIN and any(candidate.startswith(word) for candidate in candidates):
        return PREFIX_SCORE
    best = process.extractOne(word, candidates, scorer=fuzz.ratio)
    return float(best[1]) if best is not None else 0.0


@dataclass(frozen=True)
class Document:
    """The searchable text of one organisation, by field."""

    name: str
    other_names: Sequence[str] = ()
    goods_services: Sequence[str] = ()
    description: str | None = None

    def fields(self) -> Iterable[tuple[float, list[str]]]:
        """(weight, candidate words) per non-empty field."""
        texts = {
            "name": self.name,
            "other_names": " ".join(self.other_names),
            "goods_services": " ".join(self.goods_services),
            "description": self.description or "",
        }
        for field, text in texts.items():
            field_words = words(text)
            if field_words:
                yield FIELD_WEIGHTS[field], _candidates(field_words)


def score(query: Sequence[str], document: Document) -> float | None:
    """Relevance 0-100 of the document to the query words, or None when some word is not matched."""
    if not query:
        return None
    fields = list(document.fields())
    total = 0.0
    for word in query:
        best_raw = 0.0
        best_weighted = 0.0
        for weight, candidates in fields:
            raw = word_score(word, candidates)
            best_raw = max(best_raw, raw)
            best_weighted = max(best_weighted, raw * weight)
        if best_raw < WORD_MATCH_MIN:
            return None
        total += best_weighted
    return round(total / len(query), 3)


def variants(word: str, vocabulary: Sequence[str], known: Container[str]) -> list[str]:
    """The vocabulary words (or two-word phrases) `word` may be a misspelling of, best first.

    `known` is the vocabulary as a set. A phrase covers a word typed without its hyphen: the index holds
    "co-operative" as "co" + "operative", so "cooprative" becomes the phrase "co operative".
    """
    found = [
        match[0]
        for match in process.extract(
            word, vocabulary, scorer=fuzz.ratio, score_cutoff=VARIANT_MIN, limit=MAX_VARIANTS
        )
    ]
    for cut in range(1, min(MAX_PHRASE_HEAD, len(word) - PREFIX_MIN) + 1):
        head, tail = word[:cut], word[cut:]
        if head in known:
            joined = process.extract(tail, vocabulary, scorer=fuzz.ratio, score_cutoff=VARIANT_MIN, limit=3)
            found.extend(
                f"{head} {match[0]}" for match in joined if fuzz.ratio(word, head + match[0]) >= VARIANT_MIN
            )
    return list(dict.fromkeys(found))[:MAX_VARIANTS]
