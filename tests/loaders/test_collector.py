"""The cyclic collector around a bulk plan (paused, then restored as it was) and around an
ingest job in the serving process (what is alive after each batch frozen out of its scans)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from loaders import collector


@pytest.fixture
def restore_gc() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.usefixtures("restore_gc")
@pytest.mark.parametrize("enabled_before", [True, False])
def test_paused_then_restored(enabled_before: bool) -> None:
    (gc.enable if enabled_before else gc.disable)()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled_before


@pytest.mark.usefixtures("restore_gc")
def test_restored_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("plan failed")
    assert gc.isenabled()


@pytest.mark.usefixtures("restore_gc")
def test_as_a_decorator() -> None:
    gc.enable()

    @collector.paused()
    def plan() -> bool:
        return gc.isenabled()

    assert plan() is False
    assert gc.isenabled()


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def _dropped_cycle() -> weakref.ref[_Node]:
    return weakref.ref(_Node())


@pytest.mark.usefixtures("restore_gc")
def test_a_job_freezes_what_lives_after_a_batch_and_still_collects_new_cycles() -> None:
    gc.enable()
    with collector.frozen_after_each_batch() as settle:
        held = _Node()  # the resolver's cache: alive when the batch ends
        before_batch = _Node()
        settle()
        assert held not in gc.get_objects() and gc.get_freeze_count() > 0  # out of the scans
        frozen_cycle = weakref.ref(before_batch)
        del before_batch  # garbage now, but frozen: the collector no longer sees it
        gc.collect()
        assert frozen_cycle() is not None
        made_after = _dropped_cycle()
        gc.collect()
        assert made_after() is None  # a request's cycle during the job is still collected
    assert frozen_cycle() is None  # unfrozen and collected when the job ends
    assert held not in gc.get_objects()  # what lives on is frozen again, as the app keeps it
