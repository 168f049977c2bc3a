"""Folding text for keys: the ASCII shortcut agrees with the full Unicode path."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.text import fold, sort_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Café Ørsted Cooperative", "cafe orsted cooperative"),
        ("Straße", "strasse"),
        ("ÆTHELRED'S Bakery", "aethelred's bakery"),
        ("PLAIN Ascii Co-op", "plain ascii co-op"),
        ("", ""),
    ],
)
def test_fold_drops_accents_and_case(text: str, expected: str) -> None:
    assert fold(text) == expected


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_the_unicode_path_would(text: str) -> None:
    # A trailing é sends the text through decomposition; it folds to a plain "e" and nothing else moves.
    assert fold(text) == fold(text + "é")[:-1]


def test_sort_key_is_the_same_for_accented_and_plain_spellings() -> None:
    assert sort_key("The Café Co-operative") == sort_key("Cafe Cooperative") == "cafe cooperative"
