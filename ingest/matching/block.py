"""Stage 2: candidate pairs from several blocking passes, each block capped so no pass can explode.

Passes, strongest first: shared identifiers (FCA number key, Companies House number, website domain,
phone), postcode unit, exact name key, postcode district + each of the record's two rarest name tokens, and
a record's rarest token anywhere in the country when that token is rare (so an organisation that moved
district but has a distinctive name is still found). A block larger than `max_block` is skipped rather
than truncated, because any cut would depend on input order; the stats count what was skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

from ingest.matching.model import MatchConfig
from ingest.matching.normalise import Prepared

KeyFunction = Callable[[Prepared, int], Iterable[str]]


@dataclass(frozen=True, slots=True)
class Candidates:
    """Candidate pairs as two index arrays (left < right), with the pass that first found each."""

    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    pairs_by_pass: dict[str, int]
    skipped_blocks: int
    largest_block: int

    def __len__(self) -> int:
        """The number of candidate pairs."""
        return int(self.left.shape[0])


def _single(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def _rarest_tokens(prepared: Prepared, index: int, count: int) -> list[str]:
    """The record's rarest tokens that another record shares.

    A token of one record alone can pair nothing, and would hide the distinctive word behind a typo:
    "Zephyrwood Bakers" blocks on "zephyrwood", not on "bakers".
    """
    shared = (token for token in prepared.tokens[index] if prepared.token_df[token] > 1)
    # Ties broken by the token itself so the choice does not depend on set iteration order.
    return sorted(shared, key=lambda token: (prepared.token_df[token], token))[:count]


def _district_tokens(prepared: Prepared, index: int) -> Iterable[str]:
    district = prepared.district[index]
    if district is None:
        return ()
    return (f"{district}|{token}" for token in _rarest_tokens(prepared, index, 2))


def _rare_token_function(config: MatchConfig) -> KeyFunction:
    limit = config.rare_df

    def rare_token(prepared: Prepared, index: int) -> Iterable[str]:
        rarest = _rarest_tokens(prepared, index, 1)
        return rarest if rarest and prepared.token_df[rarest[0]] <= limit else ()

    return rare_token


def passes(config: MatchConfig) -> tuple[tuple[str, KeyFunction], ...]:
    """The blocking passes in order: (name, function giving a record's block keys)."""
    return (
        ("fca_number", lambda p, i: _single(p.fca_key[i])),
        ("companies_house", lambda p, i: _single(p.companies_house[i])),
        ("domain", lambda p, i: _single(p.domain[i])),
        ("phone", lambda p, i: _single(p.phone[i])),
        ("postcode", lambda p, i: _single(p.postcode[i])),
        ("name", lambda p, i: p.name_variants[i]),
        ("district_token", _district_tokens),
        ("rare_token", _rare_token_function(config)),
    )


def block(prepared: Prepared, config: MatchConfig) -> Candidates:
    """Every pair sharing a block key in some pass, minus pairs inside one duplicate-free source."""
    count = len(prepared)
    seen: set[int] = set()
    pairs_by_pass: dict[str, int] = {}
    skipped = largest = 0
    free = config.duplicate_free_sources
    for name, keys_of in passes(config):
        blocks: defaultdict[str, list[int]] = defaultdict(list)
        for index in range(count):
            for key in keys_of(prepared, index):
                blocks[key].append(index)
        before = len(seen)
        for members in blocks.values():
            if len(members) < 2:
                continue
            if len(members) > config.max_block:
                skipped += 1
                continue
            largest = max(largest, len(members))
            for left, right in combinations(members, 2):
                if prepared.sources[left] == prepared.sources[right] and prepared.sources[left] in free:
                    continue
                seen.add(left * count + right)
        pairs_by_pass[name] = len(seen) - before
    encoded = np.array(sorted(seen), dtype=np.int64)
    return Candidates(
        left=encoded // max(count, 1),
        right=encoded % max(count, 1),
        pairs_by_pass=pairs_by_pass,
        skipped_blocks=skipped,
        largest_block=largest,
    )
