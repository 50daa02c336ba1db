"""The independent side of the oracle tests: the graph's raw facts as a networkx graph.

Only the plain `export_*` dumps are read (every node and relationship as stored); every ranking,
neighborhood or path is then computed here with networkx and compared with what the stored
Cypher queries return.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphsvc.db import GraphBackend

TEAM_MIN_AUTHORS = 100  # the default setting


@dataclass
class Facts:
    """The graph as dumped: nodes by kind and id, and the relationships. `team_works` are the
    works naming a team or with more than TEAM_MIN_AUTHORS authors, decided here."""

    researchers: dict[str, dict]
    works: dict[str, dict]
    topics: dict[str, dict]
    institutions: dict[str, dict]
    authorships: list[dict]
    work_topics: list[dict]
    affiliations: list[dict]
    graph: nx.MultiDiGraph
    teams: dict[str, dict]
    work_teams: list[dict]
    team_works: set[str]
    accounts: dict[str, dict] = field(default_factory=dict)
    follows: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def personal(self, work: str) -> bool:
        return work not in self.team_works

    def authors_of(self, work: str) -> list[str]:
        rows = sorted(
            (a for a in self.authorships if a["work"] == work), key=lambda a: a["position"]
        )
        return [a["researcher"] for a in rows]


# The dumps `facts` reads (a reader that serves these is enough: bench/subjects.py).
DUMPS = (
    "export_researchers",
    "export_works",
    "export_topics",
    "export_institutions",
    "export_authorships",
    "export_work_topics",
    "export_affiliations",
    "export_teams",
    "export_work_teams",
    "export_accounts",
    "export_follows",
    "export_claims",
)


def facts(backend: GraphBackend, team_min_authors: int = TEAM_MIN_AUTHORS) -> Facts:
    """Read every node and relationship and build a networkx MultiDiGraph of them."""
    researchers = {r["id"]: r for r in backend.read("export_researchers")}
    works = {w["arxiv_id"]: w for w in backend.read("export_works")}
    topics = {t["id"]: t for t in backend.read("export_topics")}
    institutions = {i["id"]: i for i in backend.read("export_institutions")}
    authorships = backend.read("export_authorships")
    work_topics = backend.read("export_work_topics")
    affiliations = backend.read("export_affiliations")
    teams = {t["id"]: t for t in backend.read("export_teams")}
    work_teams = backend.read("export_work_teams")
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
    for tid, t in teams.items():
        g.add_node(("Team", tid), **t)
    for x in work_teams:
        g.add_edge(("Work", x["work"]), ("Team", x["team"]), key="BY_TEAM", **x)
    people = Counter(a["work"] for a in authorships)
    teams_of: dict[str, set[str]] = defaultdict(set)
    for x in work_teams:
        teams_of[x["work"]].add(x["team"])
    team_works = set(teams_of) | {w for w in works if people[w] > team_min_authors}
    for a in authorships:
        for team in teams_of.get(a["work"], ()):  # one MEMBER_OF per (researcher, team)
            g.add_edge(("Researcher", a["researcher"]), ("Team", team), key="MEMBER_OF")
    return Facts(
        researchers,
        works,
        topics,
        institutions,
        authorships,
        work_topics,
        affiliations,
        g,
        teams,
        work_teams,
        team_works,
        accounts={a["id"]: a for a in backend.read("export_accounts")},
        follows=backend.read("export_follows"),
        claims=linked_claims(backend),
    )


def linked_claims(backend: GraphBackend) -> list[dict[str, Any]]:
    """Every claim; the oracles read a claim's record and account by their ids, the service by
    its links, so they must agree: a claim is linked to the record it names (a record with a
    claim is never deleted, and merges move both), and held by the account it names while that
    account exists."""
    claims = backend.read("export_claims")
    accounts = {a["id"] for a in backend.read("export_accounts")}
    for c in claims:
        assert c["linked_to"] == c["researcher_id"], c
        assert c["held_by"] == (c["account_id"] if c["account_id"] in accounts else None), c
    return claims


def coauthor_graph(f: Facts, *, all_works: bool = False) -> nx.Graph:
    """Researchers linked by shared works (personal ones, or all); edge attribute `works` is the
    set of shared work ids. Built once per Facts and kind (callers only read it)."""
    key = ("coauthor_graph", all_works)
    if key not in f.memo:
        f.memo[key] = _coauthor_graph(f, all_works)
    graph: nx.Graph = f.memo[key]
    return graph


def _coauthor_graph(f: Facts, all_works: bool) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(f.researchers)
    by_work: dict[str, list[str]] = {}
    for row in f.authorships:
        if all_works or f.personal(row["work"]):
            by_work.setdefault(row["work"], []).append(row["researcher"])
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
