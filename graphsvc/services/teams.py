"""Team look-ups: a collaboration named in author lists, its members and its works."""

from __future__ import annotations

from typing import Any

from graphsvc.db import Reader, reads_together

Data = dict[str, Any]


@reads_together
def team(db: Reader, team_id: str, limit: int) -> Data | None:
    """The team with its spellings, counts, top members and newest works; None if unknown."""
    rows = db.read("team_get", id=team_id)
    if not rows:
        return None
    row = rows[0]
    return {
        **row,
        "aliases": list(row["aliases"] or []),
        "top_members": db.read("team_members", id=team_id, limit=limit),
        "recent_works": db.read("team_recent_works", id=team_id, limit=limit),
    }
