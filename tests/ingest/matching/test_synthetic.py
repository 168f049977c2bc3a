from __future__ import annotations

from ingest.matching.synthetic import generate


def test_generate_is_deterministic_for_a_seed_and_labels_every_record() -> None:
    first, second = generate(500, seed=11), generate(500, seed=11)
    assert first == second
    assert len(first.records) >= 500
    assert set(first.truth) == {r.key for r in first.records}
    assert len({r.key for r in first.records}) == len(first.records)


def test_generate_includes_the_hard_cases() -> None:
    generated = generate(3000, seed=5)
    registered = [r for r in generated.records if r.register]
    community = [r for r in generated.records if not r.register]
    assert registered
    assert community
    assert all(r.fca_number or r.companies_house_number for r in registered)
    names = [r.name for r in registered]
    stripped = {name.rsplit(" ", 1)[0] for name in names}
    assert len(stripped) < len(names)  # some organisations share a name
    assert any(r.postcode is None for r in community)
