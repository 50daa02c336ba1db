"""Topic answers from the raw facts: largest topics, neighborhoods, clusters."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from tests.oracles.facts import Facts


class TopicOracle:
    """Topic facts computed from the raw dump, independently of the stored queries."""

    def __init__(self, f: Facts) -> None:
        self.f = f
        self.works_of: dict[str, set[str]] = defaultdict(set)
        self.topics_of: dict[str, set[str]] = defaultdict(set)
        for h in f.work_topics:
            self.works_of[h["topic"]].add(h["work"])
            self.topics_of[h["work"]].add(h["topic"])
        self.total = len(self.topics_of)

    def by_size(self) -> list[str]:
        return sorted(self.works_of, key=lambda t: (-len(self.works_of[t]), t))

    def largest(self, limit: int) -> list[dict]:
        return [
            {
                "id": t,
                "name": self.f.topics[t]["name"],
                "archive": self.f.topics[t]["archive"],
                "group_name": self.f.topics[t]["group_name"],
                "works": len(self.works_of[t]),
            }
            for t in self.by_size()[:limit]
        ]

    def topic(self, t: str) -> dict:
        keys = ("id", "name", "archive", "archive_name", "group_id", "group_name")
        return {**{k: self.f.topics[t][k] for k in keys}, "works": len(self.works_of[t])}

    def cooccurring(self, t: str, limit: int) -> list[dict]:
        together: dict[str, int] = defaultdict(int)
        for w in self.works_of[t]:
            for u in self.topics_of[w] - {t}:
                together[u] += 1
        ranked = sorted(together, key=lambda u: (-together[u], u))[:limit]
        n_t = len(self.works_of[t])
        return [
            {
                "id": u,
                "name": self.f.topics[u]["name"],
                "works_together": together[u],
                "lift": round(together[u] * self.total / (n_t * len(self.works_of[u])), 6),
            }
            for u in ranked
        ]

    def researchers(self, t: str, limit: int) -> list[dict]:
        """By personal works in the topic (team works do not rank anyone)."""
        count: dict[str, set[str]] = defaultdict(set)
        for a in self.f.authorships:
            if a["work"] in self.works_of[t] and self.f.personal(a["work"]):
                count[a["researcher"]].add(a["work"])
        items = [
            {"id": r, "name": self.f.researchers[r]["name"], "works": len(ws)}
            for r, ws in count.items()
        ]
        return sorted(items, key=lambda r: (-r["works"], r["name"], r["id"]))[:limit]

    def recent(self, t: str, limit: int) -> list[dict]:
        works = sorted((self.f.works[w] for w in self.works_of[t]), key=lambda w: w["arxiv_id"])
        works.reverse()  # arXiv id descending as the last tie-break (sorts below are stable)
        works.sort(key=lambda w: -w["published"].toordinal() if w["published"] else 0)
        works.sort(key=lambda w: w["published"] is None)
        return [
            {"arxiv_id": w["arxiv_id"], "title": w["title"], "year": w["year"]}
            for w in works[:limit]
        ]

    def cooccurrence_graph(self, min_works: int) -> nx.Graph:
        """Built from the dump, nodes and edges added in id order like the service does."""
        kept = sorted(t for t, ws in self.works_of.items() if len(ws) >= min_works)
        weights: dict[tuple[str, str], int] = defaultdict(int)
        keep = set(kept)
        for ts in self.topics_of.values():
            inside = sorted(ts & keep)
            for i, a in enumerate(inside):
                for b in inside[i + 1 :]:
                    weights[(a, b)] += 1
        g = nx.Graph()
        for t in kept:
            g.add_node(t)
        for (a, b), w in sorted(weights.items()):
            g.add_edge(a, b, weight=w)
        return g

    def clusters(self, min_works: int) -> dict[str, Any]:
        g = self.cooccurrence_graph(min_works)
        if not g.number_of_nodes():
            return {"clusters": [], "modularity": 0.0}
        parts = nx.community.louvain_communities(g, weight="weight", seed=42)
        parts = sorted(parts, key=lambda c: (-len(c), min(c)))
        return {
            "clusters": [
                {
                    "id": i,
                    "topics": [
                        {
                            "id": t,
                            "name": self.f.topics[t]["name"],
                            "works": len(self.works_of[t]),
                        }
                        for t in sorted(c, key=lambda t: (-len(self.works_of[t]), t))
                    ],
                }
                for i, c in enumerate(parts)
            ],
            # no edges (no two kept topics share a work): modularity is defined as 0.0
            "modularity": (
                round(nx.community.modularity(g, parts, weight="weight"), 6)
                if g.number_of_edges()
                else 0.0
            ),
        }
