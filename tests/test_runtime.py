"""Batch jobs run without automatic cyclic collection, and leave the collector as they found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app.core.runtime import batch_heap


@pytest.fixture
def collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_batch_pauses_the_collector_and_restores_it_even_on_error(collector: None) -> None:
    gc.enable()
    with batch_heap():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), batch_heap():
        raise RuntimeError
    assert gc.isenabled()


def test_a_nested_batch_leaves_the_pause_to_the_outer_one(collector: None) -> None:
    gc.enable()
    with batch_heap():
        with batch_heap():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with batch_heap():
        pass
    assert not gc.isenabled()
