"""The embedded engine's files after a writer was killed in the middle of a commit.

Embedded only: the write-ahead log here is the embedded engine's own file, which this process
opens (Neo4j's transaction log is recovered by the server; its kills are in
tests/graph/test_crash_resume.py). Seen in CI once: a SIGKILL left the log ending in an
incomplete record, and Ladybug refused to open the database at all.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.db.ladybug_open import wal_path
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
from tests.helpers import DEMO, TEST_QUERIES, graph_state

SNAPSHOT = DEMO / "arxiv-metadata-sample-200.jsonl"
BATCH = 20
# A child that ingests the demo snapshot in batches of BATCH and is killed before it closes
# the database (so before any checkpoint folds the log into the database file).
KILLED_WRITER = f"""
import os, signal, sys
from pathlib import Path
from graphsvc.db.ladybug_backend import LadybugBackend
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
backend = LadybugBackend(Path(sys.argv[1]))
backend.apply_schema()
GraphWriter(backend, batch_size={BATCH}).ingest(read_snapshot(Path(sys.argv[2])), source="s")
os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_writer(path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(path), str(SNAPSHOT)], capture_output=True
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()
    assert wal_path(path).stat().st_size > 0, "the kill came after a checkpoint"


@pytest.fixture(scope="module")
def clean_graph(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo snapshot ingested in one uninterrupted run, in batches of BATCH."""
    clean = LadybugBackend(
        tmp_path_factory.mktemp("clean") / "graph.lbdb", extra_queries=TEST_QUERIES
    )
    clean.apply_schema()
    try:
        GraphWriter(clean, batch_size=BATCH).ingest(read_snapshot(SNAPSHOT), source="s")
        return graph_state(clean)
    finally:
        clean.close()


@pytest.mark.parametrize("torn_bytes", [1, 100, 4000])
def test_a_log_ending_mid_record_opens_with_its_complete_transactions(
    tmp_path: Path, torn_bytes: int, caplog: pytest.LogCaptureFixture, clean_graph: dict[str, Any]
) -> None:
    """The log cut inside its last record (as a kill mid-write leaves it): the database opens
    with a prefix of the batches, the log as it was is kept beside it, the warning says so,
    and the ingest run again ends with the graph of a clean run."""
    path = tmp_path / "killed" / "graph.lbdb"
    _killed_writer(path)
    log = wal_path(path)
    torn = log.read_bytes()[:-torn_bytes]
    log.write_bytes(torn)

    with caplog.at_level(logging.WARNING, logger="graphsvc.db.ladybug_open"):
        backend = LadybugBackend(path, extra_queries=TEST_QUERIES)
    try:
        [kept] = path.parent.glob("graph.lbdb.wal.incomplete-*")
        assert kept.read_bytes() == torn
        assert f"kept at {kept}" in caplog.text and "incomplete record" in caplog.text
        works = graph_state(backend)["counts"]["Work"]
        assert works < 200 and works % BATCH == 0, works  # whole batches only
        GraphWriter(backend, batch_size=BATCH).ingest(read_snapshot(SNAPSHOT), source="s")
        assert graph_state(backend) == clean_graph
    finally:
        backend.close()


def test_a_complete_log_is_replayed_without_a_copy(tmp_path: Path) -> None:
    """After a kill between commits nothing is kept aside: every batch is in the graph."""
    path = tmp_path / "killed" / "graph.lbdb"
    _killed_writer(path)
    backend = LadybugBackend(path, extra_queries=TEST_QUERIES)
    try:
        assert graph_state(backend)["counts"]["Work"] == 200
    finally:
        backend.close()
    assert not list(path.parent.glob("*.incomplete-*"))
