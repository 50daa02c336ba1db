"""Gzip bombs uploaded to POST /v1/ingest end within seconds, with a counted skip or a clear
error, on both backends.

The bombs are made here, a MiB at a time into the compressor: 256 MiB of zeros (one line with no
break) or of line breaks, about 260 KB of gzip each. A job that a cap stops midway leaves exactly
the graph the writer gives, in a fresh graph, for what the job reports written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graphsvc import jobs as jobs_module
from graphsvc.db import GraphBackend
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
from tests.api.test_admin_auth import admin_client
from tests.api.test_ingest_jobs import SNAPSHOT, upload, uploads_left, wait
from tests.helpers import graph_state, gzip_bomb

BOMB_MIB = 256
BOMB_BYTES = BOMB_MIB << 20


@pytest.fixture
def client(backend: GraphBackend, tmp_path: Path) -> Iterator[TestClient]:
    with admin_client(backend, tmp_path / "data") as c:
        yield c


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    return {
        name: gzip_bomb(folder / f"{name}.jsonl.gz", pattern, BOMB_MIB)
        for name, pattern in (("zeros", b"\x00"), ("newlines", b"\n"))
    }


@pytest.mark.parametrize(
    ("bomb", "reason", "example"),
    [
        ("zeros", "line-too-long", f":1: {BOMB_BYTES:,} bytes, over GRAPHSVC_MAX_LINE_BYTES"),
        ("newlines", "blank-lines", f":{BOMB_BYTES}: {BOMB_BYTES:,} blank lines in a row"),
    ],
    ids=["zeros", "newlines"],
)
def test_a_bomb_is_one_counted_skip(
    backend: GraphBackend,
    client: TestClient,
    tmp_path: Path,
    bombs: dict[str, Path],
    bomb: str,
    reason: str,
    example: str,
) -> None:
    assert bombs[bomb].stat().st_size < 300_000
    before = graph_state(backend)
    r = upload(client, bombs[bomb], "snapshot")
    assert r.status_code == 202, r.text
    job = wait(client, r.headers["location"])
    assert job["status"] == "done" and job["error"] is None
    summary = job["summary"]
    assert (summary["ingested"], summary["skipped"]) == (0, {reason: 1})
    assert summary["position"] == (1 if bomb == "zeros" else BOMB_BYTES)
    [where] = summary["examples"][reason]
    assert example in where
    assert graph_state(backend) == before
    assert uploads_left(tmp_path) == []


def test_past_the_decompressed_cap_the_job_stops_and_keeps_what_it_wrote(
    backend: GraphBackend, tmp_path: Path
) -> None:
    packed = gzip_bomb(tmp_path / "s.jsonl.gz", b"\x00", 64, head=SNAPSHOT.read_bytes())
    with admin_client(backend, tmp_path / "data", graphsvc_max_decompressed_bytes=32 << 20) as c:
        job = wait(c, upload(c, packed, "snapshot").headers["location"])
    assert job["status"] == "failed"
    assert job["error"] == (
        "ingest stopped: decompressed size exceeds GRAPHSVC_MAX_DECOMPRESSED_BYTES "
        "(33,554,432 bytes)"
    )
    by_job = graph_state(backend)
    backend.write(lambda tx: tx.run("admin_delete_all"))
    expected = GraphWriter(backend, batch_size=jobs_module.BATCH_SIZE).ingest(
        read_snapshot(SNAPSHOT)
    )
    assert job["summary"] == expected.as_dict() and expected.ingested > 0
    assert graph_state(backend) == by_job
    assert uploads_left(tmp_path) == []


def test_a_bomb_of_short_bad_lines_stops_at_the_skip_cap(
    backend: GraphBackend, tmp_path: Path
) -> None:
    before = graph_state(backend)
    bomb = gzip_bomb(tmp_path / "x.jsonl.gz", b"x\n", 16)  # 8 Mi lines that are not JSON
    with admin_client(backend, tmp_path / "data", graphsvc_max_skipped_items=1000) as c:
        job = wait(c, upload(c, bomb, "snapshot").headers["location"])
    assert job["status"] == "failed"
    assert job["error"] == "ingest stopped: skipped items exceed GRAPHSVC_MAX_SKIPPED_ITEMS (1,000)"
    skipped = job["summary"]["skipped"]["bad-json"]
    assert 1000 < skipped <= 1000 + jobs_module.BATCH_SIZE
    assert graph_state(backend) == before
