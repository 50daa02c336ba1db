"""Attempt limits (sign-in, reset, sign-up, password change, deletion) per account and per
client address: moving windows, written in the `limits` library's notation ("5/15minutes"),
counted in the graph (`graphsvc.store.throttle`), so that every serving process over one graph
(`graphsvc serve --workers N`, several hosts on one Neo4j) counts the same attempts. A key is a
SHA-256 digest of the action, the kind and the account or address: neither is stored."""

from __future__ import annotations

import time
from collections.abc import Callable

from limits import parse

from graphsvc.db import GraphBackend
from graphsvc.services.account_tokens import digest
from graphsvc.store import throttle as store

DROP_STALE_EVERY_S = 300  # how often a process drops the keys whose windows are over


class Throttle:
    """Counts attempts per key; `allow` is False once a key spent its window."""

    def __init__(
        self,
        backend: GraphBackend,
        per_account: str,
        per_address: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._backend = backend
        self._per_account = _window(per_account)
        self._per_address = _window(per_address)
        self._clock = clock
        self._longest_s = max(self._per_account[1], self._per_address[1])
        self._next_drop = 0.0

    def allow(self, action: str, account_key: str, address: str) -> bool:
        """Spend one attempt of `action` for both keys; False when either is exhausted."""
        now = int(self._clock())
        if now >= self._next_drop:
            store.drop_stale(self._backend, before=now - self._longest_s)
            self._next_drop = now + DROP_STALE_EVERY_S
        windows = {
            _key(action, "account", account_key): self._per_account,
            _key(action, "address", address): self._per_address,
        }
        return store.spend(self._backend, windows, now)

    def clear(self, action: str, account_key: str) -> None:
        """Forget an account's attempts (after a successful sign-in)."""
        store.clear(self._backend, _key(action, "account", account_key))


def _window(notation: str) -> tuple[int, int]:
    """(attempts, seconds) of a limit such as "5/15minutes"."""
    item = parse(notation)
    return item.amount, item.get_expiry()


def _key(action: str, kind: str, value: str) -> str:
    return digest(f"{action}\0{kind}\0{value}")
