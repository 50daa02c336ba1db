"""The cyclic collector pause around a bulk plan restores the collector as it found it."""

from __future__ import annotations

import gc
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
