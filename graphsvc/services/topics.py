"""Topic look-ups: the largest topics, a topic's neighborhood, and topic clusters.

Each function runs stored queries on a backend and returns plain dicts shaped like the API's
response models, or None when the topic does not exist.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graphsvc.db import Reader, reads_together
from graphsvc.services.answers import answers_in
from graphsvc.store.toplists import SIZE as TOPLIST_SIZE

Data = dict[str, Any]
LOUVAIN_SEED = 42
CLUSTER_CACHE_KEY = "topic_clusters"
CLUSTER_CACHE_SIZE = 32  # answers kept per graph version (one per min_works asked)
NEIGHBORHOOD_CACHE_KEY = "topic_neighborhoods"
NEIGHBORHOOD_CACHE_SIZE = 2048  # (topic, limit) pairs: every topic at a few limits


def largest(db: Reader, limit: int) -> list[Data]:
    """Topics with at least one work, by number of works (descending), then id."""
    return db.read("topic_list", limit=limit)


def profile(db: Reader, topic_id: str) -> Data | None:
    """The topic with its number of works, or None if unknown."""
    rows = db.read("topic_profile", id=topic_id)
    return rows[0] if rows else None


def lift(together: int, total: int, works_t: int, works_u: int) -> float:
    """How much more often two topics share works than if they were independent."""
    if not works_t or not works_u:
        return 0.0
    return round(together * total / (works_t * works_u), 6)


def works_total(db: Reader) -> int:
    """How many works have a topic (N of the lift), from the layer."""
    rows = db.read("topic_works_total")
    return int(rows[0]["n"] or 0) if rows else 0


@reads_together
def neighborhood(db: Reader, topic_id: str, limit: int, cache: dict[str, Any]) -> Data | None:
    """Co-occurring topics with lift, top researchers and recent works; None if unknown.

    Every part is read from the collaboration layer, so an answer costs the same right after
    a write; answers are also cached per (topic, limit) for the graph version, and concurrent
    misses on one key compute it once.
    """
    version = graph_version(db)
    answers = answers_in(cache, NEIGHBORHOOD_CACHE_KEY, NEIGHBORHOOD_CACHE_SIZE)
    return answers.get_or_compute(
        version, (topic_id, limit), lambda: _neighborhood(db, topic_id, limit)
    )


def _neighborhood(db: Reader, topic_id: str, limit: int) -> Data | None:
    topic = profile(db, topic_id)
    if topic is None:
        return None
    total = works_total(db)
    cooccurring = [
        {
            "id": u["id"],
            "name": u["name"],
            "works_together": u["works_together"],
            "lift": lift(u["works_together"], total, topic["works"], u["works"]),
        }
        for u in db.read("topic_cooccurring", id=topic_id, limit=limit)
    ]
    return {
        "topic": topic,
        "total_works": total,
        "cooccurring": cooccurring,
        "researchers": top_researchers(db, topic_id, limit),
        "recent_works": recent_works(db, topic_id, limit),
    }


def top_researchers(db: Reader, topic_id: str, limit: int) -> list[Data]:
    """The researchers with the most personal works in the topic (ties by name, then id).

    From the topic's stored list when it holds the whole tie group at `limit`; else a scan.
    """
    rows = db.read("topic_top_list", id=topic_id)
    ids = list(rows[0]["ids"] or []) if rows else []
    counts = list(rows[0]["counts"] or []) if rows else []
    full = len(ids) >= TOPLIST_SIZE
    if ids and (not full or (limit < len(ids) and counts[limit - 1] > counts[-1])):
        floor = counts[min(limit, len(ids)) - 1]
        wanted = [rid for rid, n in zip(ids, counts, strict=True) if n >= floor]
        return db.read("topic_researchers", id=topic_id, ids=wanted)[:limit]
    if not ids:
        return []
    return db.read("topic_top_researchers", id=topic_id, limit=limit)


def recent_works(db: Reader, topic_id: str, limit: int) -> list[Data]:
    """The topic's newest works (undated last), then arXiv id descending: from its stored list
    when that is long enough, else a scan."""
    rows = db.read("topic_recent_list", id=topic_id)
    ids = list(rows[0]["ids"] or []) if rows else []
    if limit <= len(ids) or len(ids) < TOPLIST_SIZE:
        wanted = ids[:limit]
        if not wanted:
            return []
        found = {w["arxiv_id"]: w for w in db.read("topic_works_by_id", ids=wanted)}
        return [found[w] for w in wanted if w in found]
    return db.read("topic_recent_works", id=topic_id, limit=limit)


def graph_version(db: Reader) -> int:
    """The graph's change counter (0 before any write)."""
    rows = db.read("graph_version")
    value = rows[0]["version"] if rows else None
    return int(value) if value is not None else 0


def cooccurrence_graph(db: Reader, min_works: int) -> nx.Graph:
    """Topics with at least `min_works` works, linked with weight = works having both.

    Nodes (with `name` and `works`) and edges are added sorted by id, so that Louvain with a
    fixed seed gives the same answer for the same graph.
    """
    rows = db.read("topic_cooccurrence_graph", min_works=min_works)
    nodes = {r["id"]: {"name": r["name"], "works": r["works"]} for r in rows}
    edges = sorted(
        (r["id"], r["other"], r["weight"])
        for r in rows
        if r["other"] is not None and r["other"] in nodes and r["weight"] > 0
    )
    g = nx.Graph()
    for tid in sorted(nodes):
        g.add_node(tid, **nodes[tid])
    g.add_weighted_edges_from(edges, weight="weight")
    return g


def cluster(g: nx.Graph) -> Data:
    """Louvain communities (seed 42) ordered by size, then smallest topic id; and modularity.

    A graph without edges (no topics, or no two of them sharing a work) has no community
    structure: each topic is its own cluster and the modularity is 0.0 (networkx's modularity
    divides by the total edge weight).
    """
    if g.number_of_edges() == 0:
        communities: list[set[str]] = [{t} for t in g.nodes]
        modularity = 0.0
    else:
        communities = nx.community.louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
        modularity = nx.community.modularity(g, communities, weight="weight")
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    clusters = []
    for i, members in enumerate(ordered):
        topics = sorted(
            ({"id": t, "name": g.nodes[t]["name"], "works": g.nodes[t]["works"]} for t in members),
            key=lambda t: (-t["works"], t["id"]),
        )
        clusters.append({"id": i, "topics": topics})
    return {"clusters": clusters, "modularity": round(float(modularity), 6)}


@reads_together
def clusters(db: Reader, min_works: int, cache: dict[str, Any]) -> Data:
    """Topic clusters, cached in `cache` per (min_works, graph version).

    The graph version is read on every call, so any write to the graph (which bumps it) makes
    the cached answers stale; they are dropped when a new version is seen.
    """
    version = graph_version(db)
    answers = answers_in(cache, CLUSTER_CACHE_KEY, CLUSTER_CACHE_SIZE)
    return answers.get_or_compute(
        version,
        min_works,
        lambda: {
            **cluster(cooccurrence_graph(db, min_works)),
            "min_works": min_works,
            "graph_version": version,
        },
    )
