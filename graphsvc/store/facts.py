"""A work as the derived layer sees it, and the deltas its arrival or removal makes.

Every stored aggregate is a sum over works, so adding a work adds its contribution and removing
one (a replaced version) subtracts it. A *team work* (a team named on it, or more authors than
`GRAPHSVC_TEAM_MIN_AUTHORS`) contributes to its authors' counts and team memberships but to no
co-author pair: nothing is quadratic in the authors of a team work.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class WorkFacts:
    """What one work contributes to the layer: its authors (researcher ids, each once), topics,
    teams, year and whether it is a team work."""

    arxiv_id: str
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    teams: tuple[str, ...]
    team_work: bool
    published: dt.date | None = None

    @property
    def pair_weight(self) -> float:
        """Newman's weight of each co-author pair of this work: 1 / (n - 1)."""
        return 1.0 / (len(self.authors) - 1) if len(self.authors) > 1 else 1.0


def pair(a: str, b: str) -> tuple[str, str]:
    """A co-author pair as stored: the smaller id first."""
    return (a, b) if a < b else (b, a)


@dataclass
class LayerDelta:
    """Changes to the layer's sums, keyed like the stored aggregates; zero entries dropped."""

    works_count: Counter[str] = field(default_factory=Counter)
    works_in: Counter[tuple[str, str]] = field(default_factory=Counter)
    personal_in: Counter[tuple[str, str]] = field(default_factory=Counter)
    member_of: Counter[tuple[str, str]] = field(default_factory=Counter)
    coauthor: Counter[tuple[str, str]] = field(default_factory=Counter)
    newman: defaultdict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    topic_works: Counter[str] = field(default_factory=Counter)
    cooccurs: Counter[tuple[str, str]] = field(default_factory=Counter)
    team_works: Counter[str] = field(default_factory=Counter)
    with_topic: int = 0
    # Works that entered (+) or left (-) a topic, for the topics' lists of recent works.
    topic_entries: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    topic_exits: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(
        self,
        work: WorkFacts,
        sign: int = 1,
        *,
        skip: frozenset[str] = frozenset(),
        pairs: bool = True,
    ) -> None:
        """Add (sign 1) or subtract (sign -1) a work's contribution. Researchers in `skip` are
        recomputed from the graph instead: no per-researcher or pair delta names them. With
        `pairs` false, the co-author pairs are left to the caller."""
        personal = 0 if work.team_work else 1
        for author in work.authors:
            if author in skip:
                continue
            self.works_count[author] += sign
            for topic in work.topics:
                self.works_in[(author, topic)] += sign
                self.personal_in[(author, topic)] += sign * personal
            for team in work.teams:
                self.member_of[(author, team)] += sign
        if personal and pairs:
            weight = sign * work.pair_weight
            for a, b in itertools.combinations(work.authors, 2):
                if a in skip or b in skip:
                    continue
                key = pair(a, b)
                self.coauthor[key] += sign
                self.newman[key] += weight
        for topic in work.topics:
            self.topic_works[topic] += sign
            (self.topic_entries if sign > 0 else self.topic_exits)[topic].add(work.arxiv_id)
        for t, u in itertools.combinations(sorted(work.topics), 2):
            self.cooccurs[(t, u)] += sign
        if work.topics:
            self.with_topic += sign
        for team in work.teams:
            self.team_works[team] += sign

    def add_all(
        self, works: Iterable[WorkFacts], sign: int = 1, *, skip: frozenset[str] = frozenset()
    ) -> None:
        for work in works:
            self.add(work, sign, skip=skip)

    def works_in_changed(self) -> list[tuple[str, str]]:
        """(researcher, topic) pairs whose works or personal works there change (a new version
        may change only the personal count)."""
        return [k for k, n in self.works_in.items() if n or self.personal_in[k]]

    def touched_researchers(self) -> set[str]:
        """Researchers whose stored counts or edges this delta changes."""
        ids = {r for r, n in self.works_count.items() if n}
        ids.update(r for r, _ in self.works_in_changed())
        ids.update(r for (r, _), n in self.member_of.items() if n)
        for (a, b), n in self.coauthor.items():
            if n:
                ids.update((a, b))
        return ids
