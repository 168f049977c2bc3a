"""Stage 1: turn records into the keys the later stages compare (pure; reuses ``ingest.normalise``).

Names go through `name_key` (case, accents, punctuation, ``&``/and, co-op spellings, leading "The",
trailing legal forms). `core_key` additionally drops a trailing co-operative word, because registers write
"X Co-operative Limited" where a directory writes "X"; it is kept only when two tokens remain, so
"Coop" or "Leeds Coop" alone are not reduced to nothing or to a place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from ingest.matching.model import MatchRecord
from ingest.normalise import (
    fca_number_key,
    name_key,
    normalise_postcode,
    website_domain,
)

# Trailing words that say "co-operative" rather than which one; removed (repeatedly) for the core key.
_TRAILING_GENERIC: Final = frozenset({"coop", "coops", "ltd", "limited"})
_CORE_MIN_TOKENS: Final = 2
# A bracketed part or a " / " (or " t/a ") often joins two names of one organisation: "South Wonston Social
# Club (The Drovers)", "St Werburghs City Farm / Ashley Vale Allotment Association".
_BRACKETED_RE: Final = re.compile(r"\(([^()]*)\)")
_ALTERNATIVES_RE: Final = re.compile(r"\s+(?:/|t/a|trading as)\s+", re.IGNORECASE)
_ALIAS_MIN_TOKENS: Final = 2
_AREA_RE: Final = re.compile(r"[A-Z]+")


# Abbreviations seen in register and directory names ("Worcester City FC Supporters Trust" against
# "Worcester City Football Club Supporters Limited"), expanded so both spellings compare equal. Only
# unambiguous ones: "St" (Saint or Street) and "Co" (Company or County) stay as written.
_ABBREVIATIONS: Final = {
    "fc": "football club",
    "afc": "athletic football club",
    "rfc": "rugby football club",
    "rufc": "rugby union football club",
    "rbl": "royal british legion",
    "wmc": "working mens club",
    "assoc": "association",
}


def core_key(name: str) -> str:
    """The name key, abbreviations expanded, without trailing co-operative words if two tokens remain.

    Idempotent: expansions contain no abbreviation and the trailing words are removed to a fixed point.
    """
    tokens = " ".join(_ABBREVIATIONS.get(token, token) for token in name_key(name).split()).split()
    while len(tokens) > _CORE_MIN_TOKENS and tokens[-1] in _TRAILING_GENERIC:
        tokens = tokens[:-1]
    return " ".join(tokens)


def name_forms(name: str) -> tuple[str, ...]:
    """Core keys of a name and of the names inside it (bracketed aliases, ``/``-separated alternatives).

    The whole name always comes first; an alias is kept only with two or more tokens, because a one-word
    alias ("The Drovers", "ARC") says little on its own.
    """
    forms = {core_key(name): None}
    if "(" not in name and "/" not in name and " trading as " not in name.casefold():
        return tuple(form for form in forms if form)
    without_brackets = _BRACKETED_RE.sub(" ", name)
    parts = [without_brackets, *_BRACKETED_RE.findall(name)]
    for part in parts:
        for alternative in _ALTERNATIVES_RE.split(part):
            key = core_key(alternative)
            if key and (alternative is without_brackets or len(key.split()) >= _ALIAS_MIN_TOKENS):
                forms.setdefault(key, None)
    return tuple(form for form in forms if form)


def postcode_sector(postcode: str) -> str:
    """The sector of a canonical postcode: outward code and inward digit (``OX4 3NH`` -> ``OX4 3``)."""
    return postcode[:-2]


def _district(postcode: str) -> str:
    # The canonical form has exactly one space; slicing avoids re-parsing 100k postcodes.
    return postcode.split(" ", 1)[0]


def _area(postcode: str) -> str:
    return _AREA_RE.match(postcode).group(0)  # type: ignore[union-attr]  # canonical: starts with letters


@dataclass(frozen=True, slots=True)
class Prepared:
    """Per-record keys in input order (lists indexed like the records) and corpus statistics."""

    keys: tuple[str, ...]
    sources: tuple[str, ...]
    register: tuple[bool, ...]
    name_variants: tuple[tuple[str, ...], ...]  # distinct core keys of the name and other names
    tokens: tuple[frozenset[str], ...]
    postcode: tuple[str | None, ...]
    sector: tuple[str | None, ...]
    district: tuple[str | None, ...]
    area: tuple[str | None, ...]
    fca: tuple[str | None, ...]
    fca_key: tuple[str | None, ...]
    companies_house: tuple[str | None, ...]
    domain: tuple[str | None, ...]
    phone: tuple[str | None, ...]
    incorporated: tuple[str | None, ...]
    idf: dict[str, float]
    token_df: dict[str, int]
    postcode_count: dict[str, int]
    name_count: dict[str, int]
    domain_count: dict[str, int]

    def __len__(self) -> int:
        """The number of records."""
        return len(self.keys)


def _variants(record: MatchRecord) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in (record.name, *record.other_names):
        for key in name_forms(name):
            seen.setdefault(key, None)
    return tuple(seen) or ("",)


def _fca_key(value: str | None) -> str | None:
    try:
        return fca_number_key(value) if value else None
    except ValueError:
        return None


def prepare(records: Sequence[MatchRecord]) -> Prepared:
    """Normalise every record and count tokens, postcodes, names and domains across them."""
    variants = [_variants(record) for record in records]
    tokens = [frozenset(token for variant in names for token in variant.split()) for names in variants]
    postcodes = [normalise_postcode(record.postcode) for record in records]
    domains = [website_domain(record.website) for record in records]
    token_df: Counter[str] = Counter(token for token_set in tokens for token in token_set)
    total = max(len(records), 1)
    idf = {token: math.log(total / count) + 1.0 for token, count in token_df.items()}
    name_count: Counter[str] = Counter(name for names in variants for name in set(names))
    return Prepared(
        keys=tuple(record.key for record in records),
        sources=tuple(record.source for record in records),
        register=tuple(record.register for record in records),
        name_variants=tuple(variants),
        tokens=tuple(tokens),
        postcode=tuple(postcodes),
        sector=tuple(postcode_sector(p) if p else None for p in postcodes),
        district=tuple(_district(p) if p else None for p in postcodes),
        area=tuple(_area(p) if p else None for p in postcodes),
        fca=tuple(record.fca_number for record in records),
        fca_key=tuple(_fca_key(record.fca_number) for record in records),
        companies_house=tuple(record.companies_house_number for record in records),
        domain=tuple(domains),
        phone=tuple(record.phone for record in records),
        incorporated=tuple(
            record.incorporated_on.isoformat() if record.incorporated_on else None for record in records
        ),
        idf=idf,
        token_df=dict(token_df),
        postcode_count=dict(Counter(p for p in postcodes if p)),
        name_count=dict(name_count),
        domain_count=dict(Counter(d for d in domains if d)),
    )
