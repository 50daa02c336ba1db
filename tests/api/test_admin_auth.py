"""Access control of the write endpoints, CORS, and the admin settings.

Write endpoints need a bearer token from settings (several allowed for rotation), compared in
constant time: none sent 401, a wrong one 403, both problem+json; with no token configured they do
not exist (404). Read endpoints stay public.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.api.app import create_app
from graphsvc.api.auth import token_matches
from graphsvc.db import GraphBackend
from graphsvc.settings import SettingsError, load_settings
from tests.helpers import graph_state

TOKEN = "admin-token-0123456789abcdef"
OLD_TOKEN = "previous-token-fedcba9876543210"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PROBLEM = "application/problem+json"
WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/v1/ingest", {"json": {"kind": "arxiv", "query": "cat:cs.LG"}}),
    ("GET", "/v1/ingest/0123", {}),
    ("DELETE", "/v1/ingest/0123", {}),
    ("POST", "/v1/researchers/ann-lee/merge", {"json": {"other": "bo-chen"}}),
    ("POST", "/v1/researchers/ann-lee/split", {"json": {"other": "bo-chen"}}),
]


def admin_client(backend: GraphBackend, data_dir: Path, **overrides: Any) -> TestClient:
    """A client of the app on `backend` with admin tokens configured (uploads under data_dir)."""
    overrides.setdefault("graphsvc_admin_tokens", [TOKEN, OLD_TOKEN])
    settings = load_settings(graphsvc_data_dir=data_dir, **overrides)
    return TestClient(create_app(settings, backend=backend), raise_server_exceptions=False)


def test_without_a_configured_token_write_endpoints_do_not_exist(
    backend: GraphBackend, tmp_path: Path
) -> None:
    before = graph_state(backend)
    with admin_client(backend, tmp_path, graphsvc_admin_tokens=[]) as client:
        for method, url, kw in WRITES:
            for headers in ({}, AUTH):
                r = client.request(method, url, headers=headers, **kw)
                assert r.status_code == 404, (method, url)
                assert r.headers["content-type"] == PROBLEM
        paths = client.get("/openapi.json").json()["paths"]
        assert not [p for p in paths if p.startswith("/v1/ingest") or p.endswith("/merge")]
    assert graph_state(backend) == before


def test_missing_token_401_wrong_token_403(backend: GraphBackend, tmp_path: Path) -> None:
    before = graph_state(backend)
    with admin_client(backend, tmp_path) as client:
        for method, url, kw in WRITES:
            for headers in ({}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer"}):
                r = client.request(method, url, headers=headers, **kw)
                assert r.status_code == 401, (method, url, headers)
                assert r.headers["content-type"] == PROBLEM
                assert r.headers["www-authenticate"] == "Bearer"
                assert r.json()["status"] == 401
            for wrong in (TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "é" * 20, f"{TOKEN},{OLD_TOKEN}"):
                header = f"Bearer {wrong}".encode()
                r = client.request(method, url, headers={b"Authorization": header}, **kw)
                assert r.status_code == 403, (method, url, wrong)
                assert r.headers["content-type"] == PROBLEM
    assert graph_state(backend) == before


def test_every_configured_token_is_accepted(backend: GraphBackend, tmp_path: Path) -> None:
    with admin_client(backend, tmp_path) as client:
        for token in (TOKEN, OLD_TOKEN):
            r = client.get("/v1/ingest/unknown-job", headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 404
            assert "no ingest job" in r.json()["detail"]
            r = client.post(
                "/v1/researchers/nobody/merge",
                json={"other": "no-one"},
                headers={"authorization": f"bearer {token}"},
            )
            assert r.status_code == 404 and "no researcher" in r.json()["detail"]


def test_read_endpoints_stay_public(backend: GraphBackend, tmp_path: Path) -> None:
    with admin_client(backend, tmp_path) as client:
        assert client.get("/v1/researchers", params={"q": "xu"}).json()["items"] == []
        missing = client.get("/v1/researchers/nobody")
        assert (
            missing.status_code == 404
            and missing.json()["detail"] == "no researcher with id 'nobody'"
        )
        assert client.get("/v1/topics").json() == []
        assert client.get("/healthz").json() == {"status": "ok", "backend": backend.dialect}


def test_the_openapi_schema_documents_the_bearer_scheme(
    backend: GraphBackend, tmp_path: Path
) -> None:
    with admin_client(backend, tmp_path) as client:
        spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    for path in ("/v1/ingest", "/v1/researchers/{researcher_id}/merge"):
        operation = spec["paths"][path]["post"]
        assert operation["security"] == [{"HTTPBearer": []}]
        assert {"401", "403", "413", "422"} <= set(operation["responses"])


def test_token_comparison() -> None:
    assert token_matches("a" * 20, ["b" * 20, "a" * 20])
    assert not token_matches("a" * 19, ["a" * 20])
    assert not token_matches("", ["a" * 20])
    assert not token_matches("ü" * 20, ["u" * 20])


def test_tokens_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPHSVC_ADMIN_TOKEN", f" {TOKEN} ,{OLD_TOKEN},")
    tokens = load_settings().graphsvc_admin_tokens
    assert [t.get_secret_value() for t in tokens] == [TOKEN, OLD_TOKEN]
    assert TOKEN not in repr(load_settings())
    monkeypatch.setenv("GRAPHSVC_ADMIN_TOKEN", "short")
    with pytest.raises(SettingsError, match="GRAPHSVC_ADMIN_TOKEN") as err:
        load_settings()
    assert "short" not in str(err.value)
    monkeypatch.setenv("GRAPHSVC_ADMIN_TOKEN", "")
    assert load_settings().graphsvc_admin_tokens == ()


def test_no_cors_by_default(backend: GraphBackend, tmp_path: Path) -> None:
    with admin_client(backend, tmp_path) as client:
        r = client.get("/v1/topics", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers
        r = client.options(
            "/v1/topics",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
        )
        assert "access-control-allow-origin" not in r.headers


def test_cors_origins_from_settings(
    backend: GraphBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRAPHSVC_CORS_ORIGINS", "https://app.example, https://other.example")
    with admin_client(backend, tmp_path) as client:
        r = client.get("/v1/topics", headers={"Origin": "https://app.example"})
        assert r.headers["access-control-allow-origin"] == "https://app.example"
        r = client.options(
            "/v1/ingest",
            headers={
                "Origin": "https://other.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization",
            },
        )
        assert r.status_code == 200
        assert r.headers["access-control-allow-origin"] == "https://other.example"
        r = client.get("/v1/topics", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in r.headers
