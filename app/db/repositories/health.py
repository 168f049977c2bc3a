"""The trivial query behind /healthz."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session


def ping(session: Session) -> None:
    """Run SELECT 1 (raises if the database is unreachable)."""
    session.execute(select(1)).one()
