"""Graph slices: a researcher's ego network, capped, as Cytoscape.js elements or GraphML.

A few stored queries fetch the rows; the priority, the cap and the edges are decided here, so the
answer is identical on both backends.

Team works (a team named on them, or more authors than `GRAPHSVC_TEAM_MIN_AUTHORS`) are not
drawn one by one: each team the researcher belongs to is one `Team` node, and its roster makes
nobody a co-author. Nodes are taken in this order (a node already taken keeps its first place),
and the first `limit` of them form the slice (`truncated` tells whether any were left out):

1. the researcher (`depth` 0);
2. the researcher's teams: most of their works naming the team first, then team id;
3. the personal co-authors (researchers other than them on one of their works that is not a
   team work, `depth` 1): most shared works first, then name, then id;
4. the researcher's personal works: newest first (publication date descending, undated last),
   then arXiv id ascending;
5. the topics of all their works: most of the researcher's works first, then topic id;
6. the institutions of the researcher and the co-authors: most of these researchers affiliated
   first, then institution id;
7. with depth 2 only, the co-authors' co-authors (`depth` 2) on personal works: most linking
   works (works shared with any co-author) first, then name, then id; each one is preceded by
   its linking works not taken yet, newest first as in 4 (so a cut never leaves a second-ring
   researcher unlinked).

Edges are every stored relationship (AUTHORED, HAS_TOPIC, AFFILIATED_WITH, MEMBER_OF) whose
two ends are in the slice, sorted by edge id.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from graphsvc.db import Reader, reads_together
from graphsvc.db.bundles import Read, prefetch

Data = dict[str, Any]
GRAPHML = "application/graphml+xml"


def researcher_node(rid: str) -> str:
    return f"researcher:{rid}"


def work_node(arxiv_id: str) -> str:
    return f"work:{arxiv_id}"


def topic_node(tid: str) -> str:
    return f"topic:{tid}"


def institution_node(iid: str) -> str:
    return f"institution:{iid}"


def team_node(tid: str) -> str:
    return f"team:{tid}"


def edge_id(kind: str, source: str, target: str) -> str:
    return f"{kind}:{source}->{target}"


def newest_first(published: dt.date | None, arxiv_id: str) -> tuple[bool, int, str]:
    """Sort key: publication date descending, undated last, then arXiv id ascending."""
    return (published is None, -(published.toordinal() if published else 0), arxiv_id)


class _Nodes:
    """The slice's candidate nodes in priority order, without repeats."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.data: dict[str, Data] = {}

    def add(self, node_id: str, kind: str, label: str, properties: Data) -> None:
        if node_id in self.data:
            return
        self.order.append(node_id)
        self.data[node_id] = {
            "id": node_id,
            "type": kind,
            "label": label,
            "properties": properties,
        }

    def __len__(self) -> int:
        return len(self.order)


def _work_props(row: Data) -> Data:
    published = row["published"]
    return {"year": row["year"], "published": published.isoformat() if published else None}


@reads_together
def ego_network(db: Reader, researcher_id: str, depth: int, limit: int) -> Data | None:
    """The researcher's capped ego network (see the module docstring), or None if unknown."""
    db = prefetch(db, "slice_reads", slice_reads(researcher_id, limit))
    found = db.read("slice_researcher", id=researcher_id)
    if not found:
        return None
    center = found[0]
    nodes = _Nodes()
    nodes.add(researcher_node(center["id"]), "Researcher", center["name"], {"depth": 0})

    # Ring 1: teams, co-authors, works, topics, institutions; only the first `limit` of each
    # kind can be kept, so each query ranks and cuts in the database; the sizes tell about
    # truncation. Once the teams and co-authors alone pass `limit`, nothing after them can be
    # kept and the slice is truncated: works, topics and institutions are not read (for a
    # prolific researcher, most of the time).
    total = 1 + center["teams"] + center["works"] + center["coauthors"]
    names: dict[str, str] = {center["id"]: center["name"]}
    teams = db.read("slice_teams", id=researcher_id, limit=limit)
    for t in teams:
        props = {"works": t["works"], "size": t["size"] or 0}
        nodes.add(team_node(t["team"]), "Team", t["name"] or t["team"], props)
    coauthors = []
    for row in db.read("slice_coauthors", id=researcher_id, limit=limit):
        coauthors.append(row["id"])
        names[row["id"]] = row["name"]
        nodes.add(researcher_node(row["id"]), "Researcher", row["name"], {"depth": 1})
    ring1 = [center["id"], *coauthors]
    own_works: set[str] = set()
    # The institutions of the researchers whose affiliations were all read (ring 1, when its
    # institutions are), for the edges.
    affiliated: dict[str, set[str]] = {}
    if 1 + center["teams"] + center["coauthors"] <= limit:
        db = prefetch(db, "slice_more_reads", slice_more_reads(researcher_id, limit))
        for row in db.read("slice_recent_works", id=researcher_id, limit=limit):
            own_works.add(row["work"])
            nodes.add(work_node(row["work"]), "Work", row["title"] or row["work"], _work_props(row))
        topics = db.read("slice_topics", id=researcher_id)
        total += len(topics)
        for t in topics[:limit]:
            props = {"works": t["works"]}
            nodes.add(topic_node(t["topic"]), "Topic", t["name"] or t["topic"], props)
        # Institutions of ring 1, with how many of its researchers each has: one row per
        # researcher and institution, the researcher's own and every personal co-author's.
        affiliated = {rid: set() for rid in ring1}
        members: Counter[str] = Counter()
        inst_names: dict[str, str] = {}
        own = db.read("slice_affiliations", ids=[center["id"]])
        for row in [*own, *db.read("slice_coauthor_affiliations", id=researcher_id)]:
            affiliated.setdefault(row["researcher"], set()).add(row["institution"])
            members[row["institution"]] += 1
            inst_names[row["institution"]] = row["name"]
        total += len(members)
        for i in sorted(members, key=lambda i: (-members[i], i))[:limit]:
            nodes.add(institution_node(i), "Institution", inst_names[i] or i, {})

    # Ring 2: co-authors' co-authors, each after the works that link it to ring 1.
    if depth >= 2 and coauthors and total <= limit:
        link_rows = db.read("slice_linking_works", ids=coauthors, exclude=ring1)
        linking: dict[str, set[str]] = defaultdict(set)
        link_works: dict[str, Data] = {}
        for row in link_rows:
            linking[row["researcher"]].add(row["work"])
            link_works.setdefault(row["work"], row)
            names[row["researcher"]] = row["name"]
        for d in sorted(linking, key=lambda d: (-len(linking[d]), names[d], d)):
            for w in sorted(linking[d], key=lambda w: newest_first(link_works[w]["published"], w)):
                nodes.add(
                    work_node(w), "Work", link_works[w]["title"] or w, _work_props(link_works[w])
                )
            nodes.add(researcher_node(d), "Researcher", names[d], {"depth": 2})

    kept = nodes.order[:limit]
    return {
        "elements": {
            "nodes": [{"data": nodes.data[n]} for n in kept],
            "edges": [{"data": e} for e in _edges(db, center["id"], own_works, affiliated, kept)],
        },
        "truncated": max(total, len(nodes)) > limit,
        "center": researcher_node(center["id"]),
    }


