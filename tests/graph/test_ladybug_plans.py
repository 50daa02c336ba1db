"""The embedded engine's plans of the stored queries that take lists of ids: each id is looked
up, no table is scanned.

Ladybug 0.22 plans `n.id IN $ids` as a scan of the whole table, and a MATCH of a relationship
after `UNWIND $ids AS x MATCH (n {id: x})` as a hash join with every relationship of the type:
both grow with the graph (a slice's edges 12 ms instead of 2.4 at 100,000 works, a batch's
`ingest_ids_taken` 9.9 s instead of 0.04: bench/RESULTS.md). Their `cypher/ladybug/` versions
look each id up and walk on with OPTIONAL MATCH. PROFILE shows each operator's output: on the
3,000-work corpus a scan outputs a whole table (3,000 works or more), a look-up a few rows.
Write queries are profiled in a transaction that is rolled back. Not here, since the cost model
picks their plans by size: `layer_clear_member_of` (a scan of this corpus's 3,762 MEMBER_OF
relationships; a look-up at 100,000 works) and `suggest_common_coauthors`, whose shared version
walks from the researcher here and scans at 2,700,000 works (1,007,392 researchers and 5,442,477
COAUTHOR relationships out of the scans for the most prolific one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import ladybug
import pytest

from graphsvc.catalog import Catalog, Query, cypher_dir
from graphsvc.db.ladybug_backend import LadybugBackend
from tests.conftest import load_corpus, prepared

Sample = dict[str, Any]
_OPERATOR = re.compile(r"│\s*(SCAN_NODE_TABLE|SCAN_REL_TABLE)\[\d+\]")
_OUTPUT = re.compile(r"NumOutputTuples: (\d+)")

READS: dict[str, Callable[[Sample], dict[str, Any]]] = {
    "slice_work_edges": lambda s: {"ids": s["works"]},
    "slice_own_work_edges": lambda s: {"id": s["id"], "ids": s["works"]},
    "slice_affiliations": lambda s: {"ids": [s["id"]]},
    "slice_affiliation_edges": lambda s: {"ids": [s["id"], *s["coauthors"]], "institutions": []},
    "slice_memberships": lambda s: {"ids": [s["id"], *s["coauthors"]], "teams": []},
    "slice_linking_works": lambda s: {"ids": s["coauthors"], "exclude": [s["id"]]},
    "collaborators_shared_works": lambda s: {"id": s["id"], "ids": s["coauthors"], "since": 0},
    "collaborators_shared_personal_works": lambda s: {
        "id": s["id"],
        "ids": s["coauthors"],
        "since": 0,
    },
    "works_teams": lambda s: {"ids": s["works"]},
    "researcher_works_topics": lambda s: {"ids": s["works"]},
    "researcher_works_authors": lambda s: {"ids": s["works"], "max_position": 10},
    "suggest_candidate_works": lambda s: {"ids": s["coauthors"]},
    "suggest_shared_topics": lambda s: {"id": s["id"], "ids": s["coauthors"]},
    "path_coauthors": lambda s: {"ids": [s["id"]]},
    "ingest_ids_taken": lambda s: {"ids": [s["id"], "no-such-researcher"]},
    "ingest_authors_of_works": lambda s: {"ids": s["works"]},
    "ingest_affiliation_facts": lambda s: {"ids": [s["id"]]},
    "layer_researcher_links": lambda s: {"ids": [s["id"]]},
    "layer_personal_coauthors": lambda s: {"ids": [s["id"]]},
}
WRITES: dict[str, Callable[[Sample], dict[str, Any]]] = {
    "ingest_detach_topics": lambda s: {"ids": s["works"]},
    "ingest_clear_affiliations": lambda s: {"ids": [s["id"]]},
    "layer_clear_works_in": lambda s: {"ids": [s["id"]]},
    "ingest_merge_authorships": lambda s: {
        "rows": [{"old_id": s["id"], "new_id": s["coauthors"][0]}]
    },
}


@pytest.fixture
def graph(request: pytest.FixtureRequest) -> LadybugBackend:
    backend = prepared(request, "corpus-3000", load_corpus, dialect="ladybug")
    assert isinstance(backend, LadybugBackend)
    return backend


def scanned(
    graph: LadybugBackend, query: Query, params: dict[str, Any], *, write: bool
) -> list[int]:
    """The rows each scan operator of the query's plan output (PROFILE runs it)."""
    query.check_params(params)
    conn = ladybug.Connection(graph._db)  # a second connection to the backend's database
    try:
        if write:
            conn.execute("BEGIN TRANSACTION")
        result = conn.execute("PROFILE " + query.text, params)
        assert not isinstance(result, list)
        row = result.get_next()
        assert isinstance(row, list)
        plan = str(row[0])
        if write:
            conn.execute("ROLLBACK")
    finally:
        conn.close()
    return [
        int(output.group(1))
        for block in plan.split("┌")
        if _OPERATOR.search(block) and (output := _OUTPUT.search(block))
    ]


def works_in(graph: LadybugBackend) -> int:
    return next(int(r["n"]) for r in graph.read("graph_counts") if r["kind"] == "Work")


@pytest.mark.parametrize(
    ("name", "write"), [*((n, False) for n in READS), *((n, True) for n in WRITES)]
)
def test_lists_of_ids_are_looked_up(graph: LadybugBackend, name: str, write: bool) -> None:
    sample = graph.read("test_lookup_sample")[0]
    params = (WRITES if write else READS)[name](sample)
    outputs = scanned(graph, graph.catalog[name], params, write=write)
    assert max(outputs, default=0) < works_in(graph) / 5, (name, outputs)


def test_the_shared_query_scans(graph: LadybugBackend) -> None:
    """The check sees a scan: the shared `slice_work_edges` (`arxiv_id IN $ids`) scans."""
    sample = graph.read("test_lookup_sample")[0]
    shared = Catalog("neo4j")["slice_work_edges"]  # Neo4j runs the shared version
    assert shared.path.parent == cypher_dir()
    outputs = scanned(graph, shared, READS["slice_work_edges"](sample), write=False)
    assert max(outputs) >= works_in(graph)
