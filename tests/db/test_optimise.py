"""Post-load maintenance on both engines: statistics, and spatial order on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine, text

from app.db import dialect


def test_optimise_leaves_the_data_and_records_statistics(engine: Engine) -> None:
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*), sum(id) FROM organisations")).one()
    with engine.begin() as connection:
        ran = dialect.optimise(connection)
    assert any(statement.startswith("ANALYZE") for statement in ran)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*), sum(id) FROM organisations")).one() == before
        if engine.dialect.name == "postgresql":
            clustered = connection.scalar(
                text(
                    "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    "WHERE i.indisclustered AND i.indrelid = 'organisations'::regclass"
                )
            )
            assert clustered == "ix_organisations_geom"
        else:
            stats = connection.scalar(text("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'organisations'"))
            assert stats > 0


def test_location_columns_are_sampled_finely_for_the_planner(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        with engine.begin() as connection:
            dialect.set_location_statistics(connection)  # nothing to tune on SQLite, and no error
        return
    query = text(
        "SELECT attname, attstattarget FROM pg_attribute "
        "WHERE attrelid = 'organisations'::regclass AND attname IN ('geog', 'geom') ORDER BY attname"
    )
    with engine.connect() as connection:
        assert connection.execute(query).all() == [("geog", 1000), ("geom", 1000)]
