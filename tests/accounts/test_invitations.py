"""Open to collaborate and invitations over the API, on both backends, with real accounts and
the real SMTP server: open/closed, every refusal, the thread from invitation to replies, blocks
that read as declines, limits by an injected clock, authorization of every id, CSRF, hostile
strings kept as given, the search and topic filters, the profile (and its oracle), account
deletion, and merges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.services.invitations import CLOSED, NOT_ACCEPTING, SELF, UNCLAIMED
from tests.accounts.claims import PROBLEM, TOKEN, claim, h, ingest, person, review
from tests.accounts.helpers import PASSWORD, member
from tests.accounts.test_accounts_api import Clock
from tests.api.test_merge import LEES
from tests.api.test_merge import merge as merge_call
from tests.conftest import accounts_client
from tests.helpers import backfills_run
from tests.mailbox import Mailbox
from tests.oracles import researchers as oracle
from tests.oracles.facts import facts

ANN, A_LEE, BETH, BO, CY, DI = "ann-lee", "a-lee", "ann-beth-lee", "bo-chen", "cy-dunn", "di-eng"
WORK_OF = {
    ANN: "2101.00001",
    A_LEE: "2101.00002",
    BETH: "2101.00003",
    BO: "2101.00005",
    CY: "2101.00002",
    DI: "2101.00003",
}
HOSTILE = (
    "<script>alert('x')</script> \"quoted\" & {{ 7*7 }} $id ' OR 1=1 -- \u202e\u00e9\U0001f600"
)
T0 = 1_800_000_000.0


@pytest.fixture
def client(backend: GraphBackend, mailbox: Mailbox) -> Iterator[TestClient]:
    with accounts_client(
        backend,
        mailbox,
        graphsvc_admin_tokens=[TOKEN],
        graphsvc_invitations_per_day=2,
        graphsvc_invitation_cooldown_s=3600,
    ) as c:
        c.app.state.invitations.clock = Clock(T0)  # type: ignore[attr-defined]
        ingest(backend, LEES)
        yield c


def clock(client: TestClient) -> Clock:
    found: Clock = client.app.state.invitations.clock  # type: ignore[attr-defined]
    return found


def owner(client: TestClient, mailbox: Mailbox, name: str, rid: str) -> dict[str, str]:
    """A new account whose claim on `rid` is approved."""
    who = person(client, mailbox, name)
    made = claim(client, who, rid, [WORK_OF[rid]])
    assert made.status_code == 201, made.text
    assert review(client, made.json()["id"], "approve").status_code == 200
    return who


def set_open(client: TestClient, who: dict[str, str], open: bool = True, **body: Any) -> Any:
    return client.put("/v1/me/collaboration", json={"open": open, **body}, headers=h(who))


def invite(client: TestClient, who: dict[str, str], rid: str, **body: Any) -> Any:
    payload = {"subject": "Work together?", "message": "Hello", **body}
    return client.post(f"/v1/researchers/{rid}/invitations", json=payload, headers=h(who))


def refused(answer: Any, status: int = 400) -> str:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == PROBLEM
    detail: str = answer.json()["detail"]
    return detail


def profile(client: TestClient, rid: str) -> dict[str, Any]:
    answer = client.get(f"/v1/researchers/{rid}")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def thread(client: TestClient, who: dict[str, str], invitation_id: str) -> dict[str, Any]:
    answer = client.get(f"/v1/me/invitations/{invitation_id}", headers=h(who))
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def act(client: TestClient, who: dict[str, str], invitation_id: str, action: str) -> Any:
    return client.post(f"/v1/me/invitations/{invitation_id}/{action}", headers=h(who))


def reply(client: TestClient, who: dict[str, str], invitation_id: str, text: str) -> Any:
    return client.post(
        f"/v1/me/invitations/{invitation_id}/replies", json={"text": text}, headers=h(who)
    )


def box(client: TestClient, who: dict[str, str], name: str) -> list[dict[str, Any]]:
    answer = client.get("/v1/me/invitations", params={"box": name}, headers=h(who))
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def test_open_to_collaborate_profile_search_and_topics(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    eve = person(client, mailbox, "Eve Nobody")
    for answer in (client.get("/v1/me/collaboration", headers=h(eve)), set_open(client, eve)):
        assert "claim this author entity first" in refused(answer)
    bob = owner(client, mailbox, "Bob Chen", BO)
    closed = {"open": False, "note": "", "topics": []}
    assert profile(client, BO)["collaboration"] == closed
    mine = client.get("/v1/me/collaboration", headers=h(bob)).json()
    assert mine == {"researcher_id": BO, **closed, "updated_at": None}
    assert "not a known topic" in refused(set_open(client, bob, topics=["cs.XX"]))
    assert set_open(client, bob, note="x" * 501).status_code == 422
    assert set_open(client, bob, topics=["cs.LG"] * 11).status_code == 422
    answer = set_open(client, bob, note=HOSTILE, topics=["math.AG", "cs.LG", "math.AG"])
    assert answer.status_code == 200, answer.text
    state = {"open": True, "note": HOSTILE, "topics": ["math.AG", "cs.LG"]}
    assert {k: answer.json()[k] for k in state} == state
    assert profile(client, BO)["collaboration"] == state
    f = facts(backend)
    for rid in (BO, ANN, CY):
        assert profile(client, rid) == oracle.profile(f, rid)
    # Search: open=true keeps the open ones; with an empty query it lists them.
    search = client.get("/v1/researchers", params={"q": "chen", "open": "true"}).json()
    assert [r["id"] for r in search["items"]] == [BO]
    assert client.get("/v1/researchers", params={"q": "lee", "open": "true"}).json()["items"] == []
    listed = client.get("/v1/researchers", params={"q": "", "open": "true"}).json()["items"]
    assert [r["id"] for r in listed] == [BO]
    assert client.get("/v1/researchers", params={"q": ""}).status_code == 422
    assert len(client.get("/v1/researchers", params={"q": "lee"}).json()["items"]) > 1
    # Topics: chosen first, then by works in the topic; unknown topic 404.
    cy = owner(client, mailbox, "Cy Dunn", CY)
    assert set_open(client, cy, note="algebraic geometry").status_code == 200
    items = client.get("/v1/topics/math.AG/open-researchers").json()["items"]
    assert [(r["id"], r["chose_topic"], r["works"]) for r in items] == [
        (BO, True, 0),
        (CY, False, 1),
    ]
    items = client.get("/v1/topics/astro-ph.GA/open-researchers").json()["items"]
    assert [(r["id"], r["works"]) for r in items] == [(BO, 1)]
    assert client.get("/v1/topics/q-bio.GN/open-researchers").json()["items"] == []
    assert client.get("/v1/topics/no.SUCH/open-researchers").status_code == 404
    # Closing keeps the note for the owner but hides it; releasing the claim closes it.
    assert set_open(client, cy, open=False, note="later").json()["note"] == "later"
    assert profile(client, CY)["collaboration"] == closed
    (bobs,) = client.get("/v1/me/claims", headers=h(bob)).json()["items"]
    assert client.delete(f"/v1/me/claims/{bobs['id']}", headers=h(bob)).status_code == 200
    assert profile(client, BO)["collaboration"] == closed
    assert client.get("/v1/researchers", params={"q": "", "open": "true"}).json()["items"] == []
    refused(client.get("/v1/me/collaboration", headers=h(bob)))


def test_invitation_thread_from_invitation_to_replies_and_block(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ada = owner(client, mailbox, "Ada Lee", ANN)
    bob = owner(client, mailbox, "Bob Chen", BO)
    cy = owner(client, mailbox, "Cy Dunn", CY)
    eve = person(client, mailbox, "Eve Nobody")
    # Refusals, each with its message.
    assert CLOSED in refused(invite(client, ada, BO))
    assert set_open(client, bob, topics=["cs.LG"]).status_code == 200
    assert "claim this author entity first" in refused(invite(client, eve, BO))
    assert UNCLAIMED in refused(invite(client, ada, DI))
    assert SELF in refused(invite(client, bob, BO))
    assert refused(invite(client, ada, "nobody-at-all"), 404)
    assert "not a work in the graph" in refused(invite(client, ada, BO, works=["2301.99999"]))
    assert "not a known topic" in refused(invite(client, ada, BO, topics=["xx.YY"]))
    assert invite(client, ada, BO, subject="s" * 151).status_code == 422
    assert invite(client, ada, BO, message="m" * 5001).status_code == 422
    assert invite(client, ada, BO, message="   ").status_code == 422
    # The invitation: stored as given, mailed to the recipient, in both boxes.
    sent = invite(
        client,
        ada,
        BO,
        subject=HOSTILE[:150],
        message=HOSTILE,
        works=["2101.00001"],
        topics=["cs.LG"],
    )
    assert sent.status_code == 201, sent.text
    inv = sent.json()
    assert (inv["status"], inv["role"], inv["subject"], inv["message"]) == (
        "pending",
        "sender",
        HOSTILE[:150],
        HOSTILE,
    )
    assert (inv["works"], inv["topics"]) == (["2101.00001"], ["cs.LG"])
    assert inv["sender"]["email"] is None and inv["recipient"]["email"] is None
    mail = mailbox.last(bob["email"], "invitation to collaborate")
    assert HOSTILE in mail.body and "Ada Lee" in mail.body and inv["id"] in mail.body
    assert [i["id"] for i in box(client, bob, "inbox")] == [inv["id"]]
    assert [i["id"] for i in box(client, ada, "sent")] == [inv["id"]]
    assert box(client, ada, "inbox") == [] and box(client, cy, "inbox") == []
    # Every id in a path: another account's invitation answers like an unknown one.
    unknown = client.get("/v1/me/invitations/0000nosuch", headers=h(cy))
    assert refused(unknown, 404) == refused(
        client.get(f"/v1/me/invitations/{inv['id']}", headers=h(cy)), 404
    )
    for action in ("accept", "decline", "block"):
        for iid in (inv["id"], "0000nosuch"):
            assert refused(act(client, cy, iid, action), 404) == unknown.json()["detail"]
    assert refused(reply(client, cy, inv["id"], "hi"), 404) == unknown.json()["detail"]
    assert "only the invited researcher" in refused(act(client, ada, inv["id"], "accept"))
    assert "accepted" in refused(reply(client, ada, inv["id"], "too early"))
    # Accepted: both see both contact emails, and reply; each reply is mailed to the other.
    accepted = act(client, bob, inv["id"], "accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    for who in (ada, bob):
        seen = thread(client, who, inv["id"])
        assert (seen["sender"]["email"], seen["recipient"]["email"]) == (ada["email"], bob["email"])
        assert seen["can_reply"] is True
    assert reply(client, ada, inv["id"], HOSTILE).status_code == 201
    assert HOSTILE in mailbox.last(bob["email"], "new reply").body
    assert reply(client, bob, inv["id"], "Gladly.\nTalk soon").status_code == 201
    assert "Gladly." in mailbox.last(ada["email"], "new reply").body
    assert reply(client, bob, inv["id"], "x" * 5001).status_code == 422
    replies = thread(client, ada, inv["id"])["replies"]
    assert [(r["author"], r["text"]) for r in replies] == [
        ("sender", HOSTILE),
        ("recipient", "Gladly.\nTalk soon"),
    ]
    # A decline and a block read the same to the sender; neither sender can invite again.
    assert set_open(client, cy).status_code == 200
    to_cy = invite(client, ada, CY).json()["id"]
    from_bob = invite(client, bob, CY).json()["id"]
    assert act(client, cy, to_cy, "block").json()["status"] == "blocked"
    assert act(client, cy, from_bob, "decline").json()["status"] == "declined"
    assert thread(client, ada, to_cy)["status"] == "declined"
    assert [i["status"] for i in box(client, ada, "sent") if i["id"] == to_cy] == ["declined"]
    assert [i["status"] for i in box(client, cy, "inbox")] == ["declined", "blocked"]
    clock(client).now += 2 * 86_400  # past the cooldown and the daily window
    again = [refused(invite(client, who, CY)) for who in (ada, bob)]
    assert again == [NOT_ACCEPTING, NOT_ACCEPTING]
    assert act(client, cy, to_cy, "accept").status_code == 409
    # Blocking an accepted thread ends it: the sender sees "declined", replies are refused.
    assert act(client, bob, inv["id"], "block").status_code == 200
    seen = thread(client, ada, inv["id"])
    assert (seen["status"], seen["can_reply"], seen["sender"]["email"]) == ("declined", False, None)
    assert "ended" in refused(reply(client, ada, inv["id"], "hello?"))
    assert "ended" in refused(reply(client, bob, inv["id"], "bye"))
    assert refused(invite(client, ada, BO)) == NOT_ACCEPTING
    # A graph stored before invitations were linked gets the links from the schema.
    assert [i["id"] for i in box(client, bob, "inbox")] == [inv["id"]]
    backend.write(lambda tx: tx.run("test_unlink_invitations"))
    assert {(i["sent_by"], i["sent_to"]) for i in backend.read("export_invitations")} == {
        (None, None)
    }
    assert box(client, bob, "inbox") == []  # reads walk links
    assert backfills_run(backend) == [
        "invitation_recipients",
        "invitation_replies",
        "invitation_senders",
    ]
    assert backfills_run(backend) == []  # all linked: no fill
    assert [i["id"] for i in box(client, bob, "inbox")] == [inv["id"]]
    # Deleting an account deletes its invitations, their replies, and its blocks.
    assert len(backend.read("export_invitation_blocks")) == 2
    assert len(linked_replies(backend)) == 2 and len(linked_invitations(backend)) == 3
    gone = client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=h(ada))
    assert gone.status_code == 204, gone.text
    assert [i["id"] for i in linked_invitations(backend)] == [from_bob]
    assert backend.read("export_invitation_replies") == []
    assert backend.read("export_invitation_blocks") == []
    assert box(client, bob, "inbox") == [] and box(client, bob, "sent")[0]["id"] == from_bob
    assert refused(client.get(f"/v1/me/invitations/{inv['id']}", headers=h(bob)), 404)


def test_limits_per_day_and_per_pair(client: TestClient, mailbox: Mailbox) -> None:
    ada = owner(client, mailbox, "Ada Lee", ANN)
    others = {rid: owner(client, mailbox, f"{rid.title()} Person", rid) for rid in (BO, CY, DI)}
    for who in others.values():
        assert set_open(client, who).status_code == 200
    t = clock(client)
    assert invite(client, ada, BO).status_code == 201
    t.now += 10
    assert invite(client, ada, CY).status_code == 201
    t.now += 10
    daily = invite(client, ada, DI)
    assert "24 hours" in refused(daily, 429)
    assert daily.headers["Retry-After"] == str(86_400 - 20)
    cooldown = invite(client, ada, BO)
    assert "recently" in refused(cooldown, 429)
    assert cooldown.headers["Retry-After"] == str(3600 - 20)
    t.now = T0 + 86_500
    assert invite(client, ada, DI).status_code == 201
    assert invite(client, ada, BO).status_code == 201
    assert "24 hours" in refused(invite(client, ada, CY), 429)


def test_cookie_changes_need_the_csrf_token(client: TestClient, mailbox: Mailbox) -> None:
    bob = owner(client, mailbox, "Bob Chen", BO)
    assert set_open(client, bob).status_code == 200
    _, csrf = member(client, mailbox, "cookie")
    for method, path, body in (
        ("PUT", "/v1/me/collaboration", {"open": True}),
        ("POST", f"/v1/researchers/{BO}/invitations", {"subject": "s", "message": "m"}),
        ("POST", "/v1/me/invitations/x/accept", None),
        ("POST", "/v1/me/invitations/x/decline", None),
        ("POST", "/v1/me/invitations/x/block", None),
        ("POST", "/v1/me/invitations/x/replies", {"text": "t"}),
    ):
        assert client.request(method, path, json=body).status_code == 403, path
        with_token = client.request(method, path, json=body, headers=csrf)
        assert with_token.status_code in (400, 404), (path, with_token.text)


def test_merges_keep_the_state_consistent(
    backend: GraphBackend, client: TestClient, mailbox: Mailbox
) -> None:
    ada = owner(client, mailbox, "Ada Lee", A_LEE)
    beth = owner(client, mailbox, "Beth Lee", BETH)
    assert set_open(client, ada, note="merged away", topics=["math.AG"]).status_code == 200
    assert set_open(client, beth).status_code == 200
    sent = invite(client, beth, A_LEE)
    assert sent.status_code == 201, sent.text
    # The merged record's state moves with its claim to the kept (unowned) record.
    assert merge_call(client, ANN, A_LEE).status_code == 200
    state = {"open": True, "note": "merged away", "topics": ["math.AG"]}
    assert profile(client, ANN)["collaboration"] == state
    assert client.get("/v1/me/collaboration", headers=h(ada)).json()["researcher_id"] == ANN
    assert [i["other"]["researcher_id"] for i in box(client, beth, "sent")] == [ANN]
    assert thread(client, ada, sent.json()["id"])["recipient"]["researcher_id"] == ANN
    items = client.get("/v1/topics/math.AG/open-researchers").json()["items"]
    assert [r["id"] for r in items] == [ANN]
    assert profile(client, ANN) == oracle.profile(facts(backend), ANN)
    # A merge into an owned record keeps the kept record's state.
    (beths,) = client.get("/v1/me/claims", headers=h(beth)).json()["items"]
    assert client.delete(f"/v1/me/claims/{beths['id']}", headers=h(beth)).status_code == 200
    assert merge_call(client, ANN, BETH).status_code == 200
    assert profile(client, ANN)["collaboration"] == state
    assert (
        client.get("/v1/researchers", params={"q": "", "open": "true"}).json()["items"][0]["id"]
        == ANN
    )


def linked_invitations(backend: GraphBackend) -> list[dict[str, Any]]:
    """Every invitation, each linked to the accounts it names (the service walks the links)."""
    rows = backend.read("export_invitations")
    for i in rows:
        assert (i["sent_by"], i["sent_to"]) == (i["sender_id"], i["recipient_id"]), i
    return rows


def linked_replies(backend: GraphBackend) -> list[dict[str, Any]]:
    """Every reply, each linked to the invitation it names."""
    rows = backend.read("export_invitation_replies")
    for x in rows:
        assert x["replies_to"] == x["invitation_id"], x
    return rows
