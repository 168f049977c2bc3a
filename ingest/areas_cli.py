"""`coopmap areas import` and `coopmap areas list`: boundary files in, and what is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from app.db.engine import Database
from app.domain.enums import AreaKind
from app.domain.errors import CoopmapError
from app.services import areas
from ingest.boundaries import BRITISH_NATIONAL_GRID, BoundaryFile, BoundaryFileError, read_boundaries

console = Console()
err_console = Console(stderr=True)


def areas_import_command(
    database: Database, path: Path, kind: AreaKind, name_field: str | None, code_field: str | None
) -> None:
    """Read a boundary file and store all its areas in one transaction, or exit non-zero storing nothing."""
    try:
        boundaries = read_boundaries(
            path.read_bytes(), kind=kind, name_field=name_field, code_field=code_field
        )
        with database.session_factory.begin() as session:
            counts = areas.import_areas(session, boundaries.areas)
    except BoundaryFileError as exc:
        err_console.print(f"[red]Import failed:[/red] {path.name} has {len(exc.problems)} problem(s):")
        for problem in exc.problems[:20]:
            err_console.print(f"  {escape(str(problem))}", soft_wrap=True)
        _nothing_stored(len(exc.problems) - 20)
    except (CoopmapError, OSError) as exc:
        reason = exc.message if isinstance(exc, CoopmapError) else str(exc)
        err_console.print(f"[red]Import failed:[/red] {escape(reason)}", soft_wrap=True)
        _nothing_stored(0)
    _print_summary(path, kind, boundaries, counts)


def areas_list_command(database: Database, kind: AreaKind | None, q: str | None, limit: int) -> None:
    """Print stored areas: id, name and bounding box."""
    with database.session_factory.begin() as session:
        page = areas.list_areas(session, kind=kind, q=q, limit=limit, cursor=None)
        table = Table(title="Areas")
        for column in ("id", "name", "bbox (lon, lat, lon, lat)"):
            table.add_column(column)
        for area in page.items:
            bbox = ", ".join(
                f"{value:.4f}" for value in (area.min_lon, area.min_lat, area.max_lon, area.max_lat)
            )
            table.add_row(escape(areas.public_id(area)), escape(area.name), bbox)
    console.print(table if page.items else "No areas stored: import some with `coopmap areas import`.")
    if page.next_cursor is not None:
        console.print(f"Showing the first {limit}; pass --limit or --kind/--name to see others.")


def _nothing_stored(more: int) -> NoReturn:
    if more > 0:
        err_console.print(f"  ... and {more} more")
    err_console.print("Nothing was stored.")
    raise typer.Exit(1)


def _print_summary(path: Path, kind: AreaKind, boundaries: BoundaryFile, counts: areas.ImportCounts) -> None:
    table = Table(title=f"{escape(path.name)}: {kind.value} areas")
    for column in ("features", "inserted", "updated", "unchanged", "repaired"):
        table.add_column(column, justify="right")
    numbers = (len(boundaries.areas), counts.inserted, counts.updated, counts.unchanged, boundaries.repaired)
    table.add_row(*(f"{n:,}" for n in numbers))
    console.print(table)
    min_lon, min_lat, max_lon, max_lat = boundaries.bbox
    crs = (
        "British National Grid (transformed to WGS84)" if boundaries.crs == BRITISH_NATIONAL_GRID else "WGS84"
    )
    console.print(f"Coordinates: {crs}. Bounding box: longitude {min_lon:.4f} to {max_lon:.4f}, ", end="")
    console.print(f"latitude {min_lat:.4f} to {max_lat:.4f}.")


AreasFileArgument = Annotated[
    Path,
    typer.Argument(
        exists=True, dir_okay=False, readable=True, help="A GeoJSON FeatureCollection of (Multi)Polygons."
    ),
]
KindOption = Annotated[AreaKind, typer.Option("--kind", help="What kind of area the file holds.")]
NameFieldOption = Annotated[
    str | None,
    typer.Option(
        "--name-field", help="Property holding the name (default: the one *NM property, e.g. LAD23NM)."
    ),
]
CodeFieldOption = Annotated[
    str | None,
    typer.Option(
        "--code-field", help="Property holding the code (default: the one *CD property, e.g. LAD23CD)."
    ),
]
