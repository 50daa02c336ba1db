"""Direct collaboration, walked in Chromium on the embedded engine: two accounts claim two
records, one opens to collaboration, the other finds them and invites, the invitation arrives
by mail and in the inbox, it is accepted, both reply, and a third account is blocked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.conftest import load_demo
from tests.mailbox import Mailbox
from tests.web.conftest import WebApp, _embedded, open_tab, serving
from tests.web.people import claim_in_browser, sign_in_in_browser, sign_up_in_browser

XU = "zhi-qin-john-xu"
ADMIN_TOKEN = "collaboration-admin-token-0123456789"


@pytest.fixture(scope="module")
def collab_app(tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox) -> Iterator[WebApp]:
    with serving(
        _embedded(tmp_path_factory, "web-collab"),
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


def strangers(app: WebApp, count: int) -> list[str]:
    """Researchers of the demo who never wrote with Xu (nor with each other's first)."""
    near = requests.get(
        f"{app.url}/v1/researchers/{XU}/collaborators?scope=all&limit=500", timeout=10
    ).json()
    taken = {c["id"] for c in near["items"]} | {XU}
    hits = requests.get(f"{app.url}/v1/researchers?q=an&limit=100", timeout=10).json()["items"]
    found = [h["id"] for h in hits if h["id"] not in taken]
    assert len(found) >= count
    return found[:count]


def test_open_invite_accept_reply_and_block(
    browser: Any, collab_app: WebApp, mailbox: Mailbox
) -> None:
    bob_record, cy_record = strangers(collab_app, 2)
    with (
        open_tab(browser, collab_app) as ada,
        open_tab(browser, collab_app) as bob,
        open_tab(browser, collab_app) as cy,
    ):
        for tab, email, record in (
            (ada, "ada@example.org", XU),
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

        ada.goto(f"/researchers/{bob_record}")
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
