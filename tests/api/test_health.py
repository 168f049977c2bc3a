"""GET /healthz."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

import app


def test_healthz_reports_ok_and_the_engine(client: TestClient, engine: Engine) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": engine.dialect.name, "version": app.__version__}


def test_healthz_answers_head(client: TestClient) -> None:
    assert client.head("/healthz").status_code == 200
