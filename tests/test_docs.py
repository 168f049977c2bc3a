"""The README stays true: every setting documented, the two commands, the Makefile targets."""

from __future__ import annotations

import re
from pathlib import Path

from app.core.config import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def test_every_setting_is_documented_in_the_readme() -> None:
    for name, field in Settings.model_fields.items():
        assert f"`COOPMAP_{name.upper()}`" in README, f"COOPMAP_{name.upper()} missing from README"
        assert field.description, f"setting {name} has no description"


def test_readme_gives_the_two_commands() -> None:
    assert "make run" in README
    assert "make test" in README


def test_makefile_has_the_documented_targets() -> None:
    targets = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, flags=re.MULTILINE))
    assert {"run", "test", "bench", "lint", "fmt", "migrate"} <= targets


def test_ci_script_requires_postgis_and_browser_and_runs_make_test() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "COOPMAP_REQUIRE_POSTGIS=1" in ci
    assert "COOPMAP_REQUIRE_BROWSER=1" in ci
    assert "make test" in ci
    assert "postgresql-15-postgis-3" in ci
