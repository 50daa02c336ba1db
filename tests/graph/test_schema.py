"""The schema on both backends: it exists after apply and re-applying changes nothing."""

from __future__ import annotations

import pytest

from graphsvc.db import GraphBackend, GraphError
from tests.helpers import graph_state


def test_schema_apply_is_idempotent(backend: GraphBackend) -> None:
    backend.write(
        lambda tx: tx.run("ingest_upsert_institutions", rows=[{"id": "mit", "name": "MIT"}])
    )
    before = graph_state(backend)
    backend.apply_schema()
    backend.apply_schema()
    assert graph_state(backend) == before
    assert before["counts"]["Institution"] == 1


def test_ids_are_unique(backend: GraphBackend) -> None:
    rows = [{"id": "mit", "name": "MIT"}]
    backend.write(lambda tx: tx.run("ingest_upsert_institutions", rows=rows))
    backend.write(lambda tx: tx.run("ingest_upsert_institutions", rows=rows))
    assert graph_state(backend)["counts"]["Institution"] == 1
    with pytest.raises(GraphError):
        backend.write(lambda tx: tx.run("test_create_institution", id="mit"))
    assert graph_state(backend)["counts"]["Institution"] == 1


def test_neo4j_constraints_and_indexes_exist(neo4j_backend: GraphBackend) -> None:
    names = {r["name"] for r in neo4j_backend.read("schema_indexes")}
    assert {
        "researcher_id",
        "work_arxiv_id",
        "topic_id",
        "institution_id",
        "ingest_state_source",
        "researcher_block_key",
        "name_word",
        "name_word_text",
        "work_title_folded",
        "work_year",
    } <= names
    assert not {"researcher_names", "work_titles", "researcher_search_text"} & names, "unused"
    neo4j_backend.apply_schema()
    assert {r["name"] for r in neo4j_backend.read("schema_indexes")} == names


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("test_create_old_fulltext_index", "researcher_names"),
        ("test_create_old_search_text_index", "researcher_search_text"),
    ],
)
def test_neo4j_schema_drops_the_indexes_no_query_reads(
    neo4j_backend: GraphBackend, query: str, index: str
) -> None:
    """A graph made by an earlier version loses them on the next apply: the full-text index of
    names, and the text index on `search_text` (search reads the name words since)."""
    neo4j_backend.write(lambda tx: tx.run(query))
    assert index in {r["name"] for r in neo4j_backend.read("schema_indexes")}
    neo4j_backend.apply_schema()
    assert index not in {r["name"] for r in neo4j_backend.read("schema_indexes")}
