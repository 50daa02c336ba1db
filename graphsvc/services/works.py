"""Work look-ups: one work with its categories and ordered authors, as plain data."""

from __future__ import annotations

import re
from typing import Any

from graphsvc.db import Reader, reads_together
from graphsvc.names import fold_once

Data = dict[str, Any]
_PREFIX = re.compile(r"^arxiv:", re.IGNORECASE)
_ARXIV_ID = re.compile(
    r"^(?P<id>\d{4}\.\d{4,5}"  # new style: 2105.14573
    r"|(?P<archive>[a-z][a-z-]*)(?P<subject>\.[A-Za-z]{2})?/(?P<number>\d{7}))"  # math.GT/0309136
    r"(?:v\d+)?$"  # a version
)


def id_forms(asked: str) -> list[str]:
    """The stored ids `asked` may stand for, most literal first: as given, then without the
    `arXiv:` prefix (any case) and version ("arXiv:2105.14573v2" -> "2105.14573"), then an old
    style id without its subject class ("math.GT/0309136" -> "math/0309136")."""
    forms = [asked]
    match = _ARXIV_ID.match(_PREFIX.sub("", asked.strip()))
    if match is not None:
        forms.append(match["id"])
        if match["subject"]:
            forms.append(f"{match['archive']}/{match['number']}")
    return list(dict.fromkeys(forms))


@reads_together
def work(db: Reader, asked: str) -> Data | None:
    """The work with categories (primary first) and authors in order, or None if unknown.

    `asked` may carry a version, the `arXiv:` prefix or an old-style subject class (see
    `id_forms`); the stored id has none of them.
    """
    for arxiv_id in id_forms(asked):
        rows = db.read("work_get", id=arxiv_id)
        if rows:
            break
    else:
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


def title_search(db: Reader, q: str, limit: int) -> list[Data]:
    """Works whose folded title contains the folded query: newest first (undated last), then
    arXiv id descending."""
    folded = fold_once(q)
    return db.read("works_title_search", q=folded, limit=limit) if folded else []
