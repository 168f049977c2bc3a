"""API-only dependencies: page limits."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from app.dependencies import SettingsDep
from app.domain.errors import InvalidInput


def page_limit(
    settings: SettingsDep,
    limit: Annotated[
        int | None, Query(ge=1, description="Items per page (default 50, at most `COOPMAP_API_MAX_LIMIT`).")
    ] = None,
) -> int:
    """The requested page size, defaulted and capped by settings."""
    if limit is None:
        return settings.api_default_limit
    if limit > settings.api_max_limit:
        raise InvalidInput("limit", f"limit must be at most {settings.api_max_limit}")
    return limit


LimitDep = Annotated[int, Depends(page_limit)]
