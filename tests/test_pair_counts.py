"""The bulk layer's co-author pairs counted in arrays equal `LayerDelta`'s sums and a networkx
graph of the same works."""

from __future__ import annotations

import random

import networkx as nx

from graphsvc.store.facts import LayerDelta, WorkFacts
from graphsvc.store.layer_tables import layer_tables
from graphsvc.store.pair_counts import PairCounts


def _works(seed: int, n: int) -> list[WorkFacts]:
    rng = random.Random(seed)
    people = [f"r{i:03d}" for i in range(60)]
    works = []
    for i in range(n):
        authors = tuple(sorted(set(rng.sample(people, rng.choice([1, 2, 2, 3, 4, 6, 9])))))
        works.append(
            WorkFacts(
                arxiv_id=f"2401.{i:05d}",
                authors=authors,
                topics=tuple(sorted(rng.sample(["cs.LG", "math.PR", "hep-ex"], rng.randint(0, 2)))),
                teams=(),
                team_work=rng.random() < 0.1,
            )
        )
    return works


def test_pairs_equal_layer_delta_sums_exactly() -> None:
    works = _works(3, 400)
    delta = LayerDelta()
    delta.add_all(works)
    expected = [
        (a, b, delta.coauthor[(a, b)], delta.newman[(a, b)]) for a, b in sorted(delta.coauthor)
    ]
    pairs = PairCounts()
    for w in works:
        if not w.team_work:
            pairs.add(w.authors, w.pair_weight)
    counted = pairs.counted()
    assert len(counted) == len(expected) > 100
    assert list(counted) == expected  # same floats: summed in the same order


def test_per_researcher_counts_equal_networkx_degrees() -> None:
    works = _works(5, 300)
    graph = nx.Graph()
    for w in works:
        if not w.team_work:
            graph.add_edges_from(
                (a, b) for i, a in enumerate(w.authors) for b in w.authors[i + 1 :]
            )
    pairs = PairCounts()
    for w in works:
        if not w.team_work:
            pairs.add(w.authors, w.pair_weight)
    assert pairs.counted().per_researcher() == {r: d for r, d in graph.degree() if d}


def test_layer_tables_reads_works_once_and_counts_coauthors() -> None:
    works = _works(7, 200)
    tables = layer_tables(iter(works))  # a generator: read once
    graph = nx.Graph()
    for w in works:
        graph.add_nodes_from(w.authors)
        if not w.team_work:
            graph.add_edges_from(
                (a, b) for i, a in enumerate(w.authors) for b in w.authors[i + 1 :]
            )
    assert {r: c["coauthors_count"] for r, c in tables.researcher_counts.items()} == dict(
        graph.degree()
    )
    assert {(a, b) for a, b, _, _ in tables.coauthor} == {tuple(sorted(e)) for e in graph.edges}


def test_no_pairs() -> None:
    pairs = PairCounts()
    pairs.add(("only",), 1.0)
    counted = pairs.counted()
    assert len(counted) == 0
    assert list(counted) == []
    assert counted.per_researcher() == {}
