"""Stage 5: constrained union-find over links, best first, with human decisions as data.

Order: human "same" pairs, then links by descending weight (ties by record index, and indices follow the
sorted record keys, so the result does not depend on input order). A merge is refused when the joined
cluster would hold two register records with different registration numbers, two different FCA or
Companies House numbers, two records of one duplicate-free source, or both ends of a human "not the same"
pair, so a "not the same" is never overridden, not even through a chain of other links.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ingest.matching.compare import same_fca
from ingest.matching.normalise import Prepared

REFUSED_NUMBERS = "different registration numbers"
REFUSED_SOURCE = "one record per duplicate-free source"
REFUSED_HUMAN = "a human said not the same"


@dataclass(slots=True)
class _Group:
    """What a cluster root must remember to check a merge."""

    members: list[int]
    fca: set[str] = field(default_factory=set)
    companies_house: set[str] = field(default_factory=set)
    registrations: set[tuple[str, str]] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    forbidden: set[int] = field(default_factory=set)


class Clusterer:
    """Union-find whose merges keep the clusters' constraints."""

    def __init__(
        self, prepared: Prepared, duplicate_free: frozenset[str], different: Iterable[tuple[int, int]]
    ) -> None:
        """One singleton cluster per record; `different` holds index pairs a human kept apart."""
        self._prepared = prepared
        self._duplicate_free = duplicate_free
        self._parent = list(range(len(prepared)))
        # Groups are built when a record first takes part in a merge: most records never do, and building
        # 100,000 groups of sets up front cost more than all the merges.
        self._groups: dict[int, _Group] = {}
        for left, right in different:
            self._group(left).forbidden.add(right)
            self._group(right).forbidden.add(left)

    def _group(self, root: int) -> _Group:
        """The constraints of the cluster whose root is `root` (a singleton's built on first use)."""
        group = self._groups.get(root)
        if group is not None:
            return group
        prepared = self._prepared
        group = _Group(members=[root])
        fca, company = prepared.fca[root], prepared.companies_house[root]
        if fca:
            group.fca.add(fca)
        if company:
            group.companies_house.add(company)
        if prepared.register[root] and (fca or company):
            group.registrations.add(("fca", fca) if fca else ("companies_house", company or ""))
        if prepared.sources[root] in self._duplicate_free:
            group.sources.add(prepared.sources[root])
        self._groups[root] = group
        return group

    def find(self, index: int) -> int:
        """The root of a record's cluster (with path halving)."""
        parent = self._parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def refusal(self, left: int, right: int) -> str | None:
        """Why the clusters of two records may not merge, or None if they may (or already are one)."""
        a, b = self.find(left), self.find(right)
        if a == b:
            return None
        ga, gb = self._group(a), self._group(b)
        if _registrations_conflict(ga, gb) or _numbers_conflict(ga, gb):
            return REFUSED_NUMBERS
        if ga.sources & gb.sources:
            return REFUSED_SOURCE
        small, other = (ga, b) if len(ga.forbidden) <= len(gb.forbidden) else (gb, a)
        if any(self.find(index) == other for index in small.forbidden):
            return REFUSED_HUMAN
        return None

    def union(self, left: int, right: int) -> str | None:
        """Merge two records' clusters unless refused; return the refusal reason or None."""
        reason = self.refusal(left, right)
        a, b = self.find(left), self.find(right)
        if reason is not None or a == b:
            return reason
        if len(self._group(a).members) < len(self._group(b).members):
            a, b = b, a
        ga, gb = self._group(a), self._groups.pop(b)
        self._parent[b] = a
        ga.members.extend(gb.members)
        ga.fca |= gb.fca
        ga.companies_house |= gb.companies_house
        ga.registrations |= gb.registrations
        ga.sources |= gb.sources
        ga.forbidden |= gb.forbidden
        return None

    def clusters(self) -> list[list[int]]:
        """Every cluster as sorted member indices, sorted by first member."""
        merged = [sorted(group.members) for root, group in self._groups.items() if self.find(root) == root]
        touched = {member for members in merged for member in members}
        singletons = [[index] for index in range(len(self._parent)) if index not in touched]
        return sorted(merged + singletons)


def _registrations_conflict(a: _Group, b: _Group) -> bool:
    """Two register records name different registrations (another register, or another number)."""
    for kind_a, number_a in a.registrations:
        for kind_b, number_b in b.registrations:
            if kind_a != kind_b:
                return True
            if number_a != number_b and (kind_a != "fca" or not same_fca(number_a, number_b)):
                return True
    return False


def _numbers_conflict(a: _Group, b: _Group) -> bool:
    if any(not same_fca(x, y) for x in a.fca for y in b.fca):
        return True
    return bool(a.companies_house and b.companies_house and a.companies_house != b.companies_house)


def cluster(
    prepared: Prepared,
    links: Sequence[tuple[float, int, int]],
    *,
    same: Iterable[tuple[int, int]] = (),
    different: Iterable[tuple[int, int]] = (),
    duplicate_free: frozenset[str] = frozenset(),
) -> tuple[list[list[int]], dict[tuple[int, int], str]]:
    """Clusters from human "same" pairs then (weight, left, right) links best first; and refused links."""
    clusterer = Clusterer(prepared, duplicate_free, different)
    refused: dict[tuple[int, int], str] = {}
    for left, right in sorted(same):
        reason = clusterer.union(left, right)
        if reason is not None:
            refused[(left, right)] = reason
    for _weight, left, right in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        reason = clusterer.union(left, right)
        if reason is not None:
            refused[(left, right)] = reason
    return clusterer.clusters(), refused
