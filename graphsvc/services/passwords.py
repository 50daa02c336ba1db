"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106's second recommendation)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 12  # OWASP ASVS 2.1.1: at least 12 characters, no composition rules
MAX_LENGTH = 256  # long enough for passphrases, short enough to bound hashing work

_HASHER = PasswordHasher()  # argon2id, 64 MiB, 3 iterations, 4 lanes
# Verified against when an email is unknown, so the answer takes the same time either way.
_DUMMY_HASH = _HASHER.hash("graphsvc: no such account")


def hash_password(password: str) -> str:
    """The argon2id hash (PHC string, with its own random salt) of `password`."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches `stored_hash`; with no hash, spend the same time, False."""
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when `stored_hash` was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored_hash)


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
