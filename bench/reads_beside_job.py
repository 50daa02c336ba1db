"""Reads beside an ingest job on the embedded engine, in one process, as `graphsvc serve` runs
them: what holds the reads back while the job writes.

    python -m bench.reads_beside_job --graph bench/out/lb100k --lines 6000

Copies the embedded graph folder (`--graph`, e.g. the 100,000-work bulk load of
bench/README.md), opens it as the server does (4 GiB of pages), then a reader thread times
three reads in turn, one every 20 ms (the graph slice and the suggestions of the median
researcher, the collaborators of the most prolific, as the API computes them; the suggestions
in one read-only transaction), while this thread ingests the first `--lines` lines of the
new-papers file in batches of 500, as an ingest job does. Prints the reads' p50, p90, p99 and
maximum during the ingest, the slow reads (over 250 ms) with what the job was doing when each
ended (a stored query, a COMMIT, which may run the engine's checkpoint, or its Python), and the
cyclic collector's full collections (count, longest, total), which hold every thread.

A diagnosis, not a target: `bench.api --with-ingest` measures the server itself.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import shutil
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

from bench.graphs import OUT, machine
from bench.timing import pct
from graphsvc.db.ladybug_backend import LadybugBackend
from graphsvc.services.graph import ego_network
from graphsvc.services.researchers import collaborators
from graphsvc.services.suggestions import suggestions
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter

SLOW_MS = 250.0


class Collections:
    """The durations (ms) of the cyclic collector's full collections while installed."""

    def __init__(self) -> None:
        self.full: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif info["generation"] == 2:
            self.full.append((time.perf_counter() - self._started) * 1000)


def _statement(frame: FrameType | None) -> str:
    """The stored query the job runs at this frame (or where its Python is)."""
    top = frame
    while frame is not None:
        if frame.f_code.co_name == "_run" and "name" in frame.f_locals:
            return str(frame.f_locals["name"])
        if frame.f_code.co_name == "_execute" and "statement" in frame.f_locals:
            return str(frame.f_locals["statement"])  # BEGIN, COMMIT
        frame = frame.f_back
    return f"python: {top.f_code.co_name}" if top else "?"


def run(args: argparse.Namespace) -> None:
    copy = OUT / "reads-beside-job"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(args.graph, copy)
    backend = LadybugBackend(copy / "graph.lbdb", buffer_pool_bytes=4096 << 20)
    job_thread = threading.get_ident()
    timed: list[tuple[float, float]] = []
    slow: list[tuple[float, float, str]] = []
    stop = threading.Event()

    def reader() -> None:
        for turn in itertools.count():
            if stop.is_set():
                return
            started = time.perf_counter()
            if turn % 3 == 0:
                ego_network(backend, args.median, 1, 200)
            elif turn % 3 == 1:
                collaborators(backend, args.prolific, limit=20, weighting="shared", since=None)
            else:  # several reads in one read-only transaction
                suggestions(backend, args.median, limit=10, min_common=1)
            ms = (time.perf_counter() - started) * 1000
            timed.append((started, ms))
            if ms > SLOW_MS:
                slow.append((started, ms, _statement(sys._current_frames().get(job_thread))))
            time.sleep(0.02)

    collections = Collections()
    gc.callbacks.append(collections)
    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    time.sleep(3)
    items = itertools.islice(read_snapshot(args.new_papers), args.lines)
    began = time.perf_counter()
    try:
        summary = GraphWriter(backend, batch_size=500).ingest(items)
        ended = time.perf_counter()
    finally:
        stop.set()
        thread.join()
        gc.callbacks.remove(collections)
        backend.close()
        shutil.rmtree(copy, ignore_errors=True)
    during = [ms / 1000 for t, ms in timed if began <= t <= ended]  # seconds, as `pct` takes
    print(machine())
    print(
        f"{summary.ingested} new + {summary.updated} new versions in {ended - began:.1f} s; "
        f"{len(during)} reads p50 {pct(during, 50):.1f} p90 {pct(during, 90):.1f} "
        f"p99 {pct(during, 99):.1f} max {pct(during, 100):.1f} ms"
    )
    print(
        f"full collections: {len(collections.full)}, longest "
        f"{max(collections.full, default=0):.0f} ms, total {sum(collections.full):.0f} ms"
    )
    for started, ms, statement in slow:
        if began <= started <= ended:
            print(f"  slow read at {started - began:6.1f} s: {ms:6.0f} ms, the job in {statement}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--graph", type=Path, required=True, help="an embedded graph folder")
    parser.add_argument(
        "--new-papers", type=Path,
        default=OUT / "new-papers-arxiv-100000-seed7-plus10000.jsonl.gz",
        help="the file to ingest (bench/ingest_beside.py writes it; bench.api --with-ingest too)",
    )  # fmt: skip
    parser.add_argument("--lines", type=int, default=6000)
    parser.add_argument("--median", default="l-luo-3", help="whose graph slice and suggestions")
    parser.add_argument("--prolific", default="haojian-yang", help="whose collaborators")
    run(parser.parse_args(argv))


if __name__ == "__main__":
    main()
