"""CSV reading shared by the sources: encodings, record numbering, header checks, address lines."""

from __future__ import annotations

import pytest

from app.domain.errors import SourceError
from ingest.sources.csvfile import clean_paragraphs, decode, join_lines, read_csv, require_columns


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Name\r\nCaf\xc3\xa9\r\n", "Name\r\nCaf\u00e9\r\n"),
        (b"\xef\xbb\xbfName\r\n", "Name\r\n"),
        (b"Caf\xe9", "Caf\u00e9"),  # Latin-1 / Windows-1252 e-acute
        (b"\x93quoted\x94", "\u201cquoted\u201d"),  # Windows-1252 curly quotes
        (b"\x81", "\x81"),  # undefined in Windows-1252: Latin-1 decodes every byte
    ],
    ids=["utf8", "utf8-bom", "latin1", "cp1252", "latin1-last-resort"],
)
def test_decode_bytes_gives_text(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_read_csv_numbers_records_not_physical_lines() -> None:
    data = b'"ID","Street"\r\n"R1","1 Mill Lane\nUpper Town"\r\n"R2","2 Low Road"\r\n'
    table = read_csv(data, "test file")
    rows = list(table.rows)
    assert table.header == ("ID", "Street")
    assert [(row.number, row.values["ID"]) for row in rows] == [(1, "R1"), (2, "R2")]
    assert rows[0].values["Street"] == "1 Mill Lane\nUpper Town"


def test_read_csv_skips_blank_lines_without_numbering_them() -> None:
    rows = list(read_csv(b"ID\r\nR1\r\n\r\n,\r\nR2\r\n", "test file").rows)
    assert [(row.number, row.values["ID"]) for row in rows] == [(1, "R1"), (2, "R2")]


def test_read_csv_short_row_is_padded_without_a_problem() -> None:
    (row,) = read_csv(b"A,B,C\r\n1,2\r\n", "test file").rows
    assert row.values == {"A": "1", "B": "2", "C": ""}
    assert row.problem is None


def test_read_csv_long_row_is_flagged() -> None:
    (row,) = read_csv(b"A,B\r\n1,2,3\r\n", "test file").rows
    assert row.problem == "3 fields where the header has 2"


def test_read_csv_header_names_are_stripped_but_inner_spaces_kept() -> None:
    table = read_csv(b'\xef\xbb\xbf ID ,"SIC code  - level 2"\r\n', "test file")
    assert table.header == ("ID", "SIC code  - level 2")
    assert table.first_of("Missing", "SIC code  - level 2") == "SIC code  - level 2"
    assert table.first_of("Missing") is None


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", b" , \r\n"], ids=["empty", "blank-lines", "blank-header"])
def test_read_csv_without_header_raises_source_error(data: bytes) -> None:
    with pytest.raises(SourceError, match="test file: the file is empty or has no header line"):
        read_csv(data, "test file")


def test_read_csv_runaway_field_raises_source_error_after_last_good_record() -> None:
    data = b'ID,Notes\r\nR1,ok\r\nR2,"' + b"x" * (1 << 21)
    rows = read_csv(data, "test file").rows
    assert next(rows).number == 1
    with pytest.raises(SourceError, match="test file: CSV broken after record 1"):
        next(rows)


def test_require_columns_names_every_missing_column() -> None:
    table = read_csv(b"ID,Name\r\n", "test file")
    with pytest.raises(SourceError) as error:
        require_columns(table, ["ID", "Postcode", "Registered Status"], "test file")
    assert error.value.message == (
        "test file: not the expected format, missing column(s) 'Postcode', 'Registered Status'"
    )


def test_require_columns_passes_when_all_present() -> None:
    require_columns(read_csv(b"ID,Name\r\n", "test file"), ["Name", "ID"], "test file")


@pytest.mark.parametrize(
    ("raw", "separators", "expected"),
    [
        ("1 Mill Lane\nUpper Town", "", "1 Mill Lane, Upper Town"),
        ("1 Mill Lane,\r\nUpper Town,", "", "1 Mill Lane, Upper Town"),
        ("Unit 2, The Yard\n\n  High St ", "", "Unit 2, The Yard, High St"),
        ("Community Centre;Lake Street", ";", "Community Centre, Lake Street"),
        ("Community Centre;Lake Street", "", "Community Centre;Lake Street"),
        ("", "", None),
        (None, ";", None),
        (" ,\n; ", ";", None),
    ],
)
def test_join_lines_joins_address_lines_with_commas(
    raw: str | None, separators: str, expected: str | None
) -> None:
    assert join_lines(raw, separators) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("First  paragraph.\r\n\r\nSecond\tone. ", "First paragraph.\nSecond one."),
        ("  ", None),
        (None, None),
    ],
)
def test_clean_paragraphs_keeps_line_breaks_between_paragraphs(raw: str | None, expected: str | None) -> None:
    assert clean_paragraphs(raw) == expected
