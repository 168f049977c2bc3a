"""Keyset cursors."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.services.pagination import decode_cursor, decode_position, encode_cursor, encode_position


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


@pytest.mark.parametrize(
    ("order", "value"), [("name", "riverside bakery"), ("distance", 1234.5), ("score", 93.0)]
)
def test_position_round_trips_in_its_order(order: str, value: str | float) -> None:
    assert decode_position(encode_position(order, value, 42), order) == (value, 42)


def test_position_of_another_order_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        decode_position(encode_position("name", "a", 1), "distance")
    assert caught.value.field == "cursor"
