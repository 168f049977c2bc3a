"""Everything that differs between SQLite and PostgreSQL + PostGIS lives here, and only here.

SQLite (embedded default) keeps latitude/longitude as REAL columns with an R*Tree mirror maintained by
triggers, boundary bboxes in a second R*Tree, and an FTS5 table for text. PostgreSQL derives a
`geography(Point,4326)` column (GiST), a `tsvector` (GIN) and boundary `geometry(MultiPolygon,4326)`
(GiST) as generated columns, so the portable columns stay the single source of truth on both engines.

These objects are created by migrations (not by the ORM metadata), so `ignore_in_metadata_compare`
tells Alembic's drift check to skip them. Note for future migrations: a SQLite batch ALTER of
`organisations` or `areas` re-creates the table and drops its triggers; call `create_search_structures`
again after one.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from geoalchemy2 import Geography, Geometry
from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.db.models.organisation import Organisation
from app.domain.geo import EARTH_RADIUS_M, BBox, Point, radius_bbox

POSTGIS_EXTENSIONS = ("postgis", "pg_trgm")
# JIT compilation and parallel workers pay off for long analytic queries. For millisecond searches JIT
# costs hundreds of ms whenever a plan's cost estimate crosses `jit_above_cost`, and starting workers
# turns a 4 ms nearest-first index walk into a 30 ms parallel sort (both seen with boxes at 1M rows).
POSTGRESQL_CONNECT_ARGS = {"options": "-c jit=off -c max_parallel_workers_per_gather=0"}

# Columns, tables and indexes that exist in the database but not in the ORM metadata.
_DIALECT_TABLE_PREFIXES = ("organisations_rtree", "organisations_fts", "areas_rtree", "spatial_ref_sys")
_DIALECT_COLUMNS = {
    ("organisations", "geog"),
    ("organisations", "geom"),
    ("organisations", "search_tsv"),
    ("organisations", "search_text"),
    ("areas", "geom"),
}
_DIALECT_INDEXES = {
    "ix_organisations_geog",
    "ix_organisations_geom",
    "ix_organisations_search_tsv",
    "ix_organisations_search_text_trgm",
    "ix_organisations_name_trgm",
    "ix_areas_geom",
}

# Typed column handles for the PostGIS-only columns, for building spatial queries with GeoAlchemy2.
organisation_geog = sa.column("geog", Geography(geometry_type="POINT", srid=4326, spatial_index=False))
area_geom = sa.column("geom", Geometry(geometry_type="MULTIPOLYGON", srid=4326, spatial_index=False))
organisation_geom = sa.column("geom", Geometry(geometry_type="POINT", srid=4326, spatial_index=False))
_search_tsv: sa.ColumnClause[Any] = sa.column("search_tsv")
_search_text = sa.column("search_text", sa.Text)
_organisations_rtree = sa.table(
    "organisations_rtree",
    sa.column("id"),
    sa.column("min_lat"),
    sa.column("max_lat"),
    sa.column("min_lon"),
    sa.column("max_lon"),
)
_organisations_fts = sa.table("organisations_fts", sa.column("rowid"))
_organisations_fts_vocab = sa.table("organisations_fts_vocab", sa.column("term"))
_areas = sa.table("areas", sa.column("id"), area_geom)

_RTREE_INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS organisations_rtree_ai AFTER INSERT ON organisations
       WHEN new.latitude IS NOT NULL AND new.longitude IS NOT NULL BEGIN
         INSERT INTO organisations_rtree
         VALUES (new.id, new.latitude, new.latitude, new.longitude, new.longitude);
       END"""
