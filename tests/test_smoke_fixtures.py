from graphsvc.db import GraphBackend
from tests.helpers import graph_state


def test_demo_graph_has_the_reference_researcher(demo_backend: GraphBackend) -> None:
    counts = graph_state(demo_backend)["counts"]
    assert counts["Work"] == 274
    names = {r["name"] for r in demo_backend.read("export_researchers")}
    assert "Zhi-Qin John Xu" in names


def test_corpus_graph_loads(corpus_backend: GraphBackend) -> None:
    assert graph_state(corpus_backend)["counts"]["Work"] == 3000
