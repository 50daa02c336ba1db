"""Topic endpoints against an independent networkx oracle, on demo and corpus data."""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from graphsvc.db import GraphBackend
from graphsvc.services import topics as service
from loaders.records import AuthorRecord, PaperRecord
from loaders.source import SourceItem
from loaders.writer import GraphWriter
from tests.conftest import api_client, on_both, same_on_both
from tests.helpers import CountingBackend
from tests.oracles.facts import facts
from tests.oracles.topics import TopicOracle

PROBLEM = "application/problem+json"
HOSTILE = [
    "'",
    '"',
    "`",
    "'); MATCH (n) DETACH DELETE n //",
    "}) DETACH DELETE n //",
    "` DETACH DELETE n //",
    "\\'\\\"",
    "%00",
    "$id",
    "clusters ",
    "é" * 50,
    "x" * 10_000,
]


# --- the oracle -----------------------------------------------------------------------------


def get_ok(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def check_neighborhood(client: TestClient, o: TopicOracle, topic: str, limit: int = 20) -> None:
    body = get_ok(client, f"/v1/topics/{topic}/neighborhood?limit={limit}")
    assert body["topic"] == o.topic(topic)
    assert body["total_works"] == o.total
    assert body["cooccurring"] == o.cooccurring(topic, limit)
    assert body["researchers"] == o.researchers(topic, limit)
    assert body["recent_works"] == o.recent(topic, limit)


def edge_list(g: nx.Graph) -> list[tuple[str, str, int]]:
    return sorted((min(a, b), max(a, b), d["weight"]) for a, b, d in g.edges(data=True))


# --- demo data ------------------------------------------------------------------------------


@pytest.fixture
def demo_oracle(demo_backend: GraphBackend) -> TopicOracle:
    return TopicOracle(facts(demo_backend))


def test_largest_topics_demo(demo_client: TestClient, demo_oracle: TopicOracle) -> None:
    assert get_ok(demo_client, "/v1/topics") == demo_oracle.largest(50)
    assert get_ok(demo_client, "/v1/topics?limit=3") == demo_oracle.largest(3)
    assert get_ok(demo_client, "/v1/topics?limit=500") == demo_oracle.largest(500)


@pytest.mark.parametrize("topic", ["hep-ph", "cs.LG", "cs.SE", "astro-ph"])
def test_neighborhood_demo(demo_client: TestClient, demo_oracle: TopicOracle, topic: str) -> None:
    assert demo_oracle.works_of[topic]
    check_neighborhood(demo_client, demo_oracle, topic)
    check_neighborhood(demo_client, demo_oracle, topic, limit=3)
    check_neighborhood(demo_client, demo_oracle, topic, limit=500)


def test_neighborhood_of_every_demo_topic(
    demo_client: TestClient, demo_oracle: TopicOracle
) -> None:
    for topic in demo_oracle.works_of:
        check_neighborhood(demo_client, demo_oracle, topic, limit=5)


def test_topic_demo(demo_client: TestClient, demo_oracle: TopicOracle) -> None:
    assert get_ok(demo_client, "/v1/topics/cs.LG") == demo_oracle.topic("cs.LG")


@pytest.mark.parametrize("min_works", [1, 2, 5, 30, 45, 100_000])
def test_clusters_demo(demo_client: TestClient, demo_oracle: TopicOracle, min_works: int) -> None:
    check_clusters(demo_client, demo_oracle, min_works)


def check_clusters(client: TestClient, o: TopicOracle, min_works: int) -> None:
    app_state = client.app.state.graphsvc  # type: ignore[attr-defined]
    backend = app_state.backend
    # the input of the clustering: nodes and weighted edges, against the oracle's
    served = service.cooccurrence_graph(backend, min_works)
    expected = o.cooccurrence_graph(min_works)
    assert sorted(served.nodes) == sorted(expected.nodes)
    assert edge_list(served) == edge_list(expected)
    # the clustering itself, against Louvain run on the oracle's graph
    body = get_ok(client, f"/v1/topics/clusters?min_works={min_works}")
    assert body["min_works"] == min_works
    assert body["graph_version"] == service.graph_version(backend)
    assert {k: body[k] for k in ("clusters", "modularity")} == o.clusters(min_works)
    clustered = [t["id"] for c in body["clusters"] for t in c["topics"]]
    assert sorted(clustered) == sorted(expected.nodes)
    # the second answer comes from the cache and is the same
    assert get_ok(client, f"/v1/topics/clusters?min_works={min_works}") == body


@pytest.mark.parametrize("min_works", [30, 45])
def test_clusters_of_an_edgeless_topic_graph(demo_client: TestClient, min_works: int) -> None:
    """Topics kept but no two sharing a work: each topic its own cluster, modularity 0.0."""
    backend = demo_client.app.state.graphsvc.backend  # type: ignore[attr-defined]
    g = service.cooccurrence_graph(backend, min_works)
    assert g.number_of_nodes() >= 1 and g.number_of_edges() == 0  # what the case is about
    body = get_ok(demo_client, f"/v1/topics/clusters?min_works={min_works}")
    assert body["modularity"] == 0.0
    assert [[t["id"] for t in c["topics"]] for c in body["clusters"]] == [[t] for t in sorted(g)]


def test_demo_has_nontrivial_clusters(demo_client: TestClient) -> None:
    body = get_ok(demo_client, "/v1/topics/clusters")
    assert len(body["clusters"]) > 1
    assert 0 < body["modularity"] <= 1
    sizes = [len(c["topics"]) for c in body["clusters"]]
    assert sizes == sorted(sizes, reverse=True)
    assert [c["id"] for c in body["clusters"]] == list(range(len(sizes)))


def test_identical_json_across_backends_demo(request: pytest.FixtureRequest) -> None:
    same_on_both(
        request,
        "demo",
        [
            "/v1/topics?limit=500",
            "/v1/topics/hep-ph/neighborhood?limit=500",
            "/v1/topics/cs.LG/neighborhood",
            "/v1/topics/cs.LG",
            "/v1/topics/clusters",
            "/v1/topics/clusters?min_works=3",
            "/v1/topics/nope/neighborhood",
        ],
    )


# --- errors ---------------------------------------------------------------------------------


def is_problem(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["status"] == status


def test_unknown_topic_is_404(demo_client: TestClient) -> None:
    is_problem(demo_client.get("/v1/topics/no.such/neighborhood"), 404)
    is_problem(demo_client.get("/v1/topics/no.such"), 404)


@pytest.mark.parametrize(
    "url",
    [
        "/v1/topics?limit=0",
        "/v1/topics?limit=501",
        "/v1/topics?limit=x",
        "/v1/topics/cs.LG/neighborhood?limit=0",
        "/v1/topics/cs.LG/neighborhood?limit=501",
        "/v1/topics/clusters?min_works=0",
        "/v1/topics/clusters?min_works=100001",
        "/v1/topics/clusters?min_works=-1",
        "/v1/topics/clusters?min_works=1.5",
    ],
)
def test_out_of_range_is_422(demo_client: TestClient, url: str) -> None:
    is_problem(demo_client.get(url), 422)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_ids_never_500(demo_client: TestClient, hostile: str) -> None:
    for url in (f"/v1/topics/{hostile}/neighborhood", f"/v1/topics/{hostile}"):
        response = demo_client.get(url, params={"limit": 5})
        assert response.status_code in (404, 422), (url[:80], response.text)
        assert response.headers["content-type"].startswith(PROBLEM)
    assert demo_client.get("/v1/topics?limit=1").status_code == 200


# --- corpus data ----------------------------------------------------------------------------


@pytest.fixture
def corpus_oracle(corpus_backend: GraphBackend) -> TopicOracle:
    return TopicOracle(facts(corpus_backend))


def test_largest_topics_corpus(corpus_client: TestClient, corpus_oracle: TopicOracle) -> None:
    assert get_ok(corpus_client, "/v1/topics?limit=500") == corpus_oracle.largest(500)


def test_neighborhood_corpus(corpus_client: TestClient, corpus_oracle: TopicOracle) -> None:
    ranked = corpus_oracle.by_size()
    for topic in (ranked[0], ranked[len(ranked) // 2], ranked[-1]):
        check_neighborhood(corpus_client, corpus_oracle, topic)
        check_neighborhood(corpus_client, corpus_oracle, topic, limit=500)


@pytest.mark.parametrize("min_works", [1, 50])
def test_clusters_corpus(
    corpus_client: TestClient, corpus_oracle: TopicOracle, min_works: int
) -> None:
    check_clusters(corpus_client, corpus_oracle, min_works)


def test_identical_json_across_backends_corpus(request: pytest.FixtureRequest) -> None:
    urls = ["/v1/topics?limit=500", "/v1/topics/clusters", "/v1/topics/clusters?min_works=40"]
    graph = on_both(request, "corpus-3000")[1]
    ranked = TopicOracle(facts(graph)).by_size()
    for topic in (ranked[0], ranked[len(ranked) // 2]):
        urls.append(f"/v1/topics/{topic}/neighborhood?limit=500")
    same_on_both(request, "corpus-3000", urls)


# --- the cache follows the graph --------------------------------------------------------------


def paper(arxiv_id: str, categories: tuple[str, ...], authors: tuple[str, ...]) -> PaperRecord:
    return PaperRecord(
        arxiv_id=arxiv_id,
        version=1,
        title=f"Paper {arxiv_id}",
        published=date(2020, 1, 1),
        categories=categories,
        authors=tuple(AuthorRecord(name=a) for a in authors),
    )


def ingest(backend: GraphBackend, papers: list[PaperRecord]) -> None:
    GraphWriter(backend).ingest(SourceItem(i, record=p) for i, p in enumerate(papers, start=1))


def test_cluster_cache_follows_graph_changes(backend: GraphBackend) -> None:
    with api_client(backend) as client:
        empty = get_ok(client, "/v1/topics/clusters")
        assert empty["clusters"] == [] and empty["graph_version"] == 0
        ingest(
            backend,
            [
                paper("2001.00001", ("hep-ph", "hep-th"), ("Ada Lovelace",)),
                paper("2001.00002", ("hep-ph", "hep-th"), ("Ada Lovelace",)),
                paper("2001.00003", ("cs.LG", "stat.ML"), ("Alan Turing",)),
            ],
        )
        first = get_ok(client, "/v1/topics/clusters")
        assert first["graph_version"] > 0
        ids = [[t["id"] for t in c["topics"]] for c in first["clusters"]]
        assert sorted(map(sorted, ids)) == [["cs.LG", "stat.ML"], ["hep-ph", "hep-th"]]
        counted = CountingBackend(backend)
        cache: dict[str, Any] = client.app.state.graphsvc.cache  # type: ignore[attr-defined]
        assert service.clusters(counted, 1, cache) == first  # from the app's cache:
        assert counted.calls["topic_cooccurrence_graph"] == 0  # no clustering query ran
        ingest(
            backend,
            [
                paper("2001.00004", ("hep-th", "cs.LG"), ("Emmy Noether",)),
                paper("2001.00005", ("math.AG",), ("Emmy Noether",)),
            ],
        )
        second = get_ok(client, "/v1/topics/clusters")
        assert second["graph_version"] > first["graph_version"]
        assert second != first
        clustered = {t["id"] for c in second["clusters"] for t in c["topics"]}
        assert clustered == {"hep-ph", "hep-th", "cs.LG", "stat.ML", "math.AG"}
        assert TopicOracle(facts(backend)).clusters(1) == {
            k: second[k] for k in ("clusters", "modularity")
        }
        assert get_ok(client, "/v1/topics?limit=1")[0] == {
            "id": "hep-th",
            "name": "High Energy Physics - Theory",
            "archive": "hep-th",
            "group_name": "Physics",
            "works": 3,
        }


def test_clusters_and_topic_page_on_one_paper(backend: GraphBackend) -> None:
    """One paper with one topic: a graph with a node and no edge answers, API and page."""
    with api_client(backend) as client:
        ingest(backend, [paper("2001.00001", ("hep-th",), ("Ada Lovelace",))])
        body = get_ok(client, "/v1/topics/clusters")
        assert body["clusters"] == [
            {
                "id": 0,
                "topics": [{"id": "hep-th", "name": "High Energy Physics - Theory", "works": 1}],
            }
        ]
        assert body["modularity"] == 0.0
        page = client.get("/topics/hep-th", headers={"Accept": "text/html"})
        assert page.status_code == 200, page.text[:500]
        assert "High Energy Physics - Theory" in page.text


def test_neighborhood_cache_follows_graph_changes(backend: GraphBackend) -> None:
    """A cached neighborhood is served until a write bumps the graph version, then recomputed."""
    url = "/v1/topics/hep-th/neighborhood?limit=20"
    with api_client(backend) as client:
        assert client.get(url).status_code == 404  # an unknown topic is not cached as such
        ingest(backend, [paper("2001.00001", ("hep-th", "hep-ph"), ("Ada Lovelace",))])
        first = get_ok(client, url)
        assert [u["id"] for u in first["cooccurring"]] == ["hep-ph"]
        assert get_ok(client, url) == first
        ingest(backend, [paper("2001.00002", ("hep-th", "math.AG"), ("Emmy Noether",))])
        second = get_ok(client, url)
        oracle = TopicOracle(facts(backend))
        assert second["topic"]["works"] == 2 and second["total_works"] == 2
        assert second["cooccurring"] == oracle.cooccurring("hep-th", 20)
        assert second["researchers"] == oracle.researchers("hep-th", 20)
        assert second["recent_works"] == oracle.recent("hep-th", 20)


def test_neighborhoods_are_cached_and_computed_once_under_concurrency(
    backend: GraphBackend,
) -> None:
    """Count the stored queries that run: a cached answer runs none of the neighborhood's, and
    eight callers missing the same key at once compute it once."""
    from concurrent.futures import ThreadPoolExecutor

    from graphsvc.services import topics as service
    from tests.helpers import CountingBackend

    ingest(backend, [paper("2001.00001", ("hep-th", "hep-ph"), ("Ada Lovelace",))])
    counted = CountingBackend(backend, slow={"topic_cooccurring": 0.3})
    cache: dict[str, Any] = {}
    first = service.neighborhood(counted, "hep-th", 20, cache)
    assert counted.calls["topic_cooccurring"] == 1
    assert service.neighborhood(counted, "hep-th", 20, cache) == first
    assert counted.calls["topic_cooccurring"] == 1  # from the cache
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(
            pool.map(lambda _: service.neighborhood(counted, "hep-ph", 5, cache), range(8))
        )
    assert counted.calls["topic_cooccurring"] == 2  # one computation for the eight
    assert all(a == answers[0] for a in answers) and answers[0] is not None
    ingest(backend, [paper("2001.00002", ("hep-th",), ("Emmy Noether",))])
    again = service.neighborhood(counted, "hep-th", 20, cache)
    assert counted.calls["topic_cooccurring"] == 3  # a write makes it stale
    assert again is not None and again["topic"]["works"] == 2
