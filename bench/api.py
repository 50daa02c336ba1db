"""Query latency benchmark: each read endpoint through HTTP, its raw query in-process, and an
in-memory networkx answer to the same question, in one run.

    python -m bench.api --works 100000 --backends neo4j,ladybug --wait-idle 120
    python -m bench.api --backends neo4j --neo4j-uri bolt://127.0.0.1:17687   # an existing graph
    python -m bench.api --backends ladybug --ladybug-dir bench/out/dev/ladybug-100k

Subjects: the median and the most prolific researcher (by works), the median and the largest
topic (by works). Endpoints: the graph slice (depth 1, limit 200), collaborators (limit 20) and
the profile of each researcher, the neighborhood (limit 20) of each topic. The service caches
neighborhoods per graph version, so "neighborhood" times the cached answer after the first call;
"neighborhood*" times the raw look-up with an empty cache each call (no HTTP column).

For each backend:

1. open the backend in this process; dump the graph (`export_*` stored queries) into a networkx
   DiGraph (nodes ("R"|"W"|"T"|"I", id); edges AUTHORED, HAS_TOPIC, AFFILIATED_WITH);
2. "raw": time the service function the endpoint calls (`graphsvc.services.*`: its stored
   queries plus the Python shaping), `--requests` times after `--warmup` calls;
3. "networkx": time the same question answered from the in-memory graph (every count recomputed
   per call, as the stored queries do), and check that it gives the same JSON as the service;
4. close the backend (the embedded engine allows one process), start `python -m graphsvc serve`
   on a free loopback port and time the same requests over HTTP/1.1 keep-alive (`http.client`,
   one connection, sequential), checking status 200 and the same JSON.

Without `--neo4j-uri` / `--ladybug-dir`, the graph is built first with
`python -m graphsvc ingest snapshot` from the cached generated corpus (bench/corpus.py): into a
throwaway Neo4j (bench/neo4j_server.py) or a Ladybug folder under bench/out/ (kept and reused).
The 1-minute load average is printed before and after each backend (`--wait-idle S` waits up
to S seconds for it to drop below 1.5 first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import http.client
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

import bench.corpus
from bench.ingest import machine
from bench.neo4j_server import PASSWORD, Neo4jServer, free_port

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
IDLE_LOAD = 1.5
DIED: list[str] = []  # servers found dead at the end of a `serving` block
SLICE_DEPTH, SLICE_LIMIT, LIST_LIMIT = 1, 200, 20
RAW_CACHE: dict[str, Any] = {}  # the service caches per graph version, as the app does
CLOSE_MIN_WORKS = 2  # graphsvc's default GRAPHSVC_CLOSE_COLLABORATOR_MIN_WORKS

Data = dict[str, Any]


# --- the corpus -----------------------------------------------------------------------------


def corpus_path(n_works: int, seed: int) -> Path:
    """The cached corpus file of bench/ingest.py for (n, seed); generated on first use."""
    path = OUT / f"corpus-{n_works}-seed{seed}.jsonl"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        t0 = time.perf_counter()
        bench.corpus.write_corpus(tmp, n_works, seed)
        tmp.rename(path)
        print(f"generated {path.name} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return path


# --- the graph under test -------------------------------------------------------------------


@dataclass
class Target:
    """Where one backend's graph lives: environment for the CLI, and an in-process opener."""

    backend: str  # "neo4j" | "ladybug"
    env: dict[str, str]
    server: Neo4jServer | None = None

    def open(self) -> Any:
        from graphsvc.db import open_backend
        from graphsvc.settings import load_settings

        env = {"GRAPHSVC_QUERY_TIMEOUT_S": "600", **self.env}  # the export of a big graph
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return open_backend(load_settings())
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()


