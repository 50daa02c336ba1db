"""Papers of the big collaborations in the `arxiv` profile: team papers, proceedings, Higgs.

A team paper is listed by the team's name alone, by the name and the members, or by the
members alone (arXiv habits differ by team, bench/arxiv_teams.py); LIGO papers are mostly
joint with Virgo; proceedings are by one to three members "for the X Collaboration"; the
ATLAS+CMS Higgs-mass paper has 5,154 authors.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from bench.arxiv_categories import with_aliases
from bench.arxiv_data import TEAM_SUBJECTS, TEAM_TITLES
from bench.arxiv_records import LATEX_SHARE, Context, Paper, Truth, join_people, join_team, latex
from bench.arxiv_teams import (
    BY_ID,
    HIGGS_MASS_AUTHORS,
    JOINT_LIGO_VIRGO,
    MEMBER_DROP,
    MEMBERS_ONLY,
    NAME_ONLY,
    TeamSpec,
    listing_mode,
    spell,
    team_entry,
)

if TYPE_CHECKING:
    from bench.corpus_arxiv import World

JOINT_SINGLE_ENTRY = 0.15  # "LIGO Scientific Collaboration and Virgo Collaboration" as one


def team_cats(world: World, spec: TeamSpec, year: int) -> list[str]:
    """The team's primary category and, half the time each, its usual cross-lists."""
    cats = [spec.categories[0], *(c for c in spec.categories[1:] if world.rng.random() < 0.5)]
    return with_aliases(cats, year, world.categories)


def team_title(world: World, spec: TeamSpec, year: int) -> str:
    """A measurement or search title at that year's LHC energy."""
    energy = "7" if year < 2012 else "8" if year < 2015 else "13" if year < 2022 else "13.6"
    subject = world.rng.choice(TEAM_SUBJECTS[spec.field])
    template = world.rng.choice(TEAM_TITLES[spec.field])
    return template.format(x=subject, e=energy, team=spec.name)


def team_paper(world: World, spec: TeamSpec, year: int, month: int) -> tuple[Paper, Truth, Context]:
    """A team paper listed by name, by name and members, or by members only."""
    rng = world.rng
    teams = [spec.id]
    if spec.id == "ligo" and year >= 2007 and rng.random() < JOINT_LIGO_VIRGO:
        teams.append("virgo")
    mode = listing_mode(spec, rng)
    ctx = Context(
        "team", year, team_cats(world, spec, year), teams=teams, latex=rng.random() < LATEX_SHARE
    )
    members: list[int] = []
    if mode != NAME_ONLY:
        members = [p for p in world.members(teams, year) if rng.random() >= MEMBER_DROP]
    label_entries: list[list[str]] = []
    if mode != MEMBERS_ONLY:
        label_entries = _labels(ctx, bool(members), rng)
    if members and ctx.labels and rng.random() < spec.et_al:
        members, ctx.et_al = members[:1], True
    ctx.texts = [world.rendered[p][2] for p in members]
    parsed = label_entries + [list(world.rendered[p][1]) for p in members]
    people: list[int | None] = [None] * len(label_entries) + list(members)
    if ctx.end_label:
        parsed.append(team_entry(ctx.end_label, at_start=False))
        people.append(None)
    authors = latex(join_team(ctx.labels, ctx.texts, ctx.end_label, ctx.et_al), ctx.latex)
    report = f"{spec.report}-{year}-{rng.randint(1, 350):03d}" if spec.report else None
    submitter = world.rendered[rng.choice(world.rosters[spec.id].active(year))][2]
    paper = world.record(
        year,
        month,
        ctx.cats,
        authors,
        parsed,
        team_title(world, spec, year),
        "phys",
        published=0.85,
        report=report,
        submitter=submitter,
    )
    named = teams if mode != MEMBERS_ONLY else []
    return paper, {"id": paper["id"], "people": people, "teams": named, "collab": teams}, ctx


