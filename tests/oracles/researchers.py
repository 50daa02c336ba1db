"""Researcher answers from the raw facts: profile, teams, collaborators, works, search."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from graphsvc.names import fold
from tests.oracles import trust
from tests.oracles.facts import Facts, coauthor_graph

LIVE_CLAIMS = ("pending", "approved")

_EPOCH = dt.date(1, 1, 1)
CLOSE_MIN_WORKS = 2  # the default setting


def newest_first(works: list[dict]) -> list[dict]:
    """By the best date known, newest first: the year (of v1: from the publication date, else
    from the arXiv id; no year last), then the publication date (undated last within a year),
    then arXiv id descending."""
    ordered = sorted(works, key=lambda w: w["arxiv_id"], reverse=True)
    ordered.sort(key=lambda w: -(w["published"] or _EPOCH).toordinal())
    ordered.sort(key=lambda w: -(w["year"] or 0))
    return ordered


def teams(f: Facts, rid: str) -> list[dict]:
    """The researcher's teams: their works naming each, the team's members and works."""
    g = f.graph
    items = []
    for _, team, kind in g.out_edges(("Researcher", rid), keys=True):
        if kind != "MEMBER_OF":
            continue
        works = {x["work"] for x in f.work_teams if x["team"] == team[1]}
        mine = {a["work"] for a in f.authorships if a["researcher"] == rid} & works
        members = {a["researcher"] for a in f.authorships if a["work"] in works}
        items.append(
            {
                "id": team[1],
                "name": f.teams[team[1]]["name"],
                "shared_works": len(mine),
                "size": len(members),
                "works": len(works),
            }
        )
    return sorted(items, key=lambda t: (-t["shared_works"], t["id"]))


def collaborators(
    f: Facts,
    rid: str,
    weighting: str = "count",
    since: int | None = None,
    limit: int = 20,
    scope: str = "personal",
) -> list[dict]:
    g = coauthor_graph(f, all_works=scope == "all")
    topics_of: dict[str, set[str]] = {}
    for h in f.work_topics:
        topics_of.setdefault(h["work"], set()).add(h["topic"])
    items = []
    for c in g.neighbors(rid):
        works = [f.works[w] for w in g[rid][c]["works"]]
        if since is not None:
            works = [w for w in works if w["year"] is not None and w["year"] >= since]
        if not works:
            continue
        if weighting == "newman":
            score = sum(1 / (w["authors_count"] - 1) for w in works)
        else:
            score = float(len(works))
        years = [w["year"] for w in works if w["year"] is not None]
        freq = Counter(t for w in works for t in topics_of.get(w["arxiv_id"], ()))
        items.append(
            {
                "id": c,
                "name": f.researchers[c]["name"],
                "shared_works": len(works),
                "score": round(score, 6),
                "first_year": min(years) if years else None,
                "last_year": max(years) if years else None,
                "work_ids": [w["arxiv_id"] for w in newest_first(works)][:5],
                "shared_topics": [
                    t for t, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
                ][:5],
            }
        )
    items.sort(key=lambda i: (-i["score"], i["name"], i["id"]))
    return items[:limit]


def claim_state(f: Facts, rid: str) -> dict[str, Any]:
    """Claimed (owner's display name) when a claim is approved, else pending, else unclaimed."""
    live = [c for c in f.claims if c["researcher_id"] == rid and c["status"] in LIVE_CLAIMS]
    for c in live:
        if c["status"] == "approved":
            owner = f.accounts.get(c["account_id"])
            return {"state": "claimed", "owner": owner["display_name"] if owner else None}
    return {"state": "pending" if live else "unclaimed", "owner": None}


def collaboration(f: Facts, rid: str) -> dict[str, Any]:
    """The approved claim's state when open, else closed with no note and no topics."""
    for c in f.claims:
        if c["researcher_id"] == rid and c["status"] == "approved" and c["collab_open"]:
            return {"open": True, "note": c["collab_note"], "topics": c["collab_topics"] or []}
    return {"open": False, "note": "", "topics": []}


def profile(f: Facts, rid: str) -> dict[str, Any]:
    work_ids = {a["work"] for a in f.authorships if a["researcher"] == rid}
    years = [f.works[w]["year"] for w in work_ids if f.works[w]["year"] is not None]
    topic_works = Counter(h["topic"] for h in f.work_topics if h["work"] in work_ids)
    g = coauthor_graph(f)
    close = sum(1 for c in g.neighbors(rid) if len(g[rid][c]["works"]) >= CLOSE_MIN_WORKS)
    coauthors = sum(1 for _ in g.neighbors(rid))
    institutions = sorted(
        (
            {
                "id": x["institution"],
                "name": f.institutions[x["institution"]]["name"],
                "first_year": x["first_year"],
                "last_year": x["last_year"],
                "works": x["works"],
            }
            for x in f.affiliations
            if x["researcher"] == rid
        ),
        key=lambda i: (-i["works"], i["id"]),
    )
    top = sorted(topic_works.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    r = f.researchers[rid]
    return {
        "id": rid,
        "name": r["name"],
        "aliases": r["aliases"],
        "institutions": institutions,
        "affiliation_status": "imported" if institutions else "affiliation not imported",
        "works_count": len(work_ids),
        "team_works_count": len(work_ids & f.team_works),
        "topics_count": len(topic_works),
        "coauthors_count": coauthors,
        "close_collaborators_count": close,
        "close_collaborator_min_works": CLOSE_MIN_WORKS,
        "teams": teams(f, rid),
        "top_topics": [{"id": t, "name": f.topics[t]["name"], "works": n} for t, n in top],
        "first_year": min(years) if years else None,
        "last_year": max(years) if years else None,
        "claim": claim_state(f, rid),
        "collaboration": collaboration(f, rid),
        **trust.profile_part(f, rid),
    }


def works(f: Facts, rid: str) -> list[dict]:
    works = [f.works[w] for w in {a["work"] for a in f.authorships if a["researcher"] == rid}]
    works.sort(key=lambda w: w["arxiv_id"], reverse=True)
    works.sort(key=lambda w: (w["published"] is None, -(w["published"] or _EPOCH).toordinal()))
    out = []
    for w in works:
        topics = [h for h in f.work_topics if h["work"] == w["arxiv_id"]]
        out.append(
            {
                "arxiv_id": w["arxiv_id"],
                "year": w["year"],
                "published": w["published"].isoformat() if w["published"] else None,
                "title": w["title"],
                "abstract": w["abstract"] or "",
                "categories": [
                    h["topic"]
                    for h in sorted(topics, key=lambda h: (not h["is_primary"], h["topic"]))
                ],
                "venue": w["journal_ref"] or "arXiv",
                "authors": [
                    {"id": a, "name": f.researchers[a]["name"]}
                    for a in f.authors_of(w["arxiv_id"])[:100]
                ],
                "authors_count": len(f.authors_of(w["arxiv_id"])),
                "teams": sorted(
                    (
                        {"id": x["team"], "name": f.teams[x["team"]]["name"]}
                        for x in f.work_teams
                        if x["work"] == w["arxiv_id"]
                    ),
                    key=lambda t: t["id"],
                ),
            }
        )
    return out


def search(f: Facts, q: str, limit: int = 20, open_only: bool = False) -> list[dict]:
    """Researchers with every word of the query inside one of their names, ranked;
    `open_only`: only those with an approved claim open to collaborate."""
    folded = fold(q)
    words = folded.split()
    if not words:
        return []
    works = Counter(a["researcher"] for a in f.authorships)
    open_ids = {
        c["researcher_id"] for c in f.claims if c["status"] == "approved" and c["collab_open"]
    }
    hits = []
    for r in f.researchers.values():
        if open_only and r["id"] not in open_ids:
            continue
        names = [fold(r["name"]), *(fold(a) for a in r["aliases"])]
        if not all(any(w in n for n in names) for w in words):
            continue
        # the names as words: hyphens are spaces, and two spaces between names so that no
        # match spans two names; " zhi qin john xu  zhi-qin xu " -> words zhi, qin, john, xu
        spaced = " " + "  ".join(n.replace("-", " ") for n in names) + " "
        rank = (
            0  # a name or alias is the query
            if folded in names
            else 1  # every query word is a whole word of a name ("zhi-qin": the words "zhi qin")
            if all(f" {w.replace('-', ' ')} " in spaced for w in words)
            else 2  # the query starts a word of a name
            if f" {folded.replace('-', ' ')}" in spaced
            else 3  # the query is inside a name
            if folded in r["search_text"]
            else 4  # the words of the query are apart
        )
        hits.append((rank, -works[r["id"]], r["name"], r["id"]))
    hits.sort()
    return [
        {
            "id": i,
            "name": f.researchers[i]["name"],
            "aliases": f.researchers[i]["aliases"],
            "works_count": -w,
        }
        for _, w, _, i in hits[:limit]
    ]


def name_words(researchers: list[dict]) -> list[dict]:
    """The name-word index as it must be (export_name_words): each word of each researcher's
    folded names (split at spaces), with the researcher."""
    pairs = {
        (word, r["id"])
        for r in researchers
        for name in [r["name"], *(r["aliases"] or [])]
        for word in fold(name).split()
    }
    return [{"word": w, "researcher": rid} for w, rid in sorted(pairs)]
