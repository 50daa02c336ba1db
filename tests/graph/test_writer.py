"""The writer on both backends: real inputs, idempotence, versions, atomic batches, resume."""

from __future__ import annotations

from datetime import date
from typing import Any

from graphsvc.db import GraphBackend
from loaders.atom import read_atom_files
from loaders.records import AuthorRecord, PaperRecord
from loaders.seed import read_seed
from loaders.snapshot import read_snapshot
from loaders.source import SourceItem
from loaders.writer import GraphWriter
from tests.helpers import DEMO, FIXTURES, graph_state

SNAPSHOT = DEMO / "arxiv-metadata-sample-200.jsonl"


def paper(
    arxiv_id: str, authors: list[str], cats: tuple[str, ...] = ("cs.LG",), **kw: Any
) -> SourceItem:
    record = PaperRecord(
        arxiv_id=arxiv_id,
        version=kw.pop("version", 1),
        title=kw.pop("title", f"Paper {arxiv_id}"),
        published=kw.pop("published", date(2020, 1, 1)),
        categories=cats,
        authors=tuple(
            AuthorRecord(name=a, affiliations=tuple(kw.get("affs", {}).get(a, ()))) for a in authors
        ),
    )
    return SourceItem(position=0, record=record)


def test_snapshot_ingest_counts(backend: GraphBackend) -> None:
    summary = GraphWriter(backend, batch_size=64).ingest(read_snapshot(SNAPSHOT), source="s")
    assert summary.ingested == 200
    assert summary.skipped_total == 0
    counts = graph_state(backend)["counts"]
    assert counts["Work"] == 200
    authorships = sum(len(item.record.authors) for item in read_snapshot(SNAPSHOT) if item.record)
    assert counts["AUTHORED"] == authorships


def test_ingest_twice_is_identical(backend: GraphBackend) -> None:
    writer = GraphWriter(backend, batch_size=50)
    writer.ingest(read_snapshot(SNAPSHOT))
    writer.ingest(read_seed(DEMO / "papers-seen.json"))
    writer.ingest(read_atom_files(sorted((FIXTURES / "arxiv-api").glob("*.xml"))))
    first = graph_state(backend)
    again = GraphWriter(backend, batch_size=7)
    summary = again.ingest(read_snapshot(SNAPSHOT))
    again.ingest(read_seed(DEMO / "papers-seen.json"))
    again.ingest(read_atom_files(sorted((FIXTURES / "arxiv-api").glob("*.xml"))))
    assert summary.ingested == 0 and summary.unchanged == 200
    assert graph_state(backend) == first


def test_backends_write_the_same_graph(neo4j_backend: GraphBackend, tmp_path: Any) -> None:
    from graphsvc.db.ladybug_backend import LadybugBackend

    neo4j_backend.write(lambda tx: tx.run("admin_delete_all"))
    embedded = LadybugBackend(tmp_path / "g.lbdb")
    embedded.apply_schema()
    try:
        for b in (neo4j_backend, embedded):
            writer = GraphWriter(b, batch_size=64)
            writer.ingest(read_snapshot(SNAPSHOT))
            writer.ingest(read_seed(DEMO / "papers-seen.json"))
            writer.ingest(read_atom_files(sorted((FIXTURES / "arxiv-api").glob("*.xml"))))
        assert graph_state(neo4j_backend) == graph_state(embedded)
    finally:
        embedded.close()
