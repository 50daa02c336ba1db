"""Schemathesis fuzzing of every GET operation of the app's own OpenAPI schema, on both backends.

The app runs in-process (ASGI) on the shared demo graph. No response may be a 5xx, and every one
must conform to its documented status codes, content types, headers and body schema. The run is
bounded (a fixed number of examples, a fixed seed, deterministic generation) to stay within a few
minutes in CI. Each operation must answer at least one 2xx (the OpenAPI `examples` of the path and
query parameters lead there) and, if it takes parameters, at least one 4xx; the graph must be
unchanged afterwards.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from graphsvc.api.app import create_app
from graphsvc.db import GraphBackend
from graphsvc.settings import load_settings
from tests.helpers import graph_state

MAX_EXAMPLES = 40
SEED = 20_251_101
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
)
CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
        "phases": {"stateful": {"enabled": False}},
    }
)
# The schema is read from an app that is never started, so loading it needs no database. Only
# GET operations: write endpoints are off (404) without an admin token, and must not write to the
# shared graph anyway. The backend comes from the `demo_backend` fixture at call time (`app=`):
# schemathesis' lazy `from_fixture` schemas fail on pytest 9.2 (`Function._nodeid` is gone).
SCHEMA = schemathesis.openapi.from_dict(create_app(load_settings()).openapi(), config=CONFIG)
SCHEMA = SCHEMA.include(method="GET")

# One app per backend for the whole session: schemathesis keeps an ASGI app's lifespan running
# once it has started it, and an app built around a given backend leaves that backend open.
_APPS: dict[int, FastAPI] = {}


def app_for(backend: GraphBackend) -> FastAPI:
    if id(backend) not in _APPS:
        _APPS[id(backend)] = create_app(load_settings(), backend=backend)
    return _APPS[id(backend)]


class Seen:
    """The status codes one operation answered during the fuzz run."""

    def __init__(self) -> None:
        self.statuses: Counter[int] = Counter()
        self.has_parameters = False

    def record(self, case: Any, status: int) -> None:
        # The coverage phase also sends other methods (405); those do not count.
        if case.method.upper() == case.operation.method.upper():
            self.statuses[status] += 1
        self.has_parameters = bool(list(case.operation.iter_parameters()))


@pytest.fixture
def fuzz_app(demo_backend: GraphBackend) -> Iterator[tuple[FastAPI, Seen]]:
    """The app on the demo graph and a record of answers; afterwards, checks both."""
    before = graph_state(demo_backend)
    seen = Seen()
    yield app_for(demo_backend), seen
    assert graph_state(demo_backend) == before, "the fuzz run changed the graph"
    statuses = sorted(seen.statuses.items())
    assert any(200 <= s < 300 for s in seen.statuses), f"no 2xx answer: {statuses}"
    if seen.has_parameters:
        assert any(400 <= s < 500 for s in seen.statuses), f"no 4xx answer: {statuses}"


@SCHEMA.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzz(case: Any, fuzz_app: tuple[FastAPI, Seen]) -> None:
    app, seen = fuzz_app
    response = case.call_and_validate(app=app)
    seen.record(case, response.status_code)


def test_works_page_far_past_the_end(demo_client: Any) -> None:
    """Found by the fuzz run: Ladybug crashed the process on an offset far past the last work."""
    response = demo_client.get("/v1/researchers/zhi-qin-john-xu/works?offset=100000&limit=1")
    assert response.status_code == 200
    body = response.json()
    assert body["items"] == [] and body["total"] > 0 and body["offset"] == 100_000
