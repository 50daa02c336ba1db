"""Incremental ingest into a large graph: the default (name blocks read per batch, a bounded
cache) against `--resident-state` (the whole identity state read once), side by side.

    python -m bench.resident_state --backend ladybug --graph bench/out/lb100k-a \\
        --file bench/out/new-papers-arxiv-100000-seed7-plus10000.jsonl.gz --limit 6000
    NEO4J_HEAP=3g NEO4J_PAGECACHE=6144 python -m bench.resident_state --backend neo4j \\
        --graph bench/out/bulk-cli-1000000/neo4j/neo4j --file FILE --limit 30000 \\
        [--baseline COMMIT]

Copies the graph's folder (an embedded engine's folder, or a stopped Neo4j server's data
folder) twice under bench/out/resident-state/, so the original is never written, then runs this
checkout's `graphsvc ingest snapshot FILE --limit N` into one copy as it is and into the other
with `--resident-state`, one after the other (on Neo4j each copy gets a server of its own,
started before and stopped after the run). With `--baseline COMMIT` both runs use
`--resident-state` (or, with `--mode default`, neither): the first with that commit's code (a
git worktree under bench/out/), the second with this checkout's. Each run is timed from
outside, with the CLI's CPU seconds and peak RSS (and the server's peak). Then both graphs are
compared: node and relationship counts, and who each author of each work is. Prints a Markdown
table.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.graphs import OUT, PASSWORD, REPO, fresh_copy, machine, neo4j_defaults
from bench.servers import worktree
from tests.neo4j_server import Neo4jServer, connect

WORK = OUT / "resident-state"


def _run(args: list[str], env: dict[str, str], code: Path) -> dict[str, Any]:
    """The CLI of the checkout at `code` once: wall and CPU seconds and peak RSS of that process
    alone (wait4), its output."""
    started = time.perf_counter()
    env = {**env, "PYTHONPATH": str(code)}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "graphsvc", *args],
            env=env,
            cwd=code,
            stdout=out,
            stderr=err,
            text=True,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"graphsvc {' '.join(args)} failed:\n{stdout}\n{stderr}")
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "out": stdout.strip().splitlines(),
    }


def _fingerprint(backend: Any) -> dict[str, Any]:
    """Counts by kind, and a digest of every (work, position, researcher)."""
    counts = {r["kind"]: r["n"] for r in backend.read_long("graph_counts")}
    digest = hashlib.sha256()
    for row in sorted(
        (a["work"], a["position"], a["researcher"]) for a in backend.read_long("export_authorships")
    ):
        digest.update(repr(row).encode())
    return {"counts": counts, "authorships": digest.hexdigest()}


def _ladybug(
    graph: Path, name: str, cli: list[str], code: Path
) -> tuple[dict[str, Any], dict[str, Any]]:
    from graphsvc.db.ladybug_backend import LadybugBackend
    from tests.helpers import TEST_QUERIES

    folder = fresh_copy(graph, WORK / name)
    env = {**os.environ, "GRAPHSVC_BACKEND": "ladybug", "GRAPHSVC_DATA_DIR": str(folder)}
    run = _run(cli, env, code)
    backend = LadybugBackend(
        folder / "graph.lbdb", extra_queries=TEST_QUERIES, write_timeout_s=3600
    )
    try:
        return run, _fingerprint(backend)
    finally:
        backend.close()


def _neo4j(
    graph: Path, name: str, cli: list[str], code: Path
) -> tuple[dict[str, Any], dict[str, Any]]:
    server = Neo4jServer(fresh_copy(graph, WORK / name), PASSWORD)
    server.start(timeout_s=900)
    try:
        env = {
            **os.environ,
            "GRAPHSVC_BACKEND": "neo4j",
            "NEO4J_URI": server.uri,
            "NEO4J_PASSWORD": PASSWORD,
        }
        run = _run(cli, env, code)
        run["server_peak_mb"] = (server.peak_rss_bytes() or 0) / 2**20
        backend = connect(server, write_timeout_s=3600)
        try:
            return run, _fingerprint(backend)
        finally:
            backend.close()
    finally:
        server.stop()


def add_ingest_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of an ingest into a copy of a graph (bench.statements takes them too)."""
    parser.add_argument("--backend", choices=("ladybug", "neo4j"), required=True)
    parser.add_argument("--graph", type=Path, required=True, help="the folder to copy")
    parser.add_argument("--file", type=Path, required=True, help="the snapshot lines to ingest")
    parser.add_argument("--limit", type=int, required=True, help="lines to read")
    parser.add_argument("--batch-size", type=int, default=5_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_ingest_arguments(parser)
    parser.add_argument(
        "--baseline", help="compare a mode at this commit with this checkout's (--mode)"
    )
    parser.add_argument(
        "--mode",
        choices=("resident", "default"),
        default="resident",
        help="with --baseline: the mode both runs use (default: per-batch look-ups, as jobs)",
    )
    args = parser.parse_args()
    neo4j_defaults()
    run_one = _ladybug if args.backend == "ladybug" else _neo4j
    base = ["ingest", "snapshot", str(args.file.resolve()), "--limit", str(args.limit)]
    base += ["--batch-size", str(args.batch_size)]
    print(machine())
    print(f"graph {args.graph} ({args.backend}); {args.limit:,} lines of {args.file.name}")
    resident = ["--resident-state"]
    sides = [("default", REPO, []), ("resident", REPO, resident)]
    if args.baseline:
        extra = resident if args.mode == "resident" else []
        sides = [(f"{args.mode} at {args.baseline}", worktree(args.baseline), extra)]
        sides.append((args.mode, REPO, extra))
    results = {}
    for name, code, extra in sides:
        started = time.strftime("%H:%M:%S", time.gmtime())
        run, fingerprint = run_one(args.graph.resolve(), name.replace(" ", "-"), base + extra, code)
        load = os.getloadavg()[0]
        results[name] = (run, fingerprint)
        print(f"{name}: {started} UTC, load average after {load:.2f}; {run['out'][-2:]}")
    print()
    print("| run | wall s | CLI CPU s | CLI peak MB | server peak MB | summary |")
    print("|---|---:|---:|---:|---:|---|")
    for name, (run, _) in results.items():
        server = f"{run['server_peak_mb']:,.0f}" if "server_peak_mb" in run else "-"
        print(
            f"| {name} | {run['wall_s']:,.1f} | {run['cpu_s']:,.1f} | {run['peak_mb']:,.0f} "
            f"| {server} | {run['out'][-1]} |"
        )
    first, second = (fingerprint for _, fingerprint in results.values())
    same = first == second
    print(f"\nthe two graphs: {'equal' if same else 'DIFFERENT'} (counts and every authorship)")
    if not same:
        print(first, second, sep="\n")
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
