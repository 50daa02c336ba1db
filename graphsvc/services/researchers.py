"""Researcher look-ups: search, profile, works and collaborators, as plain data.

Each function runs stored queries on a backend and returns plain dicts shaped like the API's
response models, or None when the researcher does not exist.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from graphsvc.db import Reader, reads_together
from graphsvc.db.bundles import Read, prefetch
from graphsvc.services import collaboration, researcher_trust
from graphsvc.services.claims import public_state
from graphsvc.store import claims as claims_store
from graphsvc.store import follows as follow_store

TOP_TOPICS = 10
DETAIL_ITEMS = 5
AUTHORS_LISTED = 100  # per work in a works list: a team roster is not a list to read
NO_SINCE = 0  # `since` when no year filter is asked for (undated works count too)

Data = dict[str, Any]


def most_connected(db: Reader, limit: int) -> list[Data]:
    """Researchers with the most personal co-authors, then works, name and id (layer)."""
    return db.read("researchers_most_connected", limit=limit)


@reads_together
def profile(
    db: Reader, researcher_id: str, close_min_works: int, viewer_id: str = ""
) -> Data | None:
    """The researcher's profile, or None if unknown; `viewer_id` the signed-in account's id
    (whether they follow), '' when anonymous."""
    db = prefetch(
        db, "researcher_profile_reads", profile_reads(researcher_id, close_min_works, viewer_id)
    )
    rows = db.read("researcher_profile", id=researcher_id)
    if not rows:
        return None
    row = rows[0]
    institutions = db.read("researcher_institutions", id=researcher_id)
    close = db.read("collaborators_close_count", id=researcher_id, min_works=close_min_works)
    close_count = close[0]["n"] if close else 0
    topics = db.read("researcher_top_topics", id=researcher_id, limit=TOP_TOPICS)
    claims = db.read("researcher_trust_claims", id=researcher_id)
    followers = follow_store.state(db, researcher_id, viewer_id)
    if not claims or followers is None:
        return None
    trust = researcher_trust.summary(researcher_trust.signals_of(row, close_count, claims))
    return {
        "id": row["id"],
        "name": row["name"],
        "aliases": list(row["aliases"] or []),
        "institutions": institutions,
        "affiliation_status": "imported" if institutions else "affiliation not imported",
        "works_count": row["works_count"] or 0,
        "team_works_count": row["team_works"] or 0,
        "topics_count": row["topics_count"] or 0,
        "coauthors_count": row["coauthors_count"] or 0,
        "close_collaborators_count": close_count,
        "close_collaborator_min_works": close_min_works,
        "teams": teams(db, researcher_id),
        "top_topics": topics,
        "first_year": row["first_year"],
        "last_year": row["last_year"],
        "claim": public_state(claims_store.live_on(db, [researcher_id])),
        "collaboration": collaboration.state(db, researcher_id),
        **trust,
        "followers": {"count": followers[0], "following": followers[1]},
    }


def profile_reads(researcher_id: str, close_min_works: int, viewer_id: str) -> list[Read]:
    """The stored reads `profile` makes, which one bundle answers on Neo4j."""
    one = {"id": researcher_id}
    close = {**one, "min_works": close_min_works}
    return [
        ("researcher_profile", one),
        ("researcher_institutions", one),
        ("collaborators_close_count", close),
        ("researcher_top_topics", {**one, "limit": TOP_TOPICS}),
        ("researcher_trust_claims", one),
        ("follow_state", {"researcher_id": researcher_id, "account_id": viewer_id}),
        ("researcher_teams", one),
        ("claims_live_on", one),
        ("collab_on", one),
    ]


def collaborators_reads(researcher_id: str, newman: bool, limit: int) -> list[Read]:
    """The stored reads of the personal ranking without `since` that need only the researcher
    (one bundle on Neo4j)."""
    return [
        ("researcher_works_count", {"id": researcher_id}),
        ("collaborators_ranked", {"id": researcher_id, "newman": newman, "limit": limit}),
        ("researcher_teams", {"id": researcher_id}),
    ]


def teams(db: Reader, researcher_id: str) -> list[Data]:
    """The researcher's teams: works naming each, and the team's size (members)."""
    return [
        {
            "id": t["id"],
            "name": t["name"],
            "shared_works": t["shared_works"],
            "size": t["size"] or 0,
            "works": t["works"] or 0,
        }
        for t in db.read("researcher_teams", id=researcher_id)
    ]


@reads_together
def works(db: Reader, researcher_id: str, limit: int, offset: int) -> Data | None:
    """One page of the researcher's works with categories and ordered authors, or None."""
    counted = db.read("researcher_works_count", id=researcher_id)
    if not counted:
        return None
    total = counted[0]["total"]
    # Past the end the page is empty; Ladybug 0.22 can crash the process (SIGSEGV) on an
    # ordered query whose SKIP lies far beyond its rows, so do not ask.
    rows = (
        db.read("researcher_works", id=researcher_id, offset=offset, limit=limit)
        if offset < total
        else []
    )
    ids = [r["arxiv_id"] for r in rows]
    authors: dict[str, list[Data]] = defaultdict(list)
    topics: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    teams: dict[str, list[Data]] = defaultdict(list)
    if ids:  # Ladybug rejects an empty list parameter to UNWIND
        for a in db.read("researcher_works_authors", ids=ids, max_position=AUTHORS_LISTED):
            authors[a["arxiv_id"]].append(a)
        for t in db.read("researcher_works_topics", ids=ids):
            topics[t["arxiv_id"]].append((not t["is_primary"], t["topic"]))
        for team in db.read("works_teams", ids=ids):
            teams[team["arxiv_id"]].append({"id": team["id"], "name": team["name"]})
    items = []
    for r in rows:
        wid = r["arxiv_id"]
        ordered = sorted(authors[wid], key=lambda a: (a["position"], a["id"]))
        items.append(
            {
                "arxiv_id": wid,
                "year": r["year"],
                "published": r["published"],
                "title": r["title"] or "",
                "abstract": r["abstract"] or "",
                "categories": [topic for _, topic in sorted(topics[wid])],
                "venue": r["journal_ref"] or "arXiv",
                "authors": [{"id": a["id"], "name": a["name"]} for a in ordered],
                "authors_count": r["authors_count"] or 0,
                "teams": teams[wid],
            }
        )
    return {
        "researcher_id": researcher_id,
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": items,
    }


