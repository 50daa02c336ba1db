"""The large collaborations of the `arxiv` profile: rosters over the years and their listings.

Each team has a roster of people who join and leave year by year (about a tenth a year), sized
after its published author counts (README). A team paper is listed in one of three ways, as on
arXiv: the team name alone, the name beside the members, or the members alone; members are
printed with initials in alphabetical order. Team names are spelled several ways and turned
into authors_parsed entries the way arXiv's author parser does (arxiv-base, arxiv/authors).
"""

from __future__ import annotations

import random
import re
from bisect import bisect
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

from bench.arxiv_names import HEP_REGION_SHARES, NameBook
from graphsvc.names import fold

NAME_ONLY, NAME_AND_MEMBERS, MEMBERS_ONLY = 0, 1, 2


@dataclass(frozen=True)
class TeamSpec:
    """One collaboration: names, years, authors per paper over time, papers at full scale."""

    id: str
    name: str  # as in "<name> Collaboration"
    years: tuple[int, int]  # first and last year with papers
    sizes: tuple[tuple[int, int], ...]  # (year, authors per paper), interpolated
    papers: int  # papers over the whole period at full arXiv scale (2.7 million)
    categories: tuple[str, ...]  # primary, then cross-lists
    listing: tuple[float, float, float]  # name only, name + members, members only
    field: str  # "hep" or "astro" (titles)
    report: str  # report-number prefix ("" for none)
    et_al: float = 0.0  # share of "name, first author, et al" listings (BABAR style)


# Author counts: see README ("The arxiv profile"); listing shares are estimates.
TEAMS: tuple[TeamSpec, ...] = (
    TeamSpec(
        "atlas",
        "ATLAS",
        (2008, 2025),
        ((2008, 2500), (2012, 3000), (2015, 2890), (2025, 2900)),
        1350,
        ("hep-ex", "hep-ph"),
        (0.6, 0.3, 0.1),
        "hep",
        "CERN-EP",
    ),
    TeamSpec(
        "cms",
        "CMS",
        (2008, 2025),
        ((2008, 2443), (2015, 2270), (2025, 2400)),
        1450,
        ("hep-ex", "hep-ph", "nucl-ex"),
        (0.6, 0.3, 0.1),
        "hep",
        "CMS",
    ),
    TeamSpec(
        "alice",
        "ALICE",
        (2009, 2025),
        ((2009, 1050), (2018, 1000), (2025, 1800)),
        450,
        ("nucl-ex", "hep-ex"),
        (0.6, 0.3, 0.1),
        "hep",
        "CERN-EP",
    ),
    TeamSpec(
        "lhcb",
        "LHCb",
        (2010, 2025),
        ((2010, 700), (2025, 1100)),
        750,
        ("hep-ex", "hep-ph"),
        (0.1, 0.8, 0.1),
        "hep",
        "LHCb-PAPER",
    ),
    TeamSpec(
        "ligo",
        "LIGO Scientific",
        (2003, 2025),
        ((2003, 400), (2016, 760), (2025, 1200)),
        350,
        ("gr-qc", "astro-ph.HE"),
        (0.05, 0.85, 0.1),
        "astro",
        "LIGO-P",
    ),
    TeamSpec(
        "virgo",
        "Virgo",
        (2004, 2025),
        ((2004, 150), (2016, 250), (2025, 550)),
        40,
        ("gr-qc", "astro-ph.IM"),
        (0.05, 0.85, 0.1),
        "astro",
        "VIR",
    ),
    TeamSpec(
        "icecube",
        "IceCube",
        (2004, 2025),
        ((2004, 250), (2025, 400)),
        400,
        ("astro-ph.HE", "hep-ex"),
        (0.1, 0.8, 0.1),
        "astro",
        "",
    ),
    TeamSpec(
        "fermi-lat",
        "Fermi-LAT",
        (2008, 2025),
        ((2008, 180), (2025, 150)),
        300,
        ("astro-ph.HE", "astro-ph.GA"),
        (0.05, 0.25, 0.7),
        "astro",
        "",
    ),
    TeamSpec(
        "babar",
        "BABAR",
        (1999, 2020),
        ((1999, 600), (2010, 450), (2020, 300)),
        550,
        ("hep-ex",),
        (0.25, 0.55, 0.2),
        "hep",
        "SLAC-PUB",
        et_al=0.4,
    ),
    TeamSpec(
        "belle",
        "Belle",
        (2000, 2025),
        ((2000, 400), (2017, 500), (2025, 1100)),
        450,
        ("hep-ex",),
        (0.25, 0.55, 0.2),
        "hep",
        "KEK",
        et_al=0.3,
    ),
    TeamSpec(
        "planck",
        "Planck",
        (2011, 2020),
        ((2011, 250), (2020, 200)),
        110,
        ("astro-ph.CO",),
        (0.05, 0.9, 0.05),
        "astro",
        "",
    ),
    TeamSpec(
        "des",
        "DES",
        (2015, 2025),
        ((2015, 300), (2025, 450)),
        300,
        ("astro-ph.CO", "astro-ph.GA"),
        (0.1, 0.6, 0.3),
        "astro",
        "DES",
    ),
)
BY_ID = {t.id: t for t in TEAMS}
JOINT_LIGO_VIRGO = 0.85  # share of LIGO papers signed with Virgo (from 2007)
HIGGS_MASS_AUTHORS = 5_154  # ATLAS + CMS, Phys. Rev. Lett. 114, 191803 (2015)
ANNUAL_TURNOVER = 0.1
MEMBER_DROP = 0.01  # members missing from one paper's list

