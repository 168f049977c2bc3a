"""Keyset cursors."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.services.pagination import decode_cursor, encode_cursor


@pytest.mark.parametrize(("sort_name", "item_id"), [("riverside bakery", 1), ("", 0), ("café ñ 漢字", 2**40)])
def test_cursor_round_trips(sort_name: str, item_id: int) -> None:
    assert decode_cursor(encode_cursor(sort_name, item_id)) == (sort_name, item_id)


@pytest.mark.parametrize(
    "cursor",
    [
        "!!!",
        "e30",  # {}
        "WzEsMl0",  # [1,2]
        "WyJhIix0cnVlXQ",  # ["a",true]
        "WyJhIiwxLDJd",  # ["a",1,2]
        "A" * 601,
    ],
)
def test_decode_rejects_foreign_cursors_naming_the_parameter(cursor: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        decode_cursor(cursor)
    assert caught.value.field == "cursor"
