"""Emptying the whole graph (`graphsvc reset`): a bounded batch per transaction, or the embedded
engine's tables dropped and made again."""

from __future__ import annotations

import math
import re

import pytest

from graphsvc.catalog import Catalog
from graphsvc.db import GraphBackend
from graphsvc.store.reset import delete_all
from loaders.atom import read_atom_files
from loaders.writer import GraphWriter
from tests.helpers import FIXTURES, graph_state

PAGES = [FIXTURES / "arxiv-api" / f"q_testing_s{s}_m10.xml" for s in (0, 10, 20, 30, 40, 50)]


def counts(backend: GraphBackend) -> dict[str, int]:
    return {r["kind"]: int(r["n"]) for r in backend.read("admin_count_all")}


def test_delete_all_in_small_batches_empties_the_graph(backend: GraphBackend) -> None:
    GraphWriter(backend, batch_size=25).ingest(read_atom_files(PAGES))
    loaded = graph_state(backend)
    # Accounts and follows are nodes and relationships of the graph too.
    people = [{"id": a, "email": f"{a}@example.org", "email_verified": True} for a in ("a", "b")]
    follows = [{"account": "a", "researcher": loaded["export_authorships"][0]["researcher"]}]
    backend.write(lambda tx: tx.run("test_create_accounts", rows=people))
    backend.write(lambda tx: tx.run("test_create_follows", rows=follows))
    before = counts(backend)
    assert before["nodes"] > 100 and before["relationships"] > 200
    batch = 37
    seen: dict[str, list[int]] = {"relationships": [], "nodes": []}
    deleted = delete_all(backend, batch=batch, progress=lambda k, t: seen[k].append(t), drop=False)
    assert deleted == (before["relationships"], before["nodes"])
    assert counts(backend) == {"nodes": 0, "relationships": 0}
    for kind, totals in seen.items():
        steps = [b - a for a, b in zip([0, *totals], totals, strict=False)]
        assert all(0 <= s <= batch for s in steps), kind  # no transaction deleted more
        assert len(totals) == math.floor(before[kind] / batch) + 1, kind
    # An emptied graph is a new graph: the same feeds give the same graph again.
    GraphWriter(backend, batch_size=25).ingest(read_atom_files(PAGES))
    assert graph_state(backend) == loaded


def test_delete_all_refuses_a_batch_below_one(backend: GraphBackend) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        delete_all(backend, batch=0)


def test_delete_all_drops_the_embedded_engines_tables_and_makes_them_again(
    backend: GraphBackend,
) -> None:
    """The embedded engine drops its tables (Neo4j has no such statements: batches there)."""
    GraphWriter(backend, batch_size=25).ingest(read_atom_files(PAGES))
    loaded = graph_state(backend)
    before = counts(backend)
    seen: list[tuple[str, int]] = []
    deleted = delete_all(backend, progress=lambda k, t: seen.append((k, t)))
    assert deleted == (before["relationships"], before["nodes"])
    assert counts(backend) == {"nodes": 0, "relationships": 0}
    dropped = backend.catalog.drop_statements()
    assert bool(dropped) == (backend.dialect == "ladybug")
    assert (seen == []) == bool(dropped)  # batches report progress, a drop does not
    GraphWriter(backend, batch_size=25).ingest(read_atom_files(PAGES))
    assert graph_state(backend) == loaded


def test_the_drop_statements_drop_every_table_the_schema_makes() -> None:
    catalog = Catalog("ladybug")
    pattern = r"CREATE (NODE|REL) TABLE IF NOT EXISTS (\w+)"
    made = [(m[1], m[2]) for s in catalog.schema_statements() if (m := re.match(pattern, s))]
    dropped = [s.removeprefix("DROP TABLE IF EXISTS ") for s in catalog.drop_statements()]
    assert sorted(dropped) == sorted(name for _, name in made)
    rels = {name for kind, name in made if kind == "REL"}
    assert set(dropped[: len(rels)]) == rels  # relationship tables before node tables
