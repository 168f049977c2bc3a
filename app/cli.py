"""The `coopmap` command line: database, serving, users. Composition root for command-line use."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from rich.console import Console

from app.core.config import Settings, load_settings
from app.core.logging import configure_logging
from app.db import dialect, migrate
from app.db.engine import Database, make_database
from app.domain.enums import AreaKind, Role
from app.domain.errors import CoopmapError
from app.main import create_app
from app.services import edit_links, exports, links, organisations, submissions, suppressions, users
from app.services.search import SearchLimits, SearchQuery
from ingest.areas_cli import (
    AreasFileArgument,
    CodeFieldOption,
    KindOption,
    NameFieldOption,
    areas_import_command,
    areas_list_command,
)
from ingest.cli import (
    DatasetOption,
    DryRunOption,
    FileOption,
    OfflineOption,
    PostcodesFileOption,
    ShrinkOption,
    UrlOption,
    VocabOption,
    geocode_command,
    ingest_command,
    source_option_help,
)
from ingest.demo.loader import load_demo
from ingest.matching_cli import (
    decide_command,
    explain_command,
    merge_command,
    queue_command,
    run_command,
    split_command,
)

cli = typer.Typer(help="Coopmap: map the co-operative economy of a place.", no_args_is_help=True)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
user_cli = typer.Typer(help="Moderator and admin accounts.", no_args_is_help=True)
demo_cli = typer.Typer(help="The demo dataset.", no_args_is_help=True)
export_cli = typer.Typer(help="Exports: a search as a printable map, the source links.", no_args_is_help=True)
areas_cli = typer.Typer(
    help="Boundaries (council, ward, LSOA, custom) to search within.", no_args_is_help=True
)
cli.add_typer(db_cli, name="db")
cli.add_typer(user_cli, name="user")
cli.add_typer(demo_cli, name="demo")
cli.add_typer(areas_cli, name="areas")
cli.add_typer(export_cli, name="export")
matching_cli = typer.Typer(help="Match and merge records, and explain why.", no_args_is_help=True)
org_cli = typer.Typer(help="Organisations: merge and split for good.", no_args_is_help=True)
cli.add_typer(matching_cli, name="matching")
cli.add_typer(org_cli, name="org")
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why (kept in the audit log).")]

console = Console()
err_console = Console(stderr=True)


def _settings() -> Settings:
    try:
        return load_settings()
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        err_console.print(f"[red]Invalid settings:[/red] {exc}")
        raise typer.Exit(2) from None


def _fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[red]Error:[/red] {message}")
    return typer.Exit(code)


def _require_migrated(database: Database) -> None:
    if not migrate.is_up_to_date(database.engine):
        raise _fail("the database schema is not up to date: run `coopmap db upgrade` first")


@contextmanager
def _migrated(settings: Settings | None = None) -> Iterator[Database]:
    """The configured database, refused unless migrated to head; its pool is closed afterwards."""
    database = make_database(settings or _settings())
    try:
        _require_migrated(database)
        yield database
    finally:
        database.engine.dispose()


def _require_folder(out: Path | None) -> None:
    if out is not None and not out.parent.is_dir():
        raise _fail(f"the folder {out.parent} does not exist")


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations (creates the SQLite file if needed)."""
    settings = _settings()
    database = make_database(settings)
    try:
        migrate.upgrade(database.engine, revision)
        console.print(f"Database at revision {migrate.current_revision(database.engine)}")
    finally:
        database.engine.dispose()


@db_cli.command("optimise")
def db_optimise() -> None:
    """Refresh planner statistics; on PostgreSQL also store organisations in spatial order (locks them)."""
    with _migrated() as database, database.engine.begin() as connection:
        for statement in dialect.optimise(connection):
            console.print(f"ran: {statement}")


@db_cli.command("current")
def db_current() -> None:
    """Print the database's revision and whether it is up to date."""
    database = make_database(_settings())
    try:
        current = migrate.current_revision(database.engine)
        state = "up to date" if current == migrate.head_revision() else "needs `coopmap db upgrade`"
        console.print(f"{current or 'empty'} ({state})")
    finally:
        database.engine.dispose()


def load_demo_if_empty(database: Database) -> int:
    """Load the demo dataset when no organisation is stored; returns how many were loaded."""
    with database.session_factory.begin() as session:
        if not organisations.is_empty(session):
            return 0
        return load_demo(session)


@demo_cli.command("load")
def demo_load() -> None:
    """Load the demo dataset into an empty database."""
    with _migrated() as database:
        loaded = load_demo_if_empty(database)
        console.print(
            f"Loaded {loaded} demo organisations" if loaded else "Database not empty: nothing loaded"
        )


