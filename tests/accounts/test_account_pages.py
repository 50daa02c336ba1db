"""The account pages over HTTP, on both backends: forms carry the session's CSRF token and are
refused without it, sign-in from the page rotates the session, hostile names are escaped, the
researcher page's follow button works, and sign-in redirects only within the site."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from graphsvc.api.sessions import COOKIE
from graphsvc.db import GraphBackend
from tests.accounts.helpers import PASSWORD, new_email, sign_up
from tests.conftest import accounts_client, load_demo
from tests.mailbox import Mailbox

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
XU = "zhi-qin-john-xu"


@pytest.fixture
def client(backend: GraphBackend, mailbox: Mailbox) -> Iterator[TestClient]:
    load_demo(backend)
    with accounts_client(backend, mailbox) as c:
        yield c


def csrf_of(client: TestClient, path: str) -> str:
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    found = CSRF.search(answer.text)
    assert found, f"no CSRF field on {path}"
    return found.group(1)


def page_sign_in(client: TestClient, email: str, next_path: str = "/account") -> None:
    token = csrf_of(client, "/signin")
    answer = client.post(
        "/signin",
        data={"csrf_token": token, "email": email, "password": PASSWORD, "next": next_path},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text


def test_forms_need_the_csrf_token(client: TestClient, mailbox: Mailbox) -> None:
    for path, fields in [
        ("/signup", {"email": new_email(), "display_name": "A", "password": PASSWORD}),
        ("/signin", {"email": new_email(), "password": PASSWORD}),
        ("/reset", {"email": new_email()}),
    ]:
        csrf_of(client, path)  # a session exists, but the form lacks its token
        refused = client.post(path, data=fields)
        assert refused.status_code == 403 and "expired" in refused.text, path
        wrong = client.post(path, data={**fields, "csrf_token": "guess"})
        assert wrong.status_code == 403, path
    assert not mailbox.to(fields["email"])


def test_sign_up_and_in_through_the_pages(client: TestClient, mailbox: Mailbox) -> None:
    email = new_email()
    token = csrf_of(client, "/signup")
    answer = client.post(
        "/signup",
        data={
            "csrf_token": token,
            "email": email,
            "display_name": "Page Person",
            "password": PASSWORD,
        },
    )
    assert answer.status_code == 200 and "Check your mail" in answer.text
    link = mailbox.last(email, "confirm your email").token()
    assert "Email confirmed" in client.get(f"/verify?token={link}").text
    anonymous = client.cookies[COOKIE]
    page_sign_in(client, email)
    assert client.cookies[COOKIE] != anonymous  # rotated at sign-in
    account = client.get("/account")
    assert "Page Person" in account.text and email in account.text
    wrong = client.post(
        "/signin",
        data={"csrf_token": csrf_of(client, "/signin"), "email": email, "password": "x" * 12},
    )
    assert wrong.status_code == 400 and "wrong" in wrong.text


def test_follow_button_and_escaped_names(client: TestClient, mailbox: Mailbox) -> None:
    email = new_email()
    hostile = '<img src=x onerror=alert(1)> "Bobby"'
    sign_up(client, mailbox, email, hostile)
    client.cookies.clear()
    anonymous = client.get(f"/researchers/{XU}")
    assert "Sign in to follow" in anonymous.text and "0 followers" in anonymous.text
    page_sign_in(client, email, f"/researchers/{XU}")
    page = client.get(f"/researchers/{XU}")
    assert "<img src=x" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.text
    token = CSRF.search(page.text.split('id="people"', 1)[1])
    assert token
    followed = client.post(
        f"/researchers/{XU}/follow", data={"csrf_token": token.group(1), "follow": "1"}
    )
    assert "1 follower" in followed.text and "Unfollow" in followed.text
    assert XU in client.get("/account").text
    assert client.post(f"/researchers/{XU}/follow", data={"follow": "0"}).status_code == 403


def test_sign_in_redirects_only_within_the_site(client: TestClient, mailbox: Mailbox) -> None:
    email = new_email()
    sign_up(client, mailbox, email)
    for target in ["https://evil.example/", "//evil.example/", "/\\evil.example"]:
        client.cookies.clear()
        token = csrf_of(client, "/signin")
        answer = client.post(
            "/signin",
            data={"csrf_token": token, "email": email, "password": PASSWORD, "next": target},
            follow_redirects=False,
        )
        assert answer.headers["location"] == "/account", target


def test_account_page_needs_a_session(client: TestClient) -> None:
    answer = client.get("/account", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/signin")
