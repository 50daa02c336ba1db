"""Test fixtures: a real Neo4j server for the session and a fresh graph per test on each backend.

Every test that takes `backend` runs twice: on Neo4j (over Bolt, to the server started here from
Maven Central jars) and on the embedded Ladybug engine. A Neo4j that cannot start fails the run.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.api.app import create_app
from graphsvc.db import GraphBackend
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.db.neo4j_backend import Neo4jBackend
from graphsvc.settings import load_settings
from loaders.bulk_tables import Rows
from loaders.source import SourceItem
from loaders.writer import DEFAULT_TEAM_MIN_AUTHORS
from tests.helpers import TEST_QUERIES
from tests.mailbox import Mailbox
from tests.neo4j_server import Neo4jServer, connect

# argon2id at a test cost (8 MiB, 1 pass): accounts hash and verify hundreds of passwords here;
# the production default (64 MiB, 3 passes) is checked in tests/accounts/test_passwords.py.
os.environ.setdefault("GRAPHSVC_PASSWORD_MEMORY_KIB", "8192")
os.environ.setdefault("GRAPHSVC_PASSWORD_TIME_COST", "1")

REPO = Path(__file__).resolve().parent.parent
NEO4J_PASSWORD = "graphsvc-test"
BACKENDS = ["neo4j", "ladybug"]


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """The session's Neo4j. Set GRAPHSVC_TEST_NEO4J_URI to use a server you started yourself."""
    if os.environ.get("GRAPHSVC_TEST_NEO4J_URI"):
        server = Neo4jServer(tmp_path_factory.mktemp("neo4j-unused"), NEO4J_PASSWORD)
        server.uri = os.environ["GRAPHSVC_TEST_NEO4J_URI"]
        yield server
        return
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j") / "db", NEO4J_PASSWORD)
    server.start()
    yield server
    server.stop()


def connect_neo4j(server: Neo4jServer, timeout_s: float = 60.0) -> Neo4jBackend:
    """A connection of its own to the session's Neo4j, with the tests' queries."""
    return connect(server, timeout_s=timeout_s)


@pytest.fixture(scope="session")
def neo4j_backend(neo4j_server: Neo4jServer) -> Iterator[Neo4jBackend]:
    backend = connect_neo4j(neo4j_server)
    backend.ping()
    backend.apply_schema()
    yield backend
    backend.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphBackend]:
    """An empty graph with the schema applied, on each backend in turn."""
    if request.param == "neo4j":
        neo4j: Neo4jBackend = request.getfixturevalue("neo4j_backend")
        neo4j.write(lambda tx: tx.run("admin_delete_all"))
        yield neo4j
        return
    embedded = LadybugBackend(tmp_path / "graph.lbdb", timeout_s=60.0, extra_queries=TEST_QUERIES)
    embedded.apply_schema()
    yield embedded
    embedded.close()


class _Neo4jContent:
    """What the shared Neo4j database holds now, so read-only fixtures reload only when needed."""

    key: str | None = None


def forget_neo4j_content() -> None:
    """The shared Neo4j database was written outside `prepared`: its next use reloads."""
    _Neo4jContent.key = None


@pytest.fixture(autouse=True)
def _mark_neo4j_dirty(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "backend" in request.fixturenames:
        _Neo4jContent.key = None


@pytest.fixture(scope="session")
def _ladybug_graphs(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, LadybugBackend]]:
    graphs: dict[str, LadybugBackend] = {}
    yield graphs
    for graph in graphs.values():
        graph.close()


def prepared(
    request: pytest.FixtureRequest,
    key: str,
    load: Callable[[GraphBackend], None],
    dialect: str | None = None,
) -> GraphBackend:
    """A graph holding `key`'s data on the requested backend; tests must not write to it."""
    if (dialect or request.param) == "neo4j":
        neo4j: Neo4jBackend = request.getfixturevalue("neo4j_backend")
        if _Neo4jContent.key != key:
            neo4j.write(lambda tx: tx.run("admin_delete_all"))
            load(neo4j)
            _Neo4jContent.key = key
        return neo4j
    graphs: dict[str, LadybugBackend] = request.getfixturevalue("_ladybug_graphs")
    if key not in graphs:
        factory: pytest.TempPathFactory = request.getfixturevalue("tmp_path_factory")
        graph = LadybugBackend(
            factory.mktemp("ladybug") / "graph.lbdb", timeout_s=60.0, extra_queries=TEST_QUERIES
        )
        graph.apply_schema()
        load(graph)
        graphs[key] = graph
    return graphs[key]


def load_demo(backend: GraphBackend) -> None:
    from graphsvc.cli import ingest_demo

    ingest_demo(backend)


CORPUS_BATCH = 1_000


