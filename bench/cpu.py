"""CPU per request of a running API server and of its database server, per endpoint.

    python -m bench.cpu --port 8011 --server-pid PID --db-pid PID \\
        --ids bench/out/load-ids-neo4j.json profile collaborators slice neighborhood

For each endpoint, `--requests` requests (ids drawn at random, seed 1, from the file that
bench/load.py writes) from `--threads` client threads; the table gives requests/s and the CPU
time (user + system, from /proc) that the API server's process and the database's process
(a Neo4j JVM) used per request over the run. Run it on an otherwise idle machine: the figures
are whole-process times.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def endpoints(ids: dict[str, list[str]]) -> dict[str, Callable[[random.Random], str]]:
    researchers = [quote(i, safe="") for i in ids["researchers"]]
    topics = [quote(i, safe="") for i in ids["topics"]]
    return {
        "profile": lambda rng: f"/v1/researchers/{rng.choice(researchers)}",
        "collaborators": lambda rng: (
            f"/v1/researchers/{rng.choice(researchers)}/collaborators?limit=20"
        ),
        "slice": lambda rng: f"/v1/researchers/{rng.choice(researchers)}/graph?depth=1&limit=200",
        "neighborhood": lambda rng: f"/v1/topics/{rng.choice(topics)}/neighborhood?limit=20",
        "healthz": lambda rng: "/healthz",
    }


def measure(port: int, paths: list[str], threads: int, pids: tuple[int, int]) -> list[float]:
    """Requests/s, and server and database CPU ms per request."""
    queue = iter(paths)
    lock = threading.Lock()

    def client() -> None:
        while True:
            with lock:
                path = next(queue, None)
            if path is None:
                return
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as answer:
                answer.read()

    server0, db0, start = cpu_seconds(pids[0]), cpu_seconds(pids[1]), time.monotonic()
    workers = [threading.Thread(target=client) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    wall = time.monotonic() - start
    n = len(paths)
    return [
        n / wall,
        1000 * (cpu_seconds(pids[0]) - server0) / n,
        1000 * (cpu_seconds(pids[1]) - db0) / n,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "names",
        nargs="+",
        help="endpoints: " + ", ".join(endpoints({"researchers": [""], "topics": [""]})),
    )
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--server-pid", type=int, required=True)
    parser.add_argument("--db-pid", type=int, required=True)
    parser.add_argument("--ids", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    paths_of = endpoints(json.loads(args.ids.read_text()))
    print("| endpoint | requests/s | API server CPU ms/request | database CPU ms/request |")
    print("|---|---|---|---|")
    for name in args.names:
        rng = random.Random(1)
        paths = [paths_of[name](rng) for _ in range(args.requests)]
        rate, server, db = measure(args.port, paths, args.threads, (args.server_pid, args.db_pid))
        print(f"| {name} | {rate:.0f} | {server:.1f} | {db:.1f} |", flush=True)


if __name__ == "__main__":
    main()
