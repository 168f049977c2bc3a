"""Fixtures for source tests: Settings without a database, and the real files in ../shared/data."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core.config import Settings
from tests.conftest import make_settings

REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def source_settings() -> Callable[..., Settings]:
    """Build Settings for a source, with overrides; sources never touch the database."""

    def build(**overrides: Any) -> Settings:
        return make_settings("sqlite://", **overrides)

    return build


@pytest.fixture
def shared_file() -> Callable[[str], bytes]:
    """Read a real file from $COOPMAP_SHARED_DATA (default <repo>/../shared/data), or skip the test."""
    root = Path(os.environ.get("COOPMAP_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))

    def read(relative: str) -> bytes:
        path = root / relative
        if not path.is_file():
            pytest.skip(f"shared data not found at {path}")
        return path.read_bytes()

    return read
