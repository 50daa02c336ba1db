"""A snapshot ingest killed with SIGKILL at random points, then re-run, ends with the clean graph.

The ingest runs as the real CLI in a child process; the parent kills it at random moments
(5 kills), runs it again to completion, and compares every node and relationship with a clean
in-process run over the same file.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import write_corpus
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.db.neo4j_backend import Neo4jBackend
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
from tests.conftest import BACKENDS, NEO4J_PASSWORD
from tests.helpers import TEST_QUERIES, graph_state

KILLS = 5
INGEST = [sys.executable, "-m", "graphsvc", "ingest", "snapshot"]
WORKS = 1_200
BATCH = "30"  # 40 batches: room for kills mid-ingest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl.gz", WORKS, seed=11)


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """Environment for the child CLI and a way to open the same graph here afterwards."""
    env = {**os.environ, "GRAPHSVC_DATA_DIR": str(tmp_path / "data")}
    if request.param == "neo4j":
        neo4j: Neo4jBackend = request.getfixturevalue("neo4j_backend")
        neo4j.write(lambda tx: tx.run("admin_delete_all"))
        env.update(GRAPHSVC_BACKEND="neo4j", NEO4J_URI=neo4j.uri, NEO4J_PASSWORD=NEO4J_PASSWORD)
        yield {"env": env, "open": lambda: neo4j, "close": lambda b: None}
        neo4j.write(lambda tx: tx.run("admin_delete_all"))
        return
    env["GRAPHSVC_BACKEND"] = "ladybug"
    path = tmp_path / "data" / "graph.lbdb"
    yield {
        "env": env,
        "open": lambda: LadybugBackend(path, extra_queries=TEST_QUERIES),
        "close": lambda b: b.close(),
    }


def run_cli(corpus: Path, env: dict[str, str], kill_after: float | None) -> int:
    cmd = [*INGEST, str(corpus), "--quiet", "--batch-size", BATCH]
    return run(cmd, env, kill_after)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    run(cmd, env, kill_after=None)
    return time.monotonic() - started


def run(cmd: list[str], env: dict[str, str], kill_after: float | None) -> int:
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if kill_after is None:
        _, err = child.communicate(timeout=600)
        assert child.returncode == 0, err.decode()
        return 0
    time.sleep(kill_after)
    child.send_signal(signal.SIGKILL)
    child.wait()
    return child.returncode


def test_sigkill_at_random_points_then_resume(
    target: dict[str, Any], corpus: Path, tmp_path: Path, _mark_dirty: None
) -> None:
    # Kill points are drawn within this machine's own timing: start-up, then the writing time
    # still ahead. The first estimate is a full run into a throwaway graph of the same backend;
    # after each kill the pace of that run replaces it (a warmed-up server writes faster than
    # the measuring run did, which once let the third kill land after the last batch).
    startup = timed([sys.executable, "-m", "graphsvc", "schema", "apply"], target["env"])
    scratch = {**target["env"], "GRAPHSVC_DATA_DIR": str(tmp_path / "scratch")}
    if target["env"]["GRAPHSVC_BACKEND"] == "neo4j":
        scratch = target["env"]
    writing = max(
        timed([*INGEST, str(corpus), "--quiet", "--batch-size", BATCH], scratch) - startup, 1
    )
    if scratch is target["env"]:
        _clear(target)
    rng = random.Random(2024)
    positions: list[int | None] = []
    per_work = writing / WORKS
    for _ in range(KILLS):
        done = (positions[-1] or 0) if positions else 0
        wait = rng.uniform(0.05, 0.4) * per_work * (WORKS - done)
        code = run_cli(corpus, target["env"], kill_after=startup + wait)
        backend = target["open"]()
        positions.append(GraphWriter(backend).position(_source(corpus)))
        target["close"](backend)
        if code == 0:
            break
        if (positions[-1] or 0) > done:
            per_work = min(per_work, wait / ((positions[-1] or 0) - done))
    run_cli(corpus, target["env"], kill_after=None)
    resumed_backend = target["open"]()
    resumed = graph_state(resumed_backend)
    target["close"](resumed_backend)

    clean_backend = LadybugBackend(tmp_path / "clean.lbdb", extra_queries=TEST_QUERIES)
    clean_backend.apply_schema()
    GraphWriter(clean_backend, batch_size=int(BATCH)).ingest(read_snapshot(corpus))
    clean = graph_state(clean_backend)
    clean_backend.close()

    assert resumed["counts"]["Work"] == WORKS
    assert resumed == clean
    killed_midway = [p for p in positions if p is not None and 0 < p < WORKS]
    assert len(killed_midway) >= 3, f"too few kills landed mid-ingest: positions {positions}"


def _clear(target: dict[str, Any]) -> None:
    backend = target["open"]()
    backend.write(lambda tx: tx.run("admin_delete_all"))
    target["close"](backend)


def _source(corpus: Path) -> str:
    return f"snapshot:{corpus.name}:{corpus.stat().st_size}"


@pytest.fixture
def _mark_dirty() -> None:
    from tests.conftest import _Neo4jContent

    _Neo4jContent.key = None
