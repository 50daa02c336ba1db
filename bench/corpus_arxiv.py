"""The `arxiv` corpus profile: a generated arXiv with the shape of the real one.

Papers come out month by month from August 1991 to March 2025, the volume of each month
proportional to arXiv's (about 2.7 million papers at full scale, scaled to `n_works`). Ordinary
papers are written by research groups: a principal investigator with a Pareto-distributed
productivity, members (students, postdocs) who join and leave, sister groups (advisors,
colleagues) and other groups of the same field as co-authors. Groups are born every year to
follow arXiv's growth and end when their investigator retires; alumni found new groups (keeping
their field, with drift) or move to other groups, carrying their person id with them. The big
collaborations (bench/arxiv_teams.py, arxiv_team_papers.py) add team papers, proceedings "for
the X Collaboration" and the 5,154-author ATLAS+CMS Higgs-mass paper. Figures: bench/README.md.

The population is as large as the corpus needs (a 3,000-paper corpus is a small arXiv, not a
sample of the big one), so its productivity tail grows with `n_works`. Memory holds the living
groups, the rosters and one 8-byte name code per person ever created.
"""

from __future__ import annotations

import heapq
import math
import random
from bisect import bisect
from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate, pairwise

from bench.arxiv_categories import Categories, archive_of, listed_code
from bench.arxiv_data import (
    EXTENDED_ALPHA,
    EXTENDED_MAX,
    EXTENDED_MIN,
    FIELD_TEAM_FACTORS,
    FIRST_MONTH,
    FULL_SCALE,
    INSTITUTIONS,
    LAST_MONTH,
    SEASON,
    TEAM_SIZE_ANCHORS,
    YEARLY_SUBMISSIONS,
    field_of,
)
from bench.arxiv_meta import (
    Text,
    affiliation,
    arxiv_id,
    license_for,
    references,
    version_dates,
    versions_field,
)
from bench.arxiv_names import REGIONS, NameBook, region_weights
from bench.arxiv_rand import below, between, pick
from bench.arxiv_records import (
    AND_SHARE,
    LATEX_SHARE,
    Context,
    Group,
    Paper,
    Truth,
    join_people,
    latex,
)
from bench.arxiv_team_papers import higgs_paper, talk_paper, team_paper
from bench.arxiv_teams import BY_ID, TEAMS, Roster, build_roster

# Productivity of a group's investigator: papers a year, Pareto above RATE_MIN (Lotka-like),
# capped at RATE_MAX in a full-size corpus and less in smaller ones (RATE_MAX * sqrt(n / N)).
RATE_MIN, RATE_ALPHA, RATE_MAX = 0.5, 2.05, 48.0
LIFE_MEDIAN, LIFE_SIGMA = 9.0, 0.6  # years a group (its investigator's career) lasts
PI_ON_PAPER = 0.9  # the investigator is on most of the group's papers
SISTER_SHARE = 0.7  # co-authors from sister groups, the rest from the same field
MOVER_SHARE = 0.2  # new members who come from another group of the field
ONE_OFF = 0.2  # outside co-authors who appear once (a visitor, a student, another field)
TEAM_RECRUIT = 0.25  # new members of hep-ex/astro groups who are collaboration members
FOUNDER_FROM_ALUMNI = 0.55  # new groups founded by a former member (advisor link)
DRIFT = 0.25  # founders moving to a neighbouring category
ALUMNI_YEARS, ALUMNI_MAX = 6, 400
AFFILIATION_SHARE = 0.12  # papers printing affiliations (9% of the 200-line sample)
ALPHABETICAL = {"math": 0.75, "math-ph": 0.6, "hep-th": 0.7, "hep-ph": 0.3, "econ": 0.6,
                "gr-qc": 0.3, "cs": 0.1}  # fmt: skip
MIN_TEAM_CORPUS = 3_000  # from this size every team has at least two papers


