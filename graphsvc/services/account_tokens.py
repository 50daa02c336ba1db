"""Random secrets handed to an account (session cookies, links, access tokens) and the digests
stored in their place: a SHA-256 of a 256-bit random value cannot be reversed or guessed, so the
graph never holds a usable secret."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32
PUBLIC_ID_BYTES = 9


def new_secret(prefix: str = "") -> str:
    """A fresh URL-safe secret with 256 bits of randomness, after `prefix`."""
    return prefix + secrets.token_urlsafe(TOKEN_BYTES)


def new_public_id() -> str:
    """A short random id naming a stored secret (never the secret itself)."""
    return secrets.token_urlsafe(PUBLIC_ID_BYTES)


def digest(secret: str) -> str:
    """The key a secret is stored under."""
    return hashlib.sha256(secret.encode("utf-8", "surrogateescape")).hexdigest()


def same(given: str, expected: str) -> bool:
    """Constant-time equality of two strings."""
    return secrets.compare_digest(
        given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape")
    )
