"""A researcher's graph slice from the raw facts, following the priority documented in
graphsvc.services.graph: nodes in order, labels, and the stored edges between kept nodes."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from tests.oracles.facts import Facts

PREFIX = {
    "Researcher": "researcher",
    "Work": "work",
    "Topic": "topic",
    "Institution": "institution",
    "Team": "team",
}


def nid(node: tuple[str, str]) -> str:
    return f"{PREFIX[node[0]]}:{node[1]}"


def newest(f: Facts, work: str) -> tuple[int, int, str]:
    published: dt.date | None = f.works[work]["published"]
    return (1, 0, work) if published is None else (0, -published.toordinal(), work)


def expected_slice(f: Facts, rid: str, depth: int, limit: int) -> dict[str, Any]:
    """The documented priority, computed on the networkx graph of the facts."""
    g = f.graph

    def out(node: tuple[str, str], kind: str) -> list[str]:
        return sorted({t[1] for t in g.successors(node) if t[0] == kind})

    def authors(work: str) -> list[str]:
        return sorted({s[1] for s in g.predecessors(("Work", work)) if s[0] == "Researcher"})

    name = {r: f.researchers[r]["name"] for r in f.researchers}
    order: list[tuple[str, str]] = [("Researcher", rid)]
    every = out(("Researcher", rid), "Work")
    mine = [w for w in every if f.personal(w)]
    teams = Counter(t for w in every for t in out(("Work", w), "Team"))
    order += [("Team", t) for t in sorted(teams, key=lambda t: (-teams[t], t))]
    shared = Counter(a for w in mine for a in authors(w) if a != rid)
    coauthors = sorted(shared, key=lambda c: (-shared[c], name[c], c))
    order += [("Researcher", c) for c in coauthors]
    order += [("Work", w) for w in sorted(mine, key=lambda w: newest(f, w))]
    topics = Counter(t for w in every for t in out(("Work", w), "Topic"))
    order += [("Topic", t) for t in sorted(topics, key=lambda t: (-topics[t], t))]
    ring1 = {rid, *coauthors}
    insts = Counter(i for r in ring1 for i in out(("Researcher", r), "Institution"))
    order += [("Institution", i) for i in sorted(insts, key=lambda i: (-insts[i], i))]
    if depth == 2:
        linking: dict[str, set[str]] = defaultdict(set)
        for c in coauthors:
            for w in out(("Researcher", c), "Work"):
                if not f.personal(w):
                    continue
                for d in authors(w):
                    if d not in ring1:
                        linking[d].add(w)
        for d in sorted(linking, key=lambda d: (-len(linking[d]), name[d], d)):
            order += [("Work", w) for w in sorted(linking[d], key=lambda w: newest(f, w))]
            order.append(("Researcher", d))
    unique = list(dict.fromkeys(order))
    kept = unique[:limit]
    keep = set(kept)
    edges = sorted(
        (kind, nid(s), nid(t)) for s, t, kind in g.edges(keys=True) if s in keep and t in keep
    )
    labels = {}
    for kind, key in kept:
        if kind == "Researcher":
            labels[nid((kind, key))] = name[key]
        elif kind == "Work":
            labels[nid((kind, key))] = f.works[key]["title"] or key
        elif kind == "Topic":
            labels[nid((kind, key))] = f.topics[key]["name"] or key
        elif kind == "Team":
            labels[nid((kind, key))] = f.teams[key]["name"] or key
        else:
            labels[nid((kind, key))] = f.institutions[key]["name"] or key
    return {
        "nodes": [(nid(n), n[0]) for n in kept],
        "labels": labels,
        "edges": edges,
        "truncated": len(unique) > limit,
        "size": len(unique),
    }
