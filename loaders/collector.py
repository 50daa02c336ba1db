"""Python's cyclic garbage collector kept off the resolver's long-lived objects.

A bulk plan runs with the collector paused (`paused`). The plan allocates millions of
long-lived objects (researchers, their name and co-author sets, table rows) and makes next to
no reference cycles, so the collections their growth triggers scan an ever larger heap and
find nothing: at 200,000 realistic works, 40 full collections freed 0 objects and took 30 % of
the plan (180 s with the collector, 126 s without; the same peak memory). Reference counting
still frees everything else.

An ingest job in the serving process cannot pause it (the requests' own cycles must still be
collected), so it freezes what is alive after each batch (`frozen_after_each_batch`): a full
collection then walks one batch's objects, not the whole resolver cache. Each full collection
holds the GIL, so every request waits for it: at 100,000 works a job's 20 full collections
took up to 610 ms each (5.8 s in 6,000 papers); frozen per batch, up to 285 ms (2.1 s in all),
and the p99 of the reads beside the job fell (bench/RESULTS.md).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off inside, restored as it was on the way out (errors too)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_after_each_batch() -> Iterator[Callable[[], None]]:
    """Yields `settle`, to call after each batch: what is alive then moves out of the
    collector's scans (cycles made after it are still collected). On the way out everything
    is unfrozen, collected once and frozen again: the serving process keeps its long-lived
    objects frozen (`graphsvc.api.app`), and the job's are gone by then."""
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
