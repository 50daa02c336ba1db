"""The embedded engine's read timeout, kept by the statement watchdog: a slow read is stopped
with a clear error, a read that ended in time is never stopped afterwards, and the connection
serves the next read."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import ladybug
import pytest

from graphsvc.db.base import GraphError, Reader
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.db.watchdog import TICK_S, StatementWatchdog
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
from tests.helpers import DEMO, TEST_QUERIES

SNAPSHOT = DEMO / "arxiv-metadata-sample-200.jsonl"


def counts(db: Reader) -> dict[str, int]:
    return {row["kind"]: row["n"] for row in db.read("graph_counts")}


@pytest.fixture
def embedded(tmp_path: Path) -> LadybugBackend:
    graph = LadybugBackend(tmp_path / "g.lbdb", timeout_s=0.3, extra_queries=TEST_QUERIES)
    graph.apply_schema()
    GraphWriter(graph).ingest(read_snapshot(SNAPSHOT))
    return graph


def test_a_slow_read_is_stopped_at_the_read_timeout(embedded: LadybugBackend) -> None:
    try:
        before = counts(embedded)
        started = time.monotonic()
        with pytest.raises(GraphError, match=r"Interrupted.*the read timeout, 0.3 s, has passed"):
            embedded.read("test_slow_read")  # seconds unbounded
        took = time.monotonic() - started
        assert 0.3 <= took < 0.3 + TICK_S + 0.5  # the interrupt's own latency: a batch of rows
        for _ in range(8):  # every pooled connection still serves
            assert counts(embedded) == before
    finally:
        embedded.close()


def test_a_slow_read_in_a_read_transaction_is_stopped(embedded: LadybugBackend) -> None:
    try:
        before = counts(embedded)
        with pytest.raises(GraphError, match="the read timeout"):
            embedded.read_together(lambda db: db.read("test_slow_read"))
        assert embedded.read_together(counts) == before
    finally:
        embedded.close()


def test_reads_that_end_in_time_are_never_stopped_later(embedded: LadybugBackend) -> None:
    """Many short reads on all pooled connections from several threads, across several
    deadlines: none is interrupted (an interrupt meant for an earlier statement would stop
    a later one)."""
    errors: list[Exception] = []
    before = counts(embedded)

    def reader() -> None:
        deadline = time.monotonic() + 1.2  # four read timeouts
        while time.monotonic() < deadline:
            try:
                assert counts(embedded) == before
                time.sleep(0.01)
            except Exception as err:  # collected, asserted below
                errors.append(err)

    try:
        threads = [threading.Thread(target=reader) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
    finally:
        embedded.close()


def test_an_interrupt_during_compilation_is_repeated(embedded: LadybugBackend) -> None:
    """The engine clears an interrupt that comes while a statement is still being compiled,
    so the watchdog repeats it until the statement returns. Here compiling takes about half
    a second (a literal list of 20,000 numbers) and running it seconds more."""
    literal = ",".join(map(str, range(20_000)))
    statement = (  # the cross product of test_slow_read, after the long literal
        f"WITH [{literal}] AS xs MATCH (a:Work), (b:Work), (r:Researcher) "
        "WHERE a.title + r.name < b.title + r.name RETURN count(*) + size(xs) AS n"
    )
    watchdog = StatementWatchdog(0.001)
    conn = ladybug.Connection(embedded._db)  # a second connection to the backend's database
    conn.set_max_threads_for_exec(1)
    try:
        with pytest.raises(RuntimeError, match="Interrupted"), watchdog.watching(conn) as watch:
            conn.execute(statement)
        assert watch.interrupted
    finally:
        watchdog.close()
        conn.close()
        embedded.close()


def test_jobs_run_under_the_write_timeout_not_the_read_timeout(tmp_path: Path) -> None:
    graph = LadybugBackend(
        tmp_path / "g.lbdb", timeout_s=0.001, write_timeout_s=600, extra_queries=TEST_QUERIES
    )
    try:
        graph.apply_schema()
        GraphWriter(graph).ingest(read_snapshot(SNAPSHOT))
        assert graph.read_long("test_slow_read")[0]["n"] > 0  # a job's read: seconds, allowed
        with pytest.raises(GraphError, match="the read timeout"):
            graph.read("test_slow_read")
    finally:
        graph.close()


def test_close_stops_the_watchdog(embedded: LadybugBackend) -> None:
    counts(embedded)
    assert embedded.watchdog.alive()
    embedded.close()
    assert not embedded.watchdog.alive()
