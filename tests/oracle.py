"""The independent side of the oracle tests: the graph's raw facts as a networkx graph.

Only the plain `export_*` dumps are read (every node and relationship as stored); every ranking,
neighborhood or path is then computed here with networkx and compared with what the stored
Cypher queries return.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graphsvc.db import GraphBackend


@dataclass
class Facts:
    """The graph as dumped: nodes by kind and id, and the relationships."""

    researchers: dict[str, dict]
    works: dict[str, dict]
    topics: dict[str, dict]
    institutions: dict[str, dict]
    authorships: list[dict]
    work_topics: list[dict]
    affiliations: list[dict]
    graph: nx.MultiDiGraph

    def authors_of(self, work: str) -> list[str]:
        rows = sorted(
            (a for a in self.authorships if a["work"] == work), key=lambda a: a["position"]
        )
        return [a["researcher"] for a in rows]


def facts(backend: GraphBackend) -> Facts:
    """Read every node and relationship and build a networkx MultiDiGraph of them."""
    researchers = {r["id"]: r for r in backend.read("export_researchers")}
    works = {w["arxiv_id"]: w for w in backend.read("export_works")}
    topics = {t["id"]: t for t in backend.read("export_topics")}
    institutions = {i["id"]: i for i in backend.read("export_institutions")}
    authorships = backend.read("export_authorships")
    work_topics = backend.read("export_work_topics")
    affiliations = backend.read("export_affiliations")
    g = nx.MultiDiGraph()
    for rid, r in researchers.items():
        g.add_node(("Researcher", rid), **r)
    for wid, w in works.items():
        g.add_node(("Work", wid), **w)
    for tid, t in topics.items():
        g.add_node(("Topic", tid), **t)
    for iid, i in institutions.items():
        g.add_node(("Institution", iid), **i)
    for a in authorships:
        g.add_edge(("Researcher", a["researcher"]), ("Work", a["work"]), key="AUTHORED", **a)
    for h in work_topics:
        g.add_edge(("Work", h["work"]), ("Topic", h["topic"]), key="HAS_TOPIC", **h)
    for x in affiliations:
        g.add_edge(
            ("Researcher", x["researcher"]),
            ("Institution", x["institution"]),
            key="AFFILIATED_WITH",
            **x,
        )
    return Facts(
        researchers, works, topics, institutions, authorships, work_topics, affiliations, g
    )


def coauthor_graph(f: Facts) -> nx.Graph:
    """Researchers linked by shared works; edge attribute `works` is the set of shared work ids."""
    g = nx.Graph()
    g.add_nodes_from(f.researchers)
    by_work: dict[str, list[str]] = {}
    for a in f.authorships:
        by_work.setdefault(a["work"], []).append(a["researcher"])
    for work, authors in by_work.items():
        for i, a in enumerate(authors):
            for b in authors[i + 1 :]:
                if a == b:
                    continue
                if g.has_edge(a, b):
                    g[a][b]["works"].add(work)
                else:
                    g.add_edge(a, b, works={work})
    return g
