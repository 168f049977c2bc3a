"""ESSGlobal vocabularies: term URIs and codes to English labels, and the Co-operatives UK mapping rules.

The built-in tables are the ESSGlobal 2.1 terms Digital Commons maps use (organisational structure OS*,
ICA activities ICA*, Owned by Oxford's modified activities AM*, base membership types BMT*). A Digital
Commons vocab JSON file (`vocabs.json` of a map) can add or override labels through `load_vocab`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from app.domain.errors import SourceError

ESSGLOBAL: Final = "https://dev.lod.coop/essglobal/2.1/standard/"

ORGANISATIONAL_STRUCTURES: Final[Mapping[str, str]] = {
    "OS10": "Community group (formal or informal)",
    "OS20": "Not-for-profit organisation",
    "OS30": "Social enterprise",
    "OS40": "Charity",
    "OS50": "Company (Other)",
    "OS60": "Workers cooperative",
    "OS70": "Housing cooperative",
    "OS80": "Consumer/User coops",
    "OS90": "Producer cooperative",
    "OS100": "Multi-stakeholder cooperative",
    "OS110": "Secondary cooperative",
    "OS115": "Cooperative",
    "OS120": "Community Interest Company (CIC)",
    "OS130": "Community Benefit Society / Industrial and Provident Society (IPS)",
    "OS140": "Employee trust",
    "OS150": "Self-employed",
    "OS160": "Unincorporated",
    "OS170": "Mutual",
    "OS180": "National apex",
    "OS190": "National sectoral federation or union",
    "OS200": "Regional, state or provincial level federation or union",
    "OS210": "Cooperative group",
    "OS220": "Government agency/body",
    "OS230": "Supranational",
    "OS240": "Cooperative of cooperatives / mutuals",
}
ICA_ACTIVITIES: Final[Mapping[str, str]] = {
    "ICA10": "Agriculture",
    "ICA20": "Dairy",
    "ICA30": "Forestry",
    "ICA40": "Irrigation",
    "ICA50": "Fishing",
    "ICA60": "Artisans",
    "ICA70": "Construction",
    "ICA80": "Industry",
    "ICA90": "Manufacturing",
    "ICA100": "Mining",
    "ICA110": "Professional",
    "ICA120": "Service",
    "ICA130": "Tourism",
    "ICA140": "Financial Services",
    "ICA150": "Insurance",
    "ICA160": "Education",
    "ICA170": "Health",
    "ICA180": "Community",
    "ICA190": "Social",
    "ICA200": "Social Service",
    "ICA210": "Housing",
    "ICA220": "Transport",
    "ICA230": "Utilities",
    "ICA240": "Retail",
    "ICA250": "Production",
    "ICA260": "Wholesale and retail trade",
    "ICA270": "Education / health / social work",
    "ICA280": "Other Services",
    "ICA290": "All (Services)",
}
MODIFIED_ACTIVITIES: Final[Mapping[str, str]] = {
    "AM10": "Arts, Media, Culture & Leisure",
    "AM20": "Campaigning, Activism & Advocacy",
    "AM30": "Community & Collective Spaces",
    "AM40": "Education",
    "AM50": "Energy",
    "AM60": "Food",
    "AM70": "Goods & Services",
    "AM80": "Health, Social Care & Wellbeing",
    "AM90": "Housing",
    "AM100": "Money & Finance",
    "AM110": "Nature, Conservation & Environment",
    "AM120": "Reduce, Reuse, Repair & Recycle",
    "AM130": "Agriculture",
    "AM140": "Industry",
    "AM150": "Utilities",
    "AM160": "Transport",
}
MEMBERSHIP_TYPES: Final[Mapping[str, str]] = {
    "BMT10": "Consumer/Users",
    "BMT20": "Producers",
    "BMT30": "Workers",
    "BMT40": "Multi-stakeholders",
    "BMT50": "Residents",
    "BMT60": "Others",
}
_SCHEMES: Final[Mapping[str, Mapping[str, str]]] = {
    "organisational-structure/": ORGANISATIONAL_STRUCTURES,
    "activities-ica/": ICA_ACTIVITIES,
    "activities-modified/": MODIFIED_ACTIVITIES,
    "base-membership-type/": MEMBERSHIP_TYPES,
}
_LANGUAGE: Final = "EN"


def _local_name(uri: str) -> str:
    return uri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Vocabulary:
    """Labels of vocabulary terms, looked up by full term URI or by bare code (`OS130`)."""

    def __init__(self, labels: Mapping[str, str]) -> None:
        self._by_uri = dict(labels)
        # Codes are unique across the ESSGlobal schemes (OS, ICA, AM, BMT prefixes), so a bare code is enough.
        self._by_code = {_local_name(uri): label for uri, label in self._by_uri.items()}

    def label(self, term: str | None) -> str | None:
        """The label of a term URI or bare code, or None when blank or unknown."""
        text = (term or "").strip()
        if not text:
            return None
        if "/" in text or "#" in text:
            return self._by_uri.get(text)
        return self._by_code.get(text)

    def labels(self, *values: str | None, separator: str = ";") -> list[str]:
        """Labels of the `separator`-separated terms of `values` in order, once each; unknown ones dropped."""
        found: list[str] = []
        for value in values:
            for term in (value or "").split(separator):
                label = self.label(term)
                if label is not None and label not in found:
                    found.append(label)
        return found

    def updated(self, labels: Mapping[str, str]) -> Vocabulary:
        """A copy with `labels` (term URI -> label) added or overriding existing ones."""
        return Vocabulary({**self._by_uri, **labels})


ESSGLOBAL_VOCABULARY: Final = Vocabulary(
    {ESSGLOBAL + scheme + code: label for scheme, terms in _SCHEMES.items() for code, label in terms.items()}
)


def load_vocab(source: bytes | Path, base: Vocabulary = ESSGLOBAL_VOCABULARY) -> Vocabulary:
    """`base` with the English labels of a Digital Commons vocab JSON file (`vocabs.json`) added/overriding.

    The file maps URI prefixes to short names (`{"prefixes": {uri: "os"}}`) and lists terms by short name
    per vocabulary and language (`{"vocabs": {"os:": {"EN": {"terms": {"os:OS130": label}}}}}`); short names
    are local to one file (Owned by Oxford reuses `aci` for activities-modified), so terms are expanded to
    full URIs here. SourceError when the file is not that shape.
    """
    data = source.read_bytes() if isinstance(source, Path) else source
    try:
        document = json.loads(data)
        labels = dict(_vocab_terms(document))
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise SourceError(f"not a Digital Commons vocab JSON file ({error})") from None
    return base.updated(labels)


def _vocab_terms(document: Any) -> Iterable[tuple[str, str]]:
    prefixes = {str(short): str(uri) for uri, short in document["prefixes"].items()}
    for vocabulary in document["vocabs"].values():
        terms = vocabulary.get(_LANGUAGE, {}).get("terms", {})
        for key, label in terms.items():
            short, _, code = str(key).partition(":")
            if short not in prefixes or not code:
                raise KeyError(f"term {key!r} has no declared prefix")
            yield prefixes[short] + code, str(label)


# --- Co-operatives UK (Legal Form, Ownership Classification) -> ESSGlobal --------------------------------
# The rules of Digital Commons' coops-uk mapping (FORMATS.md 4.1), so our labels agree with its 2023 file.
# Two rows of that mapping are not followed because they contradict the legal form: Unincorporated +
# Community of Interest -> OS130 (an unincorporated group is not a registered society) and Scottish CIO +
# Enterprises/unspecified -> OS50 (a SCIO is a charity, not a company); here they give OS160 and OS40.

_OS_BY_LEGAL_FORM: Final[Mapping[str, str]] = {
    "society": "OS130",
    "community interest company": "OS120",
    "charitable incorporated organisation": "OS40",
    "scottish charitable incorporated organisation": "OS40",
    "company": "OS50",
    "llp": "OS115",
    "limited partnership": "OS115",
    "unincorporated": "OS160",
}
# A company owned by its consumers or by co-operatives is a co-operative in all but its legal form.
_OS_BY_FORM_AND_OWNERSHIP: Final[Mapping[tuple[str | None, str], str]] = {
    ("company", "consumers"): "OS115",
    ("company", "co-operatives"): "OS115",
    ("unincorporated", "co-operatives"): "OS115",
    (None, "co-operatives"): "OS115",
}
_EMPLOYEE_TRUST: Final = "employee trust"
_EMPLOYEE_TRUST_OS: Final = "OS140"
_BMT_BY_OWNERSHIP: Final[Mapping[str, str]] = {
    "consumers": "BMT10",
    "enterprises": "BMT20",
    "workers": "BMT30",
    "self-employed": "BMT30",
    "employee trust": "BMT30",
    "multi-stakeholder": "BMT40",
    "tenants": "BMT50",
    "community of interest": "BMT60",
}


def _key(value: str | None) -> str | None:
    return " ".join((value or "").split()).casefold() or None


def cuk_organisational_structure(legal_form: str | None, ownership: str | None) -> str | None:
    """The ESSGlobal OS code for a Co-ops UK legal form and ownership classification, or None."""
    form, owner = _key(legal_form), _key(ownership)
    if owner == _EMPLOYEE_TRUST:
        return _EMPLOYEE_TRUST_OS
    if form not in _OS_BY_LEGAL_FORM:
        # "Act of Parliament", "Legal Form is not defined", blank...: only the ownership can still tell.
        form = None
    if owner is not None and (form, owner) in _OS_BY_FORM_AND_OWNERSHIP:
        return _OS_BY_FORM_AND_OWNERSHIP[form, owner]
    return _OS_BY_LEGAL_FORM.get(form) if form is not None else None


def cuk_membership_type(ownership: str | None) -> str | None:
    """The ESSGlobal BMT code for a Co-ops UK ownership classification, or None (Co-operatives, blank)."""
    owner = _key(ownership)
    return _BMT_BY_OWNERSHIP.get(owner) if owner is not None else None
