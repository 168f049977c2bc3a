"""Reading the CSV files that registers publish: decoding, header checks and numbered rows.

Shared by the CSV sources so each of them only maps columns to fields. Row numbers are 1-based record
numbers counted from the first data record (the header is not counted, nor are blank lines), because
quoted fields span several physical lines (5,316 of the 8,371 records of the 2017 Co-ops UK file).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from app.domain.errors import SourceError
from ingest.normalise import clean_text, parse_uk_date
from ingest.sources.base import RejectedRow

# Long descriptions are legitimate; the csv module's default field limit (128 KiB) would reject a whole file
# for one of them, so allow 1 MiB and still refuse the runaway field an unbalanced quote produces.
_FIELD_SIZE_LIMIT: Final = 1 << 20
_LINE_BREAK_RE: Final = re.compile(r"\r\n|\r|\n")


def decode(data: bytes) -> str:
    """Text of a downloaded file: UTF-8 (a BOM is dropped), else Windows-1252, else Latin-1.

    Older Co-ops UK downloads were Latin-1 and spreadsheet exports are often Windows-1252 (a superset of
    Latin-1's printable characters); Latin-1 is the last resort because it decodes any byte.
    """
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


@dataclass(frozen=True)
class CsvRow:
    """One record: its 1-based number, values by column name, and what is wrong with its shape if anything."""

    number: int
    values: dict[str, str]
    problem: str | None = None


@dataclass(frozen=True)
class CsvTable:
    """The header of a CSV file and an iterator over its records."""

    header: tuple[str, ...]
    rows: Iterator[CsvRow]

    def has(self, column: str) -> bool:
        """True when the header has `column`."""
        return column in self.header

    def first_of(self, *columns: str) -> str | None:
        """The first of alternative spellings of a column that the header has, or None."""
        return next((column for column in columns if column in self.header), None)


def read_csv(data: bytes, what: str) -> CsvTable:
    """Decode `data` and read its header; SourceError (naming `what`) for an empty file or a bad header."""
    csv.field_size_limit(_FIELD_SIZE_LIMIT)
    # newline="" keeps CRLF record ends and bare LFs inside quoted fields for the csv module to interpret.
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    try:
        first = next(reader, None)
    except csv.Error as error:
        raise SourceError(f"{what}: the header line is not CSV ({error})") from None
    if first is None or not any(cell.strip() for cell in first):
        raise SourceError(f"{what}: the file is empty or has no header line")
    header = tuple(cell.strip() for cell in first)
    return CsvTable(header=header, rows=_records(reader, header, what))


def _records(reader: Iterator[list[str]], header: tuple[str, ...], what: str) -> Iterator[CsvRow]:
    number = 0
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as error:
            raise SourceError(f"{what}: CSV broken after record {number} ({error})") from None
        if cells is None:
            return
        if not any(cell.strip() for cell in cells):
            continue
        number += 1
        problem = None
        if len(cells) > len(header):
            # More cells than columns means a misplaced quote or delimiter: the values cannot be trusted.
            problem = f"{len(cells)} fields where the header has {len(header)}"
        # Fewer cells is a trailing run of empty columns trimmed by an editor; pad them.
        padded = cells + [""] * (len(header) - len(cells))
        yield CsvRow(number=number, values=dict(zip(header, padded, strict=False)), problem=problem)


def require_columns(table: CsvTable, required: Iterable[str], what: str) -> None:
    """Raise SourceError naming every required column the header lacks."""
    missing = [column for column in required if not table.has(column)]
    if missing:
        names = ", ".join(repr(column) for column in missing)
        raise SourceError(f"{what}: not the expected format, missing column(s) {names}")


def join_lines(raw: str | None, separators: str = "") -> str | None:
    """Address lines (split at line breaks and any of `separators`) cleaned and joined with ", "."""
    text = raw or ""
    for separator in separators:
        text = text.replace(separator, "\n")
    parts = ((clean_text(line) or "").strip(" ,") for line in _LINE_BREAK_RE.split(text))
    return ", ".join(part for part in parts if part) or None


def clean_paragraphs(raw: str | None) -> str | None:
    """Free text with each line cleaned and blank lines dropped, keeping the line breaks of paragraphs."""
    lines = (clean_text(line) for line in _LINE_BREAK_RE.split(raw or ""))
    return "\n".join(line for line in lines if line) or None


def check_identity(
    row: CsvRow, source_id: str, id_label: str, first_seen: dict[str, int]
) -> RejectedRow | None:
    """Reject a row whose id was already seen in this file, or of malformed shape; else remember its id."""
    if source_id in first_seen:
        reason = f"duplicate {id_label} {source_id} (first at row {first_seen[source_id]})"
        return RejectedRow(row.number, reason, source_id)
    first_seen[source_id] = row.number
    if row.problem is not None:
        return RejectedRow(row.number, row.problem, source_id)
    return None


def iso_date(row: dict[str, str], column: str) -> str | None:
    """ISO date of a day-first column, or None when blank; ValueError naming the column and value."""
    try:
        parsed = parse_uk_date(row[column])
    except ValueError as error:
        raise ValueError(f"bad {column}: {error}") from None
    return parsed.isoformat() if parsed is not None else None
