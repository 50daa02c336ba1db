"""Snapshot ingest benchmark: graphsvc's writer against today's code and the naive loader.

    python -m bench.ingest --works 20000 --naive-works 2000
    python -m bench.ingest --works 100000 --backends neo4j,ladybug --no-naive

Generates (and caches under bench/out/) a corpus (--profile arxiv by default), then for each
backend, in one run: the naive loader (bench/naive.py) on the first --naive-works papers and
graphsvc on the same prefix; today's code (--baseline COMMIT, from a git worktree under
bench/out/) and graphsvc on the whole corpus. Every load goes into a fresh graph (a new
throwaway Neo4j server, or a new Ladybug folder) and runs in its own Python process
(bench/ingest_worker.py, with PYTHONPATH set to the code timed), so its peak RSS is its own.
Times are wall-clock from the first line read to the last commit (schema applied before).
Today's code runs with GRAPHSVC_QUERY_TIMEOUT_S=600: its 10 s default interrupts a statement
on the arxiv corpus (every load here gets 600 s per statement).
The table shows the 1-minute load average before and after each load: on a shared machine,
numbers taken under load are not comparable (`--wait-idle S` waits for a quiet machine).
`--cprofile` runs graphsvc's loads under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import PROFILES
from bench.graphs import OUT, PASSWORD, REPO, corpus_path, machine, neo4j_defaults
from bench.servers import BASELINE, worktree
from tests.neo4j_server import Neo4jServer

WORKER = REPO / "bench" / "ingest_worker.py"


@dataclass
class Result:
    backend: str
    loader: str  # "naive", "graphsvc", "baseline"
    papers: int
    seconds: float
    client_rss: int
    server_rss: int | None
    counts: dict[str, int]
    load: tuple[float, float]  # 1-minute load average before and after

    @property
    def rate(self) -> float:
        return self.papers / self.seconds if self.seconds else 0.0

    @property
    def authorships_rate(self) -> float:
        return self.counts.get("AUTHORED", 0) / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Load:
    """One load to time: which backend, whose code, how many papers."""

    backend: str
    loader: str
    limit: int


def wait_idle(max_wait_s: float) -> None:
    """Wait (up to max_wait_s) until the 1-minute load average is below half the CPU count."""
    deadline = time.monotonic() + max_wait_s
    while os.getloadavg()[0] >= (os.cpu_count() or 1) / 2 and time.monotonic() < deadline:
        time.sleep(5)


def _command(job: Load, corpus: Path, target: str, args: argparse.Namespace) -> list[str]:
    cmd = [sys.executable, str(WORKER), "--backend", job.backend, "--target", target]
    cmd += ["--password", PASSWORD, "--loader", "naive" if job.loader == "naive" else "graphsvc"]
    cmd += ["--corpus", str(corpus), "--limit", str(job.limit)]
    cmd += ["--batch-size", str(args.batch_size)]
    if args.cprofile and job.loader == "graphsvc":
        cmd += ["--profile-out", str(_profile_path(job))]
    return cmd


def _profile_path(job: Load) -> Path:
    return OUT / f"profile-{job.backend}-{job.limit}.pstats"


def _env(job: Load, args: argparse.Namespace) -> dict[str, str]:
    code = worktree(args.baseline) if job.loader == "baseline" else REPO
    return {**os.environ, "PYTHONPATH": str(code), "GRAPHSVC_QUERY_TIMEOUT_S": "600"}


def run_load(job: Load, corpus: Path, args: argparse.Namespace) -> Result:
    wait_idle(args.wait_idle)
    load_before = os.getloadavg()[0]
    print(f"[{job.backend}] {job.loader}: {job.limit} papers ...", file=sys.stderr, flush=True)
    work = OUT / f"run-{job.backend}-{job.loader}-{job.limit}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    server: Neo4jServer | None = None
    try:
        if job.backend == "neo4j":
            server = Neo4jServer(work / "db", PASSWORD, throwaway=True)
            server.start()
            target = server.uri
        else:
            target = str(work / "graph.lbdb")
        done = subprocess.run(
            _command(job, corpus, target, args),
            check=True,
            capture_output=True,
            text=True,
            env=_env(job, args),
        )
        out = json.loads(done.stdout.strip().splitlines()[-1])
        server_rss = server.peak_rss_bytes() if server else None
    except subprocess.CalledProcessError as err:
        sys.stderr.write(err.stderr)
        raise
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    result = Result(
        job.backend,
        job.loader,
        out["papers"],
        out["seconds"],
        out["client_rss"],
        server_rss,
        out["counts"],
        (load_before, os.getloadavg()[0]),
    )
    print(
        f"[{job.backend}] {job.loader}: {result.papers} papers in {result.seconds:.1f} s "
        f"({result.rate:,.0f}/s); graph {result.counts}",
        file=sys.stderr,
        flush=True,
    )
    if args.cprofile and job.loader == "graphsvc":
        print_profile(_profile_path(job))
    return result


def print_profile(path: Path, top: int = 30) -> None:
    print(f"--- cProfile {path.name} (cumulative, top {top}) ---", file=sys.stderr)
    stats = pstats.Stats(str(path), stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(top)


def _mib(n: int | None) -> str:
    return "-" if n is None else f"{n / 1024**2:,.0f}"


def _versus(r: Result, other: dict[tuple[str, int], float]) -> str:
    base = other.get((r.backend, r.papers))
    return f"{r.rate / base:.1f}x" if base and r.loader == "graphsvc" else "-"


def table(results: list[Result]) -> str:
    naive = {(r.backend, r.papers): r.rate for r in results if r.loader == "naive"}
    baseline = {(r.backend, r.papers): r.rate for r in results if r.loader == "baseline"}
    head = [
        "backend", "loader", "papers", "seconds", "papers/s", "authorships/s", "vs naive",
        "vs baseline", "client RSS MiB", "Neo4j VmHWM MiB", "load before/after",
    ]  # fmt: skip
    rows = [
        [
            r.backend,
            r.loader,
            f"{r.papers:,}",
            f"{r.seconds:.1f}",
            f"{r.rate:,.0f}",
            f"{r.authorships_rate:,.0f}",
            _versus(r, naive),
            _versus(r, baseline),
            _mib(r.client_rss),
            _mib(r.server_rss),
            f"{r.load[0]:.1f} / {r.load[1]:.1f}",
        ]
        for r in results
    ]
    widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(head)]

    def line(cells: list[str]) -> str:
        left = {0, 1}
        return "| " + " | ".join(
            f"{c:<{w}}" if i in left else f"{c:>{w}}"
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ) + " |"  # fmt: skip

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(head), rule, *(line(row) for row in rows)])


def plan(backend: str, args: argparse.Namespace) -> list[Load]:
    """The loads of one backend, in order."""
    naive_n = min(args.naive_works, args.works)
    jobs = []
    if not args.no_naive:
        jobs.append(Load(backend, "naive", naive_n))
        if naive_n < args.works:
            jobs.append(Load(backend, "graphsvc", naive_n))
    if not args.no_baseline:
        jobs.append(Load(backend, "baseline", args.works))
    jobs.append(Load(backend, "graphsvc", args.works))
    return jobs


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--works", type=int, default=20_000, help="corpus size")
    parser.add_argument("--naive-works", type=int, default=2_000, help="prefix for naive")
    parser.add_argument("--backends", default="neo4j,ladybug")
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", choices=PROFILES, default="arxiv", help="corpus profile")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive loader")
    parser.add_argument("--baseline", default=BASELINE, help="commit of today's code")
    parser.add_argument("--no-baseline", action="store_true", help="skip today's code")
    parser.add_argument("--cprofile", action="store_true", help="cProfile graphsvc's loads")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0.0,
        metavar="S",
        help="before each load, wait up to S seconds for the load average to drop",
    )
    args = parser.parse_args(argv)
    args.names = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(args.names) - {"neo4j", "ladybug"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    neo4j_defaults()
    signal.signal(signal.SIGTERM, _terminate)  # stop the throwaway Neo4j on kill, too
    corpus = corpus_path(args.works, args.seed, args.profile)
    results: list[Result] = []
    started = time.perf_counter()
    for backend in args.names:
        for job in plan(backend, args):
            results.append(run_load(job, corpus, args))
    print()
    print(f"Machine: {machine()}")
    print(
        f"Corpus: {corpus.name} (bench/corpus.py, profile {args.profile}, seed {args.seed}); "
        f"batch size {args.batch_size}; baseline: {args.baseline} (git worktree), with "
        f"GRAPHSVC_QUERY_TIMEOUT_S=600 (its 10 s default interrupts a statement on the arxiv "
        f"corpus; every load here has 600 s per statement); total run "
        f"{time.perf_counter() - started:.0f} s"
    )
    print(
        "authorships/s: AUTHORED relationships in the graph after the load / seconds (today's "
        "code also makes each team name a researcher); vs: papers/s over the other loader's "
        "on the same papers and backend"
    )
    print()
    print(table(results))


if __name__ == "__main__":
    main()
