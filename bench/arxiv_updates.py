"""New versions of generated `arxiv`-profile papers, for continuous-ingest tests and benchmarks.

The corpus is generated again and a deterministic share of its papers gets one more version,
dated after the corpus ends (in corpus order, so the stream is chronological): some with 1-3
authors added or dropped, some with categories changed, some with only a journal reference
or comment; revised team author lists swap about 20 leavers for 20 joiners (~40 changes).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from bench.arxiv_categories import archive_of, with_aliases
from bench.arxiv_data import field_of
from bench.arxiv_meta import END, affiliation, references, rfc_date
from bench.arxiv_records import Context, Group, Paper, Truth, join_people, join_team, latex
from bench.corpus_arxiv import World

TEAM_REVISION = 0.3  # listed team papers revised (when `fraction` is smaller)
ROSTER_CHANGES = 20  # members leaving, and joining, a revised team author list
AUTHOR_CHANGES, CATEGORY_CHANGES = 0.45, 0.25  # shares of the other revisions (rest: metadata)


def revisions(n_works: int, seed: int = 7, fraction: float = 0.02) -> Iterator[tuple[Paper, Truth]]:
    """Yield (revised paper, truth) for about `fraction` of the corpus, in corpus order."""
    rng = random.Random(f"{seed}:updates")
    world = World(n_works, seed)
    for k, (paper, truth, ctx) in enumerate(world.papers()):
        listed_team = ctx.kind == "team" and bool(ctx.texts) and not ctx.et_al
        if rng.random() >= (max(fraction, TEAM_REVISION) if listed_team else fraction):
            continue
        when = END + timedelta(days=365 * k / n_works, seconds=rng.randrange(86_400))
        yield revise(world, paper, truth, ctx, rng, when, listed_team)


def revise(
    world: World,
    paper: Paper,
    truth: Truth,
    ctx: Context,
    rng: random.Random,
    when: datetime,
    team: bool,
) -> tuple[Paper, Truth]:
    """One more version of a paper with one kind of change, and its truth."""
    new, new_truth = dict(paper), dict(truth)
    new["versions"] = [*paper["versions"], {"version": f"v{len(paper['versions']) + 1}",
                                             "created": rfc_date(when)}]  # fmt: skip
    new["update_date"] = when.date().isoformat()
    u = rng.random()
    if team:
        change = _roster(world, new, new_truth, ctx, rng)
    elif ctx.kind == "paper" and u < AUTHOR_CHANGES:
        change = _authors(world, new, new_truth, ctx, rng)
    elif u < AUTHOR_CHANGES + CATEGORY_CHANGES:
        change = _categories(world, new, ctx, rng)
    else:
        change = _metadata(new, ctx, rng)
    new_truth["version"] = len(new["versions"])
    new_truth["change"] = change
    return new, new_truth


def _roster(world: World, paper: Paper, truth: Truth, ctx: Context, rng: random.Random) -> str:
    """About 20 members leave the list and 20 who joined since come in (alphabetical order)."""
    people = truth["people"]
    start = len(people) - len(ctx.texts) - (1 if ctx.end_label else 0)
    members = people[start : start + len(ctx.texts)]
    keep = set(
        rng.sample(range(len(members)), max(len(members) // 2, len(members) - ROSTER_CHANGES))
    )
    kept = [p for i, p in enumerate(members) if i in keep]
    present = set(members)
    joiners = [p for t in ctx.teams for p in world.rosters[t].joiners_after(ctx.year)]
    joiners += world.members(ctx.teams, ctx.year + 1)  # then anyone listed the next year
    joiners = [p for p in dict.fromkeys(joiners) if p not in present][:ROSTER_CHANGES]
    new_members = sorted(kept + joiners, key=lambda p: world.rendered[p][0])
    parsed = paper["authors_parsed"]
    tail = parsed[start + len(ctx.texts) :]
    paper["authors_parsed"] = (
        parsed[:start] + [list(world.rendered[p][1]) for p in new_members] + tail
    )
    texts = [world.rendered[p][2] for p in new_members]
    paper["authors"] = latex(join_team(ctx.labels, texts, ctx.end_label, False), ctx.latex)
    truth["people"] = people[:start] + new_members + people[start + len(ctx.texts) :]
    return "roster"


def _authors(world: World, paper: Paper, truth: Truth, ctx: Context, rng: random.Random) -> str:
    """Add or drop 1 to 3 authors (never the first); names of the others are unchanged."""
    g = ctx.group
    assert g is not None
    people = list(truth["people"])
    parsed = list(paper["authors_parsed"])
    texts = list(ctx.texts)
    affils = list(ctx.affils) if ctx.affils else None
    touched: set[int] = set()
    wanted = rng.randint(1, 3)
    for _ in range(4 * wanted):
        if len(touched) >= wanted:
            break
        if len(people) > 1 and rng.random() < 0.4:
            i = rng.randrange(1, len(people))
            if people[i] not in touched:
                touched.add(people[i])
                for seq in (people, parsed, texts, affils):
                    if seq is not None:
                        del seq[i]
            continue
        candidates = [p for p in _co_authors(world, g) if p not in people and p not in touched]
        if not candidates:
            continue
        pid = rng.choice(candidates)
        touched.add(pid)
        entry, text = world.names.render(pid, rng.random())
        i = rng.randint(1, len(people))
        people.insert(i, pid)
        texts.insert(i, text)
        if affils is not None:
            aff = affiliation(g.inst, archive_of(g.cats[0]), 0.5)
            affils.insert(i, aff)
            entry = [*entry, aff]
        parsed.insert(i, entry)
    if not touched:
        return _metadata(paper, ctx, rng)
    paper["authors_parsed"], truth["people"] = parsed, people
    paper["authors"] = latex(join_people(texts, affils, ctx.use_and), ctx.latex)
    return "authors"


def _co_authors(world: World, g: Group) -> list[int]:
    """People who could join a paper of group g: its members and its sister groups' heads."""
    sisters = (world.groups.get(gid) for gid in g.sisters)
    return [*g.members, g.pi, *(h.pi for h in sisters if h is not None)]


def _categories(world: World, paper: Paper, ctx: Context, rng: random.Random) -> str:
    """Add a cross-list, drop one, or make the first cross-list the primary."""
    for _ in range(6):
        cats = list(dict.fromkeys(ctx.cats))
        u = rng.random()
        if len(cats) > 1 and u < 0.3:
            cats[0], cats[1] = cats[1], cats[0]
        elif len(cats) > 1 and u < 0.6:
            cats.pop()
        else:
            extra = world.categories.cross_list(rng, cats[0], ctx.year)
            if extra and extra not in cats:
                cats = [*cats[:3], extra]
        listed = world.categories.listed(with_aliases(cats, ctx.year, world.categories), ctx.year)
        if listed != paper["categories"]:
            paper["categories"] = listed
            return "categories"
    return _metadata(paper, ctx, rng)


def _metadata(paper: Paper, ctx: Context, rng: random.Random) -> str:
    """A journal reference and DOI once published, otherwise a new comment."""
    if paper["journal-ref"] is None:
        field = field_of(archive_of(ctx.cats[0])) if ctx.kind == "paper" else "phys"
        _, journal, doi = references(rng, field, ctx.year, 1.0)
        paper["journal-ref"], paper["doi"] = journal, doi
    else:
        paper["comments"] = f"{rng.randint(4, 60)} pages; minor corrections, references added"
    return "metadata"
