"""Helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphsvc.db import GraphBackend

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
DEMO = REPO / "loaders" / "data" / "demo"
LAYER_EXPORTS = (
    "export_coauthors",
    "export_works_in",
    "export_member_of",
    "export_cooccurs",
    "export_researcher_counts",
    "export_topic_stats",
    "export_stats",
)
EXPORTS = (
    "export_researchers",
    "export_works",
    "export_topics",
    "export_institutions",
    "export_authorships",
    "export_work_topics",
    "export_affiliations",
    "export_merged_ids",
    "export_teams",
    "export_work_teams",
    "export_works_team_flags",
    "export_name_counts",
    *LAYER_EXPORTS,
)


def graph_state(backend: GraphBackend) -> dict[str, Any]:
    """The whole graph as plain, ordered data: counts and every node and relationship."""
    state: dict[str, Any] = {
        "counts": {r["kind"]: r["n"] for r in backend.read("graph_counts")},
    }
    for name in EXPORTS:
        state[name] = backend.read(name)
    # Newman weights are float sums: another order of the same terms may differ in the last bit.
    state["export_coauthors"] = [
        {**e, "newman": round(e["newman"], 9)} for e in state["export_coauthors"]
    ]
    return state
