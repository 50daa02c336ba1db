"""Claims and follows through merges and splits, on both backends: the admin merge and split
endpoints and ingest's automatic merges keep one owner per record, move claims and follows to
the kept record, and never merge two records owned by different accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from tests.accounts.claims import (
    AUTH,
    PROBLEM,
    claim,
    claims_client,
    h,
    ingest,
    person,
    profile_claim,
    review,
)
from tests.api.test_merge import LEES, P1, P2, P3, XU, XU2
from tests.api.test_merge import merge as merge_call
from tests.helpers import graph_state
from tests.mailbox import Mailbox

# LEES: ann-lee wrote 2101.00001 and 2101.00004, a-lee 2101.00002, ann-beth-lee 2101.00003.
ANN, A_LEE, BETH = "ann-lee", "a-lee", "ann-beth-lee"


@pytest.fixture
def client(backend: GraphBackend, mailbox: Mailbox, tmp_path: Path) -> Iterator[TestClient]:
    with claims_client(backend, mailbox, tmp_path) as (c, _):
        yield c


def owned(client: TestClient, who: dict[str, str], rid: str, work: str) -> dict[str, Any]:
    """`who` claims `rid` and an administrator approves."""
    made = claim(client, who, rid, [work])
    assert made.status_code == 201, made.text
    approved = review(client, made.json()["id"], "approve")
    assert approved.status_code == 200, approved.text
    return approved.json()


def mine(client: TestClient, who: dict[str, str]) -> list[tuple[str, str]]:
    items = client.get("/v1/me/claims", headers=h(who)).json()["items"]
    return [(c["researcher_id"], c["status"]) for c in items]


def account_id(backend: GraphBackend, who: dict[str, str]) -> str:
    rows = backend.read("account_by_email", email_key=who["email"].lower())
    return str(rows[0]["id"])


def follow(backend: GraphBackend, who: str, rid: str, since: int) -> None:
    backend.write(lambda tx: tx.run("test_follow", account_id=who, researcher_id=rid, since=since))


def test_merging_into_a_claimed_record_keeps_its_owner(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, LEES)
    ada, bob = person(client, mailbox, "Ada Lee"), person(client, mailbox, "Bob Lee")
    owned(client, ada, ANN, "2101.00001")
    pending = claim(client, bob, A_LEE, ["2101.00002"]).json()
    r = merge_call(client, ANN, A_LEE)
    assert r.status_code == 200, r.text
    assert profile_claim(client, ANN) == {"state": "claimed", "owner": "Ada Lee"}
    assert mine(client, ada) == [(ANN, "approved")]
    assert mine(client, bob) == [(ANN, "pending")]  # moved, and now competing
    (queued,) = client.get("/v1/admin/claims", headers=AUTH).json()["items"]
    assert queued["id"] == pending["id"] and queued["researcher_id"] == ANN
    assert [c["status"] for c in queued["competing"]] == ["approved"]
    assert review(client, pending["id"], "approve").status_code == 409
    # A split asks nothing and leaves the claims on the kept record.
    r = merge_call(client, ANN, A_LEE, "split")
    assert r.status_code == 200, r.text
    assert profile_claim(client, ANN)["state"] == "claimed"
    assert profile_claim(client, A_LEE) == {"state": "unclaimed", "owner": None}
    assert mine(client, bob) == [(ANN, "pending")]


def test_merging_a_claimed_record_moves_its_claim(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, LEES)
    ada = person(client, mailbox, "Ada Lee")
    owned(client, ada, A_LEE, "2101.00002")
    assert merge_call(client, ANN, A_LEE).status_code == 200
    assert profile_claim(client, ANN) == {"state": "claimed", "owner": "Ada Lee"}
    assert mine(client, ada) == [(ANN, "approved")]
    # The merged id now answers 301 on reads; a claim of it goes to the kept record.
    assert client.get(f"/v1/researchers/{A_LEE}", follow_redirects=False).status_code == 301
    bob = person(client, mailbox, "Bob Lee")
    made = claim(client, bob, A_LEE, ["2101.00002"])
    assert made.status_code == 201 and made.json()["researcher_id"] == ANN
    split = merge_call(client, ANN, A_LEE, "split")
    assert split.status_code == 200
    assert mine(client, ada) == [(ANN, "approved")]  # the claim stays on the kept record


def test_two_owners_are_never_merged_by_an_admin(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, LEES)
    ada, bob = person(client, mailbox, "Ada Lee"), person(client, mailbox, "Bob Lee")
    owned(client, ada, ANN, "2101.00001")
    owned(client, bob, BETH, "2101.00003")
    before = graph_state(backend)
    for keep, other in ((ANN, BETH), (BETH, ANN)):
        r = merge_call(client, keep, other)
        assert r.status_code == 409 and r.headers["content-type"] == PROBLEM
        assert "claimed by two different accounts" in r.json()["detail"]
    assert graph_state(backend) == before
    assert mine(client, ada) == [(ANN, "approved")] and mine(client, bob) == [(BETH, "approved")]
    # Once one claim is released, the records may merge; the other owner stays.
    (bobs,) = client.get("/v1/me/claims", headers=h(bob)).json()["items"]
    assert client.delete(f"/v1/me/claims/{bobs['id']}", headers=h(bob)).status_code == 200
    assert merge_call(client, ANN, BETH).status_code == 200
    assert profile_claim(client, ANN) == {"state": "claimed", "owner": "Ada Lee"}
    assert mine(client, bob) == [(ANN, "released")]


def test_ingest_never_merges_two_owned_records(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, [P1, P2])
    ada, bob = person(client, mailbox, "Ada Xu"), person(client, mailbox, "Bob Xu")
    owned(client, ada, XU, "2001.00001")
    owned(client, bob, XU2, "2001.00002")
    ingest(backend, [P3])  # links the two records: without owners, the writer merges them
    assert backend.read("export_merged_ids") == []
    assert profile_claim(client, XU)["owner"] == "Ada Xu"
    assert profile_claim(client, XU2)["owner"] == "Bob Xu"
    assert mine(client, ada) == [(XU, "approved")] and mine(client, bob) == [(XU2, "approved")]


def test_ingest_merge_moves_a_claim_to_the_kept_record(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, [P1, P2])
    bob = person(client, mailbox, "Bob Xu")
    owned(client, bob, XU2, "2001.00002")
    ingest(backend, [P3])
    assert [r["id"] for r in backend.read("export_merged_ids")] == [XU2]
    assert profile_claim(client, XU) == {"state": "claimed", "owner": "Bob Xu"}
    assert mine(client, bob) == [(XU, "approved")]


def test_follows_move_to_the_kept_record_once(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ingest(backend, LEES)
    ada, bob = person(client, mailbox, "Ada Lee"), person(client, mailbox, "Bob Lee")
    a, b = account_id(backend, ada), account_id(backend, bob)
    follow(backend, a, ANN, 100)
    follow(backend, a, A_LEE, 200)  # Ada follows both: she ends up following the kept one once
    follow(backend, b, A_LEE, 300)
    follow(backend, b, BETH, 400)
    assert merge_call(client, ANN, A_LEE).status_code == 200
    merged = [
        {"account_id": a, "researcher_id": ANN, "since": 100},
        {"account_id": b, "researcher_id": ANN, "since": 300},
        {"account_id": b, "researcher_id": BETH, "since": 400},
    ]
    merged.sort(key=lambda f: (f["account_id"], f["researcher_id"]))
    assert backend.read("test_follows") == merged
    assert merge_call(client, ANN, A_LEE, "split").status_code == 200
    assert backend.read("test_follows") == merged  # a split leaves them on the kept record
