"""Bulk-load synthetic organisations straight into a migrated database, bypassing the ingest services.

This measures the read path, so it fills `organisations` as fast as each engine allows:
- PostgreSQL: the table's secondary indexes and unique constraints are dropped, rows are streamed with
  COPY over two connections (PostgreSQL computes the generated columns such as `geog`, `geom` and
  `search_tsv`), the spatial indexes are re-created, `coopmap db optimise` runs (CLUSTER by location,
  ANALYZE: what the README says to do after a big load; cheaper before the other indexes exist), the
  other indexes and constraints are re-created from their own definitions by two builders, then
  VACUUM ANALYZE, as a settled production table would be;
- SQLite: one `executemany` transaction, so the R*Tree and FTS5 triggers fire as they do in production,
  then `coopmap db optimise` (ANALYZE, PRAGMA optimize).
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

from sqlalchemy import Dialect, Engine, Table

from app.db import dialect
from app.db.base import utcnow
from app.db.models import Organisation
from app.domain.enums import LocationPrecision, OrganisationStatus, Visibility
from tests.bench.synthetic import DEFAULT_SEED, LOAD_COLUMNS, LoadRow, load_rows

TABLE: Table = Organisation.__table__  # type: ignore[assignment]
# Columns whose value is the same on every synthetic row, after the varying ones of `LOAD_COLUMNS`.
CONSTANT_COLUMNS = (
    "version",
    "other_names",
    "activities",
    "goods_services",
    "email_consent",
    "location_precision",
    "visibility",
    "last_verified_at",
    "created_at",
    "updated_at",
)
COLUMNS = LOAD_COLUMNS + CONSTANT_COLUMNS
_SQLITE_BATCH = 10_000
_COPY_CHUNK = 5_000
_STREAMS = 2  # COPY streams and index builders: one per core of the 2-core reference machine
_COPY_SQL = f"COPY organisations ({', '.join(COLUMNS)}) FROM STDIN"

_SECONDARY_INDEXES_SQL = """
SELECT i.indexname, i.indexdef FROM pg_indexes i
 WHERE i.schemaname = current_schema() AND i.tablename = 'organisations'
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                    WHERE c.conrelid = 'organisations'::regclass AND c.conname = i.indexname)
 ORDER BY i.indexname
"""
_UNIQUE_CONSTRAINTS_SQL = """
SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c
 WHERE c.conrelid = 'organisations'::regclass AND c.contype = 'u'
   AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
 ORDER BY c.conname
"""


@dataclass(frozen=True)
class LoadReport:
    """How long a bulk load took, in seconds, by phase."""

    rows: int
    seconds: float
    insert_seconds: float
    optimise_seconds: float  # `coopmap db optimise` (with the spatial indexes on PostGIS)
    index_seconds: float  # the other indexes and constraints (PostGIS)
    vacuum_seconds: float  # VACUUM ANALYZE (PostGIS)

    @property
    def rows_per_second(self) -> float:
        """Overall load rate."""
        return self.rows / self.seconds if self.seconds else float("inf")


def missing_columns() -> set[str]:
    """NOT NULL columns of `organisations` (other than the key) the loader would leave without a value."""
    required = {c.name for c in TABLE.columns if not c.nullable and not c.primary_key}
    return required - set(COLUMNS)


def _stored(name: str, value: Any, dialect: Dialect) -> Any:
    """`value` as the column's type binds it on this dialect (JSON text, enum string, SQLite timestamp)."""
    processor = TABLE.c[name].type.dialect_impl(dialect).bind_processor(dialect)
    return processor(value) if processor is not None else value


def constant_values(dialect: Dialect, now: datetime) -> tuple[Any, ...]:
    """The values of `CONSTANT_COLUMNS`, bound for the dialect."""
    python_values: dict[str, Any] = {
        "version": 1,
        "other_names": [],
        "activities": [],
        "goods_services": [],
        "email_consent": False,
        "location_precision": LocationPrecision.POSTCODE,
        "visibility": Visibility.PUBLIC,
        "last_verified_at": now,
        "created_at": now,
        "updated_at": now,
    }
    if dialect.name == "postgresql":
        # COPY takes text for jsonb and plain Python values for the rest (psycopg adapts them).
        python_values.update(
            other_names="[]",
            activities="[]",
            goods_services="[]",
            location_precision=LocationPrecision.POSTCODE.value,
            visibility=Visibility.PUBLIC.value,
        )
        return tuple(python_values[name] for name in CONSTANT_COLUMNS)
    return tuple(_stored(name, python_values[name], dialect) for name in CONSTANT_COLUMNS)


