"""Settings: defaults, environment variables and start-up validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.core.config import PLACEHOLDER_SECRET, Environment, Settings


def test_defaults_use_a_local_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COOPMAP_DATABASE_URL", raising=False)
    settings = Settings(_env_file=None)
    assert settings.database_url == "sqlite:///./coopmap.db"
    assert settings.is_sqlite
    assert settings.environment is Environment.DEVELOPMENT


def test_environment_variables_with_prefix_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPMAP_DATABASE_URL", "postgresql://u@db/coopmap")
    monkeypatch.setenv("COOPMAP_API_MAX_LIMIT", "200")
    settings = Settings(_env_file=None)
    assert settings.database_url == "postgresql://u@db/coopmap"
    assert settings.api_max_limit == 200
    assert not settings.is_sqlite


@pytest.mark.parametrize("secret", [PLACEHOLDER_SECRET, "short-secret"])
def test_production_refuses_a_weak_secret_key(secret: str) -> None:
    with pytest.raises(ValidationError, match="COOPMAP_SECRET_KEY"):
        Settings(_env_file=None, environment=Environment.PRODUCTION, secret_key=secret)


def test_production_accepts_a_strong_secret_key() -> None:
    settings = Settings(_env_file=None, environment=Environment.PRODUCTION, secret_key="x" * 40)
    assert settings.environment is Environment.PRODUCTION


def test_default_limit_above_the_cap_is_refused() -> None:
    with pytest.raises(ValidationError, match="API_DEFAULT_LIMIT"):
        Settings(_env_file=None, api_default_limit=600, api_max_limit=500)


def test_settings_are_immutable() -> None:
    settings = Settings(_env_file=None)
    with pytest.raises(ValidationError):
        settings.api_max_limit = 5  # type: ignore[misc]
