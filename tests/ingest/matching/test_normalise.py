from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.matching.normalise import core_key, name_forms, postcode_sector, prepare
from ingest.normalise import name_key
from tests.ingest.matching.factories import record

NAMES = st.text(alphabet=st.sampled_from("abcXYZ &-.'()/ 0co-operativeLimitedThe"), max_size=40)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Winsham Shop Limited", "winsham shop"),
        ("Cinderhill Garden Co-operative Limited", "cinderhill garden"),
        ("Cinderhill Garden Co-op", "cinderhill garden"),
        ("Leeds Co-op", "leeds coop"),  # two tokens kept: a bare place is no name
        ("Suma Wholefoods Ltd.", "suma wholefoods"),
        ("A & B Cooperative Society Limited", "a and b"),
        ("Brixton Energy Solar 1 C.I.C.", "brixton energy solar 1"),
        ("Worcester City FC Supporters' Trust", "worcester city football club supporters trust"),
        ("Darmouth RBL Club", "darmouth royal british legion club"),
    ],
)
def test_core_key_strips_case_punctuation_and_legal_words(name: str, expected: str) -> None:
    assert core_key(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "South Wonston Social Club (The Drovers)",
            ("south wonston social club the drovers", "south wonston social club"),
        ),
        (
            "St Werburghs City Farm / Ashley Vale Allotment Association",
            (
                "st werburghs city farm ashley vale allotment association",
                "st werburghs city farm",
                "ashley vale allotment association",
            ),
        ),
        (
            "Shiretrust (East Stirlingshire Supporters Society)",
            ("shiretrust east stirlingshire supporters", "shiretrust", "east stirlingshire supporters"),
        ),
        ("Plain Name Ltd", ("plain name",)),
    ],
)
def test_name_forms_split_bracketed_aliases_and_alternatives(name: str, expected: tuple[str, ...]) -> None:
    assert name_forms(name) == expected


@given(NAMES)
def test_name_key_and_core_key_are_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)
    assert core_key(core_key(name)) == core_key(name)


def test_prepare_counts_tokens_postcodes_and_splits_postcodes() -> None:
    prepared = prepare(
        [
            record("a:1", "Winsham Shop", "TA20 4HU"),
            record("b:1", "Winsham Community Shop", "ta204hu", website="www.winshamshop.org.uk"),
        ]
    )
    assert prepared.postcode == ("TA20 4HU", "TA20 4HU")
    assert (prepared.sector[0], prepared.district[0], prepared.area[0]) == ("TA20 4", "TA20", "TA")
    assert prepared.token_df["winsham"] == 2
    assert prepared.token_df["community"] == 1
    assert prepared.postcode_count["TA20 4HU"] == 2
    assert prepared.domain == (None, "winshamshop.org.uk")
    assert postcode_sector("OX4 3NH") == "OX4 3"
