"""A seeded generator of realistic synthetic organisations, clustered around UK towns like real data.

Two outputs share one stream of random draws, so a seed gives the same organisations either way:
- `generate(count)` yields field dicts for the ingest services (the write path);
- `load_rows(count)` yields `LoadRow`s with every value a direct bulk load of `organisations` needs
  (unique public id and slug, sort key, ...), for measuring the read path at up to a million rows.
`query_points(count)` draws positions from the same distribution (town-biased, 15% rural), so the
benchmark asks where organisations are, like real users do.
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections.abc import Iterator
from itertools import accumulate
from typing import Any, NamedTuple

from app.domain.text import slugify, sort_key

DEFAULT_SEED = 20261122

# (town, lat, lon, weight, spread_km): weights roughly follow where co-ops are registered.
TOWNS: tuple[tuple[str, float, float, float, float], ...] = (
    ("London", 51.5074, -0.1278, 30.0, 9.0),
    ("Manchester", 53.4808, -2.2426, 6.0, 5.0),
    ("Bristol", 51.4545, -2.5879, 5.0, 4.0),
    ("Glasgow", 55.8642, -4.2518, 4.0, 4.0),
    ("Birmingham", 52.4862, -1.8904, 4.0, 5.0),
    ("Leeds", 53.8008, -1.5491, 3.0, 4.0),
    ("Edinburgh", 55.9533, -3.1883, 3.0, 3.0),
    ("Cardiff", 51.4816, -3.1791, 2.5, 3.0),
    ("Belfast", 54.5973, -5.9301, 2.5, 3.0),
    ("Sheffield", 53.3811, -1.4701, 2.0, 3.5),
    ("Oxford", 51.7520, -1.2577, 2.0, 2.5),
    ("Preston", 53.7632, -2.7031, 1.5, 2.5),
    ("Norwich", 52.6309, 1.2974, 1.5, 2.5),
    ("Brighton", 50.8225, -0.1372, 1.5, 2.5),
    ("Newcastle", 54.9783, -1.6178, 1.5, 3.0),
    ("Stevenage", 51.9038, -0.1966, 1.0, 2.0),
    ("Torquay", 50.4619, -3.5253, 1.0, 2.0),
    ("Inverness", 57.4778, -4.2247, 0.5, 2.0),
    ("Aberystwyth", 52.4153, -4.0829, 0.5, 1.5),
    ("Exeter", 50.7184, -3.5339, 1.0, 2.5),
)
RURAL_SHARE = 0.15  # spread over the UK mainland box, like village shops and farms
DISSOLVED_SHARE = 0.08
UK_BOX = (50.0, -5.5, 57.5, 1.7)
WORDS = (
    "Riverside",
    "Hillside",
    "Greenway",
    "Oakfield",
    "Meadow",
    "Harbour",
    "Millstone",
    "Beacon",
    "Heather",
    "Kingfisher",
    "Orchard",
    "Foundry",
    "Weavers",
    "Lantern",
    "Willow",
    "Thistle",
    "Bramble",
    "Quarry",
    "Granary",
    "Canal",
    "Common",
    "Moorland",
    "Heron",
    "Ashgrove",
)
KINDS = (
    ("Housing Co-operative Limited", "Housing", "Society", "Tenants"),
    ("Community Energy Limited", "Energy and Environment", "Society", "Community of Interest"),
    ("Wholefoods Co-operative Ltd", "Retail", "Company", "Workers"),
    ("Credit Union Limited", "Finance", "Society", "Consumers"),
    ("Community Shop Limited", "Retail", "Society", "Consumers"),
    ("Bakery Workers Co-operative", "Food service, Accommodation and Pubs", "Society", "Workers"),
    (
        "Digital CIC",
        "Digital, Media and Communication",
        "Community Interest Company",
        "Community of Interest",
    ),
    ("Social Club Limited", "Membership associations, social clubs and trade unions", "Society", "Consumers"),
    ("Care Co-operative Limited", "Health and Social Care", "Society", "Multi-stakeholder"),
    ("Farmers Limited", "Agriculture", "Society", "Enterprises"),
)

_CUMULATIVE_WEIGHTS = tuple(accumulate(town[3] for town in TOWNS))
_TOTAL_WEIGHT = _CUMULATIVE_WEIGHTS[-1]
_KM_PER_DEGREE = 111.32
# Per town: (name, lat, lon, sigma in degrees of latitude, sigma in degrees of longitude).
_TOWN_SIGMAS = tuple(
    (name, lat, lon, spread / _KM_PER_DEGREE, spread / (_KM_PER_DEGREE * math.cos(math.radians(lat))))
    for name, lat, lon, _weight, spread in TOWNS
)
_PUBLIC_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # the app's Crockford base32
_PUBLIC_ID_MASK = 2**60 - 1  # 12 base-32 digits
_PUBLIC_ID_MULTIPLIER = 0x5DEECE66D3A7B1  # odd, so multiplying modulo 2**60 is a bijection


class Draw(NamedTuple):
    """The random choices behind one synthetic organisation."""

    number: int
    latitude: float
    longitude: float
    locality: str | None
    first_word: int
    second_word: int
    kind: int
    dissolved: bool


# The varying column values of one organisation row, in this order; the loader adds the constant ones.
LOAD_COLUMNS = (
    "public_id",
    "slug",
    "name",
    "sort_name",
    "legal_form",
    "ownership_type",
    "sector",
    "description",
    "locality",
    "latitude",
    "longitude",
    "status",
)
LoadRow = tuple[str, str, str, str, str, str, str, str, str | None, float, float, str]


def draws(count: int, seed: int = DEFAULT_SEED) -> Iterator[Draw]:
    """The seeded random choices of `count` organisations (15% rural, the rest around weighted towns)."""
    # Plain tuples and an inlined Box-Muller pair (one for latitude, one for longitude) keep a million
    # draws to a few seconds; `Draw._make` only names the fields.
    for values in _raw_draws(count, seed):
        yield Draw._make(values)


def _raw_draws(count: int, seed: int) -> Iterator[tuple[int, float, float, str | None, int, int, int, bool]]:
    rng = random.Random(seed)
    rand = rng.random
    words, kinds = len(WORDS), len(KINDS)
    min_lat, min_lon, max_lat, max_lon = UK_BOX
    lat_span, lon_span = max_lat - min_lat, max_lon - min_lon
    towns, cumulative, total = _TOWN_SIGMAS, _CUMULATIVE_WEIGHTS, _TOTAL_WEIGHT
    tau, sqrt, log, cos, sin = math.tau, math.sqrt, math.log, math.cos, math.sin
    for number in range(count):
        if rand() < RURAL_SHARE:
            lat, lon, locality = min_lat + lat_span * rand(), min_lon + lon_span * rand(), None
        else:
            locality, town_lat, town_lon, sigma_lat, sigma_lon = towns[bisect(cumulative, rand() * total)]
            angle, scale = tau * rand(), sqrt(-2.0 * log(1.0 - rand()))
            lat, lon = town_lat + sigma_lat * scale * cos(angle), town_lon + sigma_lon * scale * sin(angle)
        yield (
            number,
            round(lat, 6),
            round(lon, 6),
            locality,
            int(rand() * words),
            int(rand() * words),
            int(rand() * kinds),
            rand() < DISSOLVED_SHARE,
        )


def _name(draw: Draw) -> str:
    return f"{WORDS[draw.first_word]} {WORDS[draw.second_word]} {KINDS[draw.kind][0]} {draw.number}"


def generate(count: int, seed: int = DEFAULT_SEED) -> Iterator[dict[str, Any]]:
    """Yield `count` organisation field dicts for the ingest services, reproducible for a seed."""
    for draw in draws(count, seed):
        name = _name(draw)
        _suffix, sector, legal_form, ownership = KINDS[draw.kind]
        yield {
            "name": name,
            "legal_form": legal_form,
            "sector": sector,
            "ownership_type": ownership,
            "description": f"{name} is owned by its members and trades locally.",
            "locality": draw.locality,
            "latitude": draw.latitude,
            "longitude": draw.longitude,
            "location_precision": "postcode",
            "status": "dissolved" if draw.dissolved else "active",
        }


# Two base-32 digits per entry: a 60-bit id is six lookups.
_BASE32_PAIRS = tuple(a + b for a in _PUBLIC_ID_ALPHABET for b in _PUBLIC_ID_ALPHABET)


def public_id(number: int) -> str:
    """A 12-character public id in the app's alphabet, unique per number (a bijection on 60 bits)."""
    value = (number * _PUBLIC_ID_MULTIPLIER) & _PUBLIC_ID_MASK
    pairs = _BASE32_PAIRS
    return (
        pairs[value >> 50]
        + pairs[(value >> 40) & 1023]
        + pairs[(value >> 30) & 1023]
        + pairs[(value >> 20) & 1023]
        + pairs[(value >> 10) & 1023]
        + pairs[value & 1023]
    )


