"""Claims of researcher records (README: Claims): an account with a verified email asks to be
recognised as a record's author, with evidence; an administrator approves or rejects it.

Rules: an account holds at most one live (pending or approved) claim, so it owns at most one
record; a record has at most one owner (approved claim), though others may claim it meanwhile
(the reviewer sees them as `competing`); teams cannot be claimed; a claim of a merged id goes to
the record it merged into. The ORCID iD, if given, is checked at claim time against the record's
arXiv works and the result stored with the claim; an unreachable ORCID gives
"could_not_verify" and the claim still goes in.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from graphsvc.clients.orcid import OrcidClient, normalise_orcid
from graphsvc.db import GraphBackend, Reader, Row, Tx
from graphsvc.names import normalise_arxiv_id
from graphsvc.services.merge import merged_into
from graphsvc.store import claims as store
from graphsvc.store import locks

MAX_WORKS = 100
QUEUE_LIMIT = 500


class ClaimError(Exception):
    """A claim request or review that cannot be done; the message is for the person.
    `status` is the HTTP status to answer (400, or 409 for a review that conflicts)."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ClaimConflict(ClaimError):
    status = 409


@dataclass(frozen=True)
class Evidence:
    """What the claimant gives: all optional but the works."""

    works: list[str]
    orcid: str | None = None
    homepage: str | None = None
    note: str = ""


def new_claim_id() -> str:
    """Random, and in the order of creation (the queue's tie-break within one second)."""
    return f"{time.time_ns() // 1000:014x}{secrets.token_hex(5)}"


