"""Attempt limits (sign-in, reset, sign-up) per account and per client address, with the
`limits` library's moving windows, kept in the serving process's memory (graphsvc serves from
one process: README, Deployment)."""

from __future__ import annotations

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class Throttle:
    """Counts attempts per key; `allow` is False once a key spent its window."""

    def __init__(self, per_account: str, per_address: str) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._per_account: RateLimitItem = parse(per_account)
        self._per_address: RateLimitItem = parse(per_address)

    def allow(self, action: str, account_key: str, address: str) -> bool:
        """Spend one attempt of `action` for both keys; False when either is exhausted."""
        by_account = self._limiter.hit(self._per_account, action, "account", account_key)
        by_address = self._limiter.hit(self._per_address, action, "address", address)
        return by_account and by_address

    def clear(self, action: str, account_key: str) -> None:
        """Forget an account's attempts (after a successful sign-in)."""
        self._limiter.clear(self._per_account, action, "account", account_key)
