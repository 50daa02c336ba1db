"""Password hashing: argon2id with RFC 9106's low-memory profile by default, salted, and the
same work for an unknown account as for a wrong password."""

from __future__ import annotations

from graphsvc.services.passwords import Passwords, password_problem
from graphsvc.settings import Settings


def test_default_cost_is_argon2id_rfc_9106_low_memory() -> None:
    defaults = Settings.model_fields
    hasher = Passwords(
        defaults["graphsvc_password_memory_kib"].default,
        defaults["graphsvc_password_time_cost"].default,
    )
    first, second = hasher.hash("correct horse battery"), hasher.hash("correct horse battery")
    assert first.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert first != second  # a salt of its own each time
    assert hasher.verify(first, "correct horse battery")
    assert not hasher.verify(first, "correct horse batterY")
    assert not hasher.verify(None, "correct horse battery")
    assert not hasher.verify("not a hash", "x")


def test_a_cost_change_asks_for_a_rehash() -> None:
    weak = Passwords(8192, 1).hash("correct horse battery")
    assert Passwords().needs_rehash(weak)
    assert not Passwords(8192, 1).needs_rehash(weak)


def test_password_rules() -> None:
    assert password_problem("short", "a@b.c", "A") is not None
    assert password_problem("x" * 257, "a@b.c", "A") is not None
    assert password_problem("ada@example.org", "ada@example.org", "Ada") is not None
    assert password_problem("a long enough passphrase", "ada@example.org", "Ada") is None
