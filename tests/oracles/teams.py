"""A team's answer from the raw facts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tests.oracles.facts import Facts


def team(f: Facts, team: str, limit: int) -> dict[str, Any]:
    works = {x["work"] for x in f.work_teams if x["team"] == team}
    counts = Counter(a["researcher"] for a in f.authorships if a["work"] in works)
    members = sorted(counts, key=lambda r: (-counts[r], f.researchers[r]["name"], r))
    recent = sorted(works, reverse=True)
    recent.sort(
        key=lambda w: -f.works[w]["published"].toordinal() if f.works[w]["published"] else 0
    )
    recent.sort(key=lambda w: f.works[w]["published"] is None)
    people = Counter(a["work"] for a in f.authorships)
    return {
        "id": team,
        "name": f.teams[team]["name"],
        "aliases": f.teams[team]["aliases"],
        "works": len(works),
        "members": len(counts),
        "top_members": [
            {"id": r, "name": f.researchers[r]["name"], "works": counts[r]} for r in members[:limit]
        ],
        "recent_works": [
            {
                "arxiv_id": w,
                "title": f.works[w]["title"],
                "year": f.works[w]["year"],
                "authors_count": people[w],
            }
            for w in recent[:limit]
        ],
    }
