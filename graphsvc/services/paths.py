"""Shortest co-authorship paths: researchers linked hop by hop through shared works.

A breadth-first search in Python over co-author rows from a stored query (level by level from
the start, at most `max_hops` levels), so the choice among several shortest paths is the same on
both backends. The rule: of all shortest paths, the one whose sequence of researcher ids is
lexicographically smallest (ids compared as strings, hop by hop); each hop shows the newest work
the two researchers share (publication date descending, undated last), then the smallest arXiv id.
"""

from __future__ import annotations

import itertools
from typing import Any

from graphsvc.db import Reader, reads_together
from graphsvc.services.graph import newest_first

Data = dict[str, Any]


class UnknownResearcher(Exception):
    """A researcher id that is not in the graph."""

    def __init__(self, researcher_id: str) -> None:
        super().__init__(researcher_id)
        self.researcher_id = researcher_id


@reads_together
def shortest_path(db: Reader, start: str, end: str, max_hops: int) -> Data:
    """The chosen shortest path from `start` to `end` of at most `max_hops` hops (see module
    docstring); raises UnknownResearcher for an id not in the graph."""
    names = {r["id"]: r["name"] for r in db.read("path_researchers", ids=sorted({start, end}))}
    for rid in (start, end):
        if rid not in names:
            raise UnknownResearcher(rid)
    ids = _search(db, start, end, max_hops)
    if ids is None:
        return {"found": False, "hops": None, "researchers": [], "links": []}
    if len(ids) > 2:
        rows = db.read("path_researchers", ids=sorted(set(ids[1:-1])))
        names.update({r["id"]: r["name"] for r in rows})
    links = []
    for a, b in itertools.pairwise(ids):
        works = db.read("path_shared_works", a=a, b=b)
        work = min(works, key=lambda w: newest_first(w["published"], w["arxiv_id"]))
        links.append(
            {
                "from": a,
                "to": b,
                "work": {
                    "arxiv_id": work["arxiv_id"],
                    "title": work["title"],
                    "year": work["year"],
                },
            }
        )
    return {
        "found": True,
        "hops": len(ids) - 1,
        "researchers": [{"id": rid, "name": names[rid]} for rid in ids],
        "links": links,
    }


def _search(db: Reader, start: str, end: str, max_hops: int) -> list[str] | None:
    """The lexicographically smallest shortest id sequence, or None beyond `max_hops`.

    Bidirectional: each step expands, by one whole level, the side with the smaller frontier
    (the start side on a tie) and stops when the two sides meet; then only the nodes that lie on
    a shortest path are kept and the path is walked from the start, smallest id first.
    """
    if start == end:
        return [start]
    sides: list[list[set[str]]] = [[{start}], [{end}]]  # levels from the start, from the end
    dist: list[dict[str, int]] = [{start: 0}, {end: 0}]
    neighbours: dict[str, set[str]] = {}
    hops = 0
    while not hops:
        if len(sides[0]) + len(sides[1]) - 2 >= max_hops:
            return None
        side = 0 if len(sides[0][-1]) <= len(sides[1][-1]) else 1
        rows = db.read("path_coauthors", ids=sorted(sides[side][-1]))
        fresh: set[str] = set()
        for row in rows:
            a, b = row["researcher"], row["coauthor"]
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)
            if b not in dist[side]:
                fresh.add(b)
        if not fresh:
            return None
        level = len(sides[side])
        for node in fresh:
            dist[side][node] = level
        sides[side].append(fresh)
        met = [level + dist[1 - side][n] for n in fresh if n in dist[1 - side]]
        hops = min(met, default=0)
    # Position p of a shortest path: a node at distance p from the start where that side
    # reaches, else at distance hops - p from the end; keep those leading on to the end.
    reach = len(sides[0]) - 1

    def candidates(p: int) -> set[str]:
        return sides[0][p] if p <= reach else sides[1][hops - p]

    onward: list[set[str]] = [set() for _ in range(hops + 1)]
    onward[hops] = {end}
    for p in range(hops - 1, -1, -1):
        onward[p] = {u for u in candidates(p) if neighbours.get(u, set()) & onward[p + 1]}
    path = [start]
    for p in range(1, hops + 1):
        path.append(min(neighbours[path[-1]] & onward[p]))
    return path
