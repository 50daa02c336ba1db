"""Signing people up and in through the real API and the real SMTP server."""

from __future__ import annotations

import itertools

from fastapi.testclient import TestClient

from tests.mailbox import Mailbox

PASSWORD = "correct horse battery staple"
_serial = itertools.count()


def new_email(stem: str = "person") -> str:
    return f"{stem}-{next(_serial)}@example.org"


def sign_up(client: TestClient, mailbox: Mailbox, email: str, name: str = "Ada Lovelace") -> None:
    """Sign up and confirm the email through the mailed link."""
    answer = client.post(
        "/v1/auth/signup", json={"email": email, "display_name": name, "password": PASSWORD}
    )
    assert answer.status_code == 202, answer.text
    token = mailbox.last(email, "confirm your email").token()
    assert client.post("/v1/auth/verify", json={"token": token}).status_code == 200


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """Sign in; the client keeps the cookie. Returns the CSRF header for changes."""
    answer = client.post("/v1/auth/signin", json={"email": email, "password": password})
    assert answer.status_code == 200, answer.text
    return {"X-CSRF-Token": answer.json()["csrf_token"]}


def member(
    client: TestClient, mailbox: Mailbox, stem: str = "person"
) -> tuple[str, dict[str, str]]:
    """A new verified, signed-in account: its email and CSRF header."""
    email = new_email(stem)
    sign_up(client, mailbox, email)
    return email, sign_in(client, email)
