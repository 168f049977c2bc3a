"""A `coopmap ingest` process killed mid-run (SIGKILL) leaves no partial rows; a re-run converges."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from app.core.config import Settings
from app.db import migrate
from app.db.engine import Database, make_database, make_session_factory
from app.db.models import IngestRun
from app.domain.enums import IngestStatus
from ingest.pipeline import IngestRequest, run_ingest
from tests.ingest.test_pipeline import cuk_csv, cuk_row, snapshot

BIG = 8000


def run_file(database: Database, path: Path) -> None:
    run_ingest(database, Settings(_env_file=None), IngestRequest(source="coops-uk", file=path))


def test_killed_ingest_leaves_previous_data_and_rerun_converges(
    empty_engine: Engine, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    migrate.upgrade(empty_engine)
    database = Database(engine=empty_engine, session_factory=make_session_factory(empty_engine))
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    small.write_bytes(cuk_csv([cuk_row(n) for n in range(1, 11)]))
    big.write_bytes(
        cuk_csv([cuk_row(n, **{"Registered Name": f"Big Release Co-op {n}"}) for n in range(1, BIG + 1)])
    )
    run_file(database, small)
    with database.session_factory() as session:
        baseline = snapshot(session)
    assert len(baseline) == 10

    url = empty_engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "COOPMAP_DATABASE_URL": url}
    env.pop("COOPMAP_ENVIRONMENT", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "ingest", "coops-uk", "--file", str(big)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Wait until the run is recorded (committed before the data transaction starts), then a little more.
    deadline = time.monotonic() + 60
    running = False
    while time.monotonic() < deadline and not running:
        with database.session_factory() as session:
            statuses = session.scalars(select(IngestRun.status).order_by(IngestRun.id.desc()).limit(1)).all()
        running = statuses == [IngestStatus.RUNNING]
        time.sleep(0.05)
    assert running, "the ingest process never started its run"
    time.sleep(1.0)
    assert process.poll() is None, "the ingest finished before it could be killed; make the file bigger"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    with database.session_factory() as session:
        assert snapshot(session) == baseline
        last = session.scalars(select(IngestRun).order_by(IngestRun.id.desc()).limit(1)).one()
        assert last.status is IngestStatus.RUNNING  # the killed run never got to record anything else

    run_file(database, big)
    with database.session_factory() as session:
        after_rerun = snapshot(session)
        runs = session.scalars(select(IngestRun.status).order_by(IngestRun.id)).all()
    assert runs == [IngestStatus.SUCCEEDED, IngestStatus.FAILED, IngestStatus.SUCCEEDED]

    # A clean run of the same two files on a new (SQLite) database gives the same contents.
    clean_path = tmp_path_factory.mktemp("clean") / "clean.db"
    clean = make_database(Settings(_env_file=None, database_url=f"sqlite:///{clean_path}"))
    migrate.upgrade(clean.engine)
    run_file(clean, small)
    run_file(clean, big)
    with clean.session_factory() as session:
        assert after_rerun == snapshot(session)
    clean.engine.dispose()
    assert len(after_rerun) == BIG
