"""Hostile strings in every text parameter and id of every endpoint, read and write, both backends.

Every query takes user input only as parameters, so quotes, backticks, Cypher fragments, Unicode
tricks and 100 KB strings must leave the graph unchanged and answer 404, 422, an empty or
ordinary result, never 500. The operations are read from the app's own OpenAPI schema (plus the
explorer's pages), so a new endpoint is covered without changing this test.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.store import accounts as account_store
from loaders.writer import GraphWriter
from tests.api.test_admin_auth import AUTH, admin_client
from tests.api.test_ingest_jobs import offline_harvester
from tests.api.test_merge import LEES
from tests.helpers import graph_state

HOSTILE = [
    "'",
    '"',
    "`",
    "\\",
    "}) DETACH DELETE n //",
    "'}) DETACH DELETE n //",
    '"}) DETACH DELETE n //',
    "`}) DETACH DELETE n //",
    "ann-lee'}) MATCH (n) DETACH DELETE n //",
    "x' OR 1=1 OR 'x'='x",
    "ann-lee` OR true //",
    "$id",
    "{id: 'ann-lee'}",
    "%",
    "%00",
    "\x00",
    "a\x00b",
    "\n\r\t",
    " ",
    "..",
    "../../etc/passwd",
    "/",
    "?#&=;",
    "\u202eeel-nna",  # right-to-left override
    "ann\u200b-lee",  # zero-width space
    "ａｎｎ-ｌｅｅ",  # fullwidth
    "Ann\u0301 Le\u0301e",  # combining accents
    "\ufeffann-lee",  # byte order mark
    "İı ß ﬁ",  # case-folding changes lengths
    "🧪" * 3,
    "\U0010ffff",
    "x" * 100_000,
    "é'`\"" * 25_000,  # 100 KB of quotes and accents
]
# Valid values for the parameters not under attack.
VALID = {
    "researcher_id": "ann-lee",
    "q": "lee",
    "from": "ann-lee",
    "to": "bo-chen",
    "topic_id": "cs.LG",
    "arxiv_id": "2101.00001",
    "job_id": "0123456789abcdef",
}
WEB_PAGES = ["/researchers/{}", "/topics/{}", "/works/{}", "/search?q={}"]
ALLOWED = {200, 202, 301, 307, 404, 405, 409, 413, 422}  # 307: trailing-slash redirect
# HTTP servers refuse URLs of 100 KB before any app sees them (httpx cannot even send them):
# in URLs the long strings are cut to this many characters, still far over every length limit.
URL_CHARS = 5_000


def in_url(value: str) -> str:
    return value[:URL_CHARS]


@pytest.fixture
def client(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    GraphWriter(backend).ingest(LEES)
    with admin_client(backend, tmp_path) as c:
        c.app.state.jobs.harvester_factory = offline_harvester  # type: ignore[attr-defined]
        yield c


def frozen(backend: GraphBackend) -> tuple[Any, Any]:
    return graph_state(backend), backend.read("graph_version")


def check(response: Any, what: Any) -> None:
    assert response.status_code in ALLOWED, (what, response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert response.headers["content-type"] in (
            "application/problem+json",
            "text/html; charset=utf-8",
        ), what


def post_json(client: TestClient, url: str, body: Any) -> Any:
    """JSON with non-ASCII escaped, so lone surrogates ("\\ud800") can be sent too."""
    headers = {**AUTH, "content-type": "application/json"}
    return client.post(url, content=json.dumps(body), headers=headers, follow_redirects=False)


def operations(client: TestClient) -> list[tuple[str, str, list[dict[str, Any]]]]:
    spec = client.get("/openapi.json").json()
    return [
        (method.upper(), path, op.get("parameters", []))
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
    ]


def url_for(path: str, params: list[dict[str, Any]], attacked: str | None, value: str) -> Any:
    query: dict[str, str] = {}
    for p in params:
        name = p["name"]
        given = in_url(value) if name == attacked else VALID.get(name)
        if given is None:
            continue
        if p["in"] == "path":
            path = path.replace("{" + name + "}", quote(given, safe=""))
        else:
            query[name] = given
    return path, query


def test_every_get_parameter(backend: GraphBackend, client: TestClient) -> None:
    # /v1/me reads answer only a signed-in account: they get its personal access token
    accounts = client.app.state.accounts  # type: ignore[attr-defined]
    accounts.sign_up("hostile@example.org", "Hostile", "a long enough password", "127.0.0.1")
    account = account_store.by_email(backend, "hostile@example.org")
    assert account is not None
    token, _ = accounts.create_token(account["id"], "hostile")
    accounts.account_for_token(token)  # its first use is recorded before the graph is frozen
    mine = {"Authorization": f"Bearer {token}"}
    before = frozen(backend)
    for method, path, params in operations(client):
        if method != "GET":
            continue
        for p in params:
            for value in HOSTILE:
                url, query = url_for(path, params, p["name"], value)
                headers = mine if path.startswith("/v1/me") else AUTH
                r = client.get(url, params=query, headers=headers, follow_redirects=False)
                check(r, (path, p["name"], value[:40]))
    assert frozen(backend) == before


def test_explorer_pages(backend: GraphBackend, client: TestClient) -> None:
    before = frozen(backend)
    for page in WEB_PAGES:
        for value in HOSTILE:
            r = client.get(page.format(quote(in_url(value), safe="")), follow_redirects=False)
            check(r, (page, value[:40]))
    assert frozen(backend) == before


def test_merge_and_split(backend: GraphBackend, client: TestClient) -> None:
    before = frozen(backend)
    for action in ("merge", "split"):
        for value in [*HOSTILE, "\ud800"]:
            if value != "\ud800":
                url = f"/v1/researchers/{quote(in_url(value), safe='')}/{action}"
                r = post_json(client, url, {"other": "a-lee"})
                check(r, (action, "path", value[:40]))
                assert r.status_code in (404, 405, 422), (action, value[:40], r.text[:200])
            r = post_json(client, f"/v1/researchers/ann-lee/{action}", {"other": value})
            check(r, (action, "other", value[:40]))
            assert r.status_code in (404, 422), (action, value[:40], r.text[:200])
    assert frozen(backend) == before


def wait(client: TestClient, location: str) -> dict[str, Any]:
    for _ in range(1200):
        job: dict[str, Any] = client.get(location, headers=AUTH).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError("job did not finish")


def test_ingest(backend: GraphBackend, client: TestClient) -> None:
    before = frozen(backend)
    for value in [*HOSTILE, "\ud800"]:
        if value != "\ud800":
            r = client.delete(f"/v1/ingest/{quote(in_url(value), safe='')}", headers=AUTH)
            check(r, ("cancel", value[:40]))
            assert r.status_code in (404, 405, 422), (value[:40], r.text[:200])
        body = {"kind": "arxiv", "query": value, "max_results": 5}
        r = post_json(client, "/v1/ingest", body)
        check(r, ("arxiv query", value[:40]))
        if r.status_code == 202:
            assert wait(client, r.headers["location"])["status"] == "failed"
        r = post_json(client, "/v1/ingest", {**body, "query": "x", "kind": value})
        assert r.status_code == 422, value[:40]
        files = {"file": ("feed.xml", b"<feed/>")}
        kind = value.encode("utf-8", "surrogatepass")  # a lone surrogate as invalid UTF-8
        r = client.post("/v1/ingest", data={"kind": kind}, files=files, headers=AUTH)
        assert r.status_code == 422, value[:40]
        if "\x00" in value or "\n" in value or len(value) > 1000 or value == "\ud800":
            continue  # not a usable multipart file name
        files = {"file": (value, value.encode() + b"\n")}
        r = client.post("/v1/ingest", data={"kind": "snapshot"}, files=files, headers=AUTH)
        check(r, ("file name", value[:40]))
        assert r.status_code == 202
        job = wait(client, r.headers["location"])
        assert job["status"] == "done" and job["summary"]["ingested"] == 0
    assert frozen(backend) == before
