"""Typo-tolerant relevance: table cases and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.ranking import Document, query_words, score, variants, word_score

BAKERY = Document(
    name="Riverside Bakery Co-operative Limited",
    goods_services=["sourdough bread", "cakes"],
    description="A worker-owned bakery.",
)


@pytest.mark.parametrize(
    ("query", "document", "matches"),
    [
        ("cooprative bakry", BAKERY, True),
        ("bakery", BAKERY, True),
        ("BAKERY co-op", BAKERY, True),
        ("cooperative", BAKERY, True),  # "co-operative" is two indexed words, tried joined
        ("sourdugh", BAKERY, True),
        ("bak", BAKERY, True),  # a prefix, as typed so far
        ("housing", BAKERY, False),
        ("bakery housing", BAKERY, False),  # every word must match
        ("broad", BAKERY, False),  # one substituted letter of a short word is another word
        ("café", Document(name="Cafe Alma CIC"), True),
    ],
)
def test_score_matches_typos_and_requires_every_word(query: str, document: Document, matches: bool) -> None:
    assert (score(query_words(query), document) is not None) is matches


def test_score_weights_the_name_above_the_description() -> None:
    in_name = Document(name="Harbour Bakery")
    in_description = Document(name="Harbour Stores", description="Also a bakery")
    assert score(["bakery"], in_name) > score(["bakery"], in_description)  # type: ignore[operator]


def test_query_words_are_distinct_folded_and_capped() -> None:
    assert query_words("Café  café CAFE!") == ["cafe"]
    assert query_words("!!!") == []
    assert len(query_words(" ".join(f"w{n}" for n in range(20)))) == 8


def test_word_score_prefers_exact_then_prefix_then_fuzzy() -> None:
    assert word_score("bakery", ["bakery"]) == 100
    assert word_score("bake", ["bakery"]) == 95
    assert 86 < word_score("bakry", ["bakery"]) < 95
    assert word_score("bakery", []) == 0


def test_variants_expand_a_misspelling_to_vocabulary_words() -> None:
    vocabulary = ["bakery", "bakers", "housing", "operative", "cooperative"]
    known = set(vocabulary)
    assert variants("bakry", vocabulary, known)[0] == "bakery"
    assert "cooperative" in variants("cooprative", vocabulary, known)
    assert variants("zzzz", vocabulary, known) == []


def test_variants_include_a_phrase_for_a_word_typed_without_its_hyphen() -> None:
    vocabulary = ["co", "operative", "housing"]
    assert "co operative" in variants("cooprative", vocabulary, set(vocabulary))


@given(st.text(max_size=60), st.text(max_size=60))
def test_score_is_none_or_between_0_and_100(query: str, name: str) -> None:
    result = score(query_words(query), Document(name=name or "x"))
    assert result is None or 0 <= result <= 100


@given(st.lists(st.sampled_from(["bakery", "bread", "co", "op", "riverside"]), min_size=1, max_size=4))
def test_score_ignores_word_order(words: list[str]) -> None:
    assert score(words, BAKERY) == score(list(reversed(words)), BAKERY)
