"""Cancelling ingest jobs (DELETE /v1/ingest/{job}), and a harvest that cannot reach arXiv.

A queued job never runs; a running one stops at its next item, and the graph is then exactly
what the writer gives, in a fresh graph, for the items the job reports written. arXiv is the real
`arxiv` client over a transport that replays recorded answers (and can hold a request, to stop
a job midway) or over a closed local port (connection refused). Both backends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient

from graphsvc import jobs as jobs_module
from graphsvc.db import GraphBackend
from graphsvc.jobs import Sleep, default_harvester
from loaders.arxiv_api import Backoff, Harvester
from loaders.writer import GraphWriter
from tests.api.test_admin_auth import AUTH, admin_client
from tests.api.test_ingest_jobs import PROBLEM, SNAPSHOT, upload, uploads_left, wait
from tests.helpers import graph_state
from tests.loaders.test_arxiv_api import PAGES, FakeTime, FixtureAdapter, fixture_name, rig
from tests.neo4j_server import free_port

HARVEST = {"kind": "arxiv", "query": "testing", "max_results": 60}
SOURCE = "arxiv:testing:60"


@dataclass
class GatedAdapter(FixtureAdapter):
    """Recorded answers; the request for page `gate` waits until `opened` is set."""

    gate: str = ""
    reached: threading.Event = field(default_factory=threading.Event)
    opened: threading.Event = field(default_factory=threading.Event)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if fixture_name(request.url or "") == self.gate:
            self.reached.set()
            assert self.opened.wait(120), "the test never opened the gate"
        return super().send(request, **kwargs)


def replaying(adapter: FixtureAdapter, sleep: Sleep) -> Harvester:
    """The job's harvester: pages of 10, no pacing, the job's own (cancellable) waits."""
    harvester = Harvester(page_size=10, delay_seconds=0, sleep=sleep, backoff=Backoff(jitter=0))
    harvester.session.mount("https://", adapter)
    return harvester


@pytest.fixture
def client(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    with admin_client(backend, tmp_path / "data") as c:
        yield c


def test_a_queued_job_is_cancelled_and_never_runs(
    backend: GraphBackend, client: TestClient, tmp_path: Path
) -> None:
    jobs = client.app.state.jobs  # type: ignore[attr-defined]
    with jobs.write_lock:  # as if a long job held the graph: both wait
        first = upload(client, SNAPSHOT, "snapshot").headers["location"]
        second = upload(client, SNAPSHOT, "snapshot").headers["location"]
        r = client.delete(first, headers=AUTH)
        assert r.status_code == 200, r.text
        cancelled = r.json()
        assert cancelled["status"] == "cancelled" and cancelled["started"] is None
        assert cancelled["finished"] is not None and cancelled["error"] is None
        assert cancelled["summary"]["ingested"] == 0 and cancelled["summary"]["skipped"] == {}
        assert len(uploads_left(tmp_path)) == 1  # the cancelled job's file is gone at once
        again = client.delete(first, headers=AUTH)
        assert (again.status_code, again.json()) == (200, cancelled)
    done = wait(client, second)
    assert done["status"] == "done" and done["summary"]["ingested"] > 0
    assert client.get(first, headers=AUTH).json() == cancelled  # it never started
    r = client.delete(second, headers=AUTH)
    assert r.status_code == 409 and r.headers["content-type"] == PROBLEM
    assert r.json()["detail"].endswith("has already ended: done")
    r = client.delete("/v1/ingest/0123456789abcdef", headers=AUTH)
    assert r.status_code == 404 and "no ingest job" in r.json()["detail"]
    assert uploads_left(tmp_path) == []


def test_a_running_job_stops_at_its_next_item_and_keeps_what_it_read(
    backend: GraphBackend, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs_module, "BATCH_SIZE", 15)
    adapter = GatedAdapter(gate=PAGES[2])  # items 1-20 delivered, then the third page waits
    jobs = client.app.state.jobs  # type: ignore[attr-defined]
    jobs.harvester_factory = lambda sleep: replaying(adapter, sleep)
    location = client.post("/v1/ingest", json=HARVEST, headers=AUTH).headers["location"]
    assert adapter.reached.wait(120)
    r = client.delete(location, headers=AUTH)
    assert r.status_code == 202 and r.json()["status"] == "cancelling", r.text
    adapter.opened.set()
    job = wait(client, location)
    assert job["status"] == "cancelled" and job["error"] is None
    # Items 1-15 were one batch; 16-20, read before the cancellation was seen, are the last.
    assert (job["summary"]["ingested"], job["summary"]["position"]) == (20, 19)
    assert job["progress"]["ingested"] == 20
    assert client.delete(location, headers=AUTH).json() == job
    by_job = graph_state(backend)
    assert GraphWriter(backend).position(SOURCE) == 19
    backend.write(lambda tx: tx.run("admin_delete_all"))
    expected = GraphWriter(backend, batch_size=15).ingest(
        rig(page_size=10).harvester.search("testing", max_results=20), source=SOURCE
    )
    assert expected.as_dict() == job["summary"]
    assert graph_state(backend) == by_job


def test_a_harvest_waiting_out_a_retry_after_is_cancelled_at_once(
    backend: GraphBackend, client: TestClient
) -> None:
    before = graph_state(backend)
    busy = (503, {"Retry-After": "86400"})  # a day
    adapter = GatedAdapter(script={PAGES[0]: [busy]}, gate=PAGES[0])
    adapter.opened.set()
    client.app.state.jobs.harvester_factory = lambda sleep: replaying(adapter, sleep)  # type: ignore[attr-defined]
    location = client.post("/v1/ingest", json=HARVEST, headers=AUTH).headers["location"]
    assert adapter.reached.wait(120)
    assert client.delete(location, headers=AUTH).status_code in (200, 202)
    job = wait(client, location)  # ends now, not in a day
    assert job["status"] == "cancelled" and job["summary"]["ingested"] == 0
    assert adapter.names == [PAGES[0]]
    assert graph_state(backend) == before


def test_a_harvest_that_cannot_reach_arxiv_fails_fast_and_the_queue_moves_on(
    backend: GraphBackend, client: TestClient
) -> None:
    waits = FakeTime()

    def unreachable(_sleep: Sleep) -> Harvester:
        harvester = default_harvester(waits.sleep, waits.clock)  # the production policy
        harvester.client.query_url_format = f"http://127.0.0.1:{free_port()}/api/query?{{}}"
        return harvester

    jobs = client.app.state.jobs  # type: ignore[attr-defined]
    jobs.harvester_factory = unreachable
    with jobs.write_lock:
        harvest = client.post("/v1/ingest", json=HARVEST, headers=AUTH).headers["location"]
        snapshot = upload(client, SNAPSHOT, "snapshot").headers["location"]
    failed = wait(client, harvest)
    assert failed["status"] == "failed"
    assert failed["error"].startswith("ingest stopped: arXiv unreachable: ConnectionError: ")
    assert "after 3 attempt(s); resume from offset 0" in failed["error"]
    assert len(waits.sleeps) == 2 and sum(waits.sleeps) <= 15 * 1.25  # 5 s, 10 s, jitter
    assert wait(client, snapshot)["status"] == "done"


def test_the_openapi_schema_documents_cancel(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/v1/ingest/{job_id}"]["delete"]
    assert operation["security"] == [{"HTTPBearer": []}]
    assert {"200", "202", "401", "403", "404", "409"} <= set(operation["responses"])
    status = spec["components"]["schemas"]["IngestJob"]["properties"]["status"]
    assert {"cancelling", "cancelled"} <= set(status["enum"])
