"""Accounts over the API, on both backends: sign-up with a mailed confirmation link, sign-in,
sessions (rotation, expiry, sign-out, CSRF), password change and reset, access tokens, deletion,
throttling, and no way to learn whether an email is registered."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from graphsvc.api.sessions import COOKIE
from graphsvc.db import GraphBackend
from tests.accounts.helpers import PASSWORD, member, new_email, sign_in, sign_up
from tests.conftest import accounts_client
from tests.mailbox import Mailbox

PROBLEM = "application/problem+json"


@pytest.fixture
def client(backend: GraphBackend, mailbox: Mailbox) -> Iterator[TestClient]:
    with accounts_client(backend, mailbox) as c:
        yield c


class Clock:
    """A clock the test moves (sessions and links expire by it)."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def test_sign_up_confirm_sign_in_and_out(client: TestClient, mailbox: Mailbox) -> None:
    email = new_email()
    answer = client.post(
        "/v1/auth/signup", json={"email": email, "display_name": "Ada", "password": PASSWORD}
    )
    assert answer.status_code == 202
    mail = mailbox.last(email, "confirm your email")
    assert "/verify?token=" in mail.body
    headers = sign_in(client, email)
    assert client.get("/v1/me").json()["email_verified"] is False
    assert client.post("/v1/auth/verify", json={"token": mail.token()}).status_code == 200
    assert client.post("/v1/auth/verify", json={"token": mail.token()}).status_code == 400
    me = client.get("/v1/me").json()
    assert me == {"display_name": "Ada", "email": email, "email_verified": True, "is_admin": False}
    assert client.post("/v1/auth/signout", headers=headers).status_code == 204
    answer = client.get("/v1/me")
    assert answer.status_code == 401
    assert answer.headers["content-type"] == PROBLEM


def test_no_account_enumeration(client: TestClient, mailbox: Mailbox) -> None:
    email, _ = member(client, mailbox)
    client.cookies.clear()
    unknown = new_email("nobody")
    body = {"display_name": "X", "password": PASSWORD}
    taken = client.post("/v1/auth/signup", json={"email": email, **body})
    fresh = client.post("/v1/auth/signup", json={"email": unknown, **body})
    assert (taken.status_code, taken.json()) == (fresh.status_code, fresh.json())
    assert "already has one" in mailbox.last(email, "tried to sign up").body
    wrong_password = client.post("/v1/auth/signin", json={"email": email, "password": "x" * 12})
    no_account = client.post("/v1/auth/signin", json={"email": new_email(), "password": "x" * 12})
    assert wrong_password.status_code == no_account.status_code == 400
    assert wrong_password.json() == no_account.json()
    known = client.post("/v1/auth/reset", json={"email": email})
    other = client.post("/v1/auth/reset", json={"email": new_email()})
    assert (
        (known.status_code, known.json())
        == (other.status_code, other.json())
        == (202, known.json())
    )


def test_bad_sign_up_input_is_refused_with_reasons(client: TestClient) -> None:
    cases = {
        "not-an-email": "not an email address",
        "short@example.org": "at least 12 characters",
    }
    for email, reason in cases.items():
        password = "short" if email.startswith("short") else PASSWORD
        answer = client.post(
            "/v1/auth/signup", json={"email": email, "display_name": "A", "password": password}
        )
        assert answer.status_code == 400 and reason in answer.json()["detail"]
    same = client.post(
        "/v1/auth/signup",
        json={"email": "me@example.org", "display_name": "B", "password": "me@example.org"},
    )
    assert same.status_code == 400


def test_session_id_rotates_and_the_old_cookie_dies(client: TestClient, mailbox: Mailbox) -> None:
    email = new_email()
    sign_up(client, mailbox, email)
    sign_in(client, email)
    first = client.cookies[COOKIE]
    sign_in(client, email)
    second = client.cookies[COOKIE]
    assert first != second
    client.cookies.clear()  # only the old cookie (the jar keeps the server's by its domain)
    client.cookies.set(COOKIE, first)
    assert client.get("/v1/me").status_code == 401


def test_unsafe_requests_need_the_csrf_token(client: TestClient, mailbox: Mailbox) -> None:
    _, headers = member(client, mailbox)
    for wrong in ({}, {"X-CSRF-Token": "not-it"}):
        answer = client.post("/v1/auth/signout", headers=wrong)
        assert answer.status_code == 403, wrong
        assert answer.headers["content-type"] == PROBLEM
    assert client.post("/v1/me/tokens", json={"name": "t"}).status_code == 403
    assert client.get("/v1/me").status_code == 200  # still signed in
    assert client.post("/v1/auth/signout", headers=headers).status_code == 204


