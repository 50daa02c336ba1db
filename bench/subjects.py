"""What bench/api.py asks, of whom, and what the answer must be (tests/oracles).

The graph's `export_*` dumps are read once (`Dumps`). Subjects are picked from them:

- researchers: the median one by works (all works; ties by id), the most prolific individual
  (most personal, i.e. non-team, works), and a member of the largest team (the team with the
  most members; its member with the most works naming it);
- topics: the largest (by works) and the median one (by works, then id, as
  `TopicOracle.by_size` ranks them).

The oracle (`tests.oracles.facts.facts` and the answers built on it) then reads the same dumps
with only the authorships of the works the subjects' answers depend on (`Dumps.focused`): the
subjects' works, every work of the teams those name, every work of the subject topics. Every
other dump is whole. That keeps a 1,000,000-work graph's facts in memory; the answers are the
same because no answer for these subjects reads another work's authors.

Each endpoint has the path asked, the oracle's answer (`expected`) and the part of the service's
JSON the oracle gives (`view`): the whole body, except for the graph slice, which is compared
as the tests compare it (node ids, types and order, labels, edges, truncated, center).
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, cast
from urllib.parse import quote

from graphsvc.db import GraphBackend
from tests.oracles import researchers as oracles
from tests.oracles import suggestions as suggestion_oracle
from tests.oracles.facts import DUMPS, TEAM_MIN_AUTHORS, Facts, facts
from tests.oracles.slices import expected_slice
from tests.oracles.topics import TopicOracle

SLICE_DEPTH, SLICE_LIMIT, LIST_LIMIT = 1, 200, 20
SUGGESTIONS = 10  # the suggestions endpoint's default limit
Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Subject:
    kind: str  # "researcher" | "topic"
    label: str  # "median", "prolific", "team member", "largest"
    id: str
    works: int  # its works (personal works for "prolific", works naming the team for a member)
    note: str = ""  # what `works` counts, when not all works
    detail: str = ""  # more about it, for the notes

    def __str__(self) -> str:
        return f"{self.label} ({self.works:,} {self.note or 'works'})"

    def describe(self) -> str:
        return f"{self.kind} {self} {self.id!r}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class Oracle:
    """The facts and the topic oracle built on them."""

    facts: Facts
    topics: TopicOracle


class Dumps:
    """The dumps `facts()` reads, read once from the graph."""

    def __init__(self, backend: Any) -> None:
        self.rows: dict[str, Rows] = {name: backend.read(name) for name in DUMPS}
        self.works_of = _works_of(self.rows["export_authorships"])
        self.teams_of: dict[str, set[str]] = defaultdict(set)
        for x in self.rows["export_work_teams"]:
            self.teams_of[x["work"]].add(x["team"])
        people = Counter(a["work"] for a in self.rows["export_authorships"])  # as facts() counts
        self.team_works = set(self.teams_of) | {
            w for w, n in people.items() if n > TEAM_MIN_AUTHORS
        }
        self.topic_works: dict[str, set[str]] = defaultdict(set)
        for h in self.rows["export_work_topics"]:
            self.topic_works[h["topic"]].add(h["work"])
        self.authors_of: dict[str, set[str]] = defaultdict(set)
        for a in self.rows["export_authorships"]:
            self.authors_of[a["work"]].add(a["researcher"])

    def size(self) -> str:
        r = self.rows
        return (
            f"{len(r['export_works']):,} works, {len(r['export_researchers']):,} researchers, "
            f"{len(r['export_authorships']):,} authorships, {len(r['export_teams']):,} teams"
        )

    def focused(self, subjects: list[Subject]) -> Focused:
        """A reader of these dumps keeping only the authorships the subjects' answers need."""
        keep: set[str] = set()
        for s in subjects:
            if s.kind == "topic":
                keep |= self.topic_works[s.id]
                continue
            mine = self.works_of[s.id]
            keep.update(mine)
            teams = {t for w in mine for t in self.teams_of.get(w, ())}
            keep.update(w for w, ts in self.teams_of.items() if ts & teams)
            for person in self._two_hops(s.id):  # suggestions: degrees, topics, recent works
                keep.update(self.works_of[person])
        return Focused(self.rows, keep)

    def _personal_coauthors(self, rid: str) -> set[str]:
        return {
            c for w in self.works_of[rid] if w not in self.team_works for c in self.authors_of[w]
        } - {rid}

    def _two_hops(self, rid: str) -> set[str]:
        """The researcher's personal co-authors and theirs."""
        near = self._personal_coauthors(rid)
        return near.union(*(self._personal_coauthors(c) for c in near))