@reads_together
def collaborators(
    db: Reader,
    researcher_id: str,
    *,
    limit: int,
    weighting: str,
    since: int | None,
    scope: str = "personal",
) -> Data | None:
    """Co-authors ranked by shared works or Newman's weighting, or None if unknown.

    `scope` "personal" counts the works that are not team works: from the collaboration layer,
    or (with `since`) from those works themselves; "all" counts every work exactly, from the
    works (linear in the researcher's authorship rows, team rosters included).
    """
    newman = weighting == "newman"
    all_works = scope == "all"
    year_from = NO_SINCE if since is None else since
    from_layer = since is None and not all_works
    if from_layer:
        db = prefetch(db, "collaborators_reads", collaborators_reads(researcher_id, newman, limit))
    counted = db.read("researcher_works_count", id=researcher_id)
    if not counted:
        return None
    if from_layer:
        ranked = db.read("collaborators_ranked", id=researcher_id, newman=newman, limit=limit)
    else:
        ranked = db.read(
            "collaborators_ranked_works",
            id=researcher_id,
            since=year_from,
            all_works=all_works,
            newman=newman,
            limit=limit,
        )
    shared: dict[str, list[Data]] = {}
    if ranked:
        for row in db.read(
            "collaborators_shared_works" if all_works else "collaborators_shared_personal_works",
            id=researcher_id,
            ids=[c["id"] for c in ranked],
            since=year_from,
        ):
            shared[row["collaborator"]] = row["works"]
    items = []
    for c in ranked:
        works_of = _newest_first(shared.get(c["id"], []))
        years = [w["year"] for w in works_of if w["year"] is not None]
        topic_freq = Counter(t for w in works_of for t in set(w["topics"]))
        items.append(
            {
                "id": c["id"],
                "name": c["name"],
                "shared_works": c["shared_works"],
                "score": round(float(c["score"]), 6),
                "first_year": min(years, default=None),
                "last_year": max(years, default=None),
                "work_ids": [w["arxiv_id"] for w in works_of[:DETAIL_ITEMS]],
                "shared_topics": [
                    t for t, _ in sorted(topic_freq.items(), key=lambda kv: (-kv[1], kv[0]))
                ][:DETAIL_ITEMS],
            }
        )
    return {
        "researcher_id": researcher_id,
        "weighting": weighting,
        "since": since,
        "scope": scope,
        "items": items,
        "teams": teams(db, researcher_id),
    }


def _newest_first(works: list[Data]) -> list[Data]:
    """Newest first by the best date known: the year of v1 (from the publication date, else
    from the arXiv id: the seed papers have no date; no year last), then the publication date
    (undated last within a year), then arXiv id descending."""
    ordered = sorted(works, key=lambda w: w["arxiv_id"], reverse=True)
    return sorted(ordered, key=_year_and_date_descending)  # stable: keeps the id order on ties


def _year_and_date_descending(work: Data) -> tuple[int, int]:
    published: dt.date | None = work["published"]
    return (-(work["year"] or 0), -published.toordinal() if published else 0)
