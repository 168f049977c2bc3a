"""ESSGlobal labels, the vocab JSON loader and the Co-operatives UK -> ESSGlobal rules."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import SourceError
from ingest.sources.vocab import (
    ESSGLOBAL,
    ESSGLOBAL_VOCABULARY,
    ICA_ACTIVITIES,
    MEMBERSHIP_TYPES,
    MODIFIED_ACTIVITIES,
    ORGANISATIONAL_STRUCTURES,
    cuk_membership_type,
    cuk_organisational_structure,
    load_vocab,
)

OS = ESSGLOBAL + "organisational-structure/"
AM = ESSGLOBAL + "activities-modified/"


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (OS + "OS130", "Community Benefit Society / Industrial and Provident Society (IPS)"),
        ("OS130", "Community Benefit Society / Industrial and Provident Society (IPS)"),
        (f"  {OS}OS115 ", "Cooperative"),
        (ESSGLOBAL + "activities-ica/ICA280", "Other Services"),
        (AM + "AM120", "Reduce, Reuse, Repair & Recycle"),
        ("BMT10", "Consumer/Users"),
        (ESSGLOBAL + "base-membership-type/BMT60", "Others"),
        (OS + "OS999", None),
        ("https://example.org/vocab/OS130", None),
        ("OS999", None),
        ("", None),
        (None, None),
    ],
)
def test_label_resolves_uri_or_bare_code(term: str | None, expected: str | None) -> None:
    assert ESSGLOBAL_VOCABULARY.label(term) == expected


def test_labels_splits_dedupes_and_drops_unknown_terms() -> None:
    labels = ESSGLOBAL_VOCABULARY.labels(f"{AM}AM60", f"{AM}AM70;{AM}AM999", f"{AM}AM60;;AM10", None)
    assert labels == ["Food", "Goods & Services", "Arts, Media, Culture & Leisure"]


def test_builtin_tables_have_every_term_of_formats_md() -> None:
    sizes = [
        len(t) for t in (ORGANISATIONAL_STRUCTURES, ICA_ACTIVITIES, MODIFIED_ACTIVITIES, MEMBERSHIP_TYPES)
    ]
    assert sizes == [25, 29, 16, 6]


def vocab_json(prefixes: dict[str, str], vocabs: dict[str, dict[str, str]]) -> bytes:
    document = {
        "prefixes": prefixes,
        "vocabs": {f"{short}:": {"EN": {"title": short, "terms": terms}} for short, terms in vocabs.items()},
    }
    return json.dumps(document).encode()


def test_load_vocab_adds_and_overrides_labels() -> None:
    data = vocab_json(
        {OS: "os", "https://example.org/nature/": "no"},
        {"os": {"os:OS10": "Community group"}, "no": {"no:communityEnt": "Community Enterprise"}},
    )
    vocab = load_vocab(data)
    assert vocab.label("OS10") == "Community group"
    assert vocab.label("https://example.org/nature/communityEnt") == "Community Enterprise"
    assert vocab.label("OS130") == ORGANISATIONAL_STRUCTURES["OS130"]
    assert ESSGLOBAL_VOCABULARY.label("OS10") == "Community group (formal or informal)"


def test_load_vocab_expands_prefixes_local_to_the_file() -> None:
    # Owned by Oxford calls activities-modified "aci", the prefix other maps use for activities-ica.
    vocab = load_vocab(vocab_json({AM: "aci"}, {"aci": {"aci:AM60": "Food and drink"}}))
    assert vocab.label(AM + "AM60") == "Food and drink"
    assert vocab.label(ESSGLOBAL + "activities-ica/ICA10") == "Agriculture"


def test_load_vocab_reads_a_path(tmp_path: Path) -> None:
    path = tmp_path / "vocabs.json"
    path.write_bytes(vocab_json({OS: "os"}, {"os": {"os:OS20": "Non-profit"}}))
    assert load_vocab(path).label("OS20") == "Non-profit"


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"[]",
        b'{"vocabs": {}}',
        vocab_json({OS: "os"}, {"bmt": {"bmt:BMT10": "Consumers"}}),
        vocab_json({OS: "os"}, {"os": {"OS10": "no prefix"}}),
        b"\xff\xfe",
    ],
    ids=["not-json", "list", "no-prefixes", "undeclared-prefix", "unprefixed-term", "not-utf8"],
)
def test_load_vocab_wrong_shape_raises_source_error(data: bytes) -> None:
    with pytest.raises(SourceError, match="not a Digital Commons vocab JSON file"):
        load_vocab(data)


@pytest.mark.parametrize(
    ("legal_form", "ownership", "structure", "membership"),
    [
        ("Society", "Consumers", "OS130", "BMT10"),
        ("Society", None, "OS130", None),
        ("society", "  workers ", "OS130", "BMT30"),
        ("Society", "Employee Trust", "OS140", "BMT30"),
        ("Company", "Consumers", "OS115", "BMT10"),
        ("Company", "Co-operatives", "OS115", None),
        ("Company", "Workers", "OS50", "BMT30"),
        ("Company", "Enterprises", "OS50", "BMT20"),
        ("Company", None, "OS50", None),
        ("Community Interest Company", "Multi-stakeholder", "OS120", "BMT40"),
        ("LLP", "Self-employed", "OS115", "BMT30"),
        ("Limited Partnership", "Tenants", "OS115", "BMT50"),
        ("Unincorporated", "Consumers", "OS160", "BMT10"),
        ("Unincorporated", "Co-operatives", "OS115", None),
        ("Unincorporated", "Community of Interest", "OS160", "BMT60"),
        ("Charitable Incorporated Organisation", "Workers", "OS40", "BMT30"),
        ("Scottish Charitable Incorporated Organisation", "Enterprises", "OS40", "BMT20"),
        (None, "Co-operatives", "OS115", None),
        (None, "Employee Trust", "OS140", "BMT30"),
        (None, "Consumers", None, "BMT10"),
        ("Legal Form is not defined", "Workers", None, "BMT30"),
        ("Act of Parliament", None, None, None),
        (None, None, None, None),
    ],
)
def test_cuk_rules_map_legal_form_and_ownership(
    legal_form: str | None, ownership: str | None, structure: str | None, membership: str | None
) -> None:
    assert cuk_organisational_structure(legal_form, ownership) == structure
    assert cuk_membership_type(ownership) == membership


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("relative", "table"),
    [
        ("digitalcommons/coopsuk-vocabs-2023.json", {**ORGANISATIONAL_STRUCTURES, **ICA_ACTIVITIES}),
        ("digitalcommons/coopsuk-vocabs-2023.json", MEMBERSHIP_TYPES),
        ("digitalcommons/owned-by-oxford-vocabs-2023-01-26.json", MODIFIED_ACTIVITIES),
    ],
)
def test_load_vocab_real_file_agrees_with_builtin_labels(
    shared_file: Callable[[str], bytes], relative: str, table: dict[str, str]
) -> None:
    loaded = load_vocab(shared_file(relative))
    assert {code: loaded.label(code) for code in table} == table


@pytest.mark.shared_data
def test_cuk_rules_real_dcc_mapping_agrees_except_documented_rows(
    shared_file: Callable[[str], bytes],
) -> None:
    text = shared_file("digitalcommons/coops-uk-mappings/legal-ownership-to-org-membership.csv").decode()
    differences = set()
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        form = None if row["Legal Form"] == "Unspecified" else row["Legal Form"]
        owner = None if row["Ownership Classification"] == "Unspecified" else row["Ownership Classification"]
        ours = (cuk_organisational_structure(form, owner) or "", cuk_membership_type(owner) or "")
        if ours != (row["Organisational Structure ID"], row["Base Membership Type ID"]):
            differences.add((row["Legal Form"], row["Ownership Classification"], ours[0]))
    assert len(rows) == 90
    # Rows of DCC's mapping that contradict the legal form (see the comment in vocab.py).
    assert differences == {
        ("Unincorporated", "Community of Interest", "OS160"),
        ("Scottish Charitable Incorporated Organisation", "Enterprises", "OS40"),
        ("Scottish Charitable Incorporated Organisation", "Unspecified", "OS40"),
    }
