"""A seeded generator of realistic co-op records with known truth, for scale and property tests.

Each organisation gets a place (with a real-looking postcode district), an activity from the name families
that dominate the registers (social clubs, village shops, housing co-ops, credit unions, energy), and
maybe a coined distinctive word. About 80 % appear on the register (legal suffix, a unique FCA or
Companies House number, incorporation date); about 60 % appear as community entries with the
perturbations seen in real data: suffix dropped, "&"/"and", co-op spellings, "The", typos, "Football
Club" -> "FC", case changes, another unit or district (moved, about 9 %), missing postcode, and a website
or phone only sometimes. About 1 % of organisations reuse another's exact name elsewhere with a different
number (the two "Winsham Shop Limited" case), ten times the real rate.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from ingest.matching.model import MatchRecord

REGISTER_SOURCE, COMMUNITY_SOURCE = "register", "community"
# Share of organisations reusing another's exact name elsewhere: 8 of the 6,674 Co-operatives UK 2017
# names (0.12 %) are shared; ten times that keeps the hard case frequent enough to test.
SHARED_NAME_SHARE = 0.012

# fmt: off
_HEADS = ("Ash", "Brad", "Chel", "Dun", "Elm", "Fern", "Glen", "Hol", "Kirk", "Lang", "Mar", "Nor", "Oak",
          "Pen", "Ris", "Stan", "Thorn", "Up", "Wal", "Whit", "Yar", "Bex", "Cal", "Dar", "Eg", "Fal", "Gil",
          "Hart", "Ips", "Kel", "Lud", "Mel", "Nan", "Ot", "Pol", "Ros", "Sel", "Tam", "Ul", "Wem")
_MIDDLES = ("", "", "en", "ing", "er", "ow")
_TAILS = ("bury", "ford", "ham", "ley", "ton", "wick", "field", "by", "stow", "mouth", "combe", "well",
          "den", "hurst", "minster", "sted", "thwaite", "worth", "caster", "port")
_ACTIVITIES = ("Community Shop", "Village Shop", "Social Club", "Housing Co-operative", "Credit Union",
               "Community Energy", "Football Club Supporters Society", "Working Men's Club",
               "Conservative Club", "Royal British Legion Club", "Bakery", "Wholefoods", "Brewery",
               "Allotment Society", "Community Pub", "Workers Co-operative", "Solar", "Farm", "Land Trust",
               "Arts Co-operative", "Bike Workshop", "Printing Co-operative", "Community Hydro",
               "Tenants Co-operative", "Cricket Club", "Golf Club", "Bowls Club", "Childcare Co-operative")
_COINED = ("Rhizome", "Radish", "Suma", "Unicorn", "Heartwood", "Greenhouse", "Kindling", "Acorn", "Bluebell",
           "Lantern", "Marigold", "Nettle", "Orchard", "Pebble", "Quarry", "Riverside", "Sorrel", "Thistle",
           "Willow", "Zephyr", "Bramble", "Cobble", "Foxglove", "Hazel", "Juniper", "Kestrel", "Linnet")
_AREAS = ("AB", "B", "BA", "BD", "BN", "BS", "CA", "CB", "CF", "CV", "DE", "DN", "EH", "EX", "G", "GL", "HU",
          "IP", "L", "LA", "LE", "LS", "M", "NE", "NG", "NR", "OX", "PL", "S", "SA", "SK", "SO", "TQ", "YO")
_SUFFIXES = ("Limited", "Ltd", "Co-operative Limited", "Society Limited", "Community Benefit Society Limited")
_COMPANY_SUFFIXES = ("Limited", "Ltd", "CIC", "C.I.C.", "LLP")
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_ABBREVIATIONS = {"Football Club": "FC", "Working Men's Club": "WMC", "Royal British Legion": "RBL",
                  "Community Benefit Society": "CBS"}
_COOP_SPELLINGS = ("Co-operative", "Cooperative", "Co-op", "Coop")
# fmt: on


@dataclass(frozen=True, slots=True)
class SyntheticSet:
    """Generated records and the truth (record key -> organisation id)."""

    records: tuple[MatchRecord, ...]
    truth: dict[str, str]

    @property
    def register_keys(self) -> frozenset[str]:
        """Keys of the register records."""
        return frozenset(record.key for record in self.records if record.register)


def _place(rng: random.Random) -> str:
    return rng.choice(_HEADS) + rng.choice(_MIDDLES) + rng.choice(_TAILS)


def _district(rng: random.Random) -> str:
    return f"{rng.choice(_AREAS)}{rng.randint(1, 60)}"


def _unit(rng: random.Random, district: str) -> str:
    letters = rng.choice(_INWARD_LETTERS) + rng.choice(_INWARD_LETTERS)
    return f"{district} {rng.randint(1, 9)}{letters}"


def _base_name(rng: random.Random, places: list[tuple[str, str]]) -> tuple[str, str]:
    """A name and the district of its place."""
    place, district = rng.choice(places)
    activity = rng.choice(_ACTIVITIES)
    shape = rng.random()
    if shape < 0.15:
        return f"{rng.choice(_COINED)} {activity}", district
    if shape < 0.25:
        return f"{place} and District {activity}", district
    if shape < 0.35:
        return f"{place} {rng.choice(_COINED)} {activity}", district
    return f"{place} {activity}", district


def _typo(rng: random.Random, name: str) -> str:
    position = rng.randrange(1, max(2, len(name) - 1))
    kind = rng.random()
    if kind < 0.4:
        return name[:position] + name[position + 1 :]
    if kind < 0.7:
        return name[:position] + rng.choice("aeiourstln") + name[position + 1 :]
    return name[: position - 1] + name[position] + name[position - 1] + name[position + 1 :]


def _community_name(rng: random.Random, name: str) -> str:
    """The way a directory or a webform writes a registered name."""
    if rng.random() < 0.3:
        name = name.replace(" and ", " & ")
    for spelling in _COOP_SPELLINGS:
        if spelling in name and rng.random() < 0.5:
            name = name.replace(spelling, rng.choice(_COOP_SPELLINGS))
            break
    for long, short in _ABBREVIATIONS.items():
        if long in name and rng.random() < 0.4:
            name = name.replace(long, short)
    if rng.random() < 0.15:
        name = name.removeprefix("The ") if name.startswith("The ") else f"The {name}"
    if rng.random() < 0.25:
        name = _typo(rng, name)
    if rng.random() < 0.05:
        name = name.lower() if rng.random() < 0.5 else name.upper()
    return name


def _community_postcode(rng: random.Random, postcode: str, district: str) -> str | None:
    draw = rng.random()
    if draw < 0.76:
        return postcode
    if draw < 0.85:
        return _unit(rng, district)
    if draw < 0.94:
        return _unit(rng, _district(rng))  # moved to another district
    return None


def generate(count: int, seed: int = 7) -> SyntheticSet:
    """About `count` records (register and community) with their truth, the same for the same seed."""
    rng = random.Random(seed)  # noqa: S311  # reproducible test data, not secrets
    places = [(_place(rng), _district(rng)) for _ in range(max(50, count // 12))]
    records: list[MatchRecord] = []
    truth: dict[str, str] = {}
    names: list[str] = []
    used: set[str] = set()
    organisation = 0
    while len(records) < count:
        organisation += 1
        org_id = f"org{organisation:07d}"
        if names and rng.random() < SHARED_NAME_SHARE:
            name, district = rng.choice(names), _district(rng)  # same name, another organisation elsewhere
        else:
            # Names are otherwise unique, as a register's names are within a place.
            name, district = _base_name(rng, places)
            while name in used:
                name, district = _base_name(rng, places)
            used.add(name)
        names.append(name)
        postcode = _unit(rng, district)
        domain = f"https://www.{name.lower().replace(' ', '').replace(chr(39), '')[:20]}{organisation}.org.uk"
        website = domain if rng.random() < 0.5 else None
        phone = f"01{rng.randint(100, 999)} {rng.randint(100000, 999999)}" if rng.random() < 0.4 else None
        on_register = rng.random() < 0.8
        if on_register:
            society = rng.random() < 0.85
            suffix = rng.choice(_SUFFIXES if society else _COMPANY_SUFFIXES)
            records.append(
                MatchRecord(
                    key=f"{REGISTER_SOURCE}:{organisation}",
                    source=REGISTER_SOURCE,
                    name=f"{name} {suffix}",
                    postcode=postcode,
                    fca_number=f"{organisation}R" if society else None,
                    companies_house_number=None if society else f"{organisation:08d}",
                    incorporated_on=datetime.date(1900, 1, 1) + datetime.timedelta(days=rng.randrange(45000)),
                    register=True,
                )
            )
            truth[records[-1].key] = org_id
        entries = 0 if on_register and rng.random() < 0.4 else 1 + (rng.random() < 0.15)
        for entry in range(entries):
            records.append(
                MatchRecord(
                    key=f"{COMMUNITY_SOURCE}:{organisation}-{entry}",
                    source=COMMUNITY_SOURCE,
                    name=_community_name(rng, name),
                    postcode=_community_postcode(rng, postcode, district),
                    website=website if rng.random() < 0.6 else None,
                    phone=phone if rng.random() < 0.5 else None,
                )
            )
            truth[records[-1].key] = org_id
    return SyntheticSet(records=tuple(records), truth=truth)
