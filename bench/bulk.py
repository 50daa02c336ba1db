"""Bulk load (`ingest snapshot --bulk`) against incremental ingest of the same file.

    python -m bench.bulk --works 20000                       # both backends
    python -m bench.bulk --works 20000 --backends ladybug --check

Generates (and caches under bench/out/) a corpus (the arxiv profile), then per backend loads it
into a fresh graph twice: incrementally (`GraphWriter`, batches of 5,000 papers) and in bulk
(plan in memory, then `COPY FROM` on Ladybug; on Neo4j both bulk paths: CSV files, neo4j-admin's
offline import, a server start and the schema, and the online load into a running server),
with each phase's wall-clock time. `--check` compares the two
graphs' full exports (they must be equal). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.graphs import OUT, PASSWORD, corpus_path, machine, neo4j_defaults
from graphsvc.db import GraphBackend
from graphsvc.db.ladybug_backend import LadybugBackend
from loaders import bulk_load, bulk_neo4j
from loaders.neo4j_local import LocalNeo4j
from loaders.snapshot import read_snapshot
from loaders.writer import GraphWriter
from tests.helpers import TEST_QUERIES, graph_state
from tests.neo4j_server import connect

SOURCE = "bench"
Phases = dict[str, float]


def _timed(phases: Phases, name: str, work: Callable[[], Any]) -> Any:
    start = time.monotonic()
    result = work()
    phases[name] = time.monotonic() - start
    return result


def _plan(path: Path) -> Any:
    tables, _ = bulk_load.plan(
        read_snapshot(path),
        source=SOURCE,
        batch_size=5_000,
        team_min_authors=100,
        name_rarity=True,
        max_skipped=None,
    )
    return tables


def _incremental(backend: GraphBackend, path: Path) -> None:
    GraphWriter(backend).ingest(read_snapshot(path), source=SOURCE)


Runs = list[tuple[str, Phases, bool | None]]


def ladybug(path: Path, folder: Path, check: bool) -> Runs:
    inc: Phases = {}
    bulk: Phases = {}
    a = LadybugBackend(folder / "inc.lbdb", timeout_s=600, extra_queries=TEST_QUERIES)
    b = LadybugBackend(folder / "bulk.lbdb", timeout_s=600, extra_queries=TEST_QUERIES)
    try:
        a.apply_schema()
        b.apply_schema()
        _timed(inc, "ingest", lambda: _incremental(a, path))
        tables = _timed(bulk, "plan", lambda: _plan(path))
        _timed(bulk, "COPY FROM", lambda: bulk_load.write_embedded(b, tables))
        same = graph_state(a) == graph_state(b) if check else None
    finally:
        a.close()
        b.close()
    return [("incremental", inc, None), ("bulk", bulk, same)]


def neo4j(path: Path, folder: Path, check: bool) -> Runs:
    inc: Phases = {}
    bulk: Phases = {}
    online: Phases = {"plan": 0.0}
    tables = _timed(bulk, "plan", lambda: _plan(path))
    _timed(
        bulk, "import", lambda: bulk_neo4j.import_tables(tables, folder / "bulk", overwrite=False)
    )
    server = LocalNeo4j(folder / "bulk", PASSWORD)
    _timed(bulk, "server start", server.start)
    try:
        b = connect(server, timeout_s=600)
        _timed(bulk, "schema, lists", lambda: bulk_neo4j.finish(b))
        expected = graph_state(b) if check else None
        b.close()
    finally:
        server.stop()
    with LocalNeo4j(folder / "inc", PASSWORD) as inc_server:
        a = connect(inc_server, timeout_s=600)
        a.apply_schema()
        _timed(inc, "ingest", lambda: _incremental(a, path))
        same = graph_state(a) == expected if check else None
        a.write(lambda tx: tx.run("admin_delete_all"))
        online["plan"] = bulk["plan"]  # the same plan
        _timed(online, "UNWIND", lambda: bulk_load.write_online(a, tables))
        same_online = graph_state(a) == expected if check else None
        a.close()
    return [("incremental", inc, None), ("bulk", bulk, same), ("bulk online", online, same_online)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--works", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backends", default="ladybug,neo4j")
    parser.add_argument("--check", action="store_true", help="compare the two graphs' exports")
    args = parser.parse_args()
    neo4j_defaults()
    path = corpus_path(args.works, args.seed)
    print(machine())
    print(f"\ncorpus {path.name}, load average {os.getloadavg()[0]:.1f}\n")
    print("| backend | load | phases (s) | total s | papers/s | same graph |")
    print("|---|---|---|---|---|---|")
    runs = {"ladybug": ladybug, "neo4j": neo4j}
    for name in args.backends.split(","):
        folder = OUT / f"bulk-{name}-{args.works}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        start = time.monotonic()
        for label, phases, same in runs[name](path, folder, args.check):
            total = sum(phases.values())
            detail = ", ".join(f"{k} {v:.1f}" for k, v in phases.items())
            print(
                f"| {name} | {label} | {detail} | {total:.1f} | {args.works / total:,.0f} "
                f"| {'-' if same is None else same} |"
            )
        shutil.rmtree(folder, ignore_errors=True)
        print(f"<!-- {name}: {time.monotonic() - start:.0f} s in all -->")


if __name__ == "__main__":
    main()