def _ingest(env: dict[str, str], corpus: Path) -> None:
    t0 = time.perf_counter()
    print(f"  ingest {corpus.name} ...", file=sys.stderr, flush=True)
    subprocess.run(
        [sys.executable, "-m", "graphsvc", "ingest", "snapshot", str(corpus), "--quiet"],
        check=True,
        cwd=REPO,
        env={**os.environ, **env},
    )
    print(f"  ingested in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)


def add_graph_args(parser: argparse.ArgumentParser) -> None:
    """The options `prepare` and `backend_names` read: which backends, which graph."""
    parser.add_argument("--works", type=int, default=100_000, help="corpus size (when building)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backends", default="neo4j,ladybug")
    parser.add_argument("--neo4j-uri", help="use this Neo4j (graph already loaded)")
    parser.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", PASSWORD))
    parser.add_argument("--ladybug-dir", help="use this GRAPHSVC_DATA_DIR (graph already loaded)")
    parser.add_argument("--wait-idle", type=float, default=0.0, metavar="S")


def backend_names(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[str]:
    """The backends of --backends, in order; an unknown one stops with a usage error."""
    names = [b.strip() for b in args.backends.split(",") if b.strip()]
    for name in names:
        if name not in ("neo4j", "ladybug"):
            parser.error(f"unknown backend {name!r}")
    return names


def prepare(backend: str, args: argparse.Namespace) -> Target:
    """An existing graph (--neo4j-uri / --ladybug-dir) or a freshly built one."""
    if backend == "neo4j":
        password = args.neo4j_password
        if args.neo4j_uri:
            env = {"GRAPHSVC_BACKEND": "neo4j", "NEO4J_URI": args.neo4j_uri}
            return Target(backend, {**env, "NEO4J_PASSWORD": password})
        server = Neo4jServer(OUT / f"api-neo4j-{args.works}")
        server.start()
        env = {"GRAPHSVC_BACKEND": "neo4j", "NEO4J_URI": server.uri, "NEO4J_PASSWORD": PASSWORD}
        try:
            _ingest(env, corpus_path(args.works, args.seed))
        except BaseException:
            server.stop()
            raise
        return Target(backend, env, server)
    if args.ladybug_dir:
        return Target(
            backend, {"GRAPHSVC_BACKEND": "embedded", "GRAPHSVC_DATA_DIR": args.ladybug_dir}
        )
    folder = OUT / f"graph-ladybug-{args.works}-seed{args.seed}"
    env = {"GRAPHSVC_BACKEND": "embedded", "GRAPHSVC_DATA_DIR": str(folder)}
    done = folder / "COMPLETE"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        _ingest(env, corpus_path(args.works, args.seed))
        done.write_text("ingested\n")
    return Target(backend, env)


# --- the networkx side ----------------------------------------------------------------------


@dataclass
class Memory:
    """The exported graph in memory: a DiGraph keyed by (kind, id), plus the list of works."""

    g: nx.DiGraph
    works: list[tuple[str, str]] = field(default_factory=list)


def build_memory(backend: Any) -> Memory:
    """Read every node and relationship (`export_*`) into a networkx DiGraph."""
    g = nx.DiGraph()
    for r in backend.read("export_researchers"):
        g.add_node(("R", r["id"]), name=r["name"], aliases=r["aliases"])
    works = []
    for w in backend.read("export_works"):
        node = ("W", w["arxiv_id"])
        works.append(node)
        g.add_node(node, title=w["title"], year=w["year"], published=w["published"])
    for t in backend.read("export_topics"):
        g.add_node(("T", t["id"]), **t)
    for i in backend.read("export_institutions"):
        g.add_node(("I", i["id"]), name=i["name"])
    for a in backend.read("export_authorships"):
        g.add_edge(("R", a["researcher"]), ("W", a["work"]))
    for h in backend.read("export_work_topics"):
        g.add_edge(("W", h["work"]), ("T", h["topic"]))
    for x in backend.read("export_affiliations"):
        g.add_edge(
            ("R", x["researcher"]),
            ("I", x["institution"]),
            first_year=x["first_year"],
            last_year=x["last_year"],
            works=x["works"],
        )
    return Memory(g, works)


def _newest(g: nx.DiGraph, w: tuple[str, str]) -> tuple[bool, int, str]:
    from graphsvc.services.graph import newest_first

    return newest_first(g.nodes[w]["published"], w[1])


def _years(g: nx.DiGraph, works: list[tuple[str, str]]) -> tuple[int | None, int | None]:
    years = [g.nodes[w]["year"] for w in works if g.nodes[w]["year"] is not None]
    return (min(years), max(years)) if years else (None, None)


def nx_collaborators(m: Memory, rid: str, limit: int) -> Data | None:
    """Co-authors by shared works (then name, id), with their newest shared works and topics."""
    g, r = m.g, ("R", rid)
    if r not in g:
        return None
    shared: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for w in g.succ[r]:
        if w[0] == "W":
            for c in g.pred[w]:
                if c != r:
                    shared[c].append(w)
    ranked = sorted(shared, key=lambda c: (-len(shared[c]), g.nodes[c]["name"], c[1]))[:limit]
    items = []
    for c in ranked:
        works = sorted(shared[c], key=lambda w: _newest(g, w))
        first, last = _years(g, works)
        topic_freq = Counter(t[1] for w in works for t in g.succ[w])
        items.append(
            {
                "id": c[1],
                "name": g.nodes[c]["name"],
                "shared_works": len(works),
                "score": float(len(works)),
                "first_year": first,
                "last_year": last,
                "work_ids": [w[1] for w in works[:5]],
                "shared_topics": [
                    t for t, _ in sorted(topic_freq.items(), key=lambda kv: (-kv[1], kv[0]))
                ][:5],
            }
        )
    return {"researcher_id": rid, "weighting": "count", "since": None, "items": items}


def nx_profile(m: Memory, rid: str, close_min_works: int) -> Data | None:
    """Counts, years, institutions, close collaborators and top topics of a researcher."""
    g, r = m.g, ("R", rid)
    if r not in g:
        return None
    works = [w for w in g.succ[r] if w[0] == "W"]
    first, last = _years(g, works)
    topics = Counter(t for w in works for t in g.succ[w])
    shared = Counter(c for w in works for c in g.pred[w] if c != r)
    institutions = sorted(
        (
            {"id": i[1], "name": g.nodes[i]["name"], **g.edges[r, i]}
            for i in g.succ[r]
            if i[0] == "I"
        ),
        key=lambda x: (-x["works"], x["id"]),
    )
    node = g.nodes[r]
    return {
        "id": rid,
        "name": node["name"],
        "aliases": list(node["aliases"] or []),
        "institutions": institutions,
        "affiliation_status": "imported" if institutions else "affiliation not imported",
        "works_count": len(works),
        "topics_count": len(topics),
        "close_collaborators_count": sum(1 for n in shared.values() if n >= close_min_works),
        "close_collaborator_min_works": close_min_works,
        "top_topics": [
            {"id": t[1], "name": g.nodes[t]["name"], "works": n}
            for t, n in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0][1]))[:10]
        ],
        "first_year": first,
        "last_year": last,
    }