def test_sessions_expire_when_idle_and_after_the_absolute_limit(
    backend: GraphBackend, mailbox: Mailbox
) -> None:
    with accounts_client(
        backend, mailbox, graphsvc_session_idle_s=600, graphsvc_session_absolute_s=3600
    ) as client:
        clock = Clock(1_000_000.0)
        client.app.state.accounts.clock = clock  # type: ignore[attr-defined]
        email, _ = member(client, mailbox)
        clock.now += 599
        assert client.get("/v1/me").status_code == 200
        clock.now += 601
        assert client.get("/v1/me").status_code == 401  # idle
        sign_in(client, email)
        for _ in range(6):  # used every 9 minutes: never idle, but 54 minutes old
            clock.now += 540
            assert client.get("/v1/me").status_code == 200
        clock.now += 540  # 63 minutes after sign-in
        assert client.get("/v1/me").status_code == 401


def test_password_change_ends_every_other_session(backend: GraphBackend, mailbox: Mailbox) -> None:
    with accounts_client(backend, mailbox) as laptop, accounts_client(backend, mailbox) as phone:
        email, headers = member(laptop, mailbox)
        sign_in(phone, email)
        new = "a new and longer passphrase"
        answer = laptop.post(
            "/v1/me/password",
            json={"current_password": PASSWORD, "new_password": new},
            headers=headers,
        )
        assert answer.status_code == 200
        assert laptop.get("/v1/me").status_code == 200  # renewed cookie
        assert phone.get("/v1/me").status_code == 401
        assert (
            phone.post("/v1/auth/signin", json={"email": email, "password": PASSWORD}).status_code
            == 400
        )
        sign_in(phone, email, new)


def test_password_reset_by_mail_is_one_use_and_signs_out(
    client: TestClient, mailbox: Mailbox
) -> None:
    email, _ = member(client, mailbox)
    cookie = client.cookies[COOKIE]
    assert client.post("/v1/auth/reset", json={"email": email}).status_code == 202
    token = mailbox.last(email, "reset your password").token()
    new = "another long passphrase"
    short = client.post("/v1/auth/reset/confirm", json={"token": token, "password": "short"})
    assert short.status_code == 400  # the link is not used up by a refused password
    assert (
        client.post("/v1/auth/reset/confirm", json={"token": token, "password": new}).status_code
        == 200
    )
    assert (
        client.post(
            "/v1/auth/reset/confirm", json={"token": token, "password": new + "!"}
        ).status_code
        == 400
    )
    client.cookies.clear()
    client.cookies.set(COOKIE, cookie)
    assert client.get("/v1/me").status_code == 401
    sign_in(client, email, new)


def test_reset_link_expires(backend: GraphBackend, mailbox: Mailbox) -> None:
    with accounts_client(backend, mailbox, graphsvc_reset_link_ttl_s=600) as client:
        clock = Clock(2_000_000.0)
        client.app.state.accounts.clock = clock  # type: ignore[attr-defined]
        email, _ = member(client, mailbox)
        client.post("/v1/auth/reset", json={"email": email})
        token = mailbox.last(email, "reset your password").token()
        clock.now += 601
        answer = client.post(
            "/v1/auth/reset/confirm", json={"token": token, "password": "late but long enough"}
        )
        assert answer.status_code == 400 and "not valid any more" in answer.json()["detail"]


def test_sign_in_is_throttled_per_account_and_per_address(
    backend: GraphBackend, mailbox: Mailbox
) -> None:
    with accounts_client(
        backend,
        mailbox,
        graphsvc_signin_per_account="3/15minutes",
        graphsvc_signin_per_address="5/15minutes",
    ) as client:
        email, _ = member(client, mailbox)
        for _ in range(3):  # a success clears the account's count: member() left it at 0
            wrong = client.post("/v1/auth/signin", json={"email": email, "password": "x" * 12})
            assert wrong.status_code == 400
        answer = client.post("/v1/auth/signin", json={"email": email, "password": PASSWORD})
        assert answer.status_code == 429 and answer.headers["Retry-After"]
        others = [
            client.post("/v1/auth/signin", json={"email": new_email(), "password": "x" * 12})
            for _ in range(3)
        ]
        # the address spent 5 (member's sign-in, 3 wrong, the refused one): others are refused
        assert [a.status_code for a in others] == [429, 429, 429]