class Focused:
    """A reader for `facts()`: the dumps, with the authorships of `works` only."""

    def __init__(self, rows: dict[str, Rows], works: set[str]) -> None:
        self.rows = rows
        self.works = works

    def read(self, name: str, **params: Any) -> Rows:
        if name == "export_authorships":
            return [a for a in self.rows[name] if a["work"] in self.works]
        return self.rows[name]


def _works_of(authorships: Rows) -> dict[str, list[str]]:
    """Each researcher's distinct works (the dump is ordered by work)."""
    works: dict[str, list[str]] = defaultdict(list)
    for work, group in itertools.groupby(authorships, key=itemgetter("work")):
        for r in {a["researcher"] for a in group}:
            works[r].append(work)
    return works


def _largest_team_member(d: Dumps) -> Subject | None:
    members: dict[str, Counter[str]] = defaultdict(Counter)  # team -> member -> works naming it
    for r, ws in d.works_of.items():
        for w in ws:
            for team in d.teams_of.get(w, ()):
                members[team][r] += 1
    if not members:
        return None
    team = min(members, key=lambda t: (-len(members[t]), t))
    count = members[team]
    rid = min(count, key=lambda r: (-count[r], r))
    detail = f"a member of {team}, the largest team: {len(count):,} members"
    return Subject("researcher", "team member", rid, count[rid], f"{team} works", detail)


