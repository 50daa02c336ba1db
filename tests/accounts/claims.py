"""Shared set-up of the claim tests: a small graph, accounts acting by access token, and the
app's ORCID client answered by the recorded ORCID answers (tests/fixtures/orcid-api)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.store import accounts
from loaders.writer import GraphWriter
from tests.accounts.helpers import new_email, sign_in, sign_up
from tests.api.test_admin_auth import AUTH, TOKEN
from tests.api.test_merge import paper
from tests.clients.test_orcid import DEMO, MISSING, NO_ARXIV, ReplayAdapter
from tests.conftest import accounts_client
from tests.mailbox import Mailbox

__all__ = ["AUTH", "DEMO", "MISSING", "NO_ARXIV", "TOKEN"]
PROBLEM = "application/problem+json"
# ann-lee wrote 0704.0001, which the DEMO ORCID record lists; cy-dunn did not.
PAPERS = [
    paper("0704.0001", ["Ann Lee", "Bo Chen"], ("cs.LG",)),
    paper("2101.00002", ["Cy Dunn", "Di Eng"], ("math.AG",)),
    paper("2101.00003", ["ATLAS Collaboration", "Ed Fox"], ("hep-ex",)),
]


@contextmanager
def claims_client(
    backend: GraphBackend, mailbox: Mailbox, tmp_path: Path
) -> Iterator[tuple[TestClient, ReplayAdapter]]:
    """The app with an admin token, mailing to `mailbox`, its ORCID client replayed."""
    with accounts_client(
        backend, mailbox, graphsvc_admin_tokens=[TOKEN], graphsvc_data_dir=tmp_path
    ) as client:
        adapter = ReplayAdapter()
        orcid = client.app.state.orcid  # type: ignore[attr-defined]
        orcid.session.mount("https://", adapter)
        orcid.session.mount("http://", adapter)
        orcid.retries = 0
        yield client, adapter


def ingest(backend: GraphBackend, items: list[Any] = PAPERS) -> None:
    GraphWriter(backend).ingest(list(items))


def person(client: TestClient, mailbox: Mailbox, name: str) -> dict[str, str]:
    """A verified account acting by personal access token: its Authorization header (plus the
    email under "email", dropped before use by `h`)."""
    email = new_email(name.split()[0].lower())
    sign_up(client, mailbox, email, name)
    csrf = sign_in(client, email)
    answer = client.post("/v1/me/tokens", json={"name": "tests"}, headers=csrf)
    assert answer.status_code == 201, answer.text
    client.cookies.clear()
    return {"Authorization": f"Bearer {answer.json()['token']}", "email": email}


def h(who: dict[str, str]) -> dict[str, str]:
    """The request headers of a `person`."""
    return {k: v for k, v in who.items() if k != "email"}


def make_admin(backend: GraphBackend, who: dict[str, str]) -> None:
    assert accounts.set_admin(backend, who["email"].lower(), True)


def claim(
    client: TestClient, who: dict[str, str], rid: str, works: list[str], **evidence: Any
) -> Any:
    return client.post(
        f"/v1/researchers/{rid}/claims", json={"works": works, **evidence}, headers=h(who)
    )


def review(client: TestClient, claim_id: str, action: str, note: str | None = None) -> Any:
    body = {"note": note} if note is not None else None
    return client.post(f"/v1/admin/claims/{claim_id}/{action}", json=body, headers=AUTH)


def profile_claim(client: TestClient, rid: str) -> Any:
    answer = client.get(f"/v1/researchers/{rid}")
    assert answer.status_code == 200, answer.text
    return answer.json()["claim"]
