"""Two reviewers approving competing claims on one record at the same moment, on both
backends: the second decision waits for the first (the record is locked) and is refused, so
the record keeps one owner."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from graphsvc.db import GraphBackend
from graphsvc.services.claims import ClaimConflict, decide
from graphsvc.store import claims as claims_store
from tests.accounts.claims import claim, claims_client, ingest, person
from tests.mailbox import Mailbox


def test_concurrent_approvals_leave_one_owner(
    backend: GraphBackend, mailbox: Mailbox, tmp_path: Path
) -> None:
    ingest(backend)
    with claims_client(backend, mailbox, tmp_path) as (client, _):
        ada, bob = person(client, mailbox, "Ada Lovelace"), person(client, mailbox, "Bob Rival")
        ids = [claim(client, who, "ann-lee", ["0704.0001"]).json()["id"] for who in (ada, bob)]
    a_checked, b_checked = threading.Event(), threading.Event()
    outcome: dict[str, str] = {}

    def a_pauses() -> None:
        # A has checked that the record has no owner; were it not locked, B would check now
        # and find no owner either.
        a_checked.set()
        b_checked.wait(timeout=2.0)

    def approve(who: str, claim_id: str, after_checks: Callable[[], None]) -> None:
        try:
            row = backend.write(
                lambda tx: decide(tx, claim_id, "approved", "", 1, after_checks=after_checks)
            )
            outcome[who] = row["status"] if row else "none"
        except ClaimConflict as err:
            outcome[who] = err.message

    def b_once_a_checked() -> None:
        assert a_checked.wait(timeout=30)
        approve("b", ids[1], b_checked.set)

    threads = [
        threading.Thread(target=approve, args=("a", ids[0], a_pauses)),
        threading.Thread(target=b_once_a_checked),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert outcome["a"] == "approved"
    assert "one owner" in outcome["b"], outcome
    assert not b_checked.is_set()  # B never passed its checks while A decided
    live = claims_store.live_on(backend, ["ann-lee"])
    assert sorted((c["id"], c["status"]) for c in live) == sorted(
        [(ids[0], "approved"), (ids[1], "pending")]
    )