@cli.command("serve")
def serve(
    demo: Annotated[
        bool, typer.Option("--demo", help="Load the demo dataset if the database is empty.")
    ] = False,
    host: Annotated[str, typer.Option(envvar="HOST", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT", help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web app and API."""
    settings = _settings()
    configure_logging(settings)
    database = make_database(settings)
    _require_migrated(database)
    if demo:
        loaded = load_demo_if_empty(database)
        if loaded:
            console.print(f"Loaded {loaded} demo organisations")
    console.print(f"Coopmap on http://{host}:{port}  (API docs: http://{host}:{port}/docs)")
    uvicorn.run(create_app(settings, database), host=host, port=port, log_level=settings.log_level.lower())


@cli.command("ingest")
def ingest(
    source: Annotated[str, typer.Argument(help=source_option_help())],
    file: FileOption = None,
    url: UrlOption = None,
    dataset: DatasetOption = None,
    dry_run: DryRunOption = False,
    allow_shrink: ShrinkOption = False,
    vocab: VocabOption = None,
) -> None:
    """Import a source: download (or read --file), parse, and merge it into the directory."""
    settings = _settings()
    configure_logging(settings)
    with _migrated(settings) as database:
        ingest_command(database, settings, source, file, url, dataset, dry_run, allow_shrink, vocab)


@cli.command("geocode")
def geocode(postcodes_file: PostcodesFileOption = None, offline: OfflineOption = False) -> None:
    """Locate organisations by postcode: a loaded table, then postcodes.io, then the district centroid."""
    settings = _settings()
    configure_logging(settings)
    with _migrated(settings) as database:
        geocode_command(database, settings, postcodes_file, offline)


@areas_cli.command("import")
def areas_import(
    file: AreasFileArgument,
    kind: KindOption,
    name_field: NameFieldOption = None,
    code_field: CodeFieldOption = None,
) -> None:
    """Import boundaries from a GeoJSON FeatureCollection (e.g. an ONS file): all of them, or none."""
    with _migrated() as database:
        areas_import_command(database, file, kind, name_field, code_field)


@areas_cli.command("list")
def areas_list(
    kind: Annotated[AreaKind | None, typer.Option("--kind", help="Only areas of this kind.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Only areas whose name contains this.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="How many to show.")] = 100,
) -> None:
    """List stored areas with their ids (use an id as `area=` in searches)."""
    with _migrated() as database:
        areas_list_command(database, kind, name, limit)


@user_cli.command("create")
def user_create(
    email: Annotated[str, typer.Option(help="Login email address.")],
    role: Annotated[Role, typer.Option(help="moderator or admin.")] = Role.MODERATOR,
) -> None:
    """Create an account and print its one-time password (it must be changed at first login)."""
    with _migrated() as database:
        try:
            with database.session_factory.begin() as session:
                created = users.create_user(session, email=email, role=role)
            console.print(f"Created {created.user.role.value} {created.user.email}")
            console.print(f"One-time password (shown once): {created.one_time_password}", soft_wrap=True)
        except CoopmapError as exc:
            raise _fail(exc.message) from None


@export_cli.command("map")
def export_map(
    q: Annotated[str | None, typer.Option("--q", help="Words to find (typo-tolerant).")] = None,
    near: Annotated[str | None, typer.Option("--near", help="A UK postcode or 'latitude,longitude'.")] = None,
    radius_km: Annotated[
        float | None, typer.Option("--radius-km", help="Radius around --near in km.")
    ] = None,
    bbox: Annotated[
        str | None, typer.Option("--bbox", help="'min_lon,min_lat,max_lon,max_lat' (WGS 84).")
    ] = None,
    area: Annotated[str | None, typer.Option("--area", help="An area id (`coopmap areas list`).")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="File or folder to write to (default: coopmap-map-YYYY-MM-DD.html here)."),
    ] = None,
) -> None:
    """Write the search's results as a printable, standalone HTML map (the same file as /export/map)."""
    settings = _settings()
    _require_folder(out)
    with _migrated(settings) as database:
        try:
            query = SearchQuery(q=q, near=near, radius_km=radius_km, bbox=bbox, area=area)
            look = exports.MapLook(settings.site_name, settings.tile_url, settings.tile_attribution)
            limits = SearchLimits(settings.search_default_radius_km, settings.search_max_radius_km)
            with database.session_factory() as session:
                made = exports.printable_map(
                    session, query, look=look, cap=settings.api_export_max_limit, limits=limits
                )
            path = out / made.filename if out is not None and out.is_dir() else out or Path(made.filename)
            try:
                path.write_text(made.html, encoding="utf-8")
            except OSError as exc:
                raise _fail(f"cannot write {path}: {exc.strerror}") from None
            cut = f" (the first {made.count}: the search found more)" if made.truncated else ""
            console.print(f"Wrote {made.count} organisations{cut} to {path}", soft_wrap=True)
        except CoopmapError as exc:
            raise _fail(exc.message) from None


@export_cli.command("links")
def export_links(
    out: Annotated[
        Path | None, typer.Option("--out", help="CSV file to write (default: standard output).")
    ] = None,
) -> None:
    """Write `organisation_id,source,source_record_id`, one row per source record, as CSV."""
    settings = _settings()
    _require_folder(out)
    with _migrated(settings) as database:
        with database.session_factory() as session:
            if out is None:
                links.write_links(session, sys.stdout)
                return
            try:
                with out.open("w", encoding="utf-8", newline="") as handle:
                    count = links.write_links(session, handle)
            except OSError as exc:
                raise _fail(f"cannot write {out}: {exc.strerror}") from None
        err_console.print(f"Wrote {count} links to {out}", soft_wrap=True)


@matching_cli.command("run")
def matching_run(
    full: Annotated[bool, typer.Option("--full", help="Recompute every organisation's fields too.")] = False,
) -> None:
    """Match and merge every stored record now (ingest does this after each run)."""
    settings = _settings()
    with _migrated(settings) as database:
        run_command(database, settings, full)


@matching_cli.command("explain")
def matching_explain(organisation: Annotated[str, typer.Argument(help="Public id or slug.")]) -> None:
    """Show why an organisation's records were merged, or may be: score, rule and features."""
    with _migrated() as database:
        explain_command(database, organisation)


@matching_cli.command("queue")
def matching_queue(
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="How many to show.")] = 50,
) -> None:
    """List possible duplicates waiting for a moderator, with why."""
    with _migrated() as database:
        queue_command(database, limit)


@matching_cli.command("decide")
def matching_decide(
    pair: Annotated[int, typer.Argument(help="Pair id (from `coopmap matching queue`).")],
    same: Annotated[bool, typer.Option("--same/--different", help="The same organisation, or not.")],
    reason: ReasonOption = None,
) -> None:
    """Settle a candidate pair for good."""
    settings = _settings()
    with _migrated(settings) as database:
        decide_command(database, settings, pair, same, reason)


@org_cli.command("merge")
def org_merge(
    first: Annotated[str, typer.Argument(help="Public id or slug.")],
    second: Annotated[str, typer.Argument(help="Public id or slug.")],
    reason: ReasonOption = None,
) -> None:
    """Merge two organisations; the merge survives every re-ingest."""
    settings = _settings()
    with _migrated(settings) as database:
        merge_command(database, settings, first, second, reason)


@org_cli.command("split")
def org_split(
    organisation: Annotated[str, typer.Argument(help="Public id or slug.")],
    record: Annotated[str, typer.Argument(help="source:source_id, e.g. coops-uk:R000001.")],
    reason: ReasonOption = None,
) -> None:
    """Take a source record out of an organisation; the split survives every re-ingest."""
    settings = _settings()
    with _migrated(settings) as database:
        split_command(database, settings, organisation, record, reason)


@org_cli.command("suppress")
def org_suppress(
    organisation: Annotated[str, typer.Argument(help="Public id or slug.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (an erasure request; kept in the audit log).")],
) -> None:
    """Erase an organisation: hide it, delete its records and keep every re-ingest from bringing it back."""
    with _migrated() as database:
        try:
            with database.session_factory.begin() as session:
                erased = suppressions.suppress(session, organisation, actor="cli", reason=reason)
                name = erased.name
            console.print(f"Erased {name}; re-ingests will skip its records.", soft_wrap=True)
        except CoopmapError as exc:
            raise _fail(exc.message) from None


@org_cli.command("revoke-edit-links")
def org_revoke_edit_links(organisation: Annotated[str, typer.Argument(help="Public id or slug.")]) -> None:
    """Withdraw every private edit link of an organisation."""
    with _migrated() as database:
        try:
            with database.session_factory.begin() as session:
                count = edit_links.revoke(
                    session, submissions.organisation_for_edit(session, organisation), "cli"
                )
            console.print(f"Withdrew {count} edit link(s).")
        except CoopmapError as exc:
            raise _fail(exc.message) from None


def main() -> None:
    """Entry point of the `coopmap` script."""
    cli()
