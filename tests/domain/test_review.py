"""Side-by-side rows for moderators."""

from __future__ import annotations

from app.domain.enums import OrganisationStatus
from app.domain.review import as_text, field_diffs


def test_rows_mark_changes_and_register_locked_fields() -> None:
    rows = {
        row.field: row
        for row in field_diffs(
            submitted={"name": "Oxford Food Coop", "description": "New words", "phone": "01865 1"},
            current={
                "name": "Oxford Food Co-operative Limited",
                "description": "Old words",
                "phone": "01865 1",
            },
            register={"name": "Oxford Food Co-operative Limited", "status": OrganisationStatus.ACTIVE},
        )
    }
    assert list(rows) == ["name", "status", "description", "phone"]
    assert (rows["name"].changed, rows["name"].locked) == (True, True)
    assert (rows["description"].changed, rows["description"].locked) == (True, False)
    assert rows["phone"].changed is False
    assert (rows["status"].register, rows["status"].submitted, rows["status"].changed) == (
        "active",
        "",
        False,
    )


def test_values_read_as_text() -> None:
    assert [as_text(v) for v in (None, "", [], ["a", "b"], True, False, 3)] == [
        "",
        "",
        "",
        "a, b",
        "yes",
        "no",
        "3",
    ]
