"""Work look-ups: one work with its categories and ordered authors, as plain data."""

from __future__ import annotations

from typing import Any

from graphsvc.db import Reader, reads_together

Data = dict[str, Any]


@reads_together
def work(db: Reader, arxiv_id: str) -> Data | None:
    """The work with categories (primary first) and authors in order, or None if unknown."""
    rows = db.read("work_get", id=arxiv_id)
    if not rows:
        return None
    row = rows[0]
    categories = sorted(
        (
            {"id": c["id"], "name": c["name"], "is_primary": bool(c["is_primary"])}
            for c in db.read("work_categories", id=arxiv_id)
        ),
        key=lambda c: (not c["is_primary"], c["id"]),
    )
    authors = sorted(db.read("work_authors", id=arxiv_id), key=lambda a: (a["position"], a["id"]))
    institution_ids = sorted({i for a in authors for i in a["institutions"] or []})
    names: dict[str, str] = {}
    if institution_ids:  # Ladybug rejects an empty list parameter to UNWIND
        names = {i["id"]: i["name"] for i in db.read("work_institutions", ids=institution_ids)}
    return {
        **row,
        "title": row["title"] or "",
        "abstract": row["abstract"] or "",
        "venue": row["journal_ref"] or "arXiv",
        "categories": categories,
        "teams": [
            {"id": t["id"], "name": t["name"]} for t in db.read("works_teams", ids=[arxiv_id])
        ],
        "team_work": bool(row["team_work"]),
        "authors": [
            {
                "id": a["id"],
                "name": a["name"],
                "position": a["position"],
                "institutions": [
                    {"id": i, "name": names[i]} for i in a["institutions"] or [] if i in names
                ],
            }
            for a in authors
        ],
    }