def homepage_problem(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the homepage is not a URL"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "the homepage must be an http:// or https:// URL"
    return None


class Claims:
    """The claim operations over one backend and ORCID client."""

    def __init__(
        self,
        backend: GraphBackend,
        orcid: OrcidClient,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.backend = backend
        self.orcid = orcid
        self.clock = clock

    def now(self) -> int:
        return int(self.clock())

    # claimants

    def submit(self, account: Row, researcher_id: str, evidence: Evidence) -> Row | None:
        """Record a pending claim and check its ORCID iD; None when no such record (a merged id
        is followed to the record it merged into)."""
        if not account["email_verified"]:
            raise ClaimError("confirm your email before claiming a researcher record")
        target = self._record(researcher_id)
        if target is None:
            return None
        works = self._works(target, evidence.works)
        if evidence.homepage and (problem := homepage_problem(evidence.homepage)):
            raise ClaimError(problem)
        orcid = None
        if evidence.orcid:
            orcid = normalise_orcid(evidence.orcid)
            if orcid is None:
                raise ClaimError("that is not a valid ORCID iD (like 0000-0002-1825-0097)")
        _check_account(self.backend, account["id"], target)
        check, detail = "", ""
        if orcid:  # a call to ORCID: not inside the transaction
            result = self.orcid.check(orcid, store.works_of(self.backend, target))
            check, detail = str(result.check), result.detail
        claim_id = new_claim_id()
        now = self.now()

        def work(tx: Tx) -> None:
            locks.account(tx, account["id"])
            _check_account(tx, account["id"], target)  # again, alone with this account
            store.create(
                tx,
                id=claim_id,
                account_id=account["id"],
                researcher_id=target,
                orcid=orcid or "",
                homepage=evidence.homepage or "",
                works=works,
                note=evidence.note,
                orcid_check=check,
                orcid_detail=detail,
                now=now,
            )

        self.backend.write(work)
        return store.get(self.backend, claim_id)

    def mine(self, account_id: str) -> list[Row]:
        return store.of_account(self.backend, account_id)

    def release(self, account_id: str, claim_id: str) -> Row | None:
        """Give up a pending or approved claim; None when the account holds no such claim."""
        if not store.release(self.backend, claim_id, account_id):
            return None
        return store.get(self.backend, claim_id)

    def _record(self, researcher_id: str) -> str | None:
        if store.researcher_exists(self.backend, researcher_id):
            return researcher_id
        if store.is_team(self.backend, researcher_id):
            raise ClaimError("a team cannot be claimed: claim your own researcher record")
        into = merged_into(self.backend, researcher_id)
        if into and store.researcher_exists(self.backend, into):
            return into
        return None

    def _works(self, researcher_id: str, given: list[str]) -> list[str]:
        if not given:
            raise ClaimError("name at least one of the record's works that is yours")
        if len(given) > MAX_WORKS:
            raise ClaimError(f"name at most {MAX_WORKS} works")
        theirs = set(store.works_of(self.backend, researcher_id))
        works: list[str] = []
        for text in given:
            work = normalise_arxiv_id(text)
            if work is None or work not in theirs:
                raise ClaimError(f"{text[:60]!r} is not one of this record's works")
            if work not in works:
                works.append(work)
        return works

    # reviewers

    def queue(self, status: str) -> list[Row]:
        """Claims in `status`, oldest first, each with the other live claims on its record."""
        rows = store.by_status(self.backend, status, QUEUE_LIMIT)
        live = store.live_on_page(self.backend, sorted({r["researcher_id"] for r in rows}))
        return [{**row, "competing": _competing(row, live)} for row in rows]

    def competing(self, claim: Row) -> list[Row]:
        """The other pending or approved claims on the claim's record."""
        return _competing(claim, store.live_on(self.backend, [claim["researcher_id"]]))

    def approve(self, claim_id: str, note: str) -> Row | None:
        """Approve a pending claim: its account owns the record. None when no such claim."""
        return self._review(claim_id, store.APPROVED, note)

    def reject(self, claim_id: str, note: str) -> Row | None:
        return self._review(claim_id, store.REJECTED, note)

    def _review(self, claim_id: str, status: str, note: str) -> Row | None:
        now = self.now()
        result: Row | None = self.backend.write(lambda tx: decide(tx, claim_id, status, note, now))
        return result


def decide(
    tx: Tx,
    claim_id: str,
    status: str,
    note: str,
    now: int,
    *,
    after_checks: Callable[[], None] = lambda: None,
) -> Row | None:
    """Approve or reject a pending claim in `tx`; None when no such claim. The record and the
    claimant's account are locked first, so no other decision about either runs until this one
    commits, and the checks still hold when the claim changes (`after_checks` runs between the
    two: the tests' concurrent reviewer waits there)."""
    claim = store.get(tx, claim_id)
    if claim is None:
        return None
    locks.researcher(tx, claim["researcher_id"])
    locks.account(tx, claim["account_id"])
    claim = store.get(tx, claim_id)  # as the last decision before ours left it
    if claim is None:  # its account was deleted meanwhile
        return None
    if claim["status"] != store.PENDING:
        raise ClaimConflict(f"the claim is {claim['status']}, not pending")
    if status == store.APPROVED:
        _check_approval(tx, claim)
    after_checks()
    if not store.review(tx, claim_id, status, note, now):
        raise ClaimConflict("the claim is not pending any more")
    return store.get(tx, claim_id)


def _check_account(db: Reader | Tx, account_id: str, researcher_id: str) -> None:
    """An account holds at most one live claim."""
    for live in store.live_of_account(db, account_id):
        if live["researcher_id"] == researcher_id:
            verb = "own" if live["status"] == store.APPROVED else "already claim"
            raise ClaimError(f"you {verb} this researcher record")
        if live["status"] == store.APPROVED:
            raise ClaimError(
                "you own another researcher record (one per account): release it first"
            )
        raise ClaimError(
            "you have a pending claim on another researcher record (one per account): "
            "release it first"
        )


def _competing(claim: Row, live: list[Row]) -> list[Row]:
    return [
        c for c in live if c["researcher_id"] == claim["researcher_id"] and c["id"] != claim["id"]
    ]


def _check_approval(tx: Tx, claim: Row) -> None:
    """A record has one owner, an account owns one record, and the record must still exist."""
    if not store.researcher_exists(tx, claim["researcher_id"]):
        raise ClaimConflict("the researcher record of this claim does not exist any more")
    owner = store.owners(tx, [claim["researcher_id"]]).get(claim["researcher_id"])
    if owner is not None:
        raise ClaimConflict(
            "another account's claim on this record is approved: a record has one owner "
            "(that claim must be released or the record split first)"
        )
    for live in store.live_of_account(tx, claim["account_id"]):
        if live["status"] == store.APPROVED:
            raise ClaimConflict("this account already owns another researcher record")


def public_state(rows: list[Row]) -> dict[str, Any]:
    """The profile's `claim`: claimed (with the owner's display name), pending or unclaimed.
    Never an email."""
    for row in rows:
        if row["status"] == store.APPROVED:
            return {"state": "claimed", "owner": row["display_name"]}
    return {"state": "pending" if rows else "unclaimed", "owner": None}
