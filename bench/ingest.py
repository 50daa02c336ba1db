"""Snapshot ingest benchmark: graphsvc's batched writer against the naive tutorial loader.

    python -m bench.ingest --works 20000 --naive-works 2000
    python -m bench.ingest --works 100000 --backends neo4j,ladybug --naive-works 2000

Generates (and caches under bench/out/) a corpus in the snapshot's JSON-lines format, then for
each backend, in one run: graphsvc on the naive loader's prefix and on the whole corpus, and the
naive loader (bench/naive.py) on the prefix. Every load goes into a fresh graph (a new throwaway
Neo4j server, or a new Ladybug folder) and runs in its own Python process, so its peak RSS is its
own. Times are wall-clock from the first line read to the last commit (schema applied before).
The table shows the 1-minute load average before and after each load: on a shared machine,
numbers taken under load are not comparable (`--wait-idle S` waits for a quiet machine).
`--profile` runs graphsvc's loads under cProfile and prints where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import logging
import os
import platform
import pstats
import resource
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.neo4j_server import Neo4jServer

OUT = Path(__file__).resolve().parent / "out"
TIMEOUT_S = 600.0  # per statement/transaction: the benchmark wants numbers, not timeouts


@dataclass
class Result:
    backend: str
    loader: str
    papers: int
    seconds: float
    client_rss: int
    server_rss: int | None
    counts: dict[str, int]
    load: tuple[float, float]  # 1-minute load average before and after

    @property
    def rate(self) -> float:
        return self.papers / self.seconds if self.seconds else 0.0


def corpus_path(n_works: int, seed: int) -> Path:
    """The cached corpus file for (n, seed); generated on first use."""
    path = OUT / f"corpus-{n_works}-seed{seed}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        t0 = time.perf_counter()
        write_corpus(tmp, n_works, seed)
        tmp.rename(path)
        print(f"generated {path.name} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return path


# --- worker: one load in this process -------------------------------------------------------


def _open_backend(backend: str, target: str) -> Any:
    if backend == "neo4j":
        from bench.neo4j_server import PASSWORD
        from graphsvc.db.neo4j_backend import Neo4jBackend

        return Neo4jBackend(
            uri=target, user="neo4j", password=PASSWORD, database="neo4j", timeout_s=TIMEOUT_S
        )
    from graphsvc.db.ladybug_backend import LadybugBackend

    return LadybugBackend(Path(target), timeout_s=TIMEOUT_S)


def _counts(db: Any) -> dict[str, int]:
    return {r["kind"]: int(r["n"]) for r in db.read("graph_counts")}


def worker(args: argparse.Namespace) -> dict[str, Any]:
    """Apply the schema, time one load of the first `limit` lines, count what landed."""
    from bench import naive
    from loaders.snapshot import read_snapshot
    from loaders.writer import GraphWriter

    logging.getLogger("neo4j").setLevel(logging.ERROR)  # "property does not exist yet" notes
    db = _open_backend(args.backend, args.target)
    db.apply_schema()
    corpus = Path(args.corpus)
    if args.loader == "naive" and args.backend == "ladybug":
        db.close()  # the naive loader opens the folder itself
    profiler = cProfile.Profile() if args.profile else None
    t0 = time.perf_counter()
    if args.loader == "graphsvc":
        if profiler:
            profiler.enable()
        summary = GraphWriter(db, batch_size=args.batch_size).ingest(
            read_snapshot(corpus, limit=args.limit), source=f"snapshot:{corpus.name}"
        )
        if profiler:
            profiler.disable()
        papers = summary.ingested
    elif args.backend == "neo4j":
        from bench.neo4j_server import PASSWORD

        papers = naive.load_neo4j(corpus, args.limit, uri=args.target, password=PASSWORD)
    else:
        papers = naive.load_ladybug(corpus, args.limit, db_path=Path(args.target))
    seconds = time.perf_counter() - t0
    if args.loader == "naive" and args.backend == "ladybug":
        db = _open_backend(args.backend, args.target)
    counts = _counts(db)
    db.close()
    if profiler:
        profiler.dump_stats(args.profile)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"papers": papers, "seconds": seconds, "client_rss": rss, "counts": counts}


# --- driver: fresh graph per load, table at the end ------------------------------------------


def wait_idle(max_wait_s: float) -> None:
    """Wait (up to max_wait_s) until the 1-minute load average is below half the CPU count."""
    deadline = time.monotonic() + max_wait_s
    while os.getloadavg()[0] >= (os.cpu_count() or 1) / 2 and time.monotonic() < deadline:
        time.sleep(5)


def run_load(
    backend: str, loader: str, corpus: Path, limit: int, args: argparse.Namespace
) -> Result:
    wait_idle(args.wait_idle)
    load_before = os.getloadavg()[0]
    print(f"[{backend}] {loader}: {limit} papers ...", file=sys.stderr, flush=True)
    work = OUT / f"run-{backend}-{loader}-{limit}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    profile = (
        OUT / f"profile-{backend}-{limit}.pstats" if args.profile and loader == "graphsvc" else None
    )
    cmd = [
        sys.executable,
        "-m",
        "bench.ingest",
        "--worker",
        "--backend",
        backend,
        "--loader",
        loader,
        "--corpus",
        str(corpus),
        "--limit",
        str(limit),
        "--batch-size",
        str(args.batch_size),
    ]
    if profile:
        cmd += ["--profile-out", str(profile)]
    server: Neo4jServer | None = None
    try:
        if backend == "neo4j":
            server = Neo4jServer(work)
            server.start()
            cmd += ["--target", server.uri]
        else:
            cmd += ["--target", str(work / "graph.lbdb")]
        done = subprocess.run(cmd, check=True, capture_output=True, text=True)
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
        backend,
        loader,
        out["papers"],
        out["seconds"],
        out["client_rss"],
        server_rss,
        out["counts"],
        (load_before, os.getloadavg()[0]),
    )
    print(
        f"[{backend}] {loader}: {result.papers} papers in {result.seconds:.1f} s "
        f"({result.rate:,.0f}/s); graph {result.counts}",
        file=sys.stderr,
        flush=True,
    )
    if profile:
        print_profile(profile)
    return result


def print_profile(path: Path, top: int = 30) -> None:
    print(f"--- cProfile {path.name} (cumulative, top {top}) ---", file=sys.stderr)
    stats = pstats.Stats(str(path), stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(top)


def _mib(n: int | None) -> str:
    return "-" if n is None else f"{n / 1024**2:,.0f}"


def table(results: list[Result]) -> str:
    naive = {r.backend: r.rate for r in results if r.loader == "naive"}
    head = (
        f"| {'backend':<8} | {'loader':<8} | {'papers':>8} | {'seconds':>8} | {'papers/s':>8} "
        f"| {'vs naive':>8} | {'client RSS MiB':>14} | {'server RSS MiB':>14} "
        f"| {'load before/after':>17} |"
    )
    rule = "|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|"
    lines = [head, rule]
    for r in results:
        base = naive.get(r.backend)
        speedup = f"{r.rate / base:.1f}x" if base else "-"
        lines.append(
            f"| {r.backend:<8} | {r.loader:<8} | {r.papers:>8,} | {r.seconds:>8.1f} "
            f"| {r.rate:>8,.0f} | {speedup:>8} | {_mib(r.client_rss):>14} "
            f"| {_mib(r.server_rss):>14} | {f'{r.load[0]:.1f} / {r.load[1]:.1f}':>17} |"
        )
    return "\n".join(lines)


def machine() -> str:
    """A one-paragraph description of where the numbers come from."""
    import ladybug
    import neo4j

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem:.0f} GiB RAM; Python {platform.python_version()}, "
        f"neo4j driver {neo4j.__version__}, ladybug {ladybug.__version__}; "
        f"Neo4j heap {os.environ.get('NEO4J_HEAP', '512m')}, "
        f"page cache {os.environ.get('NEO4J_PAGECACHE', '256')} MiB"
    )


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--works", type=int, default=20_000, help="corpus size for graphsvc")
    parser.add_argument("--naive-works", type=int, default=2_000, help="prefix for the baseline")
    parser.add_argument("--backends", default="neo4j,ladybug")
    parser.add_argument("--batch-size", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-naive", action="store_true", help="skip the baseline")
    parser.add_argument("--profile", action="store_true", help="cProfile graphsvc's loads")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0.0,
        metavar="S",
        help="before each load, wait up to S seconds for the load average to drop",
    )
    # worker mode (internal)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    parser.add_argument("--loader", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--target", help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", dest="profile_out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        args.profile = args.profile_out
        print(json.dumps(worker(args)))
        return

    signal.signal(signal.SIGTERM, _terminate)  # stop the throwaway Neo4j on kill, too
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - {"neo4j", "ladybug"}
    if unknown:
        parser.error(f"unknown backend(s): {', '.join(sorted(unknown))}")
    corpus = corpus_path(args.works, args.seed)
    naive_n = min(args.naive_works, args.works)
    results: list[Result] = []
    started = time.perf_counter()
    for backend in backends:
        if not args.no_naive:
            results.append(run_load(backend, "naive", corpus, naive_n, args))
            if naive_n < args.works:
                results.append(run_load(backend, "graphsvc", corpus, naive_n, args))
        results.append(run_load(backend, "graphsvc", corpus, args.works, args))
    print()
    print(f"Machine: {machine()}")
    print(
        f"Corpus: {corpus.name} (bench/corpus.py, seed {args.seed}); "
        f"graphsvc batch size {args.batch_size}; total run {time.perf_counter() - started:.0f} s"
    )
    print()
    print(table(results))


if __name__ == "__main__":
    main()
