"""Answers cached for one graph version: any write bumps the version and makes them stale."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")


class VersionedAnswers:
    """Up to `size` answers computed at one graph version, least recently used dropped first.

    Thread-safe. Seeing a newer version drops everything; an answer computed at an older
    version than the current one is not kept. Answers are shared: callers must not change them.
    `get_or_compute` computes a missing answer once however many callers miss it at once.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._version = -1
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._pending: dict[tuple[int, Hashable], Future[Any]] = {}

    def get_or_compute(self, version: int, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for `key` at `version`: cached, being computed by another caller (then
        awaited), or computed here. A failure reaches every waiting caller, and is not kept."""
        with self._lock:
            if version == self._version and key in self._answers:
                self._answers.move_to_end(key)
                found: T = self._answers[key]
                return found
            flight = self._pending.get((version, key))
            leader = flight is None
            if flight is None:
                flight = self._pending[(version, key)] = Future()
        if not leader:
            result: T = flight.result()
            return result
        try:
            answer = compute()
        except BaseException as err:
            flight.set_exception(err)
            raise
        finally:
            with self._lock:
                self._pending.pop((version, key), None)
        self.put(version, key, answer)
        flight.set_result(answer)
        return answer

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
