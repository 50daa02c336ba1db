"""Follows: `(:Account)-[:FOLLOWS {since}]->(:Researcher)` relationships."""

from __future__ import annotations

from graphsvc.db import GraphBackend, Reader, Row


def follow(backend: GraphBackend, account_id: str, researcher_id: str, now: int) -> None:
    backend.write(
        lambda tx: tx.run(
            "follow_create", account_id=account_id, researcher_id=researcher_id, now=now
        )
    )


def unfollow(backend: GraphBackend, account_id: str, researcher_id: str) -> None:
    backend.write(
        lambda tx: tx.run("follow_delete", account_id=account_id, researcher_id=researcher_id)
    )


def state(db: Reader, researcher_id: str, account_id: str) -> tuple[int, bool] | None:
    """(followers, whether `account_id` follows); None for an unknown researcher."""
    rows = db.read("follow_state", researcher_id=researcher_id, account_id=account_id)
    if not rows:
        return None
    return int(rows[0]["followers"]), bool(rows[0]["mine"])


def following(db: Reader, account_id: str) -> list[Row]:
    return db.read("follow_list", account_id=account_id)


def feed(db: Reader, account_id: str, offset: int, limit: int) -> list[Row]:
    return db.read("follow_feed", account_id=account_id, offset=offset, limit=limit)
