"""Open to collaborate (README: Open to collaborate and invitations): the owner of a claimed
record (its approved claim) says whether they are open to collaborate, with a short note and the
topics they want to work on. Kept on the approved claim: a merge keeps the kept record's state
and moves a merged record's with its claim; a released claim (or a deleted account) closes it.
"""

from __future__ import annotations

import time
from typing import Any

from graphsvc.db import GraphBackend, Reader, Row
from graphsvc.store import collaboration as store

MAX_NOTE = 500
MAX_TOPICS = 10
NOT_OWNER = (
    "claim this author entity first: only the owner of a claimed researcher record (an "
    "approved claim) can do this"
)
CLOSED: dict[str, Any] = {"open": False, "note": "", "topics": []}

Data = dict[str, Any]


class CollaborationError(Exception):
    """A request that cannot be done as given; `message` is for the person, `status` the HTTP
    status to answer."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def owned(db: Reader, account_id: str) -> Row:
    """The account's approved claim with its state; CollaborationError when it owns no record."""
    row = store.of_account(db, account_id)
    if row is None:
        raise CollaborationError(NOT_OWNER)
    return row


def mine(db: Reader, account_id: str) -> Data:
    """The state of the account's record (stored note and topics even when closed)."""
    return _mine(owned(db, account_id))


def set_mine(
    backend: GraphBackend, account_id: str, open: bool, note: str, topics: list[str]
) -> Data:
    """Open or close the account's record, with a note and topics (known topic ids)."""
    row = owned(backend, account_id)
    if len(note) > MAX_NOTE:
        raise CollaborationError(f"the note may have at most {MAX_NOTE} characters")
    chosen = check_topics(backend, topics)
    now = int(time.time())
    if not store.set_state(
        backend, row["claim_id"], account_id, open=open, note=note, topics=chosen, now=now
    ):
        raise CollaborationError(NOT_OWNER)
    return _mine(owned(backend, account_id))


def check_topics(db: Reader, topics: list[str]) -> list[str]:
    """The topic ids, once each in the given order; CollaborationError names an unknown one.
    Known: a topic of the graph (every arXiv category the graph holds, which includes the
    record's own topics)."""
    chosen = list(dict.fromkeys(topics))
    if len(chosen) > MAX_TOPICS:
        raise CollaborationError(f"name at most {MAX_TOPICS} topics")
    known = store.known_topics(db, chosen)
    for topic in chosen:
        if topic not in known:
            raise CollaborationError(f"{topic[:60]!r} is not a known topic (arXiv category) id")
    return chosen


def state(db: Reader, researcher_id: str) -> Data:
    """The profile's `collaboration`: open with its note and topics, else closed (empty)."""
    row = store.state(db, researcher_id)
    return public(row)


def public(row: Row | None) -> Data:
    if row is None or not row["open"]:
        return dict(CLOSED)
    return {"open": True, "note": row["note"] or "", "topics": list(row["topics"] or [])}


def in_topic(db: Reader, topic_id: str, limit: int) -> list[Data]:
    """Open researchers who chose the topic first, then by their works in it, name, id."""
    return [
        {
            "id": r["id"],
            "name": r["name"],
            "works": r["works"],
            "chose_topic": bool(r["chosen"]),
            "collaboration": {"open": True, "note": r["note"], "topics": list(r["topics"] or [])},
        }
        for r in store.in_topic(db, topic_id, limit)
    ]


def _mine(row: Row) -> Data:
    return {
        "researcher_id": row["researcher_id"],
        "open": bool(row["open"]),
        "note": row["note"] or "",
        "topics": list(row["topics"] or []),
        "updated_at": row["updated_at"] or None,
    }


def invite_option(db: Reader, viewer_id: str | None, researcher_id: str, profile: Data) -> Data:
    """Whether the viewer may invite the record's owner from its page, or why not:
    `{"can": bool, "why": str}` (the page shows `why` in place of the button)."""
    if viewer_id is None:
        return {"can": False, "why": "Sign in and claim your author record to invite."}
    mine = store.of_account(db, viewer_id)
    if mine is None:
        return {
            "can": False,
            "why": "Claim your own author record first to unlock direct invitations.",
        }
    if mine["researcher_id"] == researcher_id:
        return {"can": False, "why": ""}
    if profile["claim"]["state"] != "claimed":
        return {"can": False, "why": "Invitations open once this author claims the record."}
    if not profile["collaboration"]["open"]:
        return {"can": False, "why": "This researcher is not open to collaboration."}
    return {"can": True, "why": ""}
