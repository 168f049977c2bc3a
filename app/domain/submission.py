"""What a community group can tell us about itself: the webform's fields, validated once for form and API.

Every text is trimmed and capped; lists come one item per line on the form. A registration number is
filed as an FCA society number or a Companies House number by its shape. The contact for moderators is
private; the public email is published only with consent.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.domain.postcode import normalise_postcode
from app.domain.text import http_url

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^[0-9+() .-]{6,40}$")
_COMPANY = re.compile(r"^(?:SC|NI|OC|SO|NC|R0|IP|CE|CS)?\d{6,8}$")
_SOCIETY = re.compile(r"^(?:IP|RS|SP)?\d{1,6}[A-Z]{0,2}$")
MAX_LIST = 20

Text = Annotated[str, Field(max_length=200)]


def _lines(value: Any) -> Any:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


class SubmissionForm(BaseModel):
    """The webform and `POST /api/submissions` body (the same rules, the same messages)."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Annotated[str, Field(min_length=2, max_length=200, description="The organisation's name.")]
    other_names: Annotated[
        list[Text], Field(max_length=MAX_LIST, description="Trading or former names.")
    ] = []
    description: Annotated[
        str | None, Field(max_length=4000, description="What it does, in its own words.")
    ] = None
    goods_services: Annotated[
        list[Text], Field(max_length=MAX_LIST, description="Goods and services offered.")
    ] = []
    activities: Annotated[list[Text], Field(max_length=MAX_LIST, description="Activities.")] = []
    legal_form: Annotated[str | None, Field(max_length=80, description="e.g. Community Benefit Society.")] = (
        None
    )
    registration_number: Annotated[
        str | None, Field(max_length=20, description="FCA society or Companies House number, if any.")
    ] = None
    street_address: Annotated[str | None, Field(max_length=300)] = None
    locality: Annotated[str | None, Field(max_length=120, description="Town or city.")] = None
    postcode: Annotated[str | None, Field(max_length=10)] = None
    website: Annotated[str | None, Field(max_length=500, description="http(s) address.")] = None
    phone: Annotated[str | None, Field(max_length=40)] = None
    email: Annotated[
        str | None, Field(max_length=254, description="Public email (shown only with consent).")
    ] = None
    areas_served: Annotated[str | None, Field(max_length=500, description="Places served, in words.")] = None
    contact_name: Annotated[str | None, Field(max_length=200, description="For moderators only.")] = None
    contact_email: Annotated[str, Field(max_length=254, description="For moderators only; never published.")]
    consent_publish: Annotated[bool, Field(description="The public email and phone may be published.")] = (
        False
    )

    @field_validator("other_names", "goods_services", "activities", mode="before")
    @classmethod
    def _split_lines(cls, value: Any) -> Any:
        return _lines(value)

    @field_validator(
        "description", "legal_form", "registration_number", "street_address", "locality", "postcode",
        "website", "phone", "email", "areas_served", "contact_name", mode="before",
    )  # fmt: skip
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("postcode")
    @classmethod
    def _postcode(cls, value: str | None) -> str | None:
        if value is None:
            return None
        canonical = normalise_postcode(value)
        if canonical is None:
            raise ValueError("not a UK postcode (e.g. OX4 1DD)")
        return canonical

    @field_validator("website")
    @classmethod
    def _website(cls, value: str | None) -> str | None:
        if value is None:
            return None
        url = http_url(value if "://" in value else f"https://{value}")
        if url is None or "." not in url:
            raise ValueError("give a web address starting with http:// or https://")
        return url

    @field_validator("email", "contact_email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not _EMAIL.match(value):
            raise ValueError("not an email address")
        return value.lower() if value else value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not _PHONE.match(value):
            raise ValueError("use digits, spaces and + ( ) - only")
        return value

    @field_validator("registration_number")
    @classmethod
    def _number(cls, value: str | None) -> str | None:
        if value is None:
            return None
        compact = re.sub(r"[\s./-]", "", value).upper()
        if not (_COMPANY.match(compact) or _SOCIETY.match(compact)):
            raise ValueError("not an FCA society number or a Companies House number")
        return compact

    def values(self) -> dict[str, Any]:
        """The organisation fields this submission supplies (for survivorship)."""
        number = self.registration_number
        company = number if number and _COMPANY.match(number) and len(number) >= 8 else None
        fields: dict[str, Any] = {
            "name": self.name,
            "other_names": self.other_names,
            "description": self.description,
            "goods_services": self.goods_services,
            "activities": self.activities,
            "legal_form": self.legal_form,
            "fca_number": number if number and not company else None,
            "companies_house_number": company,
            "street_address": self.street_address,
            "locality": self.locality,
            "postcode": self.postcode,
            "website": self.website,
            "phone": self.phone if self.consent_publish else None,
            "email": self.email,
            "email_consent": self.consent_publish and self.email is not None,
        }
        return {name: value for name, value in fields.items() if value not in (None, [], "")}

    def public_payload(self) -> dict[str, Any]:
        """Everything but the private contact (stored in its own columns)."""
        return self.model_dump(exclude={"contact_name", "contact_email", "consent_publish"})
