"""Following researchers, on both backends: follow and unfollow (idempotent), follower counts,
my list, the feed newest first, the private Atom feed URL (renewed and revoked), merged ids, and
an account's follows gone with the account."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from tests.accounts.helpers import PASSWORD, member
from tests.conftest import accounts_client, load_demo
from tests.mailbox import Mailbox

XU, ZHANG = "zhi-qin-john-xu", "yaoyu-zhang"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def demo(backend: GraphBackend) -> GraphBackend:
    load_demo(backend)
    return backend


@pytest.fixture
def client(demo: GraphBackend, mailbox: Mailbox) -> Iterator[TestClient]:
    with accounts_client(demo, mailbox) as c:
        yield c


def works_of(client: TestClient, rid: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = client.get(f"/v1/researchers/{rid}/works?limit=500").json()[
        "items"
    ]
    return items


def test_follow_count_list_and_feed(demo: GraphBackend, mailbox: Mailbox) -> None:
    with accounts_client(demo, mailbox) as alice, accounts_client(demo, mailbox) as bob:
        alice_email, a = member(alice, mailbox, "alice")
        _, b = member(bob, mailbox, "bob")
        assert alice.get(f"/v1/researchers/{XU}/followers").json() == {
            "researcher": XU,
            "followers": 0,
            "following": False,
        }
        for _ in range(2):  # idempotent
            answer = alice.put(f"/v1/researchers/{XU}/follow", headers=a)
            assert answer.json() == {"researcher": XU, "followers": 1, "following": True}
        bob.put(f"/v1/researchers/{XU}/follow", headers=b)
        alice.put(f"/v1/researchers/{ZHANG}/follow", headers=a)
        assert alice.get(f"/v1/researchers/{XU}/followers").json()["followers"] == 2
        assert bob.get(f"/v1/researchers/{ZHANG}/followers").json()["following"] is False
        listed = alice.get("/v1/me/following").json()["items"]
        assert {f["id"] for f in listed} == {XU, ZHANG}
        assert [f["id"] for f in bob.get("/v1/me/following").json()["items"]] == [XU]

        feed = alice.get("/v1/me/feed?limit=200").json()["items"]
        expected = {w["arxiv_id"] for w in works_of(alice, XU) + works_of(alice, ZHANG)}
        assert {i["arxiv_id"] for i in feed} == expected
        dated = [i["published"] for i in feed if i["published"]]
        assert dated == sorted(dated, reverse=True)
        shared = [i for i in feed if len(i["researchers"]) == 2]
        assert shared, "Xu and Zhang share works in the demo"
        assert {p["id"] for p in shared[0]["researchers"]} == {XU, ZHANG}
        page = alice.get("/v1/me/feed?limit=2&offset=1").json()["items"]
        assert [i["arxiv_id"] for i in page] == [i["arxiv_id"] for i in feed[1:3]]

        for public in (
            f"/v1/researchers/{XU}",
            f"/v1/researchers/{XU}/followers",
            f"/v1/researchers/{XU}/graph?format=graphml",
            f"/researchers/{XU}",
        ):
            assert alice_email not in alice.get(public).text, public
        alice.delete(f"/v1/researchers/{XU}/follow", headers=a)
        assert alice.get(f"/v1/researchers/{XU}/followers").json() == {
            "researcher": XU,
            "followers": 1,
            "following": False,
        }


def test_private_atom_feed_url(client: TestClient, mailbox: Mailbox) -> None:
    _, headers = member(client, mailbox)
    client.put(f"/v1/researchers/{XU}/follow", headers=headers)
    url = client.post("/v1/me/feed-url", headers=headers).json()["url"]
    path = url.split("://", 1)[1].split("/", 1)[1]
    with TestClient(client.app) as reader:  # a feed reader: no cookie
        answer = reader.get("/" + path)
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/atom+xml")
        root = ET.fromstring(answer.content)
        entries = root.findall(f"{ATOM}entry")
        ids = {e.findtext(f"{ATOM}id", "").rsplit("/", 1)[1] for e in entries}
        assert ids == {w["arxiv_id"] for w in works_of(client, XU)}
        assert all(e.find(f"{ATOM}author/{ATOM}name") is not None for e in entries)
        renewed = client.post("/v1/me/feed-url", headers=headers).json()["url"]
        assert renewed != url
        assert reader.get("/" + path).status_code == 404
        new_path = "/" + renewed.split("://", 1)[1].split("/", 1)[1]
        assert reader.get(new_path).status_code == 200
        assert client.delete("/v1/me/feed-url", headers=headers).status_code == 204
        assert reader.get(new_path).status_code == 404
        assert reader.get("/v1/feeds/gsf_guess").status_code == 404


def test_follow_needs_a_session_and_a_known_researcher(
    client: TestClient, mailbox: Mailbox
) -> None:
    assert client.put(f"/v1/researchers/{XU}/follow").status_code == 401
    assert client.get("/v1/me/feed").status_code == 401
    _, headers = member(client, mailbox)
    assert client.put(f"/v1/researchers/{XU}/follow").status_code == 403  # no CSRF token
    assert client.put("/v1/researchers/nobody-here/follow", headers=headers).status_code == 404
    assert client.get("/v1/researchers/nobody-here/followers").status_code == 404
    assert client.get("/v1/me/feed?limit=0").status_code == 422


def test_a_merged_id_is_followed_through_and_deleted_accounts_leave_no_follows(
    demo: GraphBackend, mailbox: Mailbox
) -> None:
    token = "admin-token-0123456789abcdef"
    with accounts_client(demo, mailbox, graphsvc_admin_tokens=[token]) as client:
        _, headers = member(client, mailbox)
        coauthors = client.get(f"/v1/researchers/{XU}/collaborators?limit=500&scope=all").json()
        near = {c["id"] for c in coauthors["items"]} | {XU}
        hits = client.get("/v1/researchers?q=an&limit=100").json()["items"]
        other = next(h["id"] for h in hits if h["id"] not in near)
        merged = client.post(
            f"/v1/researchers/{XU}/merge",
            json={"other": other},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert merged.status_code == 200, merged.text
        answer = client.put(f"/v1/researchers/{other}/follow", headers=headers)
        assert answer.json()["researcher"] == XU
        gone = client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=headers)
        assert gone.status_code == 204
        assert client.get(f"/v1/researchers/{XU}/followers").json()["followers"] == 0