def nx_slice(m: Memory, rid: str, limit: int) -> Data | None:
    """The depth-1 ego network, in graphsvc's node priority order (graphsvc.services.graph)."""
    from graphsvc.services import graph as gs

    g, r = m.g, ("R", rid)
    if r not in g:
        return None
    nodes = gs._Nodes()
    nodes.add(gs.researcher_node(rid), "Researcher", g.nodes[r]["name"], {"depth": 0})
    works = [w for w in g.succ[r] if w[0] == "W"]
    shared = Counter(c for w in works for c in g.pred[w] if c != r)
    coauthors = sorted(shared, key=lambda c: (-shared[c], g.nodes[c]["name"], c[1]))
    for c in coauthors:
        nodes.add(gs.researcher_node(c[1]), "Researcher", g.nodes[c]["name"], {"depth": 1})
    for w in sorted(works, key=lambda w: _newest(g, w)):
        d = g.nodes[w]
        props = {"year": d["year"], "published": d["published"] and d["published"].isoformat()}
        nodes.add(gs.work_node(w[1]), "Work", d["title"] or w[1], props)
    topic_works = Counter(t for w in works for t in g.succ[w])
    for t in sorted(topic_works, key=lambda t: (-topic_works[t], t[1])):
        name = g.nodes[t]["name"] or t[1]
        nodes.add(gs.topic_node(t[1]), "Topic", name, {"works": topic_works[t]})
    members = Counter(i for x in [r, *coauthors] for i in g.succ[x] if i[0] == "I")
    for i in sorted(members, key=lambda i: (-members[i], i[1])):
        nodes.add(gs.institution_node(i[1]), "Institution", g.nodes[i]["name"] or i[1], {})
    kept = nodes.order[:limit]
    included = set(kept)
    edges = {}
    for n in kept:
        kind, _, key = n.partition(":")
        if kind == "work":
            w = ("W", key)
            found = [("AUTHORED", gs.researcher_node(a[1]), n) for a in g.pred[w]]
            found += [("HAS_TOPIC", n, gs.topic_node(t[1])) for t in g.succ[w]]
        elif kind == "researcher":
            found = [
                ("AFFILIATED_WITH", n, gs.institution_node(i[1]))
                for i in g.succ[("R", key)]
                if i[0] == "I"
            ]
        else:
            continue
        for k, s, t in found:
            if s in included and t in included:
                eid = gs.edge_id(k, s, t)
                edges[eid] = {"id": eid, "source": s, "target": t, "type": k}
    return {
        "elements": {
            "nodes": [{"data": nodes.data[n]} for n in kept],
            "edges": [{"data": edges[k]} for k in sorted(edges)],
        },
        "truncated": len(nodes) > limit,
        "center": gs.researcher_node(rid),
    }


