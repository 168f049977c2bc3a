"""The `coopmap` command line, run in-process (typer's runner) and as a real server process."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from app.cli import cli
from ingest.demo.loader import demo_rows
from tests.conftest import free_port, wait_until_healthy

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # rich tables keep every column at this width


@pytest.fixture
def sqlite_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at a new SQLite file through the environment, as a user would."""
    path = tmp_path / "cli.db"
    monkeypatch.setenv("COOPMAP_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("COOPMAP_ENVIRONMENT", raising=False)
    return path


def test_db_upgrade_creates_and_migrates_the_database(sqlite_env: Path) -> None:
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert sqlite_env.exists()
    current = runner.invoke(cli, ["db", "current"])
    assert "up to date" in current.output


def test_commands_refuse_an_unmigrated_database(sqlite_env: Path) -> None:
    result = runner.invoke(cli, ["demo", "load"])
    assert result.exit_code == 1
    assert "coopmap db upgrade" in result.output


def test_demo_load_fills_an_empty_database_once(sqlite_env: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    first = runner.invoke(cli, ["demo", "load"])
    assert first.exit_code == 0, first.output
    assert f"Loaded {len(list(demo_rows()))} demo organisations" in first.output
    second = runner.invoke(cli, ["demo", "load"])
    assert "nothing loaded" in second.output


def test_user_create_prints_a_one_time_password(sqlite_env: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(cli, ["user", "create", "--email", "admin@example.org", "--role", "admin"])
    assert result.exit_code == 0, result.output
    assert "Created admin admin@example.org" in result.output
    password_line = next(line for line in result.output.splitlines() if "One-time password" in line)
    assert len(password_line.rsplit(" ", 1)[1]) == 24


def test_user_create_duplicate_exits_non_zero_with_a_message(sqlite_env: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    runner.invoke(cli, ["user", "create", "--email", "m@example.org"])
    result = runner.invoke(cli, ["user", "create", "--email", "m@example.org"])
    assert result.exit_code == 1
    assert "already exists" in result.output


def test_user_create_rejects_an_unknown_role(sqlite_env: Path) -> None:
    result = runner.invoke(cli, ["user", "create", "--email", "m@example.org", "--role", "superuser"])
    assert result.exit_code == 2
    assert "superuser" in result.output


def test_invalid_settings_exit_with_a_clear_message(
    sqlite_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COOPMAP_ENVIRONMENT", "production")
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 2
    assert "COOPMAP_SECRET_KEY" in result.output


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`coopmap db upgrade` then `coopmap serve --demo` in a real process, as `make run` does."""
    port = free_port()
    env = {**os.environ, "COOPMAP_DATABASE_URL": f"sqlite:///{tmp_path / 'served.db'}", "PORT": str(port)}
    env.pop("COOPMAP_ENVIRONMENT", None)
    coopmap = [sys.executable, "-c", "from app.cli import main; main()"]
    subprocess.run([*coopmap, "db", "upgrade"], env=env, check=True, capture_output=True, timeout=120)
    process = subprocess.Popen(
        [*coopmap, "serve", "--demo"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, 60)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()


def test_serve_demo_serves_the_demo_organisations_over_http(served: str) -> None:
    assert httpx.get(f"{served}/healthz").json()["status"] == "ok"
    names: list[str] = []
    url: str | None = f"{served}/api/organisations?limit=500"
    while url:
        body = httpx.get(url).json()
        names.extend(item["name"] for item in body["items"])
        url = body["links"]["next"]
    assert sorted(names) == sorted(row["name"] for row in demo_rows())
    home = httpx.get(served, headers={"accept": "text/html"})
    assert home.status_code == 200
    assert "/docs" in home.text


def write_cuk_file(path: Path, count: int) -> Path:
    from tests.ingest.test_pipeline import cuk_csv, cuk_row

    path.write_bytes(cuk_csv([cuk_row(n) for n in range(1, count + 1)]))
    return path


def test_ingest_file_prints_a_summary_and_rerun_changes_nothing(sqlite_env: Path, tmp_path: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    data = write_cuk_file(tmp_path / "orgs.csv", 12)
    first = runner.invoke(cli, ["ingest", "coops-uk", "--file", str(data)], env=WIDE)
    assert first.exit_code == 0, first.output
    assert "inserted" in first.output
    assert "12" in first.output
    assert "possible duplicate(s) wait for review" in first.output
    second = runner.invoke(cli, ["ingest", "coops-uk", "--file", str(data)], env=WIDE)
    assert second.exit_code == 0, second.output
    summary = second.output.splitlines()
    header = next(i for i, line in enumerate(summary) if "unchanged" in line)
    numbers = [cell.strip() for cell in summary[header + 2].split("│") if cell.strip()]
    assert numbers[:4] == ["12", "0", "0", "12"]  # read, inserted, updated, unchanged


def test_ingest_dry_run_stores_nothing(sqlite_env: Path, tmp_path: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    data = write_cuk_file(tmp_path / "orgs.csv", 5)
    result = runner.invoke(cli, ["ingest", "coops-uk", "--file", str(data), "--dry-run"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output
    again = runner.invoke(cli, ["ingest", "coops-uk", "--file", str(data), "--dry-run"], env=WIDE)
    lines = again.output.splitlines()
    header = next(i for i, line in enumerate(lines) if "unchanged" in line)
    numbers = [cell.strip() for cell in lines[header + 2].split("│") if cell.strip()]
    assert numbers[:2] == ["5", "5"]  # read 5, would insert 5 again: the first dry run stored nothing


def test_ingest_failure_exits_non_zero_and_says_data_is_unchanged(sqlite_env: Path, tmp_path: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    broken = tmp_path / "broken.csv"
    broken.write_text("not,the,right,header\n1,2,3,4\n")
    result = runner.invoke(cli, ["ingest", "coops-uk", "--file", str(broken)])
    assert result.exit_code == 1
    assert "Ingest failed" in result.output
    assert "CUK Organisation ID" in result.output
    assert "previous data is unchanged" in result.output


def test_ingest_rejects_an_unknown_source(sqlite_env: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    result = runner.invoke(cli, ["ingest", "companies-house"])
    assert result.exit_code == 2
    assert "coops-uk" in result.output


def test_geocode_offline_reports_coverage(sqlite_env: Path, tmp_path: Path) -> None:
    runner.invoke(cli, ["db", "upgrade"])
    runner.invoke(cli, ["ingest", "coops-uk", "--file", str(write_cuk_file(tmp_path / "orgs.csv", 3))])
    table = tmp_path / "postcodes.csv"
    table.write_text("postcode,latitude,longitude\nOX4 1DD,51.748200,-1.238600\n")
    result = runner.invoke(cli, ["geocode", "--offline", "--postcodes-file", str(table)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "Geocoding coverage" in result.output
    row = next(line for line in result.output.splitlines() if "postcode unit centroid" in line)
    assert "3" in row
    assert "100.0%" in row


def test_db_optimise_refreshes_statistics_of_a_migrated_database(sqlite_env: Path) -> None:
    refused = runner.invoke(cli, ["db", "optimise"])
    assert refused.exit_code == 1
    assert "coopmap db upgrade" in refused.output
    runner.invoke(cli, ["db", "upgrade"])
    runner.invoke(cli, ["demo", "load"])
    result = runner.invoke(cli, ["db", "optimise"])
    assert result.exit_code == 0, result.output
    assert "ANALYZE" in result.output
    with sqlite3.connect(sqlite_env) as connection:
        stats = connection.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'organisations'").fetchone()
    assert stats[0] > 0


@pytest.fixture
def demo_env(sqlite_env: Path) -> Path:
    """The CLI's SQLite file, migrated and holding the demo data."""
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    assert runner.invoke(cli, ["demo", "load"]).exit_code == 0
    return sqlite_env


def test_export_map_writes_the_printable_map_of_a_search(demo_env: Path, tmp_path: Path) -> None:
    out = tmp_path / "oxford.html"
    result = runner.invoke(
        cli, ["export", "map", "--q", "food", "--near", "OX4 1DD", "--radius-km", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    count = int(result.output.split("Wrote ", 1)[1].split(" ", 1)[0])
    assert count > 0
    page = out.read_text(encoding="utf-8")
    assert "<h1>Coopmap: Organisations matching “food”; within 3 km of OX4 1DD</h1>" in page
    assert page.count("<tr><td>") == count


def test_export_map_writes_a_dated_file_here_or_into_a_folder(
    demo_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", "map", "--bbox", "-1.30,51.70,-1.20,51.80"])
    assert result.exit_code == 0, result.output
    written = list(tmp_path.glob("coopmap-map-*.html"))
    assert len(written) == 1
    assert f"to {written[0].name}" in result.output
    folder = tmp_path / "maps"
    folder.mkdir()
    into_folder = runner.invoke(cli, ["export", "map", "--bbox", "-1.30,51.70,-1.20,51.80", "--out", "maps"])
    assert into_folder.exit_code == 0, into_folder.output
    assert (folder / written[0].name).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--bbox", "1,2"], "bbox must be"),
        (["--near", "nowhere"], "near must be a UK postcode"),
        (["--radius-km", "3"], "radius_km needs near"),
        (["--out", "/no/such/folder/map.html"], "the folder /no/such/folder does not exist"),
    ],
)
def test_export_map_bad_input_exits_non_zero_with_a_message(
    demo_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arguments: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["export", "map", *arguments], env=WIDE)
    assert result.exit_code == 1
    assert message in result.output
    assert not list(tmp_path.glob("*.html"))


def test_export_links_writes_one_row_per_source_record(demo_env: Path, tmp_path: Path) -> None:
    out = tmp_path / "links.csv"
    result = runner.invoke(cli, ["export", "links", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["organisation_id", "source", "source_record_id"]
    with sqlite3.connect(demo_env) as connection:
        expected = connection.execute(
            "SELECT coalesce(o.public_id, ''), r.source, r.source_id FROM source_records r "
            "LEFT JOIN organisations o ON o.id = r.organisation_id ORDER BY r.source, r.source_id"
        ).fetchall()
    assert [tuple(row) for row in rows[1:]] == expected
    assert f"Wrote {len(expected)} links" in result.output
    to_stdout = runner.invoke(cli, ["export", "links"])
    assert to_stdout.exit_code == 0
    assert to_stdout.stdout.splitlines()[1:] == [",".join(row) for row in expected]


def test_export_links_to_a_missing_folder_fails_with_a_message(demo_env: Path) -> None:
    result = runner.invoke(cli, ["export", "links", "--out", "/no/such/folder/links.csv"], env=WIDE)
    assert result.exit_code == 1
    assert "the folder /no/such/folder does not exist" in result.output