def test_access_tokens_are_shown_once_and_belong_to_their_account(
    backend: GraphBackend, mailbox: Mailbox
) -> None:
    with accounts_client(backend, mailbox) as alice, accounts_client(backend, mailbox) as bob:
        _, alice_csrf = member(alice, mailbox, "alice")
        _, bob_csrf = member(bob, mailbox, "bob")
        created = alice.post("/v1/me/tokens", json={"name": "laptop"}, headers=alice_csrf)
        assert created.status_code == 201
        token, token_id = created.json()["token"], created.json()["id"]
        listed = alice.get("/v1/me/tokens").json()["tokens"]
        assert [t["id"] for t in listed] == [token_id] and "token" not in listed[0]
        assert bob.get("/v1/me/tokens").json()["tokens"] == []
        bearer = {"Authorization": f"Bearer {token}"}
        with TestClient(alice.app) as program:
            assert program.get("/v1/me", headers=bearer).json()["display_name"] == "Ada Lovelace"
            # a token needs no CSRF header: browsers never send it by themselves
            other = program.post("/v1/me/tokens", json={"name": "ci"}, headers=bearer)
            assert other.status_code == 201
        assert bob.delete(f"/v1/me/tokens/{token_id}", headers=bob_csrf).status_code == 404
        assert alice.delete(f"/v1/me/tokens/{token_id}", headers=alice_csrf).status_code == 204
        with TestClient(alice.app) as program:
            assert program.get("/v1/me", headers=bearer).status_code == 401


def test_deleting_an_account_needs_its_password_and_frees_the_email(
    client: TestClient, mailbox: Mailbox
) -> None:
    email, headers = member(client, mailbox)
    wrong = client.request("DELETE", "/v1/me", json={"password": "x" * 12}, headers=headers)
    assert wrong.status_code == 400
    gone = client.request("DELETE", "/v1/me", json={"password": PASSWORD}, headers=headers)
    assert gone.status_code == 204
    assert client.get("/v1/me").status_code == 401
    assert (
        client.post("/v1/auth/signin", json={"email": email, "password": PASSWORD}).status_code
        == 400
    )
    sign_up(client, mailbox, email, "Ada again")
    sign_in(client, email)
    assert client.get("/v1/me").json()["display_name"] == "Ada again"


def test_hostile_names_are_kept_as_given_and_accounts_stay_private(
    client: TestClient, mailbox: Mailbox
) -> None:
    name = '<script>alert("x")</script> Robert\'); DROP'
    email = new_email()
    sign_up(client, mailbox, email, name)
    sign_in(client, email)
    assert client.get("/v1/me").json()["display_name"] == name
    found = client.get("/v1/researchers", params={"q": "Robert"}).json()
    assert found["items"] == []
    client.cookies.clear()
    assert client.get("/v1/me").status_code == 401


def test_cookie_flags_over_http_and_https(backend: GraphBackend, mailbox: Mailbox) -> None:
    with accounts_client(backend, mailbox) as client:
        email, _ = member(client, mailbox)
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        with accounts_client(backend, mailbox, base_url=base) as client:
            answer = client.post("/v1/auth/signin", json={"email": email, "password": PASSWORD})
            cookie = answer.headers["set-cookie"].lower()
            assert cookie.startswith(COOKIE) and "httponly" in cookie
            assert "samesite=lax" in cookie and "path=/" in cookie
            assert ("secure" in cookie.replace("samesite", "")) is secure


def test_secrets_are_stored_only_as_digests(client: TestClient, mailbox: Mailbox) -> None:
    _, headers = member(client, mailbox)
    token = client.post("/v1/me/tokens", json={"name": "t"}, headers=headers).json()["token"]
    feed = client.post("/v1/me/feed-url", headers=headers).json()["url"].rsplit("/", 1)[1]
    cookie = client.cookies[COOKIE]
    backend: GraphBackend = client.app.state.graphsvc.backend  # type: ignore[attr-defined]
    stored = {(r["kind"], r["key"]) for r in backend.read("test_account_secrets")}
    keys = {key for _, key in stored}
    for secret, kind in ((token, "token"), (feed, "feed"), (cookie, "session")):
        assert secret not in keys
        assert (kind, hashlib.sha256(secret.encode()).hexdigest()) in stored
