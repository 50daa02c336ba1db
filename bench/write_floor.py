"""The floor of incremental ingest into Neo4j: the batch's writes alone, beside graphsvc's ingest.

    NEO4J_HEAP=2g NEO4J_PAGECACHE=2048 python -m bench.write_floor \\
        --graph bench/out/bulk-cli-100000/neo4j/neo4j \\
        --file bench/out/new-papers-arxiv-100000-seed7-plus10000.jsonl.gz --limit 10000

What no client can go below. The papers of the file's first `--limit` lines keep their numbers
of authors and categories and are written as new works (ids of their own; a new version in the
file is a new work here) by random researchers already in the graph: no resolution, no read, no
names, no new researchers, one write transaction per batch (`--batch-size` papers or 50,000
authorships, as the writer cuts them), through the product's backend and stored queries. Two
floors, each in a fresh copy of the graph: "facts" writes the works, authorships and topic
links; "facts and pairs" also the collaboration layer's two largest sums, the personal
co-author pairs and the researchers' works per topic (a work with more authors than the default
GRAPHSVC_TEAM_MIN_AUTHORS, 100, pairs nobody; named teams are not looked for). Then graphsvc's
own ingest of the same lines in a third copy (bench/statements.py's timer). The floors first
write `--warmup` untimed batches (a fresh server's first batch is slower); graphsvc's ingest
starts on a fresh server, so its figure includes that warm-up. Prints, for each, the seconds in
statements and in commits, the wall time and papers per second.
"""

from __future__ import annotations

import argparse
import functools
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.graphs import OUT, PASSWORD, REPO, fresh_copy, machine, neo4j_defaults
from bench.statements import timed_ingest
from graphsvc.db import Tx
from graphsvc.db.neo4j_backend import Neo4jBackend
from graphsvc.store.layer import run_rows
from loaders.snapshot import read_snapshot
from loaders.writer import DEFAULT_BATCH, DEFAULT_TEAM_MIN_AUTHORS, MAX_BATCH_AUTHORS
from tests.neo4j_server import Neo4jServer, connect

WORK = OUT / "write-floor"
SEED = 7


@dataclass(frozen=True)
class Shape:
    """What the floor keeps of a paper: its numbers of authors and categories."""

    authors: int
    topics: int


