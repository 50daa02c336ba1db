"""Timing loops and percentiles for the benchmarks."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field


class StopTiming(Exception):
    """Raised by a `before_each` hook when no more calls can be timed (e.g. the ingest ended)."""


@dataclass
class Samples:
    """The seconds of each timed call, and the calls that failed (raised, or status not 200)."""

    times: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None

    def fail(self, message: str) -> None:
        self.errors += 1
        if self.first_error is None:
            self.first_error = message[:300]


def pct(samples: list[float], p: float) -> float:
    """Nearest-rank percentile, in milliseconds (NaN when there is no sample)."""
    s = sorted(samples)
    return 1000 * s[max(0, math.ceil(p / 100 * len(s)) - 1)] if s else math.nan


def _one(call: Callable[[], int], samples: Samples) -> float | None:
    """Run `call` (returns an HTTP status); its seconds, or None when it failed."""
    t0 = time.perf_counter()
    try:
        status = call()
    except Exception as err:
        samples.fail(f"{type(err).__name__}: {err}")
        return None
    elapsed = time.perf_counter() - t0
    if status != 200:
        samples.fail(f"status {status}")
        return None
    return elapsed


def timed(
    call: Callable[[], int],
    warmup: int,
    n: int,
    budget_s: float = math.inf,
    least: int = 30,
    before_each: Callable[[], None] | None = None,
) -> Samples:
    """`warmup` untimed calls, then up to `n` timed ones (failures of both are counted); stops
    early once `budget_s` seconds have gone by and `least` calls were timed. `before_each`
    (untimed) runs before every timed call, e.g. a write that makes the next answer a miss."""
    samples = Samples()
    for _ in range(warmup):
        _one(call, samples)  # failures count, times do not
    start = time.perf_counter()
    for _ in range(n):
        if time.perf_counter() - start > budget_s and len(samples.times) >= least:
            break
        if before_each is not None:
            try:
                before_each()
            except StopTiming:
                break
        elapsed = _one(call, samples)
        if elapsed is not None:
            samples.times.append(elapsed)
    return samples
