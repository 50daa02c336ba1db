"""GET /v1/researchers/{id}/graph: the capped ego network against a networkx oracle.

The expected slice is built here from the dumped facts alone (tests.oracle.facts), following the
priority documented in graphsvc.services.graph, and compared node by node (ids, order, types,
labels) and edge by edge with the answer, on demo and corpus data, on both backends.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from tests.conftest import on_both, same_on_both
from tests.helpers import graph_state
from tests.oracles.facts import Facts, facts
from tests.oracles.slices import expected_slice

PROBLEM = "application/problem+json"
_FACTS: dict[tuple[str, str], Facts] = {}
# (dataset, url) -> {dialect: JSON body}, checked for agreement by the last test of the module.


def cached_facts(backend: GraphBackend, dataset: str) -> Facts:
    key = (backend.dialect, dataset)
    if key not in _FACTS:
        _FACTS[key] = facts(backend)
    return _FACTS[key]


def check(
    client: TestClient, backend: GraphBackend, dataset: str, rid: str, depth: int, limit: int
) -> dict[str, Any]:
    url = f"/v1/researchers/{rid}/graph?depth={depth}&limit={limit}"
    resp = client.get(url)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    want = expected_slice(cached_facts(backend, dataset), rid, depth, limit)
    nodes = [n["data"] for n in body["elements"]["nodes"]]
    edges = [e["data"] for e in body["elements"]["edges"]]
    assert [(n["id"], n["type"]) for n in nodes] == want["nodes"]
    assert {n["id"]: n["label"] for n in nodes} == want["labels"]
    assert sorted((e["type"], e["source"], e["target"]) for e in edges) == want["edges"]
    assert len({e["id"] for e in edges}) == len(edges)
    assert body["truncated"] is want["truncated"]
    assert body["center"] == f"researcher:{rid}"
    assert len(nodes) <= limit
    return want


def demo_researcher(f: Facts) -> str:
    """The 'Zhi-Qin John Xu' with the most works (then smallest id)."""
    works = Counter(a["researcher"] for a in f.authorships)
    ids = [r for r, row in f.researchers.items() if row["name"] == "Zhi-Qin John Xu"]
    assert ids
    return min(ids, key=lambda r: (-works[r], r))


def corpus_researchers(f: Facts) -> dict[str, str]:
    """The most prolific researcher and a median one (by number of works, then id)."""
    works = Counter(a["researcher"] for a in f.authorships)
    ranked = sorted(f.researchers, key=lambda r: (-works[r], r))
    return {"prolific": ranked[0], "median": ranked[len(ranked) // 2]}


@pytest.mark.parametrize("depth", [1, 2])
def test_demo_slice_matches_oracle(
    demo_client: TestClient, demo_backend: GraphBackend, depth: int
) -> None:
    rid = demo_researcher(cached_facts(demo_backend, "demo"))
    full = check(demo_client, demo_backend, "demo", rid, depth, 500)
    assert not full["truncated"] and full["size"] > 10
    for limit in (1, 2, 7, full["size"] - 1, full["size"]):
        check(demo_client, demo_backend, "demo", rid, depth, limit)


@pytest.mark.parametrize("who", ["prolific", "median"])
@pytest.mark.parametrize("depth", [1, 2])
def test_corpus_slice_matches_oracle(
    corpus_client: TestClient, corpus_backend: GraphBackend, depth: int, who: str
) -> None:
    f = cached_facts(corpus_backend, "corpus")
    rid = corpus_researchers(f)[who]
    full = check(corpus_client, corpus_backend, "corpus", rid, depth, 500)
    limits = [1, 3, 25, 200, full["size"] - 1, full["size"]]
    if depth == 1:  # where the teams and co-authors just fill the slice, or just do not
        ring = sum(kind in ("Researcher", "Team") for _, kind in full["nodes"])
        limits += [ring - 1, ring, ring + 1]
    for limit in sorted({min(500, n) for n in limits if n > 0}):
        check(corpus_client, corpus_backend, "corpus", rid, depth, limit)
    if who == "prolific":
        assert full["size"] > 25


def test_slice_default_params(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    rid = demo_researcher(cached_facts(demo_backend, "demo"))
    body = demo_client.get(f"/v1/researchers/{rid}/graph").json()
    assert body == demo_client.get(f"/v1/researchers/{rid}/graph?depth=1&limit=200").json()
    works = [n["data"] for n in body["elements"]["nodes"] if n["data"]["type"] == "Work"]
    assert works and all(set(w["properties"]) == {"year", "published"} for w in works)


@pytest.mark.parametrize("depth", [1, 2])
def test_graphml_same_as_json(
    demo_client: TestClient, demo_backend: GraphBackend, depth: int
) -> None:
    rid = demo_researcher(cached_facts(demo_backend, "demo"))
    for limit in (5, 500):
        base = f"/v1/researchers/{rid}/graph?depth={depth}&limit={limit}"
        body = demo_client.get(base).json()
        resp = demo_client.get(base + "&format=graphml")
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("application/graphml+xml")
        g = nx.parse_graphml(resp.text)
        assert isinstance(g, nx.DiGraph)
        nodes = {n["data"]["id"]: n["data"] for n in body["elements"]["nodes"]}
        assert set(g.nodes) == set(nodes)
        for node, attrs in g.nodes(data=True):
            assert attrs["type"] == nodes[node]["type"]
            assert attrs["label"] == nodes[node]["label"]
        edges = {
            (e["data"]["source"], e["data"]["target"], e["data"]["type"])
            for e in body["elements"]["edges"]
        }
        assert {(s, t, a["type"]) for s, t, a in g.edges(data=True)} == edges
        assert g.graph["center"] == body["center"]
        assert g.graph["truncated"] is body["truncated"]


def test_unknown_researcher_404(demo_client: TestClient) -> None:
    for fmt in ("json", "graphml"):
        resp = demo_client.get(f"/v1/researchers/no-such-person/graph?format={fmt}")
        assert resp.status_code == 404
        assert resp.headers["content-type"].startswith(PROBLEM)


@pytest.mark.parametrize(
    "query",
    ["depth=0", "depth=3", "limit=0", "limit=501", "depth=x", "limit=-1", "format=xml"],
)
def test_bad_params_422(demo_client: TestClient, demo_backend: GraphBackend, query: str) -> None:
    rid = demo_researcher(cached_facts(demo_backend, "demo"))
    resp = demo_client.get(f"/v1/researchers/{rid}/graph?{query}")
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith(PROBLEM)
    assert resp.json()["status"] == 422


HOSTILE = [
    "' OR 1=1 //",
    'x"}) DETACH DELETE n //',
    "}) MATCH (n) DETACH DELETE n RETURN 1 AS id, 'x' AS name //",
    "$id",
    "%00",
    "\u00e9\u4e2d\U0001f600",
    "a" * 500,
    "researcher:zhi-qin-john-xu",
    " ",
    "..",
]


def test_hostile_ids_never_500(demo_client: TestClient, demo_backend: GraphBackend) -> None:
    before = graph_state(demo_backend)
    for value in HOSTILE:
        for fmt in ("json", "graphml"):
            resp = demo_client.get(
                "/v1/researchers/{}/graph".format(value.replace("/", "%2F")),
                params={"depth": 2, "format": fmt},
            )
            assert resp.status_code in (404, 422), (value, resp.status_code)
    resp = demo_client.get("/v1/researchers/" + "a" * 501 + "/graph")
    assert resp.status_code == 422
    assert graph_state(demo_backend) == before


def test_backends_give_identical_json(request: pytest.FixtureRequest) -> None:
    for key in ("demo", "corpus-3000"):
        ladybug = on_both(request, key)[1]
        f = cached_facts(ladybug, key)
        picked = {demo_researcher(f)} if key == "demo" else set(corpus_researchers(f).values())
        rids = sorted(picked)
        urls = [
            f"/v1/researchers/{rid}/graph?depth={depth}&limit={limit}&format={fmt}"
            for rid in rids
            for depth in (1, 2)
            for limit in (5, 200, 500)
            for fmt in ("json", "graphml")
        ]
        same_on_both(request, key, [*urls, "/v1/researchers/nobody/graph"])
