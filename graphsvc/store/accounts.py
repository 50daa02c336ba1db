"""Accounts in the graph: accounts, sessions and the secrets given to accounts (stored as
digests). Nodes of their own, never joined to researcher records except through follows and
claims."""

from __future__ import annotations

from typing import Any

from graphsvc.db import GraphBackend, Row, Tx
from graphsvc.store import invitations

# Kinds of AccountSecret.
VERIFY_LINK = "verify"
RESET_LINK = "reset"
ACCESS_TOKEN = "token"
FEED_TOKEN = "feed"


def create_account(backend: GraphBackend, **fields: Any) -> bool:
    """Create an account; False when its email is taken."""
    return bool(backend.write(lambda tx: tx.run("account_create", **fields)))


def by_email(backend: GraphBackend, email_key: str) -> Row | None:
    rows = backend.read("account_by_email", email_key=email_key)
    return rows[0] if rows else None


def by_id(backend: GraphBackend, account_id: str) -> Row | None:
    rows = backend.read("account_get", id=account_id)
    return rows[0] if rows else None


def set_verified(backend: GraphBackend, account_id: str, link_id: str) -> None:
    """Mark the email verified and use up the link, together."""

    def work(tx: Tx) -> None:
        tx.run("account_set_verified", id=account_id)
        tx.run("secret_delete", id=link_id)

    backend.write(work)


def set_password(
    backend: GraphBackend, account_id: str, password_hash: str, now: int, sign_out: bool
) -> None:
    """Replace the password hash; `sign_out` ends every session and reset link too."""

    def work(tx: Tx) -> None:
        tx.run("account_set_password", id=account_id, password_hash=password_hash, now=now)
        if sign_out:
            tx.run("account_delete_sessions", account_id=account_id)
            tx.run("account_delete_secrets", account_id=account_id, kinds=[RESET_LINK])

    backend.write(work)


def set_admin(backend: GraphBackend, email_key: str, is_admin: bool) -> bool:
    rows = backend.write(
        lambda tx: tx.run("account_set_admin", email_key=email_key, is_admin=is_admin)
    )
    return bool(rows)


def delete_account(backend: GraphBackend, account_id: str) -> None:
    """The account with its sessions, secrets, claims (and so its "open to collaborate" state),
    follows, invitations (sent and received, with their replies) and blocks; researcher records
    stay."""

    def work(tx: Tx) -> None:
        tx.run("account_delete_sessions", account_id=account_id)
        tx.run(
            "account_delete_secrets",
            account_id=account_id,
            kinds=[VERIFY_LINK, RESET_LINK, ACCESS_TOKEN, FEED_TOKEN],
        )
        tx.run("account_delete_claims", account_id=account_id)
        invitations.delete_of_account(tx, account_id)
        tx.run("account_delete", id=account_id)

    backend.write(work)


def create_session(
    backend: GraphBackend, session_id: str, account_id: str, csrf: str, now: int
) -> None:
    backend.write(
        lambda tx: tx.run(
            "session_create", id=session_id, account_id=account_id, csrf=csrf, now=now
        )
    )


def rotate_session(
    backend: GraphBackend, old_id: str | None, new_id: str, account_id: str, csrf: str, now: int
) -> None:
    """End `old_id` (if any) and start `new_id`, in one transaction."""

    def work(tx: Tx) -> None:
        if old_id:
            tx.run("session_delete", id=old_id)
        tx.run("session_create", id=new_id, account_id=account_id, csrf=csrf, now=now)

    backend.write(work)


def session(backend: GraphBackend, session_id: str) -> Row | None:
    rows = backend.read("session_get", id=session_id)
    return rows[0] if rows else None


def touch_session(backend: GraphBackend, session_id: str, now: int) -> None:
    backend.write(lambda tx: tx.run("session_touch", id=session_id, now=now))


def end_session(backend: GraphBackend, session_id: str) -> None:
    backend.write(lambda tx: tx.run("session_delete", id=session_id))


def drop_expired_sessions(backend: GraphBackend, idle_before: int, created_before: int) -> None:
    backend.write(
        lambda tx: tx.run(
            "session_delete_expired", idle_before=idle_before, created_before=created_before
        )
    )


def create_secret(
    backend: GraphBackend,
    secret_id: str,
    public_id: str,
    account_id: str,
    kind: str,
    name: str,
    now: int,
    expires_at: int,
    replace: bool = False,
) -> None:
    """Store a secret's digest; `replace` first drops the account's others of this kind."""

    def work(tx: Tx) -> None:
        if replace:
            tx.run("account_delete_secrets", account_id=account_id, kinds=[kind])
        tx.run(
            "secret_create",
            id=secret_id,
            public_id=public_id,
            account_id=account_id,
            kind=kind,
            label=name,
            now=now,
            expires_at=expires_at,
        )

    backend.write(work)


def secret(backend: GraphBackend, secret_id: str) -> Row | None:
    rows = backend.read("secret_get", id=secret_id)
    return rows[0] if rows else None


def use_secret(backend: GraphBackend, secret_id: str) -> bool:
    """Delete a one-time secret; False when it was already used (another request won)."""
    rows = backend.write(lambda tx: tx.run("secret_delete", id=secret_id))
    return bool(rows) and rows[0]["deleted"] > 0


def touch_secret(backend: GraphBackend, secret_id: str, now: int) -> None:
    backend.write(lambda tx: tx.run("secret_touch", id=secret_id, now=now))


def list_secrets(backend: GraphBackend, account_id: str, kind: str) -> list[Row]:
    return backend.read("secret_list", account_id=account_id, kind=kind)


def revoke_secret(backend: GraphBackend, account_id: str, kind: str, public_id: str) -> bool:
    """False when the account holds no such secret (someone else's id, or unknown)."""
    rows = backend.write(
        lambda tx: tx.run("secret_revoke", account_id=account_id, kind=kind, public_id=public_id)
    )
    return bool(rows)
