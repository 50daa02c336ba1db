"""The "open to collaborate" state in the graph: properties of the record's approved claim
(`collab_open`, `collab_note`, `collab_topics`), so it moves with the claim through merges, ends
with a released claim and goes with a deleted account."""

from __future__ import annotations

from typing import Any

from graphsvc.db import GraphBackend, Reader, Row, Tx


def of_account(db: Reader | Tx, account_id: str) -> Row | None:
    """The account's approved claim (researcher_id, claim_id) with its state, or None."""
    rows = _rows(db, "collab_of_account", account_id=account_id)
    return rows[0] if rows else None


def set_state(
    backend: GraphBackend,
    claim_id: str,
    account_id: str,
    *,
    open: bool,
    note: str,
    topics: list[str],
    now: int,
) -> bool:
    """False when the claim is not the account's approved claim any more."""
    rows = backend.write(
        lambda tx: tx.run(
            "collab_set",
            claim_id=claim_id,
            account_id=account_id,
            open=open,
            note=note,
            topics=topics,
            now=now,
        )
    )
    return bool(rows)


def state(db: Reader | Tx, researcher_id: str) -> Row | None:
    """The record's {open, note, topics}, or None when no account owns it."""
    rows = _rows(db, "collab_on", id=researcher_id)
    return rows[0] if rows else None


def is_open(db: Reader | Tx, researcher_id: str) -> bool:
    """Whether the record's owner is open to collaborate."""
    row = state(db, researcher_id)
    return row is not None and bool(row["open"])


def open_list(db: Reader, limit: int) -> list[Row]:
    """Researchers open to collaborate, most works first, then name and id."""
    return db.read("collab_open_list", limit=limit)


def in_topic(db: Reader, topic_id: str, limit: int) -> list[Row]:
    """Open researchers who chose the topic or work in it (see topic_open_researchers)."""
    return db.read("topic_open_researchers", topic=topic_id, limit=limit)


def known_topics(db: Reader | Tx, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    return {r["id"] for r in _rows(db, "topics_known", ids=ids)}


def known_works(db: Reader | Tx, ids: list[str]) -> set[str]:
    if not ids:
        return set()
    return {r["id"] for r in _rows(db, "works_known", ids=ids)}


def _rows(db: Reader | Tx, name: str, **params: Any) -> list[Row]:
    """Run a stored query on a reader or inside a write transaction."""
    if hasattr(db, "read"):
        return db.read(name, **params)
    return db.run(name, **params)
