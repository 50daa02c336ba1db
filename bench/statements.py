"""Where an incremental ingest's time goes: each stored query's time, calls and rows, side by side.

    NEO4J_HEAP=2g NEO4J_PAGECACHE=2048 python -m bench.statements --backend neo4j \\
        --graph bench/out/bulk-cli-100000/neo4j/neo4j \\
        --file bench/out/new-papers-arxiv-100000-seed7-plus10000.jsonl.gz --limit 10000 \\
        --baseline 99d4c36
    python -m bench.statements --backend ladybug --graph bench/out/bulk-cli-100000/ladybug \\
        --file FILE --limit 10000 [--resident-state]

For each side (`--baseline COMMIT`'s code, a git worktree under bench/out/, then this
checkout's; or this checkout's alone) the graph folder is copied under bench/out/statements/ (the
original is never written; on Neo4j the copy gets a server of its own) and a child process runs
that code's `graphsvc ingest snapshot FILE --limit N` with a client-side timer around every stored
query (a transaction's statements and the reads outside one) and, apart, around the commit of
each write transaction. Prints each side's wall time, CPU seconds, the sum of its statements
and of its commits, then the queries that took the most time on either side.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.graphs import OUT, PASSWORD, REPO, fresh_copy, machine, neo4j_defaults
from bench.resident_state import add_ingest_arguments
from bench.servers import worktree

WORK = OUT / "statements"
TIMER = Path(__file__).with_name("statement_timer.py")  # run as a script: see its doc
SHOWN = 25  # queries in the table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_ingest_arguments(parser)
    parser.add_argument("--resident-state", action="store_true", help="pass it to the CLI")
    parser.add_argument("--baseline", help="time this commit's code first")
    args = parser.parse_args()
    neo4j_defaults()
    cli = ["ingest", "snapshot", str(args.file.resolve()), "--limit", str(args.limit)]
    cli += ["--batch-size", str(args.batch_size)]
    cli += ["--resident-state"] if args.resident_state else []
    sides = [(f"at {args.baseline}", worktree(args.baseline))] if args.baseline else []
    sides.append(("this code", REPO))
    print(machine())
    print(f"graph {args.graph} ({args.backend}); {args.limit:,} lines of {args.file.name}")
    results = {}
    for name, code in sides:
        started = time.strftime("%H:%M:%S", time.gmtime())
        results[name] = timed_ingest(args.backend, args.graph.resolve(), code, cli)
        print(f"{name}: {started} UTC, {results[name]['out'][-1]}", flush=True)
    _table(results)


def timed_ingest(backend: str, graph: Path, code: Path, cli: list[str]) -> dict[str, Any]:
    """One code's ingest into a fresh copy of the graph, timed by its child."""
    target = fresh_copy(graph, WORK)
    env = {**os.environ, "GRAPHSVC_BACKEND": backend}
    server = None
    if backend == "neo4j":
        from tests.neo4j_server import Neo4jServer

        server = Neo4jServer(target, PASSWORD)
        server.start(timeout_s=900)
        env |= {"NEO4J_URI": server.uri, "NEO4J_PASSWORD": PASSWORD}
    else:
        env["GRAPHSVC_DATA_DIR"] = str(target)
    try:
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            child = [sys.executable, str(TIMER), str(code)]
            started = time.perf_counter()
            proc = subprocess.run(
                [*child, report.name, *cli], env=env, cwd=REPO, capture_output=True, text=True
            )
            wall = time.perf_counter() - started
            if proc.returncode != 0:
                raise SystemExit(f"the ingest failed:\n{proc.stdout}\n{proc.stderr}")
            result: dict[str, Any] = json.loads(Path(report.name).read_text())
    finally:
        if server is not None:
            server.stop()
    return result | {"wall_s": wall, "out": proc.stdout.strip().splitlines()}


def _table(results: dict[str, dict[str, Any]]) -> None:
    names = list(results)
    print("\n| | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, key in (
        ("wall s", "wall_s"),
        ("CPU s (CLI)", "cpu_s"),
        ("statements s", "sum_s"),
        ("commits s", "commit_s"),
    ):
        print(f"| {label} | " + " | ".join(f"{results[n][key]:.1f}" for n in names) + " |")
    worst = Counter[str]()
    for r in results.values():
        for query, t in r["seconds"].items():
            worst[query] = max(worst[query], t)
    print("\n| query | " + " | ".join(f"{n}: s, calls, rows" for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for query, _ in worst.most_common(SHOWN):
        cells = [
            f"{r['seconds'].get(query, 0):.2f}, {r['calls'].get(query, 0)}, "
            f"{r['rows'].get(query, 0):,}"
            for r in results.values()
        ]
        print(f"| `{query}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
