"""The one typed settings object, read from `COOPMAP_*` environment variables and validated at start-up."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.core.ratelimit import Rate

PLACEHOLDER_SECRET = "change-me-in-production"  # noqa: S105  (refused in production)


class Environment(StrEnum):
    """Where the app runs; production refuses unsafe defaults."""

    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class Settings(BaseSettings):
    """Every setting of Coopmap. Tests build it directly; the CLI reads it from the environment."""

    model_config = SettingsConfigDict(env_prefix="COOPMAP_", env_file=".env", extra="ignore", frozen=True)

    environment: Annotated[
        Environment, Field(description="`development`, `test` or `production` (strict checks).")
    ] = Environment.DEVELOPMENT
    database_url: Annotated[
        str,
        Field(
            description="SQLAlchemy URL: a SQLite file (default) or `postgresql+psycopg://...` with PostGIS.",
            min_length=1,
        ),
    ] = "sqlite:///./coopmap.db"
    secret_key: Annotated[
        str, Field(description="Signs sessions and CSRF tokens; at least 32 characters in production.")
    ] = PLACEHOLDER_SECRET
    db_pool_size: Annotated[
        int, Field(description="PostgreSQL connection pool size (kept warm).", ge=1, le=100)
    ] = 5
    sqlite_busy_timeout_ms: Annotated[
        int, Field(description="How long a SQLite writer waits for a lock before failing.", ge=0)
    ] = 5000
    api_default_limit: Annotated[
        int, Field(description="Page size of list endpoints when `limit` is not given.", ge=1)
    ] = 50
    api_max_limit: Annotated[
        int, Field(description="Largest `limit` a client may ask for; larger values are refused (422).", ge=1)
    ] = 500
    api_export_max_limit: Annotated[
        int,
        Field(description="Largest `limit` of a GeoJSON or CSV search export (also its default).", ge=1),
    ] = 5000
    search_default_radius_km: Annotated[
        float, Field(description="Radius of a `near` search when `radius_km` is not given.", ge=0)
    ] = 5.0
    search_max_radius_km: Annotated[
        float, Field(description="Largest `radius_km` a client may ask for; larger values get a 422.", gt=0)
    ] = 100.0
    site_name: Annotated[str, Field(description="Name shown in page titles and the header.")] = "Coopmap"
    tile_url: Annotated[str, Field(description="Leaflet tile URL template for the map background.")] = (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    )
    tile_attribution: Annotated[
        str, Field(description="Attribution shown for the map tiles (plain text).")
    ] = "© OpenStreetMap contributors"
    embed_frame_ancestors: Annotated[
        str,
        Field(
            description="Who may show `/embed` in an iframe: a CSP `frame-ancestors` source list, e.g. "
            "`https://www.oxford.gov.uk https://*.example.org` (`*` allows any site). Every other page "
            "refuses to be framed.",
            min_length=1,
            pattern=r"^[A-Za-z0-9*:/.\- ']+$",
        ),
    ] = "*"
    log_level: Annotated[str, Field(description="Python logging level name.")] = "INFO"
    coops_uk_page_url: Annotated[
        str, Field(description="Co-operatives UK open data page; the organisations CSV link is found on it.")
    ] = "https://www.uk.coop/resources/open-data"
    coops_uk_fallback_url: Annotated[
        str | None, Field(description="Organisations CSV URL used when the link cannot be found on the page.")
    ] = None
    fca_url: Annotated[str, Field(description="FCA Mutuals Public Register society list (CSV).")] = (
        "https://fcastoragemprprod.blob.core.windows.net/societylist/SocietyList.csv"
    )
    fca_include: Annotated[
        list[str],
        Field(
            description="FCA societies imported: `Registered As` or `Registration Act` contains one of these "
            "(case-insensitive; JSON list)."
        ),
    ] = ["co-operative", "community benefit", "credit union", "industrial and provident"]
    fca_exclude: Annotated[
        list[str],
        Field(description="FCA societies never imported, matched the same way (JSON list)."),
    ] = ["building societ", "friendly societ"]
    postcodes_io_url: Annotated[
        str, Field(description="postcodes.io base URL for postcodes missing from the loaded table.")
    ] = "https://api.postcodes.io"
    download_timeout_s: Annotated[
        float, Field(description="Timeout in seconds for each download or API request.", gt=0)
    ] = 30.0
    download_retries: Annotated[
        int,
        Field(description="Retries (with exponential backoff) after a failed download or 5xx.", ge=0, le=10),
    ] = 3
    download_max_bytes: Annotated[
        int, Field(description="Largest download accepted, in bytes; bigger files are refused.", gt=0)
    ] = 200_000_000
    trusted_proxies: Annotated[
        list[str], Field(description="Proxy addresses whose X-Forwarded-For is believed (JSON list).")
    ] = []
    rate_limit_submissions: Annotated[
        str, Field(description="Public submissions per client IP, e.g. `5/hour` (429 beyond it).")
    ] = "5/hour"
    rate_limit_login: Annotated[
        str, Field(description="Login attempts per client IP and per email, e.g. `10/15minutes`.")
    ] = "10/15minutes"
    session_idle_minutes: Annotated[
        int, Field(description="A moderator session ends after this long without a request.", ge=1)
    ] = 60
    session_max_hours: Annotated[
        int, Field(description="A moderator session ends this long after login, whatever happens.", ge=1)
    ] = 12
    submit_min_seconds: Annotated[
        float, Field(description="A webform filled faster than this is refused as automated.", ge=0)
    ] = 3.0
    stale_after_months: Annotated[
        int, Field(description="Organisations not verified for this long are listed as stale.", ge=1)
    ] = 18
    public_url: Annotated[
        str, Field(description="This site's address, for links in emails (no trailing slash).")
    ] = "http://127.0.0.1:8000"
    edit_link_days: Annotated[int, Field(description="How long a private edit link works.", ge=1)] = 90
    smtp_host: Annotated[
        str | None, Field(description="SMTP server for email; unset: messages are written to the log.")
    ] = None
    smtp_port: Annotated[int, Field(description="SMTP port.", ge=1, le=65535)] = 587
    smtp_username: Annotated[str | None, Field(description="SMTP user, if the server wants one.")] = None
    smtp_password: Annotated[str | None, Field(description="SMTP password.")] = None
    smtp_starttls: Annotated[bool, Field(description="Upgrade the SMTP connection with STARTTLS.")] = True
    mail_from: Annotated[str, Field(description="Sender address of Coopmap's email.")] = "coopmap@localhost"
    match_after_ingest: Annotated[
        bool, Field(description="Match and merge all records at the end of every ingest (same transaction).")
    ] = True
    match_auto_merge: Annotated[
        float,
        Field(description="Match probability at or above which two records merge automatically.", gt=0, le=1),
    ] = 0.95
    match_review: Annotated[
        float,
        Field(
            description="Match probability from which a pair is queued for moderators (possible duplicate).",
            gt=0,
            le=1,
        ),
    ] = 0.5

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> Self:
        """Refuse a placeholder or short secret key in production, and a default page above the cap."""
        weak_secret = self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 32
        if self.environment is Environment.PRODUCTION and weak_secret:
            raise ValueError(
                "COOPMAP_SECRET_KEY must be set to a random value of at least 32 characters in production"
            )
        for name in ("rate_limit_submissions", "rate_limit_login"):
            Rate.parse(getattr(self, name))
        if self.match_review > self.match_auto_merge:
            raise ValueError("COOPMAP_MATCH_REVIEW must not exceed COOPMAP_MATCH_AUTO_MERGE")
        if self.api_default_limit > self.api_max_limit:
            raise ValueError("COOPMAP_API_DEFAULT_LIMIT must not exceed COOPMAP_API_MAX_LIMIT")
        if self.search_default_radius_km > self.search_max_radius_km:
            raise ValueError("COOPMAP_SEARCH_DEFAULT_RADIUS_KM must not exceed COOPMAP_SEARCH_MAX_RADIUS_KM")
        return self

    @property
    def is_sqlite(self) -> bool:
        """True when the database is the embedded SQLite engine."""
        return self.database_url.startswith("sqlite")


def load_settings() -> Settings:
    """Read settings from the environment (and `.env`); the composition roots call this once."""
    return Settings()
