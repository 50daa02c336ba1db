"""The whole-arXiv bulk load: one plan of a large file, written through each engine's bulk path.

    python -m bench.bulk_whole --works 2700000                      # both engines
    python -m bench.bulk_whole --works 2700000 --backends neo4j

Plans the cached arxiv corpus of `--works` works (bench/corpus.py) exactly as `graphsvc ingest
snapshot --bulk` does (the same `loaders.bulk_load.plan`, the settings' defaults, the collector
paused throughout), once; then writes it through each engine's bulk path in turn, as the CLI
does: on Neo4j the offline importer into a new data folder, a server start, the schema and the
topics' lists (`write_neo4j`'s steps); on the embedded engine `COPY FROM` into a new database
(`write_embedded`). Unlike the CLI, which plans in a child process that writes the files and
ends before the engine loads them, this process keeps the plan through every phase (one plan for
both engines, each phase timed apart): its memory after the plan is not the CLI's
(bench/RESULTS.md measures the CLI's own). A bulk load into one engine takes the plan plus that
engine's write. Prints each phase's wall and CPU seconds, the client's resident memory after
each phase and its peak (the importer logs its own peak in the data folder's bulk-import.log; a
child forked from this process would report the parent's pages), the size on disk, and keeps the
graphs (bench/out/bulk-whole-{works}/) for `bench.latency`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bench.bombs import memory_kib
from bench.graphs import OUT, PASSWORD, corpus_path, machine, neo4j_defaults
from graphsvc.db import open_backend
from graphsvc.settings import Engine, Settings, load_settings
from loaders import bulk_load, bulk_neo4j
from loaders.bulk_tables import Rows
from loaders.collector import paused
from loaders.neo4j_local import LocalNeo4j
from loaders.snapshot import read_snapshot

SOURCE = "snapshot"
BATCH_SIZE = 5_000  # the CLI's default


def _mb(kib: int) -> str:
    return f"{kib / 1024:,.0f} MB"


def _disk(path: Path) -> str:
    out = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.split()[0]


class Phases:
    """Each phase's wall and CPU seconds and memory, printed as a Markdown row when done."""

    def __init__(self) -> None:
        self.sizes: list[str] = []
        print("| phase | wall s | client CPU s | client RSS after | client peak |")
        print("|---|---:|---:|---:|---:|", flush=True)

    def run(self, name: str, work: Callable[[], Any]) -> Any:
        wall, cpu = time.monotonic(), time.process_time()
        result = work()
        mem = memory_kib(os.getpid())
        print(
            f"| {name} | {time.monotonic() - wall:,.0f} | {time.process_time() - cpu:,.0f} "
            f"| {_mb(mem['VmRSS'])} | {_mb(mem['VmHWM'])} |",
            flush=True,
        )
        return result


@paused()  # as the CLI's bulk load: the plan's heap holds no cycles
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--works", type=int, default=2_700_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backends", default="neo4j,ladybug", help="written in this order")
    args = parser.parse_args()
    neo4j_defaults()
    path = corpus_path(args.works, args.seed)
    folder = OUT / f"bulk-whole-{args.works}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    settings = load_settings()
    print(machine())
    print(
        f"\ncorpus {path.name}; NEO4J_HEAP {os.environ.get('NEO4J_HEAP')}, NEO4J_PAGECACHE "
        f"{os.environ.get('NEO4J_PAGECACHE', '(default)')}; load average "
        f"{os.getloadavg()[0]:.1f}\n",
        flush=True,
    )
    phases = Phases()

    def plan() -> tuple[Mapping[str, Rows], Any]:
        return bulk_load.plan(
            read_snapshot(path),
            source=SOURCE,
            batch_size=BATCH_SIZE,
            team_min_authors=settings.graphsvc_team_min_authors,
            name_rarity=settings.graphsvc_identity_name_rarity,
            max_skipped=settings.graphsvc_max_skipped_items,
        )

    tables, summary = phases.run("plan (read, resolve)", plan)
    writers = {"neo4j": _neo4j, "ladybug": _embedded}
    for name in args.backends.split(","):
        writers[name](phases, tables, folder, settings)
    print("", *phases.sizes, summary.line(), sep="\n")


def _neo4j(phases: Phases, tables: Mapping[str, Rows], folder: Path, settings: Settings) -> None:
    """`bulk_load.write_neo4j`'s two steps, timed apart."""
    data = folder / "neo4j"
    phases.run(
        "Neo4j: CSV files, offline import",
        lambda: bulk_neo4j.import_tables(tables, data, overwrite=False),
    )

    def finish() -> None:
        with LocalNeo4j(data, PASSWORD) as server:
            backend = bulk_load.neo4j_session(server, settings.neo4j_user)
            try:
                bulk_neo4j.finish(backend)
            finally:
                backend.close()

    phases.run("Neo4j: server start, schema, lists, stop", finish)
    phases.sizes.append(f"Neo4j data folder: {_disk(data)}")


def _embedded(phases: Phases, tables: Mapping[str, Rows], folder: Path, settings: Settings) -> None:
    embedded = settings.model_copy(
        update={"graphsvc_backend": Engine.LADYBUG, "graphsvc_data_dir": folder / "ladybug"}
    )
    backend = open_backend(embedded)
    try:
        backend.apply_schema()
        phases.run("embedded: COPY FROM", lambda: bulk_load.write_embedded(backend, tables))
    finally:
        backend.close()
    phases.sizes.append(f"embedded database: {_disk(folder / 'ladybug')}")


if __name__ == "__main__":
    main()
