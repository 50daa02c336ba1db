"""Following researchers: follow and unfollow, my list, and the feed of their works (as data
and as an Atom document for feed readers, at a private URL whose token the account can renew
or revoke)."""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from typing import Any

from graphsvc.db import GraphBackend
from graphsvc.services import account_tokens, merge
from graphsvc.store import accounts as account_store
from graphsvc.store import follows as store

FEED_PREFIX = "gsf_"
FEED_TTL_S = 10 * 365 * 86_400  # a feed URL lives until revoked
ATOM = "http://www.w3.org/2005/Atom"
ATOM_ITEMS = 50
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

Data = dict[str, Any]


def live_id(backend: GraphBackend, researcher_id: str) -> str | None:
    """The researcher's current id (a merged id leads to the kept record), or None."""
    if store.state(backend, researcher_id, "") is not None:
        return researcher_id
    into = merge.merged_into(backend, researcher_id)
    if into and store.state(backend, into, "") is not None:
        return into
    return None


def follow(backend: GraphBackend, account_id: str, researcher_id: str, on: bool) -> Data | None:
    """Follow (or stop following) a researcher; their follower state, or None if unknown."""
    target = live_id(backend, researcher_id)
    if target is None:
        return None
    if on:
        store.follow(backend, account_id, target, int(time.time()))
    else:
        store.unfollow(backend, account_id, target)
    return follower_state(backend, target, account_id)


def follower_state(backend: GraphBackend, researcher_id: str, account_id: str | None) -> Data:
    """How many accounts follow the researcher, and whether `account_id` does."""
    found = store.state(backend, researcher_id, account_id or "")
    count, mine = found if found else (0, False)
    return {"researcher": researcher_id, "followers": count, "following": mine}


def following(backend: GraphBackend, account_id: str) -> Data:
    rows = store.following(backend, account_id)
    return {"items": [{**r, "works_count": r["works_count"] or 0} for r in rows]}


def feed(backend: GraphBackend, account_id: str, offset: int, limit: int) -> Data:
    """The works of the researchers the account follows, newest first."""
    rows = store.feed(backend, account_id, offset, limit)
    items = [
        {
            "arxiv_id": r["arxiv_id"],
            "title": r["title"],
            "published": r["published"],
            "year": r["year"],
            "researchers": [
                {"id": i, "name": n} for i, n in sorted(zip(r["ids"], r["names"], strict=False))
            ],
        }
        for r in rows
    ]
    return {"offset": offset, "limit": limit, "items": items}


def new_feed_url(backend: GraphBackend, account_id: str, public_url: str) -> str:
    """A new private feed URL for the account; the previous one stops working."""
    value = account_tokens.new_secret(FEED_PREFIX)
    now = int(time.time())
    account_store.create_secret(
        backend,
        account_tokens.digest(value),
        account_tokens.new_public_id(),
        account_id,
        account_store.FEED_TOKEN,
        "feed",
        now,
        now + FEED_TTL_S,
        replace=True,
    )
    return f"{public_url}/v1/feeds/{value}"


def revoke_feed_url(backend: GraphBackend, account_id: str) -> None:
    backend.write(
        lambda tx: tx.run(
            "account_delete_secrets", account_id=account_id, kinds=[account_store.FEED_TOKEN]
        )
    )


def atom_feed(backend: GraphBackend, token: str, public_url: str) -> bytes | None:
    """The Atom document behind a private feed URL, or None when the token is not live."""
    if not token.startswith(FEED_PREFIX) or len(token) > 200:
        return None
    found = account_store.secret(backend, account_tokens.digest(token))
    if found is None or found["kind"] != account_store.FEED_TOKEN:
        return None
    data = feed(backend, found["account_id"], 0, ATOM_ITEMS)
    return render_atom(data["items"], f"{public_url}/v1/feeds/{token}", public_url)


def render_atom(items: list[Data], self_url: str, public_url: str) -> bytes:
    """An Atom 1.0 document (RFC 4287) of feed items; the XML library escapes every value."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _text(root, "title", "graphsvc: new works of the researchers you follow")
    _text(root, "id", self_url)
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=self_url)
    newest = max((_date(i) for i in items), default=dt.date(1970, 1, 1))
    _text(root, "updated", _stamp(newest))
    for item in items:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        link = f"{public_url}/works/{item['arxiv_id']}"
        _text(entry, "title", item["title"] or item["arxiv_id"])
        _text(entry, "id", f"https://arxiv.org/abs/{item['arxiv_id']}")
        ET.SubElement(entry, f"{{{ATOM}}}link", href=link)
        _text(entry, "updated", _stamp(_date(item)))
        for person in item["researchers"]:
            author = ET.SubElement(entry, f"{{{ATOM}}}author")
            _text(author, "name", person["name"])
            _text(author, "uri", f"{public_url}/researchers/{person['id']}")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = _NOT_XML.sub("", value)


def _date(item: Data) -> dt.date:
    published = item.get("published")
    if isinstance(published, dt.date):
        return published
    return dt.date(item["year"], 1, 1) if item.get("year") else dt.date(1970, 1, 1)


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