def full_rows(rows: Iterable[LoadRow], constants: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    """Each row's varying values followed by the constant ones, in `COLUMNS` order."""
    for row in rows:
        yield row + constants


def load(engine: Engine, count: int, seed: int = DEFAULT_SEED) -> LoadReport:
    """Append `count` synthetic organisations to the migrated database behind `engine`."""
    missing = missing_columns()
    if missing:
        raise RuntimeError(f"the bench loader gives no value to NOT NULL columns {sorted(missing)}")
    for status in ("active", "dissolved"):
        OrganisationStatus(status)  # the generator's statuses are the enum's values
    constants = constant_values(engine.dialect, utcnow())
    rows = full_rows(load_rows(count, seed), constants)
    if engine.dialect.name == "postgresql":
        return _load_postgresql(engine, count, rows)
    if engine.dialect.name == "sqlite":
        return _load_sqlite(engine, count, rows)
    raise NotImplementedError(f"no bulk load for the {engine.dialect.name} dialect")


def _optimise(engine: Engine) -> None:
    """`coopmap db optimise`: what the README says to run after a big load (ANALYZE; CLUSTER on PostGIS)."""
    with engine.begin() as connection:
        dialect.optimise(connection)


def _load_sqlite(engine: Engine, count: int, rows: Iterator[tuple[Any, ...]]) -> LoadReport:
    start = time.perf_counter()
    statement = f"INSERT INTO organisations ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"  # noqa: S608
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        while batch := list(islice(rows, _SQLITE_BATCH)):
            cursor.executemany(statement, batch)
        cursor.execute("COMMIT")
        cursor.close()
    finally:
        raw.close()
    inserted = time.perf_counter()
    _optimise(engine)
    done = time.perf_counter()
    return LoadReport(count, done - start, inserted - start, done - inserted, 0.0, 0.0)


def _load_postgresql(engine: Engine, count: int, rows: Iterator[tuple[Any, ...]]) -> LoadReport:
    start = time.perf_counter()
    pending = _drop_secondary_structures(engine)
    copied = optimised = start
    try:
        _copy_in_parallel(engine, rows)
        copied = time.perf_counter()
        # CLUSTER rewrites the table and every index it has: run it while only the spatial ones exist.
        spatial = [ddl for ddl in pending if " gist " in ddl.lower()]
        _run_in_parallel(engine, spatial)
        pending = [ddl for ddl in pending if ddl not in spatial]
        _optimise(engine)
        optimised = time.perf_counter()
    finally:
        # Even after a failure, so the database is never left without its indexes.
        _run_in_parallel(engine, pending)
    indexed = time.perf_counter()
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert connection is not None
        connection.autocommit = True
        try:
            connection.execute("VACUUM (ANALYZE) organisations")
        finally:
            connection.autocommit = False
    finally:
        raw.close()
    done = time.perf_counter()
    return LoadReport(
        count, done - start, copied - start, optimised - copied, indexed - optimised, done - indexed
    )


def _drop_secondary_structures(engine: Engine) -> list[str]:
    """Drop secondary indexes and unreferenced unique constraints; returns the DDL to restore them."""
    raw = engine.raw_connection()
    try:
        connection = raw.driver_connection
        assert connection is not None
        with connection.cursor() as cursor:
            indexes = cursor.execute(_SECONDARY_INDEXES_SQL).fetchall()
            uniques = cursor.execute(_UNIQUE_CONSTRAINTS_SQL).fetchall()
            for name, _definition in indexes:
                cursor.execute(f'DROP INDEX "{name}"')
            for name, _definition in uniques:
                cursor.execute(f'ALTER TABLE organisations DROP CONSTRAINT "{name}"')
        connection.commit()
    finally:
        raw.close()
    restore = [
        f'ALTER TABLE organisations ADD CONSTRAINT "{name}" {definition}' for name, definition in uniques
    ]
    restore += [definition for _name, definition in indexes]
    # Slowest first (GIN, then GiST), so two builders finish at about the same time.
    return sorted(restore, key=lambda ddl: (" gin " not in ddl.lower(), " gist " not in ddl.lower()))


def _copy_in_parallel(engine: Engine, rows: Iterator[tuple[Any, ...]]) -> None:
    """COPY the rows over `_STREAMS` connections (PostgreSQL computes generated columns on each)."""
    chunks: queue.Queue[list[tuple[Any, ...]] | None] = queue.Queue(maxsize=4 * _STREAMS)
    failures: list[BaseException] = []

    def stream() -> None:
        finished = False  # this stream has taken its end marker from the queue
        raw = engine.raw_connection()
        try:
            connection = raw.driver_connection
            assert connection is not None
            with connection.cursor() as cursor, cursor.copy(_COPY_SQL) as copy:
                while (chunk := chunks.get()) is not None:
                    for row in chunk:
                        copy.write_row(row)
                finished = True
            connection.commit()
        except BaseException as exc:
            failures.append(exc)
            while not finished:  # keep draining so the producer never blocks
                finished = chunks.get() is None
        finally:
            raw.close()

    workers = [threading.Thread(target=stream, name=f"bench-copy-{n}") for n in range(_STREAMS)]
    for worker in workers:
        worker.start()
    try:
        while chunk := list(islice(rows, _COPY_CHUNK)):
            chunks.put(chunk)
    finally:
        for _worker in workers:
            chunks.put(None)
        for worker in workers:
            worker.join()
    if failures:
        raise failures[0]


def _run_in_parallel(engine: Engine, statements: list[str]) -> None:
    """Run DDL statements on `_STREAMS` autocommit connections, each taking the next one in order."""
    pending: queue.SimpleQueue[str] = queue.SimpleQueue()
    for statement in statements:
        pending.put(statement)
    failures: list[BaseException] = []

    def builder() -> None:
        raw = engine.raw_connection()
        try:
            connection = raw.driver_connection
            assert connection is not None
            connection.autocommit = True
            connection.execute("SET maintenance_work_mem = '1GB'")
            while True:
                try:
                    statement = pending.get_nowait()
                except queue.Empty:
                    break
                connection.execute(statement)
            connection.execute("RESET maintenance_work_mem")
            connection.autocommit = False
        except BaseException as exc:
            failures.append(exc)
        finally:
            raw.close()

    workers = [threading.Thread(target=builder, name=f"bench-index-{n}") for n in range(_STREAMS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failures:
        raise failures[0]