def slice_reads(researcher_id: str, limit: int) -> list[Read]:
    """The first stored reads of `ego_network` (one bundle on Neo4j): the researcher, their
    teams and co-authors."""
    return [
        ("slice_researcher", {"id": researcher_id}),
        ("slice_teams", {"id": researcher_id, "limit": limit}),
        ("slice_coauthors", {"id": researcher_id, "limit": limit}),
    ]


def slice_more_reads(researcher_id: str, limit: int) -> list[Read]:
    """The rest of ring 1, read when the slice has room after the co-authors (one bundle on
    Neo4j): works, topics, the co-authors' institutions and the researcher's own."""
    return [
        ("slice_recent_works", {"id": researcher_id, "limit": limit}),
        ("slice_topics", {"id": researcher_id}),
        ("slice_coauthor_affiliations", {"id": researcher_id}),
        ("slice_affiliations", {"ids": [researcher_id]}),
    ]


def _edges(
    db: Reader,
    center: str,
    own_works: set[str],
    affiliated: dict[str, set[str]],
    kept: list[str],
) -> list[Data]:
    """Every stored relationship between two kept nodes, sorted by edge id; the edges of the
    center's own works (`own_works`) are read from the center, and the affiliations of the
    researchers in `affiliated` (every institution of each) are not read again."""
    included = set(kept)

    def ids(prefix: str) -> list[str]:
        return sorted(n.removeprefix(prefix) for n in kept if n.startswith(prefix))

    work_ids, researcher_ids = ids("work:"), ids("researcher:")
    team_ids, institution_ids = ids("team:"), ids("institution:")
    own = [w for w in work_ids if w in own_works]
    others = [w for w in work_ids if w not in own_works]
    work_rows = db.read("slice_own_work_edges", id=center, ids=own) if own else []
    if others:
        work_rows += db.read("slice_work_edges", ids=others)
    found: list[tuple[str, str, str]] = []
    for row in work_rows:
        if row["kind"] == "AUTHORED":
            ends = (researcher_node(row["source"]), work_node(row["target"]))
        else:
            ends = (work_node(row["source"]), topic_node(row["target"]))
        found.append((row["kind"], *ends))
    if team_ids and researcher_ids:
        for row in db.read("slice_memberships", ids=researcher_ids, teams=team_ids):
            found.append(("MEMBER_OF", researcher_node(row["researcher"]), team_node(row["team"])))
    if institution_ids and researcher_ids:
        pairs = [(r, i) for r in researcher_ids for i in affiliated.get(r, ())]
        unread = [r for r in researcher_ids if r not in affiliated]
        if unread:
            pairs += [
                (row["researcher"], row["institution"])
                for row in db.read(
                    "slice_affiliation_edges", ids=unread, institutions=institution_ids
                )
            ]
        for r, i in pairs:
            found.append(("AFFILIATED_WITH", researcher_node(r), institution_node(i)))
    edges = {
        edge_id(kind, s, t): {"id": edge_id(kind, s, t), "source": s, "target": t, "type": kind}
        for kind, s, t in found
        if s in included and t in included
    }
    return [edges[k] for k in sorted(edges)]


def to_graphml(data: Data) -> str:
    """The slice as GraphML: node attributes type, label and the flattened properties (None
    dropped, other non-scalars as strings); edge attributes id and type; graph attribute center
    and truncated."""
    g = nx.DiGraph(center=data["center"], truncated=data["truncated"])
    for node in data["elements"]["nodes"]:
        d = node["data"]
        attrs: Data = {"type": d["type"], "label": d["label"]}
        for key, value in d["properties"].items():
            if value is None:
                continue
            attrs[key] = value if isinstance(value, str | int | float | bool) else str(value)
        g.add_node(d["id"], **attrs)
    for edge in data["elements"]["edges"]:
        d = edge["data"]
        g.add_edge(d["source"], d["target"], id=d["id"], type=d["type"])
    return "\n".join(nx.generate_graphml(g)) + "\n"
