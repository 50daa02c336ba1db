"""Helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphsvc.db import GraphBackend

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
DEMO = REPO / "loaders" / "data" / "demo"
EXPORTS = (
    "export_researchers",
    "export_works",
    "export_topics",
    "export_institutions",
    "export_authorships",
    "export_work_topics",
    "export_affiliations",
    "export_merged_ids",
)


def graph_state(backend: GraphBackend) -> dict[str, Any]:
    """The whole graph as plain, ordered data: counts and every node and relationship."""
    state: dict[str, Any] = {
        "counts": {r["kind"]: r["n"] for r in backend.read("graph_counts")},
    }
    for name in EXPORTS:
        state[name] = backend.read(name)
    return state
