"""Ingest jobs over HTTP: uploads and arXiv queries, run in the serving process, on both backends.

Independent expectation: a job leaves exactly the graph that the writer gives for the same file
in a fresh graph. The live arXiv API is never reached: the harvester points at a closed local port.
"""

from __future__ import annotations

import gzip
import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc import jobs as jobs_module
from graphsvc.db import GraphBackend
from graphsvc.jobs import FINISHED, Sleep
from loaders.arxiv_api import Backoff, Harvester
from loaders.atom import read_atom_files
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
from tests.api.test_admin_auth import AUTH, admin_client
from tests.helpers import DEMO, FIXTURES, graph_state
from tests.neo4j_server import free_port

ATOM = FIXTURES / "arxiv-api" / "id_1605.08386_s0_m100.xml"
SNAPSHOT = DEMO / "arxiv-metadata-sample-200.jsonl"
PROBLEM = "application/problem+json"


def offline_harvester(sleep: Sleep = time.sleep) -> Harvester:
    """A harvester whose arXiv is a closed local port: connection refused, no retries."""
    harvester = Harvester(
        delay_seconds=0, backoff=Backoff(base=0, max_retries=0), timeout=2, sleep=sleep
    )
    harvester.client.query_url_format = f"http://127.0.0.1:{free_port()}/api/query?{{}}"
    return harvester


