"""Which auto-merge links are ambiguous: a rival candidate is almost as good, and only one can be right.

The rival must be among records that exclude each other, so a person should choose between them.

Records exclude each other when they are in one duplicate-free source, or are register records carrying
registration numbers (two numbered register records are never one organisation). "The Winsham Shop" in a
directory, next to two registered "Winsham Shop Limited"s, scores the same against both; merging the one
that happens to sort first would be a coin toss.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

# A rival within this many bits is "almost as good" (a factor of 8 in the odds).
AMBIGUITY_MARGIN_BITS = 3.0


def ambiguous(
    left: Sequence[int],
    right: Sequence[int],
    weight: npt.NDArray[np.float64],
    exclusive: Sequence[str | None],
    margin: float = AMBIGUITY_MARGIN_BITS,
) -> npt.NDArray[np.bool_]:
    """True where an endpoint has a rival candidate within `margin` bits in the other end's `exclusive` group.

    "Within" counts either way; a rival far ahead makes this link a loser, not a doubt, and the
    one-record-per-source rule keeps it apart. A None group means the record excludes nobody.
    """
    best: dict[tuple[int, str], list[float]] = {}
    ends = list(zip(left, right, strict=True))
    for number, (a, b) in enumerate(ends):
        value = float(weight[number])
        for record, other in ((a, b), (b, a)):
            group = exclusive[other]
            if group is not None:
                top = best.setdefault((record, group), [])
                top.append(value)
                top.sort(reverse=True)
                del top[2:]
    out = np.zeros(len(ends), dtype=np.bool_)
    for number, (a, b) in enumerate(ends):
        value = float(weight[number])
        for record, other in ((a, b), (b, a)):
            group = exclusive[other]
            found = best.get((record, group)) if group is not None else None
            if found is None or len(found) < 2:
                continue
            top = found
            rival = top[1] if top[0] == value else top[0]
            if abs(rival - value) <= margin:
                out[number] = True
    return out


REGISTER_GROUP = "register records with numbers"


def exclusive_groups(
    sources: Sequence[str], register: Sequence[bool], numbered: Sequence[bool], duplicate_free: frozenset[str]
) -> list[str | None]:
    """The group of records each record excludes: its duplicate-free source, numbered registers, or None."""
    return [
        source if source in duplicate_free else REGISTER_GROUP if is_register and has_number else None
        for source, is_register, has_number in zip(sources, register, numbered, strict=True)
    ]
