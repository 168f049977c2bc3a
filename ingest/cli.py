"""`coopmap ingest ...` and `coopmap geocode`: the command-line face of the ingest pipeline."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from app.core.config import Settings
from app.db.engine import Database
from app.domain.errors import CoopmapError
from ingest.download import make_client
from ingest.geocode import run_geocode
from ingest.pipeline import IngestReport, IngestRequest, run_ingest
from ingest.sources import SOURCES

console = Console()
err_console = Console(stderr=True)


def summary_table(report: IngestReport) -> Table:
    """The run's counts, as printed at the end of `coopmap ingest`."""
    tally = report.tally
    title = f"{report.source}: {report.location}" + (" (dry run: nothing stored)" if report.dry_run else "")
    table = Table(title=title)
    for column in ("read", "inserted", "updated", "unchanged", "rejected", "skipped", "missing", "new orgs"):
        table.add_column(column, justify="right")
    table.add_row(
        *(
            f"{n:,}"
            for n in (
                tally.read,
                tally.inserted,
                tally.updated,
                tally.unchanged,
                tally.rejected,
                tally.skipped,
                tally.missing,
                tally.organisations_created,
            )
        )
    )
    return table


def reject_reasons(report: IngestReport, top: int = 10) -> Table | None:
    """The most common reasons rows were rejected (the full list is in the run record)."""
    if not report.tally.rejects:
        return None
    reasons = Counter(reject["reason"].split(":")[0] for reject in report.tally.rejects)
    table = Table(title="Rejected rows, by reason")
    table.add_column("reason")
    table.add_column("rows", justify="right")
    for reason, count in reasons.most_common(top):
        table.add_row(reason, f"{count:,}")
    return table


def ingest_command(
    database: Database,
    settings: Settings,
    source: str,
    file: Path | None,
    url: str | None,
    dataset: str | None,
    dry_run: bool,
    allow_shrink: bool,
    vocab: Path | None = None,
) -> None:
    """Run one ingest with a progress bar and print its summary; exit non-zero with a reason on failure."""
    if source not in SOURCES:
        err_console.print(
            f"[red]Error:[/red] unknown source {source!r}; choose one of: {', '.join(sorted(SOURCES))}"
        )
        raise typer.Exit(2)
    if file is not None and url is not None:
        err_console.print("[red]Error:[/red] give --file or --url, not both")
        raise typer.Exit(2)
    request = IngestRequest(
        source=source,
        file=file,
        url=url,
        dataset=dataset,
        dry_run=dry_run,
        allow_shrink=allow_shrink,
        vocab=vocab,
    )
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    try:
        with progress:
            task = progress.add_task(f"Ingesting {source}", total=None)
            report = run_ingest(
                database, settings, request, on_progress=lambda rows: progress.update(task, completed=rows)
            )
    except CoopmapError as exc:
        err_console.print(f"[red]Ingest failed:[/red] {exc.message}")
        err_console.print("The previous data is unchanged.")
        raise typer.Exit(1) from None
    if report.not_modified:
        console.print(f"{report.source}: not modified since the previous run; nothing to do.")
        return
    console.print(summary_table(report))
    if settings.match_after_ingest:
        tally = report.tally
        console.print(
            f"Matching: {tally.records_merged:,} record(s) joined another organisation; "
            f"{tally.pairs_review:,} possible duplicate(s) wait for review (`coopmap matching queue`)."
        )
    reasons = reject_reasons(report)
    if reasons is not None:
        console.print(reasons)


def source_option_help() -> str:
    """Help text listing the registered sources."""
    return "One of: " + ", ".join(sorted(SOURCES)) + "."


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file", exists=True, dir_okay=False, readable=True, help="Read this file instead of downloading."
    ),
]
UrlOption = Annotated[
    str | None, typer.Option("--url", help="Download from this URL instead of the default.")
]
DatasetOption = Annotated[
    str | None,
    typer.Option(
        "--dataset",
        help="Name of the dataset within the source (e.g. owned-by-oxford); records are kept per dataset.",
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Parse and count what would change; store nothing.")
]
ShrinkOption = Annotated[
    bool, typer.Option("--allow-shrink", help="Accept a file listing under half the records held.")
]
VocabOption = Annotated[
    Path | None,
    typer.Option(
        "--vocab",
        exists=True,
        dir_okay=False,
        help="A Digital Commons vocabs.json with the map's own term labels.",
    ),
]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def geocode_command(
    database: Database, settings: Settings, postcodes_file: Path | None, offline: bool
) -> None:
    """Load a postcode table, locate every organisation, and print the coverage honestly."""
    client = None if offline else make_client(settings)
    try:
        with database.session_factory.begin() as session:
            report = run_geocode(session, postcodes_file=postcodes_file, client=client, settings=settings)
    except CoopmapError as exc:
        err_console.print(f"[red]Geocoding failed:[/red] {exc.message}")
        raise typer.Exit(1) from None
    finally:
        if client is not None:
            client.close()
    table = Table(title="Geocoding coverage")
    table.add_column("organisations")
    table.add_column("count", justify="right")
    table.add_column("share", justify="right")
    rows = [
        ("exact location (kept)", report.exact),
        ("postcode unit centroid", report.resolved_postcode),
        ("postcode district centroid only", report.resolved_district),
        ("unresolved", report.unresolved),
        ("  of which without a postcode", report.no_postcode),
    ]
    for label, count in rows:
        table.add_row(label, f"{count:,}", _percent(count, report.total))
    table.add_row("total", f"{report.total:,}", "")
    console.print(table)
    console.print(
        f"{report.table_rows:,} postcodes loaded from the table, {report.looked_up:,} asked of postcodes.io, "
        f"{report.updated:,} organisations moved."
    )
    if report.lookup_error:
        console.print(f"[yellow]postcodes.io stopped:[/yellow] {report.lookup_error}")
    if report.unresolved_examples:
        console.print("Unresolved postcodes, e.g.: " + ", ".join(report.unresolved_examples[:10]))


PostcodesFileOption = Annotated[
    Path | None,
    typer.Option(
        "--postcodes-file",
        exists=True,
        dir_okay=False,
        help="CSV with postcode, latitude, longitude columns (e.g. the ONS Postcode Directory reduced).",
    ),
]
OfflineOption = Annotated[
    bool, typer.Option("--offline", help="Do not ask postcodes.io for postcodes missing from the table.")
]