_FTS_INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS organisations_fts_ai AFTER INSERT ON organisations BEGIN
         INSERT INTO organisations_fts(rowid, name, other_names, description, goods_services)
         VALUES (new.id, new.name, new.other_names, new.description, new.goods_services);
       END"""
# What the two insert triggers do, for a batch of new rows at once (ids above the largest before it).
_INDEX_NEW_ORGANISATIONS = [
    """INSERT INTO organisations_rtree
       SELECT id, latitude, latitude, longitude, longitude FROM organisations
       WHERE id > :after AND latitude IS NOT NULL AND longitude IS NOT NULL""",
    """INSERT INTO organisations_fts(rowid, name, other_names, description, goods_services)
       SELECT id, name, other_names, description, goods_services FROM organisations WHERE id > :after""",
]

_SQLITE_DDL = [
    # R*Tree of organisation points; min == max. Coordinates are 32-bit floats rounded outward,
    # so the R*Tree is a prefilter and queries refine against the real REAL columns.
    """CREATE VIRTUAL TABLE IF NOT EXISTS organisations_rtree
       USING rtree(id, min_lat, max_lat, min_lon, max_lon)""",
    _RTREE_INSERT_TRIGGER,
    """CREATE TRIGGER IF NOT EXISTS organisations_rtree_au
       AFTER UPDATE OF latitude, longitude ON organisations BEGIN
         DELETE FROM organisations_rtree WHERE id = old.id;
         INSERT INTO organisations_rtree
         SELECT new.id, new.latitude, new.latitude, new.longitude, new.longitude
         WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL;
       END""",
    """CREATE TRIGGER IF NOT EXISTS organisations_rtree_ad AFTER DELETE ON organisations BEGIN
         DELETE FROM organisations_rtree WHERE id = old.id;
       END""",
    # Full-text index over the descriptive fields (JSON lists are indexed as their text).
    """CREATE VIRTUAL TABLE IF NOT EXISTS organisations_fts USING fts5(
         name, other_names, description, goods_services, tokenize = 'unicode61 remove_diacritics 2')""",
    _FTS_INSERT_TRIGGER,
    """CREATE TRIGGER IF NOT EXISTS organisations_fts_au
       AFTER UPDATE OF name, other_names, description, goods_services ON organisations BEGIN
         DELETE FROM organisations_fts WHERE rowid = old.id;
         INSERT INTO organisations_fts(rowid, name, other_names, description, goods_services)
         VALUES (new.id, new.name, new.other_names, new.description, new.goods_services);
       END""",
    """CREATE TRIGGER IF NOT EXISTS organisations_fts_ad AFTER DELETE ON organisations BEGIN
         DELETE FROM organisations_fts WHERE rowid = old.id;
       END""",
    # Boundary bounding boxes; exact containment is refined with Shapely.
    "CREATE VIRTUAL TABLE IF NOT EXISTS areas_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon)",
    """CREATE TRIGGER IF NOT EXISTS areas_rtree_ai AFTER INSERT ON areas BEGIN
         INSERT INTO areas_rtree VALUES (new.id, new.min_lat, new.max_lat, new.min_lon, new.max_lon);
       END""",
    """CREATE TRIGGER IF NOT EXISTS areas_rtree_au AFTER UPDATE OF min_lat, max_lat, min_lon, max_lon ON areas
       BEGIN
         DELETE FROM areas_rtree WHERE id = old.id;
         INSERT INTO areas_rtree VALUES (new.id, new.min_lat, new.max_lat, new.min_lon, new.max_lon);
       END""",
    """CREATE TRIGGER IF NOT EXISTS areas_rtree_ad AFTER DELETE ON areas BEGIN
         DELETE FROM areas_rtree WHERE id = old.id;
       END""",
    # Back-fill rows that existed before the structures did (no-op on a fresh database).
    """INSERT INTO organisations_rtree
       SELECT id, latitude, latitude, longitude, longitude FROM organisations
       WHERE latitude IS NOT NULL AND longitude IS NOT NULL
         AND id NOT IN (SELECT id FROM organisations_rtree)""",
    """INSERT INTO organisations_fts(rowid, name, other_names, description, goods_services)
       SELECT id, name, other_names, description, goods_services FROM organisations
       WHERE id NOT IN (SELECT rowid FROM organisations_fts)""",
    """INSERT INTO areas_rtree SELECT id, min_lat, max_lat, min_lon, max_lon FROM areas
       WHERE id NOT IN (SELECT id FROM areas_rtree)""",
]

_SQLITE_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS {name}"
        for name in (
            "organisations_rtree_ai",
            "organisations_rtree_au",
            "organisations_rtree_ad",
            "organisations_fts_ai",
            "organisations_fts_au",
            "organisations_fts_ad",
            "areas_rtree_ai",
            "areas_rtree_au",
            "areas_rtree_ad",
        )
    ),
    "DROP TABLE IF EXISTS organisations_rtree",
    "DROP TABLE IF EXISTS organisations_fts",
    "DROP TABLE IF EXISTS areas_rtree",
]

_POSTGIS_DDL = [
    *(f"CREATE EXTENSION IF NOT EXISTS {ext}" for ext in POSTGIS_EXTENSIONS),
    """ALTER TABLE organisations ADD COLUMN IF NOT EXISTS geog geography(Point, 4326)
       GENERATED ALWAYS AS (CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL
         THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography END) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_organisations_geog ON organisations USING gist (geog)",
    # 'simple' config: names are proper nouns, so no English stemming of "Co-operative" or place names.
    """ALTER TABLE organisations ADD COLUMN IF NOT EXISTS search_tsv tsvector
       GENERATED ALWAYS AS (to_tsvector('simple'::regconfig,
         coalesce(name, '') || ' ' || coalesce(other_names::text, '') || ' ' ||
         coalesce(description, '') || ' ' || coalesce(goods_services::text, ''))) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_organisations_search_tsv ON organisations USING gin (search_tsv)",
    "CREATE INDEX IF NOT EXISTS ix_organisations_name_trgm ON organisations USING gin (name gin_trgm_ops)",
    """ALTER TABLE areas ADD COLUMN IF NOT EXISTS geom geometry(MultiPolygon, 4326)
       GENERATED ALWAYS AS (ST_Multi(ST_GeomFromWKB(boundary_wkb, 4326))) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_areas_geom ON areas USING gist (geom)",
]

