"""Query latency of a running server for named subjects, without the oracle.

    python -m bench.latency --server graphsvc=18001 --server baseline=18002 \\
        --researcher median=rachel-neal-bennett --researcher prolific=wei-j-zhang \\
        --topic largest=hep-ph --search common=wang --requests 200

For graphs whose oracle does not fit in memory beside the server (bench/api.py holds the whole
graph's facts: 15 GB at 1,000,000 works): the same endpoints and parameters as bench/api.py
(bench/subjects.py), asked of servers already serving the graph (e.g. this checkout and an older
commit's, side by side on one Neo4j): each cell on each server in turn, --warmup untimed
requests then up to --requests timed ones over one keep-alive connection, sequential. With
--misses, also the neighborhood right after a write: the graph version is bumped before each
timed request, on Neo4j through the graph the GRAPHSVC_* settings name (as bench/api.py does),
on the embedded engine (GRAPHSVC_BACKEND=ladybug) by an ingest job of each server's own: a
paper of its own (`new_bump_paper`) added, then given a new version, before each request
(servers started with GRAPHSVC_ADMIN_TOKEN=bench-admin-token).
With --search, also researcher search (the API's first page, `/v1/researchers?q=QUERY`) for
each query. Answers are not checked here; bench/api.py and the tests check them against the oracle.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable

from bench.graphs import OUT
from bench.ingest_beside import LadybugBump, Neo4jBump, new_bump_paper
from bench.servers import Http
from bench.subjects import ENDPOINTS, q
from bench.timing import pct, timed
from graphsvc.db import open_backend
from graphsvc.settings import load_settings


def labelled(value: str) -> tuple[str, str]:
    label, sep, ident = value.partition("=")
    if not sep or not label or not ident:
        raise argparse.ArgumentTypeError(f"expected LABEL=VALUE, got {value!r}")
    return label, ident


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--server", type=labelled, action="append", required=True,
                        metavar="NAME=PORT", help="a server to time (repeat for more)")  # fmt: skip
    parser.add_argument("--endpoint", action="append", choices=[e.name for e in ENDPOINTS],
                        help="time only these (repeat; default: all but the miss)")  # fmt: skip
    misses = "also the neighborhood after a write (GRAPHSVC_* name the graph written)"
    parser.add_argument("--misses", action="store_true", help=misses)
    parser.add_argument("--researcher", type=labelled, action="append", default=[])
    parser.add_argument("--topic", type=labelled, action="append", default=[])
    parser.add_argument("--search", type=labelled, action="append", default=[],
                        metavar="LABEL=QUERY", help="a researcher search (repeat)")  # fmt: skip
    parser.add_argument("--requests", type=int, default=200, help="timed requests per cell")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first")
    parser.add_argument("--budget", type=float, default=60.0, metavar="S",
                        help="stop timing a cell after S seconds (once 30 are timed)")  # fmt: skip
    args = parser.parse_args(argv)
    servers = [(name, Http(int(port))) for name, port in args.server]
    bumps = _bumps(servers) if args.misses else {}
    subjects = {"researcher": args.researcher, "topic": args.topic}
    print("| endpoint | subject | id | server | p50 ms | p99 ms | timed | errors |")
    print("|---|---|---|---|---:|---:|---:|---:|")
    cells = [
        (ep.name, label, ident, ep.path(ident), ep.miss)
        for ep in ENDPOINTS
        if (args.misses or not ep.miss) and (not args.endpoint or ep.name in args.endpoint)
        for label, ident in subjects[ep.kind]
    ]
    cells += [("search", label, query, _search_path(query), False) for label, query in args.search]
    for endpoint, label, ident, path, miss in cells:
        for name, http in servers:
            s = timed(
                functools.partial(_status, http, path),
                args.warmup,
                args.requests,
                args.budget,
                before_each=bumps[name] if miss else None,
            )
            error = f" ({s.first_error})" if s.first_error else ""
            print(f"| {endpoint} | {label} | {ident} | {name} | {pct(s.times, 50):.1f} | "
                  f"{pct(s.times, 99):.1f} | {len(s.times)} | {s.errors}{error} |",
                  flush=True)  # fmt: skip


def _search_path(query: str) -> str:
    return f"/v1/researchers?q={q(query)}"


def _status(http: Http, path: str) -> int:
    return http.get(path)[0]


def _bumps(servers: list[tuple[str, Http]]) -> dict[str, Callable[[], None]]:
    """Each server's version bump: one Neo4j graph for all, or each embedded server's own."""
    settings = load_settings()
    if settings.graphsvc_backend == "neo4j":
        shared = Neo4jBump(open_backend(settings))
        return {name: shared for name, _ in servers}
    return {
        name: LadybugBump(http, new_bump_paper(), OUT / f"bump-latency-{name}.jsonl")
        for name, http in servers
    }


if __name__ == "__main__":
    main()
