"""Suggested collaborators from the raw facts: networkx's link-prediction indices on the personal
co-author graph, with the service's documented hub bound applied."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from tests.oracles.facts import Facts, coauthor_graph
from tests.oracles.researchers import newest_first

HUB_MAX_COAUTHORS = 1_000  # graphsvc.services.suggestions.HUB_MAX_COAUTHORS, restated
EXPANSION_ROWS_MAX = 10_000  # graphsvc.services.suggestions.EXPANSION_ROWS_MAX, restated


def hub_bound(g: nx.Graph, rid: str, hub_max: int, rows_max: int) -> int:
    """The documented bound, from the graph: `hub_max` when the co-authors with at most
    `hub_max` co-authors expand to at most `rows_max` rows (their degrees summed); otherwise the
    largest co-author degree d whose co-authors of degree <= d do; 0 if none."""
    eligible = [d for _, d in g.degree(g[rid]) if d <= hub_max]
    if sum(eligible) <= rows_max:
        return hub_max
    fits = [d for d in set(eligible) if sum(x for x in eligible if x <= d) <= rows_max]
    return max(fits, default=0)


def topic_works(f: Facts) -> dict[str, Counter[str]]:
    """Researcher -> topic -> their works with it (all works, as WORKS_IN.works)."""
    key = "suggest_topic_works"
    if key not in f.memo:
        topics_of: dict[str, set[str]] = defaultdict(set)
        for h in f.work_topics:
            topics_of[h["work"]].add(h["topic"])
        works_of: dict[str, set[str]] = defaultdict(set)
        for a in f.authorships:
            works_of[a["researcher"]].add(a["work"])
        f.memo[key] = {
            r: Counter(t for w in ws for t in topics_of[w]) for r, ws in works_of.items()
        }
    out: dict[str, Counter[str]] = f.memo[key]
    return out


def network_scores(
    g: nx.Graph, rid: str, hub_max: int
) -> dict[str, tuple[float, float, list[str]]]:
    """Candidate -> (resource allocation, Adamic-Adar, counted common co-authors), from
    networkx's own indices; a common co-author above `hub_max` has its term taken out."""
    deg = dict(g.degree())
    mine = set(g[rid])
    candidates = sorted({c for z in mine if deg[z] <= hub_max for c in g[z]} - mine - {rid})
    pairs = [(rid, c) for c in candidates]
    ra = {c: s for _, c, s in nx.resource_allocation_index(g, pairs)}
    aa = {c: s for _, c, s in nx.adamic_adar_index(g, pairs)}
    out = {}
    for c in candidates:
        common = sorted(nx.common_neighbors(g, rid, c))
        hubs = [z for z in common if deg[z] > hub_max]
        out[c] = (
            ra[c] - sum(1 / deg[z] for z in hubs),
            aa[c] - sum(1 / math.log(deg[z]) for z in hubs),
            [z for z in common if deg[z] <= hub_max],
        )
    return out


def suggestions(
    f: Facts,
    rid: str,
    limit: int = 10,
    min_common: int = 1,
    hub_max: int = HUB_MAX_COAUTHORS,
    rows_max: int = EXPANSION_ROWS_MAX,
    open_first: bool = False,
) -> list[dict[str, Any]]:
    g = coauthor_graph(f)
    hub_max = hub_bound(g, rid, hub_max, rows_max)
    open_ids = {
        c["researcher_id"] for c in f.claims if c["status"] == "approved" and c["collab_open"]
    }
    deg = dict(g.degree())
    topics = topic_works(f)
    mine = topics.get(rid, Counter())
    scored = []
    for c, (ra, aa, common) in network_scores(g, rid, hub_max).items():
        if len(common) < min_common:
            continue
        theirs = topics.get(c, Counter())
        shared = set(mine) & set(theirs)
        union = len(mine) + len(theirs) - len(shared)
        overlap = round(len(shared) / union, 6) if union else 0.0
        name = f.researchers[c]["name"]
        first = 0 if open_first and c in open_ids else 1
        scored.append((first, -round(ra, 6), -len(common), -overlap, name, c, aa, common, shared))
    scored.sort(key=lambda s: s[:6])
    items = []
    for _, ra_, common_, overlap_, name, c, aa, common, shared in scored[:limit]:
        theirs = topics.get(c, Counter())
        works = [f.works[w] for w in {a["work"] for a in f.authorships if a["researcher"] == c}]
        ranked_common = sorted(common, key=lambda z: (deg[z], f.researchers[z]["name"], z))
        ranked_topics = sorted(shared, key=lambda t: (-(mine[t] + theirs[t]), t))
        items.append(
            {
                "id": c,
                "name": name,
                "resource_allocation": -ra_,
                "adamic_adar": round(aa, 6),
                "common_coauthors_count": -common_,
                "topic_overlap": -overlap_,
                "shared_topics_count": len(shared),
                "open_to_collaborate": c in open_ids,
                "common_coauthors": [
                    {"id": z, "name": f.researchers[z]["name"], "coauthors": deg[z]}
                    for z in ranked_common[:5]
                ],
                "shared_topics": [
                    {"id": t, "name": f.topics[t]["name"]} for t in ranked_topics[:5]
                ],
                "recent_works": [
                    {"arxiv_id": w["arxiv_id"], "title": w["title"] or "", "year": w["year"]}
                    for w in newest_first(works)[:3]
                ],
            }
        )
    return items
