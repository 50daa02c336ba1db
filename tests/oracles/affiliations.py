"""Aggregated affiliations recomputed from the raw authorships."""

from __future__ import annotations

from typing import Any

from graphsvc.db import GraphBackend


def expected_affiliations(backend: GraphBackend) -> list[dict[str, Any]]:
    """AFFILIATED_WITH recomputed from every authorship's institutions and its work's year."""
    years = {w["arxiv_id"]: w["year"] for w in backend.read("export_works")}
    found: dict[tuple[str, str], list[int | None]] = {}
    for a in backend.read("export_authorships"):
        for institution in a["institutions"] or []:
            found.setdefault((a["researcher"], institution), []).append(years[a["work"]])
    rows = []
    for (researcher, institution), ys in sorted(found.items()):
        known = [y for y in ys if y is not None]
        rows.append(
            {
                "researcher": researcher,
                "institution": institution,
                "first_year": min(known, default=None),
                "last_year": max(known, default=None),
                "works": len(ys),
            }
        )
    return rows