class World:
    """The state of the generated arXiv: people, groups, rosters; yields papers in order."""

    def __init__(self, n_works: int, seed: int) -> None:
        self.n_works = n_works
        self.rate_cap = max(2 * RATE_MIN, RATE_MAX * math.sqrt(n_works / FULL_SCALE))
        self.rng = random.Random(seed)
        self.names = NameBook()
        self.rosters = self._rosters(random.Random(f"{seed}:teams"))
        self.rendered = {
            pid: r for roster in self.rosters.values() for pid, r in roster.rendered.items()
        }
        self.team_cats: dict[str, list[Roster]] = defaultdict(list)
        for roster in self.rosters.values():
            self.team_cats[roster.spec.categories[0]].append(roster)
        self.categories = Categories()
        self.text = Text(random.Random(f"{seed}:text"))
        self.months = _months(n_works)
        self.specials = self._schedule(random.Random(f"{seed}:schedule"))
        self.targets = self._yearly_targets()
        self.groups: dict[int, Group] = {}
        self._active: list[Group] = []
        self._cum: list[float] = []
        self._by_cat: dict[str, list[int]] = {}
        self._alumni: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self._size_tables: dict[tuple[int, str], tuple[list[float], float]] = {}
        self._region_cum: list[float] = []
        self._inst_by_region = {
            r: [i for i, x in enumerate(INSTITUTIONS) if x[2] == r] for r in REGIONS
        }
        self._next_gid = 0
        self._seq = 0
        self._archive_seq: dict[str, int] = defaultdict(int)

    # --- setup ------------------------------------------------------------------------------

    def _rosters(self, rng: random.Random) -> dict[str, Roster]:
        return {spec.id: build_roster(spec, self.names, rng) for spec in TEAMS}

    def _schedule(self, rng: random.Random) -> dict[int, list[tuple[str, str]]]:
        """Which months hold the team papers, proceedings and the joint Higgs paper."""
        specials: dict[int, list[tuple[str, str]]] = defaultdict(list)
        big = self.n_works >= MIN_TEAM_CORPUS
        for spec in TEAMS:
            months = [
                i
                for i, (y, _, c) in enumerate(self.months)
                if spec.years[0] <= y <= spec.years[1] and c
            ]
            if not months:
                continue
            cum = list(accumulate(self.months[i][2] for i in months))
            for kind, full, floor in (("team", spec.papers, 2), ("talk", spec.papers // 2, 1)):
                count = round(full * self.n_works / FULL_SCALE)
                for _ in range(max(count, floor) if big else count):
                    month = months[min(bisect(cum, rng.random() * cum[-1]), len(months) - 1)]
                    specials[month].append((kind, spec.id))
        if big:
            specials[self.months.index(next(m for m in self.months if m[:2] == (2015, 3)))].append(
                ("higgs", "atlas")
            )
        return specials

    def _yearly_targets(self) -> dict[int, float]:
        """Ordinary papers per year, annualized (the first and last years are partial)."""
        papers: dict[int, int] = defaultdict(int)
        months: dict[int, int] = defaultdict(int)
        for i, (year, _, count) in enumerate(self.months):
            papers[year] += max(0, count - len(self.specials.get(i, ())))
            months[year] += 1
        return {year: papers[year] * 12 / months[year] for year in papers}

    # --- the stream -------------------------------------------------------------------------

    def papers(self) -> Iterator[tuple[Paper, Truth, Context]]:
        """Every paper in submission order, with its truth and how it was made."""
        carry: list[tuple[str, str]] = []
        year = 0
        for i, (y, month, count) in enumerate(self.months):
            if y != year:
                year = y
                self._start_year(year)
            self._seq = 0
            self._archive_seq.clear()
            pending = carry + self.specials.get(i, [])
            slots = self.rng.sample(range(count), min(len(pending), count))
            placed = dict(zip(slots, pending, strict=False))
            carry = pending[len(slots) :]
            for slot in range(count):
                special = placed.get(slot)
                yield self._special(special, year, month) if special else self._paper(year, month)

    def _special(
        self, special: tuple[str, str], year: int, month: int
    ) -> tuple[Paper, Truth, Context]:
        kind, team = special
        if kind == "higgs":
            return higgs_paper(self, year, month)
        if kind == "talk":
            return talk_paper(self, BY_ID[team], year, month)
        return team_paper(self, BY_ID[team], year, month)

    # --- population -------------------------------------------------------------------------

    def _start_year(self, year: int) -> None:
        """Retire ended groups, found new ones up to the year's volume, rebuild samplers."""
        alive = []
        for g in self._active:
            if g.end < year:
                self._retire(g, year)
            else:
                alive.append(g)
        self._active = alive
        self._region_cum = region_weights(year)
        self._by_cat = defaultdict(list)
        for g in alive:
            self._by_cat[g.cats[0]].append(g.gid)
        target = self.targets.get(year, 0.0)
        total = sum(g.rate for g in alive)
        if total < target:
            codes, cum = self._deficits(alive, year, target)
        while total < target:
            g = self._found(
                year, codes[min(bisect(cum, self.rng.random() * cum[-1]), len(codes) - 1)]
            )
            alive.append(g)
            self._by_cat[g.cats[0]].append(g.gid)
            total += g.rate
        self._cum = list(accumulate(g.rate for g in alive))

    def _deficits(
        self, alive: list[Group], year: int, target: float
    ) -> tuple[list[str], list[float]]:
        """Categories short of their share of the year's volume, by how much (cumulative)."""
        have: dict[str, float] = defaultdict(float)
        for g in alive:
            have[g.cats[0]] += g.rate
        codes, cum = self.categories.primaries(year)
        shares = [b - a for a, b in zip([0.0, *cum], cum, strict=False)]
        gaps = [
            max(0.0, target * share / cum[-1] - have[code])
            for code, share in zip(codes, shares, strict=True)
        ]
        return codes, list(accumulate(gaps))

    def _retire(self, g: Group, year: int) -> None:
        del self.groups[g.gid]
        pool = self._alumni[g.cats[0]]
        pool.extend((pid, year, g.gid) for pid in g.members)
        if self.rng.random() < 0.3:  # the investigator moves on and may found a group elsewhere
            pool.append((g.pi, year, g.gid))
        if len(pool) > ALUMNI_MAX:
            del pool[: len(pool) - ALUMNI_MAX]

    def _new_person(self) -> int:
        cum = self._region_cum
        return self.names.new_person(
            self.rng, min(bisect(cum, self.rng.random() * cum[-1]), len(cum) - 1)
        )

    def _found(self, year: int, primary: str) -> Group:
        """A new group: founded by an alumnus of the field (advisor link) or a newcomer."""
        rng = self.rng
        parent, pi = -1, -1
        pool = self._alumni.get(primary)
        if pool and rng.random() < FOUNDER_FROM_ALUMNI:
            pi, left, parent = pool.pop(below(rng, len(pool)))
            if year - left > ALUMNI_YEARS:
                pi = -1
            elif rng.random() < DRIFT:
                primary = self.categories.cross_list(rng, primary, year) or primary
        if pi < 0:
            pi = self._new_person()
        home = [primary]
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            extra = self.categories.cross_list(rng, primary, year)
            if extra and extra not in home:
                home.append(extra)
        rate = min(self.rate_cap, RATE_MIN * (1.0 - rng.random()) ** (-1.0 / RATE_ALPHA))
        life = rng.lognormvariate(math.log(LIFE_MEDIAN), LIFE_SIGMA) * (1 + rate / self.rate_cap)
        life = min(45.0, max(2.0, life))
        g = Group(
            gid=self._next_gid,
            cats=tuple(home),
            inst=self._institution(pi),
            rate=rate,
            pi=pi,
            end=year + round(life),
            size=1 + min(12, int(0.8 * rate**0.6 + rng.random() * 2)),
            updated=year - 1,
        )
        self._next_gid += 1
        peers = self._by_cat.get(primary, [])
        sisters = [parent] if parent in self.groups else []
        sisters += rng.sample(peers, min(2, len(peers)))
        for gid in sisters:
            g.sisters.append(gid)
            if len(self.groups[gid].sisters) < 12:
                self.groups[gid].sisters.append(g.gid)
        self.groups[g.gid] = g
        return g

    def _institution(self, pid: int) -> int:
        local = self._inst_by_region.get(REGIONS[self.names.codes[pid] & 15])
        if local and self.rng.random() < 0.7:
            return pick(self.rng, local)
        return below(self.rng, len(INSTITUTIONS))

    def _refresh(self, g: Group, year: int) -> None:
        """Members whose time is up leave (to the field's alumni); newcomers fill the group."""
        pool = self._alumni[g.cats[0]]
        members, leaves = [], []
        for pid, leave in zip(g.members, g.leaves, strict=True):
            if leave > year:
                members.append(pid)
                leaves.append(leave)
            else:
                pool.append((pid, year, g.gid))
        while len(members) < g.size:
            members.append(self._recruit(g.cats[0], year))
            leaves.append(
                year
                + (between(self.rng, 3, 6) if self.rng.random() < 0.6 else between(self.rng, 1, 3))
            )
        if len(pool) > ALUMNI_MAX:
            del pool[: len(pool) - ALUMNI_MAX]
        g.members, g.leaves, g.updated = members, leaves, year

    def _recruit(self, cat: str, year: int) -> int:
        rng = self.rng
        u = rng.random()
        pool = self._alumni.get(cat)
        if u < MOVER_SHARE and pool:
            pid, left, _ = pool.pop(below(rng, len(pool)))
            if year - left <= ALUMNI_YEARS:
                return pid
        if u < MOVER_SHARE + TEAM_RECRUIT and cat in self.team_cats:
            members = pick(rng, self.team_cats[cat]).active(year)
            if members:
                return pick(rng, members)
        return self._new_person()

    # --- ordinary papers --------------------------------------------------------------------

    def _team_size(self, year: int, archive: str) -> int:
        """Authors on an ordinary paper: Poisson core teams plus a power-law tail."""
        table = self._size_tables.get((year, archive))
        if table is None:
            table = self._size_tables[(year, archive)] = _size_table(year, archive)
        cdf, extended = table
        if self.rng.random() < extended:
            u = 1.0 - self.rng.random()
            return min(EXTENDED_MAX, int(EXTENDED_MIN * u ** (-1.0 / (EXTENDED_ALPHA - 1.0))))
        return 1 + bisect(cdf, self.rng.random())

    def _authors(self, g: Group, k: int, year: int) -> list[tuple[int, int]]:
        """(person, institution) for k authors around group g, in printed order."""
        rng = self.rng
        if g.updated < year:
            self._refresh(g, year)
        if k == 1:
            pid = g.pi if not g.members or rng.random() < 0.65 else pick(rng, g.members)
            return [(pid, g.inst)]
        with_pi = rng.random() < PI_ON_PAPER
        seen = {g.pi} if with_pi else set()
        inner = [(p, g.inst) for p in rng.sample(g.members, min(k - with_pi, len(g.members)))]
        seen.update(p for p, _ in inner)
        outer: list[tuple[int, int]] = []
        for _ in range(3 * k + 10):
            if len(inner) + len(outer) + with_pi >= k:
                break
            h = self._co_group(g, k)
            if rng.random() < ONE_OFF:
                outer.append((self._new_person(), h.inst))
                continue
            if h.updated < year:
                self._refresh(h, year)
            pid = h.pi if not h.members or rng.random() < 0.4 else pick(rng, h.members)
            if pid not in seen:
                seen.add(pid)
                outer.append((pid, h.inst))
        people = inner + outer
        if with_pi:
            u = rng.random()
            at = len(people) if u < 0.55 else 0 if u < 0.9 else below(rng, len(people) + 1)
            people.insert(at, (g.pi, g.inst))
        return people

    def _co_group(self, g: Group, k: int) -> Group:
        rng = self.rng
        if k <= 15 and g.sisters and rng.random() < SISTER_SHARE:
            h = self.groups.get(pick(rng, g.sisters))
            if h is not None:
                return h
        peers = self._by_cat.get(g.cats[0])
        if peers and rng.random() < 0.85:
            h = self.groups.get(pick(rng, peers))
            if h is not None:
                return h
        return self._active[
            min(bisect(self._cum, rng.random() * self._cum[-1]), len(self._active) - 1)
        ]

    def _paper(self, year: int, month: int) -> tuple[Paper, Truth, Context]:
        rng = self.rng
        g = self._active[
            min(bisect(self._cum, rng.random() * self._cum[-1]), len(self._active) - 1)
        ]
        archive = archive_of(g.cats[0])
        people = self._authors(g, self._team_size(year, archive), year)
        if rng.random() < ALPHABETICAL.get(archive, 0.05):
            people.sort(key=lambda p: self.names.family_key(p[0]))
        entries, texts = [], []
        for pid, _ in people:
            entry, text = self.names.render(pid, rng.random())
            entries.append(entry)
            texts.append(text)
        affils = None
        if rng.random() < AFFILIATION_SHARE:
            u = rng.random()
            affils = [affiliation(inst, archive, u) for _, inst in people]
            for entry, aff in zip(entries, affils, strict=True):
                entry.append(aff)
        ctx = Context(
            "paper",
            year,
            self.categories.for_paper(rng, g.cats, year),
            group=g,
            texts=texts,
            affils=affils,
            use_and=rng.random() < AND_SHARE,
            latex=rng.random() < LATEX_SHARE,
        )
        authors = latex(join_people(texts, affils, ctx.use_and), ctx.latex)
        field_ = field_of(archive)
        paper = self.record(
            year, month, ctx.cats, authors, entries, self.text.title(rng, field_), field_
        )
        truth = {"id": paper["id"], "people": [p for p, _ in people], "teams": [], "collab": []}
        return paper, truth, ctx

    def record(
        self,
        year: int,
        month: int,
        cats: list[str],
        authors: str,
        parsed: list[list[str]],
        title: str,
        field_: str,
        published: float | None = None,
        report: str | None = None,
        submitter: str | None = None,
    ) -> Paper:
        """The snapshot object, keys in the snapshot's order."""
        rng = self.rng
        dates = version_dates(rng, year, month)
        comments, journal, doi = references(
            rng, field_, year, published or (0.55 if year < 2015 else 0.35)
        )
        if submitter is None:
            who = parsed[min(len(parsed) - 1, int(rng.random() * 3))]
            submitter = f"{who[1]} {who[0]}".replace(". -", ".-")
        return {
            "id": self._id(year, month, cats[0]),
            "submitter": submitter,
            "authors": authors,
            "title": title,
            "comments": comments,
            "journal-ref": journal,
            "doi": doi,
            "report-no": report,
            "categories": self.categories.listed(cats, year),
            "license": license_for(rng, year),
            "abstract": self.text.abstract(rng, field_),
            "versions": versions_field(dates),
            "update_date": dates[-1].date().isoformat(),
            "authors_parsed": parsed,
        }

    def _id(self, year: int, month: int, primary: str) -> str:
        self._seq += 1
        archive = archive_of(listed_code(primary, year))
        self._archive_seq[archive] += 1
        return arxiv_id(year, month, self._seq, archive, self._archive_seq[archive])

    # --- collaborations ---------------------------------------------------------------------

    def members(self, team_ids: list[str], year: int) -> list[int]:
        """Members of one team, or of several merged, in alphabetical order."""
        lists = [self.rosters[t].active(year) for t in team_ids]
        if len(lists) == 1:
            return lists[0]
        return list(heapq.merge(*lists, key=lambda pid: self.rendered[pid][0]))


def _months(n_works: int) -> list[tuple[int, int, int]]:
    """(year, month, papers) from August 1991 to March 2025, apportioned to sum to n_works."""
    months, weights = [], []
    year, month = FIRST_MONTH
    while (year, month) <= LAST_MONTH:
        n_months = 5 if year == FIRST_MONTH[0] else LAST_MONTH[1] if year == LAST_MONTH[0] else 12
        months.append((year, month))
        weights.append(YEARLY_SUBMISSIONS[year] / n_months * SEASON[month - 1])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    cum = list(accumulate(weights))
    counts, prev = [], 0
    for c in cum:
        upto = round(c * n_works / cum[-1])
        counts.append(upto - prev)
        prev = upto
    return [(y, m, c) for (y, m), c in zip(months, counts, strict=True)]


def _size_table(year: int, archive: str) -> tuple[list[float], float]:
    """Cumulative Poisson table for "authors - 1" and the extended-team share in a field."""
    anchors = TEAM_SIZE_ANCHORS
    mean, share = anchors[-1][1], anchors[-1][2]
    for (y0, m0, s0), (y1, m1, s1) in pairwise(anchors):
        if year <= y1:
            t = max(0.0, (year - y0) / (y1 - y0))
            mean, share = m0 + (m1 - m0) * t, s0 + (s1 - s0) * t
            break
    mean_factor, share_factor = FIELD_TEAM_FACTORS.get(archive, (1.0, 1.0))
    lam = mean * mean_factor
    cdf, p, total = [], math.exp(-lam), 0.0
    for j in range(40):
        total += p
        cdf.append(total)
        p *= lam / (j + 1)
    return cdf, min(0.5, share * share_factor)


def generate_with_truth(n_works: int, seed: int = 7) -> Iterator[tuple[Paper, Truth]]:
    """Yield (snapshot object, truth) for `n_works` papers of the arxiv profile."""
    for paper, truth, _ in World(n_works, seed).papers():
        yield paper, truth
