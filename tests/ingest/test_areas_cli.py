"""`coopmap areas import|list`: through typer on a fresh SQLite file, and the command body on both engines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from app.cli import cli
from app.db.engine import Database
from app.domain.enums import AreaKind
from app.services import areas
from ingest.areas_cli import areas_import_command
from tests.ingest.test_boundaries import ONS_COUNCIL, feature, square

runner = CliRunner()
WIDE = {"COLUMNS": "200"}  # rich tables keep every column at this width


def write_geojson(path: Path, *features: dict[str, Any], **members: Any) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", **members, "features": list(features)}))
    return path


def council(code: str, name: str, geometry: dict[str, Any] | None = None) -> dict[str, Any]:
    return feature({**ONS_COUNCIL, "LAD23CD": code, "LAD23NM": name}, geometry)


def summary_numbers(output: str) -> list[str]:
    """The figures of the summary table: features, inserted, updated, unchanged, repaired."""
    lines = output.splitlines()
    header = next(i for i, line in enumerate(lines) if "unchanged" in line)
    return [cell.strip() for cell in lines[header + 2].split("│") if cell.strip()]


@pytest.fixture
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new, migrated SQLite file that the CLI reaches through the environment (no demo data)."""
    monkeypatch.setenv("COOPMAP_DATABASE_URL", f"sqlite:///{tmp_path / 'areas.db'}")
    monkeypatch.delenv("COOPMAP_ENVIRONMENT", raising=False)
    assert runner.invoke(cli, ["db", "upgrade"]).exit_code == 0
    return tmp_path


def test_areas_import_prints_a_summary_and_a_rerun_changes_nothing(migrated: Path) -> None:
    data = write_geojson(
        migrated / "lad.geojson", council("E07000178", "Oxford"), council("E07000179", "Cherwell")
    )
    first = runner.invoke(cli, ["areas", "import", str(data), "--kind", "council"], env=WIDE)
    assert first.exit_code == 0, first.output
    assert summary_numbers(first.output) == ["2", "2", "0", "0", "0"]
    assert "Coordinates: WGS84" in first.output
    again = runner.invoke(cli, ["areas", "import", str(data), "--kind", "council"], env=WIDE)
    assert summary_numbers(again.output) == ["2", "0", "0", "2", "0"]
    listed = runner.invoke(cli, ["areas", "list"], env=WIDE)
    assert "council:E07000178" in listed.output
    assert "Cherwell" in listed.output


def test_areas_import_of_british_national_grid_says_it_was_transformed(migrated: Path) -> None:
    bng = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
    data = write_geojson(
        migrated / "bng.geojson", council("E07000178", "Oxford", square(451000, 206500, 500)), crs=bng
    )
    result = runner.invoke(cli, ["areas", "import", str(data), "--kind", "council"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "British National Grid (transformed to WGS84)" in result.output
    assert "longitude -1.26" in result.output


def test_areas_import_of_a_bad_file_exits_non_zero_and_stores_nothing(migrated: Path) -> None:
    point = {"type": "Point", "coordinates": [-1.25, 51.75]}
    data = write_geojson(
        migrated / "bad.geojson", council("E07000178", "Oxford"), council("E07000179", "Cherwell", point)
    )
    result = runner.invoke(cli, ["areas", "import", str(data), "--kind", "council"], env=WIDE)
    assert result.exit_code == 1
    assert "Import failed" in result.output
    assert "feature 1, geometry.type: 'Point' is not supported" in result.output
    assert "Nothing was stored" in result.output
    assert "No areas stored" in runner.invoke(cli, ["areas", "list"]).output


@pytest.mark.parametrize(
    ("content", "words"),
    [("name,code\nOxford,E1\n", "not GeoJSON"), ('{"type": "Feature"}', "FeatureCollection is expected")],
)
def test_areas_import_of_a_file_that_is_not_geojson_exits_non_zero(
    migrated: Path, content: str, words: str
) -> None:
    path = migrated / "not.geojson"
    path.write_text(content)
    result = runner.invoke(cli, ["areas", "import", str(path), "--kind", "ward"], env=WIDE)
    assert result.exit_code == 1
    assert words in result.output


def test_areas_import_names_the_missing_field_option(migrated: Path) -> None:
    data = write_geojson(migrated / "custom.geojson", feature({"ref": "hq", "title": "Head office"}))
    result = runner.invoke(cli, ["areas", "import", str(data), "--kind", "custom"], env=WIDE)
    assert result.exit_code == 1
    assert "--name-field" in result.output
    assert "ref, title" in result.output
    fixed = ["areas", "import", str(data), "--kind", "custom", "--name-field", "title", "--code-field", "ref"]
    assert runner.invoke(cli, fixed, env=WIDE).exit_code == 0
    assert "custom:hq" in runner.invoke(cli, ["areas", "list", "--kind", "custom"], env=WIDE).output


@pytest.mark.parametrize(
    ("arguments", "words"),
    [([], "--kind"), (["--kind", "parish"], "parish"), (["--kind", "ward", "--name-field"], "--name-field")],
)
def test_areas_import_rejects_bad_options(migrated: Path, arguments: list[str], words: str) -> None:
    data = write_geojson(migrated / "lad.geojson", council("E07000178", "Oxford"))
    result = runner.invoke(cli, ["areas", "import", str(data), *arguments], env=WIDE)
    assert result.exit_code == 2
    assert words in result.output


def test_areas_import_of_a_missing_file_exits_non_zero(migrated: Path) -> None:
    result = runner.invoke(
        cli, ["areas", "import", str(migrated / "absent.geojson"), "--kind", "ward"], env=WIDE
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_areas_commands_refuse_an_unmigrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COOPMAP_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    monkeypatch.delenv("COOPMAP_ENVIRONMENT", raising=False)
    result = runner.invoke(cli, ["areas", "list"])
    assert result.exit_code == 1
    assert "coopmap db upgrade" in result.output


def test_areas_import_command_stores_all_features_or_none(
    database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_geojson(
        tmp_path / "good.geojson", council("E07000178", "Oxford"), council("E07000179", "Cherwell")
    )
    areas_import_command(database, good, AreaKind.COUNCIL, None, None)
    with database.session_factory() as session:
        assert areas.get_area(session, "council:E07000179").name == "Cherwell"
    bad = write_geojson(
        tmp_path / "bad.geojson",
        council("E07000180", "Vale of White Horse"),
        council("E07000181", "West Oxfordshire", {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}),
    )
    with pytest.raises(typer.Exit) as exited:
        areas_import_command(database, bad, AreaKind.COUNCIL, None, None)
    assert exited.value.exit_code == 1
    assert "Nothing was stored" in capsys.readouterr().err
    with database.session_factory() as session:
        listed = areas.list_areas(session, kind=AreaKind.COUNCIL, q="o", limit=100, cursor=None)
        assert "council:E07000180" not in {areas.public_id(area) for area in listed.items}