@pytest.fixture
def client(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    with admin_client(backend, tmp_path / "data") as c:
        c.app.state.jobs.harvester_factory = offline_harvester  # type: ignore[attr-defined]
        yield c


def upload(client: TestClient, path: Path, kind: str, name: str | None = None) -> Any:
    with path.open("rb") as fh:
        return client.post(
            "/v1/ingest",
            data={"kind": kind},
            files={"file": (name or path.name, fh, "application/octet-stream")},
            headers=AUTH,
        )


def wait(client: TestClient, location: str, timeout_s: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(location, headers=AUTH).json()
        if job["status"] in FINISHED:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {location} did not finish")


def uploads_left(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "data" / "uploads").glob("*"))


@pytest.mark.parametrize(
    ("kind", "path", "read"),
    [("atom", ATOM, lambda p: read_atom_files([p])), ("snapshot", SNAPSHOT, read_snapshot)],
)
def test_an_upload_job_writes_what_the_writer_writes(
    backend: GraphBackend, client: TestClient, tmp_path: Path, kind: str, path: Path, read: Any
) -> None:
    r = upload(client, path, kind)
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["status"] in ("queued", "running", "done") and job["kind"] == kind
    assert r.headers["location"] == f"/v1/ingest/{job['id']}"
    done = wait(client, r.headers["location"])
    assert done["status"] == "done", done
    assert done["error"] is None
    by_job = graph_state(backend)
    backend.write(lambda tx: tx.run("admin_delete_all"))
    expected = GraphWriter(backend).ingest(read(path))
    assert done["summary"] == expected.as_dict()
    assert done["progress"]["ingested"] == expected.ingested > 0
    assert graph_state(backend) == by_job
    assert uploads_left(tmp_path) == []


def test_gzip_snapshots_and_unreadable_files(
    backend: GraphBackend, client: TestClient, tmp_path: Path
) -> None:
    packed = tmp_path / "snap.jsonl.gz"
    packed.write_bytes(gzip.compress(SNAPSHOT.read_bytes()[:20_000]))
    done = wait(client, upload(client, packed, "snapshot").headers["location"])
    assert done["status"] == "done" and done["summary"]["ingested"] > 0
    before = graph_state(backend)
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\xff{not json}\n'}) DETACH DELETE n //\n")
    done = wait(client, upload(client, junk, "snapshot").headers["location"])
    assert done["status"] == "done" and done["summary"]["skipped"] == {"bad-json": 2}
    done = wait(client, upload(client, junk, "atom").headers["location"])
    assert done["status"] == "done" and done["summary"]["skipped"] == {"malformed-feed": 1}
    assert graph_state(backend) == before
    assert uploads_left(tmp_path) == []


def test_an_arxiv_job_fails_clearly_when_arxiv_is_unreachable(
    backend: GraphBackend, client: TestClient
) -> None:
    before = graph_state(backend)
    body = {"kind": "arxiv", "query": 'au:"Xu, Zhi-Qin"', "max_results": 10}
    r = client.post("/v1/ingest", json=body, headers=AUTH)
    assert r.status_code == 202, r.text
    assert r.json()["source"] == 'arxiv:au:"Xu, Zhi-Qin":10'
    done = wait(client, r.headers["location"])
    assert done["status"] == "failed"
    assert done["error"].startswith("ingest stopped: arXiv unreachable: ConnectionError")
    assert "resume from offset 0" in done["error"]
    assert done["summary"]["ingested"] == 0
    assert graph_state(backend) == before


def test_invalid_requests(backend: GraphBackend, client: TestClient, tmp_path: Path) -> None:
    before = graph_state(backend)
    post = client.post
    cases: list[tuple[dict[str, Any], int]] = [
        ({"data": {"kind": "snapshot"}}, 422),  # no file
        ({"files": {"file": ("a", b"x")}}, 422),  # no kind
        ({"data": {"kind": "arxiv"}, "files": {"file": ("a", b"x")}}, 422),
        ({"data": {"kind": "'}) DETACH DELETE n //"}, "files": {"file": ("a", b"x")}}, 422),
        ({"json": {"kind": "arxiv"}}, 422),
        ({"json": {"kind": "arxiv", "query": ""}}, 422),
        ({"json": {"kind": "arxiv", "query": "x" * 1001}}, 422),
        ({"json": {"kind": "arxiv", "query": "x", "max_results": 0}}, 422),
        ({"json": {"kind": "arxiv", "query": "x", "max_results": 10**9}}, 422),
        ({"json": {"kind": "arxiv", "query": "x", "extra": 1}}, 422),
        ({"json": {"kind": "snapshot", "query": "x"}}, 422),
        ({"json": ["x"]}, 422),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
        ({"content": b"kind=atom", "headers": {"content-type": "text/plain"}}, 415),
        ({"content": b"--x\r\n", "headers": {"content-type": "multipart/form-data"}}, 400),
    ]
    for kwargs, status in cases:
        headers = {**AUTH, **kwargs.pop("headers", {})}
        r = post("/v1/ingest", headers=headers, **kwargs)
        assert r.status_code == status, (kwargs, r.text)
        assert r.headers["content-type"] == PROBLEM
    for job_id in ("nope", "x" * 100, "'}) DETACH DELETE n //"):
        assert client.get(f"/v1/ingest/{job_id}", headers=AUTH).status_code == 404
    assert client.get(f"/v1/ingest/{'x' * 101}", headers=AUTH).status_code == 422
    assert graph_state(backend) == before
    assert uploads_left(tmp_path) == []


def test_size_limits_answer_413(backend: GraphBackend, tmp_path: Path) -> None:
    before = graph_state(backend)
    limits = {"graphsvc_max_upload_bytes": 4096, "graphsvc_max_body_bytes": 1024}
    with admin_client(backend, tmp_path / "data", **limits) as client:
        big = tmp_path / "big.jsonl"
        big.write_bytes(b"{}\n" * 2000)
        r = upload(client, big, "snapshot")
        assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
        body = {"kind": "arxiv", "query": "x" * 900, "max_results": 1, "pad": "y" * 2000}
        r = client.post("/v1/ingest", json=body, headers=AUTH)
        assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
        r = client.post("/v1/researchers/a/merge", json={"other": "b" * 5000}, headers=AUTH)
        assert r.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
            yield b'{"other": "'
            for _ in range(10):
                yield b"z" * 500
            yield b'"}'

        r = client.post("/v1/researchers/a/merge", content=chunks(), headers=AUTH)
        assert r.status_code == 413 and r.headers["content-type"] == PROBLEM
        small = tmp_path / "small.jsonl"
        small.write_bytes(b"{}\n")
        assert upload(client, small, "snapshot").status_code == 202
    assert graph_state(backend) == before
    assert uploads_left(tmp_path) == []


def test_jobs_queue_one_at_a_time_and_the_queue_is_bounded(
    backend: GraphBackend, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = client.app.state.jobs  # type: ignore[attr-defined]
    body = {"kind": "arxiv", "query": "cat:cs.LG", "max_results": 1}
    with jobs.write_lock:  # as if a merge (or a long job) held the graph
        locations = []
        for _ in range(jobs_module.MAX_PENDING):
            r = client.post("/v1/ingest", json=body, headers=AUTH)
            assert r.status_code == 202
            locations.append(r.headers["location"])
        r = client.post("/v1/ingest", json=body, headers=AUTH)
        assert r.status_code == 409 and r.headers["content-type"] == PROBLEM
        assert {client.get(u, headers=AUTH).json()["status"] for u in locations} == {"queued"}
    finished = [wait(client, u) for u in locations]
    assert {j["status"] for j in finished} == {"failed"}
    spans = sorted((j["started"], j["finished"]) for j in finished)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start, "jobs never overlap"


def test_shutdown_fails_waiting_jobs(backend: GraphBackend, tmp_path: Path) -> None:
    with admin_client(backend, tmp_path / "data") as client:
        jobs = client.app.state.jobs  # type: ignore[attr-defined]
        jobs.harvester_factory = offline_harvester
        jobs.write_lock.acquire()
        r = client.post("/v1/ingest", json={"kind": "arxiv", "query": "x"}, headers=AUTH)
        job_id = r.json()["id"]
        jobs._stop.set()
        jobs.write_lock.release()
    assert jobs.get(job_id)["status"] == "failed"
    assert "shut down" in jobs.get(job_id)["error"]
