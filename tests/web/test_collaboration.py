"""Direct collaboration, walked in Chromium on both backends: two accounts claim two
records, one opens to collaboration, the other finds them through suggestions and invites,
the invitation arrives by mail and in the inbox, it is accepted, both reply, and a third
account is blocked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from graphsvc.db import GraphBackend
from tests.conftest import BACKENDS, load_demo
from tests.mailbox import Mailbox
from tests.web.conftest import WebApp, _embedded, on_neo4j, open_tab, serving
from tests.web.people import claim_in_browser, sign_in_in_browser, sign_up_in_browser

ADMIN_TOKEN = "collaboration-admin-token-0123456789"


@pytest.fixture(scope="module", params=BACKENDS)
def collab_app(request: pytest.FixtureRequest, mailbox: Mailbox) -> Iterator[WebApp]:
    """The demo served on each backend in turn (on Neo4j: the session's server, emptied), with
    the mailbox emptied: the same addresses sign up on both, and a mail of the other run would
    do for `mailbox.last`."""
    mailbox.messages.clear()
    if request.param == "neo4j":
        graph: GraphBackend = on_neo4j(request)
    else:
        graph = _embedded(request.getfixturevalue("tmp_path_factory"), "web-collab")
    with serving(
        graph,
        load_demo,
        graphsvc_smtp_url=mailbox.url,
        graphsvc_admin_tokens=[ADMIN_TOKEN],
    ) as app:
        yield app


def approve_all(app: WebApp) -> None:
    """An administrator approves every pending claim (over the API, with the admin token)."""
    auth = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    queue = requests.get(f"{app.url}/v1/admin/claims", headers=auth, timeout=10).json()
    for claim in queue["items"]:
        answer = requests.post(
            f"{app.url}/v1/admin/claims/{claim['id']}/approve", headers=auth, timeout=10
        )
        assert answer.status_code == 200, answer.text


def cast(app: WebApp) -> tuple[str, str, str]:
    """Three demo records: one with a suggested collaborator, that collaborator, and a third
    researcher who wrote with neither."""
    hits = requests.get(f"{app.url}/v1/researchers?q=a&limit=200", timeout=10).json()["items"]
    for hit in hits:
        found = requests.get(
            f"{app.url}/v1/researchers/{hit['id']}/suggestions", timeout=10
        ).json()["items"]
        if found:
            ada, bob = hit["id"], found[0]["id"]
            break
    else:
        raise AssertionError("no demo researcher has a suggested collaborator")
    near = {ada, bob}
    for rid in (ada, bob):
        answer = requests.get(
            f"{app.url}/v1/researchers/{rid}/collaborators?scope=all&limit=500", timeout=10
        ).json()
        near |= {c["id"] for c in answer["items"]}
    cy = next(h["id"] for h in hits if h["id"] not in near)
    return ada, bob, cy


def test_open_invite_accept_reply_and_block(
    browser: Any, collab_app: WebApp, mailbox: Mailbox
) -> None:
    ada_record, bob_record, cy_record = cast(collab_app)
    with (
        open_tab(browser, collab_app) as ada,
        open_tab(browser, collab_app) as bob,
        open_tab(browser, collab_app) as cy,
    ):
        for tab, email, record in (
            (ada, "ada@example.org", ada_record),
            (bob, "bob@example.org", bob_record),
            (cy, "cy@example.org", cy_record),
        ):
            sign_up_in_browser(tab, mailbox, email, email.split("@")[0].title())
            sign_in_in_browser(tab, email)
            claim_in_browser(tab, record)
        approve_all(collab_app)

        bob.goto(f"/researchers/{bob_record}")  # not open yet: no invitation possible
        ada.goto(f"/researchers/{bob_record}")
        assert "not open to collaboration" in ada.inner_text("#invite-why")
        bob.goto("/account")
        bob.check("#collab-open")
        bob.fill("#collab-note", "Looking for <numerical analysis> partners")
        bob.click("#collab-save")
        bob.wait_for_url("**/account")
        assert bob.is_checked("#collab-open")

        ada.goto("/search?open=1")  # the explorer's filters list Bob now
        assert [bob_record] == [
            a.get_attribute("href").rsplit("/", 1)[1]
            for a in ada.locator("#researcher-results a").all()
        ]
        bob_profile = requests.get(f"{collab_app.url}/v1/researchers/{bob_record}", timeout=10)
        topic = bob_profile.json()["top_topics"][0]["id"]
        ada.goto(f"/topics/{topic}")
        names = ada.locator("#open-researchers a").all_inner_texts()
        assert names == [bob_profile.json()["name"]]
        ada.goto("/account")  # Ada finds Bob among her suggested collaborators
        suggested = ada.locator("#suggested li").first
        assert "Open to collaborate" in suggested.inner_text()
        suggested.locator("a.suggested-name").click()
        ada.wait_for_url(f"**/researchers/{bob_record}")
        assert ada.inner_text("#open-state") == "Open to collaborate"
        assert "<numerical analysis>" in ada.inner_text("#open-note")  # shown as text
        ada.click("#invite-link")
        ada.fill("#subject", "Attention dynamics")
        ada.fill("#message", "Shall we look at <focus> and dilution together?")
        ada.click("#invite-send")
        ada.wait_for_selector("#thread-status >> text=pending")

        mail = mailbox.last("bob@example.org", "invitation to collaborate")
        assert "Attention dynamics" in mail.body and "/account/invitations/" in mail.body
        bob.goto("/account/invitations")
        bob.click("#inbox a >> text=Attention dynamics")
        assert (
            bob.inner_text("#thread-message") == "Shall we look at <focus> and dilution together?"
        )
        bob.click("#invitation-accept")
        bob.wait_for_selector("#thread-status >> text=accepted")
        assert "ada@example.org" in bob.inner_text("#contact")
        bob.fill("#reply-text", "Yes! Tuesday?")
        bob.click("#reply-send")
        bob.wait_for_selector(".reply-text >> text=Yes! Tuesday?")
        assert "Yes! Tuesday?" in mailbox.last("ada@example.org", "new reply").body

        ada.goto("/account/invitations")
        ada.click("#sent a >> text=Attention dynamics")
        assert "bob@example.org" in ada.inner_text("#contact")
        ada.fill("#reply-text", "Tuesday it is.")
        ada.click("#reply-send")
        ada.wait_for_selector(".reply-text >> text=Tuesday it is.")

        cy.goto(f"/researchers/{bob_record}")
        cy.click("#invite-link")
        cy.fill("#subject", "Buy my course")
        cy.fill("#message", "Limited offer")
        cy.click("#invite-send")
        cy.wait_for_selector("#thread-status >> text=pending")
        bob.goto("/account/invitations")
        bob.click("#inbox a >> text=Buy my course")
        bob.click("#invitation-block")
        bob.wait_for_selector("#thread-status >> text=blocked")
        cy.reload()
        assert cy.inner_text("#thread-status") == "declined"  # a block reads as a decline
        cy.goto(f"/researchers/{bob_record}/invite")
        cy.fill("#subject", "Again")
        cy.fill("#message", "Please")
        cy.click("#invite-send")
        assert "not accepting invitations from you" in cy.inner_text("#form-error")