_POSTGIS_DROP = [
    "DROP INDEX IF EXISTS ix_areas_geom",
    "ALTER TABLE areas DROP COLUMN IF EXISTS geom",
    "DROP INDEX IF EXISTS ix_organisations_name_trgm",
    "DROP INDEX IF EXISTS ix_organisations_search_tsv",
    "ALTER TABLE organisations DROP COLUMN IF EXISTS search_tsv",
    "DROP INDEX IF EXISTS ix_organisations_geog",
    "ALTER TABLE organisations DROP COLUMN IF EXISTS geog",
    # Extensions are left installed: other schemas may use them and only a superuser can re-create them.
]


# Revision 0004: what geo search needs beyond the structures above.
_SQLITE_GEO_DDL = [
    # The FTS5 vocabulary: the terms that typo-tolerant search expands a query word to.
    "CREATE VIRTUAL TABLE IF NOT EXISTS organisations_fts_vocab USING fts5vocab(organisations_fts, 'row')",
]
_SQLITE_GEO_DROP = ["DROP TABLE IF EXISTS organisations_fts_vocab"]
_POSTGIS_GEO_DDL = [
    # Planar points for bbox and boundary queries (ST_Covers against areas.geom); geog serves radius queries.
    """ALTER TABLE organisations ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326)
       GENERATED ALWAYS AS (CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL
         THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED""",
    "CREATE INDEX IF NOT EXISTS ix_organisations_geom ON organisations USING gist (geom)",
    # Lower-cased searchable text with a trigram index: `search_text %> word` finds misspelt words.
    """ALTER TABLE organisations ADD COLUMN IF NOT EXISTS search_text text
       GENERATED ALWAYS AS (lower(coalesce(name, '') || ' ' || coalesce(other_names::text, '') || ' ' ||
         coalesce(description, '') || ' ' || coalesce(goods_services::text, ''))) STORED""",
    """CREATE INDEX IF NOT EXISTS ix_organisations_search_text_trgm
       ON organisations USING gin (search_text gin_trgm_ops)""",
]
_POSTGIS_GEO_DROP = [
    "DROP INDEX IF EXISTS ix_organisations_search_text_trgm",
    "ALTER TABLE organisations DROP COLUMN IF EXISTS search_text",
    "DROP INDEX IF EXISTS ix_organisations_geom",
    "ALTER TABLE organisations DROP COLUMN IF EXISTS geom",
]
# Words shorter than this are matched by prefix only: trigrams of a 2-letter word match everything.
FUZZY_MIN_WORD = 4
WORD_SIMILARITY_MIN = 0.3


