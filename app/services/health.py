"""Health of the service: can it reach its database."""

from __future__ import annotations

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db.repositories.health import ping

logger = logging.getLogger(__name__)


def database_ok(session: Session) -> bool:
    """True when a trivial query succeeds."""
    try:
        ping(session)
    except SQLAlchemyError:
        logger.exception("health check: database query failed")
        session.rollback()
        return False
    return True
