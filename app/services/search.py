"""Organisation search: text, near a point or postcode, in a box, inside an area, filtered; paginated.

Order: by distance when `near` is given, else by relevance when `q` is given, else by name. Every order
is a keyset (value, id), so pages stay stable while data changes. Text search asks the index for
candidates (every query word by prefix or as a likely misspelling, at most `TEXT_CANDIDATE_CAP`) and
re-ranks them with `app.domain.ranking`. Steps the SQL cannot do exactly (the polygon test on SQLite,
the text score) refine rows in Python; a page then examines at most `SCAN_BUDGET` rows and may come
back short, with a cursor to continue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from app.db import dialect
from app.db.repositories.postcodes import PostcodeRepository
from app.db.repositories.search import AreaBounds, Order, SearchRepository, SearchSpec
from app.domain import ranking
from app.domain.enums import LocationPrecision, OrganisationStatus
from app.domain.errors import InvalidInput
from app.domain.geo import BBox, Point, looks_like_point, parse_bbox, parse_point
from app.domain.postcode import normalise_postcode
from app.services.areas import ResolvedArea, resolve_boundary
from app.services.cache import LRUCache, database_key
from app.services.pagination import decode_position, encode_position

FILTERS = (
    "sector",
    "sic_section",
    "legal_form",
    "ownership_type",
    "membership_type",
    "organisational_structure",
    "status",
    "source",
    "location_precision",
)
_ENUM_FILTERS: Mapping[str, tuple[str, ...]] = {
    "status": tuple(s.value for s in OrganisationStatus),
    "location_precision": tuple(p.value for p in LocationPrecision),
}
TEXT_CANDIDATE_CAP = 2000
SCAN_BUDGET = 20_000
MAX_FILTER_VALUES = 20

_values_cache: LRUCache[dict[str, list[tuple[str, int]]]] = LRUCache(8)
_vocabulary_cache: LRUCache[tuple[list[str], frozenset[str]]] = LRUCache(4)


@dataclass(frozen=True)
class SearchQuery:
    """A search as a client states it (raw text values; `search` validates them)."""

    q: str | None = None
    near: str | None = None
    radius_km: float | None = None
    bbox: str | None = None
    area: str | None = None
    filters: Mapping[str, Sequence[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchLimits:
    """Radius defaults and caps (from settings)."""

    default_radius_km: float = 5.0
    max_radius_km: float = 100.0


@dataclass(frozen=True)
class Centre:
    """Where distances are measured from: `near`, or the middle of a `bbox` (no radius then)."""

    point: Point
    postcode: str | None
    radius_km: float | None


@dataclass(frozen=True)
class Hit:
    """One result row, with its distance (near searches) and relevance (text searches)."""

    row: Any
    distance_m: float | None = None
    score: float | None = None


@dataclass(frozen=True)
class SearchResult:
    """One page of results, the cursor of the next page, and how the query was understood."""

    hits: list[Hit]
    next_cursor: str | None
    order: Order | str
    centre: Centre | None = None
    area: ResolvedArea | None = None


@dataclass(frozen=True)
class Plan:
    """A validated query: its SQL spec, its order, and what Python must still check (words, area)."""

    spec: SearchSpec
    order: str
    words: list[str]
    centre: Centre | None
    area: ResolvedArea | None
    area_exact: bool

    @property
    def refines(self) -> bool:
        """True when the SQL alone does not decide membership (a text score or a polygon test follows)."""
        return bool(self.words) or not self.area_exact

    @property
    def candidate_cap(self) -> int:
        """How many rows a search looks at before refining: its text candidates, or its scan budget."""
        return TEXT_CANDIDATE_CAP if self.order == "score" else SCAN_BUDGET


def filter_values(session: Session) -> dict[str, list[tuple[str, int]]]:
    """Every filter's values in use among public organisations, with counts (cached per data version)."""
    repository = SearchRepository(session)
    key = (database_key(session), repository.data_version())
    return _values_cache.get(key, lambda: {name: repository.values(name) for name in FILTERS})


