"""Small generated inputs for the layer tests: papers of every shape arXiv has, in random order
with new versions, team works and the admin's merges and splits interleaved (fixed seed)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from loaders.records import AuthorRecord, PaperRecord
from loaders.source import SourceItem

TEAM_MIN_AUTHORS = 12  # small, so that "large" unnamed works stay cheap in tests
CATEGORIES = ["cs.LG", "stat.ML", "math.OC", "hep-ex", "hep-ph", "astro-ph.CO", "gr-qc", "q-bio.NC"]
INSTITUTIONS = ["CERN", "MIT", "Universit\u00e9 Paris-Saclay", "Institute of Physics"]
GIVEN = ["Wei", "Anna", "Zhi-Qin", "José", "Olga", "Kofi", "Yuki", "Lars", "Mei", "Raj"]
FAMILY = ["Wang", "Xu", "Müller", "García", "Smith", "Kim", "Novák", "Okafor", "Tanaka", "Li"]
TEAM_SPELLINGS = {
    "atlas": ["ATLAS Collaboration", "The ATLAS Collaboration", "ATLAS collaboration",
              "the ATLAS  Collaboration", "{ATLAS} Collaboration"],
    "ligo": ["LIGO Scientific Collaboration", "The LIGO Scientific Collaboration"],
    "virgo": ["Virgo Collaboration", "the Virgo Collaboration"],
}  # fmt: skip


@dataclass(frozen=True)
class Step:
    """One operation: ingest papers, or merge/split two researcher records (by position in
    the sorted list of researcher ids at that moment, so the test picks real ids)."""

    kind: str
    items: tuple[SourceItem, ...] = ()
    picks: tuple[float, float] = (0.0, 0.0)


def people(rng: random.Random, n: int) -> list[str]:
    """Printed names: some shared by several people, some printed with initials."""
    names = []
    for _ in range(n):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        names.append(f"{given} {family}")
    return names


def record(
    arxiv_id: str, authors: list[str], cats: list[str], version: int, rng: random.Random
) -> SourceItem:
    year = 2000 + int(arxiv_id[:2]) % 26
    published = date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
    paper = PaperRecord(
        arxiv_id=arxiv_id,
        version=version,
        title=f"Work {arxiv_id} v{version}",
        published=published if rng.random() < 0.9 else None,
        categories=tuple(cats),
        authors=tuple(
            AuthorRecord(name=a, affiliations=_affiliations(arxiv_id, version, k))
            for k, a in enumerate(authors)
        ),
    )
    return SourceItem(position=0, record=paper)


def _affiliations(arxiv_id: str, version: int, position: int) -> tuple[str, ...]:
    """Some authorships name one or two of a few institutions, drawn apart from the corpus's
    random stream (so the papers and steps of a seed stay as they were)."""
    rng = random.Random(f"{arxiv_id}/{version}/{position}")
    return tuple(rng.sample(INSTITUTIONS, rng.choice([0, 0, 0, 1, 1, 2])))


def interleaved(seed: int, n_papers: int = 160) -> list[Step]:
    """Papers (personal, large, team-named, team name alone), new versions, merges, splits."""
    rng = random.Random(seed)
    crowd = people(rng, 70)
    roster = {team: rng.sample(crowd, 30) for team in TEAM_SPELLINGS}
    papers: dict[str, tuple[list[str], list[str]]] = {}
    steps: list[Step] = []
    batch: list[SourceItem] = []
    for k in range(n_papers):
        arxiv_id = f"{10 + k % 15:02d}{1 + k % 12:02d}.{k:05d}"
        authors, cats = _draw(rng, crowd, roster)
        papers[arxiv_id] = (authors, cats)
        batch.append(record(arxiv_id, authors, cats, 1, rng))
        if rng.random() < 0.15 and papers:  # a new version of an earlier paper
            old_id = rng.choice(sorted(papers))
            authors, cats = _revise(rng, *papers[old_id], crowd)
            if random.Random(f"{seed}/{old_id}/{k}").random() < 0.3:
                authors, cats = papers[old_id]  # only the text changes (the stream stays)
            papers[old_id] = (authors, cats)
            batch.append(record(old_id, authors, cats, 2 + k, rng))
        if len(batch) >= rng.randint(3, 25):
            steps.append(Step("ingest", tuple(batch)))
            batch = []
            if rng.random() < 0.3:
                steps.append(Step("merge", picks=(rng.random(), rng.random())))
            if rng.random() < 0.15:
                steps.append(Step("split", picks=(rng.random(), 0.0)))
    if batch:
        steps.append(Step("ingest", tuple(batch)))
    return steps


def _draw(
    rng: random.Random, crowd: list[str], roster: dict[str, list[str]]
) -> tuple[list[str], list[str]]:
    cats = rng.sample(CATEGORIES, rng.choice([1, 1, 2, 2, 3, 4]))
    shape = rng.random()
    if shape < 0.1:  # a team, listed with members, alone, or two teams in one entry
        team = rng.choice(sorted(TEAM_SPELLINGS))
        spelling = rng.choice(TEAM_SPELLINGS[team])
        members = rng.sample(roster[team], rng.randint(15, 30))
        mode = rng.choice(["beside", "alone", "joint", "members"])
        if mode == "alone":
            return [spelling], cats
        if mode == "joint":
            return ["LIGO Scientific Collaboration and Virgo Collaboration", *members], cats
        if mode == "members":
            return members, cats
        return [spelling, *members], cats
    if shape < 0.15:  # a large work naming no team
        return rng.sample(crowd, rng.randint(TEAM_MIN_AUTHORS + 1, 40)), cats
    size = rng.choice([1, 2, 2, 3, 3, 4, 5, 6, 8])
    names = rng.sample(crowd, size)
    return [_printed(rng, n) for n in names], cats


def _printed(rng: random.Random, name: str) -> str:
    if rng.random() < 0.1:  # initials now and then
        given, family = name.rsplit(" ", 1)
        return f"{given[0]}. {family}"
    return name


def _revise(
    rng: random.Random, authors: list[str], cats: list[str], crowd: list[str]
) -> tuple[list[str], list[str]]:
    authors = list(authors)
    for _ in range(rng.randint(1, 3)):
        if len(authors) > 1 and rng.random() < 0.5:
            authors.pop(rng.randrange(len(authors)))
        else:
            extra = rng.choice(crowd)
            if extra not in authors:
                authors.insert(rng.randrange(len(authors) + 1), extra)
    if rng.random() < 0.4:
        cats = rng.sample(CATEGORIES, rng.choice([1, 2, 3]))
    return authors, cats


T = TypeVar("T")


def pick(ids: Sequence[T], at: float) -> T | None:
    """The id at a relative position of a sorted list (None when empty)."""
    return ids[min(int(at * len(ids)), len(ids) - 1)] if ids else None


SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vi", "yu", "zen", "da", "po", "qi", "xu", "na"]


def _rare_names(rng: random.Random, n: int) -> list[str]:
    """Distinct invented names (given and family from syllables), capitalized."""
    names: set[str] = set()
    while len(names) < n:
        given = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
        family = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        names.add(f"{given} {family}")
    return sorted(names)


def team_corpus(seed: int = 11) -> list[SourceItem]:
    """A graph where teams matter: rosters of 100-180 people on ATLAS, CMS and LIGO-Virgo
    papers (team named beside the members, the name alone, or members only, over 100), a joint
    ATLAS-CMS paper, personal papers of 1-6 authors among the same people, and new versions of
    team papers with changed authors. For the default team threshold (100 authors)."""
    rng = random.Random(seed)
    crowd = _rare_names(rng, 420)
    rosters = {
        "ATLAS": crowd[:180],
        "CMS": crowd[160:310],
        "LIGO": crowd[300:420],
    }
    spellings = {
        "ATLAS": ["ATLAS Collaboration", "The ATLAS Collaboration", "ATLAS collaboration"],
        "CMS": ["CMS Collaboration", "The CMS Collaboration"],
        "LIGO": ["LIGO Scientific Collaboration and Virgo Collaboration"],
    }
    cats = {"ATLAS": ["hep-ex", "hep-ph"], "CMS": ["hep-ex"], "LIGO": ["gr-qc", "astro-ph.HE"]}
    items: list[SourceItem] = []
    k = 0
    for team in sorted(rosters):
        for _ in range(12):
            k += 1
            members = [m for m in rosters[team] if rng.random() < 0.9]
            mode = k % 3
            if mode == 0:
                authors = [rng.choice(spellings[team])]
            elif mode == 1:
                authors = [rng.choice(spellings[team]), *members]
            else:
                authors = members  # over 100: a team work by its size
            items.append(record(f"15{1 + k % 12:02d}.{k:05d}", authors, cats[team], 1, rng))
    joint = rosters["ATLAS"] + [m for m in rosters["CMS"] if m not in rosters["ATLAS"]]
    items.append(record("1503.99999", ["ATLAS and CMS Collaborations", *joint], ["hep-ex"], 1, rng))
    for j in range(300):
        size = rng.choice([1, 2, 2, 3, 3, 4, 5, 6])
        pool = rosters[rng.choice(sorted(rosters))] if rng.random() < 0.6 else crowd
        authors = rng.sample(pool, size)
        topics = rng.sample(CATEGORIES, rng.choice([1, 2, 2, 3]))
        items.append(
            record(f"{10 + j % 15:02d}{1 + j % 12:02d}.{50000 + j}", authors, topics, 1, rng)
        )
    for team_paper in items[1:12:4]:  # new versions of team papers: authors changed
        assert team_paper.record is not None
        names = [a.name for a in team_paper.record.authors]
        changed = names[:-10] + rng.sample(crowd, 10)
        items.append(
            record(team_paper.record.arxiv_id, list(dict.fromkeys(changed)), ["hep-ex"], 2, rng)
        )
    return items