def nx_neighborhood(m: Memory, tid: str, limit: int) -> Data | None:
    """Co-occurring topics with lift, top researchers and newest works of a topic."""
    from graphsvc.services.topics import lift

    g, t = m.g, ("T", tid)
    if t not in g:
        return None
    succ = g.succ
    total = sum(1 for w in m.works if succ[w])  # works with a topic, recounted as the query does
    works = list(g.pred[t])
    together = Counter(u for w in works for u in succ[w] if u != t)
    top = sorted(together, key=lambda u: (-together[u], u[1]))[:limit]
    authors = Counter(a for w in works for a in g.pred[w])
    researchers = sorted(authors, key=lambda a: (-authors[a], g.nodes[a]["name"], a[1]))[:limit]
    recent = sorted(works, key=lambda w: w[1], reverse=True)
    recent.sort(key=lambda w: (g.nodes[w]["published"] is None, _minus(g.nodes[w]["published"])))
    node = g.nodes[t]
    keys = ("id", "name", "archive", "archive_name", "group_id", "group_name")
    return {
        "topic": {**{k: node[k] for k in keys}, "works": len(works)},
        "total_works": total,
        "cooccurring": [
            {
                "id": u[1],
                "name": g.nodes[u]["name"],
                "works_together": together[u],
                "lift": lift(together[u], total, len(works), g.in_degree(u)),
            }
            for u in top
        ],
        "researchers": [
            {"id": a[1], "name": g.nodes[a]["name"], "works": authors[a]} for a in researchers
        ],
        "recent_works": [
            {"arxiv_id": w[1], "title": g.nodes[w]["title"], "year": g.nodes[w]["year"]}
            for w in recent[:limit]
        ],
    }


def _minus(day: dt.date | None) -> int:
    return -day.toordinal() if day else 0


# --- the questions --------------------------------------------------------------------------


@dataclass
class Endpoint:
    name: str
    subject_kind: str  # "researcher" | "topic"
    path: Callable[[str], str] | None  # None: not timed over HTTP
    raw: Callable[[Any, str], Data | None]
    memory: Callable[[Memory, str], Data | None]
    model: Any


def endpoints() -> list[Endpoint]:
    """The endpoints timed, collaborators last: on Ladybug its second query can exhaust the
    buffer pool, after which that process's other queries fail too (see bench/RESULTS.md)."""
    from graphsvc.api.models_graph import GraphSlice
    from graphsvc.api.models_researchers import Collaborators, ResearcherProfile
    from graphsvc.api.models_topics import TopicNeighborhood
    from graphsvc.services import graph, researchers, topics

    def q(s: str) -> str:
        return urllib.parse.quote(s, safe="")

    return [
        Endpoint(
            "slice",
            "researcher",
            lambda i: f"/v1/researchers/{q(i)}/graph?depth={SLICE_DEPTH}&limit={SLICE_LIMIT}",
            lambda b, i: graph.ego_network(b, i, SLICE_DEPTH, SLICE_LIMIT),
            lambda m, i: nx_slice(m, i, SLICE_LIMIT),
            GraphSlice,
        ),
        Endpoint(
            "neighborhood",
            "topic",
            lambda i: f"/v1/topics/{q(i)}/neighborhood?limit={LIST_LIMIT}",
            lambda b, i: topics.neighborhood(b, i, LIST_LIMIT, RAW_CACHE),
            lambda m, i: nx_neighborhood(m, i, LIST_LIMIT),
            TopicNeighborhood,
        ),
        Endpoint(  # the same without the answer cache: what a first request (or a write) costs
            "neighborhood*",
            "topic",
            None,
            lambda b, i: topics.neighborhood(b, i, LIST_LIMIT, {}),
            lambda m, i: nx_neighborhood(m, i, LIST_LIMIT),
            TopicNeighborhood,
        ),
        Endpoint(
            "profile",
            "researcher",
            lambda i: f"/v1/researchers/{q(i)}",
            lambda b, i: researchers.profile(b, i, CLOSE_MIN_WORKS),
            lambda m, i: nx_profile(m, i, CLOSE_MIN_WORKS),
            ResearcherProfile,
        ),
        Endpoint(
            "collaborators",
            "researcher",
            lambda i: f"/v1/researchers/{q(i)}/collaborators?limit={LIST_LIMIT}",
            lambda b, i: researchers.collaborators(
                b, i, limit=LIST_LIMIT, weighting="count", since=None
            ),
            lambda m, i: nx_collaborators(m, i, LIST_LIMIT),
            Collaborators,
        ),
    ]