def normalise_url(url: str) -> URL:
    """Turn `postgresql://` into the psycopg 3 driver URL; other URLs pass through."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def is_sqlite(connection: Connection) -> bool:
    """True when the connection is to SQLite."""
    return connection.dialect.name == "sqlite"


def configure_sqlite_connection(dbapi_connection: Any, busy_timeout_ms: int) -> None:
    """Per-connection SQLite settings: WAL, busy timeout, foreign keys; SQLAlchemy owns transactions."""
    # pysqlite's own transaction handling breaks SAVEPOINTs; let SQLAlchemy emit BEGIN (see engine.py).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # 32 MiB of page cache instead of 2: bulk writes touch every index of the organisations table.
        cursor.execute("PRAGMA cache_size=-32768")
        try:
            cursor.execute("SELECT asin(1.0)")
        except sqlite3.OperationalError:
            # SQLite builds without SQLITE_ENABLE_MATH_FUNCTIONS: provide what the haversine needs.
            for name, function in (("sin", math.sin), ("cos", math.cos), ("asin", math.asin)):
                dbapi_connection.create_function(name, 1, function, deterministic=True)
            dbapi_connection.create_function("sqrt", 1, math.sqrt, deterministic=True)
    finally:
        cursor.close()


def bulk_insert(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert many rows that all name the same columns, converted as an INSERT would convert them.

    PostgreSQL gets them by COPY: psycopg pipelines an executemany, yet each row still costs the server a
    statement (13k organisations: 3.1 s, 2.3 s even with the text and spatial indexes dropped). SQLite gets
    the driver's own executemany, which loops in C; SQLAlchemy's per-row parameter handling around it cost
    as much as the insert. Columns left out take their Python default.
    """
    if not rows:
        return
    session.flush()
    names = list(rows[0])
    defaults = {
        column.name: column.default.arg(None) if column.default.is_callable else column.default.arg  # type: ignore[attr-defined]
        for column in table.columns
        if column.name not in names and column.default is not None and not column.default.is_sequence
    }
    columns = [table.c[name] for name in names] + [table.c[name] for name in defaults]
    connection = session.connection()
    dialect = connection.dialect
    # The conversions an INSERT makes: JSON to text (Jsonb on psycopg), enums to values, UTC datetimes.
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]
    tail = list(defaults.values())
    converted = (
        [
            value if process is None else process(value)
            for value, process in zip([row[name] for name in names] + tail, processors, strict=True)
        ]
        for row in rows
    )
    quote = dialect.identifier_preparer.quote
    target = f"{quote(table.name)} ({', '.join(quote(column.name) for column in columns)})"
    if is_sqlite(connection):
        marks = ", ".join("?" * len(columns))
        # Names come from the table's metadata, quoted by the dialect; every value is a bound parameter.
        statement = f"INSERT INTO {target} VALUES ({marks})"  # noqa: S608
        connection.exec_driver_sql(statement, [tuple(values) for values in converted])
        return
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(f"COPY {target} FROM STDIN") as copy:  # type: ignore[union-attr]
        for values in converted:
            copy.write_row(values)


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """`count` fresh primary keys for rows about to be inserted, so a batch insert needs no RETURNING.

    SQLite cannot return a batch's ids in parameter order, and SQLAlchemy then inserts row by row (20k
    source records: 1.8 s). SQLite's own choice for a new key is the largest plus one, so that is what these
    are: WAL admits one writer, and a transaction whose snapshot went stale cannot write at all, so no other
    row can take them first. PostgreSQL draws them from the column's sequence.
    """
    if count <= 0:
        return []
    key = table.c.id
    if is_sqlite(session.connection()):
        largest = int(session.execute(sa.select(sa.func.coalesce(sa.func.max(key), 0))).scalar_one())
        return list(range(largest + 1, largest + 1 + count))
    statement = sa.text(
        "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"
    )
    return [int(value) for value in session.scalars(statement, {"table": table.name, "count": count})]


