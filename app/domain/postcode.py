"""UK postcodes: canonical form, district and area, and the postcode at the end of an address (pure).

Shared by the app (a `near=` postcode in searches) and ingest (every source's postcodes). The rules follow
the real quirks recorded in ``shared/data/FORMATS.md``: O/0 slips, missing spaces, truncated values.
"""

from __future__ import annotations

import re
from typing import Final

from app.domain.text import REPLACEMENT_CHAR

# The 121 geographic UK postcode areas, the Crown dependencies that appear in Co-ops UK "UK Nation"
# (GY Guernsey, JE Jersey, IM Isle of Man), and the non-geographic BF (BFPO) and BX areas.
# fmt: off
_POSTCODE_AREAS: Final = frozenset({
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB", "CF", "CH",
    "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH",
    "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM",
    "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK",
    "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH",
    "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD",
    "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
})
# fmt: on
# Royal Mail rule: the two inward letters never use C, I, K, M, O or V. None of the 12,435 postcodes the 2016
# OS look-up resolved breaks it, and every real value that does (EN9 1MY, M27 0EV, CV32 4OE) was unresolved.
# The published letter sets for A9A/AA9A districts are not enforced (the outward-code table has W1M, outside
# the A9A set), but neither set has O, so an O there is always a slip for 0 ("B1O" is B10).
_DISTRICT_LETTER_NOT: Final = "O"
_INWARD_LETTERS: Final = frozenset("ABDEFGHJLNPQRSTUWXYZ")
# Outward-code shapes by length ("A" letter, "9" digit); "a" is the optional final district letter.
_OUTWARD_SHAPES: Final[dict[int, tuple[str, ...]]] = {
    2: ("A9",),
    3: ("A99", "AA9", "A9a"),
    4: ("AA99", "AA9a"),
}
_POSTCODE_JUNK_RE: Final = re.compile(r"[\s\ufffd]+")
_GIRO_OUTWARD: Final = "GIR"


def _coerce(text: str, shape: str) -> tuple[str, int] | None:
    """Fit ``text`` to ``shape`` swapping O and 0 where the position demands it; return (text, swaps)."""
    out: list[str] = []
    swaps = 0
    for char, kind in zip(text, shape, strict=True):
        if kind == "9":
            if char == "O":
                char, swaps = "0", swaps + 1
            if not char.isdigit():
                return None
        else:
            if char == "0":
                char, swaps = "O", swaps + 1
            if not ("A" <= char <= "Z"):
                return None
        out.append(char)
    return "".join(out), swaps


def _parse_outward(outward: str) -> tuple[str, int] | None:
    """Return the canonical outward code (district) and the number of O/0 swaps it took, or None."""
    if outward == _GIRO_OUTWARD:
        return outward, 0
    best: list[tuple[str, int]] = []
    for shape in _OUTWARD_SHAPES.get(len(outward), ()):
        fitted = _coerce(outward, shape)
        if fitted is None:
            continue
        text, swaps = fitted
        area_len = shape.count("A")
        area, district = text[:area_len], text[area_len:]
        if area not in _POSTCODE_AREAS:
            continue
        # Two-digit districts run 10-99; rejecting "05" is what resolves "S05" to "SO5" and "S050" to "SO50".
        if shape.endswith("99") and district[0] == "0":
            continue
        if shape.endswith("a") and district[-1] == _DISTRICT_LETTER_NOT:
            continue
        best.append((text, swaps))
    if not best:
        return None
    fewest = min(swaps for _, swaps in best)
    winners = {text for text, swaps in best if swaps == fewest}
    # Two readings needing the same number of swaps would be a guess; refuse rather than pick one.
    return (winners.pop(), fewest) if len(winners) == 1 else None


def _parse_inward(inward: str) -> str | None:
    """Return the canonical 3-character inward code, or None."""
    if len(inward) != 3:
        return None
    digit = "0" if inward[0] == "O" else inward[0]
    if not digit.isdigit() or not all(letter in _INWARD_LETTERS for letter in inward[1:]):
        return None
    return digit + inward[1:]


