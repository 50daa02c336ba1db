"""Invitations in the graph: `Invitation` nodes between two accounts, their `InvitationReply`
nodes and the `InvitationBlock`s accounts set. An invitation is linked to its sender (`SENT`)
and its recipient (`SENT_TO`), a reply to its invitation (`REPLY_TO`), and they keep those ids
too; an account's invitations and a thread's replies are read by walking the links (the
embedded engine indexes only primary keys: a look-up by an id property scans every invitation).
The records at sending time are named by researcher id. Statuses: pending, accepted, declined,
blocked."""

from __future__ import annotations

from typing import Any

from graphsvc.db import Reader, Row, Tx

PENDING = "pending"
ACCEPTED = "accepted"
DECLINED = "declined"
BLOCKED = "blocked"
STATUSES = (PENDING, ACCEPTED, DECLINED, BLOCKED)
REFUSED = (DECLINED, BLOCKED)


def block_id(blocker_id: str, blocked_id: str) -> str:
    return f"{blocker_id}:{blocked_id}"


def create(tx: Tx, **fields: Any) -> None:
    tx.run("invitation_create", **fields)


def get(db: Reader | Tx, invitation_id: str) -> Row | None:
    rows = _rows(db, "invitation_get", id=invitation_id)
    return rows[0] if rows else None


def box(db: Reader, account_id: str, inbox: bool, limit: int) -> list[Row]:
    """Received (`inbox`) or sent invitations, newest first, with the other party."""
    name = "invitations_inbox" if inbox else "invitations_sent"
    return db.read(name, account_id=account_id, limit=limit)


def set_status(tx: Tx, invitation_id: str, from_statuses: list[str], status: str, now: int) -> bool:
    """False when the invitation's status is not one of `from_statuses` (any more)."""
    rows = tx.run(
        "invitation_set_status",
        id=invitation_id,
        from_statuses=from_statuses,
        status=status,
        now=now,
    )
    return bool(rows)


def add_reply(tx: Tx, **fields: Any) -> None:
    tx.run("invitation_reply_create", **fields)


def replies(db: Reader | Tx, invitation_id: str, limit: int) -> list[Row]:
    return _rows(db, "invitation_replies", invitation_id=invitation_id, limit=limit)


def sent_since(db: Reader | Tx, sender_id: str, since: int) -> tuple[int, int | None]:
    """How many invitations the account sent after `since`, and the oldest one's time."""
    rows = _rows(db, "invitations_sent_since", sender_id=sender_id, since=since)
    return (rows[0]["n"], rows[0]["oldest"]) if rows else (0, None)


def pair(db: Reader | Tx, sender_id: str, recipient_id: str) -> tuple[int | None, int]:
    """The latest invitation's time from one account to another, and how many were refused."""
    rows = _rows(db, "invitations_pair", sender_id=sender_id, recipient_id=recipient_id)
    return (rows[0]["last"], rows[0]["refused"] or 0) if rows else (None, 0)


def block(tx: Tx, blocker_id: str, blocked_id: str, now: int) -> None:
    """Record the block, and mark every invitation from the blocked account to the blocker."""
    tx.run("invitations_block_pair", sender_id=blocked_id, recipient_id=blocker_id, now=now)
    tx.run(
        "block_create",
        id=block_id(blocker_id, blocked_id),
        blocker_id=blocker_id,
        blocked_id=blocked_id,
        now=now,
    )


def blocked_between(db: Reader | Tx, a: str, b: str) -> list[Row]:
    """The blocks between two accounts, either way ({blocker_id, blocked_id})."""
    return _rows(db, "blocks_get", ids=[block_id(a, b), block_id(b, a)])


def delete_of_account(tx: Tx, account_id: str) -> None:
    """The account's invitations (sent and received), their replies, and its blocks."""
    tx.run("account_delete_invitation_replies", account_id=account_id)
    tx.run("account_delete_invitations", account_id=account_id)
    tx.run("account_delete_blocks", account_id=account_id)


def move_on_merge(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """Invitations naming merged records name the records they merged into."""
    if rows:
        tx.run("ingest_merge_invitations", rows=rows)


def _rows(db: Reader | Tx, name: str, **params: Any) -> list[Row]:
    if hasattr(db, "read"):
        return db.read(name, **params)
    return db.run(name, **params)