# Spellings of a team name: (template, weight); "{}" is the team's name. Braces only for
# one-word names (arXiv's parser does not treat "{LIGO} Scientific ..." as a team either).
SPELLINGS = (
    ("{} Collaboration", 0.45),
    ("The {} Collaboration", 0.22),
    ("{} collaboration", 0.12),
    ("the {}  Collaboration", 0.06),
    ("{{{}}} Collaboration", 0.08),
    ("{} Collaboration (end)", 0.07),
)
_SPELLING_CUM = list(accumulate(w for _, w in SPELLINGS))
_ARXIV_TEAM = re.compile(r"([a-z0-9\s]+\s+(collaboration|group|team))", re.IGNORECASE)


def team_entry(label: str, at_start: bool = True) -> list[str]:
    """The authors_parsed entry arXiv's parser makes of a team label.

    At the start of the list a run of letters, digits and spaces ending in "Collaboration" is
    kept whole (so "Fermi-LAT Collaboration" becomes "LAT Collaboration"); otherwise, or when
    nothing matches ("{ATLAS} Collaboration"), the label is split like a person's name.
    """
    text = " ".join(label.split())
    match = _ARXIV_TEAM.search(text) if at_start else None
    if match:
        return [match.group(1), "", ""]
    first, _, last = text.rpartition(" ")
    return [last, first.replace("{", "").replace("}", ""), ""]


def spell(name: str, rng: random.Random) -> tuple[str, bool]:
    """A spelling of "<name> Collaboration" and whether it goes at the start of the list."""
    i = bisect(_SPELLING_CUM, rng.random() * _SPELLING_CUM[-1])
    template = SPELLINGS[min(i, len(SPELLINGS) - 1)][0]
    if "{{" in template and " " in name:
        template = SPELLINGS[0][0]
    if template.endswith("(end)"):
        return f"the {name} Collaboration", False
    return template.format(name), True


def size_in(spec: TeamSpec, year: int) -> int:
    """Authors per paper in a year, interpolated between the team's anchors."""
    anchors = spec.sizes
    if year <= anchors[0][0]:
        return anchors[0][1]
    for (y0, s0), (y1, s1) in pairwise(anchors):
        if year <= y1:
            return round(s0 + (s1 - s0) * (year - y0) / (y1 - y0))
    return anchors[-1][1]


@dataclass
class Roster:
    """A team's members over the years: (person, join year, leave year)."""

    spec: TeamSpec
    members: list[tuple[int, int, int]] = field(default_factory=list)
    rendered: dict[int, tuple[str, list[str], str]] = field(default_factory=dict)
    _year: int = -1
    _active: list[int] = field(default_factory=list)

    def active(self, year: int) -> list[int]:
        """Members in a year, in the collaboration's alphabetical order (cached per year)."""
        if year != self._year:
            ids = [pid for pid, join, leave in self.members if join <= year < leave]
            ids.sort(key=lambda pid: self.rendered[pid][0])
            self._year, self._active = year, ids
        return self._active

    def joiners_after(self, year: int) -> list[int]:
        """People who join in the year after `year` (new names on a revised author list)."""
        return [pid for pid, join, _ in self.members if join == year + 1]


def build_roster(spec: TeamSpec, names: NameBook, rng: random.Random) -> Roster:
    """Members joining and leaving year by year, sized after the team's author counts."""
    roster = Roster(spec)
    cum = list(accumulate(HEP_REGION_SHARES))
    current: list[tuple[int, int]] = []  # (person, leave year)
    for year in range(spec.years[0] - 1, spec.years[1] + 2):
        current = [(pid, leave) for pid, leave in current if leave > year]
        while len(current) < size_in(spec, year):
            region = min(bisect(cum, rng.random() * cum[-1]), len(cum) - 1)
            pid = names.new_person(rng, region)
            tenure = rng.randint(3, 7) if rng.random() < 0.5 else rng.randint(8, 30)
            if not roster.members:  # the founding members are staggered, not all new
                tenure = rng.randint(1, 25)
            leave = year + max(1, round(tenure * 0.1 / ANNUAL_TURNOVER))
            current.append((pid, leave))
            roster.members.append((pid, year, leave))
            entry, text = names.render_collab(pid)
            roster.rendered[pid] = (fold(entry[0]), entry, text)
    return roster


def listing_mode(spec: TeamSpec, rng: random.Random) -> int:
    """NAME_ONLY, NAME_AND_MEMBERS or MEMBERS_ONLY, by the team's habits."""
    u = rng.random()
    name_only, with_name, _ = spec.listing
    return NAME_ONLY if u < name_only else NAME_AND_MEMBERS if u < name_only + with_name else 2
