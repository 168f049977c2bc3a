"""Side-by-side rows for a moderator: what was submitted, what is public now, what the register says.

Pure: the caller supplies the three sets of values. A row is *changed* when the submission differs from
what is public, and *locked* when a register owns the field and supplies it, so the submitted value
will be kept as community data but not shown (the register's value survives).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.survivorship import IDENTITY_FIELDS, is_supplied

FIELD_LABELS: dict[str, str] = {
    "name": "Name",
    "other_names": "Other names",
    "legal_form": "Legal form",
    "fca_number": "FCA number",
    "companies_house_number": "Companies House number",
    "status": "Status",
    "incorporated_on": "Incorporated",
    "dissolved_on": "Dissolved",
    "description": "Description",
    "goods_services": "Goods and services",
    "activities": "Activities",
    "sector": "Sector",
    "website": "Website",
    "phone": "Phone",
    "email": "Public email",
    "email_consent": "Email may be published",
    "street_address": "Street address",
    "locality": "Town or city",
    "region": "Region",
    "postcode": "Postcode",
    "nation": "Nation",
}


@dataclass(frozen=True, slots=True)
class FieldDiff:
    """One row of the side-by-side view (values as text, empty when absent)."""

    field: str
    label: str
    submitted: str
    current: str
    register: str
    changed: bool
    locked: bool


def as_text(value: Any) -> str:
    """A value as a moderator reads it: lists joined, booleans as yes/no, nothing as empty."""
    if not is_supplied(value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value.value if hasattr(value, "value") else value)


def field_diffs(
    submitted: Mapping[str, Any],
    current: Mapping[str, Any],
    register: Mapping[str, Any],
    fields: Sequence[str] = tuple(FIELD_LABELS),
) -> list[FieldDiff]:
    """Rows for every field any of the three supplies, in the form's order."""
    rows: list[FieldDiff] = []
    for name in fields:
        texts = [as_text(values.get(name)) for values in (submitted, current, register)]
        if not any(texts):
            continue
        rows.append(
            FieldDiff(
                field=name,
                label=FIELD_LABELS.get(name, name.replace("_", " ").capitalize()),
                submitted=texts[0],
                current=texts[1],
                register=texts[2],
                changed=bool(texts[0]) and texts[0] != texts[1],
                locked=name in IDENTITY_FIELDS and bool(texts[2]),
            )
        )
    return rows