def _compact(raw: str) -> str:
    # Trailing punctuation is common in typed data ("ML2 9BD." in the outlets files).
    return _POSTCODE_JUNK_RE.sub("", raw.strip(" \t\r\n.,;:")).upper()


def normalise_postcode(raw: str | None) -> str | None:
    """Return a valid UK postcode as ``OUTWARD INWARD`` upper case, fixing O/0 slips, or None if invalid.

    Spacing is ignored (the inward code is always the last three characters), so ``SE11HL`` -> ``SE1 1HL``.
    Letter O in a digit position becomes 0 (``TA7 ONZ`` -> ``TA7 0NZ``) and digit 0 in an area-letter position
    becomes O when that gives a real area (``S021 2NR`` -> ``SO21 2NR``). District-only (``BT34``), truncated
    (``CF44 6``) and other malformed values give None. ``GIR 0AA`` is accepted.
    """
    if raw is None:
        return None
    compact = _compact(raw)
    if not 5 <= len(compact) <= 7:
        return None
    outward = _parse_outward(compact[:-3])
    inward = _parse_inward(compact[-3:])
    if outward is None or inward is None:
        return None
    if outward[0] == _GIRO_OUTWARD and inward != "0AA":
        return None
    return f"{outward[0]} {inward}"


def _require_postcode(postcode: str) -> str:
    canonical = normalise_postcode(postcode)
    if canonical is None:
        raise ValueError(f"not a valid UK postcode: {postcode!r}")
    return canonical


def postcode_district(postcode: str) -> str:
    """Return the outward code of a postcode, e.g. ``OX4`` for ``OX4 3NH``; ValueError if invalid."""
    return _require_postcode(postcode).split(" ")[0]


def postcode_area(postcode: str) -> str:
    """Return the area letters of a postcode (``OX`` for ``OX4 3NH``, ``GIR`` for ``GIR 0AA``); ValueError."""
    district = postcode_district(postcode)
    return district[: 2 if district[1].isalpha() else 1] if district != _GIRO_OUTWARD else district


def parse_postcode_district(raw: str | None) -> str | None:
    """Return the district of a full postcode or of a bare district (``BT34``), or None.

    A postcode truncated after its district (``CF44 6``, ``BD7 2``) still yields the district (``CF44``) when
    the text is a valid district, a space and at most three more characters, because the district alone is
    enough for the outward-code centroid fallback.
    """
    if raw is None:
        return None
    full = normalise_postcode(raw)
    if full is not None:
        return full.split(" ")[0]
    # With a space, the writer separated outward from inward: "CT1 1" is a truncated CT1 postcode, not CT11.
    parts = raw.replace(REPLACEMENT_CHAR, " ").upper().split()
    if len(parts) == 2 and 2 <= len(parts[0]) <= 4 and len(parts[1]) <= 3 and parts[1].isalnum():
        truncated = _parse_outward(parts[0])
        if truncated is not None:
            return truncated[0]
    compact = _compact(raw)
    outward = _parse_outward(compact) if 2 <= len(compact) <= 4 else None
    return outward[0] if outward is not None else None


# The postcode is the final element of an FCA "Society Address". The text is whitespace-collapsed first, so
# a single optional space suffices and the search stays linear on long or hostile input.
_ADDRESS_TAIL_RE: Final = re.compile(r"(?:^|[^A-Za-z0-9])([A-Za-z0-9]{2,4}) ?([A-Za-z0-9]{3})$")


def extract_postcode(text: str | None) -> str | None:
    """Return the normalised postcode that ends a free-text address, or None if it does not end with one.

    Commas are optional and trailing spaces, commas and full stops are ignored, so ``"33 High Street, Oxford,
    OX1 4AA"``, ``"33 High Street Oxford ox1 4aa, "`` and ``"..., OX14AA"`` all give ``OX1 4AA``.
    """
    if text is None:
        return None
    flat = " ".join(text.replace(REPLACEMENT_CHAR, " ").split()).rstrip(" ,.;")
    match = _ADDRESS_TAIL_RE.search(flat)
    return normalise_postcode(match.group(1) + match.group(2)) if match is not None else None
