"""Opaque keyset cursors: `next_cursor` encodes the sort key of the last item of a page."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from app.domain.errors import InvalidInput

CURSOR_MAX_LENGTH = 600


def _encode(value: list[Any]) -> str:
    raw = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str, problem: InvalidInput) -> Any:
    if len(cursor) > CURSOR_MAX_LENGTH:
        raise problem
    try:
        return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise problem from None


def encode_cursor(sort_name: str, item_id: int) -> str:
    """Encode a (sort_name, id) position as URL-safe text."""
    return _encode([sort_name, item_id])


def decode_cursor(cursor: str) -> tuple[str, int]:
    """Decode a cursor made by `encode_cursor`; anything else is a 422 naming `cursor`."""
    problem = InvalidInput("cursor", "cursor is not valid: pass the next_cursor value of a previous page")
    match _decode(cursor, problem):
        case [str() as sort_name, int() as item_id] if not isinstance(item_id, bool):
            return sort_name, item_id
        case _:
            raise problem


def encode_position(order: str, value: str | float, item_id: int) -> str:
    """Encode a keyset position in a named order (`name`, `distance`, `score`) as URL-safe text."""
    return _encode([order, value, item_id])


def decode_position(cursor: str, order: str) -> tuple[str | float, int]:
    """Decode a cursor of `encode_position` for this order; anything else is a 422 naming `cursor`."""
    problem = InvalidInput("cursor", "cursor is not valid for this search: pass the next_cursor it returned")
    match _decode(cursor, problem):
        case [str() as tag, str() | float() | int() as key, int() as item_id] if (
            tag == order and not isinstance(item_id, bool) and not isinstance(key, bool)
        ):
            return (float(key) if isinstance(key, int) else key), item_id
        case _:
            raise problem