def canonical_filters(session: Session, raw: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """The filter values as stored (matched without case); an unknown filter or value is a 422."""
    chosen = {name: [v.strip() for v in values if v.strip()] for name, values in raw.items() if values}
    if not chosen:
        return {}
    in_use = filter_values(session) if any(name not in _ENUM_FILTERS for name in chosen) else {}
    result: dict[str, tuple[str, ...]] = {}
    for name, values in chosen.items():
        if name not in FILTERS:
            raise InvalidInput(name, f"{name} is not a filter; filters are {', '.join(FILTERS)}")
        if len(values) > MAX_FILTER_VALUES:
            raise InvalidInput(name, f"{name} takes at most {MAX_FILTER_VALUES} values")
        known = _ENUM_FILTERS.get(name) or tuple(value for value, _count in in_use[name])
        by_folded = {value.casefold(): value for value in known}
        canonical = []
        for value in values:
            match = by_folded.get(value.casefold())
            if match is None:
                raise InvalidInput(name, f"unknown {name} {value!r}: /api/filters lists the values in use")
            canonical.append(match)
        result[name] = tuple(dict.fromkeys(canonical))
    return result


def _centre(session: Session, query: SearchQuery, limits: SearchLimits) -> Centre | None:
    if query.near is None:
        if query.radius_km is not None:
            raise InvalidInput("radius_km", "radius_km needs near (a postcode or 'latitude,longitude')")
        return None
    radius_km = limits.default_radius_km if query.radius_km is None else query.radius_km
    if not 0 <= radius_km <= limits.max_radius_km:
        raise InvalidInput("radius_km", f"radius_km must be between 0 and {limits.max_radius_km:g}")
    text = query.near.strip()
    if looks_like_point(text):
        return Centre(parse_point(text, "near"), None, radius_km)
    postcode = normalise_postcode(text)
    if postcode is None:
        raise InvalidInput("near", f"near must be a UK postcode or 'latitude,longitude', got {text!r}")
    found = PostcodeRepository(session).lookup([postcode]).get(postcode)
    if found is None or found.latitude is None or found.longitude is None:
        raise InvalidInput("near", f"the postcode {postcode} is not known")
    return Centre(Point(found.latitude, found.longitude), postcode, radius_km)


def _vocabulary(session: Session) -> tuple[list[str], frozenset[str]]:
    def load() -> tuple[list[str], frozenset[str]]:
        terms = dialect.vocabulary(session)
        return terms, frozenset(terms)

    key = (database_key(session), SearchRepository(session).data_version())
    return _vocabulary_cache.get(key, load)


def _text(session: Session, q: str | None) -> tuple[list[str], list[tuple[str, list[str]]]]:
    if q is None or not q.strip():
        return [], []
    words = ranking.query_words(q)
    if not words:
        raise InvalidInput("q", "q must contain letters or digits")
    if dialect.dialect_name(session) != "sqlite":
        return words, [(word, []) for word in words]
    vocabulary, known = _vocabulary(session)
    expanded = [
        (word, ranking.variants(word, vocabulary, known) if len(word) >= dialect.FUZZY_MIN_WORD else [])
        for word in words
    ]
    return words, expanded


def plan(session: Session, query: SearchQuery, limits: SearchLimits) -> Plan:
    """The query validated and planned; bad input is a 422 naming the parameter."""
    centre = _centre(session, query, limits)
    box = parse_bbox(query.bbox) if query.bbox is not None else None
    area = resolve_boundary(session, query.area) if query.area is not None else None
    words, text = _text(session, query.q)
    bounds = None
    if area is not None:
        min_lat, min_lon, max_lat, max_lon = area.bbox
        bounds = AreaBounds(area.pk, BBox(min_lon, min_lat, max_lon, max_lat))
    spec = SearchSpec(
        filters=canonical_filters(session, query.filters),
        near=centre.point if centre else None,
        radius_m=centre.radius_km * 1000.0 if centre and centre.radius_km is not None else None,
        bbox=box,
        area=bounds,
        text=text,
    )
    if centre is None and box is not None and not words:
        # A map viewport or a box-shaped list fills from its middle: nearest first is what a reader of
        # the view wants, and it lets PostGIS stop after a page instead of sorting every row in view.
        # Nearest on the map's plane: PostGIS then walks the box's own index (see dialect.distance_key).
        middle = Point((box.min_lat + box.max_lat) / 2, (box.min_lon + box.max_lon) / 2)
        centre = Centre(middle, None, None)
        spec = replace(spec, near=middle, plane=True)
    order = "distance" if centre else "score" if words else "name"
    exact = area is None or dialect.area_is_exact(dialect.dialect_name(session))
    return Plan(spec, order, words, centre, area, exact)


def _verdicts(plan: Plan, rows: Sequence[Any]) -> list[tuple[bool, float | None]]:
    """(kept, text score) of each row: the polygon test and the text score decide."""
    inside = [True] * len(rows)
    if not plan.area_exact and plan.area is not None and rows:
        located = [row.latitude is not None and row.longitude is not None for row in rows]
        covered = plan.area.covers_many(
            [row.longitude or 0.0 for row in rows], [row.latitude or 0.0 for row in rows]
        )
        inside = [a and b for a, b in zip(located, covered, strict=True)]
    verdicts: list[tuple[bool, float | None]] = []
    for row, keep in zip(rows, inside, strict=True):
        score = None
        if keep and plan.words:
            document = ranking.Document(row.name, row.other_names, row.goods_services, row.description)
            score = ranking.score(plan.words, document)
            keep = score is not None
        verdicts.append((keep, score))
    return verdicts


def matching(plan: Plan, rows: Sequence[Any]) -> list[Any]:
    """The rows a search would list: those the polygon test and the text score keep."""
    return [row for row, (keep, _score) in zip(rows, _verdicts(plan, rows), strict=True) if keep]


def _refine(plan: Plan, rows: Sequence[Any]) -> list[Hit | None]:
    """Each row as a hit, or None where the polygon test or the text score rejects it."""
    distance = plan.order == "distance"
    return [
        Hit(row, _metres(plan, row) if distance else None, score) if keep else None
        for row, (keep, score) in zip(rows, _verdicts(plan, rows), strict=True)
    ]


def _metres(plan: Plan, row: Any) -> float:
    """The row's great-circle distance from the centre (the sort key itself unless the order is planar)."""
    distance: float = row.distance_m if plan.spec.plane else row.distance_key
    return distance


def _position(plan: Plan, row: Any) -> tuple[Any, int]:
    return (row.distance_key if plan.order == "distance" else row.sort_name), row.id


def _settled(
    repository: SearchRepository,
    plan: Plan,
    batch: Sequence[Any],
    exhausted: bool,
    after: tuple[Any, int] | None,
    export: bool,
) -> list[Any]:
    """The rows of a nearest-first batch whose (distance, id) order is final.

    The index returns rows nearest first but leaves ties unordered, and a LIMIT can cut a tie. Every row
    nearer than the batch's last distance is certainly present, so those are kept and the rows at the
    last distance wait for the next batch. A batch that is one tie (many organisations at one point)
    is completed by id instead.
    """
    rows = sorted(batch, key=lambda row: (row.distance_key, row.id))
    if exhausted or not rows:
        return rows
    last = rows[-1].distance_key
    nearer = [row for row in rows if row.distance_key < last]
    if nearer:
        return nearer
    ties = repository.rows_at_distance(plan.spec, last, with_text=bool(plan.words), export=export)
    return [row for row in ties if after is None or (row.distance_key, row.id) > after]


def _keyset_page(
    session: Session, plan: Plan, limit: int, after: tuple[Any, int] | None, export: bool
) -> SearchResult:
    repository = SearchRepository(session)
    refining = plan.refines
    # One row more than the page shows whether there is a next page; a second covers a tie at the end.
    chunk = max(2 * (limit + 2), 200) if refining else limit + 2
    order: Order = "distance" if plan.order == "distance" else "name"
    page: list[Hit] = []
    last: tuple[Any, int] | None = None
    more = False
    scanned = 0
    while not more:
        batch = repository.rows(
            plan.spec, order=order, after=after, limit=chunk, with_text=bool(plan.words), export=export
        )
        exhausted = len(batch) < chunk
        if order == "distance":
            batch = _settled(repository, plan, batch, exhausted, after, export)
        for row, hit in zip(batch, _refine(plan, batch), strict=True):
            if hit is not None:
                if len(page) == limit:
                    more = True
                    break
                page.append(hit)
            last = _position(plan, row)
        if more or exhausted:
            break
        scanned += len(batch)
        if scanned >= SCAN_BUDGET:
            more = True  # the time budget is spent: hand back a short page and where to resume
        after = _position(plan, batch[-1])
    cursor = encode_position(plan.order, *last) if more and last is not None else None
    return SearchResult(page, cursor, plan.order, plan.centre, plan.area)


def _ranked_page(
    session: Session, plan: Plan, limit: int, after: tuple[Any, int] | None, export: bool
) -> SearchResult:
    rows = SearchRepository(session).rows(
        plan.spec, order="none", limit=TEXT_CANDIDATE_CAP, with_text=True, export=export
    )
    hits = [hit for hit in _refine(plan, rows) if hit is not None]
    hits.sort(key=lambda hit: (-(hit.score or 0.0), hit.row.id))
    if after is not None:
        position = (-float(after[0]), after[1])
        hits = [hit for hit in hits if (-(hit.score or 0.0), hit.row.id) > position]
    page = hits[:limit]
    cursor = None
    if len(hits) > limit:
        cursor = encode_position("score", page[-1].score or 0.0, page[-1].row.id)
    return SearchResult(page, cursor, plan.order, plan.centre, plan.area)


def search(
    session: Session,
    query: SearchQuery,
    *,
    limit: int,
    cursor: str | None = None,
    limits: SearchLimits | None = None,
    export: bool = False,
) -> SearchResult:
    """One page of public organisations matching the query; bad input is a 422 naming the parameter.

    `export` adds the contact fields (address, phone, consented email, goods and services) to each row.
    """
    planned = plan(session, query, limits or SearchLimits())
    after = decode_position(cursor, planned.order) if cursor else None
    if planned.order == "score":
        return _ranked_page(session, planned, limit, after, export)
    return _keyset_page(session, planned, limit, after, export)
