"""Shortest co-authorship paths: researchers linked hop by hop through shared works.

A breadth-first search in Python over co-author rows from a stored query (level by level from
the start, at most `max_hops` levels), so the choice among several shortest paths is the same on
both backends. The rule: of all shortest paths, the one whose sequence of researcher ids is
lexicographically smallest (ids compared as strings, hop by hop); each hop shows the newest work
the two researchers share (publication date descending, undated last), then the smallest arXiv id.
"""

from __future__ import annotations

from typing import Any

from graphsvc.db import GraphBackend
from graphsvc.services.graph import newest_first

Data = dict[str, Any]


class UnknownResearcher(Exception):
    """A researcher id that is not in the graph."""

    def __init__(self, researcher_id: str) -> None:
        super().__init__(researcher_id)
        self.researcher_id = researcher_id


def shortest_path(backend: GraphBackend, start: str, end: str, max_hops: int) -> Data:
    """The chosen shortest path from `start` to `end` of at most `max_hops` hops (see module
    docstring); raises UnknownResearcher for an id not in the graph."""
    names = {r["id"]: r["name"] for r in backend.read("path_researchers", ids=sorted({start, end}))}
    for rid in (start, end):
        if rid not in names:
            raise UnknownResearcher(rid)
    ids = _search(backend, start, end, max_hops)
    if ids is None:
        return {"found": False, "hops": None, "researchers": [], "links": []}
    if len(ids) > 2:
        rows = backend.read("path_researchers", ids=sorted(set(ids[1:-1])))
        names.update({r["id"]: r["name"] for r in rows})
    links = []
    for a, b in zip(ids, ids[1:], strict=False):
        works = backend.read("path_shared_works", a=a, b=b)
        work = min(works, key=lambda w: newest_first(w["published"], w["arxiv_id"]))
        links.append(
            {
                "from": a,
                "to": b,
                "work": {"arxiv_id": work["arxiv_id"], "title": work["title"], "year": work["year"]},
            }
        )
    return {
        "found": True,
        "hops": len(ids) - 1,
        "researchers": [{"id": rid, "name": names[rid]} for rid in ids],
        "links": links,
    }


def _search(backend: GraphBackend, start: str, end: str, max_hops: int) -> list[str] | None:
    """The lexicographically smallest shortest id sequence, or None beyond `max_hops`."""
    if start == end:
        return [start]
    levels: list[list[str]] = [[start]]
    seen = {start}
    neighbours: dict[str, set[str]] = {}
    while len(levels) <= max_hops:
        rows = backend.read("path_coauthors", ids=levels[-1])
        fresh: set[str] = set()
        for row in rows:
            neighbours.setdefault(row["researcher"], set()).add(row["coauthor"])
            if row["coauthor"] not in seen:
                fresh.add(row["coauthor"])
        if not fresh:
            return None
        seen |= fresh
        levels.append(sorted(fresh))
        if end in fresh:
            break
    else:
        return None
    # Keep, level by level backwards, only the nodes that lead to `end`; then walk forwards
    # taking the smallest id at each step.
    hops = len(levels) - 1
    onward: list[set[str]] = [set() for _ in levels]
    onward[hops] = {end}
    for i in range(hops - 1, -1, -1):
        onward[i] = {u for u in levels[i] if neighbours.get(u, set()) & onward[i + 1]}
    path = [start]
    for i in range(1, hops + 1):
        path.append(min(neighbours[path[-1]] & onward[i]))
    return path
