"""The whole collaboration layer computed in memory from every work's facts (a bulk load).

The sums are `LayerDelta`'s, as the incremental writer adds them; the counts, team numbers and
topic lists are what `layer_recount_*` and `toplists` store for them: equal, by construction,
to the layer an incremental load of the same works leaves.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graphsvc.store import toplists
from graphsvc.store.facts import LayerDelta, WorkFacts
from graphsvc.store.pair_counts import CoauthorPairs, PairCounts


@dataclass
class LayerTables:
    """Rows of the layer's relationships and the counts stored on nodes. The co-author pairs,
    by far the most (about 9 per work at 400,000 works), are counted in arrays
    (`CoauthorPairs`), not dicts."""

    coauthor: CoauthorPairs
    works_in: list[dict[str, Any]] = field(default_factory=list)
    member_of: list[dict[str, Any]] = field(default_factory=list)
    cooccurs: list[dict[str, Any]] = field(default_factory=list)
    researcher_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    team_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    topic_stats: dict[str, dict[str, Any]] = field(default_factory=dict)
    with_topic: int = 0


def layer_tables(works: Iterable[WorkFacts]) -> LayerTables:
    """The layer of a graph holding exactly these works, read once (they are not kept)."""
    d = LayerDelta()
    pairs = PairCounts()
    recent = _RecentWorks()
    for work in works:
        d.add(work, pairs=False)
        if not work.team_work:
            pairs.add(work.authors, work.pair_weight)
        recent.add(work)
    out = LayerTables(coauthor=pairs.counted(), with_topic=d.with_topic)
    out.works_in = [
        {"researcher": r, "topic": t, "works": n, "personal": d.personal_in[(r, t)]}
        for (r, t), n in sorted(d.works_in.items())
        if n
    ]
    out.member_of = [
        {"researcher": r, "team": t, "works": n} for (r, t), n in sorted(d.member_of.items()) if n
    ]
    out.cooccurs = [{"a": a, "b": b, "works": n} for (a, b), n in sorted(d.cooccurs.items()) if n]
    topics: Counter[str] = Counter(row["researcher"] for row in out.works_in)
    coauthors = out.coauthor.per_researcher()
    out.researcher_counts = {
        r: {"works_count": n, "topics_count": topics[r], "coauthors_count": coauthors.get(r, 0)}
        for r, n in d.works_count.items()
    }
    members: Counter[str] = Counter(row["team"] for row in out.member_of)
    out.team_counts = {t: {"works": n, "members": members[t]} for t, n in d.team_works.items()}
    out.topic_stats = _topic_stats(d, out.works_in, recent.lists())
    return out


class _RecentWorks:
    """Each topic's newest works in `toplists` order, at most `toplists.SIZE` kept (a list is
    cut back to that length whenever it doubles)."""

    def __init__(self) -> None:
        self._lists: dict[str, list[tuple[Any, str]]] = defaultdict(list)

    def add(self, work: WorkFacts) -> None:
        for topic in work.topics:
            entries = self._lists[topic]
            entries.append((toplists.recent_key(work.published, work.arxiv_id), work.arxiv_id))
            if len(entries) >= 2 * toplists.SIZE:
                entries.sort()
                del entries[toplists.SIZE :]

    def lists(self) -> dict[str, list[tuple[str, int]]]:
        """Each topic's list: (work, its day as `toplists` stores it)."""
        return {
            t: [(w, -key[1]) for key, w in sorted(e)[: toplists.SIZE]]
            for t, e in self._lists.items()
        }


def _topic_stats(
    d: LayerDelta, works_in: list[dict[str, Any]], recent: dict[str, list[tuple[str, int]]]
) -> dict[str, dict[str, Any]]:
    """Each topic's works and its short lists (top researchers by personal works, newest
    works), as `toplists` keeps them; an empty top list is stored as null."""
    top: dict[str, list[tuple[tuple[int, str], str, int]]] = defaultdict(list)
    for row in works_in:
        if row["personal"]:
            key = toplists.researcher_key(row["personal"], row["researcher"])
            top[row["topic"]].append((key, row["researcher"], row["personal"]))
    stats = {}
    for topic, n in d.topic_works.items():
        best = sorted(top.get(topic, []))[: toplists.SIZE]
        stats[topic] = {
            "works": n,
            "top_ids": [rid for _, rid, _ in best] or None,
            "top_counts": [c for _, _, c in best] or None,
            "recent_ids": [w for w, _ in recent.get(topic, [])] or None,
            "recent_days": [day for _, day in recent.get(topic, [])] or None,
        }
    return stats
