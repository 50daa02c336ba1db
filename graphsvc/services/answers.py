"""Answers cached for one graph version: any write bumps the version and makes them stale."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class VersionedAnswers:
    """Up to `size` answers computed at one graph version, least recently used dropped first.

    Thread-safe. Seeing a newer version drops everything; an answer computed at an older
    version than the current one is not kept. Answers are shared: callers must not change them.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._version = -1
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version: int, key: Hashable) -> Any | None:
        with self._lock:
            if version != self._version or key not in self._answers:
                return None
            self._answers.move_to_end(key)
            return self._answers[key]

    def put(self, version: int, key: Hashable, answer: Any) -> None:
        with self._lock:
            if version < self._version:
                return
            if version > self._version:
                self._version = version
                self._answers.clear()
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)


def answers_in(cache: dict[str, Any], name: str, size: int) -> VersionedAnswers:
    """The named answer cache kept in `cache` (the app's), created on first use."""
    found = cache.get(name)
    if not isinstance(found, VersionedAnswers):
        found = cache.setdefault(name, VersionedAnswers(size))
    return found