def subjects(m: Memory) -> dict[str, list[tuple[str, str, int]]]:
    """(label, id, works): the median and the most prolific researcher, the median and the
    largest topic (researchers and topics with at least one work; ties by id)."""
    g = m.g
    out: dict[str, list[tuple[str, str, int]]] = {}
    for kind, key, big in (("researcher", "R", "prolific"), ("topic", "T", "largest")):
        sized = sorted(
            (sum(1 for w in (g.succ[n] if key == "R" else g.pred[n]) if w[0] == "W"), n[1])
            for n in g
            if n[0] == key
        )
        sized = [s for s in sized if s[0] > 0]
        median = sized[len(sized) // 2]
        largest = min(sized, key=lambda s: (-s[0], s[1]))
        out[kind] = [("median", median[1], median[0]), (big, largest[1], largest[0])]
    return out


def as_json(model: Any, data: Data | None) -> Any:
    """The answer as the API would serialise it."""
    return None if data is None else model.model_validate(data).model_dump(mode="json")


# --- timing ---------------------------------------------------------------------------------


def pct(samples: list[float], p: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    s = sorted(samples)
    return 1000 * s[max(0, math.ceil(p / 100 * len(s)) - 1)] if s else math.nan


def timed(
    call: Callable[[], Any], warmup: int, n: int, budget_s: float = math.inf, least: int = 30
) -> tuple[list[float], int]:
    """Times of `n` calls after `warmup` calls, and how many calls raised (not timed). Stops
    early once `budget_s` seconds have gone by and `least` calls were timed."""
    errors = 0
    for _ in range(warmup):
        try:
            call()
        except Exception:
            errors += 1
    out: list[float] = []
    start = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        if t0 - start > budget_s and len(out) >= least:
            break
        try:
            call()
        except Exception:
            errors += 1
            continue
        out.append(time.perf_counter() - t0)
    return out, errors


class Failed(str):
    """The message of a call that raised (the exception itself is not kept: its traceback would
    hold on to the embedded database's objects)."""


def _try(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception as err:
        print(f"  error: {err}", file=sys.stderr)
        return Failed(str(err))


@dataclass
class Row:
    backend: str
    endpoint: str
    subject: str  # "median (id, n works)"
    http: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)
    same: str = "?"  # networkx == raw == HTTP JSON
    errors: list[int] = field(default_factory=lambda: [0, 0])  # raw, HTTP
    breakdown: list[tuple[str, float, float]] = field(default_factory=list)


@contextmanager
def serving(target: Target, workers: int = 1) -> Iterator[int]:
    """`python -m graphsvc serve` on a free loopback port, until the block ends."""
    port = free_port()
    log = (OUT / f"api-serve-{target.backend}.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "graphsvc", "serve", "--host", "127.0.0.1", "--port", str(port)]
        + (["--workers", str(workers)] if workers > 1 else []),
        cwd=REPO,
        env={**os.environ, **target.env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"graphsvc serve did not start (see {log.name})")
            time.sleep(0.3)
        yield port
    finally:
        if proc.poll() is not None:
            print(f"  graphsvc serve had exited with code {proc.returncode}", file=sys.stderr)
            DIED.append(f"{target.backend}: graphsvc serve exited with code {proc.returncode}")
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def wait_idle(max_wait_s: float) -> float:
    deadline = time.monotonic() + max_wait_s
    while os.getloadavg()[0] >= IDLE_LOAD and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()[0]


class Recording:
    """A backend proxy that adds up the time of each stored query by name, per request."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.requests: list[Counter[str]] = []
        self.calls: Counter[str] = Counter()

    def read(self, name: str, **params: Any) -> Any:
        return self._timed(self.backend, name, params)

    def read_together(self, work: Callable[[Any], Any]) -> Any:
        """The backend's read transaction, its queries timed like single reads."""
        return self.backend.read_together(lambda tx: work(_RecordingTx(self, tx)))

    def _timed(self, reader: Any, name: str, params: dict[str, Any]) -> Any:
        t0 = time.perf_counter()
        try:
            return reader.read(name, **params)
        finally:
            self.requests[-1][name] += time.perf_counter() - t0
            self.calls[name] += 1


class _RecordingTx:
    """One read transaction of a Recording's backend: its queries go to the same tallies."""

    def __init__(self, recording: Recording, tx: Any) -> None:
        self._recording = recording
        self._tx = tx

    def read(self, name: str, **params: Any) -> Any:
        return self._recording._timed(self._tx, name, params)


def breakdown(backend: Any, ep: Endpoint, sid: str, n: int) -> list[tuple[str, float, float]]:
    """(query, calls per request, median ms per request) over `n` calls of the service."""
    rec = Recording(backend)
    for _ in range(n):
        rec.requests.append(Counter())
        _try(lambda: ep.raw(rec, sid))
    out = [
        (name, calls / n, pct([r[name] for r in rec.requests], 50))
        for name, calls in rec.calls.items()
    ]
    return sorted(out, key=lambda x: -x[2])


def in_process(
    target: Target, eps: list[Endpoint], args: argparse.Namespace, info: dict[str, Any]
) -> tuple[dict[tuple[str, str], Row], dict[tuple[str, str], Any]]:
    """Export the graph to networkx, pick the subjects, time raw and networkx calls."""
    rows: dict[tuple[str, str], Row] = {}
    answers: dict[tuple[str, str], Any] = {}
    backend = target.open()
    try:
        t0 = time.perf_counter()
        memory = build_memory(backend)
        info["nx_build_s"] = time.perf_counter() - t0
        g = memory.g
        info["graph"] = f"{g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges"
        subs = info["subjects"] = subjects(memory)
        gc.freeze()  # millions of graph objects: keep the collector from walking them per call
        info["load"] = [wait_idle(args.wait_idle)]
        for ep in eps:
            for label, sid, n in subs[ep.subject_kind]:
                row = rows[ep.name, sid] = Row(target.backend, ep.name, f"{label} ({n} works)")
                raw_answer = _try(lambda ep=ep, sid=sid: as_json(ep.model, ep.raw(backend, sid)))
                mem_answer = as_json(ep.model, ep.memory(memory, sid))
                answers[ep.name, sid] = raw_answer
                row.same = "yes" if raw_answer == mem_answer else "NO"
                if isinstance(raw_answer, Failed):
                    row.same = "err"
                elif raw_answer != mem_answer:
                    dump = OUT / f"api-diff-{target.backend}-{ep.name}-{label}.json"
                    dump.write_text(json.dumps({"raw": raw_answer, "networkx": mem_answer}))
                row.raw, row.errors[0] = timed(
                    lambda ep=ep, sid=sid: ep.raw(backend, sid), args.warmup, args.n, args.budget
                )
                row.memory, _ = timed(
                    lambda ep=ep, sid=sid: ep.memory(memory, sid), args.warmup, args.n, args.budget
                )
                if args.breakdown:
                    row.breakdown = breakdown(backend, ep, sid, args.breakdown)
    finally:
        backend.close()
    return rows, answers


def run_backend(target: Target, args: argparse.Namespace) -> tuple[list[Row], dict[str, Any]]:
    info: dict[str, Any] = {}
    eps = endpoints()
    rows, answers = in_process(target, eps, args, info)
    subs = info["subjects"]
    gc.unfreeze()
    gc.collect()  # the embedded database's lock goes with its last reference
    with serving(target) as port:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

        def get(path: str) -> Any:
            nonlocal conn
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                raise
            if response.status != 200:
                raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
            return body

        for ep in eps:
            if ep.path is None:
                continue
            for _, sid, _ in subs[ep.subject_kind]:
                row = rows[ep.name, sid]
                path = ep.path(sid)
                answer = _try(lambda path=path: json.loads(get(path)))
                if answer != answers[ep.name, sid] and row.same == "yes":
                    row.same = "NO (http)"
                row.http, row.errors[1] = timed(
                    lambda path=path: get(path), args.warmup, args.n, args.budget
                )
        conn.close()
    info["load"].append(os.getloadavg()[0])
    return list(rows.values()), info


def table(rows: list[Row]) -> str:
    cols = [
        ("backend", 8, "<"),
        ("endpoint", 13, "<"),
        ("subject", 22, "<"),
        ("HTTP p50", 8, ">"),
        ("HTTP p99", 8, ">"),
        ("raw p50", 8, ">"),
        ("raw p99", 8, ">"),
        ("nx p50", 8, ">"),
        ("nx p99", 8, ">"),
        ("HTTP/raw", 8, ">"),
        ("n HTTP/raw/nx", 13, ">"),
        ("same", 4, "<"),
        ("errors raw/HTTP", 15, ">"),
    ]
    head = "| " + " | ".join(f"{c:{a}{w}}" for c, w, a in cols) + " |"
    rule = "|" + "|".join("-" * (w + 2) for _, w, _ in cols) + "|"
    lines = [head, rule]
    for r in rows:
        h50, r50 = pct(r.http, 50), pct(r.raw, 50)
        vals = [
            r.backend,
            r.endpoint,
            r.subject,
            f"{h50:.1f}" if r.http else "-",
            f"{pct(r.http, 99):.1f}" if r.http else "-",
            f"{r50:.1f}",
            f"{pct(r.raw, 99):.1f}",
            f"{pct(r.memory, 50):.2f}",
            f"{pct(r.memory, 99):.2f}",
            f"{h50 / r50:.2f}x" if r.http and r.raw else "-",
            f"{len(r.http)}/{len(r.raw)}/{len(r.memory)}",
            r.same,
            f"{r.errors[0]} / {r.errors[1]}",
        ]
        lines.append(
            "| " + " | ".join(f"{v:{a}{w}}" for v, (_, w, a) in zip(vals, cols, strict=True)) + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    add_graph_args(parser)
    parser.add_argument("--requests", dest="n", type=int, default=200, help="timed calls each")
    parser.add_argument("--warmup", type=int, default=20, help="untimed calls first")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        metavar="S",
        help="stop timing a cell after S seconds (once 30 calls are timed)",
    )
    parser.add_argument(
        "--breakdown",
        type=int,
        default=0,
        metavar="N",
        help="also time each stored query of the raw calls (N more calls per cell)",
    )
    parser.add_argument("--json", dest="json_out", help="also write the samples here")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda s, f: (_ for _ in ()).throw(SystemExit(128 + s)))
    OUT.mkdir(parents=True, exist_ok=True)
    all_rows: list[Row] = []
    notes = []
    for name in backend_names(parser, args):
        print(f"[{name}] preparing the graph ...", file=sys.stderr, flush=True)
        target = prepare(name, args)
        try:
            rows, info = run_backend(target, args)
        finally:
            target.close()
        all_rows += rows
        subs = "; ".join(
            f"{label} {kind} {sid!r} ({n} works)"
            for kind, v in info["subjects"].items()
            for label, sid, n in v
        )
        notes.append(
            f"{name}: graph {info['graph']} (networkx built in {info['nx_build_s']:.0f} s); "
            f"load average {info['load'][0]:.1f} before / {info['load'][1]:.1f} after; {subs}"
        )
        print(table(rows), file=sys.stderr, flush=True)
        if args.json_out:
            Path(args.json_out).write_text(json.dumps([r.__dict__ for r in all_rows], default=str))
    print()
    print(f"Machine: {machine()}")
    print(
        f"Up to {args.n} timed calls after {args.warmup} warm-up calls per cell (fewer when a "
        f"cell took over {args.budget:g} s: see n); milliseconds."
    )
    for note in notes:
        print(note)
    print()
    print(table(all_rows))
    if args.breakdown:
        print()
        print("Stored queries per raw call (median ms per request; calls per request):")
        for r in all_rows:
            parts = ", ".join(f"{q} {ms:.1f} ({k:g}x)" for q, k, ms in r.breakdown)
            print(f"- {r.backend} {r.endpoint} {r.subject}: {parts}")


if __name__ == "__main__":
    main()
