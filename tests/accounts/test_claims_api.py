"""Claims of researcher records over the API, on both backends, with real accounts (mailed
confirmation links) and the ORCID check answered by recorded ORCID answers: claiming with
evidence, the review queue, one owner per record and one record per account, release, the
profile's claim state, and who may reach which claim."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from tests.accounts.claims import (
    AUTH,
    DEMO,
    MISSING,
    NO_ARXIV,
    PROBLEM,
    claim,
    claims_client,
    h,
    ingest,
    make_admin,
    person,
    profile_claim,
    review,
)
from tests.accounts.helpers import PASSWORD, new_email, sign_in
from tests.clients.test_orcid import ReplayAdapter
from tests.mailbox import Mailbox


@pytest.fixture
def rig(
    backend: GraphBackend, mailbox: Mailbox, tmp_path: Path
) -> Iterator[tuple[TestClient, ReplayAdapter]]:
    ingest(backend)
    with claims_client(backend, mailbox, tmp_path) as pair:
        yield pair


def test_claim_review_approve_release(
    rig: tuple[TestClient, ReplayAdapter], mailbox: Mailbox
) -> None:
    client, adapter = rig
    ada, bob = person(client, mailbox, "Ada Lovelace"), person(client, mailbox, "Bob Impostor")
    assert profile_claim(client, "ann-lee") == {"state": "unclaimed", "owner": None}

    first = claim(
        client,
        ada,
        "ann-lee",
        ["arXiv:0704.0001v2"],
        orcid=f"https://orcid.org/{DEMO}",
        homepage="https://ada.example.org/",
        note="I am Ann Lee (Ada is my pen name).",
    )
    assert first.status_code == 201, first.text
    mine = first.json()
    assert mine["status"] == "pending" and mine["researcher_id"] == "ann-lee"
    assert mine["works"] == ["0704.0001"] and mine["orcid"] == DEMO
    assert mine["orcid_check"] == "verified"
    assert mine["orcid_detail"] == "the ORCID record lists 1 of this researcher's arXiv works"
    assert mine["reviewed_at"] is None and mine["review_note"] is None
    assert [r.url for r in adapter.sent] == [f"https://pub.orcid.org/v3.0/{DEMO}/works"]
    assert profile_claim(client, "ann-lee") == {"state": "pending", "owner": None}
    assert client.get("/v1/me/claims", headers=h(ada)).json()["items"] == [mine]

    second = claim(client, bob, "ann-lee", ["0704.0001"])
    assert second.status_code == 201 and second.json()["orcid_check"] is None
    assert len(adapter.sent) == 1  # no ORCID iD, no request
    queue = client.get("/v1/admin/claims", headers=AUTH).json()["items"]
    assert [c["id"] for c in queue] == [mine["id"], second.json()["id"]]  # oldest first
    top = queue[0]
    assert top["account"] == {"display_name": "Ada Lovelace", "email": ada["email"]}
    assert (top["researcher_name"], top["works_count"]) == ("Ann Lee", 1)
    assert top["homepage"] == "https://ada.example.org/"
    assert [(c["id"], c["status"], c["display_name"]) for c in top["competing"]] == [
        (second.json()["id"], "pending", "Bob Impostor")
    ]

    approved = review(client, mine["id"], "approve", "ORCID lists the paper")
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved"
    assert approved.json()["review_note"] == "ORCID lists the paper"
    assert profile_claim(client, "ann-lee") == {"state": "claimed", "owner": "Ada Lovelace"}
    public = client.get("/v1/researchers/ann-lee").text
    assert ada["email"] not in public and "@" not in public

    # One owner per record: Bob's claim cannot be approved while Ada's is.
    refused = review(client, second.json()["id"], "approve")
    assert refused.status_code == 409 and refused.headers["content-type"] == PROBLEM
    assert "one owner" in refused.json()["detail"]
    pending = client.get("/v1/admin/claims", headers=AUTH).json()["items"]
    assert [c["competing"][0]["status"] for c in pending] == ["approved"]  # flagged
    rejected = review(client, second.json()["id"], "reject", "no evidence")
    assert rejected.json()["status"] == "rejected"
    (bobs,) = client.get("/v1/me/claims", headers=h(bob)).json()["items"]
    assert (bobs["status"], bobs["review_note"]) == ("rejected", "no evidence")
    assert review(client, second.json()["id"], "approve").status_code == 409  # not pending
    listed = client.get("/v1/admin/claims?status=approved", headers=AUTH).json()["items"]
    assert [c["id"] for c in listed] == [mine["id"]]

    released = client.delete(f"/v1/me/claims/{mine['id']}", headers=h(ada))
    assert released.status_code == 200 and released.json()["status"] == "released"
    assert profile_claim(client, "ann-lee") == {"state": "unclaimed", "owner": None}
    assert client.delete(f"/v1/me/claims/{mine['id']}", headers=h(ada)).status_code == 404
    again = claim(client, bob, "ann-lee", ["0704.0001"])  # rejected before: may claim again
    assert again.status_code == 201


def test_claims_refused_with_reasons(
    rig: tuple[TestClient, ReplayAdapter], mailbox: Mailbox
) -> None:
    client, _ = rig
    ada = person(client, mailbox, "Ada Lovelace")
    cases: list[tuple[str, dict[str, Any], str]] = [
        ("atlas-collaboration", {"works": ["2101.00003"]}, "a team cannot be claimed"),
        ("ann-lee", {"works": ["2101.00002"]}, "is not one of this record's works"),
        ("ann-lee", {"works": ["junk"]}, "is not one of this record's works"),
        ("ann-lee", {"works": ["0704.0001"], "homepage": "javascript:alert(1)"}, "http"),
        ("ann-lee", {"works": ["0704.0001"], "homepage": "ftp://x.org/"}, "http"),
        ("ann-lee", {"works": ["0704.0001"], "orcid": "0000-0002-1825-0098"}, "ORCID iD"),
    ]
    for rid, body, reason in cases:
        answer = claim(client, ada, rid, **body)
        assert answer.status_code == 400, (rid, body, answer.text)
        assert answer.headers["content-type"] == PROBLEM
        assert reason in answer.json()["detail"], (body, answer.json())
    for body in ({"works": []}, {"works": ["0704.0001"], "note": "x" * 2001}, {}):
        answer = client.post("/v1/researchers/ann-lee/claims", json=body, headers=h(ada))
        assert answer.status_code == 422, body
    assert client.get("/v1/me/claims", headers=h(ada)).json()["items"] == []

    first = claim(client, ada, "ann-lee", ["0704.0001"])
    assert first.status_code == 201
    twice = claim(client, ada, "ann-lee", ["0704.0001"])
    assert (twice.status_code, twice.json()["detail"]) == (
        400,
        "you already claim this researcher record",
    )
    other = claim(client, ada, "cy-dunn", ["2101.00002"])
    assert other.status_code == 400 and "pending claim on another" in other.json()["detail"]
    assert review(client, first.json()["id"], "approve").status_code == 200
    owned = claim(client, ada, "ann-lee", ["0704.0001"])
    assert owned.json()["detail"] == "you own this researcher record"
    other = claim(client, ada, "cy-dunn", ["2101.00002"])
    assert other.status_code == 400 and "you own another" in other.json()["detail"]

    # An unverified email may not claim.
    email = new_email("unverified")
    client.post(
        "/v1/auth/signup", json={"email": email, "display_name": "New", "password": PASSWORD}
    )
    csrf = sign_in(client, email)
    answer = client.post(
        "/v1/researchers/cy-dunn/claims", json={"works": ["2101.00002"]}, headers=csrf
    )
    assert answer.status_code == 400 and "confirm your email" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("orcid", "script", "check"),
    [
        (DEMO, None, "verified"),
        (NO_ARXIV, None, "no_match"),
        (MISSING, None, "not_found"),
        (DEMO, requests.ConnectionError("no network"), "could_not_verify"),
        (DEMO, 503, "could_not_verify"),
    ],
)
def test_orcid_check_is_stored_with_the_claim(
    rig: tuple[TestClient, ReplayAdapter],
    mailbox: Mailbox,
    orcid: str,
    script: object,
    check: str,
) -> None:
    client, adapter = rig
    if script is not None:
        adapter.script[orcid] = [script]  # type: ignore[list-item]
    ada = person(client, mailbox, "Ada Lovelace")
    answer = claim(client, ada, "ann-lee", ["0704.0001"], orcid=orcid)
    assert answer.status_code == 201, answer.text
    assert answer.json()["orcid_check"] == check
    (queued,) = client.get("/v1/admin/claims", headers=AUTH).json()["items"]
    assert (queued["orcid"], queued["orcid_check"]) == (orcid, check)
    assert queued["orcid_detail"] == answer.json()["orcid_detail"] != ""


def test_orcid_api_url_setting(backend: GraphBackend, mailbox: Mailbox, tmp_path: Path) -> None:
    from tests.conftest import accounts_client

    with accounts_client(backend, mailbox) as client:
        assert client.app.state.orcid.base_url == "https://pub.orcid.org/v3.0"  # type: ignore[attr-defined]
    url = "https://orcid.test/v3.0"
    with accounts_client(backend, mailbox, graphsvc_orcid_api_url=url) as client:
        assert client.app.state.orcid.base_url == url  # type: ignore[attr-defined]


def test_every_id_in_a_path_is_checked(
    backend: GraphBackend, rig: tuple[TestClient, ReplayAdapter], mailbox: Mailbox
) -> None:
    client, _ = rig
    ada, bob = person(client, mailbox, "Ada Lovelace"), person(client, mailbox, "Bob Other")
    adas = claim(client, ada, "ann-lee", ["0704.0001"]).json()["id"]
    bobs = claim(client, bob, "cy-dunn", ["2101.00002"]).json()["id"]

    # Another account's claim answers exactly like an unknown id.
    theirs = client.delete(f"/v1/me/claims/{bobs}", headers=h(ada))
    unknown = client.delete("/v1/me/claims/no-such-claim", headers=h(ada))
    assert theirs.status_code == unknown.status_code == 404
    assert theirs.json() == unknown.json()
    assert theirs.headers["content-type"] == PROBLEM
    assert [c["status"] for c in client.get("/v1/me/claims", headers=h(bob)).json()["items"]] == [
        "pending"
    ]
    assert bobs not in client.get("/v1/me/claims", headers=h(ada)).text
    # Unknown researcher ids.
    for rid in ("no-such-person", "x" * 500):
        assert claim(client, ada, rid, ["0704.0001"]).status_code == 404
    # Unknown claim ids on the admin endpoints.
    for action in ("approve", "reject"):
        assert review(client, "no-such-claim", action).status_code == 404

    # The admin endpoints: anonymous 401, wrong token or a member 403, admins 200.
    calls = [
        ("GET", "/v1/admin/claims"),
        ("POST", f"/v1/admin/claims/{adas}/approve"),
        ("POST", f"/v1/admin/claims/{adas}/reject"),
    ]
    for method, url in calls:
        assert client.request(method, url).status_code == 401
        wrong = {"Authorization": "Bearer wrong-token-0123456789abcdef"}
        assert client.request(method, url, headers=wrong).status_code == 403
        member = client.request(method, url, headers=h(ada))
        assert member.status_code == 403 and member.headers["content-type"] == PROBLEM
    sign_in(client, bob["email"])
    assert client.get("/v1/admin/claims").status_code == 403  # a member's cookie
    client.cookies.clear()
    assert client.get("/v1/admin/claims", headers=AUTH).status_code == 200

    make_admin(backend, bob)  # an administrator account, by token and by cookie
    assert len(client.get("/v1/admin/claims", headers=h(bob)).json()["items"]) == 2
    answer = client.post(f"/v1/admin/claims/{adas}/approve", headers=h(bob))
    assert answer.status_code == 200 and answer.json()["status"] == "approved"
    csrf = sign_in(client, bob["email"])
    assert client.get("/v1/admin/claims?status=approved").status_code == 200
    assert client.post(f"/v1/admin/claims/{bobs}/reject").status_code == 403  # no CSRF
    answer = client.post(f"/v1/admin/claims/{bobs}/reject", headers=csrf)
    assert answer.status_code == 200 and answer.json()["status"] == "rejected"
    assert client.get("/v1/admin/claims?status=nope", headers=AUTH).status_code == 422


def test_cookie_changes_need_the_csrf_token(
    rig: tuple[TestClient, ReplayAdapter], mailbox: Mailbox
) -> None:
    client, _ = rig
    ada = person(client, mailbox, "Ada Lovelace")
    csrf = sign_in(client, ada["email"])
    body = {"works": ["0704.0001"]}
    refused = client.post("/v1/researchers/ann-lee/claims", json=body)
    assert refused.status_code == 403 and refused.headers["content-type"] == PROBLEM
    wrong = client.post("/v1/researchers/ann-lee/claims", json=body, headers={"X-CSRF-Token": "x"})
    assert wrong.status_code == 403
    assert client.get("/v1/me/claims").json()["items"] == []
    made = client.post("/v1/researchers/ann-lee/claims", json=body, headers=csrf)
    assert made.status_code == 201
    assert client.delete(f"/v1/me/claims/{made.json()['id']}").status_code == 403
    assert client.get("/v1/me/claims").json()["items"][0]["status"] == "pending"
    assert client.delete(f"/v1/me/claims/{made.json()['id']}", headers=csrf).status_code == 200
    client.cookies.clear()
    assert client.get("/v1/me/claims").status_code == 401
    assert client.post("/v1/researchers/ann-lee/claims", json=body).status_code == 401


HOSTILE_NOTE = "</textarea><script>alert('x')</script> \"quoted\" & <b>bold</b> é 😀 \\ \t\n' --"
HOSTILE_HOME = "https://example.org/?q=<script>alert(1)</script>&x=\"'><img src=x onerror=1>"


def test_hostile_strings_are_stored_and_returned_as_given(
    rig: tuple[TestClient, ReplayAdapter], mailbox: Mailbox
) -> None:
    client, _ = rig
    ada = person(client, mailbox, "Ada Lovelace")
    made = claim(client, ada, "ann-lee", ["0704.0001"], note=HOSTILE_NOTE, homepage=HOSTILE_HOME)
    assert made.status_code == 201, made.text
    assert made.headers["content-type"] == "application/json"
    for body in (
        made.json(),
        client.get("/v1/me/claims", headers=h(ada)).json()["items"][0],
        client.get("/v1/admin/claims", headers=AUTH).json()["items"][0],
    ):
        assert (body["note"], body["homepage"]) == (HOSTILE_NOTE, HOSTILE_HOME)
    lone = json.dumps({"works": ["0704.0001"], "note": "\ud800"})
    answer = client.post(
        "/v1/researchers/ann-lee/claims",
        content=lone,
        headers={**h(ada), "content-type": "application/json"},
    )
    assert answer.status_code == 422


def test_deleting_an_account_deletes_its_claims(
    rig: tuple[TestClient, ReplayAdapter], mailbox: Mailbox
) -> None:
    client, _ = rig
    ada = person(client, mailbox, "Ada Lovelace")
    made = claim(client, ada, "ann-lee", ["0704.0001"]).json()
    assert review(client, made["id"], "approve").status_code == 200
    csrf = sign_in(client, ada["email"])
    answer = client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=csrf)
    assert answer.status_code == 204
    assert profile_claim(client, "ann-lee") == {"state": "unclaimed", "owner": None}
    assert client.get("/v1/admin/claims?status=approved", headers=AUTH).json()["items"] == []
