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

from graphsvc.api.app import accounts_service, create_app
from graphsvc.db import GraphBackend
from graphsvc.settings import load_settings
from graphsvc.store import accounts as account_store
from tests.helpers import graph_state

MAX_EXAMPLES = 25  # per operation and backend; CI time (the suite runs near 25 minutes)
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
FULL_SCHEMA = schemathesis.openapi.from_dict(create_app(load_settings()).openapi(), config=CONFIG)
# Reads of one's own account and the review queue answer 2xx only to a signed-in account: they
# are fuzzed apart, with an admin account's personal access token, on a graph of their own.
PRIVATE = r"^/v1/(me|admin)(/|$)"
SCHEMA = FULL_SCHEMA.include(method="GET").exclude(path_regex=PRIVATE)
PRIVATE_SCHEMA = FULL_SCHEMA.include(method="GET", path_regex=PRIVATE)
# The account, follow and claim writes: fuzzed for no 5xx and documented answers only (they
# write, so on a graph of their own; most generated bodies are refused, which is the point).
PEOPLE = (
    r"^/v1/(auth|me|admin)(/|$)|^/v1/researchers/\{researcher_id\}/(follow|claims|invitations)$"
)
WRITES_SCHEMA = FULL_SCHEMA.include(path_regex=PEOPLE).exclude(method="GET")
# A private feed answers 2xx only to its secret token, which no generated value can be.
NO_2XX_WITHOUT_A_SECRET = {"/v1/feeds/{token}"}
# Answered 2xx only to the owner of a claimed record, or to a party of an existing invitation:
# the fuzzing account owns nothing and has no invitations (their own tests check the 200s:
# tests/accounts/test_invitations.py, tests/api/test_suggestions.py).
NO_2XX_WITHOUT_A_SECRET |= {
    "/v1/me/collaboration",
    "/v1/me/invitations/{invitation_id}",
    "/v1/me/suggestions",
}

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

        self.path = ""

    def record(self, case: Any, status: int) -> None:
        self.path = case.operation.path
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
    check_answers(seen)


def check_answers(seen: Seen) -> None:
    statuses = sorted(seen.statuses.items())
    if seen.path not in NO_2XX_WITHOUT_A_SECRET:
        assert any(200 <= s < 300 for s in seen.statuses), f"no 2xx answer: {statuses}"
    if seen.has_parameters:
        assert any(400 <= s < 500 for s in seen.statuses), f"no 4xx answer: {statuses}"


@SCHEMA.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzz(case: Any, fuzz_app: tuple[FastAPI, Seen]) -> None:
    app, seen = fuzz_app
    response = case.call_and_validate(app=app)
    seen.record(case, response.status_code)


def signed_in_app(backend: GraphBackend) -> tuple[FastAPI, dict[str, str]]:
    """The app on `backend` with one admin account, and its personal access token's header."""
    app = create_app(load_settings(), backend=backend)
    accounts = accounts_service(load_settings(), backend)
    accounts.sign_up("fuzz@example.org", "Fuzz", "a long enough password", "127.0.0.1")
    account = account_store.by_email(backend, "fuzz@example.org")
    assert account is not None and account_store.set_admin(backend, "fuzz@example.org", True)
    token, _ = accounts.create_token(account["id"], "fuzz")
    accounts.account_for_token(token)  # its first use is recorded now, not during the run
    return app, {"Authorization": f"Bearer {token}"}


@pytest.fixture
def signed_in_fuzz_app(
    backend: GraphBackend,
) -> Iterator[tuple[FastAPI, dict[str, str], Seen]]:
    """`signed_in_app` on a graph of its own; afterwards the graph must be unchanged."""
    app, headers = signed_in_app(backend)
    before = graph_state(backend)
    seen = Seen()
    yield app, headers, seen
    assert graph_state(backend) == before, "the fuzz run changed the graph"
    check_answers(seen)


@PRIVATE_SCHEMA.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzz_signed_in(
    case: Any, signed_in_fuzz_app: tuple[FastAPI, dict[str, str], Seen]
) -> None:
    app, headers, seen = signed_in_fuzz_app
    response = case.call_and_validate(app=app, headers=headers)
    seen.record(case, response.status_code)


def test_works_page_far_past_the_end(demo_client: Any) -> None:
    """Found by the fuzz run: Ladybug crashed the process on an offset far past the last work."""
    response = demo_client.get("/v1/researchers/zhi-qin-john-xu/works?offset=100000&limit=1")
    assert response.status_code == 200
    body = response.json()
    assert body["items"] == [] and body["total"] > 0 and body["offset"] == 100_000


@pytest.fixture
def write_fuzz_app(backend: GraphBackend) -> tuple[FastAPI, dict[str, str]]:
    """`signed_in_app` on a graph of its own, which the run may change."""
    return signed_in_app(backend)


@WRITES_SCHEMA.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), max_examples=15)
def test_fuzz_account_writes(case: Any, write_fuzz_app: tuple[FastAPI, dict[str, str]]) -> None:
    app, headers = write_fuzz_app
    case.call_and_validate(app=app, headers=headers)
