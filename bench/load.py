"""Load test: locust (bench/locustfile.py) against `graphsvc serve` on loopback.

    python -m bench.load --works 100000 --backends neo4j,ladybug --workers 1,2 --wait-idle 120
    python -m bench.load --backends neo4j --neo4j-uri bolt://127.0.0.1:17687 --workers 1,2,3
    python -m bench.load --backends neo4j --neo4j-uri bolt://127.0.0.1:17687 --rates 0,300

A mix of four reads (graph slice depth 1 limit 200, collaborators limit 20, topic neighborhood
limit 20, researcher profile; equal weights) from `--users` closed-loop clients (no think time,
all started in the first second) for `--duration` seconds, and at most `--max-requests`
requests. `--rates`: for each rate R > 0, a second kind of run where the users are paced to
offer R requests/s in all (locust's constant_throughput); 0 is the closed loop without think
time, which measures the saturation throughput (there, by Little's law, the mean latency is
users / throughput: 50 users at 250 requests/s wait 200 ms on average whatever the server).
Researcher ids: `--researchers` drawn at random (seed 7) from the graph's researchers; topics:
every topic with a work. The graph comes from bench/graphs.py's `prepare` (an existing one with
--neo4j-uri / --ladybug-dir, else built from the cached generated corpus, --profile arxiv by
default).

On Neo4j the server runs once per `--workers` count (uvicorn worker processes, each with its own
driver pool); the embedded engine allows one process, so Ladybug always runs with one worker.
The load generator runs on the same machine as the server and the database: it takes part of
the same CPUs. The table gives requests, requests/s, p50, p99 and failures per endpoint and in
total (locust's figures; its percentiles are rounded to 2 significant digits above 100 ms),
and whether the closed-loop totals meet the target (>= 300 requests/s, p99 < 100 ms, no error,
set for 50 users on the 100,000-work arxiv graph).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.graphs import (
    OUT,
    REPO,
    Target,
    add_graph_args,
    backend_names,
    machine,
    neo4j_defaults,
    prepare,
    wait_idle,
)
from bench.servers import DIED, serving

TARGET_RPS, TARGET_P99_MS = 300.0, 100.0


@dataclass
class Line:
    backend: str
    workers: int
    rate: int  # offered requests/s; 0: closed loop, as fast as answered
    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p99: float
    load: tuple[float, float]


def pick_ids(target: Target, n_researchers: int) -> Path:
    """Researcher ids drawn at random (seed 7) and every topic with a work, as a JSON file."""
    backend = target.open()
    try:
        researchers = sorted(r["id"] for r in backend.read("export_researchers"))
        topics = [t["id"] for t in backend.read("topic_list", limit=100_000)]
    finally:
        backend.close()
    rng = random.Random(7)
    chosen = rng.sample(researchers, min(n_researchers, len(researchers)))
    path = OUT / f"load-ids-{target.backend}.json"
    path.write_text(json.dumps({"researchers": chosen, "topics": topics}))
    print(
        f"  ids: {len(chosen)} of {len(researchers)} researchers, {len(topics)} topics",
        file=sys.stderr,
    )
    return path


def run_locust(
    target: Target, workers: int, rate: int, ids: Path, args: argparse.Namespace
) -> list[Line]:
    """One server, one headless locust run; per-endpoint and total lines from its CSV."""
    suffix = f"-no-{args.exclude.replace(',', '-')}" if args.exclude else ""
    prefix = OUT / f"load-{target.backend}-w{workers}-r{rate}{suffix}"
    before = wait_idle(args.wait_idle)
    with serving(target, "graphsvc", REPO, workers) as server:
        print(
            f"  [{target.backend}] workers={workers} rate={rate or 'closed loop'}: "
            f"{args.users} users, {args.duration} s ...",
            file=sys.stderr,
            flush=True,
        )
        subprocess.run(
            [
                sys.executable,  # the locust of this environment, not whichever is on PATH
                "-m",
                "locust",
                "-f",
                str(REPO / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                str(args.users),
                "-t",
                f"{args.duration}s",
                "--stop-timeout",
                "10",
                "--host",
                f"http://127.0.0.1:{server.port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
                *(["--exclude-tags", *args.exclude.split(",")] if args.exclude else []),
            ],
            check=False,  # locust exits 1 when a request failed: the table says so
            cwd=REPO,
            env={
                **os.environ,
                "GRAPHSVC_LOAD_IDS": str(ids),
                "GRAPHSVC_LOAD_MAX_REQUESTS": str(args.max_requests),
                "GRAPHSVC_LOAD_RATE": str(rate),
                "GRAPHSVC_LOAD_USERS": str(args.users),
            },
            timeout=args.duration + 120,
        )
    after = os.getloadavg()[0]
    lines = []
    with open(f"{prefix}_stats.csv", newline="") as f:
        for row in csv.DictReader(f):
            lines.append(
                Line(
                    target.backend,
                    workers,
                    rate,
                    "all" if row["Name"] == "Aggregated" else row["Name"],
                    int(row["Request Count"]),
                    int(row["Failure Count"]),
                    float(row["Requests/s"]),
                    float(row["50%"]),
                    float(row["99%"]),
                    (before, after),
                )
            )
    return lines


def table(lines: list[Line]) -> str:
    head = (
        "| backend | workers | offered | endpoint      | requests |  req/s | p50 ms | p99 ms "
        "| errors | load before/after |"
    )
    rule = "|" + "|".join("-" * len(c) for c in head.split("|")[1:-1]) + "|"
    out = [head, rule]
    for x in lines:
        out.append(
            f"| {x.backend:<7} | {x.workers:>7} | {x.rate or 'max':>7} | {x.name:<13} "
            f"| {x.requests:>8,} "
            f"| {x.rps:>6,.0f} | {x.p50:>6.0f} | {x.p99:>6.0f} | {x.failures:>6} "
            f"| {f'{x.load[0]:.1f} / {x.load[1]:.1f}':>17} |"
        )
    return "\n".join(out)


def target_lines(lines: list[Line]) -> list[str]:
    """Each closed-loop run's totals against the target."""
    out = [
        f"Target (50 users, 100,000-work arxiv graph): >= {TARGET_RPS:g} requests/s, "
        f"p99 < {TARGET_P99_MS:g} ms, 0 errors."
    ]
    for x in lines:
        if x.name != "all" or x.rate:
            continue
        met = x.rps >= TARGET_RPS and x.p99 < TARGET_P99_MS and x.failures == 0
        out.append(
            f"- {x.backend}, {x.workers} worker(s): {x.rps:,.0f} requests/s, p99 {x.p99:.0f} ms, "
            f"{x.failures} errors: {'met' if met else 'NOT met'}"
        )
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    add_graph_args(parser)
    parser.add_argument("--workers", default="1,2", help="uvicorn workers to try (Neo4j only)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--rates", default="0", help="offered requests/s to try; 0: closed loop (saturation)"
    )
    parser.add_argument("--duration", type=int, default=60, help="seconds")
    parser.add_argument("--max-requests", type=int, default=500_000)
    parser.add_argument("--researchers", type=int, default=5_000, help="distinct ids in the mix")
    parser.add_argument("--exclude", help="endpoints to leave out of the mix, comma-separated")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("locust") is None:
        parser.error("locust is not installed here: pip install -e '.[bench]'")
    neo4j_defaults()
    signal.signal(signal.SIGTERM, lambda s, f: (_ for _ in ()).throw(SystemExit(128 + s)))
    OUT.mkdir(parents=True, exist_ok=True)
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    rates = [int(r) for r in args.rates.split(",") if r.strip()]
    lines: list[Line] = []
    started = time.perf_counter()
    for name in backend_names(parser, args):
        print(f"[{name}] preparing the graph ...", file=sys.stderr, flush=True)
        target = prepare(name, args)
        try:
            ids = pick_ids(target, args.researchers)
            for w in workers if name == "neo4j" else [1]:
                for rate in rates:
                    lines += run_locust(target, w, rate, ids, args)
                    print(table(lines), file=sys.stderr, flush=True)
        finally:
            target.close()
    print()
    print(f"Machine: {machine()}")
    print(
        f"{args.users} users, {args.duration} s, at most {args.max_requests:,} requests; "
        f"corpus profile {args.profile}; "
        f"total run {time.perf_counter() - started:.0f} s"
    )
    print()
    print(table(lines))
    print()
    for line in target_lines(lines):
        print(line)
    for note in DIED:
        print(f"NOTE: {note} (before the end of its run)")


if __name__ == "__main__":
    main()