def researcher_subjects(d: Dumps) -> list[Subject]:
    works = d.works_of
    ranked = sorted(works, key=lambda r: (len(works[r]), r))
    median = ranked[len(ranked) // 2]
    personal = {r: sum(1 for w in ws if w not in d.team_works) for r, ws in works.items()}
    prolific = min(personal, key=lambda r: (-personal[r], r))
    out = [
        Subject("researcher", "median", median, len(works[median])),
        Subject(
            "researcher",
            "prolific",
            prolific,
            personal[prolific],
            "personal works",
            f"{len(works[prolific]):,} works in all",
        ),
    ]
    member = _largest_team_member(d)
    if member is not None:
        out.append(member)
    return out


def topic_subjects(d: Dumps) -> list[Subject]:
    sized = d.topic_works
    ranked = sorted(sized, key=lambda t: (-len(sized[t]), t))
    largest, median = ranked[0], ranked[len(ranked) // 2]
    return [
        Subject("topic", "largest", largest, len(sized[largest])),
        Subject("topic", "median", median, len(sized[median])),
    ]


def pick(d: Dumps) -> list[Subject]:
    return researcher_subjects(d) + topic_subjects(d)


def oracle(d: Dumps, subjects: list[Subject]) -> Oracle:
    f = facts(cast(GraphBackend, d.focused(subjects)))  # it reads the dumps, nothing else
    return Oracle(f, TopicOracle(f))


# --- endpoints ------------------------------------------------------------------------------


def _slice_view(body: Any) -> dict[str, Any]:
    nodes = [n["data"] for n in body["elements"]["nodes"]]
    edges = [e["data"] for e in body["elements"]["edges"]]
    return {
        "nodes": [(n["id"], n["type"]) for n in nodes],
        "labels": {n["id"]: n["label"] for n in nodes},
        "edges": sorted((e["type"], e["source"], e["target"]) for e in edges),
        "truncated": body["truncated"],
        "center": body["center"],
    }


def _slice_expected(o: Oracle, rid: str) -> dict[str, Any]:
    want = expected_slice(o.facts, rid, SLICE_DEPTH, SLICE_LIMIT)
    keep = ("nodes", "labels", "edges", "truncated")
    return {**{k: want[k] for k in keep}, "center": f"researcher:{rid}"}


def _collaborators_expected(o: Oracle, rid: str) -> dict[str, Any]:
    return {
        "researcher_id": rid,
        "weighting": "count",
        "since": None,
        "scope": "personal",
        "items": oracles.collaborators(o.facts, rid, limit=LIST_LIMIT),
        "teams": oracles.teams(o.facts, rid),
    }


def _neighborhood_expected(o: Oracle, tid: str) -> dict[str, Any]:
    t = o.topics
    return {
        "topic": t.topic(tid),
        "total_works": t.total,
        "cooccurring": t.cooccurring(tid, LIST_LIMIT),
        "researchers": t.researchers(tid, LIST_LIMIT),
        "recent_works": t.recent(tid, LIST_LIMIT),
    }


def _same(body: Any) -> Any:
    return body


@dataclass(frozen=True)
class Endpoint:
    name: str
    kind: str  # the subject kind it takes
    path: Callable[[str], str]
    expected: Callable[[Oracle, str], Any]
    view: Callable[[Any], Any] = _same
    miss: bool = False  # timed right after a write: the answer cache has nothing for it


def q(value: str) -> str:
    return quote(value, safe="")


ENDPOINTS = [
    Endpoint(
        "profile",
        "researcher",
        lambda i: f"/v1/researchers/{q(i)}",
        lambda o, i: oracles.profile(o.facts, i),
    ),
    Endpoint(
        "collaborators",
        "researcher",
        lambda i: f"/v1/researchers/{q(i)}/collaborators?limit={LIST_LIMIT}",
        _collaborators_expected,
    ),
    Endpoint(
        "slice",
        "researcher",
        lambda i: f"/v1/researchers/{q(i)}/graph?depth={SLICE_DEPTH}&limit={SLICE_LIMIT}",
        _slice_expected,
        _slice_view,
    ),
    Endpoint(
        "suggestions",
        "researcher",
        lambda i: f"/v1/researchers/{q(i)}/suggestions?limit={SUGGESTIONS}",
        lambda o, i: suggestion_oracle.suggestions(o.facts, i, limit=SUGGESTIONS),
        lambda body: body["items"],
    ),
    Endpoint(
        "neighborhood",
        "topic",
        lambda i: f"/v1/topics/{q(i)}/neighborhood?limit={LIST_LIMIT}",
        _neighborhood_expected,
    ),
    Endpoint(
        "neighborhood miss",
        "topic",
        lambda i: f"/v1/topics/{q(i)}/neighborhood?limit={LIST_LIMIT}",
        _neighborhood_expected,
        miss=True,
    ),
]


@dataclass(frozen=True)
class Cell:
    """One (endpoint, subject) of the table, with the oracle's answer."""

    endpoint: Endpoint
    subject: Subject
    expected: Any

    @property
    def path(self) -> str:
        return self.endpoint.path(self.subject.id)

    def same(self, body: Any) -> bool:
        """Does the service's answer (parsed JSON) equal the oracle's?"""
        try:
            return bool(self.endpoint.view(body) == self.expected)
        except (KeyError, TypeError):
            return False


def cells(o: Oracle, subjects: list[Subject]) -> list[Cell]:
    """Every (endpoint, subject) pair, in table order, with the expected answers."""
    return [
        Cell(ep, s, ep.expected(o, s.id)) for ep in ENDPOINTS for s in subjects if s.kind == ep.kind
    ]
