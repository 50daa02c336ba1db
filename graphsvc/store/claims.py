"""Claims in the graph: `Claim` nodes linked to their account (`HOLDS`) and their researcher
record (`CLAIMS`), whose ids they keep too. Statuses: pending, approved, rejected, released. A
record's owner is the account of its one approved claim.

A record's or an account's claims are read from it, by the link: the embedded engine indexes
only primary keys, so a look-up by `researcher_id` or `account_id` scans every claim. Search and
suggestions, which ask about many records at once, match the id in one pass over the claims
instead; it is always the linked record's, since a record with a claim is never deleted and
merges move both (tests/oracles/facts.py checks this on every graph it reads)."""

from __future__ import annotations

from typing import Any

from graphsvc.db import GraphBackend, Reader, Row, Tx

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
RELEASED = "released"
STATUSES = (PENDING, APPROVED, REJECTED, RELEASED)
LIVE = (PENDING, APPROVED)


def researcher_exists(db: Reader | Tx, researcher_id: str) -> bool:
    return bool(_rows(db, "admin_researchers", ids=[researcher_id]))


def is_team(db: Reader, team_id: str) -> bool:
    return bool(db.read("team_get", id=team_id))


def works_of(db: Reader | Tx, researcher_id: str) -> list[str]:
    """The arXiv ids of the record's works."""
    return [r["work"] for r in _rows(db, "admin_works_of", id=researcher_id)]


def create(tx: Tx, **fields: Any) -> None:
    tx.run("claim_create", **fields)


def get(db: Reader | Tx, claim_id: str) -> Row | None:
    rows = _rows(db, "claim_get", id=claim_id)
    return rows[0] if rows else None


def of_account(db: Reader, account_id: str) -> list[Row]:
    return db.read("claims_of_account", account_id=account_id)


def live_of_account(db: Reader | Tx, account_id: str) -> list[Row]:
    """The account's pending and approved claims."""
    return _rows(db, "claims_live_of_account", account_id=account_id)


def live_on(db: Reader | Tx, researcher_ids: list[str]) -> list[Row]:
    """Pending and approved claims on these records, record by record (in the order given,
    each once), oldest first on each."""
    return [
        row
        for researcher_id in dict.fromkeys(researcher_ids)
        for row in _rows(db, "claims_live_on", id=researcher_id)
    ]


def live_on_page(db: Reader, researcher_ids: list[str]) -> list[Row]:
    """Pending and approved claims on a page of records (distinct ids), in one read, oldest
    first."""
    if not researcher_ids:
        return []
    return db.read("claims_live_on_records", ids=researcher_ids)


def by_status(db: Reader, status: str, limit: int) -> list[Row]:
    return db.read("claims_by_status", status=status, limit=limit)


def owners(db: Reader | Tx, researcher_ids: list[str]) -> dict[str, str]:
    """Researcher id -> the account owning it, for those of `researcher_ids` that are owned."""
    return {
        r["researcher_id"]: r["account_id"]
        for r in live_on(db, researcher_ids)
        if r["status"] == APPROVED
    }


def review(tx: Tx, claim_id: str, status: str, note: str, now: int) -> bool:
    """Approve or reject a pending claim; False when it is not pending any more."""
    rows = tx.run("claim_review", id=claim_id, status=status, review_note=note, now=now)
    return bool(rows)


def release(backend: GraphBackend, claim_id: str, account_id: str) -> bool:
    """False when the account holds no live claim with this id."""
    rows = backend.write(lambda tx: tx.run("claim_release", id=claim_id, account_id=account_id))
    return bool(rows)


def move_on_merge(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """Claims and follows of merged records go to the records they merged into."""
    if rows:
        tx.run("ingest_merge_claims", rows=rows)
        tx.run("ingest_merge_follows", rows=rows)


def _rows(db: Reader | Tx, name: str, **params: Any) -> list[Row]:
    """Run a stored query on a reader or inside a write transaction."""
    if hasattr(db, "read"):
        return db.read(name, **params)
    return db.run(name, **params)