def load_corpus(backend: GraphBackend, n_works: int = 3_000, seed: int = 7) -> None:
    """The generated corpus: incrementally on the embedded engine; on Neo4j, where the tests'
    one database is reloaded many times, through the online bulk load of a plan made once per
    process. Both make the same graph (tests/graph/test_bulk.py), so every test comparing the
    backends over the corpus also compares the bulk path with incremental ingest."""
    from loaders.writer import GraphWriter

    if isinstance(backend, Neo4jBackend):
        from loaders import bulk_load

        bulk_load.write_online(backend, _corpus_tables(n_works, seed))
        return
    GraphWriter(backend, batch_size=CORPUS_BATCH).ingest(_corpus_items(n_works, seed))


def _corpus_items(n_works: int, seed: int) -> Iterator[SourceItem]:
    from bench.corpus import generate
    from loaders.snapshot import build_record

    for i, paper in enumerate(generate(n_works, seed), start=1):
        record, skip = build_record(paper, f"corpus:{i}")
        yield SourceItem(i, record=record, skip=skip)


@functools.cache
def _corpus_tables(n_works: int, seed: int) -> Mapping[str, Rows]:
    from loaders import bulk_load

    tables, _ = bulk_load.plan(
        _corpus_items(n_works, seed),
        source=None,
        batch_size=CORPUS_BATCH,
        team_min_authors=DEFAULT_TEAM_MIN_AUTHORS,
        name_rarity=True,
        max_skipped=None,
    )
    return tables


def load_teams(backend: GraphBackend) -> None:
    from loaders.writer import GraphWriter
    from tests.corpora import team_corpus

    GraphWriter(backend, batch_size=40).ingest(team_corpus())


@pytest.fixture(params=BACKENDS)
def teams_backend(request: pytest.FixtureRequest) -> GraphBackend:
    """Papers of collaborations (rosters of 100-180, named or not) and personal papers."""
    return prepared(request, "teams", load_teams)


@pytest.fixture
def teams_client(teams_backend: GraphBackend) -> Iterator[TestClient]:
    with api_client(teams_backend) as client:
        yield client


@pytest.fixture(params=BACKENDS)
def demo_backend(request: pytest.FixtureRequest) -> GraphBackend:
    """The bundled real demo data (snapshot lines, recorded feeds, seed researcher)."""
    return prepared(request, "demo", load_demo)


@pytest.fixture(params=BACKENDS)
def corpus_backend(request: pytest.FixtureRequest) -> GraphBackend:
    """A generated corpus of 3,000 works with a realistic shape (fixed seed)."""
    return prepared(request, "corpus-3000", load_corpus)


def api_client(backend: GraphBackend) -> TestClient:
    """An HTTP client for the app serving `backend` (the app leaves the backend open)."""
    return TestClient(create_app(load_settings(), backend=backend), raise_server_exceptions=False)


@pytest.fixture
def demo_client(demo_backend: GraphBackend) -> Iterator[TestClient]:
    with api_client(demo_backend) as client:
        yield client


@pytest.fixture
def corpus_client(corpus_backend: GraphBackend) -> Iterator[TestClient]:
    with api_client(corpus_backend) as client:
        yield client


LOADERS: dict[str, Callable[[GraphBackend], None]] = {
    "demo": load_demo,
    "corpus-3000": load_corpus,
    "teams": load_teams,
}


def on_both(request: pytest.FixtureRequest, key: str) -> list[GraphBackend]:
    """The shared read-only graph `key` ("demo" or "corpus-3000") on Neo4j and on Ladybug."""
    return [prepared(request, key, LOADERS[key], dialect=d) for d in BACKENDS]


def same_on_both(request: pytest.FixtureRequest, key: str, urls: list[str]) -> None:
    """Every URL answers the same status and JSON on Neo4j and on Ladybug."""
    answers = []
    for graph in on_both(request, key):
        with api_client(graph) as client:
            answers.append([(u, *_status_and_body(client.get(u))) for u in urls])
    for neo4j, ladybug in zip(*answers, strict=True):
        assert neo4j == ladybug
    assert any(status == 200 for _, status, _ in answers[0])


def _status_and_body(response: Any) -> tuple[int, Any]:
    is_json = response.headers.get("content-type", "").endswith("json")
    return response.status_code, response.json() if is_json else response.text


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    """A real SMTP server on loopback for the session; the app sends its mail there."""
    box = Mailbox()
    box.start()
    yield box
    box.stop()


def accounts_client(
    backend: GraphBackend, mailbox: Mailbox, base_url: str = "http://testserver", **overrides: Any
) -> TestClient:
    """A client of the app on `backend` that mails through `mailbox`."""
    settings = load_settings(graphsvc_smtp_url=mailbox.url, **overrides)
    return TestClient(
        create_app(settings, backend=backend), raise_server_exceptions=False, base_url=base_url
    )
