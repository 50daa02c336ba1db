"""The collaboration layer as it must be, recomputed from the raw facts, and as stored."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from typing import Any

from graphsvc.db import GraphBackend


def layer(backend: GraphBackend, team_min_authors: int = 100) -> dict[str, Any]:
    """The collaboration layer as it must be, recomputed here from the raw facts alone (the
    authorships, topics and team links), in the shape of the `export_*` layer dumps."""
    authors: dict[str, list[str]] = defaultdict(list)
    for row in backend.read("export_authorships"):
        authors[row["work"]].append(row["researcher"])
    topics: dict[str, set[str]] = defaultdict(set)
    for row in backend.read("export_work_topics"):
        topics[row["work"]].add(row["topic"])
    teams: dict[str, set[str]] = defaultdict(set)
    for row in backend.read("export_work_teams"):
        teams[row["work"]].add(row["team"])
    works = {w["arxiv_id"]: w for w in backend.read("export_works")}
    researchers = [r["id"] for r in backend.read("export_researchers")]
    pairs: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    works_in: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    member_of: Counter[tuple[str, str]] = Counter()
    cooccurs: Counter[tuple[str, str]] = Counter()
    topic_works: Counter[str] = Counter()
    team_works: Counter[str] = Counter()
    works_count: Counter[str] = Counter()
    for wid in works:
        people = sorted(set(authors[wid]))
        team_work = bool(teams[wid]) or len(people) > team_min_authors
        for r in people:
            works_count[r] += 1
            for t in topics[wid]:
                works_in[(r, t)][0] += 1
                works_in[(r, t)][1] += 0 if team_work else 1
            for m in teams[wid]:
                member_of[(r, m)] += 1
        if not team_work:
            for a, b in itertools.combinations(people, 2):
                pairs[(a, b)][0] += 1
                pairs[(a, b)][1] += 1 / (len(people) - 1)
        for t in topics[wid]:
            topic_works[t] += 1
        for t, u in itertools.combinations(sorted(topics[wid]), 2):
            cooccurs[(t, u)] += 1
        for m in teams[wid]:
            team_works[m] += 1
    degree: Counter[str] = Counter()
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    topic_count = Counter(r for r, _ in works_in)
    members = Counter(m for _, m in member_of)
    recent = {
        t: [
            (w, _day(works[w]["published"]))
            for w in sorted((w for w in works if t in topics[w]), key=_recent(works))
        ][:TOPLIST_SIZE]
        for t in topic_works
    }
    return {
        "coauthors": [
            {"a": a, "b": b, "works": n, "newman": round(w, 9)}
            for (a, b), (n, w) in sorted(pairs.items())
        ],
        "works_in": [
            {"researcher": r, "topic": t, "works": n, "personal": p}
            for (r, t), (n, p) in sorted(works_in.items())
        ],
        "member_of": [
            {"researcher": r, "team": m, "works": n} for (r, m), n in sorted(member_of.items())
        ],
        "cooccurs": [{"a": t, "b": u, "works": n} for (t, u), n in sorted(cooccurs.items())],
        "researcher_counts": [
            (r, works_count[r], topic_count[r], degree[r]) for r in sorted(researchers)
        ],
        "topic_works": {t: n for t, n in topic_works.items() if n},
        "team_counts": {m: (team_works[m], members[m]) for m in team_works},
        "with_topic": sum(1 for wid in works if topics[wid]),
        "team_works": sorted(
            wid for wid in works if teams[wid] or len(set(authors[wid])) > team_min_authors
        ),
        "top_ids": {
            t: [
                r
                for _, r in sorted(
                    (-p, r) for (r, tt), (_, p) in works_in.items() if tt == t and p > 0
                )[:TOPLIST_SIZE]
            ]
            for t in topic_works
        },
        "recent_ids": {t: [w for w, _ in recent[t]] for t in topic_works},
        "recent_days": {t: [day for _, day in recent[t]] for t in topic_works},
    }


TOPLIST_SIZE = 200


def _day(published: Any) -> int:
    """A date's ordinal, 0 when undated."""
    return published.toordinal() if published else 0


def _recent(works: dict[str, dict]) -> Any:
    """Newest first (undated last), then arXiv id descending."""

    def key(wid: str) -> tuple[bool, int, tuple[int, ...]]:
        published = works[wid]["published"]
        return (published is None, -_day(published), (*(-ord(c) for c in wid), 1))

    return key


def stored_layer(backend: GraphBackend) -> dict[str, Any]:
    """The layer as the graph stores it, in the shape of `layer`."""
    topics = backend.read("export_topic_stats")
    teams = backend.read("export_teams")
    stats = {s["id"]: s["n"] for s in backend.read("export_stats")}
    return {
        "coauthors": [
            {**e, "newman": round(e["newman"], 9)} for e in backend.read("export_coauthors")
        ],
        "works_in": backend.read("export_works_in"),
        "member_of": backend.read("export_member_of"),
        "cooccurs": backend.read("export_cooccurs"),
        "researcher_counts": [
            (r["id"], r["works"], r["topics"], r["coauthors"])
            for r in backend.read("export_researcher_counts")
        ],
        "topic_works": {t["id"]: t["works"] for t in topics if t["works"]},
        "team_counts": {t["id"]: (t["works"], t["members"]) for t in teams if t["works"]},
        "with_topic": stats.get("works_with_topic", 0),
        "team_works": [
            w["arxiv_id"] for w in backend.read("export_works_team_flags") if w["team_work"]
        ],
        "top_ids": {t["id"]: list(t["top_ids"] or []) for t in topics if t["works"]},
        "recent_ids": {t["id"]: list(t["recent_ids"] or []) for t in topics if t["works"]},
        "recent_days": {t["id"]: list(t["recent_days"] or []) for t in topics if t["works"]},
    }
