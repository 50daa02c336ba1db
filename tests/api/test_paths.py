"""GET /v1/paths: shortest co-authorship paths against networkx on tests.oracle.coauthor_graph."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from tests.conftest import on_both, same_on_both
from tests.helpers import graph_state
from tests.oracles.facts import Facts, coauthor_graph, facts

PROBLEM = "application/problem+json"
_CACHE: dict[tuple[str, str], tuple[Facts, nx.Graph]] = {}


def oracle(backend: GraphBackend, dataset: str) -> tuple[Facts, nx.Graph]:
    key = (backend.dialect, dataset)
    if key not in _CACHE:
        f = facts(backend)
        _CACHE[key] = (f, coauthor_graph(f))
    return _CACHE[key]


def smallest_shortest(g: nx.Graph, a: str, b: str) -> list[str]:
    """The lexicographically smallest shortest path: walk down the distances to `b`."""
    dist = nx.single_source_shortest_path_length(g, b)
    path = [a]
    while path[-1] != b:
        here = dist[path[-1]]
        path.append(min(n for n in g[path[-1]] if dist.get(n) == here - 1))
    return path


def newest_work(f: Facts, works: set[str]) -> str:
    def key(w: str) -> tuple[int, int, str]:
        published: dt.date | None = f.works[w]["published"]
        return (1, 0, w) if published is None else (0, -published.toordinal(), w)

    return min(works, key=key)


def ask(
    client: TestClient, backend: GraphBackend, dataset: str, a: str, b: str, max_hops: int = 6
) -> dict[str, Any]:
    resp = client.get("/v1/paths", params={"from": a, "to": b, "max_hops": max_hops})
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def check_pair(
    client: TestClient, backend: GraphBackend, dataset: str, a: str, b: str, max_hops: int = 6
) -> dict[str, Any]:
    f, g = oracle(backend, dataset)
    body = ask(client, backend, dataset, a, b, max_hops)
    try:
        want = nx.shortest_path_length(g, a, b)
    except nx.NetworkXNoPath:
        want = None
    if want is None or want > max_hops:
        assert body == {"found": False, "hops": None, "researchers": [], "links": []}
        return body
    assert body["found"] is True and body["hops"] == want
    ids = [r["id"] for r in body["researchers"]]
    assert ids == smallest_shortest(g, a, b)
    assert [r["name"] for r in body["researchers"]] == [f.researchers[r]["name"] for r in ids]
    assert len(body["links"]) == want
    for link, x, y in zip(body["links"], ids, ids[1:], strict=False):
        assert (link["from"], link["to"]) == (x, y)
        shared = g[x][y]["works"]
        work = link["work"]
        assert work["arxiv_id"] in shared
        assert work["arxiv_id"] == newest_work(f, shared)
        assert work["title"] == f.works[work["arxiv_id"]]["title"]
        assert work["year"] == f.works[work["arxiv_id"]]["year"]
    return body


def sample_pairs(g: nx.Graph, n: int, seed: int) -> list[tuple[str, str]]:
    """Pairs inside the largest component (mostly reachable) and a few across components."""
    rng = random.Random(seed)
    largest: set[str] = max(nx.connected_components(g), key=len)
    big = sorted(largest)
    everyone = sorted(g.nodes)
    pairs = [(rng.choice(big), rng.choice(big)) for _ in range(n)]
    pairs += [(rng.choice(everyone), rng.choice(everyone)) for _ in range(n // 3)]
    return pairs


def test_demo_paths_match_oracle(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    _, g = oracle(demo_backend, "demo")
    found = 0
    for a, b in sample_pairs(g, 30, seed=1):
        found += check_pair(demo_client, demo_backend, "demo", a, b, max_hops=8)["found"]
    assert found >= 10


def test_corpus_paths_match_oracle(corpus_client: TestClient, corpus_backend: GraphBackend) -> None:
    _, g = oracle(corpus_backend, "corpus")
    hops = set()
    for a, b in sample_pairs(g, 25, seed=2):
        body = check_pair(corpus_client, corpus_backend, "corpus", a, b, max_hops=8)
        hops.add(body["hops"])
    assert len(hops - {None}) >= 2


def test_tie_rule(corpus_client: TestClient, corpus_backend: GraphBackend) -> None:
    """Where several shortest paths exist (within the 8 hops asked), the smallest id sequence
    is chosen."""
    _, g = oracle(corpus_backend, "corpus")
    ties = []
    for a, b in sample_pairs(g, 60, seed=3):
        if a == b or not nx.has_path(g, a, b):
            continue
        every = list(nx.all_shortest_paths(g, a, b))
        if len(every) > 1 and len(every[0]) - 1 <= 8:  # hops of the shortest paths
            ties.append((a, b, min(every)))
    assert len(ties) >= 3
    for a, b, best in ties[:10]:
        body = check_pair(corpus_client, corpus_backend, "corpus", a, b, max_hops=8)
        assert [r["id"] for r in body["researchers"]] == best


def test_tie_rule_for_shared_works(corpus_client: TestClient, corpus_backend: GraphBackend) -> None:
    """A hop through researchers with several shared works shows the newest one."""
    f, g = oracle(corpus_backend, "corpus")
    pairs = sorted((a, b) for a, b, d in g.edges(data=True) if len(d["works"]) > 1)
    assert pairs
    for a, b in pairs[:5]:
        body = check_pair(corpus_client, corpus_backend, "corpus", a, b, max_hops=1)
        assert body["hops"] == 1
        assert body["links"][0]["work"]["arxiv_id"] == newest_work(f, g[a][b]["works"])


def test_max_hops_cut_off(corpus_client: TestClient, corpus_backend: GraphBackend) -> None:
    _, g = oracle(corpus_backend, "corpus")
    far = [
        (a, b, d)
        for a, b in sample_pairs(g, 30, seed=4)
        if a != b and nx.has_path(g, a, b) and (d := nx.shortest_path_length(g, a, b)) >= 2
    ]
    assert far
    for a, b, d in far[:5]:
        assert check_pair(corpus_client, corpus_backend, "corpus", a, b, max_hops=d)["hops"] == d
        short = check_pair(corpus_client, corpus_backend, "corpus", a, b, max_hops=d - 1)
        assert short["found"] is False


def test_same_researcher(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    f, _ = oracle(demo_backend, "demo")
    rid = sorted(f.researchers)[0]
    body = ask(demo_client, demo_backend, "demo", rid, rid, 1)
    assert body == {
        "found": True,
        "hops": 0,
        "researchers": [{"id": rid, "name": f.researchers[rid]["name"]}],
        "links": [],
    }


def test_unknown_ids_404(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    f, _ = oracle(demo_backend, "demo")
    known = sorted(f.researchers)[0]
    for a, b in [("nobody", known), (known, "nobody"), ("nobody", "nobody")]:
        resp = demo_client.get("/v1/paths", params={"from": a, "to": b})
        assert resp.status_code == 404
        assert resp.headers["content-type"].startswith(PROBLEM)
        assert "nobody" in resp.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"to": "x"},
        {"from": "x"},
        {},
        {"from": "", "to": "x"},
        {"from": "x", "to": "x", "max_hops": 0},
        {"from": "x", "to": "x", "max_hops": 9},
        {"from": "x", "to": "x", "max_hops": "many"},
        {"from": "x" * 501, "to": "x"},
    ],
)
def test_bad_params_422(demo_client: TestClient, params: dict[str, Any]) -> None:
    resp = demo_client.get("/v1/paths", params=params)
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith(PROBLEM)
    assert resp.json()["status"] == 422


HOSTILE = [
    "' OR 1=1 //",
    'x"}) DETACH DELETE n //',
    "}) MATCH (n) DETACH DELETE n RETURN 1 AS researcher, 'x' AS coauthor //",
    "$ids",
    "\x00",
    "\u00e9\u4e2d\U0001f600",
    "a" * 500,
    " ",
]


def test_hostile_ids_never_500(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    f, _ = oracle(demo_backend, "demo")
    known = sorted(f.researchers)[0]
    before = graph_state(demo_backend)
    for value in HOSTILE:
        for a, b in [(value, known), (known, value), (value, value)]:
            resp = demo_client.get("/v1/paths", params={"from": a, "to": b, "max_hops": 8})
            assert resp.status_code in (404, 422), (value, resp.status_code)
    assert graph_state(demo_backend) == before


def test_backends_give_identical_json(request: pytest.FixtureRequest) -> None:
    for key in ("demo", "corpus-3000"):
        ladybug = on_both(request, key)[1]
        _, g = oracle(ladybug, key)
        pairs = sample_pairs(g, 12, seed=5)
        urls = [f"/v1/paths?from={a}&to={b}&max_hops={h}" for a, b in pairs for h in (1, 3, 8)]
        same_on_both(request, key, [*urls, "/v1/paths?from=nobody&to=nobody"])
