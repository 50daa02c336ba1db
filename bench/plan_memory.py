"""Memory of a bulk load's plan and tables, without a database.

    python -m bench.plan_memory --works 1000000 --lines 200000

Plans the first `--lines` lines of the cached arxiv corpus of `--works` works (bench/corpus.py,
made if missing) with the bulk planner, as `graphsvc ingest snapshot --bulk` does (batches of
5,000, the cyclic collector paused, the default settings), then writes every table as CSV the
way the Neo4j offline import does, one table at a time, into a temporary folder. Prints the
resident memory after the plan, after the collaboration layer is built, and the peak of the
process (VmHWM), with each phase's seconds and the largest tables' row counts.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.bombs import memory_kib
from bench.graphs import corpus_path, machine
from graphsvc.settings import load_settings
from loaders import bulk_load
from loaders.bulk_neo4j import write_csv
from loaders.bulk_tables import NODES, RELATIONSHIPS
from loaders.collector import paused
from loaders.snapshot import read_snapshot


def rss_mb() -> float:
    """Resident memory of this process now (MB)."""
    return memory_kib(os.getpid())["VmRSS"] / 1024


def peak_mb() -> float:
    """The process's peak resident memory so far (MB)."""
    return memory_kib(os.getpid())["VmHWM"] / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--works", type=int, default=1_000_000, help="the corpus to read")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--lines", type=int, help="plan only the first N lines")
    args = parser.parse_args(argv)
    settings = load_settings()
    corpus = corpus_path(args.works, args.seed, "arxiv")
    print(machine())
    print(f"corpus {corpus.name}, lines {args.lines or 'all'}; RSS at start {rss_mb():,.0f} MB")
    with paused():
        start = time.monotonic()
        tables, summary = bulk_load.plan(
            read_snapshot(corpus, limit=args.lines),
            source="bench",
            batch_size=5_000,
            team_min_authors=settings.graphsvc_team_min_authors,
            name_rarity=settings.graphsvc_identity_name_rarity,
            max_skipped=None,
        )
        planned = time.monotonic() - start
        print(f"plan: {planned:.1f} s, {summary.ingested:,} works; RSS {rss_mb():,.0f} MB")
        start = time.monotonic()
        sizes = {}
        with tempfile.TemporaryDirectory(prefix="plan-memory-") as tmp:
            for table in (*NODES, *RELATIONSHIPS):
                rows = tables[table.name]
                sizes[table.name] = len(rows)
                write_csv(table, rows, Path(tmp) / f"{table.name}.csv")
                del rows
                if table.name == NODES[0].name:
                    print(f"  first table written (layer built): RSS {rss_mb():,.0f} MB")
        written = time.monotonic() - start
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:4]
    print(f"tables: {written:.1f} s; RSS {rss_mb():,.0f} MB; peak RSS {peak_mb():,.0f} MB")
    print("largest tables: " + ", ".join(f"{name} {n:,}" for name, n in largest))


if __name__ == "__main__":
    main()