def _labels(ctx: Context, with_members: bool, rng: random.Random) -> list[list[str]]:
    """Team names for a paper: spelled variously; joint LIGO-Virgo sometimes as one entry."""
    if len(ctx.teams) == 2 and rng.random() < JOINT_SINGLE_ENTRY:
        ctx.labels = ["LIGO Scientific Collaboration and Virgo Collaboration"]
        return [[ctx.labels[0], "", ""]]
    entries = []
    for tid in ctx.teams:
        text, at_start = spell(BY_ID[tid].name, rng)
        if not at_start and with_members and len(ctx.teams) == 1:
            ctx.end_label = text
            continue
        ctx.labels.append(text)
        entries.append(team_entry(text))
    return entries


def talk_paper(world: World, spec: TeamSpec, year: int, month: int) -> tuple[Paper, Truth, Context]:
    """Conference proceedings by one to three members "for the X Collaboration"."""
    rng = world.rng
    active = world.rosters[spec.id].active(year)
    people = rng.sample(active, 1 if rng.random() < 0.75 else min(len(active), rng.randint(2, 3)))
    aff = f"{'on behalf of' if rng.random() < 0.5 else 'for'} the {spec.name} Collaboration"
    entries, texts = [], []
    for pid in people:
        entry, text = world.names.render(pid, rng.random())
        entries.append([*entry, aff])
        texts.append(text)
    ctx = Context(
        "talk",
        year,
        team_cats(world, spec, year),
        texts=texts,
        affils=[aff] * len(people),
        use_and=True,
        latex=rng.random() < LATEX_SHARE,
        teams=[spec.id],
    )
    title = f"Recent {spec.name} results on {rng.choice(TEAM_SUBJECTS[spec.field])}"
    authors = latex(join_people(texts, ctx.affils, True), ctx.latex)
    paper = world.record(year, month, ctx.cats, authors, entries, title, "phys", published=0.2)
    paper["comments"] = f"Proceedings of the {year} conference, {rng.randint(4, 12)} pages"
    truth = {"id": paper["id"], "people": list(people), "teams": [spec.id], "collab": [spec.id]}
    return paper, truth, ctx


def higgs_paper(world: World, year: int, month: int) -> tuple[Paper, Truth, Context]:
    """The ATLAS+CMS Higgs-mass paper: 5,154 authors (PRL 114, 191803, 2015)."""
    rng = world.rng
    members = world.members(["atlas", "cms"], year)
    drop = set(rng.sample(range(len(members)), max(0, len(members) - HIGGS_MASS_AUTHORS)))
    members = [p for i, p in enumerate(members) if i not in drop]
    ctx = Context(
        "team",
        year,
        ["hep-ex", "hep-ph"],
        teams=["atlas", "cms"],
        latex=True,
        labels=["ATLAS Collaboration", "CMS Collaboration"],
        texts=[world.rendered[p][2] for p in members],
    )
    parsed = [team_entry(label) for label in ctx.labels] + [
        list(world.rendered[p][1]) for p in members
    ]
    title = (
        "Combined Measurement of the Higgs Boson Mass in $pp$ Collisions at $\\sqrt{s}=7$ "
        "and 8 TeV with the ATLAS and CMS Experiments"
    )
    authors = latex(join_team(ctx.labels, ctx.texts, None, False), True)
    paper = world.record(
        year,
        month,
        ctx.cats,
        authors,
        parsed,
        title,
        "phys",
        published=1.0,
        report="CERN-PH-EP-2015-075",
        submitter=ctx.texts[0],
    )
    paper["journal-ref"] = "Phys. Rev. Lett. 114, 191803 (2015)"
    paper["doi"] = "10.1103/PhysRevLett.114.191803"
    people: list[int | None] = [None, None, *members]
    truth = {"id": paper["id"], "people": people, "teams": ctx.teams, "collab": list(ctx.teams)}
    return paper, truth, ctx
