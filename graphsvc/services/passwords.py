"""Password hashing with argon2id (argon2-cffi; by default its RFC 9106 "low memory" profile:
64 MiB, 3 passes, 4 lanes), and the rules a new password must meet."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

MIN_LENGTH = 12  # OWASP ASVS 2.1.1: at least 12 characters, no composition rules
MAX_LENGTH = 256  # long enough for passphrases, short enough to bound hashing work
DEFAULT_MEMORY_KIB = RFC_9106_LOW_MEMORY.memory_cost
DEFAULT_TIME_COST = RFC_9106_LOW_MEMORY.time_cost


class Passwords:
    """argon2id with the given cost (GRAPHSVC_PASSWORD_MEMORY_KIB, GRAPHSVC_PASSWORD_TIME_COST)."""

    def __init__(
        self, memory_kib: int = DEFAULT_MEMORY_KIB, time_cost: int = DEFAULT_TIME_COST
    ) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=RFC_9106_LOW_MEMORY.parallelism
        )
        # Verified against when an email is unknown, so the answer takes the same time.
        self._dummy = self._hasher.hash("graphsvc: no such account")

    def hash(self, password: str) -> str:
        """The argon2id hash (PHC string, with its own random salt) of `password`."""
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """True when `password` matches `stored_hash`; with no hash, the same work, False."""
        try:
            return self._hasher.verify(stored_hash or self._dummy, password) and bool(stored_hash)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        """True when `stored_hash` was made with other parameters than today's."""
        return self._hasher.check_needs_rehash(stored_hash)


def password_problem(password: str, email: str, display_name: str) -> str | None:
    """Why `password` cannot be used, or None (length bounds, not the email or the name)."""
    if len(password) < MIN_LENGTH:
        return f"the password needs at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"the password may have at most {MAX_LENGTH} characters"
    lowered = password.strip().lower()
    if lowered in {email.strip().lower(), display_name.strip().lower()}:
        return "the password must not be your email or your name"
    return None