def bulk_insert_new(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """`bulk_insert` rows that have no id yet, under reserved ids; the ids, in the rows' order."""
    keys = reserve_ids(session, table, len(rows))
    bulk_insert(session, table, [{**row, "id": key} for row, key in zip(rows, keys, strict=True)])
    return keys


@contextmanager
def organisation_batch_insert(session: Session) -> Iterator[None]:
    """Inside, new organisations may be inserted in bulk; the search indexes catch up on leaving.

    On SQLite the per-row insert triggers cost three times the insert itself (an executemany of 13k
    organisations: 1.7 s with them, 0.45 s without). They are dropped for the block and re-created after
    two set-based statements index the new rows; all of it in the caller's transaction, so a rollback
    restores the triggers with everything else. PostgreSQL derives its indexed columns: nothing to do.
    """
    if not is_sqlite(session.connection()):
        yield
        return
    session.flush()
    after = session.execute(sa.select(sa.func.max(Organisation.id))).scalar() or 0
    session.execute(sa.text("DROP TRIGGER organisations_rtree_ai"))
    session.execute(sa.text("DROP TRIGGER organisations_fts_ai"))

    def catch_up() -> None:
        for statement in _INDEX_NEW_ORGANISATIONS:
            session.execute(sa.text(statement), {"after": after})
        session.execute(sa.text(_RTREE_INSERT_TRIGGER))
        session.execute(sa.text(_FTS_INSERT_TRIGGER))

    try:
        yield
        session.flush()
    except BaseException:
        # A transaction that must roll back gets its triggers back that way; one that carries on (after a
        # savepoint) must keep indexing what it inserts.
        if session.is_active:
            catch_up()
        raise
    catch_up()


def create_search_structures(connection: Connection) -> None:
    """Create the spatial and text indexes of this dialect (idempotent)."""
    for statement in _SQLITE_DDL if is_sqlite(connection) else _POSTGIS_DDL:
        connection.exec_driver_sql(statement)


def drop_search_structures(connection: Connection) -> None:
    """Drop what `create_search_structures` made (for downgrades)."""
    for statement in _SQLITE_DROP if is_sqlite(connection) else _POSTGIS_DROP:
        connection.exec_driver_sql(statement)


def create_geo_search_structures(connection: Connection) -> None:
    """Create the structures of revision 0004 (idempotent)."""
    for statement in _SQLITE_GEO_DDL if is_sqlite(connection) else _POSTGIS_GEO_DDL:
        connection.exec_driver_sql(statement)


def drop_geo_search_structures(connection: Connection) -> None:
    """Drop what `create_geo_search_structures` made."""
    for statement in _SQLITE_GEO_DROP if is_sqlite(connection) else _POSTGIS_GEO_DROP:
        connection.exec_driver_sql(statement)


# PostGIS's default sample misjudges dense towns by an order of magnitude (59 rows expected within 2 km
# of central London, 8,516 found), and the planner then sorts every row in range instead of walking the
# index nearest first. A finer histogram of the two location columns fixes the estimates (revision 0005).
_LOCATION_STATISTICS = 1000


def set_location_statistics(connection: Connection, target: int | None = _LOCATION_STATISTICS) -> None:
    """Sample the location columns finely for the planner (PostgreSQL; `None` restores the default)."""
    if is_sqlite(connection):
        return
    value = -1 if target is None else int(target)
    for column in ("geog", "geom"):
        connection.exec_driver_sql(f"ALTER TABLE organisations ALTER COLUMN {column} SET STATISTICS {value}")


# After a large load: planner statistics, and on PostgreSQL rows stored in spatial order, so a box or a
# radius reads a few neighbouring pages instead of one page per row. CLUSTER locks the table while it
# runs: schedule it with the ingest, not during office hours.
_OPTIMISE = {
    "sqlite": ("ANALYZE", "PRAGMA optimize"),
    "postgresql": (
        "CLUSTER organisations USING ix_organisations_geom",
        "ANALYZE organisations",
        "ANALYZE areas",
    ),
}


def optimise(connection: Connection) -> list[str]:
    """Run this dialect's post-load maintenance; returns the statements run."""
    statements = list(_OPTIMISE[connection.dialect.name])
    for statement in statements:
        connection.exec_driver_sql(statement)
    return statements


def upsert_statement(session: Session, table: Table) -> sqlite.Insert | postgresql.Insert:
    """An INSERT supporting ON CONFLICT for the session's dialect (both share the API used here)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for the {dialect} dialect")


def ignore_in_metadata_compare(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic `include_object` hook: False for the dialect objects above, True otherwise."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(_DIALECT_TABLE_PREFIXES)
    if type_ == "column":
        return (obj.table.name, name) not in _DIALECT_COLUMNS
    if type_ == "index":
        return name not in _DIALECT_INDEXES
    return True


# ------------------------------------------------------------------------------------------------------------
# Geo and text predicates of searches. Each returns a SQL expression over `organisations` that uses that
# engine's index and reads its values from named bound parameters, so a search statement is built once per
# shape and reused (building SQLAlchemy expressions costs more than running a small indexed query); the
# matching `*_params` function gives the values.
# ------------------------------------------------------------------------------------------------------------


def dialect_name(session: Session) -> str:
    """`sqlite` or `postgresql`."""
    return session.get_bind().dialect.name


def _float(name: str) -> sa.BindParameter[float]:
    return sa.bindparam(name, type_=sa.Float())


def public_only(name: str, *, prefiltered: bool) -> ColumnElement[bool]:
    """Public organisations; with a spatial or text prefilter, never through the visibility index.

    Without statistics SQLite would walk `ix_organisations_visibility_sort` (every public row) and probe
    the R*Tree list for each; the unary plus makes the column unindexable so the R*Tree drives the query.
    """
    if name == "sqlite" and prefiltered:
        return sa.literal_column("+organisations.visibility") == "public"
    return Organisation.visibility == "public"


def _box_clause(prefix: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """(R*Tree prefilter, exact test on the real columns) of the box in parameters `{prefix}_*`."""
    rtree = _organisations_rtree.c
    lat0, lat1 = _float(f"{prefix}_min_lat"), _float(f"{prefix}_max_lat")
    lon0, lon1 = _float(f"{prefix}_min_lon"), _float(f"{prefix}_max_lon")
    prefilter = Organisation.id.in_(
        sa.select(rtree.id).where(
            rtree.max_lat >= lat0, rtree.min_lat <= lat1, rtree.max_lon >= lon0, rtree.min_lon <= lon1
        )
    )
    exact = sa.and_(Organisation.latitude.between(lat0, lat1), Organisation.longitude.between(lon0, lon1))
    return prefilter, exact


def box_params(prefix: str, box: BBox) -> dict[str, float]:
    """Parameter values of a box clause."""
    return {
        f"{prefix}_min_lat": box.min_lat,
        f"{prefix}_max_lat": box.max_lat,
        f"{prefix}_min_lon": box.min_lon,
        f"{prefix}_max_lon": box.max_lon,
    }


def _point_geography() -> ColumnElement[Any]:
    # Bound parameters, never a joined row: a join as the query point loses the GiST index.
    point = sa.func.ST_SetSRID(sa.func.ST_MakePoint(_float("near_lon"), _float("near_lat")), 4326)
    return sa.cast(point, Geography(geometry_type="POINT", srid=4326, spatial_index=False))


def distance_m(name: str) -> ColumnElement[float]:
    """Great-circle metres from the `near_*` centre on the sphere of `app.domain.geo` (engines agree)."""
    if name == "postgresql":
        return sa.func.ST_Distance(organisation_geog, _point_geography(), False)
    return haversine_m(name)


def haversine_m(name: str) -> ColumnElement[float]:
    """`distance_m` in plain arithmetic: on PostGIS a fifth of the cost of `ST_Distance` on geography."""
    lat, lon = Organisation.latitude, Organisation.longitude
    half_rad = math.pi / 360.0
    sin_dlat = sa.func.sin((lat - _float("near_lat")) * half_rad)
    sin_dlon = sa.func.sin((lon - _float("near_lon")) * half_rad)
    h = sin_dlat * sin_dlat + _float("near_cos_lat") * sa.func.cos(lat * (2 * half_rad)) * sin_dlon * sin_dlon
    smaller = sa.func.least if name == "postgresql" else sa.func.min
    return 2 * EARTH_RADIUS_M * sa.func.asin(smaller(1.0, sa.func.sqrt(h)))


def within_distance(name: str, distance: ColumnElement[float], plane: bool = False) -> ColumnElement[bool]:
    """Within `distance` (a `distance_key`) of the `near_*` centre: an index condition on PostGIS.

    True on SQLite, where the other clauses of a search (a radius or a box) already bound the rows.
    """
    if name == "postgresql":
        if plane:
            return sa.func.ST_DWithin(organisation_geom, _point_geometry(), distance)
        return sa.func.ST_DWithin(organisation_geog, _point_geography(), distance, False)
    return sa.true()


def within_radius(name: str) -> ColumnElement[bool]:
    """Organisations within `radius_m` of the `near_*` centre (edge included), through the spatial index."""
    if name == "postgresql":
        return sa.func.ST_DWithin(organisation_geog, _point_geography(), _float("radius_m"), False)
    prefilter, _exact = _box_clause("rbox")
    return sa.and_(prefilter, distance_m(name) <= _float("radius_m"))


def _point_geometry() -> ColumnElement[Any]:
    return sa.func.ST_SetSRID(sa.func.ST_MakePoint(_float("near_lon"), _float("near_lat")), 4326)


def distance_key(name: str, plane: bool) -> ColumnElement[float]:
    """The nearest-first sort key: great-circle metres, or with `plane` degrees on the map's plane.

    The plane (longitude and latitude as x and y) orders a box from its middle. Unlike the sphere, PostGIS
    walks it on the same GiST index as the box test, so a dense box stops after a page and a sparse one
    never looks outside the box. Both engines compute the same Euclidean distance.
    """
    if not plane:
        return distance_m(name)
    if name == "postgresql":
        return sa.func.ST_Distance(organisation_geom, _point_geometry())
    dlat = Organisation.latitude - _float("near_lat")
    dlon = Organisation.longitude - _float("near_lon")
    return sa.func.sqrt(dlat * dlat + dlon * dlon)


def distance_order(name: str, plane: bool = False) -> ColumnElement[float]:
    """What to ORDER BY for nearest first: PostGIS's KNN operator walks the GiST index in distance order.

    It stops after the rows a page needs however many are in range, where sorting by `ST_Distance` would
    compute and sort all of them. Its value equals `distance_key` (same metric); ties are not ordered.
    """
    if name == "postgresql":
        if plane:
            return organisation_geom.op("<->", return_type=sa.Float())(_point_geometry())
        return organisation_geog.op("<->", return_type=sa.Float())(_point_geography())
    return distance_key(name, plane)


# How far past a tied distance the index condition of a tie reaches: it must never cut off the tie itself.
TIE_PADDING = {False: 0.001, True: 1e-9}  # a millimetre; a billionth of a degree (~0.1 mm)


def centre_params(centre: Point) -> dict[str, float]:
    """Parameter values of `distance_m` and `distance_order`."""
    return {
        "near_lat": centre.lat,
        "near_lon": centre.lon,
        "near_cos_lat": math.cos(math.radians(centre.lat)),
    }


def radius_params(centre: Point, radius_m: float) -> dict[str, float]:
    """Parameter values of `within_radius` (and of `distance_m`)."""
    return {
        **centre_params(centre),
        "radius_m": radius_m,
        **box_params("rbox", radius_bbox(centre, radius_m)),
    }


def within_bbox(name: str) -> ColumnElement[bool]:
    """Organisations inside the `bbox_*` box (edges included): index prefilter, then an exact test."""
    if name == "postgresql":
        envelope = sa.func.ST_MakeEnvelope(
            _float("bbox_min_lon"),
            _float("bbox_min_lat"),
            _float("bbox_max_lon"),
            _float("bbox_max_lat"),
            4326,
        )
        # Exact for points (edges included) and estimated from PostGIS's statistics; repeating the test
        # on latitude and longitude would make the planner expect a handful of rows and sort them all.
        return sa.func.ST_Intersects(organisation_geom, envelope)
    prefilter, exact = _box_clause("bbox")
    return sa.and_(prefilter, exact)


def area_is_exact(name: str) -> bool:
    """True when `within_area` is exact; on SQLite it is a bbox prefilter to refine with Shapely."""
    return name == "postgresql"


def within_area(name: str) -> ColumnElement[bool]:
    """Covered by the boundary of area `area_pk` (PostGIS), or inside its `area_*` bbox (SQLite prefilter)."""
    if name == "postgresql":
        area_pk = sa.bindparam("area_pk", type_=sa.Integer())
        boundary = sa.select(_areas.c.geom).where(_areas.c.id == area_pk).scalar_subquery()
        return sa.func.ST_Covers(boundary, organisation_geom)
    prefilter, exact = _box_clause("area")
    return sa.and_(prefilter, exact)


def area_params(area_pk: int, box: BBox) -> dict[str, Any]:
    """Parameter values of `within_area`."""
    return {"area_pk": area_pk, **box_params("area", box)}


def vocabulary(session: Session) -> list[str]:
    """Every indexed word (SQLite only: PostgreSQL matches misspellings with trigrams instead)."""
    return list(session.scalars(sa.select(_organisations_fts_vocab.c.term)))


def _fts_phrase(word: str) -> str:
    # Words are letters and digits only (see app.domain.ranking), so quoting cannot be broken out of.
    return '"' + word.replace('"', "") + '"'


def prepare_text_search(session: Session) -> None:
    """Session setup a `text_match` needs: on PostgreSQL, the trigram threshold (for this transaction)."""
    if dialect_name(session) == "postgresql":
        # The default 0.6 misses typos the ranking accepts: word_similarity of "bakry" in "... bakery ..."
        # is 0.5, of "cooprative" in "... co-operative ..." 0.45; a wider net costs little (capped).
        session.execute(sa.text(f"SET LOCAL pg_trgm.word_similarity_threshold = {WORD_SIMILARITY_MIN}"))


def text_match(name: str, lengths: Sequence[int]) -> ColumnElement[bool]:
    """Organisations whose text has every query word, by prefix or as a likely misspelling.

    `lengths` are the query words' lengths (short words are matched by prefix only on PostgreSQL).
    """
    if name == "postgresql":
        clauses = []
        for number, length in enumerate(lengths):
            prefix = _search_tsv.op("@@")(sa.func.to_tsquery("simple", sa.bindparam(f"word_prefix_{number}")))
            if length >= FUZZY_MIN_WORD:
                clauses.append(sa.or_(prefix, _search_text.op("%>")(sa.bindparam(f"word_{number}"))))
            else:
                clauses.append(prefix)
        return sa.and_(*clauses)
    fts = _organisations_fts
    match = sa.literal_column("organisations_fts").op("MATCH")(sa.bindparam("fts_query"))
    return Organisation.id.in_(sa.select(fts.c.rowid).where(match))


def text_params(name: str, words: Sequence[tuple[str, Sequence[str]]]) -> dict[str, str]:
    """Parameter values of `text_match`: each word with the indexed words it may be a misspelling of.

    The variants come from the FTS5 vocabulary on SQLite; PostgreSQL finds them through trigrams.
    """
    if name == "postgresql":
        params = {}
        for number, (word, _variants) in enumerate(words):
            params[f"word_prefix_{number}"] = f"{word}:*"
            params[f"word_{number}"] = word
        return params
    groups = []
    for word, variants in words:
        alternatives = [_fts_phrase(word) + "*", *(_fts_phrase(v) for v in variants if v != word)]
        groups.append("(" + " OR ".join(alternatives) + ")")
    return {"fts_query": " AND ".join(groups)}
