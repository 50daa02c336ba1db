"""Browser steps shared by the people tests: sign up (confirming by mail), sign in, claim."""

from __future__ import annotations

import re
from typing import Any

from tests.mailbox import Mailbox

PASSWORD = "a long and unguessable passphrase"


def sign_up_in_browser(tab: Any, mailbox: Mailbox, email: str, name: str) -> None:
    tab.goto("/signup")
    tab.fill("#email", email)
    tab.fill("#display_name", name)
    tab.fill("#password", PASSWORD)
    tab.click("button[type=submit] >> text=Sign up")
    assert "Check your mail" in tab.inner_text("main")
    link = re.search(r"http://\S+/verify\?token=\S+", mailbox.last(email, "confirm").body)
    assert link, "no confirmation link in the mail"
    tab.goto(link.group(0))
    assert "Email confirmed" in tab.inner_text("main")


def sign_in_in_browser(tab: Any, email: str, next_path: str = "/account") -> None:
    tab.goto(f"/signin?next={next_path}")
    tab.fill("#email", email)
    tab.fill("#password", PASSWORD)
    tab.click("main button[type=submit]")
    tab.wait_for_url(f"**{next_path}")


def claim_in_browser(tab: Any, researcher_id: str) -> None:
    """Claim a record from its page, naming its first work; the claim is then pending."""
    tab.goto(f"/researchers/{researcher_id}")
    tab.click("#claim-link")
    tab.check("input[name=works] >> nth=0")
    tab.click("#claim-submit")
    tab.wait_for_selector("#claim-state >> text=Claim pending review")
