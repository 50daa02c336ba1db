"""Liveness and readiness: both name the backend; liveness never touches the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from anyio import to_thread
from fastapi.testclient import TestClient

from graphsvc.api.app import create_app
from graphsvc.db import GraphBackend
from graphsvc.settings import load_settings
from tests.conftest import api_client


class Untouchable:
    """A backend that records and refuses every use except reading its dialect."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.used: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.used.append(name)
        raise AssertionError(f"/healthz touched the database: backend.{name}")


@pytest.mark.parametrize("dialect", ["ladybug", "neo4j"])
def test_healthz_names_the_backend_without_touching_it(
    dialect: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRAPHSVC_DATA_DIR", str(tmp_path))
    backend = Untouchable(dialect)
    app = create_app(load_settings(), backend=backend)  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/healthz")
        assert response.status_code == 200, response.text
        assert response.json() == {"status": "ok", "backend": dialect}
    assert backend.used == []


def test_healthz_and_readyz_name_the_same_backend(backend: GraphBackend) -> None:
    with api_client(backend) as client:
        health, ready = client.get("/healthz"), client.get("/readyz")
        assert health.status_code == 200 and ready.status_code == 200
        assert health.json() == {"status": "ok", "backend": backend.dialect}
        assert ready.json() == {"status": "ready", "backend": backend.dialect}


@pytest.mark.parametrize("threads", ["3", "16"])
def test_request_handlers_get_the_configured_number_of_threads(
    threads: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GRAPHSVC_REQUEST_THREADS sizes the pool that runs the (synchronous) request handlers."""
    monkeypatch.setenv("GRAPHSVC_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("GRAPHSVC_REQUEST_THREADS", threads)
    app = create_app(load_settings(), backend=Untouchable("ladybug"))  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/healthz").status_code == 200
        limiter = client.portal.call(to_thread.current_default_thread_limiter)  # type: ignore[union-attr]
        assert limiter.total_tokens == int(threads)
