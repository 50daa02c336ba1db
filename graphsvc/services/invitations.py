"""Invitations between researchers (README: Open to collaborate and invitations).

An account owning a claimed record invites the owner of another claimed record that is open to
collaborate. The recipient accepts, declines or blocks; on acceptance the invitation becomes a
conversation of plain-text replies between the two, and both see the other's contact email.

Blocks cannot be told from declines: a blocked invitation reads "declined" to its sender, and a
sender whose invitation was declined or who is blocked gets the same refusal
(`NOT_ACCEPTING`) on inviting that account again. Declining or blocking an accepted thread ends
it: replies are refused. Limits: `per_day` invitations per sender in any 24 hours and one per
pair every `cooldown_s` (429 with Retry-After). Texts are stored and returned as given.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphsvc.clients.mail import Mail, Mailer, MailError
from graphsvc.db import GraphBackend, Reader, Row, Tx
from graphsvc.names import normalise_arxiv_id
from graphsvc.services.collaboration import NOT_OWNER, CollaborationError, check_topics
from graphsvc.services.merge import merged_into
from graphsvc.store import claims as claims_store
from graphsvc.store import collaboration as collab_store
from graphsvc.store import invitations as store
from graphsvc.store import locks

log = logging.getLogger(__name__)
DAY_S = 86_400
MAX_WORKS = 20
MAX_REPLIES = 500
LIST_LIMIT = 200
NOT_ACCEPTING = "this researcher is not accepting invitations from you"
UNCLAIMED = "this researcher has not claimed their record"
CLOSED = "this researcher is not open to collaboration"
SELF = "you cannot invite yourself"
ENDED = "this conversation has ended: no more replies"

Data = dict[str, Any]


class InvitationError(CollaborationError):
    """A refused request; the message is for the person."""


class InvitationConflict(InvitationError):
    status = 409


class Limited(InvitationError):
    """A limit is reached: try again after `retry_after` seconds."""

    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)


@dataclass(frozen=True)
class Draft:
    subject: str
    message: str
    works: list[str]
    topics: list[str]


def new_id() -> str:
    """Random, in the order of creation."""
    return f"{time.time_ns() // 1000:014x}{secrets.token_hex(6)}"


class Invitations:
    """The invitation operations over one backend and mailer, with the limits."""

    def __init__(
        self,
        backend: GraphBackend,
        mailer: Mailer,
        public_url: str,
        per_day: int,
        cooldown_s: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.backend = backend
        self.mailer = mailer
        self.public_url = public_url
        self.per_day = per_day
        self.cooldown_s = cooldown_s
        self.clock = clock

    def now(self) -> int:
        return int(self.clock())

    # sending

    def send(self, sender: Row, researcher_id: str, draft: Draft) -> Data | None:
        """Invite the owner of `researcher_id` (a merged id: the record it merged into); None
        when no such record. Raises InvitationError (400) or Limited (429)."""
        if collab_store.of_account(self.backend, sender["id"]) is None:
            raise InvitationError(NOT_OWNER)
        target = self._record(researcher_id)
        if target is None:
            return None
        works = self._works(draft.works)
        topics = check_topics(self.backend, draft.topics)
        now = self.now()

        def work(tx: Tx) -> str:
            locks.account(tx, sender["id"])  # the limits count this sender's invitations
            mine = collab_store.of_account(tx, sender["id"])
            if mine is None:
                raise InvitationError(NOT_OWNER)
            owner = claims_store.owners(tx, [target]).get(target)
            if owner is None:
                raise InvitationError(UNCLAIMED)
            if owner == sender["id"] or target == mine["researcher_id"]:
                raise InvitationError(SELF)
            if not collab_store.is_open(tx, target):
                raise InvitationError(CLOSED)
            self._check_pair(tx, sender["id"], owner, now)
            invitation_id = new_id()
            store.create(
                tx,
                id=invitation_id,
                sender_id=sender["id"],
                recipient_id=owner,
                sender_researcher=mine["researcher_id"],
                recipient_researcher=target,
                subject=draft.subject,
                message=draft.message,
                works=works,
                topics=topics,
                now=now,
            )
            return invitation_id

        invitation_id: str = self.backend.write(work)
        row = store.get(self.backend, invitation_id)
        assert row is not None
        self._mail(
            row["recipient_email"],
            "graphsvc: a new invitation to collaborate",
            f"{row['sender_name']} ({row['sender_researcher_name']}) invites you to "
            f"collaborate.\n\nSubject: {row['subject']}\n\n{row['message']}\n\n"
            f"Answer it at {self._link(invitation_id)}\n",
        )
        return thread_view(row, sender["id"], [])

    def _record(self, researcher_id: str) -> str | None:
        if claims_store.researcher_exists(self.backend, researcher_id):
            return researcher_id
        into = merged_into(self.backend, researcher_id)
        if into and claims_store.researcher_exists(self.backend, into):
            return into
        return None

    def _check_pair(self, tx: Tx, sender_id: str, recipient_id: str, now: int) -> None:
        """Blocks and earlier refusals first (one answer for both), then the limits."""
        blocks = store.blocked_between(tx, sender_id, recipient_id)
        if any(b["blocker_id"] == recipient_id for b in blocks):
            raise InvitationError(NOT_ACCEPTING)
        if blocks:
            raise InvitationError("you have blocked this researcher")
        last, refused = store.pair(tx, sender_id, recipient_id)
        if refused:
            raise InvitationError(NOT_ACCEPTING)
        if last is not None and now - last < self.cooldown_s:
            raise Limited(
                "you invited this researcher recently: try again later",
                last + self.cooldown_s - now,
            )
        count, oldest = store.sent_since(tx, sender_id, now - DAY_S)
        if count >= self.per_day and oldest is not None:
            raise Limited(
                f"you have sent {self.per_day} invitations in the last 24 hours: try again later",
                oldest + DAY_S - now,
            )

    def _works(self, given: list[str]) -> list[str]:
        if len(given) > MAX_WORKS:
            raise InvitationError(f"name at most {MAX_WORKS} works")
        works: list[str] = []
        for text in given:
            work = normalise_arxiv_id(text)
            if work is None:
                raise InvitationError(f"{text[:60]!r} is not an arXiv id")
            if work not in works:
                works.append(work)
        known = collab_store.known_works(self.backend, works)
        for work in works:
            if work not in known:
                raise InvitationError(f"{work!r} is not a work in the graph")
        return works

    # reading

    def box(self, account_id: str, inbox: bool, limit: int) -> list[Data]:
        """Received or sent invitations, newest first (a blocked one reads "declined" to its
        sender)."""
        return [
            {
                "id": r["id"],
                "role": "recipient" if inbox else "sender",
                "status": _seen_status(r["status"], not inbox),
                "subject": r["subject"],
                "created_at": r["created_at"],
                "answered_at": r["answered_at"] or None,
                "other": {
                    "name": r["other_name"],
                    "researcher_id": r["other_researcher"],
                    "researcher_name": r["other_researcher_name"],
                },
            }
            for r in store.box(self.backend, account_id, inbox, min(limit, LIST_LIMIT))
        ]

    def thread(self, account_id: str, invitation_id: str) -> Data | None:
        """The invitation with its replies; None unless the account is one of its parties."""
        row = _party_row(self.backend, account_id, invitation_id)
        if row is None:
            return None
        replies = store.replies(self.backend, invitation_id, MAX_REPLIES)
        blocked = bool(store.blocked_between(self.backend, row["sender_id"], row["recipient_id"]))
        return thread_view(row, account_id, replies, blocked)

    # answering

    def accept(self, account_id: str, invitation_id: str) -> Data | None:
        return self._answer(account_id, invitation_id, [store.PENDING], store.ACCEPTED)

    def decline(self, account_id: str, invitation_id: str) -> Data | None:
        """Decline a pending invitation, or end an accepted conversation."""
        return self._answer(
            account_id, invitation_id, [store.PENDING, store.ACCEPTED], store.DECLINED
        )

    def block(self, account_id: str, invitation_id: str) -> Data | None:
        """Refuse this and every other invitation and reply from the sender (any status)."""
        return self._answer(account_id, invitation_id, list(store.STATUSES), store.BLOCKED)

    def _answer(
        self, account_id: str, invitation_id: str, from_statuses: list[str], status: str
    ) -> Data | None:
        now = self.now()

        def work(tx: Tx) -> bool:
            row = _party_row(tx, account_id, invitation_id)
            if row is None:
                return False
            if row["recipient_id"] != account_id:
                raise InvitationError("only the invited researcher can answer this invitation")
            if status == store.BLOCKED:
                store.block(tx, account_id, row["sender_id"], now)
            elif row["status"] != status and not store.set_status(
                tx, invitation_id, from_statuses, status, now
            ):
                raise InvitationConflict(f"the invitation is {row['status']}")
            return True

        if not self.backend.write(work):
            return None
        return self.thread(account_id, invitation_id)

    # replies

    def reply(self, account_id: str, invitation_id: str, text: str) -> Data | None:
        """Add a reply to an accepted thread, by one of its two parties; mails the other."""
        now = self.now()

        def work(tx: Tx) -> Row | None:
            row = _party_row(tx, account_id, invitation_id)
            if row is None:
                return None
            if row["status"] != store.ACCEPTED:
                if row["status"] == store.PENDING:
                    raise InvitationError("replies open once the invitation is accepted")
                raise InvitationError(ENDED)
            if store.blocked_between(tx, row["sender_id"], row["recipient_id"]):
                raise InvitationError(ENDED)
            if len(store.replies(tx, invitation_id, MAX_REPLIES)) >= MAX_REPLIES:
                raise InvitationError(f"this conversation has reached {MAX_REPLIES} replies")
            store.add_reply(
                tx,
                id=new_id(),
                invitation_id=invitation_id,
                account_id=account_id,
                text=text,
                now=now,
            )
            return row

        row: Row | None = self.backend.write(work)
        if row is None:
            return None
        to_sender = row["recipient_id"] == account_id
        name = row["recipient_name"] if to_sender else row["sender_name"]
        self._mail(
            row["sender_email"] if to_sender else row["recipient_email"],
            "graphsvc: a new reply to your invitation thread",
            f'{name} replied in "{row["subject"]}":\n\n{text}\n\n'
            f"Read and answer at {self._link(invitation_id)}\n",
        )
        return self.thread(account_id, invitation_id)

    # helpers

    def _link(self, invitation_id: str) -> str:
        return f"{self.public_url}/account/invitations/{invitation_id}"

    def _mail(self, to: str | None, subject: str, body: str) -> None:
        if not to:
            return
        try:
            self.mailer.send(Mail(to=to, subject=subject, body=body))
        except MailError:
            log.exception("an invitation mail could not be sent")


def _party_row(db: Reader | Tx, account_id: str, invitation_id: str) -> Row | None:
    """The invitation when `account_id` is its sender or recipient, else None (as unknown)."""
    row = store.get(db, invitation_id)
    if row is None or account_id not in (row["sender_id"], row["recipient_id"]):
        return None
    return row


def _seen_status(status: str, as_sender: bool) -> str:
    """A sender never learns of a block: it reads "declined"."""
    return store.DECLINED if as_sender and status == store.BLOCKED else status


def thread_view(row: Row, account_id: str, replies: list[Row], blocked: bool = False) -> Data:
    """The thread as `account_id` sees it: contact emails only while accepted; `blocked`: a
    block between the two parties (either way) refuses replies."""
    as_sender = row["sender_id"] == account_id
    status = _seen_status(row["status"], as_sender)
    accepted = status == store.ACCEPTED

    def party(prefix: str) -> Data:
        return {
            "name": row[f"{prefix}_name"],
            "researcher_id": row[f"{prefix}_researcher"],
            "researcher_name": row[f"{prefix}_researcher_name"],
            "email": row[f"{prefix}_email"] if accepted else None,
        }

    return {
        "id": row["id"],
        "role": "sender" if as_sender else "recipient",
        "status": status,
        "subject": row["subject"],
        "message": row["message"],
        "works": list(row["works"] or []),
        "topics": list(row["topics"] or []),
        "created_at": row["created_at"],
        "answered_at": row["answered_at"] or None,
        "sender": party("sender"),
        "recipient": party("recipient"),
        "can_reply": accepted and not blocked,
        "replies": [
            {
                "id": r["id"],
                "author": "sender" if r["account_id"] == row["sender_id"] else "recipient",
                "text": r["text"],
                "created_at": r["created_at"],
            }
            for r in replies
        ],
    }
