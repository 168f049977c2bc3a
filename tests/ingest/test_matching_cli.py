"""`coopmap matching ...` and `coopmap org merge|split` on a real SQLite file, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings
from app.db.engine import make_database
from app.db.models import MatchDecision, Organisation, SourceRecord
from app.domain.enums import MatchDecisionKind
from tests.factories import store_records

runner = CliRunner()
WIDE = {"COLUMNS": "220"}


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A migrated SQLite file with a register, a matching export entry, a near miss and two societies."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("COOPMAP_DATABASE_URL", url)
    monkeypatch.delenv("COOPMAP_ENVIRONMENT", raising=False)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    # The demo data gives name tokens realistic frequencies (on six records every word is rare).
    assert runner.invoke(cli, ["demo", "load"]).exit_code == 0
    database = make_database(Settings(_env_file=None, database_url=url))
    with database.session_factory.begin() as session:
        store_records(
            session,
            "fca",
            {
                "F1": {
                    "name": "Oxford Food Co-operative Limited",
                    "postcode": "OX4 1DD",
                    "fca_number": "IP1R",
                },
                "F2": {"name": "Winsham Shop Limited", "postcode": "TA20 4HU", "fca_number": "IP2R"},
                "F3": {"name": "Winsham Shop Limited", "postcode": "TA20 4HU", "fca_number": "IP3R"},
                "F4": {"name": "Quernstone Bread Co-operative Limited", "postcode": "NN4 7AD"},
            },
        )
        store_records(
            session,
            "digitalcommons:oxford",
            {
                "D1": {"name": "Oxford Food Coop", "postcode": "OX4 1DD"},
                "D2": {"name": "Quernstone Bakery", "postcode": "NN4 7AD"},
                "D3": {"name": "Zephyrgate Loaves", "postcode": "M1 1AA"},
            },
        )
    database.engine.dispose()
    return url


def public_id(url: str, source: str, source_id: str) -> str:
    database = make_database(Settings(_env_file=None, database_url=url))
    with database.session_factory() as session:
        found = session.scalars(
            select(Organisation.public_id)
            .join(SourceRecord, SourceRecord.organisation_id == Organisation.id)
            .where(SourceRecord.source == source, SourceRecord.source_id == source_id)
        ).one()
    database.engine.dispose()
    return str(found)


def human_decisions(url: str) -> int:
    database = make_database(Settings(_env_file=None, database_url=url))
    with database.session_factory() as session:
        count = session.scalar(
            select(func.count()).where(
                MatchDecision.decision.in_((MatchDecisionKind.CONFIRMED, MatchDecisionKind.REJECTED))
            )
        )
    database.engine.dispose()
    return int(count or 0)


def test_matching_run_prints_counts_and_a_rerun_writes_nothing(cli_db: str) -> None:
    result = runner.invoke(cli, ["matching", "run", "--full"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "records" in result.output
    rows = {
        line.split("│")[1].strip(): line.split("│")[2].strip()
        for line in result.output.splitlines()
        if line.count("│") == 3
    }
    assert int(rows["records"].replace(",", "")) > 7
    assert rows["pair rows written"] == "0"
    assert rows["records moved"] == "0"


def test_explain_shows_why_records_merged(cli_db: str) -> None:
    organisation = public_id(cli_db, "fca", "F1")
    result = runner.invoke(cli, ["matching", "explain", organisation], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "auto_merged" in result.output
    assert "digitalcommons:oxford:D1" in result.output
    assert "bits" in result.output


def test_queue_lists_the_near_miss_and_decide_settles_it_for_good(cli_db: str) -> None:
    queue = runner.invoke(cli, ["matching", "queue"], env=WIDE)
    assert queue.exit_code == 0, queue.output
    assert "pending_review" in queue.output
    assert "Quernstone" in queue.output
    pair = int(next(line.split("│")[1] for line in queue.output.splitlines() if "pending_review" in line))
    decided = runner.invoke(
        cli, ["matching", "decide", str(pair), "--same", "--reason", "one bakery"], env=WIDE
    )
    assert decided.exit_code == 0, decided.output
    assert public_id(cli_db, "fca", "F4") == public_id(cli_db, "digitalcommons:oxford", "D2")
    assert "No possible duplicates" in runner.invoke(cli, ["matching", "queue"], env=WIDE).output
    assert runner.invoke(cli, ["matching", "run"], env=WIDE).exit_code == 0
    assert public_id(cli_db, "fca", "F4") == public_id(cli_db, "digitalcommons:oxford", "D2")


def test_merge_of_two_registered_societies_is_refused_and_changes_nothing(cli_db: str) -> None:
    first, second = public_id(cli_db, "fca", "F2"), public_id(cli_db, "fca", "F3")
    result = runner.invoke(cli, ["org", "merge", first, second], env=WIDE)
    assert result.exit_code == 1
    assert "cannot merge" in result.output
    assert "nothing was changed" in result.output
    assert human_decisions(cli_db) == 0
    assert public_id(cli_db, "fca", "F2") != public_id(cli_db, "fca", "F3")


def test_merge_then_split_are_sticky(cli_db: str) -> None:
    first, second = public_id(cli_db, "fca", "F1"), public_id(cli_db, "digitalcommons:oxford", "D3")
    merged = runner.invoke(cli, ["org", "merge", first, second, "--reason", "test"], env=WIDE)
    assert merged.exit_code == 0, merged.output
    assert public_id(cli_db, "fca", "F1") == public_id(cli_db, "digitalcommons:oxford", "D3")
    survivor = public_id(cli_db, "fca", "F1")
    split = runner.invoke(cli, ["org", "split", survivor, "digitalcommons:oxford:D3"], env=WIDE)
    assert split.exit_code == 0, split.output
    assert public_id(cli_db, "digitalcommons:oxford", "D3") != public_id(cli_db, "fca", "F1")
    assert runner.invoke(cli, ["matching", "run", "--full"], env=WIDE).exit_code == 0
    assert public_id(cli_db, "digitalcommons:oxford", "D3") != public_id(cli_db, "fca", "F1")
    assert public_id(cli_db, "fca", "F1") == public_id(cli_db, "digitalcommons:oxford", "D1")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["org", "split", "nope", "fca:F1"], "no organisation 'nope'"),
        (["org", "merge", "nope", "nope2"], "no organisation 'nope'"),
        (["matching", "explain", "nope"], "no organisation 'nope'"),
        (["matching", "decide", "99999", "--same"], "no candidate pair 99999"),
    ],
)
def test_bad_names_exit_non_zero_with_a_message(cli_db: str, arguments: list[str], message: str) -> None:
    result = runner.invoke(cli, arguments, env=WIDE)
    assert result.exit_code == 1
    assert message in result.output