def _name_parts(first_word: int, second_word: int, kind: int) -> tuple[str, str, str]:
    """Name, slug and sort key of a name without its number (the number is appended as one more word)."""
    stem = f"{WORDS[first_word]} {WORDS[second_word]} {KINDS[kind][0]}"
    return stem + " ", slugify(stem) + "-", sort_key(stem) + " "


def load_rows(count: int, seed: int = DEFAULT_SEED) -> Iterator[LoadRow]:
    """Yield the varying values (`LOAD_COLUMNS`) of `count` organisations for a direct bulk load."""
    parts = {
        (first, second, kind): _name_parts(first, second, kind)
        for first in range(len(WORDS))
        for second in range(len(WORDS))
        for kind in range(len(KINDS))
    }
    kinds = KINDS
    for number, lat, lon, locality, first, second, kind, dissolved in _raw_draws(count, seed):
        name_stem, slug_stem, sort_stem = parts[first, second, kind]
        _suffix, sector, legal_form, ownership = kinds[kind]
        suffix = str(number)
        name = name_stem + suffix
        yield (
            public_id(number),
            slug_stem + suffix,
            name,
            sort_stem + suffix,
            legal_form,
            ownership,
            sector,
            name + " is owned by its members and trades locally.",
            locality,
            lat,
            lon,
            "dissolved" if dissolved else "active",
        )


def query_points(count: int, seed: int = DEFAULT_SEED + 1) -> list[tuple[float, float]]:
    """`count` (lat, lon) query positions drawn like the data: mostly in towns, some rural."""
    return [(lat, lon) for _number, lat, lon, *_rest in _raw_draws(count, seed)]
