"""One timed load for bench/ingest.py, in its own process: prints one JSON line.

    PYTHONPATH=<code> python bench/ingest_worker.py --backend neo4j --target bolt://... \\
        --loader graphsvc --corpus C.jsonl.gz --limit 10000 --batch-size 5000

Run as a script, not `-m bench...`, so that PYTHONPATH alone decides whose graphsvc and loaders
are timed: this checkout's, or the baseline's (a git worktree of an older commit, whose
`GraphWriter(backend, batch_size=...)`, `read_snapshot(path, limit=...)`, backends and
`graph_counts` query have the same shape). The naive loader (bench/naive.py) needs this
checkout on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import resource
import time
from pathlib import Path
from typing import Any

TIMEOUT_S = 600.0  # per statement/transaction: the benchmark wants numbers, not timeouts


def _extra() -> dict[str, Any]:
    """`graph_counts` lives in the tests' folder of queries since the catalog split (tests/cypher,
    passed as `extra_queries`); the baseline's backends know neither (it is in their cypher/)."""
    import graphsvc

    tests_queries = Path(graphsvc.__file__).resolve().parent.parent / "tests" / "cypher"
    return {"extra_queries": (tests_queries,)} if tests_queries.is_dir() else {}


def open_backend(args: argparse.Namespace) -> Any:
    if args.backend == "neo4j":
        from graphsvc.db.neo4j_backend import Neo4jBackend

        return Neo4jBackend(
            uri=args.target,
            user="neo4j",
            password=args.password,
            database="neo4j",
            timeout_s=TIMEOUT_S,
            **_extra(),
        )
    from graphsvc.db.ladybug_backend import LadybugBackend

    return LadybugBackend(Path(args.target), timeout_s=TIMEOUT_S, **_extra())


def counts(db: Any) -> dict[str, int]:
    return {r["kind"]: int(r["n"]) for r in db.read("graph_counts")}


def load(args: argparse.Namespace, db: Any, profiler: cProfile.Profile | None) -> int:
    """The timed part: the first `limit` lines into the graph; the papers written."""
    corpus = Path(args.corpus)
    if args.loader == "naive":
        from bench import naive

        if args.backend == "neo4j":
            return naive.load_neo4j(corpus, args.limit, uri=args.target, password=args.password)
        return naive.load_ladybug(corpus, args.limit, db_path=Path(args.target))
    from loaders.snapshot import read_snapshot
    from loaders.writer import GraphWriter

    if profiler:
        profiler.enable()
    summary = GraphWriter(db, batch_size=args.batch_size).ingest(
        read_snapshot(corpus, limit=args.limit), source=f"snapshot:{corpus.name}"
    )
    if profiler:
        profiler.disable()
    return int(summary.ingested)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Apply the schema, time one load, count what landed."""
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # "property does not exist yet" notes
    db = open_backend(args)
    db.apply_schema()
    if args.loader == "naive" and args.backend == "ladybug":
        db.close()  # the naive loader opens the folder itself
    profiler = cProfile.Profile() if args.profile_out else None
    t0 = time.perf_counter()
    papers = load(args, db, profiler)
    seconds = time.perf_counter() - t0
    if args.loader == "naive" and args.backend == "ladybug":
        db = open_backend(args)
    landed = counts(db)
    db.close()
    if profiler:
        profiler.dump_stats(args.profile_out)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"papers": papers, "seconds": seconds, "client_rss": rss, "counts": landed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", required=True, choices=["neo4j", "ladybug"])
    parser.add_argument("--target", required=True, help="bolt URI, or the .lbdb path")
    parser.add_argument("--password", default="", help="Neo4j's")
    parser.add_argument("--loader", required=True, choices=["graphsvc", "naive"])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--limit", type=int, required=True)
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--profile-out", help="cProfile the load into this file")
    print(json.dumps(run(parser.parse_args())))


if __name__ == "__main__":
    main()
