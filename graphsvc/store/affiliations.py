"""Aggregated affiliations: `(:Researcher)-[:AFFILIATED_WITH {first_year, last_year, works}]->
(:Institution)`, from the institutions printed on each authorship."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graphsvc.db import Tx
from graphsvc.store.layer import run_rows
from graphsvc.store.params import year


def refresh(tx: Tx, researchers: Iterable[str]) -> None:
    """Recompute the AFFILIATED_WITH relationships of these researchers from their authorships."""
    ids = sorted(set(researchers))
    if ids:
        facts = tx.run("ingest_affiliation_facts", ids=ids)
        tx.run("ingest_clear_affiliations", ids=ids)
        run_rows(tx, "ingest_create_affiliations", rows(facts))


def add(tx: Tx, facts: list[dict[str, Any]]) -> None:
    """Add new authorships (researcher, year, institutions) to the stored aggregates."""
    run_rows(tx, "ingest_add_affiliations", rows(facts))


def rows(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Aggregate (researcher, institution) over works: first and last year, work count."""
    years: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    for fact in facts:
        for iid in fact["institutions"] or []:
            years[(fact["researcher"], iid)].append(fact["year"])
    out = []
    for (researcher, iid), ys in sorted(years.items()):
        known = [y for y in ys if y is not None]
        out.append(
            {
                "researcher": researcher,
                "institution": iid,
                "first_year": year(min(known) if known else None),
                "last_year": year(max(known) if known else None),
                "works": len(ys),
            }
        )
    return out
