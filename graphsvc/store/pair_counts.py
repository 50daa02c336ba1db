"""Co-author pairs counted in arrays: the bulk layer's largest table without a dict per pair.

Each personal work's pairs are appended as two researcher numbers and Newman's weight (16
bytes per pair met); `counted()` sorts them once and sums per pair with numpy. A weight is
summed in the order its pairs were added, as `LayerDelta` sums it, so the floats are the same.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

_CHUNK = 65_536  # rows turned into Python objects at a time


class PairCounts:
    """Co-author pairs met so far, each with the weight of the work it was met on."""

    def __init__(self) -> None:
        self._number: dict[str, int] = {}
        self._a = array("i")
        self._b = array("i")
        self._weight = array("d")

    def add(self, authors: tuple[str, ...], weight: float) -> None:
        """Every pair of one work's distinct authors, each with `weight`."""
        number = self._number
        nums = [number.setdefault(a, len(number)) for a in authors]
        for x, y in itertools.combinations(nums, 2):
            self._a.append(x)
            self._b.append(y)
            self._weight.append(weight)

    def counted(self) -> CoauthorPairs:
        """Each pair once, ordered by (smaller id, larger id), with its works and weight sum;
        the arrays of pairs met are released."""
        ids = sorted(self._number)
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.fromiter((self._number[i] for i in ids), dtype=np.int64, count=len(ids))] = (
            np.arange(len(ids), dtype=np.int64)
        )
        self._number = {}
        a = rank[np.frombuffer(self._a, dtype=np.int32)]
        b = rank[np.frombuffer(self._b, dtype=np.int32)]
        self._a, self._b = array("i"), array("i")
        keys = np.minimum(a, b) * max(len(ids), 1) + np.maximum(a, b)
        del a, b
        unique, inverse = np.unique(keys, return_inverse=True)
        del keys
        works = np.bincount(inverse, minlength=len(unique))
        weights = np.frombuffer(self._weight, dtype=np.float64)
        newman = np.bincount(inverse, weights=weights, minlength=len(unique)).astype(np.float64)
        del inverse, weights
        self._weight = array("d")
        return CoauthorPairs(ids, unique, works, newman)


class CoauthorPairs:
    """Counted co-author pairs: `(a, b, works, newman)` rows with `a < b`, in that order."""

    def __init__(
        self,
        ids: list[str],
        keys: npt.NDArray[np.int64],
        works: npt.NDArray[np.int64],
        newman: npt.NDArray[np.float64],
    ) -> None:
        self._ids = ids
        self._width = max(len(ids), 1)
        self._keys = keys
        self._works = works
        self._newman = newman

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[tuple[str, str, int, float]]:
        ids = self._ids
        for start in range(0, len(self._keys), _CHUNK):
            keys = self._keys[start : start + _CHUNK]
            lows = (keys // self._width).tolist()
            highs = (keys % self._width).tolist()
            works = self._works[start : start + _CHUNK].tolist()
            newman = self._newman[start : start + _CHUNK].tolist()
            for lo, hi, n, w in zip(lows, highs, works, newman, strict=True):
                yield ids[lo], ids[hi], n, w

    def per_researcher(self) -> dict[str, int]:
        """How many distinct co-authors each researcher in a pair has."""
        width = self._width
        counts = np.bincount(self._keys // width, minlength=width) + np.bincount(
            self._keys % width, minlength=width
        )
        return {self._ids[i]: int(counts[i]) for i in np.flatnonzero(counts).tolist()}
