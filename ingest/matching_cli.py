"""`coopmap matching run|explain|queue|decide` and `coopmap org merge|split`: matching from the shell.

Each command runs in one transaction: a refused merge or a bad name exits non-zero and stores nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.db.engine import Database
from app.domain.errors import CoopmapError
from app.services import match_decisions
from app.services.match_decisions import PairView
from app.services.matching import MatchRunReport, match_config, rematch

console = Console()
err_console = Console(stderr=True)
ACTOR = "cli"


def _fail(message: str) -> NoReturn:
    err_console.print(f"[red]Error:[/red] {escape(message)} (nothing was changed)", soft_wrap=True)
    raise typer.Exit(1)


def _in_transaction(database: Database, work: Callable[[Session], MatchRunReport]) -> MatchRunReport:
    try:
        with database.session_factory.begin() as session:
            return work(session)
    except CoopmapError as exc:
        _fail(exc.message)


def print_report(report: MatchRunReport) -> None:
    """The counts of a matching run as a table."""
    table = Table(title="Matching")
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("records", report.records),
        ("organisations (clusters)", report.clusters),
        ("organisations created", report.organisations_created),
        ("organisations merged away", report.organisations_merged_away),
        ("records moved", report.records_moved),
        ("organisations updated", report.organisations_updated),
        ("pairs merged automatically", report.pairs_merged),
        ("possible duplicates to review", report.pairs_review),
        ("pair rows written", report.pairs_written),
    ):
        table.add_row(label, f"{value:,}")
    console.print(table)
    console.print(f"Seconds by stage: {report.seconds}", soft_wrap=True)


def run_command(database: Database, settings: Settings, full: bool) -> None:
    """Match and merge every record now."""
    config = match_config(settings.match_auto_merge, settings.match_review)
    print_report(_in_transaction(database, lambda session: rematch(session, config, full=full)))


def merge_command(
    database: Database, settings: Settings, first: str, second: str, reason: str | None
) -> None:
    """Merge two organisations for good."""
    config = match_config(settings.match_auto_merge, settings.match_review)
    report = _in_transaction(
        database,
        lambda session: match_decisions.merge(
            session, first, second, config=config, actor=ACTOR, reason=reason
        ),
    )
    console.print(f"Merged {escape(first)} and {escape(second)}; it stays merged after every re-ingest.")
    print_report(report)


def split_command(
    database: Database, settings: Settings, organisation: str, record: str, reason: str | None
) -> None:
    """Take a record out of an organisation for good."""
    config = match_config(settings.match_auto_merge, settings.match_review)
    report = _in_transaction(
        database,
        lambda session: match_decisions.split(
            session, organisation, record, config=config, actor=ACTOR, reason=reason
        ),
    )
    console.print(
        f"Split {escape(record)} from {escape(organisation)}; it stays apart after every re-ingest."
    )
    print_report(report)


def decide_command(
    database: Database, settings: Settings, pair_id: int, same: bool, reason: str | None
) -> None:
    """Settle a candidate pair."""
    config = match_config(settings.match_auto_merge, settings.match_review)
    _in_transaction(
        database,
        lambda session: match_decisions.decide(
            session, pair_id, same, config=config, actor=ACTOR, reason=reason
        ),
    )
    console.print(f"Pair {pair_id}: {'the same organisation' if same else 'not the same'} (sticky).")


def _record(view: PairView, side: str) -> str:
    record = view.left if side == "left" else view.right
    place = f", {record.postcode}" if record.postcode else ""
    return (
        f"{record.source}:{record.source_id} {record.name or '?'}{place} -> {record.organisation_public_id}"
    )


def print_pairs(pairs: Sequence[PairView], empty: str) -> None:
    """Pairs with their score, rule and the features that weighed most."""
    if not pairs:
        console.print(empty)
        return
    table = Table(show_lines=True)
    for column in ("pair", "decision", "score", "records", "why"):
        table.add_column(column)
    for view in pairs:
        top = sorted(view.contributions.items(), key=lambda item: -abs(item[1]))[:4]
        why = "\n".join([view.rule or "", *(f"{name} {bits:+.2f} bits" for name, bits in top)])
        table.add_row(
            str(view.id),
            view.decision.value,
            f"{view.score:.3f}",
            escape(f"{_record(view, 'left')}\n{_record(view, 'right')}"),
            escape(why),
        )
    console.print(table)


def explain_command(database: Database, organisation: str) -> None:
    """Why an organisation's records were merged, or may be."""
    try:
        with database.session_factory() as session:
            pairs = match_decisions.explain(session, organisation)
    except CoopmapError as exc:
        _fail(exc.message)
    print_pairs(pairs, f"No explained pairs touch {escape(organisation)}: its records matched nothing else.")


def queue_command(database: Database, limit: int) -> None:
    """Possible duplicates waiting for a moderator."""
    with database.session_factory() as session:
        pairs = match_decisions.queue(session, limit=limit)
    print_pairs(pairs, "No possible duplicates are waiting for review.")