@dataclass
class Timing:
    """One kind of writes, summed over its timed batches."""

    papers: int = 0
    statements_s: float = 0.0
    commits_s: float = 0.0
    wall_s: float = 0.0

    def row(self, name: str) -> str:
        rate = self.papers / self.wall_s if self.wall_s else 0.0
        return (
            f"| {name} | {self.papers:,} | {self.statements_s:.1f} | {self.commits_s:.1f} | "
            f"{self.wall_s:.1f} | {rate:,.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, required=True, help="the Neo4j folder to copy")
    parser.add_argument("--file", type=Path, required=True, help="the snapshot lines to ingest")
    parser.add_argument("--limit", type=int, required=True, help="lines to read")
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    parser.add_argument(
        "--warmup", type=int, default=1, help="untimed floor batches first (the server warm)"
    )
    args = parser.parse_args()
    neo4j_defaults()
    shapes = [
        Shape(len(item.record.authors), max(1, len(item.record.categories)))
        for item in read_snapshot(args.file, limit=args.limit)
        if item.record is not None
    ]
    print(machine())
    print(f"graph {args.graph}; {len(shapes):,} papers of {args.file.name}")
    timings = {
        f"floor: {name}": _floor(args.graph.resolve(), shapes, args.batch_size, args.warmup, pairs)
        for name, pairs in (("facts", False), ("facts and pairs", True))
    }
    cli = ["ingest", "snapshot", str(args.file.resolve()), "--limit", str(args.limit)]
    side = timed_ingest(
        "neo4j", args.graph.resolve(), REPO, [*cli, "--batch-size", str(args.batch_size)]
    )
    timings["graphsvc ingest (CLI start-up included)"] = Timing(
        len(shapes), side["sum_s"], side["commit_s"], side["wall_s"]
    )
    print(f"graphsvc: {side['out'][-1]}")
    print("\n| writes | papers | statements s | commits s | wall s | papers/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, timing in timings.items():
        print(timing.row(name))


def _floor(graph: Path, shapes: list[Shape], batch_size: int, warmup: int, pairs: bool) -> Timing:
    """The floor's writes into a fresh copy of `graph`, one transaction per batch, after
    `warmup` untimed batches of the same shapes (works of other ids)."""
    target = fresh_copy(graph, WORK)
    timing = Timing()
    with Neo4jServer(target, PASSWORD) as server:
        backend = connect(server)  # with the tests' queries: export_topics
        try:
            people, topics = _ids(backend)
            rng = random.Random(SEED)
            batches = _batches(shapes, batch_size)
            for n, (start, batch) in enumerate(batches[:warmup] + batches):
                prefix = "warm" if n < warmup else "floor"
                rows = _rows(batch, prefix, start, people, topics, rng)
                began = time.perf_counter()
                in_statements = backend.write(functools.partial(_write, rows=rows, pairs=pairs))
                wall = time.perf_counter() - began
                print(f"  {prefix} batch of {len(batch):,}: {wall:.1f} s", flush=True)
                if n < warmup:
                    continue
                timing.papers += len(rows["works"])
                timing.statements_s += in_statements
                timing.commits_s += wall - in_statements  # and the driver's hand-over
                timing.wall_s += wall
        finally:
            backend.close()
    return timing


def _batches(shapes: list[Shape], batch_size: int) -> list[tuple[int, list[Shape]]]:
    """The shapes cut as the writer cuts its batches: (index of the first, the batch)."""
    batches: list[tuple[int, list[Shape]]] = []
    start, authors = 0, 0
    for i, shape in enumerate(shapes):
        authors += shape.authors
        if i + 1 - start >= batch_size or authors >= MAX_BATCH_AUTHORS:
            batches.append((start, shapes[start : i + 1]))
            start, authors = i + 1, 0
    if start < len(shapes):
        batches.append((start, shapes[start:]))
    return batches


def _ids(backend: Neo4jBackend) -> tuple[list[str], list[str]]:
    people = backend.read_long("layer_all_researcher_ids")[0]["ids"]
    topics = [t["id"] for t in backend.read_long("export_topics")]
    return sorted(people), sorted(topics)


def _rows(
    shapes: list[Shape],
    prefix: str,
    start: int,
    people: list[str],
    topics: list[str],
    rng: random.Random,
) -> dict[str, list[dict[str, Any]]]:
    """The rows of the stored queries for one batch of floor papers."""
    rows: dict[str, list[dict[str, Any]]] = {
        "works": [],
        "authorships": [],
        "topics": [],
        "pairs": [],
        "works_in": [],
    }
    for i, shape in enumerate(shapes, start):
        work = f"{prefix}.{i:07d}"
        authors = rng.sample(people, min(shape.authors, len(people)))
        chosen = rng.sample(topics, min(shape.topics, len(topics)))
        team_work = len(authors) > DEFAULT_TEAM_MIN_AUTHORS
        rows["works"].append(_work(work, len(authors), team_work))
        rows["authorships"] += [
            {"researcher": r, "work": work, "position": p, "institutions": []}
            for p, r in enumerate(authors)
        ]
        rows["topics"] += [
            {"work": work, "topic": t, "is_primary": n == 0} for n, t in enumerate(chosen)
        ]
        rows["works_in"] += [
            {"researcher": r, "topic": t, "works": 1, "personal": 0 if team_work else 1}
            for r in authors
            for t in chosen
        ]
        if not team_work and len(authors) > 1:
            weight = 1 / (len(authors) - 1)
            ordered = sorted(authors)
            rows["pairs"] += [
                {"a": a, "b": b, "works": 1, "newman": weight}
                for n, a in enumerate(ordered)
                for b in ordered[n + 1 :]
            ]
    return rows


def _work(arxiv_id: str, authors: int, team_work: bool) -> dict[str, Any]:
    """A work row of `ingest_create_works` with a title and abstract of ordinary size."""
    return {
        "arxiv_id": arxiv_id, "version": 1, "title": "floor " * 15, "title_folded": "floor " * 15,
        "abstract": "a" * 1_000, "published": "2026-01-01", "updated": "2026-01-01",
        "year": 2026, "doi": None, "journal_ref": None, "comment": None,
        "primary_category": None, "authors_count": authors, "authors_ordered": True,
        "team_work": team_work,
    }  # fmt: skip


def _write(tx: Tx, rows: dict[str, list[dict[str, Any]]], pairs: bool) -> float:
    """The floor's statements in the open transaction; returns their seconds."""
    began = time.perf_counter()
    run_rows(tx, "ingest_create_works", rows["works"])
    run_rows(tx, "ingest_create_authorships", rows["authorships"])
    run_rows(tx, "ingest_create_work_topics", rows["topics"])
    if pairs:
        run_rows(tx, "layer_add_coauthor", rows["pairs"])
        run_rows(tx, "layer_add_works_in", rows["works_in"])
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
