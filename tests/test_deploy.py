"""The Dockerfile and docker-compose.yml (no Docker engine runs here, so check what can be checked)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from app.core.config import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_dockerfile_uses_slim_python_and_a_non_root_user() -> None:
    assert re.search(r"^FROM python:3\.11-slim", DOCKERFILE, flags=re.MULTILINE)
    users = re.findall(r"^USER (\S+)", DOCKERFILE, flags=re.MULTILINE)
    assert users
    assert users[-1] not in {"root", "0"}


def test_dockerfile_migrates_then_serves() -> None:
    cmd = re.findall(r"^CMD (.+)$", DOCKERFILE, flags=re.MULTILINE)[-1]
    assert cmd.index("coopmap db upgrade") < cmd.index("coopmap serve")
    assert "--demo" not in cmd


def test_dockerfile_copies_only_existing_paths() -> None:
    for line in re.findall(r"^COPY (.+)$", DOCKERFILE, flags=re.MULTILINE):
        for source in line.split()[:-1]:
            assert (ROOT / source).exists(), source


def test_compose_defines_postgis_and_the_app_with_valid_settings() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    services = compose["services"]
    assert set(services) == {"db", "app"}
    assert services["db"]["image"].startswith("postgis/postgis:")
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    env = services["app"]["environment"]
    settings_vars = {f"COOPMAP_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= settings_vars
    assert env["COOPMAP_ENVIRONMENT"] == "production"
    assert env["COOPMAP_DATABASE_URL"].startswith("postgresql://coopmap:")
    assert env["COOPMAP_DATABASE_URL"].endswith("@db:5432/coopmap")
    assert "COOPMAP_SECRET_KEY" in env


@pytest.mark.slow_build
def test_wheel_ships_migrations_templates_and_static_assets(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("coopmap-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "app/migrations/env.py" in names
    assert any(n.startswith("app/migrations/versions/") for n in names)
    assert "web/templates/base.html" in names
    assert "web/static/vendor/swagger-ui/swagger-ui-bundle.js" in names
    assert "ingest/demo/organisations.csv" in names
    assert "ingest/demo/areas.geojson" in names
