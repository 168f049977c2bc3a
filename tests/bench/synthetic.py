"""A seeded generator of realistic synthetic organisations, clustered around UK towns like real data."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from typing import Any

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
UK_BOX = (50.0, -5.5, 57.5, 1.7)
WORDS = [
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
]
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


def _offset(lat: float, lon: float, rng: random.Random, spread_km: float) -> tuple[float, float]:
    dy = rng.gauss(0.0, spread_km) / 111.32
    dx = rng.gauss(0.0, spread_km) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dy, 6), round(lon + dx, 6)


def generate(count: int, seed: int = 20261122) -> Iterator[dict[str, Any]]:
    """Yield `count` organisation field dicts, reproducible for a seed."""
    rng = random.Random(seed)
    weights = [town[3] for town in TOWNS]
    for number in range(count):
        if rng.random() < RURAL_SHARE:
            lat = round(rng.uniform(UK_BOX[0], UK_BOX[2]), 6)
            lon = round(rng.uniform(UK_BOX[1], UK_BOX[3]), 6)
            locality = None
        else:
            town = rng.choices(TOWNS, weights=weights)[0]
            lat, lon = _offset(town[1], town[2], rng, town[4])
            locality = town[0]
        suffix, sector, legal_form, ownership = rng.choice(KINDS)
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {suffix} {number}"
        yield {
            "name": name,
            "legal_form": legal_form,
            "sector": sector,
            "ownership_type": ownership,
            "description": f"{name} is owned by its members and trades locally.",
            "locality": locality,
            "latitude": lat,
            "longitude": lon,
            "location_precision": "postcode",
            "status": "active" if rng.random() > 0.08 else "dissolved",
        }
