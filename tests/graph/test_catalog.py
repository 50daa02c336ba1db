"""The stored-query catalog: every query loads, declares its params and runs on both backends."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from graphsvc.catalog import DIALECTS, Catalog, CatalogError, load_dialect
from graphsvc.db import GraphBackend, GraphError
from loaders.bulk_ladybug import COPY_QUERIES, arrow_table
from loaders.bulk_tables import TABLES
from tests.helpers import REPO, TEST_QUERIES

COPY_TABLES = {query: table for table, query in COPY_QUERIES.items()}

INT_FIELDS = {
    "position",
    "version",
    "year",
    "works",
    "first_year",
    "last_year",
    "authors_count",
    "n",
    "personal",
}
BOOL_FIELDS = {"is_primary", "authors_ordered", "team_work", "block_peer", "email_verified"}
FLOAT_FIELDS = {"newman"}
LIST_FIELDS = {"institutions", "aliases", "into_aliases", "ids"}
INT_LIST_FIELDS = {"counts", "times", "days"}
DATE_FIELDS = {"published", "updated"}


def example_params(query_text: str, params: frozenset[str]) -> dict[str, Any]:
    """A plausible value for each parameter, typed from its name (rows from their fields)."""
    fields = set(re.findall(r"\brow\.([a-z_]+)", query_text))
    row: dict[str, Any] = {}
    for f in sorted(fields):
        if f in INT_FIELDS:
            row[f] = 2020
        elif f in BOOL_FIELDS:
            row[f] = True
        elif f in FLOAT_FIELDS:
            row[f] = 0.5
        elif f in LIST_FIELDS:
            row[f] = ["x"]
        elif f in INT_LIST_FIELDS:
            row[f] = [1]
        elif f in DATE_FIELDS:
            row[f] = "2020-01-02"
        else:
            row[f] = "x"
    values: dict[str, Any] = {}
    for name in params:
        if name == "rows":
            values[name] = [row]
        elif name in {"newman", "all_works"}:
            values[name] = True
        elif name in {
            "ids",
            "blocks",
            "topics",
            "researchers",
            "frontier",
            "exclude",
            "works",
            "aliases",
            "words",
            "candidates",
            "keys",
            "teams",
            "institutions",
            "whole_words",
            "researcher_ids",
            "kinds",
            "from_statuses",
        }:
            values[name] = ["x"]
        elif name in {"limit", "max_hops", "depth"}:
            values[name] = 5
        elif name in {"offset", "skip"}:
            values[name] = 0
        elif name in {
            "position",
            "since",
            "min_works",
            "year",
            "n",
            "min_authors",
            "max_position",
            "max_rank",
        }:
            values[name] = 1
        elif name in {"is_admin", "open", "open_only", "open_first"}:
            values[name] = True
        elif name in {"now", "expires_at"}:
            values[name] = 1
        else:
            values[name] = "x"
    return values


@pytest.mark.parametrize("dialect", DIALECTS)
def test_catalog_loads_and_every_query_declares_its_params(dialect: str) -> None:
    """Each query's declared parameters are exactly the $names of its text (derived here
    independently of the loader) and the LIMIT the backend applies, and a call must pass
    exactly those."""
    catalog = Catalog(dialect, extra=TEST_QUERIES)
    assert len(catalog.names()) > 20
    for name in catalog.names():
        query = catalog[name]
        body = re.sub(r"'(?:[^'\\]|\\.)*'", "''", query.text)  # no $ inside string literals
        applied = {query.cap} if query.cap else set()
        assert set(re.findall(r"\$([A-Za-z_]\w*)", body)) | applied == query.params, name
        query.check_params({p: None for p in query.params})  # exactly the declared: accepted
        for missing in query.params:
            with pytest.raises(CatalogError, match="missing"):
                query.check_params({p: None for p in query.params - {missing}})
        with pytest.raises(CatalogError, match="unexpected"):
            query.check_params({**{p: None for p in query.params}, "unexpected": 1})


def _python_sources(*folders: str) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for folder in folders
        for p in (REPO / folder).rglob("*.py")
        if "out" not in p.relative_to(REPO).parts
    )


def test_every_stored_query_is_used() -> None:
    """The product's queries are each named in the product's code; the tests' queries in the
    tests or benchmarks (no dead query, no test query shipped with the product)."""
    product = _python_sources("graphsvc", "loaders")
    for path in (REPO / "cypher").rglob("*.cypher"):
        if "schema" not in path.relative_to(REPO / "cypher").parts:
            assert f'"{path.stem}"' in product, f"{path} is used by no product code"
    harness = _python_sources("tests", "bench")
    for path in TEST_QUERIES[0].rglob("*.cypher"):
        assert f'"{path.stem}"' in harness, f"{path} is used by no test or benchmark"
        assert f'"{path.stem}"' not in product, f"{path} is used by the product: move it"


def test_undeclared_parameter_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "bad.cypher").write_text("// params: a\nMATCH (n {id: $a}) RETURN n.x = $b\n")
    with pytest.raises(CatalogError, match="declares"):
        load_dialect(tmp_path, "neo4j")


def test_a_backfill_is_a_check_then_a_fill(tmp_path: Path) -> None:
    names = [
        "claim_accounts",
        "claim_records",
        "invitation_recipients",
        "invitation_replies",
        "invitation_senders",
        "name_words",
    ]
    for dialect in ("ladybug", "neo4j"):
        fills = Catalog(dialect).backfills()
        assert [b.name for b in fills] == names
        words = next(b for b in fills if b.name == "name_words")
        assert ("string_split" in words.fill) == (dialect == "ladybug")
    (tmp_path / "schema" / "backfill").mkdir(parents=True)
    (tmp_path / "schema" / "backfill" / "one.cypher").write_text("MATCH (n) SET n.x = 1;\n")
    with pytest.raises(CatalogError, match="a check and a fill, not 1 statements"):
        Catalog("neo4j", root=tmp_path).backfills()


def test_a_backfill_of_one_dialect_needs_one_for_each(tmp_path: Path) -> None:
    folder = tmp_path / "schema" / "backfill"
    (folder / "ladybug").mkdir(parents=True)
    (folder / "ladybug" / "fill.cypher").write_text("RETURN true AS needed;\nRETURN 1;\n")
    with pytest.raises(CatalogError, match="lacking: neo4j"):
        Catalog("ladybug", root=tmp_path).backfills()
    (folder / "neo4j").mkdir()
    (folder / "neo4j" / "fill.cypher").write_text("RETURN true AS needed;\nRETURN 2;\n")
    assert Catalog("neo4j", root=tmp_path).backfills()[0].fill == "RETURN 2"
    (folder / "fill.cypher").write_text("RETURN true AS needed;\nRETURN 3;\n")
    with pytest.raises(CatalogError, match="shared: True"):
        Catalog("neo4j", root=tmp_path).backfills()


def test_override_without_shared_version_for_other_dialect_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "ladybug").mkdir()
    (tmp_path / "ladybug" / "only.cypher").write_text("// params: none\nRETURN 1 AS x\n")
    with pytest.raises(CatalogError, match="no version for neo4j"):
        load_dialect(tmp_path, "neo4j")


def test_parameters_inside_string_literals_are_not_parameters(tmp_path: Path) -> None:
    (tmp_path / "lit.cypher").write_text("// params: none\nRETURN '$notaparam' AS x\n")
    assert load_dialect(tmp_path, "neo4j")["lit"].params == frozenset()


def test_a_limit_applied_by_the_backend_is_left_out_on_ladybug_only(tmp_path: Path) -> None:
    (tmp_path / "top.cypher").write_text(
        "// params: id, limit\n// ladybug: LIMIT $limit applied by the backend\n"
        "MATCH (n {id: $id})-[]-(m)\nRETURN m.id AS id\nORDER BY id\nLIMIT $limit\n"
    )
    on_ladybug = load_dialect(tmp_path, "ladybug")["top"]
    on_neo4j = load_dialect(tmp_path, "neo4j")["top"]
    assert on_ladybug.text.endswith("ORDER BY id") and on_ladybug.cap == "limit"
    assert on_neo4j.text.endswith("LIMIT $limit") and on_neo4j.cap is None
    assert on_ladybug.params == on_neo4j.params == {"id", "limit"}
    on_ladybug.check_params({"id": "a", "limit": 3})  # callers pass the same parameters
    assert on_ladybug.engine_params({"id": "a", "limit": 3}) == {"id": "a"}
    assert on_neo4j.engine_params({"id": "a", "limit": 3}) == {"id": "a", "limit": 3}


@pytest.mark.parametrize(
    "body",
    [
        "MATCH (n) RETURN n.id AS id LIMIT $limit",  # not a line of its own
        "LIMIT $limit",  # nothing before it
        "MATCH (n) RETURN n.id AS id\nLIMIT $limit\nSKIP 1",  # not the last line
        "MATCH (n) WITH n LIMIT $limit\nRETURN n.id AS id\nLIMIT $limit",  # used twice
        "MATCH (n) RETURN n.id AS id\nLIMIT 5 + $limit",  # not the bare parameter
    ],
)
def test_a_limit_applied_by_the_backend_must_be_the_last_line(tmp_path: Path, body: str) -> None:
    (tmp_path / "bad.cypher").write_text(
        f"// params: limit\n// ladybug: LIMIT $limit applied by the backend\n{body}\n"
    )
    with pytest.raises(CatalogError, match="last line"):
        load_dialect(tmp_path, "ladybug")


def test_a_misspelt_backend_limit_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "bad.cypher").write_text(
        "// params: limit\n// ladybug: LIMIT limit applied by the backend\n"
        "MATCH (n) RETURN n.id AS id\nLIMIT $limit\n"
    )
    with pytest.raises(CatalogError, match="write"):
        load_dialect(tmp_path, "ladybug")


def test_a_limit_applied_by_the_backend_keeps_the_first_rows_in_order(
    backend: GraphBackend,
) -> None:
    """The first `limit` rows in the query's order, as Neo4j's LIMIT keeps them, with ties;
    a negative limit is an error on both backends."""
    given = [{"name": k, "n": n} for k, n in [("d", 1), ("b", 3), ("a", 3), ("e", 2), ("c", 3)]]
    ordered = [("a", 3), ("b", 3), ("c", 3), ("e", 2), ("d", 1)]
    for limit in (0, 1, 2, 3, 5, 9):
        rows = backend.read("test_top_values", rows=given, limit=limit)
        assert [(r["name"], r["n"]) for r in rows] == ordered[:limit], limit
    with pytest.raises(GraphError):
        backend.read("test_top_values", rows=given, limit=-1)


class _Rollback(Exception):
    pass


def test_every_stored_query_runs(backend: GraphBackend) -> None:
    """Each query runs with example parameters; writes run inside a transaction rolled back."""
    failures = []
    for name in backend.catalog.names():
        if name == "admin_delete_all":
            continue
        query = backend.catalog[name]
        params = example_params(query.text, query.params)
        if backend.dialect == "ladybug" and name in COPY_TABLES:
            params = {"rows": arrow_table(TABLES[COPY_TABLES[name]], [])}  # COPY takes Arrow

        def attempt(tx: Any, name: str = name, params: dict[str, Any] = params) -> None:
            tx.run(name, **params)
            raise _Rollback

        try:
            backend.write(attempt)
        except _Rollback:
            continue
        except GraphError as err:
            failures.append(f"{name}: {err}")
    assert not failures, "\n".join(failures)
