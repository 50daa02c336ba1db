"""Suggested collaborators: researchers someone has not written with yet, ranked and explained.

Candidates are two personal co-authorship hops away (`COAUTHOR`, the collaboration layer) and
not personal co-authors already, nor the researcher. Sharing only team works does not count as
having written together (a team work pairs nobody), so such researchers can be suggested.
Scores, over the common co-authors z (deg = z's personal co-authors, `coauthors_count`):

- resource allocation sum(1/deg z) and Adamic-Adar sum(1/ln deg z) (link prediction);
- topic overlap: the Jaccard index of the two researchers' topic sets (`WORKS_IN`),
  shared / (topics of one + topics of the other - shared).

Ranked by resource allocation, then the number of common co-authors, then topic overlap (all
descending, scores rounded to 6 decimals), then name and id; for the owner of a record
(`/v1/me/suggestions`), researchers open to collaborate come first.

Bound: common co-authors with more than `hub_max` personal co-authors are skipped (each would
add at most 1/hub_max). `hub_max` is `HUB_MAX_COAUTHORS`, lowered for a researcher whose
co-authors would expand to more than `EXPANSION_ROWS_MAX` two-hop rows: to the largest degree d
such that the co-authors with at most d co-authors expand to at most that many rows (`hub_bound`).
A prolific researcher's ranking then rests on their less connected co-authors, the ones that
weigh most in both scores; the work is bounded whoever asks. On Neo4j one stored query
(`suggest_ranked_bounded`) computes the bound and the ranking over one walk of the co-authors.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graphsvc.db import Reader, reads_together
from graphsvc.db.bundles import Read, prefetch
from graphsvc.services.researchers import _newest_first
from graphsvc.store import claims as claims_store

HUB_MAX_COAUTHORS = 1_000
EXPANSION_ROWS_MAX = 10_000
COMMON_LISTED = 5
TOPICS_LISTED = 5
WORKS_LISTED = 3

Data = dict[str, Any]


@reads_together
def suggestions(
    db: Reader,
    researcher_id: str,
    *,
    limit: int,
    min_common: int,
    hub_max: int = HUB_MAX_COAUTHORS,
    rows_max: int = EXPANSION_ROWS_MAX,
    open_first: bool = False,
) -> Data | None:
    """The ranked suggestions with their evidence, or None when the researcher is unknown;
    `open_first`: researchers open to collaborate first (each part in the ranking's order)."""
    params = {
        "id": researcher_id,
        "min_common": min_common,
        "limit": limit,
        "open_first": open_first,
    }
    if db.has_query("suggest_ranked_bounded"):  # one walk of the co-authors (Neo4j)
        found = db.read("suggest_ranked_bounded", hub_max=hub_max, rows_max=rows_max, **params)
        if not found:
            return None
        hub_max, ranked = found[0]["hub_max"], found[0]["items"]
    else:
        degrees = db.read("suggest_coauthor_degrees", id=researcher_id)
        if not degrees:
            return None
        hub_max = hub_bound([(d, n) for d, n in degrees[0]["degrees"] if n], hub_max, rows_max)
        ranked = db.read("suggest_ranked", hub_max=hub_max, **params)
    items = with_evidence(db, researcher_id, ranked, hub_max)
    return {
        "researcher_id": researcher_id,
        "min_common": min_common,
        "hub_max_coauthors": hub_max,
        "expansion_rows_max": rows_max,
        "items": items,
    }


def hub_bound(degrees: list[tuple[int, int]], hub_max: int, rows_max: int) -> int:
    """`hub_max` when the co-authors with at most `hub_max` co-authors expand to at most
    `rows_max` rows; otherwise the largest d whose co-authors with at most d co-authors do (0
    when none fit). `degrees`: (co-authors of a co-author, how many co-authors have that many)."""
    bound, rows = 0, 0
    for deg, n in sorted(degrees):
        if deg > hub_max:
            break
        rows += deg * n
        if rows > rows_max:
            return bound
        bound = deg
    return hub_max


def owned_record(db: Reader, account_id: str) -> str | None:
    """The researcher id the account owns (its approved claim), or None."""
    for claim in claims_store.live_of_account(db, account_id):
        if claim["status"] == claims_store.APPROVED:
            return str(claim["researcher_id"])
    return None


def with_evidence(db: Reader, researcher_id: str, ranked: list[Data], hub_max: int) -> list[Data]:
    """Each candidate with its scores, top common co-authors (fewest co-authors first, i.e.
    the largest share of the score), shared topics (most works of the two first) and newest
    works."""
    ids = [c["id"] for c in ranked]
    if not ids:  # Ladybug cannot type an empty list parameter
        return []
    db = prefetch(db, "suggest_evidence", evidence_reads(researcher_id, ids, hub_max))
    common: dict[str, list[Data]] = defaultdict(list)
    for row in db.read("suggest_common_coauthors", id=researcher_id, ids=ids, hub_max=hub_max):
        common[row["candidate"]].append(row)
    topics: dict[str, list[Data]] = defaultdict(list)
    for row in db.read("suggest_shared_topics", id=researcher_id, ids=ids):
        topics[row["candidate"]].append(row)
    works: dict[str, list[Data]] = defaultdict(list)
    for row in db.read("suggest_candidate_works", ids=ids):  # newest 3 or all, by engine
        works[row["candidate"]].append(row)
    return [_item(c, common[c["id"]], topics[c["id"]], works[c["id"]]) for c in ranked]


def evidence_reads(researcher_id: str, ids: list[str], hub_max: int) -> list[Read]:
    """The stored reads of the candidates' evidence (one bundle on Neo4j)."""
    return [
        ("suggest_common_coauthors", {"id": researcher_id, "ids": ids, "hub_max": hub_max}),
        ("suggest_shared_topics", {"id": researcher_id, "ids": ids}),
        ("suggest_candidate_works", {"ids": ids}),
    ]


def _item(c: Data, common: list[Data], topics: list[Data], works: list[Data]) -> Data:
    common.sort(key=lambda z: (z["coauthors"], z["name"] or "", z["id"]))
    topics.sort(key=lambda t: (-(t["works"] + t["candidate_works"]), t["id"]))
    return {
        "id": c["id"],
        "name": c["name"],
        "resource_allocation": float(c["resource_allocation"]),
        "adamic_adar": float(c["adamic_adar"]),
        "common_coauthors_count": c["common_coauthors_count"],
        "topic_overlap": float(c["topic_overlap"]),
        "shared_topics_count": c["shared_topics_count"],
        "open_to_collaborate": bool(c["open_to_collaborate"]),
        "common_coauthors": [
            {"id": z["id"], "name": z["name"], "coauthors": z["coauthors"]}
            for z in common[:COMMON_LISTED]
        ],
        "shared_topics": [{"id": t["id"], "name": t["name"]} for t in topics[:TOPICS_LISTED]],
        "recent_works": [
            {"arxiv_id": w["arxiv_id"], "title": w["title"] or "", "year": w["year"]}
            for w in _newest_first(works)[:WORKS_LISTED]
        ],
    }
