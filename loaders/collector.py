"""Python's cyclic garbage collector paused for a bulk plan.

The plan allocates millions of long-lived objects (researchers, their name and co-author
sets, table rows) and makes next to no reference cycles, so the collections their growth
triggers scan an ever larger heap and find nothing: at 200,000 realistic works, 40 full
collections freed 0 objects and took 30 % of the plan (180 s with the collector, 126 s
without; the same peak memory). Reference counting still frees everything else.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
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
