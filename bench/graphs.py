"""The graph under test of bench/api.py and bench/load.py, and the machine they run on.

A graph given with --neo4j-uri / --ladybug-dir is used as it is. Otherwise the cached generated
corpus (`corpus_path`: profile, size, seed) is ingested with `python -m graphsvc ingest snapshot`
into a throwaway Neo4j (deleted at the end) or into bench/out/graph-ladybug-... (kept for the
next run; a COMPLETE marker says the ingest finished).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import PROFILES, write_corpus
from tests.helpers import TEST_QUERIES
from tests.neo4j_server import Neo4jServer

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
PASSWORD = "graphsvc-bench"  # the throwaway servers'
SERVER_PASSWORD = "graphsvc-test"  # scripts/neo4j-local's default: a server started by hand
IDLE_LOAD = 1.5  # "idle": the 1-minute load average below this
# The throwaway servers' heap when NEO4J_HEAP is unset (scripts/neo4j-local's default is 512m):
# a 5,000-paper batch of the arxiv corpus, with its 3,000-author team papers, needs more than
# the 358 MiB of transaction memory a 512m heap allows.
NEO4J_HEAP = "2g"


def neo4j_defaults() -> None:
    """Give the throwaway Neo4j servers NEO4J_HEAP (unless set)."""
    os.environ.setdefault("NEO4J_HEAP", NEO4J_HEAP)


def corpus_path(n_works: int, seed: int, profile: str = "arxiv") -> Path:
    """The cached corpus for (profile, n, seed), generated on first use: arxiv as .jsonl.gz
    (the name bench/identity.py uses too), simple as .jsonl."""
    if profile == "arxiv":
        path = OUT / f"corpus-arxiv-{n_works}-seed{seed}.jsonl.gz"
    else:
        path = OUT / f"corpus-{n_works}-seed{seed}.jsonl"
    if not path.exists():
        tmp = path.with_name(f"tmp-{path.name}")  # same suffix: gzip or not
        t0 = time.perf_counter()
        write_corpus(tmp, n_works, seed, profile=profile)
        tmp.rename(path)
        print(f"generated {path.name} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


@dataclass
class Target:
    """Where one backend's graph lives: the environment a graphsvc process needs to open it."""

    backend: str  # "neo4j" | "ladybug"
    env: dict[str, str]
    server: Neo4jServer | None = None

    @property
    def data_dir(self) -> Path:
        """The Ladybug folder (GRAPHSVC_DATA_DIR)."""
        return Path(self.env["GRAPHSVC_DATA_DIR"])

    def with_data_dir(self, folder: Path) -> Target:
        """The same Ladybug settings on another folder (a copy of this graph)."""
        return Target(self.backend, {**self.env, "GRAPHSVC_DATA_DIR": str(folder)})

    def open(self, *, read_only: bool = False) -> Any:
        """This graph opened in this process with graphsvc's code (600 s per query), with the
        tests' queries too (the `export_*` dumps and `graph_counts` live in tests/cypher)."""
        from graphsvc.db import open_backend
        from graphsvc.settings import load_settings

        env = {"GRAPHSVC_QUERY_TIMEOUT_S": "600", **self.env}
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return open_backend(load_settings(), read_only=read_only, extra_queries=TEST_QUERIES)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


def add_graph_args(parser: argparse.ArgumentParser) -> None:
    """The options `prepare` and `backend_names` read: which backends, which graph."""
    parser.add_argument("--works", type=int, default=100_000, help="corpus size (when building)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile", choices=PROFILES, default="arxiv", help="corpus profile (bench/corpus.py)"
    )
    parser.add_argument("--backends", default="neo4j,ladybug")
    parser.add_argument("--neo4j-uri", help="use this Neo4j (graph already loaded)")
    parser.add_argument(
        "--neo4j-password",
        default=os.environ.get("NEO4J_PASSWORD", SERVER_PASSWORD),
        help=f"for --neo4j-uri (default $NEO4J_PASSWORD, else {SERVER_PASSWORD}: neo4j-local's)",
    )
    parser.add_argument("--ladybug-dir", help="use this GRAPHSVC_DATA_DIR (graph already loaded)")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0.0,
        metavar="S",
        help=f"wait up to S seconds for the load average to drop below {IDLE_LOAD} first",
    )


def backend_names(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[str]:
    """The backends of --backends, in order; an unknown one stops with a usage error."""
    names = [b.strip() for b in args.backends.split(",") if b.strip()]
    for name in names:
        if name not in ("neo4j", "ladybug"):
            parser.error(f"unknown backend {name!r}")
    return names


def _ingest(env: dict[str, str], corpus: Path) -> None:
    t0 = time.perf_counter()
    print(f"  ingest {corpus.name} ...", file=sys.stderr, flush=True)
    subprocess.run(
        [sys.executable, "-m", "graphsvc", "ingest", "snapshot", str(corpus), "--quiet"],
        check=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO), "GRAPHSVC_QUERY_TIMEOUT_S": "600", **env},
        stdout=sys.stderr,  # its summary line: stdout is for the table
    )
    print(f"  ingested in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)


def prepare(backend: str, args: argparse.Namespace) -> Target:
    """An existing graph (--neo4j-uri / --ladybug-dir) or one built from the cached corpus."""
    if backend == "neo4j":
        return _prepare_neo4j(args)
    if args.ladybug_dir:
        return Target(
            backend, {"GRAPHSVC_BACKEND": "embedded", "GRAPHSVC_DATA_DIR": args.ladybug_dir}
        )
    name = "" if args.profile == "simple" else f"{args.profile}-"
    folder = OUT / f"graph-ladybug-{name}{args.works}-seed{args.seed}"
    env = {"GRAPHSVC_BACKEND": "embedded", "GRAPHSVC_DATA_DIR": str(folder)}
    if not (folder / "COMPLETE").exists():
        shutil.rmtree(folder, ignore_errors=True)
        _ingest(env, corpus_path(args.works, args.seed, args.profile))
        (folder / "COMPLETE").write_text("ingested\n")
    return Target(backend, env)


def _prepare_neo4j(args: argparse.Namespace) -> Target:
    if args.neo4j_uri:
        env = {"GRAPHSVC_BACKEND": "neo4j", "NEO4J_URI": args.neo4j_uri}
        return Target("neo4j", {**env, "NEO4J_PASSWORD": args.neo4j_password})
    work = OUT / f"neo4j-{args.profile}-{args.works}"
    server = Neo4jServer(work / "db", PASSWORD, throwaway=True)
    server.start()
    env = {"GRAPHSVC_BACKEND": "neo4j", "NEO4J_URI": server.uri, "NEO4J_PASSWORD": PASSWORD}
    try:
        _ingest(env, corpus_path(args.works, args.seed, args.profile))
    except BaseException:
        server.stop()
        raise
    return Target("neo4j", env, server)


def wait_idle(max_wait_s: float) -> float:
    """Wait up to `max_wait_s` for the 1-minute load average to drop below IDLE_LOAD; return it."""
    deadline = time.monotonic() + max_wait_s
    while os.getloadavg()[0] >= IDLE_LOAD and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()[0]


def fresh_copy(graph: Path, folder: Path) -> Path:
    """A copy of the graph folder `graph` as `folder/<its name>`, `folder` emptied first (the
    original is never written)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return Path(shutil.copytree(graph, folder / graph.name))


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
