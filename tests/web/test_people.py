"""The people on the profile, walked in Chromium on the embedded engine: sign up, receive the
confirmation mail (a real SMTP server), confirm, sign in, follow, claim, approve as an
administrator, see the claimed state and the new trust components, sign out."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from graphsvc.store import accounts as account_store
from tests.conftest import REPO, load_demo
from tests.mailbox import Mailbox
from tests.neo4j_server import free_port
from tests.web.conftest import WebApp, _embedded, open_tab, screenshot, serving
from tests.web.people import sign_in_in_browser, sign_up_in_browser

XU = "zhi-qin-john-xu"
DOCS_SHOT = REPO / "docs" / "claimed-profile.png"


@pytest.fixture(scope="module")
def people_app(tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox) -> Iterator[WebApp]:
    """The demo on a graph of its own (accounts are written), mailing through `mailbox`; ORCID
    is a closed local port, so an iD is checked and reported as "could not verify"."""
    with serving(
        _embedded(tmp_path_factory, "web-people"),
        load_demo,
        graphsvc_smtp_url=mailbox.url,
        graphsvc_orcid_api_url=f"http://127.0.0.1:{free_port()}/v3.0",
    ) as app:
        yield app


def test_sign_up_follow_claim_approve_and_sign_out(
    browser: Any, people_app: WebApp, mailbox: Mailbox
) -> None:
    with open_tab(browser, people_app) as tab:
        sign_up_in_browser(tab, mailbox, "xu@example.org", "Zhi-Qin John Xu")
        sign_in_in_browser(tab, "xu@example.org")
        assert tab.inner_text("#account-verified") == "yes"

        tab.goto(f"/researchers/{XU}")
        assert tab.inner_text("#followers-count") == "0 followers"
        assert "Unclaimed author" in tab.inner_text("#claim-state")
        before = requests.get(f"{people_app.url}/v1/researchers/{XU}/trust", timeout=10).json()
        tab.click("#follow-button")
        tab.wait_for_selector("#followers-count >> text=1 follower")
        assert tab.inner_text("#follow-button") == "Unfollow"

        tab.click("#claim-link")
        tab.check("input[name=works] >> nth=0")
        tab.fill("#orcid", "https://orcid.org/0000-0002-1825-0097")
        tab.fill("#note", "<b>my</b> papers")
        tab.click("#claim-submit")
        tab.wait_for_selector("#claim-state >> text=Claim pending review")

    with open_tab(browser, people_app) as admin:
        sign_up_in_browser(admin, mailbox, "admin@example.org", "Reviewer")
        assert account_store.set_admin(people_app.backend, "admin@example.org", True)
        sign_in_in_browser(admin, "admin@example.org", "/admin/claims")
        claim = admin.locator("li.claim").first
        assert "Zhi-Qin John Xu" in claim.inner_text()
        assert claim.locator(".orcid-check").inner_text() == "could_not_verify"
        assert claim.locator(".note").inner_text() == "<b>my</b> papers"  # escaped, shown as text
        claim.locator("button.review-approve").click()
        admin.wait_for_selector("#no-claims")

    with open_tab(browser, people_app) as tab:
        sign_in_in_browser(tab, "xu@example.org", f"/researchers/{XU}")
        state = tab.inner_text("#claim-state")
        assert "Claimed by its author" in state and "Zhi-Qin John Xu" in state
        assert tab.inner_text("#verification-level") == "Verification L2"
        after = requests.get(f"{people_app.url}/v1/researchers/{XU}/trust", timeout=10).json()
        points = {c["name"]: c["points"] for c in after["components"]}
        assert points["claim"] == 10 and points["verification"] == 10 and points["followers"] > 0
        assert after["score"] > before["score"]
        assert tab.inner_text("#trust-score") == str(after["score"])
        assert tab.inner_text("#trust-tier") == after["tier"]
        shot = screenshot(tab, "claimed-profile", full_page=False)
        _keep_for_docs(shot)
        cookies = {c["name"]: c["value"] for c in tab.context.cookies()}
        me = f"{people_app.url}/v1/me"
        assert requests.get(me, cookies=cookies, timeout=10).json()["display_name"] == (
            "Zhi-Qin John Xu"
        )
        tab.click("#nav-signout")
        tab.wait_for_selector("#nav-signin")
        assert requests.get(me, cookies=cookies, timeout=10).status_code == 401  # session ended


def _keep_for_docs(shot: Path) -> None:
    """Refresh the README's screenshot when asked (GRAPHSVC_UPDATE_DOCS=1)."""
    if os.environ.get("GRAPHSVC_UPDATE_DOCS") == "1":
        shutil.copyfile(shot, DOCS_SHOT)
